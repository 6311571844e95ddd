//! Following the change log while serving: changes other processes make
//! (another replica, an import run) reach this directory within a poll
//! interval, or at once where the store pushes notifications.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::BoxStream;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::Directory;
use crate::backoff::Backoff;
use crate::store::{FeedEvent, Store};

/// After a notification of serial N, how many more times the change log is
/// read, [`REPLAY_WAIT`] apart at first, until it has N: a hot standby
/// replays a commit a little after the primary notifies it. Past these
/// (about 1.5 s in all) the poll interval is the safety net.
const REPLAY_READS: u32 = 8;
const REPLAY_WAIT: Duration = Duration::from_millis(10);
const REPLAY_WAIT_MAX: Duration = Duration::from_millis(400);

/// Follow the change log until `shutdown`: picks up changes made by other
/// processes (another replica, an import run).
///
/// The change feed is `store`'s; the log is read from `reads`: `store`
/// itself, or a hot standby of it (`database.read_url`).
///
/// With a change feed (PostgreSQL) every notification wakes a catch-up at
/// once and `interval` is only the safety net; without one (SQLite) the log
/// is read every `interval`. Either way a catch-up reads `serial >
/// applied`, so a missed wake-up loses nothing. A notified serial that the
/// log does not have yet (a standby still replaying it) is read again with
/// a short backoff. After a failed read the log is retried with backoff,
/// so the directory catches up as soon as the database is back.
pub async fn follow(
    directory: Arc<Directory>,
    store: Arc<dyn Store>,
    reads: Arc<dyn Store>,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let mut feed = store.change_feed();
    let mut retry = Backoff::new(Duration::from_millis(250), Duration::from_secs(5));
    // The newest serial notified and not yet read, and the waits for it.
    let mut notified = 0;
    let mut replay = Backoff::new(REPLAY_WAIT, REPLAY_WAIT_MAX);
    let mut replay_reads = 0;
    let mut next_read = Instant::now() + interval;
    loop {
        let event = tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep_until(next_read) => None,
            event = next_event(&mut feed) => event,
        };
        match &event {
            // This process applied it already (its own write, or a catch-up
            // that read past it).
            Some(FeedEvent::Changed(serial)) if *serial <= directory.serial() => continue,
            Some(FeedEvent::Changed(serial)) => notified = notified.max(*serial),
            Some(FeedEvent::Connected) => {
                tracing::info!("change feed listening");
                metrics::gauge!("callsign_change_feed_connected").set(1.0);
                // Changes committed before the feed listened were notified
                // to nobody: wait for the newest like for a notified one (a
                // standby may not have replayed it yet).
                if let Ok(newest) = store.last_serial().await {
                    notified = notified.max(newest);
                }
            }
            Some(FeedEvent::Lost(e)) => {
                tracing::warn!(error = %e, "change feed lost the database; reconnecting");
                metrics::gauge!("callsign_change_feed_connected").set(0.0);
            }
            _ => {}
        }
        match directory.sync(reads.as_ref()).await {
            Ok(n) => {
                if retry.is_retrying() {
                    tracing::info!(serial = directory.serial(), "change log reachable again");
                    retry.reset();
                }
                if n > 0 {
                    tracing::debug!(changes = n, serial = directory.serial(), "applied changes");
                }
                let behind = directory.serial() < notified;
                if behind && replay_reads < REPLAY_READS {
                    replay_reads += 1;
                    next_read = Instant::now() + replay.next_wait().min(interval);
                    continue;
                }
                if behind {
                    tracing::debug!(
                        notified,
                        serial = directory.serial(),
                        "the change log does not have a notified change yet; polling for it"
                    );
                }
                (notified, replay_reads) = (0, 0);
                replay.reset();
                next_read = Instant::now() + interval;
            }
            Err(e) => {
                if !retry.is_retrying() {
                    tracing::warn!(error = %e, "cannot read the change log; serving what is loaded");
                }
                let wait = retry.next_wait();
                next_read = Instant::now() + wait.min(interval);
            }
        }
    }
}

/// The next event of the feed; never, without one (or once it ends).
async fn next_event(feed: &mut Option<BoxStream<'static, FeedEvent>>) -> Option<FeedEvent> {
    if let Some(stream) = feed {
        match stream.next().await {
            Some(event) => return Some(event),
            None => {
                tracing::warn!("change feed ended; polling the change log only");
                *feed = None;
                return None;
            }
        }
    }
    std::future::pending().await
}

/// [`follow`] as a server task.
pub async fn follow_task(
    directory: Arc<Directory>,
    store: Arc<dyn Store>,
    reads: Arc<dyn Store>,
    interval: Duration,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    follow(directory, store, reads, interval, shutdown).await;
    Ok(())
}
