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

pub struct Table<S = DefaultHashBuilder> {
    hasher: S,
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

/// A subject of [`Table::insert_many`] waiting for its slot: where it is in
/// the batch, its id's tag, its bytes.
type Waiting = (usize, u32, Box<[u8]>);

fn table_hash(entry: &u64) -> u64 {
    (entry >> 32).wrapping_mul(SPREAD)
}

/// A slot number: the shard in the low bits, the index above.
fn locate(slot: u32) -> (usize, usize) {
    (slot as usize % SHARDS, slot as usize / SHARDS)
}

impl<S: Default> Default for Table<S> {
    fn default() -> Self {
        Table {
            hasher: S::default(),
            shards: (0..SHARDS).map(|_| RwLock::default()).collect(),
            len: AtomicUsize::new(0),
        }
    }
}

impl<S: BuildHasher> Table<S> {
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
                Key::Name(name) => packed::owns(bytes, name),
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

    /// Store subjects that have no slots yet, each with its other keys
    /// ([`Table::insert`] and [`Table::add_key`] for many at once): each
    /// shard is locked once for its slots and once for its entries, not
    /// once per key. Returns the slots, in order.
    pub fn insert_many<'k>(&self, subjects: Vec<(Box<[u8]>, Vec<Key<'k>>)>) -> Vec<u32> {
        let mut slots = vec![0u32; subjects.len()];
        let mut by_shard: Vec<Vec<Waiting>> = (0..SHARDS).map(|_| Vec::new()).collect();
        let mut keys = Vec::with_capacity(subjects.len());
        for (i, (bytes, other)) in subjects.into_iter().enumerate() {
            let (shard, tag) = self.place(Key::Id(packed::id(&bytes)));
            by_shard[shard].push((i, tag, bytes));
            keys.push(other);
        }
        for (shard, subjects) in by_shard.into_iter().enumerate() {
            if subjects.is_empty() {
                continue;
            }
            let count = subjects.len();
            let mut guard = self.write(shard);
            guard.entries.reserve(count, table_hash);
            for (i, tag, bytes) in subjects {
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
                slots[i] = slot;
            }
            drop(guard);
            self.len.fetch_add(count, Ordering::Release);
        }
        let mut entries: Vec<Vec<u64>> = (0..SHARDS).map(|_| Vec::new()).collect();
        for (other, &slot) in keys.iter().zip(&slots) {
            for &key in other {
                let (shard, tag) = self.place(key);
                entries[shard].push(u64::from(tag) << 32 | u64::from(slot));
            }
        }
        for (shard, entries) in entries.into_iter().enumerate() {
            if entries.is_empty() {
                continue;
            }
            let mut guard = self.write(shard);
            guard.entries.reserve(entries.len(), table_hash);
            for entry in entries {
                guard
                    .entries
                    .insert_unique(table_hash(&entry), entry, table_hash);
            }
        }
        slots
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Subject, SubjectInput};

    /// Every key hashes alike: one shard, one tag, all entries colliding.
    #[derive(Default)]
    struct Colliding;

    impl BuildHasher for Colliding {
        type Hasher = Constant;
        fn build_hasher(&self) -> Constant {
            Constant
        }
    }

    struct Constant;

    impl std::hash::Hasher for Constant {
        fn finish(&self) -> u64 {
            0x5EED_0000_0000_0007
        }
        fn write(&mut self, _: &[u8]) {}
    }

    fn subject(handle: &str, uris: &[&str]) -> Subject {
        let addresses: Vec<_> = uris.iter().map(|u| serde_json::json!({"uri": u})).collect();
        let input: SubjectInput = serde_json::from_value(serde_json::json!({
            "handle": handle, "domain": "example.com", "addresses": addresses
        }))
        .unwrap();
        input.into_subject(chrono::Utc::now()).unwrap()
    }

    fn store<S: BuildHasher>(table: &Table<S>, subject: &Subject) -> u32 {
        let slot = table.insert(packed::pack(subject));
        table.add_key(Key::Name(&subject.acct()), slot);
        for a in &subject.addresses {
            table.add_key(Key::Name(a.uri.as_str()), slot);
        }
        slot
    }

    fn owner<S: BuildHasher>(table: &Table<S>, key: &str) -> Option<String> {
        table.find(Key::Name(key), |b| packed::unpack(b).acct())
    }

    #[test]
    fn colliding_keys_find_their_own_subject() {
        let table = Table::<Colliding>::default();
        let alice = subject("alice", &["sip:alice@example.com", "tel:+12125550100"]);
        let bob = subject("bob", &["sip:bob@example.com", "xmpp:bob@example.com"]);
        let (a, b) = (store(&table, &alice), store(&table, &bob));
        assert_eq!(table.len(), 2);
        assert_eq!(
            owner(&table, "tel:+12125550100").as_deref(),
            Some("acct:alice@example.com")
        );
        assert_eq!(
            owner(&table, "xmpp:bob@example.com").as_deref(),
            Some("acct:bob@example.com")
        );
        assert_eq!(owner(&table, "sip:carol@example.com"), None);
        assert_eq!(
            (table.slot(alice.id), table.slot(bob.id)),
            (Some(a), Some(b))
        );
        let bob_found = table.find(Key::Id(bob.id), packed::unpack);
        assert_eq!(bob_found.as_ref(), Some(&bob));

        // Alice's number moves to Bob: both own it until Alice lets go.
        let number = |a: &&crate::model::SubjectAddress| a.uri.as_str().starts_with("tel:");
        let mut moved = bob.clone();
        moved
            .addresses
            .extend(alice.addresses.iter().filter(number).cloned());
        table.replace(b, packed::pack(&moved));
        table.add_key(Key::Name("tel:+12125550100"), b);
        let mut kept = alice.clone();
        kept.addresses.retain(|a| !number(&a));
        table.replace(a, packed::pack(&kept));
        table.remove_key(Key::Name("tel:+12125550100"), a);
        assert_eq!(
            owner(&table, "tel:+12125550100").as_deref(),
            Some("acct:bob@example.com")
        );
        assert_eq!(
            owner(&table, "sip:alice@example.com").as_deref(),
            Some("acct:alice@example.com")
        );

        // A removed subject's slot is reused; its keys find nothing.
        let gone = table.remove(a);
        table.remove_key(Key::Name("sip:alice@example.com"), a);
        table.remove_key(Key::Name("acct:alice@example.com"), a);
        assert_eq!(packed::unpack(&gone), kept);
        assert_eq!((table.len(), table.slot(alice.id)), (1, None));
        assert_eq!(owner(&table, "sip:alice@example.com"), None);
        let carol = subject("carol", &["sip:carol@example.com"]);
        assert_eq!(store(&table, &carol), a);
        assert_eq!(
            owner(&table, "sip:carol@example.com").as_deref(),
            Some("acct:carol@example.com")
        );
        let mut all = Vec::new();
        table.for_each(|b| all.push(packed::unpack(b).acct()));
        all.sort();
        assert_eq!(all, ["acct:bob@example.com", "acct:carol@example.com"]);
    }

    #[test]
    fn inserted_together_as_one_at_a_time() {
        let together = Table::<DefaultHashBuilder>::default();
        let colliding = Table::<Colliding>::default();
        let subjects: Vec<_> = (0..120)
            .map(|i| {
                let uris = [
                    format!("sip:u{i}@example.com"),
                    format!("xmpp:u{i}@example.com"),
                ];
                subject(&format!("u{i}"), &[&uris[0], &uris[1]])
            })
            .collect();
        let accts: Vec<_> = subjects.iter().map(Subject::acct).collect();
        let batch = || {
            subjects
                .iter()
                .zip(&accts)
                .map(|(s, acct)| {
                    let keys = std::iter::once(Key::Name(acct))
                        .chain(s.addresses.iter().map(|a| Key::Name(a.uri.as_str())))
                        .collect();
                    (packed::pack(s), keys)
                })
                .collect::<Vec<_>>()
        };
        let (a, b) = (
            together.insert_many(batch()),
            colliding.insert_many(batch()),
        );
        for table_slots in [a, b] {
            let unique: std::collections::BTreeSet<_> = table_slots.iter().collect();
            assert_eq!(unique.len(), subjects.len());
        }
        assert_eq!((together.len(), colliding.len()), (120, 120));
        for s in &subjects {
            for key in
                std::iter::once(s.acct()).chain(s.addresses.iter().map(|a| a.uri.to_string()))
            {
                assert_eq!(owner(&together, &key), Some(s.acct()), "{key}");
                assert_eq!(owner(&colliding, &key), Some(s.acct()), "{key}");
            }
            assert_eq!(
                together.find(Key::Id(s.id), packed::unpack).as_ref(),
                Some(s)
            );
            assert!(colliding.slot(s.id).is_some());
        }
        assert_eq!(owner(&together, "sip:u120@example.com"), None);
        // A freed slot is taken again by a batch.
        let first = colliding.slot(subjects[0].id).unwrap();
        colliding.remove(first);
        let again = subject("again", &["sip:again@example.com"]);
        let acct = again.acct();
        let slots = colliding.insert_many(vec![(packed::pack(&again), vec![Key::Name(&acct)])]);
        assert_eq!(slots, [first]);
        assert_eq!(owner(&colliding, &acct), Some(acct.clone()));
    }

    #[test]
    fn many_subjects_across_shards() {
        let table = Table::<DefaultHashBuilder>::default();
        let subjects: Vec<_> = (0..500)
            .map(|i| subject(&format!("u{i}"), &[&format!("sip:u{i}@example.com")]))
            .collect();
        for s in &subjects {
            store(&table, s);
        }
        for s in &subjects {
            assert_eq!(owner(&table, s.addresses[0].uri.as_str()), Some(s.acct()));
            assert!(table.slot(s.id).is_some());
        }
    }
}
