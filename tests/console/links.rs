//! A subject's links and properties edited in Chromium: errors beside
//! the field, the preview and WebFinger following, conflicts refused.

use reqwest::Method;
use serde_json::{Value, json};

use crate::audiences::pick;
use crate::browser::Browser;
use crate::pages::Other;
use crate::support::app::{ADMIN, Go, TestApp};
use crate::support::server::{id, ok};

const PAGE: &str = "https://example.com/~gina";
const ROLE: &str = "http://example.com/ns/role";

async fn gina(app: &TestApp) -> String {
    let subject = app
        .admin()
        .create_subject(json!({
            "handle": "gina", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550180"}]
        }))
        .await;
    id(&subject).to_owned()
}

async fn stored(app: &TestApp, sid: &str) -> Value {
    app.admin().get(&format!("/api/v1/subjects/{sid}")).await
}

/// How many links (or properties) a subject's JSON lists (none when the
/// member is absent).
fn count(member: &Value) -> usize {
    member
        .as_array()
        .map(Vec::len)
        .or(member.as_object().map(|o| o.len()))
        .unwrap_or(0)
}

/// The value of the input with id `id`.
async fn value(browser: &Browser, id: &str) -> String {
    browser
        .client
        .find(fantoccini::Locator::Id(id))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The anonymous WebFinger answer for gina, as text.
async fn anonymous(app: &TestApp) -> String {
    app.webfinger("acct:gina@example.com")
        .await
        .expect("gina is found")
        .to_string()
}

#[tokio::test]
async fn an_admin_adds_links_and_properties_changes_their_visibility_and_removes_them() {
    let app = TestApp::spawn().await;
    let sid = gina(&app).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    assert!(browser.has("#no-links").await);
    assert!(browser.has("#no-properties").await);

    // A target the API refuses: the error beside the target, naming the
    // API's field; nothing stored.
    browser
        .fill("#link-rel", "http://webfinger.net/rel/profile-page")
        .await;
    browser.fill("#link-href", "javascript:alert(1)").await;
    browser.click("#add-link-submit").await;
    let error = browser.text("#link-href-error").await;
    assert!(error.contains("links[0].href"), "{error}");
    assert!(!browser.has("#link-rel-error").await);
    // What was typed is kept.
    assert_eq!(value(&browser, "link-href").await, "javascript:alert(1)");
    assert_eq!(
        value(&browser, "link-rel").await,
        "http://webfinger.net/rel/profile-page"
    );
    assert_eq!(count(&stored(&app, &sid).await["links"]), 0);

    // A public link: listed, in the preview and the anonymous answer.
    browser
        .fill("#link-rel", "http://webfinger.net/rel/profile-page")
        .await;
    browser.fill("#link-href", PAGE).await;
    browser.fill("#link-type", "text/html").await;
    browser.fill("#link-title", "Gina's page").await;
    browser.click("#add-link-submit").await;
    assert!(!browser.has("#link-href-error").await);
    let row = browser.text("#link-0").await;
    assert!(
        row.contains(PAGE) && row.contains("text/html") && row.contains("Gina's page"),
        "{row}"
    );
    let link = &stored(&app, &sid).await["links"][0];
    assert_eq!(link["href"], PAGE);
    assert_eq!(link["titles"]["und"], "Gina's page");
    assert!(browser.text("#preview-anonymous").await.contains(PAGE));
    assert!(anonymous(&app).await.contains(PAGE));

    // Private with one click: gone from the anonymous preview and answer.
    browser
        .click("[data-test='link-0-visibility-private']")
        .await;
    assert_eq!(
        stored(&app, &sid).await["links"][0]["visibility"],
        "private"
    );
    assert!(!browser.text("#preview-anonymous").await.contains(PAGE));
    assert!(!browser.text("#preview-token").await.contains(PAGE));
    assert!(!anonymous(&app).await.contains(PAGE));

    // A property whose name is no URI: refused beside it, naming the field.
    browser.fill("#property-key", "role").await;
    browser.fill("#property-value", "sales").await;
    browser.click("#add-property-submit").await;
    let error = browser.text("#property-key-error").await;
    assert!(error.contains("properties.role"), "{error}");
    assert_eq!(value(&browser, "property-value").await, "sales");
    assert!(browser.has("#no-properties").await);

    // For token holders only: in the token's preview, not the anonymous one.
    browser.fill("#property-key", ROLE).await;
    browser.fill("#property-value", "sales").await;
    pick(&browser, "#property-visibility option[value=authenticated]").await;
    browser.click("#add-property-submit").await;
    assert!(browser.text("#property-0").await.contains("sales"));
    assert_eq!(
        stored(&app, &sid).await["properties"][ROLE],
        json!({"value": "sales", "visibility": "authenticated"})
    );
    assert!(browser.text("#preview-token").await.contains(ROLE));
    assert!(!browser.text("#preview-anonymous").await.contains(ROLE));
    assert!(!anonymous(&app).await.contains(ROLE));
    // Public with one click: everyone sees it.
    browser
        .click("[data-test='property-0-visibility-public']")
        .await;
    assert!(browser.text("#preview-anonymous").await.contains(ROLE));
    let answer = app.webfinger("acct:gina@example.com").await.unwrap();
    assert_eq!(answer["properties"][ROLE], "sales");

    // Removed: from the page, the store and the answer.
    browser
        .click(&format!("[aria-label='Remove the property {ROLE}']"))
        .await;
    assert!(browser.has("#no-properties").await);
    assert!(!anonymous(&app).await.contains(ROLE));
    browser
        .click("[aria-label='Remove the http://webfinger.net/rel/profile-page link']")
        .await;
    assert!(browser.has("#no-links").await);
    assert_eq!(count(&stored(&app, &sid).await["links"]), 0);
    assert!(!browser.text("#preview-token").await.contains(PAGE));
    browser.quit().await;
}

#[tokio::test]
async fn a_link_added_over_someone_elses_change_is_refused_and_theirs_is_kept() {
    let app = TestApp::spawn().await;
    let sid = gina(&app).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    // Someone else renames the subject after the page was loaded.
    app.admin()
        .patch_subject(&sid, json!({"display_name": "Gina G."}))
        .await;

    browser.fill("#link-rel", "self").await;
    browser.fill("#link-href", PAGE).await;
    browser.click("#add-link-submit").await;
    let notice = browser.text("#conflict").await;
    assert!(notice.contains("changed by someone else"), "{notice}");
    let now = stored(&app, &sid).await;
    assert_eq!(count(&now["links"]), 0);
    assert_eq!(now["display_name"], "Gina G.");

    // After a reload the same addition goes through.
    browser.click("#conflict a").await;
    browser.fill("#link-rel", "self").await;
    browser.fill("#link-href", PAGE).await;
    browser.click("#add-link-submit").await;
    assert!(!browser.has("#conflict").await);
    let now = stored(&app, &sid).await;
    assert_eq!(now["links"][0]["href"], PAGE);
    assert_eq!(now["display_name"], "Gina G.");
    browser.quit().await;
}

#[tokio::test]
async fn a_self_session_sees_its_links_and_properties_but_may_not_change_them() {
    let app = TestApp::spawn().await;
    let sid = gina(&app).await;
    app.admin()
        .patch_subject(
            &sid,
            json!({"links": [{"rel": "self", "href": PAGE}], "properties": {ROLE: "sales"}}),
        )
        .await;
    let own = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&json!({"name": "gina-own", "scope": "self", "subject": sid}))
        .go()
        .await;
    let own = ok(own, 201).await["secret"].as_str().unwrap().to_owned();
    let session = Other::sign_in(&app, &own).await;
    let path = format!("/admin/subjects/{sid}");
    let page = session.get(&path).await.text().await.unwrap();
    assert!(page.contains(PAGE) && page.contains(ROLE), "{page}");
    assert!(!page.contains("id=\"add-link\""), "{page}");
    assert!(!page.contains("id=\"add-property\""), "{page}");
    let (csrf, version) = session.tokens_of(&path).await;
    let form = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("rel", "http://webfinger.net/rel/avatar"),
        ("href", "https://example.com/g.png"),
        ("visibility", "public"),
    ];
    let r = session.post(&format!("{path}/links"), &form).await;
    assert_eq!(r.status(), 403);
    let r = session
        .post(
            &format!("{path}/properties/delete"),
            &[("csrf", &csrf), ("version", &version), ("key", ROLE)],
        )
        .await;
    assert_eq!(r.status(), 403);
    let now = stored(&app, &sid).await;
    assert_eq!(count(&now["links"]), 1);
    assert_eq!(now["properties"][ROLE], "sales");
}

#[tokio::test]
async fn the_domains_page_lists_each_profile_and_a_subjects_preview_shows_what_it_adds() {
    let app = TestApp::spawn().await;
    let r = app
        .as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": "partners"}))
        .go()
        .await;
    ok(r, 201).await;
    let sid = gina(&app).await;
    let r = app
        .as_admin(Method::PUT, "/api/v1/domains/example.com")
        .json(&json!({
            "links": [{"rel": "http://openid.net/specs/connect/1.0/issuer",
                       "href": "https://login.example.com"},
                      {"rel": "http://example.com/rel/partner-desk",
                       "href": "https://partners.example.com",
                       "visibility": "audience:partners"}],
            "properties": {ROLE: {"value": "staff", "visibility": "private"}}
        }))
        .go()
        .await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.click("nav a[href='/admin/domains']").await;
    let section = browser.text("section[aria-label='example.com']").await;
    for shown in [
        "https://login.example.com",
        ROLE,
        "staff",
        "private",
        "public",
    ] {
        assert!(section.contains(shown), "{shown} in {section}");
    }
    assert!(!browser.has("#no-domains").await);
    assert!(section.contains("audience:partners"), "{section}");

    // A subject of the domain: its preview has a column for the audience
    // the domain's link names, and only that column shows the link.
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    let desk = "https://partners.example.com";
    assert!(
        browser
            .text("#preview-audience-partners")
            .await
            .contains(desk)
    );
    assert!(!browser.text("#preview-token").await.contains(desk));
    assert!(
        browser
            .text("#preview-anonymous")
            .await
            .contains("https://login.example.com")
    );
    browser.quit().await;
}

/// Whether the page is wider than the window (a horizontal scroll).
async fn overflows(browser: &Browser) -> bool {
    let wide = browser
        .client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    wide.as_bool().unwrap()
}

#[tokio::test]
async fn at_phone_width_the_new_pages_fit_and_their_forms_work_from_the_keyboard() {
    let app = TestApp::spawn().await;
    let sid = gina(&app).await;
    app.admin()
        .patch_subject(
            &sid,
            json!({"links": [{"rel": "http://webfinger.net/rel/profile-page", "href": PAGE,
                              "type": "text/html", "titles": {"en": "Gina's page"}}],
                   "properties": {ROLE: "sales"}}),
        )
        .await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.sign_in(&app.base, ADMIN).await;

    // An audience created with the keyboard alone: type, then Enter.
    browser.goto(&app.url("/admin/audiences")).await;
    let name = browser
        .client
        .find(fantoccini::Locator::Id("audience-name"))
        .await
        .unwrap();
    name.send_keys("partners").await.unwrap();
    let old = browser
        .client
        .find(fantoccini::Locator::Css("html"))
        .await
        .unwrap();
    name.send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .unwrap();
    for _ in 0..400 {
        if old.tag_name().await.is_err() && browser.has("tr[data-audience=partners]").await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(browser.has("tr[data-audience=partners]").await);
    assert!(!overflows(&browser).await, "the audiences page fits");

    // A link's visibility changed from the keyboard: focus the button, Space.
    let path = format!("/admin/subjects/{sid}");
    browser.goto(&app.url(&path)).await;
    assert!(!overflows(&browser).await, "the subject page fits");
    let button = browser
        .client
        .find(fantoccini::Locator::Css(
            "[data-test='link-0-visibility-private']",
        ))
        .await
        .unwrap();
    let old = browser
        .client
        .find(fantoccini::Locator::Css("html"))
        .await
        .unwrap();
    button.send_keys(" ").await.unwrap();
    for _ in 0..400 {
        if old.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(
        stored(&app, &sid).await["links"][0]["visibility"],
        "private"
    );
    for page in ["/admin/tokens", "/admin/domains"] {
        browser.goto(&app.url(page)).await;
        assert!(!overflows(&browser).await, "{page} fits");
    }
    browser.quit().await;
}
