//! Caller names as TXT records (`dns.caller_name`, what Asterisk's
//! `TXTCIDNAME` reads) and vCards as `E2U+vcard` NAPTRs (RFC 4969, under
//! `webfinger.public_base_url`), over the wire with hickory and `dig`, in
//! transfers and zone exports; neither disturbs the address records.

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{RData, Record, RecordType};
use reqwest::Method;
use serde_json::json;

use super::dnssec::{do_query, rrsigs_over, signed};
use crate::support::app::{Backend, Go, TestApp};
use crate::support::dns::*;

const BASE: &str = "https://callsign.example";

/// Started like [`DnsServer::start`], with the application settings too.
async fn start(
    dns: callsign::config::DnsConfig,
    vcard_base: Option<&str>,
    subjects: Vec<serde_json::Value>,
) -> DnsServer {
    let seed = subjects.into_iter().map(subject).collect();
    let dns_config = dns.clone();
    let base = vcard_base.map(str::to_owned);
    let app = TestApp::spawn_seeded(Backend::Sqlite, seed, |c| {
        c.dns = dns_config;
        c.webfinger.public_base_url = base;
    })
    .await;
    DnsServer {
        addr: app.dns,
        store: app.store.clone(),
        directory: app.directory.clone(),
        dns: app.enum_dns.clone(),
        config: dns,
        app,
    }
}

/// Transfers allowed from loopback.
fn transferable() -> callsign::config::DnsConfig {
    callsign::config::DnsConfig {
        axfr_allow: "127.0.0.0/8".parse().unwrap(),
        ..config()
    }
}

fn caller_names() -> callsign::config::DnsConfig {
    callsign::config::DnsConfig {
        caller_name: true,
        ..transferable()
    }
}

/// Bob's name is for token holders; Carol's number is; Dave has no name.
fn others() -> Vec<serde_json::Value> {
    vec![
        json!({"handle": "bob", "domain": "example.com", "display_name": "Bob",
               "display_name_visibility": "authenticated",
               "addresses": [{"uri": "tel:+12125550101"}, {"uri": "sip:bob@example.com"}]}),
        json!({"handle": "carol", "domain": "example.com", "display_name": "Carol",
               "addresses": [{"uri": "tel:+12125550102", "visibility": "authenticated"},
                             {"uri": "sip:carol@example.com"}]}),
        json!({"handle": "dave", "domain": "example.com",
               "addresses": [{"uri": "tel:+12125550103"}, {"uri": "sip:dave@example.com"}]}),
    ]
}

fn everyone() -> Vec<serde_json::Value> {
    let mut all = vec![alice()];
    all.extend(others());
    all
}

/// The TXT strings of records, in order.
fn texts(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::TXT(txt) => Some(
                txt.txt_data
                    .iter()
                    .map(|s| String::from_utf8(s.to_vec()).unwrap())
                    .collect::<Vec<_>>()
                    .join(""),
            ),
            _ => None,
        })
        .collect()
}

/// (owner, TXT string) of every TXT record of a transfer.
fn txt_records(records: &[Record]) -> Vec<(String, String)> {
    records
        .iter()
        .filter(|r| r.record_type() == RecordType::TXT)
        .map(|r| (r.name.to_ascii(), texts(std::slice::from_ref(r)).remove(0)))
        .collect()
}

#[tokio::test]
async fn public_caller_names_are_txt_records_at_published_numbers() {
    let server = start(caller_names(), None, everyone()).await;
    let answer = server.ask(NUMBER, RecordType::TXT).await;
    assert_eq!(answer.response_code, ResponseCode::NoError);
    assert_eq!(texts(&answer.answers), ["Alice"]);
    assert_eq!(answer.answers[0].ttl, 600);
    // The NAPTRs are as they were.
    assert_eq!(server.naptr("+12125550100").await.1, alice_naptrs());

    // A hidden or missing name: the number exists without a TXT record; a
    // hidden number does not exist.
    for (number, rcode) in [
        ("+12125550101", ResponseCode::NoError),
        ("+12125550103", ResponseCode::NoError),
        ("+12125550102", ResponseCode::NXDomain),
    ] {
        let answer = server
            .ask(&enum_name(number, "e164.arpa"), RecordType::TXT)
            .await;
        assert_eq!(answer.response_code, rcode, "{number}");
        assert!(answer.answers.is_empty(), "{number}: {answer}");
        assert_eq!(authority_soa(&answer).minimum, 60);
    }

    // Transfers and the zone export carry it, at Alice's number only.
    let axfr = server.axfr("e164.arpa.").await;
    assert_eq!(
        txt_records(&axfr),
        [(NUMBER.to_owned(), "Alice".to_owned())]
    );
    let file = server
        .dns
        .zone_file(&server.directory, "e164.arpa")
        .unwrap();
    let txt: Vec<&str> = file.lines().filter(|l| l.contains("\tTXT\t")).collect();
    assert_eq!(txt, ["0.0.1.0.5.5.5.2.1.2.1\tIN\tTXT\t\"Alice\""]);

    // Live: a new name replaces the record, a hidden one removes it, and
    // an IXFR says so.
    let before = server.soa_serial().await;
    let alice = server.directory.get("acct:alice@example.com").unwrap();
    server
        .admin()
        .patch_subject(&alice.id.to_string(), json!({"display_name": "Alice Ω"}))
        .await;
    let answer = server.ask(NUMBER, RecordType::TXT).await;
    assert_eq!(texts(&answer.answers), ["Alice Ω"]);
    let (_, records) = server.transfer(&ixfr(before)).await;
    assert_eq!(
        txt_records(&records),
        [
            (NUMBER.to_owned(), "Alice".to_owned()),
            (NUMBER.to_owned(), "Alice Ω".to_owned())
        ]
    );
    server
        .admin()
        .patch_subject(
            &alice.id.to_string(),
            json!({"display_name_visibility": "private"}),
        )
        .await;
    let answer = server.ask(NUMBER, RecordType::TXT).await;
    assert!(answer.answers.is_empty(), "{answer}");
    assert_eq!(server.naptr("+12125550100").await.1, alice_naptrs());

    // What Asterisk's TXTCIDNAME asks, through dig.
    server
        .admin()
        .patch_subject(
            &alice.id.to_string(),
            json!({"display_name_visibility": "public"}),
        )
        .await;
    if let Some(dig) = crate::support::tools::require("dig", "bind9-dnsutils") {
        let out = tokio::process::Command::new(dig)
            .arg(format!("@{}", server.addr.ip()))
            .args(["-p", &server.addr.port().to_string()])
            .args(["+norec", "+time=5", "+tries=1", "+short", NUMBER, "TXT"])
            .output()
            .await
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "\"Alice \\206\\169\"\n"
        );
    }
    server.stop().await;
}

/// An IXFR request of `e164.arpa` from `serial`.
fn ixfr(serial: u32) -> hickory_proto::op::Message {
    use hickory_proto::rr::Name;
    use hickory_proto::rr::rdata::SOA;
    let mut q = query("e164.arpa.", RecordType::IXFR, None);
    let soa = SOA::new(Name::root(), Name::root(), serial, 0, 0, 0, 0);
    q.add_authority(Record::from_rdata(
        Name::from_ascii("e164.arpa.").unwrap(),
        0,
        RData::SOA(soa),
    ));
    q
}

#[tokio::test]
async fn without_the_switch_numbers_answer_exactly_as_before() {
    let on = start(caller_names(), None, everyone()).await;
    let off = DnsServer::start(transferable(), everyone()).await;
    // No TXT anywhere; the NAPTR answers are the same bytes either way.
    let answer = off.ask(NUMBER, RecordType::TXT).await;
    assert_eq!(answer.response_code, ResponseCode::NoError);
    assert!(answer.answers.is_empty());
    assert!(txt_records(&off.axfr("e164.arpa.").await).is_empty());
    for number in ["+12125550100", "+12125550101", "+12125550103"] {
        let q = query(
            &enum_name(number, "e164.arpa"),
            RecordType::NAPTR,
            Some(1232),
        );
        let bytes = framed(&q);
        let (a, b) = (
            udp_raw(on.addr, &bytes[2..]).await.unwrap(),
            udp_raw(off.addr, &bytes[2..]).await.unwrap(),
        );
        assert_eq!(a, b, "{number}");
    }
    on.stop().await;
    off.stop().await;
}

#[tokio::test]
async fn signed_zones_sign_the_caller_name() {
    let config = callsign::config::DnsConfig {
        caller_name: true,
        ..signed()
    };
    let server = start(config, None, everyone()).await;
    let answer = server.udp(&do_query(NUMBER, RecordType::TXT, 1232)).await;
    assert_eq!(texts(&answer.answers), ["Alice"]);
    assert_eq!(rrsigs_over(&answer.answers, RecordType::TXT), 1);
    // A denial at the number lists the TXT it holds.
    let nodata = server.udp(&do_query(NUMBER, RecordType::A, 1232)).await;
    let types: Vec<RecordType> = nodata
        .authorities
        .iter()
        .find_map(|r| match &r.data {
            RData::DNSSEC(hickory_proto::dnssec::rdata::DNSSECRData::NSEC(nsec)) => {
                Some(nsec.type_bit_maps().collect())
            }
            _ => None,
        })
        .expect("an NSEC");
    assert_eq!(
        types,
        [
            RecordType::TXT,
            RecordType::NAPTR,
            RecordType::RRSIG,
            RecordType::NSEC
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn vcard_naptrs_point_at_the_vcard() {
    let mut subjects = everyone();
    // Found by number but not by acct: its vCard would not answer.
    subjects.push(
        json!({"handle": "erin", "domain": "example.com", "discoverable": false,
        "addresses": [{"uri": "tel:+12125550104"}, {"uri": "sip:erin@example.com"}]}),
    );
    // Nothing but the number: not published, vCard or not.
    subjects.push(json!({"handle": "frank", "domain": "example.com",
        "addresses": [{"uri": "tel:+12125550105"}]}));
    let server = start(transferable(), Some(BASE), subjects).await;
    let url = format!("{BASE}/vcard/alice@example.com.vcf");
    let mut expected = alice_naptrs();
    expected.push(naptr(60, "E2U+vcard", &url));
    assert_eq!(
        server.naptr("+12125550100").await,
        (ResponseCode::NoError, expected)
    );
    assert_eq!(
        server.naptr("+12125550104").await.1,
        [naptr(10, "E2U+sip", "sip:erin@example.com")]
    );
    assert_eq!(
        server.naptr("+12125550105").await,
        (ResponseCode::NXDomain, vec![])
    );
    // In transfers too.
    let axfr = server.axfr("e164.arpa.").await;
    let vcards = axfr
        .iter()
        .filter(|r| matches!(&r.data, RData::NAPTR(n) if &*n.services == b"E2U+vcard"))
        .count();
    assert_eq!(vcards, 3, "alice, bob and dave: carol's number is hidden");

    // The URL answers the vCard of what anonymous callers see.
    let path = url.strip_prefix(BASE).unwrap();
    let r = server.request(Method::GET, path).go().await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/vcard; charset=utf-8");
    let card = r.text().await.unwrap();
    assert!(
        card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice\r\n"),
        "{card}"
    );
    assert!(
        card.contains("TEL;VALUE=uri;PREF=1:tel:+12125550100\r\n"),
        "{card}"
    );
    assert!(!card.contains("mailto"), "{card}");
    server.stop().await;
}
