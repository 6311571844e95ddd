//! The lookup API and the federated resolver, with two callsign instances on
//! loopback: A serves a.example, B serves b.example and its numbers; A
//! resolves B's people through B's ENUM and WebFinger.

use std::collections::BTreeMap;

use crate::support::app::{Backend, TestApp, assert_problem, resolve_through};
use crate::support::server::{ok, uris};
use reqwest::Response;
use serde_json::{Value, json};

const BOB_TEL: &str = "tel:+12125550199";

/// B: Bob, with public, authenticated and private addresses.
async fn instance_b() -> TestApp {
    let b = TestApp::spawn().await;
    b.admin()
        .create_subject(json!({
            "handle": "bob", "domain": "b.example", "display_name": "Bob Remote",
            "addresses": [
                {"uri": BOB_TEL, "priority": 10},
                {"uri": "sip:bob@b.example", "priority": 20},
                {"uri": "xmpp:bob@b.example", "priority": 30},
                {"uri": "mailto:bob@b.example", "visibility": "authenticated"},
                {"uri": "tel:+12125550198", "visibility": "private"},
                {"uri": "xmpp:bob-secret@b.example", "visibility": "private"},
            ]
        }))
        .await;
    b
}

/// A: Alice locally, and B as the remote directory for b.example and for
/// ENUM.
async fn instance_a(b: &TestApp, tweak: impl FnOnce(&mut callsign::config::Config)) -> TestApp {
    // These tests look B's people up anonymously.
    let a = TestApp::spawn_with(Backend::Sqlite, |c| {
        resolve_through(c, b, "b.example");
        tweak(c);
    })
    .await;
    a.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "a.example", "display_name": "Alice Local",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10},
                {"uri": "sip:alice@a.example", "priority": 20},
                {"uri": "xmpp:alice@a.example", "priority": 30},
                {"uri": "mailto:alice@a.example", "visibility": "authenticated"},
                {"uri": "tel:+12125550101", "visibility": "private"},
            ]
        }))
        .await;
    a
}

/// uri → (sources, verified)
fn addresses(answer: &Value) -> BTreeMap<String, (Vec<String>, bool)> {
    answer["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let sources = a["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect();
            (
                a["uri"].as_str().unwrap().to_owned(),
                (sources, a["verified"].as_bool().unwrap()),
            )
        })
        .collect()
}

fn entry(sources: &[&str], verified: bool) -> (Vec<String>, bool) {
    (sources.iter().map(|s| s.to_string()).collect(), verified)
}

#[tokio::test]
async fn a_number_only_b_knows_resolves_through_enum_then_webfinger() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let got = a.lookup(&format!("address={BOB_TEL}"), None).await;
    assert_eq!(got["query"], BOB_TEL);
    assert_eq!(
        got["subject"],
        json!({"id": "acct:bob@b.example", "display_name": "Bob Remote"})
    );
    assert_eq!(got["complete"], true, "{got}");
    assert_eq!(got["errors"], json!([]));
    let both = ["enum:e164.arpa", "webfinger:b.example"];
    assert_eq!(
        addresses(&got),
        BTreeMap::from([
            // The key: listed by B's WebFinger, verified through the others.
            (BOB_TEL.to_owned(), entry(&["webfinger:b.example"], true)),
            // ENUM of the number lists these, and their WebFinger lists the number.
            ("sip:bob@b.example".to_owned(), entry(&both, true)),
            ("xmpp:bob@b.example".to_owned(), entry(&both, true)),
        ])
    );
    // A lookup token at A does not unlock B's authenticated addresses.
    let token = a.admin().token("lookup").await;
    let with_token = a.lookup(&format!("address={BOB_TEL}"), Some(&token)).await;
    assert_eq!(addresses(&with_token), addresses(&got));
    let text = with_token.to_string();
    for hidden in ["mailto:bob", "+12125550198", "bob-secret"] {
        assert!(!text.contains(hidden), "{hidden} leaked: {text}");
    }
}

#[tokio::test]
async fn a_jid_only_b_knows_resolves_through_webfinger_then_enum() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let got = a.lookup("address=xmpp:Bob@B.example", None).await;
    assert_eq!(got["query"], "xmpp:bob@b.example");
    assert_eq!(got["subject"]["id"], "acct:bob@b.example");
    assert_eq!(got["complete"], true, "{got}");
    let found = addresses(&got);
    // WebFinger of the JID lists the number; ENUM of the number lists the JID.
    assert_eq!(
        found[BOB_TEL],
        entry(&["webfinger:b.example"], true),
        "{got}"
    );
    // Only WebFinger links the JID and the SIP URI (ENUM links each to the
    // number, not to each other): one channel is not verification.
    assert_eq!(
        found["sip:bob@b.example"],
        entry(&["enum:e164.arpa", "webfinger:b.example"], false)
    );
    // The key is verified through the number.
    assert_eq!(
        found["xmpp:bob@b.example"],
        entry(&["enum:e164.arpa", "webfinger:b.example"], true)
    );
    assert!(!got.to_string().contains("mailto:"), "{got}");
    // The same through the batch endpoint.
    let token = a.admin().token("lookup").await;
    let keys = json!({"addresses": ["xmpp:bob@b.example", "tel:+12125550100", "tel:+19995550000"]});
    let batch = ok(a.try_lookup_batch(keys, Some(&token)).await, 200).await;
    let results = batch["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(addresses(&results[0]), found);
    assert_eq!(results[1]["subject"]["id"], "acct:alice@a.example");
    assert_eq!(results[2]["subject"], Value::Null);
    assert_eq!(results[2]["addresses"], json!([]));
}

#[tokio::test]
async fn local_answers_follow_the_callers_view() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let anonymous = a.lookup("address=tel:+1-212-555-0100", None).await;
    assert_eq!(
        anonymous["subject"],
        json!({"id": "acct:alice@a.example", "display_name": "Alice Local"})
    );
    let uris = uris(&anonymous);
    assert_eq!(
        uris,
        [
            "tel:+12125550100",
            "sip:alice@a.example",
            "xmpp:alice@a.example"
        ]
    );
    assert!(anonymous["addresses"][0]["sources"] == json!(["local"]));
    let token = a.admin().token("lookup").await;
    let with_token = a.lookup("address=sip:alice@a.example", Some(&token)).await;
    assert!(with_token.to_string().contains("mailto:alice@a.example"));
    assert!(!with_token.to_string().contains("+12125550101"));
    // A bad token is 401, never silently anonymous.
    assert_problem(
        a.try_lookup("address=sip:alice@a.example", Some("cs_nope"))
            .await,
        401,
    )
    .await;
}

#[tokio::test]
async fn hidden_and_unknown_keys_get_the_same_404() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    // Alice's private number at A, and a number nobody has: both go to
    // ENUM at B, both find nothing.
    let hidden = a.try_lookup("address=tel:+12125550101", None).await;
    let unknown = a.try_lookup("address=tel:+12125550177", None).await;
    let strip = |r: &Response| {
        let mut h: Vec<(String, String)> = r
            .headers()
            .iter()
            .filter(|(k, _)| *k != "date")
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        h.sort();
        h
    };
    assert_eq!(hidden.status(), 404);
    assert_eq!(strip(&hidden), strip(&unknown));
    assert_eq!(
        hidden.bytes().await.unwrap(),
        unknown.bytes().await.unwrap()
    );
}

#[tokio::test]
async fn full_jids_and_sip_gruus_are_the_same_endpoint() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let got = a.lookup("address=xmpp:alice@a.example/phone", None).await;
    assert_eq!(got["query"], "xmpp:alice@a.example/phone");
    assert_eq!(
        got["equivalents"],
        json!([{"uri": "sip:alice@a.example;gr=phone", "same_as": "xmpp:alice@a.example/phone"}])
    );
    let got = a.lookup("address=sip:alice@a.example;gr=phone", None).await;
    assert_eq!(
        got["equivalents"],
        json!([{"uri": "xmpp:alice@a.example/phone", "same_as": "sip:alice@a.example;gr=phone"}])
    );
}

#[tokio::test]
async fn vcard_and_reach_formats() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let r = a
        .try_lookup("address=tel:+12125550100&format=vcard", None)
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "text/vcard; charset=utf-8");
    assert_eq!(
        r.text().await.unwrap(),
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice Local\r\nUID:acct:alice@a.example\r\n\
         TEL;VALUE=uri;PREF=1:tel:+12125550100\r\nIMPP;PREF=2:sip:alice@a.example\r\n\
         IMPP;PREF=3:xmpp:alice@a.example\r\nEND:VCARD\r\n"
    );
    let r = a
        .try_lookup("address=xmpp:alice@a.example&format=reach", None)
        .await;
    assert_eq!(
        r.headers()["content-type"],
        "application/xml; charset=utf-8"
    );
    assert_eq!(
        r.text().await.unwrap(),
        "<reach xmlns='urn:xmpp:reach:0'><addr uri='tel:+12125550100'/>\
         <addr uri='sip:alice@a.example'/></reach>"
    );
    // A remote answer as a vCard.
    let r = a
        .try_lookup(&format!("address={BOB_TEL}&format=vcard"), None)
        .await;
    let card = r.text().await.unwrap();
    assert!(card.contains("FN:Bob Remote\r\n"), "{card}");
    assert!(
        card.contains("TEL;VALUE=uri;PREF=1:tel:+12125550199\r\n"),
        "{card}"
    );
    assert!(card.contains("IMPP;PREF=2:sip:bob@b.example\r\n"), "{card}");
}

#[tokio::test]
async fn bad_requests_name_the_problem() {
    let b = instance_b().await;
    let a = instance_a(&b, |c| c.lookup.batch_max = 2).await;
    for (query, field) in [
        ("", "address"),
        ("address=alice@a.example", "address"),
        ("address=tel:+1&remote=true", "address"),
        ("address=tel:+12125550100&format=pdf", "format"),
    ] {
        let p = assert_problem(a.try_lookup(query, None).await, 400).await;
        assert_eq!(p["field"], field, "{query}: {p}");
    }
    // Batches need a token, a bounded size, and every address valid.
    let r = a.try_lookup_batch(json!({"addresses": []}), None).await;
    assert_problem(r, 401).await;
    let token = a.admin().token("lookup").await;
    let p = assert_problem(
        a.try_lookup_batch(
            json!({"addresses": ["tel:+12125550100", "x", "y"]}),
            Some(&token),
        )
        .await,
        400,
    )
    .await;
    assert_eq!(p["field"], "addresses");
    let p = assert_problem(
        a.try_lookup_batch(
            json!({"addresses": ["tel:+12125550100", "nope"]}),
            Some(&token),
        )
        .await,
        400,
    )
    .await;
    assert_eq!(p["field"], "addresses[1]");
}

#[tokio::test]
async fn anonymous_callers_are_rate_limited() {
    let b = instance_b().await;
    let a = instance_a(&b, |c| {
        c.webfinger.rate_per_second = 1;
        c.webfinger.burst = 2;
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r = a.try_lookup("address=tel:+12125550100", None).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.headers().contains_key("retry-after"));
        }
    }
    assert_eq!(&statuses[..2], [200, 200]);
    assert!(statuses[2..].contains(&429), "{statuses:?}");
    // Token holders are not limited.
    let token = a.admin().token("lookup").await;
    let r = a.try_lookup("address=tel:+12125550100", Some(&token)).await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn remote_fetches_never_reach_loopback_unless_allowed() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    // An address at a loopback literal: its WebFinger is refused outright.
    let p = assert_problem(a.try_lookup("address=sip:eve@127.0.0.1", None).await, 502).await;
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.contains("not a public address"), "{detail}");
    // A name that resolves to loopback (from /etc/hosts) is refused too.
    let p = assert_problem(a.try_lookup("address=xmpp:eve@localhost", None).await, 502).await;
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.contains("webfinger:localhost"), "{detail}");
}

#[tokio::test]
async fn a_stalled_remote_gives_a_partial_answer() {
    // A WebFinger host that accepts connections and never answers.
    let stall = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let stall_addr = stall.local_addr().unwrap();
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((s, _)) = stall.accept().await {
            open.push(s);
        }
    });
    let b = instance_b().await;
    let a = instance_a(&b, |c| {
        c.resolver.webfinger_hosts = format!("b.example=http://{stall_addr}").parse().unwrap();
        c.resolver.step_timeout_ms = 300;
    })
    .await;
    let got = a.lookup(&format!("address={BOB_TEL}"), None).await;
    assert_eq!(got["complete"], false);
    let found = addresses(&got);
    assert_eq!(
        found["sip:bob@b.example"],
        entry(&["enum:e164.arpa"], false)
    );
    let errors = got["errors"].as_array().unwrap();
    assert!(!errors.is_empty());
    for e in errors {
        assert_eq!(e["step"], "webfinger:b.example");
        assert!(
            e["reason"].as_str().unwrap().contains("timeout")
                || e["reason"].as_str().unwrap().contains("timed out"),
            "{e}"
        );
    }
    held.abort();
}

#[tokio::test]
async fn the_command_line_uses_the_same_resolver() {
    let b = instance_b().await;
    let a = instance_a(&b, |_| {}).await;
    let db = a.config.database.url.expose().to_owned();
    // Async, so B (in this runtime) keeps answering while the command runs.
    let run = |args: &[&str]| {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
            .args(args)
            .env("CALLSIGN_DATABASE_URL", &db)
            .env("CALLSIGN_RESOLVER_ENUM_SERVERS", b.dns.to_string())
            .env(
                "CALLSIGN_RESOLVER_WEBFINGER_HOSTS",
                format!("b.example=http://{}", b.http),
            )
            .env("CALLSIGN_LOG_FILTER", "warn")
            .output()
    };
    let out = run(&["lookup", "tel:+12125550100"]).await.unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Alice Local (acct:alice@a.example)"),
        "{text}"
    );
    assert!(text.contains("sip:alice@a.example"), "{text}");
    // The operator sees what a lookup token sees.
    assert!(text.contains("mailto:alice@a.example"), "{text}");
    assert!(!text.contains("+12125550101"), "{text}");
    let out = run(&["lookup", BOB_TEL, "--json"]).await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["subject"]["id"], "acct:bob@b.example");
    assert!(addresses(&got)["sip:bob@b.example"].1);
    let out = run(&["lookup", "tel:+12125550177"]).await.unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing found"));
}
