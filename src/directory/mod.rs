//! The in-memory directory every read channel answers from.
//!
//! Readers never wait for the database and never block each other: lookups
//! go through sharded tables (see [`table`]), subjects are kept packed (see
//! [`packed`]) and unpacked for the reader who asked. Writers apply
//! change-log rows in serial order, one subject at a time (O(size of the
//! change)): a changed subject replaces the old one in its slot at once, so
//! a reader sees either the old or the new subject, never neither.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use dashmap::DashMap;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use tokio::sync::{Mutex, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use crate::backoff::Backoff;
use crate::model::Subject;
use crate::store::{ChangeQuery, FeedEvent, Store, StoreError};

mod packed;
mod table;

use table::{Key, Table};

/// Something that keeps its own view of the directory up to date (the
/// ENUM zone index, for example). Called under the directory's apply lock,
/// in serial order, for every subject change.
pub trait Index: Send + Sync {
    fn apply(&self, serial: i64, before: Option<&Subject>, after: Option<&Subject>);

    /// Would this change alter what the index holds? A load asks, newest
    /// change first, and gives what it loads the serial of the newest
    /// change that would: the serial a follower that applied every change
    /// one by one would have, so replicas loaded at different times agree
    /// (the SOA serial).
    fn alters(&self, before: Option<&Subject>, after: Option<&Subject>) -> bool {
        let _ = (before, after);
        true
    }

    /// The initial load into an empty index, a chunk of subjects at a time
    /// (each subject once), then [`Index::loaded`]; no `apply` comes before
    /// it ends. By default, one `apply` per subject.
    fn load(&self, serial: i64, subjects: &[Subject]) {
        for subject in subjects {
            self.apply(serial, None, Some(subject));
        }
    }

    /// The initial load is complete.
    fn loaded(&self, _serial: i64) {}

    /// A load failed part-way: forget what it delivered, so the next
    /// attempt starts from empty.
    fn reset(&self) {}
}

#[derive(Default)]
pub struct Directory {
    /// Every subject, found by id and by every address URI and acct id it
    /// owns. Privacy is applied on read by `model::project`, never baked in.
    subjects: Table,
    /// How many subjects live in each domain.
    domains: DashMap<String, usize>,
    serial: AtomicI64,
    ready: AtomicBool,
    /// Set when the change log cannot be read (the database is down).
    degraded: AtomicBool,
    indexes: std::sync::RwLock<Vec<Arc<dyn Index>>>,
    apply_lock: Mutex<()>,
    changed: watch::Sender<i64>,
}

/// How many change-log rows one catch-up query reads.
const BATCH: u32 = 5000;
/// How far back a load looks for the newest change that altered an index,
/// in pages of [`SCAN_PAGE`] rows, before it settles for the load serial.
const SCAN_PAGE: u32 = 500;
const SCAN_PAGES: usize = 200;

/// How many subjects the initial load hands its indexes at once.
const LOAD_CHUNK: usize = 1000;

impl Directory {
    pub fn new() -> Arc<Directory> {
        Arc::new(Directory::default())
    }

    /// Register an index before [`Directory::load`].
    pub fn register(&self, index: Arc<dyn Index>) {
        self.indexes.write().expect("index list").push(index);
    }

    /// The subject owning `key` (a canonical address URI or acct id), with
    /// no privacy applied: callers pass it to `model::project`.
    pub fn get(&self, key: &str) -> Option<Arc<Subject>> {
        self.subjects
            .find(Key::Name(key), |bytes| Arc::new(packed::unpack(bytes)))
    }

    /// Does any subject live in `domain` (lowercase)? Whatever the
    /// subjects' privacy: a domain is the operator's, not a person's.
    pub fn holds_domain(&self, domain: &str) -> bool {
        self.domains.contains_key(domain)
    }

    pub fn subject(&self, id: Uuid) -> Option<Arc<Subject>> {
        self.subjects
            .find(Key::Id(id), |bytes| Arc::new(packed::unpack(bytes)))
    }

    /// The serial of the last change applied.
    pub fn serial(&self) -> i64 {
        self.serial.load(Ordering::Acquire)
    }

    pub fn len(&self) -> usize {
        self.subjects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Could the last attempt to follow the change log reach the store?
    pub fn is_degraded(&self) -> bool {
        self.degraded.load(Ordering::Acquire)
    }

    /// Wakes on every applied serial.
    pub fn watch(&self) -> watch::Receiver<i64> {
        self.changed.subscribe()
    }

    /// Every subject, in no particular order (a snapshot per shard). Each
    /// is unpacked: for the whole directory that is its unpacked size.
    pub fn all(&self) -> Vec<Arc<Subject>> {
        let mut all = Vec::with_capacity(self.len());
        self.subjects
            .for_each(|bytes| all.push(Arc::new(packed::unpack(bytes))));
        all
    }

    /// Load everything from the store into this new, empty directory, then
    /// catch up with changes made while loading. Marks the directory ready.
    /// On failure the directory is left empty, so a later attempt starts
    /// clean.
    pub async fn load(&self, store: &dyn Store) -> Result<(), StoreError> {
        let _guard = self.apply_lock.lock().await;
        debug_assert!(self.is_empty(), "a directory loads once");
        let started = std::time::Instant::now();
        if let Err(e) = self.load_locked(store).await {
            self.clear();
            for index in self.indexes.read().expect("index list").iter() {
                index.reset();
            }
            self.serial.store(0, Ordering::Release);
            return Err(e);
        }
        self.ready.store(true, Ordering::Release);
        tracing::info!(
            subjects = self.len(),
            serial = self.serial(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "directory loaded"
        );
        metrics::gauge!("callsign_directory_subjects").set(self.len() as f64);
        Ok(())
    }

    async fn load_locked(&self, store: &dyn Store) -> Result<(), StoreError> {
        // Read the serial first: changes racing the scan are re-applied by
        // the catch-up below, and applying a subject's state twice is harmless.
        let serial = store.last_serial().await?;
        // Indexes are stamped with the newest change that altered them, so
        // replicas loaded at different times answer the same SOA serial.
        let stamp = self.last_altering(store, serial).await?;
        let mut chunks = store.subjects().try_chunks(LOAD_CHUNK);
        let indexes = self.indexes.read().expect("index list").clone();
        while let Some(chunk) = chunks.try_next().await.map_err(|e| e.1)? {
            for subject in &chunk {
                self.insert(subject);
            }
            for index in &indexes {
                index.load(stamp, &chunk);
            }
        }
        drop(chunks);
        for index in &indexes {
            index.loaded(stamp);
        }
        self.serial.store(serial, Ordering::Release);
        self.catch_up_locked(store).await?;
        Ok(())
    }

    /// Drop every subject (a failed load).
    fn clear(&self) {
        let mut all = Vec::new();
        self.subjects
            .for_each(|bytes| all.push(packed::unpack(bytes)));
        for subject in all {
            if let Some(slot) = self.subjects.slot(subject.id) {
                self.subjects.remove(slot);
                for key in subject_keys(&subject) {
                    self.subjects.remove_key(Key::Name(&key), slot);
                }
            }
        }
        self.domains.clear();
    }

    /// The serial of the newest change up to `serial` that alters an index
    /// (0 when none ever did; `serial` when none is found near the end).
    async fn last_altering(&self, store: &dyn Store, serial: i64) -> Result<i64, StoreError> {
        let indexes = self.indexes.read().expect("index list").clone();
        if indexes.is_empty() {
            return Ok(serial);
        }
        let mut cursor = serial.saturating_add(1);
        for _ in 0..SCAN_PAGES {
            let query = ChangeQuery {
                cursor: Some(cursor),
                limit: SCAN_PAGE,
                descending: true,
                ..ChangeQuery::default()
            };
            let changes = store.changes(&query).await?;
            for change in &changes {
                if change.subject_id.is_none() {
                    continue;
                }
                let (before, after) = (change.subject_before(), change.subject_after());
                if indexes
                    .iter()
                    .any(|i| i.alters(before.as_ref(), after.as_ref()))
                {
                    return Ok(change.serial);
                }
            }
            match changes.last() {
                Some(oldest) if changes.len() == SCAN_PAGE as usize => cursor = oldest.serial,
                _ => return Ok(0),
            }
        }
        Ok(serial)
    }

    /// [`Directory::sync`], once this directory is loaded: one not loaded
    /// yet (a command-line import, a server still starting) reads every
    /// change when it loads, and must be empty until then. Readiness is
    /// read under the lock [`Directory::load`] holds, so a write racing the
    /// load is applied by one or the other.
    pub async fn sync_if_loaded(&self, store: &dyn Store) -> Result<usize, StoreError> {
        let _guard = self.apply_lock.lock().await;
        if !self.is_ready() {
            return Ok(0);
        }
        self.sync_locked(store).await
    }

    /// Apply every change newer than what is applied. Returns how many.
    pub async fn sync(&self, store: &dyn Store) -> Result<usize, StoreError> {
        let _guard = self.apply_lock.lock().await;
        self.sync_locked(store).await
    }

    /// [`Directory::sync`] with the apply lock held, recording whether the
    /// store could be read.
    async fn sync_locked(&self, store: &dyn Store) -> Result<usize, StoreError> {
        let result = self.catch_up_locked(store).await;
        self.degraded.store(result.is_err(), Ordering::Release);
        metrics::gauge!("callsign_database_degraded").set(if result.is_err() { 1.0 } else { 0.0 });
        result
    }

    async fn catch_up_locked(&self, store: &dyn Store) -> Result<usize, StoreError> {
        let mut applied = 0;
        loop {
            let query = ChangeQuery {
                cursor: Some(self.serial()),
                limit: BATCH,
                ..ChangeQuery::default()
            };
            let changes = store.changes(&query).await?;
            let n = changes.len();
            for change in changes {
                if let Some(id) = change.subject_id {
                    match change.subject_after() {
                        Some(after) => self.put(change.serial, after),
                        None => self.remove(change.serial, id),
                    }
                }
                self.serial.store(change.serial, Ordering::Release);
                applied += 1;
            }
            if n < BATCH as usize {
                break;
            }
        }
        if applied > 0 {
            self.changed.send_replace(self.serial());
            metrics::gauge!("callsign_directory_subjects").set(self.len() as f64);
            metrics::gauge!("callsign_change_log_serial").set(self.serial() as f64);
        }
        Ok(applied)
    }

    fn put(&self, serial: i64, after: Subject) {
        let before = match self.subjects.slot(after.id) {
            Some(slot) => {
                let before = packed::unpack(&self.subjects.replace(slot, packed::pack(&after)));
                let (old, new) = (subject_keys(&before), subject_keys(&after));
                for key in new.iter().filter(|k| !old.contains(k)) {
                    self.subjects.add_key(Key::Name(key), slot);
                }
                for key in old.iter().filter(|k| !new.contains(k)) {
                    self.subjects.remove_key(Key::Name(key), slot);
                }
                self.count_domain(before.domain.as_str(), false);
                self.count_domain(after.domain.as_str(), true);
                Some(before)
            }
            None => {
                self.insert(&after);
                None
            }
        };
        self.notify(serial, before.as_ref(), Some(&after));
    }

    /// A subject new to the directory: a slot, then its keys.
    fn insert(&self, subject: &Subject) {
        let slot = self.subjects.insert(packed::pack(subject));
        for key in subject_keys(subject) {
            self.subjects.add_key(Key::Name(&key), slot);
        }
        self.count_domain(subject.domain.as_str(), true);
    }

    fn remove(&self, serial: i64, id: Uuid) {
        let Some(slot) = self.subjects.slot(id) else {
            return;
        };
        let before = packed::unpack(&self.subjects.remove(slot));
        for key in subject_keys(&before) {
            self.subjects.remove_key(Key::Name(&key), slot);
        }
        self.count_domain(before.domain.as_str(), false);
        self.notify(serial, Some(&before), None);
    }

    /// One subject more (`added`) or fewer in `domain`.
    fn count_domain(&self, domain: &str, added: bool) {
        if added {
            *self.domains.entry(domain.to_owned()).or_insert(0) += 1;
        } else {
            self.domains.remove_if_mut(domain, |_, n| {
                *n -= 1;
                *n == 0
            });
        }
    }

    fn notify(&self, serial: i64, before: Option<&Subject>, after: Option<&Subject>) {
        for index in self.indexes.read().expect("index list").iter() {
            index.apply(serial, before, after);
        }
    }
}

/// Every key a subject owns, whatever its privacy settings.
fn subject_keys(subject: &Subject) -> Vec<Cow<'_, str>> {
    std::iter::once(Cow::Owned(subject.acct()))
        .chain(
            subject
                .addresses
                .iter()
                .map(|a| Cow::Borrowed(a.uri.as_str())),
        )
        .collect()
}

/// Follow the change log until `shutdown`: picks up changes made by other
/// processes (another replica, an import run).
///
/// With a change feed (PostgreSQL) every notification wakes a catch-up at
/// once and `interval` is only the safety net; without one (SQLite) the log
/// is read every `interval`. Either way a catch-up reads `serial >
/// applied`, so a missed wake-up loses nothing. After a failed read the
/// log is retried with backoff, so the directory catches up as soon as the
/// database is back.
pub async fn follow(
    directory: Arc<Directory>,
    store: Arc<dyn Store>,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let mut feed = store.change_feed();
    let mut retry = Backoff::new(Duration::from_millis(250), Duration::from_secs(5));
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
            Some(FeedEvent::Connected) => {
                tracing::info!("change feed listening");
                metrics::gauge!("callsign_change_feed_connected").set(1.0);
            }
            Some(FeedEvent::Lost(e)) => {
                tracing::warn!(error = %e, "change feed lost the database; reconnecting");
                metrics::gauge!("callsign_change_feed_connected").set(0.0);
            }
            _ => {}
        }
        match directory.sync(store.as_ref()).await {
            Ok(n) => {
                if retry.is_retrying() {
                    tracing::info!(serial = directory.serial(), "change log reachable again");
                    retry.reset();
                }
                if n > 0 {
                    tracing::debug!(changes = n, serial = directory.serial(), "applied changes");
                }
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
    interval: Duration,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    follow(directory, store, interval, shutdown).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Domain, SubjectInput};

    fn subject(handle: &str, domain: &str) -> Subject {
        let input: SubjectInput = serde_json::from_value(serde_json::json!({
            "handle": handle, "domain": domain, "display_name": handle,
            "discoverable": false,
            "addresses": [{"uri": format!("sip:{handle}@{domain}"), "visibility": "private"}]
        }))
        .unwrap();
        input.into_subject(chrono::Utc::now()).unwrap()
    }

    #[test]
    fn domains_are_held_while_a_subject_lives_there() {
        let directory = Directory::default();
        let alice = subject("alice", "a.example");
        let bob = subject("bob", "a.example");
        directory.put(1, alice.clone());
        directory.put(2, bob.clone());
        // Privacy does not enter: both subjects are hidden.
        assert!(directory.holds_domain("a.example"));
        directory.remove(3, bob.id);
        assert!(directory.holds_domain("a.example"));
        let mut moved = alice.clone();
        moved.domain = Domain::parse("b.example").unwrap();
        directory.put(4, moved);
        assert!(!directory.holds_domain("a.example"));
        assert!(directory.holds_domain("b.example"));
        directory.remove(5, alice.id);
        assert!(!directory.holds_domain("b.example"));
        directory.put(6, bob);
        directory.clear();
        assert!(!directory.holds_domain("a.example"));
    }
}
