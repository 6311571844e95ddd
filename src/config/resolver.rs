//! `[resolver]` and `[lookup]`: the federated lookup of remote ENUM and
//! WebFinger, its budgets, and batch lookups.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::list::list;
use super::{Credentials, HostOverrides, Servers};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ResolverConfig {
    /// Look up keys that are not ours in other domains' ENUM and WebFinger.
    pub enabled: bool,
    /// DNS servers (`ip` or `ip:port`) for remote ENUM; empty: the system's resolvers.
    pub enum_servers: Servers,
    /// ENUM suffixes tried for remote numbers.
    #[serde(deserialize_with = "list")]
    pub enum_suffixes: Vec<String>,
    /// `host=base-url` overrides for remote WebFinger (tests, private deployments).
    pub webfinger_hosts: HostOverrides,
    /// Allow remote fetches to loopback/private/link-local targets.
    pub allow_private: bool,
    /// Tokens presented to partner hosts (`Authorization: Bearer`) when
    /// asking their WebFinger, each with the local audience allowed to see
    /// what it brings back.
    pub credentials: Credentials,
    /// A PEM file of extra CA certificates trusted, besides the system's,
    /// when fetching over https from hosts listed in `webfinger_hosts` or
    /// `credentials` (a partner behind a private CA).
    pub ca_file: Option<PathBuf>,
    /// Timeout of one remote step (one DNS query, one HTTP fetch), ms.
    pub step_timeout_ms: u64,
    /// Timeout of a whole remote expansion, ms.
    pub total_timeout_ms: u64,
    /// How many dependent steps an expansion may take.
    pub max_depth: u32,
    /// Most remote steps (one WebFinger fetch, one ENUM lookup) one
    /// expansion may start; the rest are reported in the answer's `errors`.
    pub max_steps: u32,
    /// Most distinct WebFinger hosts one expansion may ask.
    pub max_hosts: u32,
    /// Most remote fetches (HTTP and DNS) in flight at once, across every
    /// lookup: the server's whole outbound budget.
    pub max_concurrent_fetches: usize,
    /// Most WebFinger fetches in flight to one host (or override base URL)
    /// at once.
    pub max_fetches_per_host: usize,
    /// Let anonymous callers start remote steps (for a key that is not ours,
    /// or with `remote=true`). Off: they get local answers only, and remote
    /// expansion needs a lookup or admin token.
    pub anonymous: bool,
    /// Largest WebFinger response accepted, bytes.
    pub max_response_bytes: usize,
    /// Entries kept in the resolver cache.
    pub cache_capacity: u64,
    /// How long a negative answer (NXDOMAIN, no records, 404) is cached, seconds.
    pub negative_ttl_secs: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LookupConfig {
    /// Most addresses in one batch lookup.
    pub batch_max: usize,
}

impl Default for ResolverConfig {
    fn default() -> Self {
        ResolverConfig {
            enabled: true,
            enum_servers: Servers::default(),
            enum_suffixes: vec!["e164.arpa".into()],
            webfinger_hosts: HostOverrides::default(),
            allow_private: false,
            credentials: Credentials::default(),
            ca_file: None,
            step_timeout_ms: 2000,
            total_timeout_ms: 5000,
            max_depth: 4,
            max_steps: 16,
            max_hosts: 8,
            max_concurrent_fetches: 64,
            max_fetches_per_host: 2,
            anonymous: false,
            max_response_bytes: 1024 * 1024,
            cache_capacity: 100_000,
            negative_ttl_secs: 30,
        }
    }
}

impl Default for LookupConfig {
    fn default() -> Self {
        LookupConfig { batch_max: 100 }
    }
}
