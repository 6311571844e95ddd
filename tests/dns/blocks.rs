//! Number blocks over the wire: numbers a block covers answer NAPTRs from
//! its public templates (back-reference expressions, the same at every
//! number), single numbers and longer prefixes win, names below a block
//! follow RFC 4592 wildcard rules (what a secondary holding the zone
//! transfer answers), privacy holds, and a signed zone signs them.

use crate::dnssec::{Unbound, do_query, rrsigs_over, signed, signed_naptrs, trust_anchor};
use crate::support::app::{Backend, TestApp};
use crate::support::dns::*;
use crate::support::server::{Server, ok};
use crate::support::tools;
use callsign::app::{App, Listeners};
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::RecordType;
use reqwest::Method;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

/// Every +1 212 555 XXXX number to the PBX (Alice's +1 212 555 0100 is
/// published on its own).
fn pbx_block() -> Value {
    json!({
        "prefix": "+1 212 555", "length": 11,
        "templates": [
            {"uri": "sip:\\1@pbx.example.com"},
            {"uri": "xmpp:\\1@chat.example.com", "visibility": "authenticated"},
            {"uri": "mailto:fax\\1@example.com"}
        ]
    })
}

/// The records of every number of `pbx_block`.
fn pbx_naptrs() -> Vec<NaptrFields> {
    vec![
        expression(
            10,
            "E2U+sip",
            r"!^\+1212555([0-9]{4})$!sip:\1@pbx.example.com!",
        ),
        expression(
            30,
            "E2U+email:mailto",
            r"!^\+1212555([0-9]{4})$!mailto:fax\1@example.com!",
        ),
    ]
}

/// A NAPTR with a whole substitution expression.
fn expression(preference: u16, services: &str, regexp: &str) -> NaptrFields {
    (
        100,
        preference,
        "u".into(),
        services.into(),
        regexp.into(),
        ".".into(),
    )
}

pub(super) async fn create_block(server: &DnsServer, body: Value) -> Value {
    let r = server
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(&body)
        .send()
        .await
        .unwrap();
    ok(r, 201).await
}

/// NOERROR without records: a name that exists (an empty non-terminal).
async fn assert_empty(server: &DnsServer, e164: &str) {
    assert_eq!(
        server.naptr(e164).await,
        (ResponseCode::NoError, vec![]),
        "{e164}"
    );
}

async fn assert_nxdomain(server: &DnsServer, e164: &str) {
    assert_eq!(
        server.naptr(e164).await,
        (ResponseCode::NXDomain, vec![]),
        "{e164}"
    );
}

#[tokio::test]
async fn block_numbers_answer_from_templates_and_published_numbers_win() {
    let server = DnsServer::start(config(), vec![alice()]).await;
    let before = server.dns.serial();
    create_block(&server, pbx_block()).await;
    assert!(
        server.dns.serial() > before,
        "a block write moves the serial"
    );

    // Any number of the block: its public templates as expressions that
    // refer back to the number, ranked like a subject's addresses; the
    // authenticated one stays out.
    let answer = server.naptr("+12125550123").await;
    assert_eq!(answer, (ResponseCode::NoError, pbx_naptrs()));
    let uris: Vec<_> = (answer.1.iter())
        .map(|n| callsign::resolve::naptr::substitute(&n.4, "+12125550123").unwrap())
        .collect();
    assert_eq!(
        uris,
        ["sip:0123@pbx.example.com", "mailto:fax0123@example.com"]
    );
    // Alice's own number wins over the block around it.
    assert_eq!(
        server.naptr("+12125550100").await,
        (ResponseCode::NoError, alice_naptrs())
    );

    // A longer prefix wins: a nested block with the whole number.
    create_block(
        &server,
        json!({"prefix": "+1 212 555 9", "length": 11,
               "templates": [{"uri": "sip:{number}@gw.example.net"}]}),
    )
    .await;
    assert_eq!(
        server.naptr("+12125559876").await,
        (
            ResponseCode::NoError,
            vec![expression(
                10,
                "E2U+sip",
                r"!^(\+12125559[0-9]{3})$!sip:\1@gw.example.net!"
            )]
        )
    );
    assert_eq!(server.naptr("+12125558876").await.1, pbx_naptrs());

    // Names below a block follow RFC 4592 over the names that exist (the
    // block's prefix and the names above published numbers): a wildcard
    // cannot carry the block's length, and a secondary loading the zone
    // transfer must answer the same. So a name one digit too long or too
    // short answers the block's records too; their expressions match no
    // number of that length.
    assert_eq!(server.naptr("+121255501234").await.1, pbx_naptrs());
    assert_eq!(server.naptr("+1212555012").await.1, pbx_naptrs());
    assert_eq!(
        server.naptr("+121255599999").await.1,
        server.naptr("+12125559876").await.1
    );
    // The prefixes exist and hold nothing, as do the names between the
    // block and Alice's number; beside those the block's records answer,
    // below her number nothing does.
    assert_empty(&server, "+1212555").await;
    assert_empty(&server, "+121255").await;
    assert_empty(&server, "+12125559").await;
    assert_empty(&server, "+1212555010").await;
    assert_eq!(server.naptr("+12125550101").await.1, pbx_naptrs());
    assert_eq!(server.naptr("+12125550109").await.1, pbx_naptrs());
    assert_nxdomain(&server, "+121255501001").await;
    assert_nxdomain(&server, "+1213").await;
    server.stop().await;
}

#[tokio::test]
async fn hidden_blocks_publish_nothing() {
    let server = DnsServer::start(config(), vec![]).await;
    let block = create_block(&server, pbx_block()).await;
    assert_eq!(server.naptr("+12125550123").await.1.len(), 2);
    let path = format!("/api/v1/blocks/{}", block["id"].as_str().unwrap());
    let r = server
        .as_admin(Method::PATCH, &path)
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"discoverable": false}"#)
        .send()
        .await
        .unwrap();
    ok(r, 200).await;
    // Neither its numbers nor the names above them exist any more.
    assert_nxdomain(&server, "+12125550123").await;
    assert_nxdomain(&server, "+1212555").await;

    // Only authenticated templates: nothing to publish either.
    let r = server
        .as_admin(Method::PATCH, &path)
        .header("content-type", "application/merge-patch+json")
        .body(
            json!({"discoverable": true,
                   "templates": [{"uri": "sip:\\1@pbx.example.com", "visibility": "authenticated"}]})
            .to_string(),
        )
        .send()
        .await
        .unwrap();
    ok(r, 200).await;
    assert_nxdomain(&server, "+12125550123").await;

    let r = server.as_admin(Method::DELETE, &path).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_nxdomain(&server, "+12125550123").await;
    server.stop().await;
}

/// A second process on the same database loads the blocks at startup.
#[tokio::test]
async fn another_process_loads_the_blocks() {
    let first = TestApp::spawn_with(Backend::Postgres, |c| c.dns = config()).await;
    let r = first
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(&pbx_block())
        .send()
        .await
        .unwrap();
    ok(r, 201).await;
    let second_config = first.config.clone();
    let shutdown = CancellationToken::new();
    let listeners = Listeners::bind(&second_config).await.unwrap();
    let (http, dns) = (listeners.http_addr(), listeners.dns_addr());
    let app = App::build(second_config, &shutdown).await.unwrap();
    let second_directory = app.directory.clone();
    let task = tokio::spawn(app.run(listeners, shutdown.clone()));
    let second = Server::new(
        http,
        dns,
        reqwest::Client::builder().no_proxy().build().unwrap(),
    );
    wait_ready(&second).await;
    let name = enum_name("+12125550123", "e164.arpa");
    let answer = second.udp(&query(&name, RecordType::NAPTR, None)).await;
    assert_eq!(naptrs(&answer), pbx_naptrs());

    // A block written on the first process reaches the second through the
    // change log.
    let r = first
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(&json!({"prefix": "+1 213 555", "length": 11,
                      "templates": [{"uri": "sip:\\1@la.example.com"}]}))
        .send()
        .await
        .unwrap();
    ok(r, 201).await;
    let written = first.store.last_serial().await.unwrap();
    let mut applied = second_directory.watch();
    tokio::time::timeout(TIMEOUT, applied.wait_for(|serial| *serial >= written))
        .await
        .expect("the second process follows the change log")
        .unwrap();
    let name = enum_name("+12135550123", "e164.arpa");
    let answer = second.udp(&query(&name, RecordType::NAPTR, None)).await;
    assert_eq!(
        naptrs(&answer),
        vec![expression(
            10,
            "E2U+sip",
            r"!^\+1213555([0-9]{4})$!sip:\1@la.example.com!"
        )]
    );
    shutdown.cancel();
    task.await.unwrap().unwrap();
    first.stop().await;
}

/// Poll `/readyz` of a server started by hand.
async fn wait_ready(server: &Server) {
    for _ in 0..500 {
        if server
            .request(Method::GET, "/readyz")
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the second process did not become ready");
}

#[tokio::test]
async fn signed_zones_sign_block_answers() {
    let server = DnsServer::start(signed(), vec![]).await;
    create_block(&server, pbx_block()).await;
    let name = enum_name("+12125550123", "e164.arpa");
    let answer = server.udp(&do_query(&name, RecordType::NAPTR, 1232)).await;
    assert_eq!(answer.response_code, ResponseCode::NoError);
    assert_eq!(signed_naptrs(&answer), pbx_naptrs());
    assert_eq!(rrsigs_over(&answer.answers, RecordType::NAPTR), 1);
    server.stop().await;
}

/// A validating resolver proves block answers signed at the query name:
/// a number of the block, a name the block's wildcard covers beyond its
/// length, and the empty name between the block and an overriding number.
#[tokio::test]
async fn unbound_validates_block_answers() {
    let Some(unbound_bin) = tools::require("unbound", "unbound") else {
        return;
    };
    let server = DnsServer::start(signed(), vec![alice()]).await;
    create_block(&server, pbx_block()).await;
    let unbound = Unbound::start(&unbound_bin, server.addr, &trust_anchor(&server));
    for (e164, records) in [
        ("+12125550123", pbx_naptrs()),
        ("+121255501234", pbx_naptrs()),
        ("+1212555010", vec![]),
    ] {
        let answer = unbound
            .ask(&enum_name(e164, "e164.arpa"), RecordType::NAPTR)
            .await;
        assert_eq!(answer.response_code, ResponseCode::NoError, "{e164}");
        assert!(
            answer.metadata.authentic_data,
            "AD at {e164}: {answer}\n{}",
            unbound.log()
        );
        assert_eq!(signed_naptrs(&answer), records, "{e164}");
    }
    server.stop().await;
}
