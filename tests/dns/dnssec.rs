//! DNSSEC online signing, checked by real validators: unbound (with the
//! zone's DS from `callsign dnssec ds` as its trust anchor and a stub zone
//! to callsign) and delv. Also: compact denial reveals no other name, two
//! processes on one database sign with one key, tiny EDNS sizes truncate,
//! private keys stay out of the API, and pre-signed numbers are answered
//! without signing while a change is signed over its new records at once.
//!
//! Under `CI=true` a missing validator fails these tests; elsewhere they say
//! so and pass.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use callsign::app::{App, Listeners};
use callsign::config::DnsConfig;
use hickory_proto::dnssec::rdata::DNSSECRData;
use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};
use reqwest::Method;
use tokio_util::sync::CancellationToken;

use crate::support::app::test_config;
use crate::support::dns::*;
use crate::support::tools;

use super::knot::free_port;

pub fn signed() -> DnsConfig {
    DnsConfig {
        dnssec: "e164.arpa".parse().unwrap(),
        ..config()
    }
}

/// A query with the DO bit, as validators send it.
pub fn do_query(name: &str, qtype: RecordType, payload: u16) -> Message {
    do_query_name(Name::from_ascii(name).unwrap(), qtype, payload)
}

/// [`do_query`] for any name (hickory's text parser refuses `\000` labels).
fn do_query_name(name: Name, qtype: RecordType, payload: u16) -> Message {
    let mut msg = query(".", qtype, Some(payload));
    msg.queries[0].set_name(name);
    msg.edns.as_mut().unwrap().set_dnssec_ok(true);
    msg
}

/// `name`'s immediate successor in canonical order: `\000.name`.
fn successor(name: &Name) -> Name {
    let mut next = Name::from_labels(std::iter::once(&b"\0"[..]).chain(name.iter())).unwrap();
    next.set_fqdn(true);
    next
}

/// `callsign dnssec …` against the server's database: standard output.
pub fn cli(server: &DnsServer, args: &[&str]) -> String {
    let out = run_cli(server.app.config.database.url.expose(), &[], args);
    assert!(
        out.status.success(),
        "callsign dnssec {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `callsign dnssec …` on `database_url`, for the zone `e164.arpa`, with
/// more `CALLSIGN_*` settings from `env`.
pub fn run_cli(database_url: &str, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_callsign"))
        .arg("dnssec")
        .args(args)
        .env("CALLSIGN_DATABASE_URL", database_url)
        .env("CALLSIGN_DNS_DNSSEC", "e164.arpa")
        .env("CALLSIGN_LOG_FILTER", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// The DS line `callsign dnssec ds` prints: the trust anchor.
pub fn trust_anchor(server: &DnsServer) -> String {
    let printed = cli(server, &["ds", "e164.arpa"]);
    let ds = printed.lines().next().unwrap().to_owned();
    assert!(ds.starts_with("e164.arpa. 3600 IN DS "), "{printed}");
    ds
}

/// The NAPTRs of a signed answer (its RRSIGs left out), sorted.
pub fn signed_naptrs(answer: &Message) -> Vec<NaptrFields> {
    let mut got: Vec<_> = answer
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::NAPTR(n) => Some(fields(n)),
            _ => None,
        })
        .collect();
    got.sort();
    got
}

pub fn rrsigs_over(records: &[hickory_proto::rr::Record], covered: RecordType) -> usize {
    records
        .iter()
        .filter(|r| {
            matches!(&r.data, RData::DNSSEC(DNSSECRData::RRSIG(sig)) if sig.input().type_covered == covered)
        })
        .count()
}

/// The NSEC records of a message's authority (or answer) section.
fn nsecs(records: &[hickory_proto::rr::Record]) -> Vec<(Name, Name, Vec<RecordType>)> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::NSEC(nsec)) => Some((
                r.name.clone(),
                nsec.next_domain_name().clone(),
                nsec.type_bit_maps().collect(),
            )),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn signed_answers_carry_rrsigs_and_denials_are_compact() {
    let server = DnsServer::start(signed(), vec![alice()]).await;

    // With DO: the NAPTRs and their signature.
    let answer = server.udp(&do_query(NUMBER, RecordType::NAPTR, 1232)).await;
    assert_eq!(answer.response_code, ResponseCode::NoError);
    assert_eq!(answer.answers.len(), 3, "{answer}");
    assert_eq!(rrsigs_over(&answer.answers, RecordType::NAPTR), 1);

    // A name that does not exist: NOERROR, one NSEC at the name, next name
    // its immediate successor, NXNAME in the bitmap.
    let missing = "9.9.9.e164.arpa.";
    let denial = server
        .udp(&do_query(missing, RecordType::NAPTR, 1232))
        .await;
    assert_eq!(denial.response_code, ResponseCode::NoError);
    assert!(denial.answers.is_empty());
    let owner = Name::from_ascii(missing).unwrap();
    assert_eq!(
        nsecs(&denial.authorities),
        vec![(
            owner.clone(),
            successor(&owner),
            vec![
                RecordType::RRSIG,
                RecordType::NSEC,
                RecordType::Unknown(128)
            ]
        )]
    );
    assert_eq!(rrsigs_over(&denial.authorities, RecordType::NSEC), 1);
    assert_eq!(rrsigs_over(&denial.authorities, RecordType::SOA), 1);

    // NODATA at a number lists what it holds; at an empty non-terminal, nothing.
    let nodata = server.udp(&do_query(NUMBER, RecordType::TXT, 1232)).await;
    let types: Vec<_> = nsecs(&nodata.authorities).remove(0).2;
    assert_eq!(
        types,
        [RecordType::NAPTR, RecordType::RRSIG, RecordType::NSEC]
    );
    let ent = server
        .udp(&do_query("2.1.e164.arpa.", RecordType::NAPTR, 1232))
        .await;
    assert_eq!(
        nsecs(&ent.authorities).remove(0).2,
        [RecordType::RRSIG, RecordType::NSEC]
    );

    // The apex publishes its keys, signed.
    for qtype in [RecordType::DNSKEY, RecordType::CDS, RecordType::CDNSKEY] {
        let keys = server.udp(&do_query("e164.arpa.", qtype, 1232)).await;
        assert_eq!(keys.answers.len(), 2, "{qtype}: {keys}");
        assert_eq!(rrsigs_over(&keys.answers, qtype), 1, "{qtype}");
    }

    // Without DO, answers are as an unsigned zone's: no signature, no NSEC,
    // NXDOMAIN for a missing name.
    let plain = server
        .udp(&query(missing, RecordType::NAPTR, Some(1232)))
        .await;
    assert_eq!(plain.response_code, ResponseCode::NXDomain);
    assert_eq!(plain.authorities.len(), 1, "the SOA alone: {plain}");
    let plain = server.udp(&query(NUMBER, RecordType::NAPTR, None)).await;
    assert_eq!(naptrs(&plain), alice_naptrs());
    server.stop().await;
}

#[tokio::test]
async fn without_do_a_signed_zone_answers_byte_for_byte_as_an_unsigned_one() {
    let signed_server = DnsServer::start(signed(), vec![alice()]).await;
    let unsigned_server = DnsServer::start(config(), vec![alice()]).await;
    for (name, qtype, edns) in [
        (NUMBER, RecordType::NAPTR, None),
        (NUMBER, RecordType::NAPTR, Some(1232)),
        (NUMBER, RecordType::ANY, Some(4096)),
        ("e164.arpa.", RecordType::NS, None),
    ] {
        let q = query(name, qtype, edns).to_vec().unwrap();
        let ours = udp_raw(signed_server.addr, &q).await.unwrap();
        let theirs = udp_raw(unsigned_server.addr, &q).await.unwrap();
        assert_eq!(ours, theirs, "{name} {qtype} {edns:?}");
    }
    signed_server.stop().await;
    unsigned_server.stop().await;
}

#[tokio::test]
async fn do_with_tiny_edns_sizes_truncates_over_udp_and_tcp_has_it_all() {
    let addresses: Vec<_> = std::iter::once(serde_json::json!({"uri": "tel:+12125550100"}))
        .chain((0..12).map(|i| serde_json::json!({"uri": format!("sip:line{i}@example.com")})))
        .collect();
    let many_lines = serde_json::json!({
        "handle": "lines", "domain": "example.com", "addresses": addresses
    });
    let server = DnsServer::start(signed(), vec![many_lines]).await;
    for payload in [0, 1, 100, 511, 512] {
        let answer = server
            .udp(&do_query(NUMBER, RecordType::NAPTR, payload))
            .await;
        assert!(answer.metadata.truncation, "payload {payload}: {answer}");
        assert!(answer.answers.is_empty(), "payload {payload}");
        assert!(answer.edns.as_ref().unwrap().flags().dnssec_ok);
    }
    let full = server.tcp(&do_query(NUMBER, RecordType::NAPTR, 512)).await;
    assert!(!full.metadata.truncation);
    assert_eq!(full.answers.len(), 13, "12 NAPTRs and their RRSIG");
    assert_eq!(rrsigs_over(&full.answers, RecordType::NAPTR), 1);
    // Still answering after all that.
    let small = server
        .udp(&do_query("e164.arpa.", RecordType::SOA, 512))
        .await;
    assert_eq!(small.answers.len(), 2);
    server.stop().await;
}

/// Following NSEC next names from the apex, from a number and from a
/// missing name never reaches another name: each NSEC's next name is its
/// owner's immediate successor.
#[tokio::test]
async fn a_walk_of_nsec_next_names_discovers_no_number() {
    let mut subjects = many(20);
    subjects.push(alice());
    let server = DnsServer::start(signed(), subjects).await;
    let mut discovered = Vec::new();
    for start in ["e164.arpa.", NUMBER, "9.9.9.e164.arpa.", "1.e164.arpa."] {
        let mut name = Name::from_ascii(start).unwrap();
        for _ in 0..10 {
            let answer = server
                .udp(&do_query_name(name.clone(), RecordType::NSEC, 1232))
                .await;
            let mut found = nsecs(&answer.answers);
            found.extend(nsecs(&answer.authorities));
            assert_eq!(found.len(), 1, "one NSEC at {name}: {answer}");
            let (owner, next, _) = found.remove(0);
            assert_eq!(owner, name);
            assert_eq!(
                next,
                successor(&name),
                "the NSEC at {name} names no other name"
            );
            discovered.push(next.clone());
            name = next;
        }
    }
    // Only names made of NUL labels over where the walk started: no number.
    for name in &discovered {
        let digits: String = name
            .iter()
            .filter(|l| *l != b"\0")
            .take_while(|l| l.len() == 1 && l[0].is_ascii_digit())
            .map(|l| l[0] as char)
            .collect();
        assert!(
            ["", "00105552121", "999", "1"].contains(&digits.as_str()),
            "the walk found {name}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn the_admin_api_gives_the_ds_and_never_the_private_key() {
    let server = DnsServer::start(signed(), vec![alice()]).await;
    let app = &server.app;
    let keys: serde_json::Value = app
        .as_admin(Method::GET, "/api/v1/dnssec/e164.arpa.")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(keys["zone"], "e164.arpa");
    assert_eq!(keys["algorithm"], 13);
    let anchor = trust_anchor(&server);
    assert_eq!(
        keys["ds"].as_str().unwrap(),
        anchor.replace(" 3600 ", " 600 ")
    );
    let unsigned = app
        .as_admin(Method::GET, "/api/v1/dnssec/e164.example.net")
        .send()
        .await
        .unwrap();
    crate::support::app::assert_problem(unsigned, 404).await;

    // The change log records the key, never its private half.
    let audit = app
        .as_admin(Method::GET, "/api/v1/audit")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(audit.contains("dnssec.key.create"), "{audit}");
    let pem = cli(&server, &["export-key", "e164.arpa"]);
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{pem}");
    assert!(
        !audit.contains(&body) && !audit.contains("private_key"),
        "{audit}"
    );
    let bind = cli(&server, &["export-key", "e164.arpa", "--format", "bind"]);
    assert!(
        bind.contains("Algorithm: 13 (ECDSAP256SHA256)\nPrivateKey: "),
        "{bind}"
    );
    server.stop().await;
}

/// Two processes on one database (PostgreSQL), started at once: one key
/// between them, the first writer's, published by both.
#[tokio::test]
async fn two_apps_on_one_database_answer_with_the_same_dnskey() {
    let db = crate::support::pg::fresh_database().await;
    let mut config = test_config(&db.url);
    config.dns = signed();
    let shutdown = CancellationToken::new();
    let start = || async {
        let listeners = Listeners::bind(&config).await.unwrap();
        let addr = listeners.dns_addr();
        let app = App::build(config.clone(), &shutdown).await.unwrap();
        tokio::spawn(app.run(listeners, shutdown.clone()));
        addr
    };
    let (first, second) = tokio::join!(start(), start());
    let dnskey = |addr: SocketAddr| async move {
        let q = query("e164.arpa.", RecordType::DNSKEY, Some(1232));
        let answer = parse(&tcp_raw(addr, &q.to_vec().unwrap()).await);
        let keys: Vec<_> = answer.answers.iter().map(|r| r.data.clone()).collect();
        assert_eq!(keys.len(), 1, "{answer}");
        keys
    };
    assert_eq!(dnskey(first).await, dnskey(second).await);
    let keys = db_keys(&config).await;
    assert_eq!(keys, 1, "one key stored");
    shutdown.cancel();
}

async fn db_keys(config: &callsign::config::Config) -> usize {
    let store = callsign::store::open(config.database.url.expose())
        .await
        .unwrap();
    store.dnssec_keys("e164.arpa").await.unwrap().len()
}

pub struct Unbound {
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Unbound {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Unbound {
    /// A validating resolver whose only way out is a stub zone to
    /// `primary` (root hints name a loopback address nobody serves). It
    /// caches nothing, so every answer is the server's latest.
    pub fn start(unbound: &Path, primary: SocketAddr, anchor: &str) -> Unbound {
        Unbound::start_with(
            unbound,
            primary,
            anchor,
            "  cache-max-ttl: 0\n  cache-max-negative-ttl: 0\n",
        )
    }

    /// [`Unbound::start`], caching as the records' TTLs allow, as
    /// resolvers in the field do.
    pub fn start_caching(unbound: &Path, primary: SocketAddr, anchor: &str) -> Unbound {
        Unbound::start_with(unbound, primary, anchor, "")
    }

    fn start_with(unbound: &Path, primary: SocketAddr, anchor: &str, cache: &str) -> Unbound {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display();
        let port = free_port();
        std::fs::write(dir.path().join("anchor"), format!("{anchor}\n")).unwrap();
        std::fs::write(
            dir.path().join("root.hints"),
            ". 3600000 NS a.root.invalid.\na.root.invalid. 3600000 A 127.0.0.9\n",
        )
        .unwrap();
        let conf = format!(
            "server:\n  interface: 127.0.0.1\n  port: {port}\n  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n\
             \x20 directory: \"{d}\"\n  pidfile: \"{d}/unbound.pid\"\n  use-syslog: no\n  logfile: \"\"\n  verbosity: 1\n\
             \x20 num-threads: 1\n  do-ip6: no\n  so-reuseport: no\n  do-not-query-localhost: no\n\
             \x20 access-control: 127.0.0.0/8 allow\n  root-hints: \"{d}/root.hints\"\n\
             \x20 trust-anchor-file: \"{d}/anchor\"\n  trust-anchor-signaling: no\n  root-key-sentinel: no\n\
             \x20 module-config: \"validator iterator\"\n  qname-minimisation: no\n  val-log-level: 2\n\
             {cache}  prefetch: no\n\
             stub-zone:\n  name: \"e164.arpa\"\n  stub-addr: {}@{}\n",
            primary.ip(),
            primary.port()
        );
        let conf_path = dir.path().join("unbound.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let log = dir.path().join("unbound.log");
        let child = Command::new(unbound)
            .arg("-d")
            .arg("-c")
            .arg(&conf_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start unbound");
        Unbound {
            child,
            addr: ([127, 0, 0, 1], port).into(),
            log,
            _dir: dir,
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Ask with RD and DO, polling only until unbound listens.
    pub async fn ask(&self, name: &str, qtype: RecordType) -> Message {
        let q = do_query(name, qtype, 1232).to_vec().unwrap();
        for _ in 0..100 {
            if let Some(raw) = udp_raw_wait(self.addr, &q, Duration::from_millis(300)).await {
                return parse(&raw);
            }
        }
        panic!("unbound never answered; its log:\n{}", self.log());
    }
}

#[tokio::test]
async fn unbound_validates_answers_denials_and_live_changes() {
    let Some(unbound_bin) = tools::require("unbound", "unbound") else {
        return;
    };
    let server = DnsServer::start(signed(), vec![alice()]).await;
    let unbound = Unbound::start(&unbound_bin, server.addr, &trust_anchor(&server));

    let answer = unbound.ask(NUMBER, RecordType::NAPTR).await;
    assert_eq!(
        answer.response_code,
        ResponseCode::NoError,
        "{}",
        unbound.log()
    );
    assert!(
        answer.metadata.authentic_data,
        "AD: {answer}\n{}",
        unbound.log()
    );
    assert_eq!(signed_naptrs(&answer), alice_naptrs());

    // An unknown number: a denial unbound proved.
    let denial = unbound.ask("9.9.9.e164.arpa.", RecordType::NAPTR).await;
    assert!(denial.answers.is_empty());
    assert!(
        matches!(
            denial.response_code,
            ResponseCode::NoError | ResponseCode::NXDomain
        ),
        "{denial}"
    );
    assert!(denial.metadata.authentic_data, "AD on the denial: {denial}");

    // A change through the admin API validates with its new NAPTRs at once.
    let alice = current_alice(&server);
    let mail = alice
        .addresses
        .iter()
        .find(|a| a.uri.as_str().starts_with("mailto:"))
        .unwrap();
    let r = server
        .app
        .as_admin(
            Method::PATCH,
            &format!("/api/v1/subjects/{}/addresses/{}", alice.id, mail.id),
        )
        .header("content-type", "application/merge-patch+json")
        .json(&serde_json::json!({"visibility": "public"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let changed = unbound.ask(NUMBER, RecordType::NAPTR).await;
    assert!(
        changed.metadata.authentic_data,
        "AD after the change: {changed}"
    );
    let mail = naptr(30, "E2U+email:mailto", "mailto:alice@example.com");
    assert!(
        changed
            .answers
            .iter()
            .any(|r| matches!(&r.data, RData::NAPTR(n) if fields(n) == mail)),
        "{changed}"
    );
    assert!(
        !unbound.log().contains("validation failure"),
        "{}",
        unbound.log()
    );
    server.stop().await;
}

/// Until the pre-signing worker has signed every published number (it
/// runs beside the server; bounded, as readiness polls are).
pub async fn presigned(dns: &callsign::dns::Dns) -> callsign::dns::PresignProgress {
    let mut progress = dns.presign_progress();
    for _ in 0..600 {
        if progress.pending == 0 && progress.presigned > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        progress = dns.presign_progress();
    }
    progress
}

#[tokio::test]
async fn pre_signed_answers_sign_nothing_and_a_change_validates_at_once() {
    let Some(unbound_bin) = tools::require("unbound", "unbound") else {
        return;
    };
    let mut subjects = many(3);
    subjects.push(alice());
    let server = DnsServer::start(signed(), subjects).await;
    let progress = presigned(&server.dns).await;
    assert_eq!(
        (progress.presigned, progress.pending),
        (4, 0),
        "{progress:?}"
    );

    // Every published number answered, signed, and no signature made.
    let made = server.dns.signatures_made();
    for number in [NUMBER, "0.0.0.0.0.0.2.7.1.6.1.e164.arpa."] {
        for _ in 0..3 {
            let q = do_query(number, RecordType::NAPTR, 1232);
            for answer in [server.udp(&q).await, server.tcp(&q).await] {
                assert_eq!(
                    rrsigs_over(&answer.answers, RecordType::NAPTR),
                    1,
                    "{answer}"
                );
            }
        }
    }
    assert_eq!(
        server.dns.signatures_made(),
        made,
        "answered from pre-made signatures"
    );
    let unbound = Unbound::start(&unbound_bin, server.addr, &trust_anchor(&server));
    let answer = unbound.ask(NUMBER, RecordType::NAPTR).await;
    assert!(
        answer.metadata.authentic_data,
        "AD: {answer}\n{}",
        unbound.log()
    );
    assert_eq!(signed_naptrs(&answer), alice_naptrs());

    // A change through the admin API: the very next answer carries the new
    // NAPTRs under a signature that validates, made before pre-signing
    // caught up with the change.
    let alice = current_alice(&server);
    let mail = (alice.addresses.iter())
        .find(|a| a.uri.as_str().starts_with("mailto:"))
        .unwrap();
    let r = server
        .app
        .as_admin(
            Method::PATCH,
            &format!("/api/v1/subjects/{}/addresses/{}", alice.id, mail.id),
        )
        .header("content-type", "application/merge-patch+json")
        .json(&serde_json::json!({"visibility": "public"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let changed = unbound.ask(NUMBER, RecordType::NAPTR).await;
    assert!(
        changed.metadata.authentic_data,
        "AD after the change: {changed}\n{}",
        unbound.log()
    );
    let mail = naptr(30, "E2U+email:mailto", "mailto:alice@example.com");
    assert!(signed_naptrs(&changed).contains(&mail), "{changed}");
    assert!(
        !unbound.log().contains("validation failure"),
        "{}",
        unbound.log()
    );

    // Pre-signing catches up: the changed numbers are signed ahead again.
    let progress = presigned(&server.dns).await;
    assert_eq!(
        (progress.presigned, progress.pending),
        (4, 0),
        "{progress:?}"
    );
    let made = server.dns.signatures_made();
    let answer = server.udp(&do_query(NUMBER, RecordType::NAPTR, 1232)).await;
    assert!(signed_naptrs(&answer).contains(&mail), "{answer}");
    assert_eq!(rrsigs_over(&answer.answers, RecordType::NAPTR), 1);
    assert_eq!(server.dns.signatures_made(), made);
    let again = unbound.ask(NUMBER, RecordType::NAPTR).await;
    assert!(
        again.metadata.authentic_data,
        "AD, pre-signed again: {again}\n{}",
        unbound.log()
    );
    server.stop().await;
}

#[tokio::test]
async fn delv_agrees() {
    let Some(delv) = tools::require("delv", "bind9-dnsutils") else {
        return;
    };
    let server = DnsServer::start(signed(), vec![alice()]).await;
    let delv = Delv::new(delv, &trust_anchor(&server));
    delv.validates(server.addr).await;
    server.stop().await;
}

/// delv with one trust anchor (a DS line), for `e164.arpa`.
pub struct Delv {
    binary: PathBuf,
    anchors: PathBuf,
    _dir: tempfile::TempDir,
}

impl Delv {
    pub fn new(binary: PathBuf, ds_line: &str) -> Delv {
        let ds: Vec<&str> = ds_line.split_whitespace().collect();
        let dir = tempfile::tempdir().unwrap();
        let anchors = dir.path().join("anchors.conf");
        let conf = format!(
            "trust-anchors {{\n  e164.arpa. static-ds {} {} {} \"{}\";\n}};\n",
            ds[4], ds[5], ds[6], ds[7]
        );
        std::fs::write(&anchors, conf).unwrap();
        Delv {
            binary,
            anchors,
            _dir: dir,
        }
    }

    /// delv's report on `name`/`qtype` asked of `server`. It runs beside
    /// the server's tasks, not on their runtime's thread.
    pub async fn ask(&self, server: SocketAddr, name: &str, qtype: &str) -> String {
        let mut command = Command::new(&self.binary);
        command
            .arg(format!("@{}", server.ip()))
            .args(["-p", &server.port().to_string()])
            .arg("-a")
            .arg(&self.anchors)
            .args(["+root=e164.arpa", name, qtype]);
        let out = tokio::task::spawn_blocking(move || command.output().unwrap())
            .await
            .unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    /// Alice's number, a missing number and the keys all validate at `server`.
    pub async fn validates(&self, server: SocketAddr) {
        let answer = self.ask(server, NUMBER, "NAPTR").await;
        assert!(answer.contains("; fully validated"), "{answer}");
        assert!(
            answer.contains("\"!^.*$!sip:alice@example.com!\""),
            "{answer}"
        );
        let denial = self.ask(server, "9.9.9.e164.arpa.", "NAPTR").await;
        assert!(
            denial.contains("; negative response, fully validated"),
            "{denial}"
        );
        let keys = self.ask(server, "e164.arpa.", "DNSKEY").await;
        assert!(keys.contains("; fully validated"), "{keys}");
    }
}

#[test]
fn bad_dnssec_settings_stop_startup_naming_the_key() {
    for (key, value, why) in [
        ("CALLSIGN_DNS_DNSSEC", "example.org", "dns.dnssec"),
        ("CALLSIGN_DNS_DNSSEC_ALGORITHM", "8", "dns.dnssec_algorithm"),
    ] {
        let (code, stderr) = crate::support::migrate_with(&[(key, value)]);
        assert_eq!(code, Some(2), "{key}={value}: {stderr}");
        assert!(stderr.contains(why), "{key}={value}: {stderr}");
    }
}

#[tokio::test]
async fn ed25519_keys_validate_too() {
    let Some(delv) = tools::require("delv", "bind9-dnsutils") else {
        return;
    };
    let config = DnsConfig {
        dnssec_algorithm: 15,
        ..signed()
    };
    let server = DnsServer::start(config, vec![alice()]).await;
    let anchor = trust_anchor(&server);
    assert!(anchor.split_whitespace().nth(5) == Some("15"), "{anchor}");
    Delv::new(delv, &anchor).validates(server.addr).await;
    server.stop().await;
}
