//! What the console refuses, over plain HTTP: no session, an unknown or
//! expired one, a lookup token; and the headers on every page.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::pages::{FormBody, Other, hidden, post_signin, signin_form};
use crate::support::app::{Backend, Go, TestApp};
use crate::support::server::id;
use callsign::service::tokens::hash_secret;
use callsign::store::ConsoleSession;

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn subject(app: &TestApp) -> String {
    let s = app
        .admin()
        .create_subject(json!({"handle": "bob", "domain": "example.com",
                               "addresses": [{"uri": "tel:+12125550111"}]}))
        .await;
    id(&s).to_owned()
}

#[tokio::test]
async fn without_a_session_every_page_and_form_leads_to_sign_in_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let sid = subject(&app).await;
    let before = app.snapshot().await;
    let client = no_redirects();
    for path in [
        "/admin",
        "/admin/subjects",
        "/admin/tokens",
        &format!("/admin/subjects/{sid}"),
    ] {
        let r = client.get(app.url(path)).go().await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(r.headers()["location"], "/admin/signin", "{path}");
    }
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    let address = stored["addresses"][0]["id"].as_str().unwrap().to_owned();
    for cookie in [None, Some("callsign_session=0123456789abcdef")] {
        let mut request = client
            .post(app.url(&format!("/admin/subjects/{sid}/addresses/{address}")))
            .form_body(&[("csrf", "x"), ("version", "1"), ("visibility", "private")]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let r = request.go().await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/admin/signin");
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_forged_form_token_is_refused_with_403() {
    let app = TestApp::spawn().await;
    let sid = subject(&app).await;
    let before = app.snapshot().await;
    let other = Other::sign_in(&app, crate::support::app::ADMIN).await;
    let page = format!("/admin/subjects/{sid}");
    let (csrf, version) = other.tokens_of(&page).await;
    for forged in ["", "forged", &csrf[..csrf.len() - 1]] {
        let r = other
            .post(
                &format!("{page}/name"),
                &[
                    ("csrf", forged),
                    ("version", &version),
                    ("display_name", "Mallory"),
                ],
            )
            .await;
        assert_eq!(r.status(), 403, "{forged:?}");
    }
    let r = other.post("/admin/signout", &[("csrf", "forged")]).await;
    assert_eq!(r.status(), 403);
    assert_eq!(app.snapshot().await, before);
    // The session's own token works.
    let r = other
        .post(
            &format!("{page}/name"),
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("display_name", "Bob"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn an_expired_session_leads_to_sign_in() {
    let app = TestApp::spawn().await;
    let now = Utc::now();
    app.store
        .create_session(&ConsoleSession {
            hash: hash_secret("expired-cookie"),
            token_id: None,
            actor: "bootstrap".into(),
            csrf: "c".into(),
            created_at: now - Duration::hours(9),
            expires_at: now - Duration::hours(1),
        })
        .await
        .unwrap();
    let r = no_redirects()
        .get(app.url("/admin/subjects"))
        .header("cookie", "callsign_session=expired-cookie")
        .go()
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/admin/signin");
}

#[tokio::test]
async fn sign_in_sets_a_strict_cookie_and_every_page_a_strict_policy() {
    let app = TestApp::spawn().await;
    let client = no_redirects();
    let r = client.get(app.url("/admin/signin")).go().await;
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    let page = r.text().await.unwrap();
    assert!(!page.contains("<script>"), "no inline script");
    assert!(!page.contains("style="), "no inline style");

    let r = post_signin(&client, &app, crate::support::app::ADMIN).await;
    assert_eq!(r.status(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    for part in [
        "callsign_session=",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/admin",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // Over plain HTTP the cookie cannot be Secure.
    assert!(!cookie.contains("Secure"), "{cookie}");
    // The database holds only the cookie value's hash.
    let value = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
    let (stored, _) = app
        .store
        .session(&hash_secret(value))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.hash, value);
    assert!(app.store.session(value).await.unwrap().is_none());
}

/// The `attr` values of the page's tags that have one under
/// `/admin/assets/`.
fn asset_urls(page: &str, attr: &str) -> Vec<String> {
    let key = format!("{attr}=\"/admin/assets/");
    page.match_indices(&key)
        .map(|(at, _)| {
            let rest = &page[at + attr.len() + 2..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn assets_have_content_hashed_urls_cached_for_good() {
    let app = TestApp::spawn().await;
    let client = no_redirects();
    let page = client
        .get(app.url("/admin/signin"))
        .go()
        .await
        .text()
        .await
        .unwrap();
    let mut urls = asset_urls(&page, "href");
    urls.extend(asset_urls(&page, "src"));
    assert_eq!(urls.len(), 2, "{page}");
    for url in &urls {
        // console.<16 hex digits>.css / .js
        let name = url.trim_start_matches("/admin/assets/");
        let parts: Vec<&str> = name.split('.').collect();
        assert_eq!(parts.len(), 3, "{url}");
        assert_eq!(parts[0], "console");
        assert!(
            parts[1].len() == 16 && parts[1].bytes().all(|b| b.is_ascii_hexdigit()),
            "{url}"
        );
        let r = client.get(app.url(url)).go().await;
        assert_eq!(r.status(), 200, "{url}");
        assert_eq!(
            r.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        let kind = r.headers()["content-type"].to_str().unwrap().to_owned();
        let body = r.bytes().await.unwrap();
        // The hash is of the bytes served.
        use sha2::Digest;
        let digest = hex::encode(sha2::Sha256::digest(&body));
        assert_eq!(&digest[..16], parts[1], "{url}");
        assert!(kind.starts_with(if parts[2] == "css" {
            "text/css"
        } else {
            "text/javascript"
        }));
        // Another hash of the same asset is not served.
        let stale = url.replace(parts[1], "0000000000000000");
        assert_eq!(client.get(app.url(&stale)).go().await.status(), 404);
    }
}

#[tokio::test]
async fn a_lookup_token_cannot_sign_in() {
    let app = TestApp::spawn().await;
    let token = app.admin().token("lookup").await;
    let r = post_signin(&no_redirects(), &app, &token).await;
    assert_eq!(r.status(), 401);
    assert!(r.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn a_session_works_on_a_second_replica_and_outlives_the_first() {
    let db = crate::support::pg::fresh_database().await;
    let url = db.url.clone();
    let first = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.database.url = callsign::config::Secret::new(&url);
    })
    .await;
    let other = Other::sign_in(&first, crate::support::app::ADMIN).await;
    let second = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.database.url = callsign::config::Secret::new(&url);
    })
    .await;
    // The same cookie on the other process.
    let r = no_redirects()
        .get(second.url("/admin/tokens"))
        .header("cookie", other.cookie())
        .go()
        .await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(hidden(&page, "csrf").is_some());
    first.stop().await;
    let r = no_redirects()
        .get(second.url("/admin/subjects"))
        .header("cookie", other.cookie())
        .go()
        .await;
    assert_eq!(r.status(), 200);
    second.stop().await;
    drop(db);
}

#[tokio::test]
async fn the_overview_shows_counts_zones_with_their_ds_and_recent_changes() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.dnssec = "e164.arpa".parse().unwrap();
    })
    .await;
    let sid = subject(&app).await;
    // Published: carol's number (it leads to her SIP address), not bob's
    // (a number alone has nothing to point to).
    app.admin()
        .create_subject(json!({"handle": "carol", "domain": "example.com",
                               "addresses": [{"uri": "tel:+12125550122"},
                                             {"uri": "sip:carol@example.com"}]}))
        .await;
    let keys = app.admin().get("/api/v1/dnssec/e164.arpa").await;
    let other = Other::sign_in(&app, crate::support::app::ADMIN).await;
    let r = other.get("/admin").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/admin/overview");
    let r = other.get("/admin/overview").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("<dd id=\"subject-count\">2</dd>"), "{page}");
    assert!(page.contains("<dd id=\"number-count\">1</dd>"), "{page}");
    let serial = app.store.last_serial().await.unwrap();
    assert!(
        page.contains(&format!("<dd id=\"serial\">{serial}</dd>")),
        "{page}"
    );
    assert!(page.contains(keys["ds"].as_str().unwrap()), "{page}");
    assert!(page.contains("subject.create"), "{page}");
    assert!(page.contains(&format!("/admin/subjects/{sid}")), "{page}");
}

#[tokio::test]
async fn switched_off_the_console_is_not_served() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.http.console = false).await;
    for path in [
        "/admin",
        "/admin/signin",
        "/admin/assets/console.0000000000000000.js",
    ] {
        let r = no_redirects().get(app.url(path)).go().await;
        assert_eq!(r.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_sign_in_form_not_from_this_browser_is_refused_with_403() {
    let app = TestApp::spawn().await;
    let client = no_redirects();
    // The form sets a strict pre-session cookie and echoes its value.
    let r = client.get(app.url("/admin/signin")).go().await;
    let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    for part in ["callsign_signin=", "HttpOnly", "SameSite=Strict"] {
        assert!(set.contains(part), "{set}");
    }
    let (cookie, csrf) = signin_form(&client, &app).await;
    let (other_cookie, other_csrf) = signin_form(&client, &app).await;
    assert_ne!(csrf, other_csrf);
    let admin = crate::support::app::ADMIN;
    let attempts: [(Option<&str>, &str); 5] = [
        // No cookie (a form posted from another site), with or without a token.
        (None, &csrf),
        (None, ""),
        // A cookie, but the form's token is missing, forged, or another browser's.
        (Some(&cookie), ""),
        (Some(&cookie), "forged"),
        (Some(&other_cookie), &csrf),
    ];
    for (cookie, token) in attempts {
        let mut request = client
            .post(app.url("/admin/signin"))
            .form_body(&[("signin_csrf", token), ("token", admin)]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let r = request.go().await;
        assert_eq!(r.status(), 403, "{cookie:?} {token:?}");
        assert!(
            r.headers()
                .get_all("set-cookie")
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("callsign_session=")),
            "no session"
        );
        let page = r.text().await.unwrap();
        assert!(page.contains("not from this browser"), "{page}");
    }
    // This browser's form: signed in, and the pre-session cookie cleared.
    let r = client
        .post(app.url("/admin/signin"))
        .header("cookie", &cookie)
        .form_body(&[("signin_csrf", &csrf), ("token", admin)])
        .go()
        .await;
    assert_eq!(r.status(), 303);
    let set: Vec<&str> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap())
        .collect();
    assert!(
        set.iter().any(|c| c.starts_with("callsign_session=")),
        "{set:?}"
    );
    assert!(
        set.iter()
            .any(|c| c.starts_with("callsign_signin=;") && c.contains("Max-Age=0")),
        "{set:?}"
    );
}
