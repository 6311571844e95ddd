//! Whatever bytes arrive, the responder never panics, answers only
//! requests, and every answer is a well-formed DNS message within limits;
//! signed requests (TSIG, with and without OPT) and mangled signatures too.

use std::net::IpAddr;
use std::sync::Arc;

use hickory_proto::op::{Edns, Message, Query};
use hickory_proto::rr::rdata::tsig::TsigAlgorithm;
use hickory_proto::rr::{Name, RecordType, TSigner};
use proptest::prelude::*;

use super::answer::{Reply, Responder, Transport};
use super::index::EnumIndex;
use super::tsig::Keyring;
use super::zone::Zones;
use crate::config::{DnsConfig, TsigKeys};
use crate::directory::Index;
use crate::model::SubjectInput;

fn responder() -> &'static Responder {
    static RESPONDER: std::sync::OnceLock<Responder> = std::sync::OnceLock::new();
    RESPONDER.get_or_init(|| {
        let index = EnumIndex::new();
        let input: SubjectInput = serde_json::from_value(serde_json::json!({
            "handle": "alice", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550100"}, {"uri": "sip:alice@example.com"}]
        }))
        .unwrap();
        index.apply(
            1,
            None,
            Some(&input.into_subject(chrono::Utc::now()).unwrap()),
        );
        let zones = Zones::new(&DnsConfig::default()).unwrap();
        let keys: TsigKeys =
            serde_json::from_value(serde_json::json!(format!("hmac-sha256:k:{SECRET_B64}")))
                .unwrap();
        let responder = Responder::new(
            zones,
            Arc::clone(&index),
            "127.0.0.0/8 key k".parse().unwrap(),
            Keyring::new(&keys).unwrap(),
            None,
        );
        // Signed, so requests with the DO bit go through signing too.
        let stored = super::keys::generate("e164.arpa", 13).unwrap();
        let keys = super::keys::ZoneKeys::at(&[stored], chrono::Utc::now()).unwrap();
        let validity = std::time::Duration::from_secs(86_400);
        let signer = super::sign::Signer::new(keys, validity, 1000)
            .unwrap()
            .expect("an active key");
        responder
            .signers
            .store(Arc::new(vec![Some(Arc::new(signer))]));
        responder
    })
}

/// The responder's key: "0123456789abcdef" in base64.
const SECRET_B64: &str = "MDEyMzQ1Njc4OWFiY2RlZg==";

/// Sign `m` with the responder's key, or with one it does not know.
fn signed(mut m: Message, known: bool) -> Vec<u8> {
    let name = Name::from_ascii(if known { "k." } else { "other." }).unwrap();
    let signer = TSigner::new(
        b"0123456789abcdef".to_vec(),
        TsigAlgorithm::HmacSha256,
        name,
        300,
    );
    let now = super::tsig::now();
    m.finalize(&signer.unwrap(), now).unwrap();
    m.to_vec().unwrap()
}

fn valid_queries() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (name, qtype) in [
        ("0.0.1.0.5.5.5.2.1.2.1.e164.arpa.", RecordType::NAPTR),
        ("e164.arpa.", RecordType::SOA),
        ("e164.arpa.", RecordType::IXFR),
        ("2.1.e164.arpa.", RecordType::ANY),
    ] {
        let mut m = Message::query();
        m.add_query(Query::query(Name::from_ascii(name).unwrap(), qtype));
        out.push(m.to_vec().unwrap());
        out.push(signed(m.clone(), qtype != RecordType::ANY));
        m.set_edns(Edns::new());
        out.push(m.to_vec().unwrap());
        out.push(signed(m.clone(), true));
        m.edns.as_mut().unwrap().set_dnssec_ok(true);
        out.push(m.to_vec().unwrap());
        out.push(signed(m, true));
    }
    out
}

fn check(bytes: &[u8]) {
    let peer: IpAddr = [127, 0, 0, 1].into();
    let mut out = Vec::new();
    for transport in [Transport::Udp, Transport::Tcp] {
        match responder().respond(bytes, peer, transport, &mut out) {
            Reply::Send => {
                let answer = Message::from_vec(&out).expect("answers parse");
                assert_eq!(out[..2], bytes[..2], "ID echoed");
                assert!(out[2] & 0x80 != 0, "QR set");
                assert!(!answer.recursion_available);
                if transport == Transport::Udp {
                    assert!(out.len() <= 1232);
                }
            }
            Reply::Nothing => assert!(bytes.len() < 12 || bytes[2] & 0x80 != 0),
            Reply::Transfer { .. } => assert_eq!(transport, Transport::Tcp),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes);
    }

    #[test]
    fn mutated_queries(
        which in 0usize..16,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        keep in any::<prop::sample::Index>(),
        tail in proptest::collection::vec(any::<u8>(), 0..8),
    ) {
        let mut bytes = valid_queries()[which].clone();
        for (at, b) in edits {
            let at = at.index(bytes.len());
            bytes[at] = b;
        }
        bytes.truncate(keep.index(bytes.len() + 1).max(1));
        bytes.extend(tail);
        check(&bytes);
    }
}
