//! `[[dns.tsig_keys]]`: shared secrets that authenticate zone transfers
//! and NOTIFY (TSIG, RFC 8945), and the `key NAME` suffix that ties a
//! `dns.axfr_allow` or `dns.notify` entry to one of them.

use std::fmt;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hickory_proto::rr::Name;
use serde::{Deserialize, Deserializer, Serialize};

use super::ConfigError;
use super::list::{ListEntry, dns_name};

/// The MAC algorithms keys may use (RFC 8945 §6, the ones a maintained
/// HMAC implementation backs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TsigAlgorithm {
    #[serde(rename = "hmac-sha256")]
    HmacSha256,
    #[serde(rename = "hmac-sha384")]
    HmacSha384,
    #[serde(rename = "hmac-sha512")]
    HmacSha512,
}

impl TsigAlgorithm {
    pub const ALL: [TsigAlgorithm; 3] = [
        TsigAlgorithm::HmacSha256,
        TsigAlgorithm::HmacSha384,
        TsigAlgorithm::HmacSha512,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TsigAlgorithm::HmacSha256 => "hmac-sha256",
            TsigAlgorithm::HmacSha384 => "hmac-sha384",
            TsigAlgorithm::HmacSha512 => "hmac-sha512",
        }
    }

    /// The MAC length, which is also the secret length RFC 8945 §6
    /// recommends.
    pub fn output_len(self) -> usize {
        match self {
            TsigAlgorithm::HmacSha256 => 32,
            TsigAlgorithm::HmacSha384 => 48,
            TsigAlgorithm::HmacSha512 => 64,
        }
    }

    pub fn parse(text: &str) -> Result<TsigAlgorithm, String> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                format!("`{text}` is not a TSIG algorithm (hmac-sha256, hmac-sha384, hmac-sha512)")
            })
    }
}

impl fmt::Display for TsigAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Key material, decoded from base64 when read; never shown by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct TsigSecret(Vec<u8>);

impl TsigSecret {
    pub fn new(bytes: Vec<u8>) -> TsigSecret {
        TsigSecret(bytes)
    }

    pub fn parse(text: &str) -> Result<TsigSecret, String> {
        let bytes = BASE64
            .decode(text.trim())
            .map_err(|_| "the secret is not base64".to_string())?;
        if bytes.is_empty() {
            return Err("the secret is empty".into());
        }
        Ok(TsigSecret(bytes))
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// The base64 form configuration files and peers use.
    pub fn to_base64(&self) -> String {
        BASE64.encode(&self.0)
    }
}

impl fmt::Debug for TsigSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TsigSecret(***)")
    }
}

impl Serialize for TsigSecret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for TsigSecret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TsigSecret, D::Error> {
        TsigSecret::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// One `[[dns.tsig_keys]]` table. The secret comes from exactly one of
/// `secret`, `secret_file`, or the environment variable
/// [`TsigKey::secret_env`] (so it can stay out of configuration files);
/// after loading, `secret` holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TsigKey {
    /// The key's name, as the peer knows it (`transfer-key`).
    #[serde(with = "name_text")]
    pub name: Name,
    pub algorithm: TsigAlgorithm,
    /// The shared secret, base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<TsigSecret>,
    /// A file holding the base64 secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_file: Option<PathBuf>,
}

mod name_text {
    use hickory_proto::rr::Name;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(name: &Name, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        super::dns_name(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TsigKey {
    /// The environment variable read for a key given no other secret:
    /// `CALLSIGN_TSIG_SECRET_` and the name in capitals, every character
    /// that is not a letter or digit as `_` (`transfer-key` →
    /// `CALLSIGN_TSIG_SECRET_TRANSFER_KEY`).
    pub fn secret_env(&self) -> String {
        let name = self.name.to_ascii();
        let name: String = name
            .trim_end_matches('.')
            .chars()
            .map(|c| match c {
                c if c.is_ascii_alphanumeric() => c.to_ascii_uppercase(),
                _ => '_',
            })
            .collect();
        format!("CALLSIGN_TSIG_SECRET_{name}")
    }

    /// Settle where the secret comes from, reading the file or the
    /// environment when `secret` is not given.
    fn resolve_secret(&mut self) -> Result<(), String> {
        let env = self.secret_env();
        let from_env = std::env::var(&env).ok();
        let secret = match (&self.secret, &self.secret_file, from_env) {
            (Some(_), None, _) => return Ok(()),
            (None, Some(file), _) => read_secret_file(file)?,
            (None, None, Some(value)) => {
                TsigSecret::parse(&value).map_err(|e| format!("{env}: {e}"))?
            }
            (None, None, None) => {
                return Err(format!(
                    "needs `secret`, `secret_file` or the variable {env}"
                ));
            }
            (Some(_), Some(_), _) => {
                return Err("gives both `secret` and `secret_file`; keep one".into());
            }
        };
        self.secret = Some(secret);
        Ok(())
    }
}

fn read_secret_file(file: &Path) -> Result<TsigSecret, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("secret_file {}: {e}", file.display()))?;
    TsigSecret::parse(&text).map_err(|e| format!("secret_file {}: {e}", file.display()))
}

/// The key list: TOML tables or, from the environment
/// (`CALLSIGN_DNS_TSIG_KEYS`), comma-separated `algorithm:name:secret`
/// entries, the form `kdig -y` takes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TsigKeys(Vec<TsigKey>);

impl std::ops::Deref for TsigKeys {
    type Target = [TsigKey];
    fn deref(&self) -> &[TsigKey] {
        &self.0
    }
}

impl From<Vec<TsigKey>> for TsigKeys {
    fn from(keys: Vec<TsigKey>) -> Self {
        TsigKeys(keys)
    }
}

impl TsigKeys {
    pub fn find(&self, name: &Name) -> Option<&TsigKey> {
        self.0.iter().find(|k| k.name == *name)
    }

    /// Read every secret and check the names are distinct.
    pub(super) fn resolve(&mut self) -> Result<(), ConfigError> {
        for key in &mut self.0 {
            key.resolve_secret()
                .map_err(|e| ConfigError(format!("dns.tsig_keys `{}` {e}", key.name)))?;
        }
        match self
            .0
            .iter()
            .enumerate()
            .find(|(i, key)| self.0[..*i].iter().any(|k| k.name == key.name))
        {
            Some((_, twice)) => Err(ConfigError(format!(
                "dns.tsig_keys names `{}` twice",
                twice.name
            ))),
            None => Ok(()),
        }
    }
}

/// `algorithm:name:secret`, as `kdig -y` takes it.
fn parse_compact(entry: &str) -> Result<TsigKey, String> {
    let mut parts = entry.trim().splitn(3, ':');
    let (Some(algorithm), Some(name), Some(secret)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err("a key from the environment is `algorithm:name:secret`".into());
    };
    Ok(TsigKey {
        name: dns_name(name)?,
        algorithm: TsigAlgorithm::parse(algorithm)?,
        secret: Some(TsigSecret::parse(secret).map_err(|e| format!("key `{name}`: {e}"))?),
        secret_file: None,
    })
}

impl<'de> Deserialize<'de> for TsigKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TsigKeys, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Compact(String),
            Tables(Vec<TsigKey>),
        }
        match Form::deserialize(d)? {
            Form::Tables(keys) => Ok(TsigKeys(keys)),
            Form::Compact(text) => text
                .split(',')
                .filter(|e| !e.trim().is_empty())
                .map(parse_compact)
                .collect::<Result<_, _>>()
                .map(TsigKeys)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// A list entry that may require a TSIG key: `VALUE` or `VALUE key NAME`
/// (`192.0.2.0/24 key transfer-key`, `192.0.2.1:53 key transfer-key`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyed<T> {
    pub value: T,
    pub key: Option<Name>,
}

impl<T: ListEntry> ListEntry for Keyed<T> {
    fn parse_entry(text: &str) -> Result<Keyed<T>, String> {
        let mut words = text.split_whitespace();
        let value = T::parse_entry(words.next().unwrap_or(""))?;
        let key = match (words.next(), words.next(), words.next()) {
            (None, ..) => None,
            (Some(k), Some(name), None) if k.eq_ignore_ascii_case("key") => {
                Some(dns_name(name).map_err(|e| format!("`{text}`: {e}"))?)
            }
            _ => return Err(format!("`{text}` is not `ADDRESS` or `ADDRESS key NAME`")),
        };
        Ok(Keyed { value, key })
    }
}

impl<T: fmt::Display> fmt::Display for Keyed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        match &self.key {
            Some(key) => write!(f, " key {key}"),
            None => Ok(()),
        }
    }
}

/// Every `key NAME` in `entries` must be a configured key.
pub(super) fn check_key_names<T>(
    setting: &str,
    entries: &[Keyed<T>],
    keys: &TsigKeys,
) -> Result<(), ConfigError> {
    match entries
        .iter()
        .filter_map(|e| e.key.as_ref())
        .find(|name| keys.find(name).is_none())
    {
        Some(name) => Err(ConfigError(format!(
            "{setting} names key `{name}`, which is not in dns.tsig_keys"
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ipnet::IpNet;

    #[test]
    fn keyed_entries() {
        let e = Keyed::<IpNet>::parse_entry("192.0.2.0/24  KEY Transfer-Key").unwrap();
        assert_eq!(e.to_string(), "192.0.2.0/24 key Transfer-Key.");
        assert_eq!(e.key, Some(Name::from_ascii("transfer-key.").unwrap()));
        assert_eq!(Keyed::<IpNet>::parse_entry("10.0.0.1").unwrap().key, None);
        for bad in [
            "192.0.2.0/24 key",
            "192.0.2.0/24 secret k",
            "192.0.2.0/24 key a b",
        ] {
            let err = Keyed::<IpNet>::parse_entry(bad).unwrap_err();
            assert!(err.contains("ADDRESS key NAME"), "{bad}: {err}");
        }
    }

    #[test]
    fn compact_keys_and_masked_secrets() {
        let key = parse_compact("hmac-sha512:t.example:c2VjcmV0").unwrap();
        assert_eq!(key.algorithm, TsigAlgorithm::HmacSha512);
        assert_eq!(key.secret.as_ref().unwrap().expose(), b"secret");
        assert!(!format!("{key:?}").contains("c2VjcmV0"));
        assert!(parse_compact("hmac-md5:t:c2VjcmV0").is_err());
        assert!(parse_compact("hmac-sha256:t:!!").is_err());
        assert_eq!(key.secret_env(), "CALLSIGN_TSIG_SECRET_T_EXAMPLE");
    }
}
