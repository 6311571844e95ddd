//! Self-service: a `self` token bound to one subject reads and changes how
//! that subject is shown and found through `/api/v1/me`, reads its
//! exposure report and rotates itself — and reaches nothing else.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::ok;
use reqwest::{Method, Response};
use serde_json::{Value, json};

/// Alice: a public number and a private SIP address; Bob: one number.
async fn subjects(app: &TestApp) -> (Value, Value) {
    let alice = app
        .admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10},
                {"uri": "sip:alice@example.com", "priority": 20, "visibility": "private"},
            ]
        }))
        .await;
    let bob = app
        .admin()
        .create_subject(json!({
            "handle": "bob", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550200"}]
        }))
        .await;
    (alice, bob)
}

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

/// The id of `subject`'s address `uri`.
fn address_id(subject: &Value, uri: &str) -> String {
    subject["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["uri"] == uri)
        .unwrap_or_else(|| panic!("{uri} in {subject}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn create_token(app: &TestApp, secret: Option<&str>, body: Value) -> Response {
    let request = match secret {
        Some(secret) => app
            .request(Method::POST, "/api/v1/tokens")
            .bearer_auth(secret),
        None => app.as_admin(Method::POST, "/api/v1/tokens"),
    };
    request.json(&body).go().await
}

async fn me(app: &TestApp, secret: &str) -> Response {
    app.request(Method::GET, "/api/v1/me")
        .bearer_auth(secret)
        .go()
        .await
}

async fn patch_me(app: &TestApp, secret: &str, if_match: Option<&str>, patch: Value) -> Response {
    let mut request = app
        .request(Method::PATCH, "/api/v1/me")
        .bearer_auth(secret)
        .header("content-type", "application/merge-patch+json")
        .body(patch.to_string());
    if let Some(tag) = if_match {
        request = request.header("if-match", tag);
    }
    request.go().await
}

async fn token_count(app: &TestApp) -> usize {
    let tokens = app.admin().get("/api/v1/tokens").await;
    tokens["items"].as_array().unwrap().len()
}

async fn flow(app: TestApp) {
    let (alice, bob) = subjects(&app).await;
    let alice_path = format!("/api/v1/subjects/{}", id(&alice));
    let (tel, sip) = (
        address_id(&alice, "tel:+12125550100"),
        address_id(&alice, "sip:alice@example.com"),
    );

    // Bad input from an admin: 400 naming the field, nothing stored.
    let before = token_count(&app).await;
    for (body, field) in [
        (json!({"name": "p", "scope": "self"}), "subject"),
        (
            json!({"name": "p", "scope": "lookup", "subject": "acct:alice@example.com"}),
            "subject",
        ),
        (
            json!({"name": "p", "scope": "self", "subject": "acct:nobody@example.com"}),
            "subject",
        ),
        (
            json!({"name": "p", "scope": "self", "subject": "tel:not-an-acct"}),
            "subject",
        ),
        (
            json!({"name": "p", "scope": "self", "subject": "acct:alice@example.com",
                   "audiences": ["partners"]}),
            "audiences",
        ),
    ] {
        let problem = assert_problem(create_token(&app, None, body.clone()).await, 400).await;
        assert_eq!(problem["field"], field, "{body}: {problem}");
    }
    assert_eq!(token_count(&app).await, before, "nothing stored");

    // An admin issues Alice's token, by acct.
    let body = json!({"name": "alice-phone", "scope": "self", "subject": "acct:alice@example.com"});
    let phone = ok(create_token(&app, None, body).await, 201).await;
    assert_eq!(phone["scope"], "self");
    assert_eq!(phone["subject"], alice["id"]);
    let secret = phone["secret"].as_str().unwrap().to_owned();

    // GET /me is the admin's view of the subject, ETag included.
    let r = me(&app, &secret).await;
    assert_eq!(r.status(), 200);
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", alice["version"]));
    let own: Value = r.json().await.unwrap();
    assert_eq!(own, app.admin().get(&alice_path).await);

    // Anyone else on /me: anonymous 401, other scopes 403.
    let r = app.request(Method::GET, "/api/v1/me").go().await;
    assert_problem(r, 401).await;
    let lookup = app.admin().token("lookup").await;
    assert_problem(me(&app, &lookup).await, 403).await;
    let r = app.as_admin(Method::GET, "/api/v1/me").go().await;
    assert_problem(r, 403).await;

    // Fields only an admin may change, removals, replacements: 403 naming
    // the field; unknown fields and addresses, bad values: 400. Nothing
    // is written either way.
    let forbidden = [
        (json!({"handle": "alicia"}), "handle".to_owned()),
        (json!({"domain": "example.org"}), "domain".to_owned()),
        (json!({"links": null}), "links".to_owned()),
        (json!({"properties": {}}), "properties".to_owned()),
        (json!({"addresses": []}), "addresses".to_owned()),
        (
            json!({"addresses": {&tel: null}}),
            format!("addresses.{tel}"),
        ),
        (
            json!({"addresses": {&tel: {"uri": "tel:+12125550199"}}}),
            format!("addresses.{tel}.uri"),
        ),
        (
            json!({"addresses": {&tel: {"routing_number": "+12155550199"}}}),
            format!("addresses.{tel}.routing_number"),
        ),
    ];
    for (patch, field) in forbidden {
        let problem = assert_problem(patch_me(&app, &secret, None, patch.clone()).await, 403).await;
        assert_eq!(problem["field"], field.as_str(), "{patch}: {problem}");
    }
    let unknown = uuid::Uuid::now_v7();
    let bad = [
        (json!({"colour": "blue"}), "colour".to_owned()),
        (
            json!({"discoverable": "sometimes"}),
            "discoverable".to_owned(),
        ),
        (
            json!({"addresses": {&tel: {"visibility": "bogus"}}}),
            format!("addresses.{tel}.visibility"),
        ),
        (
            json!({"addresses": {&tel: {"visibility": "audience:nosuch"}}}),
            format!("addresses.{tel}.visibility"),
        ),
        (
            json!({"addresses": {&tel: {"discoverable": "audience:nosuch"}}}),
            format!("addresses.{tel}.discoverable"),
        ),
        (
            json!({"discoverable": "audience:"}),
            "discoverable".to_owned(),
        ),
        (
            json!({"addresses": {&tel: {"priority": 70000}}}),
            format!("addresses.{tel}.priority"),
        ),
        (
            json!({"addresses": {unknown.to_string(): {"label": "x"}}}),
            format!("addresses.{unknown}"),
        ),
        (
            json!({"addresses": {"not-an-id": {"label": "x"}}}),
            "addresses.not-an-id".to_owned(),
        ),
    ];
    for (patch, field) in bad {
        let problem = assert_problem(patch_me(&app, &secret, None, patch.clone()).await, 400).await;
        assert_eq!(problem["field"], field.as_str(), "{patch}: {problem}");
    }
    let r = patch_me(&app, &secret, Some("\"99\""), json!({"display_name": "A"})).await;
    let problem = assert_problem(r, 412).await;
    assert_eq!(problem["field"], "If-Match");
    assert_eq!(app.admin().get(&alice_path).await, own, "nothing written");

    // What she may change, under If-Match.
    let patch = json!({
        "display_name": "Alice A.",
        "display_name_visibility": "authenticated",
        "discoverable": "authenticated",
        "addresses": {
            &tel: {"label": "mobile", "priority": 30, "visibility": "authenticated"},
            &sip: {"visibility": "public", "discoverable": false},
        }
    });
    let r = patch_me(&app, &secret, Some(&etag), patch).await;
    assert_eq!(r.status(), 200);
    let new_etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let changed: Value = r.json().await.unwrap();
    assert_ne!(new_etag, etag);
    assert_eq!(changed["display_name"], "Alice A.");
    assert_eq!(changed["display_name_visibility"], "authenticated");
    assert_eq!(changed["discoverable"], "authenticated");
    let addresses = changed["addresses"].as_array().unwrap();
    assert_eq!(addresses.len(), 2, "no address added or removed");
    // Presentation order follows the new priorities.
    assert_eq!(addresses[0]["uri"], "sip:alice@example.com");
    assert_eq!(addresses[0]["visibility"], "public");
    assert_eq!(addresses[0]["discoverable"], false);
    assert_eq!(addresses[1]["uri"], "tel:+12125550100");
    assert_eq!(addresses[1]["label"], "mobile");
    assert_eq!(addresses[1]["priority"], 30);
    assert_eq!(addresses[1]["visibility"], "authenticated");
    assert_eq!(changed, app.admin().get(&alice_path).await);
    // The old tag is stale now.
    let r = patch_me(&app, &secret, Some(&etag), json!({"display_name": null})).await;
    assert_problem(r, 412).await;

    // The change log names the token.
    let audit = app
        .admin()
        .get(&format!("/api/v1/audit?subject={}&limit=1", id(&alice)))
        .await;
    assert_eq!(audit["items"][0]["operation"], "subject.update");
    assert_eq!(audit["items"][0]["actor"], "alice-phone");

    // On WebFinger a self token sees what a lookup token in no audience
    // sees: her `authenticated` acct and number, which anonymous callers
    // do not find.
    assert_eq!(app.webfinger("acct:alice@example.com").await, None);
    let finger = |token: String| {
        app.finger("resource=acct:alice@example.com")
            .bearer_auth(token)
            .go()
    };
    let as_self = ok(finger(secret.clone()).await, 200).await;
    let as_lookup = ok(finger(lookup.clone()).await, 200).await;
    assert_eq!(as_self, as_lookup);
    assert!(
        as_self.to_string().contains("tel:+12125550100"),
        "{as_self}"
    );

    // The exposure report: her own, not Bob's.
    let exposure = app
        .request(
            Method::GET,
            &format!("/api/v1/subjects/{}/exposure", id(&alice)),
        )
        .bearer_auth(&secret)
        .go()
        .await;
    let exposure = ok(exposure, 200).await;
    assert_eq!(exposure["subject"], "acct:alice@example.com");
    let path = format!("/api/v1/subjects/{}/exposure", id(&bob));
    let r = app
        .request(Method::GET, &path)
        .bearer_auth(&secret)
        .go()
        .await;
    assert_problem(r, 403).await;

    // Nothing else is reachable.
    let bob_path = format!("/api/v1/subjects/{}", id(&bob));
    let reach = [
        (Method::GET, alice_path.clone(), None),
        (
            Method::PATCH,
            alice_path.clone(),
            Some(json!({"handle": "x"})),
        ),
        (Method::DELETE, alice_path.clone(), None),
        (Method::GET, bob_path.clone(), None),
        (
            Method::PATCH,
            bob_path.clone(),
            Some(json!({"display_name": "x"})),
        ),
        (Method::GET, "/api/v1/subjects".to_owned(), None),
        (
            Method::POST,
            "/api/v1/subjects".to_owned(),
            Some(json!({"handle": "eve", "domain": "example.com", "addresses": []})),
        ),
        (
            Method::POST,
            format!("{alice_path}/addresses"),
            Some(json!({"uri": "tel:+12125550111"})),
        ),
        (
            Method::DELETE,
            format!("{alice_path}/addresses/{tel}"),
            None,
        ),
        (Method::GET, "/api/v1/blocks".to_owned(), None),
        (Method::GET, "/api/v1/audiences".to_owned(), None),
        (
            Method::POST,
            "/api/v1/audiences".to_owned(),
            Some(json!({"name": "mine"})),
        ),
        (Method::GET, "/api/v1/audit".to_owned(), None),
        (Method::GET, "/api/v1/export".to_owned(), None),
        (Method::GET, "/api/v1/tokens".to_owned(), None),
    ];
    for (method, path, body) in reach {
        let mut request = app.request(method.clone(), &path).bearer_auth(&secret);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let r = request.go().await;
        assert_eq!(r.status(), 403, "{method} {path}");
        assert_problem(r, 403).await;
    }
    assert_eq!(
        app.admin().get(&alice_path).await,
        changed,
        "nothing written"
    );
    assert_eq!(app.admin().get(&bob_path).await, bob, "nothing written");

    // Rotation: only self tokens, only for her own subject.
    let before = token_count(&app).await;
    let mine =
        json!({"name": "alice-laptop", "scope": "self", "subject": "acct:alice@example.com"});
    for (body, field) in [
        (json!({"name": "x", "scope": "lookup"}), "scope"),
        (json!({"name": "x", "scope": "admin"}), "scope"),
        (
            json!({"name": "x", "scope": "self", "subject": "acct:bob@example.com"}),
            "subject",
        ),
        (
            json!({"name": "x", "scope": "self", "subject": id(&bob)}),
            "subject",
        ),
        (
            json!({"name": "x", "scope": "self", "subject": "acct:nobody@example.com"}),
            "subject",
        ),
    ] {
        let r = create_token(&app, Some(&secret), body.clone()).await;
        let problem = assert_problem(r, 403).await;
        assert_eq!(problem["field"], field, "{body}: {problem}");
    }
    let r = app
        .request(Method::DELETE, &format!("/api/v1/tokens/{}", id(&phone)))
        .bearer_auth(&lookup)
        .go()
        .await;
    assert_problem(r, 403).await;
    assert_eq!(token_count(&app).await, before, "nothing stored");
    let laptop = ok(create_token(&app, Some(&secret), mine).await, 201).await;
    assert_eq!(laptop["subject"], alice["id"]);
    let fresh = laptop["secret"].as_str().unwrap().to_owned();
    // The new token revokes the old one; the old one stops at once.
    let r = app
        .request(Method::DELETE, &format!("/api/v1/tokens/{}", id(&phone)))
        .bearer_auth(&fresh)
        .go()
        .await;
    assert_eq!(r.status(), 204);
    assert_problem(me(&app, &secret).await, 401).await;
    assert_eq!(ok(me(&app, &fresh).await, 200).await, changed);
    // It cannot revoke another subject's token, nor an admin's.
    let body = json!({"name": "bob-phone", "scope": "self", "subject": id(&bob)});
    let bobs = ok(create_token(&app, None, body).await, 201).await;
    let r = app
        .request(Method::DELETE, &format!("/api/v1/tokens/{}", id(&bobs)))
        .bearer_auth(&fresh)
        .go()
        .await;
    assert_problem(r, 403).await;
    let r = app
        .request(
            Method::DELETE,
            &format!("/api/v1/tokens/{}", uuid::Uuid::now_v7()),
        )
        .bearer_auth(&fresh)
        .go()
        .await;
    assert_problem(r, 403).await;
    let bob_secret = bobs["secret"].as_str().unwrap().to_owned();
    assert_eq!(ok(me(&app, &bob_secret).await, 200).await, bob);

    // Deleting the subject revokes its self tokens.
    app.admin().delete_subject(id(&alice)).await;
    assert_problem(me(&app, &fresh).await, 401).await;
    let tokens = app.admin().get("/api/v1/tokens").await;
    let laptop = tokens["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == laptop["id"])
        .unwrap();
    assert!(laptop["revoked_at"].is_string(), "{laptop}");
    assert_eq!(ok(me(&app, &bob_secret).await, 200).await, bob);
}

#[tokio::test]
async fn self_service_on_sqlite() {
    flow(TestApp::spawn_with(Backend::Sqlite, |_| {}).await).await;
}

#[tokio::test]
async fn self_service_on_postgres() {
    flow(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

/// `callsign token create --scope self --subject …` against the running
/// server's database: the token reads its own subject through `/me`; a
/// subject that does not exist, or none, stores nothing.
#[tokio::test]
async fn the_command_line_makes_self_tokens() {
    let app = TestApp::spawn().await;
    let (alice, _bob) = subjects(&app).await;
    ok(
        app.as_admin(Method::POST, "/api/v1/audiences")
            .json(&json!({"name": "staff"}))
            .go()
            .await,
        201,
    )
    .await;
    let before = token_count(&app).await;
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
            .env("CALLSIGN_DATABASE_URL", app.config.database.url.expose())
            .env("RUST_LOG", "warn")
            .args(["token", "create", "--name", "alice-phone"])
            .args(args)
            .output()
            .unwrap()
    };
    for (args, says) in [
        (&["--scope", "self"][..], "subject"),
        (
            &["--scope", "self", "--subject", "acct:nobody@example.com"],
            "no such subject",
        ),
        (&["--scope", "self", "--subject", "not a key"], "--subject"),
        (
            &["--scope", "lookup", "--audience", "nosuch"],
            "no audience is named nosuch",
        ),
    ] {
        let out = cli(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(token_count(&app).await, before);

    let out = cli(&["--scope", "self", "--subject", "acct:alice@example.com"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secret = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let own = ok(me(&app, &secret).await, 200).await;
    assert_eq!(own["id"], alice["id"]);
    // By id too; a self token is in no audience.
    let out = cli(&[
        "--scope",
        "self",
        "--subject",
        id(&alice),
        "--audience",
        "staff",
    ]);
    assert!(!out.status.success());
    let out = cli(&["--scope", "self", "--subject", id(&alice)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secret = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(ok(me(&app, &secret).await, 200).await["id"], alice["id"]);
    // A lookup token in an audience.
    let out = cli(&["--scope", "lookup", "--audience", "staff"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tokens = app.admin().get("/api/v1/tokens").await;
    let staff = tokens["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["audiences"] == json!(["staff"]));
    assert_eq!(staff.count(), 1);
    assert_eq!(token_count(&app).await, before + 3);
}
