//! Authentication and isolation on the open Internet: the bootstrap admin
//! token and empty bearer secrets.

mod support;

use std::time::Duration;

use callsign::config::Secret;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use reqwest::{Method, Response};
use serde_json::json;
use support::app::{Backend, TestApp, assert_problem};

/// `callsign serve` on free loopback ports with `CALLSIGN_ADMIN_TOKEN` set
/// to `token`; its exit status and standard error. A server that starts
/// anyway is stopped and reported as still running (status `None`).
async fn serve_with_admin_token(token: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args([
            "serve",
            "--http-listen",
            "127.0.0.1:0",
            "--dns-listen",
            "127.0.0.1:0",
        ])
        .env(
            "CALLSIGN_DATABASE_URL",
            format!("sqlite://{}/c.db", dir.path().display()),
        )
        .env("CALLSIGN_ADMIN_TOKEN", token)
        .env("CALLSIGN_LOG_FILTER", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    // A bound, not a readiness wait: a correct binary exits at once.
    let status = match tokio::time::timeout(Duration::from_secs(60), child.wait()).await {
        Ok(status) => status.unwrap().code(),
        Err(_) => {
            child.kill().await.unwrap();
            None
        }
    };
    let mut stderr = String::new();
    use tokio::io::AsyncReadExt;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .await
        .unwrap();
    (status, stderr)
}

#[tokio::test]
async fn an_empty_or_short_bootstrap_token_stops_startup() {
    for token in ["", "   ", "\t", "fifteen-chars-x", "  fifteen-chars-x  "] {
        let (status, stderr) = serve_with_admin_token(token).await;
        assert_eq!(status, Some(2), "token {token:?}: {stderr}");
        assert!(
            stderr.contains("admin_token") && stderr.contains("CALLSIGN_ADMIN_TOKEN"),
            "token {token:?}: {stderr}"
        );
        assert!(!stderr.contains(token.trim()) || token.trim().is_empty());
    }
}

#[test]
fn a_sixteen_character_bootstrap_token_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
        .arg("migrate")
        .env(
            "CALLSIGN_DATABASE_URL",
            format!("sqlite://{}/c.db", dir.path().display()),
        )
        .env("CALLSIGN_ADMIN_TOKEN", "sixteen-chars-xx")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `Authorization` exactly as given: over HTTP/2 a trailing space survives.
async fn with_authorization(
    client: &reqwest::Client,
    method: Method,
    url: String,
    authorization: &'static str,
) -> Response {
    let mut request = client
        .request(method.clone(), url)
        .header(AUTHORIZATION, HeaderValue::from_static(authorization));
    if method == Method::POST {
        request = request.json(&json!({"name": "intruder", "scope": "admin"}));
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn an_empty_bearer_secret_never_verifies() {
    // An embedder could still build a configuration with an empty token
    // (only `Config::load` refuses it): the presented secret is the guard.
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.admin_token = Some(Secret::new(""));
    })
    .await;
    let h1 = reqwest::Client::builder()
        .no_proxy()
        .http1_only()
        .build()
        .unwrap();
    let h2 = reqwest::Client::builder()
        .no_proxy()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    for (protocol, client) in [("HTTP/1.1", &h1), ("HTTP/2", &h2)] {
        for authorization in ["Bearer ", "Bearer    ", "bearer \t"] {
            for method in [Method::GET, Method::POST] {
                let r = with_authorization(
                    client,
                    method.clone(),
                    app.url("/api/v1/tokens"),
                    authorization,
                )
                .await;
                let expected = if protocol == "HTTP/2" {
                    reqwest::Version::HTTP_2
                } else {
                    reqwest::Version::HTTP_11
                };
                assert_eq!(r.version(), expected);
                assert_eq!(
                    r.status(),
                    401,
                    "{protocol} {method} {authorization:?} must not verify"
                );
                assert_problem(r, 401).await;
            }
        }
    }
    assert!(app.store.tokens().await.unwrap().is_empty());
}
