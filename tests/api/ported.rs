//! Ported numbers (RFC 4694 routing numbers) through the admin API,
//! WebFinger and lookup; addresses made by a block's templates found back
//! to their number; numbers of owner-less blocks under tenants.

use crate::support::app::{Go, TestApp, assert_problem};
use crate::support::server::{id, ok};
use reqwest::Method;
use serde_json::{Value, json};

/// Carol's number moved to another carrier: routed to +1 215 555 0199.
fn carol() -> Value {
    json!({
        "handle": "carol", "domain": "example.com", "display_name": "Carol",
        "addresses": [
            {"uri": "tel:+1-215-555-0123", "routing_number": "+1 (215) 555-0199"},
            {"uri": "tel:+12155550124"},
            {"uri": "sip:carol@example.com"}
        ]
    })
}

async fn create_block(app: &TestApp, body: &Value) -> Value {
    let r = app
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(body)
        .go()
        .await;
    ok(r, 201).await
}

async fn try_create_block(app: &TestApp, body: &Value) -> reqwest::Response {
    app.as_admin(Method::POST, "/api/v1/blocks")
        .json(body)
        .go()
        .await
}

/// The strings of a JSON array.
fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// The link of a JRD whose href starts with `prefix`.
fn link<'a>(jrd: &'a Value, prefix: &str) -> Option<&'a str> {
    jrd["links"]
        .as_array()?
        .iter()
        .filter_map(|l| l["href"].as_str())
        .find(|h| h.starts_with(prefix))
}

#[tokio::test]
async fn a_ported_number_carries_its_routing_number_everywhere() {
    let app = TestApp::spawn().await;
    let created = app.admin().create_subject(carol()).await;
    let number = &created["addresses"][0];
    assert_eq!(number["uri"], "tel:+12155550123");
    assert_eq!(number["routing_number"], "+12155550199", "canonical E.164");
    assert!(created["addresses"][1].get("routing_number").is_none());

    // The RFC 4694 form is accepted as the URI, and means the same.
    let dave = app
        .admin()
        .create_subject(json!({"handle": "dave", "domain": "example.com", "addresses": [
            {"uri": "tel:+1 215 555 0150;npdi;rn=+1 215 555 0199"}, {"uri": "sip:dave@example.com"}]}))
        .await;
    assert_eq!(
        (
            &dave["addresses"][0]["uri"],
            &dave["addresses"][0]["routing_number"]
        ),
        (&json!("tel:+12155550150"), &json!("+12155550199"))
    );

    // WebFinger: found by the number itself; the tel link carries `rn`,
    // the aliases keep the number as the key it is.
    let jrd = app.webfinger("tel:+12155550123").await.unwrap();
    assert_eq!(jrd["subject"], "acct:carol@example.com");
    assert_eq!(
        link(&jrd, "tel:+12155550123"),
        Some("tel:+12155550123;npdi;rn=+12155550199")
    );
    assert_eq!(link(&jrd, "tel:+12155550124"), Some("tel:+12155550124"));
    assert!(strings(&jrd["aliases"]).contains(&"tel:+12155550123"));

    // Lookup: the routing number beside the number.
    let found = app.lookup("address=sip:carol@example.com", None).await;
    let routed: Vec<(&str, Option<&str>)> = found["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["uri"].as_str().unwrap(), a["routing_number"].as_str()))
        .collect();
    assert_eq!(
        routed,
        [
            ("sip:carol@example.com", None),
            ("tel:+12155550123", Some("+12155550199")),
            ("tel:+12155550124", None),
        ]
    );

    // Patch: `null` ends the porting; a new routing number replaces it.
    let path = format!(
        "/api/v1/subjects/{}/addresses/{}",
        id(&created),
        number["id"].as_str().unwrap()
    );
    let patched = app
        .admin()
        .patch_address(
            id(&created),
            number["id"].as_str().unwrap(),
            json!({"routing_number": null}),
        )
        .await;
    assert!(
        patched["addresses"][0].get("routing_number").is_none(),
        "{patched}"
    );
    let jrd = app.webfinger("tel:+12155550123").await.unwrap();
    assert_eq!(link(&jrd, "tel:+12155550123"), Some("tel:+12155550123"));
    let r = app
        .as_admin(Method::PATCH, &path)
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"routing_number": "+44 20 7946 0000"}"#)
        .go()
        .await;
    assert_eq!(
        ok(r, 200).await["addresses"][0]["routing_number"],
        "+442079460000"
    );
    app.stop().await;
}

/// Routing numbers that are not E.164, on what is not a number, or the
/// number itself: 400 naming the field, nothing stored.
#[tokio::test]
async fn bad_routing_numbers_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let with = |address: Value| {
        json!({"handle": "erin", "domain": "example.com", "addresses": [
            {"uri": "sip:erin@example.com"}, address]})
    };
    let cases = [
        (
            with(json!({"uri": "tel:+12155550123", "routing_number": "2155550199"})),
            "addresses[1].routing_number",
        ),
        (
            with(json!({"uri": "tel:+12155550123", "routing_number": "+1"})),
            "addresses[1].routing_number",
        ),
        (
            with(json!({"uri": "tel:+12155550123", "routing_number": "+12155550123"})),
            "addresses[1].routing_number",
        ),
        (
            with(json!({"uri": "xmpp:erin@example.com", "routing_number": "+12155550199"})),
            "addresses[1].routing_number",
        ),
        (
            with(json!({"uri": "tel:+12155550123;npdi;rn=+12155550199",
                        "routing_number": "+12155550198"})),
            "addresses[1].routing_number",
        ),
        (
            with(json!({"uri": "tel:+12155550123;rn=+12155550199"})),
            "addresses[1].uri",
        ),
        (
            with(json!({"uri": "tel:+12155550123;npdi;rn=+12155550199;cic=+1-5062"})),
            "addresses[1].uri",
        ),
    ];
    let before = app.snapshot().await;
    for (body, field) in cases {
        let problem = assert_problem(app.admin().try_create_subject(body.clone()).await, 400).await;
        assert_eq!(problem["field"], field, "{body}");
    }
    // A block's routing number: E.164, and not one of its own numbers.
    let block = |rn: &str| {
        json!({"prefix": "+1 215 555", "length": 11, "routing_number": rn,
               "templates": [{"uri": "sip:\\1@pbx.example.com"}]})
    };
    for rn in ["215", "+12155550100"] {
        let problem = assert_problem(try_create_block(&app, &block(rn)).await, 400).await;
        assert_eq!(problem["field"], "routing_number", "{rn}");
    }
    // A template naming the number itself makes it its own address.
    let itself = json!({"prefix": "+1 215 555", "length": 11,
                        "templates": [{"uri": "tel:{number}"}]});
    let problem = assert_problem(try_create_block(&app, &itself).await, 400).await;
    assert_eq!(problem["field"], "templates[0].uri");
    assert_eq!(app.snapshot().await, before, "nothing stored");
    app.stop().await;
}

/// The block of the README, with a subject owning it.
async fn berlin(app: &TestApp) -> Value {
    app.admin()
        .create_subject(json!({"handle": "pbx", "domain": "example.com",
            "display_name": "Berlin PBX", "addresses": [{"uri": "sip:pbx@example.com"}]}))
        .await;
    create_block(
        app,
        &json!({
            "prefix": "+49 30 1234", "length": 13, "owner": "acct:pbx@example.com",
            "templates": [
                {"uri": "sip:\\1@pbx.example.com"},
                {"uri": "xmpp:\\1@chat.example.com", "visibility": "authenticated"},
                {"uri": "sip:{number}@gw.example.net"},
                {"uri": "mailto:fax\\1-\\1@example.com"}
            ]
        }),
    )
    .await
}

#[tokio::test]
async fn an_address_a_template_makes_finds_its_number() {
    let app = TestApp::spawn().await;
    let block = berlin(&app).await;
    let jrd = app.webfinger("sip:55123@pbx.example.com").await.unwrap();
    assert_eq!(jrd["subject"], "acct:pbx@example.com");
    assert_eq!(
        strings(&jrd["aliases"]),
        [
            "tel:+4930123455123",
            "sip:55123@pbx.example.com",
            "sip:+4930123455123@gw.example.net",
            "mailto:fax55123-55123@example.com"
        ]
    );
    // Canonical forms are compared: case and parameters do not matter.
    let found = app
        .lookup("address=sip:55123@PBX.Example.com;transport=tcp", None)
        .await;
    assert_eq!(found["query"], "sip:55123@pbx.example.com");
    assert_eq!(found["subject"]["id"], "acct:pbx@example.com");
    assert_eq!(found["addresses"][1]["uri"], "tel:+4930123455123");
    // The whole number in the user part reads back too.
    let jrd = app
        .webfinger("sip:+4930123455123@gw.example.net")
        .await
        .unwrap();
    assert_eq!(jrd["aliases"][0], "tel:+4930123455123");

    // Not keys: a template used twice (not reversible), a hidden template
    // for an anonymous caller, digits the block does not cover.
    for hidden in [
        "mailto:fax55123-55123@example.com",
        "xmpp:55123@chat.example.com",
        "sip:5512@pbx.example.com",
        "sip:551234@pbx.example.com",
        "sip:+4930123355123@gw.example.net",
    ] {
        assert!(app.webfinger(hidden).await.is_none(), "{hidden}");
    }
    // The hidden template is a key for a caller who may see it.
    let token = app.admin().token("lookup").await;
    let r = app
        .finger("resource=xmpp:55123@chat.example.com")
        .bearer_auth(&token)
        .go()
        .await;
    assert_eq!(r.status(), 200);

    // A number someone publishes is theirs: the template no longer
    // makes an address of it.
    app.admin()
        .create_subject(json!({"handle": "frank", "domain": "example.com",
            "addresses": [{"uri": "tel:+4930123455123"}, {"uri": "sip:frank@example.com"}]}))
        .await;
    assert!(app.webfinger("sip:55123@pbx.example.com").await.is_none());
    assert!(app.webfinger("sip:55124@pbx.example.com").await.is_some());

    // A second block making the same addresses for other numbers: an
    // address naming two numbers names neither.
    create_block(
        &app,
        &json!({"prefix": "+49 40 1234", "length": 13,
                "templates": [{"uri": "sip:\\1@pbx.example.com"}]}),
    )
    .await;
    assert!(app.webfinger("sip:55124@pbx.example.com").await.is_none());
    assert!(
        app.webfinger("sip:+4930123455124@gw.example.net")
            .await
            .is_some()
    );

    // A block that is not discoverable has no keys at all.
    let path = format!("/api/v1/blocks/{}", id(&block));
    let r = app
        .as_admin(Method::PATCH, &path)
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"discoverable": false}"#)
        .go()
        .await;
    ok(r, 200).await;
    assert!(
        app.webfinger("sip:+4930123455124@gw.example.net")
            .await
            .is_none()
    );
    assert!(app.webfinger("tel:+4930123455124").await.is_none());
    app.stop().await;
}

/// With tenants, a number of a block without an owner belongs to no
/// tenant: it is answered on no Host, like an unknown number; without
/// tenants it answers as itself.
#[tokio::test]
async fn owner_less_numbers_stay_out_of_tenants() {
    let block = json!({"prefix": "+1 303 555", "length": 11,
                       "templates": [{"uri": "sip:\\1@trunk.example.com"}]});
    let open = TestApp::spawn().await;
    create_block(&open, &block).await;
    let jrd = open.webfinger("tel:+13035550123").await.unwrap();
    assert_eq!(jrd["subject"], "tel:+13035550123");
    let jrd = open.webfinger("sip:0123@trunk.example.com").await.unwrap();
    assert_eq!(jrd["subject"], "tel:+13035550123");
    open.stop().await;

    let app = TestApp::spawn_with(crate::support::app::Backend::Sqlite, |c| {
        // Listing the reserved domain of owner-less numbers grants nothing.
        c.webfinger.tenants = "wf.example.com=example.com unowned.invalid"
            .parse()
            .unwrap();
    })
    .await;
    create_block(&app, &block).await;
    app.admin()
        .create_subject(json!({"handle": "gina", "domain": "example.com",
            "addresses": [{"uri": "tel:+13035550100"}, {"uri": "sip:gina@example.com"}]}))
        .await;
    let ask =
        async |host: &str, query: &str| app.finger(query).header("host", host).go().await.status();
    assert_eq!(
        ask("wf.example.com", "resource=tel:+13035550100").await,
        200
    );
    for resource in ["tel:+13035550123", "sip:0123@trunk.example.com"] {
        for host in ["wf.example.com", "other.example"] {
            let query = format!("resource={resource}");
            assert_eq!(ask(host, &query).await, 404, "{host} {resource}");
        }
    }
    let r = app
        .request(Method::GET, "/api/v1/lookup?address=tel:%2B13035550123")
        .header("host", "wf.example.com")
        .go()
        .await;
    assert_eq!(r.status(), 404);
    app.stop().await;
}

/// Server B holds a block (owned, ported) and a ported number; server A
/// resolves numbers inside the block through B's ENUM, then B's WebFinger
/// of the address the template made, which B reads back to the number.
#[tokio::test]
async fn a_block_on_another_server_resolves_through_its_enum_and_webfinger() {
    let b = TestApp::spawn().await;
    b.admin()
        .create_subject(
            json!({"handle": "pbx", "domain": "b.example", "display_name": "B PBX",
            "addresses": [{"uri": "sip:pbx@b.example"}]}),
        )
        .await;
    b.admin()
        .create_subject(
            json!({"handle": "carol", "domain": "b.example", "addresses": [
            {"uri": "tel:+12155550123;npdi;rn=+12155550199"}, {"uri": "sip:carol@b.example"}]}),
        )
        .await;
    create_block(
        &b,
        &json!({"prefix": "+1 212 555", "length": 11, "owner": "acct:pbx@b.example",
                "routing_number": "+1 212 666 0000",
                "templates": [{"uri": "sip:\\1@b.example"}]}),
    )
    .await;
    let a = TestApp::spawn_with(crate::support::app::Backend::Sqlite, |c| {
        crate::support::app::resolve_through(c, &b, "b.example")
    })
    .await;

    let got = a.lookup("address=tel:+12125550123", None).await;
    assert_eq!(got["complete"], true, "{got}");
    assert_eq!(got["subject"]["id"], "acct:pbx@b.example", "{got}");
    let entry = |uri: &str| {
        got["addresses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["uri"] == uri)
            .unwrap_or_else(|| panic!("{uri} missing: {got}"))
            .clone()
    };
    // The number, with the routing number B's pstn record gives it.
    let number = entry("tel:+12125550123");
    assert_eq!(number["routing_number"], "+12126660000");
    assert!(strings(&number["sources"]).contains(&"enum:e164.arpa"));
    // The template's address: listed by B's ENUM, and B's WebFinger of it
    // lists the number back.
    let sip = entry("sip:0123@b.example");
    assert_eq!(
        strings(&sip["sources"]),
        ["enum:e164.arpa", "webfinger:b.example"]
    );
    assert_eq!(sip["verified"], true, "{got}");

    // A ported single number: its routing number from ENUM (and WebFinger).
    let got = a.lookup("address=tel:+12155550123", None).await;
    assert_eq!(got["subject"]["id"], "acct:carol@b.example", "{got}");
    assert_eq!(got["addresses"][0]["uri"], "tel:+12155550123");
    assert_eq!(got["addresses"][0]["routing_number"], "+12155550199");
    a.stop().await;
    b.stop().await;
}
