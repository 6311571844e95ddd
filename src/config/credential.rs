//! `[[resolver.credentials]]`: the token this server presents to a partner
//! host when it asks that host's WebFinger, and the local audience whose
//! members may see what the token brings back.

use std::path::PathBuf;

use serde::{Deserialize, Deserializer, Serialize};

use super::{ConfigError, Secret};
use crate::model::audience_name;

/// One credential. The token comes from exactly one of `token`,
/// `token_file`, or the environment variable [`Credential::token_env`] (so
/// it can stay out of configuration files); after loading, `token` holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credential {
    /// The remote host (as in an address: `b.example`), lowercased.
    pub host: String,
    /// The local audience whose members (and admins) may see what was
    /// obtained with this credential.
    pub audience: String,
    /// The bearer token presented to `host`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Secret>,
    /// A file holding the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
}

impl Credential {
    /// The environment variable read for a credential given no other
    /// token: `CALLSIGN_RESOLVER_TOKEN_` and the host in capitals, every
    /// character that is not a letter or digit as `_` (`b.example` →
    /// `CALLSIGN_RESOLVER_TOKEN_B_EXAMPLE`).
    pub fn token_env(&self) -> String {
        let host: String = self
            .host
            .chars()
            .map(|c| match c {
                c if c.is_ascii_alphanumeric() => c.to_ascii_uppercase(),
                _ => '_',
            })
            .collect();
        format!("CALLSIGN_RESOLVER_TOKEN_{host}")
    }

    /// The token; set once the configuration is loaded.
    pub fn secret(&self) -> Option<&str> {
        self.token.as_ref().map(Secret::expose)
    }

    /// Check the host and audience, and settle where the token comes from.
    fn resolve(&mut self) -> Result<(), String> {
        self.host = self.host.trim_end_matches('.').to_ascii_lowercase();
        if self.host.is_empty()
            || !self
                .host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        {
            return Err("`host` must be a host name".into());
        }
        audience_name(&self.audience).map_err(|e| format!("`audience`: {e}"))?;
        let env = self.token_env();
        let token = match (&self.token, &self.token_file, std::env::var(&env).ok()) {
            (Some(t), None, _) => t.expose().trim().to_owned(),
            (None, Some(file), _) => std::fs::read_to_string(file)
                .map_err(|e| format!("token_file {}: {e}", file.display()))?
                .trim()
                .to_owned(),
            (None, None, Some(value)) => value.trim().to_owned(),
            (None, None, None) => {
                return Err(format!("needs `token`, `token_file` or the variable {env}"));
            }
            (Some(_), Some(_), _) => {
                return Err("gives both `token` and `token_file`; keep one".into());
            }
        };
        if token.is_empty() || token.bytes().any(|b| !b.is_ascii_graphic()) {
            return Err("the token must be printable ASCII without spaces".into());
        }
        self.token = Some(Secret::new(token));
        Ok(())
    }
}

/// The credential list: TOML tables or, from the environment
/// (`CALLSIGN_RESOLVER_CREDENTIALS`), comma-separated `host:audience` (the
/// token then from `CALLSIGN_RESOLVER_TOKEN_<HOST>`) or
/// `host:audience:token` entries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Credentials(Vec<Credential>);

impl std::ops::Deref for Credentials {
    type Target = [Credential];
    fn deref(&self) -> &[Credential] {
        &self.0
    }
}

impl From<Vec<Credential>> for Credentials {
    fn from(credentials: Vec<Credential>) -> Self {
        Credentials(credentials)
    }
}

impl Credentials {
    /// The credential for `host`, if any.
    pub fn find(&self, host: &str) -> Option<&Credential> {
        self.0.iter().find(|c| c.host.eq_ignore_ascii_case(host))
    }

    /// Read every token and check each host is named once.
    pub fn resolve(&mut self) -> Result<(), ConfigError> {
        for c in &mut self.0 {
            let host = c.host.clone();
            c.resolve()
                .map_err(|e| ConfigError(format!("resolver.credentials `{host}` {e}")))?;
        }
        match self
            .0
            .iter()
            .enumerate()
            .find(|(i, c)| self.0[..*i].iter().any(|o| o.host == c.host))
        {
            Some((_, twice)) => Err(ConfigError(format!(
                "resolver.credentials names `{}` twice",
                twice.host
            ))),
            None => Ok(()),
        }
    }
}

fn parse_compact(entry: &str) -> Result<Credential, String> {
    let mut parts = entry.trim().splitn(3, ':');
    let (Some(host), Some(audience)) = (parts.next(), parts.next()) else {
        return Err(
            "a credential from the environment is `host:audience` or `host:audience:token`".into(),
        );
    };
    Ok(Credential {
        host: host.to_owned(),
        audience: audience.to_owned(),
        token: parts.next().map(Secret::new),
        token_file: None,
    })
}

impl<'de> Deserialize<'de> for Credentials {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Credentials, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Compact(String),
            Tables(Vec<Credential>),
        }
        match Form::deserialize(d)? {
            Form::Tables(c) => Ok(Credentials(c)),
            Form::Compact(text) => text
                .split(',')
                .filter(|e| !e.trim().is_empty())
                .map(parse_compact)
                .collect::<Result<_, _>>()
                .map(Credentials)
                .map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Credentials, String> {
        let mut c: Credentials = serde_json::from_value(serde_json::Value::String(text.into()))
            .map_err(|e| e.to_string())?;
        c.resolve().map_err(|e| e.to_string())?;
        Ok(c)
    }

    #[test]
    fn compact_entries_are_read_and_checked() {
        let c = one("B.Example:partners:s3cret").unwrap();
        assert_eq!(c[0].host, "b.example");
        assert_eq!(c[0].audience, "partners");
        assert_eq!(c[0].secret(), Some("s3cret"));
        assert!(!format!("{c:?}").contains("s3cret"));
        assert!(one("b.example").is_err());
        assert!(
            one("b.example:Bad Name:t")
                .unwrap_err()
                .contains("audience")
        );
        assert!(
            one("b.example:p:t,b.example:q:u")
                .unwrap_err()
                .contains("twice")
        );
        assert!(one("b.example:p:two words").is_err());
        let err = one("nowhere.example:partners").unwrap_err();
        assert!(
            err.contains("CALLSIGN_RESOLVER_TOKEN_NOWHERE_EXAMPLE"),
            "{err}"
        );
    }

    #[test]
    fn the_token_comes_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("token");
        std::fs::write(&file, "from-file\n").unwrap();
        let mut c = Credentials(vec![Credential {
            host: "b.example".into(),
            audience: "partners".into(),
            token: None,
            token_file: Some(file),
        }]);
        c.resolve().unwrap();
        assert_eq!(c[0].secret(), Some("from-file"));
    }
}
