//! WebFinger (RFC 7033) and host-meta through a real server and client.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::{jrd, observable};
use reqwest::Method;
use serde_json::{Value, json};

const SIP: &str = "https://callsign.dev/rel/sip";
const TEL: &str = "https://callsign.dev/rel/tel";
const XMPP: &str = "https://callsign.dev/rel/xmpp";
const PROFILE: &str = "http://webfinger.net/rel/profile-page";

async fn with_people(tweak: impl FnOnce(&mut callsign::config::Config)) -> TestApp {
    let app = TestApp::spawn_with(Backend::Sqlite, tweak).await;
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com", "display_name": "Alice Example",
            "addresses": [
                {"uri": "tel:+12125550100", "label": "work", "priority": 30},
                {"uri": "sip:alice@example.com", "priority": 10},
                {"uri": "xmpp:alice@example.com", "priority": 20},
                {"uri": "mailto:alice@example.com", "visibility": "authenticated", "priority": 40},
                {"uri": "xmpp:alice-secret@example.com", "visibility": "private"},
                {"uri": "sip:alice-hidden@example.com", "discoverable": false},
                {"uri": "https://example.com/~alice", "priority": 200},
            ]
        }))
        .await;
    app.admin().create_subject(json!({
        "handle": "carol", "domain": "example.net", "display_name": "Carol", "discoverable": false,
        "addresses": [{"uri": "sip:carol@example.net"}]
    }))
    .await;
    app.admin()
        .create_subject(json!({"handle": "ghost", "domain": "example.com",
                      "addresses": [{"uri": "tel:+12125550199", "visibility": "authenticated"}]}))
        .await;
    app
}

#[tokio::test]
async fn every_discoverable_address_finds_the_same_document() {
    let app = with_people(|_| {}).await;
    let expected = json!({
        "subject": "acct:alice@example.com",
        "aliases": ["sip:alice@example.com", "xmpp:alice@example.com", "tel:+12125550100",
                    "sip:alice-hidden@example.com", "https://example.com/~alice"],
        "properties": {"http://schema.org/name": "Alice Example"},
        "links": [
            {"rel": SIP, "href": "sip:alice@example.com"},
            {"rel": XMPP, "href": "xmpp:alice@example.com"},
            {"rel": TEL, "href": "tel:+12125550100", "titles": {"und": "work"}},
            {"rel": SIP, "href": "sip:alice-hidden@example.com"},
            {"rel": PROFILE, "href": "https://example.com/~alice"},
        ]
    });
    for resource in [
        "acct:alice@example.com",
        "acct%3AAlice%40Example.COM",
        "sip:alice@EXAMPLE.com",
        "sips:alice@example.com",
        "xmpp:ALICE@Example.com",
        "tel:+12125550100",
        "tel%3A%2B12125550100",
        "tel:+1-212-555-0100",
        "mailto:alice@example.com",
    ] {
        let r = app.finger(&format!("resource={resource}")).go().await;
        if resource.starts_with("sips:") || resource.starts_with("mailto:") {
            // sips:alice is not an address of hers; mailto is authenticated-only.
            assert_eq!(r.status(), 404, "{resource}");
            continue;
        }
        let body = jrd(r).await;
        assert_eq!(body["subject"], expected["subject"], "{resource}");
        assert_eq!(body["aliases"], expected["aliases"], "{resource}");
        assert_eq!(body["properties"], expected["properties"], "{resource}");
        assert_eq!(body["links"], expected["links"], "{resource}");
    }
}

#[tokio::test]
async fn rel_filters_links_only_and_links_are_always_present() {
    let app = with_people(|_| {}).await;
    let body = jrd(app
        .finger(&format!(
            "resource=acct:alice@example.com&rel={XMPP}&rel={PROFILE}"
        ))
        .go()
        .await)
    .await;
    let rels: Vec<&str> = body["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    assert_eq!(rels, [XMPP, PROFILE]);
    assert_eq!(
        body["aliases"].as_array().unwrap().len(),
        5,
        "aliases are not filtered"
    );
    let body = jrd(app
        .finger("resource=acct:alice@example.com&rel=http%3A%2F%2Fexample.com%2Fnone")
        .go()
        .await)
    .await;
    assert_eq!(body["links"], json!([]));
}

#[tokio::test]
async fn malformed_requests_are_400() {
    let app = with_people(|_| {}).await;
    for (query, field) in [
        ("", Some("resource")),
        ("rel=x", Some("resource")),
        ("resource=", Some("resource")),
        (
            "resource=acct:alice@example.com&resource=acct:bob@example.com",
            Some("resource"),
        ),
        ("resource=alice@example.com", Some("resource")),
        ("resource=tel:12345", Some("resource")),
        ("resource=acct%zz", None),
    ] {
        let r = app.finger(query).go().await;
        assert_eq!(r.headers()["access-control-allow-origin"], "*");
        let p = assert_problem(r, 400).await;
        if let Some(field) = field {
            assert_eq!(p["field"], field, "{query}: {p}");
        }
    }
}

#[tokio::test]
async fn hidden_and_unknown_keys_get_byte_identical_404s() {
    let app = with_people(|_| {}).await;
    let unknown = observable(app.finger("resource=xmpp:nobody@example.com").go().await).await;
    assert_eq!(unknown.0, 404);
    assert!(
        unknown
            .1
            .contains(&("access-control-allow-origin".into(), "*".into()))
    );
    for hidden in [
        "xmpp:alice-secret@example.com", // private
        "mailto:alice@example.com",      // authenticated, anonymous caller
        "acct:carol@example.net",        // subject not discoverable by acct
        "tel:+12125550199",              // the subject shows anonymous callers nothing
        "acct:ghost@example.com",
        "http://example.com/alice", // a scheme not served
        "foo:bar",
    ] {
        let r = app.finger(&format!("resource={hidden}")).go().await;
        assert_eq!(observable(r).await, unknown, "{hidden}");
    }
    // Carol's SIP address still finds her: only her acct is not a key.
    let body = app.webfinger("sip:carol@example.net").await.expect("found");
    assert_eq!(body["subject"], "acct:carol@example.net");
}

#[tokio::test]
async fn tokens_see_authenticated_addresses_and_bad_tokens_are_refused() {
    let app = with_people(|_| {}).await;
    let lookup = app.admin().token("lookup").await;
    let r = app
        .finger("resource=mailto:alice@example.com")
        .bearer_auth(&lookup)
        .go()
        .await;
    assert_eq!(r.headers()["cache-control"], "private, max-age=300");
    let body = jrd(r).await;
    assert!(
        body["aliases"]
            .as_array()
            .unwrap()
            .contains(&json!("mailto:alice@example.com"))
    );
    assert!(
        !body.to_string().contains("alice-secret"),
        "private never shows"
    );
    let r = app
        .finger("resource=acct:alice@example.com")
        .bearer_auth("cs_not_a_token")
        .go()
        .await;
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    assert_problem(r, 401).await;
}

#[tokio::test]
async fn caching_cors_head_and_options() {
    let app = with_people(|c| c.webfinger.max_age = 123).await;
    let r = app.finger("resource=acct:alice@example.com").go().await;
    assert_eq!(r.headers()["cache-control"], "public, max-age=123");
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "strong ETag");
    let r = app
        .finger("resource=tel:+12125550100")
        .header("if-none-match", &etag)
        .go()
        .await;
    assert_eq!(r.status(), 304, "same document by another key, same ETag");
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let r = app
        .request(
            Method::HEAD,
            "/.well-known/webfinger?resource=acct:alice@example.com",
        )
        .go()
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/jrd+json");
    assert!(r.bytes().await.unwrap().is_empty());
    let r = app
        .request(Method::OPTIONS, "/.well-known/webfinger")
        .header("origin", "https://app.example")
        .header("access-control-request-method", "GET")
        .go()
        .await;
    assert_eq!(r.status(), 204);
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    assert!(
        r.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("GET")
    );
    // A change shows at once and changes the ETag.
    let id = app.directory.get("acct:alice@example.com").unwrap().id;
    app.admin()
        .patch_subject(&id.to_string(), json!({"display_name": "Alice Renamed"}))
        .await;
    let r = app.finger("resource=acct:alice@example.com").go().await;
    assert_ne!(r.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(
        jrd(r).await["properties"]["http://schema.org/name"],
        "Alice Renamed"
    );
}

/// Anonymous answers are kept as bytes until the directory changes: the
/// same question gets the same bytes, and no change is ever missed.
#[tokio::test]
async fn kept_anonymous_answers_follow_every_change() {
    let app = with_people(|_| {}).await;
    let ask = async |token: Option<&str>| {
        let mut r = app.finger("resource=acct:alice@example.com");
        if let Some(token) = token {
            r = r.bearer_auth(token);
        }
        let r = r.go().await;
        assert_eq!(r.status(), 200);
        let etag = r.headers()["etag"].to_str().unwrap().to_owned();
        (etag, r.bytes().await.unwrap())
    };
    let uris = |body: &[u8]| -> Vec<String> {
        let jrd: Value = serde_json::from_slice(body).unwrap();
        jrd["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["href"].as_str().unwrap().to_owned())
            .collect()
    };
    let (etag, first) = ask(None).await;
    assert_eq!(ask(None).await, (etag.clone(), first.clone()));
    let r = app
        .finger("resource=acct:alice@example.com")
        .header("if-none-match", &etag)
        .go()
        .await;
    assert_eq!(r.status(), 304);
    // A token's view is its own, asked after the anonymous one.
    let lookup = app.admin().token("lookup").await;
    let (_, seen) = ask(Some(&lookup)).await;
    assert!(uris(&seen).contains(&"mailto:alice@example.com".to_owned()));
    assert!(!uris(&first).contains(&"mailto:alice@example.com".to_owned()));

    // An address made private.
    let alice = app.directory.get("acct:alice@example.com").unwrap();
    let sip = alice
        .addresses
        .iter()
        .find(|a| a.uri.as_str() == "sip:alice@example.com")
        .unwrap()
        .id;
    app.admin()
        .patch_address(
            &alice.id.to_string(),
            &sip.to_string(),
            json!({"visibility": "private"}),
        )
        .await;
    let (etag2, second) = ask(None).await;
    assert_ne!(etag2, etag);
    assert!(!uris(&second).contains(&"sip:alice@example.com".to_owned()));
    // A domain profile's link.
    let r = app
        .as_admin(Method::PUT, "/api/v1/domains/example.com")
        .json(
            &json!({"links": [{"rel": "http://openid.net/specs/connect/1.0/issuer",
                                 "href": "https://login.example.com"}]}),
        )
        .go()
        .await;
    assert!(r.status().is_success(), "{}", r.status());
    let (_, third) = ask(None).await;
    assert!(uris(&third).contains(&"https://login.example.com".to_owned()));
    // Kept or not, the bytes are the same.
    let uncached = with_people(|c| c.webfinger.answer_cache_mb = 0).await;
    let r = uncached
        .finger("resource=acct:alice@example.com")
        .go()
        .await;
    assert_eq!(r.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(r.bytes().await.unwrap(), first);
}

#[tokio::test]
async fn anonymous_callers_are_rate_limited_per_ip() {
    let app = with_people(|c| {
        c.webfinger.rate_per_second = 1;
        c.webfinger.burst = 3;
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            app.finger("resource=acct:alice@example.com")
                .go()
                .await
                .status(),
            200
        );
    }
    let r = app.finger("resource=acct:alice@example.com").go().await;
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry));
    assert_problem(r, 429).await;
    // Token holders are not limited.
    let lookup = app.admin().token("lookup").await;
    let r = app
        .finger("resource=acct:alice@example.com")
        .bearer_auth(&lookup)
        .go()
        .await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn tenants_see_only_their_domains() {
    let app = with_people(|c| {
        c.webfinger.tenants = "wf.example.com=example.com, wf.example.net=example.net"
            .parse()
            .unwrap();
    })
    .await;
    let ask = async |host: &str, resource: &str| {
        let query = format!("resource={resource}");
        app.finger(&query).header("host", host).go().await.status()
    };
    // The same question through each host, twice: each Host keeps its answer.
    assert_eq!(ask("wf.example.com", "acct:alice@example.com").await, 200);
    assert_eq!(ask("wf.example.net", "acct:alice@example.com").await, 404);
    assert_eq!(ask("wf.example.com", "acct:alice@example.com").await, 200);
    assert_eq!(ask("wf.example.com:8443", "tel:+12125550100").await, 200);
    assert_eq!(ask("wf.example.net", "acct:alice@example.com").await, 404);
    assert_eq!(ask("wf.example.net", "tel:+12125550100").await, 404);
    assert_eq!(ask("wf.example.net", "sip:carol@example.net").await, 200);
    assert_eq!(ask("other.example", "sip:carol@example.net").await, 404);
}

#[tokio::test]
async fn host_meta_in_xrd_and_json() {
    let app = TestApp::spawn().await;
    let r = app
        .request(Method::GET, "/.well-known/host-meta")
        .header("host", "example.com")
        .go()
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/xrd+xml");
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let xml = r.text().await.unwrap();
    assert!(xml.contains(r#"<Link rel="lrdd" type="application/jrd+json" template="http://example.com/.well-known/webfinger?resource={uri}"/>"#), "{xml}");
    for (path, accept) in [
        ("/.well-known/host-meta.json", "*/*"),
        ("/.well-known/host-meta", "application/json"),
    ] {
        let r = app
            .request(Method::GET, path)
            .header("host", "example.com")
            .header("accept", accept)
            .go()
            .await;
        assert_eq!(r.headers()["content-type"], "application/json");
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body,
            json!({"links": [{"rel": "lrdd", "type": "application/jrd+json",
                              "template": "http://example.com/.well-known/webfinger?resource={uri}"}]})
        );
    }
}

#[tokio::test]
async fn webfinger_over_https_with_a_test_ca() {
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
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, leaf.pem()).unwrap();
    std::fs::write(&key, leaf_key.serialize_pem()).unwrap();

    let app = with_people(|c| {
        c.https.listen = Some("127.0.0.1:0".parse().unwrap());
        c.tls.cert = Some(cert.clone());
        c.tls.key = Some(key.clone());
    })
    .await;
    let port = app.https.unwrap().port();
    let client = reqwest::Client::builder()
        .no_proxy()
        .tls_certs_only([reqwest::Certificate::from_pem(ca_cert.pem().as_bytes()).unwrap()])
        .resolve("localhost", app.https.unwrap())
        .build()
        .unwrap();
    let r = client
        .get(format!(
            "https://localhost:{port}/.well-known/webfinger?resource=acct:alice@example.com"
        ))
        .go()
        .await;
    let body = jrd(r).await;
    assert_eq!(body["subject"], "acct:alice@example.com");
    let xml = client
        .get(format!("https://localhost:{port}/.well-known/host-meta"))
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert!(
        xml.contains(&format!(
            "template=\"https://localhost:{port}/.well-known/webfinger"
        )),
        "{xml}"
    );
}
