//! The federated resolver: any address → every address, from the local
//! directory and from other domains' ENUM and WebFinger.
//!
//! An expansion starts from one key and runs to a fixed point: every
//! address found is looked up locally (through `model::project`, so the
//! caller's privacy view holds), and — when it is not ours, or when the
//! caller asked for `remote` — remotely: a number by NAPTR under every ENUM
//! suffix, an address with a host by WebFinger at that host. Independent
//! steps run concurrently, each discovery starting its own steps at once,
//! so only dependent steps add latency.
//!
//! What one expansion may cost is bounded: dependent steps by
//! `max_depth`, remote steps by `max_steps`, distinct WebFinger hosts by
//! `max_hosts`; a cut is reported in the answer's `errors`.
//!
//! An address at a domain of our own directory is never looked up by
//! WebFinger: the directory is the authority there, whether it holds the
//! key, hides it, or does not know it — one answer for all three, so none
//! can be told apart.
//!
//! Here: the `Resolver` and its policy (who may go remote). One
//! expansion's state is in `run`, one remote step in `step`, where local
//! subjects come from in `local`, endpoint twins in `twins`; the ENUM and
//! WebFinger clients are `naptr` and `remote` (with `document`, what a JRD
//! becomes), what an expansion may cost and reach `budget`, `gates` and
//! `guard`.

mod answer;
mod budget;
mod document;
pub mod error;
pub mod format;
mod gates;
pub mod guard;
mod key;
mod local;
pub mod naptr;
pub mod remote;
mod run;
mod step;
mod twins;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};

use crate::config::ResolverConfig;
use crate::model::Viewer;
pub use answer::{Answer, Equivalent, Found, StepFailure, SubjectRef};
pub use error::StepError;
pub use key::Key;
pub use local::{Local, StoreLocal};
use remote::Remote;
use run::Run;
use step::{Done, Step};

pub struct Resolver {
    config: ResolverConfig,
    local: Arc<dyn Local>,
    remote: Remote,
}

impl Resolver {
    pub fn new(config: &ResolverConfig, local: Arc<dyn Local>) -> anyhow::Result<Resolver> {
        Ok(Resolver {
            config: config.clone(),
            local,
            remote: Remote::new(config)?,
        })
    }

    /// May `viewer` start remote steps at all?
    pub fn goes_remote_for(&self, viewer: Viewer) -> bool {
        self.config.enabled && !self.remote_needs_token(viewer)
    }

    /// Is `viewer` kept from remote steps only for want of a token? Every
    /// remote step is outbound traffic a stranger would make this server
    /// send, so anonymous callers take them only when `resolver.anonymous`
    /// allows it.
    pub fn remote_needs_token(&self, viewer: Viewer) -> bool {
        self.config.enabled && !self.config.anonymous && viewer == Viewer::Anonymous
    }

    /// Expand `key` for `viewer`. Remote steps run when `remote` is set, or
    /// for whatever is not in the local directory (when remote lookups are
    /// enabled at all, and for this viewer).
    pub async fn lookup(&self, key: &Key, viewer: Viewer, remote: bool) -> Answer {
        self.lookup_in(self.local.as_ref(), key, viewer, remote)
            .await
    }

    /// [`Self::lookup`] with local subjects from `local` instead: the
    /// directory as one request may see it (its Host's tenant, say).
    pub async fn lookup_in(
        &self,
        local: &dyn Local,
        key: &Key,
        viewer: Viewer,
        remote: bool,
    ) -> Answer {
        let mut run = Run::new(self, local, viewer, remote, key);
        run.expand(key.target.clone(), 0).await;
        let mut tasks: FuturesUnordered<BoxFuture<'_, Done>> = FuturesUnordered::new();
        let mut in_flight: HashMap<Step, ()> = HashMap::new();
        let deadline =
            tokio::time::Instant::now() + Duration::from_millis(self.config.total_timeout_ms);
        loop {
            for (step, depth) in run.pending.drain(..) {
                in_flight.insert(step.clone(), ());
                tasks.push(Box::pin(self.perform(step, depth, viewer)));
            }
            tokio::select! {
                done = tasks.next() => match done {
                    Some(done) => {
                        in_flight.remove(&done.step);
                        run.absorb(done).await;
                    }
                    None => break,
                },
                _ = tokio::time::sleep_until(deadline) => {
                    for step in in_flight.into_keys() {
                        run.errors.push(step.failure(StepError::TotalTimeout(
                            self.config.total_timeout_ms,
                        )));
                    }
                    break;
                }
            }
        }
        run.answer(key)
    }
}
