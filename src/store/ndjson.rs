//! NDJSON import and export (one subject per line, the format in DESIGN.md),
//! shared by the CLI and the admin API.

use std::collections::HashMap;

use bytes::Bytes;
use chrono::Utc;
use futures::{Stream, StreamExt};
use serde::Serialize;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::sync::mpsc;
use utoipa::ToSchema;

use super::import::{ImportMessage, SkippedLine};
use super::{Store, StoreError};
use crate::model::{AddressInput, Subject, SubjectInput};

/// Lines parsed and written per chunk.
const CHUNK: usize = 5000;
/// Skipped lines listed in a report (the count is always exact).
const LISTED: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    /// Non-empty lines read.
    pub lines: u64,
    pub created: u64,
    pub updated: u64,
    /// Lines skipped (only with skip_invalid).
    pub skipped: u64,
    /// The first skipped lines and why.
    pub skipped_lines: Vec<SkippedLine>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {reason}")]
    Line { line: u64, reason: String },
    #[error("reading input: {0}")]
    Read(String),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::ImportLine { line, reason } => ImportError::Line { line, reason },
            other => ImportError::Store(other),
        }
    }
}

/// Progress callback: lines and bytes read so far.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Send + Sync);

/// Import NDJSON as one transaction: an upsert keyed by acct. A bad line
/// fails the whole import (nothing is written) unless `skip_invalid`, when
/// it is skipped and counted.
pub async fn import<R: AsyncBufRead + Unpin>(
    store: &dyn Store,
    actor: &str,
    reader: R,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportError> {
    let (tx, rx) = mpsc::channel(2);
    let producer = produce(reader, skip_invalid, tx, progress);
    let consumer = store.import(actor, skip_invalid, rx);
    let (produced, stored) = tokio::join!(producer, consumer);
    // A producer error explains a consumer that saw the channel close.
    let mut report = produced?;
    let outcome = stored?;
    report.created = outcome.created;
    report.updated = outcome.updated;
    report.skipped += outcome.skipped.len() as u64;
    let room = LISTED.saturating_sub(report.skipped_lines.len());
    report
        .skipped_lines
        .extend(outcome.skipped.into_iter().take(room));
    Ok(report)
}

async fn produce<R: AsyncBufRead + Unpin>(
    mut reader: R,
    skip_invalid: bool,
    tx: mpsc::Sender<ImportMessage>,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut line_no = 0u64;
    let mut bytes = 0u64;
    let mut eof = false;
    while !eof {
        let mut raw = Vec::with_capacity(CHUNK);
        while raw.len() < CHUNK {
            let mut line = String::new();
            let n = reader
                .read_line(&mut line)
                .await
                .map_err(|e| ImportError::Read(e.to_string()))?;
            if n == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            bytes += n as u64;
            if !line.trim().is_empty() {
                raw.push((line_no, line));
            }
        }
        report.lines += raw.len() as u64;
        let parsed = tokio::task::spawn_blocking(move || {
            raw.into_iter()
                .map(|(n, line)| (n, parse_line(&line)))
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| ImportError::Read(e.to_string()))?;
        let mut chunk = Vec::with_capacity(parsed.len());
        for (line, result) in parsed {
            let result = result.and_then(|s| match seen.insert(s.acct.clone(), line) {
                Some(first) => Err(format!("{} is already on line {first}", s.acct)),
                None => Ok(s),
            });
            match result {
                Ok(subject) => chunk.push((line, subject)),
                Err(reason) if skip_invalid => {
                    report.skipped += 1;
                    if report.skipped_lines.len() < LISTED {
                        report.skipped_lines.push(SkippedLine { line, reason });
                    }
                }
                Err(reason) => return Err(ImportError::Line { line, reason }),
            }
        }
        if !chunk.is_empty() && tx.send(ImportMessage::Chunk(chunk)).await.is_err() {
            // The store stopped; its own error says why.
            return Ok(report);
        }
        progress(line_no, bytes);
    }
    let _ = tx.send(ImportMessage::Commit).await;
    Ok(report)
}

fn parse_line(line: &str) -> Result<Subject, String> {
    let input: SubjectInput =
        serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    input.into_subject(Utc::now()).map_err(|e| e.to_string())
}

/// A subject in the import format, so an export re-imports as it was.
pub fn to_input(subject: &Subject) -> SubjectInput {
    SubjectInput {
        handle: subject.handle.as_str().to_owned(),
        domain: subject.domain.as_str().to_owned(),
        display_name: Some(subject.display_name.clone()),
        discoverable: Some(subject.discoverable),
        addresses: subject
            .addresses
            .iter()
            .map(|a| AddressInput {
                uri: a.uri.to_string(),
                kind: None,
                visibility: Some(a.visibility),
                discoverable: Some(a.discoverable),
                priority: Some(a.priority),
                label: a.label.clone(),
            })
            .collect(),
    }
}

/// Every subject as NDJSON lines, streamed.
pub fn export(store: &dyn Store) -> impl Stream<Item = Result<Bytes, StoreError>> + Send + '_ {
    store.subjects().map(|subject| {
        let subject = subject?;
        let mut line = serde_json::to_vec(&to_input(&subject)).expect("subjects serialise");
        line.push(b'\n');
        Ok(Bytes::from(line))
    })
}
