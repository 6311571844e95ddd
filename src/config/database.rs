//! `[database]`: where subjects, tokens and the change log are stored.

use serde::{Deserialize, Serialize};

use super::Secret;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://FILE` (created if absent) or `postgres://…`.
    pub url: Secret,
    /// How long an operation waits for a PostgreSQL connection before it
    /// gives up: a write during an outage answers 503 after this long, ms.
    pub acquire_timeout_ms: u64,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: Secret::new("sqlite://callsign.db"),
            acquire_timeout_ms: 2000,
        }
    }
}
