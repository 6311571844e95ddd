//! The admin API's subjects and addresses, through a real server.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::{id, ok, uris};
use reqwest::Method;
use serde_json::{Value, json};

fn alice() -> Value {
    json!({
        "handle": "Alice", "domain": "Example.COM", "display_name": "Alice Example",
        "addresses": [
            {"uri": "tel:+1-212-555-0100", "label": "work"},
            {"uri": "sip:alice@example.com;transport=tcp", "priority": 10},
            {"uri": "alice@example.com", "kind": "xmpp", "visibility": "private"},
        ]
    })
}

async fn crud_story(app: TestApp) {
    let created = app.admin().create_subject(alice()).await;
    assert_eq!(created["acct"], "acct:alice@example.com");
    assert_eq!(created["version"], 1);
    let uris = uris(&created);
    assert_eq!(
        uris,
        [
            "sip:alice@example.com",
            "tel:+12125550100",
            "xmpp:alice@example.com"
        ]
    );
    let id = id(&created);
    let path = format!("/api/v1/subjects/{id}");

    let r = app.as_admin(Method::GET, &path).go().await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"1\"");

    // Merge patch with the right version.
    let r = app
        .as_admin(Method::PATCH, &path)
        .header("if-match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"display_name": "Alice A. Example", "discoverable": false}"#)
        .go()
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"2\"");
    let patched: Value = r.json().await.unwrap();
    assert_eq!(patched["display_name"], "Alice A. Example");
    assert_eq!(patched["discoverable"], false);

    // A stale If-Match is 412 and writes nothing.
    let before = app.snapshot().await;
    let r = app
        .admin()
        .try_patch_subject(id, Some("\"1\""), json!({"display_name": "lost update"}))
        .await;
    let problem = assert_problem(r, 412).await;
    assert_eq!(problem["field"], "If-Match");
    assert_eq!(app.snapshot().await, before);

    // Addresses: add, change, remove.
    let s = app
        .admin()
        .add_address(
            id,
            json!({"uri": "mailto:Alice@Example.COM", "visibility": "authenticated"}),
        )
        .await;
    let mail = s["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["uri"] == "mailto:Alice@example.com")
        .expect("canonical mailto")
        .clone();
    assert_eq!(mail["visibility"], "authenticated");
    let mail_id = mail["id"].as_str().unwrap();
    let mail_path = format!("{path}/addresses/{mail_id}");
    let s = app
        .admin()
        .patch_address(id, mail_id, json!({"visibility": "public", "priority": 5}))
        .await;
    assert_eq!(
        s["addresses"][0]["uri"], "mailto:Alice@example.com",
        "priority 5 sorts first"
    );
    assert_eq!(s["version"], 4);
    let r = app.as_admin(Method::DELETE, &mail_path).go().await;
    assert_eq!(r.status(), 200);
    let r = app.as_admin(Method::DELETE, &mail_path).go().await;
    assert_problem(r, 404).await;

    // Delete with a stale version, then the right one.
    let r = app.admin().try_delete_subject(id, Some("\"2\"")).await;
    assert_problem(r, 412).await;
    let r = app.admin().try_delete_subject(id, Some("\"5\"")).await;
    assert_eq!(r.status(), 204);
    let r = app.as_admin(Method::GET, &path).go().await;
    assert_problem(r, 404).await;

    // The audit trail has every change, newest first, with actor and states.
    let page = app
        .admin()
        .get(&format!("/api/v1/audit?subject={id}&limit=2"))
        .await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["operation"], "subject.delete");
    assert_eq!(items[0]["actor"], "bootstrap");
    assert!(items[0]["after"].is_null());
    assert_eq!(items[0]["before"]["acct"], "acct:alice@example.com");
    assert_eq!(items[1]["operation"], "address.delete");
    let cursor = page["next_cursor"].as_i64().unwrap();
    let rest = app
        .admin()
        .get(&format!("/api/v1/audit?subject={id}&cursor={cursor}"))
        .await;
    let ops: Vec<&str> = rest["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        [
            "address.update",
            "address.add",
            "subject.update",
            "subject.create"
        ]
    );
}

#[tokio::test]
async fn crud_on_sqlite() {
    crud_story(TestApp::spawn().await).await;
}

#[tokio::test]
async fn crud_on_postgres() {
    crud_story(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

/// RFC 9110 §13.1.1: a well-formed entity tag that is not the current one
/// fails the precondition (412, nothing written) rather than being a syntax
/// error; weak tags never match; `*` and a list holding the current tag do.
#[tokio::test]
async fn if_match_compares_entity_tags() {
    let app = TestApp::spawn().await;
    let created = app.admin().create_subject(alice()).await;
    let id = id(&created);
    let patch = |tag: &'static str, name: &'static str| {
        app.admin()
            .try_patch_subject(id, Some(tag), json!({ "display_name": name }))
    };
    let before = app.snapshot().await;
    for stale in ["\"stale-version\"", "W/\"1\"", "\"2\", \"x,y\""] {
        let r = patch(stale, "lost update").await;
        assert_eq!(assert_problem(r, 412).await["field"], "If-Match", "{stale}");
    }
    assert_eq!(app.snapshot().await, before);
    let r = patch("*", "Alice Star").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"2\"");
    let r = patch("\"1\", \"2\"", "Alice List").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"3\"");
    let r = app
        .admin()
        .try_delete_subject(id, Some("\"stale-version\""))
        .await;
    assert_problem(r, 412).await;
    let r = app.admin().try_delete_subject(id, Some("*")).await;
    assert_eq!(r.status(), 204);
    let r = patch("*", "gone").await;
    assert_problem(r, 404).await;
}

#[tokio::test]
async fn an_address_of_another_subject_is_a_conflict() {
    let app = TestApp::spawn().await;
    app.admin().create_subject(alice()).await;
    let before = app.snapshot().await;
    let r = app
        .admin()
        .try_create_subject(json!({"handle": "mallory", "domain": "example.com",
                                   "addresses": [{"uri": "tel:+12125550100"}]}))
        .await;
    let problem = assert_problem(r, 409).await;
    assert_eq!(
        problem["detail"],
        "tel:+12125550100 already belongs to acct:alice@example.com"
    );
    let r = app
        .admin()
        .try_create_subject(json!({"handle": "ALICE", "domain": "example.com"}))
        .await;
    let problem = assert_problem(r, 409).await;
    assert_eq!(problem["detail"], "acct:alice@example.com already exists");
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn bad_input_is_a_problem_and_stores_nothing() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.http.body_limit = 4096).await;
    app.admin().create_subject(alice()).await;
    let before = app.snapshot().await;
    let post = |body: String, content_type: &'static str| {
        app.as_admin(Method::POST, "/api/v1/subjects")
            .header("content-type", content_type)
            .body(body)
            .go()
    };
    // Malformed JSON.
    let p = assert_problem(post("{\"handle\": ".into(), "application/json").await, 400).await;
    assert!(
        p["detail"].as_str().unwrap().starts_with("malformed JSON"),
        "{p}"
    );
    // Unknown field, named.
    let p = assert_problem(
        post(
            r#"{"handle":"bob","domain":"example.com","colour":"blue"}"#.into(),
            "application/json",
        )
        .await,
        400,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("colour"), "{p}");
    // Wrong content type.
    let p = assert_problem(
        post("handle=bob".into(), "application/x-www-form-urlencoded").await,
        415,
    )
    .await;
    assert_eq!(p["field"], "Content-Type");
    // Oversized body.
    let big = format!(
        r#"{{"handle":"bob","domain":"example.com","display_name":"{}"}}"#,
        "x".repeat(8000)
    );
    assert_problem(post(big, "application/json").await, 413).await;
    // Invalid addresses and fields, named by path.
    for (body, field) in [
        (
            json!({"handle":"bob","domain":"example.com","addresses":[{"uri":"tel:12"}]}),
            "addresses[0].uri",
        ),
        (
            json!({"handle":"bob","domain":"example.com","addresses":[{"uri":"sip:bob@example.com"},{"uri":"foo:bar"}]}),
            "addresses[1].uri",
        ),
        (json!({"handle":"b o b","domain":"example.com"}), "handle"),
        (json!({"handle":"bob","domain":"127.0.0.1"}), "domain"),
        (
            json!({"handle":"bob","domain":"example.com","addresses":[{"uri":"sip:a@example.com"},{"uri":"SIP:a@EXAMPLE.com"}]}),
            "addresses[1].uri",
        ),
        (
            json!({"handle":"bob","domain":"example.com","addresses":[{"uri":"xmpp:bob@example.com","kind":"sip"}]}),
            "addresses[0].uri",
        ),
    ] {
        let p = assert_problem(post(body.to_string(), "application/json").await, 400).await;
        assert_eq!(p["field"], field, "{p}");
    }
    let p = assert_problem(
        post(json!({"handle":"bob","domain":"example.com","addresses":[{"uri":"x","visibility":"secret"}]}).to_string(), "application/json").await,
        400,
    )
    .await;
    assert!(
        p["field"].as_str().unwrap().starts_with("addresses[0]"),
        "{p}"
    );
    // Bad patches.
    let id = app.directory.get("acct:alice@example.com").unwrap().id;
    let id = &id.to_string();
    for (body, status) in [
        (json!({"version": 7}), 400),
        (json!({"handle": "no spaces"}), 400),
        (json!({"addresses": [{"uri": "tel:+1"}]}), 400),
    ] {
        let r = app.admin().try_patch_subject(id, None, body).await;
        assert_problem(r, status).await;
    }
    let r = app
        .admin()
        .try_patch_subject(id, Some("yesterday"), json!({}))
        .await;
    assert_eq!(assert_problem(r, 400).await["field"], "If-Match");
    assert_problem(
        app.as_admin(Method::GET, "/api/v1/subjects/not-a-uuid")
            .go()
            .await,
        404,
    )
    .await;
    assert_problem(
        app.as_admin(Method::GET, "/api/v1/subjects?limit=0")
            .go()
            .await,
        400,
    )
    .await;
    assert_problem(
        app.as_admin(Method::GET, "/api/v1/subjects?cursor=zz")
            .go()
            .await,
        400,
    )
    .await;
    assert_problem(
        app.as_admin(Method::GET, "/api/v1/subjects?q=a%20b")
            .go()
            .await,
        400,
    )
    .await;
    assert_problem(app.as_admin(Method::GET, "/api/v1/nowhere").go().await, 404).await;
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn search_by_any_address_and_page_with_a_cursor() {
    let app = TestApp::spawn().await;
    for i in 0..5 {
        app.admin().create_subject(json!({"handle": format!("user_{i}"), "domain": "example.org",
                          "addresses": [{"uri": format!("tel:+1617200000{i}")}, {"uri": format!("xmpp:user_{i}@example.org")}]}))
            .await;
    }
    app.admin()
        .create_subject(json!({"handle": "other", "domain": "example.org"}))
        .await;
    let app = &app;
    let get = |q: &str| {
        let path = format!("/api/v1/subjects?{q}");
        async move { app.admin().get(&path).await }
    };
    let page = get("q=xmpp:USER_3@Example.org").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["handle"], "user_3");
    let page = get("q=%2B1%20617%20200%200002").await;
    assert_eq!(page["items"][0]["handle"], "user_2");
    let page = get("q=acct:user_4@example.org").await;
    assert_eq!(page["items"][0]["handle"], "user_4");
    // Handle prefix with `_`, two per page.
    let mut seen = Vec::new();
    let mut query = "q=user_&limit=2".to_owned();
    loop {
        let page = get(&query).await;
        for s in page["items"].as_array().unwrap() {
            seen.push(s["handle"].as_str().unwrap().to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(c) => query = format!("q=user_&limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["user_0", "user_1", "user_2", "user_3", "user_4"]);
}

#[tokio::test]
async fn tokens_scopes_and_revocation() {
    let app = TestApp::spawn().await;
    // No token, an unknown token.
    let r = app.request(Method::GET, "/api/v1/subjects").go().await;
    assert_problem(r, 401).await;
    let r = app
        .request(Method::GET, "/api/v1/subjects")
        .bearer_auth("cs_nope")
        .go()
        .await;
    assert_problem(r, 401).await;
    // A lookup token is forbidden on admin routes.
    let lookup = app.admin().token("lookup").await;
    let r = app
        .request(Method::GET, "/api/v1/subjects")
        .bearer_auth(&lookup)
        .go()
        .await;
    assert_problem(r, 403).await;
    // An admin token works, is listed without its secret, and its writes carry its name.
    let admin = app.admin().token("admin").await;
    let r = app
        .request(Method::POST, "/api/v1/subjects")
        .bearer_auth(&admin)
        .json(&json!({"handle": "dave", "domain": "example.com"}))
        .go()
        .await;
    ok(r, 201).await;
    let audit = app.admin().get("/api/v1/audit?limit=1").await;
    assert_eq!(audit["items"][0]["actor"], "test-admin");
    let list = app.admin().get("/api/v1/tokens").await;
    let listed = list["items"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        !list.to_string().contains(&admin),
        "secrets are never listed"
    );
    let id = listed.iter().find(|t| t["name"] == "test-admin").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Revoked: refused at once.
    app.admin().revoke_token(&id).await;
    let r = app
        .request(Method::GET, "/api/v1/subjects")
        .bearer_auth(&admin)
        .go()
        .await;
    assert_problem(r, 401).await;
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&json!({"name": "", "scope": "admin"}))
        .go()
        .await;
    assert_eq!(assert_problem(r, 400).await["field"], "name");
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&json!({"name": "x", "scope": "root"}))
        .go()
        .await;
    assert_problem(r, 400).await;
}

#[tokio::test]
async fn writes_reach_the_directory_before_the_response() {
    let app = TestApp::spawn().await;
    let created = app.admin().create_subject(alice()).await;
    let s = app
        .directory
        .get("tel:+12125550100")
        .expect("in the directory at once");
    assert_eq!(s.id.to_string(), id(&created));
    app.admin().delete_subject(id(&created)).await;
    assert!(app.directory.get("tel:+12125550100").is_none());
}
