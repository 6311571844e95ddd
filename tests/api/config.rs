//! Configuration is parsed once, when it is read: a bad value stops any
//! command at startup with exit code 2 naming its key, before it could
//! reach a listener that parses it late.

use crate::support::migrate_with;

#[test]
fn a_bad_list_entry_stops_startup_naming_its_key() {
    let networks = "is not an IP network";
    let servers = "is not ip or ip:port";
    let dns_name = "is not a DNS name";
    let long_label = format!("{}.example.net", "x".repeat(64));
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
        (
            "CALLSIGN_DNS_NS_ADDRESSES",
            "dns.ns_addresses",
            "ns1.e164.arpa=localhost",
            "is not an IP address",
        ),
        (
            "CALLSIGN_RESOLVER_WEBFINGER_HOSTS",
            "resolver.webfinger_hosts",
            "b.example=ftp://b.example",
            "is not http(s)",
        ),
        (
            "CALLSIGN_WEBFINGER_TENANTS",
            "webfinger.tenants",
            "wf.example.com",
            "is not host=domain",
        ),
        ("CALLSIGN_DNS_ZONES", "dns.zones", "e164..arpa", dns_name),
        (
            "CALLSIGN_DNS_NS",
            "dns.ns",
            "ns1.example.net, ns..x",
            dns_name,
        ),
        (
            "CALLSIGN_DNS_SOA_MNAME",
            "dns.soa_mname",
            &long_label,
            dns_name,
        ),
        ("CALLSIGN_DNS_SOA_RNAME", "dns.soa_rname", "a..b", dns_name),
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
        (
            "CALLSIGN_DNS_NS_ADDRESSES",
            "ns1.e164.arpa=192.0.2.53, NS1.e164.arpa=2001:db8::53",
        ),
        (
            "CALLSIGN_RESOLVER_WEBFINGER_HOSTS",
            "b.example=http://127.0.0.1:8081/",
        ),
        (
            "CALLSIGN_WEBFINGER_TENANTS",
            "wf.example.com=example.com example.org, wf.example.net=example.net",
        ),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}
