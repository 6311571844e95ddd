//! Bearer tokens: who is calling, and what they may do.
//!
//! A token is `cs_` + 64 hex digits; only its SHA-256 is stored. Verified
//! tokens are cached for a few seconds so reads do not hit the database on
//! every request; revoking through this process clears the cache at once
//! (and wins over verifications in flight), other processes notice within
//! [`CACHE_TTL`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use chrono::Utc;
use dashmap::DashMap;
use uuid::Uuid;

use super::AppState;
use super::problem::ApiError;
use crate::model::{Audiences, Scope, Viewer};
use crate::service::tokens::hash_secret;
use crate::store::StoreError;

pub const CACHE_TTL: Duration = Duration::from_secs(10);
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// The caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Token {
        id: Option<Uuid>,
        name: String,
        scope: Scope,
        audiences: Audiences,
        /// The subject of a `self` token.
        subject: Option<Uuid>,
    },
}

impl Caller {
    pub fn viewer(&self) -> Viewer {
        match self {
            Caller::Anonymous => Viewer::Anonymous,
            Caller::Token {
                scope, audiences, ..
            } => Viewer::Token {
                scope: *scope,
                audiences: *audiences,
            },
        }
    }

    /// The name written to the change log.
    pub fn actor(&self) -> &str {
        match self {
            Caller::Anonymous => "anonymous",
            Caller::Token { name, .. } => name,
        }
    }
}

struct Cached {
    caller: Caller,
    checked: Instant,
    touched: Instant,
}

/// Verified tokens by hash.
#[derive(Default)]
pub struct TokenCache {
    entries: DashMap<String, Cached>,
    bootstrap: Option<String>,
    /// Bumped by every revocation. A verification remembers its token only
    /// if no revocation happened since it started reading the store, or a
    /// read from before a revoke could put the revoked token back.
    revocations: AtomicU64,
}

/// When a verification started, in revocations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Epoch(u64);

impl TokenCache {
    pub fn new(bootstrap_secret: Option<&str>) -> TokenCache {
        TokenCache {
            entries: DashMap::new(),
            // Compared like a presented secret: trimmed.
            bootstrap: bootstrap_secret.map(|s| hash_secret(s.trim())),
            revocations: AtomicU64::new(0),
        }
    }

    /// Take before reading a token from the store; give to [`Self::remember`].
    pub fn epoch(&self) -> Epoch {
        Epoch(self.revocations.load(Ordering::SeqCst))
    }

    /// Cache a verified token, unless a revocation happened since `read_at`.
    /// The check and the insert happen under the entry's shard lock, and a
    /// revocation bumps the counter before it sweeps the shards: either the
    /// sweep sees this entry, or this insert sees the bump.
    fn remember(&self, hash: String, caller: Caller, now: Instant, read_at: Epoch) {
        let entry = self.entries.entry(hash);
        if self.epoch() != read_at {
            return;
        }
        entry.insert(Cached {
            caller,
            checked: now,
            touched: now,
        });
    }

    /// Stop accepting a revoked token at once.
    pub fn forget(&self, id: Uuid) {
        self.revocations.fetch_add(1, Ordering::SeqCst);
        self.entries
            .retain(|_, c| !matches!(&c.caller, Caller::Token { id: Some(t), .. } if *t == id));
    }

    /// Stop accepting the tokens of a deleted subject at once.
    pub fn forget_subject(&self, subject: Uuid) {
        self.revocations.fetch_add(1, Ordering::SeqCst);
        self.entries.retain(
            |_, c| !matches!(&c.caller, Caller::Token { subject: Some(s), .. } if *s == subject),
        );
    }

    /// Is a bootstrap token configured (its sessions end when it is not)?
    pub fn has_bootstrap(&self) -> bool {
        self.bootstrap.is_some()
    }

    fn cached(&self, hash: &str) -> Option<Caller> {
        self.entries.get(hash).map(|c| c.caller.clone())
    }
}

/// Resolve the `Authorization` header: no header is anonymous; a header
/// that names no active token is 401, never anonymous.
pub async fn caller(parts: &Parts, state: &AppState) -> Result<Caller, ApiError> {
    let Some(header) = parts.headers.get(AUTHORIZATION) else {
        return Ok(Caller::Anonymous);
    };
    let secret = header
        .to_str()
        .ok()
        .and_then(|h| {
            h.strip_prefix("Bearer ")
                .or_else(|| h.strip_prefix("bearer "))
        })
        .map(str::trim)
        // HTTP/1.1 strips the space of `Bearer `, HTTP/2 keeps it: either
        // way an empty secret is no secret, whatever it would hash to.
        .filter(|s| !s.is_empty())
        .ok_or(ApiError::Unauthorized(
            "expected `Authorization: Bearer <token>`",
        ))?;
    verify(state, secret).await
}

/// The caller a presented secret (trimmed, not empty) names: the bootstrap
/// token, or an active stored token (401 otherwise). The admin console's
/// sign-in asks this too.
pub async fn verify(state: &AppState, secret: &str) -> Result<Caller, ApiError> {
    let hash = hash_secret(secret);
    let cache = &state.tokens;
    if cache.bootstrap.as_deref() == Some(hash.as_str()) {
        return Ok(Caller::Token {
            id: None,
            name: "bootstrap".into(),
            scope: Scope::Admin,
            audiences: Audiences::NONE,
            subject: None,
        });
    }
    let now = Instant::now();
    if let Some(mut cached) = cache.entries.get_mut(&hash)
        && now.duration_since(cached.checked) < CACHE_TTL
    {
        if now.duration_since(cached.touched) > TOUCH_EVERY {
            cached.touched = now;
            touch(state, &cached.caller);
        }
        return Ok(cached.caller.clone());
    }
    let read_at = cache.epoch();
    let token = match state.store.token_by_hash(&hash).await {
        Ok(token) => token.ok_or(ApiError::Unauthorized("unknown or revoked token"))?,
        // The database is down: a token verified before keeps working, so
        // authenticated reads survive an outage like anonymous ones.
        Err(StoreError::Unavailable(e)) => {
            return cache.cached(&hash).ok_or(StoreError::Unavailable(e).into());
        }
        Err(e) => return Err(e.into()),
    };
    let audiences = Audiences::of(token.audiences.iter().map(String::as_str))
        .map_err(|e| ApiError::Internal(format!("token {}: {e}", token.id)))?;
    let caller = Caller::Token {
        id: Some(token.id),
        name: token.name,
        scope: token.scope,
        audiences,
        subject: token.subject,
    };
    touch(state, &caller);
    cache.remember(hash, caller.clone(), now, read_at);
    Ok(caller)
}

/// Record use without delaying the request.
fn touch(state: &AppState, caller: &Caller) {
    if let Caller::Token { id: Some(id), .. } = caller {
        let (store, id) = (state.store.clone(), *id);
        tokio::spawn(async move {
            if let Err(e) = store.touch_token(id, Utc::now()).await {
                tracing::debug!(error = %e, "could not record token use");
            }
        });
    }
}

/// Any caller, anonymous included (public channels).
pub struct AnyCaller(pub Caller);

impl FromRequestParts<AppState> for AnyCaller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        caller(parts, state).await.map(AnyCaller)
    }
}

/// A caller with an admin token.
pub struct Admin(pub Caller);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match caller(parts, state).await? {
            Caller::Anonymous => Err(ApiError::Unauthorized("this endpoint needs an admin token")),
            c @ Caller::Token {
                scope: Scope::Admin,
                ..
            } => Ok(Admin(c)),
            Caller::Token { .. } => Err(ApiError::Forbidden),
        }
    }
}

/// A caller with an admin token or a `self` token: which one the handler
/// decides (a `self` token reaches only its own subject).
pub struct AdminOrOwn(pub Caller);

impl AdminOrOwn {
    /// May this caller act on subject `id`? Admins on every subject, a
    /// `self` token on its own only (403 otherwise).
    pub fn may_reach(&self, id: Uuid) -> Result<(), ApiError> {
        match &self.0 {
            Caller::Token {
                scope: Scope::Admin,
                ..
            } => Ok(()),
            Caller::Token {
                scope: Scope::Own,
                subject: Some(own),
                ..
            } if *own == id => Ok(()),
            _ => Err(ApiError::Forbidden),
        }
    }
}

impl FromRequestParts<AppState> for AdminOrOwn {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match caller(parts, state).await? {
            Caller::Anonymous => Err(ApiError::Unauthorized(
                "this endpoint needs an admin or self token",
            )),
            c @ Caller::Token {
                scope: Scope::Admin | Scope::Own,
                ..
            } => Ok(AdminOrOwn(c)),
            Caller::Token { .. } => Err(ApiError::Forbidden),
        }
    }
}

/// A caller with a `self` token, and the subject it belongs to.
pub struct Own {
    pub caller: Caller,
    pub subject: Uuid,
}

impl FromRequestParts<AppState> for Own {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match caller(parts, state).await? {
            Caller::Anonymous => Err(ApiError::Unauthorized("this endpoint needs a self token")),
            c @ Caller::Token {
                scope: Scope::Own,
                subject: Some(subject),
                ..
            } => Ok(Own { caller: c, subject }),
            Caller::Token { .. } => Err(ApiError::Forbidden),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(id: Uuid) -> Caller {
        Caller::Token {
            id: Some(id),
            name: "t".into(),
            scope: Scope::Lookup,
            audiences: Audiences::NONE,
            subject: None,
        }
    }

    #[test]
    fn a_verification_that_read_before_a_revoke_is_not_remembered() {
        let cache = TokenCache::new(None);
        let (id, hash) = (Uuid::new_v4(), hash_secret("cs_revoked"));
        // A request reads the token from the store…
        let read_at = cache.epoch();
        // …the token is revoked and forgotten meanwhile…
        cache.forget(id);
        // …and the request finishes: it must not put the token back.
        cache.remember(hash.clone(), token(id), Instant::now(), read_at);
        assert_eq!(cache.cached(&hash), None);
    }

    #[test]
    fn a_verification_with_no_revoke_in_between_is_remembered() {
        let cache = TokenCache::new(None);
        cache.forget(Uuid::new_v4());
        let (id, hash) = (Uuid::new_v4(), hash_secret("cs_kept"));
        let read_at = cache.epoch();
        cache.remember(hash.clone(), token(id), Instant::now(), read_at);
        assert_eq!(cache.cached(&hash), Some(token(id)));
        cache.forget(id);
        assert_eq!(cache.cached(&hash), None);
    }

    #[test]
    fn the_bootstrap_secret_is_compared_trimmed() {
        let cache = TokenCache::new(Some("  sixteen-chars-xx\n"));
        assert_eq!(
            cache.bootstrap.as_deref(),
            Some(hash_secret("sixteen-chars-xx").as_str())
        );
    }
}
