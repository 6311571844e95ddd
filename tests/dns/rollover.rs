//! DNSSEC key rollover (RFC 7583 pre-publication) with 1-second TTLs and
//! margins, so a whole roll takes seconds: a caching unbound whose trust
//! anchor is the OLD key's DS validates every answer throughout, one with
//! the NEW key's DS validates once the old key is gone, and every process
//! on the database moves through the roll on its own: the one serving
//! before the roll started (told by the change log), one started during it
//! (from what is stored), while the roll itself came from `callsign dnssec
//! roll`, a third process. A second roll is refused while one is under way.
//! Pre-signing follows: the old key's pre-made signatures before the roll,
//! the new key's after it.

use std::net::SocketAddr;
use std::time::Duration;

use callsign::app::{App, Listeners};
use callsign::config::DnsConfig;
use chrono::{DateTime, Utc};
use hickory_proto::dnssec::rdata::DNSSECRData;
use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{RData, RecordType};
use reqwest::Method;
use tokio_util::sync::CancellationToken;

use super::dnssec::{Unbound, do_query, presigned, rrsigs_over, run_cli, signed, signed_naptrs};
use crate::support::app::{Backend, TestApp, assert_problem};
use crate::support::dns::*;
use crate::support::tools;

/// Every wait of a roll is the TTL plus the margin: 2 seconds here.
const SHORT: [(&str, &str); 3] = [
    ("CALLSIGN_DNS_TTL", "1"),
    ("CALLSIGN_DNS_SOA_MINIMUM", "1"),
    ("CALLSIGN_DNS_DNSSEC_ROLL_MARGIN_SECS", "1"),
];

fn short_ttls() -> DnsConfig {
    DnsConfig {
        ttl: 1,
        soa_minimum: 1,
        dnssec_roll_margin_secs: 1,
        ..signed()
    }
}

/// What a process serves, seen without a resolver: the tags of the keys
/// in DNSKEY, and of the keys signing DNSKEY and a NAPTR RRset.
#[derive(Debug, PartialEq)]
struct Served {
    published: Vec<u16>,
    dnskey_signers: Vec<u16>,
    naptr_signers: Vec<u16>,
}

async fn served(server: SocketAddr) -> Served {
    let ask = |name: &str, qtype| {
        let q = do_query(name, qtype, 4096).to_vec().unwrap();
        async move { parse(&tcp_raw(server, &q).await) }
    };
    let keys = ask("e164.arpa.", RecordType::DNSKEY).await;
    let naptrs = ask(NUMBER, RecordType::NAPTR).await;
    let mut published: Vec<u16> = keys
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::DNSKEY(k)) => Some(k.calculate_key_tag().unwrap()),
            _ => None,
        })
        .collect();
    published.sort();
    Served {
        published,
        dnskey_signers: signers(&keys, RecordType::DNSKEY),
        naptr_signers: signers(&naptrs, RecordType::NAPTR),
    }
}

/// The tags of the keys signing `NUMBER`'s NAPTRs, and how many
/// signatures the process made at answer time meanwhile.
async fn naptr_signers_and_made(app: &TestApp) -> (Vec<u16>, u64) {
    let made = app.enum_dns.signatures_made();
    let q = do_query(NUMBER, RecordType::NAPTR, 4096).to_vec().unwrap();
    let answer = parse(&tcp_raw(app.dns, &q).await);
    let tags = signers(&answer, RecordType::NAPTR);
    (tags, app.enum_dns.signatures_made() - made)
}

fn signers(answer: &Message, covered: RecordType) -> Vec<u16> {
    let mut tags: Vec<u16> = answer
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::RRSIG(sig)) if sig.input().type_covered == covered => {
                Some(sig.input().key_tag)
            }
            _ => None,
        })
        .collect();
    tags.sort();
    tags
}

/// A process on `config`'s database, started now (a replica, or a
/// restart): its DNS address. Stopped with `shutdown`.
async fn start_replica(
    config: &callsign::config::Config,
    shutdown: &CancellationToken,
) -> SocketAddr {
    let listeners = Listeners::bind(config).await.unwrap();
    let addr = listeners.dns_addr();
    let app = App::build(config.clone(), shutdown).await.unwrap();
    tokio::spawn(app.run(listeners, shutdown.clone()));
    addr
}

/// The answer validated (AD), records or a denial: never SERVFAIL.
fn assert_validated(answer: &Message, what: &str, unbound: &Unbound) {
    assert!(
        matches!(
            answer.response_code,
            ResponseCode::NoError | ResponseCode::NXDomain
        ),
        "{what}: {answer}\n{}",
        unbound.log()
    );
    assert!(
        answer.metadata.authentic_data,
        "{what} not validated: {answer}\n{}",
        unbound.log()
    );
}

#[tokio::test]
async fn a_key_roll_never_leaves_a_validator_without_a_chain() {
    let Some(unbound_bin) = tools::require("unbound", "unbound") else {
        return;
    };
    let seed = vec![subject(alice())];
    let app = TestApp::spawn_seeded(Backend::Postgres, seed, |c| c.dns = short_ttls()).await;
    let url = app.config.database.url.expose().to_owned();
    let before = served(app.dns).await;
    let [old_tag] = before.published[..] else {
        panic!("one key before the roll: {before:?}")
    };
    // Pre-signed by the old key: answered without signing.
    let progress = presigned(&app.enum_dns).await;
    assert_eq!(
        (progress.presigned, progress.pending),
        (1, 0),
        "{progress:?}"
    );
    assert_eq!(naptr_signers_and_made(&app).await, (vec![old_tag], 0));
    let old_ds = String::from_utf8(run_cli(&url, &SHORT, &["ds", "e164.arpa"]).stdout).unwrap();
    let old_ds = old_ds.lines().next().unwrap().to_owned();
    let old_anchor = Unbound::start_caching(&unbound_bin, app.dns, &old_ds);
    let answer = old_anchor.ask(NUMBER, RecordType::NAPTR).await;
    assert_validated(&answer, "before the roll", &old_anchor);

    // The roll, from another process: what it prints is the plan.
    let out = run_cli(&url, &SHORT, &["roll", "e164.arpa"]);
    let plan = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{plan}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let new_tag: u16 = plan
        .split_whitespace()
        .skip_while(|w| *w != "to")
        .nth(2)
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("the plan names the new key: {plan}"));
    assert!(
        plan.starts_with(&format!(
            "e164.arpa.: key {old_tag} rolls to key {new_tag} (algorithm 13)\n"
        )),
        "{plan}"
    );
    let new_ds = plan
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("e164.arpa. 1 IN DS "))
        .unwrap_or_else(|| panic!("the plan gives the new DS: {plan}"))
        .to_owned();
    assert!(new_ds.contains(&format!(" DS {new_tag} 13 2 ")), "{new_ds}");
    assert!(
        plan.contains(&format!("key {old_tag} leaves DNSKEY")),
        "{plan}"
    );

    // A second roll is refused while this one is under way, by the API and
    // by the command line alike.
    let again = app
        .as_admin(Method::POST, "/api/v1/dnssec/e164.arpa/roll")
        .send()
        .await
        .unwrap();
    let problem = assert_problem(again, 409).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("under way"),
        "{problem}"
    );
    let again = run_cli(&url, &SHORT, &["roll", "e164.arpa"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("under way"));

    // The keys' states and times, from the API.
    let state: serde_json::Value = app
        .as_admin(Method::GET, "/api/v1/dnssec/e164.arpa")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keys = state["keys"].as_array().unwrap();
    let states: Vec<(u64, &str)> = keys
        .iter()
        .map(|k| (k["key_tag"].as_u64().unwrap(), k["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [(old_tag.into(), "active"), (new_tag.into(), "published")]
    );
    assert!(keys.iter().all(|k| k.get("private_key").is_none()));
    let time = |v: &serde_json::Value| v.as_str().unwrap().parse::<DateTime<Utc>>().unwrap();
    let removed_at = time(&keys[0]["removed_at"]);
    assert_eq!(time(&state["next_transition"]), time(&keys[1]["active_at"]));

    // A process started during the roll (a restart) picks it up from the
    // database.
    let shutdown = CancellationToken::new();
    let restarted = start_replica(&app.config, &shutdown).await;

    // Until the old key leaves DNSKEY, the resolver trusting only the old
    // DS validates every answer, while both processes go through the roll:
    // the new key pre-published, then signing with the old one still
    // vouching for DNSKEY.
    let pre_published = Served {
        published: sorted([old_tag, new_tag]),
        dnskey_signers: vec![old_tag],
        naptr_signers: vec![old_tag],
    };
    let new_active = Served {
        published: sorted([old_tag, new_tag]),
        dnskey_signers: sorted([old_tag, new_tag]),
        naptr_signers: vec![new_tag],
    };
    // A process learns of the roll through the change log, so right after
    // the command it may still serve the old key alone — but never again
    // once it has shown the roll.
    let before = Served {
        published: vec![old_tag],
        dnskey_signers: vec![old_tag],
        naptr_signers: vec![old_tag],
    };
    let mut seen = [[false; 2]; 2];
    let mut asked = 0;
    // Stop short of the removal: from then on the old DS leads nowhere.
    while Utc::now() < removed_at - chrono::TimeDelta::milliseconds(300) && asked < 400 {
        asked += 1;
        for (name, what) in [
            (NUMBER, "a number"),
            ("9.9.9.e164.arpa.", "a missing number"),
        ] {
            let answer = old_anchor.ask(name, RecordType::NAPTR).await;
            assert_validated(&answer, &format!("{what}, {asked}th time"), &old_anchor);
        }
        for (i, server) in [app.dns, restarted].into_iter().enumerate() {
            let now = served(server).await;
            if now == pre_published {
                seen[i][0] = true;
            } else if now == new_active {
                seen[i][1] = true;
            } else if now == before && seen[i] == [false; 2] {
                // Not caught up with the roll yet.
            } else {
                panic!("server {i}, {asked}th time: {now:?}");
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        seen, [[true; 2]; 2],
        "both processes went through both steps"
    );
    assert!(
        !old_anchor.log().contains("validation failure"),
        "{}",
        old_anchor.log()
    );

    // Once the old key is gone: the new key alone, and a resolver given
    // the new DS validates.
    let after = Served {
        published: vec![new_tag],
        dnskey_signers: vec![new_tag],
        naptr_signers: vec![new_tag],
    };
    for server in [app.dns, restarted] {
        let mut now = served(server).await;
        for _ in 0..100 {
            if now == after {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            now = served(server).await;
        }
        assert_eq!(now, after);
    }
    // Pre-signing followed the roll: the number is signed ahead by the new
    // key, and answered without signing again.
    let progress = presigned(&app.enum_dns).await;
    assert_eq!(
        (progress.presigned, progress.pending),
        (1, 0),
        "{progress:?}"
    );
    assert_eq!(naptr_signers_and_made(&app).await, (vec![new_tag], 0));
    let new_anchor = Unbound::start_caching(&unbound_bin, restarted, &new_ds);
    let answer = new_anchor.ask(NUMBER, RecordType::NAPTR).await;
    assert_validated(&answer, "after the roll", &new_anchor);
    assert_eq!(signed_naptrs(&answer), alice_naptrs());
    let keys = new_anchor.ask("e164.arpa.", RecordType::DNSKEY).await;
    assert_validated(&keys, "DNSKEY after the roll", &new_anchor);
    assert_eq!(rrsigs_over(&keys.answers, RecordType::DNSKEY), 1);

    // The roll over, the next may start.
    let next = app
        .as_admin(Method::POST, "/api/v1/dnssec/e164.arpa/roll")
        .send()
        .await
        .unwrap();
    assert_eq!(next.status(), 202);
    shutdown.cancel();
    app.stop().await;
}

fn sorted<const N: usize>(mut tags: [u16; N]) -> Vec<u16> {
    tags.sort();
    tags.to_vec()
}
