//! Every channel against an independent oracle of the privacy rules.
//! Random subjects (addresses with random visibility and discoverability,
//! a random subject-level discoverability) are loaded into one server, and
//! every viewer class — anonymous, a lookup token in no audience, in each
//! audience, in both, an admin — asks by every key on every channel:
//! WebFinger, lookup (JSON, vCard, reach, batch), ENUM NAPTR, AXFR,
//! `callsign zone export`, NDJSON
//! export, and the exposure report. The oracle below is the rule as the
//! README states it, written again from scratch:
//!
//! - `public` → everyone; `authenticated` → any token; `audience:x` →
//!   tokens in x and admins; `private` → no public channel at all;
//! - a key finds its subject only for a viewer that may find by it (its
//!   level, same vocabulary) and, for an address, also see it; a subject
//!   that shows the viewer nothing is not found;
//! - a key that does not find answers exactly what an unknown key answers;
//! - DNS publishes a number only when it is public, findable by everyone,
//!   and its subject shows anonymous callers something.

use std::collections::{BTreeSet, HashMap};

use crate::support::app::{Backend, Go, TestApp};
use crate::support::server::{observable, ok, uris};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use reqwest::Method;
use serde_json::{Value, json};

/// Two audiences, by bit: `pa` = 1, `pb` = 2.
const AUDIENCES: [&str; 2] = ["pa", "pb"];

/// A visibility or a discoverability: the same vocabulary.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Level {
    Public,
    Authenticated,
    /// Audiences by bit (1, 2 or 3).
    Audience(u8),
    Private,
}

impl Level {
    fn visibility(self) -> String {
        match self {
            Level::Public => "public".into(),
            Level::Authenticated => "authenticated".into(),
            Level::Audience(bits) => format!("audience:{}", names(bits).join(",")),
            Level::Private => "private".into(),
        }
    }

    fn discoverable(self) -> String {
        match self {
            Level::Public => "everyone".into(),
            Level::Private => "nobody".into(),
            other => other.visibility(),
        }
    }
}

fn names(bits: u8) -> Vec<&'static str> {
    AUDIENCES
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect()
}

/// Who asks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    /// A lookup token in these audiences (bits).
    Lookup(u8),
    Admin,
}

const VIEWERS: [Who; 6] = [
    Who::Anonymous,
    Who::Lookup(0),
    Who::Lookup(1),
    Who::Lookup(2),
    Who::Lookup(3),
    Who::Admin,
];

/// The oracle's one rule.
fn allows(level: Level, who: Who) -> bool {
    match (level, who) {
        (Level::Public, _) => true,
        (Level::Authenticated, w) => w != Who::Anonymous,
        (Level::Audience(_), Who::Admin) => true,
        (Level::Audience(shown), Who::Lookup(mine)) => shown & mine != 0,
        (Level::Audience(_), Who::Anonymous) => false,
        (Level::Private, _) => false,
    }
}

#[derive(Clone, Debug)]
struct Addr {
    kind: usize,
    visibility: Level,
    discoverable: Level,
}

#[derive(Clone, Debug)]
struct Subj {
    discoverable: Level,
    addresses: Vec<Addr>,
}

const KINDS: [&str; 4] = ["tel", "sip", "xmpp", "mailto"];

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        Just(Level::Public),
        Just(Level::Authenticated),
        (1u8..=3).prop_map(Level::Audience),
        Just(Level::Private),
    ]
}

fn subjects() -> impl Strategy<Value = Vec<Subj>> {
    let address =
        (0..KINDS.len(), level(), level()).prop_map(|(kind, visibility, discoverable)| Addr {
            kind,
            visibility,
            discoverable,
        });
    let subject =
        (level(), prop::collection::vec(address, 1..=4)).prop_map(|(discoverable, addresses)| {
            Subj {
                discoverable,
                addresses,
            }
        });
    prop::collection::vec(subject, 1..=2)
}

/// A subject of case `case` as the oracle knows it: its acct, and each
/// address's URI with its levels.
struct Loaded {
    acct: String,
    discoverable: Level,
    addresses: Vec<(String, Level, Level)>,
}

impl Loaded {
    fn new(case: usize, i: usize, s: &Subj) -> Loaded {
        let handle = format!("p{case}x{i}");
        let addresses = s
            .addresses
            .iter()
            .enumerate()
            .map(|(j, a)| {
                let uri = match KINDS[a.kind] {
                    "tel" => format!("tel:+1212555{case:02}{i}{j}"),
                    kind => format!("{kind}:{handle}a{j}@example.com"),
                };
                (uri, a.visibility, a.discoverable)
            })
            .collect();
        Loaded {
            acct: format!("acct:{handle}@example.com"),
            discoverable: s.discoverable,
            addresses,
        }
    }

    fn json(&self) -> Value {
        let handle = self.acct["acct:".len()..].split('@').next().unwrap();
        json!({
            "handle": handle, "domain": "example.com",
            "discoverable": self.discoverable.discoverable(),
            "addresses": self.addresses.iter().enumerate().map(|(j, (uri, v, d))| json!({
                "uri": uri, "priority": 10 * (j + 1),
                "visibility": v.visibility(), "discoverable": d.discoverable(),
            })).collect::<Vec<_>>(),
        })
    }

    /// What `who` sees of this subject (any key), as a set.
    fn visible(&self, who: Who) -> BTreeSet<String> {
        self.addresses
            .iter()
            .filter(|(_, v, _)| allows(*v, who))
            .map(|(u, _, _)| u.clone())
            .collect()
    }

    /// Does `key` find this subject for `who`?
    fn finds(&self, key: &str, who: Who) -> bool {
        let allowed = if key == self.acct {
            allows(self.discoverable, who)
        } else {
            self.addresses
                .iter()
                .any(|(u, v, d)| u == key && allows(*v, who) && allows(*d, who))
        };
        allowed && !self.visible(who).is_empty()
    }

    fn keys(&self) -> Vec<String> {
        std::iter::once(self.acct.clone())
            .chain(self.addresses.iter().map(|(u, _, _)| u.clone()))
            .collect()
    }

    /// The numbers anonymous callers may find the subject by: what ENUM
    /// may answer for.
    fn enum_keys(&self) -> BTreeSet<String> {
        self.addresses
            .iter()
            .filter(|(u, _, _)| u.starts_with("tel:"))
            .filter(|(u, _, _)| self.finds(u, Who::Anonymous))
            .filter(|(_, v, d)| *v == Level::Public && *d == Level::Public)
            .map(|(u, _, _)| u.clone())
            .collect()
    }

    /// The numbers DNS publishes: those of [`Loaded::enum_keys`] with a
    /// record to hold, an address other than the number itself.
    fn published(&self) -> BTreeSet<String> {
        let shown = self.visible(Who::Anonymous);
        self.enum_keys()
            .into_iter()
            .filter(|n| shown.iter().any(|a| a != n))
            .collect()
    }
}

/// A key of `key`'s kind that no subject has.
fn unknown(key: &str) -> &'static str {
    match key.split(':').next().unwrap() {
        "acct" => "acct:nobody@example.com",
        "tel" => "tel:+19995550100",
        "sip" => "sip:nobody@example.com",
        "xmpp" => "xmpp:nobody@example.com",
        _ => "mailto:nobody@example.com",
    }
}

type Observed = (u16, Vec<(String, String)>, bytes::Bytes);

struct Bench {
    app: TestApp,
    tokens: HashMap<String, String>,
    /// Answers to unknown keys, by channel, key and viewer.
    unknown: HashMap<(String, String, String), Observed>,
}

impl Bench {
    fn token(&self, who: Who) -> Option<&str> {
        self.tokens.get(&format!("{who:?}")).map(String::as_str)
    }

    async fn finger(&self, key: &str, who: Who) -> Observed {
        let mut r = self.app.finger(&format!("resource={key}"));
        if let Some(t) = self.token(who) {
            r = r.bearer_auth(t);
        }
        observable(r.go().await).await
    }

    async fn lookup(&self, key: &str, format: &str, who: Who) -> Observed {
        let query = format!("address={key}{format}");
        observable(self.app.try_lookup(&query, self.token(who)).await).await
    }

    async fn batch(&self, key: &str, who: Who) -> Observed {
        let body = json!({"addresses": [key]});
        observable(self.app.try_lookup_batch(body, self.token(who)).await).await
    }

    /// What `channel` answers `who` for the unknown key of `key`'s kind.
    async fn unknown(&mut self, channel: &str, key: &str, who: Who) -> Observed {
        let k = (
            channel.to_owned(),
            unknown(key).to_owned(),
            format!("{who:?}"),
        );
        if let Some(o) = self.unknown.get(&k) {
            return o.clone();
        }
        let o = match channel {
            "webfinger" => self.finger(unknown(key), who).await,
            "batch" => self.batch(unknown(key), who).await,
            format => self.lookup(unknown(key), format, who).await,
        };
        self.unknown.insert(k, o.clone());
        o
    }
}

fn json_of(o: &Observed) -> Value {
    serde_json::from_slice(&o.2).unwrap()
}

/// Every channel, for one generated case.
async fn check(bench: &mut Bench, case: usize, generated: &[Subj]) {
    let loaded: Vec<Loaded> = generated
        .iter()
        .enumerate()
        .map(|(i, s)| Loaded::new(case, i, s))
        .collect();
    let mut ids = Vec::new();
    for s in &loaded {
        let created = bench.app.admin().create_subject(s.json()).await;
        ids.push(created["id"].as_str().unwrap().to_owned());
    }
    let why = |what: &str| format!("case {case} {generated:?}: {what}");

    for s in &loaded {
        for key in s.keys() {
            for who in VIEWERS {
                let finds = s.finds(&key, who);
                let visible = s.visible(who);
                let here = format!("{key} as {who:?}");

                // WebFinger: the subject, its visible addresses as aliases.
                let got = bench.finger(&key, who).await;
                if finds {
                    assert_eq!(got.0, 200, "{}", why(&here));
                    let jrd = json_of(&got);
                    assert_eq!(jrd["subject"], s.acct.as_str(), "{}", why(&here));
                    let aliases: BTreeSet<String> = jrd["aliases"]
                        .as_array()
                        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
                        .unwrap_or_default();
                    assert_eq!(aliases, visible, "{}", why(&format!("webfinger {here}")));
                } else {
                    let unknown = bench.unknown("webfinger", &key, who).await;
                    assert_eq!(got, unknown, "{}", why(&format!("webfinger {here}")));
                }

                // Lookup: JSON, vCard, reach.
                let got = bench.lookup(&key, "", who).await;
                if finds {
                    assert_eq!(got.0, 200, "{}", why(&here));
                    let answer = json_of(&got);
                    let shown: BTreeSet<String> =
                        uris(&answer).into_iter().map(str::to_owned).collect();
                    assert_eq!(shown, visible, "{}", why(&format!("lookup {here}")));
                } else {
                    let unknown = bench.unknown("", &key, who).await;
                    assert_eq!(got, unknown, "{}", why(&format!("lookup {here}")));
                }
                for format in ["&format=vcard", "&format=reach"] {
                    let got = bench.lookup(&key, format, who).await;
                    if finds {
                        assert_eq!(got.0, 200, "{}", why(&format!("{format} {here}")));
                        let text = String::from_utf8_lossy(&got.2);
                        for (uri, _, _) in &s.addresses {
                            let user = uri.split(':').nth(1).unwrap();
                            if !visible.contains(uri) && !visible.iter().any(|v| v.contains(user)) {
                                assert!(
                                    !text.contains(user),
                                    "{}",
                                    why(&format!("{format} {here} shows {uri}"))
                                );
                            }
                        }
                    } else {
                        let unknown = bench.unknown(format, &key, who).await;
                        assert_eq!(got, unknown, "{}", why(&format!("{format} {here}")));
                    }
                }

                // Batch lookups need a token.
                if who != Who::Anonymous {
                    let got = bench.batch(&key, who).await;
                    assert_eq!(got.0, 200, "{}", why(&here));
                    let body = json_of(&got);
                    let result = &body["results"][0];
                    assert_eq!(
                        !result["subject"].is_null(),
                        finds,
                        "{}",
                        why(&format!("batch {here}"))
                    );
                    if finds {
                        let shown: BTreeSet<String> =
                            uris(result).into_iter().map(str::to_owned).collect();
                        assert_eq!(shown, visible, "{}", why(&format!("batch {here}")));
                    } else {
                        let unknown = bench.unknown("batch", &key, who).await;
                        let strip = |o: &Observed| {
                            String::from_utf8_lossy(&o.2)
                                .replace(&key, "KEY")
                                .replace(self::unknown(&key), "KEY")
                        };
                        assert_eq!(
                            strip(&got),
                            strip(&unknown),
                            "{}",
                            why(&format!("batch {here}"))
                        );
                    }
                }
            }
        }
    }

    // ENUM: what is published, and hidden numbers answer like unknown ones.
    let published: BTreeSet<String> = loaded.iter().flat_map(Loaded::published).collect();
    let numbers: Vec<&String> = loaded
        .iter()
        .flat_map(|s| s.addresses.iter().map(|(u, _, _)| u))
        .filter(|u| u.starts_with("tel:"))
        .collect();
    let unknown_naptr = bench.app.naptr("+19995550100").await;
    // The zone follows the directory a moment later: wait (bounded) for
    // the transfer to hold every published number, then compare exactly.
    let owners = |zone: Vec<hickory_proto::rr::Record>| -> BTreeSet<String> {
        zone.iter()
            .filter(|r| r.record_type() == hickory_proto::rr::RecordType::NAPTR)
            .map(|r| r.name.to_ascii())
            .collect()
    };
    let expected: BTreeSet<String> = published
        .iter()
        .map(|t| crate::support::dns::enum_name(&t["tel:".len()..], "e164.arpa"))
        .collect();
    let mut zone = owners(bench.app.axfr("e164.arpa.").await);
    for _ in 0..100 {
        if zone == expected {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        zone = owners(bench.app.axfr("e164.arpa.").await);
    }
    let all: Vec<String> = bench
        .app
        .axfr("e164.arpa.")
        .await
        .iter()
        .map(|r| format!("{} {:?}", r.name, r.record_type()))
        .collect();
    assert_eq!(zone, expected, "{} {all:?}", why("AXFR"));
    for number in numbers.iter().copied() {
        let answer = bench.app.naptr(&number["tel:".len()..]).await;
        if published.contains(number) {
            assert!(!answer.1.is_empty(), "{}", why(&format!("NAPTR {number}")));
        } else {
            assert_eq!(answer, unknown_naptr, "{}", why(&format!("NAPTR {number}")));
        }
    }

    // `callsign zone export` reads the same zone from the database.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
        .env(
            "CALLSIGN_DATABASE_URL",
            bench.app.config.database.url.expose(),
        )
        .env("RUST_LOG", "warn")
        .args(["zone", "export", "e164.arpa"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let master = String::from_utf8(out.stdout).unwrap();
    for number in &numbers {
        let name = crate::support::dns::enum_name(&number["tel:".len()..], "e164.arpa");
        let owner = name.trim_end_matches(".e164.arpa.");
        let listed = master
            .lines()
            .any(|l| l.contains("NAPTR") && l.starts_with(&format!("{owner}\t")));
        assert_eq!(
            listed,
            published.contains(*number),
            "{}",
            why(&format!("zone export {number}"))
        );
    }

    // NDJSON export: admins only.
    for who in VIEWERS {
        let mut r = bench.app.request(Method::GET, "/api/v1/export");
        if let Some(t) = bench.token(who) {
            r = r.bearer_auth(t);
        }
        let r = r.go().await;
        if who == Who::Admin {
            assert_eq!(r.status(), 200);
            let text = r.text().await.unwrap();
            for s in &loaded {
                for (uri, _, _) in &s.addresses {
                    assert!(text.contains(uri.as_str()), "{}", why("export"));
                }
            }
        } else {
            assert!(
                matches!(r.status().as_u16(), 401 | 403),
                "{}",
                why(&format!("export as {who:?}"))
            );
        }
    }

    // The exposure report says what the oracle says.
    for (s, id) in loaded.iter().zip(&ids) {
        let report = bench
            .app
            .admin()
            .get(&format!("/api/v1/subjects/{id}/exposure"))
            .await;
        for entry in report["viewers"].as_array().unwrap() {
            let who = match entry["viewer"].as_str().unwrap() {
                "anonymous" => Who::Anonymous,
                "authenticated" => Who::Lookup(0),
                "audience:pa" => Who::Lookup(1),
                "audience:pb" => Who::Lookup(2),
                "admin" => Who::Admin,
                _ => continue, // audiences of other tests in this process
            };
            let set = |v: &Value| -> BTreeSet<String> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_owned())
                    .collect()
            };
            let keys: BTreeSet<String> = s.keys().into_iter().filter(|k| s.finds(k, who)).collect();
            for channel in ["webfinger", "lookup"] {
                assert_eq!(
                    set(&entry[channel]["keys"]),
                    keys,
                    "{}",
                    why(&format!("exposure {who:?} {channel}"))
                );
                if !keys.is_empty() {
                    assert_eq!(
                        set(&entry[channel]["addresses"]),
                        s.visible(who),
                        "{}",
                        why(&format!("exposure {who:?} {channel}"))
                    );
                }
            }
            assert_eq!(
                set(&entry["enum_dns"]["keys"]),
                s.published(),
                "{}",
                why("exposure enum_dns")
            );
            assert_eq!(entry["axfr"], entry["enum_dns"], "{}", why("exposure axfr"));
        }
    }

    for id in ids {
        bench.app.admin().delete_subject(&id).await;
    }
}

#[tokio::test]
async fn every_channel_answers_what_the_privacy_rules_allow() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.axfr_allow = "127.0.0.0/8".parse().unwrap();
    })
    .await;
    for name in AUDIENCES {
        let r = app
            .as_admin(Method::POST, "/api/v1/audiences")
            .json(&json!({"name": name}))
            .go()
            .await;
        ok(r, 201).await;
    }
    let mut tokens = HashMap::new();
    for who in VIEWERS {
        let body = match who {
            Who::Anonymous => continue,
            Who::Lookup(bits) => json!({"name": "p", "scope": "lookup", "audiences": names(bits)}),
            Who::Admin => json!({"name": "p", "scope": "admin"}),
        };
        let r = app
            .as_admin(Method::POST, "/api/v1/tokens")
            .json(&body)
            .go()
            .await;
        let secret = ok(r, 201).await["secret"].as_str().unwrap().to_owned();
        tokens.insert(format!("{who:?}"), secret);
    }
    let mut bench = Bench {
        app,
        tokens,
        unknown: HashMap::new(),
    };
    let mut runner = TestRunner::new(ProptestConfig::default());
    let strategy = subjects();
    for case in 0..24 {
        let generated = strategy.new_tree(&mut runner).unwrap().current();
        check(&mut bench, case, &generated).await;
    }
}
