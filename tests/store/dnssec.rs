//! DNSSEC keys in the store: written once per zone through the one write
//! path, however many replicas race to write one, and recorded in the
//! change log without their private half.

use std::sync::Arc;

use callsign::store::Store;
use callsign::store::dnssec::{ACTIVE, DnssecKey, PrivateKey};
use chrono::Utc;
use uuid::Uuid;

fn candidate(zone: &str, secret: u8) -> DnssecKey {
    DnssecKey {
        id: Uuid::now_v7(),
        zone: zone.into(),
        algorithm: 13,
        private_key: PrivateKey::new(vec![secret; 40]),
        state: ACTIVE.into(),
        created_at: Utc::now(),
    }
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
    let changes = store
        .changes(&callsign::store::ChangeQuery {
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let made: Vec<_> = changes
        .iter()
        .filter(|c| c.operation == "dnssec.key.create")
        .collect();
    assert_eq!(made.len(), 2);
    let after = made[0].after.as_ref().unwrap();
    assert_eq!(after["zone"], "e164.arpa");
    assert_eq!(after["algorithm"], 13);
    assert!(after.get("private_key").is_none(), "{after}");
    assert!(made[0].subject_id.is_none());
}
