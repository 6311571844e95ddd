//! The resolver against hostile remote answers: fan-out caps, outbound
//! concurrency, anonymous remote lookups, redirects of the trusted client,
//! and keys that are ours never going remote. Remote WebFinger hosts are
//! fake servers on loopback that count what reaches them.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::support::app::{Backend, TestApp, assert_problem};
use crate::support::server::{observable, uris};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::serve::ListenerExt;
use callsign::config::{HostOverride, HostOverrides, ListEntry};
use serde_json::{Value, json};

/// How many of something are in flight now, and the most ever.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.max.fetch_max(now, Ordering::SeqCst);
    }

    fn exit(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    fn max(&self) -> usize {
        self.max.load(Ordering::SeqCst)
    }
}

/// What one fake host received.
#[derive(Default)]
struct Seen {
    connections: AtomicUsize,
    resources: Mutex<Vec<String>>,
    in_flight: Gauge,
}

impl Seen {
    fn requests(&self) -> usize {
        self.resources.lock().unwrap().len()
    }

    fn resources(&self) -> Vec<String> {
        self.resources.lock().unwrap().clone()
    }
}

type Answer = Arc<dyn Fn(&str) -> Response + Send + Sync>;

/// A WebFinger server on loopback: `answer` maps a resource to a response.
struct FakeHost {
    addr: SocketAddr,
    seen: Arc<Seen>,
}

impl FakeHost {
    async fn start(answer: impl Fn(&str) -> Response + Send + Sync + 'static) -> FakeHost {
        FakeHost::start_holding(answer, Duration::ZERO, Arc::default()).await
    }

    /// Each answer is held for `hold` (so concurrent fetches overlap and
    /// can be counted), and counted in `shared` too.
    async fn start_holding(
        answer: impl Fn(&str) -> Response + Send + Sync + 'static,
        hold: Duration,
        shared: Arc<Gauge>,
    ) -> FakeHost {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Seen::default());
        let answer: Answer = Arc::new(answer);
        let handler = {
            let seen = seen.clone();
            move |uri: Uri| async move {
                let resource = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .find(|(k, _)| k == "resource")
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                seen.resources.lock().unwrap().push(resource.clone());
                seen.in_flight.enter();
                shared.enter();
                tokio::time::sleep(hold).await;
                shared.exit();
                seen.in_flight.exit();
                answer(&resource)
            }
        };
        let app = axum::Router::new().route("/.well-known/webfinger", axum::routing::get(handler));
        let counted = seen.clone();
        let listener = listener.tap_io(move |_| {
            counted.connections.fetch_add(1, Ordering::SeqCst);
        });
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        FakeHost { addr, seen }
    }

    fn base(&self) -> String {
        format!("http://{}", self.addr)
    }
}

fn jrd(subject: &str, aliases: &[String]) -> Response {
    (
        [(header::CONTENT_TYPE, "application/jrd+json")],
        json!({"subject": subject, "aliases": aliases, "links": []}).to_string(),
    )
        .into_response()
}

fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// A callsign instance whose resolver reaches only loopback.
async fn resolver_app(tweak: impl FnOnce(&mut callsign::config::Config)) -> TestApp {
    TestApp::spawn_with(Backend::Sqlite, move |c| {
        c.resolver.enabled = true;
        // Nothing here asks ENUM; should anything, it stays on loopback.
        c.resolver.enum_servers = "127.0.0.1:9".parse().unwrap();
        tweak(c);
    })
    .await
}

fn host_of(resource: &str) -> String {
    resource.rsplit_once('@').unwrap().1.to_owned()
}

/// The fan-out of the report: the seed's JRD lists 20 hosts, each of whose
/// JRDs lists 20 more. Every host is served by one fake server.
async fn fan_out() -> (FakeHost, HostOverrides) {
    let host = FakeHost::start(|resource| {
        let at = host_of(resource);
        let level = at.matches('-').count() + usize::from(at != "h0.fan.example");
        let listed: Vec<String> = match level {
            0 => (1..=20)
                .map(|i| format!("sip:u@h{i}.fan.example"))
                .collect(),
            1 => {
                let parent = at.trim_end_matches(".fan.example");
                (1..=20)
                    .map(|j| format!("sip:u@{parent}-{j}.fan.example"))
                    .collect()
            }
            _ => Vec::new(),
        };
        jrd(resource, &listed)
    })
    .await;
    let mut hosts = vec!["h0.fan.example".to_owned()];
    for i in 1..=20 {
        hosts.push(format!("h{i}.fan.example"));
        for j in 1..=20 {
            hosts.push(format!("h{i}-{j}.fan.example"));
        }
    }
    let overrides = hosts
        .iter()
        .map(|h| HostOverride::parse_entry(&format!("{h}={}", host.base())).unwrap())
        .collect();
    (host, overrides)
}

/// The errors an answer reports for `cap` (the configuration key).
fn cut_by<'a>(answer: &'a Value, cap: &str) -> Vec<&'a Value> {
    answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["step"] == "limit" && e["reason"].as_str().unwrap().contains(cap))
        .collect()
}

#[tokio::test]
async fn a_fan_out_stops_at_the_host_cap() {
    let (host, overrides) = fan_out().await;
    let app = resolver_app(|c| c.resolver.webfinger_hosts = overrides).await;
    let token = app.admin().token("lookup").await;
    let got = app
        .lookup("address=sip:seed@h0.fan.example", Some(&token))
        .await;
    let asked: BTreeSet<String> = host.seen.resources().iter().map(|r| host_of(r)).collect();
    eprintln!(
        "fan-out, default caps: {} fetches, {} connections, {} hosts",
        host.seen.requests(),
        host.seen.connections.load(Ordering::SeqCst),
        asked.len()
    );
    // Defaults: 8 hosts (the seed's and 7 it lists), within 16 steps.
    assert_eq!(asked.len(), 8, "{asked:?}");
    assert_eq!(host.seen.requests(), 8);
    // One pooled client: connections are reused, about two per host (the
    // fetches it may have in flight) and a spare the pool may not have taken
    // back yet.
    assert!(host.seen.connections.load(Ordering::SeqCst) <= 4);
    assert_eq!(got["complete"], false);
    let cut = cut_by(&got, "resolver.max_hosts");
    assert_eq!(cut.len(), 1, "{got}");
    assert!(
        cut[0]["reason"].as_str().unwrap().contains("at most 8"),
        "{got}"
    );
    // What was found before the cap is still answered.
    assert!(uris(&got).contains(&"sip:u@h1.fan.example"), "{got}");
}

#[tokio::test]
async fn a_fan_out_stops_at_the_step_cap() {
    let (host, overrides) = fan_out().await;
    let app = resolver_app(|c| {
        c.resolver.webfinger_hosts = overrides;
        c.resolver.max_hosts = 1000;
    })
    .await;
    let token = app.admin().token("lookup").await;
    let got = app
        .lookup("address=sip:seed@h0.fan.example", Some(&token))
        .await;
    eprintln!(
        "fan-out, max_hosts 1000: {} fetches, {} connections",
        host.seen.requests(),
        host.seen.connections.load(Ordering::SeqCst)
    );
    assert_eq!(host.seen.requests(), 16);
    assert!(host.seen.connections.load(Ordering::SeqCst) <= 4);
    assert_eq!(got["complete"], false);
    let cut = cut_by(&got, "resolver.max_steps");
    assert_eq!(cut.len(), 1, "{got}");
    assert!(
        cut[0]["reason"].as_str().unwrap().contains("at most 16"),
        "{got}"
    );
}

#[tokio::test]
async fn outbound_fetches_are_bounded_in_all_and_per_host() {
    // Four servers; the seed lists 20 hosts spread over them, each a leaf.
    let all = Arc::new(Gauge::default());
    let mut servers = Vec::new();
    for _ in 0..4 {
        let leaf_or_seed = |resource: &str| {
            let listed: Vec<String> = if resource == "sip:seed@h0.fan.example" {
                (1..=20)
                    .map(|i| format!("sip:u@h{i}.fan.example"))
                    .collect()
            } else {
                Vec::new()
            };
            jrd(resource, &listed)
        };
        servers.push(
            FakeHost::start_holding(leaf_or_seed, Duration::from_millis(50), all.clone()).await,
        );
    }
    let overrides = (0..=20)
        .map(|i| {
            HostOverride::parse_entry(&format!("h{i}.fan.example={}", servers[i % 4].base()))
                .unwrap()
        })
        .collect();
    let app = resolver_app(|c| {
        c.resolver.webfinger_hosts = overrides;
        c.resolver.max_hosts = 100;
        c.resolver.max_steps = 100;
        c.resolver.max_concurrent_fetches = 3;
    })
    .await;
    let token = app.admin().token("lookup").await;
    let got = app
        .lookup("address=sip:seed@h0.fan.example", Some(&token))
        .await;
    assert_eq!(got["complete"], true, "{got}");
    assert_eq!(uris(&got).len(), 20, "{got}");
    let per_host: Vec<usize> = servers.iter().map(|s| s.seen.in_flight.max()).collect();
    eprintln!(
        "in flight at most: {} in all, {per_host:?} per host",
        all.max()
    );
    assert!(all.max() <= 3, "{} fetches at once", all.max());
    for (i, s) in servers.iter().enumerate() {
        assert!(s.seen.in_flight.max() <= 2, "host {i}: {per_host:?}");
    }
}

#[tokio::test]
async fn anonymous_callers_get_local_answers_only_by_default() {
    let remote = FakeHost::start(|resource| {
        jrd(
            resource,
            &["sip:bob@b.example".into(), "xmpp:bob@b.example".into()],
        )
    })
    .await;
    let base = remote.base();
    let app =
        resolver_app(|c| c.resolver.webfinger_hosts = format!("b.example={base}").parse().unwrap())
            .await;
    // Automatic remote steps are not taken for an anonymous caller...
    assert_problem(app.try_lookup("address=sip:bob@b.example", None).await, 404).await;
    // ...and asking for them is refused, naming what is missing.
    let p = assert_problem(
        app.try_lookup("address=sip:bob@b.example&remote=true", None)
            .await,
        401,
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("token"), "{p}");
    assert_eq!(remote.seen.requests(), 0);
    // A token holder's lookup goes remote.
    let token = app.admin().token("lookup").await;
    let got = app.lookup("address=sip:bob@b.example", Some(&token)).await;
    assert_eq!(uris(&got), ["sip:bob@b.example", "xmpp:bob@b.example"]);
    assert_eq!(remote.seen.requests(), 1);

    // `resolver.anonymous = true` opens remote lookups to everyone.
    let app = resolver_app(|c| {
        c.resolver.webfinger_hosts = format!("b.example={base}").parse().unwrap();
        c.resolver.anonymous = true;
    })
    .await;
    let got = app
        .lookup("address=sip:bob@b.example&remote=true", None)
        .await;
    assert_eq!(uris(&got), ["sip:bob@b.example", "xmpp:bob@b.example"]);
}

#[tokio::test]
async fn trusted_hosts_are_not_followed_to_another_origin() {
    let elsewhere =
        FakeHost::start(|resource| jrd(resource, &["xmpp:evil@r.example".into()])).await;
    let away = format!("{}/.well-known/webfinger", elsewhere.base());
    let trusted = FakeHost::start(move |resource| {
        let location = match resource {
            "sip:away@r.example" => format!("{away}?resource=sip%3Aaway%40r.example"),
            "sip:here@r.example" => {
                "/.well-known/webfinger?resource=sip%3Afinal%40r.example".to_owned()
            }
            "sip:final@r.example" => return jrd(resource, &["xmpp:final@r.example".into()]),
            _ => return not_found(),
        };
        (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
    })
    .await;
    let base = trusted.base();
    let app =
        resolver_app(|c| c.resolver.webfinger_hosts = format!("r.example={base}").parse().unwrap())
            .await;
    let token = app.admin().token("lookup").await;
    let p = assert_problem(
        app.try_lookup("address=sip:away@r.example", Some(&token))
            .await,
        502,
    )
    .await;
    let detail = p["detail"].as_str().unwrap();
    assert!(detail.contains("webfinger:r.example"), "{detail}");
    assert!(detail.contains("redirect"), "{detail}");
    assert!(detail.contains("another origin"), "{detail}");
    assert_eq!(elsewhere.seen.requests(), 0);
    assert_eq!(elsewhere.seen.connections.load(Ordering::SeqCst), 0);
    // A redirect on the same origin is still followed.
    let got = app.lookup("address=sip:here@r.example", Some(&token)).await;
    assert_eq!(uris(&got), ["xmpp:final@r.example"], "{got}");
}

/// Alice lives at a.example (a domain of this directory); one of her
/// addresses is at a foreign host.
async fn alice_app(ours: &FakeHost, foreign: &FakeHost) -> TestApp {
    let overrides = format!(
        "a.example={}, pbx.elsewhere.example={}",
        ours.base(),
        foreign.base()
    )
    .parse()
    .unwrap();
    let app = resolver_app(|c| {
        c.resolver.webfinger_hosts = overrides;
        c.resolver.anonymous = true;
        // The ENUM server on loopback's discard port never answers.
        c.resolver.step_timeout_ms = 300;
    })
    .await;
    app.admin()
        .create_subject(json!({
            "handle": "alice", "domain": "a.example", "display_name": "Alice",
            "discoverable": false,
            "addresses": [
                {"uri": "tel:+12125550100"},
                {"uri": "sip:alice@a.example", "discoverable": false},
                {"uri": "xmpp:alice@a.example", "visibility": "private"},
                {"uri": "mailto:alice@a.example", "visibility": "authenticated"},
                {"uri": "sip:alice@pbx.elsewhere.example", "visibility": "private"},
            ]
        }))
        .await;
    app
}

#[tokio::test]
async fn hidden_keys_of_our_domains_never_go_remote() {
    let ours = FakeHost::start(|resource| jrd(resource, &["sip:alice@a.example".into()])).await;
    let foreign = FakeHost::start(|_| not_found()).await;
    let app = alice_app(&ours, &foreign).await;
    let token = app.admin().token("lookup").await;
    let unknown = "address=sip:nobody@a.example";
    for token in [None, Some(token.as_str())] {
        let expected = observable(app.try_lookup(unknown, token).await).await;
        assert_eq!(expected.0, 404);
        let mut hidden = vec![
            "address=sip:alice@a.example",
            "address=xmpp:alice@a.example",
            "address=acct:alice@a.example",
            "address=sip:nobody@a.example&remote=true",
            "address=sip:alice@a.example&remote=true",
        ];
        if token.is_none() {
            hidden.push("address=mailto:alice@a.example");
        }
        for query in hidden {
            let got = observable(app.try_lookup(query, token).await).await;
            assert_eq!(got, expected, "{query} with token {token:?}");
        }
    }
    assert_eq!(
        ours.seen.requests(),
        0,
        "asked about {:?}",
        ours.seen.resources()
    );
    // A visible key of our domain is answered from the directory alone, even
    // when remote steps are asked for.
    let got = app
        .lookup(
            "address=tel:+12125550100&remote=true",
            Some(&app.admin().token("admin").await),
        )
        .await;
    assert_eq!(got["subject"]["id"], "acct:alice@a.example");
    assert_eq!(ours.seen.requests(), 0, "{:?}", ours.seen.resources());
}

/// Whether a key at a foreign host goes remote depends on the host, never on
/// whether the directory holds the key: a hidden key there takes the same
/// path as an unknown one, so the answer cannot tell them apart.
#[tokio::test]
async fn hidden_keys_at_foreign_hosts_look_unknown() {
    let ours = FakeHost::start(|_| not_found()).await;
    let foreign = FakeHost::start(|_| not_found()).await;
    let app = alice_app(&ours, &foreign).await;
    let hidden = observable(
        app.try_lookup("address=sip:alice@pbx.elsewhere.example", None)
            .await,
    )
    .await;
    let unknown = observable(
        app.try_lookup("address=sip:zed@pbx.elsewhere.example", None)
            .await,
    )
    .await;
    assert_eq!(hidden.0, 404);
    assert_eq!(hidden, unknown);
    assert_eq!(
        foreign.seen.resources(),
        [
            "sip:alice@pbx.elsewhere.example",
            "sip:zed@pbx.elsewhere.example"
        ]
    );
}
