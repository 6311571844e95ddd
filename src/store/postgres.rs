//! PostgreSQL backend: any number of `callsign serve` processes may share
//! one database.
//!
//! Serial order is commit order. Followers read `serial > last_applied`, so
//! a change-log row that commits after a higher serial is already visible
//! would be skipped for good. Every transaction that appends to the change
//! log therefore first takes one transaction-scoped advisory lock
//! ([`WRITE_LOCK`]) and keeps it until it commits or rolls back: writers
//! draw serials and commit one at a time, in the same order. The same lock
//! makes the uniqueness checks of the store's write algorithm race-free
//! across processes.
//!
//! Files: `rows.rs` maps rows, `write.rs` holds the write primitives,
//! `copy.rs` the binary COPY of imports, `scan.rs` the chunked read of
//! every subject, `tokens.rs` token rows and `feed.rs` the change feed.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use sqlx::error::DatabaseError;
use sqlx::migrate::MigrateError;
use sqlx::postgres::{PgConnectOptions, PgDatabaseError, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};
use tokio::sync::Mutex;
use uuid::Uuid;

use super::write::{BeginWrite, WriteTx};
use super::{
    Audience, Change, ChangeQuery, Conflict, ConsoleSession, FeedEvent, REPLICA_FORGOTTEN_AFTER,
    ReplicaStatus, Result, SearchKey, Store, StoreError, StoreOptions, SubjectQuery, Token,
};
use crate::model::{Acct, Subject};
use rows::{
    change_from_row, load_addresses, load_subjects, micros, subject_from_row, token_from_row,
};

/// The advisory lock every change-log writer holds until it commits.
const WRITE_LOCK: i64 = i64::from_be_bytes(*b"callsign");

/// Column lists as macros, so queries stay `&'static str` via `concat!`.
macro_rules! subject_columns {
    () => {
        "id, handle, domain, display_name, discoverable, version, created_at, updated_at, \
         links, properties, display_name_visibility, discoverable_level"
    };
}
macro_rules! address_columns {
    () => {
        "id, subject_id, uri, visibility, discoverable, priority, label, routing_number, \
         discoverable_level"
    };
}
macro_rules! token_columns {
    () => {
        "id, name, scope, audiences, subject_id, created_at, last_used_at, revoked_at"
    };
}

mod copy;
mod feed;
mod rows;
mod scan;
mod write;

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
        // shutting down or starting; 53300: too many connections; 40001 on
        // a hot standby: a read cancelled by a conflict with replay (writes
        // run read committed behind one lock, so the primary never says it).
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            code.starts_with("08")
                || ["57P01", "57P02", "57P03", "53300", "40001"].contains(&&*code)
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
        .and_then(duplicated_value)
        .map(str::to_owned);
    match (db.table()?, db.constraint()?) {
        ("address", "address_uri_key") => Some(Conflict::Address {
            uri: value.unwrap_or_else(|| "an address".into()),
            owner: "another subject".into(),
        }),
        // `Key (handle, domain)=(alice, example.com) already exists.`
        ("subject", "subject_acct") => Some(Conflict::Acct(
            value
                .as_deref()
                .and_then(|v| v.split_once(", "))
                .map_or_else(|| "the subject".into(), |(h, d)| Acct::uri(h, d)),
        )),
        _ => None,
    }
}

/// The value of a unique violation's detail: `Key (uri)=(sip:a@example.com)
/// already exists.` from an insert, `… is duplicated.` from building a
/// unique index (a bulk load's, see `write.rs`).
fn duplicated_value(detail: &str) -> Option<&str> {
    let value = detail.split_once(")=(")?.1;
    let (value, _) = value
        .rsplit_once(") already exists")
        .or_else(|| value.rsplit_once(") is duplicated"))?;
    Some(value)
}

#[async_trait]
impl BeginWrite for PgStore {
    /// A transaction holding [`WRITE_LOCK`]. Read committed whatever the
    /// server's default: each statement after the lock must see what the
    /// previous lock holder committed.
    async fn begin_write(&self) -> Result<Box<dyn WriteTx + '_>> {
        let writer = self.writer.lock().await;
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
        Ok(Box::new(write::PgWrite {
            _writer: writer,
            tx,
            pending: None,
            deferred: Vec::new(),
        }))
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

    async fn replay_lag_seconds(&self) -> Result<Option<f64>> {
        // Replay stops when nothing new arrives: a standby that has replayed
        // all it received is not behind, however old its last commit.
        sqlx::query_scalar(
            "SELECT CASE \
               WHEN NOT pg_is_in_recovery() THEN 0 \
               WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 \
               ELSE greatest(0, extract(epoch FROM now() - pg_last_xact_replay_timestamp())) \
             END::float8",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(map_err)
    }

    async fn wal_position(&self) -> Result<Option<i64>> {
        sqlx::query_scalar(
            "SELECT ((CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() \
                      ELSE pg_current_wal_lsn() END) - '0/0'::pg_lsn)::int8",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(map_err)
    }

    fn change_feed(&self) -> Option<BoxStream<'static, FeedEvent>> {
        Some(feed::stream(self.connect.clone(), self.acquire_timeout))
    }

    async fn subject(&self, id: Uuid) -> Result<Subject> {
        let mut tx = self.begin_read().await?;
        let subject = load_subjects(&mut tx, &[id]).await?.pop();
        tx.commit().await.map_err(map_err)?;
        subject.ok_or(StoreError::NotFound)
    }

    async fn search(&self, query: &SubjectQuery) -> Result<Vec<Subject>> {
        let sql = match &query.key {
            None => concat!(
                "SELECT ",
                subject_columns!(),
                " FROM subject WHERE id > $1 ORDER BY id LIMIT $2"
            ),
            Some(SearchKey::Acct(_)) => concat!(
                "SELECT ",
                subject_columns!(),
                " FROM subject WHERE id > $1 AND handle = $3 AND domain = $4 ORDER BY id LIMIT $2"
            ),
            Some(SearchKey::Address(_)) => concat!(
                "SELECT ",
                subject_columns!(),
                " FROM subject WHERE id > $1 \
                 AND id IN (SELECT subject_id FROM address WHERE uri = $3) \
                 ORDER BY id LIMIT $2"
            ),
            // Not LIKE: handles contain `_`, a LIKE wildcard. The range, in
            // byte order, only lets the index find the candidates: handles
            // are ASCII below `~`, so all that start with $3 are in it.
            Some(SearchKey::HandlePrefix(_)) => concat!(
                "SELECT ",
                subject_columns!(),
                " FROM subject WHERE id > $1 AND left(handle, length($3)) = $3 \
                 AND handle COLLATE \"C\" >= $3 AND handle COLLATE \"C\" < $3 || '~' \
                 ORDER BY id LIMIT $2"
            ),
        };
        let q = sqlx::query(sql)
            .bind(query.after.unwrap_or(Uuid::nil()))
            .bind(i64::from(query.limit));
        let q = query
            .key
            .iter()
            .flat_map(SearchKey::bound)
            .fold(q, |q, value| q.bind(value));
        let mut tx = self.begin_read().await?;
        let rows = q.fetch_all(&mut *tx).await.map_err(map_err)?;
        let mut subjects = rows
            .iter()
            .map(subject_from_row)
            .collect::<Result<Vec<Subject>>>()?;
        load_addresses(&mut tx, &mut subjects).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(subjects)
    }

    fn subjects(&self) -> BoxStream<'_, Result<Subject>> {
        scan::subjects(&self.pool)
    }

    async fn last_serial(&self) -> Result<i64> {
        let serial: Option<i64> = sqlx::query_scalar("SELECT max(serial) FROM change_log")
            .fetch_one(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(serial.unwrap_or(0))
    }

    async fn changes(&self, query: &ChangeQuery) -> Result<Vec<Change>> {
        let mut sql = String::from(
            "SELECT serial, at, actor, operation, subject_id, before, after \
             FROM change_log WHERE serial ",
        );
        sql.push_str(if query.descending { "< $1" } else { "> $1" });
        let mut n = 2;
        if query.subject.is_some() {
            n += 1;
            sql.push_str(&format!(" AND subject_id = ${n}"));
        }
        if query.actor.is_some() {
            n += 1;
            sql.push_str(&format!(" AND actor = ${n}"));
        }
        sql.push_str(if query.descending {
            " ORDER BY serial DESC LIMIT $2"
        } else {
            " ORDER BY serial ASC LIMIT $2"
        });
        let cursor = query
            .cursor
            .unwrap_or(if query.descending { i64::MAX } else { 0 });
        // Built from constant fragments only; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cursor)
            .bind(i64::from(query.limit));
        if let Some(subject) = query.subject {
            q = q.bind(subject);
        }
        if let Some(actor) = &query.actor {
            q = q.bind(actor);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(map_err)?;
        Ok(rows.iter().map(change_from_row).collect())
    }

    #[tracing::instrument(skip_all)]
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

    async fn record_replica(&self, status: &ReplicaStatus) -> Result<()> {
        sqlx::query("DELETE FROM replica WHERE seen_at < $1")
            .bind(micros(status.seen_at - REPLICA_FORGOTTEN_AFTER))
            .execute(&self.pool)
            .await
            .map_err(map_err)?;
        sqlx::query(
            "INSERT INTO replica (name, serial, ready, version, standby_lag_serials, heartbeat_ms, \
             started_at, seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (name) DO UPDATE SET serial = excluded.serial, ready = excluded.ready, \
             version = excluded.version, standby_lag_serials = excluded.standby_lag_serials, \
             heartbeat_ms = excluded.heartbeat_ms, started_at = excluded.started_at, \
             seen_at = excluded.seen_at",
        )
        .bind(&status.name)
        .bind(status.serial)
        .bind(status.ready)
        .bind(&status.version)
        .bind(status.standby_lag_serials)
        .bind(status.heartbeat_ms)
        .bind(micros(status.started_at))
        .bind(micros(status.seen_at))
        .execute(&self.pool)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn replicas(&self) -> Result<Vec<ReplicaStatus>> {
        sqlx::query_as("SELECT * FROM replica ORDER BY name")
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)
    }

    async fn forget_replica(&self, name: &str) -> Result<()> {
        sqlx::query("DELETE FROM replica WHERE name = $1")
            .bind(name)
            .execute(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn audiences(&self) -> Result<Vec<Audience>> {
        sqlx::query_as(write::AUDIENCES)
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)
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

    async fn session(&self, hash: &str) -> Result<Option<(ConsoleSession, Option<Token>)>> {
        use sqlx::Row;
        let Some(row) = sqlx::query("SELECT hash, token_id, actor, csrf, created_at, expires_at FROM console_session WHERE hash = $1")
            .bind(hash)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_err)?
        else {
            return Ok(None);
        };
        let session = ConsoleSession {
            hash: row.get("hash"),
            token_id: row.get("token_id"),
            actor: row.get("actor"),
            csrf: row.get("csrf"),
            created_at: row.get("created_at"),
            expires_at: row.get("expires_at"),
        };
        let token = match session.token_id {
            None => None,
            Some(id) => {
                let row = sqlx::query(concat!(
                    "SELECT ",
                    token_columns!(),
                    " FROM token WHERE id = $1 AND revoked_at IS NULL"
                ))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(map_err)?;
                row.as_ref().map(token_from_row).transpose()?
            }
        };
        Ok(Some((session, token)))
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

    async fn block(&self, id: uuid::Uuid) -> Result<crate::model::Block> {
        let row: crate::store::blocks::BlockRow = sqlx::query_as(write::BLOCK)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_err)?
            .ok_or(StoreError::NotFound)?;
        row.try_into()
    }

    async fn blocks(&self) -> Result<Vec<crate::model::Block>> {
        let rows = sqlx::query_as(write::BLOCKS)
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        crate::store::blocks::blocks(rows)
    }

    async fn domain_profile(&self, domain: &str) -> Result<crate::model::DomainProfile> {
        let row: crate::store::domains::DomainRow = sqlx::query_as(write::DOMAIN)
            .bind(domain)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_err)?
            .ok_or(StoreError::NotFound)?;
        Ok(row.into())
    }

    async fn domain_profiles(&self) -> Result<Vec<crate::model::DomainProfile>> {
        let rows = sqlx::query_as(write::DOMAINS)
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(crate::store::domains::profiles(rows))
    }

    async fn dnssec_keys(&self, zone: &str) -> Result<Vec<crate::store::DnssecKey>> {
        sqlx::query_as(write::DNSSEC_KEYS)
            .bind(zone)
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)
    }
}

#[cfg(test)]
mod tests {
    use super::duplicated_value;

    #[test]
    fn unique_violations_name_the_value() {
        let inserted = "Key (uri)=(sip:a@example.com) already exists.";
        assert_eq!(duplicated_value(inserted), Some("sip:a@example.com"));
        let built = "Key (handle, domain)=(alice, example.com) is duplicated.";
        assert_eq!(duplicated_value(built), Some("alice, example.com"));
        assert_eq!(duplicated_value("Key (uri) is odd."), None);
    }
}
