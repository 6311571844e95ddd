//! The in-memory directory every read channel answers from.
//!
//! Readers never wait for the database and never block each other: lookups
//! go through sharded tables (see [`table`]), subjects are kept packed (see
//! [`packed`]) and unpacked for the reader who asked. Writers apply
//! change-log rows in serial order, one subject at a time (O(size of the
//! change)): a changed subject replaces the old one in its slot at once, so
//! a reader sees either the old or the new subject, never neither.
//!
//! This file holds the directory, its reads and how one change is applied;
//! [`load`] fills it from the store and catches up with the change log,
//! [`follow`] keeps it caught up while serving, [`standby`] measures how
//! far a hot standby it reads from is behind.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use arc_swap::ArcSwap;
use dashmap::DashMap;
use tokio::sync::{Mutex, watch};
use uuid::Uuid;

use crate::model::{Address, Block, Blocks, DomainProfile, Subject};
use crate::store::Change;

mod follow;
mod heartbeat;
mod load;
mod packed;
mod standby;
mod table;

pub use follow::{follow, follow_task};
pub use heartbeat::{default_replica_name, heartbeat};
pub use standby::{StandbyLag, watch_standby_lag};
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

    /// After the initial load's catch-up, before anything is served: the
    /// serial of the newest change now applied that alters the index, which
    /// the catch-up may not have moved to (changes the load already held
    /// alter nothing when applied again).
    fn restamp(&self, _serial: i64) {}

    /// A load failed part-way: forget what it delivered, so the next
    /// attempt starts from empty.
    fn reset(&self) {}

    /// Blocks of the initial load, before [`Index::loaded`].
    fn load_blocks(&self, _blocks: &[Block]) {}

    /// A block change, in serial order with subject changes.
    fn block(&self, _serial: i64, _before: Option<&Block>, _after: Option<&Block>) {}

    /// A change to something other than a subject (a token, a DNSSEC key),
    /// applied in serial order like the rest.
    fn other_change(&self, _change: &Change) {}
}

#[derive(Default)]
pub struct Directory {
    /// Every subject, found by id and by every address URI and acct id it
    /// owns. Privacy is applied on read by `model::project`, never baked in.
    subjects: Table,
    /// Every number block, whatever its privacy.
    blocks: std::sync::RwLock<Blocks>,
    /// How many subjects live in each domain.
    domains: DashMap<String, usize>,
    /// Domain profiles (defaults of a domain's WebFinger documents, XMPP
    /// endpoints), by domain: read by every WebFinger answer, changed
    /// rarely, so a whole new map is swapped in on each change.
    profiles: ArcSwap<HashMap<String, Arc<DomainProfile>>>,
    serial: AtomicI64,
    ready: AtomicBool,
    /// Set when the change log cannot be read (the database is down).
    degraded: AtomicBool,
    /// How far the hot standby read from is behind its primary, when one
    /// is and its last measure succeeded.
    standby_lag: std::sync::Mutex<Option<StandbyLag>>,
    /// Set when the last measure of that lag failed: the standby or the
    /// primary cannot be reached.
    standby_unreachable: AtomicBool,
    indexes: std::sync::RwLock<Vec<Arc<dyn Index>>>,
    apply_lock: Mutex<()>,
    changed: watch::Sender<i64>,
}

impl Directory {
    pub fn new() -> Arc<Directory> {
        Arc::new(Directory {
            blocks: std::sync::RwLock::new(Blocks::reversible()),
            ..Directory::default()
        })
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

    /// [`Directory::get`]; or for a `tel:` number inside a block, the
    /// subject it answers as ([`Block::subject_for`]); or for an address a
    /// block's template makes, its number's subject, when exactly one
    /// number makes it. No privacy applied.
    pub fn find(&self, key: &str) -> Option<Arc<Subject>> {
        if let Some(subject) = self.get(key) {
            return Some(subject);
        }
        if let Some(digits) = key.strip_prefix("tel:+") {
            return self.block_number(digits);
        }
        if !self.blocks.read().expect("blocks").reverses() {
            return None;
        }
        // Keys arrive canonical, or as given on a first try (WebFinger):
        // only a canonical one can be a template's address.
        let address = Address::parse(key, None)
            .ok()
            .filter(|a| a.as_str() == key)?;
        let candidates = self.blocks.read().expect("blocks").numbers_of(&address);
        let mut made = candidates
            .iter()
            .filter_map(|digits| self.block_number(digits))
            .filter(|s| s.addresses.iter().any(|a| a.uri.as_str() == key));
        let subject = made.next()?;
        // Two numbers making one address: it names neither.
        made.next().is_none().then_some(subject)
    }

    /// The subject the number `digits` answers as when no subject has it:
    /// its block's ([`Block::subject_for`]).
    fn block_number(&self, digits: &str) -> Option<Arc<Subject>> {
        if self.get(&format!("tel:+{digits}")).is_some() {
            // A published number wins over every block.
            return None;
        }
        let block = self.blocks.read().expect("blocks").around(digits)?.clone();
        let owner = block.owner.as_deref().and_then(|o| self.get(o));
        block.subject_for(digits, owner.as_deref()).map(Arc::new)
    }

    /// Apply a block change, here and in every index.
    fn apply_block(&self, serial: i64, before: Option<&Block>, after: Option<&Block>) {
        self.blocks.write().expect("blocks").apply(before, after);
        for index in self.indexes.read().expect("index list").iter() {
            index.block(serial, before, after);
        }
    }

    /// The profile of `domain` (canonical), if it has one.
    pub fn domain_profile(&self, domain: &str) -> Option<Arc<DomainProfile>> {
        self.profiles.load().get(domain).cloned()
    }

    /// Apply a domain profile change (under the apply lock: one writer).
    fn apply_domain(&self, before: Option<&DomainProfile>, after: Option<DomainProfile>) {
        let mut profiles = HashMap::clone(&self.profiles.load());
        match (after, before) {
            (Some(after), _) => {
                profiles.insert(after.domain.as_str().to_owned(), Arc::new(after));
            }
            (None, Some(before)) => {
                profiles.remove(before.domain.as_str());
            }
            (None, None) => return,
        }
        self.profiles.store(Arc::new(profiles));
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
    /// With a hot standby, also: could both servers be reached when its
    /// lag was last measured?
    pub fn is_degraded(&self) -> bool {
        self.degraded.load(Ordering::Acquire) || self.standby_unreachable.load(Ordering::Acquire)
    }

    /// Record whether the store could be read (and the metric saying so).
    fn set_degraded(&self, degraded: bool) {
        self.degraded.store(degraded, Ordering::Release);
        let degraded = self.is_degraded();
        metrics::gauge!("callsign_database_degraded").set(if degraded { 1.0 } else { 0.0 });
    }

    /// The last measure of the hot standby's lag (None: no standby, or
    /// it could not be measured).
    pub fn standby_lag(&self) -> Option<StandbyLag> {
        *self.standby_lag.lock().expect("standby lag")
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
        self.profiles.store(Arc::default());
        *self.blocks.write().expect("blocks") = Blocks::reversible();
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

    /// Subjects new to the directory, as [`Directory::insert`] one at a
    /// time: the initial load, a chunk at a time.
    fn insert_loaded(&self, subjects: &[Subject]) {
        let accts: Vec<String> = subjects.iter().map(Subject::acct).collect();
        let packed = subjects
            .iter()
            .zip(&accts)
            .map(|(subject, acct)| {
                let keys = std::iter::once(Key::Name(acct))
                    .chain(subject.addresses.iter().map(|a| Key::Name(a.uri.as_str())))
                    .collect();
                (packed::pack(subject), keys)
            })
            .collect();
        self.subjects.insert_many(packed);
        let mut domains: HashMap<&str, usize> = HashMap::new();
        for subject in subjects {
            *domains.entry(subject.domain.as_str()).or_default() += 1;
        }
        for (domain, n) in domains {
            match self.domains.get_mut(domain) {
                Some(mut count) => *count += n,
                None => *self.domains.entry(domain.to_owned()).or_insert(0) += n,
            }
        }
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
