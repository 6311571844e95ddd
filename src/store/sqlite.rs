//! SQLite backend: the embedded default, one process.
//!
//! Writers are serialised by a mutex (one process owns the file), readers use
//! the pool concurrently under WAL. Writes run the store's one algorithm
//! (`store/write.rs`) on the primitives in `sqlite/write.rs`.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use tokio::sync::Mutex;
use uuid::Uuid;

use super::write::{BeginWrite, WriteTx};
use super::{
    Audience, Change, ChangeQuery, ConsoleSession, REPLICA_FORGOTTEN_AFTER, ReplicaStatus, Result,
    SearchKey, Store, StoreError, SubjectQuery, Token, attach_addresses,
};
use crate::model::Subject;
use rows::{
    ADDRESS_COLUMNS, SUBJECT_COLUMNS, address_from_row, change_from_row, subject_from_row,
    token_from_row,
};

mod rows;
mod scan;
mod write;

pub struct SqliteStore {
    pool: SqlitePool,
    writer: Mutex<()>,
}

/// A handle prefix shared by fewer subjects than this is searched through
/// the handle index; a more common one by walking ids.
const RARE_PREFIX: i64 = 10_000;

impl SqliteStore {
    /// Whether fewer than [`RARE_PREFIX`] handles start with `prefix`
    /// (counted on the handle index, stopping at the limit).
    async fn rare_prefix(&self, prefix: &str) -> Result<bool> {
        let count: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM (SELECT 1 FROM subject \
             WHERE handle >= ?1 AND handle < ?1 || '~' LIMIT ?2)",
        )
        .bind(prefix)
        .bind(RARE_PREFIX)
        .fetch_one(&self.pool)
        .await
        .map_err(map_err)?;
        Ok(count < RARE_PREFIX)
    }

    pub async fn open(url: &str) -> Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Internal(format!("bad SQLite URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(map_err)?;
        Ok(SqliteStore {
            pool,
            writer: Mutex::new(()),
        })
    }

    async fn load_addresses(
        &self,
        condition: &'static str,
        bind: impl FnOnce(SqliteQuery) -> SqliteQuery,
        subjects: &mut [Subject],
    ) -> Result<()> {
        let sql =
            format!("SELECT {ADDRESS_COLUMNS} FROM address WHERE subject_id IN ({condition})");
        let rows = bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        attach_addresses(subjects, rows.iter().map(address_from_row))
    }
}

/// A query that owns its SQL and its bound values.
type SqliteQuery = sqlx::query::Query<'static, Sqlite, sqlx::sqlite::SqliteArguments>;

fn map_err(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Internal(e.to_string()),
    }
}

#[async_trait]
impl BeginWrite for SqliteStore {
    async fn begin_write(&self) -> Result<Box<dyn WriteTx + '_>> {
        let writer = self.writer.lock().await;
        // IMMEDIATE: the write lock is taken at BEGIN, where the busy
        // timeout waits for it. A deferred transaction that read first
        // would fail at its first write (SQLITE_BUSY_SNAPSHOT, no wait)
        // whenever a write outside the writer lock — a token's
        // `last_used_at` — committed in between.
        let tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(map_err)?;
        Ok(Box::new(write::SqliteWrite {
            _writer: writer,
            tx,
        }))
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn migrate(&self) -> Result<()> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Internal(format!("migration failed: {e}")))
    }

    async fn subject(&self, id: Uuid) -> Result<Subject> {
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        let sql = format!("SELECT {SUBJECT_COLUMNS} FROM subject WHERE id = ?");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map_err)?
            .ok_or(StoreError::NotFound)?;
        let mut subject = subject_from_row(&row)?;
        let sql = format!("SELECT {ADDRESS_COLUMNS} FROM address WHERE subject_id = ?");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_all(&mut *tx)
            .await
            .map_err(map_err)?;
        tx.commit().await.map_err(map_err)?;
        attach_addresses(
            std::slice::from_mut(&mut subject),
            rows.iter().map(address_from_row),
        )?;
        Ok(subject)
    }

    async fn search(&self, query: &SubjectQuery) -> Result<Vec<Subject>> {
        let after = query.after.unwrap_or(Uuid::nil());
        let limit = query.limit as i64;
        let condition = match &query.key {
            None => "SELECT id FROM subject WHERE id > ?1 ORDER BY id LIMIT ?2",
            Some(SearchKey::Acct(_)) => {
                "SELECT id FROM subject WHERE id > ?1 AND handle = ?3 AND domain = ?4 \
                 ORDER BY id LIMIT ?2"
            }
            Some(SearchKey::Address(_)) => {
                "SELECT id FROM subject WHERE id > ?1 AND id IN \
                 (SELECT subject_id FROM address WHERE uri = ?3) ORDER BY id LIMIT ?2"
            }
            // Not LIKE: handles contain `_`, a LIKE wildcard. A rare prefix
            // is found through the handle index (its range, in byte order:
            // handles are ASCII below `~`) and sorted; a common one by
            // walking ids, where matches are dense enough to fill a page
            // soon. Neither plan alone is fast for both.
            Some(SearchKey::HandlePrefix(prefix)) if self.rare_prefix(prefix).await? => {
                "SELECT id FROM subject WHERE id > ?1 AND substr(handle, 1, length(?3)) = ?3 \
                 AND handle >= ?3 AND handle < ?3 || '~' ORDER BY id LIMIT ?2"
            }
            Some(SearchKey::HandlePrefix(_)) => {
                "SELECT id FROM subject WHERE id > ?1 AND substr(handle, 1, length(?3)) = ?3 \
                 ORDER BY id LIMIT ?2"
            }
        };
        let bound: Vec<String> = query
            .key
            .iter()
            .flat_map(SearchKey::bound)
            .map(str::to_owned)
            .collect();
        let bind = |q: SqliteQuery| {
            bound
                .iter()
                .fold(q.bind(after).bind(limit), |q, value| q.bind(value.clone()))
        };
        let sql =
            format!("SELECT {SUBJECT_COLUMNS} FROM subject WHERE id IN ({condition}) ORDER BY id");
        let rows = bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        let mut subjects = rows
            .iter()
            .map(subject_from_row)
            .collect::<Result<Vec<Subject>>>()?;
        self.load_addresses(condition, bind, &mut subjects).await?;
        Ok(subjects)
    }

    fn subjects(&self) -> BoxStream<'_, Result<Subject>> {
        scan::subjects(&self.pool, scan::CHUNK)
    }

    async fn last_serial(&self) -> Result<i64> {
        let serial: Option<i64> = sqlx::query_scalar("SELECT max(serial) FROM change_log")
            .fetch_one(&self.pool)
            .await
            .map_err(map_err)?;
        Ok(serial.unwrap_or(0))
    }

    async fn changes(&self, query: &ChangeQuery) -> Result<Vec<Change>> {
        let mut sql = String::from(if query.descending {
            "SELECT * FROM change_log WHERE serial < ?1"
        } else {
            "SELECT * FROM change_log WHERE serial > ?1"
        });
        let mut n = 2;
        if query.subject.is_some() {
            n += 1;
            sql.push_str(&format!(" AND subject_id = ?{n}"));
        }
        if query.actor.is_some() {
            n += 1;
            sql.push_str(&format!(" AND actor = ?{n}"));
        }
        sql.push_str(if query.descending {
            " ORDER BY serial DESC LIMIT ?2"
        } else {
            " ORDER BY serial LIMIT ?2"
        });
        let cursor = query
            .cursor
            .unwrap_or(if query.descending { i64::MAX } else { 0 });
        // Built from constant fragments only; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cursor)
            .bind(query.limit as i64);
        if let Some(subject) = query.subject {
            q = q.bind(subject);
        }
        if let Some(actor) = &query.actor {
            q = q.bind(actor);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(map_err)?;
        rows.iter().map(change_from_row).collect()
    }

    async fn tokens(&self) -> Result<Vec<Token>> {
        let rows = sqlx::query("SELECT * FROM token ORDER BY id")
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        rows.iter().map(token_from_row).collect()
    }

    async fn record_replica(&self, status: &ReplicaStatus) -> Result<()> {
        sqlx::query("DELETE FROM replica WHERE seen_at < ?")
            .bind(status.seen_at - REPLICA_FORGOTTEN_AFTER)
            .execute(&self.pool)
            .await
            .map_err(map_err)?;
        sqlx::query(
            "INSERT INTO replica (name, serial, ready, version, standby_lag_serials, heartbeat_ms, \
             started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
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
        .bind(status.started_at)
        .bind(status.seen_at)
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
        sqlx::query("DELETE FROM replica WHERE name = ?")
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
        let row = sqlx::query("SELECT * FROM token WHERE hash = ? AND revoked_at IS NULL")
            .bind(hash)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_err)?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn session(&self, hash: &str) -> Result<Option<(ConsoleSession, Option<Token>)>> {
        use sqlx::Row;
        let Some(row) = sqlx::query("SELECT hash, token_id, actor, csrf, created_at, expires_at FROM console_session WHERE hash = ?")
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
                let row = sqlx::query("SELECT * FROM token WHERE id = ? AND revoked_at IS NULL")
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
        sqlx::query("UPDATE token SET last_used_at = ? WHERE id = ?")
            .bind(at)
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
