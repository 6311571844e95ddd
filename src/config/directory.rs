//! `[directory]`: how the in-memory directory follows the change log.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DirectoryConfig {
    /// How often the change log is read for changes made elsewhere, ms.
    /// With PostgreSQL, LISTEN/NOTIFY wakes replicas at once and this is
    /// only the safety net; with SQLite it is how changes are found.
    pub poll_interval_ms: u64,
    /// This process's name in the replica list (the console's overview,
    /// `GET /api/v1/replicas`). Unset: the host name and the HTTP port.
    pub replica_name: Option<String>,
    /// How often this process writes its heartbeat (the change-log serial
    /// it applied) to the database, ms; 0: never.
    pub heartbeat_interval_ms: u64,
}

impl Default for DirectoryConfig {
    fn default() -> Self {
        DirectoryConfig {
            poll_interval_ms: 1000,
            replica_name: None,
            heartbeat_interval_ms: 10_000,
        }
    }
}
