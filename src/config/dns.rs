//! `[dns]`: the ENUM zones, their SOA and NS data, transfers, NOTIFY and
//! the DNS listeners' limits.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};

use ipnet::IpNet;

use super::tsig::{Keyed, TsigKeys};
use super::{DnsName, DnsNames, List, NsAddresses};

/// Who may transfer zones (`dns.axfr_allow`): networks, each perhaps
/// requiring a TSIG key.
pub type TransferAcl = List<Keyed<IpNet>>;
/// Secondaries told of changes (`dns.notify`), each perhaps with the key
/// NOTIFY is signed with.
pub type NotifyTargets = List<Keyed<SocketAddr>>;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DnsConfig {
    /// UDP and TCP listener (port 0 picks a free port).
    pub listen: SocketAddr,
    /// Zone apexes served; every published number appears under each.
    pub zones: DnsNames,
    /// Who may transfer zones (AXFR/IXFR): CIDRs, each optionally followed
    /// by `key NAME` (one of `tsig_keys`), which a transfer from there must
    /// then be signed with. Empty: nobody.
    pub axfr_allow: TransferAcl,
    /// Secondaries (`ip:port`) sent NOTIFY after changes, each optionally
    /// followed by `key NAME`: the key NOTIFY to it is signed with.
    pub notify: NotifyTargets,
    /// TSIG keys (RFC 8945) shared with secondaries: `name`, `algorithm`
    /// (hmac-sha256, hmac-sha384, hmac-sha512), and the base64 `secret`,
    /// or `secret_file`, or the variable `CALLSIGN_TSIG_SECRET_<NAME>`.
    pub tsig_keys: TsigKeys,
    /// TTL of NAPTR answers, seconds.
    pub ttl: u32,
    /// SOA MNAME; default `ns1.<zone>`.
    pub soa_mname: Option<DnsName>,
    /// SOA RNAME; default `hostmaster.<zone>`.
    pub soa_rname: Option<DnsName>,
    pub soa_refresh: u32,
    pub soa_retry: u32,
    pub soa_expire: u32,
    /// SOA MINIMUM: the negative-caching TTL.
    pub soa_minimum: u32,
    /// NS names of each zone; default: the SOA MNAME (`ns1.<zone>`).
    pub ns: DnsNames,
    /// `name=ip` address records (A or AAAA; repeat a name for several)
    /// of name servers inside a served zone: the glue without which such an
    /// NS is unreachable. Served in answers, transfers and exports. When
    /// `ns` is left to its default and this gives it no address, the
    /// default NS gets the `listen` address, unless that is a wildcard
    /// (0.0.0.0, ::), which is then a startup error.
    pub ns_addresses: NsAddresses,
    /// Response rate limit per client /24 (/56 for IPv6), answers per second; 0 turns it off.
    pub rrl_rate: u32,
    /// UDP sockets bound with SO_REUSEPORT (one receive loop each); 0 = one per core.
    pub udp_sockets: usize,
    /// TCP connections held at once for queries; more are closed as they arrive.
    pub tcp_max_connections: usize,
    /// TCP query connections held at once per client IP (IPv6: per /64).
    pub tcp_max_per_ip: usize,
    /// TCP connections held at once for sources in `axfr_allow`: their own
    /// budget, so query clients can never shut secondaries out.
    pub tcp_max_transfer_connections: usize,
    /// Time a new TCP connection has to send its first query, ms (RFC 7766
    /// §6.2.3: seconds at most, a client with nothing to ask holds a slot).
    pub tcp_first_query_timeout_ms: u64,
    /// Time a TCP connection may wait between queries (and a slow reader
    /// may take to accept an answer), ms.
    pub tcp_idle_timeout_ms: u64,
    /// Zones (each one of `zones`) signed online with DNSSEC; their keys
    /// live in the database, made on first start. Empty: nothing signed.
    pub dnssec: DnsNames,
    /// Algorithm of the keys made for `dnssec` zones: 13 (ECDSA P-256
    /// SHA-256) or 15 (Ed25519). A zone keeps the key it has.
    pub dnssec_algorithm: u8,
    /// How long a signature is valid, seconds; signed again after half.
    pub dnssec_signature_validity_secs: u64,
    /// Signatures made at answer time kept in memory (one per RRset or
    /// denial); numbers' pre-made signatures are kept apart.
    pub dnssec_signature_cache: u64,
    /// Added to each wait of a key roll, seconds: a new key is active
    /// `ttl` + this after it is published, and the old one leaves DNSKEY
    /// `ttl` (the zone's largest TTL) + this after that. Covers secondaries
    /// catching up and clocks apart.
    pub dnssec_roll_margin_secs: u32,
    /// Publish each published number's caller name (its subject's display
    /// name, where public) as a TXT record at the number's ENUM name, as
    /// Asterisk's `TXTCIDNAME` reads it. Off: answers stay as without it.
    pub caller_name: bool,
}

impl Default for DnsConfig {
    fn default() -> Self {
        DnsConfig {
            listen: ([127, 0, 0, 1], 5353).into(),
            zones: "e164.arpa".parse().expect("a valid name"),
            axfr_allow: TransferAcl::default(),
            notify: NotifyTargets::default(),
            tsig_keys: TsigKeys::default(),
            ttl: 3600,
            soa_mname: None,
            soa_rname: None,
            soa_refresh: 3600,
            soa_retry: 600,
            soa_expire: 604800,
            soa_minimum: 300,
            ns: DnsNames::default(),
            ns_addresses: NsAddresses::default(),
            rrl_rate: 0,
            udp_sockets: 0,
            tcp_max_connections: 1024,
            tcp_max_per_ip: 32,
            tcp_max_transfer_connections: 32,
            tcp_first_query_timeout_ms: 3000,
            tcp_idle_timeout_ms: 10_000,
            dnssec: DnsNames::default(),
            dnssec_algorithm: 13,
            dnssec_signature_validity_secs: 14 * 86_400,
            dnssec_signature_cache: 1_000_000,
            dnssec_roll_margin_secs: 3600,
            caller_name: false,
        }
    }
}

impl DnsConfig {
    /// The waits of a key roll (RFC 7583 §3.3.1): every record of the zone,
    /// DNSKEY included, has `ttl` (negative answers at most that).
    pub fn roll_timing(&self) -> crate::store::RollTiming {
        let wait = chrono::TimeDelta::seconds(
            i64::from(self.ttl) + i64::from(self.dnssec_roll_margin_secs),
        );
        crate::store::RollTiming {
            pre_publication: wait,
            retirement: wait,
        }
    }

    /// Signed zones must be served, with an algorithm callsign signs with.
    pub(super) fn check_dnssec(&self) -> Result<(), super::ConfigError> {
        // Names compare without regard to case.
        let served = |zone: &DnsName| self.zones.iter().any(|z| z.name() == zone.name());
        if let Some(zone) = self.dnssec.iter().find(|z| !served(z)) {
            return Err(super::ConfigError(format!(
                "dns.dnssec names `{zone}`, which is not one of dns.zones"
            )));
        }
        if !matches!(self.dnssec_algorithm, 13 | 15) {
            return Err(super::ConfigError(format!(
                "dns.dnssec_algorithm must be 13 (ECDSA P-256) or 15 (Ed25519), not {}",
                self.dnssec_algorithm
            )));
        }
        if self.dnssec_signature_validity_secs < 3 * 3600 {
            return Err(super::ConfigError(
                "dns.dnssec_signature_validity_secs must be at least 10800 (3 hours)".into(),
            ));
        }
        Ok(())
    }
}
