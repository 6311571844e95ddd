//! Zone transfers (AXFR, IXFR), NOTIFY, the master-file export, and a real
//! Knot DNS secondary following callsign.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::dns::*;
use hickory_proto::op::{Message, OpCode, ResponseCode};
use hickory_proto::rr::rdata::SOA;
use hickory_proto::rr::{Name, RData, Record, RecordType};

fn transfer_config() -> callsign::config::DnsConfig {
    let mut config = config();
    config.axfr_allow = "127.0.0.0/8".parse().unwrap();
    config
}

pub(super) fn ixfr(zone: &str, serial: u32) -> Message {
    let mut q = query(zone, RecordType::IXFR, None);
    let soa = SOA::new(Name::root(), Name::root(), serial, 0, 0, 0, 0);
    q.add_authority(Record::from_rdata(
        Name::from_ascii(zone).unwrap(),
        0,
        RData::SOA(soa),
    ));
    q
}

fn naptr_set(records: &[Record]) -> BTreeMap<String, BTreeSet<NaptrFields>> {
    let mut map: BTreeMap<String, BTreeSet<NaptrFields>> = BTreeMap::new();
    for r in records {
        if let RData::NAPTR(n) = &r.data {
            map.entry(r.name.to_ascii()).or_default().insert(fields(n));
        }
    }
    map
}

#[tokio::test]
async fn axfr_streams_the_whole_zone_in_many_messages() {
    let server = DnsServer::start(transfer_config(), many(1500)).await;
    let (messages, records) = server
        .transfer(&query("e164.arpa.", RecordType::AXFR, None))
        .await;
    assert!(messages.len() > 10, "{} messages", messages.len());
    assert!(
        messages
            .iter()
            .all(|m| m.authoritative && m.queries.len() == 1)
    );
    let serial = server.dns.serial();
    assert_eq!(soa_serial(&records[0]), Some(serial));
    assert_eq!(soa_serial(records.last().unwrap()), Some(serial));
    let ns: Vec<_> = records
        .iter()
        .filter(|r| r.record_type() == RecordType::NS)
        .collect();
    assert_eq!(ns.len(), 2);
    let zone = naptr_set(&records);
    assert_eq!(zone.len(), 1500);
    assert_eq!(records.len(), 1500 * 2 + 2 + 2);
    let name = enum_name("+16172000042", "e164.arpa");
    let expected: BTreeSet<_> = [
        naptr(10, "E2U+sip", "sip:u000042@example.org"),
        naptr(20, "E2U+xmpp", "xmpp:u000042@example.org"),
    ]
    .into();
    assert_eq!(zone[&name], expected);
    let answer = server.ask(&name, RecordType::NAPTR).await;
    assert_eq!(
        naptrs(&answer).into_iter().collect::<BTreeSet<_>>(),
        expected
    );
    server.stop().await;

    // In-zone name servers travel with their addresses.
    let mut config = transfer_config();
    config.ns = "ns1.e164.arpa".parse().unwrap();
    config.ns_addresses = "ns1.e164.arpa=192.0.2.53".parse().unwrap();
    let server = DnsServer::start(config, many(20)).await;
    let records = server.axfr("e164.arpa.").await;
    let glue: Vec<_> = records
        .iter()
        .filter(|r| r.record_type() == RecordType::A)
        .map(|r| (r.name.to_ascii(), r.data.to_string()))
        .collect();
    assert_eq!(glue, [("ns1.e164.arpa.".into(), "192.0.2.53".into())]);
    assert_eq!(records.len(), 20 * 2 + 2 + 1 + 1);
    server.stop().await;
}

#[tokio::test]
async fn transfers_are_refused_outside_the_acl_and_over_udp() {
    let mut config = config();
    config.axfr_allow = "10.0.0.0/8, 192.0.2.7".parse().unwrap();
    let server = DnsServer::start(config, vec![alice()]).await;
    let records = server.axfr("e164.arpa.").await;
    assert!(records.is_empty());
    let answer = server
        .tcp(&query("e164.arpa.", RecordType::AXFR, None))
        .await;
    assert_eq!(answer.response_code, ResponseCode::Refused);
    assert_eq!(
        server.tcp(&ixfr("e164.arpa.", 1)).await.response_code,
        ResponseCode::Refused
    );
    server.stop().await;

    let server = DnsServer::start(transfer_config(), vec![alice()]).await;
    let answer = server.ask("e164.arpa.", RecordType::AXFR).await;
    assert_eq!(answer.response_code, ResponseCode::Refused);
    // IXFR over UDP: the current SOA, telling the client to come over TCP.
    let answer = server.udp(&ixfr("e164.arpa.", 1)).await;
    assert_eq!(
        answer.answers.iter().map(soa_serial).collect::<Vec<_>>(),
        [Some(server.dns.serial())]
    );
    server.stop().await;
}

#[tokio::test]
async fn ixfr_sends_the_journal_and_falls_back_to_the_whole_zone() {
    let bob = serde_json::json!({"handle": "bob", "domain": "example.com",
        "addresses": [{"uri": "tel:+4930123456"}, {"uri": "sip:bob@example.com"}]});
    let server = DnsServer::start(transfer_config(), vec![alice(), bob]).await;
    let s0 = server.dns.serial();
    let mut alice = current_alice(&server);
    publish_mail(&mut alice);
    server.update(alice).await;
    let s1 = server.dns.serial();
    let bob = server.directory.get("acct:bob@example.com").unwrap();
    server.delete(&bob).await;
    let s2 = server.dns.serial();
    assert!(s0 < s1 && s1 < s2);

    let alice_name = enum_name("+12125550100", "e164.arpa");
    let bob_name = enum_name("+4930123456", "e164.arpa");
    let (_, records) = server.transfer(&ixfr("e164.arpa.", s0)).await;
    let shape: Vec<String> = records
        .iter()
        .map(|r| match &r.data {
            RData::SOA(soa) => format!("SOA {}", soa.serial),
            RData::NAPTR(n) => format!(
                "{} {}",
                r.name.to_ascii(),
                String::from_utf8_lossy(&n.regexp)
            ),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        shape,
        [
            format!("SOA {s2}"),
            format!("SOA {s0}"),
            format!("SOA {s1}"),
            format!("{alice_name} !^.*$!mailto:alice@example.com!"),
            format!("SOA {s1}"),
            format!("{bob_name} !^.*$!sip:bob@example.com!"),
            format!("SOA {s2}"),
            format!("SOA {s2}"),
        ]
    );

    let (_, current) = server.transfer(&ixfr("e164.arpa.", s2)).await;
    assert_eq!(
        current.iter().map(soa_serial).collect::<Vec<_>>(),
        [Some(s2)]
    );

    // A serial the journal never saw: the whole zone, AXFR-style.
    let (_, whole) = server
        .transfer(&ixfr("e164.arpa.", s0.wrapping_sub(1000)))
        .await;
    assert_eq!(soa_serial(&whole[0]), Some(s2));
    assert_eq!(whole[1].record_type(), RecordType::NS);
    assert_eq!(naptr_set(&whole).keys().collect::<Vec<_>>(), [&alice_name]);
    server.stop().await;
}

#[tokio::test]
async fn secondaries_are_notified_at_start_and_after_changes() {
    let secondary = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let mut config = transfer_config();
    config.notify = secondary.local_addr().unwrap().to_string().parse().unwrap();
    let server = DnsServer::start(config, vec![alice()]).await;
    let mut buf = vec![0u8; 1024];
    let mut receive = async || {
        let (n, from) = tokio::time::timeout(TIMEOUT, secondary.recv_from(&mut buf))
            .await
            .expect("a NOTIFY in time")
            .unwrap();
        (parse(&buf[..n]), from)
    };
    let check = |notify: &Message, serial: u32| {
        assert_eq!(notify.op_code, OpCode::Notify);
        assert!(notify.authoritative);
        assert_eq!(notify.queries[0].name().to_ascii(), "e164.arpa.");
        assert_eq!(notify.queries[0].query_type(), RecordType::SOA);
        assert_eq!(
            notify.answers.iter().map(soa_serial).collect::<Vec<_>>(),
            [Some(serial)]
        );
    };
    let (first, from) = receive().await;
    check(&first, server.dns.serial());
    let ack = Message::response(first.id, OpCode::Notify)
        .to_vec()
        .unwrap();
    secondary.send_to(&ack, from).await.unwrap();

    server
        .create(
            serde_json::json!({"handle": "carol", "domain": "example.com",
        "addresses": [{"uri": "tel:+33123456789"}, {"uri": "xmpp:carol@example.com"}]}),
        )
        .await;
    let (second, _) = receive().await;
    check(&second, server.dns.serial());
    // Not acknowledged: the same NOTIFY comes again.
    let (again, _) = receive().await;
    assert_eq!(again.id, second.id);
    server.stop().await;
}

/// The owners of the NAPTRs between the first and the second SOA of
/// `serial` after the opening one (an IXFR step's removals or additions).
fn owners_after(records: &[Record], serial: u32) -> BTreeSet<String> {
    let at = records[1..]
        .iter()
        .position(|r| soa_serial(r) == Some(serial))
        .expect("the step's SOA")
        + 2;
    records[at..]
        .iter()
        .take_while(|r| soa_serial(r).is_none())
        .map(|r| r.name.to_ascii())
        .collect()
}

/// A block travels as wildcards: one below its prefix and one below each
/// name an overriding number makes exist inside it. IXFR adds them when
/// the block comes, and removes them when it goes.
#[tokio::test]
async fn ixfr_adds_and_removes_block_wildcards() {
    let server = DnsServer::start(transfer_config(), vec![alice()]).await;
    let s0 = server.dns.serial();
    let block = crate::blocks::create_block(
        &server,
        serde_json::json!({"prefix": "+1 212 555", "length": 11,
                           "templates": [{"uri": "sip:\\1@pbx.example.com"}]}),
    )
    .await;
    let s1 = server.dns.serial();
    let wildcards: BTreeSet<String> = ["5.5.5", "0.5.5.5", "1.0.5.5.5", "0.1.0.5.5.5"]
        .iter()
        .map(|labels| format!("*.{labels}.2.1.2.1.e164.arpa."))
        .collect();
    let (_, records) = server.transfer(&ixfr("e164.arpa.", s0)).await;
    assert_eq!(soa_serial(&records[1]), Some(s0), "incremental");
    assert!(owners_after(&records, s0).is_empty(), "nothing removed");
    assert_eq!(owners_after(&records, s1), wildcards);
    let axfr: BTreeSet<String> = server
        .axfr("e164.arpa.")
        .await
        .iter()
        .map(|r| r.name.to_ascii())
        .filter(|name| name.starts_with('*'))
        .collect();
    assert_eq!(axfr, wildcards);

    let path = format!("/api/v1/blocks/{}", block["id"].as_str().unwrap());
    let r = server
        .as_admin(reqwest::Method::DELETE, &path)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let s2 = server.dns.serial();
    let (_, records) = server.transfer(&ixfr("e164.arpa.", s1)).await;
    assert_eq!(owners_after(&records, s1), wildcards);
    assert!(owners_after(&records, s2).is_empty(), "nothing added");
    server.stop().await;
}
