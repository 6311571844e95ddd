//! The ENUM wire rules of DESIGN.md, each checked over a real socket.

use crate::support::dns::*;
use callsign::config::DnsConfig;
use hickory_proto::op::{MessageType, OpCode, ResponseCode};
use hickory_proto::rr::{RData, RecordType};

#[tokio::test]
async fn a_number_answers_its_public_naptrs_authoritatively() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let q = query(NUMBER, RecordType::NAPTR, None);
    for answer in [server.udp(&q).await, server.tcp(&q).await] {
        assert_eq!(answer.id, q.id);
        assert_eq!(answer.message_type, MessageType::Response);
        assert!(answer.authoritative, "AA set");
        assert!(!answer.recursion_available, "RA clear");
        assert!(answer.recursion_desired, "RD copied");
        assert_eq!(answer.response_code, ResponseCode::NoError);
        assert_eq!(naptrs(&answer), alice_naptrs());
        assert!(
            answer
                .answers
                .iter()
                .all(|r| r.ttl == 600 && r.name.to_ascii() == NUMBER)
        );
        assert!(answer.authorities.is_empty() && answer.additionals.is_empty());
    }
    server.stop().await;
}

#[tokio::test]
async fn every_prefix_of_a_number_is_an_empty_non_terminal() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let serial = server.dns.serial();
    assert!(serial > 0);
    let labels: Vec<&str> = NUMBER.trim_end_matches(".e164.arpa.").split('.').collect();
    for i in 1..labels.len() {
        let name = format!("{}.e164.arpa.", labels[i..].join("."));
        let answer = server.ask(&name, RecordType::NAPTR).await;
        assert_eq!(answer.response_code, ResponseCode::NoError, "{name}");
        assert!(answer.authoritative && answer.answers.is_empty(), "{name}");
        let soa = authority_soa(&answer);
        assert_eq!(soa.serial, serial);
        assert_eq!(
            answer.authorities[0].ttl, 60,
            "negative TTL = min(ttl, minimum)"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_names_are_nxdomain_with_the_soa() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    for name in [
        "1.0.1.0.5.5.5.2.1.2.1.e164.arpa.",
        "9.0.0.1.0.5.5.5.2.1.2.1.e164.arpa.",
        "4.4.e164.arpa.",
        "ns1.e164.arpa.",
        "10.1.e164.arpa.",
        "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.e164.arpa.",
    ] {
        let answer = server.ask(name, RecordType::NAPTR).await;
        assert_eq!(answer.response_code, ResponseCode::NXDomain, "{name}");
        assert!(answer.authoritative && answer.answers.is_empty(), "{name}");
        assert_eq!(authority_soa(&answer).mname.to_ascii(), "ns1.example.net.");
    }
    server.stop().await;
}

#[tokio::test]
async fn other_types_at_a_number_are_nodata() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    for qtype in [
        RecordType::A,
        RecordType::TXT,
        RecordType::SOA,
        RecordType::NS,
    ] {
        let answer = server.udp(&query(NUMBER, qtype, None)).await;
        assert_eq!(answer.response_code, ResponseCode::NoError, "{qtype}");
        assert!(answer.answers.is_empty() && answer.authoritative, "{qtype}");
        authority_soa(&answer);
    }
    server.stop().await;
}

#[tokio::test]
async fn the_apex_has_soa_and_ns() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let answer = server.ask("e164.arpa.", RecordType::SOA).await;
    assert!(answer.authoritative);
    let [record] = &answer.answers[..] else {
        panic!("one SOA: {answer}")
    };
    let RData::SOA(soa) = &record.data else {
        panic!("SOA")
    };
    assert_eq!(
        (soa.mname.to_ascii(), soa.rname.to_ascii(), soa.serial),
        (
            "ns1.example.net.".into(),
            "hostmaster.example.net.".into(),
            server.dns.serial()
        )
    );
    assert_eq!(
        (soa.refresh, soa.retry, soa.expire, soa.minimum),
        (3600, 600, 604800, 60)
    );
    let answer = server.ask("e164.arpa.", RecordType::NS).await;
    let ns: Vec<String> = answer
        .answers
        .iter()
        .map(|r| match &r.data {
            RData::NS(ns) => ns.0.to_ascii(),
            other => panic!("NS expected, got {other:?}"),
        })
        .collect();
    assert_eq!(ns, ["ns1.example.net.", "ns2.example.org."]);
    let answer = server.ask("e164.arpa.", RecordType::NAPTR).await;
    assert!(answer.answers.is_empty() && answer.response_code == ResponseCode::NoError);
    authority_soa(&answer);
    server.stop().await;
}

#[tokio::test]
async fn names_outside_every_zone_are_refused() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    for name in [
        "example.com.",
        "arpa.",
        ".",
        "xe164.arpa.",
        "1.e164.arpa.example.",
    ] {
        let answer = server.ask(name, RecordType::A).await;
        assert_eq!(answer.response_code, ResponseCode::Refused, "{name}");
        assert!(
            !answer.authoritative && answer.answers.is_empty() && answer.authorities.is_empty()
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn matching_ignores_case_and_the_question_is_echoed_byte_for_byte() {
    let mut config = config();
    config.zones = "e164.arpa, E164.Example.NET".parse().unwrap();
    let server = DnsServer::start(config, vec![alice()]).await;
    for name in [
        "0.0.1.0.5.5.5.2.1.2.1.e164.example.net.",
        "0.0.1.0.5.5.5.2.1.2.1.E164.ARPA.",
        "0.0.1.0.5.5.5.2.1.2.1.e164.eXaMpLe.NeT.",
    ] {
        let q = query(name, RecordType::NAPTR, Some(1232));
        let bytes = q.to_vec().unwrap();
        let raw = udp_raw(server.addr, &bytes).await.unwrap();
        let question_len = name.len() + 1 + 4;
        assert_eq!(
            raw[12..12 + question_len],
            bytes[12..12 + question_len],
            "{name}"
        );
        let answer = parse(&raw);
        assert_eq!(answer.queries[0].name().to_ascii(), name);
        assert_eq!(naptrs(&answer), alice_naptrs(), "{name}");
    }
    server.stop().await;
}

#[tokio::test]
async fn edns_payload_is_capped_and_newer_versions_get_badvers() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let answer = server
        .udp(&query(NUMBER, RecordType::NAPTR, Some(4096)))
        .await;
    let edns = answer.edns.as_ref().expect("OPT in the answer");
    assert_eq!((edns.max_payload(), edns.version()), (1232, 0));
    assert_eq!(naptrs(&answer), alice_naptrs());
    assert!(server.ask(NUMBER, RecordType::NAPTR).await.edns.is_none());

    let mut q = query(NUMBER, RecordType::NAPTR, Some(1232));
    q.edns.as_mut().unwrap().set_version(1);
    let answer = server.udp(&q).await;
    // 16 is BADVERS in an OPT context (hickory decodes it as BADSIG, same code).
    assert_eq!(u16::from(answer.response_code), 16);
    assert!(answer.answers.is_empty());
    assert_eq!(answer.edns.as_ref().unwrap().version(), 0);
    server.stop().await;
}

#[tokio::test]
async fn big_answers_truncate_over_udp_and_come_whole_over_tcp() {
    let mut addresses: Vec<_> = (0..40)
        .map(|i| serde_json::json!({"uri": format!("https://example.com/a/rather/long/profile/path/number/{i:02}")}))
        .collect();
    addresses.push(serde_json::json!({"uri": "tel:+12125550100"}));
    let big = serde_json::json!({"handle": "big", "domain": "example.com", "addresses": addresses});
    let server = DnsServer::start(config(), vec![big]).await;
    for edns in [None, Some(1232), Some(4096)] {
        let answer = server.udp(&query(NUMBER, RecordType::NAPTR, edns)).await;
        assert!(answer.truncation, "TC with {edns:?}");
        assert!(answer.answers.is_empty(), "{edns:?}");
        assert_eq!(answer.edns.is_some(), edns.is_some());
    }
    let answer = server.tcp(&query(NUMBER, RecordType::NAPTR, None)).await;
    assert!(!answer.truncation);
    let got = naptrs(&answer);
    assert_eq!(got.len(), 40);
    assert_eq!(
        got[0],
        naptr(
            50,
            "E2U+web:https",
            "https://example.com/a/rather/long/profile/path/number/00"
        )
    );
    assert_eq!(got[39].1, 59, "preference rank stops below the next base");
    server.stop().await;
}

#[tokio::test]
async fn any_is_answered_with_the_naptr_set() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let answer = server.ask(NUMBER, RecordType::ANY).await;
    assert_eq!(naptrs(&answer), alice_naptrs());
    let apex = server.ask("e164.arpa.", RecordType::ANY).await;
    assert_eq!(apex.answers.len(), 1);
    assert!(matches!(apex.answers[0].data, RData::SOA(_)));
    server.stop().await;
}

#[tokio::test]
async fn other_opcodes_are_not_implemented() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    for op in [OpCode::Status, OpCode::Update, OpCode::Notify] {
        let q = with_opcode(query("e164.arpa.", RecordType::SOA, None), op);
        let answer = server.udp(&q).await;
        assert_eq!(answer.response_code, ResponseCode::NotImp, "{op:?}");
        assert_eq!(answer.op_code, op);
        assert!(answer.answers.is_empty() && !answer.authoritative);
    }
    server.stop().await;
}

#[tokio::test]
async fn malformed_packets_get_formerr_or_nothing() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let good = query(NUMBER, RecordType::NAPTR, None).to_vec().unwrap();
    let wait = std::time::Duration::from_millis(300);
    // Too short for a header, or a response: silence.
    assert_eq!(udp_raw_wait(server.addr, &good[..11], wait).await, None);
    let mut response = good.clone();
    response[2] |= 0x80;
    assert_eq!(udp_raw_wait(server.addr, &response, wait).await, None);
    // A header with a broken body: FORMERR, header only.
    let mut two_questions = good.clone();
    two_questions[5] = 2;
    let mut truncated = good.clone();
    truncated.truncate(good.len() - 3);
    let mut trailing = good.clone();
    trailing.push(0);
    let mut bad_label = good.clone();
    bad_label[12] = 0x41;
    for (what, bytes) in [
        ("two questions", two_questions),
        ("cut short", truncated),
        ("trailing byte", trailing),
        ("label type", bad_label),
    ] {
        let raw = udp_raw(server.addr, &bytes)
            .await
            .unwrap_or_else(|| panic!("{what}: an answer"));
        let answer = parse(&raw);
        assert_eq!(answer.response_code, ResponseCode::FormErr, "{what}");
        assert_eq!(raw[..2], good[..2], "{what}: ID echoed");
        assert!(answer.queries.is_empty(), "{what}");
    }
    assert_eq!(
        naptrs(&server.ask(NUMBER, RecordType::NAPTR).await),
        alice_naptrs()
    );
    server.stop().await;
}

#[tokio::test]
async fn hidden_numbers_are_indistinguishable_from_unknown_ones() {
    let hidden = serde_json::json!({
        "handle": "bob", "domain": "example.com",
        "addresses": [
            {"uri": "tel:+12125550111", "discoverable": false},
            {"uri": "tel:+12125550122", "visibility": "authenticated"},
            {"uri": "tel:+12125550133", "visibility": "private"},
            {"uri": "sip:bob@example.com"},
        ]
    });
    let server = DnsServer::start(config(), vec![hidden]).await;
    for number in [
        "+12125550111",
        "+12125550122",
        "+12125550133",
        "+12125550144",
    ] {
        let answer = server
            .udp(&query(
                &enum_name(number, "e164.arpa"),
                RecordType::NAPTR,
                None,
            ))
            .await;
        assert_eq!(answer.response_code, ResponseCode::NXDomain, "{number}");
        assert!(answer.answers.is_empty());
    }
    server.stop().await;
}

#[tokio::test]
async fn in_zone_name_servers_answer_their_addresses_and_come_as_glue() {
    let mut config = config();
    config.ns = "ns1.e164.arpa, ns2.dns.e164.arpa".parse().unwrap();
    config.ns_addresses =
        "ns1.e164.arpa=192.0.2.53, ns1.e164.arpa=2001:db8::53, NS2.dns.e164.arpa=198.51.100.53"
            .parse()
            .unwrap();
    let server = DnsServer::start(config, vec![alice()]).await;
    let addresses = |m: &hickory_proto::op::Message, section: &[hickory_proto::rr::Record]| {
        assert!(
            m.authoritative && m.response_code == ResponseCode::NoError,
            "{m}"
        );
        section
            .iter()
            .map(|r| (r.name.to_ascii(), r.ttl, r.data.to_string()))
            .collect::<Vec<_>>()
    };
    for q in [
        query("ns1.e164.arpa.", RecordType::A, None),
        query("NS1.E164.arpa.", RecordType::A, Some(1232)),
    ] {
        let name = q.queries[0].name().to_ascii();
        let answer = server.udp(&q).await;
        assert_eq!(
            addresses(&answer, &answer.answers),
            [(name, 600, "192.0.2.53".to_string())]
        );
    }
    let answer = server
        .tcp(&query("ns1.e164.arpa.", RecordType::AAAA, None))
        .await;
    assert_eq!(
        addresses(&answer, &answer.answers),
        [("ns1.e164.arpa.".into(), 600, "2001:db8::53".to_string())]
    );
    // The host exists: other types are NODATA, and so is the name above ns2.
    for (name, qtype) in [
        ("ns1.e164.arpa.", RecordType::NAPTR),
        ("dns.e164.arpa.", RecordType::A),
    ] {
        let answer = server.udp(&query(name, qtype, None)).await;
        assert!(addresses(&answer, &answer.answers).is_empty(), "{name}");
        authority_soa(&answer);
    }
    let answer = server.ask("ns3.e164.arpa.", RecordType::A).await;
    assert_eq!(answer.response_code, ResponseCode::NXDomain);

    // The NS answer carries every in-zone server's addresses.
    let answer = server
        .udp(&query("e164.arpa.", RecordType::NS, Some(1232)))
        .await;
    assert_eq!(answer.answers.len(), 2);
    let mut glue = addresses(&answer, &answer.additionals);
    glue.sort();
    assert_eq!(
        glue,
        [
            ("ns1.e164.arpa.".into(), 600, "192.0.2.53".into()),
            ("ns1.e164.arpa.".into(), 600, "2001:db8::53".into()),
            ("ns2.dns.e164.arpa.".into(), 600, "198.51.100.53".into()),
        ]
    );
    assert!(answer.edns.is_some(), "OPT still answered");
    // Numbers are untouched by hosts.
    assert_eq!(
        naptrs(&server.ask(NUMBER, RecordType::NAPTR).await),
        alice_naptrs()
    );
    server.stop().await;
}

#[tokio::test]
async fn the_default_name_server_is_this_server_at_its_listen_address() {
    let config = callsign::config::DnsConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        udp_sockets: 1,
        ..callsign::config::DnsConfig::default()
    };
    let server = DnsServer::start(config, vec![alice()]).await;
    let answer = server.ask("e164.arpa.", RecordType::NS).await;
    let ns: Vec<String> = answer.answers.iter().map(|r| r.data.to_string()).collect();
    assert_eq!(ns, ["ns1.e164.arpa."]);
    let glue: Vec<(String, String)> = answer
        .additionals
        .iter()
        .map(|r| (r.name.to_ascii(), r.data.to_string()))
        .collect();
    assert_eq!(glue, [("ns1.e164.arpa.".into(), "127.0.0.1".into())]);
    let answer = server.ask("ns1.e164.arpa.", RecordType::A).await;
    assert_eq!(answer.answers[0].data.to_string(), "127.0.0.1");
    server.stop().await;
}

#[tokio::test]
async fn a_burst_from_many_clients_is_answered_each_to_its_sender() {
    // One receive loop, so queries queue up behind each other and are
    // taken and answered in batches; responses sent to the server (which
    // it ignores) sit among them.
    let server = DnsServer::start(
        DnsConfig {
            udp_sockets: 1,
            ..config()
        },
        vec![alice()],
    )
    .await;
    let mut clients = Vec::new();
    for c in 0..8u16 {
        let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let mut expected = std::collections::BTreeMap::new();
        for i in 0..24u16 {
            let id = c * 100 + i;
            let (name, rcode) = match i % 3 {
                0 => (NUMBER.to_string(), ResponseCode::NoError),
                _ => (
                    enum_name(&format!("+1555000{id:04}"), "e164.arpa"),
                    ResponseCode::NXDomain,
                ),
            };
            let mut q = query(&name, RecordType::NAPTR, None);
            q.metadata.id = id;
            let mut bytes = q.to_vec().unwrap();
            if i % 4 == 3 {
                bytes[2] |= 0x80; // QR: a response, never answered
            } else {
                expected.insert(id, rcode);
            }
            socket.send_to(&bytes, server.addr).await.unwrap();
        }
        clients.push((socket, expected));
    }
    for (socket, expected) in clients {
        let mut got = std::collections::BTreeMap::new();
        let mut buf = vec![0u8; 65_536];
        while got.len() < expected.len() {
            let (n, from) = tokio::time::timeout(TIMEOUT, socket.recv_from(&mut buf))
                .await
                .expect("every query answered")
                .unwrap();
            assert_eq!(from, server.addr);
            let answer = parse(&buf[..n]);
            if answer.response_code == ResponseCode::NoError {
                assert_eq!(naptrs(&answer), alice_naptrs(), "answer {}", answer.id);
            }
            assert!(
                got.insert(answer.id, answer.response_code).is_none(),
                "one answer per query"
            );
        }
        assert_eq!(
            got, expected,
            "each client gets the answers to its own queries"
        );
    }
    server.stop().await;
}
