//! PostgreSQL backend: any number of `callsign serve` processes may share
//! one database.
//!
//! Serial order is commit order. Followers read `serial > last_applied`, so
//! a change-log row that commits after a higher serial is already visible
//! would be skipped for good. Every transaction that appends to the change
//! log therefore first takes one transaction-scoped advisory lock
//! ([`WRITE_LOCK`]) and keeps it until it commits or rolls back: writers
//! draw serials and commit one at a time, in the same order. The same lock
//! makes the uniqueness checks below race-free across processes.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SubsecRound, Utc};
use futures::stream::{BoxStream, TryStreamExt};
use serde::Serialize;
use sqlx::error::DatabaseError;
use sqlx::migrate::MigrateError;
use sqlx::postgres::{
    PgBindIterExt, PgConnectOptions, PgConnection, PgDatabaseError, PgPoolOptions, PgRow,
};
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, Row, Transaction};
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::import::{Existing, ImportMessage, ImportOutcome, plan_chunk};
use super::{
    Change, ChangeQuery, Conflict, FeedEvent, Result, SearchKey, Store, StoreError, StoreOptions,
    SubjectQuery, Token, Write, merge_join,
};
use crate::model::{Address, Domain, Handle, Kind, Scope, Subject, SubjectAddress, Visibility};

/// The advisory lock every change-log writer holds until it commits.
const WRITE_LOCK: i64 = i64::from_be_bytes(*b"callsign");

mod feed;

/// Column lists as macros, so queries stay `&'static str` via `concat!`.
macro_rules! subject_columns {
    () => {
        "id, acct, handle, domain, display_name, discoverable, version, created_at, updated_at"
    };
}
macro_rules! address_columns {
    () => {
        "id, subject_id, uri, kind, visibility, discoverable, priority, label"
    };
}
macro_rules! token_columns {
    () => {
        "id, name, scope, created_at, last_used_at, revoked_at"
    };
}

pub struct PgStore {
    pool: PgPool,
    /// Writers of this process queue here rather than on [`WRITE_LOCK`], so
    /// a long import cannot leave readers without pool connections.
    writer: Mutex<()>,
    /// For the change feed's own connection.
    connect: PgConnectOptions,
    acquire_timeout: Duration,
}

impl PgStore {
    pub async fn open(url: &str) -> Result<PgStore> {
        PgStore::open_with(url, &StoreOptions::default()).await
    }

    pub async fn open_with(url: &str, options: &StoreOptions) -> Result<PgStore> {
        let connect = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Internal(format!("bad PostgreSQL URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect.clone())
            .await
            .map_err(map_err)?;
        Ok(PgStore {
            pool,
            writer: Mutex::new(()),
            connect,
            acquire_timeout: options.acquire_timeout,
        })
    }

    /// A transaction holding [`WRITE_LOCK`]. Read committed whatever the
    /// server's default: each statement after the lock must see what the
    /// previous lock holder committed.
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL READ COMMITTED")
            .await
            .map_err(map_err)?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(WRITE_LOCK)
            .execute(&mut *tx)
            .await
            .map_err(map_err)?;
        Ok(tx)
    }

    /// A read-only transaction whose statements all see one snapshot, so a
    /// subject and its addresses are read from the same state.
    async fn begin_read(&self) -> Result<Transaction<'static, Postgres>> {
        self.pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await
            .map_err(map_err)
    }
}

fn map_err(e: sqlx::Error) -> StoreError {
    if unavailable(&e) {
        return StoreError::Unavailable(e.to_string());
    }
    match &e {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::Database(db) if db.is_unique_violation() => match unique_conflict(db.as_ref())
        {
            Some(conflict) => StoreError::Conflict(conflict),
            None => StoreError::Internal(e.to_string()),
        },
        _ => StoreError::Internal(e.to_string()),
    }
}

/// Does `e` mean the server cannot be reached (rather than a bad request)?
fn unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        // Class 08: connection exceptions; 57P01-03: the server is
        // shutting down or starting; 53300: too many connections.
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            code.starts_with("08") || ["57P01", "57P02", "57P03", "53300"].contains(&&*code)
        }
        _ => false,
    }
}

/// The uniqueness rule a unique violation broke, with the value from the
/// error detail (`Key (uri)=(sip:a@example.com) already exists.`). The
/// checks under [`WRITE_LOCK`] find clashes first; this is the safety net.
fn unique_conflict(db: &dyn DatabaseError) -> Option<Conflict> {
    let value = db
        .try_downcast_ref::<PgDatabaseError>()
        .and_then(|pg| pg.detail())
        .and_then(|d| d.split_once(")=(")?.1.rsplit_once(") already exists"))
        .map(|(value, _)| value.to_owned());
    match (db.table()?, db.constraint()?) {
        ("address", "address_uri_key") => Some(Conflict::Address {
            uri: value.unwrap_or_else(|| "an address".into()),
            owner: "another subject".into(),
        }),
        ("subject", "subject_acct_key") => Some(Conflict::Acct(
            value.unwrap_or_else(|| "the subject".into()),
        )),
        _ => None,
    }
}

/// PostgreSQL keeps microseconds; the store hands back exactly what it keeps.
fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

fn normalise(subject: &mut Subject) {
    subject.created_at = micros(subject.created_at);
    subject.updated_at = micros(subject.updated_at);
}

/// A stored subject, without its addresses. Only the store writes these
/// rows, so the handle and domain are valid as they are.
fn subject_from_row(row: &PgRow) -> Subject {
    Subject {
        id: row.get("id"),
        acct: row.get("acct"),
        handle: Handle::trusted(row.get("handle")),
        domain: Domain::trusted(row.get("domain")),
        display_name: row.get("display_name"),
        discoverable: row.get("discoverable"),
        version: row.get("version"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
        addresses: Vec::new(),
    }
}

fn address_from_row(row: &PgRow) -> Result<(Uuid, SubjectAddress)> {
    let kind: &str = row.get("kind");
    let kind =
        Kind::from_scheme(kind).ok_or_else(|| StoreError::Internal(format!("bad kind {kind}")))?;
    let visibility: &str = row.get("visibility");
    let priority: i32 = row.get("priority");
    Ok((
        row.get("subject_id"),
        SubjectAddress {
            id: row.get("id"),
            uri: Address::trusted(kind, row.get("uri")),
            kind,
            visibility: Visibility::from_str(visibility).map_err(StoreError::Internal)?,
            discoverable: row.get("discoverable"),
            priority: u16::try_from(priority)
                .map_err(|_| StoreError::Internal(format!("bad priority {priority}")))?,
            label: row.get("label"),
        },
    ))
}

fn change_from_row(row: &PgRow) -> Change {
    Change {
        serial: row.get("serial"),
        at: row.get("at"),
        actor: row.get("actor"),
        operation: row.get("operation"),
        subject_id: row.get("subject_id"),
        before: row.get("before"),
        after: row.get("after"),
    }
}

fn token_from_row(row: &PgRow) -> Result<Token> {
    let scope: &str = row.get("scope");
    Ok(Token {
        id: row.get("id"),
        name: row.get("name"),
        scope: Scope::from_str(scope).map_err(StoreError::Internal)?,
        created_at: row.get("created_at"),
        last_used_at: row.get("last_used_at"),
        revoked_at: row.get("revoked_at"),
    })
}

/// Give each subject its stored addresses, in presentation order.
async fn attach_addresses(conn: &mut PgConnection, subjects: &mut [Subject]) -> Result<()> {
    if subjects.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = subjects.iter().map(|s| s.id).collect();
    let rows = sqlx::query(concat!(
        "SELECT ",
        address_columns!(),
        " FROM address WHERE subject_id = ANY($1)"
    ))
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await
    .map_err(map_err)?;
    let index: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for row in &rows {
        let (subject_id, address) = address_from_row(row)?;
        if let Some(&i) = index.get(&subject_id) {
            subjects[i].addresses.push(address);
        }
    }
    subjects.iter_mut().for_each(Subject::sort_addresses);
    Ok(())
}

/// The stored subjects with these ids, with their addresses, in id order.
async fn load_subjects(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<Subject>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(concat!(
        "SELECT ",
        subject_columns!(),
        " FROM subject WHERE id = ANY($1) ORDER BY id"
    ))
    .bind(ids)
    .fetch_all(&mut *conn)
    .await
    .map_err(map_err)?;
    let mut subjects: Vec<Subject> = rows.iter().map(subject_from_row).collect();
    attach_addresses(conn, &mut subjects).await?;
    Ok(subjects)
}

async fn fetch_subject(conn: &mut PgConnection, id: Uuid) -> Result<Option<Subject>> {
    Ok(load_subjects(conn, &[id]).await?.pop())
}

/// Refuse addresses another subject owns, naming the first one.
async fn check_owners(conn: &mut PgConnection, subject: &Subject) -> Result<()> {
    if subject.addresses.is_empty() {
        return Ok(());
    }
    let uris: Vec<&str> = subject.addresses.iter().map(|a| a.uri.as_str()).collect();
    let row = sqlx::query(
        "SELECT a.uri, s.acct FROM address a JOIN subject s ON s.id = a.subject_id \
         WHERE a.uri = ANY($1) AND a.subject_id <> $2 ORDER BY a.uri LIMIT 1",
    )
    .bind(&uris)
    .bind(subject.id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(map_err)?;
    match row {
        Some(row) => Err(StoreError::Conflict(Conflict::Address {
            uri: row.get("uri"),
            owner: row.get("acct"),
        })),
        None => Ok(()),
    }
}

async fn check_acct(conn: &mut PgConnection, subject: &Subject) -> Result<()> {
    let taken = sqlx::query("SELECT 1 FROM subject WHERE acct = $1 AND id <> $2")
        .bind(&subject.acct)
        .bind(subject.id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(map_err)?;
    match taken {
        Some(_) => Err(StoreError::Conflict(Conflict::Acct(subject.acct.clone()))),
        None => Ok(()),
    }
}

async fn delete_subjects(conn: &mut PgConnection, ids: &[Uuid]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    // No foreign key cascades (see the migration): delete the addresses too.
    sqlx::query(
        "WITH addresses AS (DELETE FROM address WHERE subject_id = ANY($1)) \
         DELETE FROM subject WHERE id = ANY($1)",
    )
    .bind(ids)
    .execute(&mut *conn)
    .await
    .map_err(map_err)?;
    Ok(())
}

/// The stored subjects an import chunk replaces, by acct.
async fn stored_subjects(
    conn: &mut PgConnection,
    chunk: &[(u64, Subject)],
) -> Result<HashMap<String, Existing>> {
    let accts: Vec<&str> = chunk.iter().map(|(_, s)| s.acct.as_str()).collect();
    let rows =
        sqlx::query("SELECT id, acct, version, created_at FROM subject WHERE acct = ANY($1)")
            .bind(&accts)
            .fetch_all(&mut *conn)
            .await
            .map_err(map_err)?;
    Ok(rows
        .iter()
        .map(|r| {
            let existing = Existing {
                id: r.get("id"),
                version: r.get("version"),
                created_at: r.get("created_at"),
            };
            (r.get("acct"), existing)
        })
        .collect())
}

/// The owners (id, acct) of an import chunk's addresses that are stored.
async fn address_owners(
    conn: &mut PgConnection,
    chunk: &[(u64, Subject)],
) -> Result<HashMap<String, (Uuid, String)>> {
    let uris: Vec<&str> = chunk
        .iter()
        .flat_map(|(_, s)| s.addresses.iter().map(|a| a.uri.as_str()))
        .collect();
    let rows = sqlx::query(
        "SELECT a.uri, a.subject_id, s.acct FROM address a \
         JOIN subject s ON s.id = a.subject_id WHERE a.uri = ANY($1)",
    )
    .bind(&uris)
    .fetch_all(&mut *conn)
    .await
    .map_err(map_err)?;
    Ok(rows
        .iter()
        .map(|r| (r.get("uri"), (r.get("subject_id"), r.get("acct"))))
        .collect())
}

async fn encoded(encoding: JoinHandle<CopyRows>) -> Result<CopyRows> {
    encoding
        .await
        .map_err(|e| StoreError::Internal(format!("encoding change-log rows: {e}")))
}

/// Insert a written subject and its addresses, in two statements.
///
/// Not COPY, which imports use: sqlx 0.9.0 leaves Nagle's algorithm on
/// (launchbadge/sqlx#4335), so COPY's last small message waits for the
/// server's delayed ACK, some 40 ms per COPY, a tenth of a second per write.
/// Nor arrays for imports: sqlx encodes big arrays far slower than the
/// binary COPY rows below.
async fn insert_subject(conn: &mut PgConnection, s: &Subject) -> Result<()> {
    sqlx::query(concat!(
        "INSERT INTO subject (",
        subject_columns!(),
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(s.id)
    .bind(&s.acct)
    .bind(s.handle.as_str())
    .bind(s.domain.as_str())
    .bind(&s.display_name)
    .bind(s.discoverable)
    .bind(s.version)
    .bind(s.created_at)
    .bind(s.updated_at)
    .execute(&mut *conn)
    .await
    .map_err(map_err)?;
    if s.addresses.is_empty() {
        return Ok(());
    }
    let column = || s.addresses.iter();
    sqlx::query(concat!(
        "INSERT INTO address (",
        address_columns!(),
        ") SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], \
         $6::boolean[], $7::integer[], $8::text[])"
    ))
    .bind(column().map(|a| a.id).bind_iter())
    .bind(column().map(|_| s.id).bind_iter())
    .bind(column().map(|a| a.uri.as_str()).bind_iter())
    .bind(column().map(|a| a.kind.scheme()).bind_iter())
    .bind(column().map(|a| a.visibility.as_str()).bind_iter())
    .bind(column().map(|a| a.discoverable).bind_iter())
    .bind(column().map(|a| i32::from(a.priority)).bind_iter())
    .bind(column().map(|a| a.label.as_deref()).bind_iter())
    .execute(&mut *conn)
    .await
    .map_err(map_err)?;
    Ok(())
}

/// Insert an import chunk's subjects and their addresses: one binary COPY
/// per table.
async fn copy_subjects(conn: &mut PgConnection, subjects: &[Subject]) -> Result<()> {
    let mut rows = CopyRows::default();
    for s in subjects {
        rows.row(9)
            .uuid(s.id)
            .text(&s.acct)
            .text(s.handle.as_str())
            .text(s.domain.as_str())
            .text(&s.display_name)
            .bool(s.discoverable)
            .int8(s.version)
            .timestamptz(s.created_at)
            .timestamptz(s.updated_at);
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
            rows.row(8)
                .uuid(a.id)
                .uuid(s.id)
                .text(a.uri.as_str())
                .text(a.kind.scheme())
                .text(a.visibility.as_str())
                .bool(a.discoverable)
                .int4(i32::from(a.priority))
                .opt_text(a.label.as_deref());
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

/// One change-log row. `T` is a [`Subject`] or a [`Token`], serialised
/// straight into the row: the same JSON as [`super::subject_json`] and
/// [`super::token_json`], without building a `serde_json::Value` first.
struct ChangeRow<'a, T> {
    operation: &'a str,
    subject_id: Option<Uuid>,
    before: Option<&'a T>,
    after: Option<&'a T>,
}

/// Append one change to the change log. The caller holds [`WRITE_LOCK`].
async fn append_change<T: Serialize>(
    conn: &mut PgConnection,
    actor: &str,
    at: DateTime<Utc>,
    change: ChangeRow<'_, T>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO change_log (at, actor, operation, subject_id, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(at)
    .bind(actor)
    .bind(change.operation)
    .bind(change.subject_id)
    .bind(change.before.map(Json))
    .bind(change.after.map(Json))
    .execute(conn)
    .await
    .map_err(map_err)?;
    Ok(())
}

/// Append an import chunk's encoded change-log rows; serials follow their
/// order. The caller holds [`WRITE_LOCK`].
async fn copy_changes(conn: &mut PgConnection, rows: CopyRows) -> Result<()> {
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
struct CopyRows {
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
    fn change<T: Serialize>(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        change: ChangeRow<'_, T>,
    ) -> &mut Self {
        self.row(6)
            .timestamptz(at)
            .text(actor)
            .text(change.operation)
            .opt_uuid(change.subject_id)
            .jsonb(change.before)
            .jsonb(change.after)
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

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn migrate(&self) -> Result<()> {
        sqlx::migrate!("./migrations/postgres")
            .run(&self.pool)
            .await
            .map_err(|e| {
                let driver = match &e {
                    MigrateError::Execute(e) | MigrateError::ExecuteMigration(e, _) => Some(e),
                    _ => None,
                };
                // The server went away: worth retrying, unlike a bad migration.
                if driver.is_some_and(unavailable) {
                    StoreError::Unavailable(e.to_string())
                } else {
                    StoreError::Internal(format!("migration failed: {e}"))
                }
            })
    }

    fn change_feed(&self) -> Option<BoxStream<'static, FeedEvent>> {
        Some(feed::stream(self.connect.clone(), self.acquire_timeout))
    }

    #[tracing::instrument(skip_all, fields(operation = %operation))]
    async fn write(&self, actor: &str, operation: &str, write: Write) -> Result<Option<Subject>> {
        let _writer = self.writer.lock().await;
        let mut tx = self.begin_write().await?;
        let now = micros(Utc::now());
        let (subject_id, before, after) = match write {
            Write::Create(mut subject) => {
                normalise(&mut subject);
                check_acct(&mut tx, &subject).await?;
                check_owners(&mut tx, &subject).await?;
                insert_subject(&mut tx, &subject).await?;
                (subject.id, None, Some(subject))
            }
            Write::Update {
                expected_version,
                mut subject,
            } => {
                let before = fetch_subject(&mut tx, subject.id)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                if before.version != expected_version {
                    return Err(StoreError::Stale {
                        current: before.version,
                    });
                }
                subject.version = before.version + 1;
                subject.created_at = before.created_at;
                subject.updated_at = now;
                check_acct(&mut tx, &subject).await?;
                check_owners(&mut tx, &subject).await?;
                delete_subjects(&mut tx, &[subject.id]).await?;
                insert_subject(&mut tx, &subject).await?;
                (subject.id, Some(before), Some(subject))
            }
            Write::Delete {
                id,
                expected_version,
            } => {
                let before = fetch_subject(&mut tx, id)
                    .await?
                    .ok_or(StoreError::NotFound)?;
                if before.version != expected_version {
                    return Err(StoreError::Stale {
                        current: before.version,
                    });
                }
                delete_subjects(&mut tx, &[id]).await?;
                (id, Some(before), None)
            }
        };
        let change = ChangeRow {
            operation,
            subject_id: Some(subject_id),
            before: before.as_ref(),
            after: after.as_ref(),
        };
        append_change(&mut tx, actor, now, change).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(after)
    }

    async fn subject(&self, id: Uuid) -> Result<Subject> {
        let mut tx = self.begin_read().await?;
        let subject = fetch_subject(&mut tx, id).await?;
        tx.commit().await.map_err(map_err)?;
        subject.ok_or(StoreError::NotFound)
    }

    async fn search(&self, query: &SubjectQuery) -> Result<Vec<Subject>> {
        let (sql, key) = match &query.key {
            None => (
                concat!(
                    "SELECT ",
                    subject_columns!(),
                    " FROM subject WHERE id > $1 ORDER BY id LIMIT $2"
                ),
                None,
            ),
            Some(SearchKey::Address(uri)) => (
                concat!(
                    "SELECT ",
                    subject_columns!(),
                    " FROM subject WHERE id > $1 AND id IN (SELECT id FROM subject WHERE acct = $3 \
                     UNION ALL SELECT subject_id FROM address WHERE uri = $3) \
                     ORDER BY id LIMIT $2"
                ),
                Some(uri),
            ),
            // Not LIKE: handles contain `_`, a LIKE wildcard. The range, in
            // byte order, only lets the index find the candidates: handles
            // are ASCII below `~`, so all that start with $3 are in it.
            Some(SearchKey::HandlePrefix(prefix)) => (
                concat!(
                    "SELECT ",
                    subject_columns!(),
                    " FROM subject WHERE id > $1 AND left(handle, length($3)) = $3 \
                     AND handle COLLATE \"C\" >= $3 AND handle COLLATE \"C\" < $3 || '~' \
                     ORDER BY id LIMIT $2"
                ),
                Some(prefix),
            ),
        };
        let mut q = sqlx::query(sql)
            .bind(query.after.unwrap_or(Uuid::nil()))
            .bind(i64::from(query.limit));
        if let Some(key) = key {
            q = q.bind(key);
        }
        let mut tx = self.begin_read().await?;
        let rows = q.fetch_all(&mut *tx).await.map_err(map_err)?;
        let mut subjects: Vec<Subject> = rows.iter().map(subject_from_row).collect();
        attach_addresses(&mut tx, &mut subjects).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(subjects)
    }

    fn subjects(&self) -> BoxStream<'_, Result<Subject>> {
        // Two ordered scans merged: subjects by id, addresses by subject id.
        // They are separate snapshots; the directory re-applies the change
        // log from a serial read before the scans, which heals any race.
        let subjects = sqlx::query(concat!(
            "SELECT ",
            subject_columns!(),
            " FROM subject ORDER BY id"
        ))
        .fetch(&self.pool)
        .map_err(map_err);
        let addresses = sqlx::query(concat!(
            "SELECT ",
            address_columns!(),
            " FROM address ORDER BY subject_id"
        ))
        .fetch(&self.pool)
        .map_err(map_err);
        merge_join(
            subjects.map_ok(|row| subject_from_row(&row)),
            addresses.and_then(|row| async move { address_from_row(&row) }),
        )
    }

    async fn last_serial(&self) -> Result<i64> {
        let serial: Option<i64> = sqlx::query_scalar("SELECT max(serial) FROM change_log")
            .fetch_one(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(serial.unwrap_or(0))
    }

    async fn changes(&self, query: &ChangeQuery) -> Result<Vec<Change>> {
        macro_rules! select {
            ($where:literal, $order:literal) => {
                concat!(
                    "SELECT serial, at, actor, operation, subject_id, before, after \
                     FROM change_log WHERE ",
                    $where,
                    " ORDER BY serial ",
                    $order,
                    " LIMIT $2"
                )
            };
        }
        let sql = match (query.descending, query.subject.is_some()) {
            (false, false) => select!("serial > $1", "ASC"),
            (false, true) => select!("serial > $1 AND subject_id = $3", "ASC"),
            (true, false) => select!("serial < $1", "DESC"),
            (true, true) => select!("serial < $1 AND subject_id = $3", "DESC"),
        };
        let cursor = query
            .cursor
            .unwrap_or(if query.descending { i64::MAX } else { 0 });
        let mut q = sqlx::query(sql).bind(cursor).bind(i64::from(query.limit));
        if let Some(subject) = query.subject {
            q = q.bind(subject);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(map_err)?;
        Ok(rows.iter().map(change_from_row).collect())
    }

    #[tracing::instrument(skip_all)]
    async fn import(
        &self,
        actor: &str,
        skip_conflicts: bool,
        mut chunks: mpsc::Receiver<ImportMessage>,
    ) -> Result<ImportOutcome> {
        let _writer = self.writer.lock().await;
        let mut tx = self.begin_write().await?;
        let mut outcome = ImportOutcome::default();
        let now = micros(Utc::now());
        // A chunk's change-log rows (the JSON of every subject) are the
        // client's heaviest work: they are encoded on a blocking thread while
        // the server stores the next chunk, and written one chunk later.
        // Serials still follow the order of the lines.
        let mut pending: Option<JoinHandle<CopyRows>> = None;
        loop {
            let chunk = match chunks.recv().await {
                Some(ImportMessage::Chunk(chunk)) => chunk,
                Some(ImportMessage::Commit) => break,
                // The sender gave up: dropping `tx` rolls everything back.
                None => return Err(StoreError::Internal("import aborted".into())),
            };
            let existing = stored_subjects(&mut tx, &chunk).await?;
            let owners = address_owners(&mut tx, &chunk).await?;
            let plan = plan_chunk(chunk, &existing, &owners, skip_conflicts, now, &mut outcome)?;
            let replaced: Vec<Uuid> = plan.updates.iter().map(|s| s.id).collect();
            let befores: HashMap<Uuid, Subject> = load_subjects(&mut tx, &replaced)
                .await?
                .into_iter()
                .map(|s| (s.id, s))
                .collect();
            delete_subjects(&mut tx, &replaced).await?;
            let mut all: Vec<Subject> = plan.creates.into_iter().chain(plan.updates).collect();
            all.iter_mut().for_each(normalise);
            copy_subjects(&mut tx, &all).await?;
            let actor = actor.to_owned();
            let encoding = tokio::task::spawn_blocking(move || {
                let mut rows = CopyRows::default();
                for s in &all {
                    rows.change(
                        &actor,
                        now,
                        ChangeRow {
                            operation: "import",
                            subject_id: Some(s.id),
                            before: befores.get(&s.id),
                            after: Some(s),
                        },
                    );
                }
                rows
            });
            if let Some(previous) = pending.replace(encoding) {
                copy_changes(&mut tx, encoded(previous).await?).await?;
            }
        }
        if let Some(last) = pending {
            copy_changes(&mut tx, encoded(last).await?).await?;
        }
        tx.commit().await.map_err(map_err)?;
        Ok(outcome)
    }

    async fn create_token(
        &self,
        actor: &str,
        name: &str,
        scope: Scope,
        hash: &str,
    ) -> Result<Token> {
        let token = Token {
            id: Uuid::now_v7(),
            name: name.to_owned(),
            scope,
            created_at: micros(Utc::now()),
            last_used_at: None,
            revoked_at: None,
        };
        let _writer = self.writer.lock().await;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO token (id, name, scope, hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token.id)
        .bind(&token.name)
        .bind(scope.as_str())
        .bind(hash)
        .bind(token.created_at)
        .execute(&mut *tx)
        .await
        .map_err(map_err)?;
        let change = ChangeRow {
            operation: "token.create",
            subject_id: None,
            before: None,
            after: Some(&token),
        };
        append_change(&mut tx, actor, token.created_at, change).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(token)
    }

    async fn tokens(&self) -> Result<Vec<Token>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM token ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(map_err)?;
        rows.iter().map(token_from_row).collect()
    }

    async fn revoke_token(&self, actor: &str, id: Uuid) -> Result<Token> {
        let _writer = self.writer.lock().await;
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM token WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(map_err)?
        .ok_or(StoreError::NotFound)?;
        let before = token_from_row(&row)?;
        if before.revoked_at.is_some() {
            return Ok(before);
        }
        let now = micros(Utc::now());
        sqlx::query("UPDATE token SET revoked_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(map_err)?;
        let after = Token {
            revoked_at: Some(now),
            ..before.clone()
        };
        let change = ChangeRow {
            operation: "token.revoke",
            subject_id: None,
            before: Some(&before),
            after: Some(&after),
        };
        append_change(&mut tx, actor, now, change).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(after)
    }

    async fn token_by_hash(&self, hash: &str) -> Result<Option<Token>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM token WHERE hash = $1 AND revoked_at IS NULL"
        ))
        .bind(hash)
        .fetch_optional(&self.pool)
        .await
        .map_err(map_err)?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn touch_token(&self, id: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE token SET last_used_at = $1 WHERE id = $2")
            .bind(micros(at))
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(())
    }
}
