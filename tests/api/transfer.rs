//! NDJSON import and export: over HTTP and from the command line.

use std::process::Command;

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::ok;
use reqwest::Method;
use serde_json::{Value, json};

const GOOD: &str = r#"{"handle":"u1","domain":"example.org","display_name":"User 1","addresses":[{"uri":"tel:+16172000000","visibility":"public","discoverable":true},{"uri":"sip:u1@example.org"},{"uri":"xmpp:u1@example.org","visibility":"private"}]}
{"handle":"u2","domain":"example.org","addresses":[{"uri":"tel:+16172000001"},{"uri":"mailto:u2@example.org","visibility":"authenticated"}]}
"#;

async fn import_story(app: TestApp) {
    let report = ok(app.admin().import("", GOOD).await, 200).await;
    assert_eq!(report["created"], 2);
    assert_eq!(report["updated"], 0);
    assert!(app.directory.get("xmpp:u1@example.org").is_some());

    // Upsert keyed by acct: u2 changes, version bumps, audit keeps the before.
    let again = r#"{"handle":"u2","domain":"example.org","display_name":"Two","addresses":[{"uri":"tel:+16172000001"}]}"#;
    let report = app.admin().import_report(again).await;
    assert_eq!(
        (report["created"].as_u64(), report["updated"].as_u64()),
        (Some(0), Some(1))
    );
    let u2 = app.directory.get("acct:u2@example.org").unwrap();
    assert_eq!(u2.version, 2);
    assert_eq!(u2.addresses.len(), 1);
    let audit = app.admin().get("/api/v1/audit?limit=1").await;
    assert_eq!(audit["items"][0]["operation"], "import");
    assert_eq!(
        audit["items"][0]["before"]["addresses"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A bad line: 400 naming the line, and nothing of the import stored.
    let before = app.snapshot().await;
    let bad = format!(
        "{GOOD}{{\"handle\":\"u3\",\"domain\":\"example.org\",\"addresses\":[{{\"uri\":\"tel:nope\"}}]}}\n"
    );
    let p = assert_problem(app.admin().import("", bad.clone()).await, 400).await;
    assert_eq!(p["line"], 3);
    assert!(
        p["detail"].as_str().unwrap().contains("tel:nope")
            || p["detail"].as_str().unwrap().contains("E.164"),
        "{p}"
    );
    assert_eq!(app.snapshot().await, before);

    // An address owned by another subject: rolled back too, or skipped on request.
    let clash = "{\"handle\":\"u4\",\"domain\":\"example.org\"}\n{\"handle\":\"u5\",\"domain\":\"example.org\",\"addresses\":[{\"uri\":\"sip:u1@example.org\"}]}\n";
    let p = assert_problem(app.admin().import("", clash).await, 400).await;
    assert_eq!(p["line"], 2);
    assert_eq!(app.snapshot().await, before);
    let skipping = format!("{clash}not json\n");
    let r = app.admin().import("?skip_invalid=true", skipping).await;
    let report = ok(r, 200).await;
    assert_eq!(report["created"], 1);
    assert_eq!(report["skipped"], 2);
    let lines: Vec<u64> = report["skipped_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&2) && lines.contains(&3), "{report}");

    // Duplicate acct within one file names both lines.
    let dup = "{\"handle\":\"u6\",\"domain\":\"example.org\"}\n{\"handle\":\"U6\",\"domain\":\"example.org\"}\n";
    let p = assert_problem(app.admin().import("", dup).await, 400).await;
    assert_eq!(p["line"], 2);
    assert!(p["detail"].as_str().unwrap().contains("line 1"));

    // Wrong content type.
    let r = app
        .as_admin(Method::POST, "/api/v1/import")
        .json(&json!({}))
        .go()
        .await;
    assert_problem(r, 415).await;

    // Export is the import format: it re-imports to the same directory.
    let r = app.as_admin(Method::GET, "/api/v1/export").go().await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/x-ndjson");
    let exported = r.text().await.unwrap();
    assert_eq!(exported.lines().count(), 3);
    let fresh = TestApp::spawn().await;
    let report: Value = fresh.admin().import_report(exported.clone()).await;
    assert_eq!(report["created"], 3);
    let again = fresh
        .as_admin(Method::GET, "/api/v1/export")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(again, exported);
}

#[tokio::test]
async fn import_and_export_on_sqlite() {
    import_story(TestApp::spawn().await).await;
}

#[tokio::test]
async fn import_and_export_on_postgres() {
    import_story(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

#[tokio::test]
async fn oversized_imports_are_refused() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.http.import_limit = 100).await;
    let before = app.snapshot().await;
    assert_problem(app.admin().import("", GOOD).await, 413).await;
    assert_eq!(app.snapshot().await, before);
}

fn callsign(db: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_callsign"));
    c.env("CALLSIGN_DATABASE_URL", db).env("RUST_LOG", "warn");
    c
}

#[test]
fn the_command_line_imports_exports_and_makes_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/cli.db", dir.path().display());
    let file = dir.path().join("in.ndjson");
    std::fs::write(&file, GOOD).unwrap();

    let out = callsign(&db)
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.starts_with("imported 2 subjects (2 created, 0 updated, 0 skipped)"),
        "{summary}"
    );

    let bad = dir.path().join("bad.ndjson");
    std::fs::write(
        &bad,
        "{\"handle\":\"z\",\"domain\":\"example.org\"}\n{\"handle\":\"y\"}\n",
    )
    .unwrap();
    let out = callsign(&db)
        .args(["import", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 2") && err.contains("nothing stored"),
        "{err}"
    );

    let out = callsign(&db)
        .args(["import", "--skip-invalid", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 created, 0 updated, 1 skipped")
    );

    let out = callsign(&db).arg("export").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("\"handle\":\"u1\"") && text.contains("\"visibility\":\"private\""));

    // Standard input.
    let mut child = callsign(&db)
        .args(["import", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("0 created, 3 updated")
    );

    let out = callsign(&db)
        .args(["token", "create", "--name", "ops", "--scope", "lookup"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let secret = String::from_utf8(out.stdout).unwrap();
    assert!(
        secret.trim().starts_with("cs_") && secret.trim().len() == 67,
        "{secret}"
    );
    let out = callsign(&db)
        .args(["token", "create", "--name", "ops", "--scope", "root"])
        .output()
        .unwrap();
    assert!(!out.status.success());

    let out = callsign(&db).arg("migrate").output().unwrap();
    assert!(out.status.success());
}

#[test]
fn unknown_configuration_keys_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, "[http]\nlisten = \"127.0.0.1:0\"\nlissen = 1\n").unwrap();
    let out = callsign("sqlite::memory:")
        .args(["--config", file.to_str().unwrap(), "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("lissen"));
}
