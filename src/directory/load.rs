//! How the directory fills and keeps up: the initial load of every subject
//! from the store, then the change log applied in serial order, one batch
//! at a time, under the apply lock.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use futures::TryStreamExt;

use super::Directory;
use crate::model::{Subject, admit};
use crate::store::{Change, ChangeQuery, Store, StoreError};

/// How many change-log rows one catch-up query reads.
const BATCH: u32 = 5000;
/// How far back a load looks for the newest change that altered an index,
/// in pages of [`SCAN_PAGE`] rows, before it settles for the load serial.
const SCAN_PAGE: u32 = 500;
const SCAN_PAGES: usize = 200;

/// How many subjects the initial load hands its indexes at once.
const LOAD_CHUNK: usize = 1000;

impl Directory {
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
        // Stored subjects and tokens name audiences: each must be one here.
        for audience in store.audiences().await? {
            admit(&audience.name).map_err(StoreError::Internal)?;
        }
        // Indexes are stamped with the newest change that altered them, so
        // replicas loaded at different times answer the same SOA serial.
        let stamp = self.last_altering(store, serial).await?;
        let mut chunks = store.subjects().try_chunks(LOAD_CHUNK);
        // The indexes take the chunks on a thread of their own while the
        // directory stores them: one thread, so what they keep is allocated
        // in one place.
        let indexes = self.indexes.read().expect("index list").clone();
        let (feed, mut fed) = tokio::sync::mpsc::channel::<Arc<Vec<Subject>>>(2);
        let loading = tokio::task::spawn_blocking({
            let indexes = indexes.clone();
            move || {
                while let Some(chunk) = fed.blocking_recv() {
                    for index in &indexes {
                        index.load(stamp, &chunk);
                    }
                }
            }
        });
        let loaded = async {
            while let Some(chunk) = chunks.try_next().await.map_err(|e| e.1)? {
                let chunk = Arc::new(chunk);
                if feed.send(chunk.clone()).await.is_err() {
                    break; // the indexes failed: `loading` says how
                }
                self.insert_loaded(&chunk);
            }
            Ok::<_, StoreError>(())
        }
        .await;
        drop(feed);
        let indexed = loading
            .await
            .map_err(|e| StoreError::Internal(format!("loading the indexes: {e}")));
        loaded?;
        indexed?;
        drop(chunks);
        let blocks = store.blocks().await?;
        for block in &blocks {
            self.blocks
                .write()
                .expect("blocks")
                .apply(None, Some(block));
        }
        for index in &indexes {
            index.load_blocks(&blocks);
        }
        for profile in store.domain_profiles().await? {
            self.apply_domain(None, Some(profile));
        }
        for index in &indexes {
            index.loaded(stamp);
        }
        self.serial.store(serial, Ordering::Release);
        self.catch_up_locked(store).await?;
        if self.serial() > serial {
            // The scan may have read subjects as changed by the catch-up's
            // changes, which then altered nothing and moved no stamp.
            let stamp = self.last_altering(store, self.serial()).await?;
            for index in &indexes {
                index.restamp(stamp);
            }
        }
        Ok(())
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
                if change.block_states().is_some() {
                    return Ok(change.serial);
                }
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
        self.set_degraded(result.is_err());
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
                match change.subject_id {
                    Some(id) => match change.subject_after() {
                        Some(after) => self.put(change.serial, after),
                        None => self.remove(change.serial, id),
                    },
                    None => match change.block_states() {
                        Some((before, after)) => {
                            self.apply_block(change.serial, before.as_ref(), after.as_ref())
                        }
                        None if change.operation == "audience.create" => {
                            admit_created(&change);
                        }
                        None if change.operation.starts_with("domain.") => {
                            if let Some((before, after)) = change.domain_states() {
                                self.apply_domain(before.as_ref(), after);
                            }
                        }
                        None => {
                            for index in self.indexes.read().expect("index list").iter() {
                                index.other_change(&change);
                            }
                        }
                    },
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
}

/// Admit an audience a change created (maybe in another process), before
/// the changes that name it are applied.
fn admit_created(change: &Change) {
    let name = change.after.as_ref().and_then(|a| a["name"].as_str());
    if let Some(Err(e)) = name.map(admit) {
        tracing::error!(error = %e, serial = change.serial, "audience not admitted");
    }
}
