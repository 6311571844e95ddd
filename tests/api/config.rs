//! Configuration is parsed once, when it is read: a bad value stops any
//! command at startup with exit code 2 naming its key, before it could
//! reach a listener that parses it late.

use crate::support::migrate_with;

#[test]
fn a_bad_list_entry_stops_startup_naming_its_key() {
    let networks = "is not an IP network";
    let servers = "is not ip or ip:port";
    for (var, key, value, why) in [
        (
            "CALLSIGN_DNS_AXFR_ALLOW",
            "dns.axfr_allow",
            "10.0.0.0/33",
            networks,
        ),
        (
            "CALLSIGN_DNS_AXFR_ALLOW",
            "dns.axfr_allow",
            "192.0.2.1, x",
            networks,
        ),
        (
            "CALLSIGN_WEBFINGER_TRUSTED_PROXIES",
            "webfinger.trusted_proxies",
            "10.0.0.0/33",
            networks,
        ),
        (
            "CALLSIGN_DNS_NOTIFY",
            "dns.notify",
            "192.0.2.1:99999",
            servers,
        ),
        (
            "CALLSIGN_RESOLVER_ENUM_SERVERS",
            "resolver.enum_servers",
            "ns.example",
            servers,
        ),
    ] {
        let (code, stderr) = migrate_with(&[(var, value)]);
        assert_eq!(code, Some(2), "{var}={value}: {stderr}");
        // figment names an environment key in the variable's case.
        assert!(
            stderr.to_ascii_lowercase().contains(key),
            "{var}={value}: {stderr}"
        );
        assert!(stderr.contains(why), "{var}={value}: {stderr}");
    }
}

#[test]
fn lists_take_their_documented_forms() {
    let (code, stderr) = migrate_with(&[
        (
            "CALLSIGN_DNS_AXFR_ALLOW",
            "10.0.0.0/8, 192.0.2.7,2001:db8::/32",
        ),
        ("CALLSIGN_WEBFINGER_TRUSTED_PROXIES", "127.0.0.1"),
        (
            "CALLSIGN_DNS_NOTIFY",
            "192.0.2.1, 192.0.2.2:5353,[2001:db8::1]:53",
        ),
        ("CALLSIGN_RESOLVER_ENUM_SERVERS", "127.0.0.1:5300"),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}
