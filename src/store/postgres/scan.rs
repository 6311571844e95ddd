//! Every subject, streamed in id order for the directory's initial load and
//! for export, a chunk at a time ([`chunked`]).
//!
//! A chunk is two range queries on the primary key and on the addresses'
//! subject index; its rows are decoded on a task of their own, so two
//! chunks are read and decoded at once while the caller works through the
//! ones before.

use futures::stream::BoxStream;
use sqlx::PgPool;
use uuid::Uuid;

use super::map_err;
use super::rows::{address_from_row, subject_from_row};
use crate::model::Subject;
use crate::store::{Result, StoreError, attach_addresses, chunked};

/// Subjects per chunk.
const CHUNK: i64 = 1000;

/// The last id of the first chunk (PostgreSQL has no `max(uuid)`).
const FIRST_BOUNDARY: &str = "SELECT id FROM (SELECT id FROM subject ORDER BY id LIMIT $1) chunk \
     ORDER BY id DESC LIMIT 1";
/// The last id of the chunk after `$2`.
const BOUNDARY: &str = "SELECT id FROM (SELECT id FROM subject WHERE id > $2 ORDER BY id LIMIT $1) chunk \
     ORDER BY id DESC LIMIT 1";

/// Subjects with ids up to `$1`, or in (`$2`, `$1`].
const FIRST_SUBJECTS: &str = concat!(
    "SELECT ",
    subject_columns!(),
    " FROM subject WHERE id <= $1 ORDER BY id"
);
const SUBJECTS: &str = concat!(
    "SELECT ",
    subject_columns!(),
    " FROM subject WHERE id <= $1 AND id > $2 ORDER BY id"
);
/// Their addresses.
const FIRST_ADDRESSES: &str = concat!(
    "SELECT ",
    address_columns!(),
    " FROM address WHERE subject_id <= $1"
);
const ADDRESSES: &str = concat!(
    "SELECT ",
    address_columns!(),
    " FROM address WHERE subject_id <= $1 AND subject_id > $2"
);

/// Stream every subject.
pub(super) fn subjects(pool: &PgPool) -> BoxStream<'static, Result<Subject>> {
    let (boundaries, reads) = (pool.clone(), pool.clone());
    chunked::subjects(
        None,
        move |after: Option<Uuid>| {
            let pool = boundaries.clone();
            async move {
                let query = match after {
                    None => sqlx::query_scalar(FIRST_BOUNDARY).bind(CHUNK),
                    Some(after) => sqlx::query_scalar(BOUNDARY).bind(CHUNK).bind(after),
                };
                let last: Option<Uuid> = query.fetch_optional(&pool).await.map_err(map_err)?;
                Ok(last.map(Some))
            }
        },
        move |after, last| {
            let pool = reads.clone();
            async move {
                tokio::spawn(read_chunk(pool, after, last))
                    .await
                    .map_err(|e| StoreError::Internal(format!("reading subjects: {e}")))?
            }
        },
    )
}

/// The subjects with ids in (`after`, `last`] (`after` none: from the start).
async fn read_chunk(pool: PgPool, after: Option<Uuid>, last: Option<Uuid>) -> Result<Vec<Subject>> {
    let query = |first, then| match after {
        None => sqlx::query(first).bind(last),
        Some(after) => sqlx::query(then).bind(last).bind(after),
    };
    let mut conn = pool.acquire().await.map_err(map_err)?;
    let rows = query(FIRST_SUBJECTS, SUBJECTS)
        .fetch_all(&mut *conn)
        .await
        .map_err(map_err)?;
    let mut subjects = rows
        .iter()
        .map(subject_from_row)
        .collect::<Result<Vec<Subject>>>()?;
    drop(rows);
    let rows = query(FIRST_ADDRESSES, ADDRESSES)
        .fetch_all(&mut *conn)
        .await
        .map_err(map_err)?;
    // An address of a subject created between the two queries is left out:
    // the catch-up has it.
    attach_addresses(&mut subjects, rows.iter().map(address_from_row))?;
    Ok(subjects)
}
