//! Caller names (`display_name_visibility`, `/cnam`), vCards by URL
//! (`/vcard/<acct>.vcf` and the JRD's `alternate` link) and JSContact cards
//! from lookup.

use crate::support::app::{Backend, Go, TestApp, assert_problem, resolve_through};
use crate::support::server::{id, jrd, observable, ok};
use reqwest::{Method, Response};
use serde_json::{Value, json};

const NAME: &str = "http://schema.org/name";
const BASE: &str = "https://callsign.example";

/// Alice's name is public, Bob's for token holders, Carol's private; Dave
/// shows his name but keeps his number to token holders; Erin has no name.
async fn people(app: &TestApp) {
    for (handle, name, visibility, number, number_visibility) in [
        ("alice", "Alice Example", "public", "+12125550100", "public"),
        (
            "bob",
            "Bob Example",
            "authenticated",
            "+12125550101",
            "public",
        ),
        (
            "carol",
            "Carol Example",
            "private",
            "+12125550102",
            "public",
        ),
        (
            "dave",
            "Dave Example",
            "public",
            "+12125550103",
            "authenticated",
        ),
        ("erin", "", "public", "+12125550104", "public"),
    ] {
        app.admin()
            .create_subject(json!({
                "handle": handle, "domain": "example.com", "display_name": name,
                "display_name_visibility": visibility,
                "addresses": [
                    {"uri": format!("tel:{number}"), "visibility": number_visibility},
                    {"uri": format!("sip:{handle}@example.com")},
                    {"uri": format!("mailto:{handle}@example.com")},
                    {"uri": format!("https://example.com/~{handle}")}
                ]
            }))
            .await;
    }
}

async fn cnam(app: &TestApp, query: &str, token: Option<&str>) -> Response {
    let mut request = app.request(Method::GET, &format!("/cnam?{query}"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.go().await
}

async fn text(response: Response, content_type: &str) -> String {
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], content_type);
    response.text().await.unwrap()
}

#[tokio::test]
async fn caller_names_answer_as_plain_text() {
    let app = TestApp::spawn().await;
    people(&app).await;
    for query in [
        "number=+12125550100",
        "number=%2B12125550100",
        "number=12125550100",
        "number=tel:%2B1-212-555-0100",
    ] {
        let r = cnam(&app, query, None).await;
        assert_eq!(
            r.headers()["cache-control"],
            "public, max-age=300",
            "{query}"
        );
        assert_eq!(
            text(r, "text/plain; charset=utf-8").await,
            "Alice Example",
            "{query}"
        );
    }
    // A name for token holders only, and one for nobody.
    let token = app.admin().token("lookup").await;
    let r = cnam(&app, "number=+12125550101", Some(&token)).await;
    assert_eq!(r.headers()["cache-control"], "private, max-age=300");
    assert_eq!(text(r, "text/plain; charset=utf-8").await, "Bob Example");
    assert_eq!(
        cnam(&app, "number=+12125550102", Some(&token))
            .await
            .status(),
        404
    );
    // A number shown to token holders only names its subject to them only.
    let r = cnam(&app, "number=+12125550103", Some(&token)).await;
    assert_eq!(text(r, "text/plain; charset=utf-8").await, "Dave Example");
    // ETag and 304, as WebFinger.
    let r = cnam(&app, "number=+12125550100", None).await;
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    let r = app
        .request(Method::GET, "/cnam?number=+12125550100")
        .header("if-none-match", &etag)
        .go()
        .await;
    assert_eq!(r.status(), 304);
    // Malformed requests name the field.
    for bad in ["", "number=", "number=alice", "number=+1&number=+1"] {
        let p = assert_problem(cnam(&app, bad, None).await, 400).await;
        assert_eq!(p["field"], "number", "{bad}");
    }
}

#[tokio::test]
async fn hidden_and_unknown_caller_names_get_identical_404s() {
    let app = TestApp::spawn().await;
    people(&app).await;
    let unknown = observable(cnam(&app, "number=+12125550199", None).await).await;
    assert_eq!(unknown.0, 404);
    for hidden in [
        "+12125550101", // name for token holders
        "+12125550102", // private name
        "+12125550103", // number for token holders
        "+12125550104", // no name
    ] {
        let r = cnam(&app, &format!("number={hidden}"), None).await;
        assert_eq!(observable(r).await, unknown, "{hidden}");
    }
}

#[tokio::test]
async fn caller_names_are_rate_limited_like_webfinger() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.rate_per_second = 1;
        c.webfinger.burst = 2;
    })
    .await;
    people(&app).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let r = cnam(&app, "number=+12125550100", None).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.headers().contains_key("retry-after"));
        }
    }
    assert_eq!(&statuses[..2], [200, 200]);
    assert!(statuses[2..].contains(&429), "{statuses:?}");
    let token = app.admin().token("lookup").await;
    let r = cnam(&app, "number=+12125550100", Some(&token)).await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn a_hidden_name_leaves_jrd_lookup_and_vcard() {
    let app = TestApp::spawn().await;
    people(&app).await;
    let token = app.admin().token("lookup").await;
    let anonymous = jrd(app.finger("resource=acct:bob@example.com").go().await).await;
    assert_eq!(anonymous["properties"], json!({}));
    let with_token = jrd(app
        .finger("resource=acct:bob@example.com")
        .bearer_auth(&token)
        .go()
        .await)
    .await;
    assert_eq!(with_token["properties"], json!({NAME: "Bob Example"}));
    let public = jrd(app.finger("resource=acct:alice@example.com").go().await).await;
    assert_eq!(public["properties"], json!({NAME: "Alice Example"}));

    let answer = app.lookup("address=tel:+12125550101", None).await;
    assert_eq!(answer["subject"]["display_name"], Value::Null);
    let answer = app.lookup("address=tel:+12125550101", Some(&token)).await;
    assert_eq!(answer["subject"]["display_name"], "Bob Example");

    // The vCard's FN falls back to the key when the name is hidden.
    let r = app
        .request(
            Method::GET,
            "/api/v1/lookup?address=tel:%2B12125550101&format=vcard",
        )
        .go()
        .await;
    let card = text(r, "text/vcard; charset=utf-8").await;
    assert!(card.contains("FN:tel:+12125550101\r\n"), "{card}");
    assert!(!card.contains("Bob"), "{card}");
}

#[tokio::test]
async fn the_name_visibility_is_stored_patched_exported_and_imported() {
    let app = TestApp::spawn_with(Backend::Postgres, |_| {}).await;
    let created = app
        .admin()
        .create_subject(json!({
            "handle": "bob", "domain": "example.com", "display_name": "Bob",
            "display_name_visibility": "authenticated",
            "addresses": [{"uri": "tel:+12125550101"}]
        }))
        .await;
    assert_eq!(created["display_name_visibility"], "authenticated");
    let path = format!("/api/v1/subjects/{}", id(&created));
    assert_eq!(app.admin().get(&path).await, created);
    // Public is the default, and left out of the subject's JSON.
    let alice = app
        .admin()
        .create_subject(json!({"handle": "alice", "domain": "example.com",
                               "display_name": "Alice"}))
        .await;
    assert!(alice.get("display_name_visibility").is_none(), "{alice}");

    let exported = app
        .as_admin(Method::GET, "/api/v1/export")
        .go()
        .await
        .text()
        .await
        .unwrap();
    let line: Value = exported
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|l| l["handle"] == "bob")
        .unwrap();
    assert_eq!(line["display_name_visibility"], "authenticated");
    let fresh = TestApp::spawn_with(Backend::Postgres, |_| {}).await;
    let report: Value = fresh.admin().import_report(exported.clone()).await;
    assert_eq!(report["created"], 2);
    assert_eq!(
        cnam(&fresh, "number=+12125550101", None).await.status(),
        404
    );
    let again = fresh
        .as_admin(Method::GET, "/api/v1/export")
        .go()
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(again, exported);

    let patched = app
        .admin()
        .patch_subject(id(&created), json!({"display_name_visibility": "public"}))
        .await;
    assert!(
        patched.get("display_name_visibility").is_none(),
        "{patched}"
    );
    let r = cnam(&app, "number=+12125550101", None).await;
    assert_eq!(text(r, "text/plain; charset=utf-8").await, "Bob");

    for (body, status) in [
        (json!({"display_name_visibility": "secret"}), 400),
        (json!({"display_name_visibility": null}), 400),
    ] {
        let r = app
            .admin()
            .try_patch_subject(id(&created), None, body.clone())
            .await;
        let p = assert_problem(r, status).await;
        assert!(
            p.to_string().contains("display_name_visibility"),
            "{body}: {p}"
        );
    }
}

#[tokio::test]
async fn vcards_are_linked_from_the_jrd_and_fetched_with_etags() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.public_base_url = Some(BASE.into());
    })
    .await;
    people(&app).await;
    let public = jrd(app.finger("resource=tel:+12125550100").go().await).await;
    let link = public["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "alternate")
        .expect("a vCard link")
        .clone();
    assert_eq!(
        link,
        json!({"rel": "alternate", "type": "text/vcard",
               "href": format!("{BASE}/vcard/alice@example.com.vcf")})
    );
    // `rel` filters it like any link.
    let only = jrd(app
        .finger("resource=acct:alice@example.com&rel=alternate")
        .go()
        .await)
    .await;
    assert_eq!(only["links"], json!([link]));

    let path = link["href"].as_str().unwrap().strip_prefix(BASE).unwrap();
    let r = app.request(Method::GET, path).go().await;
    let etag = r.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(r.headers()["cache-control"], "public, max-age=300");
    let card = text(r, "text/vcard; charset=utf-8").await;
    assert_eq!(
        card,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice Example\r\nUID:acct:alice@example.com\r\n\
         TEL;VALUE=uri;PREF=1:tel:+12125550100\r\nIMPP;PREF=2:sip:alice@example.com\r\n\
         EMAIL;PREF=3:alice@example.com\r\nURL;PREF=4:https://example.com/~alice\r\n\
         END:VCARD\r\n"
    );
    let r = app
        .request(Method::GET, path)
        .header("if-none-match", &etag)
        .go()
        .await;
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"], etag.as_str());
    // The vCard is the lookup API's, from the directory alone.
    let r = app
        .request(
            Method::GET,
            "/api/v1/lookup?address=acct:alice@example.com&format=vcard",
        )
        .go()
        .await;
    assert_eq!(text(r, "text/vcard; charset=utf-8").await, card);

    // Dave's number is for token holders: so is it in his vCard.
    let dave = app
        .request(Method::GET, "/vcard/dave@example.com.vcf")
        .go()
        .await;
    let card = text(dave, "text/vcard; charset=utf-8").await;
    assert!(!card.contains("tel:"), "{card}");
    let token = app.admin().token("lookup").await;
    let dave = app
        .request(Method::GET, "/vcard/dave@example.com.vcf")
        .bearer_auth(&token)
        .go()
        .await;
    let card = text(dave, "text/vcard; charset=utf-8").await;
    assert!(
        card.contains("TEL;VALUE=uri;PREF=1:tel:+12125550103\r\n"),
        "{card}"
    );
}

#[tokio::test]
async fn hidden_and_unknown_vcards_get_identical_404s_and_no_link() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.public_base_url = Some(BASE.into());
    })
    .await;
    app.admin()
        .create_subject(json!({
            "handle": "carol", "domain": "example.net", "display_name": "Carol",
            "discoverable": false,
            "addresses": [{"uri": "sip:carol@example.net"}]
        }))
        .await;
    app.admin()
        .create_subject(json!({
            "handle": "ghost", "domain": "example.net", "display_name": "Ghost",
            "addresses": [{"uri": "sip:ghost@example.net", "visibility": "private"}]
        }))
        .await;
    let get = |path: &'static str| app.request(Method::GET, path).go();
    let unknown = observable(get("/vcard/nobody@example.net.vcf").await).await;
    assert_eq!(unknown.0, 404);
    for hidden in [
        "/vcard/carol@example.net.vcf", // not discoverable by acct
        "/vcard/ghost@example.net.vcf", // nothing public
    ] {
        assert_eq!(observable(get(hidden).await).await, unknown, "{hidden}");
    }
    assert_eq!(get("/vcard/carol@example.net").await.status(), 404);
    // Carol is found by her SIP address, but her vCard is not linked: it
    // would not answer.
    let carol = jrd(app.finger("resource=sip:carol@example.net").go().await).await;
    assert!(
        !carol["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["rel"] == "alternate"),
        "{carol}"
    );
}

#[tokio::test]
async fn jscontact_cards_carry_the_visible_addresses() {
    let app = TestApp::spawn().await;
    people(&app).await;
    let expected = json!({
        "@type": "Card",
        "version": "1.0",
        "uid": "acct:alice@example.com",
        "name": {"full": "Alice Example"},
        "phones": {"p1": {"number": "tel:+12125550100", "features": {"voice": true}, "pref": 1}},
        "onlineServices": {"s1": {"service": "SIP", "uri": "sip:alice@example.com", "pref": 2}},
        "emails": {"e1": {"address": "alice@example.com", "pref": 3}},
        "links": {"l1": {"uri": "https://example.com/~alice", "pref": 4}}
    });
    let r = app
        .request(
            Method::GET,
            "/api/v1/lookup?address=acct:alice@example.com&format=jscontact",
        )
        .go()
        .await;
    assert_eq!(r.headers()["content-type"], "application/jscontact+json");
    assert_eq!(ok(r, 200).await, expected);
    let r = app
        .request(Method::GET, "/api/v1/lookup?address=tel:%2B12125550100")
        .header("accept", "application/jscontact+json")
        .go()
        .await;
    assert_eq!(r.headers()["content-type"], "application/jscontact+json");
    let card = ok(r, 200).await;
    assert_eq!(card["name"], expected["name"]);
    assert_eq!(card["phones"], expected["phones"]);
    // Dave's number is for token holders only, and so is his phone.
    let r = app
        .request(
            Method::GET,
            "/api/v1/lookup?address=acct:dave@example.com&format=jscontact",
        )
        .go()
        .await;
    let card = ok(r, 200).await;
    assert!(card.get("phones").is_none(), "{card}");
    assert_eq!(card["name"]["full"], "Dave Example");
    let p = assert_problem(
        app.try_lookup("address=tel:+12125550100&format=jcard", None)
            .await,
        400,
    )
    .await;
    assert_eq!(p["field"], "format");
}

#[tokio::test]
async fn a_resolver_reads_a_vcard_naptr_as_no_address() {
    // B publishes E2U+vcard beside Bob's addresses; A resolves through it.
    let b = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.public_base_url = Some("https://b.example".into());
    })
    .await;
    b.admin()
        .create_subject(json!({
            "handle": "bob", "domain": "b.example", "display_name": "Bob Remote",
            "addresses": [{"uri": "tel:+12125550199"}, {"uri": "sip:bob@b.example"}]
        }))
        .await;
    let a = TestApp::spawn_with(Backend::Sqlite, |c| resolve_through(c, &b, "b.example")).await;
    let answer = a.lookup("address=tel:%2B12125550199", None).await;
    let uris: Vec<&str> = answer["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris, ["tel:+12125550199", "sip:bob@b.example"], "{answer}");
    let sources = &answer["addresses"][1]["sources"];
    assert!(
        sources
            .as_array()
            .unwrap()
            .contains(&json!("enum:e164.arpa")),
        "{answer}"
    );
}

#[tokio::test]
async fn a_number_of_a_block_answers_its_owners_name() {
    let app = TestApp::spawn().await;
    app.admin()
        .create_subject(json!({"handle": "pbx", "domain": "example.com",
            "display_name": "Berlin PBX", "addresses": [{"uri": "sip:pbx@example.com"}]}))
        .await;
    let r = app
        .as_admin(Method::POST, "/api/v1/blocks")
        .json(&json!({
            "prefix": "+49 30 1234", "length": 13, "owner": "acct:pbx@example.com",
            "discoverable": true, "templates": [{"uri": "sip:\\1@pbx.example.com"}]
        }))
        .go()
        .await;
    ok(r, 201).await;
    let r = cnam(&app, "number=+4930123455123", None).await;
    assert_eq!(text(r, "text/plain; charset=utf-8").await, "Berlin PBX");
    // The owner's name visibility holds for its numbers too.
    let pbx = app.directory.get("acct:pbx@example.com").unwrap();
    app.admin()
        .patch_subject(
            &pbx.id.to_string(),
            json!({"display_name_visibility": "authenticated"}),
        )
        .await;
    let hidden = observable(cnam(&app, "number=+4930123455123", None).await).await;
    let unknown = observable(cnam(&app, "number=+4930999955123", None).await).await;
    assert_eq!(hidden, unknown);
}
