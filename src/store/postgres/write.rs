//! PostgreSQL's write primitives: the SQL under [`crate::store::write`].
//! The caller of each holds [`WRITE_LOCK`](super::WRITE_LOCK).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgBindIterExt, PgConnection};
use sqlx::types::Json;
use sqlx::{Postgres, Transaction};
use tokio::sync::MutexGuard;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::copy::{self, CopyRows};
use super::map_err;
use super::rows::{load_subjects, micros, token_from_row};
use crate::model::{Block, DomainProfile};
use crate::model::{Domain, Handle, Subject};
use crate::store::blocks::BlockRow;
use crate::store::domains::{DomainRow, links_column, properties_column};
use crate::store::import::Existing;
use crate::store::write::{AddressOwner, ChangeRow, Imported, WriteTx};
use crate::store::{Audience, ConsoleSession, DnssecKey, Result, Token};

/// Every audience, by name.
pub(super) const AUDIENCES: &str = "SELECT name, created_at FROM audience ORDER BY name";

/// The first user of audience `$1`: the SQL of the SQLite backend's
/// `AUDIENCE_USER`, JSON columns read as text.
const AUDIENCE_USER: &str = "\
    SELECT 'token ' || name FROM token \
    WHERE revoked_at IS NULL AND audiences LIKE '%\"' || $1 || '\"%' \
    UNION ALL SELECT 'address ' || uri FROM address \
    WHERE (visibility LIKE 'audience:%' AND ',' || substr(visibility, 10) || ',' LIKE '%,' || $1 || ',%') \
    OR (discoverable_level LIKE 'audience:%' AND ',' || substr(discoverable_level, 10) || ',' LIKE '%,' || $1 || ',%') \
    UNION ALL SELECT 'block ' || prefix FROM number_block \
    WHERE (visibility LIKE 'audience:%' AND ',' || substr(visibility, 10) || ',' LIKE '%,' || $1 || ',%') OR templates::text LIKE '%audience:%' || $1 || '%' \
    UNION ALL SELECT 'subject acct:' || handle || '@' || domain FROM subject \
    WHERE (discoverable_level LIKE 'audience:%' AND ',' || substr(discoverable_level, 10) || ',' LIKE '%,' || $1 || ',%') \
    OR (display_name_visibility LIKE 'audience:%' AND ',' || substr(display_name_visibility, 10) || ',' LIKE '%,' || $1 || ',%') \
    OR links::text LIKE '%audience:%' || $1 || '%' OR properties::text LIKE '%audience:%' || $1 || '%' \
    UNION ALL SELECT 'domain ' || domain FROM domain_profile \
    WHERE links::text LIKE '%audience:%' || $1 || '%' OR properties::text LIKE '%audience:%' || $1 || '%' \
    LIMIT 1";

/// A write transaction: this process's writer turn, then the database's
/// [`WRITE_LOCK`](super::WRITE_LOCK) in `tx`.
pub(super) struct PgWrite<'a> {
    pub(super) _writer: MutexGuard<'a, ()>,
    pub(super) tx: Transaction<'static, Postgres>,
    /// The previous import chunk's change-log rows, still being encoded.
    pub(super) pending: Option<JoinHandle<CopyRows>>,
    /// The statements that build again the indexes a bulk load dropped.
    pub(super) deferred: Vec<String>,
}

#[async_trait]
impl WriteTx for PgWrite<'_> {
    fn kept(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        micros(at)
    }

    async fn subjects(&mut self, ids: &[Uuid]) -> Result<Vec<Subject>> {
        self.build_deferred().await?;
        load_subjects(&mut self.tx, ids).await
    }

    async fn holds_subjects(&mut self) -> Result<bool> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM subject)")
            .fetch_one(&mut *self.tx)
            .await
            .map_err(map_err)
    }

    /// Into an empty store, the secondary indexes of `subject` and
    /// `address` (acct, handle prefix, address URI, address owner) are
    /// dropped in this transaction and sorted into shape once every row is
    /// in: maintaining them row by row costs the COPY of a million
    /// subjects more than twice what building them costs. The primary keys
    /// stay (ids are time-ordered: they only append) and so does the
    /// change log's every index (its readers, the change feed and health
    /// checks, must not wait). Dropping an index locks its table until
    /// commit: readers of subjects and addresses wait for the import, as
    /// they do for any migration, but the store they would see is empty.
    async fn bulk_load(&mut self) -> Result<()> {
        let indexes: Vec<(String, String)> = sqlx::query_as(DEFERRABLE_INDEXES)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(map_err)?;
        // Sorting the largest (the URIs of 4.3 M addresses) takes
        // about 300 MB; the server's default is 64 MB.
        sqlx::query("SET LOCAL maintenance_work_mem = '512MB'")
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        for (drop, create) in indexes {
            sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
                .execute(&mut *self.tx)
                .await
                .map_err(map_err)?;
            self.deferred.push(create);
        }
        Ok(())
    }

    async fn subjects_by_acct(&mut self, accts: &[(&Handle, &Domain)]) -> Result<Vec<Existing>> {
        self.build_deferred().await?;
        sqlx::query_as(
            "SELECT id, handle, domain, version, created_at FROM subject \
             WHERE (handle, domain) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
        )
        .bind(accts.iter().map(|(handle, _)| handle.as_str()).bind_iter())
        .bind(accts.iter().map(|(_, domain)| domain.as_str()).bind_iter())
        .fetch_all(&mut *self.tx)
        .await
        .map_err(map_err)
    }

    async fn address_owners(&mut self, uris: &[&str]) -> Result<Vec<AddressOwner>> {
        self.build_deferred().await?;
        sqlx::query_as(
            "SELECT a.uri, a.subject_id, s.handle, s.domain FROM address a \
             JOIN subject s ON s.id = a.subject_id WHERE a.uri = ANY($1)",
        )
        .bind(uris)
        .fetch_all(&mut *self.tx)
        .await
        .map_err(map_err)
    }

    async fn delete_subjects(&mut self, ids: &[Uuid]) -> Result<()> {
        self.build_deferred().await?;
        // No foreign key cascades (see the migration): delete the addresses too.
        sqlx::query(
            "WITH addresses AS (DELETE FROM address WHERE subject_id = ANY($1)) \
             DELETE FROM subject WHERE id = ANY($1)",
        )
        .bind(ids)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn insert_subjects(&mut self, subjects: &[Subject]) -> Result<()> {
        match subjects {
            [subject] => insert_subject(&mut self.tx, subject).await,
            many => copy::copy_subjects(&mut self.tx, many).await,
        }
    }

    async fn append_change(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        change: ChangeRow<'_>,
    ) -> Result<()> {
        self.flush_imported().await?;
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
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn append_imported(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        imported: Vec<Imported>,
    ) -> Result<()> {
        let encoding = copy::encode_changes(actor, at, imported);
        if let Some(previous) = self.pending.replace(encoding) {
            copy::copy_changes(&mut self.tx, previous).await?;
        }
        Ok(())
    }

    async fn block(&mut self, id: Uuid) -> Result<Option<Block>> {
        let row: Option<BlockRow> = sqlx::query_as(BLOCK)
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)?;
        row.map(Block::try_from).transpose()
    }

    async fn block_by_prefix(&mut self, prefix: &str) -> Result<Option<Block>> {
        let row: Option<BlockRow> = sqlx::query_as("SELECT * FROM number_block WHERE prefix = $1")
            .bind(prefix)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)?;
        row.map(Block::try_from).transpose()
    }

    async fn owned_block(&mut self, owner: &str) -> Result<Option<String>> {
        sqlx::query_scalar(
            "SELECT prefix FROM number_block WHERE owner = $1 ORDER BY prefix LIMIT 1",
        )
        .bind(owner)
        .fetch_optional(&mut *self.tx)
        .await
        .map_err(map_err)
    }

    async fn insert_block(&mut self, block: &Block) -> Result<()> {
        sqlx::query(
            "INSERT INTO number_block (id, prefix, length, owner, label, visibility, \
             discoverable, templates, version, created_at, updated_at, routing_number) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(block.id)
        .bind(&block.prefix)
        .bind(block.length.map(i32::from))
        .bind(&block.owner)
        .bind(&block.label)
        .bind(block.visibility.to_string())
        .bind(block.discoverable)
        .bind(sqlx::types::Json(&block.templates))
        .bind(block.version)
        .bind(block.created_at)
        .bind(block.updated_at)
        .bind(&block.routing_number)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn delete_block(&mut self, id: Uuid) -> Result<()> {
        sqlx::query("DELETE FROM number_block WHERE id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn domain_profile(&mut self, domain: &str) -> Result<Option<DomainProfile>> {
        let row: Option<DomainRow> = sqlx::query_as(DOMAIN)
            .bind(domain)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(row.map(DomainProfile::from))
    }

    async fn insert_domain_profile(&mut self, p: &DomainProfile) -> Result<()> {
        sqlx::query(
            "INSERT INTO domain_profile (domain, links, properties, xmpp_websocket, xmpp_bosh, \
             version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(p.domain.as_str())
        .bind(Json(&p.links))
        .bind(Json(&p.properties))
        .bind(&p.xmpp_websocket)
        .bind(&p.xmpp_bosh)
        .bind(p.version)
        .bind(p.created_at)
        .bind(p.updated_at)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn delete_domain_profile(&mut self, domain: &str) -> Result<()> {
        sqlx::query("DELETE FROM domain_profile WHERE domain = $1")
            .bind(domain)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn token(&mut self, id: Uuid) -> Result<Option<Token>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            token_columns!(),
            " FROM token WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *self.tx)
        .await
        .map_err(map_err)?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn insert_token(&mut self, token: &Token, hash: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO token (id, name, scope, audiences, subject_id, hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(token.id)
        .bind(&token.name)
        .bind(token.scope.as_str())
        .bind(serde_json::to_string(&token.audiences).expect("names serialise"))
        .bind(token.subject)
        .bind(hash)
        .bind(token.created_at)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn audiences(&mut self) -> Result<Vec<Audience>> {
        sqlx::query_as(AUDIENCES)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(map_err)
    }

    async fn insert_audience(&mut self, audience: &Audience) -> Result<()> {
        sqlx::query("INSERT INTO audience (name, created_at) VALUES ($1, $2)")
            .bind(&audience.name)
            .bind(audience.created_at)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn delete_audience(&mut self, name: &str) -> Result<()> {
        sqlx::query("DELETE FROM audience WHERE name = $1")
            .bind(name)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn audience_user(&mut self, name: &str) -> Result<Option<String>> {
        sqlx::query_scalar(AUDIENCE_USER)
            .bind(name)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)
    }

    async fn revoke_subject_tokens(&mut self, subject: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("DELETE FROM console_session WHERE token_id IN (SELECT id FROM token WHERE subject_id = $1)")
            .bind(subject)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query(
            "UPDATE token SET revoked_at = $1 WHERE subject_id = $2 AND revoked_at IS NULL",
        )
        .bind(at)
        .bind(subject)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn set_token_revoked(&mut self, id: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE token SET revoked_at = $1 WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query("DELETE FROM console_session WHERE token_id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn dnssec_keys(&mut self, zone: &str) -> Result<Vec<DnssecKey>> {
        sqlx::query_as(DNSSEC_KEYS)
            .bind(zone)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(map_err)
    }

    async fn insert_dnssec_key(&mut self, key: &DnssecKey) -> Result<()> {
        sqlx::query(
            "INSERT INTO dnssec_key \
             (id, zone, algorithm, private_key, created_at, active_at, removed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(key.id)
        .bind(&key.zone)
        .bind(key.algorithm)
        .bind(key.private_key.pkcs8_der())
        .bind(key.created_at)
        .bind(key.active_at)
        .bind(key.removed_at)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn set_dnssec_key_removed(&mut self, id: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE dnssec_key SET removed_at = $2 WHERE id = $1")
            .bind(id)
            .bind(at)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn insert_session(&mut self, session: &ConsoleSession, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("DELETE FROM console_session WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query(
            "INSERT INTO console_session (hash, token_id, actor, csrf, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&session.hash)
        .bind(session.token_id)
        .bind(&session.actor)
        .bind(&session.csrf)
        .bind(session.created_at)
        .bind(session.expires_at)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn delete_session(&mut self, hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM console_session WHERE hash = $1")
            .bind(hash)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn commit(mut self: Box<Self>) -> Result<()> {
        self.flush_imported().await?;
        self.build_deferred().await?;
        self.tx.commit().await.map_err(map_err)
    }
}

/// One block by id.
pub(super) const BLOCK: &str = "SELECT * FROM number_block WHERE id = $1";

/// One domain profile.
pub(super) const DOMAIN: &str = "SELECT * FROM domain_profile WHERE domain = $1";

/// Every domain profile, in domain order.
pub(super) const DOMAINS: &str = "SELECT * FROM domain_profile ORDER BY domain";

/// Every block, in prefix order.
pub(super) const BLOCKS: &str = "SELECT * FROM number_block ORDER BY prefix";

/// A zone's keys, oldest first.
pub(super) const DNSSEC_KEYS: &str =
    "SELECT * FROM dnssec_key WHERE zone = $1 ORDER BY created_at, id";

/// The secondary indexes of `subject` and `address` a bulk load may drop
/// and build again: (drop, create) statements, the unique ones as the
/// constraints they are, under their names (errors name them). Primary
/// keys and indexes a foreign key relies on stay.
const DEFERRABLE_INDEXES: &str = "\
    SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', x.indexrelid::regclass) \
        ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', x.indrelid::regclass, c.conname) END, \
        CASE WHEN c.oid IS NULL THEN pg_get_indexdef(x.indexrelid) \
        ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', x.indrelid::regclass, c.conname, \
            pg_get_constraintdef(c.oid)) END \
    FROM pg_index x \
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid \
        AND c.contype IN ('u', 'x') \
    WHERE x.indrelid IN ('subject'::regclass, 'address'::regclass) AND NOT x.indisprimary \
    AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = x.indexrelid) \
    ORDER BY x.indexrelid";

impl PgWrite<'_> {
    /// Build the indexes [`WriteTx::bulk_load`] dropped, before a lookup
    /// needs them or the transaction commits. A unique index that finds a
    /// duplicate fails as a conflict naming the value (`map_err`).
    async fn build_deferred(&mut self) -> Result<()> {
        for create in std::mem::take(&mut self.deferred) {
            sqlx::raw_sql(sqlx::AssertSqlSafe(create))
                .execute(&mut *self.tx)
                .await
                .map_err(map_err)?;
        }
        Ok(())
    }

    /// Write the change-log rows still being encoded: serials follow the
    /// order of the writes.
    async fn flush_imported(&mut self) -> Result<()> {
        match self.pending.take() {
            Some(last) => copy::copy_changes(&mut self.tx, last).await,
            None => Ok(()),
        }
    }
}

/// Insert a written subject and its addresses, in two statements.
///
/// Not COPY, which imports use: sqlx 0.9.0 leaves Nagle's algorithm on
/// (launchbadge/sqlx#4335), so COPY's last small message waits for the
/// server's delayed ACK, some 40 ms per COPY, a tenth of a second per write.
/// Nor arrays for imports: sqlx encodes big arrays far slower than the
/// binary COPY rows of [`copy`].
async fn insert_subject(conn: &mut PgConnection, s: &Subject) -> Result<()> {
    sqlx::query(concat!(
        "INSERT INTO subject (",
        subject_columns!(),
        ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(s.id)
    .bind(s.handle.as_str())
    .bind(s.domain.as_str())
    .bind(&s.display_name)
    .bind(s.discoverable.is_everyone())
    .bind(s.version)
    .bind(s.created_at)
    .bind(s.updated_at)
    .bind(links_column(&s.links))
    .bind(properties_column(&s.properties))
    .bind(s.display_name_visibility.to_string())
    .bind(s.discoverable.level())
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
        ") SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::text[], $4::text[], \
         $5::boolean[], $6::integer[], $7::text[], $8::text[], $9::text[])"
    ))
    .bind(column().map(|a| a.id).bind_iter())
    .bind(column().map(|_| s.id).bind_iter())
    .bind(column().map(|a| a.uri.as_str()).bind_iter())
    .bind(column().map(|a| a.visibility.to_string()).bind_iter())
    .bind(column().map(|a| a.discoverable.is_everyone()).bind_iter())
    .bind(column().map(|a| i32::from(a.priority)).bind_iter())
    .bind(column().map(|a| a.label.as_deref()).bind_iter())
    .bind(column().map(|a| a.routing_number.as_deref()).bind_iter())
    .bind(column().map(|a| a.discoverable.level()).bind_iter())
    .execute(&mut *conn)
    .await
    .map_err(map_err)?;
    Ok(())
}
