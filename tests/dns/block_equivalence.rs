//! Blocks travel as RFC 4592 wildcards: Knot DNS loading the exported zone
//! file, and Knot following callsign by AXFR and then IXFR (NOTIFY), answer
//! every name inside, around and outside blocks (nested, ported, without a
//! length, with overriding numbers at, above and below the blocks' length)
//! exactly as callsign does: rcode, answer records, SOA in authority.
//!
//! The names are drawn from a seeded generator around the interesting
//! prefixes, so a failure names the seed and the first differing name.

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{RData, RecordType};
use reqwest::Method;
use serde_json::json;

use crate::blocks::create_block;
use crate::knot::{Knot, free_port, knot, naptr_set, soa_is};
use crate::support::dns::*;
use crate::support::server::ok;
use crate::xfr::ixfr;

const SEED: u64 = 0x5eed_b10c_2026;
/// Names compared per zone and round.
const NAMES: usize = 1500;

/// SplitMix64: enough randomness to spread names, reproducible by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn digit(&mut self) -> char {
        char::from(b'0' + self.below(10) as u8)
    }
}

/// Prefixes and numbers the zone has something at; names are made from
/// them by cutting, extending and changing their last digits.
const BASES: [&str; 16] = [
    "1212555",
    "12125550100",
    "121255501234",
    "1212555012",
    "12125559",
    "12125559999",
    "121255591",
    "12125559100",
    "493012345",
    "49301234567",
    "4930123456789",
    "44207946",
    "442079460000",
    "1213",
    "4930",
    "1",
];

/// `count` digit strings (1 to 17 digits) near [`BASES`], and some
/// anywhere; a `*` among them is a `*` label.
fn names(rng: &mut Rng, count: usize) -> Vec<String> {
    (0..count)
        .map(|_| {
            if rng.below(10) == 0 {
                let len = 1 + rng.below(15);
                return (0..len).map(|_| rng.digit()).collect();
            }
            let mut name = BASES[rng.below(BASES.len())].to_owned();
            match rng.below(4) {
                0 => name.truncate(1 + rng.below(name.len())),
                1 | 2 => (0..1 + rng.below(6)).for_each(|_| name.push(rng.digit())),
                _ => {
                    let keep = name.len() - (1 + rng.below(3)).min(name.len() - 1);
                    name.truncate(keep);
                    while name.len() < keep + 3 {
                        name.push(rng.digit());
                    }
                }
            }
            name.truncate(17);
            // Now and then the wildcard's own name, or a name below it.
            if rng.below(12) == 0 {
                name.push('*');
                if rng.below(2) == 0 {
                    name.push(rng.digit());
                }
            }
            name
        })
        .collect()
}

/// What is compared of an answer.
fn view(m: &Message) -> (ResponseCode, usize, String, bool) {
    let soa = m
        .authorities
        .iter()
        .any(|r| matches!(r.data, RData::SOA(_)));
    let naptrs = format!("{:?}", naptr_set(m));
    (m.response_code, m.answers.len(), naptrs, soa)
}

/// Ask callsign and Knot the same names in `zone`; NAPTR mostly, another
/// type now and then (NODATA at names that exist or are synthesized).
async fn compare(server: &DnsServer, knot: &Knot, zone: &str, names: &[String], round: &str) {
    let mut positive = 0;
    for (i, digits) in names.iter().enumerate() {
        let qtype = if i % 8 == 7 {
            RecordType::TXT
        } else {
            RecordType::NAPTR
        };
        let q = query(&enum_name(digits, zone), qtype, None);
        let ours = server.udp(&q).await;
        let theirs = udp(knot.addr, &q).await;
        assert_eq!(
            view(&ours),
            view(&theirs),
            "callsign, then Knot, differ at +{digits} {qtype} in {zone} \
             ({round}, seed {SEED:#x}, name {i})"
        );
        positive += usize::from(!ours.answers.is_empty());
    }
    // The names reach records, as well as empty and missing names.
    assert!(
        positive > names.len() / 10,
        "{round}: only {positive} names with records"
    );
}

/// Wait until Knot has callsign's serial, after checking that the change
/// since `from` is one IXFR can carry step by step (not the whole zone).
async fn follows_by_ixfr(knot: &Knot, server: &DnsServer, from: u32) {
    let (_, records) = server.transfer(&ixfr("e164.arpa.", from)).await;
    assert_eq!(soa_serial(&records[1]), Some(from), "an incremental IXFR");
    wait_for_serial(knot, server).await;
}

async fn wait_for_serial(knot: &Knot, server: &DnsServer) {
    knot.wait_for(
        "e164.arpa.",
        RecordType::SOA,
        "callsign's serial",
        soa_is(server.dns.serial()),
    )
    .await;
}

async fn patch_block(server: &DnsServer, id: &str, patch: serde_json::Value) {
    let r = server
        .as_admin(Method::PATCH, &format!("/api/v1/blocks/{id}"))
        .header("content-type", "application/merge-patch+json")
        .body(patch.to_string())
        .send()
        .await
        .unwrap();
    ok(r, 200).await;
}

fn number(handle: &str, numbers: &[&str]) -> serde_json::Value {
    let mut addresses: Vec<_> = numbers.iter().map(|n| json!({"uri": n})).collect();
    addresses.push(json!({"uri": format!("sip:{handle}@example.com")}));
    json!({"handle": handle, "domain": "example.com", "addresses": addresses})
}

#[tokio::test]
async fn knot_answers_block_numbers_as_callsign_does() {
    let Some(knotd) = knot("knotd") else { return };
    let knot_port = free_port();
    let mut config = config();
    config.zones = "e164.arpa, e164.example.net".parse().unwrap();
    config.axfr_allow = "127.0.0.0/8".parse().unwrap();
    config.notify = format!("127.0.0.1:{knot_port}").parse().unwrap();
    // Overrides: inside a block, shorter and longer than its numbers, in a
    // nested block, and in a block without a length.
    let subjects = vec![
        alice(),
        number("bob", &["tel:+12125559999", "tel:+121255501234"]),
        number("carol", &["tel:+1212555012", "tel:+4930123456789"]),
    ];
    let server = DnsServer::start(config, subjects).await;
    create_block(
        &server,
        json!({"prefix": "+1 212 555", "length": 11, "templates": [
            {"uri": "sip:\\1@pbx.example.com"},
            {"uri": "xmpp:\\1@chat.example.com", "visibility": "authenticated"},
            {"uri": "mailto:fax\\1@example.com"}]}),
    )
    .await;
    create_block(
        &server,
        json!({"prefix": "+1 212 555 9", "length": 11,
               "templates": [{"uri": "sip:{number}@gw.example.net"}]}),
    )
    .await;
    let ported = create_block(
        &server,
        json!({"prefix": "+1 212 555 91", "length": 11, "routing_number": "+13035550000",
               "templates": [{"uri": "sip:\\1-{number}@trunk.example.com"}]}),
    )
    .await;
    create_block(
        &server,
        json!({"prefix": "+49 30 12345",
               "templates": [{"uri": "sip:\\1@berlin.example.com"}]}),
    )
    .await;
    create_block(
        &server,
        json!({"prefix": "+44 20 7946", "length": 12,
               "templates": [{"uri": "h323:\\1@gk.example.org"}]}),
    )
    .await;

    let export = server
        .dns
        .zone_file(&server.directory, "e164.example.net")
        .unwrap();
    assert!(
        export.contains("*.5.5.5.2.1.2.1\tIN\tNAPTR") && export.contains("*.0.1.0.5.5.5.2.1.2.1\t"),
        "the export carries the blocks' wildcards:\n{export}"
    );
    let knot = Knot::start(&knotd, knot_port, server.addr, &export, None);
    knot.wait_for(
        "e164.example.net.",
        RecordType::SOA,
        "the exported zone",
        soa_is(server.dns.serial()),
    )
    .await;
    wait_for_serial(&knot, &server).await;
    let mut rng = Rng(SEED);
    let names = names(&mut rng, NAMES);
    compare(&server, &knot, "e164.example.net", &names, "exported zone").await;
    compare(&server, &knot, "e164.arpa", &names, "AXFR").await;

    // Changes reach Knot by NOTIFY and IXFR: an override added inside the
    // nested block (new names exist above it), a block's templates changed,
    // then the override removed again.
    let serial = server.dns.serial();
    let dave = server.create(number("dave", &["tel:+12125559100"])).await;
    follows_by_ixfr(&knot, &server, serial).await;
    compare(&server, &knot, "e164.arpa", &names, "override added").await;

    let serial = server.dns.serial();
    patch_block(
        &server,
        ported["id"].as_str().unwrap(),
        json!({"templates": [{"uri": "xmpp:\\1@trunk.example.com"}]}),
    )
    .await;
    follows_by_ixfr(&knot, &server, serial).await;
    compare(&server, &knot, "e164.arpa", &names, "block changed").await;

    let serial = server.dns.serial();
    server.delete(&dave).await;
    follows_by_ixfr(&knot, &server, serial).await;
    compare(&server, &knot, "e164.arpa", &names, "override removed").await;
    let log = knot.log();
    assert!(
        log.contains("IXFR, incoming") && !log.contains("fallback to AXFR"),
        "Knot followed by IXFR:\n{log}"
    );
    server.stop().await;
}
