//! The ENUM zone index: every published number with its NAPTR records,
//! the blocks with the records their numbers share, the zone serial, and a
//! bounded journal of recent changes for IXFR.
//!
//! Blocks are RFC 4592 wildcards, in answers as in zone transfers: a
//! secondary loading the transfer answers every name as this index does
//! (see [`State::node`] and [`Snapshot::wildcards`]).
//!
//! One sorted map serves exact lookups and empty-non-terminal detection
//! (is any number below this prefix?) with a single range probe. Readers
//! hold a read lock only while copying an answer out; writers are the
//! directory's apply calls, O(size of the change).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use hashbrown::HashMap;
use tokio::sync::watch;

use uuid::Uuid;

use super::naptr::{
    Extras, MAX_DIGITS, Naptrs, NumberKey, key_digits, number_key, prefix_end, prefix_key, publish,
    publish_block,
};
use super::presign::{Changes, Signatures};
use super::wire::{TYPE_NAPTR, TYPE_TXT};
use crate::directory::Index;
use crate::model::{Block, Subject};

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
    /// template), with the records all their numbers share.
    blocks: BlockRecords,
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

/// What a name has below its leading digit labels (the apex side).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Below {
    /// Nothing: the name is the digits.
    Nothing,
    /// A `*` label, and more labels under it unless `exactly`.
    Wildcard { exactly: bool },
    /// Any other label: no number's name.
    Deeper,
}

/// What a name below an apex is.
pub enum Node<'a> {
    /// A number (its key) and its records: a published number's (with its
    /// slot), or those of the block whose wildcard covers the name.
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

    /// The node of the name whose labels are the digits `digits` (most
    /// significant first) and then `below` them.
    ///
    /// A published number answers its records. Below a block's prefix,
    /// names follow RFC 4592 over the tree a zone transfer carries: the
    /// published numbers, and a wildcard `*.<prefix>` for each block plus
    /// one at every name an overriding number (or a nested block) makes
    /// exist inside it, each with the records of the longest block above
    /// it. A name that exists answers as itself; any other name synthesizes
    /// from its closest encloser's wildcard, or does not exist when that
    /// encloser has none (a published number with nothing below it).
    pub fn node(&self, digits: &[u8], below: Below) -> Node<'_> {
        if let Below::Wildcard { exactly } = below
            && let Ok(name) = std::str::from_utf8(digits)
            && let Some(records) = self.wildcard_at(name)
        {
            // The wildcard's own name: its records; names below it have
            // nothing (it has no children).
            return if exactly {
                Node::Number(0, Cow::Borrowed(records), None)
            } else {
                Node::Absent
            };
        }
        let deeper = !matches!(below, Below::Nothing);
        let key = number_key(digits);
        if let Some(key) = key.filter(|_| !deeper)
            && let Some((k, published)) = first_below(&self.numbers, key, digits.len())
        {
            return if *k == key {
                Node::Number(key, Cow::Borrowed(&published.naptrs), Some(published.slot))
            } else {
                Node::EmptyNonTerminal
            };
        }
        if self.blocks.is_empty() {
            return Node::Absent;
        }
        // Digits of a name are at most a number's length (see the caller).
        let Some(full) = number_key(digits) else {
            return Node::Absent;
        };
        if !deeper && self.blocks.at_or_below_key(full, digits.len()) {
            return Node::EmptyNonTerminal;
        }
        let encloser_max = if deeper {
            digits.len()
        } else {
            digits.len() - 1
        };
        let Some((block_len, records)) = self.blocks.longest_within_key(full, encloser_max) else {
            return Node::Absent;
        };
        // A block's records answer at any name below it; no block number
        // record refers to its own number, so the key only names it.
        let synthesized = Node::Number(key.unwrap_or_default(), Cow::Borrowed(records), None);
        // The closest encloser: the longest existing name above the query,
        // the block's prefix at the least.
        for len in (block_len + 1..=encloser_max).rev() {
            let key = prefix_key(full, len);
            let blocks_below = self.blocks.at_or_below_key(key, len);
            let first = first_below(&self.numbers, key, len);
            if !blocks_below && first.is_none() {
                continue;
            }
            // It exists; a wildcard below it only if more than itself does.
            let below = blocks_below
                || first.is_some_and(|(k, _)| *k != key)
                || (self.numbers.range(key..=prefix_end(key, len)))
                    .nth(1)
                    .is_some();
            return if below { synthesized } else { Node::Absent };
        }
        synthesized
    }
}

impl State {
    /// The wildcards at the names that a change at `digits` (a number
    /// or a block's prefix) can add, remove or change: `digits` itself,
    /// the names above it, and those below it. By the key of the digits
    /// they are below.
    fn wildcards_near(&self, digits: &str) -> BTreeMap<NumberKey, Naptrs> {
        use std::ops::Bound;
        // Outside every block nothing above is a wildcard's; below, only
        // a nested block's names can be.
        if self.blocks.longest_within(digits).is_none() && !self.blocks.at_or_below(digits) {
            return BTreeMap::new();
        }
        let mut names: BTreeSet<String> = (1..=digits.len())
            .map(|len| digits[..len].to_owned())
            .collect();
        if let Some(key) = number_key(digits.as_bytes()) {
            let end = prefix_end(key, digits.len());
            for number in self
                .numbers
                .range((Bound::Excluded(key), Bound::Included(end)))
            {
                let number: String = key_digits(*number.0).map(char::from).collect();
                names.extend((digits.len() + 1..number.len()).map(|len| number[..len].to_owned()));
            }
        }
        for prefix in self.blocks.prefixes_below(digits) {
            names.extend((digits.len() + 1..=prefix.len()).map(|len| prefix[..len].to_owned()));
        }
        names
            .iter()
            .filter_map(|name| {
                let records = self.wildcard_at(name)?;
                Some((number_key(name.as_bytes())?, records.clone()))
            })
            .collect()
    }

    /// The wildcards of [`Snapshot::wildcards`]: one below each block's
    /// prefix, and one below every name strictly between a block's prefix
    /// and a published number or longer block prefix inside it (those
    /// names exist, so only a wildcard of their own covers the names
    /// beside them), with the records of the longest block above.
    fn wildcards(&self) -> Vec<(NumberKey, Naptrs)> {
        if self.blocks.is_empty() {
            return Vec::new();
        }
        let mut wildcards: BTreeMap<String, Naptrs> = (self.blocks.iter())
            .map(|(prefix, records)| (prefix, records.clone()))
            .collect();
        let numbers = self
            .numbers
            .keys()
            .map(|key| key_digits(*key).map(char::from).collect::<String>());
        let prefixes = self.blocks.iter().map(|(prefix, _)| prefix);
        for name in numbers.chain(prefixes) {
            let Some((block_len, records)) = self.blocks.longest_within(&name[..name.len() - 1])
            else {
                continue;
            };
            for len in block_len..name.len() {
                wildcards
                    .entry(name[..len].to_owned())
                    .or_insert_with(|| records.clone());
            }
        }
        wildcards
            .into_iter()
            .filter_map(|(digits, records)| Some((number_key(digits.as_bytes())?, records)))
            .collect()
    }
}

impl State {
    /// The records of the wildcard `*.<digits>`, if the zone has it (see
    /// [`Snapshot::wildcards`]).
    fn wildcard_at(&self, digits: &str) -> Option<&Naptrs> {
        let (block_len, records) = self.blocks.longest_within(digits)?;
        if block_len == digits.len() {
            return Some(records);
        }
        let key = number_key(digits.as_bytes())?;
        let numbers_below =
            (self.numbers.range(key..=prefix_end(key, digits.len()))).any(|(k, _)| *k != key);
        (numbers_below || self.blocks.at_or_below(digits)).then_some(records)
    }
}

/// The journal entries of wildcards that `was` (by key) and now `is`.
fn wildcard_changes(
    mut was: BTreeMap<NumberKey, Naptrs>,
    is: BTreeMap<NumberKey, Naptrs>,
) -> Vec<(Owner, Option<Naptrs>, Option<Naptrs>)> {
    let mut changes = Vec::new();
    for (key, records) in is {
        let before = was.remove(&key);
        if before.as_ref() != Some(&records) {
            changes.push((Owner::Wildcard(key), before, Some(records)));
        }
    }
    changes.extend(
        was.into_iter()
            .map(|(key, records)| (Owner::Wildcard(key), Some(records), None)),
    );
    changes
}

/// The blocks DNS publishes, by the key of their prefix's digits: each
/// block's id and the records every number of it answers with (its
/// wildcard's). Blocks that publish nothing are left out, so they make no
/// name exist either.
///
/// Hashed for the longest-prefix search of every query below a block
/// (one probe per prefix length some block has, usually one or two), and
/// ordered for "is there a block at or below this name".
#[derive(Default)]
struct BlockRecords {
    records: HashMap<NumberKey, (Uuid, Naptrs)>,
    prefixes: BTreeSet<NumberKey>,
    /// How many blocks have a prefix of each length (index: digits).
    lengths: [u32; MAX_DIGITS + 1],
}

impl BlockRecords {
    /// Replace `before` by `after` (a change-log row's two states).
    fn apply(&mut self, before: Option<&Block>, after: Option<&Block>) {
        if let Some(b) = before
            && let Some(key) = number_key(b.prefix_digits().as_bytes())
            && self.records.get(&key).is_some_and(|(id, _)| *id == b.id)
        {
            self.records.remove(&key);
            self.prefixes.remove(&key);
            self.lengths[b.prefix_digits().len()] -= 1;
        }
        if let Some(a) = after
            && let Some(key) = number_key(a.prefix_digits().as_bytes())
            && let Some(naptrs) = publish_block(a)
            && self.records.insert(key, (a.id, naptrs)).is_none()
        {
            self.prefixes.insert(key);
            self.lengths[a.prefix_digits().len()] += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The longest block prefix that `digits` starts with (or is): its
    /// length and its block's records.
    fn longest_within(&self, digits: &str) -> Option<(usize, &Naptrs)> {
        self.longest_within_key(number_key(digits.as_bytes())?, digits.len())
    }

    /// [`Self::longest_within`] of the `len` digits of `key`.
    fn longest_within_key(&self, key: NumberKey, len: usize) -> Option<(usize, &Naptrs)> {
        (1..=len)
            .rev()
            .filter(|&len| self.lengths[len] > 0)
            .find_map(|len| Some((len, &self.records.get(&prefix_key(key, len))?.1)))
    }

    /// Is a block prefix `digits` or longer below it?
    fn at_or_below(&self, digits: &str) -> bool {
        number_key(digits.as_bytes()).is_some_and(|key| self.at_or_below_key(key, digits.len()))
    }

    /// [`Self::at_or_below`] the `len` digits of `key`.
    fn at_or_below_key(&self, key: NumberKey, len: usize) -> bool {
        // No prefix is that long: nothing to search (the common case for
        // the names inside a block).
        if self.lengths[len..].iter().all(|&n| n == 0) {
            return false;
        }
        first_below(&self.prefixes, key, len).is_some()
    }

    /// Block prefixes strictly below `digits`, as digit strings, in order.
    fn prefixes_below(&self, digits: &str) -> impl Iterator<Item = String> + '_ {
        use std::ops::Bound;
        let key = number_key(digits.as_bytes());
        let range = key.map(|key| {
            (
                Bound::Excluded(key),
                Bound::Included(prefix_end(key, digits.len())),
            )
        });
        range
            .into_iter()
            .flat_map(|range| self.prefixes.range(range))
            .map(|key| key_digits(*key).map(char::from).collect())
    }

    /// Every block's prefix (digits) and records.
    fn iter(&self) -> impl Iterator<Item = (String, &Naptrs)> {
        self.records
            .iter()
            .map(|(key, (_, records))| (key_digits(*key).map(char::from).collect(), records))
    }
}

/// The first entry of `keys` at or below the `len`-digit prefix `key`
/// (itself included). One search: a range with both ends would make two.
fn first_below<T: Ordered>(keys: &T, key: NumberKey, len: usize) -> Option<T::Item<'_>> {
    keys.first_from(key)
        .filter(|item| T::key(item) <= prefix_end(key, len))
}

/// Ordered maps and sets of number keys, searched from a key on.
trait Ordered {
    type Item<'a>
    where
        Self: 'a;
    fn first_from(&self, key: NumberKey) -> Option<Self::Item<'_>>;
    fn key(item: &Self::Item<'_>) -> NumberKey;
}

impl<V> Ordered for BTreeMap<NumberKey, V> {
    type Item<'a>
        = (&'a NumberKey, &'a V)
    where
        V: 'a;
    fn first_from(&self, key: NumberKey) -> Option<Self::Item<'_>> {
        self.range(key..).next()
    }
    fn key(item: &Self::Item<'_>) -> NumberKey {
        *item.0
    }
}

impl Ordered for BTreeSet<NumberKey> {
    type Item<'a> = &'a NumberKey;
    fn first_from(&self, key: NumberKey) -> Option<Self::Item<'_>> {
        self.range(key..).next()
    }
    fn key(item: &Self::Item<'_>) -> NumberKey {
        **item
    }
}

/// The zone at one serial, detached from the index (for AXFR and export).
pub struct Snapshot {
    pub serial: u32,
    pub numbers: Vec<(NumberKey, Naptrs)>,
    /// The wildcards `*.<digits>` standing for block numbers, by the key
    /// of the digits of the name they are below.
    pub wildcards: Vec<(NumberKey, Naptrs)>,
}

/// The owner of records a zone transfer carries below the apex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Owner {
    /// A published number.
    Number(NumberKey),
    /// The wildcard `*.<digits>` below the digits of this key.
    Wildcard(NumberKey),
}

impl Owner {
    /// The records of `naptrs` at this owner: its NAPTRs, and the caller
    /// name as TXT where the set carries one (published numbers only).
    fn rdatas(self, naptrs: &Option<Naptrs>) -> Vec<Rr> {
        let own = match self {
            Owner::Number(key) => key,
            Owner::Wildcard(_) => 0,
        };
        naptrs
            .iter()
            .flat_map(|n| {
                let naptrs = n.iter(own).map(|r| (TYPE_NAPTR, r.to_vec()));
                let txt = n.caller_name_rdata().map(|r| (TYPE_TXT, r.to_vec()));
                naptrs.chain(txt)
            })
            .collect()
    }
}

/// One step of an IXFR: records removed from `from`, then added to reach `to`.
pub struct Delta {
    pub from: u32,
    pub to: u32,
    pub removed: Vec<(Owner, Vec<Rr>)>,
    pub added: Vec<(Owner, Vec<Rr>)>,
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
    /// Each owner changed in this version: its records as they were, as
    /// they are.
    changes: BTreeMap<Owner, (Option<Naptrs>, Option<Naptrs>)>,
}

impl Journal {
    fn record(
        &mut self,
        from: u32,
        to: u32,
        changed: Vec<(Owner, Option<Naptrs>, Option<Naptrs>)>,
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
            wildcards: state.wildcards(),
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
                    let (old, new) = (key.rdatas(old), key.rdatas(new));
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

    fn restamp(&self, serial: i64) {
        let serial = serial as u32;
        {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            if state.serial == serial {
                return;
            }
            // Nothing was served yet: no secondary holds a serial that the
            // journal would have to lead from.
            state.serial = serial;
            state.journal = Journal::default();
        }
        self.serial.send_replace(serial);
    }

    fn load_blocks(&self, blocks: &[Block]) {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        for block in blocks {
            state.blocks.apply(None, Some(block));
        }
    }

    fn block(&self, serial: i64, before: Option<&Block>, after: Option<&Block>) {
        let to = serial as u32;
        {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            let prefixes: BTreeSet<&str> = (before.into_iter().chain(after))
                .map(|b| b.prefix_digits())
                .collect();
            let near = |state: &State| {
                let mut near = BTreeMap::new();
                for prefix in &prefixes {
                    near.extend(state.wildcards_near(prefix));
                }
                near
            };
            let was = near(&state);
            state.blocks.apply(before, after);
            let is = near(&state);
            let from = std::mem::replace(&mut state.serial, to);
            state.journal.record(from, to, wildcard_changes(was, is));
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
        state.blocks = BlockRecords::default();
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
            // The wildcards a number inside a block makes exist above it.
            let numbers: Vec<String> = (old.iter().chain(&new))
                .map(|(key, _)| key_digits(*key).map(char::from).collect())
                .collect();
            let near = |state: &State| {
                let mut near = BTreeMap::new();
                for digits in &numbers {
                    near.extend(state.wildcards_near(digits));
                }
                near
            };
            let wildcards_were = near(&state);
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
                let mut journaled: Vec<_> = changed
                    .into_iter()
                    .map(|(key, old, new)| (Owner::Number(key), old, new))
                    .collect();
                journaled.extend(wildcard_changes(wildcards_were, near(&state)));
                state.journal.record(from, to, journaled);
                (from != to).then_some(to)
            }
        };
        if let Some(serial) = moved {
            self.serial.send_replace(serial);
        }
    }
}
