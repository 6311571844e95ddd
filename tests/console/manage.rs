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

/// Poll the job page's state (the script updates it) until the job is
/// over: bounded, 25 ms apart.
async fn finished(browser: &Browser) -> String {
    for _ in 0..800 {
        let state = browser.text("#import-state").await;
        if state != "running" {
            return state;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the import did not finish");
}

async fn upload(browser: &Browser, base: &str, path: &std::path::Path) {
    browser.goto(&format!("{base}/admin/transfer")).await;
    browser
        .client
        .find(Locator::Id("import-file"))
        .await
        .unwrap()
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    browser.click("#import").await;
    assert!(
        browser.path().await.starts_with("/admin/import/"),
        "{}",
        browser.text("main").await
    );
}

#[tokio::test]
async fn an_import_shows_its_progress_to_the_end_a_bad_file_names_its_line_and_export_downloads() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("people.ndjson");
    let lines: Vec<String> = (0..300)
        .map(|i| {
            serde_json::json!({"handle": format!("u{i:03}"), "domain": "example.com",
                "addresses": [{"uri": format!("tel:+1212555{i:04}")}]})
            .to_string()
        })
        .collect();
    std::fs::write(&good, lines.join("\n") + "\n").unwrap();
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.click("nav a[href='/admin/transfer']").await;
    upload(&browser, &app.base, &good).await;
    let job = browser.path().await;
    assert_eq!(finished(&browser).await, "done");
    assert_eq!(browser.text("#import-lines").await, "300");
    assert_eq!(browser.text("#import-stored").await, "300");
    let bar = browser
        .client
        .execute(
            "const p = document.getElementById('import-progress'); return [p.value, p.max];",
            vec![],
        )
        .await
        .unwrap();
    assert!(bar[0].as_f64().unwrap() > 0.0, "{bar}");
    assert_eq!(bar[0], bar[1]);
    assert!(!browser.has("#import-error:not([hidden])").await);
    assert_eq!(app.directory.len(), 300);
    assert!(app.webfinger("acct:u299@example.com").await.is_some());
    // The status is JSON, and only for the actor that started the job.
    let mine = crate::pages::Other::sign_in(&app, ADMIN).await;
    let status: serde_json::Value = mine
        .get(&format!("{job}/status"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["state"], "done");
    assert_eq!(status["stored"], 300);
    let secret = admin_token(&app, "someone-else").await;
    let theirs = crate::pages::Other::sign_in(&app, &secret).await;
    assert_eq!(theirs.get(&format!("{job}/status")).await.status(), 404);
    assert_eq!(theirs.get(&job).await.status(), 404);

    // A bad third line: the job fails naming it, nothing is stored.
    let bad = dir.path().join("bad.ndjson");
    let mut more: Vec<String> = (300..310)
        .map(|i| {
            serde_json::json!({"handle": format!("u{i:03}"), "domain": "example.com"}).to_string()
        })
        .collect();
    more[2] =
        r#"{"handle": "broken", "domain": "example.com", "addresses": [{"uri": "tel:nope"}]}"#
            .into();
    std::fs::write(&bad, more.join("\n") + "\n").unwrap();
    upload(&browser, &app.base, &bad).await;
    assert_eq!(finished(&browser).await, "failed");
    let error = browser.text("#import-error").await;
    assert!(error.starts_with("Line 3:"), "{error}");
    assert_eq!(app.directory.len(), 300);
    assert!(find(&app, "acct:u300@example.com").await.is_none());

    // Export: a download of the import format, with every subject.
    browser.goto(&app.url("/admin/transfer")).await;
    assert!(browser.has("a#export[href='/admin/export']").await);
    let r = mine.get("/admin/export").await;
    assert_eq!(r.status(), 200);
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"callsign-"),
        "{disposition}"
    );
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("ndjson")
    );
    let text = r.text().await.unwrap();
    assert_eq!(text.lines().count(), 300);
    assert!(
        text.contains("\"u042\""),
        "{}",
        &text[..200.min(text.len())]
    );
    browser.quit().await;
}

/// The NAPTR answer for `e164` over real DNS, as dig prints it.
async fn dig(app: &TestApp, e164: &str) -> Vec<String> {
    let owner: Vec<String> = e164
        .trim_start_matches('+')
        .chars()
        .rev()
        .map(String::from)
        .collect();
    let owner = format!("{}.e164.arpa.", owner.join("."));
    let (_, records) = app.naptr(e164).await;
    records
        .into_iter()
        .map(|(order, preference, flags, services, regexp, replacement)| {
            format!(
                "{owner} {} IN NAPTR {order} {preference} \"{flags}\" \"{services}\" \"{regexp}\" {replacement}",
                app.config.dns.ttl
            )
        })
        .collect()
}

async fn preview_records(browser: &Browser, id: &str) -> Vec<String> {
    if browser.has(&format!("#{id}-records")).await {
        browser
            .text(&format!("#{id}-records"))
            .await
            .lines()
            .map(str::to_owned)
            .collect()
    } else {
        assert!(browser.has(&format!("#{id}-none")).await);
        Vec::new()
    }
}

#[tokio::test]
async fn the_dns_preview_prints_the_records_dns_answers_and_a_hidden_address_leaves_it() {
    let app = TestApp::spawn().await;
    let subject = app
        .admin()
        .create_subject(serde_json::json!({
            "handle": "erin", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550177", "priority": 10},
                          {"uri": "sip:erin@example.com", "priority": 20},
                          {"uri": "xmpp:erin@example.com", "priority": 30}]
        }))
        .await;
    let sid = id(&subject).to_owned();
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser
        .goto(&app.url(&format!("/admin/subjects/{sid}")))
        .await;
    // What DNS answers, line for line; the zone transfer carries the same.
    let answered = dig(&app, "+12125550177").await;
    assert_eq!(answered.len(), 2, "{answered:?}");
    assert!(
        answered.iter().any(
            |l| l.starts_with("7.7.1.0.5.5.5.2.1.2.1.e164.arpa. 3600 IN NAPTR ")
                && l.ends_with(" \"u\" \"E2U+sip\" \"!^.*$!sip:erin@example.com!\" .")
        ),
        "{answered:?}"
    );
    assert_eq!(preview_records(&browser, "preview-dns").await, answered);
    assert_eq!(preview_records(&browser, "preview-axfr").await, answered);

    // The sip address hidden: its record leaves DNS and the preview.
    browser.click("[data-test='visibility-1-private']").await;
    let answered = dig(&app, "+12125550177").await;
    assert_eq!(answered.len(), 1);
    assert!(!answered[0].contains("sip:"));
    let shown = preview_records(&browser, "preview-dns").await;
    assert_eq!(shown, answered);
    assert!(!shown.iter().any(|l| l.contains("sip:erin")));
    // The number itself hidden: no record at all; public again: back.
    browser.click("[data-test='visibility-0-private']").await;
    assert!(dig(&app, "+12125550177").await.is_empty());
    assert!(preview_records(&browser, "preview-dns").await.is_empty());
    assert!(preview_records(&browser, "preview-axfr").await.is_empty());
    browser.click("[data-test='visibility-0-public']").await;
    let answered = dig(&app, "+12125550177").await;
    assert_eq!(answered.len(), 1);
    assert_eq!(preview_records(&browser, "preview-dns").await, answered);
    browser.quit().await;
}

#[tokio::test]
async fn the_overview_shows_each_zones_soa_serial_and_every_replicas_serial() {
    let app = TestApp::spawn_with(crate::support::app::Backend::Sqlite, |config| {
        config.directory.replica_name = Some("console-test".into());
        config.directory.heartbeat_interval_ms = 100;
    })
    .await;
    for (handle, number) in [("f1", "+12125551061"), ("f2", "+12125551062")] {
        app.admin()
            .create_subject(
                serde_json::json!({"handle": handle, "domain": "example.com",
                "addresses": [{"uri": format!("tel:{number}")},
                              {"uri": format!("sip:{handle}@example.com")}]}),
            )
            .await;
    }
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, ADMIN).await;
    browser.goto(&app.url("/admin/overview")).await;
    let soa = app.soa_serial().await;
    assert!(soa > 0);
    assert_eq!(
        browser
            .text("tr[data-zone='e164.arpa.'] td.soa-serial")
            .await,
        soa.to_string()
    );
    let newest = app.admin().get("/api/v1/audit?limit=1").await["items"][0]["serial"]
        .as_i64()
        .unwrap();
    let shown = browser.text("#db-serial").await;
    assert!(shown.starts_with(&newest.to_string()), "{shown}");
    assert!(shown.contains("caught up"), "{shown}");
    assert_eq!(browser.text("#serial").await, newest.to_string());
    // This process's heartbeat, once it carries the newest serial.
    for _ in 0..100 {
        let list = app.admin().get("/api/v1/replicas").await;
        if list["items"][0]["serial"] == newest {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    browser.goto(&app.url("/admin/overview")).await;
    let row = "tr[data-replica='console-test']";
    assert_eq!(
        browser.text(&format!("{row} td.serial")).await,
        newest.to_string()
    );
    assert_eq!(browser.text(&format!("{row} td.behind")).await, "0");
    assert_eq!(browser.text(&format!("{row} td.state")).await, "ready");
    browser.quit().await;
}

#[tokio::test]
async fn blocks_are_listed_created_with_errors_beside_their_fields_and_deleted() {
    let app = TestApp::spawn().await;
    app.admin()
        .create_subject(serde_json::json!({"handle": "pbx", "domain": "example.com"}))
        .await;
    let other = crate::pages::Other::sign_in(&app, ADMIN).await;
    let page = other.get("/admin/blocks").await.text().await.unwrap();
    assert!(page.contains("No number block."), "{page}");
    let csrf = crate::pages::hidden(&page, "csrf").unwrap();
    let create = |prefix: &'static str, owner: &'static str, templates: &'static str| {
        let csrf = csrf.clone();
        let other = &other;
        async move {
            other
                .post(
                    "/admin/blocks",
                    &[
                        ("csrf", &csrf),
                        ("prefix", prefix),
                        ("length", "13"),
                        ("owner", owner),
                        ("label", "Berlin office"),
                        ("templates", templates),
                    ],
                )
                .await
        }
    };
    // Each refusal is beside its field, and stores nothing.
    for (prefix, owner, templates, field) in [
        (
            "+49 30 12x4",
            "acct:pbx@example.com",
            "sip:\\1@pbx.example.com",
            "prefix",
        ),
        (
            "+49301234",
            "acct:nobody@example.com",
            "sip:\\1@pbx.example.com",
            "owner",
        ),
        (
            "+49301234",
            "acct:pbx@example.com",
            "not a uri",
            "templates",
        ),
    ] {
        let r = create(prefix, owner, templates).await;
        assert_eq!(r.status(), 422, "{field}");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!("id=\"block-{field}-error\"")),
            "{field}: {page}"
        );
        assert!(page.contains(&format!("aria-describedby=\"block-{field}-error\"")));
    }
    assert!(
        app.admin().get("/api/v1/blocks").await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let r = create(
        "+49 30 1234",
        "acct:pbx@example.com",
        "sip:\\1@pbx.example.com\nxmpp:\\1@chat.example.com",
    )
    .await;
    assert_eq!(r.status(), 303);
    let stored = app.admin().get("/api/v1/blocks").await;
    let block = &stored["items"][0];
    assert_eq!(block["prefix"], "+49301234");
    assert_eq!(block["owner"], "acct:pbx@example.com");
    assert_eq!(block["templates"].as_array().unwrap().len(), 2);
    let page = other.get("/admin/blocks").await.text().await.unwrap();
    for shown in [
        "+49301234",
        "acct:pbx@example.com",
        "Berlin office",
        "xmpp:\\1@chat.example.com",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    // The same prefix again: refused beside the prefix.
    let r = create("+49301234", "", "sip:\\1@pbx.example.com").await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("id=\"block-prefix-error\"")
    );

    // Delete, through the form on the list.
    let at = page.find("/admin/blocks/").unwrap();
    let action = &page[at..at + page[at..].find('"').unwrap()];
    let version = block["version"].to_string();
    let r = other
        .post(action, &[("csrf", &csrf), ("version", &version)])
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        app.admin().get("/api/v1/blocks").await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_self_token_reaches_only_its_own_subject_page() {
    let app = TestApp::spawn().await;
    let mine = app
        .admin()
        .create_subject(
            serde_json::json!({"handle": "gina", "domain": "example.com",
            "addresses": [{"uri": "tel:+12125550188"}, {"uri": "sip:gina@example.com"}]}),
        )
        .await;
    let theirs = app
        .admin()
        .create_subject(serde_json::json!({"handle": "hal", "domain": "example.com"}))
        .await;
    let (mine, theirs) = (id(&mine).to_owned(), id(&theirs).to_owned());
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&serde_json::json!({"name": "gina-self", "scope": "self", "subject": mine}))
        .go()
        .await;
    let secret = ok(r, 201).await["secret"].as_str().unwrap().to_owned();
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.sign_in(&app.base, &secret).await;
    // Lands on its own page, with no admin navigation and no delete.
    assert_eq!(browser.path().await, format!("/admin/subjects/{mine}"));
    assert!(!browser.has("nav a[href='/admin/overview']").await);
    assert!(!browser.has("#delete-subject").await);
    assert!(!browser.has("#history").await);
    // It may change its own subject.
    browser.click("[data-test='visibility-1-private']").await;
    let stored = app.admin().get(&format!("/api/v1/subjects/{mine}")).await;
    assert_eq!(stored["addresses"][1]["visibility"], "private");
    // Everything else is refused.
    for path in [
        format!("/admin/subjects/{theirs}"),
        format!("/admin/subjects/{mine}/delete"),
        "/admin/overview".into(),
        "/admin/subjects".into(),
        "/admin/audit".into(),
        "/admin/blocks".into(),
        "/admin/tokens".into(),
        "/admin/transfer".into(),
        "/admin/export".into(),
    ] {
        browser.goto(&app.url(&path)).await;
        assert_eq!(browser.text("h1").await, "Forbidden", "{path}");
        assert!(browser.has("p.error[role=alert]").await, "{path}");
    }
    // Over HTTP too, with the status.
    let other = crate::pages::Other::sign_in(&app, &secret).await;
    assert_eq!(
        other
            .get(&format!("/admin/subjects/{theirs}"))
            .await
            .status(),
        403
    );
    assert_eq!(other.get("/admin/export").await.status(), 403);
    let (csrf, _) = other.tokens_of(&format!("/admin/subjects/{mine}")).await;
    let r = other
        .post(
            "/admin/subjects",
            &[("csrf", &csrf), ("acct", "ivan@example.com")],
        )
        .await;
    assert_eq!(r.status(), 403);
    let r = other
        .post(
            &format!("/admin/subjects/{theirs}/name"),
            &[("csrf", &csrf), ("version", "1"), ("display_name", "x")],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        app.admin().get(&format!("/api/v1/subjects/{theirs}")).await["display_name"],
        ""
    );
    browser.quit().await;
}
