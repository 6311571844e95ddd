//! Imports through binary COPY: the bulk path under the store's import.
//!
//! Not for single writes: sqlx 0.9.0 leaves Nagle's algorithm on
//! (launchbadge/sqlx#4335), so COPY's last small message waits for the
//! server's delayed ACK, some 40 ms per COPY.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::postgres::PgConnection;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::map_err;
use crate::model::Subject;
use crate::store::write::{ChangeRow, Imported};
use crate::store::{Result, StoreError};

/// A chunk's change-log rows (the JSON of every subject) are the client's
/// heaviest work: they are encoded on a blocking thread while the server
/// stores the next chunk, and written with [`copy_changes`] one chunk later.
pub(super) fn encode_changes(
    actor: &str,
    at: DateTime<Utc>,
    imported: Vec<Imported>,
) -> JoinHandle<CopyRows> {
    let actor = actor.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut rows = CopyRows::default();
        for subject in &imported {
            rows.change(&actor, at, subject.change());
        }
        rows
    })
}

/// Insert an import chunk's subjects and their addresses: one binary COPY
/// per table.
pub(super) async fn copy_subjects(conn: &mut PgConnection, subjects: &[Subject]) -> Result<()> {
    let mut rows = CopyRows::default();
    for s in subjects {
        rows.row(12)
            .uuid(s.id)
            .text(s.handle.as_str())
            .text(s.domain.as_str())
            .text(&s.display_name)
            .bool(s.discoverable.is_everyone())
            .int8(s.version)
            .timestamptz(s.created_at)
            .timestamptz(s.updated_at)
            .jsonb(Some(&s.links).filter(|l| !l.is_empty()))
            .jsonb(Some(&s.properties).filter(|p| !p.is_empty()))
            .text(&s.display_name_visibility.to_string())
            .opt_text(s.discoverable.level().as_deref());
    }
    copy_in(
        conn,
        concat!(
            "COPY subject (",
            subject_columns!(),
            ") FROM STDIN (FORMAT binary)"
        ),
        rows,
    )
    .await?;
    let mut rows = CopyRows::default();
    for s in subjects {
        for a in &s.addresses {
            rows.row(9)
                .uuid(a.id)
                .uuid(s.id)
                .text(a.uri.as_str())
                .text(&a.visibility.to_string())
                .bool(a.discoverable.is_everyone())
                .int4(i32::from(a.priority))
                .opt_text(a.label.as_deref())
                .opt_text(a.routing_number.as_deref())
                .opt_text(a.discoverable.level().as_deref());
        }
    }
    copy_in(
        conn,
        concat!(
            "COPY address (",
            address_columns!(),
            ") FROM STDIN (FORMAT binary)"
        ),
        rows,
    )
    .await
}

/// Append an import chunk's encoded change-log rows; serials follow their
/// order. The caller holds [`super::WRITE_LOCK`].
pub(super) async fn copy_changes(
    conn: &mut PgConnection,
    encoding: JoinHandle<CopyRows>,
) -> Result<()> {
    let rows = encoding
        .await
        .map_err(|e| StoreError::Internal(format!("encoding change-log rows: {e}")))?;
    copy_in(
        conn,
        "COPY change_log (at, actor, operation, subject_id, before, after) \
         FROM STDIN (FORMAT binary)",
        rows,
    )
    .await
}

async fn copy_in(conn: &mut PgConnection, statement: &str, rows: CopyRows) -> Result<()> {
    if rows.count == 0 {
        return Ok(());
    }
    let mut copy = conn.copy_in_raw(statement).await.map_err(map_err)?;
    copy.send(rows.finish()).await.map_err(map_err)?;
    copy.finish().await.map_err(map_err)?;
    Ok(())
}

/// Rows in PostgreSQL's binary COPY format: no text escaping, and the
/// server parses no uuids or timestamps. Each value must match its
/// column's type exactly.
pub(super) struct CopyRows {
    buf: Vec<u8>,
    count: usize,
}

impl Default for CopyRows {
    fn default() -> Self {
        let mut buf = Vec::with_capacity(64 * 1024);
        buf.extend_from_slice(b"PGCOPY\n\xff\r\n\0");
        buf.extend_from_slice(&0i32.to_be_bytes()); // flags
        buf.extend_from_slice(&0i32.to_be_bytes()); // header extension length
        CopyRows { buf, count: 0 }
    }
}

/// 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix microseconds.
const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;

impl CopyRows {
    fn change(&mut self, actor: &str, at: DateTime<Utc>, change: ChangeRow<'_>) -> &mut Self {
        self.row(6)
            .timestamptz(at)
            .text(actor)
            .text(change.operation)
            .opt_uuid(change.subject_id)
            .jsonb(change.before.as_ref())
            .jsonb(change.after.as_ref())
    }

    fn row(&mut self, fields: i16) -> &mut Self {
        self.count += 1;
        self.buf.extend_from_slice(&fields.to_be_bytes());
        self
    }

    fn field(&mut self, bytes: &[u8]) -> &mut Self {
        let len = i32::try_from(bytes.len()).expect("field under 2 GiB");
        self.buf.extend_from_slice(&len.to_be_bytes());
        self.buf.extend_from_slice(bytes);
        self
    }

    fn null(&mut self) -> &mut Self {
        self.buf.extend_from_slice(&(-1i32).to_be_bytes());
        self
    }

    fn uuid(&mut self, id: Uuid) -> &mut Self {
        self.field(id.as_bytes())
    }

    fn opt_uuid(&mut self, id: Option<Uuid>) -> &mut Self {
        match id {
            Some(id) => self.uuid(id),
            None => self.null(),
        }
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.field(s.as_bytes())
    }

    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.null(),
        }
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        self.field(&[u8::from(b)])
    }

    fn int4(&mut self, i: i32) -> &mut Self {
        self.field(&i.to_be_bytes())
    }

    fn int8(&mut self, i: i64) -> &mut Self {
        self.field(&i.to_be_bytes())
    }

    fn timestamptz(&mut self, t: DateTime<Utc>) -> &mut Self {
        self.int8(t.timestamp_micros() - PG_EPOCH_MICROS)
    }

    /// jsonb's binary form: a version byte (1), then the JSON text.
    fn jsonb(&mut self, value: Option<&impl Serialize>) -> &mut Self {
        let Some(value) = value else {
            return self.null();
        };
        let start = self.buf.len();
        self.buf.extend_from_slice(&0i32.to_be_bytes());
        self.buf.push(1);
        serde_json::to_writer(&mut self.buf, value).expect("subjects and tokens serialise");
        let len = i32::try_from(self.buf.len() - start - 4).expect("field under 2 GiB");
        self.buf[start..start + 4].copy_from_slice(&len.to_be_bytes());
        self
    }

    fn finish(mut self) -> Vec<u8> {
        self.buf.extend_from_slice(&(-1i16).to_be_bytes());
        self.buf
    }
}
