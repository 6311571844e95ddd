//! The configured zones: apexes, their SOA and NS data pre-encoded, and
//! the address records (glue) of name servers that live inside them.

use std::net::IpAddr;

use anyhow::Context;
use hickory_proto::rr::Name;
use hickory_proto::rr::rdata::{NS, SOA};
use hickory_proto::serialize::binary::{BinEncodable, BinEncoder, NameEncoding};

use crate::config::DnsConfig;

pub struct Zone {
    pub name: Name,
    /// The apex in wire form, lowercased, root label included.
    pub apex: Box<[u8]>,
    /// SOA rdata with a zero serial; see [`Zone::soa_rdata`].
    soa: Box<[u8]>,
    pub ns: Vec<Box<[u8]>>,
    /// The SOA fields for the master file, and for negative TTLs.
    pub soa_fields: SOA,
    pub ns_names: Vec<Name>,
    /// Name servers inside this zone and their addresses, by name.
    pub hosts: Vec<Host>,
}

/// A name inside a zone that holds address records: an in-zone name
/// server. Its labels next to the apex are never a single digit (those
/// names belong to numbers), so hosts and numbers never share a name.
pub struct Host {
    pub name: Name,
    /// The labels below the apex in wire form, lowercased, no root label.
    pub relative: Box<[u8]>,
    pub addresses: Vec<IpAddr>,
}

impl Host {
    /// Is `relative` (wire labels below the apex, any case) this host's
    /// name, or an ancestor of it below the apex (an empty non-terminal)?
    pub fn matches(&self, relative: &[u8]) -> Option<HostMatch> {
        if self.relative.eq_ignore_ascii_case(relative) {
            return Some(HostMatch::Exact);
        }
        let at = self.relative.len().checked_sub(relative.len())?;
        let mut starts = [0usize; 128];
        let n = super::wire::label_starts(&self.relative, &mut starts);
        (starts[..n].contains(&at) && self.relative[at..].eq_ignore_ascii_case(relative))
            .then_some(HostMatch::Ancestor)
    }

    /// The records, `(type, rdata)`, of `qtype` (A, AAAA, or both for ANY).
    pub fn records(&self, qtype: u16) -> impl Iterator<Item = (u16, Vec<u8>)> + '_ {
        self.addresses.iter().filter_map(move |ip| {
            let (rtype, rdata) = match ip {
                IpAddr::V4(v4) => (super::wire::TYPE_A, v4.octets().to_vec()),
                IpAddr::V6(v6) => (super::wire::TYPE_AAAA, v6.octets().to_vec()),
            };
            (qtype == rtype || qtype == super::wire::TYPE_ANY).then_some((rtype, rdata))
        })
    }
}

pub enum HostMatch {
    Exact,
    Ancestor,
}

/// Every zone, plus the TTLs answers carry.
pub struct Zones {
    /// Longest apex first, so nested zones match the deepest one.
    pub zones: Vec<Zone>,
    pub ttl: u32,
    /// RFC 2308: negative answers live min(SOA TTL, SOA MINIMUM).
    pub negative_ttl: u32,
}

fn name(text: &str, what: &str) -> anyhow::Result<Name> {
    let mut name =
        Name::from_ascii(text).with_context(|| format!("{what} `{text}` is not a DNS name"))?;
    name.set_fqdn(true);
    Ok(name)
}

fn wire(
    encode: impl FnOnce(&mut BinEncoder<'_>) -> Result<(), hickory_proto::ProtoError>,
) -> Box<[u8]> {
    let mut buf = Vec::new();
    let mut encoder = BinEncoder::new(&mut buf);
    // These bytes are spliced into other messages: a pointer into this
    // scratch buffer would point at nonsense there.
    encoder.set_name_encoding(NameEncoding::Uncompressed);
    encode(&mut encoder).expect("names and integers always encode");
    buf.into()
}

/// The deepest of `apexes` that `host` is at or below.
fn zone_of<'a>(apexes: &'a [Name], host: &Name) -> Option<&'a Name> {
    apexes
        .iter()
        .filter(|apex| apex.zone_of(host))
        .max_by_key(|apex| apex.num_labels())
}

impl Zones {
    pub fn new(config: &DnsConfig) -> anyhow::Result<Zones> {
        let apexes: Vec<Name> = config
            .zones
            .iter()
            .map(|z| z.name().to_lowercase())
            .collect();
        let mut addresses: Vec<(Name, IpAddr)> = config
            .ns_addresses
            .iter()
            .map(|a| (a.name.clone(), a.ip))
            .collect();
        if let Some((host, _)) = addresses
            .iter()
            .find(|(h, _)| zone_of(&apexes, h).is_none())
        {
            anyhow::bail!(
                "dns.ns_addresses names `{host}`, which is in none of dns.zones: \
                 callsign can only serve addresses inside its zones"
            );
        }
        let mut zones = Vec::new();
        for zone in apexes.iter().cloned() {
            let in_zone = |label: &str| name(&format!("{label}.{zone}"), "name");
            let mname = match &config.soa_mname {
                Some(m) => m.name().clone(),
                None => in_zone("ns1")?,
            };
            let rname = match &config.soa_rname {
                Some(r) => r.name().clone(),
                None => in_zone("hostmaster")?,
            };
            let ns_names: Vec<Name> = if config.ns.is_empty() {
                // The default name server is this server: it answers on the
                // listen address, unless that is a wildcard.
                let ip = config.listen.ip();
                let known = addresses.iter().any(|(h, _)| *h == mname);
                if !known && !ip.is_unspecified() && zone_of(&apexes, &mname).is_some() {
                    addresses.push((mname.to_lowercase(), ip));
                }
                vec![mname.clone()]
            } else {
                config.ns.iter().map(|n| n.name().clone()).collect()
            };
            for ns in &ns_names {
                let in_zone = zone_of(&apexes, ns).is_some();
                if in_zone && !addresses.iter().any(|(h, _)| h == ns) {
                    let why = if config.ns.is_empty() {
                        format!(
                            "dns.ns defaults to `{ns}`, inside a served zone, and DNS \
                             listens on {}, which is no address to publish",
                            config.listen.ip()
                        )
                    } else {
                        format!("dns.ns names `{ns}`, inside a served zone")
                    };
                    anyhow::bail!(
                        "{why}: give it an address with dns.ns_addresses \
                         (CALLSIGN_DNS_NS_ADDRESSES=\"{}=IP\"), or name a server \
                         outside the zones in dns.ns",
                        ns.to_ascii().trim_end_matches('.')
                    );
                }
            }
            let as_i32 = |v: u32| v.min(i32::MAX as u32) as i32;
            let soa = SOA::new(
                mname,
                rname,
                0,
                as_i32(config.soa_refresh),
                as_i32(config.soa_retry),
                as_i32(config.soa_expire),
                config.soa_minimum,
            );
            zones.push(Zone {
                apex: wire(|e| zone.emit(e)),
                soa: wire(|e| soa.emit(e)),
                ns: ns_names
                    .iter()
                    .map(|n| wire(|e| NS(n.clone()).emit(e)))
                    .collect(),
                soa_fields: soa,
                ns_names,
                hosts: Vec::new(),
                name: zone,
            });
        }
        for (host, ip) in addresses {
            let apex = zone_of(&apexes, &host).expect("checked above");
            let zone = zones
                .iter_mut()
                .find(|z| z.name == *apex)
                .expect("a zone per apex");
            if let Some(existing) = zone.hosts.iter_mut().find(|h| h.name == host) {
                if !existing.addresses.contains(&ip) {
                    existing.addresses.push(ip);
                }
                continue;
            }
            let wire_name = wire(|e| host.emit(e));
            let relative: Box<[u8]> = wire_name[..wire_name.len() - zone.apex.len()].into();
            let below = host.iter().count() - apex.iter().count();
            let next_to_apex = below.checked_sub(1).and_then(|i| host.iter().nth(i));
            if next_to_apex.is_none_or(|l| l.len() == 1 && l[0].is_ascii_digit()) {
                anyhow::bail!(
                    "dns.ns_addresses name `{host}` cannot hold addresses in zone `{apex}`: \
                     the apex and names under a single-digit label belong to ENUM"
                );
            }
            zone.hosts.push(Host {
                name: host,
                relative,
                addresses: vec![ip],
            });
        }
        for zone in &mut zones {
            zone.hosts.sort_by(|a, b| a.name.cmp(&b.name));
        }
        zones.sort_by_key(|z| std::cmp::Reverse(z.apex.len()));
        Ok(Zones {
            zones,
            ttl: config.ttl,
            negative_ttl: config.ttl.min(config.soa_minimum),
        })
    }

    /// The zone whose apex ends `qname` (any case), with the apex's offset
    /// in `qname`.
    pub fn find(&self, qname: &[u8], label_starts: &[usize]) -> Option<(usize, &Zone)> {
        self.zones.iter().find_map(|zone| {
            let at = qname.len().checked_sub(zone.apex.len())?;
            // Must start on a label boundary, not inside a label's bytes.
            let on_label = at == 0 || label_starts.contains(&at);
            (on_label && qname[at..].eq_ignore_ascii_case(&zone.apex)).then_some((at, zone))
        })
    }

    /// The index of `zone` in [`Zones::zones`].
    pub fn position(&self, zone: &Zone) -> usize {
        self.zones
            .iter()
            .position(|z| std::ptr::eq(z, zone))
            .expect("a zone of this list")
    }

    pub fn by_name(&self, apex: &str) -> Option<&Zone> {
        let wanted = name(apex, "zone").ok()?.to_lowercase();
        self.zones.iter().find(|z| z.name == wanted)
    }
}

impl Zone {
    /// SOA rdata at `serial`.
    pub fn soa_rdata(&self, serial: u32, out: &mut Vec<u8>) {
        let at = out.len() + self.soa.len() - 20;
        out.extend_from_slice(&self.soa);
        out[at..at + 4].copy_from_slice(&serial.to_be_bytes());
    }

    /// SOA rdata at `serial` in canonical form (RFC 4034 §6.2: names
    /// lowercase), as signatures cover it.
    pub fn canonical_soa(&self, serial: u32) -> Vec<u8> {
        let mut rdata = Vec::with_capacity(self.soa.len());
        self.soa_rdata(serial, &mut rdata);
        let names = rdata.len() - 20;
        rdata[..names].make_ascii_lowercase();
        rdata
    }

    pub fn soa_len(&self) -> usize {
        self.soa.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(edit: impl FnOnce(&mut DnsConfig)) -> anyhow::Result<Zones> {
        let mut config = DnsConfig {
            zones: "e164.arpa, e164.example.net".parse().unwrap(),
            ..DnsConfig::default()
        };
        edit(&mut config);
        Zones::new(&config)
    }

    fn glue(zones: &Zones, apex: &str) -> Vec<String> {
        let zone = zones.by_name(apex).unwrap();
        zone.hosts
            .iter()
            .flat_map(|h| h.addresses.iter().map(move |ip| format!("{} {ip}", h.name)))
            .collect()
    }

    #[test]
    fn the_default_name_server_gets_the_listen_address() {
        let z = zones(|_| {}).unwrap();
        assert_eq!(glue(&z, "e164.arpa"), ["ns1.e164.arpa. 127.0.0.1"]);
        assert_eq!(
            glue(&z, "e164.example.net"),
            ["ns1.e164.example.net. 127.0.0.1"]
        );
        // A configured address wins over the listen address.
        let z = zones(|c| c.ns_addresses = "NS1.e164.arpa=2001:db8::1".parse().unwrap()).unwrap();
        assert_eq!(glue(&z, "e164.arpa"), ["ns1.e164.arpa. 2001:db8::1"]);
    }

    #[test]
    fn an_in_zone_name_server_without_an_address_is_refused() {
        let wildcard = zones(|c| c.listen = "0.0.0.0:53".parse().unwrap());
        let err = wildcard.err().unwrap().to_string();
        assert!(
            err.contains("ns1.e164.arpa") && err.contains("CALLSIGN_DNS_NS_ADDRESSES"),
            "{err}"
        );
        let err = zones(|c| c.ns = "ns.e164.example.net".parse().unwrap())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("dns.ns names `ns.e164.example.net.`"), "{err}");
        // Outside every zone, no address is needed.
        let z = zones(|c| {
            c.listen = "[::]:53".parse().unwrap();
            c.ns = "ns.example.org".parse().unwrap();
        })
        .unwrap();
        assert!(glue(&z, "e164.arpa").is_empty());
    }

    #[test]
    fn bad_address_entries_are_refused() {
        for (entry, why) in [
            ("ns.example.org=192.0.2.1", "in none of dns.zones"),
            ("ns.4.e164.arpa=192.0.2.1", "single-digit label"),
            ("e164.arpa=192.0.2.1", "single-digit label"),
        ] {
            let err = zones(|c| c.ns_addresses = entry.parse().unwrap())
                .err()
                .unwrap_or_else(|| panic!("{entry} accepted"))
                .to_string();
            assert!(err.contains(why), "{entry}: {err}");
        }
    }

    #[test]
    fn hosts_match_their_name_and_the_names_above_it() {
        let z = zones(|c| c.ns_addresses = "a.ns.e164.arpa=192.0.2.1".parse().unwrap()).unwrap();
        let zone = z.by_name("e164.arpa").unwrap();
        let host = zone
            .hosts
            .iter()
            .find(|h| h.relative[..2] == *b"\x01a")
            .unwrap();
        assert!(matches!(
            host.matches(b"\x01A\x02ns"),
            Some(HostMatch::Exact)
        ));
        assert!(matches!(host.matches(b"\x02NS"), Some(HostMatch::Ancestor)));
        assert!(host.matches(b"\x01s").is_none(), "not on a label boundary");
        assert!(host.matches(b"\x01b\x01a\x02ns").is_none());
    }
}
