//! Ported numbers over the wire: RFC 4769 `E2U+pstn:tel` records with the
//! RFC 4694 routing number, for a subject's number (at that number only)
//! and for every number of a ported block (the back-reference form), read
//! by hickory and by `dig`.

use std::path::Path;

use crate::support::dns::*;
use crate::support::server::ok;
use hickory_proto::op::ResponseCode;
use reqwest::Method;
use serde_json::json;

/// The pstn record RFC 4769 shows: order 10, preference 100.
fn pstn(regexp: &str) -> NaptrFields {
    (
        10,
        100,
        "u".into(),
        "E2U+pstn:tel".into(),
        regexp.into(),
        ".".into(),
    )
}

fn carol() -> serde_json::Value {
    json!({
        "handle": "carol", "domain": "example.com",
        "addresses": [
            {"uri": "tel:+12155550123", "routing_number": "+12155550199"},
            {"uri": "tel:+12155550124"},
            {"uri": "sip:carol@example.com"}
        ]
    })
}

#[tokio::test]
async fn a_ported_number_answers_its_routing_number() {
    // Loaded at startup, then changed live through the API.
    let server = DnsServer::start(config(), vec![carol()]).await;
    assert_eq!(
        server.naptr("+12155550123").await,
        (
            ResponseCode::NoError,
            vec![
                pstn("!^.*$!tel:+12155550123;npdi;rn=+12155550199!"),
                naptr(10, "E2U+sip", "sip:carol@example.com"),
                naptr(40, "E2U+voice:tel", "tel:+12155550124"),
            ]
        )
    );
    // The other number is not ported: no pstn record there.
    assert_eq!(
        server.naptr("+12155550124").await.1,
        vec![
            naptr(10, "E2U+sip", "sip:carol@example.com"),
            naptr(40, "E2U+voice:tel", "tel:+12155550123"),
        ]
    );

    // A number ported and nothing else public still routes.
    server
        .admin()
        .create_subject(
            json!({"handle": "dan", "domain": "example.com", "addresses": [
            {"uri": "tel:+12155550150;npdi;rn=+12155550198"},
            {"uri": "sip:dan@example.com", "visibility": "private"}]}),
        )
        .await;
    assert_eq!(
        server.naptr("+12155550150").await.1,
        vec![pstn("!^.*$!tel:+12155550150;npdi;rn=+12155550198!")]
    );
    // Hidden numbers route nowhere.
    let dan = server.directory.get("acct:dan@example.com").unwrap();
    let patch = json!({"addresses": [
        {"uri": "tel:+12155550150", "routing_number": "+12155550198", "visibility": "authenticated"},
        {"uri": "sip:dan@example.com"}]});
    server
        .admin()
        .patch_subject(&dan.id.to_string(), patch)
        .await;
    assert_eq!(
        server.naptr("+12155550150").await,
        (ResponseCode::NXDomain, vec![])
    );

    for binary in ["dig", "kdig"].into_iter().filter_map(tool) {
        let text = ask(&binary, &server, "+12155550123").await;
        assert!(text.contains("NOERROR"), "{text}");
        assert!(
            text.contains(r#"10 100 "u" "E2U+pstn:tel""#) && text.contains("rn=+12155550199!"),
            "{} lacks the pstn record:\n{text}",
            binary.display()
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn every_number_of_a_ported_block_answers_its_routing_number() {
    let server = DnsServer::start(config(), vec![carol()]).await;
    let r = server
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(
            &json!({"prefix": "+1 303 555", "length": 11, "routing_number": "+1 303 666 0000",
                      "templates": [{"uri": "sip:\\1@trunk.example.com"}]}),
        )
        .send()
        .await
        .unwrap();
    ok(r, 201).await;
    let answer = server.naptr("+13035550123").await;
    assert_eq!(
        answer,
        (
            ResponseCode::NoError,
            vec![
                pstn(r"!^(\+1303555[0-9]{4})$!tel:\1;npdi;rn=+13036660000!"),
                (
                    100,
                    10,
                    "u".into(),
                    "E2U+sip".into(),
                    r"!^\+1303555([0-9]{4})$!sip:\1@trunk.example.com!".into(),
                    ".".into()
                ),
            ]
        )
    );
    // The same records at every number: the regexp makes each its own.
    assert_eq!(server.naptr("+13035559999").await.1, answer.1);
    let routed = callsign::resolve::naptr::substitute(&answer.1[0].4, "+13035550123");
    assert_eq!(
        routed.as_deref(),
        Some("tel:+13035550123;npdi;rn=+13036660000")
    );
    for binary in ["dig", "kdig"].into_iter().filter_map(tool) {
        let text = ask(&binary, &server, "+13035550123").await;
        assert!(
            text.contains(r#"10 100 "u" "E2U+pstn:tel""#) && text.contains("rn=+13036660000!"),
            "{} lacks the pstn record:\n{text}",
            binary.display()
        );
    }
    server.stop().await;
}

fn tool(binary: &str) -> Option<std::path::PathBuf> {
    let package = if binary == "kdig" {
        "knot-dnsutils"
    } else {
        "bind9-dnsutils"
    };
    crate::support::tools::require(binary, package)
}

/// `binary @server NAPTR` of `e164`'s name; its standard output.
async fn ask(binary: &Path, server: &DnsServer, e164: &str) -> String {
    let once = if binary.ends_with("kdig") {
        "+retry=0"
    } else {
        "+tries=1"
    };
    let out = tokio::process::Command::new(binary)
        .arg(format!("@{}", server.addr.ip()))
        .args([
            "-p",
            &server.addr.port().to_string(),
            "+norec",
            "+time=5",
            once,
        ])
        .args([&enum_name(e164, "e164.arpa"), "NAPTR"])
        .output()
        .await
        .unwrap();
    assert!(out.status.success(), "{}", binary.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}
