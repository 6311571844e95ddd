//! `[directory]`: how the in-memory directory follows the change log.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DirectoryConfig {
    /// How often the change log is read for changes made elsewhere, ms.
    /// With PostgreSQL, LISTEN/NOTIFY wakes replicas at once and this is
    /// only the safety net; with SQLite it is how changes are found.
    pub poll_interval_ms: u64,
}

impl Default for DirectoryConfig {
    fn default() -> Self {
        DirectoryConfig {
            poll_interval_ms: 1000,
        }
    }
}
