//! TSIG (RFC 8945): checking signed requests (§5.2), signing their
//! answers (every message of a transfer, each MAC chained to the one
//! before, §5.3.1), the error answers a failed check gets, and signing the
//! NOTIFY we send.
//!
//! hickory-proto does the record encoding and the HMAC (over aws-lc-rs);
//! what is ours is which bytes are covered and the RFC's answers. Only
//! full-length MACs are accepted (the local truncation policy of §5.2.4):
//! a validly truncated one gets BADTRUNC.

use std::time::{SystemTime, UNIX_EPOCH};

use hickory_proto::rr::rdata::TSIG;
use hickory_proto::rr::rdata::tsig::{
    TsigAlgorithm, TsigError, make_tsig_record, signed_bitmessage_to_buf,
};
use hickory_proto::rr::{Name, TSigner};
use hickory_proto::serialize::binary::{BinEncodable, BinEncoder, NameEncoding};
use subtle::ConstantTimeEq;

use super::wire::Rcode;
use crate::config::{self, TsigKeys};

/// The clock skew we allow peers and ask them to allow us, seconds (the
/// RFC's suggested 300).
const FUDGE: u16 = 300;

/// Seconds since the epoch, as TSIG counts time.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A configured key, ready to compute MACs.
struct Key {
    signer: TSigner,
    mac_len: usize,
}

/// Every configured key.
pub struct Keyring {
    keys: Vec<Key>,
}

impl Keyring {
    pub fn new(keys: &TsigKeys) -> anyhow::Result<Keyring> {
        let keys =
            keys.iter()
                .map(|key| {
                    let secret = key.secret.as_ref().ok_or_else(|| {
                        anyhow::anyhow!("dns.tsig_keys `{}` has no secret", key.name)
                    })?;
                    let signer = TSigner::new(
                        secret.expose().to_vec(),
                        algorithm(key.algorithm),
                        key.name.clone(),
                        FUDGE,
                    )?;
                    Ok(Key {
                        signer,
                        mac_len: key.algorithm.output_len(),
                    })
                })
                .collect::<anyhow::Result<_>>()?;
        Ok(Keyring { keys })
    }

    fn key(&self, name: &Name) -> Option<&Key> {
        self.keys.iter().find(|k| k.signer.signer_name() == name)
    }

    /// Check the TSIG record that ends `msg` (§5.2, in the RFC's order:
    /// key, MAC, time, truncation policy) at `now`.
    pub fn verify(&self, msg: &[u8], now: u64) -> Result<Signer, Box<Failure>> {
        let (covered, record) =
            signed_bitmessage_to_buf(msg, None, true).map_err(|_| Box::new(Failure::FormErr))?;
        let tsig = &record.data;
        let Some(key) = self
            .key(&record.name)
            .filter(|k| *k.signer.algorithm() == tsig.algorithm)
        else {
            return Err(Box::new(Failure::Unsigned {
                key: record.name.clone(),
                algorithm: tsig.algorithm.clone(),
                error: TsigError::BadKey,
            }));
        };
        // §5.2.2.1: longer than the hash, or shorter than the larger of
        // 10 octets and half the hash, is malformed.
        let received = tsig.mac.len();
        if received > key.mac_len || received < (key.mac_len / 2).max(10) {
            return Err(Box::new(Failure::FormErr));
        }
        let expected = key
            .signer
            .sign(&covered)
            .map_err(|_| Box::new(Failure::FormErr))?;
        if !bool::from(expected[..received].ct_eq(&tsig.mac)) {
            return Err(Box::new(Failure::Unsigned {
                key: record.name.clone(),
                algorithm: tsig.algorithm.clone(),
                error: TsigError::BadSig,
            }));
        }
        let mut signer = Signer::response(key.signer.clone(), tsig);
        if now.abs_diff(tsig.time) > u64::from(tsig.fudge) {
            signer.error = Some(TsigError::BadTime);
            return Err(Box::new(Failure::Signed(signer)));
        }
        if received < key.mac_len {
            signer.error = Some(TsigError::BadTrunc);
            return Err(Box::new(Failure::Signed(signer)));
        }
        Ok(signer)
    }

    /// A signer for a NOTIFY with `id` to a secondary that holds `key`.
    pub fn request_signer(&self, key: &Name, id: u16) -> Option<Signer> {
        let key = self.key(key)?;
        Some(Signer {
            signer: key.signer.clone(),
            prior: None,
            first: true,
            oid: id,
            request_time: 0,
            error: None,
        })
    }
}

fn algorithm(algorithm: config::TsigAlgorithm) -> TsigAlgorithm {
    match algorithm {
        config::TsigAlgorithm::HmacSha256 => TsigAlgorithm::HmacSha256,
        config::TsigAlgorithm::HmacSha384 => TsigAlgorithm::HmacSha384,
        config::TsigAlgorithm::HmacSha512 => TsigAlgorithm::HmacSha512,
    }
}

/// Why a signed request is not answered as asked.
#[derive(Debug)]
pub enum Failure {
    /// The TSIG record cannot be read, or its MAC size is impossible.
    FormErr,
    /// NOTAUTH with an unsigned TSIG naming the error (BADKEY, BADSIG):
    /// the requester could not check a MAC made with a key it does not
    /// share or over a message we could not authenticate.
    Unsigned {
        key: Name,
        algorithm: TsigAlgorithm,
        error: TsigError,
    },
    /// NOTAUTH signed with the request's key (BADTIME, BADTRUNC).
    Signed(Signer),
}

impl Failure {
    /// A key that is valid but not the one required (`dns.axfr_allow`).
    pub fn wrong_key(signer: &Signer) -> Failure {
        Failure::Unsigned {
            key: signer.key().clone(),
            algorithm: signer.signer.algorithm().clone(),
            error: TsigError::BadKey,
        }
    }

    pub fn rcode(&self) -> Rcode {
        match self {
            Failure::FormErr => Rcode::FormErr,
            _ => Rcode::NotAuth,
        }
    }

    /// Complete the error answer in `out` (header, question, OPT written).
    pub fn finish(self, id: u16, out: &mut Vec<u8>, now: u64) {
        match self {
            Failure::FormErr => {}
            Failure::Unsigned {
                key,
                algorithm,
                error,
            } => {
                let tsig = TSIG::new(
                    algorithm,
                    now,
                    FUDGE,
                    Vec::new(),
                    id,
                    Some(error),
                    Vec::new(),
                );
                append_record(out, key, tsig);
            }
            Failure::Signed(mut signer) => signer.sign(out, now),
        }
    }
}

/// Signs a message, or a chain of them, with one key.
pub struct Signer {
    signer: TSigner,
    /// The MAC the next one chains from: the request's, then each
    /// message's own; none for a request.
    prior: Option<Vec<u8>>,
    /// The first message covers every TSIG variable, later ones only the
    /// timers (§5.3.1).
    first: bool,
    oid: u16,
    request_time: u64,
    error: Option<TsigError>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("key", self.signer.signer_name())
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl Signer {
    fn response(signer: TSigner, request: &TSIG) -> Signer {
        Signer {
            signer,
            prior: Some(request.mac.clone()),
            first: true,
            oid: request.oid,
            request_time: request.time,
            error: None,
        }
    }

    /// The name of the key the request was signed with.
    pub fn key(&self) -> &Name {
        self.signer.signer_name()
    }

    /// Bytes [`Signer::sign`] adds to a message.
    pub fn overhead(&self) -> usize {
        let name = |n: &Name| n.to_ascii().trim_end_matches('.').len() + 2;
        // Owner, type, class, TTL, rdlength; algorithm, time, fudge, MAC
        // size, MAC, original ID, error, other length, other (BADTIME).
        name(self.key()) + 10 + name(&self.signer.algorithm().to_name()) + 16 + 64 + 6
    }

    /// Append the TSIG record to the finished message `message` (its
    /// ARCOUNT counted up), signed at `now`.
    pub fn sign(&mut self, message: &mut Vec<u8>, now: u64) {
        // A BADTIME answer carries the request's time, so the requester
        // can check it, and ours in Other Data (§5.2.3).
        let (time, other) = match self.error {
            Some(TsigError::BadTime) => (self.request_time, now.to_be_bytes()[2..].to_vec()),
            _ => (now, Vec::new()),
        };
        let algorithm = self.signer.algorithm().clone();
        let stub = TSIG::new(
            algorithm,
            time,
            FUDGE,
            Vec::new(),
            self.oid,
            self.error,
            other,
        );
        let mut covered = Vec::with_capacity(message.len() + 256);
        let mut encoder = BinEncoder::new(&mut covered);
        let encoded = (|| {
            if let Some(prior) = &self.prior {
                encoder.emit_u16(prior.len() as u16)?;
                encoder.emit_vec(prior)?;
            }
            encoder.emit_vec(message)?;
            if self.first {
                stub.emit_tsig_for_mac(&mut encoder, self.signer.signer_name())
            } else {
                encoder.emit_u16((time >> 32) as u16)?;
                encoder.emit_u32(time as u32)?;
                encoder.emit_u16(FUDGE)
            }
        })();
        encoded.expect("a DNS message and its TSIG variables always encode");
        let mac = self
            .signer
            .sign(&covered)
            .expect("the key's algorithm is supported");
        self.prior = Some(mac.clone());
        self.first = false;
        append_record(message, self.key().clone(), stub.set_mac(mac));
    }
}

/// Append a TSIG record (the last in the message) and count it.
fn append_record(message: &mut Vec<u8>, key: Name, tsig: TSIG) {
    let mut rr = Vec::with_capacity(256);
    let mut encoder = BinEncoder::new(&mut rr);
    // Spliced after other bytes: a pointer into `rr` would be wrong there.
    encoder.set_name_encoding(NameEncoding::Uncompressed);
    make_tsig_record(key, tsig)
        .emit(&mut encoder)
        .expect("a TSIG record always encodes");
    message.extend_from_slice(&rr);
    let additional = u16::from_be_bytes([message[10], message[11]]) + 1;
    message[10..12].copy_from_slice(&additional.to_be_bytes());
}

/// A fresh key `name` for `algorithm` (as configured: `hmac-sha256`…),
/// printed as a `[[dns.tsig_keys]]` table and in the forms `kdig -y`,
/// Knot DNS and BIND take.
pub fn generate(name: &str, algorithm: &str) -> Result<String, String> {
    let algorithm = config::TsigAlgorithm::parse(algorithm)?;
    let key = Name::from_ascii(name)
        .ok()
        .filter(|_| !name.is_empty())
        .ok_or_else(|| format!("`{name}` is not a DNS name"))?;
    let name = key.to_ascii();
    let name = name.trim_end_matches('.');
    // As long as the MAC, as RFC 8945 §6 recommends.
    let mut bytes = vec![0u8; algorithm.output_len()];
    rand::Rng::fill(&mut rand::rng(), &mut bytes[..]);
    let secret = config::TsigSecret::new(bytes).to_base64();
    let env = config::TsigKey {
        name: key.clone(),
        algorithm,
        secret: None,
        secret_file: None,
    }
    .secret_env();
    Ok(format!(
        "# callsign configuration (or leave `secret` out and set {env})
[[dns.tsig_keys]]
name = \"{name}\"
algorithm = \"{algorithm}\"
secret = \"{secret}\"

# kdig
kdig -y {algorithm}:{name}:{secret} @SERVER AXFR ZONE

# Knot DNS (knot.conf)
key:
  - id: {name}
    algorithm: {algorithm}
    secret: {secret}

# BIND (named.conf)
key \"{name}\" {{
    algorithm {algorithm};
    secret \"{secret}\";
}};
"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{TsigKey, TsigSecret};
    use hickory_proto::op::{Message, Query};
    use hickory_proto::rr::RecordType;

    fn keyring() -> Keyring {
        let key = TsigKey {
            name: Name::from_ascii("k.").unwrap(),
            algorithm: config::TsigAlgorithm::HmacSha256,
            secret: Some(TsigSecret::new(b"0123456789abcdef".to_vec())),
            secret_file: None,
        };
        Keyring::new(&vec![key].into()).unwrap()
    }

    fn axfr() -> Message {
        let mut m = Message::query();
        m.add_query(Query::query(
            Name::from_ascii("e164.arpa.").unwrap(),
            RecordType::AXFR,
        ));
        m
    }

    /// A request signed by hickory at `time`, and hickory's checker of the
    /// answers to it.
    fn signed_query(time: u64) -> (Vec<u8>, hickory_proto::rr::TSigVerifier) {
        let mut m = axfr();
        let signer = keyring().keys.remove(0).signer;
        let (record, verifier) = signer.sign_message(&m, time).unwrap();
        m.set_signature(record);
        (m.to_vec().unwrap(), verifier.unwrap())
    }

    #[test]
    fn a_signed_request_verifies_and_its_answers_chain() {
        let now = 1_700_000_000;
        let (msg, mut verifier) = signed_query(now);
        let mut signer = keyring().verify(&msg, now + 10).unwrap();
        assert_eq!(signer.key().to_ascii(), "k.");
        let mut answer = axfr();
        answer.metadata.message_type = hickory_proto::op::MessageType::Response;
        answer.metadata.id = u16::from_be_bytes([msg[0], msg[1]]);
        for _ in 0..3 {
            let mut bytes = answer.to_vec().unwrap();
            let before = bytes.len();
            signer.sign(&mut bytes, now + 10);
            assert!(bytes.len() - before <= signer.overhead());
            verifier
                .verify(&bytes)
                .expect("each message verifies in turn");
        }
    }

    #[test]
    fn stale_and_unknown_requests_fail_as_the_rfc_says() {
        let now = 1_700_000_000;
        let (msg, _) = signed_query(now);
        match keyring().verify(&msg, now + 301).map_err(|f| *f) {
            Err(Failure::Signed(s)) => assert_eq!(s.error, Some(TsigError::BadTime)),
            other => panic!("{other:?}"),
        }
        let mut bad = msg.clone();
        let last = bad.len() - 8;
        bad[last] ^= 1; // inside the MAC
        assert!(matches!(
            keyring().verify(&bad, now).map_err(|f| *f),
            Err(Failure::Unsigned {
                error: TsigError::BadSig,
                ..
            })
        ));
    }
}
