//! Layered configuration: defaults < TOML file < `CALLSIGN_*` environment <
//! command-line flags. Unknown keys in the file are rejected; every key has
//! an environment twin (`[dns] axfr_allow` ⇔ `CALLSIGN_DNS_AXFR_ALLOW`).

mod credential;
mod database;
mod directory;
mod dns;
mod http;
mod list;
mod log;
mod resolver;
mod tsig;
mod webfinger;

use std::fmt;
use std::path::Path;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

pub use credential::{Credential, Credentials};
pub use database::DatabaseConfig;
pub use directory::DirectoryConfig;
pub use dns::{DnsConfig, NotifyTargets, TransferAcl};
pub use http::{HttpConfig, HttpsConfig, TlsConfig};
pub use list::{
    Cidrs, DnsName, DnsNames, HostOverride, HostOverrides, List, ListEntry, NsAddress, NsAddresses,
    Servers, Tenant,
};

pub use log::LogConfig;
pub use resolver::{LookupConfig, ResolverConfig};
pub use tsig::{Keyed, TsigAlgorithm, TsigKey, TsigKeys, TsigSecret};
pub use webfinger::WebFingerConfig;

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
    /// Threads of the async runtime (HTTP, DNS over TCP, the database);
    /// unset: one per CPU. DNS over UDP has threads of its own.
    pub worker_threads: Option<usize>,
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
        let mut config: Config = figment.extract().map_err(|e| ConfigError(e.to_string()))?;
        config.dns.tsig_keys.resolve()?;
        config.resolver.credentials.resolve()?;
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
        let keys = &self.dns.tsig_keys;
        tsig::check_key_names("dns.axfr_allow", &self.dns.axfr_allow, keys)?;
        tsig::check_key_names("dns.notify", &self.dns.notify, keys)?;
        if let Some(token) = &self.admin_token {
            check_admin_token(token.expose())?;
        }
        self.dns.check_dnssec()?;
        self.database.check()?;
        let base = &self.webfinger.address_rel_base;
        if url::Url::parse(base).is_err() || base.chars().any(char::is_whitespace) {
            return Err(ConfigError(format!(
                "webfinger.address_rel_base must be an absolute URI, not `{base}`"
            )));
        }
        if let Some(base) = &self.webfinger.public_base_url {
            let url = url::Url::parse(base).ok().filter(|u| {
                matches!(u.scheme(), "http" | "https")
                    && u.host().is_some()
                    && u.path() == "/"
                    && !base.ends_with('/')
                    && u.query().is_none()
                    && u.fragment().is_none()
            });
            if url.is_none() {
                return Err(ConfigError(format!(
                    "webfinger.public_base_url must be http(s)://host[:port] without a path, not `{base}`"
                )));
            }
        }
        if self.worker_threads == Some(0) {
            return Err(ConfigError(
                "worker_threads must be at least 1 (leave it unset for one per CPU)".into(),
            ));
        }
        if let Some(name) = &self.directory.replica_name
            && (name.is_empty() || name.len() > 200 || name.chars().any(char::is_control))
        {
            return Err(ConfigError(
                "directory.replica_name must be 1 to 200 characters, none of them control characters"
                    .into(),
            ));
        }
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
            ("http.console_session_secs", self.http.console_session_secs),
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
        assert_eq!(c.dns.zones.to_vec(), ["e164.example.net".parse().unwrap()]);
        assert_eq!(c.dns.ttl, 60);
    }

    #[test]
    fn runtime_threads_and_replica_names_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let load = |text: &str| {
            std::fs::write(&path, text).unwrap();
            Config::load(Some(&path)).map_err(|e| e.to_string())
        };
        assert_eq!(
            load("worker_threads = 3\n").unwrap().worker_threads,
            Some(3)
        );
        assert!(
            load("worker_threads = 0\n")
                .unwrap_err()
                .contains("worker_threads")
        );
        let err = load("[directory]\nreplica_name = \"\"\n").unwrap_err();
        assert!(err.contains("directory.replica_name"), "{err}");
        let c = load("[directory]\nreplica_name = \"pop-1\"\n").unwrap();
        assert_eq!(c.directory.replica_name.as_deref(), Some("pop-1"));
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
