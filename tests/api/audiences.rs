//! Audiences: named groups of tokens that an address can be shown to
//! (`"visibility": "audience:partners"`), managed through the admin API and
//! enforced on every channel by the one privacy function.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::{id, observable, ok};
use reqwest::{Method, Response};
use serde_json::{Value, json};

/// `POST /api/v1/audiences`.
async fn create_audience(app: &TestApp, name: &str) -> Response {
    app.as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": name}))
        .go()
        .await
}

/// `POST /api/v1/tokens` with `body`.
async fn create_token(app: &TestApp, body: Value) -> Response {
    app.as_admin(Method::POST, "/api/v1/tokens")
        .json(&body)
        .go()
        .await
}

/// The secret of a new lookup token in `audiences`.
async fn token_in(app: &TestApp, audiences: &[&str]) -> String {
    let body = json!({"name": "t", "scope": "lookup", "audiences": audiences});
    let token = ok(create_token(app, body).await, 201).await;
    token["secret"].as_str().unwrap().to_owned()
}

async fn delete_audience(app: &TestApp, name: &str) -> Response {
    app.as_admin(Method::DELETE, &format!("/api/v1/audiences/{name}"))
        .go()
        .await
}

/// Alice: a public number, a SIP address for partners, an XMPP address
/// for partners or staff, a private mailbox.
async fn alice(app: &TestApp) -> Value {
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10},
                {"uri": "sip:alice@example.com", "priority": 20, "visibility": "audience:partners"},
                {"uri": "xmpp:alice@example.com", "priority": 30,
                 "visibility": "audience:staff,partners"},
                {"uri": "mailto:alice@example.com", "priority": 40, "visibility": "private"},
            ]
        }))
        .await
}

/// The addresses a WebFinger answer for `resource` shows (its aliases),
/// with `token` when given; `None` when it answers 404.
async fn finger(app: &TestApp, resource: &str, token: Option<&str>) -> Option<Vec<String>> {
    let mut request = app.finger(&format!("resource={resource}"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let r = request.go().await;
    if r.status() == 404 {
        return None;
    }
    let body = ok(r, 200).await;
    let aliases = body["aliases"].as_array().cloned().unwrap_or_default();
    Some(
        aliases
            .iter()
            .map(|a| a.as_str().unwrap().to_owned())
            .collect(),
    )
}

async fn lifecycle(app: TestApp) {
    let created = ok(create_audience(&app, "partners").await, 201).await;
    assert_eq!(created["name"], "partners");
    let problem = assert_problem(create_audience(&app, "partners").await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("partners"));
    let problem = assert_problem(create_audience(&app, "Partners!").await, 400).await;
    assert_eq!(problem["field"], "name");
    ok(create_audience(&app, "staff").await, 201).await;
    let list = app.admin().get("/api/v1/audiences").await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["partners", "staff"]);

    // Tokens name their audiences; an unknown one is refused by index.
    let body = json!({"name": "acme", "scope": "lookup", "audiences": ["staff", "partners"]});
    let token = ok(create_token(&app, body).await, 201).await;
    assert_eq!(token["audiences"], json!(["partners", "staff"]));
    let body = json!({"name": "x", "scope": "lookup", "audiences": ["partners", "nosuch"]});
    let problem = assert_problem(create_token(&app, body).await, 400).await;
    assert_eq!(problem["field"], "audiences[1]");
    let body = json!({"name": "x", "scope": "lookup", "audiences": ["Bad Name"]});
    let problem = assert_problem(create_token(&app, body).await, 400).await;
    assert_eq!(problem["field"], "audiences[0]");
    let tokens = app.admin().get("/api/v1/tokens").await;
    assert_eq!(
        tokens["items"].as_array().unwrap().len(),
        1,
        "nothing stored"
    );

    // In use by a token, then by addresses: 409 naming the user.
    let problem = assert_problem(delete_audience(&app, "staff").await, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains("token acme"));
    app.admin().revoke_token(id(&token)).await;
    let subject = alice(&app).await;
    let problem = assert_problem(delete_audience(&app, "staff").await, 409).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("address xmpp:alice@example.com"),
        "{problem}"
    );
    // A name that merely starts alike is not in use.
    ok(create_audience(&app, "staf").await, 201).await;
    assert_eq!(delete_audience(&app, "staf").await.status(), 204);

    let xmpp = subject["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["uri"] == "xmpp:alice@example.com")
        .unwrap()
        .clone();
    assert_eq!(xmpp["visibility"], "audience:partners,staff");
    app.admin()
        .patch_address(
            id(&subject),
            id(&xmpp),
            json!({"visibility": "audience:partners"}),
        )
        .await;
    assert_eq!(delete_audience(&app, "staff").await.status(), 204);
    assert_problem(delete_audience(&app, "staff").await, 404).await;
    assert_problem(delete_audience(&app, "partners").await, 409).await;

    // Every change is in the change log, with its actor.
    let audit = app.admin().get("/api/v1/audit?limit=20").await;
    let operations: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["operation"].as_str().unwrap())
        .filter(|o| o.starts_with("audience."))
        .collect();
    assert_eq!(
        operations,
        [
            "audience.delete",
            "audience.delete",
            "audience.create",
            "audience.create",
            "audience.create"
        ]
    );
    assert_eq!(audit["items"][0]["before"]["name"], "staff");
}

#[tokio::test]
async fn audiences_are_created_listed_and_deleted_when_unused_on_sqlite() {
    lifecycle(TestApp::spawn().await).await;
}

#[tokio::test]
async fn audiences_are_created_listed_and_deleted_when_unused_on_postgres() {
    lifecycle(TestApp::spawn_with(Backend::Postgres, |_| {}).await).await;
}

#[tokio::test]
async fn an_audience_address_shows_to_its_tokens_and_admins_only() {
    let app = TestApp::spawn().await;
    for name in ["partners", "staff", "press"] {
        ok(create_audience(&app, name).await, 201).await;
    }
    alice(&app).await;
    let partners = token_in(&app, &["partners"]).await;
    let staff = token_in(&app, &["staff"]).await;
    let press = token_in(&app, &["press"]).await;
    let none = token_in(&app, &[]).await;
    let admin = app.admin().token("admin").await;
    let acct = "acct:alice@example.com";
    let public = vec!["tel:+12125550100".to_owned()];
    let all = vec![
        "tel:+12125550100".to_owned(),
        "sip:alice@example.com".to_owned(),
        "xmpp:alice@example.com".to_owned(),
    ];
    assert_eq!(finger(&app, acct, None).await, Some(public.clone()));
    assert_eq!(finger(&app, acct, Some(&none)).await, Some(public.clone()));
    assert_eq!(finger(&app, acct, Some(&press)).await, Some(public.clone()));
    assert_eq!(finger(&app, acct, Some(&partners)).await, Some(all.clone()));
    assert_eq!(finger(&app, acct, Some(&admin)).await, Some(all));
    assert_eq!(
        finger(&app, acct, Some(&staff)).await,
        Some(vec![
            "tel:+12125550100".to_owned(),
            "xmpp:alice@example.com".to_owned()
        ])
    );

    // A key its caller may not use answers what an unknown key answers,
    // on WebFinger and on the lookup API.
    for token in [None, Some(none.as_str()), Some(staff.as_str())] {
        let ask = |resource: &str| {
            let mut r = app.finger(&format!("resource={resource}"));
            if let Some(token) = token {
                r = r.bearer_auth(token);
            }
            r.go()
        };
        let unknown = observable(ask("sip:nobody@example.com").await).await;
        let hidden = observable(ask("sip:alice@example.com").await).await;
        assert_eq!(hidden, unknown);
        let unknown = observable(
            app.try_lookup("address=sip:nobody@example.com", token)
                .await,
        )
        .await;
        let hidden = observable(app.try_lookup("address=sip:alice@example.com", token).await).await;
        assert_eq!(hidden, unknown);
    }
    // …and the partner finds Alice by it.
    let found = app
        .lookup("address=sip:alice@example.com", Some(&partners))
        .await;
    assert!(
        found.to_string().contains("xmpp:alice@example.com"),
        "{found}"
    );
}

#[tokio::test]
async fn unknown_audiences_and_bad_spellings_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    ok(create_audience(&app, "partners").await, 201).await;
    for (visibility, reason) in [
        ("audience:nosuch", "nosuch"),
        ("audience:partners,nosuch", "nosuch"),
        ("audience:", "audience"),
        ("audience:Partners", "audience"),
        ("everyone", "everyone"),
    ] {
        let r = app
            .admin()
            .try_create_subject(json!({
                "handle": "alice", "domain": "example.com",
                "addresses": [{"uri": "sip:alice@example.com", "visibility": visibility}]
            }))
            .await;
        let problem = assert_problem(r, 400).await;
        let field = problem["field"].as_str().unwrap();
        assert!(field.starts_with("addresses[0].visibility"), "{problem}");
        assert!(
            problem["detail"].as_str().unwrap().contains(reason),
            "{problem}"
        );
    }
    let found = app.admin().get("/api/v1/subjects?q=alice").await;
    assert_eq!(found["items"], json!([]), "nothing stored");
}
