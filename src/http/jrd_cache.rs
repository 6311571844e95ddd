//! Anonymous WebFinger answers kept as bytes, so that a repeated question
//! costs a hash probe instead of unpacking the subject, applying the
//! privacy function and serialising a JRD.
//!
//! Only answers to anonymous callers are kept: they are the same for every
//! anonymous caller, and a token's view is not. Only 200 answers are kept:
//! a hidden key and an unknown one still take the one uncached path to the
//! same 404, so they stay one timing class.
//!
//! An entry is keyed by the raw `Host` and query string (what the answer
//! depends on besides the directory), and is valid for the directory serial
//! read before it was rendered: every change to what a JRD shows (subjects,
//! domain profiles, blocks) is a change-log entry that moves the serial, and
//! the serial moves only after the change is applied, so an entry is never
//! older than its serial. A shard whose serial is behind is emptied by the
//! next insert. A shard over its share of the byte budget makes room by
//! dropping entries in table order (in effect at random: table order is hash
//! order), so questions cycling over more resources than fit still hit in
//! proportion to what fits, where emptying the shard would make them miss
//! every time.

use std::hash::BuildHasher;
use std::sync::RwLock;

use axum::http::HeaderValue;
use bytes::Bytes;
use hashbrown::DefaultHashBuilder;
use hashbrown::HashTable;

const SHARDS: usize = 64;

/// A kept answer: the body and its ETag.
#[derive(Clone)]
pub struct Kept {
    pub body: Bytes,
    pub etag: HeaderValue,
}

pub struct JrdCache {
    shards: Box<[RwLock<Shard>]>,
    /// Each shard's share of the budget, bytes.
    per_shard: usize,
    hasher: DefaultHashBuilder,
}

#[derive(Default)]
struct Shard {
    serial: i64,
    entries: HashTable<Entry>,
    /// What the entries take, by [`Entry::size`].
    bytes: usize,
}

struct Entry {
    hash: u64,
    host: Box<[u8]>,
    query: Box<str>,
    kept: Kept,
}

impl Entry {
    /// The bytes an entry takes: its parts, and about as much again as the
    /// entry, its table slot and the allocator's headers.
    fn size(host: &[u8], query: &str, kept: &Kept) -> usize {
        host.len() + query.len() + kept.body.len() + kept.etag.len() + 128
    }
}

impl JrdCache {
    /// A cache of answers taking about `megabytes` MiB; None when 0.
    pub fn new(megabytes: usize) -> Option<JrdCache> {
        (megabytes > 0).then(|| JrdCache {
            shards: (0..SHARDS).map(|_| RwLock::default()).collect(),
            per_shard: (megabytes << 20) / SHARDS,
            hasher: DefaultHashBuilder::default(),
        })
    }

    fn locate(&self, host: &[u8], query: &str) -> (u64, &RwLock<Shard>) {
        let hash = self.hasher.hash_one((host, query));
        // The table takes its buckets from the low bits and its tags from
        // the top seven: the shard comes from bits in between.
        (hash, &self.shards[(hash >> 40) as usize % SHARDS])
    }

    /// The answer kept for (`host`, `query`) at `serial`, if any.
    pub fn get(&self, serial: i64, host: &[u8], query: &str) -> Option<Kept> {
        let (hash, shard) = self.locate(host, query);
        let shard = shard.read().unwrap_or_else(|e| e.into_inner());
        if shard.serial != serial {
            return None;
        }
        shard
            .entries
            .find(hash, |e| &*e.host == host && &*e.query == query)
            .map(|e| e.kept.clone())
    }

    /// Keep `kept` as the answer for (`host`, `query`) rendered at `serial`.
    pub fn insert(&self, serial: i64, host: &[u8], query: &str, kept: Kept) {
        let size = Entry::size(host, query, &kept);
        if size > self.per_shard {
            return;
        }
        let (hash, shard) = self.locate(host, query);
        let mut shard = shard.write().unwrap_or_else(|e| e.into_inner());
        let shard = &mut *shard;
        if shard.serial != serial {
            if shard.serial > serial {
                // Rendered before a change this shard has already seen.
                return;
            }
            shard.entries.clear();
            shard.bytes = 0;
            shard.serial = serial;
        }
        let same = |e: &Entry| &*e.host == host && &*e.query == query;
        if let Ok(old) = shard.entries.find_entry(hash, same) {
            let (old, _) = old.remove();
            shard.bytes -= Entry::size(&old.host, &old.query, &old.kept);
        }
        while shard.bytes + size > self.per_shard {
            let Some(victim) = shard.entries.iter().next().map(|e| e.hash) else {
                break;
            };
            let Ok(found) = shard.entries.find_entry(victim, |e| e.hash == victim) else {
                break;
            };
            let (old, _) = found.remove();
            shard.bytes -= Entry::size(&old.host, &old.query, &old.kept);
        }
        shard.bytes += size;
        shard.entries.insert_unique(
            hash,
            Entry {
                hash,
                host: host.into(),
                query: query.into(),
                kept,
            },
            |e| e.hash,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(body: &'static str) -> Kept {
        Kept {
            body: Bytes::from_static(body.as_bytes()),
            etag: HeaderValue::from_static("\"e\""),
        }
    }

    #[test]
    fn an_answer_is_kept_for_its_host_query_and_serial() {
        let cache = JrdCache::new(1).unwrap();
        cache.insert(5, b"a.example", "resource=acct:x", kept("x"));
        let body = |serial, host: &[u8], query| cache.get(serial, host, query).map(|k| k.body);
        assert_eq!(
            body(5, b"a.example", "resource=acct:x"),
            Some(Bytes::from("x"))
        );
        assert_eq!(body(5, b"b.example", "resource=acct:x"), None);
        assert_eq!(body(5, b"a.example", "resource=acct:y"), None);
        // A newer serial: the entry no longer answers, and the next insert
        // at that serial empties the shard.
        assert_eq!(body(6, b"a.example", "resource=acct:x"), None);
        cache.insert(6, b"a.example", "resource=acct:x", kept("x2"));
        assert_eq!(
            body(6, b"a.example", "resource=acct:x"),
            Some(Bytes::from("x2"))
        );
        // An answer rendered before a change the shard has seen is dropped.
        cache.insert(5, b"a.example", "resource=acct:x", kept("stale"));
        assert_eq!(
            body(6, b"a.example", "resource=acct:x"),
            Some(Bytes::from("x2"))
        );
        assert!(JrdCache::new(0).is_none());
    }

    #[test]
    fn a_full_cache_keeps_answering_what_it_holds() {
        let cache = JrdCache::new(1).unwrap();
        let body = "x".repeat(1000);
        let kept = || Kept {
            body: Bytes::from(body.clone()),
            etag: HeaderValue::from_static("\"e\""),
        };
        // Ten times what fits, asked in a cycle: most of what fits answers.
        let n = 10 * (1 << 20) / 1000;
        for round in 0..2 {
            let mut hits = 0;
            for i in 0..n {
                let query = format!("resource={i}");
                if cache.get(1, b"h", &query).is_some() {
                    hits += 1;
                } else {
                    cache.insert(1, b"h", &query, kept());
                }
            }
            let bytes: usize = cache.shards.iter().map(|s| s.read().unwrap().bytes).sum();
            assert!(bytes <= 1 << 20, "{bytes}");
            if round == 1 {
                assert!(hits > n / 20, "{hits} of {n}");
            }
        }
    }
}
