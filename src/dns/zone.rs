//! The configured zones: apexes, and their SOA and NS data pre-encoded.

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

impl Zones {
    pub fn new(config: &DnsConfig) -> anyhow::Result<Zones> {
        let mut zones = Vec::new();
        for apex in &config.zones {
            let zone = name(apex, "dns.zones entry")?.to_lowercase();
            let in_zone = |label: &str| name(&format!("{label}.{zone}"), "name");
            let mname = match &config.soa_mname {
                Some(m) => name(m, "dns.soa_mname")?,
                None => in_zone("ns1")?,
            };
            let rname = match &config.soa_rname {
                Some(r) => name(r, "dns.soa_rname")?,
                None => in_zone("hostmaster")?,
            };
            let ns_names = if config.ns.is_empty() {
                vec![mname.clone()]
            } else {
                config
                    .ns
                    .iter()
                    .map(|n| name(n, "dns.ns entry"))
                    .collect::<anyhow::Result<_>>()?
            };
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
                name: zone,
            });
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

    pub fn soa_len(&self) -> usize {
        self.soa.len()
    }
}
