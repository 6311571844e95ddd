//! TSIG (RFC 8945) on zone transfers and queries, through real sockets:
//! kdig with the right key transfers, every other request gets the RFC's
//! answer (rcode and TSIG error), chained answers verify message by
//! message, malformed signatures are FORMERR; and the keys' configuration
//! is checked at startup.

use std::net::SocketAddr;
use std::process::Command;

use crate::support::dns::*;
use crate::support::{migrate_with, migrate_with_file};
use hickory_proto::op::{Edns, Message, ResponseCode};
use hickory_proto::rr::rdata::tsig::{TsigAlgorithm, TsigError};
use hickory_proto::rr::{Name, RData, Record, RecordType, TSigVerifier, TSigner};
use tokio::io::AsyncWriteExt;

/// 32 bytes, base64: the key secondaries share.
const SECRET: &str = "3ZGyN0v8H9sPcF8y1Vv1ccF7mB9Wkqj2fM7o8w0yq1k=";
/// Another key callsign knows, not allowed to transfer from loopback.
const OTHER: &str = "b3RoZXIta2V5LXNlY3JldC1ieXRlcy0xMjM0NTY3OA==";

fn secret_bytes(b64: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap()
}

fn signer(name: &str, algorithm: TsigAlgorithm, secret: &str) -> TSigner {
    let name = Name::from_ascii(name).unwrap();
    TSigner::new(secret_bytes(secret), algorithm, name, 300).unwrap()
}

fn transfer_key() -> TSigner {
    signer("transfer-key", TsigAlgorithm::HmacSha256, SECRET)
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Transfers from loopback need `transfer-key`; `other-key` is only good
/// from 10/8.
fn tsig_config() -> callsign::config::DnsConfig {
    let mut config = config();
    config.tsig_keys = serde_json::from_value(serde_json::json!(format!(
        "hmac-sha256:transfer-key:{SECRET}, hmac-sha512:other-key:{OTHER}"
    )))
    .unwrap();
    config.axfr_allow = "10.0.0.0/8 key other-key, 127.0.0.0/8 key transfer-key"
        .parse()
        .unwrap();
    config
}

fn signed(mut m: Message, key: &TSigner, time: u64) -> (Vec<u8>, TSigVerifier) {
    let verifier = m.finalize(key, time).unwrap().expect("a verifier");
    (m.to_vec().unwrap(), verifier)
}

/// The TSIG error and MAC length of an answer's signature.
fn tsig_of(answer: &Message) -> (Option<TsigError>, usize) {
    let sig = answer.signature().expect("a TSIG record in the answer");
    (sig.data.error, sig.data.mac.len())
}

/// Send `bytes` over TCP and read every message until the closing SOA
/// has been seen `soas` times (or an error answer).
async fn frames(addr: SocketAddr, bytes: &[u8], soas: usize) -> Vec<Vec<u8>> {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(&(bytes.len() as u16).to_be_bytes())
        .await
        .unwrap();
    stream.write_all(bytes).await.unwrap();
    let (mut out, mut seen) = (Vec::new(), 0);
    while seen < soas {
        let frame = tokio::time::timeout(TIMEOUT, read_frame(&mut stream))
            .await
            .expect("transfer in time")
            .expect("a frame");
        let msg = parse(&frame);
        seen += msg
            .answers
            .iter()
            .filter(|r| r.record_type() == RecordType::SOA)
            .count();
        let failed = msg.response_code != ResponseCode::NoError;
        out.push(frame);
        if failed {
            break;
        }
    }
    out
}

#[tokio::test]
async fn kdig_transfers_with_the_right_key_and_not_with_a_wrong_one() {
    let Some(kdig) = crate::support::tools::require("kdig", "knot-dnsutils") else {
        return;
    };
    let server = DnsServer::start(tsig_config(), many(300)).await;
    // Awaited, not blocking: the server answers TCP on this runtime.
    let kdig = async |key: String| {
        let out = tokio::process::Command::new(&kdig)
            .args(["-y", &key, "@127.0.0.1", "-p"])
            .arg(server.addr.port().to_string())
            .args(["+tcp", "AXFR", "e164.arpa."])
            .output()
            .await
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let good = kdig(format!("hmac-sha256:transfer-key:{SECRET}")).await;
    // 300 numbers, two NAPTRs each, over several signed messages that kdig
    // checked one by one.
    assert_eq!(good.matches("\tNAPTR\t").count(), 600, "{good}");
    let messages: u32 = good
        .split(" messages, ")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no message count in {good}"));
    assert!(messages > 1, "{good}");
    assert!(
        !good.contains("WARNING") && !good.contains("rror"),
        "{good}"
    );

    let wrong_secret = kdig(format!("hmac-sha256:transfer-key:{OTHER}")).await;
    assert!(!wrong_secret.contains("\tNAPTR\t"), "{wrong_secret}");
    assert!(wrong_secret.contains("BADSIG"), "{wrong_secret}");
    let wrong_name = kdig(format!("hmac-sha256:someone-else:{SECRET}")).await;
    assert!(!wrong_name.contains("\tNAPTR\t"), "{wrong_name}");
    assert!(wrong_name.contains("BADKEY"), "{wrong_name}");
    server.stop().await;
}

#[tokio::test]
async fn signed_transfers_verify_message_by_message() {
    let server = DnsServer::start(tsig_config(), many(300)).await;
    let serial = server.dns.serial();
    let q = query("e164.arpa.", RecordType::AXFR, Some(1232));
    let (bytes, mut verifier) = signed(q, &transfer_key(), now());
    let answers = frames(server.addr, &bytes, 2).await;
    assert!(answers.len() > 1, "a multi-message transfer");
    let mut naptrs = 0;
    for frame in &answers {
        let msg = verifier
            .verify(frame)
            .expect("each message signed, chained");
        naptrs += naptrs_in(&msg);
    }
    assert_eq!(naptrs, 600);

    // A change, then IXFR from the old serial: signed the same way.
    let mut changed = (*server.directory.get("acct:u000007@example.org").unwrap()).clone();
    changed
        .addresses
        .retain(|a| !a.uri.as_str().starts_with("xmpp:"));
    server.update(changed).await;
    let (bytes, mut verifier) = signed(ixfr_query(serial), &transfer_key(), now());
    let answers = frames(server.addr, &bytes, 4).await;
    let mut records = Vec::new();
    for frame in &answers {
        let msg = verifier
            .verify(frame)
            .expect("IXFR messages signed, chained");
        records.extend(msg.answers.iter().map(|r| r.record_type()));
    }
    // New SOA, old SOA, removed NAPTRs, new SOA, added NAPTRs, new SOA.
    let soas = records.iter().filter(|t| **t == RecordType::SOA).count();
    assert_eq!(soas, 4, "{records:?}");
    assert!(records.contains(&RecordType::NAPTR), "{records:?}");
    assert_eq!(records.last(), Some(&RecordType::SOA));
    server.stop().await;
}

fn naptrs_in(msg: &Message) -> usize {
    msg.answers
        .iter()
        .filter(|r| r.record_type() == RecordType::NAPTR)
        .count()
}

fn ixfr_query(serial: u32) -> Message {
    let mut q = query("e164.arpa.", RecordType::IXFR, None);
    let soa = hickory_proto::rr::rdata::SOA::new(Name::root(), Name::root(), serial, 0, 0, 0, 0);
    q.add_authority(Record::from_rdata(
        Name::from_ascii("e164.arpa.").unwrap(),
        0,
        RData::SOA(soa),
    ));
    q
}

#[tokio::test]
async fn failed_checks_get_the_rfc_answers() {
    let server = DnsServer::start(tsig_config(), many(3)).await;
    let axfr = || query("e164.arpa.", RecordType::AXFR, None);
    let ask = |bytes: Vec<u8>| {
        let addr = server.addr;
        async move { parse(&tcp_raw(addr, &bytes).await) }
    };

    // No key where one is required: NOTAUTH, nothing to sign with.
    let answer = ask(axfr().to_vec().unwrap()).await;
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert!(answer.signature().is_none() && answer.answers.is_empty());

    // A key we do not know: BADKEY, unsigned.
    let unknown = signer("someone-else", TsigAlgorithm::HmacSha256, SECRET);
    let answer = ask(signed(axfr(), &unknown, now()).0).await;
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert_eq!(tsig_of(&answer), (Some(TsigError::BadKey), 0));

    // The right name with the wrong secret: BADSIG, unsigned.
    let forged = signer("transfer-key", TsigAlgorithm::HmacSha256, OTHER);
    let answer = ask(signed(axfr(), &forged, now()).0).await;
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert_eq!(tsig_of(&answer), (Some(TsigError::BadSig), 0));

    // The right name under another algorithm is another key: BADKEY.
    let other_alg = signer("transfer-key", TsigAlgorithm::HmacSha512, SECRET);
    let answer = ask(signed(axfr(), &other_alg, now()).0).await;
    assert_eq!(tsig_of(&answer), (Some(TsigError::BadKey), 0));

    // Signed twenty minutes ago: BADTIME, signed, our clock in Other Data.
    let stale = now() - 1200;
    let (bytes, _) = signed(axfr(), &transfer_key(), stale);
    let request_mac = parse(&bytes).signature().unwrap().data.mac.clone();
    let raw = tcp_raw(server.addr, &bytes).await;
    let answer = parse(&raw);
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    let tsig = &answer.signature().unwrap().data;
    assert_eq!((tsig.error, tsig.time), (Some(TsigError::BadTime), stale));
    let ours = tsig.other.iter().fold(0u64, |t, b| t << 8 | *b as u64);
    assert!(ours.abs_diff(now()) < 60, "server time {ours}");
    transfer_key()
        .verify_message_byte(&raw, Some(&request_mac), true)
        .expect("a BADTIME answer is signed with the request's key");

    // A valid key, but not the one this source must use: BADKEY.
    let other = signer("other-key", TsigAlgorithm::HmacSha512, OTHER);
    let answer = ask(signed(axfr(), &other, now()).0).await;
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert_eq!(tsig_of(&answer), (Some(TsigError::BadKey), 0));
    assert!(answer.answers.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn a_key_is_no_way_around_the_source_list() {
    let mut config = tsig_config();
    config.axfr_allow = "10.0.0.0/8 key transfer-key".parse().unwrap();
    let server = DnsServer::start(config, many(3)).await;
    let q = query("e164.arpa.", RecordType::AXFR, None);
    let (bytes, mut verifier) = signed(q, &transfer_key(), now());
    let raw = tcp_raw(server.addr, &bytes).await;
    let answer = verifier.verify(&raw).expect("a signed refusal");
    assert_eq!(answer.response_code, ResponseCode::Refused);
    assert!(answer.answers.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn signed_queries_get_signed_answers_and_bad_signatures_formerr() {
    let server = DnsServer::start(tsig_config(), vec![alice()]).await;
    let name = enum_name("+12125550100", "e164.arpa");
    let naptr_query = || query(&name, RecordType::NAPTR, Some(1232));

    // TSIG on a query that needs none: checked, and the answer signed.
    let (bytes, mut verifier) = signed(naptr_query(), &transfer_key(), now());
    let raw = udp_raw(server.addr, &bytes).await.expect("an answer");
    let answer = verifier.verify(&raw).expect("a signed answer");
    assert_eq!(answer.response_code, ResponseCode::NoError);
    assert_eq!(naptrs(&answer), alice_naptrs());
    let unknown = signer("someone-else", TsigAlgorithm::HmacSha256, SECRET);
    let answer = parse(
        &udp_raw(server.addr, &signed(naptr_query(), &unknown, now()).0)
            .await
            .unwrap(),
    );
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert_eq!(tsig_of(&answer), (Some(TsigError::BadKey), 0));
    assert!(answer.answers.is_empty());

    let (good, _) = signed(naptr_query(), &transfer_key(), now());
    let formerr = |bytes: Vec<u8>, what: &'static str| {
        let addr = server.addr;
        async move {
            let raw = udp_raw(addr, &bytes).await.expect("an answer");
            assert_eq!(raw[3] & 0x0F, 1, "{what}: FORMERR");
            assert_eq!(raw[..2], bytes[..2], "{what}: the ID echoed");
        }
    };

    // A MAC shorter than RFC 8945 allows (below 16 octets for SHA-256).
    let mut short = Message::from_vec(&good).unwrap();
    let mut sig = short.take_signature().unwrap();
    sig.data.mac.truncate(8);
    short.set_signature(sig);
    formerr(short.to_vec().unwrap(), "an 8-octet MAC").await;

    // A MAC longer than the hash.
    let mut long = Message::from_vec(&good).unwrap();
    let mut sig = long.take_signature().unwrap();
    sig.data.mac.extend_from_slice(&[0; 8]);
    long.set_signature(sig);
    formerr(long.to_vec().unwrap(), "a 40-octet MAC").await;

    // TSIG not last: a record after it.
    let mut not_last = good.clone();
    not_last.extend_from_slice(&[0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]);
    not_last[11] += 1;
    formerr(not_last, "TSIG before OPT").await;

    // TSIG in the answer section.
    let mut misplaced = naptr_query();
    misplaced.add_answer(Record::from_rdata(
        Name::from_ascii("transfer-key.").unwrap(),
        0,
        RData::TSIG(
            Message::from_vec(&good)
                .unwrap()
                .signature()
                .unwrap()
                .data
                .clone(),
        ),
    ));
    formerr(misplaced.to_vec().unwrap(), "TSIG in the answer section").await;

    // TSIG RDATA cut short, its length adjusted to match.
    let mut cut = good.clone();
    let rdlen_at = rdlength_offset(&cut);
    let rdlen = u16::from_be_bytes([cut[rdlen_at], cut[rdlen_at + 1]]) - 3;
    cut[rdlen_at..rdlen_at + 2].copy_from_slice(&rdlen.to_be_bytes());
    cut.truncate(cut.len() - 3);
    formerr(cut, "truncated TSIG RDATA").await;

    // A validly truncated MAC (16 of 32 octets) that is right: our policy
    // takes full MACs only, so BADTRUNC, signed.
    let mut truncated = Message::from_vec(&good).unwrap();
    let mut sig = truncated.take_signature().unwrap();
    sig.data.mac.truncate(16);
    let request_mac = sig.data.mac.clone();
    truncated.set_signature(sig);
    let raw = udp_raw(server.addr, &truncated.to_vec().unwrap())
        .await
        .unwrap();
    let answer = parse(&raw);
    assert_eq!(answer.response_code, ResponseCode::NotAuth);
    assert_eq!(
        answer.signature().unwrap().data.error,
        Some(TsigError::BadTrunc)
    );
    transfer_key()
        .verify_message_byte(&raw, Some(&request_mac), true)
        .expect("BADTRUNC is signed");

    // With OPT before TSIG, and a tiny EDNS size: still one good answer.
    let mut small = naptr_query();
    small.set_edns(Edns::new());
    let (bytes, mut verifier) = signed(small, &transfer_key(), now());
    let raw = udp_raw(server.addr, &bytes).await.unwrap();
    assert!(raw.len() <= 512);
    let answer = verifier.verify(&raw).expect("signed, even truncated");
    assert!(answer.truncation || naptrs(&answer) == alice_naptrs());
    server.stop().await;
}

/// Where the last record's RDLENGTH sits (the TSIG record ends the message).
fn rdlength_offset(msg: &[u8]) -> usize {
    (12..msg.len() - 2)
        .rev()
        .find(|&at| {
            let rdlen = u16::from_be_bytes([msg[at], msg[at + 1]]) as usize;
            at + 2 + rdlen == msg.len() && msg[at - 8..at - 6] == [0, 250]
        })
        .expect("a TSIG record")
}

#[test]
fn key_configuration_is_checked_at_startup() {
    let key_list = format!("hmac-sha256:transfer-key:{SECRET}");
    let keys = ("CALLSIGN_DNS_TSIG_KEYS", key_list.as_str());
    for (env, key, why) in [
        (
            vec![keys, ("CALLSIGN_DNS_AXFR_ALLOW", "127.0.0.0/8 key nope")],
            "dns.axfr_allow",
            "`nope.`, which is not in dns.tsig_keys",
        ),
        (
            vec![keys, ("CALLSIGN_DNS_NOTIFY", "127.0.0.1:53 key nope")],
            "dns.notify",
            "`nope.`, which is not in dns.tsig_keys",
        ),
        (
            vec![("CALLSIGN_DNS_AXFR_ALLOW", "127.0.0.0/8 key")],
            "dns.axfr_allow",
            "is not `ADDRESS` or `ADDRESS key NAME`",
        ),
        (
            vec![("CALLSIGN_DNS_TSIG_KEYS", "hmac-md5:k:c2VjcmV0")],
            "dns.tsig_keys",
            "is not a TSIG algorithm",
        ),
        (
            vec![("CALLSIGN_DNS_TSIG_KEYS", "hmac-sha256:k:not base64!")],
            "dns.tsig_keys",
            "not base64",
        ),
    ] {
        let (code, stderr) = migrate_with(&env);
        assert_eq!(code, Some(2), "{env:?}: {stderr}");
        assert!(
            stderr.to_ascii_lowercase().contains(key),
            "{env:?}: {stderr}"
        );
        assert!(stderr.contains(why), "{env:?}: {stderr}");
        assert!(!stderr.contains(SECRET), "the secret never shows");
    }
    assert_eq!(
        migrate_with(&[
            keys,
            ("CALLSIGN_DNS_AXFR_ALLOW", "127.0.0.0/8 key transfer-key")
        ])
        .0,
        Some(0)
    );

    // The secret from a file, or from the key's own variable.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("transfer.key");
    std::fs::write(&file, format!("{SECRET}\n")).unwrap();
    let table = "[[dns.tsig_keys]]\nname = \"transfer-key\"\nalgorithm = \"hmac-sha256\"\n";
    let acl = "[dns]\naxfr_allow = [\"127.0.0.0/8 key transfer-key\"]\n";
    let from_file = format!("{acl}{table}secret_file = \"{}\"\n", file.display());
    assert_eq!(migrate_with_file(&from_file, &[]).0, Some(0));
    let env = [("CALLSIGN_TSIG_SECRET_TRANSFER_KEY", SECRET)];
    assert_eq!(migrate_with_file(&format!("{acl}{table}"), &env).0, Some(0));
    let (code, stderr) = migrate_with_file(&format!("{acl}{table}"), &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("dns.tsig_keys `transfer-key.` needs `secret`, `secret_file` or the variable CALLSIGN_TSIG_SECRET_TRANSFER_KEY"),
        "{stderr}"
    );
    let missing = format!("{acl}{table}secret_file = \"/nonexistent/key\"\n");
    let (code, stderr) = migrate_with_file(&missing, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("secret_file /nonexistent/key"), "{stderr}");
}

#[test]
fn tsig_generate_prints_a_key_every_peer_takes() {
    let out = Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args([
            "tsig",
            "generate",
            "transfer-key",
            "--algorithm",
            "hmac-sha512",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let secret = text
        .lines()
        .find_map(|l| l.strip_prefix("secret = \""))
        .and_then(|s| s.strip_suffix('"'))
        .expect("a secret line");
    assert_eq!(secret_bytes(secret).len(), 64, "as long as a SHA-512 MAC");
    for form in [
        format!("kdig -y hmac-sha512:transfer-key:{secret} "),
        format!("  - id: transfer-key\n    algorithm: hmac-sha512\n    secret: {secret}\n"),
        format!(
            "key \"transfer-key\" {{\n    algorithm hmac-sha512;\n    secret \"{secret}\";\n}};"
        ),
    ] {
        assert!(text.contains(&form), "{form} in\n{text}");
    }
    // The configuration part loads as it is.
    let table: String = text
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(migrate_with_file(&table, &[]).0, Some(0), "{table}");
    // Two runs, two secrets.
    let again = Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args(["tsig", "generate", "transfer-key"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(again.stdout).unwrap().contains(secret));
}
