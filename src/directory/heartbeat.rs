//! The replica heartbeat: every serving process writes what it has applied
//! to the `replica` table now and then, so that any replica's console and
//! `GET /api/v1/replicas` show every replica's change-log serial.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio_util::sync::CancellationToken;

use super::Directory;
use crate::store::{ReplicaStatus, Store};

/// How long a graceful stop waits to delete its row.
const GOODBYE_WAIT: Duration = Duration::from_secs(2);

/// Write this process's heartbeat at once (a loading replica shows up as
/// loading), then every `interval`, until `shutdown`; then delete it. A
/// database that cannot be written is logged, and the next beat tries again.
pub async fn heartbeat(
    directory: Arc<Directory>,
    store: Arc<dyn Store>,
    name: String,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let started_at = Utc::now();
    let heartbeat_ms = i64::try_from(interval.as_millis()).unwrap_or(i64::MAX);
    let mut failing = false;
    loop {
        let status = ReplicaStatus {
            name: name.clone(),
            serial: directory.serial(),
            ready: directory.is_ready(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            standby_lag_serials: directory.standby_lag().map(|lag| lag.serials),
            heartbeat_ms,
            started_at,
            seen_at: Utc::now(),
        };
        let beat = tokio::select! {
            _ = shutdown.cancelled() => break,
            beat = store.record_replica(&status) => beat,
        };
        match beat {
            Err(e) if !failing => {
                tracing::warn!(error = %e, replica = %name, "heartbeat not written");
                failing = true;
            }
            Ok(()) if failing => {
                tracing::info!(replica = %name, "heartbeat written again");
                failing = false;
            }
            _ => {}
        }
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tokio::time::sleep(interval) => {}
        }
    }
    match tokio::time::timeout(GOODBYE_WAIT, store.forget_replica(&name)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::debug!(error = %e, "heartbeat row left behind"),
        Err(_) => tracing::debug!("heartbeat row left behind: the database did not answer"),
    }
}

/// The default replica name: this host's name and the HTTP port, unique
/// among the processes of one machine and, in Kubernetes, the pod's name.
pub fn default_replica_name(http_port: u16) -> String {
    let host = nix::unistd::gethostname()
        .ok()
        .and_then(|h| h.into_string().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned());
    format!("{host}:{http_port}")
}
