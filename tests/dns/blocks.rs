//! Number blocks over the wire: numbers a block covers answer NAPTRs from
//! its public templates, single numbers and longer prefixes win, lengths
//! bound the block, privacy holds, and a signed zone signs them.

use crate::dnssec::{do_query, rrsigs_over, signed, signed_naptrs};
use crate::support::app::{Backend, TestApp};
use crate::support::dns::*;
use crate::support::server::{Server, ok};
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

async fn create_block(server: &DnsServer, body: Value) -> Value {
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

    // Any number of the block: its public templates, substituted, ranked
    // like a subject's addresses; the authenticated one stays out.
    assert_eq!(
        server.naptr("+12125550123").await,
        (
            ResponseCode::NoError,
            vec![
                naptr(10, "E2U+sip", "sip:0123@pbx.example.com"),
                naptr(30, "E2U+email:mailto", "mailto:fax0123@example.com"),
            ]
        )
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
            vec![naptr(10, "E2U+sip", "sip:+12125559876@gw.example.net")]
        )
    );
    assert_eq!(
        server.naptr("+12125558876").await.1,
        vec![
            naptr(10, "E2U+sip", "sip:8876@pbx.example.com"),
            naptr(30, "E2U+email:mailto", "mailto:fax8876@example.com"),
        ]
    );

    // Lengths: too long is no number; shorter names lead down to numbers.
    assert_nxdomain(&server, "+121255501234").await;
    assert_empty(&server, "+1212555012").await;
    assert_empty(&server, "+1212555").await;
    assert_empty(&server, "+121255").await;
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
    assert_eq!(
        naptrs(&answer),
        vec![
            naptr(10, "E2U+sip", "sip:0123@pbx.example.com"),
            naptr(30, "E2U+email:mailto", "mailto:fax0123@example.com"),
        ]
    );

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
        vec![naptr(10, "E2U+sip", "sip:0123@la.example.com")]
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
    assert_eq!(
        signed_naptrs(&answer),
        vec![
            naptr(10, "E2U+sip", "sip:0123@pbx.example.com"),
            naptr(30, "E2U+email:mailto", "mailto:fax0123@example.com"),
        ]
    );
    assert_eq!(rrsigs_over(&answer.answers, RecordType::NAPTR), 1);
    server.stop().await;
}
