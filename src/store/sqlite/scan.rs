//! Every subject, streamed in id order for the directory's initial load and
//! for export.
//!
//! Each chunk ([`chunked`]) is two queries whose results SQLite folds into
//! one row of JSON each (the chunk's subjects, then their addresses). A row
//! crosses from the connection's worker thread to the caller through a
//! channel with a thread wake-up on either side; a million subjects read
//! row by row cost five million of those, which took longer than everything
//! else in a load together.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use sqlx::SqlitePool;
use uuid::Uuid;

use super::map_err;
use crate::model::{
    Address, Discoverable, DocumentLink, DocumentProperty, Domain, Handle, Subject, SubjectAddress,
    Visibility,
};
use crate::store::{Result, StoreError, chunked};

/// Subjects per chunk.
pub(super) const CHUNK: u32 = 1000;

/// The last id of the chunk after `?1`, if any subject is there.
const BOUNDARY: &str =
    "SELECT max(id) FROM (SELECT id FROM subject WHERE id > ?1 ORDER BY id LIMIT ?2)";

/// Subjects with ids in (`?1`, `?2`], as a JSON array of their columns.
const SUBJECTS: &str = "SELECT json_group_array(json_array(\
     hex(id), handle, domain, display_name, discoverable, version, created_at, updated_at, \
     json(links), json(properties), display_name_visibility, discoverable_level)) \
     FROM (SELECT * FROM subject WHERE id > ?1 AND id <= ?2 ORDER BY id)";

/// The addresses of subjects with ids in (`?1`, `?2`].
const ADDRESSES: &str = "SELECT json_group_array(json_array(\
     hex(subject_id), hex(id), uri, visibility, discoverable, priority, label, routing_number, \
     discoverable_level)) \
     FROM address WHERE subject_id > ?1 AND subject_id <= ?2";

type SubjectColumns<'a> = (
    &'a str,
    String,
    String,
    String,
    i64,
    i64,
    &'a str,
    &'a str,
    Option<Vec<DocumentLink>>,
    Option<BTreeMap<String, DocumentProperty>>,
    &'a str,
    Option<String>,
);
type AddressColumns<'a> = (
    &'a str,
    &'a str,
    String,
    &'a str,
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Stream every subject, `chunk` at a time.
pub(super) fn subjects(pool: &SqlitePool, chunk: u32) -> BoxStream<'static, Result<Subject>> {
    let (boundaries, reads) = (pool.clone(), pool.clone());
    chunked::subjects(
        Vec::new(),
        move |after: Vec<u8>| {
            let pool = boundaries.clone();
            async move {
                sqlx::query_scalar(BOUNDARY)
                    .bind(&after)
                    .bind(chunk)
                    .fetch_one(&pool)
                    .await
                    .map_err(map_err)
            }
        },
        move |after, last| read_chunk(reads.clone(), after, last),
    )
}

/// The subjects with ids in (`after`, `last`] (`after` empty: from the start).
async fn read_chunk(pool: SqlitePool, after: Vec<u8>, last: Vec<u8>) -> Result<Vec<Subject>> {
    let subjects: String = sqlx::query_scalar(SUBJECTS)
        .bind(&after)
        .bind(&last)
        .fetch_one(&pool)
        .await
        .map_err(map_err)?;
    let addresses: String = sqlx::query_scalar(ADDRESSES)
        .bind(&after)
        .bind(&last)
        .fetch_one(&pool)
        .await
        .map_err(map_err)?;
    // A thousand subjects' JSON is milliseconds of work: off the runtime.
    tokio::task::spawn_blocking(move || parse(&subjects, &addresses))
        .await
        .map_err(|e| StoreError::Internal(format!("parsing subjects: {e}")))?
}

fn bad(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(format!("stored {what}: {e}"))
}

fn uuid(hex: &str) -> Result<Uuid> {
    Uuid::try_parse(hex).map_err(|e| bad("id", e))
}

/// A discoverability from its flag and level, as `rows` reads it.
fn level(flag: i64, level: Option<String>) -> Discoverable {
    Discoverable::stored(flag != 0, level.as_deref()).unwrap_or(Discoverable::NOBODY)
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
            |(
                id,
                handle,
                domain,
                display_name,
                discoverable,
                version,
                created,
                updated,
                links,
                properties,
                name_visibility,
                level_text,
            )| {
                Ok(Subject {
                    id: uuid(id)?,
                    handle: Handle::trusted(handle),
                    domain: Domain::trusted(domain),
                    display_name,
                    display_name_visibility: Visibility::from_str(name_visibility)
                        .map_err(|e| bad("display_name_visibility", e))?,
                    discoverable: level(discoverable, level_text),
                    version,
                    created_at: time(created)?,
                    updated_at: time(updated)?,
                    addresses: Vec::new(),
                    links: links.unwrap_or_default(),
                    properties: properties.unwrap_or_default(),
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
    for (
        subject_id,
        id,
        uri,
        visibility,
        discoverable,
        priority,
        label,
        routing_number,
        level_text,
    ) in rows
    {
        // A subject created between the two queries: the catch-up has it.
        let Some(&i) = index.get(&uuid(subject_id)?) else {
            continue;
        };
        let uri = Address::stored(uri).map_err(|uri| bad("address", uri))?;
        subjects[i].addresses.push(SubjectAddress {
            id: uuid(id)?,
            uri,
            visibility: Visibility::from_str(visibility).map_err(|e| bad("visibility", e))?,
            discoverable: level(discoverable, level_text),
            priority: priority as u16,
            label,
            routing_number,
        });
    }
    subjects.iter_mut().for_each(Subject::sort_addresses);
    Ok(subjects)
}

#[cfg(test)]
mod tests {
    use futures::TryStreamExt;

    use super::super::SqliteStore;
    use crate::model::SubjectInput;
    use crate::store::{Store, Write};

    #[tokio::test]
    async fn chunks_stream_every_subject_in_id_order() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/scan.db", dir.path().display());
        let store = SqliteStore::open(&url).await.unwrap();
        store.migrate().await.unwrap();
        let mut written = Vec::new();
        for i in 0..23 {
            let input: SubjectInput = serde_json::from_value(serde_json::json!({
                "handle": format!("u{i}"), "domain": "example.com", "display_name": "\"Q\" \\ é",
                "addresses": (0..i % 4).map(|n| serde_json::json!({
                    "uri": format!("sip:u{i}.{n}@example.com"), "label": format!("l{n}")
                })).collect::<Vec<_>>()
            }))
            .unwrap();
            let subject = input.into_subject(chrono::Utc::now()).unwrap();
            let stored = store.write("test", "create", Write::Create(subject)).await;
            written.push(stored.unwrap().unwrap());
        }
        written.sort_by_key(|s| s.id);
        for chunk in [1, 4, 23, 1000] {
            let streamed: Vec<_> = super::subjects(&store.pool, chunk)
                .try_collect()
                .await
                .unwrap();
            assert_eq!(streamed, written, "chunks of {chunk}");
        }
    }
}
