//! Creating and deleting subjects, the audit log, import and export, in
//! Chromium.

use fantoccini::Locator;
use reqwest::Method;

use crate::browser::Browser;
use crate::support::app::{ADMIN, Go, TestApp};

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
