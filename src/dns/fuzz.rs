//! The `dns_request` fuzz target: any bytes through the request path the
//! listeners use (parse, answer, zone transfer), from a zone index fed the
//! way the directory feeds it, with the answers checked as DNS messages.
//!
//! Each input is answered four times: over UDP and over TCP, from a
//! secondary allowed to transfer and from anyone else; an input that is a
//! DNS message is also answered once more signed with the fixture's TSIG
//! key, so the paths behind a valid signature (answer signing, signed
//! transfers) are reached too. `e164.arpa` is DNSSEC-signed, so queries
//! with the DO bit go through pre-made signatures (the loaded numbers),
//! answer-time signing (the numbers changed after) and compact denial.

use std::net::IpAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use hickory_proto::op::{Message, MessageType};
use hickory_proto::rr::RecordType;

use super::answer::{Reply, Transport};
use super::{Dns, server, wire};
use crate::config::DnsConfig;
use crate::model::{Limits, Subject};
use crate::store::ndjson::parse_line;

/// Allowed to transfer (in `axfr_allow`).
const SECONDARY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 1));
/// Anyone else.
const STRANGER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 7));

/// The served zones, as `callsign serve` would be configured: two zones,
/// an in-zone name server with glue, transfers allowed from loopback, and
/// a TSIG key (`fuzz-key`, secret "0123456789abcdef").
const CONFIG: &str = r#"
zones = ["e164.arpa", "e164.example.net"]
ns = ["ns1.e164.arpa", "ns.example.org"]
ns_addresses = ["ns1.e164.arpa=192.0.2.53", "ns1.e164.arpa=2001:db8::53"]
axfr_allow = ["127.0.0.0/8"]

[[tsig_keys]]
name = "fuzz-key"
algorithm = "hmac-sha256"
secret = "MDEyMzQ1Njc4OWFiY2RlZg=="
"#;

/// The fixture's TSIG key, as a client holds it.
fn client_key() -> hickory_proto::rr::TSigner {
    hickory_proto::rr::TSigner::new(
        b"0123456789abcdef".to_vec(),
        hickory_proto::rr::rdata::tsig::TsigAlgorithm::HmacSha256,
        hickory_proto::rr::Name::from_ascii("fuzz-key.").expect("a name"),
        300,
    )
    .expect("a TSIG key")
}

/// Signs `e164.arpa` (not `e164.example.net`) the way a `dns.dnssec` zone is,
/// with a key made for the fixture instead of one from the database.
fn sign_e164_arpa(dns: &Dns) {
    let stored = super::keys::generate("e164.arpa", 13).expect("a zone key");
    let keys = super::keys::ZoneKeys::at(&[stored], chrono::Utc::now()).expect("zone keys");
    let signer = super::sign::Signer::new(keys, Duration::from_secs(86_400), 1000)
        .expect("a signer")
        .map(Arc::new);
    // One entry per zone, in the responder's order (longest apex first).
    let signers = (dns.responder.zones.zones.iter())
        .map(|zone| {
            signer
                .clone()
                .filter(|_| zone.name.to_ascii() == "e164.arpa.")
        })
        .collect();
    dns.responder.signers.store(Arc::new(signers));
}

fn config() -> DnsConfig {
    Figment::from(Serialized::defaults(DnsConfig::default()))
        .merge(Toml::string(CONFIG))
        .extract()
        .expect("the fixture's DNS configuration")
}

struct Fixture {
    dns: Arc<Dns>,
    /// Drives the TCP path (its write timeout needs a timer).
    runtime: tokio::runtime::Runtime,
}

/// Subjects from NDJSON, parsed the way `callsign import` parses them.
fn subjects(ndjson: &str) -> Vec<Subject> {
    ndjson
        .lines()
        .map(|line| parse_line(line, &Limits::default()).expect("fixture subjects are valid"))
        .collect()
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dns = Dns::new(&config(), None).expect("fixture DNS configuration");
        sign_e164_arpa(&dns);
        let index = dns.index();
        // As the directory does: the initial load, then changes one by
        // one, which the journal keeps for IXFR.
        let loaded = subjects(crate::demo::NDJSON);
        index.load(4, &loaded);
        index.loaded(4);
        // The loaded numbers pre-signed, as the worker leaves them; the
        // changes below are then answered with signatures made online.
        super::presign::sign_all(&dns.index, &dns.responder);
        let moved = subjects(
            r#"{"handle":"alice","domain":"example.com","addresses":[{"uri":"tel:+12125550100"},{"uri":"tel:+12125550177"},{"uri":"sip:alice@example.com"}]}"#,
        );
        index.apply(5, Some(&loaded[0]), Some(&moved[0]));
        index.apply(6, Some(&loaded[3]), None);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        Fixture { dns, runtime }
    })
}

/// Answer `data` as every listener would, and check what goes back; a
/// message the fuzzer made is answered once more, validly signed.
pub fn request(data: &[u8]) {
    answer_everywhere(data);
    if let Some(signed) = signed_copy(data) {
        answer_everywhere(&signed);
    }
}

/// `data` signed with the fixture's key, when it is a message hickory reads
/// and re-encodes and that carries no signature of its own.
fn signed_copy(data: &[u8]) -> Option<Vec<u8>> {
    let mut message = Message::from_vec(data).ok()?;
    if message.signature().is_some() || message.metadata.message_type != MessageType::Query {
        return None;
    }
    message.finalize(&client_key(), super::tsig::now()).ok()?;
    message.to_vec().ok()
}

fn answer_everywhere(data: &[u8]) {
    let fixture = fixture();
    let responder = &fixture.dns.responder;
    let mut out = Vec::new();
    for peer in [STRANGER, SECONDARY] {
        match responder.respond(data, peer, Transport::Udp, &mut out) {
            Reply::Send => {
                check_answer(data, &out, wire::MAX_UDP_PAYLOAD as usize);
            }
            Reply::Nothing => assert_ignored(data),
            Reply::Transfer { .. } => panic!("a transfer over UDP"),
        }
        let mut frame = Vec::new();
        let mut sent = Vec::new();
        let answered = fixture.runtime.block_on(server::answer_tcp(
            responder,
            data,
            peer,
            &mut out,
            &mut frame,
            &mut sent,
            Duration::from_secs(1),
        ));
        answered.expect("writing to memory");
        check_stream(data, &sent, peer);
    }
}

/// Garbage and responses get no answer; everything else does.
fn assert_ignored(data: &[u8]) {
    assert!(
        data.len() < wire::HEADER_LEN || data[2] & 0x80 != 0,
        "a request left unanswered"
    );
}

/// One answer: a well-formed response to this request, within `max` bytes.
fn check_answer(request: &[u8], answer: &[u8], max: usize) -> Message {
    assert!(answer.len() <= max, "{} bytes, over {max}", answer.len());
    assert_eq!(answer[..2], request[..2], "the ID is echoed");
    assert!(answer[2] & 0x80 != 0, "QR is set");
    let message = Message::from_vec(answer)
        .unwrap_or_else(|e| panic!("the answer does not parse: {e}\n{answer:02x?}"));
    assert!(!message.recursion_available, "RA is never set");
    message
}

/// What a TCP client reads back: framed messages, several for a transfer,
/// which then starts and ends with the zone's SOA.
fn check_stream(request: &[u8], mut sent: &[u8], peer: IpAddr) -> Vec<Message> {
    let mut messages = Vec::new();
    while let Some((len, rest)) = sent.split_first_chunk::<2>() {
        let len = u16::from_be_bytes(*len) as usize;
        assert!(rest.len() >= len, "a frame cut short");
        messages.push(check_answer(request, &rest[..len], u16::MAX as usize));
        sent = &rest[len..];
    }
    assert!(sent.is_empty(), "bytes after the last frame");
    match messages.len() {
        0 => assert_ignored(request),
        1 if !is_transfer(&messages[0]) => {}
        _ => {
            assert_eq!(peer, SECONDARY, "a transfer to a stranger");
            let records = messages.iter().flat_map(|m| m.answers.iter());
            let first = records.clone().next().expect("a transfer has records");
            let last = records.last().expect("a transfer has records");
            assert_eq!(first.record_type(), RecordType::SOA);
            assert_eq!(last.record_type(), RecordType::SOA);
        }
    }
    messages
}

/// An answer that is (the start of) a zone transfer: an AXFR or IXFR
/// question answered with records.
fn is_transfer(message: &Message) -> bool {
    let transfer_question = message
        .queries
        .first()
        .is_some_and(|q| matches!(q.query_type(), RecordType::AXFR | RecordType::IXFR));
    transfer_question && !message.answers.is_empty()
}

#[cfg(test)]
mod tests {
    use hickory_proto::op::{Message, Query};
    use hickory_proto::rr::{Name, RData, Record, RecordType};

    use super::*;

    /// Every record a TCP client of the fixture reads back for one query.
    fn over_tcp(query: &Message, peer: IpAddr) -> Vec<Record> {
        let (mut out, mut frame, mut sent) = (Vec::new(), Vec::new(), Vec::new());
        let fixture = fixture();
        let msg = query.to_vec().unwrap();
        let answered = server::answer_tcp(
            &fixture.dns.responder,
            &msg,
            peer,
            &mut out,
            &mut frame,
            &mut sent,
            Duration::from_secs(1),
        );
        fixture.runtime.block_on(answered).unwrap();
        let messages = check_stream(&msg, &sent, peer);
        messages.into_iter().flat_map(|m| m.answers).collect()
    }

    fn query(name: &str, qtype: RecordType) -> Message {
        let mut m = Message::query();
        m.add_query(Query::query(Name::from_ascii(name).unwrap(), qtype));
        m
    }

    fn soa_serials(records: &[Record]) -> Vec<u32> {
        records
            .iter()
            .filter_map(|r| match &r.data {
                RData::SOA(soa) => Some(soa.serial),
                _ => None,
            })
            .collect()
    }

    /// The paths the fixture is there to reach: answer-time DNSSEC
    /// signing, and answers to validly signed requests, signed back.
    #[test]
    fn the_fixture_signs_answers_and_takes_signed_requests() {
        let mut q = query("0.0.1.0.5.5.5.2.1.2.1.e164.arpa.", RecordType::NAPTR);
        q.set_edns(hickory_proto::op::Edns::new());
        q.edns.as_mut().unwrap().set_dnssec_ok(true);
        let records = over_tcp(&q, STRANGER);
        assert!(records.iter().any(|r| r.record_type() == RecordType::NAPTR));
        let types: Vec<_> = records.iter().map(|r| r.record_type()).collect();
        assert!(types.contains(&RecordType::RRSIG), "{types:?}");

        let plain = query("e164.arpa.", RecordType::SOA).to_vec().unwrap();
        let signed = signed_copy(&plain).expect("a query can be signed");
        let mut out = Vec::new();
        let reply = fixture()
            .dns
            .responder
            .respond(&signed, SECONDARY, Transport::Udp, &mut out);
        assert!(matches!(reply, Reply::Send));
        let answer = Message::from_vec(&out).unwrap();
        assert_eq!(
            answer.response_code,
            hickory_proto::op::ResponseCode::NoError
        );
        assert!(answer.signature().is_some(), "the answer is signed back");
        assert!(signed_copy(&signed).is_none(), "signed once only");
    }

    #[test]
    fn the_fixture_zone_holds_numbers_changes_and_glue() {
        let axfr = over_tcp(&query("e164.arpa.", RecordType::AXFR), SECONDARY);
        let naptr_owners: Vec<String> = axfr
            .iter()
            .filter(|r| r.record_type() == RecordType::NAPTR)
            .map(|r| r.name.to_ascii())
            .collect();
        // Changed after the load: alice's new number is in, support's is gone.
        assert!(naptr_owners.contains(&"7.7.1.0.5.5.5.2.1.2.1.e164.arpa.".to_owned()));
        assert!(!naptr_owners.contains(&"3.2.1.0.5.5.5.0.0.8.1.e164.arpa.".to_owned()));
        assert!(axfr.iter().any(|r| r.record_type() == RecordType::AAAA));
        assert_eq!(soa_serials(&axfr), [6, 6]);

        let mut ixfr = query("e164.arpa.", RecordType::IXFR);
        let soa = axfr[0].clone();
        let mut old = soa.clone();
        if let RData::SOA(s) = &mut old.data {
            s.serial = 4;
        }
        ixfr.add_authority(old);
        let steps = over_tcp(&ixfr, SECONDARY);
        assert_eq!(soa_serials(&steps), [6, 4, 5, 5, 6, 6]);

        let refused = over_tcp(&query("e164.arpa.", RecordType::AXFR), STRANGER);
        assert!(refused.is_empty());
    }
}
