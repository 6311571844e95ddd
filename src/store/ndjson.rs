//! NDJSON import and export (one subject per line, the format in DESIGN.md,
//! and one number block per line as `{"block": {...}}`), shared by the CLI
//! and the admin API.

use std::collections::HashMap;

use bytes::Bytes;
use chrono::Utc;
use futures::{Stream, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::sync::mpsc;
use utoipa::ToSchema;

use super::import::{ImportMessage, SkippedLine};
use super::{Store, StoreError};
use crate::config::Config;
use crate::model::{AddressInput, Block, BlockInput, Limits, Subject, SubjectInput};

/// Lines parsed and written per chunk.
const CHUNK: usize = 5000;
/// Skipped lines listed in a report (the count is always exact).
const LISTED: usize = 100;

/// One line of the import format: a subject, or a number block.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
pub enum ImportLine {
    Subject(SubjectInput),
    Block(BlockLine),
}

/// A block's line: the member `block` alone, holding the block as
/// `POST /api/v1/blocks` takes it. An import upserts blocks by prefix.
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockLine {
    pub block: BlockInput,
}

/// A line, parsed and validated.
#[derive(Debug, Clone)]
pub enum Parsed {
    Subject(Subject),
    Block(Block),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    /// Non-empty lines read.
    pub lines: u64,
    /// Subjects created and updated.
    pub created: u64,
    pub updated: u64,
    /// Blocks created and updated (a block replaces the one with its prefix).
    pub blocks_created: u64,
    pub blocks_updated: u64,
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

/// How an import treats its input.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Skip and count invalid lines instead of failing the whole import.
    pub skip_invalid: bool,
    /// Longest line accepted, bytes: one subject is one JSON body, so
    /// `http.body_limit`. A longer line is refused as soon as it passes
    /// this, never buffered whole.
    pub max_line: usize,
    /// How large each subject may grow.
    pub limits: Limits,
}

impl ImportOptions {
    /// The limits a configuration sets for every import, HTTP or CLI.
    pub fn new(config: &Config, skip_invalid: bool) -> ImportOptions {
        ImportOptions {
            skip_invalid,
            max_line: config.http.body_limit,
            limits: config.limits.clone(),
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
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportError> {
    let (tx, rx) = mpsc::channel(2);
    let producer = produce(reader, options, tx, progress);
    let consumer = store.import(actor, options.skip_invalid, rx);
    let (produced, stored) = tokio::join!(producer, consumer);
    // A producer error explains a consumer that saw the channel close.
    let mut report = produced?;
    let outcome = stored?;
    report.created = outcome.created;
    report.updated = outcome.updated;
    report.blocks_created = outcome.blocks_created;
    report.blocks_updated = outcome.blocks_updated;
    report.skipped += outcome.skipped.len() as u64;
    let room = LISTED.saturating_sub(report.skipped_lines.len());
    report
        .skipped_lines
        .extend(outcome.skipped.into_iter().take(room));
    Ok(report)
}

async fn produce<R: AsyncBufRead + Unpin>(
    mut reader: R,
    options: &ImportOptions,
    tx: mpsc::Sender<ImportMessage>,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportError> {
    let skip_invalid = options.skip_invalid;
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut line_no = 0u64;
    let mut bytes = 0u64;
    let mut eof = false;
    while !eof {
        let mut raw = Vec::with_capacity(CHUNK);
        while raw.len() < CHUNK {
            let Some(line) = next_line(&mut reader, options, &mut bytes).await? else {
                eof = true;
                break;
            };
            line_no += 1;
            if line.as_ref().is_ok_and(|l| l.trim().is_empty()) {
                continue;
            }
            // A bad line fails the whole import: read no further.
            let fatal = line.is_err() && !skip_invalid;
            raw.push((line_no, line));
            if fatal {
                eof = true;
                break;
            }
        }
        report.lines += raw.len() as u64;
        let limits = options.limits.clone();
        let parsed = tokio::task::spawn_blocking(move || {
            raw.into_iter()
                .map(|(n, line)| (n, line.and_then(|l| parse_import_line(&l, &limits))))
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| ImportError::Read(e.to_string()))?;
        let mut chunk = Vec::with_capacity(parsed.len());
        let mut blocks = Vec::new();
        for (line, result) in parsed {
            let result = result.and_then(|parsed| {
                let (key, what) = match &parsed {
                    Parsed::Subject(s) => (s.acct(), s.acct()),
                    Parsed::Block(b) => (
                        format!("block:{}", b.prefix),
                        format!("the block {}", b.prefix),
                    ),
                };
                match seen.insert(key, line) {
                    Some(first) => Err(format!("{what} is already on line {first}")),
                    None => Ok(parsed),
                }
            });
            match result {
                Ok(Parsed::Subject(subject)) => chunk.push((line, subject)),
                Ok(Parsed::Block(block)) => blocks.push((line, block)),
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
        if !blocks.is_empty() && tx.send(ImportMessage::Blocks(blocks)).await.is_err() {
            return Ok(report);
        }
        progress(line_no, bytes);
    }
    let _ = tx.send(ImportMessage::Commit).await;
    Ok(report)
}

/// One line of an import: a block's, or a subject's.
pub(crate) fn parse_import_line(line: &str, limits: &Limits) -> Result<Parsed, String> {
    if is_block_line(line) {
        let input: BlockLine =
            serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
        let block = input
            .block
            .into_block(Utc::now(), limits.block_free_digits)
            .map_err(|e| format!("block.{e}"))?;
        return Ok(Parsed::Block(block));
    }
    parse_line(line, limits).map(Parsed::Subject)
}

/// A subject's line.
pub(crate) fn parse_line(line: &str, limits: &Limits) -> Result<Subject, String> {
    let input: SubjectInput =
        serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let subject = input.into_subject(Utc::now()).map_err(|e| e.to_string())?;
    limits
        .check(&subject.addresses)
        .map_err(|e| e.to_string())?;
    Ok(subject)
}

/// Does the line's object start with the member `block`? (A subject has
/// no such member, so the first one decides without parsing twice.)
fn is_block_line(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"block\""))
}

/// The next line, `None` at the end of the input. A line that is too long
/// or not UTF-8 is an `Err` with the reason; the rest of a long one is read
/// past only when it is to be skipped.
async fn next_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    options: &ImportOptions,
    bytes: &mut u64,
) -> Result<Option<Result<String, String>>, ImportError> {
    let mut line = Vec::new();
    Ok(Some(
        match read_line(reader, &mut line, options.max_line, bytes).await? {
            LineEnd::Eof => return Ok(None),
            LineEnd::Complete => String::from_utf8(line).map_err(|_| "not valid UTF-8".into()),
            LineEnd::TooLong => {
                if options.skip_invalid {
                    skip_line(reader, bytes).await?;
                }
                Err(format!(
                    "longer than {} bytes (http.body_limit, the largest subject accepted)",
                    options.max_line
                ))
            }
        },
    ))
}

/// How [`read_line`] ended.
enum LineEnd {
    /// A newline, or the end of the input after some bytes.
    Complete,
    /// The line passed the cap: `line` holds its first bytes, and the
    /// reader stands in the middle of it.
    TooLong,
    /// The end of the input, nothing read.
    Eof,
}

/// Read one line into `line` (bytes consumed added to `bytes`), stopping
/// once it passes `max` bytes: a line without a newline must not be
/// buffered up to the whole import limit.
async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    line: &mut Vec<u8>,
    max: usize,
    bytes: &mut u64,
) -> Result<LineEnd, ImportError> {
    loop {
        let available = reader
            .fill_buf()
            .await
            .map_err(|e| ImportError::Read(e.to_string()))?;
        if available.is_empty() {
            return Ok(if line.is_empty() {
                LineEnd::Eof
            } else {
                LineEnd::Complete
            });
        }
        let newline = available.iter().position(|&b| b == b'\n');
        let content = newline.unwrap_or(available.len());
        if line.len() + content > max {
            return Ok(LineEnd::TooLong);
        }
        let taken = newline.map_or(content, |i| i + 1);
        line.extend_from_slice(&available[..taken]);
        reader.consume(taken);
        *bytes += taken as u64;
        if newline.is_some() {
            return Ok(LineEnd::Complete);
        }
    }
}

/// Read past the rest of a line without keeping it.
async fn skip_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    bytes: &mut u64,
) -> Result<(), ImportError> {
    loop {
        let available = reader
            .fill_buf()
            .await
            .map_err(|e| ImportError::Read(e.to_string()))?;
        if available.is_empty() {
            return Ok(());
        }
        let newline = available.iter().position(|&b| b == b'\n');
        let taken = newline.map_or(available.len(), |i| i + 1);
        reader.consume(taken);
        *bytes += taken as u64;
        if newline.is_some() {
            return Ok(());
        }
    }
}

/// A subject in the import format, so an export re-imports as it was.
pub fn to_input(subject: &Subject) -> SubjectInput {
    SubjectInput {
        handle: subject.handle.as_str().to_owned(),
        domain: subject.domain.as_str().to_owned(),
        display_name: Some(subject.display_name.clone()),
        display_name_visibility: Some(subject.display_name_visibility),
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
                routing_number: a.routing_number.clone(),
            })
            .collect(),
        links: subject.links.clone(),
        properties: subject.properties.clone(),
    }
}

/// A block's line, so an export re-imports as it was.
pub fn block_line(block: &Block) -> BlockLine {
    BlockLine {
        block: BlockInput::from(block),
    }
}

/// Every subject, then every block (after their owners), as NDJSON lines,
/// streamed.
pub fn export(store: &dyn Store) -> impl Stream<Item = Result<Bytes, StoreError>> + Send + '_ {
    let subjects = store.subjects().map(|subject| {
        let subject = subject?;
        Ok(ndjson_line(&to_input(&subject)))
    });
    let blocks = futures::stream::once(store.blocks())
        .map(|blocks| -> Vec<Result<Bytes, StoreError>> {
            match blocks {
                Ok(blocks) => blocks
                    .iter()
                    .map(|b| Ok(ndjson_line(&block_line(b))))
                    .collect(),
                Err(e) => vec![Err(e)],
            }
        })
        .flat_map(futures::stream::iter);
    subjects.chain(blocks)
}

fn ndjson_line(value: &impl Serialize) -> Bytes {
    let mut line = serde_json::to_vec(value).expect("import lines serialise");
    line.push(b'\n');
    Bytes::from(line)
}
