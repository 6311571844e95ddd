//! Number blocks through a real server: the admin API (create, read,
//! merge-patch, delete, bad input with an unchanged store), and WebFinger
//! for numbers inside a block.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::{id, ok};
use reqwest::Method;
use serde_json::{Value, json};

/// The block of the README: +49 30 1234 00000 – 99999 to the office PBX.
fn berlin() -> Value {
    json!({
        "prefix": "+49 30 1234", "length": 13, "owner": "acct:pbx@example.com",
        "label": "Berlin office", "visibility": "public", "discoverable": true,
        "templates": [
            {"uri": "sip:\\1@pbx.example.com"},
            {"uri": "xmpp:\\1@chat.example.com", "visibility": "authenticated"}
        ]
    })
}

async fn create_pbx(app: &TestApp) {
    app.admin()
        .create_subject(json!({"handle": "pbx", "domain": "example.com",
            "display_name": "Berlin PBX", "addresses": [{"uri": "sip:pbx@example.com"}]}))
        .await;
}

async fn try_create(app: &TestApp, body: &Value) -> reqwest::Response {
    app.as_admin(Method::POST, "/api/v1/blocks")
        .json(body)
        .go()
        .await
}

async fn crud_story(app: TestApp) {
    create_pbx(&app).await;
    let r = try_create(&app, &berlin()).await;
    assert_eq!(r.status(), 201);
    assert_eq!(r.headers()["etag"], "\"1\"");
    let created: Value = r.json().await.unwrap();
    assert_eq!(created["prefix"], "+49301234", "canonical E.164 prefix");
    assert_eq!(created["length"], 13);
    assert_eq!(created["owner"], "acct:pbx@example.com");
    assert_eq!(created["templates"][0]["uri"], "sip:\\1@pbx.example.com");
    assert_eq!(created["templates"][1]["visibility"], "authenticated");
    let path = format!("/api/v1/blocks/{}", id(&created));

    let read = app.admin().get(&path).await;
    assert_eq!(read, created);
    let list = app.admin().get("/api/v1/blocks").await;
    assert_eq!(list["items"], json!([created]));

    let patch = |tag: &str, body: Value| {
        app.as_admin(Method::PATCH, &path)
            .header("if-match", tag)
            .header("content-type", "application/merge-patch+json")
            .body(body.to_string())
    };
    let r = patch(
        "\"1\"",
        json!({"label": "Berlin HQ", "discoverable": false}),
    )
    .go()
    .await;
    assert_eq!(r.headers()["etag"], "\"2\"");
    let patched = ok(r, 200).await;
    assert_eq!(patched["label"], "Berlin HQ");
    assert_eq!(patched["discoverable"], false);
    assert_eq!(
        patched["templates"], created["templates"],
        "untouched members stay"
    );
    let problem = assert_problem(patch("\"1\"", json!({"label": "lost"})).go().await, 412).await;
    assert_eq!(problem["field"], "If-Match");

    // Each write is in the change log, as the audit shows it.
    let audit = app.admin().get("/api/v1/audit?limit=5").await;
    let operations: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["operation"].as_str().unwrap())
        .collect();
    assert_eq!(operations[..2], ["block.update", "block.create"]);

    let r = app
        .as_admin(Method::DELETE, &path)
        .header("if-match", "\"2\"")
        .go()
        .await;
    assert_eq!(r.status(), 204);
    assert_eq!(app.as_admin(Method::GET, &path).go().await.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn crud_on_sqlite() {
    crud_story(TestApp::spawn().await).await;
}

#[tokio::test]
async fn crud_on_postgres() {
    crud_story(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

/// Every refusal names its field and stores nothing.
#[tokio::test]
async fn bad_blocks_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    create_pbx(&app).await;
    let with = |change: Value| {
        let mut block = berlin();
        callsign::model::merge_patch(&mut block, &change);
        block
    };
    let cases = [
        (with(json!({"prefix": "49301234"})), "prefix"),
        (with(json!({"prefix": "+0"})), "prefix"),
        (with(json!({"length": 8})), "length"),
        (with(json!({"length": 16})), "length"),
        // Nine digits open without a length: more than the default 6.
        (with(json!({"prefix": "+493012", "length": null})), "length"),
        (with(json!({"owner": "acct:nobody@example.com"})), "owner"),
        (with(json!({"owner": "pbx"})), "owner"),
        (
            with(json!({"templates": [{"uri": "sip:\\1@pbx.example.com"}, {"uri": "sip:\\1@"}]})),
            "templates[1].uri",
        ),
        (
            with(json!({"templates": [{"uri": "mailto:fax\\1"}]})),
            "templates[0].uri",
        ),
        (with(json!({"templates": []})), "templates"),
    ];
    let before = app.snapshot().await;
    for (body, field) in cases {
        let problem = assert_problem(try_create(&app, &body).await, 400).await;
        assert_eq!(problem["field"], field, "{body}");
    }
    assert_eq!(app.snapshot().await, before, "nothing stored");
    assert_eq!(app.admin().get("/api/v1/blocks").await["items"], json!([]));

    // Six open digits need no length.
    let open = with(json!({"prefix": "+493012345", "length": null}));
    assert_eq!(try_create(&app, &open).await.status(), 201);
    // The same prefix again, spelt otherwise: a conflict.
    let again = with(json!({"prefix": "+49 (30) 12345", "length": null}));
    let problem = assert_problem(try_create(&app, &again).await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("+493012345"));
    // A shorter prefix around it nests.
    assert_eq!(try_create(&app, &berlin()).await.status(), 201);
    app.stop().await;
}

/// The links of a JRD, as (rel-less) hrefs in order.
fn hrefs(jrd: &Value) -> Vec<&str> {
    jrd["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["href"].as_str().unwrap())
        .collect()
}

/// A number inside a block answers WebFinger and lookup like a published
/// number: the owner as subject, the substituted addresses, the
/// authenticated template for token holders only.
#[tokio::test]
async fn block_numbers_answer_webfinger_and_lookup() {
    let app = TestApp::spawn().await;
    create_pbx(&app).await;
    assert_eq!(try_create(&app, &berlin()).await.status(), 201);

    let jrd = app.webfinger("tel:+4930123455123").await.expect("found");
    assert_eq!(jrd["subject"], "acct:pbx@example.com");
    assert_eq!(
        hrefs(&jrd),
        ["tel:+4930123455123", "sip:55123@pbx.example.com"]
    );
    // Any spelling of the number, canonicalised first.
    let spelt = app
        .webfinger("tel:%2B49-30-1234-55123")
        .await
        .expect("found");
    assert_eq!(spelt, jrd);
    // Not a number of the block: one digit too many or too few.
    assert_eq!(app.webfinger("tel:+49301234551234").await, None);
    assert_eq!(app.webfinger("tel:+493012345512").await, None);
    // The owner's own acct still answers with the owner's addresses.
    let owner = app.webfinger("acct:pbx@example.com").await.expect("owner");
    assert_eq!(hrefs(&owner), ["sip:pbx@example.com"]);

    let token = app.admin().token("lookup").await;
    let with_token = app
        .finger("resource=tel:%2B4930123455123")
        .bearer_auth(&token)
        .go()
        .await;
    let with_token: Value = with_token.json().await.unwrap();
    assert_eq!(
        hrefs(&with_token),
        [
            "tel:+4930123455123",
            "sip:55123@pbx.example.com",
            "xmpp:55123@chat.example.com"
        ]
    );

    let anonymous = app.lookup("address=tel:+4930123455123", None).await;
    assert_eq!(
        anonymous["subject"],
        json!({"id": "acct:pbx@example.com", "display_name": "Berlin PBX"})
    );
    assert!(!anonymous.to_string().contains("xmpp:"), "{anonymous}");
    let known = app.lookup("address=tel:+4930123455123", Some(&token)).await;
    assert!(
        known.to_string().contains("xmpp:55123@chat.example.com"),
        "{known}"
    );
    app.stop().await;
}

/// Without an owner a number is its own subject; an undiscoverable block
/// answers nobody.
#[tokio::test]
async fn unowned_and_hidden_block_numbers() {
    let app = TestApp::spawn().await;
    let mut unowned = berlin();
    unowned.as_object_mut().unwrap().remove("owner");
    let r = try_create(&app, &unowned).await;
    let block = ok(r, 201).await;
    let jrd = app.webfinger("tel:+4930123455123").await.expect("found");
    assert_eq!(jrd["subject"], "tel:+4930123455123");
    assert_eq!(jrd["properties"]["http://schema.org/name"], "Berlin office");
    let looked_up = app.lookup("address=tel:+4930123455123", None).await;
    assert_eq!(looked_up["subject"]["id"], "tel:+4930123455123");

    let path = format!("/api/v1/blocks/{}", id(&block));
    let r = app
        .as_admin(Method::PATCH, &path)
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"discoverable": false}"#)
        .go()
        .await;
    ok(r, 200).await;
    assert_eq!(app.webfinger("tel:+4930123455123").await, None);
    app.stop().await;
}

/// The owner of a block can be neither deleted nor renamed while it owns
/// it; once the block is gone it can.
async fn owners_story(app: TestApp) {
    create_pbx(&app).await;
    let block = ok(try_create(&app, &berlin()).await, 201).await;
    let owner = app
        .admin()
        .get("/api/v1/subjects?q=acct:pbx@example.com")
        .await;
    let owner_id = id(&owner["items"][0]).to_owned();

    let before = app.snapshot().await;
    let r = app.admin().try_delete_subject(&owner_id, None).await;
    let problem = assert_problem(r, 409).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("+49301234"),
        "{problem}"
    );
    let r = app
        .admin()
        .try_patch_subject(&owner_id, None, json!({"handle": "switchboard"}))
        .await;
    assert_problem(r, 409).await;
    assert_eq!(app.snapshot().await, before, "nothing stored");
    // Other changes to the owner are fine.
    app.admin()
        .patch_subject(&owner_id, json!({"display_name": "PBX"}))
        .await;

    let path = format!("/api/v1/blocks/{}", id(&block));
    assert_eq!(app.as_admin(Method::DELETE, &path).go().await.status(), 204);
    app.admin().delete_subject(&owner_id).await;
    app.stop().await;
}

#[tokio::test]
async fn owners_of_blocks_stay_on_sqlite() {
    owners_story(TestApp::spawn().await).await;
}

#[tokio::test]
async fn owners_of_blocks_stay_on_postgres() {
    owners_story(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}
