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
        }
    }
}
