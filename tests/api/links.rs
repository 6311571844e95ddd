//! WebFinger links and properties of subjects and domains, the relation
//! types of address links, and XMPP endpoints in host-meta (XEP-0156).

use crate::support::app::{ADMIN, Backend, Go, TestApp, assert_problem};
use crate::support::server::{id, jrd, ok};
use reqwest::Method;
use serde_json::{Value, json};

const ISSUER: &str = "http://openid.net/specs/connect/1.0/issuer";
const AVATAR: &str = "http://webfinger.net/rel/avatar";
const ROLE: &str = "http://example.com/ns/role";
const DESK: &str = "http://example.com/ns/desk";
const NAME: &str = "http://schema.org/name";

fn alice() -> Value {
    json!({
        "handle": "alice", "domain": "example.com", "display_name": "Alice",
        "addresses": [{"uri": "sip:alice@example.com"}],
        "links": [
            {"rel": ISSUER, "href": "https://login.example.com"},
            {"rel": AVATAR, "type": "image/png", "href": "https://example.com/alice.png",
             "titles": {"en": "Alice's face"}},
            {"rel": "self", "type": "application/activity+json",
             "href": "https://social.example.com/users/alice", "visibility": "authenticated",
             "properties": {"http://example.com/ns/kind": null}},
            {"rel": "http://example.com/rel/secret", "href": "https://example.com/secret",
             "visibility": "private"}
        ],
        "properties": {
            ROLE: "sales",
            DESK: {"value": "4.12", "visibility": "authenticated"},
            "http://example.com/ns/empty": null,
            "http://example.com/ns/hidden": {"value": "x", "visibility": "private"}
        }
    })
}

async fn finger(app: &TestApp, query: &str, token: Option<&str>) -> Value {
    let mut request = app.finger(query);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    jrd(request.go().await).await
}

async fn put_domain(app: &TestApp, domain: &str, body: Value) -> reqwest::Response {
    app.as_admin(Method::PUT, &format!("/api/v1/domains/{domain}"))
        .json(&body)
        .go()
        .await
}

#[tokio::test]
async fn the_jrd_carries_visible_links_and_properties_after_the_addresses() {
    let app = TestApp::spawn().await;
    let created = app.admin().create_subject(alice()).await;
    // The subject's JSON keeps them as given (public properties in short form).
    assert_eq!(created["links"].as_array().unwrap().len(), 4);
    assert_eq!(created["links"][1]["titles"], json!({"en": "Alice's face"}));
    assert_eq!(created["links"][0]["visibility"], "public");
    assert_eq!(created["properties"][ROLE], "sales");
    assert_eq!(
        created["properties"][DESK],
        json!({"value": "4.12", "visibility": "authenticated"})
    );
    assert_eq!(
        app.admin()
            .get(&format!("/api/v1/subjects/{}", id(&created)))
            .await,
        created
    );

    let anonymous = finger(&app, "resource=acct:alice@example.com", None).await;
    assert_eq!(
        anonymous["links"],
        json!([
            {"rel": "https://callsign.dev/rel/sip", "href": "sip:alice@example.com"},
            {"rel": ISSUER, "href": "https://login.example.com"},
            {"rel": AVATAR, "type": "image/png", "href": "https://example.com/alice.png",
             "titles": {"en": "Alice's face"}},
        ])
    );
    assert_eq!(
        anonymous["properties"],
        json!({NAME: "Alice", ROLE: "sales", "http://example.com/ns/empty": null})
    );

    let lookup = app.admin().token("lookup").await;
    for token in [lookup.as_str(), ADMIN] {
        let seen = finger(&app, "resource=sip:alice@example.com", Some(token)).await;
        assert_eq!(
            seen["links"][3],
            json!({"rel": "self", "type": "application/activity+json",
                   "href": "https://social.example.com/users/alice",
                   "properties": {"http://example.com/ns/kind": null}})
        );
        // Private entries are for the admin API only, whatever the token.
        assert_eq!(seen["links"].as_array().unwrap().len(), 4, "{seen}");
        assert_eq!(
            seen["properties"],
            json!({NAME: "Alice", ROLE: "sales", DESK: "4.12", "http://example.com/ns/empty": null})
        );
    }
}

#[tokio::test]
async fn a_rel_filter_returns_exactly_the_issuer_link() {
    let app = TestApp::spawn().await;
    app.admin().create_subject(alice()).await;
    let query = format!("resource=acct:alice@example.com&rel={ISSUER}");
    let body = finger(&app, &query, None).await;
    assert_eq!(
        body["links"],
        json!([{"rel": ISSUER, "href": "https://login.example.com"}])
    );
    // Encoded the way clients send it, too.
    let encoded = "resource=acct%3Aalice%40example.com&rel=http%3A%2F%2Fopenid.net%2Fspecs%2Fconnect%2F1.0%2Fissuer";
    assert_eq!(finger(&app, encoded, None).await["links"], body["links"]);
    // Filtering by a hidden link's rel shows nothing, as for an unknown rel.
    let hidden = finger(&app, "resource=acct:alice@example.com&rel=self", None).await;
    assert_eq!(hidden["links"], json!([]));
}

#[tokio::test]
async fn domain_defaults_apply_unless_the_subject_overrides_them() {
    let app = TestApp::spawn().await;
    let alice = app.admin().create_subject(alice()).await;
    app.admin()
        .create_subject(json!({"handle": "bob", "domain": "example.com",
                               "addresses": [{"uri": "sip:bob@example.com"}]}))
        .await;
    app.admin()
        .create_subject(json!({"handle": "carol", "domain": "example.org",
                               "addresses": [{"uri": "sip:carol@example.org"}],
                               "links": [{"rel": AVATAR, "href": "https://example.org/c.png",
                                          "visibility": "private"}]}))
        .await;
    let defaults = json!({
        "links": [
            {"rel": ISSUER, "href": "https://sso.example.com"},
            {"rel": "http://example.com/rel/help", "href": "https://help.example.com"}
        ],
        "properties": {ROLE: "staff", "http://example.com/ns/org": "Example Inc."}
    });
    let r = put_domain(&app, "Example.COM", defaults.clone()).await;
    assert_eq!(r.headers()["etag"], "\"1\"");
    assert_eq!(r.headers()["location"], "/api/v1/domains/example.com");
    let created = ok(r, 201).await;
    assert_eq!(created["domain"], "example.com");
    assert_eq!(created["version"], 1);

    // Bob has nothing of his own: the domain's entries are his.
    let bob = finger(&app, "resource=acct:bob@example.com", None).await;
    assert_eq!(
        bob["links"],
        json!([
            {"rel": "https://callsign.dev/rel/sip", "href": "sip:bob@example.com"},
            {"rel": ISSUER, "href": "https://sso.example.com"},
            {"rel": "http://example.com/rel/help", "href": "https://help.example.com"},
        ])
    );
    assert_eq!(
        bob["properties"],
        json!({NAME: "", ROLE: "staff", "http://example.com/ns/org": "Example Inc."})
    );
    // Alice's own issuer and role win over the domain's.
    let a = finger(&app, "resource=acct:alice@example.com", None).await;
    let rels: Vec<(&str, &str)> = a["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["rel"].as_str().unwrap(), l["href"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rels,
        [
            ("https://callsign.dev/rel/sip", "sip:alice@example.com"),
            (ISSUER, "https://login.example.com"),
            (AVATAR, "https://example.com/alice.png"),
            ("http://example.com/rel/help", "https://help.example.com"),
        ]
    );
    assert_eq!(a["properties"][ROLE], "sales");
    assert_eq!(a["properties"]["http://example.com/ns/org"], "Example Inc.");
    // The rel filter sees through defaults the same way.
    let only = finger(
        &app,
        &format!("resource=acct:bob@example.com&rel={ISSUER}"),
        None,
    )
    .await;
    assert_eq!(
        only["links"],
        json!([{"rel": ISSUER, "href": "https://sso.example.com"}])
    );
    // Another domain's subject is untouched.
    let carol = finger(&app, "resource=acct:carol@example.org", None).await;
    assert_eq!(carol["links"].as_array().unwrap().len(), 1);

    // A subject's private link with a default's rel hides the default for it.
    app.admin()
        .patch_subject(
            id(&alice),
            json!({"links": [{"rel": ISSUER, "href": "https://login.example.com", "visibility": "private"}]}),
        )
        .await;
    let a = finger(
        &app,
        &format!("resource=acct:alice@example.com&rel={ISSUER}"),
        None,
    )
    .await;
    assert_eq!(a["links"], json!([]));

    // Read, list, replace under If-Match, delete.
    let read = app.admin().get("/api/v1/domains/example.com").await;
    assert_eq!(read, created);
    let list = app.admin().get("/api/v1/domains").await;
    assert_eq!(list["items"], json!([created]));
    let stale = app
        .as_admin(Method::PUT, "/api/v1/domains/example.com")
        .header("if-match", "\"7\"")
        .json(&json!({}))
        .go()
        .await;
    assert_problem(stale, 412).await;
    let replaced = app
        .as_admin(Method::PUT, "/api/v1/domains/example.com")
        .header("if-match", "\"1\"")
        .json(&json!({"properties": {ROLE: "crew"}}))
        .go()
        .await;
    let replaced = ok(replaced, 200).await;
    assert_eq!(replaced["version"], 2);
    assert_eq!(replaced["links"], json!([]));
    let bob = finger(&app, "resource=acct:bob@example.com", None).await;
    assert_eq!(bob["links"].as_array().unwrap().len(), 1);
    assert_eq!(bob["properties"][ROLE], "crew");
    let r = app
        .as_admin(Method::DELETE, "/api/v1/domains/example.com")
        .go()
        .await;
    assert_eq!(r.status(), 204);
    let bob = finger(&app, "resource=acct:bob@example.com", None).await;
    assert_eq!(bob["properties"], json!({NAME: ""}));
    let gone = app
        .as_admin(Method::GET, "/api/v1/domains/example.com")
        .go()
        .await;
    assert_problem(gone, 404).await;
    let r = app
        .as_admin(Method::DELETE, "/api/v1/domains/example.com")
        .go()
        .await;
    assert_problem(r, 404).await;
    // Only admins manage domains.
    let lookup = app.admin().token("lookup").await;
    let r = app
        .request(Method::GET, "/api/v1/domains")
        .bearer_auth(lookup)
        .go()
        .await;
    assert_problem(r, 403).await;

    // Every change is in the audit log.
    let audit = app.admin().get("/api/v1/audit?limit=10").await;
    let operations: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["operation"].as_str().unwrap())
        .filter(|o| o.starts_with("domain."))
        .collect();
    assert_eq!(
        operations,
        ["domain.delete", "domain.update", "domain.create"]
    );
}

#[tokio::test]
async fn invalid_links_and_properties_are_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let with = |links: Value, properties: Value| {
        json!({"handle": "dave", "domain": "example.com",
               "addresses": [{"uri": "sip:dave@example.com"}],
               "links": links, "properties": properties})
    };
    let cases = [
        (
            with(
                json!([{"rel": "self", "href": "javascript:alert(1)"}]),
                json!({}),
            ),
            "links[0].href",
        ),
        (
            with(
                json!([{"rel": "self", "href": "https://ok.example"}, {"rel": "self", "href": "data:text/html,x"}]),
                json!({}),
            ),
            "links[1].href",
        ),
        (
            with(
                json!([{"rel": "Not A Rel", "href": "https://ok.example"}]),
                json!({}),
            ),
            "links[0].rel",
        ),
        (
            with(
                json!([{"rel": "lrdd", "template": "https://ok.example/wf"}]),
                json!({}),
            ),
            "links[0].template",
        ),
        (with(json!([{"rel": "self"}]), json!({})), "links[0].href"),
        (
            with(
                json!([{"rel": "self", "href": "https://ok.example", "type": "png"}]),
                json!({}),
            ),
            "links[0].type",
        ),
        (with(json!([]), json!({"role": "sales"})), "properties.role"),
        (
            with(json!([]), json!({NAME: "Dave"})),
            "properties.http://schema.org/name",
        ),
    ];
    for (body, field) in cases {
        let r = app.admin().try_create_subject(body.clone()).await;
        let problem = assert_problem(r, 400).await;
        assert_eq!(problem["field"], field, "{body}");
    }
    let r = app
        .admin()
        .try_create_subject(with(
            json!([{"rel": "self", "href": "https://ok.example", "colour": "red"}]),
            json!({}),
        ))
        .await;
    assert_problem(r, 400).await;
    // Nothing was stored.
    assert!(app.webfinger("acct:dave@example.com").await.is_none());
    let list = app.admin().get("/api/v1/subjects").await;
    assert_eq!(list["items"], json!([]));

    // The same rules for patches and domains.
    let dave = app.admin().create_subject(with(json!([]), json!({}))).await;
    let r = app
        .admin()
        .try_patch_subject(
            id(&dave),
            None,
            json!({"links": [{"rel": "self", "href": "file:///etc/passwd"}]}),
        )
        .await;
    assert_eq!(assert_problem(r, 400).await["field"], "links[0].href");
    for (body, field) in [
        (
            json!({"xmpp_websocket": "https://xmpp.example.com/ws"}),
            "xmpp_websocket",
        ),
        (json!({"xmpp_bosh": "javascript:x"}), "xmpp_bosh"),
        (
            json!({"links": [{"rel": "self", "href": "vbscript:x"}]}),
            "links[0].href",
        ),
        (json!({"properties": {"x": "y"}}), "properties.x"),
    ] {
        let problem =
            assert_problem(put_domain(&app, "example.com", body.clone()).await, 400).await;
        assert_eq!(problem["field"], field, "{body}");
    }
    let problem = assert_problem(put_domain(&app, "not_a_domain", json!({})).await, 400).await;
    assert_eq!(problem["field"], "domain");
    assert_problem(
        app.as_admin(Method::GET, "/api/v1/domains/example.com")
            .go()
            .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn merge_patches_replace_links_and_merge_properties() {
    let app = TestApp::spawn().await;
    let alice = app.admin().create_subject(alice()).await;
    let patched = app
        .admin()
        .patch_subject(
            id(&alice),
            json!({"properties": {ROLE: null, "http://example.com/ns/empty": {"value": null},
                                  "http://example.com/ns/team": "north"}}),
        )
        .await;
    let names: Vec<&String> = patched["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        [
            DESK,
            "http://example.com/ns/empty",
            "http://example.com/ns/hidden",
            "http://example.com/ns/team"
        ]
    );
    assert_eq!(
        patched["links"].as_array().unwrap().len(),
        4,
        "links untouched"
    );
    let patched = app
        .admin()
        .patch_subject(id(&alice), json!({"links": null, "properties": null}))
        .await;
    assert!(
        patched.get("links").is_none() && patched.get("properties").is_none(),
        "{patched}"
    );
    let jrd = finger(&app, "resource=acct:alice@example.com", None).await;
    assert_eq!(jrd["properties"], json!({NAME: "Alice"}));
    assert_eq!(jrd["links"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn links_and_properties_survive_export_and_import() {
    let app = TestApp::spawn_with(Backend::Postgres, |_| {}).await;
    let created = app.admin().create_subject(alice()).await;
    let exported = app
        .as_admin(Method::GET, "/api/v1/export")
        .go()
        .await
        .text()
        .await
        .unwrap();
    let line: Value = serde_json::from_str(exported.lines().next().unwrap()).unwrap();
    assert_eq!(line["links"], created["links"]);
    assert_eq!(line["properties"], created["properties"]);
    let fresh = TestApp::spawn().await;
    let report: Value = fresh.admin().import_report(exported.clone()).await;
    assert_eq!(report["created"], 1);
    let again = fresh
        .as_admin(Method::GET, "/api/v1/export")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(again, exported);
    assert_eq!(
        finger(&fresh, "resource=acct:alice@example.com", None).await,
        finger(&app, "resource=acct:alice@example.com", None).await
    );
    // An import replaces them like any other field.
    let mut changed = line.clone();
    changed["links"] = json!([{"rel": ISSUER, "href": "https://id.example.com"}]);
    changed["properties"] = json!({});
    let report: Value = app.admin().import_report(format!("{changed}\n")).await;
    assert_eq!(report["updated"], 1, "{report}");
    let jrd = finger(&app, "resource=acct:alice@example.com", None).await;
    assert_eq!(
        jrd["links"][1],
        json!({"rel": ISSUER, "href": "https://id.example.com"})
    );
    assert_eq!(jrd["properties"], json!({NAME: "Alice"}));
}

/// A second directory loaded from the same database and following its
/// change log (what a replica does) sees subject and domain entries alike.
#[tokio::test]
async fn a_following_directory_sees_links_and_domain_profiles() {
    use callsign::directory::Directory;
    let app = TestApp::spawn_with(Backend::Postgres, |_| {}).await;
    let alice = app.admin().create_subject(alice()).await;
    ok(
        put_domain(
            &app,
            "example.com",
            json!({"xmpp_websocket": "wss://x.example.com/ws"}),
        )
        .await,
        201,
    )
    .await;
    let replica = Directory::new();
    replica.load(app.store.as_ref()).await.unwrap();
    let loaded = replica.get("acct:alice@example.com").unwrap();
    assert_eq!(loaded.links.len(), 4);
    assert_eq!(
        replica
            .domain_profile("example.com")
            .unwrap()
            .xmpp_websocket
            .as_deref(),
        Some("wss://x.example.com/ws")
    );
    app.admin()
        .patch_subject(
            id(&alice),
            json!({"links": [{"rel": AVATAR, "href": "https://a.example/b.png"}]}),
        )
        .await;
    ok(
        put_domain(
            &app,
            "example.com",
            json!({"xmpp_bosh": "https://x.example.com/bosh"}),
        )
        .await,
        200,
    )
    .await;
    replica.sync(app.store.as_ref()).await.unwrap();
    let followed = replica.get("acct:alice@example.com").unwrap();
    assert_eq!(followed.links.len(), 1);
    assert_eq!(followed.links[0].rel, AVATAR);
    let profile = replica.domain_profile("example.com").unwrap();
    assert_eq!(profile.xmpp_websocket, None);
    assert_eq!(
        profile.xmpp_bosh.as_deref(),
        Some("https://x.example.com/bosh")
    );
    app.as_admin(Method::DELETE, "/api/v1/domains/example.com")
        .go()
        .await;
    replica.sync(app.store.as_ref()).await.unwrap();
    assert!(replica.domain_profile("example.com").is_none());
}

#[tokio::test]
async fn host_meta_announces_the_domains_xmpp_endpoints() {
    let app = TestApp::spawn().await;
    ok(
        put_domain(
            &app,
            "example.com",
            json!({"xmpp_websocket": "wss://xmpp.example.com/ws?a=1&b=2",
                   "xmpp_bosh": "https://xmpp.example.com/http-bind"}),
        )
        .await,
        201,
    )
    .await;
    let get = |path: &'static str, host: &'static str, accept: &'static str| {
        app.request(Method::GET, path)
            .header("host", host)
            .header("accept", accept)
            .go()
    };
    let r = get(
        "/.well-known/host-meta",
        "example.com",
        "application/xrd+xml",
    )
    .await;
    assert_eq!(r.headers()["content-type"], "application/xrd+xml");
    assert_eq!(
        r.text().await.unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  \
         <Link rel=\"lrdd\" type=\"application/jrd+json\" template=\"http://example.com/.well-known/webfinger?resource={uri}\"/>\n  \
         <Link rel=\"urn:xmpp:alt-connections:websocket\" href=\"wss://xmpp.example.com/ws?a=1&amp;b=2\"/>\n  \
         <Link rel=\"urn:xmpp:alt-connections:xbosh\" href=\"https://xmpp.example.com/http-bind\"/>\n\
         </XRD>\n"
    );
    let expected = json!({"links": [
        {"rel": "lrdd", "type": "application/jrd+json",
         "template": "http://example.com/.well-known/webfinger?resource={uri}"},
        {"rel": "urn:xmpp:alt-connections:websocket", "href": "wss://xmpp.example.com/ws?a=1&b=2"},
        {"rel": "urn:xmpp:alt-connections:xbosh", "href": "https://xmpp.example.com/http-bind"},
    ]});
    for (path, accept) in [
        ("/.well-known/host-meta.json", "*/*"),
        ("/.well-known/host-meta", "application/json"),
    ] {
        let r = get(path, "Example.com:8080", accept).await;
        assert_eq!(r.headers()["content-type"], "application/json");
        let mut body: Value = r.json().await.unwrap();
        body["links"][0]["template"] = expected["links"][0]["template"].clone();
        assert_eq!(body, expected, "{path}");
    }
    // Another host has only its lrdd template.
    let other: Value = get("/.well-known/host-meta.json", "example.org", "*/*")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(other["links"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn tenants_keep_xmpp_endpoints_to_hosts_serving_the_domain() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.tenants = "example.org=example.org".parse().unwrap();
    })
    .await;
    ok(
        put_domain(
            &app,
            "example.com",
            json!({"xmpp_websocket": "wss://x.example.com/ws"}),
        )
        .await,
        201,
    )
    .await;
    ok(
        put_domain(
            &app,
            "example.org",
            json!({"xmpp_websocket": "wss://x.example.org/ws"}),
        )
        .await,
        201,
    )
    .await;
    let links = async |host: &str| {
        let body: Value = app
            .request(Method::GET, "/.well-known/host-meta.json")
            .header("host", host)
            .go()
            .await
            .json()
            .await
            .unwrap();
        body["links"].as_array().unwrap().len()
    };
    assert_eq!(links("example.org").await, 2);
    assert_eq!(links("example.com").await, 1, "example.com is no tenant's");
}

#[tokio::test]
async fn address_rels_follow_the_configured_base_and_the_legacy_switch() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.address_rel_base = "https://rels.example/".into();
        c.webfinger.legacy_rels = true;
    })
    .await;
    app.admin()
        .create_subject(json!({"handle": "erin", "domain": "example.com",
            "addresses": [{"uri": "xmpp:erin@example.com"}, {"uri": "https://example.com/~erin"}]}))
        .await;
    let body = finger(&app, "resource=acct:erin@example.com", None).await;
    assert_eq!(
        body["links"],
        json!([
            {"rel": "https://rels.example/xmpp", "href": "xmpp:erin@example.com"},
            {"rel": "https://callsign.invalid/rel/xmpp", "href": "xmpp:erin@example.com"},
            {"rel": "http://webfinger.net/rel/profile-page", "href": "https://example.com/~erin"},
        ])
    );
    for rel in [
        "https://rels.example/xmpp",
        "https://callsign.invalid/rel/xmpp",
    ] {
        let body = finger(
            &app,
            &format!("resource=acct:erin@example.com&rel={rel}"),
            None,
        )
        .await;
        assert_eq!(
            body["links"],
            json!([{"rel": rel, "href": "xmpp:erin@example.com"}])
        );
    }
    // Without the switch the old relation types are gone.
    let plain = TestApp::spawn().await;
    plain
        .admin()
        .create_subject(json!({"handle": "erin", "domain": "example.com",
            "addresses": [{"uri": "xmpp:erin@example.com"}]}))
        .await;
    let body = finger(
        &plain,
        "resource=acct:erin@example.com&rel=https://callsign.invalid/rel/xmpp",
        None,
    )
    .await;
    assert_eq!(body["links"], json!([]));
}

#[tokio::test]
async fn the_json_lookup_shows_the_links_the_caller_may_see() {
    let app = TestApp::spawn().await;
    app.admin().create_subject(alice()).await;
    ok(put_domain(&app, "example.com", json!({"links": [{"rel": "http://example.com/rel/help", "href": "https://help.example.com"}]})).await, 201).await;
    let anonymous = app.lookup("address=sip:alice@example.com", None).await;
    let rels: Vec<&str> = anonymous["subject"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["rel"].as_str().unwrap())
        .collect();
    assert_eq!(rels, [ISSUER, AVATAR, "http://example.com/rel/help"]);
    assert_eq!(
        anonymous["subject"]["properties"],
        json!({ROLE: "sales", "http://example.com/ns/empty": null})
    );
    let token = app.admin().token("lookup").await;
    let seen = app
        .lookup("address=sip:alice@example.com", Some(&token))
        .await;
    assert_eq!(seen["subject"]["links"].as_array().unwrap().len(), 4);
    assert_eq!(seen["subject"]["properties"][DESK], "4.12");
}
