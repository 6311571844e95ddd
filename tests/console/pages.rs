//! The console's pages in Chromium: sign in, search, one click on an
//! address's visibility and its preview and WebFinger answer, a conflict
//! between two sessions, a forged form token, tokens.

use fantoccini::Locator;
use reqwest::Method;
use serde_json::{Value, json};

use crate::browser::Browser;
use crate::support::app::{ADMIN, Go, TestApp};
use crate::support::server::id;

async fn alice(app: &TestApp) -> Value {
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com", "display_name": "Alice Example",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10},
                {"uri": "sip:alice@example.com", "priority": 20},
                {"uri": "mailto:alice@example.com", "visibility": "authenticated", "priority": 30}
            ]
        }))
        .await
}

/// The addresses of the anonymous WebFinger answer for alice.
async fn published(app: &TestApp) -> Vec<String> {
    let jrd = app
        .webfinger("acct:alice@example.com")
        .await
        .expect("alice is published");
    jrd["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["href"].as_str().map(str::to_owned))
        .collect()
}

/// A form post body, as a browser sends it.
pub trait FormBody {
    fn form_body(self, pairs: &[(&str, &str)]) -> Self;
}

impl FormBody for reqwest::RequestBuilder {
    fn form_body(self, pairs: &[(&str, &str)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }
}

/// A second console session, held with plain HTTP: sign in, then post
/// forms the way a browser would.
pub struct Other {
    client: reqwest::Client,
    base: String,
    cookie: String,
}

impl Other {
    pub async fn sign_in(app: &TestApp, token: &str) -> Other {
        let client = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let r = post_signin(&client, app, token).await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
        let cookie = set.split(';').next().unwrap().to_owned();
        Other {
            client,
            base: app.base.clone(),
            cookie,
        }
    }

    /// The `Cookie` header value of this session.
    pub fn cookie(&self) -> &str {
        &self.cookie
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .go()
            .await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .request(Method::POST, format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .form_body(form)
            .go()
            .await
    }

    /// The form token and the version on a subject page.
    pub async fn tokens_of(&self, path: &str) -> (String, String) {
        let page = self.get(path).await.text().await.unwrap();
        (
            hidden(&page, "csrf").expect("a form token"),
            hidden(&page, "version").expect("a version"),
        )
    }
}

/// The sign-in form's pre-session cookie (`name=value`) and its token.
pub async fn signin_form(client: &reqwest::Client, app: &TestApp) -> (String, String) {
    let r = client.get(app.url("/admin/signin")).go().await;
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let page = r.text().await.unwrap();
    (
        cookie,
        hidden(&page, "signin_csrf").expect("a sign-in form token"),
    )
}

/// Sign in as a browser does: the form with its cookie, then the post.
pub async fn post_signin(
    client: &reqwest::Client,
    app: &TestApp,
    token: &str,
) -> reqwest::Response {
    let (cookie, csrf) = signin_form(client, app).await;
    client
        .post(app.url("/admin/signin"))
        .header("cookie", cookie)
        .form_body(&[("signin_csrf", &csrf), ("token", token)])
        .go()
        .await
}

/// The value of the first hidden input `name` in `page`.
pub fn hidden(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &page[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_owned())
}

#[tokio::test]
async fn an_admin_signs_in_searches_changes_a_visibility_and_sees_every_channel_change() {
    let app = TestApp::spawn().await;
    let subject = alice(&app).await;
    let sid = id(&subject).to_owned();
    let Some(browser) = Browser::start().await else {
        return;
    };

    // Not signed in: every page leads to the sign-in form.
    browser.goto(&app.url("/admin/subjects")).await;
    assert_eq!(browser.path().await, "/admin/signin");
    // A wrong token is refused beside the field.
    browser.fill("#token", "cs_not-a-token").await;
    browser.click("#signin").await;
    assert!(
        browser
            .text("#token-error")
            .await
            .contains("unknown or revoked")
    );

    browser.sign_in(&app.base, ADMIN).await;
    assert_eq!(browser.path().await, "/admin/overview");
    assert_eq!(browser.text("#subject-count").await, "1");
    // Search: the query is in the URL, the result links to the subject.
    browser.click("nav a[href='/admin/subjects']").await;
    browser.fill("#q", "ali").await;
    browser.click("#search").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("q=ali"));
    assert_eq!(browser.text("#results tbody").await.lines().count(), 1);
    let link = browser
        .client
        .find(Locator::LinkText("acct:alice@example.com"))
        .await
        .unwrap();
    browser.navigate(link).await;
    assert_eq!(browser.path().await, format!("/admin/subjects/{sid}"));
    // A search the API refuses says why, beside the field.
    browser.goto(&app.url("/admin/subjects?q=%21%21")).await;
    assert!(browser.text("#q-error").await.contains("handle prefix"));

    // Before: the number is public everywhere.
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    assert!(
        browser
            .text("#preview-anonymous")
            .await
            .contains("tel:+12125550100")
    );
    assert!(
        browser
            .text("#preview-dns")
            .await
            .contains("tel:+12125550100")
    );
    assert!(
        published(&app)
            .await
            .iter()
            .any(|h| h.contains("+12125550100"))
    );
    // The mailto address is for token holders only.
    assert!(!browser.text("#preview-anonymous").await.contains("mailto:"));
    assert!(
        browser
            .text("#preview-token")
            .await
            .contains("mailto:alice@example.com")
    );

    // One click: the number becomes visible to token holders only.
    browser
        .click("[data-test='visibility-0-authenticated']")
        .await;
    assert_eq!(browser.path().await, format!("/admin/subjects/{sid}"));
    assert_eq!(
        browser
            .client
            .find(Locator::Css("[data-test='visibility-0-authenticated']"))
            .await
            .unwrap()
            .attr("aria-pressed")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    let anonymous = browser.text("#preview-anonymous").await;
    assert!(!anonymous.contains("tel:+12125550100"), "{anonymous}");
    assert!(
        browser
            .text("#preview-token")
            .await
            .contains("tel:+12125550100")
    );
    assert!(
        !browser
            .text("#preview-dns")
            .await
            .contains("tel:+12125550100")
    );
    assert!(
        !browser
            .text("#preview-axfr")
            .await
            .contains("tel:+12125550100")
    );
    // The public channel agrees with the preview.
    assert!(
        !published(&app)
            .await
            .iter()
            .any(|h| h.contains("+12125550100"))
    );
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["addresses"][0]["visibility"], "authenticated");

    // Rename, and an invalid name is refused beside its field.
    browser.fill("#display_name", "Alice E.").await;
    browser.click("#save-name").await;
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["display_name"], "Alice E.");
    browser.fill("#display_name", &"x".repeat(300)).await;
    browser.click("#save-name").await;
    assert!(browser.has("#name-error").await);
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["display_name"], "Alice E.");

    // Add an address; an invalid one is refused beside the field.
    browser.fill("#new-uri", "tel:not-a-number").await;
    browser.click("#add-address").await;
    assert!(browser.has("#add-error").await);
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    browser.fill("#new-uri", "xmpp:alice@example.com").await;
    browser.click("#add-address").await;
    assert!(
        browser
            .text("#addresses")
            .await
            .contains("xmpp:alice@example.com")
    );
    assert!(
        published(&app)
            .await
            .iter()
            .any(|h| h == "xmpp:alice@example.com")
    );

    // Reorder: the second address moves up.
    let before = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    let second = before["addresses"][1]["uri"].clone();
    browser
        .click(&format!(
            "[aria-label='Move {} up']",
            second.as_str().unwrap()
        ))
        .await;
    let after = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(after["addresses"][0]["uri"], second);

    if std::env::var("UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        browser.client.set_window_size(1280, 1500).await.unwrap();
        browser
            .goto(&app.url(&format!("/admin/subjects/{sid}")))
            .await;
        let png = browser.client.screenshot().await.unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/console.png");
        std::fs::write(path, png).unwrap();
    }

    // Sign out: the session is gone, the pages lead to sign-in again.
    browser.click("#signout").await;
    assert_eq!(browser.path().await, "/admin/signin");
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    assert_eq!(browser.path().await, "/admin/signin");
    browser.quit().await;
}

#[tokio::test]
async fn a_conflict_between_two_sessions_is_shown_and_neither_change_is_lost() {
    let app = TestApp::spawn().await;
    let subject = alice(&app).await;
    let sid = id(&subject).to_owned();
    let page = format!("/admin/subjects/{sid}");
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.goto(&app.url(&page)).await;

    // Another session changes the subject after the browser loaded it.
    let other = Other::sign_in(&app, ADMIN).await;
    let (csrf, version) = other.tokens_of(&page).await;
    let r = other
        .post(
            &format!("{page}/name"),
            &[
                ("csrf", &csrf),
                ("version", &version),
                ("display_name", "Renamed elsewhere"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);

    // The browser's click is refused as a conflict, and says so.
    browser.click("[data-test='visibility-1-private']").await;
    assert!(
        browser
            .text("#conflict")
            .await
            .contains("changed by someone else")
    );
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["display_name"], "Renamed elsewhere");
    assert_eq!(stored["addresses"][1]["visibility"], "public");
    // The page now shows the other change; the same click then works.
    assert_eq!(
        browser
            .client
            .find(Locator::Id("display_name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Renamed elsewhere")
    );
    browser.click("[data-test='visibility-1-private']").await;
    assert!(!browser.has("#conflict").await);
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["display_name"], "Renamed elsewhere");
    assert_eq!(stored["addresses"][1]["visibility"], "private");

    // A form whose form token was tampered with is refused, and changes nothing.
    browser
        .client
        .execute(
            "document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged');",
            vec![],
        )
        .await
        .unwrap();
    browser.click("[data-test='visibility-0-private']").await;
    assert!(
        browser
            .text("main")
            .await
            .contains("form token does not match")
    );
    let stored = app.admin().get(&format!("/api/v1/subjects/{sid}")).await;
    assert_eq!(stored["addresses"][0]["visibility"], "public");
    browser.quit().await;
}

#[tokio::test]
async fn an_admin_creates_a_token_sees_its_secret_once_and_revokes_it() {
    let app = TestApp::spawn().await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.goto(&app.url("/admin/tokens")).await;
    browser.fill("#token-name", "ops-console").await;
    browser
        .client
        .find(Locator::Css("#token-scope option[value=admin]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click("#create-token").await;
    let secret = browser.text("#secret").await;
    assert!(secret.starts_with("cs_"), "{secret}");
    // The script shows the copy button.
    assert!(
        browser
            .client
            .find(Locator::Css("button[data-copy=secret]"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap()
    );
    // The secret works on the API, and signs in to the console.
    let r = app
        .request(Method::GET, "/api/v1/subjects")
        .bearer_auth(&secret)
        .go()
        .await;
    assert_eq!(r.status(), 200);
    let other = Other::sign_in(&app, &secret).await;
    assert_eq!(other.get("/admin/tokens").await.status(), 200);
    // Listed; the secret is not shown again.
    browser.goto(&app.url("/admin/tokens")).await;
    assert!(browser.text("#tokens").await.contains("ops-console"));
    assert!(!browser.client.source().await.unwrap().contains(&secret));

    browser.click("[aria-label='Revoke ops-console']").await;
    assert!(
        browser
            .text("tr[data-token=ops-console]")
            .await
            .contains("revoked")
    );
    let r = app
        .request(Method::GET, "/api/v1/subjects")
        .bearer_auth(&secret)
        .go()
        .await;
    assert_eq!(r.status(), 401);
    // Its console session ended with it.
    let r = other.get("/admin/tokens").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/admin/signin");
    browser.quit().await;
}
