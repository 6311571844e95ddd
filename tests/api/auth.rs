//! Authentication and isolation on the open Internet: the bootstrap admin
//! token, empty bearer secrets, tenants on every directory channel, IPv6
//! rate-limit keys and token revocation.

use std::time::Duration;

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use callsign::config::Secret;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use reqwest::{Method, Response};
use serde_json::{Value, json};

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
    let (code, stderr) =
        crate::support::migrate_with(&[("CALLSIGN_ADMIN_TOKEN", "sixteen-chars-xx")]);
    assert_eq!(code, Some(0), "{stderr}");
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
    request.go().await
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

/// Alice (example.com) for a tenant configuration that serves example.com
/// only on `wf.example.com`.
async fn tenant_app() -> TestApp {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.tenants = "wf.example.com=example.com".parse().unwrap();
    })
    .await;
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com", "display_name": "Alice Example",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10},
                {"uri": "sip:alice@example.com", "priority": 20},
            ]
        }))
        .await;
    app
}

async fn lookup_on(app: &TestApp, host: &str, query: &str, token: Option<&str>) -> Response {
    let mut r = app
        .request(Method::GET, &format!("/api/v1/lookup?{query}"))
        .header("host", host);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.go().await
}

async fn status_and_body(r: Response) -> (u16, String) {
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn lookup_applies_the_webfinger_tenant_rule() {
    let app = tenant_app().await;
    let token = app.admin().token("lookup").await;
    // The tenant's own Host sees Alice through every channel.
    let finger = app
        .finger("resource=acct:alice@example.com")
        .header("host", "wf.example.com");
    assert_eq!(finger.go().await.status(), 200);
    let seen = lookup_on(&app, "wf.example.com", "address=tel:+12125550100", None).await;
    let seen: Value = seen.json().await.unwrap();
    assert_eq!(seen["subject"]["id"], "acct:alice@example.com");

    // Another Host: WebFinger says 404, and so does lookup, byte for byte
    // what an unknown key of the same domain answers.
    let finger = app
        .finger("resource=acct:alice@example.com")
        .header("host", "other.example");
    assert_eq!(finger.go().await.status(), 404);
    for token in [None, Some(token.as_str())] {
        for format in ["json", "vcard", "reach"] {
            let unknown = status_and_body(
                lookup_on(
                    &app,
                    "other.example",
                    &format!("address=acct:nobody@example.com&format={format}"),
                    token,
                )
                .await,
            )
            .await;
            assert_eq!(unknown.0, 404);
            for address in [
                "acct:alice@example.com",
                "sip:alice@example.com",
                "tel:+12125550100",
            ] {
                let hidden = status_and_body(
                    lookup_on(
                        &app,
                        "other.example",
                        &format!("address={address}&format={format}"),
                        token,
                    )
                    .await,
                )
                .await;
                assert_eq!(hidden, unknown, "{address} as {format}, token {token:?}");
            }
        }
    }

    // Batch: the hidden subject's answer is the unknown key's answer.
    let batch = |host: &'static str| {
        app.request(Method::POST, "/api/v1/lookup")
            .header("host", host)
            .bearer_auth(&token)
            .json(&json!({"addresses": ["tel:+12125550100", "tel:+12125550111"]}))
            .go()
    };
    let r = batch("other.example").await;
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    let mut hidden = body["results"][0].clone();
    let unknown = &body["results"][1];
    assert_eq!(hidden["query"], "tel:+12125550100");
    hidden["query"] = unknown["query"].clone();
    assert_eq!(&hidden, unknown);
    assert_eq!(hidden["subject"], Value::Null);
    assert_eq!(hidden["addresses"], json!([]));

    let r = batch("wf.example.com").await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["results"][0]["subject"]["id"],
        "acct:alice@example.com"
    );
}

/// A WebFinger request from `client` as forwarded by a trusted proxy.
async fn finger_from(app: &TestApp, client: &str) -> u16 {
    app.finger("resource=acct:nobody@example.com")
        .header("x-forwarded-for", client)
        .go()
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn ipv6_clients_are_limited_per_64() {
    const BURST: usize = 20;
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.rate_per_second = 1;
        c.webfinger.burst = BURST as u32;
        c.webfinger.trusted_proxies = "127.0.0.1".parse().unwrap();
    })
    .await;
    for _ in 0..BURST {
        assert_eq!(finger_from(&app, "2001:db8:1:2::1").await, 404);
    }
    // Another address of the same /64 draws from the bucket just emptied:
    // at one token a second, it cannot get a whole burst through.
    let mut refused = 0;
    for _ in 0..BURST {
        if finger_from(&app, "2001:db8:1:2:ffff:ffff:ffff:fffe").await == 429 {
            refused += 1;
        }
    }
    assert!(refused > 0, "a new /128 in the same /64 got a fresh burst");
    // The next /64 is another client.
    assert_eq!(finger_from(&app, "2001:db8:1:3::1").await, 404);
    // IPv4 clients are still told apart by their whole address.
    for _ in 0..BURST {
        assert_eq!(finger_from(&app, "192.0.2.1").await, 404);
    }
    assert_eq!(finger_from(&app, "192.0.2.2").await, 404);
}

#[tokio::test]
async fn a_revoked_token_is_refused_on_the_next_request() {
    let app = tenant_app().await;
    let created = app.admin().create_token("soon-revoked", "lookup").await;
    let secret = created["secret"].as_str().unwrap();
    let id = created["id"].as_str().unwrap();
    // Used once, so it sits in the token cache.
    let r = lookup_on(
        &app,
        "wf.example.com",
        "address=tel:+12125550100",
        Some(secret),
    )
    .await;
    assert_eq!(r.status(), 200);
    app.admin().revoke_token(id).await;
    let r = lookup_on(
        &app,
        "wf.example.com",
        "address=tel:+12125550100",
        Some(secret),
    )
    .await;
    assert_problem(r, 401).await;
}
