//! The SSRF guard: which addresses a remote fetch may reach, and where the
//! two HTTP clients may be redirected.
//!
//! The address tables follow the IANA IPv4 and IPv6 Special-Purpose Address
//! Registries (RFC 6890 and its updates, as of 2025) and the IPv6 Address
//! Space registry. No maintained crate classifies them all on stable Rust
//! (std's `is_global` is unstable; `ip_rfc`, `ip_network` and `nex-core`
//! copy older versions of it that miss 6to4, the local NAT64 prefix or
//! site-local), so the tables are here, each block with its source.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use ipnet::{Ipv4Net, Ipv6Net};

const fn v4(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

const fn v6(first: u16, second: u16, len: u8) -> Ipv6Net {
    Ipv6Net::new_assert(Ipv6Addr::new(first, second, 0, 0, 0, 0, 0, 0), len)
}

/// IPv4 blocks that are no public host: every block of the IANA IPv4
/// Special-Purpose Address Registry not marked globally reachable, plus
/// multicast (which that registry leaves out). The registry's globally
/// reachable blocks (AS112 192.31.196.0/24 and 192.175.48.0/24, AMT
/// 192.52.193.0/24) stay allowed.
const REFUSED_V4: &[(Ipv4Net, &str)] = &[
    (v4(0, 0, 0, 0, 8), "\"this network\", RFC 791"),
    (v4(10, 0, 0, 0, 8), "private use, RFC 1918"),
    (v4(100, 64, 0, 0, 10), "shared address space, RFC 6598"),
    (v4(127, 0, 0, 0, 8), "loopback, RFC 1122"),
    (v4(169, 254, 0, 0, 16), "link-local, RFC 3927"),
    (v4(172, 16, 0, 0, 12), "private use, RFC 1918"),
    // Its two globally reachable anycast addresses (.9 PCP, .10 TURN) are
    // services, never a WebFinger host.
    (v4(192, 0, 0, 0, 24), "IETF protocol assignments, RFC 6890"),
    (v4(192, 0, 2, 0, 24), "documentation, RFC 5737"),
    (v4(192, 88, 99, 0, 24), "6to4 relay anycast, RFC 7526"),
    (v4(192, 168, 0, 0, 16), "private use, RFC 1918"),
    (v4(198, 18, 0, 0, 15), "benchmarking, RFC 2544"),
    (v4(198, 51, 100, 0, 24), "documentation, RFC 5737"),
    (v4(203, 0, 113, 0, 24), "documentation, RFC 5737"),
    (v4(224, 0, 0, 0, 4), "multicast, RFC 5771"),
    // Includes the limited broadcast address 255.255.255.255 (RFC 919).
    (v4(240, 0, 0, 0, 4), "reserved, RFC 1112"),
];

/// Global unicast, the only IPv6 space allocated for public hosts (IANA
/// IPv6 Address Space registry). Outside it lie unspecified and loopback,
/// the IPv4-mapped and IPv4-compatible forms (::ffff:0:0/96, ::/96), NAT64
/// (64:ff9b::/96 and 64:ff9b:1::/48, which reach any IPv4 address,
/// private ones included), discard-only 100::/64 and dummy
/// 100:0:0:1::/64, SRv6 SIDs 5f00::/16, unique-local fc00::/7, link-local
/// fe80::/10, deprecated site-local fec0::/10 (RFC 3879) and multicast.
const GLOBAL_UNICAST_V6: Ipv6Net = v6(0x2000, 0, 3);

/// The blocks inside global unicast of the IANA IPv6 Special-Purpose
/// Address Registry that are no public host.
const REFUSED_V6: &[(Ipv6Net, &str)] = &[
    // Teredo (2001::/32) carries an IPv4 address; benchmarking (2001:2::/48)
    // and the ORCHID identifiers are no hosts; the anycast services in the
    // rest are never a WebFinger host.
    (v6(0x2001, 0, 23), "IETF protocol assignments, RFC 2928"),
    (v6(0x2001, 0xdb8, 32), "documentation, RFC 3849"),
    (v6(0x2002, 0, 16), "6to4, RFC 3056: carries an IPv4 address"),
    (v6(0x3fff, 0, 20), "documentation, RFC 9637"),
];

/// Why a fetch must not reach `ip`, or `None` for a public address.
pub fn special_block(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => REFUSED_V4
            .iter()
            .find(|(net, _)| net.contains(&v4))
            .map(|(_, why)| *why),
        IpAddr::V6(v6) if !GLOBAL_UNICAST_V6.contains(&v6) => {
            Some("not IPv6 global unicast (2000::/3)")
        }
        IpAddr::V6(v6) => REFUSED_V6
            .iter()
            .find(|(net, _)| net.contains(&v6))
            .map(|(_, why)| *why),
    }
}

/// Addresses a remote fetch must not reach (see [`special_block`]).
pub fn is_special(ip: IpAddr) -> bool {
    special_block(ip).is_some()
}

/// Why the IP literal host of `url` must not be fetched; names are checked
/// by [`GuardedDns`] instead (reqwest does not ask a resolver about
/// literals).
pub fn refused_literal(url: &url::Url) -> Option<String> {
    let ip: IpAddr = match url.host()? {
        url::Host::Ipv4(ip) => ip.into(),
        url::Host::Ipv6(ip) => ip.into(),
        url::Host::Domain(_) => return None,
    };
    special_block(ip).map(|why| format!("{ip} is not a public address ({why})"))
}

/// Resolves names for the guarded client, keeping only public addresses.
pub struct GuardedDns {
    pub allow_private: bool,
}

impl reqwest::dns::Resolve for GuardedDns {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| allow_private || !is_special(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(format!("{host} has no public address").into());
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Redirects of the guarded client: https only, never to a special literal
/// (names go through [`GuardedDns`] again).
pub fn guarded_redirects(max: usize, allow_private: bool) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= max {
            attempt.error("too many redirects")
        } else if attempt.url().scheme() != "https" {
            attempt.error("redirect away from https")
        } else if !allow_private && refused_literal(attempt.url()).is_some() {
            attempt.error("redirect to a non-public address")
        } else {
            attempt.follow()
        }
    })
}

/// Redirects of the trusted client (the operator's `webfinger_hosts`): the
/// operator vouched for one server, not for wherever it points, so a
/// redirect must stay on the origin (scheme, host and port) first asked.
pub fn same_origin_redirects(max: usize) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        let first = attempt.previous().first().map(url::Url::origin);
        if attempt.previous().len() >= max {
            attempt.error("too many redirects")
        } else if first.is_some_and(|origin| origin != attempt.url().origin()) {
            let to = attempt.url().origin().ascii_serialization();
            attempt.error(format!("redirect to another origin ({to})"))
        } else {
            attempt.follow()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One address inside (and the edges of) every refused block, and the
    /// IPv4-mapped and -compatible forms of refused IPv4 addresses.
    #[test]
    fn every_special_block_is_refused() {
        for special in [
            "0.0.0.0",
            "0.255.255.255",
            "10.1.2.3",
            "100.64.0.1",
            "100.127.255.255",
            "127.0.0.1",
            "127.255.255.254",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.1",
            "192.0.0.8",
            "192.0.0.9",
            "192.0.0.170",
            "192.0.0.255",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:192.0.0.1",
            "::127.0.0.1",
            "::10.0.0.1",
            "64:ff9b::a00:1",
            "64:ff9b::7f00:1",
            "64:ff9b:1::1",
            "100::1",
            "100:0:0:1::1",
            "2001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:1::1",
            "2001:2::1",
            "2001:10::1",
            "2001:20::1",
            "2001:1ff:ffff::1",
            "2001:db8::1",
            "2002::1",
            "2002:7f00:1::1",
            "2002:a00:1::1",
            "3fff::1",
            "3fff:fff:ffff::1",
            "5f00::1",
            "fc00::1",
            "fd00::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "feff::1",
            "ff02::1",
            "ff0e::1",
        ] {
            let ip: IpAddr = special.parse().unwrap();
            assert!(is_special(ip), "{special} should be refused");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for public in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "100.63.255.255",
            "100.128.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "192.0.1.1",
            "192.31.196.1",
            "192.52.193.1",
            "192.175.48.1",
            "198.17.255.255",
            "198.20.0.0",
            "223.255.255.255",
            "2606:4700::1111",
            "2001:200::1",
            "2001:4860:4860::8888",
            "2620:4f:8000::1",
            "2a00:1450:4001:80b::200e",
            "3ffe::1",
            "3fff:1000::1",
        ] {
            let ip: IpAddr = public.parse().unwrap();
            assert_eq!(special_block(ip), None, "{public} should be allowed");
        }
    }

    #[test]
    fn literals_are_checked_names_are_left_to_the_resolver() {
        let refused = |u: &str| refused_literal(&url::Url::parse(u).unwrap());
        let why = refused("https://198.18.0.1/.well-known/webfinger").unwrap();
        assert!(why.contains("not a public address"), "{why}");
        assert!(why.contains("benchmarking"), "{why}");
        assert!(refused("https://[fec0::1]:8443/").is_some());
        assert!(refused("https://[::ffff:192.168.0.1]/").is_some());
        assert_eq!(refused("https://8.8.8.8/"), None);
        assert_eq!(refused("https://localhost/"), None);
    }
}
