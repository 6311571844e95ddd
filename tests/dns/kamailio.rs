//! Kamailio, unmodified, routing calls by callsign's ENUM: its `enum`
//! module's `enum_query()` must pick the `E2U+sip` record out of
//! everything a number publishes (a caller-name TXT, `E2U+vcard`,
//! `E2U+pstn:tel` for a ported number) and apply block templates'
//! back-references. Kamailio reads the system resolver on port 53, so the
//! whole exchange runs in a network namespace of its own (loopback only)
//! whose `/etc/resolv.conf` names callsign.

use std::process::Command;

use crate::support::tools::require;

const PEOPLE: &str = r#"{"handle":"alice","domain":"example.com","display_name":"Alice Example","addresses":[{"uri":"tel:+12125550100"},{"uri":"sip:alice@example.com"},{"uri":"xmpp:alice@example.com"},{"uri":"mailto:alice@example.com"}]}
{"handle":"carol","domain":"example.com","display_name":"Carol Ported","addresses":[{"uri":"tel:+12125550123","routing_number":"+12125550199"},{"uri":"sip:carol@example.com"}]}
{"handle":"pbx","domain":"example.com","addresses":[{"uri":"sip:pbx@example.com"}]}
{"block":{"prefix":"+49301234","length":13,"owner":"acct:pbx@example.com","templates":[{"uri":"sip:\\1@pbx.example.com"}]}}
"#;

#[test]
fn kamailio_enum_query_routes_by_the_sip_record_whatever_else_is_published() {
    let tools = [
        ("kamailio", "kamailio"),
        ("unshare", "util-linux"),
        ("ip", "iproute2"),
        ("dig", "bind9-dnsutils"),
        ("python3", "python3"),
    ];
    if tools.iter().any(|(b, p)| require(b, p).is_none()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    let here = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dns/kamailio");
    std::fs::copy(format!("{here}/kamailio.cfg"), path.join("kamailio.cfg")).unwrap();
    std::fs::write(path.join("resolv.conf"), "nameserver 127.0.0.1\n").unwrap();
    std::fs::write(path.join("people.ndjson"), PEOPLE).unwrap();
    let db = format!("sqlite://{}/callsign.db", path.display());
    let import = Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args(["import", path.join("people.ndjson").to_str().unwrap()])
        .env("CALLSIGN_DATABASE_URL", &db)
        .env("CALLSIGN_LOG_FILTER", "warn")
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--net", "--mount", "sh"])
        .arg(format!("{here}/run.sh"))
        .arg(path)
        .args([
            "+12125550100",
            "+12125550123",
            "+4930123455123",
            "+12125550999",
        ])
        .env("CALLSIGN", env!("CARGO_BIN_EXE_callsign"))
        .output()
        .unwrap();
    let log = |name: &str| std::fs::read_to_string(path.join(name)).unwrap_or_default();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}\nkamailio:\n{}\ncallsign:\n{}",
        String::from_utf8_lossy(&out.stderr),
        log("kamailio.log"),
        log("callsign.log")
    );
    // The records Kamailio has to see past are there.
    let records = log("records.txt");
    for published in [r#""E2U+vcard""#, r#""E2U+pstn:tel""#, r#""Alice Example""#] {
        assert!(records.contains(published), "{published} in\n{records}");
    }
    let routes: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        routes,
        [
            "+12125550100 302 <sip:alice@example.com>",
            // Ported: the E2U+pstn:tel record is not a SIP route.
            "+12125550123 302 <sip:carol@example.com>",
            // A block number: the template's back-reference applied.
            "+4930123455123 302 <sip:55123@pbx.example.com>",
            "+12125550999 404 -",
        ],
        "kamailio:\n{}",
        log("kamailio.log")
    );
}
