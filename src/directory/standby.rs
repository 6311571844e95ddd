//! A hot standby as the directory's source (`database.read_url`): how far
//! its replay is behind the primary, for `/healthz` and the metrics.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::Directory;
use crate::store::{Store, StoreError};

/// How often the lag is measured: one `max(serial)` on each server.
const MEASURE_EVERY: Duration = Duration::from_secs(5);

/// How far a hot standby is behind its primary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StandbyLag {
    /// Change-log serials committed on the primary, not yet replayed.
    pub serials: i64,
    /// Since the primary committed the oldest transaction not yet replayed
    /// (0 when everything received is replayed); None before the standby
    /// replayed anything.
    pub seconds: Option<f64>,
}

impl Directory {
    /// Record a measure; None (it failed) counts as a database outage.
    fn set_standby_lag(&self, lag: Option<StandbyLag>) {
        *self.standby_lag.lock().expect("standby lag") = lag;
        self.standby_unreachable
            .store(lag.is_none(), Ordering::Release);
        self.set_degraded(self.degraded.load(Ordering::Acquire));
    }
}

/// Measure the standby's lag until `shutdown`. A failed measure (either
/// server unreachable) leaves the lag unknown and the directory degraded
/// until the next succeeds: the follower only reads the standby when
/// woken, so it may not notice an outage itself.
pub async fn watch_standby_lag(
    directory: Arc<Directory>,
    primary: Arc<dyn Store>,
    standby: Arc<dyn Store>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    loop {
        match measure(primary.as_ref(), standby.as_ref()).await {
            Ok(lag) => {
                metrics::gauge!("callsign_standby_lag_serials").set(lag.serials as f64);
                if let Some(seconds) = lag.seconds {
                    metrics::gauge!("callsign_standby_lag_seconds").set(seconds);
                }
                directory.set_standby_lag(Some(lag));
            }
            Err(e) => {
                if directory.standby_lag().is_some() {
                    tracing::warn!(error = %e, "cannot measure the standby's lag");
                }
                directory.set_standby_lag(None);
            }
        }
        tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            _ = tokio::time::sleep(MEASURE_EVERY) => {}
        }
    }
}

async fn measure(primary: &dyn Store, standby: &dyn Store) -> Result<StandbyLag, StoreError> {
    // The primary first: whatever the standby replays meanwhile only makes
    // the difference smaller.
    let head = primary.last_serial().await?;
    let replayed = standby.last_serial().await?;
    let seconds = standby.replay_lag_seconds().await?;
    Ok(StandbyLag {
        serials: (head - replayed).max(0),
        seconds,
    })
}
