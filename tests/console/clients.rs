//! Unmodified JavaScript WebFinger clients — webfinger.js and
//! @fedify/webfinger, bundled as they are published into `tests/clients/dist`
//! by `tests/clients/build.sh` — run in Chromium against callsign over
//! HTTPS. The browser maps `example.com` to callsign's HTTPS port and
//! resolves nothing else; it trusts the test certificate by its key alone.
//! The page comes from another origin, so every answer also passes the
//! browser's CORS checks.

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use base64::Engine;
use rcgen::PublicKeyData;
use serde_json::{Value, json};
use sha2::Digest;

use crate::browser::Browser;
use crate::support::app::{Backend, TestApp};

const ISSUER: &str = "http://openid.net/specs/connect/1.0/issuer";
const AVATAR: &str = "http://webfinger.net/rel/avatar";
const PROFILE: &str = "http://webfinger.net/rel/profile-page";
const ROLE: &str = "http://example.com/ns/role";
const DESK: &str = "http://example.com/ns/desk";
const NAME: &str = "http://schema.org/name";

/// Alice publishes addresses of several kinds and links of every sort a
/// client looks for; some of each are for token holders or nobody.
fn alice() -> Value {
    json!({
        "handle": "alice", "domain": "example.com", "display_name": "Alice Example",
        "addresses": [
            {"uri": "tel:+12125550100", "priority": 10},
            {"uri": "sip:alice@example.com", "priority": 20},
            {"uri": "mailto:alice@example.com", "priority": 30},
            {"uri": "xmpp:alice@chat.example.com", "priority": 40, "visibility": "authenticated"},
            {"uri": "mailto:alice.private@example.com", "priority": 50, "visibility": "private"},
            {"uri": "sip:alice-desk@example.com", "priority": 60, "visibility": "private"}
        ],
        "links": [
            {"rel": ISSUER, "href": "https://login.example.com"},
            {"rel": AVATAR, "type": "image/png", "href": "https://example.com/alice.png"},
            {"rel": "self", "type": "application/activity+json",
             "href": "https://social.example.com/users/alice"},
            {"rel": PROFILE, "type": "text/html", "href": "https://example.com/~alice"},
            {"rel": "http://example.com/rel/calendar", "href": "https://example.com/cal/alice",
             "visibility": "authenticated"},
            {"rel": "http://example.com/rel/secret", "href": "https://example.com/secret",
             "visibility": "private"}
        ],
        "properties": {
            ROLE: "sales",
            DESK: {"value": "4.12", "visibility": "authenticated"},
            "http://example.com/ns/hidden": {"value": "x", "visibility": "private"}
        }
    })
}

/// callsign on HTTPS (and plain HTTP, for the admin API), Alice and two
/// subjects anonymous callers may not find, a page on another loopback
/// origin, and a browser that reaches only these.
struct Stage {
    app: TestApp,
    browser: Browser,
    page: SocketAddr,
    page_task: tokio::task::JoinHandle<()>,
    _certs: tempfile::TempDir,
}

impl Stage {
    async fn start() -> Option<Stage> {
        callsign::http::tls::install_crypto_provider();
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["example.com".to_owned()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (cert_file, key_file) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        std::fs::write(&cert_file, cert.pem()).unwrap();
        std::fs::write(&key_file, key.serialize_pem()).unwrap();
        let app = TestApp::spawn_with(Backend::Sqlite, |c| {
            c.https.listen = Some("127.0.0.1:0".parse().unwrap());
            c.tls.cert = Some(cert_file);
            c.tls.key = Some(key_file);
        })
        .await;
        app.admin().create_subject(alice()).await;
        for (handle, discoverable) in [("bob", json!(false)), ("dave", json!("authenticated"))] {
            app.admin()
                .create_subject(json!({
                    "handle": handle, "domain": "example.com", "display_name": handle,
                    "discoverable": discoverable,
                    "addresses": [{"uri": format!("sip:{handle}@example.com")}],
                    "links": [{"rel": ISSUER, "href": "https://login.example.com"}]
                }))
                .await;
        }

        let (page_task, page) = serve_page().await;
        // Chromium's SPKI pin: base64 of the SHA-256 of the key's SubjectPublicKeyInfo.
        let spki = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(key.subject_public_key_info()));
        let https = app.https.expect("an HTTPS listener");
        let browser = Browser::start_with(&[
            format!(
                "--host-resolver-rules=MAP example.com {https}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
            ),
            format!("--ignore-certificate-errors-spki-list={spki}"),
            "--no-proxy-server".to_owned(),
            "--disable-background-networking".to_owned(),
        ])
        .await?;
        browser.goto(&format!("http://{page}/")).await;
        Some(Stage {
            app,
            browser,
            page,
            page_task,
            _certs: dir,
        })
    }

    /// The page's function `name` called with `args`, awaited.
    async fn call(&self, name: &str, args: &[&str]) -> Value {
        let script = "const done = arguments[arguments.length - 1];
                      window[arguments[0]](...arguments[1]).then(done);";
        self.browser
            .client
            .execute_async(script, vec![json!(name), json!(args)])
            .await
            .unwrap_or_else(|e| panic!("{name}{args:?} in the page: {e}"))
    }

    /// What callsign answers an anonymous caller over plain HTTP.
    async fn jrd(&self, resource: &str) -> Value {
        self.app.webfinger(resource).await.expect("a JRD")
    }

    async fn stop(self) {
        self.browser.quit().await;
        self.page_task.abort();
        self.app.stop().await;
    }
}

/// The test page and the committed bundles on a free loopback port.
async fn serve_page() -> (tokio::task::JoinHandle<()>, SocketAddr) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients");
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let page = read("page.html");
    let script =
        |body: String| get(move || async move { ([(CONTENT_TYPE, "text/javascript")], body) });
    let router = Router::new()
        .route("/", get(move || async move { axum::response::Html(page) }))
        .route("/webfinger.js.js", script(read("dist/webfinger.js.js")))
        .route(
            "/fedify-webfinger.js",
            script(read("dist/fedify-webfinger.js")),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    (task, addr)
}

/// The `href` of every link in `jrd`.
fn hrefs(jrd: &Value) -> Vec<&str> {
    jrd["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|l| l["href"].as_str())
        .collect()
}

/// The links of `jrd` with relation `rel`.
fn with_rel<'a>(jrd: &'a Value, rel: &str) -> Vec<&'a Value> {
    jrd["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter(|l| l["rel"] == rel)
        .collect()
}

/// What an anonymous caller must see of Alice, field by field, in the JRD
/// a client handed back.
fn assert_alice(jrd: &Value) {
    assert_eq!(jrd["subject"], "acct:alice@example.com", "{jrd}");
    assert_eq!(
        jrd["aliases"],
        json!([
            "tel:+12125550100",
            "sip:alice@example.com",
            "mailto:alice@example.com"
        ]),
        "{jrd}"
    );
    assert_eq!(
        with_rel(jrd, ISSUER),
        [&json!({"rel": ISSUER, "href": "https://login.example.com"})]
    );
    assert_eq!(
        with_rel(jrd, AVATAR),
        [&json!({"rel": AVATAR, "type": "image/png", "href": "https://example.com/alice.png"})]
    );
    assert_eq!(
        with_rel(jrd, "self"),
        [&json!({"rel": "self", "type": "application/activity+json",
                 "href": "https://social.example.com/users/alice"})]
    );
    assert_eq!(
        jrd["properties"],
        json!({NAME: "Alice Example", ROLE: "sales"}),
        "{jrd}"
    );
    let hrefs = hrefs(jrd);
    for absent in [
        "xmpp:alice@chat.example.com",
        "mailto:alice.private@example.com",
        "sip:alice-desk@example.com",
        "https://example.com/cal/alice",
        "https://example.com/secret",
    ] {
        assert!(
            !hrefs.contains(&absent),
            "{absent} is not for anonymous callers: {jrd}"
        );
    }
}

#[tokio::test]
async fn webfinger_js_reads_alice_and_the_same_not_found_for_hidden_and_unknown() {
    let Some(stage) = Stage::start().await else {
        return;
    };
    let found = stage.call("webfingerJs", &["alice@example.com"]).await;
    assert!(found.get("error").is_none(), "{found}");
    let jrd = &found["object"];
    assert_alice(jrd);
    // The client hands back exactly what callsign serves.
    assert_eq!(jrd, &stage.jrd("acct:alice@example.com").await);
    // Its index: the avatar and the profile page under its short names.
    let idx = &found["idx"]["links"];
    assert_eq!(
        idx["avatar"][0]["href"], "https://example.com/alice.png",
        "{found}"
    );
    assert_eq!(idx["avatar"][0]["type"], "image/png");
    assert_eq!(idx["avatar"].as_array().unwrap().len(), 1);
    assert_eq!(
        idx["profile"][0]["href"], "https://example.com/~alice",
        "{found}"
    );
    // Its relation filter.
    let avatar = stage
        .call("webfingerJsLink", &["alice@example.com", "avatar"])
        .await;
    assert_eq!(
        avatar["link"]["href"], "https://example.com/alice.png",
        "{avatar}"
    );

    // Not discoverable, discoverable by token holders only, and unknown:
    // the client cannot tell them apart.
    let unknown = stage.call("webfingerJs", &["nobody@example.com"]).await;
    assert_eq!(
        unknown,
        json!({"error": {"name": "WebFingerError", "message": "resource not found", "status": 404}})
    );
    for hidden in ["bob@example.com", "dave@example.com"] {
        assert_eq!(
            stage.call("webfingerJs", &[hidden]).await,
            unknown,
            "{hidden}"
        );
    }
    stage.stop().await;
}

#[tokio::test]
async fn fedify_reads_alice_and_the_same_not_found_for_hidden_and_unknown() {
    let Some(stage) = Stage::start().await else {
        return;
    };
    let found = stage.call("fedify", &["acct:alice@example.com"]).await;
    assert_eq!(found["result"], "found", "{found}");
    assert_eq!(found["status"], 200);
    assert_alice(&found["jrd"]);
    assert_eq!(found["jrd"], stage.jrd("acct:alice@example.com").await);
    // The ActivityPub actor, the way a fediverse server picks it.
    let actor: Vec<&Value> = with_rel(&found["jrd"], "self")
        .into_iter()
        .filter(|l| l["type"] == "application/activity+json")
        .collect();
    assert_eq!(actor[0]["href"], "https://social.example.com/users/alice");
    // A public mail address finds the same document; a private one is unknown.
    let by_mail = stage.call("fedify", &["mailto:alice@example.com"]).await;
    assert_eq!(by_mail["jrd"], found["jrd"], "{by_mail}");
    // Left to its defaults, the client checks the server's addresses with
    // Node's resolver first; a page has none, so it finds nothing. This is
    // why the page passes `allowPrivateAddress`.
    assert_eq!(
        stage
            .call("fedifyByDefault", &["acct:alice@example.com"])
            .await,
        json!({"jrd": null, "result": "network_error", "status": null})
    );

    let unknown = stage.call("fedify", &["acct:nobody@example.com"]).await;
    assert_eq!(
        unknown,
        json!({"jrd": null, "result": "not_found", "status": 404})
    );
    for hidden in [
        "acct:bob@example.com",
        "acct:dave@example.com",
        "mailto:alice.private@example.com",
    ] {
        assert_eq!(stage.call("fedify", &[hidden]).await, unknown, "{hidden}");
    }
    stage.stop().await;
}

/// Neither client sends `rel`; an OpenID Connect relying party asks with
/// it (Tailscale-style), here from a page through the browser's fetch.
#[tokio::test]
async fn a_page_asking_for_the_issuer_gets_the_issuer_link_alone() {
    let Some(stage) = Stage::start().await else {
        return;
    };
    let url = format!(
        "https://example.com/.well-known/webfinger?resource=acct:alice@example.com&rel={ISSUER}"
    );
    let answer = stage.call("plainFetch", &[&url]).await;
    assert_eq!(answer["status"], 200, "{answer}");
    let jrd = &answer["body"];
    assert_eq!(jrd["subject"], "acct:alice@example.com");
    assert_eq!(
        jrd["links"],
        json!([{"rel": ISSUER, "href": "https://login.example.com"}])
    );
    let hidden = "https://example.com/.well-known/webfinger?resource=acct:bob@example.com";
    let unknown = "https://example.com/.well-known/webfinger?resource=acct:nobody@example.com";
    let (hidden, unknown) = (
        stage
            .call("plainFetch", &[&format!("{hidden}&rel={ISSUER}")])
            .await,
        stage
            .call("plainFetch", &[&format!("{unknown}&rel={ISSUER}")])
            .await,
    );
    assert_eq!(unknown, json!({"status": 404, "body": null}));
    assert_eq!(hidden, unknown);

    // Nothing but example.com resolves in this browser, not even the
    // name of the page's own server.
    let page = stage.page.port();
    let by_address = format!("http://127.0.0.1:{page}/");
    let by_name = format!("http://localhost:{page}/");
    assert_eq!(stage.call("reachable", &[&by_address]).await, "reached");
    assert_eq!(stage.call("reachable", &[&by_name]).await, "unreachable");
    stage.stop().await;
}

/// A page's request with a token is one the browser first asks the
/// server's permission for (a CORS preflight, `OPTIONS`); then token
/// holders' addresses and links are in the answer, private ones still not.
#[tokio::test]
async fn a_page_with_a_token_passes_the_preflight_and_sees_more() {
    let Some(stage) = Stage::start().await else {
        return;
    };
    let token = stage.app.admin().token("lookup").await;
    let url = "https://example.com/.well-known/webfinger?resource=acct:alice@example.com";
    let anonymous = stage.call("plainFetch", &[url]).await;
    let with_token = stage.call("plainFetch", &[url, &token]).await;
    assert_eq!(with_token["status"], 200, "{with_token}");
    let (anonymous, with_token) = (hrefs(&anonymous["body"]), hrefs(&with_token["body"]));
    for shown in [
        "xmpp:alice@chat.example.com",
        "https://example.com/cal/alice",
    ] {
        assert!(!anonymous.contains(&shown), "{anonymous:?}");
        assert!(with_token.contains(&shown), "{with_token:?}");
    }
    assert!(!with_token.contains(&"https://example.com/secret"));

    stage.stop().await;
}
