//! The one write algorithm, above the backends.
//!
//! Every write is a transaction that checks, changes rows and appends to
//! the change log in the same order on either database. The checks, the
//! versioning and the change-log entries are decided here; a backend only
//! opens a [`WriteTx`] (which holds its writer lock) and provides its
//! primitives as SQL. A new stored entity is a migration per backend, the
//! SQL for its primitives and nothing else twice.

use std::collections::HashMap;
use std::hash::BuildHasher;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::mpsc;
use uuid::Uuid;

use super::import::{Existing, ImportMessage, ImportOutcome, SkippedLine, plan_chunk};
use super::{
    Audience, BlockWrite, Conflict, ConsoleSession, DnssecKey, DomainWrite, Result, StoreError,
    Token, Write,
};
use crate::model::{
    Acct, Audiences, Block, DocumentLink, DocumentProperty, Domain, DomainProfile, FieldError,
    Handle, MAX_AUDIENCES, Scope, Subject, Visibility, admit,
};

/// How a backend starts a write. Not nameable outside the store: writes go
/// through [`super::Store`]'s methods, which run the algorithm below.
#[async_trait]
pub trait BeginWrite {
    /// A transaction that may append to the change log: writers of the
    /// whole database take turns from here until it commits or is dropped
    /// (dropping rolls back).
    async fn begin_write(&self) -> Result<Box<dyn WriteTx + '_>>;
}

/// The primitives a backend provides inside one write transaction.
#[async_trait]
pub trait WriteTx: Send {
    /// What the database keeps of a timestamp: the store hands back exactly
    /// what it stored.
    fn kept(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        at
    }

    /// The stored subjects with these ids, with their addresses, in id order.
    async fn subjects(&mut self, ids: &[Uuid]) -> Result<Vec<Subject>>;

    /// Is any subject stored?
    async fn holds_subjects(&mut self) -> Result<bool>;

    /// An import into an empty store begins: the backend may put off
    /// maintaining the indexes of subjects and addresses and build them
    /// at once, by the first lookup that needs them or at the latest by
    /// [`WriteTx::commit`].
    async fn bulk_load(&mut self) -> Result<()> {
        Ok(())
    }

    /// The stored subjects with these accts, each given as its handle and
    /// domain (what is stored, and what the unique index is on).
    async fn subjects_by_acct(&mut self, accts: &[(&Handle, &Domain)]) -> Result<Vec<Existing>>;

    /// Those of these address URIs that are stored, with their owners.
    async fn address_owners(&mut self, uris: &[&str]) -> Result<Vec<AddressOwner>>;

    /// Remove subjects with their addresses.
    async fn delete_subjects(&mut self, ids: &[Uuid]) -> Result<()>;

    /// Insert subjects with their addresses; the uniqueness checks ran.
    async fn insert_subjects(&mut self, subjects: &[Subject]) -> Result<()>;

    /// Append one row to the change log.
    async fn append_change(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        change: ChangeRow<'_>,
    ) -> Result<()>;

    /// Append an import chunk's `import` rows, in order. The rows may be
    /// written as late as [`WriteTx::commit`], but before any later rows.
    async fn append_imported(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        imported: Vec<Imported>,
    ) -> Result<()>;

    async fn block(&mut self, id: Uuid) -> Result<Option<Block>>;

    async fn block_by_prefix(&mut self, prefix: &str) -> Result<Option<Block>>;

    /// The prefix of a block `owner` (an `acct:` URI) owns, if any.
    async fn owned_block(&mut self, owner: &str) -> Result<Option<String>>;

    async fn insert_block(&mut self, block: &Block) -> Result<()>;

    async fn delete_block(&mut self, id: Uuid) -> Result<()>;

    async fn domain_profile(&mut self, domain: &str) -> Result<Option<DomainProfile>>;

    async fn insert_domain_profile(&mut self, profile: &DomainProfile) -> Result<()>;

    async fn delete_domain_profile(&mut self, domain: &str) -> Result<()>;

    async fn token(&mut self, id: Uuid) -> Result<Option<Token>>;

    /// Store a new token with the SHA-256 of its secret.
    async fn insert_token(&mut self, token: &Token, hash: &str) -> Result<()>;

    async fn set_token_revoked(&mut self, id: Uuid, at: DateTime<Utc>) -> Result<()>;

    /// Revoke every active token of `subject` (its `self` tokens) as of `at`.
    async fn revoke_subject_tokens(&mut self, subject: Uuid, at: DateTime<Utc>) -> Result<()>;

    /// Every stored audience, by name.
    async fn audiences(&mut self) -> Result<Vec<Audience>>;

    async fn insert_audience(&mut self, audience: &Audience) -> Result<()>;

    async fn delete_audience(&mut self, name: &str) -> Result<()>;

    /// Something that uses the audience `name`, described for a person
    /// (`token acme`, `address sip:…`), if anything does: an active token
    /// in it, an address or block (or block template) whose visibility
    /// names it, or a link or property of a subject or domain that
    /// mentions it as an audience.
    async fn audience_user(&mut self, name: &str) -> Result<Option<String>>;

    /// The keys of `zone`, oldest first.
    async fn dnssec_keys(&mut self, zone: &str) -> Result<Vec<DnssecKey>>;

    async fn insert_dnssec_key(&mut self, key: &DnssecKey) -> Result<()>;

    async fn set_dnssec_key_removed(&mut self, id: Uuid, at: DateTime<Utc>) -> Result<()>;

    /// Store a console session and delete those expired before `now`.
    async fn insert_session(&mut self, session: &ConsoleSession, now: DateTime<Utc>) -> Result<()>;

    /// Delete the console session with this cookie hash, if any.
    async fn delete_session(&mut self, hash: &str) -> Result<()>;

    async fn commit(self: Box<Self>) -> Result<()>;
}

/// A stored address URI and the subject that has it.
#[derive(Debug, sqlx::FromRow)]
pub struct AddressOwner {
    pub uri: String,
    pub subject_id: Uuid,
    /// The owner's handle and domain, as stored.
    pub handle: String,
    pub domain: String,
}

impl AddressOwner {
    /// The owner's `acct:` URI.
    pub fn acct(&self) -> String {
        Acct::uri(&self.handle, &self.domain)
    }
}

/// One change-log row, as the algorithm decided it.
pub struct ChangeRow<'a> {
    pub operation: &'a str,
    pub subject_id: Option<Uuid>,
    pub before: Option<Recorded<'a>>,
    pub after: Option<Recorded<'a>>,
}

/// What a change-log row keeps of an entity: the same JSON as
/// [`super::subject_json`] and [`super::token_json`], serialised straight
/// into the row.
#[derive(Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum Recorded<'a> {
    Subject(&'a Subject),
    Token(&'a Token),
    Audience(&'a Audience),
    Block(&'a Block),
    Domain(&'a DomainProfile),
    /// The public facts of a key: its private half is never serialised.
    DnssecKey(&'a DnssecKey),
}

/// An imported subject and the one it replaced, for its change-log row.
pub struct Imported {
    pub before: Option<Subject>,
    pub after: Subject,
}

impl Imported {
    pub fn change(&self) -> ChangeRow<'_> {
        ChangeRow {
            operation: "import",
            subject_id: Some(self.after.id),
            before: self.before.as_ref().map(Recorded::Subject),
            after: Some(Recorded::Subject(&self.after)),
        }
    }
}

/// [`super::Store::write`].
#[tracing::instrument(skip_all, fields(operation = %operation))]
pub(super) async fn subject(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    operation: &str,
    write: Write,
) -> Result<Option<Subject>> {
    let now = tx.kept(Utc::now());
    let (subject_id, before, after) = match write {
        Write::Create(mut subject) => {
            keep_times(&*tx, &mut subject);
            check_audiences(&mut *tx, &subject_audiences(&subject)).await?;
            check_unique(&mut *tx, &subject).await?;
            tx.insert_subjects(std::slice::from_ref(&subject)).await?;
            (subject.id, None, Some(subject))
        }
        Write::Update {
            expected_version,
            mut subject,
        } => {
            let before = for_update(&mut *tx, subject.id, expected_version).await?;
            if before.acct() != subject.acct() {
                check_no_blocks(&mut *tx, &before).await?;
            }
            subject.version = before.version + 1;
            subject.created_at = before.created_at;
            subject.updated_at = now;
            check_audiences(&mut *tx, &subject_audiences(&subject)).await?;
            check_unique(&mut *tx, &subject).await?;
            tx.delete_subjects(&[subject.id]).await?;
            tx.insert_subjects(std::slice::from_ref(&subject)).await?;
            (subject.id, Some(before), Some(subject))
        }
        Write::Delete {
            id,
            expected_version,
        } => {
            let before = for_update(&mut *tx, id, expected_version).await?;
            check_no_blocks(&mut *tx, &before).await?;
            tx.delete_subjects(&[id]).await?;
            tx.revoke_subject_tokens(id, now).await?;
            (id, Some(before), None)
        }
    };
    let change = ChangeRow {
        operation,
        subject_id: Some(subject_id),
        before: before.as_ref().map(Recorded::Subject),
        after: after.as_ref().map(Recorded::Subject),
    };
    tx.append_change(actor, now, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// The stored subject a write replaces, if its version is the caller's.
async fn for_update(tx: &mut dyn WriteTx, id: Uuid, expected_version: i64) -> Result<Subject> {
    let stored = tx
        .subjects(&[id])
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    if stored.version != expected_version {
        return Err(StoreError::Stale {
            current: stored.version,
        });
    }
    Ok(stored)
}

/// A field that names audiences, for every field that names any.
struct AudienceField {
    /// e.g. `addresses[0].visibility`.
    field: String,
    audiences: Audiences,
    /// The address whose visibility it is, named in the reason: addresses
    /// are counted in presentation order, which may not be the order they
    /// were sent in.
    address: Option<String>,
}

impl AudienceField {
    fn plain((field, v): (String, Visibility)) -> Option<AudienceField> {
        (!v.audiences().is_empty()).then(|| AudienceField {
            field,
            audiences: v.audiences(),
            address: None,
        })
    }
}

type AudienceFields = Vec<AudienceField>;

/// The audience fields of a subject.
fn subject_audiences(subject: &Subject) -> AudienceFields {
    let addresses = subject.addresses.iter().enumerate().flat_map(|(i, a)| {
        [
            (
                format!("addresses[{i}].visibility"),
                a.visibility,
                Some(&a.uri),
            ),
            (
                format!("addresses[{i}].discoverable"),
                a.discoverable.0,
                Some(&a.uri),
            ),
        ]
    });
    let document = document_visibilities(&subject.links, &subject.properties)
        .map(|(field, v)| (field, v, None));
    std::iter::once(("discoverable".to_owned(), subject.discoverable.0, None))
        .chain(addresses)
        .chain(document)
        .filter(|(_, v, _)| !v.audiences().is_empty())
        .map(|(field, v, uri)| AudienceField {
            field,
            audiences: v.audiences(),
            address: uri.map(|u| u.to_string()),
        })
        .collect()
}

/// The visibilities of a WebFinger document's links and properties, by field.
fn document_visibilities<'a>(
    links: &'a [DocumentLink],
    properties: &'a std::collections::BTreeMap<String, DocumentProperty>,
) -> impl Iterator<Item = (String, Visibility)> + 'a {
    let links = links
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("links[{i}].visibility"), l.visibility));
    let properties = properties
        .iter()
        .map(|(name, p)| (format!("properties.{name}.visibility"), p.visibility));
    links.chain(properties)
}

/// The audience fields of a block and its templates.
fn block_audiences(block: &Block) -> AudienceFields {
    let templates = block
        .templates
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("templates[{i}].visibility"), t.visibility));
    std::iter::once(("visibility".to_owned(), block.visibility))
        .chain(templates)
        .filter_map(AudienceField::plain)
        .collect()
}

/// Refuse an audience that is not stored, naming the first field that
/// names one. Reads the audiences only when a field names any.
async fn check_audiences(tx: &mut dyn WriteTx, fields: &[AudienceField]) -> Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    let stored = tx.audiences().await?;
    let stored =
        Audiences::of(stored.iter().map(|a| a.name.as_str())).map_err(StoreError::Internal)?;
    for f in fields {
        if let Some(name) = f
            .audiences
            .names()
            .into_iter()
            .find(|n| !stored.contains(n))
        {
            let reason = match &f.address {
                Some(uri) => format!("no audience is named {name} (address {uri})"),
                None => format!("no audience is named {name}"),
            };
            return Err(StoreError::Invalid(FieldError::new(
                f.field.as_str(),
                reason,
            )));
        }
    }
    Ok(())
}

/// Refuse to delete or rename the owner of a block: its numbers would
/// answer for an acct that is gone.
async fn check_no_blocks(tx: &mut dyn WriteTx, owner: &Subject) -> Result<()> {
    let acct = owner.acct();
    match tx.owned_block(&acct).await? {
        Some(prefix) => Err(StoreError::Conflict(Conflict::Owner { acct, prefix })),
        None => Ok(()),
    }
}

/// Refuse an acct or an address another subject has, naming the first.
async fn check_unique(tx: &mut dyn WriteTx, subject: &Subject) -> Result<()> {
    let holders = tx
        .subjects_by_acct(&[(&subject.handle, &subject.domain)])
        .await?;
    if holders.iter().any(|holder| holder.id != subject.id) {
        return Err(StoreError::Conflict(Conflict::Acct(subject.acct())));
    }
    if subject.addresses.is_empty() {
        return Ok(());
    }
    let uris: Vec<&str> = subject.addresses.iter().map(|a| a.uri.as_str()).collect();
    let taken = tx
        .address_owners(&uris)
        .await?
        .into_iter()
        .filter(|owner| owner.subject_id != subject.id)
        .min_by(|a, b| a.uri.cmp(&b.uri));
    match taken {
        Some(owner) => Err(StoreError::Conflict(Conflict::Address {
            owner: owner.acct(),
            uri: owner.uri,
        })),
        None => Ok(()),
    }
}

fn keep_times(tx: &dyn WriteTx, subject: &mut Subject) {
    subject.created_at = tx.kept(subject.created_at);
    subject.updated_at = tx.kept(subject.updated_at);
}

/// [`super::Store::import`]: every chunk in the one transaction, planned by
/// [`plan_chunk`].
#[tracing::instrument(skip_all)]
pub(super) async fn import(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    skip_conflicts: bool,
    mut chunks: mpsc::Receiver<ImportMessage>,
) -> Result<ImportOutcome> {
    let mut outcome = ImportOutcome::default();
    let now = tx.kept(Utc::now());
    let mut blocks = Vec::new();
    // Into an empty store, only this import's own subjects can hold an acct
    // or an address: the store is asked about those it may have written
    // (their hashes are kept) and about no other.
    let mut written = (!tx.holds_subjects().await?).then(Written::default);
    if written.is_some() {
        tx.bulk_load().await?;
    }
    loop {
        let chunk = match chunks.recv().await {
            Some(ImportMessage::Chunk(chunk)) => chunk,
            Some(ImportMessage::Blocks(more)) => {
                blocks.extend(more);
                continue;
            }
            Some(ImportMessage::Commit) => break,
            // The sender gave up: dropping `tx` rolls everything back.
            None => return Err(StoreError::Internal("import aborted".into())),
        };
        for (line, subject) in &chunk {
            match check_audiences(&mut *tx, &subject_audiences(subject)).await {
                Err(StoreError::Invalid(e)) => {
                    return Err(StoreError::ImportLine {
                        line: *line,
                        reason: e.to_string(),
                    });
                }
                checked => checked?,
            }
        }
        let accts: Vec<_> = chunk
            .iter()
            .map(|(_, s)| (&s.handle, &s.domain))
            .filter(|(handle, domain)| written.as_ref().is_none_or(|w| w.acct(handle, domain)))
            .collect();
        let mut existing = HashMap::new();
        if !accts.is_empty() {
            existing = tx
                .subjects_by_acct(&accts)
                .await?
                .into_iter()
                .map(|stored| (stored.acct(), stored))
                .collect();
        }
        let uris: Vec<&str> = chunk
            .iter()
            .flat_map(|(_, s)| s.addresses.iter().map(|a| a.uri.as_str()))
            .filter(|uri| written.as_ref().is_none_or(|w| w.uri(uri)))
            .collect();
        let mut owners: HashMap<String, (Uuid, String)> = HashMap::new();
        if !uris.is_empty() {
            owners = tx
                .address_owners(&uris)
                .await?
                .into_iter()
                .map(|owner| {
                    let acct = owner.acct();
                    (owner.uri, (owner.subject_id, acct))
                })
                .collect();
        }
        let plan = plan_chunk(chunk, &existing, &owners, skip_conflicts, now, &mut outcome)?;
        let replaced: Vec<Uuid> = plan.updates.iter().map(|s| s.id).collect();
        let mut befores = HashMap::new();
        if !replaced.is_empty() {
            befores = tx
                .subjects(&replaced)
                .await?
                .into_iter()
                .map(|s| (s.id, s))
                .collect();
            tx.delete_subjects(&replaced).await?;
        }
        let mut all: Vec<Subject> = plan.creates.into_iter().chain(plan.updates).collect();
        all.iter_mut().for_each(|s| keep_times(&*tx, s));
        tx.insert_subjects(&all).await?;
        if let Some(written) = &mut written {
            written.add(&all);
        }
        let imported = all
            .into_iter()
            .map(|after| Imported {
                before: befores.remove(&after.id),
                after,
            })
            .collect();
        tx.append_imported(actor, now, imported).await?;
    }
    for (line, block) in blocks {
        match import_block(&mut *tx, actor, now, block).await {
            Ok(true) => outcome.blocks_updated += 1,
            Ok(false) => outcome.blocks_created += 1,
            Err(StoreError::Conflict(conflict)) if skip_conflicts => {
                outcome.skipped.push(SkippedLine {
                    line,
                    reason: conflict.to_string(),
                });
            }
            Err(StoreError::Conflict(conflict)) => {
                return Err(StoreError::ImportLine {
                    line,
                    reason: conflict.to_string(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    tx.commit().await?;
    Ok(outcome)
}

/// What an import into an empty store wrote so far: the hashes of its
/// subjects' accts and address URIs. A key whose hash is not here is
/// stored nowhere; one whose hash is (maybe another key's) is looked up.
#[derive(Default)]
struct Written {
    hasher: hashbrown::DefaultHashBuilder,
    keys: hashbrown::HashSet<u64>,
}

impl Written {
    fn add(&mut self, subjects: &[Subject]) {
        for s in subjects {
            let acct = self.hasher.hash_one((s.handle.as_str(), s.domain.as_str()));
            self.keys.insert(acct);
            for a in &s.addresses {
                let uri = self.hasher.hash_one(a.uri.as_str());
                self.keys.insert(uri);
            }
        }
    }

    fn acct(&self, handle: &Handle, domain: &Domain) -> bool {
        let hash = self.hasher.hash_one((handle.as_str(), domain.as_str()));
        self.keys.contains(&hash)
    }

    fn uri(&self, uri: &str) -> bool {
        self.keys.contains(&self.hasher.hash_one(uri))
    }
}

/// One imported block: it replaces the stored block with its prefix (true)
/// or is new (false). Its owner must be stored by now, this import's
/// subjects included.
async fn import_block(
    tx: &mut dyn WriteTx,
    actor: &str,
    now: DateTime<Utc>,
    mut block: Block,
) -> Result<bool> {
    check_audiences(tx, &block_audiences(&block)).await?;
    if let Some(owner) = &block.owner {
        let acct = Acct::parse(owner).map_err(|e| StoreError::Internal(e.to_string()))?;
        if tx
            .subjects_by_acct(&[(&acct.handle, &acct.domain)])
            .await?
            .is_empty()
        {
            return Err(StoreError::Conflict(Conflict::NoOwner(owner.clone())));
        }
    }
    let before = tx.block_by_prefix(&block.prefix).await?;
    match &before {
        Some(stored) => {
            block.id = stored.id;
            block.version = stored.version + 1;
            block.created_at = stored.created_at;
            block.updated_at = now;
            tx.delete_block(stored.id).await?;
        }
        None => {
            block.created_at = now;
            block.updated_at = now;
        }
    }
    tx.insert_block(&block).await?;
    let change = ChangeRow {
        operation: "block.import",
        subject_id: None,
        before: before.as_ref().map(Recorded::Block),
        after: Some(Recorded::Block(&block)),
    };
    tx.append_change(actor, now, change).await?;
    Ok(before.is_some())
}

/// [`super::Store::write_block`]: as [`subject`], for a block.
#[tracing::instrument(skip_all, fields(operation = %operation))]
pub(super) async fn block(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    operation: &str,
    write: BlockWrite,
) -> Result<Option<Block>> {
    let now = tx.kept(Utc::now());
    let (before, after) = match write {
        BlockWrite::Create(mut block) => {
            block.created_at = tx.kept(block.created_at);
            block.updated_at = tx.kept(block.updated_at);
            check_audiences(&mut *tx, &block_audiences(&block)).await?;
            check_prefix(&mut *tx, &block).await?;
            tx.insert_block(&block).await?;
            (None, Some(block))
        }
        BlockWrite::Update {
            expected_version,
            mut block,
        } => {
            let before = block_for_update(&mut *tx, block.id, expected_version).await?;
            block.version = before.version + 1;
            block.created_at = before.created_at;
            block.updated_at = now;
            check_audiences(&mut *tx, &block_audiences(&block)).await?;
            check_prefix(&mut *tx, &block).await?;
            tx.delete_block(block.id).await?;
            tx.insert_block(&block).await?;
            (Some(before), Some(block))
        }
        BlockWrite::Delete {
            id,
            expected_version,
        } => {
            let before = block_for_update(&mut *tx, id, expected_version).await?;
            tx.delete_block(id).await?;
            (Some(before), None)
        }
    };
    let change = ChangeRow {
        operation,
        subject_id: None,
        before: before.as_ref().map(Recorded::Block),
        after: after.as_ref().map(Recorded::Block),
    };
    tx.append_change(actor, now, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// The stored block a write replaces, if its version is the caller's.
async fn block_for_update(tx: &mut dyn WriteTx, id: Uuid, expected_version: i64) -> Result<Block> {
    let stored = tx.block(id).await?.ok_or(StoreError::NotFound)?;
    if stored.version != expected_version {
        return Err(StoreError::Stale {
            current: stored.version,
        });
    }
    Ok(stored)
}

/// Refuse a prefix another block has: nested blocks differ in prefix.
async fn check_prefix(tx: &mut dyn WriteTx, block: &Block) -> Result<()> {
    match tx.block_by_prefix(&block.prefix).await? {
        Some(other) if other.id != block.id => {
            Err(StoreError::Conflict(Conflict::Prefix(block.prefix.clone())))
        }
        _ => Ok(()),
    }
}

/// [`super::Store::write_domain`]: as [`block`], for a domain profile;
/// a put creates (`domain.create`) or replaces (`domain.update`).
#[tracing::instrument(skip_all)]
pub(super) async fn domain(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    write: DomainWrite,
) -> Result<Option<DomainProfile>> {
    let now = tx.kept(Utc::now());
    let (operation, before, after) = match write {
        DomainWrite::Put {
            expected_version,
            mut profile,
        } => {
            let before = tx.domain_profile(profile.domain.as_str()).await?;
            check_domain_version(before.as_ref(), expected_version)?;
            let fields: AudienceFields = document_visibilities(&profile.links, &profile.properties)
                .filter_map(AudienceField::plain)
                .collect();
            check_audiences(&mut *tx, &fields).await?;
            profile.updated_at = now;
            let operation = match &before {
                Some(before) => {
                    profile.version = before.version + 1;
                    profile.created_at = before.created_at;
                    tx.delete_domain_profile(profile.domain.as_str()).await?;
                    "domain.update"
                }
                None => {
                    profile.version = 1;
                    profile.created_at = now;
                    "domain.create"
                }
            };
            tx.insert_domain_profile(&profile).await?;
            (operation, before, Some(profile))
        }
        DomainWrite::Delete {
            domain,
            expected_version,
        } => {
            let before = tx.domain_profile(domain.as_str()).await?;
            if before.is_none() {
                return Err(StoreError::NotFound);
            }
            check_domain_version(before.as_ref(), Some(expected_version))?;
            tx.delete_domain_profile(domain.as_str()).await?;
            ("domain.delete", before, None)
        }
    };
    let change = ChangeRow {
        operation,
        subject_id: None,
        before: before.as_ref().map(Recorded::Domain),
        after: after.as_ref().map(Recorded::Domain),
    };
    tx.append_change(actor, now, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// A put creates when `expected` is `None` (nothing may be stored) and
/// replaces when it names the stored version; anything else lost a race.
fn check_domain_version(stored: Option<&DomainProfile>, expected: Option<i64>) -> Result<()> {
    let current = stored.map_or(0, |s| s.version);
    if expected.unwrap_or(0) == current {
        Ok(())
    } else {
        Err(StoreError::Stale { current })
    }
}

/// [`super::Store::create_token`].
pub(super) async fn create_token(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    name: &str,
    scope: Scope,
    audiences: &[String],
    subject: Option<Uuid>,
    hash: &str,
) -> Result<Token> {
    if let Some(id) = subject
        && tx.subjects(&[id]).await?.is_empty()
    {
        return Err(StoreError::Invalid(FieldError::new(
            "subject",
            "no such subject",
        )));
    }
    let fields: AudienceFields = audiences
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let set = Audiences::of([name.as_str()])
                .map_err(|e| StoreError::Invalid(FieldError::new(format!("audiences[{i}]"), e)))?;
            Ok(AudienceField {
                field: format!("audiences[{i}]"),
                audiences: set,
                address: None,
            })
        })
        .collect::<Result<_>>()?;
    check_audiences(&mut *tx, &fields).await?;
    let mut audiences = audiences.to_vec();
    audiences.sort();
    audiences.dedup();
    let token = Token {
        id: Uuid::now_v7(),
        name: name.to_owned(),
        scope,
        audiences,
        subject,
        created_at: tx.kept(Utc::now()),
        last_used_at: None,
        revoked_at: None,
    };
    tx.insert_token(&token, hash).await?;
    let change = ChangeRow {
        operation: "token.create",
        subject_id: None,
        before: None,
        after: Some(Recorded::Token(&token)),
    };
    tx.append_change(actor, token.created_at, change).await?;
    tx.commit().await?;
    Ok(token)
}

/// [`super::Store::revoke_token`]: revoking twice changes nothing.
pub(super) async fn revoke_token(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    id: Uuid,
) -> Result<Token> {
    let before = tx.token(id).await?.ok_or(StoreError::NotFound)?;
    if before.revoked_at.is_some() {
        return Ok(before);
    }
    let now = tx.kept(Utc::now());
    tx.set_token_revoked(id, now).await?;
    let after = Token {
        revoked_at: Some(now),
        ..before.clone()
    };
    let change = ChangeRow {
        operation: "token.revoke",
        subject_id: None,
        before: Some(Recorded::Token(&before)),
        after: Some(Recorded::Token(&after)),
    };
    tx.append_change(actor, now, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// [`super::Store::create_session`].
pub(super) async fn create_session(
    mut tx: Box<dyn WriteTx + '_>,
    session: &ConsoleSession,
) -> Result<()> {
    tx.insert_session(session, session.created_at).await?;
    tx.commit().await
}

/// [`super::Store::delete_session`].
pub(super) async fn delete_session(mut tx: Box<dyn WriteTx + '_>, hash: &str) -> Result<()> {
    tx.delete_session(hash).await?;
    tx.commit().await
}

/// [`super::Store::create_audience`].
pub(super) async fn create_audience(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    name: &str,
) -> Result<Audience> {
    let stored = tx.audiences().await?;
    if stored.iter().any(|a| a.name == name) {
        return Err(StoreError::Conflict(Conflict::Audience(name.to_owned())));
    }
    if stored.len() >= MAX_AUDIENCES || admit(name).is_err() {
        return Err(StoreError::Conflict(Conflict::Audiences));
    }
    let audience = Audience {
        name: name.to_owned(),
        created_at: tx.kept(Utc::now()),
    };
    tx.insert_audience(&audience).await?;
    let change = ChangeRow {
        operation: "audience.create",
        subject_id: None,
        before: None,
        after: Some(Recorded::Audience(&audience)),
    };
    tx.append_change(actor, audience.created_at, change).await?;
    tx.commit().await?;
    Ok(audience)
}

/// [`super::Store::delete_audience`].
pub(super) async fn delete_audience(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    name: &str,
) -> Result<()> {
    let before = tx
        .audiences()
        .await?
        .into_iter()
        .find(|a| a.name == name)
        .ok_or(StoreError::NotFound)?;
    if let Some(by) = tx.audience_user(name).await? {
        let name = name.to_owned();
        return Err(StoreError::Conflict(Conflict::AudienceUsed { name, by }));
    }
    tx.delete_audience(name).await?;
    let change = ChangeRow {
        operation: "audience.delete",
        subject_id: None,
        before: Some(Recorded::Audience(&before)),
        after: None,
    };
    tx.append_change(actor, tx.kept(Utc::now()), change).await?;
    tx.commit().await
}

/// [`super::Store::ensure_dnssec_key`].
pub(super) async fn ensure_dnssec_key(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    mut candidate: DnssecKey,
) -> Result<Vec<DnssecKey>> {
    let stored = tx.dnssec_keys(&candidate.zone).await?;
    if !stored.is_empty() {
        return Ok(stored);
    }
    candidate.created_at = tx.kept(candidate.created_at);
    candidate.active_at = candidate.created_at;
    tx.insert_dnssec_key(&candidate).await?;
    let change = ChangeRow {
        operation: "dnssec.key.create",
        subject_id: None,
        before: None,
        after: Some(Recorded::DnssecKey(&candidate)),
    };
    tx.append_change(actor, candidate.created_at, change)
        .await?;
    tx.commit().await?;
    Ok(vec![candidate])
}

/// How long each step of a key roll lasts (RFC 7583 §3.3.1, pre-publication).
#[derive(Debug, Clone, Copy)]
pub struct RollTiming {
    /// From publication to activation: the DNSKEY TTL plus propagation, so
    /// every cached DNSKEY RRset holds the new key before it signs.
    pub pre_publication: chrono::TimeDelta,
    /// From activation to removal of the old key: the zone's largest TTL
    /// plus propagation, so no cache holds a signature by the old key then.
    pub retirement: chrono::TimeDelta,
}

/// [`super::Store::roll_dnssec_key`].
pub(super) async fn roll_dnssec_key(
    mut tx: Box<dyn WriteTx + '_>,
    actor: &str,
    mut successor: DnssecKey,
    timing: RollTiming,
) -> Result<Vec<DnssecKey>> {
    let now = tx.kept(Utc::now());
    let stored = tx.dnssec_keys(&successor.zone).await?;
    if super::dnssec::rolling(&stored, now) {
        return Err(StoreError::Conflict(Conflict::Rolling(successor.zone)));
    }
    let Some(mut current) = stored.iter().find(|k| k.removed_at.is_none()).cloned() else {
        return Err(StoreError::NotFound);
    };
    successor.created_at = now;
    successor.active_at = tx.kept(now + timing.pre_publication);
    successor.removed_at = None;
    let removed_at = tx.kept(successor.active_at + timing.retirement);
    // First the old key's removal: the index allows one key without one.
    tx.set_dnssec_key_removed(current.id, removed_at).await?;
    current.removed_at = Some(removed_at);
    tx.insert_dnssec_key(&successor).await?;
    let change = ChangeRow {
        operation: "dnssec.key.roll",
        subject_id: None,
        before: Some(Recorded::DnssecKey(&current)),
        after: Some(Recorded::DnssecKey(&successor)),
    };
    tx.append_change(actor, now, change).await?;
    tx.commit().await?;
    let mut keys: Vec<DnssecKey> = stored.into_iter().filter(|k| k.id != current.id).collect();
    keys.extend([current, successor]);
    Ok(keys)
}
