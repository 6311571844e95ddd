//! Number blocks in NDJSON import and export: `{"block": {...}}` lines,
//! stored through the one write path in the import's transaction, refused
//! whole with the line named, and an export that re-imports unchanged.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::ok;
use reqwest::Method;
use serde_json::{Value, json};

/// A block before its owner, an owner-less ported block, and the owner.
const LINES: &str = concat!(
    r#"{"block":{"prefix":"+49 30 1234","length":13,"owner":"acct:pbx@example.com","label":"Berlin office","templates":[{"uri":"sip:\\1@pbx.example.com"},{"uri":"xmpp:\\1@chat.example.com","visibility":"authenticated"}]}}"#,
    "\n",
    r#"{ "block": {"prefix":"+1 215 555","length":11,"routing_number":"+1 215 666 0199","discoverable":false,"templates":[{"uri":"sip:{number}@gw.example.net"}]}}"#,
    "\n",
    r#"{"handle":"pbx","domain":"example.com","display_name":"Berlin PBX","addresses":[{"uri":"sip:pbx@example.com"},{"uri":"tel:+4930123450000","routing_number":"+49 30 9990 0000"}]}"#,
    "\n",
);

async fn export(app: &TestApp) -> String {
    let r = app.as_admin(Method::GET, "/api/v1/export").go().await;
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

async fn round_trip(app: TestApp) {
    let report = ok(app.admin().import("", LINES).await, 200).await;
    assert_eq!(
        (
            &report["created"],
            &report["blocks_created"],
            &report["blocks_updated"]
        ),
        (&json!(1), &json!(2), &json!(0)),
        "{report}"
    );
    let blocks = app.admin().get("/api/v1/blocks").await;
    let items = blocks["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["prefix"], "+1215555");
    assert_eq!(items[0]["routing_number"], "+12156660199");
    assert_eq!(items[1]["owner"], "acct:pbx@example.com");
    // Answered like a block created through the API.
    let jrd = app.webfinger("tel:+4930123455123").await.unwrap();
    assert_eq!(jrd["subject"], "acct:pbx@example.com");
    let audit = app.admin().get("/api/v1/audit?limit=1").await;
    assert_eq!(audit["items"][0]["operation"], "block.import");

    // The export: subjects, then blocks, in the import format.
    let exported = export(&app).await;
    let lines: Vec<Value> = exported
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["handle"], "pbx");
    assert_eq!(
        lines[1],
        json!({"block": {"prefix": "+1215555", "length": 11, "visibility": "public",
            "discoverable": false, "routing_number": "+12156660199",
            "templates": [{"uri": "sip:{number}@gw.example.net", "visibility": "public"}]}})
    );
    assert_eq!(lines[2]["block"]["owner"], "acct:pbx@example.com");

    // Importing it again replaces each block by prefix: nothing changes.
    let report = ok(app.admin().import("", exported.clone()).await, 200).await;
    assert_eq!(
        (&report["updated"], &report["blocks_updated"]),
        (&json!(1), &json!(2))
    );
    assert_eq!(export(&app).await, exported);
    let versions: Vec<i64> = app.admin().get("/api/v1/blocks").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, [2, 2]);

    // And into an empty server, on the other backend too.
    let fresh = TestApp::spawn().await;
    ok(fresh.admin().import("", exported.clone()).await, 200).await;
    assert_eq!(export(&fresh).await, exported);
    fresh.stop().await;
    app.stop().await;
}

#[tokio::test]
async fn blocks_round_trip_on_sqlite() {
    round_trip(TestApp::spawn().await).await;
}

#[tokio::test]
async fn blocks_round_trip_on_postgres() {
    round_trip(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

/// Any bad block line refuses the whole import, subjects included, with
/// its line named; `skip_invalid` skips and counts it instead.
async fn all_or_nothing(app: TestApp) {
    let before = app.snapshot().await;
    let subject =
        r#"{"handle":"hank","domain":"example.com","addresses":[{"uri":"sip:hank@example.com"}]}"#;
    let block = |body: &str| format!("{subject}\n{{\"block\":{body}}}\n");
    let cases = [
        (
            block(r#"{"prefix":"4930","length":10,"templates":[{"uri":"sip:\\1@x.example.com"}]}"#),
            2,
            "block.prefix",
        ),
        (
            block(r#"{"prefix":"+4930","length":10,"templates":[{"uri":"sip:\\1@"}]}"#),
            2,
            "block.templates[0].uri",
        ),
        (
            block(
                r#"{"prefix":"+4930","length":10,"routing_number":"+1","templates":[{"uri":"sip:\\1@x.example.com"}]}"#,
            ),
            2,
            "block.routing_number",
        ),
        (
            block(
                r#"{"prefix":"+4930","length":10,"owner":"acct:nobody@example.com","templates":[{"uri":"sip:\\1@x.example.com"}]}"#,
            ),
            2,
            "acct:nobody@example.com",
        ),
        (
            block(r#"{"prefix":"+4930","templates":[{"uri":"sip:\\1@x.example.com"}]}"#),
            2,
            "block.length",
        ),
        (
            block(
                r#"{"prefix":"+4930","length":10,"templates":[{"uri":"sip:\\1@x.example.com"}],"extra":1}"#,
            ),
            2,
            "extra",
        ),
        (
            format!(
                "{}{}",
                block(
                    r#"{"prefix":"+4930","length":10,"templates":[{"uri":"sip:\\1@x.example.com"}]}"#
                ),
                r#"{"block":{"prefix":"+49 30","length":11,"templates":[{"uri":"sip:\\1@y.example.com"}]}}"#
            ),
            3,
            "line 2",
        ),
    ];
    for (body, line, says) in cases {
        let p = assert_problem(app.admin().import("", body.clone()).await, 400).await;
        assert_eq!(p["line"], line, "{body}");
        assert!(p["detail"].as_str().unwrap().contains(says), "{p}");
        assert_eq!(app.snapshot().await, before, "nothing stored: {body}");
    }
    // A block line whose prefix a stored block has is an update, not a
    // conflict; with skip_invalid, a bad block is counted and the rest stored.
    let r = app
        .admin()
        .import(
            "?skip_invalid=true",
            block(r#"{"prefix":"+4930","length":10,"owner":"acct:nobody@example.com","templates":[{"uri":"sip:\\1@x.example.com"}]}"#),
        )
        .await;
    let report = ok(r, 200).await;
    assert_eq!(
        (
            &report["created"],
            &report["blocks_created"],
            &report["skipped"]
        ),
        (&json!(1), &json!(0), &json!(1))
    );
    assert_eq!(report["skipped_lines"][0]["line"], 2);
    app.stop().await;
}

#[tokio::test]
async fn bad_block_lines_refuse_the_import_on_sqlite() {
    all_or_nothing(TestApp::spawn().await).await;
}

#[tokio::test]
async fn bad_block_lines_refuse_the_import_on_postgres() {
    all_or_nothing(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}
