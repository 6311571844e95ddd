//! [`DomainService`]: putting and deleting domain profiles.

use std::sync::Arc;

use chrono::Utc;

use super::subjects::{nothing_returned, retrying};
use super::{IfMatch, ServiceError};
use crate::directory::Directory;
use crate::model::{Domain, DomainInput, DomainProfile};
use crate::store::{DomainWrite, Store, StoreError};

/// Puts and deletes domain profiles. Cheap to clone.
#[derive(Clone)]
pub struct DomainService {
    store: Arc<dyn Store>,
    directory: Arc<Directory>,
}

impl DomainService {
    pub fn new(store: Arc<dyn Store>, directory: Arc<Directory>) -> Self {
        DomainService { store, directory }
    }

    /// Create or replace the profile of `domain`. With `If-Match`, the
    /// profile must exist at that version (`*`: exist at all). Returns the
    /// stored profile and whether it was created.
    pub async fn put(
        &self,
        actor: &str,
        domain: Domain,
        precondition: Option<&IfMatch>,
        input: DomainInput,
    ) -> Result<(DomainProfile, bool), ServiceError> {
        let profile = input.into_profile(domain, Utc::now())?;
        let (directory, store) = (&self.directory, self.store.as_ref());
        let saved = retrying(directory, store, precondition, || async {
            let current = self.current(profile.domain.as_str()).await?;
            match (&current, precondition) {
                (Some(c), _) => IfMatch::check(precondition, c.version)?,
                (None, Some(_)) => return Err(ServiceError::Stale { current: 0 }),
                (None, None) => {}
            }
            let write = DomainWrite::Put {
                expected_version: current.as_ref().map(|c| c.version),
                profile: profile.clone(),
            };
            Ok(self
                .store
                .write_domain(actor, write)
                .await
                .map(|saved| (saved, current.is_none())))
        })
        .await?;
        match saved {
            (Some(profile), created) => Ok((profile, created)),
            (None, _) => Err(nothing_returned("put")),
        }
    }

    pub async fn delete(
        &self,
        actor: &str,
        domain: Domain,
        precondition: Option<&IfMatch>,
    ) -> Result<(), ServiceError> {
        let (directory, store) = (&self.directory, self.store.as_ref());
        retrying(directory, store, precondition, || async {
            let current = self
                .current(domain.as_str())
                .await?
                .ok_or(ServiceError::NotFound)?;
            IfMatch::check(precondition, current.version)?;
            let write = DomainWrite::Delete {
                domain: domain.clone(),
                expected_version: current.version,
            };
            Ok(self.store.write_domain(actor, write).await)
        })
        .await
        .map(drop)
    }

    async fn current(&self, domain: &str) -> Result<Option<DomainProfile>, ServiceError> {
        match self.store.domain_profile(domain).await {
            Ok(p) => Ok(Some(p)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}
