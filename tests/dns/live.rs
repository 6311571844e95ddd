//! Live behaviour over real sockets: changes applied by the directory,
//! response rate limiting, a stock resolver as client, and garbage traffic.

use crate::support::dns::*;
use hickory_proto::op::{MessageType, ResponseCode};
use hickory_proto::rr::{RData, RecordType};

#[tokio::test]
async fn changes_are_answered_once_applied_and_move_the_serial() {
    let server = DnsServer::start(config(), vec![]).await;
    let empty_serial = server.dns.serial();
    let answer = server.ask(NUMBER, RecordType::NAPTR).await;
    assert_eq!(answer.response_code, ResponseCode::NXDomain);

    let mut alice = server.create(alice()).await;
    let created_serial = server.dns.serial();
    assert!(created_serial > empty_serial);
    let answer = server.ask(NUMBER, RecordType::NAPTR).await;
    assert_eq!(naptrs(&answer), alice_naptrs());

    // Make the mail public and add a second number: both appear at once.
    publish_mail(&mut alice);
    let second = subject(
        serde_json::json!({"handle": "x", "domain": "example.com", "addresses": [{"uri": "tel:+12125550199"}]}),
    );
    alice.addresses.push(second.addresses[0].clone());
    alice.sort_addresses();
    let alice = server.update(alice).await;
    let updated_serial = server.dns.serial();
    assert!(updated_serial > created_serial);
    let answer = server.ask(NUMBER, RecordType::NAPTR).await;
    let mut expected = alice_naptrs();
    expected.push(naptr(30, "E2U+email:mailto", "mailto:alice@example.com"));
    expected.push(naptr(40, "E2U+voice:tel", "tel:+12125550199"));
    assert_eq!(naptrs(&answer), expected);
    assert_eq!(server.soa_serial().await, updated_serial);

    server.delete(&alice).await;
    let answer = server.ask(NUMBER, RecordType::NAPTR).await;
    assert_eq!(answer.response_code, ResponseCode::NXDomain);
    assert!(authority_soa(&answer).serial > updated_serial);
    server.stop().await;
}

#[tokio::test]
async fn responses_are_rate_limited_per_network() {
    let mut config = config();
    config.rrl_rate = 5;
    let server = DnsServer::start(config, vec![alice()]).await;
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let q = query(NUMBER, RecordType::NAPTR, None).to_vec().unwrap();
    for _ in 0..40 {
        socket.send_to(&q, server.addr).await.unwrap();
    }
    let (mut full, mut slipped) = (0, 0);
    let mut buf = vec![0u8; 4096];
    while let Ok(Ok((n, _))) = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        socket.recv_from(&mut buf),
    )
    .await
    {
        let answer = parse(&buf[..n]);
        if answer.truncation {
            assert!(answer.answers.is_empty());
            slipped += 1;
        } else {
            assert_eq!(naptrs(&answer), alice_naptrs());
            full += 1;
        }
    }
    // Two one-second windows at most can be involved.
    assert!((5..=10).contains(&full), "full answers: {full}");
    assert!(
        slipped >= 10 && full + slipped < 40,
        "slipped {slipped}, full {full}"
    );
    // TCP is never limited.
    let answer = server.tcp(&query(NUMBER, RecordType::NAPTR, None)).await;
    assert_eq!(naptrs(&answer), alice_naptrs());
    server.stop().await;
}

#[tokio::test]
async fn a_stock_resolver_reads_the_naptrs() {
    use hickory_resolver::config::{NameServerConfig, ResolverConfig};
    use hickory_resolver::net::runtime::TokioRuntimeProvider;
    let server = DnsServer::start(config(), vec![alice()]).await;
    let mut ns = NameServerConfig::udp_and_tcp(server.addr.ip());
    for connection in &mut ns.connections {
        connection.port = server.addr.port();
    }
    let resolver = hickory_resolver::TokioResolver::builder_with_config(
        ResolverConfig::from_name_servers(vec![ns]),
        TokioRuntimeProvider::default(),
    )
    .build()
    .unwrap();
    let lookup = resolver.lookup(NUMBER, RecordType::NAPTR).await.unwrap();
    let got: Vec<NaptrFields> = lookup
        .answers()
        .iter()
        .filter_map(|r| match &r.data {
            RData::NAPTR(n) => Some(fields(n)),
            _ => None,
        })
        .collect();
    assert_eq!(got, alice_naptrs());
    let missing = resolver
        .lookup("9.9.9.e164.arpa.", RecordType::NAPTR)
        .await
        .unwrap_err();
    assert!(missing.is_nx_domain(), "{missing}");
    server.stop().await;
}

#[tokio::test]
async fn random_packets_never_stop_the_server() {
    use rand::{Rng, SeedableRng};
    let server = DnsServer::start(config(), vec![alice()]).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(4);
    let valid = [
        query(NUMBER, RecordType::NAPTR, Some(1232))
            .to_vec()
            .unwrap(),
        query("e164.arpa.", RecordType::SOA, None).to_vec().unwrap(),
    ];
    let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    for i in 0..600 {
        let packet: Vec<u8> = if i % 2 == 0 {
            (0..rng.random_range(0..300))
                .map(|_| rng.random())
                .collect()
        } else {
            let mut p = valid[i % 4 / 2].clone();
            for _ in 0..rng.random_range(1..6) {
                let at = rng.random_range(0..p.len());
                p[at] = rng.random();
            }
            p.truncate(rng.random_range(1..=p.len()));
            p
        };
        socket.send_to(&packet, server.addr).await.unwrap();
    }
    let mut buf = vec![0u8; 65_536];
    let mut answered = 0;
    while let Ok(Ok((n, _))) = tokio::time::timeout(
        std::time::Duration::from_millis(500),
        socket.recv_from(&mut buf),
    )
    .await
    {
        let answer = parse(&buf[..n]);
        assert_eq!(answer.message_type, MessageType::Response);
        assert!(n <= 1232);
        answered += 1;
    }
    assert!(
        answered > 100,
        "most garbage with a header gets FORMERR: {answered}"
    );
    assert_eq!(
        naptrs(&server.ask(NUMBER, RecordType::NAPTR).await),
        alice_naptrs()
    );
    server.stop().await;
}
