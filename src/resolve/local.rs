//! Where an expansion finds local subjects: the in-memory directory when
//! serving, the store for a one-off command-line lookup.

use std::sync::Arc;

use crate::directory::Directory;
use crate::model::{DirectoryKey, DomainProfile, Subject};
use crate::store::{Store, SubjectQuery};

/// Where local subjects come from: the in-memory directory when serving,
/// the store for a one-off command-line lookup.
#[async_trait::async_trait]
pub trait Local: Send + Sync {
    /// The subject owning `key` (canonical address or `acct:` URI), with no
    /// privacy applied.
    async fn find(&self, key: &str) -> Option<Arc<Subject>>;

    /// Is `domain` one of ours (a subject domain of the directory)? Its
    /// addresses are answered locally only.
    async fn serves(&self, domain: &str) -> bool;

    /// The profile of a local `domain` (its default links and properties).
    fn domain_profile(&self, domain: &str) -> Option<Arc<DomainProfile>> {
        let _ = domain;
        None
    }
}

#[async_trait::async_trait]
impl Local for Directory {
    async fn find(&self, key: &str) -> Option<Arc<Subject>> {
        Directory::find(self, key)
    }

    async fn serves(&self, domain: &str) -> bool {
        self.holds_domain(domain)
    }

    fn domain_profile(&self, domain: &str) -> Option<Arc<DomainProfile>> {
        Directory::domain_profile(self, domain)
    }
}

/// Subjects straight from the store, for one-off command-line lookups
/// that should not load the whole directory.
pub struct StoreLocal(pub Arc<dyn Store>);

#[async_trait::async_trait]
impl Local for StoreLocal {
    async fn find(&self, key: &str) -> Option<Arc<Subject>> {
        let query = SubjectQuery {
            key: Some(DirectoryKey::parse(key).ok()?.into()),
            after: None,
            limit: 1,
        };
        match self.0.search(&query).await {
            Ok(found) => found.into_iter().next().map(Arc::new),
            Err(e) => {
                tracing::warn!(error = %e, key, "local lookup failed");
                None
            }
        }
    }

    /// A command-line lookup is the operator's own, with no caller to hide
    /// keys from, and knowing every domain would mean reading every subject:
    /// no domain is skipped.
    async fn serves(&self, _domain: &str) -> bool {
        false
    }
}
