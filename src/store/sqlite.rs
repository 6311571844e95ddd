//! SQLite backend: the embedded default, one process.
//!
//! Writers are serialised by a mutex (one process owns the file), readers use
//! the pool concurrently under WAL.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool, Transaction};
use tokio::sync::{Mutex, mpsc};
use uuid::Uuid;

use super::import::{Existing, ImportMessage, ImportOutcome, plan_chunk};
use super::{
    Change, ChangeQuery, Conflict, Result, SearchKey, Store, StoreError, SubjectQuery, Token,
    Write, subject_json, token_json,
};
use crate::model::{Address, Domain, Handle, Kind, Scope, Subject, SubjectAddress, Visibility};

mod scan;

pub struct SqliteStore {
    pool: SqlitePool,
    writer: Mutex<()>,
}

const SUBJECT_COLUMNS: &str =
    "id, acct, handle, domain, display_name, discoverable, version, created_at, updated_at";
const ADDRESS_COLUMNS: &str =
    "id, subject_id, uri, kind, visibility, discoverable, priority, label";

impl SqliteStore {
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
        bind: impl FnOnce(
            sqlx::query::Query<'_, Sqlite, sqlx::sqlite::SqliteArguments>,
        ) -> sqlx::query::Query<'_, Sqlite, sqlx::sqlite::SqliteArguments>,
        subjects: &mut [Subject],
    ) -> Result<()> {
        let sql =
            format!("SELECT {ADDRESS_COLUMNS} FROM address WHERE subject_id IN ({condition})");
        let rows = bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        attach_addresses(subjects, rows)
    }
}

fn map_err(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Internal(e.to_string()),
    }
}

fn subject_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Subject> {
    let handle: String = row.get("handle");
    let domain: String = row.get("domain");
    Ok(Subject {
        id: row.get("id"),
        acct: row.get("acct"),
        handle: Handle::trusted(handle),
        domain: Domain::trusted(domain),
        display_name: row.get("display_name"),
        discoverable: row.get("discoverable"),
        version: row.get("version"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
        addresses: Vec::new(),
    })
}

fn address_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<(Uuid, SubjectAddress)> {
    let kind: String = row.get("kind");
    let kind =
        Kind::from_scheme(&kind).ok_or_else(|| StoreError::Internal(format!("bad kind {kind}")))?;
    let visibility: String = row.get("visibility");
    let priority: i64 = row.get("priority");
    Ok((
        row.get("subject_id"),
        SubjectAddress {
            id: row.get("id"),
            uri: Address::trusted(kind, row.get("uri")),
            kind,
            visibility: Visibility::from_str(&visibility).map_err(StoreError::Internal)?,
            discoverable: row.get("discoverable"),
            priority: priority as u16,
            label: row.get("label"),
        },
    ))
}

fn attach_addresses(subjects: &mut [Subject], rows: Vec<sqlx::sqlite::SqliteRow>) -> Result<()> {
    let index: HashMap<Uuid, usize> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for row in &rows {
        let (subject_id, address) = address_from_row(row)?;
        if let Some(&i) = index.get(&subject_id) {
            subjects[i].addresses.push(address);
        }
    }
    subjects.iter_mut().for_each(Subject::sort_addresses);
    Ok(())
}

async fn fetch_subject(tx: &mut Transaction<'_, Sqlite>, id: Uuid) -> Result<Option<Subject>> {
    let sql = format!("SELECT {SUBJECT_COLUMNS} FROM subject WHERE id = ?");
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(map_err)?
    else {
        return Ok(None);
    };
    let mut subject = subject_from_row(&row)?;
    let sql = format!("SELECT {ADDRESS_COLUMNS} FROM address WHERE subject_id = ?");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&mut **tx)
        .await
        .map_err(map_err)?;
    attach_addresses(std::slice::from_mut(&mut subject), rows)?;
    Ok(Some(subject))
}

/// Refuse addresses another subject owns, naming the first one.
async fn check_owners(tx: &mut Transaction<'_, Sqlite>, subject: &Subject) -> Result<()> {
    if subject.addresses.is_empty() {
        return Ok(());
    }
    let uris: Vec<&str> = subject.addresses.iter().map(|a| a.uri.as_str()).collect();
    let row = sqlx::query(
        "SELECT a.uri, s.acct FROM address a JOIN subject s ON s.id = a.subject_id \
         WHERE a.uri IN (SELECT value FROM json_each(?)) AND a.subject_id <> ? LIMIT 1",
    )
    .bind(serde_json::to_string(&uris).expect("strings serialise"))
    .bind(subject.id)
    .fetch_optional(&mut **tx)
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

async fn check_acct(tx: &mut Transaction<'_, Sqlite>, subject: &Subject) -> Result<()> {
    let taken = sqlx::query("SELECT 1 FROM subject WHERE acct = ? AND id <> ?")
        .bind(&subject.acct)
        .bind(subject.id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(map_err)?;
    match taken {
        Some(_) => Err(StoreError::Conflict(Conflict::Acct(subject.acct.clone()))),
        None => Ok(()),
    }
}

async fn insert_subjects(tx: &mut Transaction<'_, Sqlite>, subjects: &[Subject]) -> Result<()> {
    // SQLite allows 32766 bound variables per statement.
    for chunk in subjects.chunks(1000) {
        let mut q =
            QueryBuilder::<Sqlite>::new(format!("INSERT INTO subject ({SUBJECT_COLUMNS}) "));
        q.push_values(chunk, |mut b, s| {
            b.push_bind(s.id)
                .push_bind(&s.acct)
                .push_bind(s.handle.as_str())
                .push_bind(s.domain.as_str())
                .push_bind(&s.display_name)
                .push_bind(s.discoverable)
                .push_bind(s.version)
                .push_bind(s.created_at)
                .push_bind(s.updated_at);
        });
        q.build().execute(&mut **tx).await.map_err(map_err)?;
    }
    let rows: Vec<(Uuid, &SubjectAddress)> = subjects
        .iter()
        .flat_map(|s| s.addresses.iter().map(move |a| (s.id, a)))
        .collect();
    for chunk in rows.chunks(2000) {
        let mut q =
            QueryBuilder::<Sqlite>::new(format!("INSERT INTO address ({ADDRESS_COLUMNS}) "));
        q.push_values(chunk, |mut b, (subject_id, a)| {
            b.push_bind(a.id)
                .push_bind(*subject_id)
                .push_bind(a.uri.as_str())
                .push_bind(a.kind.scheme())
                .push_bind(a.visibility.as_str())
                .push_bind(a.discoverable)
                .push_bind(a.priority as i64)
                .push_bind(a.label.as_deref());
        });
        q.build()
            .execute(&mut **tx)
            .await
            .map_err(unique_to_conflict)?;
    }
    Ok(())
}

fn unique_to_conflict(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StoreError::Conflict(Conflict::Address {
                uri: "an address".into(),
                owner: "another subject".into(),
            })
        }
        _ => map_err(e),
    }
}

struct ChangeRow<'a> {
    operation: &'a str,
    subject_id: Option<Uuid>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

async fn append_changes(
    tx: &mut Transaction<'_, Sqlite>,
    actor: &str,
    at: DateTime<Utc>,
    changes: &[ChangeRow<'_>],
) -> Result<()> {
    for chunk in changes.chunks(2000) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO change_log (at, actor, operation, subject_id, before, after) ",
        );
        q.push_values(chunk, |mut b, c| {
            b.push_bind(at)
                .push_bind(actor)
                .push_bind(c.operation)
                .push_bind(c.subject_id)
                .push_bind(c.before.as_ref().map(|v| v.to_string()))
                .push_bind(c.after.as_ref().map(|v| v.to_string()));
        });
        q.build().execute(&mut **tx).await.map_err(map_err)?;
    }
    Ok(())
}

fn change_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Change> {
    let json = |col: &str| -> Result<Option<serde_json::Value>> {
        let text: Option<String> = row.get(col);
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Internal(e.to_string())))
            .transpose()
    };
    Ok(Change {
        serial: row.get("serial"),
        at: row.get("at"),
        actor: row.get("actor"),
        operation: row.get("operation"),
        subject_id: row.get("subject_id"),
        before: json("before")?,
        after: json("after")?,
    })
}

fn token_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Token> {
    let scope: String = row.get("scope");
    Ok(Token {
        id: row.get("id"),
        name: row.get("name"),
        scope: Scope::from_str(&scope).map_err(StoreError::Internal)?,
        created_at: row.get("created_at"),
        last_used_at: row.get("last_used_at"),
        revoked_at: row.get("revoked_at"),
    })
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

    #[tracing::instrument(skip_all, fields(operation))]
    async fn write(&self, actor: &str, operation: &str, write: Write) -> Result<Option<Subject>> {
        let _guard = self.writer.lock().await;
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        let now = Utc::now();
        let (subject_id, before, after) = match write {
            Write::Create(subject) => {
                check_acct(&mut tx, &subject).await?;
                check_owners(&mut tx, &subject).await?;
                insert_subjects(&mut tx, std::slice::from_ref(&subject)).await?;
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
                sqlx::query("DELETE FROM subject WHERE id = ?")
                    .bind(subject.id)
                    .execute(&mut *tx)
                    .await
                    .map_err(map_err)?;
                insert_subjects(&mut tx, std::slice::from_ref(&subject)).await?;
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
                sqlx::query("DELETE FROM subject WHERE id = ?")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(map_err)?;
                (id, Some(before), None)
            }
        };
        let change = ChangeRow {
            operation,
            subject_id: Some(subject_id),
            before: before.as_ref().map(subject_json),
            after: after.as_ref().map(subject_json),
        };
        append_changes(&mut tx, actor, now, &[change]).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(after)
    }

    async fn subject(&self, id: Uuid) -> Result<Subject> {
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        let subject = fetch_subject(&mut tx, id).await?;
        tx.commit().await.map_err(map_err)?;
        subject.ok_or(StoreError::NotFound)
    }

    async fn search(&self, query: &SubjectQuery) -> Result<Vec<Subject>> {
        let after = query.after.unwrap_or(Uuid::nil());
        let limit = query.limit as i64;
        let (condition, key): (&'static str, Option<String>) = match &query.key {
            None => (
                "SELECT id FROM subject WHERE id > ?1 ORDER BY id LIMIT ?2",
                None,
            ),
            Some(SearchKey::Address(uri)) => (
                "SELECT id FROM subject WHERE id > ?1 AND (acct = ?3 OR id IN \
                 (SELECT subject_id FROM address WHERE uri = ?3)) ORDER BY id LIMIT ?2",
                Some(uri.clone()),
            ),
            Some(SearchKey::HandlePrefix(prefix)) => (
                "SELECT id FROM subject WHERE id > ?1 AND substr(handle, 1, length(?3)) = ?3 \
                 ORDER BY id LIMIT ?2",
                Some(prefix.clone()),
            ),
        };
        let sql =
            format!("SELECT {SUBJECT_COLUMNS} FROM subject WHERE id IN ({condition}) ORDER BY id");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(after)
            .bind(limit);
        if let Some(k) = &key {
            q = q.bind(k);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(map_err)?;
        let mut subjects = rows
            .iter()
            .map(subject_from_row)
            .collect::<Result<Vec<_>>>()?;
        self.load_addresses(
            condition,
            |q| {
                let q = q.bind(after).bind(limit);
                match &key {
                    Some(k) => q.bind(k.clone()),
                    None => q,
                }
            },
            &mut subjects,
        )
        .await?;
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
        let sql = match (query.descending, query.subject.is_some()) {
            (false, false) => "SELECT * FROM change_log WHERE serial > ?1 ORDER BY serial LIMIT ?2",
            (false, true) => {
                "SELECT * FROM change_log WHERE serial > ?1 AND subject_id = ?3 ORDER BY serial LIMIT ?2"
            }
            (true, false) => {
                "SELECT * FROM change_log WHERE serial < ?1 ORDER BY serial DESC LIMIT ?2"
            }
            (true, true) => {
                "SELECT * FROM change_log WHERE serial < ?1 AND subject_id = ?3 \
                 ORDER BY serial DESC LIMIT ?2"
            }
        };
        let cursor = query
            .cursor
            .unwrap_or(if query.descending { i64::MAX } else { 0 });
        let mut q = sqlx::query(sql).bind(cursor).bind(query.limit as i64);
        if let Some(subject) = query.subject {
            q = q.bind(subject);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(map_err)?;
        rows.iter().map(change_from_row).collect()
    }

    async fn import(
        &self,
        actor: &str,
        skip_conflicts: bool,
        mut chunks: mpsc::Receiver<ImportMessage>,
    ) -> Result<ImportOutcome> {
        let _guard = self.writer.lock().await;
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        let mut outcome = ImportOutcome::default();
        let now = Utc::now();
        loop {
            let chunk = match chunks.recv().await {
                Some(ImportMessage::Chunk(chunk)) => chunk,
                Some(ImportMessage::Commit) => break,
                // The sender gave up: dropping `tx` rolls everything back.
                None => return Err(StoreError::Internal("import aborted".into())),
            };
            let accts: Vec<&str> = chunk.iter().map(|(_, s)| s.acct.as_str()).collect();
            let rows = sqlx::query(
                "SELECT id, acct, version, created_at FROM subject \
                 WHERE acct IN (SELECT value FROM json_each(?))",
            )
            .bind(serde_json::to_string(&accts).expect("strings serialise"))
            .fetch_all(&mut *tx)
            .await
            .map_err(map_err)?;
            let existing: HashMap<String, Existing> = rows
                .iter()
                .map(|r| {
                    (
                        r.get("acct"),
                        Existing {
                            id: r.get("id"),
                            version: r.get("version"),
                            created_at: r.get("created_at"),
                        },
                    )
                })
                .collect();
            let uris: Vec<&str> = chunk
                .iter()
                .flat_map(|(_, s)| s.addresses.iter().map(|a| a.uri.as_str()))
                .collect();
            let rows = sqlx::query(
                "SELECT a.uri, a.subject_id, s.acct FROM address a JOIN subject s ON s.id = a.subject_id \
                 WHERE a.uri IN (SELECT value FROM json_each(?))",
            )
            .bind(serde_json::to_string(&uris).expect("strings serialise"))
            .fetch_all(&mut *tx)
            .await
            .map_err(map_err)?;
            let owners: HashMap<String, (Uuid, String)> = rows
                .iter()
                .map(|r| (r.get("uri"), (r.get("subject_id"), r.get("acct"))))
                .collect();
            let plan = plan_chunk(chunk, &existing, &owners, skip_conflicts, now, &mut outcome)?;
            let mut befores = HashMap::new();
            for s in &plan.updates {
                if let Some(before) = fetch_subject(&mut tx, s.id).await? {
                    befores.insert(s.id, subject_json(&before));
                }
                sqlx::query("DELETE FROM subject WHERE id = ?")
                    .bind(s.id)
                    .execute(&mut *tx)
                    .await
                    .map_err(map_err)?;
            }
            let all: Vec<Subject> = plan.creates.into_iter().chain(plan.updates).collect();
            insert_subjects(&mut tx, &all).await?;
            let changes: Vec<ChangeRow> = all
                .iter()
                .map(|s| ChangeRow {
                    operation: "import",
                    subject_id: Some(s.id),
                    before: befores.remove(&s.id),
                    after: Some(subject_json(s)),
                })
                .collect();
            append_changes(&mut tx, actor, now, &changes).await?;
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
        let _guard = self.writer.lock().await;
        let token = Token {
            id: Uuid::now_v7(),
            name: name.to_owned(),
            scope,
            created_at: Utc::now(),
            last_used_at: None,
            revoked_at: None,
        };
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        sqlx::query("INSERT INTO token (id, name, scope, hash, created_at) VALUES (?, ?, ?, ?, ?)")
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
            after: Some(token_json(&token)),
        };
        append_changes(&mut tx, actor, token.created_at, &[change]).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(token)
    }

    async fn tokens(&self) -> Result<Vec<Token>> {
        let rows = sqlx::query("SELECT * FROM token ORDER BY id")
            .fetch_all(&self.pool)
            .await
            .map_err(map_err)?;
        rows.iter().map(token_from_row).collect()
    }

    async fn revoke_token(&self, actor: &str, id: Uuid) -> Result<Token> {
        let _guard = self.writer.lock().await;
        let mut tx = self.pool.begin().await.map_err(map_err)?;
        let row = sqlx::query("SELECT * FROM token WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(map_err)?
            .ok_or(StoreError::NotFound)?;
        let before = token_from_row(&row)?;
        if before.revoked_at.is_some() {
            return Ok(before);
        }
        let now = Utc::now();
        sqlx::query("UPDATE token SET revoked_at = ? WHERE id = ?")
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
            before: Some(token_json(&before)),
            after: Some(token_json(&after)),
        };
        append_changes(&mut tx, actor, now, &[change]).await?;
        tx.commit().await.map_err(map_err)?;
        Ok(after)
    }

    async fn token_by_hash(&self, hash: &str) -> Result<Option<Token>> {
        let row = sqlx::query("SELECT * FROM token WHERE hash = ? AND revoked_at IS NULL")
            .bind(hash)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_err)?;
        row.as_ref().map(token_from_row).transpose()
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
}
