//! [`SubjectService`]: where "change a subject" is one call.

use std::sync::Arc;

use chrono::Utc;
use tokio::io::AsyncBufRead;
use uuid::Uuid;

use super::{IfMatch, ServiceError};
use crate::directory::Directory;
use crate::model::{
    AddressInput, AddressPatch, FieldError, Limits, Subject, SubjectInput, SubjectPatch,
    check_unique,
};
use crate::store::ndjson::{self, ImportError, ImportOptions, ImportReport, Progress};
use crate::store::{Store, StoreError, Write};

/// How often a write without `If-Match` is tried against a subject that
/// other writes keep changing, before giving up as busy.
const UNCONDITIONAL_ATTEMPTS: usize = 5;

/// Creates, changes, deletes and imports subjects. Cheap to clone.
#[derive(Clone)]
pub struct SubjectService {
    store: Arc<dyn Store>,
    directory: Arc<Directory>,
    limits: Limits,
}

impl SubjectService {
    pub fn new(store: Arc<dyn Store>, directory: Arc<Directory>, limits: Limits) -> Self {
        SubjectService {
            store,
            directory,
            limits,
        }
    }

    /// Create a subject with its addresses.
    pub async fn create(&self, actor: &str, input: SubjectInput) -> Result<Subject, ServiceError> {
        let subject = input.into_subject(Utc::now())?;
        self.limits.check(&subject.addresses)?;
        let saved = self
            .store
            .write(actor, "subject.create", Write::Create(subject))
            .await?;
        self.catch_up().await;
        saved.ok_or_else(|| nothing_returned("create"))
    }

    /// Change subject fields (a merge patch).
    pub async fn update(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
        patch: &SubjectPatch,
    ) -> Result<Subject, ServiceError> {
        self.modify(actor, id, precondition, "subject.update", |s| {
            Ok(patch.apply(s)?)
        })
        .await
    }

    /// Change subject fields and, by id, fields of its addresses, in one
    /// write (`/api/v1/me`). An id that is not one of the subject's
    /// addresses is an invalid `addresses.<id>` field.
    pub async fn update_own(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
        patch: &SubjectPatch,
        addresses: &[(Uuid, AddressPatch)],
    ) -> Result<Subject, ServiceError> {
        self.modify(actor, id, precondition, "subject.update", |s| {
            patch.apply(s)?;
            for (address_id, address_patch) in addresses {
                let field = format!("addresses.{address_id}");
                let address = s
                    .addresses
                    .iter_mut()
                    .find(|a| a.id == *address_id)
                    .ok_or_else(|| FieldError::new(&field, "no such address of this subject"))?;
                address_patch
                    .apply(address)
                    .map_err(|e| FieldError::new(format!("{field}.{}", e.field), e.reason))?;
            }
            Ok(())
        })
        .await
    }

    /// Add an address to a subject.
    pub async fn add_address(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
        input: AddressInput,
    ) -> Result<Subject, ServiceError> {
        let address = input.into_address("")?;
        self.modify(actor, id, precondition, "address.add", |s| {
            if s.addresses.iter().any(|a| a.uri == address.uri) {
                return Err(ServiceError::Conflict(format!(
                    "{} is already an address of {}",
                    address.uri,
                    s.acct()
                )));
            }
            s.addresses.push(address.clone());
            Ok(())
        })
        .await
    }

    /// Change one address of a subject.
    pub async fn update_address(
        &self,
        actor: &str,
        id: Uuid,
        address_id: Uuid,
        precondition: Option<&IfMatch>,
        patch: &AddressPatch,
    ) -> Result<Subject, ServiceError> {
        self.modify(actor, id, precondition, "address.update", |s| {
            let address = s
                .addresses
                .iter_mut()
                .find(|a| a.id == address_id)
                .ok_or(ServiceError::NotFound)?;
            Ok(patch.apply(address)?)
        })
        .await
    }

    /// Remove one address of a subject.
    pub async fn remove_address(
        &self,
        actor: &str,
        id: Uuid,
        address_id: Uuid,
        precondition: Option<&IfMatch>,
    ) -> Result<Subject, ServiceError> {
        self.modify(actor, id, precondition, "address.delete", |s| {
            let before = s.addresses.len();
            s.addresses.retain(|a| a.id != address_id);
            if s.addresses.len() == before {
                return Err(ServiceError::NotFound);
            }
            Ok(())
        })
        .await
    }

    /// Delete a subject and all its addresses.
    pub async fn delete(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
    ) -> Result<(), ServiceError> {
        self.retrying(precondition, || async {
            let expected_version = self.store.subject(id).await?.version;
            IfMatch::check(precondition, expected_version)?;
            let write = Write::Delete {
                id,
                expected_version,
            };
            Ok(self.store.write(actor, "subject.delete", write).await)
        })
        .await
        .map(drop)
    }

    /// Import NDJSON as one transaction (an upsert by acct); see
    /// [`ndjson::import`]. The directory catches up whatever the outcome.
    pub async fn import<R: AsyncBufRead + Unpin>(
        &self,
        actor: &str,
        reader: R,
        options: &ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ImportError> {
        let result = ndjson::import(self.store.as_ref(), actor, reader, options, progress).await;
        self.catch_up().await;
        result
    }

    /// Apply a change to a stored subject in one optimistic write. With
    /// `If-Match`, a changed subject is stale. Without it the client set no
    /// condition, so losing a race to another write is no reason to refuse
    /// (RFC 9110 §15.5.13 is about conditions the client sent): the change
    /// is applied again to the newer version.
    async fn modify(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
        operation: &str,
        change: impl Fn(&mut Subject) -> Result<(), ServiceError>,
    ) -> Result<Subject, ServiceError> {
        let saved = self
            .retrying(precondition, || async {
                let current = self.store.subject(id).await?;
                IfMatch::check(precondition, current.version)?;
                let mut next = current.clone();
                change(&mut next)?;
                next.sort_addresses();
                check_unique(&next.addresses)?;
                self.limits.check(&next.addresses)?;
                let write = Write::Update {
                    expected_version: current.version,
                    subject: next,
                };
                Ok(self.store.write(actor, operation, write).await)
            })
            .await?;
        saved.ok_or_else(|| nothing_returned("update"))
    }

    async fn retrying<T, Attempt, Fut>(
        &self,
        precondition: Option<&IfMatch>,
        attempt: Attempt,
    ) -> Result<T, ServiceError>
    where
        Attempt: FnMut() -> Fut,
        Fut: Future<Output = Result<Result<T, StoreError>, ServiceError>>,
    {
        retrying(&self.directory, self.store.as_ref(), precondition, attempt).await
    }

    /// Apply the write (and anything before it) to the directory, so every
    /// channel answers with it by the time the call returns.
    async fn catch_up(&self) {
        catch_up(&self.directory, self.store.as_ref()).await;
    }
}

/// Run `attempt` (read, check, then write) until its write does not lose a
/// race, at most [`UNCONDITIONAL_ATTEMPTS`] times; with a precondition a
/// lost race is final. The directory catches up after a write that
/// succeeded.
pub(super) async fn retrying<T, Attempt, Fut>(
    directory: &Directory,
    store: &dyn Store,
    precondition: Option<&IfMatch>,
    mut attempt: Attempt,
) -> Result<T, ServiceError>
where
    Attempt: FnMut() -> Fut,
    Fut: Future<Output = Result<Result<T, StoreError>, ServiceError>>,
{
    for _ in 0..UNCONDITIONAL_ATTEMPTS {
        match attempt().await? {
            Err(StoreError::Stale { .. }) if precondition.is_none() => continue,
            written => {
                let saved = written?;
                catch_up(directory, store).await;
                return Ok(saved);
            }
        }
    }
    Err(ServiceError::Busy)
}

/// Apply every stored write to the directory, if it is loaded.
pub(super) async fn catch_up(directory: &Directory, store: &dyn Store) {
    if let Err(e) = directory.sync_if_loaded(store).await {
        tracing::warn!(error = %e, "write stored but not yet applied; the follower will retry");
    }
}

pub(super) fn nothing_returned(what: &str) -> ServiceError {
    ServiceError::Store(StoreError::Internal(format!("{what} returned nothing")))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn service() -> (SubjectService, Arc<Directory>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/callsign.db", dir.path().display());
        let store = crate::store::open(&url).await.unwrap();
        store.migrate().await.unwrap();
        let directory = Directory::new();
        let service = SubjectService::new(store, directory.clone(), Limits::default());
        (service, directory, dir)
    }

    fn input(handle: &str, number: &str) -> SubjectInput {
        serde_json::from_value(serde_json::json!({
            "handle": handle, "domain": "example.com",
            "addresses": [{"uri": number}]
        }))
        .unwrap()
    }

    /// A directory not loaded yet (the command line, a server starting)
    /// is left empty for its load; once loaded, it has every write by the
    /// time the call returns.
    #[tokio::test]
    async fn the_directory_catches_up_once_loaded() {
        let (service, directory, _dir) = service().await;
        service
            .create("test", input("alice", "tel:+12125550100"))
            .await
            .unwrap();
        assert!(directory.is_empty(), "an unloaded directory stays empty");
        directory.load(service.store.as_ref()).await.unwrap();
        assert!(directory.get("tel:+12125550100").is_some());
        let bob = service
            .create("test", input("bob", "tel:+12125550101"))
            .await
            .unwrap();
        assert_eq!(directory.get("tel:+12125550101").unwrap().id, bob.id);
        service.delete("test", bob.id, None).await.unwrap();
        assert!(directory.get("tel:+12125550101").is_none());
    }
}
