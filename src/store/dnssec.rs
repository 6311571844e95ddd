//! What the store keeps of DNSSEC: each zone's signing keys, private half
//! included, so every replica signs with the same key.

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
    /// `active`: the key that signs (see [`ACTIVE`]).
    pub state: String,
    pub created_at: DateTime<Utc>,
}

/// The state of the key a zone signs with.
pub const ACTIVE: &str = "active";

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
        let key = DnssecKey {
            id: Uuid::nil(),
            zone: "e164.arpa".into(),
            algorithm: 13,
            private_key: PrivateKey::new(vec![0xAB; 8]),
            state: ACTIVE.into(),
            created_at: Utc::now(),
        };
        assert!(!format!("{key:?}").contains("171"), "{key:?}");
        let json = serde_json::to_string(&key).unwrap();
        assert!(!json.contains("private"), "{json}");
    }
}
