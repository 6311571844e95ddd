//! The change feed: a dedicated connection LISTENing on [`CHANNEL`], which
//! the change log's trigger notifies on every commit (see
//! `migrations/postgres/0002_change_feed.sql`).
//!
//! Notifications are hints. Whatever was missed while the connection was
//! down is read from the change log after [`FeedEvent::Connected`], so a
//! lost notification costs latency, never a change.

use std::time::Duration;

use futures::stream::{self, BoxStream, StreamExt};
use sqlx::postgres::{PgConnectOptions, PgListener, PgPoolOptions};

use crate::backoff::Backoff;
use crate::store::FeedEvent;

/// The channel the change log's trigger notifies.
pub const CHANNEL: &str = "callsign_changes";

/// How long the connection may stay silent before a query checks that it
/// is still alive (a peer that vanished sends no FIN).
const HEARTBEAT: Duration = Duration::from_secs(30);

struct Feed {
    options: PgConnectOptions,
    acquire_timeout: Duration,
    listener: Option<PgListener>,
    /// Waits between connection attempts after a failure.
    retry: Backoff,
    /// Slept before the next connection attempt.
    pending_wait: Option<Duration>,
}

/// The feed as a stream. Cancel-safe between events: the state lives in the
/// stream, so a caller may drop `next()` in a `select!` and lose nothing.
pub fn stream(
    options: PgConnectOptions,
    acquire_timeout: Duration,
) -> BoxStream<'static, FeedEvent> {
    let feed = Feed {
        options,
        acquire_timeout,
        listener: None,
        retry: Backoff::new(Duration::from_millis(100), Duration::from_secs(5)),
        pending_wait: None,
    };
    stream::unfold(feed, |mut feed| async move {
        let event = feed.next().await;
        Some((event, feed))
    })
    .boxed()
}

impl Feed {
    async fn next(&mut self) -> FeedEvent {
        loop {
            let Some(listener) = self.listener.as_mut() else {
                if let Some(wait) = self.pending_wait.take() {
                    tokio::time::sleep(wait).await;
                }
                match self.connect().await {
                    Ok(listener) => {
                        self.listener = Some(listener);
                        self.retry.reset();
                        return FeedEvent::Connected;
                    }
                    Err(e) => {
                        let first = !self.retry.is_retrying();
                        let wait = self.retry.next_wait();
                        self.pending_wait = Some(wait);
                        if first {
                            return FeedEvent::Lost(e.to_string());
                        }
                        tracing::debug!(error = %e, retry_in = ?wait, "change feed still unavailable");
                        continue;
                    }
                }
            };
            let lost = match tokio::time::timeout(HEARTBEAT, listener.try_recv()).await {
                Ok(Ok(Some(notification))) => {
                    // The trigger sends the newest serial; anything else
                    // still means "look".
                    return match notification.payload().parse() {
                        Ok(serial) => FeedEvent::Changed(serial),
                        Err(_) => FeedEvent::Connected,
                    };
                }
                Ok(Ok(None)) => "connection closed".to_owned(),
                Ok(Err(e)) => e.to_string(),
                Err(_silent) => {
                    let ping = sqlx::query("SELECT 1").execute(&mut *listener);
                    match tokio::time::timeout(HEARTBEAT, ping).await {
                        Ok(Ok(_)) => continue,
                        Ok(Err(e)) => e.to_string(),
                        Err(_) => "no answer to a heartbeat".to_owned(),
                    }
                }
            };
            self.listener = None;
            self.retry.reset();
            self.pending_wait = Some(self.retry.next_wait());
            return FeedEvent::Lost(lost);
        }
    }

    async fn connect(&self) -> Result<PgListener, sqlx::Error> {
        // A connection of its own, never one a request waits for, in a pool
        // of its own each time: a listener given up on a dead peer may
        // hang on its way out without holding up the next one.
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(self.acquire_timeout)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_lazy_with(self.options.clone());
        let mut listener = PgListener::connect_with(&pool).await?;
        // Reconnecting is ours to do (above), so that every reconnection
        // is reported as `Connected` and followed by a catch-up.
        listener.eager_reconnect(false);
        listener.ignore_pool_close_event(true);
        listener.listen(CHANNEL).await?;
        Ok(listener)
    }
}
