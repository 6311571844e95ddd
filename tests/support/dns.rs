//! DNS helpers: a server started through the real entry point with a DNS
//! configuration of the test's choosing and subjects already stored (the
//! initial load path), and queries over real sockets as hickory-encoded
//! messages.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use callsign::config::DnsConfig;
use callsign::directory::Directory;
use callsign::dns::Dns;
use callsign::model::{Subject, SubjectInput};
use callsign::store::{Store, Write};
use hickory_proto::op::{Edns, Message, OpCode, Query};
use hickory_proto::rr::rdata::{NAPTR, SOA};
use hickory_proto::rr::{Name, RData, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

use super::app::{Backend, TestApp};

pub const TIMEOUT: Duration = Duration::from_secs(5);

/// The app seen from DNS: its socket, its zones, and writes that reach the
/// directory before they return, as the admin API's do.
pub struct DnsServer {
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    pub directory: Arc<Directory>,
    pub dns: Arc<Dns>,
    pub config: DnsConfig,
    pub app: TestApp,
}

/// Defaults for tests: ephemeral port, NS outside the zone (no glue needed).
pub fn config() -> DnsConfig {
    DnsConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        ns: "ns1.example.net, ns2.example.org".parse().unwrap(),
        soa_mname: Some("ns1.example.net".parse().unwrap()),
        soa_rname: Some("hostmaster.example.net".parse().unwrap()),
        ttl: 600,
        soa_minimum: 60,
        udp_sockets: 2,
        ..DnsConfig::default()
    }
}

pub fn subject(value: serde_json::Value) -> Subject {
    let input: SubjectInput = serde_json::from_value(value).expect("valid subject input");
    input
        .into_subject(chrono::Utc::now())
        .expect("valid subject")
}

impl DnsServer {
    /// Start with `subjects` already in the store (the initial load path).
    pub async fn start(config: DnsConfig, subjects: Vec<serde_json::Value>) -> DnsServer {
        let seed = subjects.into_iter().map(subject).collect();
        let dns_config = config.clone();
        let app = TestApp::spawn_seeded(Backend::Sqlite, seed, |c| c.dns = dns_config).await;
        DnsServer {
            addr: app.dns,
            store: app.store.clone(),
            directory: app.directory.clone(),
            dns: app.enum_dns.clone(),
            config,
            app,
        }
    }

    /// Create a subject and apply it, as the admin API does before it responds.
    pub async fn create(&self, value: serde_json::Value) -> Subject {
        let stored = write(&*self.store, Write::Create(subject(value)))
            .await
            .unwrap();
        self.directory.sync(&*self.store).await.unwrap();
        stored
    }

    pub async fn update(&self, subject: Subject) -> Subject {
        let write_ = Write::Update {
            expected_version: subject.version,
            subject,
        };
        let stored = write(&*self.store, write_).await.unwrap();
        self.directory.sync(&*self.store).await.unwrap();
        stored
    }

    pub async fn delete(&self, subject: &Subject) {
        let write_ = Write::Delete {
            id: subject.id,
            expected_version: subject.version,
        };
        write(&*self.store, write_).await;
        self.directory.sync(&*self.store).await.unwrap();
    }

    pub async fn udp(&self, msg: &Message) -> Message {
        parse(
            &udp_raw(self.addr, &msg.to_vec().unwrap())
                .await
                .expect("an answer over UDP"),
        )
    }

    pub async fn tcp(&self, msg: &Message) -> Message {
        parse(&tcp_raw(self.addr, &msg.to_vec().unwrap()).await)
    }

    /// Stop, and check that every server task finished cleanly.
    pub async fn stop(self) {
        tokio::time::timeout(TIMEOUT, self.app.stop())
            .await
            .expect("server stops on shutdown");
    }
}

async fn write(store: &dyn Store, write: Write) -> Option<Subject> {
    store
        .write("test", "subject.write", write)
        .await
        .expect("store write")
}

/// A query for `name`/`qtype`, RD set as resolvers send it, optional EDNS payload.
pub fn query(name: &str, qtype: RecordType, edns: Option<u16>) -> Message {
    let mut msg = Message::query();
    msg.add_query(Query::query(Name::from_ascii(name).unwrap(), qtype));
    msg.metadata.recursion_desired = true;
    if let Some(payload) = edns {
        let mut e = Edns::new();
        e.set_max_payload(payload);
        msg.set_edns(e);
    }
    msg
}

pub fn with_opcode(mut msg: Message, op_code: OpCode) -> Message {
    msg.metadata.op_code = op_code;
    msg
}

pub fn parse(bytes: &[u8]) -> Message {
    Message::from_vec(bytes).expect("a well-formed DNS message")
}

/// One datagram out, one back (None after the timeout). Only an answer
/// from `addr` with the query's ID counts: a late answer to an earlier
/// socket that had the same ephemeral port is not this one's.
pub async fn udp_raw_wait(addr: SocketAddr, bytes: &[u8], wait: Duration) -> Option<Vec<u8>> {
    let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
    socket.send_to(bytes, addr).await.unwrap();
    let mut buf = vec![0u8; 65_536];
    let answer = async {
        loop {
            let (n, from) = socket.recv_from(&mut buf).await.unwrap();
            if from == addr && (n < 2 || bytes.len() < 2 || buf[..2] == bytes[..2]) {
                return buf[..n].to_vec();
            }
        }
    };
    tokio::time::timeout(wait, answer).await.ok()
}

pub async fn udp_raw(addr: SocketAddr, bytes: &[u8]) -> Option<Vec<u8>> {
    udp_raw_wait(addr, bytes, TIMEOUT).await
}

/// One length-prefixed message out, one back.
pub async fn tcp_raw(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(&(bytes.len() as u16).to_be_bytes())
        .await
        .unwrap();
    stream.write_all(bytes).await.unwrap();
    tokio::time::timeout(TIMEOUT, read_frame(&mut stream))
        .await
        .expect("TCP answer in time")
        .expect("a TCP answer")
}

pub async fn read_frame(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let len = stream.read_u16().await? as usize;
    let mut buf = vec![0u8; len];
    stream.read_exact(&mut buf).await?;
    Ok(buf)
}

/// The reversed-digit name of `+digits` under `zone`.
pub fn enum_name(e164: &str, zone: &str) -> String {
    let digits: Vec<String> = e164
        .trim_start_matches('+')
        .chars()
        .rev()
        .map(String::from)
        .collect();
    format!("{}.{zone}.", digits.join("."))
}

/// (order, preference, flags, services, regexp, replacement) of a NAPTR.
pub type NaptrFields = (u16, u16, String, String, String, String);

pub fn fields(n: &NAPTR) -> NaptrFields {
    let s = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (
        n.order,
        n.preference,
        s(&n.flags),
        s(&n.services),
        s(&n.regexp),
        n.replacement.to_ascii(),
    )
}

pub fn naptr(preference: u16, services: &str, uri: &str) -> NaptrFields {
    (
        100,
        preference,
        "u".into(),
        services.into(),
        format!("!^.*$!{uri}!"),
        ".".into(),
    )
}

/// The NAPTR answers of a response, in order.
pub fn naptrs(msg: &Message) -> Vec<NaptrFields> {
    msg.answers
        .iter()
        .map(|r| match &r.data {
            RData::NAPTR(n) => fields(n),
            other => panic!("expected only NAPTR answers, got {other:?}"),
        })
        .collect()
}

/// The SOA in the authority section of a negative answer.
pub fn authority_soa(msg: &Message) -> SOA {
    assert_eq!(msg.authorities.len(), 1, "one SOA in authority: {msg}");
    match &msg.authorities[0].data {
        RData::SOA(soa) => soa.clone(),
        other => panic!("expected SOA, got {other:?}"),
    }
}

/// Alice's number under the default zone.
pub const NUMBER: &str = "0.0.1.0.5.5.5.2.1.2.1.e164.arpa.";

/// What Alice's number answers: her public addresses but the number.
pub fn alice_naptrs() -> Vec<NaptrFields> {
    vec![
        naptr(10, "E2U+sip", "sip:alice@example.com"),
        naptr(20, "E2U+xmpp", "xmpp:alice@example.com"),
    ]
}

/// A subject with a number, SIP, XMPP, a non-public mail and https address.
pub fn alice() -> serde_json::Value {
    serde_json::json!({
        "handle": "alice", "domain": "example.com", "display_name": "Alice",
        "addresses": [
            {"uri": "tel:+12125550100"},
            {"uri": "sip:alice@example.com"},
            {"uri": "xmpp:alice@example.com"},
            {"uri": "mailto:alice@example.com", "visibility": "authenticated"},
            {"uri": "https://example.com/~alice", "visibility": "private"},
        ]
    })
}

/// `n` generated subjects, one number each (+1 617 2xx xxxx).
pub fn many(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            serde_json::json!({
                "handle": format!("u{i:06}"), "domain": "example.org",
                "addresses": [
                    {"uri": format!("tel:+1617{:07}", 2_000_000 + i)},
                    {"uri": format!("sip:u{i:06}@example.org")},
                    {"uri": format!("xmpp:u{i:06}@example.org")},
                ]
            })
        })
        .collect()
}

/// Make `subject`'s mail address public (alice's is authenticated).
pub fn publish_mail(subject: &mut Subject) {
    subject
        .addresses
        .iter_mut()
        .find(|a| a.uri.as_str().starts_with("mailto:"))
        .expect("a mail address")
        .visibility = callsign::model::Visibility::Public;
}

/// Alice as the server's directory holds her now.
pub fn current_alice(server: &DnsServer) -> Subject {
    Subject::clone(&server.directory.get("acct:alice@example.com").unwrap())
}
