//! The `dns_request` fuzz target: any bytes through the request path the
//! listeners use (parse, answer, zone transfer), from a zone index fed the
//! way the directory feeds it, with the answers checked as DNS messages.
//!
//! Each input is answered four times: over UDP and over TCP, from a
//! secondary allowed to transfer and from anyone else. Request
//! authentication and answer signing belong inside `Responder::respond`
//! and `xfr::transfer`, so they are reached with no change here; keys
//! they need go into [`CONFIG`].

use std::net::IpAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use hickory_proto::op::Message;
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
/// an in-zone name server with glue, transfers allowed from loopback.
/// Keys for request authentication and signing go here too.
const CONFIG: &str = r#"
zones = ["e164.arpa", "e164.example.net"]
ns = ["ns1.e164.arpa", "ns.example.org"]
ns_addresses = ["ns1.e164.arpa=192.0.2.53", "ns1.e164.arpa=2001:db8::53"]
axfr_allow = ["127.0.0.0/8"]
"#;

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
        let dns = Dns::new(&config()).expect("fixture DNS configuration");
        let index = dns.index();
        // As the directory does: the initial load, then changes one by
        // one, which the journal keeps for IXFR.
        let loaded = subjects(crate::demo::NDJSON);
        index.load(4, &loaded);
        index.loaded(4);
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

/// Answer `data` as every listener would, and check what goes back.
pub fn request(data: &[u8]) {
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
