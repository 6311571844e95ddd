//! Online signing: RRSIGs made at answer time over the RRsets an answer
//! holds, and the compact denial of RFC 9824 (one NSEC at the query name,
//! whose next name is its immediate successor), so no answer names any
//! other name of the zone.
//!
//! A number's NAPTR RRset is normally answered with a signature made ahead
//! (`presign`); everything else, and a number whose pre-made signature is
//! missing, is signed here at answer time. Those signatures are cached by
//! owner and type together with a digest of the RRset they cover: a change
//! to the RRset (a write through the API, a new serial in the SOA) makes
//! the digest differ, so the next answer signs again, whichever order
//! readers and writers ran in. A signature is made again once half its
//! validity has passed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hickory_proto::serialize::binary::BinEncodable;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::keys::{ZoneKey, ZoneKeys};
use super::wire;
use crate::store::dnssec::KeyState;

pub const TYPE_RRSIG: u16 = 46;
pub const TYPE_NSEC: u16 = 47;
pub const TYPE_DNSKEY: u16 = 48;
pub const TYPE_CDS: u16 = 59;
pub const TYPE_CDNSKEY: u16 = 60;
/// RFC 9824: in a compact denial's bitmap, "this name does not exist".
pub const TYPE_NXNAME: u16 = 128;

/// Bytes of one signature by either algorithm (13: P-256 r and s; 15: Ed25519).
pub const SIGNATURE_LEN: usize = 64;

/// Signatures start this long in the past, for resolvers whose clocks lag.
const INCEPTION_SKEW: u32 = 3600;

/// A zone's signer: its keys, the records publishing them, and the cache.
///
/// During a key roll (RFC 7583 §3.3.1, pre-publication) DNSKEY holds every
/// key not yet removed; the active key signs every RRset, and the apex's
/// key RRsets are signed by the retired key as well, so a resolver whose
/// trust anchor (or parent DS) still names it follows the chain to the new
/// key.
pub struct Signer {
    /// Signs every RRset; CDS and CDNSKEY name it.
    active: ZoneKey,
    /// Replaced but still published: they sign the key RRsets only.
    retired: Vec<ZoneKey>,
    /// DNSKEY rdata of every published key.
    dnskeys: Vec<Vec<u8>>,
    /// The apex in wire form, lowercase: the RRSIG signer name.
    apex: Box<[u8]>,
    /// CDS rdata (the DS for the parent).
    cds: Box<[u8]>,
    validity: u32,
    cache: moka::sync::Cache<CacheKey, Arc<Cached>>,
    /// Signatures made at answer time (shared by a zone's successive
    /// signers, see [`Signer::counting_into`]).
    made: Arc<AtomicU64>,
}

/// A signature's owner, type and signing key (0: the active one, then the
/// retired ones).
type CacheKey = (Box<[u8]>, u16, u8);

struct Cached {
    digest: [u8; 32],
    refresh_at: u32,
    rrsig: Box<[u8]>,
}

/// One RRset to sign: its owner (wire, any case, no pointers), type, TTL
/// and rdatas in canonical form.
pub struct RrSet<'a> {
    pub owner: &'a [u8],
    pub rtype: u16,
    pub ttl: u32,
    pub rdatas: Vec<Vec<u8>>,
}

impl<'a> RrSet<'a> {
    pub fn new(owner: &'a [u8], rtype: u16, ttl: u32, rdatas: Vec<Vec<u8>>) -> RrSet<'a> {
        RrSet {
            owner,
            rtype,
            ttl,
            rdatas,
        }
    }
}

impl Signer {
    /// The rdatas of the apex's DNSKEY, CDNSKEY or CDS RRset.
    pub fn records(&self, rtype: u16) -> Vec<Vec<u8>> {
        match rtype {
            TYPE_DNSKEY => self.dnskeys.clone(),
            TYPE_CDNSKEY => vec![self.active.dnskey_rdata.to_vec()],
            TYPE_CDS => vec![self.cds.to_vec()],
            _ => Vec::new(),
        }
    }

    /// A signer for `keys`; None when none of them is active yet.
    pub fn new(
        keys: ZoneKeys,
        validity: Duration,
        cache_entries: u64,
    ) -> anyhow::Result<Option<Signer>> {
        let dnskeys = keys
            .keys
            .iter()
            .map(|(k, _)| k.dnskey_rdata.to_vec())
            .collect();
        let mut active = None;
        let mut retired = Vec::new();
        for (key, state) in keys.keys {
            match state {
                KeyState::Active => active = Some(key),
                KeyState::Retired => retired.push(key),
                KeyState::Published | KeyState::Removed => {}
            }
        }
        let Some(active) = active else {
            return Ok(None);
        };
        let apex = lowercase(&active.apex.to_lowercase().to_bytes()?);
        let cds = active.cds_rdata()?.into();
        Ok(Some(Signer {
            active,
            retired,
            dnskeys,
            apex: apex.into(),
            cds,
            validity: validity
                .as_secs()
                .clamp(2 * INCEPTION_SKEW as u64, u32::MAX as u64) as u32,
            cache: moka::sync::Cache::new(cache_entries),
            made: Arc::default(),
        }))
    }

    /// The RRSIG rdatas over `set`, from the cache when they still cover
    /// it: by the active key, and for the apex's key RRsets by the retired
    /// keys too.
    pub fn rrsigs(&self, mut set: RrSet<'_>) -> Vec<Arc<[u8]>> {
        let owner = lowercase(set.owner);
        set.rdatas.sort();
        set.rdatas.dedup();
        let keys = match set.rtype {
            TYPE_DNSKEY | TYPE_CDS | TYPE_CDNSKEY if *owner == *self.apex => 1 + self.retired.len(),
            _ => 1,
        };
        let digest = digest(&owner, &set);
        let owner: Box<[u8]> = owner.into();
        (0..keys)
            .filter_map(|i| self.rrsig_by(i as u8, &owner, &set, &digest))
            .collect()
    }

    /// The RRSIG by key `index` (0: active, then the retired ones).
    fn rrsig_by(
        &self,
        index: u8,
        owner: &[u8],
        set: &RrSet<'_>,
        digest: &[u8; 32],
    ) -> Option<Arc<[u8]>> {
        let now = now();
        let cache_key = (owner.into(), set.rtype, index);
        if let Some(hit) = self.cache.get(&cache_key)
            && hit.digest == *digest
            && now < hit.refresh_at
        {
            return Some(hit.rrsig.clone().into());
        }
        let key = match index {
            0 => &self.active,
            i => &self.retired[i as usize - 1],
        };
        let rrsig = self.make_rrsig(key, owner, set, now)?;
        self.cache.insert(
            cache_key,
            Arc::new(Cached {
                digest: *digest,
                refresh_at: now.wrapping_add(self.validity / 2),
                rrsig: rrsig.clone(),
            }),
        );
        Some(rrsig.into())
    }

    /// RFC 4034 §3.1.8.1: the signature covers the RRSIG rdata without its
    /// signature, then every record in canonical form and order.
    fn make_rrsig(
        &self,
        key: &ZoneKey,
        owner: &[u8],
        set: &RrSet<'_>,
        now: u32,
    ) -> Option<Box<[u8]>> {
        let mut rdata = Vec::with_capacity(18 + self.apex.len() + SIGNATURE_LEN);
        self.put_rrsig_head(&mut rdata, key, set.rtype, label_count(owner), set.ttl, now);
        // Counted per signature made at answer time, not per answer: the
        // cache's misses (pre-signing counts apart).
        metrics::counter!("callsign_dnssec_signatures_total").increment(1);
        self.made.fetch_add(1, Ordering::Relaxed);
        let signature = sign_logged(key, signed_data(&rdata, owner, set))?;
        rdata.extend_from_slice(&signature);
        Some(rdata.into())
    }

    /// The RRSIG rdata up to its signature (RFC 4034 §3.1), for a
    /// signature made at `now`.
    fn put_rrsig_head(
        &self,
        out: &mut Vec<u8>,
        key: &ZoneKey,
        rtype: u16,
        labels: u8,
        ttl: u32,
        now: u32,
    ) {
        out.extend_from_slice(&rtype.to_be_bytes());
        out.push(key.algorithm());
        out.push(labels);
        out.extend_from_slice(&ttl.to_be_bytes());
        out.extend_from_slice(&now.wrapping_add(self.validity).to_be_bytes());
        out.extend_from_slice(&now.wrapping_sub(INCEPTION_SKEW).to_be_bytes());
        out.extend_from_slice(&key.key_tag.to_be_bytes());
        out.extend_from_slice(&self.apex);
    }

    /// The key whose signatures answers carry (its stored id): pre-made
    /// signatures by another key are not used.
    pub fn active_key(&self) -> Uuid {
        self.active.stored().id
    }

    /// The active key's signature over `set` made at `now`, for
    /// [`Signer::put_presigned`] to answer with later: the signature alone,
    /// the rest of the RRSIG follows from `now` and the zone.
    pub fn presign(&self, mut set: RrSet<'_>, now: u32) -> Option<[u8; SIGNATURE_LEN]> {
        let owner = lowercase(set.owner);
        set.rdatas.sort();
        set.rdatas.dedup();
        let mut head = Vec::with_capacity(18 + self.apex.len());
        let key = &self.active;
        self.put_rrsig_head(&mut head, key, set.rtype, label_count(&owner), set.ttl, now);
        let signature = sign_logged(key, signed_data(&head, &owner, &set))?;
        // Both algorithms make 64 bytes (P-256 r and s, Ed25519).
        signature.try_into().ok()
    }

    /// Can a signature made at `signed_at` still be answered with? Until
    /// three quarters of its validity have passed (pre-signing makes it
    /// again at half), and not before its inception.
    pub fn presigned_usable(&self, signed_at: u32, now: u32) -> bool {
        // RFC 4034 §3.1.5 serial arithmetic: the difference as signed.
        let age = i64::from(now.wrapping_sub(signed_at) as i32);
        age > -i64::from(INCEPTION_SKEW) && age < i64::from(self.validity / 4 * 3)
    }

    /// Is a signature made at `signed_at` due to be made again (half its
    /// validity passed)?
    pub fn presigned_due(&self, signed_at: u32, now: u32) -> bool {
        let age = i64::from(now.wrapping_sub(signed_at) as i32);
        age < -i64::from(INCEPTION_SKEW) || age >= i64::from(self.validity / 2)
    }

    /// Seconds from a signature's making until it is due again.
    pub fn refresh_after(&self) -> u32 {
        self.validity / 2
    }

    /// Write the RRSIG record over the `rtype` RRset at `owner` (a
    /// compression pointer) whose signature by the active key was made at
    /// `signed_at`: what [`Signer::presign`] signed, byte for byte. `qname`
    /// gives the label count.
    #[allow(clippy::too_many_arguments)]
    pub fn put_presigned(
        &self,
        out: &mut Vec<u8>,
        owner: u16,
        qname: &[u8],
        rtype: u16,
        ttl: u32,
        signed_at: u32,
        signature: &[u8; SIGNATURE_LEN],
    ) {
        let len = 18 + self.apex.len() + SIGNATURE_LEN;
        wire::put_rr_header(out, owner, TYPE_RRSIG, ttl, len);
        let labels = label_count(qname);
        self.put_rrsig_head(out, &self.active, rtype, labels, ttl, signed_at);
        out.extend_from_slice(signature);
    }

    /// Count the signatures made at answer time in `made`.
    pub fn counting_into(mut self, made: Arc<AtomicU64>) -> Signer {
        self.made = made;
        self
    }
}

/// What an RRSIG signs: its rdata up to the signature (`head`), then
/// every record of `set` in canonical form and order.
fn signed_data(head: &[u8], owner: &[u8], set: &RrSet<'_>) -> Vec<u8> {
    let records: usize = set.rdatas.iter().map(|r| owner.len() + 10 + r.len()).sum();
    let mut signed = Vec::with_capacity(head.len() + records);
    signed.extend_from_slice(head);
    for r in &set.rdatas {
        signed.extend_from_slice(owner);
        signed.extend_from_slice(&set.rtype.to_be_bytes());
        signed.extend_from_slice(&wire::CLASS_IN.to_be_bytes());
        signed.extend_from_slice(&set.ttl.to_be_bytes());
        signed.extend_from_slice(&(r.len() as u16).to_be_bytes());
        signed.extend_from_slice(r);
    }
    signed
}

fn sign_logged(key: &ZoneKey, data: Vec<u8>) -> Option<Vec<u8>> {
    key.sign(data)
        .inspect_err(|e| tracing::error!(error = %format!("{e:#}"), "DNSSEC signing failed"))
        .ok()
}

/// The NSEC rdata of a compact denial at `owner` (wire, any case): next
/// name `\000.owner`, and a bitmap of `types` (plus RRSIG and NSEC, which
/// every signed name has). None when the successor would be too long.
pub fn compact_nsec(owner: &[u8], types: &[u16]) -> Option<Vec<u8>> {
    if owner.len() + 2 > 255 {
        return None;
    }
    let mut rdata = vec![1, 0];
    rdata.extend_from_slice(&lowercase(owner));
    let mut all = types.to_vec();
    all.extend([TYPE_RRSIG, TYPE_NSEC]);
    rdata.extend_from_slice(&type_bitmap(&all));
    Some(rdata)
}

/// RFC 4034 §4.1.2, for types below 256 (one window), as here.
fn type_bitmap(types: &[u16]) -> Vec<u8> {
    let mut bits = [0u8; 32];
    for t in types.iter().filter(|t| **t < 256) {
        bits[*t as usize / 8] |= 0x80 >> (t % 8);
    }
    let used = bits.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    let mut out = vec![0, used as u8];
    out.extend_from_slice(&bits[..used]);
    out
}

/// RFC 4034 §6.2: names in their canonical, lowercase form. Length bytes
/// (below 64) are untouched by ASCII lowercasing.
pub fn lowercase(name: &[u8]) -> Vec<u8> {
    name.to_ascii_lowercase()
}

/// Labels of a wire name, root excluded (the RRSIG labels field).
fn label_count(name: &[u8]) -> u8 {
    let mut starts = [0usize; 128];
    wire::label_starts(name, &mut starts) as u8
}

fn digest(owner: &[u8], set: &RrSet<'_>) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(owner);
    hash.update(set.rtype.to_be_bytes());
    hash.update(set.ttl.to_be_bytes());
    for r in &set.rdatas {
        hash.update((r.len() as u16).to_be_bytes());
        hash.update(r);
    }
    hash.finalize().into()
}

pub fn now() -> u32 {
    // RFC 4034 §3.1.5: serial arithmetic on 32 bits, so the wrap is fine.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bitmap_of_a_missing_name_has_nxname_rrsig_and_nsec() {
        let rdata = compact_nsec(b"\x011\x04E164\x04arpa\x00", &[TYPE_NXNAME]).unwrap();
        let (next, bitmap) = rdata.split_at(2 + 13);
        assert_eq!(next, b"\x01\x00\x011\x04e164\x04arpa\x00");
        // Window 0, 17 bytes: RRSIG (46) and NSEC (47) in byte 5, NXNAME (128) in byte 16.
        let mut expected = vec![0, 17];
        expected.extend_from_slice(&[0, 0, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);
        assert_eq!(bitmap, expected);
    }

    #[test]
    fn signatures_are_cached_until_the_rrset_changes() {
        let stored = super::super::keys::generate("e164.arpa", 13).unwrap();
        let keys = ZoneKeys::at(&[stored], chrono::Utc::now()).unwrap();
        let signer = Signer::new(keys, Duration::from_secs(86_400), 100)
            .unwrap()
            .unwrap();
        let set = |rdata: &[u8]| RrSet {
            owner: b"\x011\x04E164\x04arpa\x00",
            rtype: wire::TYPE_NAPTR,
            ttl: 60,
            rdatas: vec![rdata.to_vec()],
        };
        let first = signer.rrsigs(set(b"a"));
        assert_eq!(first.len(), 1);
        assert_eq!(signer.rrsigs(set(b"a")), first, "cached");
        assert_ne!(signer.rrsigs(set(b"b")), first, "signed again");
    }

    #[test]
    fn during_a_roll_dnskey_lists_every_key_and_the_retired_one_signs_it_too() {
        use chrono::{TimeDelta, Utc};
        let t0 = Utc::now();
        let mut old = super::super::keys::generate("e164.arpa", 13).unwrap();
        old.removed_at = Some(t0 + TimeDelta::seconds(20));
        let mut new = super::super::keys::generate("e164.arpa", 13).unwrap();
        new.active_at = t0 + TimeDelta::seconds(10);
        let stored = [old, new];
        let signer_at = |at| {
            let keys = ZoneKeys::at(&stored, at).unwrap();
            Signer::new(keys, Duration::from_secs(86_400), 100)
                .unwrap()
                .unwrap()
        };
        let apex = b"\x04e164\x04arpa\x00";
        let signed_by = |signer: &Signer, rtype| -> Vec<u16> {
            let set = RrSet::new(apex, rtype, 60, signer.records(rtype));
            let rrsigs = signer.rrsigs(set);
            // The key tag follows type, algorithm, labels, TTL and two times.
            rrsigs
                .iter()
                .map(|r| u16::from_be_bytes([r[16], r[17]]))
                .collect()
        };
        let tag = |i: usize| ZoneKey::new(&stored[i]).unwrap().key_tag;

        // Pre-publication: both keys published, the old one signs alone.
        let before = signer_at(t0 + TimeDelta::seconds(5));
        assert_eq!(before.records(TYPE_DNSKEY).len(), 2);
        assert_eq!(signed_by(&before, TYPE_DNSKEY), [tag(0)]);
        assert_eq!(signed_by(&before, wire::TYPE_SOA), [tag(0)]);

        // The new key active: it signs everything, the old one the keys too;
        // CDS names the new key only.
        let during = signer_at(t0 + TimeDelta::seconds(10));
        assert_eq!(during.records(TYPE_DNSKEY).len(), 2);
        assert_eq!(signed_by(&during, TYPE_DNSKEY), [tag(1), tag(0)]);
        assert_eq!(signed_by(&during, wire::TYPE_SOA), [tag(1)]);
        assert_eq!(during.records(TYPE_CDS).len(), 1);
        assert_eq!(
            during.records(TYPE_CDNSKEY),
            [ZoneKey::new(&stored[1]).unwrap().dnskey_rdata.to_vec()]
        );

        // The old key removed.
        let after = signer_at(t0 + TimeDelta::seconds(20));
        assert_eq!(after.records(TYPE_DNSKEY).len(), 1);
        assert_eq!(signed_by(&after, TYPE_DNSKEY), [tag(1)]);
    }
}
