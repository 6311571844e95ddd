//! Input that looked harmless and was not: NAPTR regexps that broke DNS
//! clients and zone transfers, IPv6 literals, and addresses or names that
//! hide or impersonate through Unicode.

use std::path::{Path, PathBuf};

use crate::support::app::{Backend, Go, TestApp, assert_problem, resolve_through};
use crate::support::server::ok;
use reqwest::Method;
use serde_json::{Value, json};

const NUMBER: &str = "+12125550100";
const OWNER: &str = "0.0.1.0.5.5.5.2.1.2.1.e164.arpa";

/// A DNS tool from bind9-dnsutils or knot-dnsutils, or `None` (a failure
/// under CI).
fn tool(binary: &str) -> Option<PathBuf> {
    let package = if binary == "kdig" {
        "knot-dnsutils"
    } else {
        "bind9-dnsutils"
    };
    crate::support::tools::require(binary, package)
}

/// `binary args…` against the app's DNS port; its standard output. (The
/// process is awaited, not waited for: the server shares this runtime.)
async fn run(binary: &Path, app: &TestApp, args: &[&str]) -> String {
    let port = app.dns.port().to_string();
    let once = if binary.ends_with("kdig") {
        "+retry=0"
    } else {
        "+tries=1"
    };
    let out = tokio::process::Command::new(binary)
        .arg(format!("@{}", app.dns.ip()))
        .args(["-p", port.as_str(), "+norec", "+time=5", once])
        .args(args)
        .output()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{} {args:?}: {text}{}",
        binary.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Addresses the API accepts whose NAPTR regexp needs RFC 3402 escapes:
/// `!` is the delimiter.
const NEEDS_ESCAPES: [&str; 3] = [
    "mailto:a!b@b.example",
    "xmpp:c!d@b.example",
    "https://b.example/~e!f",
];

async fn publisher() -> TestApp {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.axfr_allow = "127.0.0.0/8".parse().unwrap();
    })
    .await;
    let mut addresses = vec![json!({"uri": format!("tel:{NUMBER}")})];
    addresses.extend(NEEDS_ESCAPES.iter().map(|uri| json!({"uri": uri})));
    addresses.push(json!({"uri": "sip:plain@b.example"}));
    app.admin()
        .create_subject(json!({"handle": "bang", "domain": "b.example", "addresses": addresses}))
        .await;
    // Enough other subjects that the transfer takes several messages.
    for i in 0..40 {
        app.admin()
            .create_subject(
                json!({"handle": format!("u{i}"), "domain": "b.example", "addresses": [
                    {"uri": format!("tel:+1212555{:04}", 2000 + i)},
                    {"uri": format!("mailto:u{i}!x@b.example")},
                ]}),
            )
            .await;
    }
    app
}

/// The regexp each escaped address must be published with.
fn escaped(uri: &str) -> String {
    format!("!^.*$!{}!", uri.replace('!', "\\!"))
}

#[tokio::test]
async fn naptrs_of_accepted_addresses_parse_in_hickory_dig_and_kdig() {
    let app = publisher().await;

    let (_, naptrs) = app.naptr(NUMBER).await;
    let mut got: Vec<(String, String)> = naptrs
        .into_iter()
        .map(|(_, _, _, services, regexp, _)| (services, regexp))
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = vec![
        ("E2U+email:mailto".into(), escaped(NEEDS_ESCAPES[0])),
        ("E2U+xmpp".into(), escaped(NEEDS_ESCAPES[1])),
        ("E2U+web:https".into(), escaped(NEEDS_ESCAPES[2])),
        ("E2U+sip".into(), "!^.*$!sip:plain@b.example!".into()),
    ];
    want.sort();
    assert_eq!(got, want);

    for binary in ["dig", "kdig"].into_iter().filter_map(tool) {
        let text = run(&binary, &app, &[OWNER, "NAPTR"]).await;
        assert!(!text.contains("bad packet"), "{text}");
        assert!(text.contains("NOERROR"), "{text}");
        // Presentation format doubles the backslash of `\!`.
        for uri in NEEDS_ESCAPES {
            let shown = format!("\"!^.*$!{}!\"", uri.replace('!', "\\\\!"));
            assert!(
                text.contains(&shown),
                "{} lacks {shown}:\n{text}",
                binary.display()
            );
        }
    }
}

#[tokio::test]
async fn a_zone_with_escaped_regexps_transfers_completely() {
    let app = publisher().await;
    for binary in ["dig", "kdig"].into_iter().filter_map(tool) {
        let text = run(&binary, &app, &["e164.arpa", "AXFR"]).await;
        assert!(
            !text.contains("bad packet") && !text.contains("failed"),
            "{text}"
        );
        let of_type = |rtype: &str| {
            text.lines()
                .filter(|l| !l.starts_with(';') && l.split_whitespace().nth(3) == Some(rtype))
                .count()
        };
        // Each number lists the other addresses of its subject.
        assert_eq!(
            of_type("NAPTR"),
            4 + 40,
            "{} AXFR:\n{text}",
            binary.display()
        );
        assert_eq!(of_type("SOA"), 2, "{text}");
    }
}

/// The resolver reads a remote ENUM record back to exactly the URI that
/// was published, escapes undone.
#[tokio::test]
async fn the_resolver_reads_escaped_regexps_back_to_the_published_uris() {
    let b = publisher().await;
    let a = TestApp::spawn_with(Backend::Sqlite, |c| resolve_through(c, &b, "b.example")).await;
    let body = a.lookup(&format!("address=tel:{NUMBER}"), None).await;
    let from_enum: Vec<&str> = body["addresses"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .filter(|a| {
            a["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == "enum:e164.arpa")
        })
        .map(|a| a["uri"].as_str().unwrap())
        .collect();
    for uri in NEEDS_ESCAPES {
        assert!(from_enum.contains(&uri), "{uri} not read back: {body}");
    }
    assert!(from_enum.contains(&"sip:plain@b.example"), "{body}");
}

/// The issue's example: a SIP user with the delimiter and a back-reference
/// is refused, and nothing is stored.
#[tokio::test]
async fn sip_users_outside_rfc_3261_are_refused() {
    let app = TestApp::spawn().await;
    let before = app.snapshot().await;
    for (uri, c) in [
        (r"sip:a!b\1@example.com", "`!`"),
        (r"sip:a\1@example.com", r"`\`"),
        (r#"sip:a"b@example.com"#, "`\"`"),
        (r"mailto:a\b@example.com", r"`\`"),
        (r"xmpp:a\b@example.com", r"`\`"),
    ] {
        let p = create_problem(&app, json!({"uri": uri})).await;
        assert_eq!(p["field"], "addresses[1].uri", "{uri}: {p}");
        assert!(p["detail"].as_str().unwrap().contains(c), "{uri}: {p}");
    }
    assert_eq!(app.snapshot().await, before);
}

/// POST a subject with a published number and `address`; its 400 problem.
async fn create_problem(app: &TestApp, address: Value) -> Value {
    let r = app
        .admin()
        .try_create_subject(
            json!({"handle": "x", "domain": "example.com", "addresses": [
                {"uri": format!("tel:{NUMBER}")}, address
            ]}),
        )
        .await;
    assert_problem(r, 400).await
}

#[tokio::test]
async fn ipv6_literals_are_hosts_in_canonical_form() {
    let app = TestApp::spawn().await;
    let s = app
        .admin()
        .create_subject(
            json!({"handle": "v6", "domain": "example.com", "addresses": [
                {"uri": "sip:x@[::1]"},
                {"uri": "sips:x@[2001:DB8:0:0:0:0:0:1]:5061"},
                {"uri": "h323:x@[2001:db8::a]"},
                {"uri": "sip:y@192.0.2.1:5060"},
            ]}),
        )
        .await;
    let mut uris: Vec<&str> = s["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["uri"].as_str().unwrap())
        .collect();
    uris.sort();
    assert_eq!(
        uris,
        [
            "h323:x@[2001:db8::a]",
            "sip:x@[::1]",
            "sip:y@192.0.2.1:5060",
            "sips:x@[2001:db8::1]:5061"
        ]
    );
    for bad in [
        "sip:x@[::1",
        "sip:x@[::g]",
        "sip:x@::1",
        "sip:x@[::1]:99999",
    ] {
        let p = create_problem(&app, json!({"uri": bad})).await;
        assert_eq!(p["field"], "addresses[1].uri", "{bad}: {p}");
    }
}

#[tokio::test]
async fn lookup_of_an_ipv6_host_meets_the_guard_not_a_bad_url() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.resolver.enabled = true;
        c.resolver.anonymous = true;
        c.resolver.step_timeout_ms = 3000;
        c.resolver.total_timeout_ms = 5000;
    })
    .await;
    for (address, host) in [
        ("sip:x@[::1]", "::1"),
        ("sip:x@[0:0:0:0:0:0:0:1]:5060", "::1"),
        ("xmpp:x@[::1]", "::1"),
    ] {
        let r = app.try_lookup(&format!("address={address}"), None).await;
        let p = assert_problem(r, 502).await;
        let detail = p["detail"].as_str().unwrap();
        assert!(
            detail.contains(&format!("refused: {host} is not a public address")),
            "{address}: {detail}"
        );
        assert!(!detail.contains("bad URL"), "{address}: {detail}");
    }
}

#[tokio::test]
async fn invisible_and_confusable_user_parts_are_refused() {
    let app = TestApp::spawn().await;
    app.admin()
        .create_subject(
            json!({"handle": "u0000000", "domain": "example.com", "addresses": [
                {"uri": "sip:u0000000@example.com"}, {"uri": "mailto:u0000000@example.com"},
            ]}),
        )
        .await;
    let before = app.snapshot().await;
    for uri in [
        "sip:u0000000\u{200B}@example.com",
        "sip:u000\u{202E}0000@example.com",
        "sip:\u{FEFF}u0000000@example.com",
        "mailto:u0000000\u{200B}@example.com",
        "mailto:u000\u{202E}0000@example.com",
        // A Cyrillic `а` among Latin letters, raw and percent-encoded.
        "sip:u0000000\u{430}@example.com",
        "sip:u0000000%D0%B0@example.com",
        "mailto:p\u{430}ypal@example.com",
        // Whole-script look-alikes of ASCII names.
        "sip:\u{430}\u{43E}@example.com",
        "xmpp:\u{430}\u{43E}@example.com",
        // Escapes hiding invisible characters.
        "sip:u0000000%E2%80%8B@example.com",
        "sip:u0000000%00@example.com",
        // Hosts that are not DNS names, and a URL without one.
        "sip:a@-.com",
        "sip:a@a-.example.com",
        "sip:a@exa_mple.com",
        "mailto:a@-.com",
        "https:///path",
        "https:/example.com/",
        r"https:\\example.com\path",
    ] {
        let p = create_problem(&app, json!({"uri": uri})).await;
        assert_eq!(p["field"], "addresses[1].uri", "{uri:?}: {p}");
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn percent_encoded_user_parts_are_stored_normalised() {
    let app = TestApp::spawn().await;
    let s = app
        .admin()
        .create_subject(
            json!({"handle": "enc", "domain": "example.com", "addresses": [
                {"uri": "sip:%75%30000001@example.com"},
                {"uri": "mailto:%41lice%2eB@example.com"},
                {"uri": "sip:a%2a%3b@example.com"},
                {"uri": "sip:jose%CC%81@example.com"},
            ]}),
        )
        .await;
    let mut uris: Vec<&str> = s["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["uri"].as_str().unwrap())
        .collect();
    uris.sort();
    assert_eq!(
        uris,
        [
            "mailto:Alice.B@example.com",
            "sip:a*%3B@example.com",
            "sip:josé@example.com",
            "sip:u0000001@example.com",
        ]
    );
    // The decoded spelling is the same address, so it is taken.
    let r = app
        .admin()
        .try_create_subject(
            json!({"handle": "other", "domain": "example.com", "addresses": [
                {"uri": "sip:u0000001@example.com"}
            ]}),
        )
        .await;
    assert_problem(r, 409).await;
}

#[tokio::test]
async fn invisible_characters_are_refused_in_every_text_field() {
    let app = TestApp::spawn().await;
    let s = app
        .admin()
        .create_subject(
            json!({"handle": "t", "domain": "example.com", "display_name": "Zoë 🦀",
            "addresses": [{"uri": "sip:t@example.com", "label": "work"}]}),
        )
        .await;
    assert_eq!(s["display_name"], "Zoë 🦀");
    let id = s["id"].as_str().unwrap().to_owned();
    let address_id = s["addresses"][0]["id"].as_str().unwrap().to_owned();
    let before = app.snapshot().await;
    for c in [
        '\u{202E}', '\u{200B}', '\u{2028}', '\u{2029}', '\u{FEFF}', '\u{2066}',
    ] {
        let text = format!("Alice{c}Admin");
        let attempts = [
            (
                Method::POST,
                "/api/v1/subjects".to_owned(),
                json!({"handle": "n", "domain": "example.com", "display_name": text}),
                "display_name",
            ),
            (
                Method::POST,
                "/api/v1/subjects".to_owned(),
                json!({"handle": "n", "domain": "example.com",
                    "addresses": [{"uri": "sip:n@example.com", "label": text}]}),
                "addresses[0].label",
            ),
            (
                Method::PATCH,
                format!("/api/v1/subjects/{id}"),
                json!({"display_name": text}),
                "display_name",
            ),
            (
                Method::PATCH,
                format!("/api/v1/subjects/{id}/addresses/{address_id}"),
                json!({"label": text}),
                "label",
            ),
            (
                Method::POST,
                format!("/api/v1/subjects/{id}/addresses"),
                json!({"uri": "sip:t2@example.com", "label": text}),
                "label",
            ),
            (
                Method::POST,
                "/api/v1/tokens".to_owned(),
                json!({"name": text, "scope": "lookup"}),
                "name",
            ),
        ];
        for (method, path, body, field) in attempts {
            let r = app
                .as_admin(method.clone(), &path)
                .header("content-type", "application/merge-patch+json")
                .json(&body)
                .go()
                .await;
            let p = assert_problem(r, 400).await;
            assert_eq!(p["field"], field, "{method} {path} {c:?}: {p}");
            let code = format!("U+{:04X}", c as u32);
            assert!(p["detail"].as_str().unwrap().contains(&code), "{p}");
        }
    }
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn null_is_not_absent_for_members_with_defaults() {
    let app = TestApp::spawn().await;
    let s = app
        .admin()
        .create_subject(json!({"handle": "n", "domain": "example.com",
            "addresses": [{"uri": "sip:n@example.com"}]}))
        .await;
    let id = s["id"].as_str().unwrap().to_owned();
    let address_id = s["addresses"][0]["id"].as_str().unwrap().to_owned();
    let before = app.snapshot().await;
    let subject_path = format!("/api/v1/subjects/{id}");
    let address_path = format!("/api/v1/subjects/{id}/addresses/{address_id}");
    let add_path = format!("/api/v1/subjects/{id}/addresses");
    let attempts = [
        (
            Method::POST,
            "/api/v1/subjects",
            json!({"handle": "m", "domain": "example.com", "discoverable": null}),
            "discoverable",
        ),
        (
            Method::POST,
            "/api/v1/subjects",
            json!({"handle": "m", "domain": "example.com",
            "addresses": [{"uri": "sip:m@example.com", "discoverable": null}]}),
            "addresses[0].discoverable",
        ),
        (
            Method::POST,
            "/api/v1/subjects",
            json!({"handle": "m", "domain": "example.com",
            "addresses": [{"uri": "sip:m@example.com", "visibility": null}]}),
            "addresses[0].visibility",
        ),
        (
            Method::POST,
            "/api/v1/subjects",
            json!({"handle": "m", "domain": "example.com",
            "addresses": [{"uri": "sip:m@example.com", "priority": null}]}),
            "addresses[0].priority",
        ),
        (
            Method::POST,
            add_path.as_str(),
            json!({"uri": "sip:m@example.com", "discoverable": null}),
            "discoverable",
        ),
        (
            Method::PATCH,
            subject_path.as_str(),
            json!({"discoverable": null}),
            "discoverable",
        ),
        (
            Method::PATCH,
            subject_path.as_str(),
            json!({"handle": null}),
            "handle",
        ),
        (
            Method::PATCH,
            subject_path.as_str(),
            json!({"addresses": null}),
            "addresses",
        ),
        (
            Method::PATCH,
            address_path.as_str(),
            json!({"discoverable": null}),
            "discoverable",
        ),
        (
            Method::PATCH,
            address_path.as_str(),
            json!({"visibility": null}),
            "visibility",
        ),
        (
            Method::PATCH,
            address_path.as_str(),
            json!({"uri": null}),
            "uri",
        ),
    ];
    for (method, path, body, field) in attempts {
        let r = app
            .as_admin(method.clone(), path)
            .header("content-type", "application/merge-patch+json")
            .json(&body)
            .go()
            .await;
        let p = assert_problem(r, 400).await;
        assert_eq!(p["field"], field, "{method} {path} {body}: {p}");
        assert!(p["detail"].as_str().unwrap().contains("null"), "{p}");
    }
    assert_eq!(app.snapshot().await, before);
}

/// The demo directory still passes the stricter rules.
#[tokio::test]
async fn the_demo_directory_still_imports() {
    let app = TestApp::spawn().await;
    let report = ok(app.admin().import("", callsign::demo::NDJSON).await, 200).await;
    assert_eq!(report["created"], 4, "{report}");
}
