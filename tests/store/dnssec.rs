//! DNSSEC keys in the store: written once per zone through the one write
//! path, however many replicas race to write one, rolled one roll at a
//! time, and recorded in the change log without their private half.

use std::sync::Arc;

use callsign::store::Store;
use callsign::store::dnssec::{DnssecKey, PrivateKey};
use callsign::store::{Conflict, RollTiming, StoreError};
use chrono::{TimeDelta, Utc};
use uuid::Uuid;

fn candidate(zone: &str, secret: u8) -> DnssecKey {
    DnssecKey::first(
        Uuid::now_v7(),
        zone,
        13,
        PrivateKey::new(vec![secret; 40]),
        Utc::now(),
    )
}

pub async fn dnssec_keys_are_made_once_per_zone(store: Arc<dyn Store>) {
    assert!(store.dnssec_keys("e164.arpa").await.unwrap().is_empty());
    let first = candidate("e164.arpa", 0xA1);
    let stored = store
        .ensure_dnssec_key("test", first.clone())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].id, first.id);
    assert_eq!(store.dnssec_keys("e164.arpa").await.unwrap(), stored);

    // A later candidate changes nothing: the stored key comes back.
    let again = store
        .ensure_dnssec_key("test", candidate("e164.arpa", 0xB2))
        .await
        .unwrap();
    assert_eq!(again, stored);
    assert_eq!(again[0].private_key, PrivateKey::new(vec![0xA1; 40]));

    // Racing writers end up with one key between them.
    let racers = (0..4u8).map(|i| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .ensure_dnssec_key("test", candidate("e164.example.net", i))
                .await
                .unwrap()
        })
    });
    let results = futures::future::join_all(racers).await;
    let winners: Vec<Uuid> = results.into_iter().map(|r| r.unwrap()[0].id).collect();
    assert!(winners.iter().all(|id| *id == winners[0]), "{winners:?}");
    assert_eq!(
        store.dnssec_keys("e164.example.net").await.unwrap().len(),
        1
    );

    // One change-log row per key made, without the private key.
    let made = changes(&store, "dnssec.key.create").await;
    assert_eq!(made.len(), 2);
    let after = made[0].after.as_ref().unwrap();
    assert_eq!(after["zone"], "e164.arpa");
    assert_eq!(after["algorithm"], 13);
    assert!(after.get("private_key").is_none(), "{after}");
    assert!(made[0].subject_id.is_none());
}

pub async fn dnssec_keys_roll_one_roll_at_a_time(store: Arc<dyn Store>) {
    let timing = RollTiming {
        pre_publication: TimeDelta::seconds(100),
        retirement: TimeDelta::seconds(200),
    };
    // No key yet: nothing to roll.
    let nothing = store
        .roll_dnssec_key("test", candidate("e164.arpa", 1), timing)
        .await;
    assert!(matches!(nothing, Err(StoreError::NotFound)), "{nothing:?}");
    let first = store
        .ensure_dnssec_key("test", candidate("e164.arpa", 0xA1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(first.active_at, first.created_at);
    assert_eq!(first.removed_at, None);

    let before = Utc::now();
    let second = candidate("e164.arpa", 0xB2);
    let keys = store
        .roll_dnssec_key("test", second.clone(), timing)
        .await
        .unwrap();
    assert_eq!(store.dnssec_keys("e164.arpa").await.unwrap(), keys);
    let [old, new] = &keys[..] else {
        panic!("two keys: {keys:?}")
    };
    assert_eq!((old.id, new.id), (first.id, second.id));
    assert!(new.created_at >= before - TimeDelta::milliseconds(1));
    assert_eq!(new.active_at, new.created_at + timing.pre_publication);
    assert_eq!(old.removed_at, Some(new.active_at + timing.retirement));
    assert_eq!(new.removed_at, None);
    assert_eq!(new.private_key, PrivateKey::new(vec![0xB2; 40]));

    // A roll under way refuses the next, however many race for it.
    let racers = (0..3u8).map(|i| {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .roll_dnssec_key("test", candidate("e164.arpa", i), timing)
                .await
        })
    });
    for refused in futures::future::join_all(racers).await {
        assert!(
            matches!(refused.unwrap(), Err(StoreError::Conflict(Conflict::Rolling(ref z))) if z == "e164.arpa"),
        );
    }
    assert_eq!(store.dnssec_keys("e164.arpa").await.unwrap(), keys);

    // The change log has the roll: the old key with its removal, the new
    // key with its activation, no private half.
    let rolls = changes(&store, "dnssec.key.roll").await;
    assert_eq!(rolls.len(), 1);
    let (was, is) = (
        rolls[0].before.as_ref().unwrap(),
        rolls[0].after.as_ref().unwrap(),
    );
    assert_eq!(was["id"], first.id.to_string());
    assert!(was["removed_at"].is_string(), "{was}");
    assert_eq!(is["id"], second.id.to_string());
    assert!(is["removed_at"].is_null(), "{is}");
    assert!(was.get("private_key").is_none() && is.get("private_key").is_none());
}

/// The change-log rows of `operation`, oldest first.
async fn changes(store: &Arc<dyn Store>, operation: &str) -> Vec<callsign::store::Change> {
    let all = store
        .changes(&callsign::store::ChangeQuery {
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    all.into_iter()
        .filter(|c| c.operation == operation)
        .collect()
}
