//! Pre-signing: the RRSIG of every published number's NAPTR RRset made
//! ahead of the queries, in the background, so a signed answer at a
//! number costs what an unsigned one does plus a copy.
//!
//! Only the signature itself is kept (64 bytes with the time it was made):
//! the rest of the RRSIG follows from that time, the zone and its active
//! key. Signatures sit in one arena per signed zone, by the slot the index
//! gives each published number, in fixed chunks (no reallocation while
//! readers wait). They live under the index's lock, so the change that
//! alters a number's RRset clears its signature in the same write: an
//! answer never pairs a signature with another RRset than the one it
//! covers. A number without a current pre-made signature (changed since,
//! refused by a store check, or a new key not through yet) is signed at
//! answer time as before.
//!
//! One worker thread at low priority does the signing: a full pass after
//! the load, after a key change (the arena of another key is dropped at
//! once) and when the oldest signature reaches half its validity; between
//! passes, the numbers the directory changed.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::EnumIndex;
use super::answer::Responder;
use super::naptr::{Naptrs, NumberKey, key_digits};
use super::sign::{RrSet, SIGNATURE_LEN, Signer};
use super::wire;

/// Signatures per arena chunk (a chunk is 272 KiB).
const CHUNK: usize = 4096;
/// RRsets signed per round trip through the index's locks.
const BATCH: usize = 256;
/// Numbers looked at per read-lock hold while passing over the index.
const VISIT: usize = 4096;
/// Changed numbers remembered for the worker; past this, a full pass.
const MAX_CHANGED: usize = 100_000;
/// The longest the worker sleeps between looks at the clock (a wall
/// clock moved by hand is noticed within this).
const MAX_SLEEP: Duration = Duration::from_secs(3600);
/// The worker's nice value: answers come first.
const NICE: i32 = 19;

/// One pre-made signature: when it was made (0: none) and its bytes.
#[derive(Clone, Copy)]
pub struct Presigned {
    pub signed_at: u32,
    pub signature: [u8; SIGNATURE_LEN],
}

impl Presigned {
    const NONE: Presigned = Presigned {
        signed_at: 0,
        signature: [0; SIGNATURE_LEN],
    };

    fn is_some(&self) -> bool {
        self.signed_at != 0
    }
}

/// One signed zone's signatures, all by one key, by slot.
struct Arena {
    key: Uuid,
    chunks: Vec<Box<[Presigned]>>,
    count: usize,
}

impl Arena {
    fn new(key: Uuid) -> Arena {
        Arena {
            key,
            chunks: Vec::new(),
            count: 0,
        }
    }

    fn get(&self, slot: u32) -> Option<&Presigned> {
        let slot = slot as usize;
        let entry = self.chunks.get(slot / CHUNK)?.get(slot % CHUNK)?;
        entry.is_some().then_some(entry)
    }

    fn put(&mut self, slot: u32, entry: Presigned) {
        let slot = slot as usize;
        while self.chunks.len() <= slot / CHUNK {
            self.chunks
                .push(vec![Presigned::NONE; CHUNK].into_boxed_slice());
        }
        let at = &mut self.chunks[slot / CHUNK][slot % CHUNK];
        if !at.is_some() {
            self.count += 1;
        }
        *at = entry;
    }

    fn clear(&mut self, slot: u32) {
        let slot = slot as usize;
        if let Some(at) = self
            .chunks
            .get_mut(slot / CHUNK)
            .and_then(|c| c.get_mut(slot % CHUNK))
            && at.is_some()
        {
            *at = Presigned::NONE;
            self.count -= 1;
        }
    }
}

/// The pre-made signatures of every signed zone, by zone position (as in
/// `Zones::zones`) and slot.
#[derive(Default)]
pub struct Signatures {
    zones: Vec<Option<Arena>>,
}

impl Signatures {
    /// The signature at `slot` in `zone`, when one by `key` is there.
    pub fn get(&self, zone: usize, slot: u32, key: Uuid) -> Option<&Presigned> {
        let arena = self.zones.get(zone)?.as_ref()?;
        if arena.key != key {
            return None;
        }
        arena.get(slot)
    }

    /// The RRset of the number at `slot` changed (or it is gone).
    pub fn forget(&mut self, slot: u32) {
        for arena in self.zones.iter_mut().flatten() {
            arena.clear(slot);
        }
    }

    /// Every number changed (a reload).
    pub fn forget_all(&mut self) {
        for arena in self.zones.iter_mut().flatten() {
            *arena = Arena::new(arena.key);
        }
    }

    /// How many signatures by `key` `zone` holds.
    pub fn count(&self, zone: usize, key: Uuid) -> usize {
        match self.zones.get(zone) {
            Some(Some(arena)) if arena.key == key => arena.count,
            _ => 0,
        }
    }

    /// Keep each zone's arena for the key that signs it now (`keys`, by
    /// zone position); another key's goes. True when any went.
    fn follow(&mut self, keys: &[Option<Uuid>]) -> bool {
        self.zones.resize_with(keys.len(), || None);
        let mut dropped = false;
        for (arena, key) in self.zones.iter_mut().zip(keys) {
            match (arena.as_ref(), key) {
                (Some(a), Some(k)) if a.key == *k => {}
                (None, None) => {}
                (_, key) => {
                    dropped |= arena.is_some();
                    *arena = key.map(Arena::new);
                }
            }
        }
        dropped
    }

    fn put(&mut self, zone: usize, slot: u32, key: Uuid, entry: Presigned) {
        if let Some(Some(arena)) = self.zones.get_mut(zone)
            && arena.key == key
        {
            arena.put(slot, entry);
        }
    }
}

/// What the directory changed since the worker last looked, and the
/// worker's wake-up.
#[derive(Default)]
pub struct Changes {
    pending: Mutex<Pending>,
    wake: Condvar,
}

#[derive(Default)]
struct Pending {
    /// A worker runs: remember changes for it.
    enabled: bool,
    numbers: Vec<NumberKey>,
    /// Look at every number (a load, a reload, a key change).
    pass: bool,
    stop: bool,
}

/// What woke the worker.
struct Work {
    numbers: Vec<NumberKey>,
    pass: bool,
}

impl Changes {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// These numbers' records changed.
    pub fn numbers(&self, keys: impl IntoIterator<Item = NumberKey>) {
        let mut pending = self.lock();
        if !pending.enabled || pending.pass {
            return;
        }
        pending.numbers.extend(keys);
        if pending.numbers.len() > MAX_CHANGED {
            pending.numbers = Vec::new();
            pending.pass = true;
        }
        self.wake.notify_one();
    }

    /// Every number may need signing (loaded, reloaded, keys changed).
    pub fn everything(&self) {
        let mut pending = self.lock();
        pending.numbers = Vec::new();
        pending.pass = true;
        self.wake.notify_one();
    }

    pub fn stop(&self) {
        self.lock().stop = true;
        self.wake.notify_one();
    }

    fn start(&self) {
        let mut pending = self.lock();
        pending.enabled = true;
        pending.stop = false;
        pending.pass = true;
    }

    fn stopped(&self) -> bool {
        self.lock().stop
    }

    /// The changes so far, taken; the worker stays on its pass.
    fn take_numbers(&self) -> Vec<NumberKey> {
        std::mem::take(&mut self.lock().numbers)
    }

    /// Until there is work, or `deadline`; None once stopped.
    fn wait(&self, deadline: Instant) -> Option<Work> {
        let mut pending = self.lock();
        loop {
            if pending.stop {
                pending.enabled = false;
                return None;
            }
            let now = Instant::now();
            if pending.pass || !pending.numbers.is_empty() || now >= deadline {
                return Some(Work {
                    numbers: std::mem::take(&mut pending.numbers),
                    pass: std::mem::take(&mut pending.pass) || now >= deadline,
                });
            }
            pending = self
                .wake
                .wait_timeout(pending, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// How far pre-signing is: RRsets with a current signature by the active
/// key, and published numbers of signed zones still without one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub presigned: usize,
    pub pending: usize,
}

/// [`Progress`] now.
pub fn progress(index: &EnumIndex, responder: &Responder) -> Progress {
    let signers = responder.signers.load();
    let state = index.read();
    let mut progress = Progress::default();
    for (zone, signer) in signers.iter().enumerate() {
        if let Some(signer) = signer {
            let done = state.presigned.count(zone, signer.active_key());
            progress.presigned += done;
            progress.pending += state.len().saturating_sub(done);
        }
    }
    progress
}

/// The worker: runs until [`Changes::stop`].
pub fn run(index: Arc<EnumIndex>, responder: Arc<Responder>) {
    lower_priority();
    index.changes.start();
    let mut next_pass = Instant::now();
    while let Some(work) = index.changes.wait(next_pass) {
        let signers = responder.signers.load_full();
        let dropped = follow(&index, &signers);
        let round = Round {
            index: &index,
            responder: &responder,
            signers: &signers,
        };
        round.sign_numbers(&work.numbers);
        if work.pass || dropped {
            next_pass = match round.pass() {
                Some(due) => due.min(Instant::now() + MAX_SLEEP),
                // Interrupted (new keys, or stopping): the loop says which.
                None => Instant::now(),
            };
        }
        publish(&round.progress());
    }
}

/// One full pass now, on the caller's thread (tests, the fuzz fixture).
pub fn sign_all(index: &EnumIndex, responder: &Responder) {
    let signers = responder.signers.load_full();
    follow(index, &signers);
    let round = Round {
        index,
        responder,
        signers: &signers,
    };
    round.sign_numbers(&index.changes.take_numbers());
    round.pass();
}

/// Arenas for the keys `signers` sign with; true when another key's went.
fn follow(index: &EnumIndex, signers: &[Option<Arc<Signer>>]) -> bool {
    let keys: Vec<Option<Uuid>> = signers
        .iter()
        .map(|s| s.as_ref().map(|s| s.active_key()))
        .collect();
    index.write().presigned.follow(&keys)
}

fn publish(progress: &Progress) {
    metrics::gauge!("callsign_dnssec_presigned").set(progress.presigned as f64);
    metrics::gauge!("callsign_dnssec_presign_pending").set(progress.pending as f64);
}

/// Best effort: on Linux a nice value is per thread, so this one only.
fn lower_priority() {
    if let Err(e) = rustix::process::setpriority_process(None, NICE) {
        tracing::debug!(error = %e, "could not lower the pre-signing thread's priority");
    }
}

/// One RRset to sign: a number's NAPTRs in one zone, as they were read.
struct Task {
    zone: usize,
    key: NumberKey,
    slot: u32,
    naptrs: Naptrs,
}

/// The worker's view while the signers stay the same.
struct Round<'a> {
    index: &'a EnumIndex,
    responder: &'a Responder,
    signers: &'a Arc<Vec<Option<Arc<Signer>>>>,
}

impl Round<'_> {
    /// Still the signers this round began with?
    fn current(&self) -> bool {
        Arc::ptr_eq(&self.responder.signers.load(), self.signers)
    }

    fn progress(&self) -> Progress {
        progress(self.index, self.responder)
    }

    /// The tasks of `key` in each signed zone, when due. `oldest` learns
    /// when the ones kept were made.
    fn tasks_of(
        &self,
        state: &super::index::State,
        key: NumberKey,
        now: u32,
        oldest: &mut Option<u32>,
        tasks: &mut Vec<Task>,
    ) {
        let Some(published) = state.published(key) else {
            return;
        };
        for (zone, signer) in self.signers.iter().enumerate() {
            let Some(signer) = signer else { continue };
            match state
                .presigned
                .get(zone, published.slot, signer.active_key())
            {
                Some(p) if !signer.presigned_due(p.signed_at, now) => {
                    let age = now.wrapping_sub(p.signed_at);
                    let oldest_age = oldest.map_or(0, |o| now.wrapping_sub(o));
                    if oldest.is_none() || age > oldest_age {
                        *oldest = Some(p.signed_at);
                    }
                }
                _ => tasks.push(Task {
                    zone,
                    key,
                    slot: published.slot,
                    naptrs: published.naptrs.clone(),
                }),
            }
        }
    }

    /// Sign the numbers the directory changed.
    fn sign_numbers(&self, numbers: &[NumberKey]) {
        for chunk in numbers.chunks(BATCH) {
            let now = super::sign::now();
            let mut tasks = Vec::new();
            {
                let state = self.index.read();
                for key in chunk {
                    self.tasks_of(&state, *key, now, &mut None, &mut tasks);
                }
            }
            self.sign(tasks, now);
        }
    }

    /// Look at every number, signing what has no current signature. When
    /// the oldest signature kept or made is due again; None when cut short.
    fn pass(&self) -> Option<Instant> {
        let started = super::sign::now();
        let mut oldest = None;
        let mut from = None;
        loop {
            if !self.current() || self.index.changes.stopped() {
                return None;
            }
            let changed = self.index.changes.take_numbers();
            self.sign_numbers(&changed);
            let now = super::sign::now();
            let mut tasks = Vec::new();
            let mut last = None;
            {
                let state = self.index.read();
                for key in state.keys_after(from).take(VISIT) {
                    last = Some(key);
                    self.tasks_of(&state, key, now, &mut oldest, &mut tasks);
                    if tasks.len() >= BATCH {
                        break;
                    }
                }
            }
            if !tasks.is_empty() {
                oldest.get_or_insert(now);
            }
            self.sign(tasks, now);
            publish(&self.progress());
            match last {
                Some(key) => from = Some(key),
                None => break,
            }
        }
        let refresh = self
            .signers
            .iter()
            .flatten()
            .map(|s| s.refresh_after())
            .min()?;
        let made = oldest.unwrap_or(started);
        let due_in = made.wrapping_add(refresh).wrapping_sub(super::sign::now()) as i32;
        Some(Instant::now() + Duration::from_secs(due_in.max(1) as u64))
    }

    /// Sign `tasks` outside any lock, then keep each signature whose
    /// number still holds the RRset it covers.
    fn sign(&self, tasks: Vec<Task>, now: u32) {
        if tasks.is_empty() {
            return;
        }
        let zones = &self.responder.zones;
        let ttl = zones.ttl;
        let mut made = Vec::with_capacity(tasks.len());
        for task in tasks {
            let Some(signer) = self.signers.get(task.zone).and_then(Option::as_ref) else {
                continue;
            };
            let owner = number_owner(task.key, &zones.zones[task.zone].apex);
            let rdatas: Vec<Vec<u8>> = task.naptrs.iter(task.key).map(|n| n.to_vec()).collect();
            if rdatas.is_empty() {
                continue;
            }
            let set = RrSet::new(&owner, wire::TYPE_NAPTR, ttl, rdatas);
            if let Some(signature) = signer.presign(set, now) {
                let entry = Presigned {
                    signed_at: now,
                    signature,
                };
                made.push((task, signer.active_key(), entry));
            }
        }
        let mut state = self.index.write();
        for (task, key, entry) in made {
            let current = state
                .published(task.key)
                .is_some_and(|p| p.slot == task.slot && p.naptrs == task.naptrs);
            if current {
                state.presigned.put(task.zone, task.slot, key, entry);
            }
        }
    }
}

/// A number's name in a zone (wire form): one label per digit, least
/// significant first, then the apex.
fn number_owner(key: NumberKey, apex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = key_digits(key).collect();
    let mut owner = Vec::with_capacity(2 * digits.len() + apex.len());
    for d in digits.iter().rev() {
        owner.extend_from_slice(&[1, *d]);
    }
    owner.extend_from_slice(apex);
    owner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arena_counts_what_it_holds_and_forgets_by_slot() {
        let (k1, k2) = (Uuid::now_v7(), Uuid::now_v7());
        let mut sigs = Signatures::default();
        assert!(!sigs.follow(&[Some(k1), None]));
        let entry = |at| Presigned {
            signed_at: at,
            signature: [7; SIGNATURE_LEN],
        };
        sigs.put(0, 5, k1, entry(100));
        sigs.put(0, 9000, k1, entry(101));
        sigs.put(0, 5, k1, entry(102));
        // Another key's signature, or a zone not signed, keeps nothing.
        sigs.put(0, 6, k2, entry(100));
        sigs.put(1, 6, k1, entry(100));
        assert_eq!(sigs.count(0, k1), 2);
        assert_eq!(sigs.get(0, 5, k1).map(|p| p.signed_at), Some(102));
        assert!(sigs.get(0, 5, k2).is_none());
        assert!(sigs.get(0, 6, k1).is_none());
        assert!(sigs.get(1, 6, k1).is_none());

        sigs.forget(5);
        sigs.forget(5);
        assert!(sigs.get(0, 5, k1).is_none());
        assert_eq!(sigs.count(0, k1), 1);

        // A new key: the old key's signatures go at once.
        assert!(sigs.follow(&[Some(k2), None]));
        assert!(sigs.get(0, 9000, k1).is_none());
        assert_eq!(sigs.count(0, k2), 0);
    }

    /// Answers over the responder, checked against the key's DNSKEY: the
    /// NAPTRs of a number and whether their RRSIG verifies over them.
    mod answers {
        use std::net::{IpAddr, Ipv4Addr};

        use hickory_proto::dnssec::Verifier;
        use hickory_proto::dnssec::rdata::DNSSECRData;
        use hickory_proto::op::{Edns, Message, Query};
        use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};

        use std::sync::atomic::{AtomicU64, Ordering};

        use super::super::super::answer::Transport;
        use super::super::super::keys::{ZoneKey, ZoneKeys, generate};
        use super::super::super::tsig::Keyring;
        use super::super::super::zone::Zones;
        use super::super::*;
        use crate::config::DnsConfig;
        use crate::directory::Index;
        use crate::model::{Subject, SubjectInput};
        use crate::store::DnssecKey;

        const NUMBER: &str = "0.0.1.0.5.5.5.2.1.2.1.e164.arpa.";

        fn alice(addresses: &[&str]) -> Subject {
            let mut list = vec![serde_json::json!({"uri": "tel:+12125550100"})];
            list.extend(addresses.iter().map(|a| serde_json::json!({"uri": a})));
            let input: SubjectInput = serde_json::from_value(serde_json::json!({
                "handle": "alice", "domain": "example.com", "addresses": list
            }))
            .unwrap();
            input.into_subject(chrono::Utc::now()).unwrap()
        }

        fn responder(index: &Arc<EnumIndex>) -> Responder {
            Responder::new(
                Zones::new(&DnsConfig::default()).unwrap(),
                Arc::clone(index),
                "127.0.0.0/8".parse().unwrap(),
                Keyring::new(&Vec::new().into()).unwrap(),
                None,
            )
        }

        fn sign_with(responder: &Responder, stored: &DnssecKey, made: &Arc<AtomicU64>) {
            let keys = ZoneKeys::at(std::slice::from_ref(stored), chrono::Utc::now()).unwrap();
            let signer = Signer::new(keys, Duration::from_secs(86_400), 100)
                .unwrap()
                .unwrap()
                .counting_into(made.clone());
            responder
                .signers
                .store(Arc::new(vec![Some(Arc::new(signer))]));
        }

        /// The URIs answered at NUMBER (with DO), after checking that one
        /// RRSIG by `stored` covers exactly them.
        fn verified_uris(responder: &Responder, stored: &DnssecKey) -> Vec<String> {
            let mut query = Message::query();
            query.add_query(Query::query(
                Name::from_ascii(NUMBER).unwrap(),
                RecordType::NAPTR,
            ));
            let mut edns = Edns::new();
            edns.set_max_payload(1232);
            edns.set_dnssec_ok(true);
            query.set_edns(edns);
            let mut out = Vec::new();
            let peer = IpAddr::V4(Ipv4Addr::LOCALHOST);
            responder.respond(&query.to_vec().unwrap(), peer, Transport::Udp, &mut out);
            let answer = Message::from_vec(&out).unwrap();
            let naptrs: Vec<&Record> = (answer.answers.iter())
                .filter(|r| r.record_type() == RecordType::NAPTR)
                .collect();
            let rrsigs: Vec<_> = (answer.answers.iter())
                .filter_map(|r| match &r.data {
                    RData::DNSSEC(DNSSECRData::RRSIG(sig)) => Some(sig),
                    _ => None,
                })
                .collect();
            assert_eq!(rrsigs.len(), 1, "{answer}");
            let key = ZoneKey::new(stored).unwrap();
            assert_eq!(rrsigs[0].input().key_tag, key.key_tag);
            let owner = Name::from_ascii(NUMBER).unwrap();
            key.dnskey
                .verify_rrsig(&owner, DNSClass::IN, rrsigs[0], naptrs.iter().copied())
                .expect("the RRSIG covers the NAPTRs answered");
            let mut uris: Vec<String> = (naptrs.iter())
                .filter_map(|r| match &r.data {
                    RData::NAPTR(n) => Some(String::from_utf8_lossy(&n.regexp).into_owned()),
                    _ => None,
                })
                .collect();
            uris.sort();
            uris
        }

        #[test]
        fn presigned_answers_verify_and_a_change_is_signed_over_its_new_records() {
            let index = EnumIndex::new();
            let first = alice(&["sip:alice@example.com"]);
            index.load(1, std::slice::from_ref(&first));
            index.loaded(1);
            let responder = responder(&index);
            let key = generate("e164.arpa", 13).unwrap();
            let made = Arc::default();
            sign_with(&responder, &key, &made);

            // Before pre-signing: signed at answer time.
            let before = verified_uris(&responder, &key);
            assert_eq!(made.load(Ordering::Relaxed), 1);
            assert_eq!(
                progress(&index, &responder),
                Progress {
                    presigned: 0,
                    pending: 1
                }
            );
            sign_all(&index, &responder);
            assert_eq!(
                progress(&index, &responder),
                Progress {
                    presigned: 1,
                    pending: 0
                }
            );
            for _ in 0..3 {
                assert_eq!(verified_uris(&responder, &key), before);
            }
            assert_eq!(
                made.load(Ordering::Relaxed),
                1,
                "answered from the pre-made signature"
            );

            // A change: the old signature is gone with the old records, and
            // the next answer is signed over the new ones.
            let second = alice(&["sip:alice@example.com", "xmpp:alice@example.com"]);
            index.apply(2, Some(&first), Some(&second));
            assert_eq!(progress(&index, &responder).pending, 1);
            let after = verified_uris(&responder, &key);
            assert_eq!(after.len(), before.len() + 1, "{after:?}");
            assert_eq!(made.load(Ordering::Relaxed), 2);
            sign_all(&index, &responder);
            assert_eq!(progress(&index, &responder).pending, 0);
            assert_eq!(verified_uris(&responder, &key), after);
            assert_eq!(made.load(Ordering::Relaxed), 2);

            // Gone: nothing kept for it; back: signed afresh.
            index.apply(3, Some(&second), None);
            assert_eq!(progress(&index, &responder), Progress::default());
            index.apply(4, None, Some(&first));
            assert_eq!(progress(&index, &responder).pending, 1);
        }

        #[test]
        fn a_new_key_drops_the_old_keys_signatures_and_signs_again() {
            let index = EnumIndex::new();
            index.load(1, &[alice(&["sip:alice@example.com"])]);
            index.loaded(1);
            let responder = responder(&index);
            let old = generate("e164.arpa", 13).unwrap();
            let made = Arc::default();
            sign_with(&responder, &old, &made);
            sign_all(&index, &responder);
            verified_uris(&responder, &old);
            assert_eq!(made.load(Ordering::Relaxed), 0);

            let new = generate("e164.arpa", 15).unwrap();
            sign_with(&responder, &new, &made);
            assert_eq!(progress(&index, &responder).pending, 1);
            verified_uris(&responder, &new);
            assert_eq!(
                made.load(Ordering::Relaxed),
                1,
                "signed at answer time meanwhile"
            );
            sign_all(&index, &responder);
            assert_eq!(progress(&index, &responder).pending, 0);
            verified_uris(&responder, &new);
            assert_eq!(made.load(Ordering::Relaxed), 1);
        }
    }

    #[test]
    fn a_number_owner_is_its_digits_reversed_above_the_apex() {
        let key = super::super::naptr::number_key(b"4930").unwrap();
        assert_eq!(
            number_owner(key, b"\x04e164\x04arpa\x00"),
            b"\x010\x013\x019\x014\x04e164\x04arpa\x00"
        );
    }
}
