//! Audiences in Chromium: created, given to a lookup token, refused
//! deletion while in use, deleted; offered as a visibility.

use fantoccini::Locator;
use reqwest::Method;
use serde_json::{Value, json};

use crate::browser::Browser;
use crate::pages::{FormBody, Other};
use crate::support::app::{ADMIN, Go, TestApp};
use crate::support::server::{id, ok};

/// The stored audiences' names, through the API.
async fn stored(app: &TestApp) -> Vec<String> {
    let list = app.admin().get("/api/v1/audiences").await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect()
}

/// The stored token named `name`, through the API.
async fn token(app: &TestApp, name: &str) -> Value {
    let list = app.admin().get("/api/v1/tokens").await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("a token {name} in {list}"))
}

/// Tick the checkbox or pick the option `css`.
pub async fn pick(browser: &Browser, css: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} on the page: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn an_admin_creates_an_audience_gives_it_to_a_token_and_deletes_it_once_unused() {
    let app = TestApp::spawn().await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.click("nav a[href='/admin/audiences']").await;
    assert!(browser.has("#no-audiences").await);

    // An invalid name: refused beside the field, the text kept, nothing stored.
    browser.fill("#audience-name", "Partners!").await;
    browser.click("#create").await;
    let error = browser.text("#audience-name-error").await;
    assert!(!error.is_empty());
    assert_eq!(
        browser
            .client
            .find(Locator::Id("audience-name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Partners!")
    );
    assert!(stored(&app).await.is_empty());

    // Created and listed; the same name again is refused beside the field.
    browser.fill("#audience-name", "partners").await;
    browser.click("#create").await;
    assert_eq!(browser.path().await, "/admin/audiences");
    assert!(!browser.has("#audience-name-error").await);
    assert!(browser.has("tr[data-audience=partners]").await);
    assert_eq!(stored(&app).await, ["partners"]);
    browser.fill("#audience-name", "partners").await;
    browser.click("#create").await;
    let error = browser.text("#audience-name-error").await;
    assert!(error.contains("already exists"), "{error}");
    assert_eq!(stored(&app).await, ["partners"]);

    // The tokens page offers it to a lookup token.
    browser.click("nav a[href='/admin/tokens']").await;
    browser.fill("#token-name", "acme").await;
    pick(&browser, "#token-scope option[value=lookup]").await;
    pick(&browser, "#audience-partners").await;
    browser.click("#create-token").await;
    assert!(browser.has("#secret").await);
    assert_eq!(
        token(&app, "acme").await["audiences"],
        serde_json::json!(["partners"])
    );
    assert!(
        browser
            .text("tr[data-token=acme]")
            .await
            .contains("(partners)")
    );
    // An audience given to a self token is refused beside the audiences.
    let subject = app
        .admin()
        .create_subject(serde_json::json!({"handle": "erin", "domain": "example.com"}))
        .await;
    browser.fill("#token-name", "own").await;
    pick(&browser, "#token-scope option[value=self]").await;
    browser
        .fill("#token-subject", subject["id"].as_str().unwrap())
        .await;
    pick(&browser, "#audience-partners").await;
    browser.click("#create-token").await;
    assert!(
        browser.has("#audiences-error").await,
        "{}",
        browser.text("main").await
    );
    assert!(!browser.has("#other-error").await);

    // The audiences page says who is in it; deleting it is refused with
    // the reason, after the confirmation step, and nothing is deleted.
    browser.click("nav a[href='/admin/audiences']").await;
    assert!(
        browser
            .text("tr[data-audience=partners]")
            .await
            .contains("acme")
    );
    browser.click("a[aria-label='Delete partners…']").await;
    assert!(browser.text("h1").await.contains("partners"));
    pick(&browser, "#confirm").await;
    browser.click("#confirm-delete").await;
    let refusal = browser.text("#in-use").await;
    assert!(refusal.contains("in use by token acme"), "{refusal}");
    assert_eq!(stored(&app).await, ["partners"]);

    // Once the token is revoked, the deletion goes through.
    let id = token(&app, "acme").await["id"].as_str().unwrap().to_owned();
    browser.click("nav a[href='/admin/tokens']").await;
    browser.click("[aria-label='Revoke acme']").await;
    browser
        .goto(&app.url("/admin/audiences/partners/delete"))
        .await;
    pick(&browser, "#confirm").await;
    browser.click("#confirm-delete").await;
    assert_eq!(browser.path().await, "/admin/audiences");
    assert!(browser.has("#no-audiences").await);
    assert!(stored(&app).await.is_empty());
    assert!(!token(&app, "acme").await["revoked_at"].is_null(), "{id}");
    browser.quit().await;
}

/// The anonymous JRD of `acct` through WebFinger, asked with `token`.
async fn finger(app: &TestApp, acct: &str, token: &str) -> String {
    let r = app
        .finger(&format!("resource={acct}"))
        .bearer_auth(token)
        .go()
        .await;
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

#[tokio::test]
async fn an_address_shown_to_an_audience_is_in_that_audiences_preview_and_answer_only() {
    let app = TestApp::spawn().await;
    let r = app
        .as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": "partners"}))
        .go()
        .await;
    ok(r, 201).await;
    let subject = app
        .admin()
        .create_subject(json!({
            "handle": "fay", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550170"}, {"uri": "sip:fay@example.com"}]
        }))
        .await;
    let sid = id(&subject).to_owned();
    let partner = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&json!({"name": "acme", "scope": "lookup", "audiences": ["partners"]}))
        .go()
        .await;
    let partner = ok(partner, 201).await["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let outsider = app.admin().token("lookup").await;
    let acct = "acct:fay@example.com";
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    // No audience is named yet: no column for one.
    assert!(!browser.has("#preview-audience-partners").await);

    // The sip address, shown to the audience: in its preview and answer,
    // not in the others'.
    pick(&browser, "#audience-1 option[value='audience:partners']").await;
    browser.click("[data-test='visibility-1-audience']").await;
    assert_eq!(browser.path().await, format!("/admin/subjects/{sid}"));
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["addresses"][1]["visibility"], "audience:partners");
    assert_eq!(
        browser.text("[data-test='visibility-1']").await,
        "audience:partners"
    );
    let sip = "sip:fay@example.com";
    assert!(
        browser
            .text("#preview-audience-partners")
            .await
            .contains(sip)
    );
    assert!(!browser.text("#preview-token").await.contains(sip));
    assert!(!browser.text("#preview-anonymous").await.contains(sip));
    assert!(finger(&app, acct, &partner).await.contains(sip));
    assert!(!finger(&app, acct, &outsider).await.contains(sip));
    assert!(
        browser
            .text("#preview-anonymous")
            .await
            .contains("tel:+12125550170")
    );

    // The add form offers the audience too.
    browser.fill("#new-uri", "xmpp:fay@example.com").await;
    pick(
        &browser,
        "#new-visibility option[value='audience:partners']",
    )
    .await;
    browser.click("#add-address").await;
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    let xmpp = stored["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["uri"] == "xmpp:fay@example.com")
        .cloned()
        .expect("the xmpp address is stored");
    assert_eq!(xmpp["visibility"], "audience:partners");
    assert!(
        browser
            .text("#preview-audience-partners")
            .await
            .contains("xmpp:fay@example.com")
    );

    // Back to public with one click: every viewer sees it again.
    browser.click("[data-test='visibility-1-public']").await;
    assert!(browser.text("#preview-anonymous").await.contains(sip));
    assert!(finger(&app, acct, &outsider).await.contains(sip));

    // A link added for the audience, and a property switched to it.
    let page = "https://partners.example.com/fay";
    browser.fill("#link-rel", "self").await;
    browser.fill("#link-href", page).await;
    pick(
        &browser,
        "#link-visibility option[value='audience:partners']",
    )
    .await;
    browser.click("#add-link-submit").await;
    let role = "http://example.com/ns/role";
    browser.fill("#property-key", role).await;
    browser.fill("#property-value", "reseller").await;
    browser.click("#add-property-submit").await;
    assert!(finger(&app, acct, &outsider).await.contains("reseller"));
    pick(
        &browser,
        "#property-0-visibility-audience option[value='audience:partners']",
    )
    .await;
    browser
        .click("[data-test='property-0-visibility-audience']")
        .await;
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["links"][0]["visibility"], "audience:partners");
    assert_eq!(
        stored["properties"][role],
        json!({"value": "reseller", "visibility": "audience:partners"})
    );
    let theirs = browser.text("#preview-audience-partners").await;
    assert!(
        theirs.contains(page) && theirs.contains("reseller"),
        "{theirs}"
    );
    let others = browser.text("#preview-token").await;
    assert!(
        !others.contains(page) && !others.contains("reseller"),
        "{others}"
    );
    let answer = finger(&app, acct, &partner).await;
    assert!(
        answer.contains(page) && answer.contains("reseller"),
        "{answer}"
    );
    let answer = finger(&app, acct, &outsider).await;
    assert!(
        !answer.contains(page) && !answer.contains("reseller"),
        "{answer}"
    );
    browser.quit().await;
}

#[tokio::test]
async fn the_new_forms_need_a_session_and_its_form_token_and_change_nothing_otherwise() {
    let app = TestApp::spawn().await;
    let r = app
        .as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": "partners"}))
        .go()
        .await;
    ok(r, 201).await;
    let subject = app
        .admin()
        .create_subject(json!({
            "handle": "hal", "domain": "example.com",
            "links": [{"rel": "self", "href": "https://example.com/hal"}],
            "properties": {"http://example.com/ns/role": "ops"}
        }))
        .await;
    let sid = id(&subject).to_owned();
    let before = app.snapshot().await;
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        ("/admin/audiences".into(), vec![("name", "more")]),
        (
            "/admin/audiences/partners/delete".into(),
            vec![("confirm", "yes")],
        ),
        (
            "/admin/tokens".into(),
            vec![("name", "t"), ("scope", "lookup"), ("audience", "partners")],
        ),
        (
            format!("/admin/subjects/{sid}/links"),
            vec![("rel", "self"), ("href", "https://example.com/x")],
        ),
        (
            format!("/admin/subjects/{sid}/links/0"),
            vec![("visibility", "private")],
        ),
        (format!("/admin/subjects/{sid}/links/0/delete"), vec![]),
        (
            format!("/admin/subjects/{sid}/properties"),
            vec![("key", "http://example.com/ns/x"), ("value", "y")],
        ),
        (
            format!("/admin/subjects/{sid}/properties/visibility"),
            vec![
                ("key", "http://example.com/ns/role"),
                ("visibility", "private"),
            ],
        ),
        (
            format!("/admin/subjects/{sid}/properties/delete"),
            vec![("key", "http://example.com/ns/role")],
        ),
    ];
    let signed_in = Other::sign_in(&app, ADMIN).await;
    let anonymous = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let version = subject["version"].to_string();
    for (path, fields) in &posts {
        let mut form = vec![("csrf", "forged"), ("version", version.as_str())];
        form.extend(fields.iter().copied());
        // No session: to the sign-in page.
        let r = anonymous.post(app.url(path)).form_body(&form).go().await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(r.headers()["location"], "/admin/signin", "{path}");
        // A session, but not its form token: 403.
        let r = signed_in.post(path, &form).await;
        assert_eq!(r.status(), 403, "{path}");
    }
    assert_eq!(app.snapshot().await, before);
    for page in [
        "/admin/audiences",
        "/admin/domains",
        "/admin/audiences/partners/delete",
    ] {
        let r = anonymous.get(app.url(page)).go().await;
        assert_eq!(r.status(), 303, "{page}");
        assert_eq!(r.headers()["location"], "/admin/signin", "{page}");
    }
}
