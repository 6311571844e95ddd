//! Where the directory keeps subjects: packed, in slots, with one hash table
//! from every key (address URI, acct, subject id) to the slot of the
//! subject that owns it.
//!
//! A table entry is 8 bytes: 32 bits of the key's hash and the slot. A
//! match on those is confirmed against the subject itself, so a collision
//! costs a second look, never a wrong answer, and no key is stored twice.
//! Entries and slots live in shards behind read-write locks: readers share
//! them, and the single writer (under the directory's apply lock) never
//! holds two at once.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use hashbrown::{DefaultHashBuilder, HashTable};
use uuid::Uuid;

use super::packed;

const SHARDS: usize = 64;

/// Spreads a 32-bit tag over the 64 bits hashbrown picks buckets and
/// control bytes from (entries must be re-hashable from themselves).
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

/// What a lookup is by.
#[derive(Clone, Copy)]
pub enum Key<'a> {
    Id(Uuid),
    /// An address URI or an acct.
    Name(&'a str),
}

pub struct Table {
    hasher: DefaultHashBuilder,
    shards: Box<[RwLock<Shard>]>,
    len: AtomicUsize,
}

#[derive(Default)]
struct Shard {
    /// `tag << 32 | slot`.
    entries: HashTable<u64>,
    /// Packed subjects; `None` is free (listed in `free`).
    slots: Vec<Option<Box<[u8]>>>,
    free: Vec<u32>,
}

fn table_hash(entry: &u64) -> u64 {
    (entry >> 32).wrapping_mul(SPREAD)
}

/// A slot number: the shard in the low bits, the index above.
fn locate(slot: u32) -> (usize, usize) {
    (slot as usize % SHARDS, slot as usize / SHARDS)
}

impl Default for Table {
    fn default() -> Self {
        Table {
            hasher: DefaultHashBuilder::default(),
            shards: (0..SHARDS).map(|_| RwLock::default()).collect(),
            len: AtomicUsize::new(0),
        }
    }
}

impl Table {
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// The shard a key's entry lives in and the entry's tag.
    fn place(&self, key: Key<'_>) -> (usize, u32) {
        let hash = match key {
            Key::Id(id) => self.hasher.hash_one(id.as_bytes()),
            Key::Name(name) => self.hasher.hash_one(name),
        };
        ((hash as usize) % SHARDS, (hash >> 32) as u32)
    }

    fn read(&self, shard: usize) -> RwLockReadGuard<'_, Shard> {
        // Every write leaves a shard consistent (each step is one map or
        // vector operation): a panic elsewhere must not stop the readers.
        self.shards[shard].read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self, shard: usize) -> RwLockWriteGuard<'_, Shard> {
        self.shards[shard]
            .write()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// `f` of the packed subject that owns `key`, if any.
    pub fn find<R>(&self, key: Key<'_>, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let (shard, tag) = self.place(key);
        // Candidates are collected, then the lock dropped before any slot
        // is read: no reader holds two locks either.
        let mut candidates = [0u32; 4];
        let mut more = Vec::new();
        let mut n = 0;
        for entry in self
            .read(shard)
            .entries
            .iter_hash(table_hash(&(u64::from(tag) << 32)))
        {
            if (entry >> 32) as u32 == tag {
                match candidates.get_mut(n) {
                    Some(c) => *c = *entry as u32,
                    None => more.push(*entry as u32),
                }
                n += 1;
            }
        }
        let mut f = Some(f);
        for &slot in candidates[..n.min(4)].iter().chain(&more) {
            let (shard, index) = locate(slot);
            let guard = self.read(shard);
            let Some(Some(bytes)) = guard.slots.get(index) else {
                continue;
            };
            let owns = match key {
                Key::Id(id) => packed::id(bytes) == id,
                Key::Name(name) => packed::any_key(bytes, |k| k == name),
            };
            if owns {
                return f.take().map(|f| f(bytes));
            }
        }
        None
    }

    /// The slot of subject `id`.
    pub fn slot(&self, id: Uuid) -> Option<u32> {
        let (shard, tag) = self.place(Key::Id(id));
        let guard = self.read(shard);
        guard
            .entries
            .iter_hash(table_hash(&(u64::from(tag) << 32)))
            .map(|e| *e as u32)
            .find(|&slot| {
                let (s, index) = locate(slot);
                s == shard && matches!(&guard.slots[index], Some(b) if packed::id(b) == id)
            })
    }

    /// Store a subject that has no slot yet (with its id as a key; its
    /// other keys are added by the caller). Returns the slot.
    pub fn insert(&self, bytes: Box<[u8]>) -> u32 {
        // The slot lives in the shard of the id's entry: `slot` reads one shard.
        let (shard, tag) = self.place(Key::Id(packed::id(&bytes)));
        let mut guard = self.write(shard);
        let index = match guard.free.pop() {
            Some(index) => {
                guard.slots[index as usize] = Some(bytes);
                index as usize
            }
            None => {
                guard.slots.push(Some(bytes));
                guard.slots.len() - 1
            }
        };
        let slot = (index * SHARDS + shard) as u32;
        let entry = u64::from(tag) << 32 | u64::from(slot);
        guard
            .entries
            .insert_unique(table_hash(&entry), entry, table_hash);
        self.len.fetch_add(1, Ordering::Release);
        slot
    }

    /// Put `bytes` (the same subject, changed) in `slot`; returns what was there.
    pub fn replace(&self, slot: u32, bytes: Box<[u8]>) -> Box<[u8]> {
        let (shard, index) = locate(slot);
        let mut guard = self.write(shard);
        guard.slots[index].replace(bytes).expect("an occupied slot")
    }

    /// Empty `slot` (and drop its id's entry); returns what was there.
    pub fn remove(&self, slot: u32) -> Box<[u8]> {
        let (shard, index) = locate(slot);
        let bytes = {
            let mut guard = self.write(shard);
            let bytes = guard.slots[index].take().expect("an occupied slot");
            guard.free.push(index as u32);
            bytes
        };
        self.remove_key(Key::Id(packed::id(&bytes)), slot);
        self.len.fetch_sub(1, Ordering::Release);
        bytes
    }

    /// Point `key` at `slot` too.
    pub fn add_key(&self, key: Key<'_>, slot: u32) {
        let (shard, tag) = self.place(key);
        let entry = u64::from(tag) << 32 | u64::from(slot);
        self.write(shard)
            .entries
            .insert_unique(table_hash(&entry), entry, table_hash);
    }

    /// Forget that `key` points at `slot`.
    pub fn remove_key(&self, key: Key<'_>, slot: u32) {
        let (shard, tag) = self.place(key);
        let entry = u64::from(tag) << 32 | u64::from(slot);
        if let Ok(found) = self
            .write(shard)
            .entries
            .find_entry(table_hash(&entry), |e| *e == entry)
        {
            found.remove();
        }
    }

    /// `f` of every packed subject, one shard at a time.
    pub fn for_each(&self, mut f: impl FnMut(&[u8])) {
        for shard in 0..SHARDS {
            self.read(shard).slots.iter().flatten().for_each(|b| f(b));
        }
    }
}
