//! A zone's signing key: made from what the store keeps (PKCS#8), with the
//! records that publish it (DNSKEY, CDNSKEY, CDS, and the DS for the
//! parent) and the private-key formats other signers read.
//!
//! Every signature is made by hickory-proto's DNSSEC keys (over aws-lc-rs);
//! the bytes of a BIND key file come from aws-lc-rs itself.

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use hickory_proto::dnssec::crypto::{EcdsaSigningKey, Ed25519SigningKey, signing_key_from_der};
use hickory_proto::dnssec::rdata::{DNSKEY, DS};
use hickory_proto::dnssec::{Algorithm, DigestType, SigningKey, TBS};
use hickory_proto::rr::Name;
use hickory_proto::serialize::binary::{BinEncodable, BinEncoder};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use uuid::Uuid;

use crate::store::DnssecKey;
use crate::store::dnssec::{KeyState, PrivateKey, key_states, next_transition};

/// DNSKEY flags of a combined signing key: zone key and secure entry point.
pub const CSK_FLAGS: u16 = 257;

/// The algorithms callsign signs with, by number.
pub fn algorithm(number: u8) -> Option<Algorithm> {
    match number {
        13 => Some(Algorithm::ECDSAP256SHA256),
        15 => Some(Algorithm::ED25519),
        _ => None,
    }
}

/// A new key for `zone` (its apex, lowercase, no trailing dot), to store.
pub fn generate(zone: &str, algorithm_number: u8) -> anyhow::Result<DnssecKey> {
    let pkcs8 = match algorithm(algorithm_number) {
        Some(Algorithm::ED25519) => Ed25519SigningKey::generate_pkcs8(),
        Some(a) => EcdsaSigningKey::generate_pkcs8(a),
        None => anyhow::bail!("DNSSEC algorithm {algorithm_number} is not supported (13 or 15)"),
    }
    .context("generating a DNSSEC key")?;
    // The store sets the times it keeps.
    Ok(DnssecKey::first(
        Uuid::now_v7(),
        zone,
        algorithm_number.into(),
        PrivateKey::new(pkcs8.secret_pkcs8_der().to_vec()),
        Utc::now(),
    ))
}

/// A stored key, ready to sign and to be published.
pub struct ZoneKey {
    signing: Box<dyn SigningKey>,
    stored: DnssecKey,
    pub apex: Name,
    pub dnskey: DNSKEY,
    /// DNSKEY rdata, which CDNSKEY shares (RFC 7344 §3.2).
    pub dnskey_rdata: Box<[u8]>,
    pub key_tag: u16,
}

impl ZoneKey {
    pub fn new(stored: &DnssecKey) -> anyhow::Result<ZoneKey> {
        let number = u8::try_from(stored.algorithm).unwrap_or(0);
        let algorithm = algorithm(number).with_context(|| {
            format!(
                "stored DNSSEC key of {} has algorithm {}",
                stored.zone, stored.algorithm
            )
        })?;
        let der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            stored.private_key.pkcs8_der().to_vec(),
        ));
        let signing = signing_key_from_der(&der, algorithm)
            .with_context(|| format!("reading the stored DNSSEC key of {}", stored.zone))?;
        let public = signing.to_public_key().context("deriving a public key")?;
        let dnskey = DNSKEY::with_flags(CSK_FLAGS, public);
        let dnskey_rdata = encode(|e| dnskey.emit(e));
        let key_tag = DNSKEY::calculate_key_tag_internal(&dnskey_rdata);
        let mut apex = Name::from_ascii(&stored.zone).context("a stored zone name")?;
        apex.set_fqdn(true);
        Ok(ZoneKey {
            signing,
            stored: stored.clone(),
            apex,
            dnskey,
            dnskey_rdata: dnskey_rdata.into(),
            key_tag,
        })
    }

    /// What the store keeps of the key: its times.
    pub fn stored(&self) -> &DnssecKey {
        &self.stored
    }

    pub fn algorithm(&self) -> u8 {
        self.signing.algorithm().into()
    }

    pub fn sign(&self, data: Vec<u8>) -> anyhow::Result<Vec<u8>> {
        let tbs = TBS::from(data.as_slice());
        self.signing.sign(&tbs).context("signing")
    }

    /// The DS record for the parent (SHA-256, RFC 4509).
    pub fn ds(&self) -> anyhow::Result<DS> {
        let digest = self
            .dnskey
            .to_digest(&self.apex, DigestType::SHA256)
            .context("digesting the DNSKEY")?;
        Ok(DS::new(
            self.key_tag,
            self.signing.algorithm(),
            DigestType::SHA256,
            digest.as_ref().to_vec(),
        ))
    }

    /// CDS rdata: the DS the parent should hold (RFC 7344), same wire form.
    pub fn cds_rdata(&self) -> anyhow::Result<Vec<u8>> {
        let ds = self.ds()?;
        Ok(encode(|e| ds.emit(e)))
    }

    /// `zone. TTL IN DS …` in presentation form.
    pub fn ds_text(&self, ttl: u32) -> anyhow::Result<String> {
        Ok(format!("{} {ttl} IN DS {}", self.apex, self.ds()?))
    }

    /// `zone. TTL IN DNSKEY …` in presentation form.
    pub fn dnskey_text(&self, ttl: u32) -> String {
        format!("{} {ttl} IN DNSKEY {}", self.apex, self.dnskey)
    }

    /// The private key as PKCS#8 PEM (what `keymgr import-pem` and
    /// OpenSSL read).
    pub fn private_pem(&self) -> String {
        let body = STANDARD.encode(self.stored.private_key.pkcs8_der());
        let mut pem = String::from("-----BEGIN PRIVATE KEY-----\n");
        for line in body.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
            pem.push('\n');
        }
        pem.push_str("-----END PRIVATE KEY-----\n");
        pem
    }

    /// The private key in BIND's `K<zone>+<alg>+<tag>.private` format.
    pub fn private_bind(&self) -> anyhow::Result<String> {
        use aws_lc_rs::encoding::AsBigEndian;
        let der = self.stored.private_key.pkcs8_der();
        let (name, raw) = match self.signing.algorithm() {
            Algorithm::ED25519 => {
                let pair = aws_lc_rs::signature::Ed25519KeyPair::from_pkcs8(der)
                    .map_err(|e| anyhow::anyhow!("reading the Ed25519 key: {e}"))?;
                let seed = pair.seed().map_err(|_| anyhow::anyhow!("Ed25519 seed"))?;
                let raw: aws_lc_rs::encoding::Curve25519SeedBin<'_> = seed
                    .as_be_bytes()
                    .map_err(|_| anyhow::anyhow!("Ed25519 seed bytes"))?;
                ("ED25519", raw.as_ref().to_vec())
            }
            _ => {
                let pair = aws_lc_rs::signature::EcdsaKeyPair::from_pkcs8(
                    &aws_lc_rs::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
                    der,
                )
                .map_err(|e| anyhow::anyhow!("reading the ECDSA key: {e}"))?;
                let raw: aws_lc_rs::encoding::EcPrivateKeyBin<'_> = pair
                    .private_key()
                    .as_be_bytes()
                    .map_err(|_| anyhow::anyhow!("ECDSA private key bytes"))?;
                ("ECDSAP256SHA256", raw.as_ref().to_vec())
            }
        };
        let created = self.stored.created_at.format("%Y%m%d%H%M%S");
        Ok(format!(
            "Private-key-format: v1.3\nAlgorithm: {} ({name})\nPrivateKey: {}\n\
             Created: {created}\nPublish: {created}\nActivate: {created}\n",
            self.algorithm(),
            STANDARD.encode(raw),
        ))
    }

    /// The file name BIND gives the key pair: `K<zone>.+<alg>+<tag>`.
    pub fn bind_file_stem(&self) -> String {
        format!(
            "K{}+{:03}+{:05}",
            self.apex.to_ascii(),
            self.algorithm(),
            self.key_tag
        )
    }
}

/// A zone's keys at one moment, each with its state, ready to sign and to
/// be published.
pub struct ZoneKeys {
    /// Oldest first, removed keys left out.
    pub keys: Vec<(ZoneKey, KeyState)>,
    /// When a key changes state next: a roll is under way until then.
    pub next_transition: Option<DateTime<Utc>>,
}

impl ZoneKeys {
    /// The state of a zone's `stored` keys at `at`.
    pub fn at(stored: &[DnssecKey], at: DateTime<Utc>) -> anyhow::Result<ZoneKeys> {
        let mut keys = Vec::new();
        for (key, state) in stored.iter().zip(key_states(stored, at)) {
            if state != KeyState::Removed {
                keys.push((ZoneKey::new(key)?, state));
            }
        }
        Ok(ZoneKeys {
            keys,
            next_transition: next_transition(stored, at),
        })
    }

    /// The key that signs the zone (and that CDS and the DS name).
    pub fn active(&self) -> Option<&ZoneKey> {
        self.in_state(KeyState::Active).next()
    }

    pub fn in_state(&self, state: KeyState) -> impl Iterator<Item = &ZoneKey> {
        self.keys
            .iter()
            .filter(move |(_, s)| *s == state)
            .map(|(k, _)| k)
    }

    /// `tag state` of each key, for logs.
    pub fn summary(&self) -> String {
        let keys: Vec<String> = self
            .keys
            .iter()
            .map(|(k, state)| format!("{} {state:?}", k.key_tag))
            .collect();
        keys.join(", ")
    }

    /// [`ZoneKeys::active`], taken out.
    pub fn into_active(self) -> Option<ZoneKey> {
        self.keys
            .into_iter()
            .find(|(_, s)| *s == KeyState::Active)
            .map(|(k, _)| k)
    }
}

fn encode(
    emit: impl FnOnce(&mut BinEncoder<'_>) -> Result<(), hickory_proto::ProtoError>,
) -> Vec<u8> {
    let mut buf = Vec::new();
    emit(&mut BinEncoder::new(&mut buf)).expect("DNSSEC records encode");
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_sign_and_publish_for_both_algorithms() {
        for number in [13, 15] {
            let stored = generate("e164.arpa", number).unwrap();
            let key = ZoneKey::new(&stored).unwrap();
            assert_eq!(key.algorithm(), number);
            assert_eq!(key.dnskey.flags(), CSK_FLAGS);
            assert!(!key.sign(b"data".to_vec()).unwrap().is_empty());
            let ds = key.ds_text(3600).unwrap();
            assert!(
                ds.starts_with(&format!(
                    "e164.arpa. 3600 IN DS {} {number} 2 ",
                    key.key_tag
                )),
                "{ds}"
            );
            let bind = key.private_bind().unwrap();
            assert!(bind.contains(&format!("Algorithm: {number} ")), "{bind}");
            assert!(
                key.private_pem()
                    .starts_with("-----BEGIN PRIVATE KEY-----\n")
            );
        }
        assert!(generate("e164.arpa", 8).is_err());
    }
}
