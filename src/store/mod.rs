//! Persistent storage: one trait, two backends (SQLite, PostgreSQL).
//!
//! Every write runs in one transaction that changes the rows and appends to
//! `change_log`; the change log drives the directory, the audit trail and
//! the DNS serial. Backends speak domain types only: no driver type crosses
//! this boundary.
//!
//! The write methods of [`Store`] are written once, in [`write`], on a few
//! primitives each backend provides ([`write::WriteTx`]); a backend's files
//! hold its SQL and row mapping only.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use serde::Serialize;
use tokio::sync::mpsc;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::model::{
    Acct, Block, DirectoryKey, Domain, DomainProfile, FieldError, MAX_AUDIENCES, Scope, Subject,
    SubjectAddress,
};

pub(crate) mod blocks;
mod chunked;
pub mod dnssec;
pub(crate) mod domains;
pub mod import;
pub mod ndjson;
pub mod postgres;
pub mod sqlite;
mod write;

pub use dnssec::DnssecKey;
pub use import::{ImportMessage, ImportOutcome, ImportPlan, plan_chunk};
pub use write::RollTiming;

/// What went wrong in the store, in the store's own words.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The caller's version is not the stored one (optimistic concurrency).
    #[error("stale version: current is {current}")]
    Stale { current: i64 },
    #[error("{0}")]
    Conflict(Conflict),
    /// An import line the store refused, with its 1-based line number.
    #[error("line {line}: {reason}")]
    ImportLine { line: u64, reason: String },
    /// A field names something the store does not hold (an audience).
    #[error("{0}")]
    Invalid(FieldError),
    /// The database cannot be reached; reads from the directory still work.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Anything else; the text is for logs, never for responses.
    #[error("internal store error: {0}")]
    Internal(String),
}

/// Which uniqueness rule a write broke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Conflict {
    /// Another subject already has this `acct:` id.
    Acct(String),
    /// The address belongs to another subject (`owner` is its acct).
    Address { uri: String, owner: String },
    /// A key roll of this zone is under way.
    Rolling(String),
    /// Another block has this prefix.
    Prefix(String),
    /// The subject owns a block (the first by prefix).
    Owner { acct: String, prefix: String },
    /// A block's owner is no stored subject (an import's).
    NoOwner(String),
    /// The audience exists already.
    Audience(String),
    /// As many audiences as there may be are stored.
    Audiences,
    /// The audience is in use (`by` says by what).
    AudienceUsed { name: String, by: String },
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conflict::Acct(acct) => write!(f, "{acct} already exists"),
            Conflict::Address { uri, owner } => write!(f, "{uri} already belongs to {owner}"),
            Conflict::Owner { acct, prefix } => write!(
                f,
                "{acct} owns the block {prefix}: change or delete the block first"
            ),
            Conflict::NoOwner(owner) => write!(
                f,
                "block.owner: no subject is {owner} (nor is one imported)"
            ),
            Conflict::Prefix(prefix) => write!(
                f,
                "a block with prefix {prefix} already exists (nest blocks with longer prefixes)"
            ),
            Conflict::Audience(name) => write!(f, "the audience {name} already exists"),
            Conflict::Audiences => write!(
                f,
                "at most {MAX_AUDIENCES} audiences may exist (in one server process's \
                 lifetime, deleted ones included)"
            ),
            Conflict::AudienceUsed { name, by } => write!(
                f,
                "the audience {name} is in use by {by}: change or revoke that first"
            ),
            Conflict::Rolling(zone) => write!(
                f,
                "a key roll of {zone} is under way: the next may start once its old key is removed"
            ),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A subject write, applied in one transaction with its change-log row.
#[derive(Debug, Clone)]
pub enum Write {
    /// Insert a new subject (its `version` is 1).
    Create(Subject),
    /// Replace a subject and all its addresses, if the stored version is
    /// `expected_version`. The stored result has version `expected + 1` and
    /// `updated_at` = now.
    Update {
        expected_version: i64,
        subject: Subject,
    },
    Delete {
        id: Uuid,
        expected_version: i64,
    },
}

/// A block write, like [`Write`] for subjects.
#[derive(Debug, Clone)]
pub enum BlockWrite {
    Create(Block),
    Update { expected_version: i64, block: Block },
    Delete { id: Uuid, expected_version: i64 },
}

/// A domain profile write, like [`Write`] for subjects.
#[derive(Debug, Clone)]
pub enum DomainWrite {
    /// Create the profile (`expected_version` None: none may be stored),
    /// or replace it if the stored version is `expected_version`. The
    /// stored result has the next version and `updated_at` = now.
    Put {
        expected_version: Option<i64>,
        profile: DomainProfile,
    },
    /// Delete the profile if its stored version is `expected_version`.
    Delete {
        domain: Domain,
        expected_version: i64,
    },
}

/// An API token; the secret itself is never stored, only its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Token {
    pub id: Uuid,
    pub name: String,
    pub scope: Scope,
    /// The audiences it belongs to, by name, in alphabetical order.
    #[schema(example = json!(["partners"]))]
    pub audiences: Vec<String>,
    /// The subject a `self` token belongs to (null for other scopes).
    pub subject: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A named group of tokens: an address whose visibility names it is shown
/// to its tokens (and to admins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct Audience {
    #[schema(example = "partners")]
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// A signed-in console session. Only the SHA-256 of the cookie value is
/// stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSession {
    pub hash: String,
    /// The token that signed in; None for the bootstrap token.
    pub token_id: Option<Uuid>,
    /// The name of that token, written to the change log by its writes.
    pub actor: String,
    /// The form token every state-changing request must echo.
    pub csrf: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// What a serving process last said of itself: its heartbeat, written every
/// `directory.heartbeat_interval_ms` so that the console and
/// `GET /api/v1/replicas` show every replica's change-log serial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema, sqlx::FromRow)]
pub struct ReplicaStatus {
    /// `directory.replica_name`: the host name and HTTP port unless set.
    #[schema(example = "callsign-0:8080")]
    pub name: String,
    /// The last change-log serial its directory applied.
    pub serial: i64,
    /// Its directory is loaded (`/readyz` answers 200).
    pub ready: bool,
    /// The callsign version it runs.
    pub version: String,
    /// With a hot standby: change-log serials the standby had not yet
    /// replayed when last measured.
    pub standby_lag_serials: Option<i64>,
    /// How often it writes this row, ms.
    pub heartbeat_ms: i64,
    pub started_at: DateTime<Utc>,
    /// When it last wrote this row.
    pub seen_at: DateTime<Utc>,
}

impl ReplicaStatus {
    /// Silent: no heartbeat for three of its intervals (stopped without a
    /// goodbye, hung, or cut off from the database).
    pub fn is_silent(&self, now: DateTime<Utc>) -> bool {
        now - self.seen_at > chrono::TimeDelta::milliseconds(self.heartbeat_ms.saturating_mul(3))
    }
}

/// A heartbeat older than this is deleted by the next one written.
pub const REPLICA_FORGOTTEN_AFTER: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// One row of the change log.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Change {
    pub serial: i64,
    pub at: DateTime<Utc>,
    /// The name of the token that made the change.
    pub actor: String,
    /// e.g. `subject.create`, `address.delete`, `import`, `token.revoke`.
    pub operation: String,
    pub subject_id: Option<Uuid>,
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
}

impl Change {
    /// The subject state after this change, for subject changes.
    pub fn subject_after(&self) -> Option<Subject> {
        self.subject_state(self.after.as_ref())
    }

    /// The subject state before this change, for subject changes.
    pub fn subject_before(&self) -> Option<Subject> {
        self.subject_state(self.before.as_ref())
    }

    /// A block change's two states (before, after); None for other changes.
    pub fn block_states(&self) -> Option<(Option<Block>, Option<Block>)> {
        if !self.operation.starts_with("block.") {
            return None;
        }
        let state = |v: &Option<serde_json::Value>| {
            v.as_ref()
                .and_then(|v| serde_json::from_value(v.clone()).ok())
        };
        Some((state(&self.before), state(&self.after)))
    }

    /// A domain profile change's two states (before, after); None for
    /// other changes.
    pub fn domain_states(&self) -> Option<(Option<DomainProfile>, Option<DomainProfile>)> {
        if !self.operation.starts_with("domain.") {
            return None;
        }
        let state = |v: &Option<serde_json::Value>| {
            v.as_ref()
                .and_then(|v| serde_json::from_value(v.clone()).ok())
        };
        Some((state(&self.before), state(&self.after)))
    }

    fn subject_state(&self, state: Option<&serde_json::Value>) -> Option<Subject> {
        state
            .filter(|_| self.subject_id.is_some())
            .and_then(|v| serde_json::from_value(v.clone()).ok())
    }
}

/// How to search subjects.
#[derive(Debug, Clone, Default)]
pub struct SubjectQuery {
    pub key: Option<SearchKey>,
    /// Return subjects with ids strictly after this one (ids are UUIDv7, so
    /// this is creation order).
    pub after: Option<Uuid>,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchKey {
    /// The subject with this `acct:` URI: its handle and domain.
    Acct(Acct),
    /// A canonical address URI: exact match.
    Address(String),
    /// A lowercased handle prefix.
    HandlePrefix(String),
}

impl SearchKey {
    /// What a search query binds for this key, in order, after the cursor
    /// and the limit.
    fn bound(&self) -> Vec<&str> {
        match self {
            SearchKey::Acct(acct) => vec![acct.handle.as_str(), acct.domain.as_str()],
            SearchKey::Address(text) | SearchKey::HandlePrefix(text) => vec![text],
        }
    }
}

impl From<DirectoryKey> for SearchKey {
    fn from(key: DirectoryKey) -> SearchKey {
        match key {
            DirectoryKey::Acct(acct) => SearchKey::Acct(acct),
            DirectoryKey::Address(address) => SearchKey::Address(address.into_string()),
        }
    }
}

/// How to read the change log.
#[derive(Debug, Clone, Default)]
pub struct ChangeQuery {
    pub subject: Option<Uuid>,
    /// Only the changes made by this actor (a token's name).
    pub actor: Option<String>,
    /// Ascending: serials above this one. Descending: serials below it.
    pub cursor: Option<i64>,
    pub limit: u32,
    /// Newest first (audit) or oldest first (followers).
    pub descending: bool,
}

#[async_trait]
pub trait Store: write::BeginWrite + Send + Sync + 'static {
    /// Which backend this is, for logs and metrics.
    fn backend(&self) -> &'static str;

    /// Apply pending migrations.
    async fn migrate(&self) -> Result<()>;

    /// Apply one subject write; returns the stored subject (None for delete).
    async fn write(&self, actor: &str, operation: &str, write: Write) -> Result<Option<Subject>> {
        write::subject(self.begin_write().await?, actor, operation, write).await
    }

    async fn subject(&self, id: Uuid) -> Result<Subject>;

    /// Subjects in id order; at most `limit`.
    async fn search(&self, query: &SubjectQuery) -> Result<Vec<Subject>>;

    /// Every subject with its addresses, in id order.
    fn subjects(&self) -> BoxStream<'_, Result<Subject>>;

    /// The serial of the newest change, 0 when there is none.
    async fn last_serial(&self) -> Result<i64>;

    async fn changes(&self, query: &ChangeQuery) -> Result<Vec<Change>>;

    /// Import subjects sent over `chunks` as one transaction: upsert keyed by
    /// acct; commits only on [`ImportMessage::Commit`], rolls back if the
    /// sender goes away first. With `skip_conflicts`, lines whose addresses
    /// belong to other subjects are skipped and reported instead of failing
    /// the import.
    async fn import(
        &self,
        actor: &str,
        skip_conflicts: bool,
        chunks: mpsc::Receiver<ImportMessage>,
    ) -> Result<ImportOutcome> {
        write::import(self.begin_write().await?, actor, skip_conflicts, chunks).await
    }

    /// Apply one block write; returns the stored block (None for delete).
    async fn write_block(
        &self,
        actor: &str,
        operation: &str,
        write: BlockWrite,
    ) -> Result<Option<Block>> {
        write::block(self.begin_write().await?, actor, operation, write).await
    }

    async fn block(&self, id: Uuid) -> Result<Block>;

    /// Create, replace or delete a domain profile; returns the stored
    /// profile (None for delete).
    async fn write_domain(&self, actor: &str, write: DomainWrite) -> Result<Option<DomainProfile>> {
        write::domain(self.begin_write().await?, actor, write).await
    }

    /// The profile of `domain` (canonical).
    async fn domain_profile(&self, domain: &str) -> Result<DomainProfile>;

    /// Every domain profile, in domain order.
    async fn domain_profiles(&self) -> Result<Vec<DomainProfile>>;

    /// Every block, in prefix order.
    async fn blocks(&self) -> Result<Vec<Block>>;

    /// Store a token in `audiences` (each must be stored: else
    /// [`StoreError::Invalid`] naming `audiences[i]`), for `subject` if it
    /// is a `self` token (which must be stored: else Invalid naming `subject`).
    async fn create_token(
        &self,
        actor: &str,
        name: &str,
        scope: Scope,
        audiences: &[String],
        subject: Option<Uuid>,
        hash: &str,
    ) -> Result<Token> {
        write::create_token(
            self.begin_write().await?,
            actor,
            name,
            scope,
            audiences,
            subject,
            hash,
        )
        .await
    }
    async fn tokens(&self) -> Result<Vec<Token>>;
    async fn revoke_token(&self, actor: &str, id: Uuid) -> Result<Token> {
        write::revoke_token(self.begin_write().await?, actor, id).await
    }
    /// The active (not revoked) token with this secret hash.
    async fn token_by_hash(&self, hash: &str) -> Result<Option<Token>>;
    async fn touch_token(&self, id: Uuid, at: DateTime<Utc>) -> Result<()>;

    /// Store a console session; sessions expired by `session.created_at`
    /// are deleted on the way.
    async fn create_session(&self, session: &ConsoleSession) -> Result<()> {
        write::create_session(self.begin_write().await?, session).await
    }

    /// End a console session (nothing to do when there is none).
    async fn delete_session(&self, hash: &str) -> Result<()> {
        write::delete_session(self.begin_write().await?, hash).await
    }

    /// The console session with this cookie hash, expired or not, with its
    /// token when that is still active. A session whose token is revoked
    /// comes back with no token.
    async fn session(&self, hash: &str) -> Result<Option<(ConsoleSession, Option<Token>)>>;

    /// Write a replica's heartbeat (insert or replace its row by name),
    /// deleting rows not refreshed for [`REPLICA_FORGOTTEN_AFTER`]. Not a
    /// change of the directory: no change log, no audit, and outside the
    /// write lock, so a long import cannot make running replicas look
    /// silent (like a token's `last_used_at`).
    async fn record_replica(&self, status: &ReplicaStatus) -> Result<()>;

    /// Every replica's last heartbeat, by name.
    async fn replicas(&self) -> Result<Vec<ReplicaStatus>>;

    /// Delete a replica's heartbeat (a graceful stop).
    async fn forget_replica(&self, name: &str) -> Result<()>;

    /// Store a new audience (Conflict if it exists, or if
    /// [`MAX_AUDIENCES`] are stored).
    async fn create_audience(&self, actor: &str, name: &str) -> Result<Audience> {
        write::create_audience(self.begin_write().await?, actor, name).await
    }

    /// Every audience, by name.
    async fn audiences(&self) -> Result<Vec<Audience>>;

    /// Delete an audience that nothing uses (Conflict naming a user: an
    /// active token, an address, a block, or a link or property).
    async fn delete_audience(&self, actor: &str, name: &str) -> Result<()> {
        write::delete_audience(self.begin_write().await?, actor, name).await
    }

    /// The signing keys of `zone` (lowercase apex, no trailing dot), oldest first.
    async fn dnssec_keys(&self, zone: &str) -> Result<Vec<DnssecKey>>;

    /// The keys of `candidate.zone`; when it has none yet, `candidate` is
    /// stored first. Replicas racing here store one key between them: the
    /// first writer's, which the others read back.
    async fn ensure_dnssec_key(&self, actor: &str, candidate: DnssecKey) -> Result<Vec<DnssecKey>> {
        write::ensure_dnssec_key(self.begin_write().await?, actor, candidate).await
    }

    /// Start a roll of `successor.zone` to `successor`: published now,
    /// active and the old key's removal after `timing`. Conflict when a
    /// roll is under way, NotFound when the zone has no key. All the
    /// zone's keys, oldest first.
    async fn roll_dnssec_key(
        &self,
        actor: &str,
        successor: DnssecKey,
        timing: write::RollTiming,
    ) -> Result<Vec<DnssecKey>> {
        write::roll_dnssec_key(self.begin_write().await?, actor, successor, timing).await
    }

    /// How far this database's replay of its primary is behind, seconds,
    /// when it is a hot standby: 0 once it has replayed all it received
    /// (or when it is no standby); None before it has replayed anything.
    async fn replay_lag_seconds(&self) -> Result<Option<f64>> {
        Ok(Some(0.0))
    }

    /// How far this database's write-ahead log goes, as a byte position:
    /// on a primary, what it has written; on a hot standby, what it has
    /// replayed. A standby whose position has reached one read from its
    /// primary holds everything the primary had committed then (its schema
    /// included). None: no such log (SQLite), or nothing replayed yet.
    async fn wal_position(&self) -> Result<Option<i64>> {
        Ok(None)
    }

    /// Wake-ups as the change log grows, for backends that can push them
    /// (PostgreSQL: LISTEN/NOTIFY). The stream reconnects by itself and
    /// never ends while the store lives. `None`: followers poll.
    fn change_feed(&self) -> Option<BoxStream<'static, FeedEvent>> {
        None
    }
}

/// What a change feed reports. Followers always read `serial > applied`
/// from the change log itself: an event only says when to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEvent {
    /// A change with this serial has committed.
    Changed(i64),
    /// The feed is listening (again): changes may have committed unseen.
    Connected,
    /// The feed lost the database; it retries with backoff.
    Lost(String),
}

/// How a store reaches its database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// How long an operation waits for a database connection before it
    /// fails with [`StoreError::Unavailable`]: during an outage, a write
    /// answers 503 after this long rather than hanging.
    pub acquire_timeout: Duration,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            acquire_timeout: Duration::from_secs(2),
        }
    }
}

/// Open the store a database URL names: `sqlite://…` or `postgres://…`.
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    open_with(url, &StoreOptions::default()).await
}

/// [`open`] with explicit options.
pub async fn open_with(url: &str, options: &StoreOptions) -> Result<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(postgres::PgStore::open_with(url, options).await?))
    } else {
        Err(StoreError::Internal(
            "database URL must start with sqlite:// or postgres://".into(),
        ))
    }
}

/// The JSON the change log keeps of a subject.
pub fn subject_json(subject: &Subject) -> serde_json::Value {
    serde_json::to_value(subject).expect("subjects serialise")
}

/// The JSON the change log keeps of a token (no hash).
pub fn token_json(token: &Token) -> serde_json::Value {
    serde_json::to_value(token).expect("tokens serialise")
}

/// Give each subject its addresses among `addresses` (subject id, address),
/// in presentation order; addresses of other subjects are passed over.
pub(crate) fn attach_addresses(
    subjects: &mut [Subject],
    addresses: impl IntoIterator<Item = Result<(Uuid, SubjectAddress)>>,
) -> Result<()> {
    let index: HashMap<Uuid, usize> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for address in addresses {
        let (subject_id, address) = address?;
        if let Some(&i) = index.get(&subject_id) {
            subjects[i].addresses.push(address);
        }
    }
    subjects.iter_mut().for_each(Subject::sort_addresses);
    Ok(())
}
