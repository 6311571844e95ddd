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
use callsign::store::Store;
use hickory_proto::op::{Edns, Message, OpCode, Query, ResponseCode};
use hickory_proto::rr::rdata::{NAPTR, SOA};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

use super::app::{Backend, TestApp};
use super::server::{Server, ok};

pub const TIMEOUT: Duration = Duration::from_secs(5);

/// A `TestApp` started with a DNS configuration of the test's choosing,
/// seen from DNS: its zones, and subject writes through the admin API
/// (which bring the directory up to date before they answer).
pub struct DnsServer {
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    pub directory: Arc<Directory>,
    pub dns: Arc<Dns>,
    pub config: DnsConfig,
    pub app: TestApp,
}

impl std::ops::Deref for DnsServer {
    type Target = TestApp;

    fn deref(&self) -> &TestApp {
        &self.app
    }
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

    /// Create a subject through the admin API.
    pub async fn create(&self, value: serde_json::Value) -> Subject {
        typed(self.admin().create_subject(value).await)
    }

    /// Store `subject` as it is now (version check included) through the
    /// admin API.
    pub async fn update(&self, subject: Subject) -> Subject {
        let mut patch = serde_json::to_value(&subject).unwrap();
        let fields = patch.as_object_mut().unwrap();
        fields.retain(|k, _| PATCHABLE.contains(&k.as_str()));
        for address in fields["addresses"].as_array_mut().unwrap() {
            address.as_object_mut().unwrap().remove("id");
        }
        let (id, tag) = (subject.id.to_string(), subject.etag());
        let r = self.admin().try_patch_subject(&id, Some(&tag), patch).await;
        typed(ok(r, 200).await)
    }

    pub async fn delete(&self, subject: &Subject) {
        let (id, tag) = (subject.id.to_string(), subject.etag());
        let r = self.admin().try_delete_subject(&id, Some(&tag)).await;
        assert_eq!(r.status(), 204, "{}", r.text().await.unwrap());
    }

    /// Stop, and check that every server task finished cleanly.
    pub async fn stop(self) {
        tokio::time::timeout(TIMEOUT, self.app.stop())
            .await
            .expect("server stops on shutdown");
    }
}

/// The members of a subject a merge patch may set.
const PATCHABLE: [&str; 5] = [
    "handle",
    "domain",
    "display_name",
    "discoverable",
    "addresses",
];

fn typed(subject: serde_json::Value) -> Subject {
    serde_json::from_value(subject).expect("the API answers a subject")
}

/// DNS queries over real sockets to a running server.
impl Server {
    pub async fn udp(&self, msg: &Message) -> Message {
        udp(self.dns, msg).await
    }

    pub async fn tcp(&self, msg: &Message) -> Message {
        parse(&tcp_raw(self.dns, &msg.to_vec().unwrap()).await)
    }

    /// `name`/`qtype` over UDP, without EDNS.
    pub async fn ask(&self, name: &str, qtype: RecordType) -> Message {
        self.udp(&query(name, qtype, None)).await
    }

    /// The answer to the NAPTR query for `e164` under `e164.arpa`.
    pub async fn naptr(&self, e164: &str) -> (ResponseCode, Vec<NaptrFields>) {
        let answer = self
            .ask(&enum_name(e164, "e164.arpa"), RecordType::NAPTR)
            .await;
        (answer.response_code, naptrs(&answer))
    }

    /// The serial of the `e164.arpa` SOA.
    pub async fn soa_serial(&self) -> u32 {
        match &self.ask("e164.arpa.", RecordType::SOA).await.answers[..] {
            [record] => soa_serial(record).expect("an SOA"),
            other => panic!("expected one SOA, got {other:?}"),
        }
    }

    /// Every record of an AXFR of `zone`, both SOAs included.
    pub async fn axfr(&self, zone: &str) -> Vec<Record> {
        self.transfer(&query(zone, RecordType::AXFR, None)).await.1
    }

    /// Send a transfer request and read every message of the answer; the
    /// stream ends where RFC 5936 / RFC 1995 say it does.
    pub async fn transfer(&self, q: &Message) -> (Vec<Message>, Vec<Record>) {
        let mut stream = TcpStream::connect(self.dns).await.unwrap();
        stream.write_all(&framed(q)).await.unwrap();
        let (mut messages, mut records) = (Vec::new(), Vec::<Record>::new());
        loop {
            let frame = tokio::time::timeout(TIMEOUT, read_frame(&mut stream))
                .await
                .expect("transfer in time")
                .expect("a frame");
            let msg = parse(&frame);
            assert_eq!(msg.id, q.id);
            records.extend(msg.answers.iter().cloned());
            let rcode = msg.response_code;
            messages.push(msg);
            if rcode != ResponseCode::NoError || records.len() == 1 || transfer_ended(&records) {
                return (messages, records);
            }
        }
    }
}

/// Has a transfer stream reached its closing SOA? An AXFR closes with the
/// second copy of its first SOA, an IXFR with the third.
fn transfer_ended(records: &[Record]) -> bool {
    let first = soa_serial(&records[0]).expect("transfers start with the SOA");
    let closing = records
        .iter()
        .filter(|r| soa_serial(r) == Some(first))
        .count();
    let incremental = soa_serial(&records[1]).is_some();
    soa_serial(records.last().unwrap()) == Some(first) && closing >= if incremental { 3 } else { 2 }
}

pub fn soa_serial(record: &Record) -> Option<u32> {
    match &record.data {
        RData::SOA(soa) => Some(soa.serial),
        _ => None,
    }
}

/// A message as DNS over TCP carries it: its length, then its bytes.
pub fn framed(msg: &Message) -> Vec<u8> {
    let bytes = msg.to_vec().unwrap();
    let mut framed = (bytes.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(&bytes);
    framed
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

/// `msg` over UDP to any DNS server; its answer.
pub async fn udp(addr: SocketAddr, msg: &Message) -> Message {
    let answer = udp_raw(addr, &msg.to_vec().unwrap()).await;
    parse(&answer.expect("an answer over UDP"))
}

pub async fn udp_raw(addr: SocketAddr, bytes: &[u8]) -> Option<Vec<u8>> {
    udp_raw_wait(addr, bytes, TIMEOUT).await
}

/// One length-prefixed message out, one back.
pub async fn tcp_raw(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let mut frame = (bytes.len() as u16).to_be_bytes().to_vec();
    frame.extend_from_slice(bytes);
    stream.write_all(&frame).await.unwrap();
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
