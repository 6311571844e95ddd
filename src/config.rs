//! Layered configuration: defaults < TOML file < `CALLSIGN_*` environment <
//! command-line flags. Unknown keys in the file are rejected; every key has
//! an environment twin (`[dns] axfr_allow` ⇔ `CALLSIGN_DNS_AXFR_ALLOW`).

mod list;

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use list::list;
pub use list::{
    Cidrs, HostOverride, HostOverrides, List, ListEntry, NsAddress, NsAddresses, Servers, Tenant,
};

pub use crate::model::Limits;

/// A secret that never shows in `Debug` output or logs.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The shortest bootstrap admin token accepted: anything shorter can be
/// guessed by an Internet-wide search long before anyone notices.
pub const MIN_ADMIN_TOKEN_CHARS: usize = 16;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// A bootstrap admin token accepted as given (actor name `bootstrap`),
    /// at least [`MIN_ADMIN_TOKEN_CHARS`] characters; unset: none.
    pub admin_token: Option<Secret>,
    pub database: DatabaseConfig,
    pub http: HttpConfig,
    pub https: HttpsConfig,
    pub tls: TlsConfig,
    pub dns: DnsConfig,
    pub webfinger: WebFingerConfig,
    pub directory: DirectoryConfig,
    pub resolver: ResolverConfig,
    pub lookup: LookupConfig,
    pub limits: Limits,
    pub log: LogConfig,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://FILE` (created if absent) or `postgres://…`.
    pub url: Secret,
    /// How long an operation waits for a PostgreSQL connection before it
    /// gives up: a write during an outage answers 503 after this long, ms.
    pub acquire_timeout_ms: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Plain-HTTP listener (port 0 picks a free port).
    pub listen: SocketAddr,
    /// Largest JSON request body accepted, in bytes.
    pub body_limit: usize,
    /// Largest NDJSON import body accepted over HTTP, in bytes.
    pub import_limit: u64,
    /// Per-request timeout, in seconds.
    pub request_timeout_secs: u64,
    /// Connections held at once over HTTP and HTTPS together; more are
    /// closed as they arrive.
    pub max_connections: usize,
    /// Connections held at once per client IP (IPv6: per /64). Trusted
    /// proxies (`webfinger.trusted_proxies`) count in the total only.
    pub max_connections_per_ip: usize,
    /// Time a client has to send a complete request head (and to finish a
    /// TLS handshake), seconds; also how long an idle HTTP/1 keep-alive
    /// connection waits for its next request.
    pub header_read_timeout_secs: u64,
    /// A connection with no request in flight on which nothing moves for
    /// this long is closed (idle HTTP/2, clients that stop reading), seconds.
    pub idle_timeout_secs: u64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpsConfig {
    /// HTTPS listener; needs `tls.cert` and `tls.key`.
    pub listen: Option<SocketAddr>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: Option<PathBuf>,
    /// PEM private key.
    pub key: Option<PathBuf>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DnsConfig {
    /// UDP and TCP listener (port 0 picks a free port).
    pub listen: SocketAddr,
    /// Zone apexes served; every published number appears under each.
    #[serde(deserialize_with = "list")]
    pub zones: Vec<String>,
    /// CIDRs allowed to transfer zones (AXFR/IXFR). Empty: nobody.
    pub axfr_allow: Cidrs,
    /// Secondaries (`ip:port`) sent NOTIFY after changes.
    pub notify: Servers,
    /// TTL of NAPTR answers, seconds.
    pub ttl: u32,
    /// SOA MNAME; default `ns1.<zone>`.
    pub soa_mname: Option<String>,
    /// SOA RNAME; default `hostmaster.<zone>`.
    pub soa_rname: Option<String>,
    pub soa_refresh: u32,
    pub soa_retry: u32,
    pub soa_expire: u32,
    /// SOA MINIMUM: the negative-caching TTL.
    pub soa_minimum: u32,
    /// NS names of each zone; default: the SOA MNAME (`ns1.<zone>`).
    #[serde(deserialize_with = "list")]
    pub ns: Vec<String>,
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
    #[serde(deserialize_with = "list")]
    pub dnssec: Vec<String>,
    /// Algorithm of the keys made for `dnssec` zones: 13 (ECDSA P-256
    /// SHA-256) or 15 (Ed25519). A zone keeps the key it has.
    pub dnssec_algorithm: u8,
    /// How long a signature is valid, seconds; signed again after half.
    pub dnssec_signature_validity_secs: u64,
    /// Signatures kept in memory (one per RRset or denial).
    pub dnssec_signature_cache: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WebFingerConfig {
    /// `Cache-Control: max-age` of WebFinger answers, seconds.
    pub max_age: u32,
    /// Anonymous requests per second allowed per client (an IPv4 address or
    /// an IPv6 /64); 0 turns limiting off.
    pub rate_per_second: u32,
    /// Burst above the steady rate.
    pub burst: u32,
    /// Proxies whose `X-Forwarded-For` is trusted (CIDRs).
    pub trusted_proxies: Cidrs,
    /// `host=domain1 domain2` entries: which subject domains each Host
    /// serves, on WebFinger and lookup alike. Empty: every Host serves
    /// every domain.
    pub tenants: List<Tenant>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DirectoryConfig {
    /// How often the change log is read for changes made elsewhere, ms.
    /// With PostgreSQL, LISTEN/NOTIFY wakes replicas at once and this is
    /// only the safety net; with SQLite it is how changes are found.
    pub poll_interval_ms: u64,
}

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

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// `text` or `json`.
    pub format: String,
    /// A tracing filter such as `info` or `callsign=debug`.
    pub filter: String,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: Secret::new("sqlite://callsign.db"),
            acquire_timeout_ms: 2000,
        }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            listen: ([127, 0, 0, 1], 8080).into(),
            body_limit: 1024 * 1024,
            import_limit: 4 * 1024 * 1024 * 1024,
            request_timeout_secs: 300,
            max_connections: 10_000,
            max_connections_per_ip: 256,
            header_read_timeout_secs: 10,
            idle_timeout_secs: 60,
        }
    }
}

impl Default for DnsConfig {
    fn default() -> Self {
        DnsConfig {
            listen: ([127, 0, 0, 1], 5353).into(),
            zones: vec!["e164.arpa".into()],
            axfr_allow: Cidrs::default(),
            notify: Servers::default(),
            ttl: 3600,
            soa_mname: None,
            soa_rname: None,
            soa_refresh: 3600,
            soa_retry: 600,
            soa_expire: 604800,
            soa_minimum: 300,
            ns: Vec::new(),
            ns_addresses: NsAddresses::default(),
            rrl_rate: 0,
            udp_sockets: 0,
            tcp_max_connections: 1024,
            tcp_max_per_ip: 32,
            tcp_max_transfer_connections: 32,
            tcp_first_query_timeout_ms: 3000,
            tcp_idle_timeout_ms: 10_000,
            dnssec: Vec::new(),
            dnssec_algorithm: 13,
            dnssec_signature_validity_secs: 14 * 86_400,
            dnssec_signature_cache: 1_000_000,
        }
    }
}

impl Default for WebFingerConfig {
    fn default() -> Self {
        WebFingerConfig {
            max_age: 300,
            rate_per_second: 20,
            burst: 50,
            trusted_proxies: Cidrs::default(),
            tenants: List::default(),
        }
    }
}

impl Default for DirectoryConfig {
    fn default() -> Self {
        DirectoryConfig {
            poll_interval_ms: 1000,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: "text".into(),
            filter: "info".into(),
        }
    }
}

impl DnsConfig {
    /// Signed zones must be served, with an algorithm callsign signs with.
    fn check_dnssec(&self) -> Result<(), ConfigError> {
        let apex = |z: &str| z.trim_end_matches('.').to_ascii_lowercase();
        if let Some(zone) = self
            .dnssec
            .iter()
            .find(|z| !self.zones.iter().any(|served| apex(served) == apex(z)))
        {
            return Err(ConfigError(format!(
                "dns.dnssec names `{zone}`, which is not one of dns.zones"
            )));
        }
        if !matches!(self.dnssec_algorithm, 13 | 15) {
            return Err(ConfigError(format!(
                "dns.dnssec_algorithm must be 13 (ECDSA P-256) or 15 (Ed25519), not {}",
                self.dnssec_algorithm
            )));
        }
        if self.dnssec_signature_validity_secs < 3 * 3600 {
            return Err(ConfigError(
                "dns.dnssec_signature_validity_secs must be at least 10800 (3 hours)".into(),
            ));
        }
        Ok(())
    }
}

/// Every configuration key as `section.key` (or `key` at top level).
pub fn known_keys() -> Vec<String> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) if prefix.is_empty() || !map.is_empty() => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    if prefix.is_empty() && v.is_object() {
                        walk(&key, v, out);
                    } else {
                        out.push(key);
                    }
                }
            }
            _ => out.push(prefix.to_owned()),
        }
    }
    let mut out = Vec::new();
    walk(
        "",
        &serde_json::to_value(Config::default()).expect("config serialises"),
        &mut out,
    );
    out
}

/// The environment variable of a configuration key.
pub fn env_name(key: &str) -> String {
    format!("CALLSIGN_{}", key.replace('.', "_").to_ascii_uppercase())
}

/// Why configuration could not be read.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

impl Config {
    /// Defaults < `file` < `CALLSIGN_*` environment. Flags are applied by
    /// the caller on the returned value.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let keys = known_keys();
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(file) = file {
            if !file.exists() {
                return Err(ConfigError(format!("{} does not exist", file.display())));
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        // Only known keys are read from the environment, so unrelated
        // CALLSIGN_* variables (a test's, say) cannot break startup.
        let env = Env::prefixed("CALLSIGN_")
            .map(move |k| {
                let k = k.as_str().to_ascii_lowercase();
                let dotted = keys
                    .iter()
                    .find(|known| known.replace('.', "_") == k)
                    .cloned()
                    .unwrap_or(k);
                dotted.into()
            })
            .filter(|k| known_keys().iter().any(|known| known == k.as_str()))
            .lowercase(false);
        figment = figment.merge(env);
        let config: Config = figment.extract().map_err(|e| ConfigError(e.to_string()))?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        if self.https.listen.is_some() && (self.tls.cert.is_none() || self.tls.key.is_none()) {
            return Err(ConfigError(
                "https.listen needs tls.cert and tls.key".into(),
            ));
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return Err(ConfigError("log.format must be text or json".into()));
        }
        if self.dns.zones.is_empty() {
            return Err(ConfigError("dns.zones must name at least one zone".into()));
        }
        if let Some(token) = &self.admin_token {
            check_admin_token(token.expose())?;
        }
        self.dns.check_dnssec()?;
        self.check_positive()
    }

    /// Caps and timeouts of 0 would refuse everything (or close every
    /// connection at once): a typo, never a setting.
    fn check_positive(&self) -> Result<(), ConfigError> {
        let values = [
            ("http.max_connections", self.http.max_connections as u64),
            (
                "http.max_connections_per_ip",
                self.http.max_connections_per_ip as u64,
            ),
            (
                "http.header_read_timeout_secs",
                self.http.header_read_timeout_secs,
            ),
            ("http.idle_timeout_secs", self.http.idle_timeout_secs),
            ("http.body_limit", self.http.body_limit as u64),
            (
                "dns.tcp_max_connections",
                self.dns.tcp_max_connections as u64,
            ),
            ("dns.tcp_max_per_ip", self.dns.tcp_max_per_ip as u64),
            (
                "dns.tcp_max_transfer_connections",
                self.dns.tcp_max_transfer_connections as u64,
            ),
            (
                "dns.tcp_first_query_timeout_ms",
                self.dns.tcp_first_query_timeout_ms,
            ),
            ("dns.tcp_idle_timeout_ms", self.dns.tcp_idle_timeout_ms),
            (
                "limits.addresses_per_subject",
                self.limits.addresses_per_subject as u64,
            ),
            // Zero permits would leave every remote step waiting forever.
            (
                "resolver.max_concurrent_fetches",
                self.resolver.max_concurrent_fetches as u64,
            ),
            (
                "resolver.max_fetches_per_host",
                self.resolver.max_fetches_per_host as u64,
            ),
        ];
        match values.iter().find(|(_, v)| *v == 0) {
            Some((key, _)) => Err(ConfigError(format!("{key} must be at least 1"))),
            None => Ok(()),
        }
    }
}

/// A set bootstrap token must be a real secret: an empty one once granted
/// admin to `Authorization: Bearer ` (the value never shows in the error).
fn check_admin_token(token: &str) -> Result<(), ConfigError> {
    let key = format!("admin_token ({})", env_name("admin_token"));
    let chars = token.trim().chars().count();
    if chars == 0 {
        return Err(ConfigError(format!(
            "{key} is set but empty; unset it, or set a random secret of at least \
             {MIN_ADMIN_TOKEN_CHARS} characters"
        )));
    }
    if chars < MIN_ADMIN_TOKEN_CHARS {
        return Err(ConfigError(format!(
            "{key} is {chars} characters long; it needs at least {MIN_ADMIN_TOKEN_CHARS} \
             (e.g. `openssl rand -hex 32`)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_an_env_twin() {
        let keys = known_keys();
        assert!(keys.contains(&"database.url".to_string()));
        assert!(keys.contains(&"admin_token".to_string()));
        assert!(keys.contains(&"dns.axfr_allow".to_string()));
        assert_eq!(env_name("dns.axfr_allow"), "CALLSIGN_DNS_AXFR_ALLOW");
        assert_eq!(env_name("https.listen"), "CALLSIGN_HTTPS_LISTEN");
    }

    #[test]
    fn bootstrap_tokens_are_real_secrets() {
        for bad in ["", " \t ", "fifteen-chars-x", " fifteen-chars-x "] {
            let err = check_admin_token(bad).unwrap_err().to_string();
            assert!(err.contains("admin_token (CALLSIGN_ADMIN_TOKEN)"), "{err}");
        }
        assert!(check_admin_token("sixteen-chars-xx").is_ok());
    }

    #[test]
    fn unknown_file_keys_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[dns]\nzonez = [\"x\"]\n").unwrap();
        let err = Config::load(Some(&path)).unwrap_err().to_string();
        assert!(err.contains("zonez"), "{err}");
        std::fs::write(&path, "[dns]\nzones = [\"e164.example.net\"]\nttl = 60\n").unwrap();
        let c = Config::load(Some(&path)).unwrap();
        assert_eq!(c.dns.zones, vec!["e164.example.net"]);
        assert_eq!(c.dns.ttl, 60);
    }

    #[test]
    fn fetch_gates_need_a_permit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        for key in ["max_concurrent_fetches", "max_fetches_per_host"] {
            std::fs::write(&path, format!("[resolver]\n{key} = 0\n")).unwrap();
            let err = Config::load(Some(&path)).unwrap_err().to_string();
            assert!(err.contains(&format!("resolver.{key}")), "{err}");
        }
    }
}
