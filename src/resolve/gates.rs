//! Bounds on the remote fetches in flight, server-wide and per host.

use std::sync::Arc;
use std::time::Duration;

use moka::future::Cache;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, SemaphorePermit};

use crate::config::ResolverConfig;

/// How long an idle host's gate is kept.
const GATE_IDLE: Duration = Duration::from_secs(60);
/// Most host gates kept at once.
const GATE_CAPACITY: u64 = 10_000;

/// Bounds on the fetches in flight: one budget for the whole server, so no
/// number of lookups can open a flood of connections, and a smaller one per
/// host (origin), so none piles onto one server.
pub(super) struct Gates {
    all: Semaphore,
    /// An evicted gate still in use only lets its host briefly have twice
    /// its share; the server-wide budget holds regardless.
    hosts: Cache<String, Arc<Semaphore>>,
    per_host: usize,
}

impl Gates {
    pub(super) fn new(config: &ResolverConfig) -> Gates {
        Gates {
            all: Semaphore::new(config.max_concurrent_fetches),
            hosts: Cache::builder()
                .max_capacity(GATE_CAPACITY)
                .time_to_idle(GATE_IDLE)
                .build(),
            per_host: config.max_fetches_per_host,
        }
    }

    pub(super) async fn any(&self) -> SemaphorePermit<'_> {
        self.all.acquire().await.expect("the gate is never closed")
    }

    /// The host's permit first: a fetch waiting for a busy host holds none
    /// of the server's budget.
    pub(super) async fn host(&self, origin: String) -> (OwnedSemaphorePermit, SemaphorePermit<'_>) {
        let per_host = self.per_host;
        let gate = self
            .hosts
            .get_with(origin, async move { Arc::new(Semaphore::new(per_host)) })
            .await;
        let host = gate
            .acquire_owned()
            .await
            .expect("the gate is never closed");
        (host, self.any().await)
    }
}
