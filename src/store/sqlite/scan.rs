//! Every subject, streamed in id order for the directory's initial load and
//! for export.
//!
//! Each chunk is two queries whose results SQLite folds into one row of JSON
//! each (the chunk's subjects, then their addresses). A row crosses from the
//! connection's worker thread to the caller through a channel with a thread
//! wake-up on either side; a million subjects read row by row cost five
//! million of those, which took longer than everything else in a load
//! together. The next chunk is fetched and parsed while the caller consumes
//! the current one.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use futures::StreamExt;
use futures::stream::BoxStream;
use sqlx::{Row, SqlitePool};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::map_err;
use crate::model::{Address, Domain, Handle, Kind, Subject, SubjectAddress, Visibility};
use crate::store::{Result, StoreError};

/// Subjects per chunk.
pub(super) const CHUNK: u32 = 1000;

/// Subjects with ids above `after`, at most `limit`, in id order: their
/// count, the last id, and the JSON array of their columns.
const SUBJECTS: &str = "SELECT count(*), max(id), json_group_array(json_array(\
     hex(id), acct, handle, domain, display_name, discoverable, version, created_at, updated_at)) \
     FROM (SELECT * FROM subject WHERE id > ?1 ORDER BY id LIMIT ?2)";

/// The addresses of subjects with ids in (`?1`, `?2`].
const ADDRESSES: &str = "SELECT json_group_array(json_array(\
     hex(subject_id), hex(id), uri, kind, visibility, discoverable, priority, label)) \
     FROM address WHERE subject_id > ?1 AND subject_id <= ?2";

type SubjectColumns<'a> = (
    &'a str,
    String,
    String,
    String,
    String,
    i64,
    i64,
    &'a str,
    &'a str,
);
type AddressColumns<'a> = (
    &'a str,
    &'a str,
    String,
    &'a str,
    &'a str,
    i64,
    i64,
    Option<String>,
);

/// Stream every subject, `chunk` at a time.
pub(super) fn subjects(pool: &SqlitePool, chunk: u32) -> BoxStream<'static, Result<Subject>> {
    let (tx, rx) = mpsc::channel::<Result<Vec<Subject>>>(1);
    let pool = pool.clone();
    tokio::spawn(async move {
        let mut after: Vec<u8> = Vec::new();
        loop {
            match read_chunk(&pool, &after, chunk).await {
                Ok(Some((subjects, last))) => {
                    let more = subjects.len() == chunk as usize;
                    after = last;
                    if tx.send(Ok(subjects)).await.is_err() || !more {
                        return;
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            }
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
        .flat_map(|chunk| {
            futures::stream::iter(match chunk {
                Ok(subjects) => subjects.into_iter().map(Ok).collect::<Vec<_>>(),
                Err(e) => vec![Err(e)],
            })
        })
        .boxed()
}

/// One chunk of subjects after `after` (an id, or empty for the start),
/// with the last id read; `None` past the end.
async fn read_chunk(
    pool: &SqlitePool,
    after: &[u8],
    limit: u32,
) -> Result<Option<(Vec<Subject>, Vec<u8>)>> {
    let row = sqlx::query(SUBJECTS)
        .bind(after)
        .bind(limit)
        .fetch_one(pool)
        .await
        .map_err(map_err)?;
    let count: i64 = row.get(0);
    if count == 0 {
        return Ok(None);
    }
    let last: Vec<u8> = row.get(1);
    let subjects: String = row.get(2);
    let addresses: String = sqlx::query_scalar(ADDRESSES)
        .bind(after)
        .bind(&last)
        .fetch_one(pool)
        .await
        .map_err(map_err)?;
    // A thousand subjects' JSON is milliseconds of work: off the runtime.
    let subjects = tokio::task::spawn_blocking(move || parse(&subjects, &addresses))
        .await
        .map_err(|e| StoreError::Internal(format!("parsing subjects: {e}")))??;
    Ok(Some((subjects, last)))
}

fn bad(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(format!("stored {what}: {e}"))
}

fn uuid(hex: &str) -> Result<Uuid> {
    Uuid::try_parse(hex).map_err(|e| bad("id", e))
}

fn time(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| bad("timestamp", e))
}

fn parse(subjects: &str, addresses: &str) -> Result<Vec<Subject>> {
    let rows: Vec<SubjectColumns<'_>> =
        serde_json::from_str(subjects).map_err(|e| bad("subjects", e))?;
    let mut subjects = rows
        .into_iter()
        .map(
            |(id, acct, handle, domain, display_name, discoverable, version, created, updated)| {
                Ok(Subject {
                    id: uuid(id)?,
                    acct,
                    handle: Handle::trusted(handle),
                    domain: Domain::trusted(domain),
                    display_name,
                    discoverable: discoverable != 0,
                    version,
                    created_at: time(created)?,
                    updated_at: time(updated)?,
                    addresses: Vec::new(),
                })
            },
        )
        .collect::<Result<Vec<_>>>()?;
    let index: HashMap<Uuid, usize> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let rows: Vec<AddressColumns<'_>> =
        serde_json::from_str(addresses).map_err(|e| bad("addresses", e))?;
    for (subject_id, id, uri, kind, visibility, discoverable, priority, label) in rows {
        // A subject created between the two queries: the catch-up has it.
        let Some(&i) = index.get(&uuid(subject_id)?) else {
            continue;
        };
        let kind = Kind::from_scheme(kind).ok_or_else(|| bad("kind", kind))?;
        subjects[i].addresses.push(SubjectAddress {
            id: uuid(id)?,
            uri: Address::trusted(kind, uri),
            kind,
            visibility: Visibility::from_str(visibility).map_err(|e| bad("visibility", e))?,
            discoverable: discoverable != 0,
            priority: priority as u16,
            label,
        });
    }
    subjects.iter_mut().for_each(Subject::sort_addresses);
    Ok(subjects)
}
