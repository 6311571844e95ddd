//! What the store keeps of DNSSEC: each zone's signing keys, private half
//! included, so every replica signs with the same key, and their times, so
//! every replica (or a restarted one) rolls them at the same moments.

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

/// A zone's signing key as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DnssecKey {
    pub id: Uuid,
    /// The zone apex, lowercase, without the trailing dot.
    pub zone: String,
    /// The DNSSEC algorithm number (13 or 15).
    pub algorithm: i32,
    /// Never serialised: change-log rows, logs and API bodies carry the
    /// key's public facts only.
    #[serde(skip)]
    #[sqlx(try_from = "Vec<u8>")]
    pub private_key: PrivateKey,
    /// Published in DNSKEY from then on.
    pub created_at: DateTime<Utc>,
    /// Signs from then on, until a newer key is active.
    pub active_at: DateTime<Utc>,
    /// Gone from DNSKEY from then on; None for a zone's newest key.
    pub removed_at: Option<DateTime<Utc>>,
}

/// Where a key is in its life at some moment (RFC 7583 §3.1 names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyState {
    /// In DNSKEY, signing nothing yet: resolvers learn it before it is used.
    Published,
    /// Signs the zone; CDS and CDNSKEY name it.
    Active,
    /// Replaced by a newer active key but still in DNSKEY (and signing it),
    /// while caches may hold what it signed.
    Retired,
    Removed,
}

impl DnssecKey {
    /// A zone's first key: published and active from `at`.
    pub fn first(
        id: Uuid,
        zone: &str,
        algorithm: i32,
        private_key: PrivateKey,
        at: DateTime<Utc>,
    ) -> DnssecKey {
        DnssecKey {
            id,
            zone: zone.to_owned(),
            algorithm,
            private_key,
            created_at: at,
            active_at: at,
            removed_at: None,
        }
    }
}

/// The state of each of a zone's `keys` at `at`: the newest key whose time
/// has come is active, older ones are retired until their removal.
pub fn key_states(keys: &[DnssecKey], at: DateTime<Utc>) -> Vec<KeyState> {
    let active = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.active_at <= at && k.removed_at.is_none_or(|r| r > at))
        .max_by_key(|(_, k)| k.active_at)
        .map(|(i, _)| i);
    keys.iter()
        .enumerate()
        .map(|(i, k)| match k.removed_at {
            Some(removed) if removed <= at => KeyState::Removed,
            _ if Some(i) == active => KeyState::Active,
            _ if k.active_at > at => KeyState::Published,
            _ => KeyState::Retired,
        })
        .collect()
}

/// The next moment after `at` at which a key of `keys` changes state.
pub fn next_transition(keys: &[DnssecKey], at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    keys.iter()
        .flat_map(|k| [Some(k.active_at), k.removed_at])
        .flatten()
        .filter(|t| *t > at)
        .min()
}

/// Is a roll of the zone with these `keys` under way at `at` (a key not yet
/// removed is scheduled for removal)?
pub fn rolling(keys: &[DnssecKey], at: DateTime<Utc>) -> bool {
    keys.iter().any(|k| k.removed_at.is_some_and(|r| r > at))
}

/// PKCS#8 DER of a private key, masked in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateKey(Vec<u8>);

impl PrivateKey {
    pub fn new(pkcs8_der: Vec<u8>) -> PrivateKey {
        PrivateKey(pkcs8_der)
    }

    pub fn pkcs8_der(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for PrivateKey {
    fn from(der: Vec<u8>) -> PrivateKey {
        PrivateKey(der)
    }
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateKey(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_private_half_never_shows() {
        let key = DnssecKey::first(
            Uuid::nil(),
            "e164.arpa",
            13,
            PrivateKey::new(vec![0xAB; 8]),
            Utc::now(),
        );
        // The bytes in any spelling (a timestamp may hold "171" itself).
        let debug = format!("{key:?}").to_ascii_lowercase();
        for spelling in ["171, 171", "abab", "q6ur"] {
            assert!(!debug.contains(spelling), "{key:?}");
        }
        let json = serde_json::to_string(&key).unwrap();
        assert!(!json.contains("private"), "{json}");
    }

    #[test]
    fn a_roll_goes_published_active_retired_removed() {
        use chrono::TimeDelta;
        let t0 = Utc::now();
        let s = TimeDelta::seconds;
        let mut old = DnssecKey::first(Uuid::nil(), "e164.arpa", 13, PrivateKey::new(vec![1]), t0);
        old.removed_at = Some(t0 + s(20));
        let mut new = DnssecKey::first(
            Uuid::max(),
            "e164.arpa",
            13,
            PrivateKey::new(vec![2]),
            t0 + s(1),
        );
        new.active_at = t0 + s(10);
        let keys = [old, new];
        use KeyState::*;
        assert_eq!(key_states(&keys, t0 + s(5)), [Active, Published]);
        assert_eq!(key_states(&keys, t0 + s(10)), [Retired, Active]);
        assert_eq!(key_states(&keys, t0 + s(20)), [Removed, Active]);
        assert_eq!(next_transition(&keys, t0 + s(5)), Some(t0 + s(10)));
        assert_eq!(next_transition(&keys, t0 + s(10)), Some(t0 + s(20)));
        assert_eq!(next_transition(&keys, t0 + s(20)), None);
        assert!(rolling(&keys, t0 + s(19)));
        assert!(!rolling(&keys, t0 + s(20)));
    }
}
