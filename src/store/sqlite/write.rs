//! SQLite's write primitives: the SQL under [`crate::store::write`].

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, Transaction};
use tokio::sync::MutexGuard;
use uuid::Uuid;

use super::map_err;
use super::rows::{
    ADDRESS_COLUMNS, IDS_PER_STATEMENT, SUBJECT_COLUMNS, address_from_row, json_list,
    subject_from_row, token_from_row, with_ids,
};
use crate::model::{Block, DomainProfile};
use crate::model::{Domain, Handle, Subject, SubjectAddress};
use crate::store::blocks::BlockRow;
use crate::store::domains::{DomainRow, links_column, properties_column};
use crate::store::import::Existing;
use crate::store::write::{AddressOwner, ChangeRow, Imported, Recorded, WriteTx};
use crate::store::{
    Audience, Conflict, ConsoleSession, DnssecKey, Result, StoreError, Token, attach_addresses,
};

/// A write transaction, holding the process's writer lock (one process
/// owns the file).
pub(super) struct SqliteWrite<'a> {
    pub(super) _writer: MutexGuard<'a, ()>,
    pub(super) tx: Transaction<'static, Sqlite>,
}

#[async_trait]
impl WriteTx for SqliteWrite<'_> {
    async fn subjects(&mut self, ids: &[Uuid]) -> Result<Vec<Subject>> {
        let mut subjects = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(IDS_PER_STATEMENT) {
            let sql = format!("SELECT {SUBJECT_COLUMNS} FROM subject WHERE id IN");
            let rows = with_ids(&sql, chunk)
                .build()
                .fetch_all(&mut *self.tx)
                .await
                .map_err(map_err)?;
            let mut found = rows
                .iter()
                .map(subject_from_row)
                .collect::<Result<Vec<Subject>>>()?;
            let sql = format!("SELECT {ADDRESS_COLUMNS} FROM address WHERE subject_id IN");
            let rows = with_ids(&sql, chunk)
                .build()
                .fetch_all(&mut *self.tx)
                .await
                .map_err(map_err)?;
            attach_addresses(&mut found, rows.iter().map(address_from_row))?;
            subjects.append(&mut found);
        }
        subjects.sort_by_key(|s| s.id);
        Ok(subjects)
    }

    async fn holds_subjects(&mut self) -> Result<bool> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM subject)")
            .fetch_one(&mut *self.tx)
            .await
            .map_err(map_err)
    }

    async fn subjects_by_acct(&mut self, accts: &[(&Handle, &Domain)]) -> Result<Vec<Existing>> {
        sqlx::query_as(
            "SELECT id, handle, domain, version, created_at FROM subject \
             WHERE (handle, domain) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
        )
        .bind(json_list(accts))
        .fetch_all(&mut *self.tx)
        .await
        .map_err(map_err)
    }

    async fn address_owners(&mut self, uris: &[&str]) -> Result<Vec<AddressOwner>> {
        sqlx::query_as(
            "SELECT a.uri, a.subject_id, s.handle, s.domain FROM address a \
             JOIN subject s ON s.id = a.subject_id \
             WHERE a.uri IN (SELECT value FROM json_each(?))",
        )
        .bind(json_list(uris))
        .fetch_all(&mut *self.tx)
        .await
        .map_err(map_err)
    }

    async fn delete_subjects(&mut self, ids: &[Uuid]) -> Result<()> {
        // The foreign key cascades to the addresses.
        for chunk in ids.chunks(IDS_PER_STATEMENT) {
            with_ids("DELETE FROM subject WHERE id IN", chunk)
                .build()
                .execute(&mut *self.tx)
                .await
                .map_err(map_err)?;
        }
        Ok(())
    }

    async fn insert_subjects(&mut self, subjects: &[Subject]) -> Result<()> {
        for chunk in subjects.chunks(IDS_PER_STATEMENT) {
            let mut q =
                QueryBuilder::<Sqlite>::new(format!("INSERT INTO subject ({SUBJECT_COLUMNS}) "));
            q.push_values(chunk, |mut b, s| {
                b.push_bind(s.id)
                    .push_bind(s.handle.as_str())
                    .push_bind(s.domain.as_str())
                    .push_bind(&s.display_name)
                    .push_bind(s.discoverable.is_everyone())
                    .push_bind(s.version)
                    .push_bind(s.created_at)
                    .push_bind(s.updated_at)
                    .push_bind(links_column(&s.links))
                    .push_bind(properties_column(&s.properties))
                    .push_bind(s.display_name_visibility.to_string())
                    .push_bind(s.discoverable.level());
            });
            q.build().execute(&mut *self.tx).await.map_err(map_err)?;
        }
        let rows: Vec<(Uuid, &SubjectAddress)> = subjects
            .iter()
            .flat_map(|s| s.addresses.iter().map(move |a| (s.id, a)))
            .collect();
        for chunk in rows.chunks(2 * IDS_PER_STATEMENT) {
            let mut q =
                QueryBuilder::<Sqlite>::new(format!("INSERT INTO address ({ADDRESS_COLUMNS}) "));
            q.push_values(chunk, |mut b, (subject_id, a)| {
                b.push_bind(a.id)
                    .push_bind(*subject_id)
                    .push_bind(a.uri.as_str())
                    .push_bind(a.visibility.to_string())
                    .push_bind(a.discoverable.is_everyone())
                    .push_bind(a.priority as i64)
                    .push_bind(a.label.as_deref())
                    .push_bind(a.routing_number.as_deref())
                    .push_bind(a.discoverable.level());
            });
            q.build()
                .execute(&mut *self.tx)
                .await
                .map_err(unique_to_conflict)?;
        }
        Ok(())
    }

    async fn append_change(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        change: ChangeRow<'_>,
    ) -> Result<()> {
        append_changes(&mut self.tx, actor, at, &[change]).await
    }

    async fn append_imported(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        imported: Vec<Imported>,
    ) -> Result<()> {
        let changes: Vec<ChangeRow> = imported.iter().map(Imported::change).collect();
        append_changes(&mut self.tx, actor, at, &changes).await
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
        let row: Option<BlockRow> = sqlx::query_as("SELECT * FROM number_block WHERE prefix = ?1")
            .bind(prefix)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)?;
        row.map(Block::try_from).transpose()
    }

    async fn owned_block(&mut self, owner: &str) -> Result<Option<String>> {
        sqlx::query_scalar(
            "SELECT prefix FROM number_block WHERE owner = ?1 ORDER BY prefix LIMIT 1",
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
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
        sqlx::query("DELETE FROM number_block WHERE id = ?1")
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
             version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .bind(p.domain.as_str())
        .bind(sqlx::types::Json(&p.links))
        .bind(sqlx::types::Json(&p.properties))
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
        sqlx::query("DELETE FROM domain_profile WHERE domain = ?1")
            .bind(domain)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn token(&mut self, id: Uuid) -> Result<Option<Token>> {
        let row = sqlx::query("SELECT * FROM token WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await
            .map_err(map_err)?;
        row.as_ref().map(token_from_row).transpose()
    }

    async fn insert_token(&mut self, token: &Token, hash: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO token (id, name, scope, audiences, subject_id, hash, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(token.id)
        .bind(&token.name)
        .bind(token.scope.as_str())
        .bind(sqlx::types::Json(&token.audiences))
        .bind(token.subject)
        .bind(hash)
        .bind(token.created_at)
        .execute(&mut *self.tx)
        .await
        .map_err(map_err)?;
        Ok(())
    }

    async fn revoke_subject_tokens(&mut self, subject: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("DELETE FROM console_session WHERE token_id IN (SELECT id FROM token WHERE subject_id = ?)")
            .bind(subject)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query("UPDATE token SET revoked_at = ? WHERE subject_id = ? AND revoked_at IS NULL")
            .bind(at)
            .bind(subject)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn set_token_revoked(&mut self, id: Uuid, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE token SET revoked_at = ? WHERE id = ?")
            .bind(at)
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query("DELETE FROM console_session WHERE token_id = ?")
            .bind(id)
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
        sqlx::query("INSERT INTO audience (name, created_at) VALUES (?, ?)")
            .bind(&audience.name)
            .bind(audience.created_at)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn delete_audience(&mut self, name: &str) -> Result<()> {
        sqlx::query("DELETE FROM audience WHERE name = ?")
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
             VALUES (?, ?, ?, ?, ?, ?, ?)",
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
        sqlx::query("UPDATE dnssec_key SET removed_at = ? WHERE id = ?")
            .bind(at)
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn insert_session(&mut self, session: &ConsoleSession, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("DELETE FROM console_session WHERE expires_at < ?")
            .bind(now)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        sqlx::query("INSERT INTO console_session (hash, token_id, actor, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
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
        sqlx::query("DELETE FROM console_session WHERE hash = ?")
            .bind(hash)
            .execute(&mut *self.tx)
            .await
            .map_err(map_err)?;
        Ok(())
    }

    async fn commit(self: Box<Self>) -> Result<()> {
        self.tx.commit().await.map_err(map_err)
    }
}

/// Every audience, by name.
pub(super) const AUDIENCES: &str = "SELECT name, created_at FROM audience ORDER BY name";

/// The first user of audience `?1` (see `WriteTx::audience_user`). A
/// visibility or discoverability level names it when `,names,` holds
/// `,name,`; a token lists it as
/// `"name"`. Links and properties are JSON, where a mention of the name
/// after `audience:` counts: it may be a longer name, which only makes a
/// delete refuse rather than leave a visibility naming no audience.
const AUDIENCE_USER: &str = "\
    SELECT 'token ' || name FROM token \
    WHERE revoked_at IS NULL AND audiences LIKE '%\"' || ?1 || '\"%' \
    UNION ALL SELECT 'address ' || uri FROM address \
    WHERE (visibility LIKE 'audience:%' AND ',' || substr(visibility, 10) || ',' LIKE '%,' || ?1 || ',%') \
    OR (discoverable_level LIKE 'audience:%' AND ',' || substr(discoverable_level, 10) || ',' LIKE '%,' || ?1 || ',%') \
    UNION ALL SELECT 'block ' || prefix FROM number_block \
    WHERE (visibility LIKE 'audience:%' AND ',' || substr(visibility, 10) || ',' LIKE '%,' || ?1 || ',%') OR templates LIKE '%audience:%' || ?1 || '%' \
    UNION ALL SELECT 'subject acct:' || handle || '@' || domain FROM subject \
    WHERE (discoverable_level LIKE 'audience:%' AND ',' || substr(discoverable_level, 10) || ',' LIKE '%,' || ?1 || ',%') \
    OR (display_name_visibility LIKE 'audience:%' AND ',' || substr(display_name_visibility, 10) || ',' LIKE '%,' || ?1 || ',%') \
    OR links LIKE '%audience:%' || ?1 || '%' OR properties LIKE '%audience:%' || ?1 || '%' \
    UNION ALL SELECT 'domain ' || domain FROM domain_profile \
    WHERE links LIKE '%audience:%' || ?1 || '%' OR properties LIKE '%audience:%' || ?1 || '%' \
    LIMIT 1";

/// One block by id.
pub(super) const BLOCK: &str = "SELECT * FROM number_block WHERE id = ?1";

/// One domain profile.
pub(super) const DOMAIN: &str = "SELECT * FROM domain_profile WHERE domain = ?1";

/// Every domain profile, in domain order.
pub(super) const DOMAINS: &str = "SELECT * FROM domain_profile ORDER BY domain";

/// Every block, in prefix order.
pub(super) const BLOCKS: &str = "SELECT * FROM number_block ORDER BY prefix";

/// A zone's keys, oldest first.
pub(super) const DNSSEC_KEYS: &str =
    "SELECT * FROM dnssec_key WHERE zone = ? ORDER BY created_at, id";

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

async fn append_changes(
    tx: &mut Transaction<'static, Sqlite>,
    actor: &str,
    at: DateTime<Utc>,
    changes: &[ChangeRow<'_>],
) -> Result<()> {
    let json =
        |state: Option<Recorded>| state.map(|s| serde_json::to_string(&s).expect("serialises"));
    for chunk in changes.chunks(2 * IDS_PER_STATEMENT) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO change_log (at, actor, operation, subject_id, before, after) ",
        );
        q.push_values(chunk, |mut b, c| {
            b.push_bind(at)
                .push_bind(actor)
                .push_bind(c.operation)
                .push_bind(c.subject_id)
                .push_bind(json(c.before))
                .push_bind(json(c.after));
        });
        q.build().execute(&mut **tx).await.map_err(map_err)?;
    }
    Ok(())
}
