//! The backend-independent half of an import: deciding, for one chunk of
//! validated subjects, which are new, which replace a stored subject, and
//! which clash with addresses owned by someone else.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{Conflict, StoreError};
use crate::model::{Acct, Block, Subject};

/// What an import sends the store.
#[derive(Debug)]
pub enum ImportMessage {
    /// Validated subjects with their 1-based line numbers.
    Chunk(Vec<(u64, Subject)>),
    /// Validated blocks with their line numbers: stored after every
    /// subject, so an owner may come later in the input.
    Blocks(Vec<(u64, Block)>),
    /// Everything was sent and valid: commit.
    Commit,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportOutcome {
    pub created: u64,
    pub updated: u64,
    pub blocks_created: u64,
    pub blocks_updated: u64,
    /// Lines skipped, with the reason (parse errors and, with
    /// `--skip-invalid`, address conflicts).
    pub skipped: Vec<SkippedLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SkippedLine {
    pub line: u64,
    pub reason: String,
}

/// A stored subject an import line replaces.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Existing {
    pub id: Uuid,
    pub handle: String,
    pub domain: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl Existing {
    /// The stored subject's `acct:` URI.
    pub fn acct(&self) -> String {
        Acct::uri(&self.handle, &self.domain)
    }
}

/// What to write for one chunk.
#[derive(Debug, Default)]
pub struct ImportPlan {
    pub creates: Vec<Subject>,
    /// Subjects replacing stored ones: id, created_at and the bumped version
    /// already taken from the stored row.
    pub updates: Vec<Subject>,
}

/// Plan one chunk. `existing` maps acct → stored subject; `owners` maps each
/// address URI of the chunk that is already stored → (owner id, owner acct).
pub fn plan_chunk(
    chunk: Vec<(u64, Subject)>,
    existing: &HashMap<String, Existing>,
    owners: &HashMap<String, (Uuid, String)>,
    skip_conflicts: bool,
    now: DateTime<Utc>,
    outcome: &mut ImportOutcome,
) -> Result<ImportPlan, StoreError> {
    let mut plan = ImportPlan::default();
    // Address URI → the line and subject of the chunk that lists it.
    let mut in_chunk: HashMap<&str, (u64, &Subject)> = HashMap::new();
    let mut accepted = Vec::with_capacity(chunk.len());
    'lines: for (line, mut subject) in chunk {
        let stored = existing.get(&subject.acct());
        if let Some(stored) = stored {
            subject.id = stored.id;
            subject.version = stored.version + 1;
            subject.created_at = stored.created_at;
            subject.updated_at = now;
        }
        for a in &subject.addresses {
            if let Some((owner_id, owner)) = owners.get(a.uri.as_str())
                && *owner_id != subject.id
            {
                let conflict = Conflict::Address {
                    uri: a.uri.to_string(),
                    owner: owner.clone(),
                };
                if skip_conflicts {
                    outcome.skipped.push(SkippedLine {
                        line,
                        reason: conflict.to_string(),
                    });
                    continue 'lines;
                }
                return Err(StoreError::ImportLine {
                    line,
                    reason: conflict.to_string(),
                });
            }
        }
        accepted.push((line, stored.is_some(), subject));
    }
    // Addresses repeated between lines of this chunk.
    let mut keep = vec![true; accepted.len()];
    for (i, (line, _, subject)) in accepted.iter().enumerate() {
        for a in &subject.addresses {
            if let Some((first, owner)) = in_chunk.get(a.uri.as_str())
                && (&owner.handle, &owner.domain) != (&subject.handle, &subject.domain)
            {
                let reason = format!(
                    "{} already belongs to {} (line {first})",
                    a.uri,
                    owner.acct()
                );
                if skip_conflicts {
                    outcome.skipped.push(SkippedLine {
                        line: *line,
                        reason,
                    });
                    keep[i] = false;
                    break;
                }
                return Err(StoreError::ImportLine {
                    line: *line,
                    reason,
                });
            }
        }
        if keep[i] {
            for a in &subject.addresses {
                in_chunk.insert(a.uri.as_str(), (*line, subject));
            }
        }
    }
    let accepted: Vec<_> = accepted
        .into_iter()
        .zip(keep)
        .filter_map(|(a, k)| k.then_some(a))
        .map(|(_, existed, s)| (existed, s))
        .collect();
    for (existed, subject) in accepted {
        if existed {
            outcome.updated += 1;
            plan.updates.push(subject);
        } else {
            outcome.created += 1;
            plan.creates.push(subject);
        }
    }
    Ok(plan)
}
