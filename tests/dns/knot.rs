//! Interoperability with real DNS software: the exported master file must
//! pass zone checkers, and Knot DNS must be able to slave callsign's zone
//! (AXFR, then NOTIFY + IXFR) and answer exactly what callsign answers.
//!
//! Under `CI=true` a missing Knot fails these tests; elsewhere they say
//! so and pass.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::dns::*;
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{RData, RecordType};

/// The Knot binary, or `None` (a failure under CI).
pub(super) fn knot(binary: &str) -> Option<PathBuf> {
    crate::support::tools::require(binary, "knot")
}

fn as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// A port free for UDP and TCP on 127.0.0.1 right now.
pub(super) fn free_port() -> u16 {
    loop {
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = udp.local_addr().unwrap().port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn numbers() -> Vec<String> {
    let mut numbers: Vec<String> = (0..50)
        .map(|i| format!("+1617{:07}", 2_000_000 + i))
        .collect();
    numbers.push("+12125550100".into());
    numbers
}

#[tokio::test]
async fn the_zone_file_passes_zone_checkers() {
    let mut config = config();
    config.zones = "e164.arpa, e164.example.net".parse().unwrap();
    let mut subjects = many(3);
    subjects.push(alice());
    let server = DnsServer::start(config, subjects).await;
    let text = server
        .dns
        .zone_file(&server.directory, "e164.example.net")
        .unwrap();
    let serial = server.dns.serial();
    assert!(text.contains("$ORIGIN e164.example.net.\n"));
    assert!(text.contains(&format!(
        "@\tIN\tSOA\tns1.example.net. hostmaster.example.net. {serial} 3600 600 604800 60\n"
    )));
    assert!(text.contains("@\tIN\tNS\tns2.example.org.\n"));
    assert!(text.contains("0.0.1.0.5.5.5.2.1.2.1\tIN\tNAPTR\t100 20 \"u\" \"E2U+xmpp\" \"!^.*$!xmpp:alice@example.com!\" .\n"));
    assert_eq!(text.matches("\tNAPTR\t").count(), 3 * 2 + 2);
    assert!(
        server
            .dns
            .zone_file(&server.directory, "example.com")
            .is_err()
    );

    check_zone_file("e164.example.net", &text);
    server.stop().await;
}

/// `text` passes `knotc zone-check` and `named-checkzone` as zone `apex`.
fn check_zone_file(apex: &str, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{apex}.zone"));
    std::fs::write(&file, text).unwrap();
    if let Some(knotc) = knot("knotc") {
        let conf = dir.path().join("knot.conf");
        let zone = format!(
            "zone:\n  - domain: {apex}\n    file: \"{}\"\n",
            file.display()
        );
        std::fs::write(&conf, zone).unwrap();
        let out = Command::new(knotc)
            .arg("-c")
            .arg(&conf)
            .args(["zone-check", apex])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "knotc zone-check: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    match Command::new("named-checkzone")
        .arg(apex)
        .arg(&file)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "named-checkzone: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) => assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "named-checkzone is required under CI (Debian package `bind9-utils`)"
        ),
    }
}

/// Out of the box (default NS `ns1.<zone>`, inside the zone), the export
/// carries the name server's address, as zone checkers demand.
#[tokio::test]
async fn the_default_configuration_exports_a_valid_zone() {
    let config = callsign::config::DnsConfig {
        listen: "127.0.0.1:0".parse().unwrap(),
        udp_sockets: 1,
        ..callsign::config::DnsConfig::default()
    };
    let mut subjects = many(3);
    subjects.push(alice());
    let server = DnsServer::start(config, subjects).await;
    let text = server
        .dns
        .zone_file(&server.directory, "e164.arpa")
        .unwrap();
    assert!(text.contains("@\tIN\tNS\tns1.e164.arpa.\nns1.e164.arpa.\tIN\tA\t127.0.0.1\n"));
    check_zone_file("e164.arpa", &text);
    server.stop().await;
}

pub(super) struct Knot {
    child: Child,
    pub(super) addr: SocketAddr,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Knot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TSIG key shared with Knot: name, algorithm, base64 secret.
pub(super) type SharedKey<'a> = Option<(&'a str, &'a str, &'a str)>;

impl Knot {
    /// Knot as a secondary of callsign's `e164.arpa`, taking transfers and
    /// NOTIFY signed with `key` when given.
    pub(super) fn start(
        knotd: &Path,
        port: u16,
        primary: SocketAddr,
        export: &str,
        key: SharedKey<'_>,
    ) -> Knot {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display();
        std::fs::write(dir.path().join("export.zone"), export).unwrap();
        // Knot keeps its journal there: without it an IXFR cannot be
        // stored, and Knot falls back to AXFR.
        std::fs::create_dir(dir.path().join("db")).unwrap();
        let user = if as_root() {
            "    user: root:root\n"
        } else {
            ""
        };
        let (keys, use_key) = match key {
            Some((name, algorithm, secret)) => (
                format!("key:\n  - id: {name}\n    algorithm: {algorithm}\n    secret: {secret}\n"),
                format!("    key: {name}\n"),
            ),
            None => (String::new(), String::new()),
        };
        let conf = format!(
            "server:\n    rundir: \"{d}\"\n{user}    listen: 127.0.0.1@{port}\n    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n\
             database:\n    storage: \"{d}/db\"\n{keys}\
             remote:\n  - id: callsign\n    address: {ip}@{cport}\n{use_key}\
             acl:\n  - id: from_callsign\n    address: {ip}\n{use_key}    action: notify\n\
             template:\n  - id: default\n    storage: \"{d}\"\n    zonefile-sync: -1\n\
             zone:\n  - domain: e164.arpa\n    master: callsign\n    acl: from_callsign\n  - domain: e164.example.net\n    file: \"{d}/export.zone\"\n\
             log:\n  - target: stderr\n    any: info\n",
            ip = primary.ip(),
            cport = primary.port(),
        );
        let conf_path = dir.path().join("knot.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let log = dir.path().join("knotd.log");
        let child = Command::new(knotd)
            .arg("-c")
            .arg(&conf_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start knotd");
        Knot {
            child,
            addr: ([127, 0, 0, 1], port).into(),
            log,
            _dir: dir,
        }
    }

    pub(super) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Poll until `done` holds for Knot's answer to `name`/`qtype` (30 s at most).
    pub(super) async fn wait_for(
        &self,
        name: &str,
        qtype: RecordType,
        what: &str,
        done: impl Fn(&hickory_proto::op::Message) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let q = query(name, qtype, None).to_vec().unwrap();
        loop {
            if let Some(raw) = udp_raw_wait(self.addr, &q, Duration::from_millis(200)).await
                && done(&parse(&raw))
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "Knot never got {what}; its log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

pub(super) fn soa_is(serial: u32) -> impl Fn(&hickory_proto::op::Message) -> bool {
    move |m| {
        m.answers
            .iter()
            .any(|r| matches!(&r.data, RData::SOA(soa) if soa.serial == serial))
    }
}

pub(super) fn naptr_set(m: &hickory_proto::op::Message) -> BTreeSet<NaptrFields> {
    m.answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::NAPTR(n) => Some(fields(n)),
            _ => None,
        })
        .collect()
}

/// Knot answers every number in `zone` with exactly callsign's NAPTRs.
async fn same_answers(server: &DnsServer, knot: &Knot, zone: &str) {
    for number in numbers() {
        let q = query(&enum_name(&number, zone), RecordType::NAPTR, None);
        let ours = server.udp(&q).await;
        let theirs = udp(knot.addr, &q).await;
        assert_eq!(
            theirs.response_code, ours.response_code,
            "{number} in {zone}"
        );
        assert_eq!(naptr_set(&theirs), naptr_set(&ours), "{number} in {zone}");
    }
}

/// callsign with 51 numbers in `e164.arpa` and `e164.example.net`, and
/// Knot as the secondary of the first (and holding the export of the
/// second), sharing `key` when given; returns once Knot has the zone and
/// answers as callsign does.
async fn with_secondary(knotd: &Path, key: SharedKey<'_>) -> (DnsServer, Knot) {
    let knot_port = free_port();
    let mut config = config();
    config.zones = "e164.arpa, e164.example.net".parse().unwrap();
    let with_key = key.map_or(String::new(), |(name, ..)| format!(" key {name}"));
    config.axfr_allow = format!("127.0.0.0/8{with_key}").parse().unwrap();
    config.notify = format!("127.0.0.1:{knot_port}{with_key}").parse().unwrap();
    if let Some((name, algorithm, secret)) = key {
        let keys = format!("{algorithm}:{name}:{secret}");
        config.tsig_keys = serde_json::from_value(serde_json::json!(keys)).unwrap();
    }
    let mut subjects = many(50);
    subjects.push(alice());
    let server = DnsServer::start(config, subjects).await;
    let export = server
        .dns
        .zone_file(&server.directory, "e164.example.net")
        .unwrap();
    let knot = Knot::start(knotd, knot_port, server.addr, &export, key);
    knot.wait_for(
        "e164.arpa.",
        RecordType::SOA,
        "the transferred zone",
        soa_is(server.dns.serial()),
    )
    .await;
    same_answers(&server, &knot, "e164.arpa").await;
    (server, knot)
}

/// Make alice's mail address public (one more NAPTR).
async fn publish_alice_mail(server: &DnsServer) {
    let mut alice = current_alice(server);
    publish_mail(&mut alice);
    server.update(alice).await;
}

#[tokio::test]
async fn knot_slaves_the_zone_and_follows_notify() {
    let Some(knotd) = knot("knotd") else { return };
    let (server, knot) = with_secondary(&knotd, None).await;
    let serial = server.dns.serial();
    knot.wait_for(
        "e164.example.net.",
        RecordType::SOA,
        "the exported zone",
        soa_is(serial),
    )
    .await;
    same_answers(&server, &knot, "e164.example.net").await;

    // A change reaches Knot by NOTIFY and an incremental transfer.
    publish_alice_mail(&server).await;
    let gone = server.directory.get("acct:u000007@example.org").unwrap();
    server.delete(&gone).await;
    let changed = server.dns.serial();
    assert!(changed > serial);
    knot.wait_for(
        "e164.arpa.",
        RecordType::SOA,
        "the new serial",
        soa_is(changed),
    )
    .await;
    let alice_name = enum_name("+12125550100", "e164.arpa");
    let theirs = udp(knot.addr, &query(&alice_name, RecordType::NAPTR, None)).await;
    assert!(naptr_set(&theirs).contains(&naptr(
        30,
        "E2U+email:mailto",
        "mailto:alice@example.com"
    )));
    let gone = enum_name("+16172000007", "e164.arpa");
    let theirs = udp(knot.addr, &query(&gone, RecordType::NAPTR, None)).await;
    assert_eq!(theirs.response_code, ResponseCode::NXDomain);
    same_answers(&server, &knot, "e164.arpa").await;
    let log = knot.log();
    assert!(
        log.contains("IXFR, incoming") && !log.contains("error"),
        "Knot took the change by IXFR:\n{log}"
    );
    server.stop().await;
}

/// What a secondary of a signed zone receives is the unsigned zone (AXFR
/// and IXFR carry no signatures: callsign signs at answer time). Knot signs
/// it online with the key `callsign dnssec export-key` prints, so the DS
/// the parent holds fits both servers' answers.
#[tokio::test]
async fn a_knot_secondary_signing_with_the_exported_key_answers_what_validates() {
    let (Some(knotd), Some(keymgr)) = (knot("knotd"), knot("keymgr")) else {
        return;
    };
    let Some(delv) = crate::support::tools::require("delv", "bind9-dnsutils") else {
        return;
    };
    let mut config = config();
    config.dnssec = "e164.arpa".parse().unwrap();
    config.axfr_allow = "127.0.0.0/8".parse().unwrap();
    let mut subjects = many(3);
    subjects.push(alice());
    let server = DnsServer::start(config, subjects).await;
    let anchor = super::dnssec::trust_anchor(&server);
    let pem = super::dnssec::cli(&server, &["export-key", "e164.arpa"]);

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    std::fs::write(dir.path().join("key.pem"), pem).unwrap();
    std::fs::create_dir(dir.path().join("db")).unwrap();
    let user = if as_root() {
        "    user: root:root\n"
    } else {
        ""
    };
    let port = free_port();
    let conf = format!(
        "server:\n    rundir: \"{d}\"\n{user}    listen: 127.0.0.1@{port}\n    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n\
         database:\n    storage: \"{d}/db\"\n\
         remote:\n  - id: callsign\n    address: {ip}@{cport}\n\
         policy:\n  - id: imported\n    algorithm: ecdsap256sha256\n    single-type-signing: on\n    manual: on\n    nsec3: off\n\
         mod-onlinesign:\n  - id: signer\n    policy: imported\n\
         template:\n  - id: default\n    storage: \"{d}\"\n    zonefile-sync: -1\n\
         zone:\n  - domain: e164.arpa\n    master: callsign\n    module: mod-onlinesign/signer\n\
         log:\n  - target: stderr\n    any: info\n",
        ip = server.addr.ip(),
        cport = server.addr.port(),
    );
    let conf_path = dir.path().join("knot.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let imported = Command::new(keymgr)
        .arg("-c")
        .arg(&conf_path)
        .args(["e164.arpa", "import-pem"])
        .arg(dir.path().join("key.pem"))
        .args(["algorithm=13", "ksk=yes", "zsk=yes"])
        .args(["created=+0", "publish=+0", "active=+0"])
        .output()
        .unwrap();
    assert!(
        imported.status.success(),
        "keymgr import-pem: {}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let log = dir.path().join("knotd.log");
    let child = Command::new(knotd)
        .arg("-c")
        .arg(&conf_path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("start knotd");
    let knot = Knot {
        child,
        addr: ([127, 0, 0, 1], port).into(),
        log,
        _dir: dir,
    };
    knot.wait_for(
        "e164.arpa.",
        RecordType::SOA,
        "the transferred zone",
        soa_is(server.dns.serial()),
    )
    .await;
    let delv = super::dnssec::Delv::new(delv, &anchor);
    delv.validates(knot.addr).await;
    delv.validates(server.addr).await;
    server.stop().await;
}

/// With a TSIG key on both sides, Knot's SOA queries and transfers are
/// signed, and so is callsign's NOTIFY (Knot's ACL demands the key; the
/// transfer ACL demands it of Knot): Knot still follows a change through
/// NOTIFY + IXFR.
#[tokio::test]
async fn knot_follows_over_tsig() {
    let Some(knotd) = knot("knotd") else { return };
    let secret = "Qk9iQ2FsbHNpZ25Ub0tub3RUcmFuc2ZlcktleTk5OTk=";
    let key = Some(("knot-transfer", "hmac-sha256", secret));
    let (server, knot) = with_secondary(&knotd, key).await;
    publish_alice_mail(&server).await;
    knot.wait_for(
        "e164.arpa.",
        RecordType::SOA,
        "the new serial",
        soa_is(server.dns.serial()),
    )
    .await;
    same_answers(&server, &knot, "e164.arpa").await;
    let log = knot.log();
    assert!(
        log.contains("IXFR, incoming") && !log.contains("error") && !log.contains("denied"),
        "Knot took the change by signed NOTIFY and IXFR:\n{log}"
    );
    server.stop().await;
}
