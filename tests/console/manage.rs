//! Creating and deleting subjects, the audit log, import and export, in
//! Chromium.

use fantoccini::Locator;
use reqwest::Method;

use crate::browser::Browser;
use crate::support::app::{ADMIN, Go, TestApp};
use crate::support::server::{id, ok};

/// The secret of a new admin token named `name`.
pub async fn admin_token(app: &TestApp, name: &str) -> String {
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&serde_json::json!({"name": name, "scope": "admin"}))
        .go()
        .await;
    ok(r, 201).await["secret"].as_str().unwrap().to_owned()
}

/// The stored subject with `acct`, through the API's search.
async fn find(app: &TestApp, acct: &str) -> Option<serde_json::Value> {
    let page = app
        .admin()
        .get(&format!(
            "/api/v1/subjects?q={}",
            url::form_urlencoded::byte_serialize(acct.as_bytes()).collect::<String>()
        ))
        .await;
    page["items"].as_array().unwrap().first().cloned()
}

#[tokio::test]
async fn an_admin_creates_a_subject_sees_its_errors_beside_the_fields_and_deletes_it() {
    let app = TestApp::spawn().await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.goto(&app.url("/admin/subjects")).await;

    // An invalid first address: refused beside it, nothing stored, the form kept.
    browser.fill("#new-acct", "carol@example.com").await;
    browser.fill("#new-display-name", "Carol").await;
    browser.fill("#new-first-uri", "tel:not-a-number").await;
    browser.click("#create").await;
    assert!(
        browser.has("#uri-error").await,
        "{}",
        browser.text("main").await
    );
    assert!(!browser.has("#acct-error").await);
    assert_eq!(
        browser
            .client
            .find(Locator::Id("new-acct"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("carol@example.com")
    );
    assert!(find(&app, "acct:carol@example.com").await.is_none());
    // No domain: refused beside the account.
    browser.fill("#new-acct", "carol").await;
    browser.fill("#new-first-uri", "").await;
    browser.click("#create").await;
    assert!(browser.has("#acct-error").await);

    // Created: the browser lands on its page; the API has it.
    browser.fill("#new-acct", "carol@example.com").await;
    browser.fill("#new-first-uri", "tel:+12125550123").await;
    browser.click("#create").await;
    let stored = find(&app, "acct:carol@example.com")
        .await
        .expect("carol is stored");
    let sid = stored["id"].as_str().unwrap().to_owned();
    assert_eq!(browser.path().await, format!("/admin/subjects/{sid}"));
    assert_eq!(stored["display_name"], "Carol");
    assert_eq!(stored["addresses"][0]["uri"], "tel:+12125550123");
    assert!(app.webfinger("acct:carol@example.com").await.is_some());

    // The same account again: refused beside the account field.
    browser.goto(&app.url("/admin/subjects")).await;
    browser.fill("#new-acct", "acct:carol@example.com").await;
    browser.click("#create").await;
    assert!(
        browser.has("#acct-error").await,
        "{}",
        browser.text("main").await
    );

    // Delete: a confirmation step, then gone from every channel.
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    browser.click("#delete-subject").await;
    assert!(browser.text("h1").await.contains("carol@example.com"));
    browser
        .client
        .find(Locator::Id("confirm"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click("#confirm-delete").await;
    assert_eq!(browser.path().await, "/admin/subjects");
    let r = app
        .request(Method::GET, &format!("/api/v1/subjects/{sid}"))
        .bearer_auth(ADMIN)
        .go()
        .await;
    assert_eq!(r.status(), 404);
    assert!(app.webfinger("acct:carol@example.com").await.is_none());
    browser.quit().await;
}

#[tokio::test]
async fn an_edit_made_in_the_console_is_in_the_audit_log_with_its_actor_and_both_sides() {
    let app = TestApp::spawn().await;
    let subject = app
        .admin()
        .create_subject(serde_json::json!({
            "handle": "dave", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550155"}, {"uri": "sip:dave@example.com"}]
        }))
        .await;
    let sid = id(&subject).to_owned();
    let secret = admin_token(&app, "ops-audit").await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, &secret).await;
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    browser.click("[data-test='visibility-1-private']").await;

    // The subject's history: the console's change first, by its actor,
    // with the visibility before and after.
    browser.click("#history").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.path(), "/admin/audit");
    assert_eq!(url.query(), Some(format!("subject={sid}").as_str()));
    let newest = browser.text("#audit > li:first-child").await;
    assert!(newest.contains("by ops-audit"), "{newest}");
    let rows = browser.text("#audit > li:first-child tbody").await;
    let line = rows
        .lines()
        .find(|l| l.contains(".visibility"))
        .unwrap_or_else(|| panic!("a visibility row in {rows}"));
    assert!(line.contains("addresses[1].visibility"), "{line}");
    assert!(
        line.contains("public") && line.contains("private"),
        "{line}"
    );
    let before = browser
        .text("#audit > li:first-child tbody tr:nth-child(1) td.before")
        .await;
    let after = browser
        .text("#audit > li:first-child tbody tr:nth-child(1) td.after")
        .await;
    assert_eq!((before.as_str(), after.as_str()), ("public", "private"));
    // The creation is older, by the API's admin.
    let entries = browser.text("#audit").await;
    assert!(entries.contains("subject.create"), "{entries}");

    // Filtered by actor: only the console's change; by someone else: none.
    browser.fill("#audit-actor", "ops-audit").await;
    browser.click("#filter").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(
        url.query(),
        Some(format!("subject={sid}&actor=ops-audit").as_str())
    );
    let all = browser.text("#audit").await;
    assert!(!all.contains("subject.create"), "{all}");
    assert_eq!(
        browser
            .client
            .find_all(Locator::Css("#audit > li"))
            .await
            .unwrap()
            .len(),
        1
    );
    browser
        .goto(&app.url("/admin/audit?actor=nobody-at-all"))
        .await;
    assert!(!browser.has("#audit > li").await);
    // A malformed subject id is refused beside its field.
    browser.goto(&app.url("/admin/audit?subject=nope")).await;
    assert!(browser.has("#subject-error").await);
    // The nav reaches the whole log.
    browser.click("nav a[href='/admin/audit']").await;
    assert!(browser.text("#audit").await.contains("ops-audit"));
    browser.quit().await;
}
