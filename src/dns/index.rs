//! The ENUM zone index: every published number with its NAPTR records,
//! the zone serial, and a bounded journal of recent changes for IXFR.
//!
//! One sorted map serves exact lookups and empty-non-terminal detection
//! (is any number below this prefix?) with a single range probe. Readers
//! hold a read lock only while copying an answer out; writers are the
//! directory's apply calls, O(size of the change).

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use tokio::sync::watch;

use super::naptr::{
    Extras, Naptrs, NumberKey, number_key, prefix_end, publish, publish_block_number,
};
use super::presign::{Changes, Signatures};
use super::wire::{TYPE_NAPTR, TYPE_TXT};
use crate::directory::Index;
use crate::model::{Block, Blocks, Subject};

/// How many changed numbers the journal remembers (a bulk import or the
/// initial load exceeds it, and older serials then get AXFR-style answers).
const JOURNAL_KEYS: usize = 100_000;

pub struct EnumIndex {
    state: RwLock<State>,
    serial: watch::Sender<u32>,
    /// Numbers of the initial load, gathered to be built into the map at
    /// once (sorted, every node full: a third smaller, and faster).
    loading: Mutex<Vec<(NumberKey, Naptrs)>>,
    /// Numbers whose records changed, for the pre-signing worker.
    pub(super) changes: Changes,
    /// What numbers publish besides their addresses' records.
    extras: Extras,
}

/// A published number: its records, and its slot in the arenas of
/// pre-made signatures (its own while it is published).
#[derive(Debug)]
pub struct Published {
    pub naptrs: Naptrs,
    pub slot: u32,
}

#[derive(Default)]
pub struct State {
    numbers: BTreeMap<NumberKey, Published>,
    slots: Slots,
    /// Pre-made signatures over the numbers' NAPTR RRsets, by slot: a
    /// change clears them in the same write that changes the records.
    pub presigned: Signatures,
    /// The blocks DNS publishes (discoverable, with a public number and
    /// template): their numbers' records are made per query.
    blocks: Blocks,
    serial: u32,
    journal: Journal,
}

/// Slots of published numbers: handed out in key order at the load, then
/// reused after a number goes.
#[derive(Default)]
struct Slots {
    end: u32,
    free: Vec<u32>,
}

impl Slots {
    fn take(&mut self) -> u32 {
        self.free.pop().unwrap_or_else(|| {
            self.end += 1;
            self.end - 1
        })
    }
}

/// What a name below an apex is.
pub enum Node<'a> {
    /// A number (its key) and its records: a published number's (with its
    /// slot), or made from the templates of the block it falls in.
    Number(NumberKey, Cow<'a, Naptrs>, Option<u32>),
    /// A prefix of published numbers: exists, holds nothing.
    EmptyNonTerminal,
    Absent,
}

impl State {
    pub fn serial(&self) -> u32 {
        self.serial
    }

    /// The published number `key`.
    pub fn published(&self, key: NumberKey) -> Option<&Published> {
        self.numbers.get(&key)
    }

    /// Published numbers after `from` (all of them from None), in order.
    pub fn keys_after(&self, from: Option<NumberKey>) -> impl Iterator<Item = NumberKey> + '_ {
        use std::ops::Bound;
        let start = from.map_or(Bound::Unbounded, Bound::Excluded);
        self.numbers
            .range((start, Bound::Unbounded))
            .map(|(k, _)| *k)
    }

    /// Publish `naptrs` at `key`; the records it had before, if any. A
    /// number keeps its slot, and its signatures while its records stay.
    fn insert(&mut self, key: NumberKey, naptrs: Naptrs) -> Option<Naptrs> {
        match self.numbers.get_mut(&key) {
            Some(published) => {
                if published.naptrs != naptrs {
                    self.presigned.forget(published.slot);
                }
                Some(std::mem::replace(&mut published.naptrs, naptrs))
            }
            None => {
                let slot = self.slots.take();
                self.numbers.insert(key, Published { naptrs, slot });
                None
            }
        }
    }

    /// Stop publishing `key`; its records.
    fn remove(&mut self, key: NumberKey) -> Option<Naptrs> {
        let published = self.numbers.remove(&key)?;
        self.presigned.forget(published.slot);
        self.slots.free.push(published.slot);
        Some(published.naptrs)
    }

    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// The node of the digit string `digits` (most significant first). A
    /// published number wins over any block; otherwise the block with the
    /// longest prefix above it decides whether it is one of its numbers.
    pub fn node(&self, digits: &[u8]) -> Node<'_> {
        let Some(key) = number_key(digits) else {
            return Node::Absent;
        };
        let first_below = self
            .numbers
            .range(key..=prefix_end(key, digits.len()))
            .next();
        if let Some((k, published)) = first_below
            && *k == key
        {
            return Node::Number(key, Cow::Borrowed(&published.naptrs), Some(published.slot));
        }
        let numbers_below = first_below.is_some();
        if !self.blocks.is_empty()
            && let Ok(digits) = std::str::from_utf8(digits)
        {
            return self.block_node(key, digits, numbers_below);
        }
        if numbers_below {
            Node::EmptyNonTerminal
        } else {
            Node::Absent
        }
    }

    /// [`State::node`] of a name no number is published at.
    fn block_node(&self, key: NumberKey, digits: &str, numbers_below: bool) -> Node<'_> {
        if let Some(block) = self.blocks.around(digits) {
            if let Some(naptrs) = block_records(block, digits) {
                return Node::Number(key, Cow::Owned(naptrs), None);
            }
            // On the way down to the block's numbers.
            if digits.len() < block.longest() {
                return Node::EmptyNonTerminal;
            }
        }
        if numbers_below || self.blocks.any_below(digits) {
            Node::EmptyNonTerminal
        } else {
            Node::Absent
        }
    }
}

/// The records of the number `digits` of `block`: what the subject it
/// answers as publishes, decided by the one privacy function. Only the
/// addresses' records: the vCard and caller name are published numbers'.
fn block_records(block: &Block, digits: &str) -> Option<Naptrs> {
    let subject = block.subject_for(digits, None)?;
    publish_block_number(&subject, &Extras::default())
        .into_iter()
        .next()
        .map(|(_, naptrs)| naptrs)
}

/// Does DNS publish any number of `block`? Blocks that publish nothing
/// are left out of the index, so they make no empty non-terminal either.
fn publishes(block: &Block) -> bool {
    block_records(block, &block.sample_digits()).is_some()
}

/// The zone at one serial, detached from the index (for AXFR and export).
pub struct Snapshot {
    pub serial: u32,
    pub numbers: Vec<(NumberKey, Naptrs)>,
}

/// One step of an IXFR: records removed from `from`, then added to reach `to`.
pub struct Delta {
    pub from: u32,
    pub to: u32,
    pub removed: Vec<(NumberKey, Vec<Rr>)>,
    pub added: Vec<(NumberKey, Vec<Rr>)>,
}

/// One record at a number's name: its type and rdata.
pub type Rr = (u16, Vec<u8>);

#[derive(Default)]
struct Journal {
    versions: VecDeque<Version>,
    keys: usize,
}

struct Version {
    from: u32,
    to: u32,
    /// Each number changed in this version: as it was, as it is.
    changes: BTreeMap<NumberKey, (Option<Naptrs>, Option<Naptrs>)>,
}

impl Journal {
    fn record(
        &mut self,
        from: u32,
        to: u32,
        changed: Vec<(NumberKey, Option<Naptrs>, Option<Naptrs>)>,
    ) {
        if from != to {
            self.versions.push_back(Version {
                from,
                to,
                changes: BTreeMap::new(),
            });
        }
        // A version cut short (journal overflow) is never journaled again.
        let Some(version) = self.versions.back_mut().filter(|v| v.to == to) else {
            return;
        };
        for (key, old, new) in changed {
            match version.changes.get_mut(&key) {
                Some(entry) => entry.1 = new,
                None => {
                    version.changes.insert(key, (old, new));
                    self.keys += 1;
                }
            }
        }
        while self.keys > JOURNAL_KEYS {
            match self.versions.pop_front() {
                Some(v) => self.keys -= v.changes.len(),
                None => break,
            }
        }
    }
}

impl EnumIndex {
    pub fn new() -> Arc<EnumIndex> {
        EnumIndex::with_extras(Extras::default())
    }

    /// An index whose numbers publish `extras` too.
    pub fn with_extras(extras: Extras) -> Arc<EnumIndex> {
        Arc::new(EnumIndex {
            state: RwLock::default(),
            serial: watch::Sender::new(0),
            loading: Mutex::default(),
            changes: Changes::default(),
            extras,
        })
    }

    fn publish(&self, subject: &Subject) -> Vec<(NumberKey, Naptrs)> {
        publish(subject, &self.extras)
    }

    /// Hold only while copying an answer out.
    pub fn read(&self) -> RwLockReadGuard<'_, State> {
        // A panicking writer leaves consistent entries behind (each map
        // operation is atomic): keep answering rather than fail every query.
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// For the pre-signing worker, storing signatures.
    pub(super) fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    pub fn serial(&self) -> u32 {
        self.read().serial
    }

    /// Wakes when the zone serial moves.
    pub fn watch(&self) -> watch::Receiver<u32> {
        self.serial.subscribe()
    }

    pub fn snapshot(&self) -> Snapshot {
        let state = self.read();
        Snapshot {
            serial: state.serial,
            numbers: (state.numbers.iter())
                .map(|(k, v)| (*k, v.naptrs.clone()))
                .collect(),
        }
    }

    /// The steps from serial `from` to the current one, if the journal
    /// still holds all of them (an empty list when `from` is current).
    pub fn deltas_since(&self, from: u32) -> Option<(u32, Vec<Delta>)> {
        let state = self.read();
        if from == state.serial {
            return Some((from, Vec::new()));
        }
        let versions = &state.journal.versions;
        let start = versions.iter().position(|v| v.from == from)?;
        if versions.back().map(|v| v.to) != Some(state.serial) {
            return None;
        }
        let rdatas = |key: NumberKey, n: &Option<Naptrs>| -> Vec<Rr> {
            n.iter()
                .flat_map(|n| {
                    let naptrs = n.iter(key).map(|r| (TYPE_NAPTR, r.to_vec()));
                    let txt = n.caller_name_rdata().map(|r| (TYPE_TXT, r.to_vec()));
                    naptrs.chain(txt)
                })
                .collect()
        };
        let deltas = versions
            .range(start..)
            .map(|v| {
                let mut delta = Delta {
                    from: v.from,
                    to: v.to,
                    removed: Vec::new(),
                    added: Vec::new(),
                };
                for (key, (old, new)) in &v.changes {
                    let (old, new) = (rdatas(*key, old), rdatas(*key, new));
                    let gone: Vec<_> = old.iter().filter(|r| !new.contains(r)).cloned().collect();
                    let came: Vec<_> = new.iter().filter(|r| !old.contains(r)).cloned().collect();
                    if !gone.is_empty() {
                        delta.removed.push((*key, gone));
                    }
                    if !came.is_empty() {
                        delta.added.push((*key, came));
                    }
                }
                delta
            })
            .collect();
        Some((state.serial, deltas))
    }
}

impl Index for EnumIndex {
    fn alters(&self, before: Option<&Subject>, after: Option<&Subject>) -> bool {
        let publish = |s| self.publish(s);
        before.map(publish).unwrap_or_default() != after.map(publish).unwrap_or_default()
    }

    fn load(&self, _serial: i64, subjects: &[Subject]) {
        let published: Vec<_> = subjects.iter().flat_map(|s| self.publish(s)).collect();
        self.loading
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(published);
    }

    fn loaded(&self, serial: i64) {
        let loaded = std::mem::take(&mut *self.loading.lock().unwrap_or_else(|e| e.into_inner()));
        let serial = serial as u32;
        {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            debug_assert!(state.numbers.is_empty(), "loaded into an empty index");
            let mut slots = 0..;
            state.numbers = BTreeMap::from_iter(loaded.into_iter().map(|(key, naptrs)| {
                let slot = slots.next().expect("slots are counted from 0");
                (key, Published { naptrs, slot })
            }));
            state.slots = Slots {
                end: state.numbers.len() as u32,
                free: Vec::new(),
            };
            state.presigned.forget_all();
            state.serial = serial;
        }
        self.serial.send_replace(serial);
        self.changes.everything();
    }

    fn load_blocks(&self, blocks: &[Block]) {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        for block in blocks.iter().filter(|b| publishes(b)) {
            state.blocks.apply(None, Some(block));
        }
    }

    fn block(&self, serial: i64, before: Option<&Block>, after: Option<&Block>) {
        let to = serial as u32;
        {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            state.blocks.apply(before, after.filter(|b| publishes(b)));
            let from = std::mem::replace(&mut state.serial, to);
            // Block records are not journaled: an IXFR across this version
            // carries no record of it.
            state.journal.record(from, to, Vec::new());
        }
        self.serial.send_replace(to);
    }

    fn reset(&self) {
        self.loading
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        state.numbers.clear();
        state.slots = Slots::default();
        state.presigned.forget_all();
        state.blocks = Blocks::default();
    }

    fn apply(&self, serial: i64, before: Option<&Subject>, after: Option<&Subject>) {
        let old = before.map(|s| self.publish(s)).unwrap_or_default();
        let new = after.map(|s| self.publish(s)).unwrap_or_default();
        if old == new {
            return;
        }
        let mut changed = Vec::new();
        let moved = {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            for (key, was) in &old {
                // Another subject may have taken the number in the meantime
                // (an import moving it): only remove what is still ours.
                if !new.iter().any(|(k, _)| k == key)
                    && state.numbers.get(key).map(|p| &p.naptrs) == Some(was)
                {
                    let removed = state.remove(*key);
                    changed.push((*key, removed, None));
                }
            }
            for (key, naptrs) in new {
                let previous = state.insert(key, naptrs.clone());
                if previous.as_ref() != Some(&naptrs) {
                    changed.push((key, previous, Some(naptrs)));
                }
            }
            if changed.is_empty() {
                None
            } else {
                // Serials are i64 in the change log and u32 in SOA records:
                // they wrap, which RFC 1982 serial arithmetic allows.
                let to = serial as u32;
                let from = std::mem::replace(&mut state.serial, to);
                self.changes.numbers(changed.iter().map(|(key, _, _)| *key));
                state.journal.record(from, to, changed);
                (from != to).then_some(to)
            }
        };
        if let Some(serial) = moved {
            self.serial.send_replace(serial);
        }
    }
}
