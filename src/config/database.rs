//! `[database]`: where subjects, tokens and the change log are stored.

use serde::{Deserialize, Serialize};

use super::{ConfigError, Secret};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://FILE` (created if absent) or `postgres://…`.
    pub url: Secret,
    /// `postgres://…` of a hot standby of `url`'s server: `callsign serve`
    /// loads the directory and follows the change log there, and still
    /// writes and listens for changes on `url`. Unset: everything on `url`.
    pub read_url: Option<Secret>,
    /// How long an operation waits for a PostgreSQL connection before it
    /// gives up: a write during an outage answers 503 after this long, ms.
    pub acquire_timeout_ms: u64,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: Secret::new("sqlite://callsign.db"),
            read_url: None,
            acquire_timeout_ms: 2000,
        }
    }
}

impl DatabaseConfig {
    /// A standby only makes sense beside a PostgreSQL primary.
    pub(super) fn check(&self) -> Result<(), ConfigError> {
        let Some(read_url) = &self.read_url else {
            return Ok(());
        };
        let postgres =
            |url: &str| url.starts_with("postgres://") || url.starts_with("postgresql://");
        if !postgres(read_url.expose()) {
            return Err(ConfigError(
                "database.read_url must be a postgres:// URL (a hot standby)".into(),
            ));
        }
        if !postgres(self.url.expose()) {
            return Err(ConfigError(
                "database.read_url needs database.url to be its PostgreSQL primary".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: &str, read_url: Option<&str>) -> DatabaseConfig {
        DatabaseConfig {
            url: Secret::new(url),
            read_url: read_url.map(Secret::new),
            ..DatabaseConfig::default()
        }
    }

    #[test]
    fn a_standby_is_read_only_beside_a_postgres_primary() {
        assert!(config("sqlite://x.db", None).check().is_ok());
        assert!(
            config("postgres://p/db", Some("postgresql://s/db"))
                .check()
                .is_ok()
        );
        let sqlite_primary = config("sqlite://x.db", Some("postgres://s/db")).check();
        assert!(
            sqlite_primary
                .unwrap_err()
                .to_string()
                .contains("database.url")
        );
        let sqlite_standby = config("postgres://p/db", Some("sqlite://x.db")).check();
        assert!(
            sqlite_standby
                .unwrap_err()
                .to_string()
                .contains("database.read_url")
        );
    }
}
