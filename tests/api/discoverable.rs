//! Who can find me: `discoverable` as a level (`everyone`, `authenticated`,
//! `audience:…`, `nobody`; `true` and `false` still mean the two ends). A
//! key its caller may not use answers what an unknown key answers, on
//! every channel; DNS publishes only what everyone may find.

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::server::{observable, ok};
use reqwest::Method;
use serde_json::{Value, json};

/// Alice: findable by acct by token holders; her public number by
/// everyone, her public SIP address by partners only, her public XMPP
/// address by nobody.
async fn alice(app: &TestApp) -> Value {
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "example.com",
            "discoverable": "authenticated",
            "addresses": [
                {"uri": "tel:+12125550100", "priority": 10, "discoverable": true},
                {"uri": "sip:alice@example.com", "priority": 20,
                 "discoverable": "audience:partners"},
                {"uri": "xmpp:alice@example.com", "priority": 30, "discoverable": "nobody"},
                {"uri": "tel:+12125550101", "priority": 40, "discoverable": "authenticated"},
            ]
        }))
        .await
}

async fn spawn() -> (TestApp, String, String) {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.axfr_allow = "127.0.0.0/8".parse().unwrap();
    })
    .await;
    let r = app
        .as_admin(Method::POST, "/api/v1/audiences")
        .json(&json!({"name": "partners"}))
        .go()
        .await;
    ok(r, 201).await;
    let body = json!({"name": "acme", "scope": "lookup", "audiences": ["partners"]});
    let r = app
        .as_admin(Method::POST, "/api/v1/tokens")
        .json(&body)
        .go()
        .await;
    let partners = ok(r, 201).await["secret"].as_str().unwrap().to_owned();
    let lookup = app.admin().token("lookup").await;
    (app, partners, lookup)
}

/// Does `key` find Alice for `token`, and if not, is the answer exactly
/// an unknown key's, on WebFinger, single and batch lookup and vCard?
async fn finds(app: &TestApp, key: &str, unknown: &str, token: Option<&str>) -> bool {
    let finger = |resource: String| {
        let mut r = app.finger(&format!("resource={resource}"));
        if let Some(token) = token {
            r = r.bearer_auth(token);
        }
        r.go()
    };
    let hidden = observable(finger(key.to_owned()).await).await;
    let found = hidden.0 == 200;
    if !found {
        assert_eq!(
            hidden,
            observable(finger(unknown.to_owned()).await).await,
            "{key}"
        );
    }
    for format in ["", "&format=vcard"] {
        let r = app
            .try_lookup(&format!("address={key}{format}"), token)
            .await;
        let hidden = observable(r).await;
        if found {
            assert_eq!(hidden.0, 200, "{key}{format}");
            let body = String::from_utf8_lossy(&hidden.2);
            assert!(
                body.to_lowercase().contains("alice"),
                "{key}{format}: {body}"
            );
        } else {
            let query = format!("address={unknown}{format}");
            let unknown = observable(app.try_lookup(&query, token).await).await;
            assert_eq!(hidden, unknown, "{key}{format}");
        }
    }
    let Some(token) = token else {
        return found; // batch lookups need a token
    };
    let batch = |k: &str| app.try_lookup_batch(json!({"addresses": [k]}), Some(token));
    let hidden = ok(batch(key).await, 200).await;
    assert_eq!(
        hidden["results"][0]["subject"].is_null(),
        !found,
        "batch {key}"
    );
    if !found {
        let unknown_answer = ok(batch(unknown).await, 200).await;
        let strip = |v: &Value| v.to_string().replace(key, "KEY").replace(unknown, "KEY");
        assert_eq!(strip(&hidden), strip(&unknown_answer), "batch {key}");
    }
    found
}

#[tokio::test]
async fn each_key_finds_for_whom_its_level_says_and_hides_like_an_unknown_key() {
    let (app, partners, lookup) = spawn().await;
    let subject = alice(&app).await;
    // Levels read back; the two ends as the flags they always were.
    assert_eq!(subject["discoverable"], "authenticated");
    let levels: Vec<&Value> = subject["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["discoverable"])
        .collect();
    assert_eq!(
        levels,
        [
            &json!(true),
            &json!("audience:partners"),
            &json!(false),
            &json!("authenticated")
        ]
    );

    let cases = [
        (
            "acct:alice@example.com",
            "acct:nobody@example.com",
            [false, true, true],
        ),
        ("tel:+12125550100", "tel:+12125550199", [true, true, true]),
        (
            "sip:alice@example.com",
            "sip:nobody@example.com",
            [false, false, true],
        ),
        (
            "xmpp:alice@example.com",
            "xmpp:nobody@example.com",
            [false, false, false],
        ),
        ("tel:+12125550101", "tel:+12125550198", [false, true, true]),
    ];
    for (key, unknown, expected) in cases {
        let seen = [
            finds(&app, key, unknown, None).await,
            finds(&app, key, unknown, Some(&lookup)).await,
            finds(&app, key, unknown, Some(&partners)).await,
        ];
        assert_eq!(seen, expected, "{key}: anonymous, lookup, partners");
    }

    // DNS publishes the number everyone may find, not the other.
    // (Once seen answering nothing under a loaded parallel run; the cause
    // is not known: wait a little, and say what was answered if it lasts.)
    let mut answer = app.naptr("+12125550100").await;
    for _ in 0..40 {
        if !answer.1.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        answer = app.naptr("+12125550100").await;
    }
    assert!(!answer.1.is_empty(), "{answer:?}");
    let hidden = app.naptr("+12125550101").await;
    let unknown = app.naptr("+12125550198").await;
    assert_eq!(hidden, unknown);
    let zone = app.axfr("e164.arpa.").await;
    let names: Vec<String> = zone.iter().map(|r| r.name.to_ascii()).collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("0.0.1.0.5.5.5.2.1.2.1."))
    );
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("1.0.1.0.5.5.5.2.1.2.1."))
    );

    // Levels change by merge patch; true and false are still taken.
    let patched = app
        .admin()
        .patch_subject(
            subject["id"].as_str().unwrap(),
            json!({"discoverable": true}),
        )
        .await;
    assert_eq!(patched["discoverable"], true);
    assert!(
        finds(
            &app,
            "acct:alice@example.com",
            "acct:nobody@example.com",
            None
        )
        .await
    );
}

#[tokio::test]
async fn bad_levels_are_refused_by_field_and_nothing_is_stored() {
    let (app, _, _) = spawn().await;
    for (body, field) in [
        (json!({"discoverable": "public"}), "discoverable"),
        (json!({"discoverable": "audience:nosuch"}), "discoverable"),
        (
            json!({"addresses": [{"uri": "sip:alice@example.com", "discoverable": "audience:nosuch"}]}),
            "addresses[0].discoverable",
        ),
        (
            json!({"addresses": [{"uri": "sip:alice@example.com", "discoverable": 1}]}),
            "addresses[0].discoverable",
        ),
    ] {
        let mut subject = json!({"handle": "alice", "domain": "example.com"});
        subject
            .as_object_mut()
            .unwrap()
            .extend(body.as_object().unwrap().clone());
        let r = app.admin().try_create_subject(subject.clone()).await;
        assert_eq!(r.status(), 400, "{subject}");
        let problem = assert_problem(r, 400).await;
        assert_eq!(problem["field"], field, "{problem}");
    }
    let found = app.admin().get("/api/v1/subjects?q=alice").await;
    assert_eq!(found["items"], json!([]), "nothing stored");
}

#[tokio::test]
async fn the_exposure_report_says_what_each_channel_answers() {
    let (app, partners, lookup) = spawn().await;
    let subject = alice(&app).await;
    let admin = app.admin().token("admin").await;
    let path = format!(
        "/api/v1/subjects/{}/exposure",
        subject["id"].as_str().unwrap()
    );
    let report = app.admin().get(&path).await;
    assert_eq!(report["subject"], "acct:alice@example.com");
    let classes: Vec<&str> = report["viewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["viewer"].as_str().unwrap())
        .collect();
    assert_eq!(
        classes,
        ["anonymous", "authenticated", "audience:partners", "admin"]
    );
    let keys = [
        ("acct:alice@example.com", "acct:nobody@example.com"),
        ("tel:+12125550100", "tel:+12125550199"),
        ("sip:alice@example.com", "sip:nobody@example.com"),
        ("xmpp:alice@example.com", "xmpp:nobody@example.com"),
        ("tel:+12125550101", "tel:+12125550198"),
    ];
    let tokens = [None, Some(lookup), Some(partners), Some(admin)];
    for (entry, token) in report["viewers"].as_array().unwrap().iter().zip(tokens) {
        for channel in ["webfinger", "lookup"] {
            let listed = entry[channel]["keys"].as_array().unwrap();
            for (key, unknown) in keys {
                assert_eq!(
                    finds(&app, key, unknown, token.as_deref()).await,
                    listed.contains(&json!(key)),
                    "{} {channel} {key}",
                    entry["viewer"]
                );
            }
        }
        // ENUM answers the same to everyone: the number everyone may find.
        assert_eq!(entry["enum_dns"]["keys"], json!(["tel:+12125550100"]));
        assert_eq!(entry["axfr"], entry["enum_dns"]);
        assert_eq!(
            entry["enum_dns"]["addresses"],
            json!([
                "tel:+12125550100",
                "sip:alice@example.com",
                "xmpp:alice@example.com",
                "tel:+12125550101"
            ])
        );
    }
}
