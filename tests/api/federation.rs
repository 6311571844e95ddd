//! Trusted federation: A presents a credential (`resolver.credentials`) to
//! B's WebFinger over HTTPS, and shows what it brings back only to A's
//! callers in the credential's local audience (and admins). Two callsign
//! instances on loopback, B behind a test CA; fake HTTPS hosts record the
//! `Authorization` header they receive.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::support::app::{Backend, Go, TestApp};
use crate::support::server::{ok, uris};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum_server::tls_rustls::RustlsConfig;
use callsign::config::{Config, Credential, Secret};
use reqwest::Method;
use serde_json::json;

/// A test CA and a certificate for `localhost` it signed, as PEM files.
struct Pki {
    _dir: tempfile::TempDir,
    ca: PathBuf,
    cert: PathBuf,
    key: PathBuf,
}

fn pki() -> Pki {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    callsign::http::tls::install_crypto_provider();
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = (
        dir.path().join("ca.pem"),
        dir.path().join("cert.pem"),
        dir.path().join("key.pem"),
    );
    std::fs::write(&ca, ca_cert.pem()).unwrap();
    std::fs::write(&cert, leaf.pem()).unwrap();
    std::fs::write(&key, leaf_key.serialize_pem()).unwrap();
    Pki {
        _dir: dir,
        ca,
        cert,
        key,
    }
}

/// `host`'s credential: `token`, for the local audience `audience`.
fn credential(host: &str, audience: &str, token: &str) -> Credential {
    Credential {
        host: host.into(),
        audience: audience.into(),
        token: Some(Secret::new(token)),
        token_file: None,
    }
}

/// A resolver reaching only loopback, trusting the test CA.
fn resolving(c: &mut Config, pki: &Pki, hosts: &str, credentials: Vec<Credential>) {
    c.resolver.enabled = true;
    c.resolver.anonymous = true;
    c.resolver.enum_servers = "127.0.0.1:9".parse().unwrap();
    c.resolver.webfinger_hosts = hosts.parse().unwrap();
    c.resolver.ca_file = Some(pki.ca.clone());
    c.resolver.credentials = credentials.into();
    c.resolver.step_timeout_ms = 3000;
    c.resolver.total_timeout_ms = 8000;
}

async fn audience(app: &TestApp, name: &str) {
    let r = app
        .as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": name}))
        .go()
        .await;
    ok(r, 201).await;
}

/// A new lookup token in `audiences`: its secret.
async fn token_in(app: &TestApp, audiences: &[&str]) -> String {
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&json!({"name": "t", "scope": "lookup", "audiences": audiences}))
        .go()
        .await;
    ok(r, 201).await["secret"].as_str().unwrap().to_owned()
}

const PUBLIC: &str = "sip:carol@b.example";
const PARTNERS: &str = "xmpp:carol@b.example";
const PRIVATE: &str = "mailto:carol@b.example";

/// The addresses A's lookup of Carol's public address gives `token`.
async fn seen_by(a: &TestApp, token: Option<&str>) -> Vec<String> {
    let answer = a.lookup(&format!("address={PUBLIC}"), token).await;
    uris(&answer).into_iter().map(str::to_owned).collect()
}

#[tokio::test]
async fn partner_addresses_reach_only_the_credentials_audience() {
    let pki = pki();
    // B: Carol with a public, a partners-only and a private address, over
    // HTTPS; a lookup token of B's `partners` audience for A.
    let b = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.https.listen = Some("127.0.0.1:0".parse().unwrap());
        c.tls.cert = Some(pki.cert.clone());
        c.tls.key = Some(pki.key.clone());
    })
    .await;
    audience(&b, "partners").await;
    b.admin()
        .create_subject(json!({
            "handle": "carol", "domain": "b.example",
            "addresses": [
                {"uri": PUBLIC, "priority": 10},
                {"uri": PARTNERS, "priority": 20, "visibility": "audience:partners"},
                {"uri": PRIVATE, "priority": 30, "visibility": "private"},
            ]
        }))
        .await;
    let for_a = token_in(&b, &["partners"]).await;
    let port = b.https.unwrap().port();

    // A: B's token as its credential for b.example, for A's `partners`.
    let a = TestApp::spawn_with(Backend::Sqlite, |c| {
        let hosts = format!("b.example=https://localhost:{port}");
        resolving(
            c,
            &pki,
            &hosts,
            vec![credential("b.example", "partners", &for_a)],
        );
    })
    .await;
    audience(&a, "partners").await;
    audience(&a, "staff").await;
    let partner = token_in(&a, &["partners"]).await;
    let staff = token_in(&a, &["staff"]).await;
    let plain = a.admin().token("lookup").await;
    let admin = a.admin().token("admin").await;

    // A partner asks first, so the credentialed answer is in A's cache
    // before anyone else asks.
    assert_eq!(seen_by(&a, Some(&partner)).await, [PUBLIC, PARTNERS]);
    assert_eq!(seen_by(&a, None).await, [PUBLIC]);
    assert_eq!(seen_by(&a, Some(&plain)).await, [PUBLIC]);
    assert_eq!(seen_by(&a, Some(&staff)).await, [PUBLIC]);
    assert_eq!(seen_by(&a, Some(&admin)).await, [PUBLIC, PARTNERS]);
    // By the partner-only key itself, too.
    let by_key = |token: Option<String>| {
        let a = &a;
        async move {
            a.try_lookup(&format!("address={PARTNERS}"), token.as_deref())
                .await
        }
    };
    let got = ok(by_key(Some(partner.clone())).await, 200).await;
    assert!(uris(&got).contains(&PARTNERS), "{got}");
    // For everyone else, that key is unknown at B: what an unknown key
    // answers.
    let unknown = a
        .try_lookup("address=xmpp:nobody@b.example", Some(&plain))
        .await;
    let (status, body) = (unknown.status(), unknown.text().await.unwrap());
    for token in [None, Some(plain.clone())] {
        let r = by_key(token).await;
        assert_eq!(r.status(), status);
        let text = r.text().await.unwrap();
        assert_eq!(text.replace(PARTNERS, "xmpp:nobody@b.example"), body);
    }
    // Batch lookups and other formats follow the same view.
    let batch = a
        .try_lookup_batch(json!({"addresses": [PUBLIC]}), Some(&plain))
        .await;
    let text = ok(batch, 200).await.to_string();
    assert!(text.contains(PUBLIC) && !text.contains(PARTNERS), "{text}");
    let batch = a
        .try_lookup_batch(json!({"addresses": [PUBLIC]}), Some(&partner))
        .await;
    let text = ok(batch, 200).await.to_string();
    assert!(text.contains(PARTNERS), "{text}");
    let vcard = a
        .try_lookup(&format!("address={PUBLIC}&format=vcard"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        vcard.contains("carol") && !vcard.contains(PARTNERS),
        "{vcard}"
    );
    // A's WebFinger answers for its own people only: nothing of Carol's.
    for token in [None, Some(partner.as_str())] {
        let mut r = a.finger(&format!("resource={PARTNERS}"));
        if let Some(token) = token {
            r = r.bearer_auth(token);
        }
        assert_eq!(r.go().await.status(), 404);
    }
    // Nobody sees the private address through the credential.
    assert!(
        !seen_by(&a, Some(&admin))
            .await
            .contains(&PRIVATE.to_owned())
    );
}

/// What a fake HTTPS host received: the `Authorization` header of each
/// request (empty when there was none).
#[derive(Default)]
struct Seen(Mutex<Vec<String>>);

impl Seen {
    fn all(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// A WebFinger host over HTTPS (plain HTTP when `pki` is `None`) on
/// loopback: `answer` maps the port and the path-and-query to a response.
async fn fake_host(
    pki: Option<&Pki>,
    answer: impl Fn(&Uri) -> Response + Clone + Send + Sync + 'static,
) -> (u16, Arc<Seen>) {
    let seen = Arc::new(Seen::default());
    let handler = {
        let seen = seen.clone();
        move |uri: Uri, headers: HeaderMap| async move {
            let auth = headers
                .get(header::AUTHORIZATION)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            seen.0.lock().unwrap().push(auth);
            answer(&uri)
        }
    };
    let app = axum::Router::new().route("/.well-known/webfinger", axum::routing::get(handler));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    match pki {
        Some(pki) => {
            let tls = RustlsConfig::from_pem_file(&pki.cert, &pki.key)
                .await
                .unwrap();
            let server = axum_server::from_tcp_rustls(listener, tls).unwrap();
            tokio::spawn(async move { server.serve(app.into_make_service()).await });
        }
        None => {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            tokio::spawn(async move { axum::serve(listener, app).await });
        }
    }
    (port, seen)
}

fn jrd(uri: &Uri) -> Response {
    let resource = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "resource")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    (
        [(header::CONTENT_TYPE, "application/jrd+json")],
        json!({"subject": resource, "aliases": [resource], "links": []}).to_string(),
    )
        .into_response()
}

#[tokio::test]
async fn the_credential_goes_to_its_host_over_https_only_and_never_across_a_redirect() {
    let pki = pki();
    // `elsewhere`: another origin, which a redirect points to.
    let (elsewhere, elsewhere_seen) = fake_host(Some(&pki), jrd).await;
    let (redirecting, redirecting_seen) = fake_host(Some(&pki), move |uri| {
        let to = format!(
            "https://localhost:{elsewhere}{}",
            uri.path_and_query().unwrap()
        );
        (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, to)]).into_response()
    })
    .await;
    let (plain, plain_seen) = fake_host(None, jrd).await;
    let (other, other_seen) = fake_host(Some(&pki), jrd).await;
    let a = TestApp::spawn_with(Backend::Sqlite, |c| {
        let hosts = format!(
            "r.example=https://localhost:{redirecting},\
             h.example=http://127.0.0.1:{plain},\
             o.example=https://localhost:{other}"
        );
        resolving(
            c,
            &pki,
            &hosts,
            vec![
                credential("r.example", "partners", "r-token"),
                credential("h.example", "partners", "h-token"),
            ],
        );
    })
    .await;
    let admin = a.admin().token("admin").await;

    // Presented to its host, which redirects to another origin: the
    // redirect is refused, the token never reaches the other origin.
    let r = a
        .try_lookup("address=sip:x@r.example&remote=true", Some(&admin))
        .await;
    let text = r.text().await.unwrap();
    assert_eq!(redirecting_seen.all(), ["Bearer r-token"]);
    assert!(
        elsewhere_seen.all().iter().all(String::is_empty),
        "{:?}",
        elsewhere_seen.all()
    );
    assert!(text.contains("redirect"), "{text}");

    // Over plain HTTP a credential is never presented: the step is refused.
    let r = a
        .try_lookup("address=sip:x@h.example&remote=true", Some(&admin))
        .await;
    let text = r.text().await.unwrap();
    assert!(plain_seen.all().is_empty(), "{:?}", plain_seen.all());
    assert!(text.contains("https only"), "{text}");
    // An anonymous caller's lookup of the same host goes without it.
    a.lookup("address=sip:x@h.example&remote=true", None).await;
    assert_eq!(plain_seen.all(), [""]);

    // A host without a credential never sees one, even for an admin.
    let got = a
        .lookup("address=sip:x@o.example&remote=true", Some(&admin))
        .await;
    assert_eq!(uris(&got), ["sip:x@o.example"]);
    assert_eq!(other_seen.all(), [""]);
}
