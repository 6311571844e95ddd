//! [`BlockService`]: creating, changing and deleting number blocks.

use std::sync::Arc;

use chrono::Utc;
use uuid::Uuid;

use super::subjects::{catch_up, nothing_returned, retrying};
use super::{IfMatch, ServiceError};
use crate::directory::Directory;
use crate::model::{Acct, Block, BlockInput, FieldError, Limits, merge_patch};
use crate::store::{BlockWrite, SearchKey, Store, SubjectQuery};

/// Creates, changes and deletes blocks. Cheap to clone.
#[derive(Clone)]
pub struct BlockService {
    store: Arc<dyn Store>,
    directory: Arc<Directory>,
    limits: Limits,
}

impl BlockService {
    pub fn new(store: Arc<dyn Store>, directory: Arc<Directory>, limits: Limits) -> Self {
        BlockService {
            store,
            directory,
            limits,
        }
    }

    pub async fn create(&self, actor: &str, input: BlockInput) -> Result<Block, ServiceError> {
        let block = self.validate(input).await?;
        let saved = self
            .store
            .write_block(actor, "block.create", BlockWrite::Create(block))
            .await?;
        catch_up(&self.directory, self.store.as_ref()).await;
        saved.ok_or_else(|| nothing_returned("create"))
    }

    /// Apply a JSON merge patch (RFC 7386) to the block as submitted, and
    /// validate the result as a new one would be. Without `If-Match`, a
    /// race lost to another write is tried again on the newer version.
    pub async fn update(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
        patch: &serde_json::Value,
    ) -> Result<Block, ServiceError> {
        let (directory, store) = (&self.directory, self.store.as_ref());
        let saved = retrying(directory, store, precondition, || async {
            let current = self.store.block(id).await?;
            IfMatch::check(precondition, current.version)?;
            let mut merged = serde_json::to_value(BlockInput::from(&current)).expect("serialises");
            merge_patch(&mut merged, patch);
            let input: BlockInput = serde_json::from_value(merged)
                .map_err(|e| FieldError::new("", format!("the patched block is invalid: {e}")))?;
            let mut block = self.validate(input).await?;
            block.id = current.id;
            let write = BlockWrite::Update {
                expected_version: current.version,
                block,
            };
            Ok(self.store.write_block(actor, "block.update", write).await)
        })
        .await?;
        saved.ok_or_else(|| nothing_returned("update"))
    }

    pub async fn delete(
        &self,
        actor: &str,
        id: Uuid,
        precondition: Option<&IfMatch>,
    ) -> Result<(), ServiceError> {
        let (directory, store) = (&self.directory, self.store.as_ref());
        retrying(directory, store, precondition, || async {
            let expected_version = self.store.block(id).await?.version;
            IfMatch::check(precondition, expected_version)?;
            let write = BlockWrite::Delete {
                id,
                expected_version,
            };
            Ok(self.store.write_block(actor, "block.delete", write).await)
        })
        .await
        .map(drop)
    }

    /// The block `input` describes, its owner a stored subject.
    async fn validate(&self, input: BlockInput) -> Result<Block, ServiceError> {
        let block = input.into_block(Utc::now(), self.limits.block_free_digits)?;
        if let Some(owner) = &block.owner {
            let acct = Acct::parse(owner).map_err(|e| FieldError::new("owner", e))?;
            let query = SubjectQuery {
                key: Some(SearchKey::Acct(acct)),
                after: None,
                limit: 1,
            };
            if self.store.search(&query).await?.is_empty() {
                return Err(FieldError::new("owner", format!("no subject is {owner}")).into());
            }
        }
        Ok(block)
    }
}
