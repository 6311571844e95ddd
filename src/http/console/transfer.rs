//! Import and export: an NDJSON upload imported as a background job whose
//! progress the job page shows (polled by the script, or reloaded by
//! hand), and the export as a download. Both run the same code as
//! `/api/v1/import`, `/api/v1/export` and the CLI.
//!
//! Jobs live in this process's memory, visible only to the actor that
//! started them; a restart forgets them (the import itself is one
//! transaction: it is stored whole or not at all).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::{Stream, StreamExt, TryStreamExt};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use maud::html;
use serde::Serialize;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use super::{Session, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::admin::transfer::{NDJSON, owned_export};
use crate::store::ndjson::{ImportError, ImportOptions, ImportReport};

/// Finished jobs kept for their pages; older ones are forgotten first.
const KEPT: usize = 100;
/// The longest part header block and form token accepted.
const HEADERS_MAX: usize = 16 * 1024;
const FIELD_MAX: usize = 256;

/// The import jobs of this process.
#[derive(Default)]
pub struct Jobs {
    jobs: Mutex<Vec<Arc<Job>>>,
}

impl Jobs {
    fn add(&self, job: Arc<Job>) {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if jobs.len() >= KEPT
            && let Some(i) = jobs.iter().position(|j| j.finished())
        {
            jobs.remove(i);
        }
        jobs.push(job);
    }

    /// Job `id`, if it is `actor`'s.
    fn get(&self, id: Uuid, actor: &str) -> Option<Arc<Job>> {
        let jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        jobs.iter()
            .find(|j| j.id == id && j.actor == actor)
            .cloned()
    }
}

struct Job {
    id: Uuid,
    actor: String,
    file_name: String,
    total: u64,
    lines: AtomicU64,
    bytes: AtomicU64,
    outcome: Mutex<Option<Result<ImportReport, JobError>>>,
}

#[derive(Clone, Serialize)]
struct JobError {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    message: String,
}

impl Job {
    fn finished(&self) -> bool {
        self.outcome
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    fn status(&self) -> JobStatus {
        let outcome = self
            .outcome
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let (state, report, error) = match outcome {
            None => ("running", None, None),
            Some(Ok(report)) => ("done", Some(report), None),
            Some(Err(e)) => ("failed", None, Some(e)),
        };
        let bytes = self.bytes.load(Ordering::Relaxed);
        JobStatus {
            state,
            lines: self.lines.load(Ordering::Relaxed),
            bytes: if state == "done" { self.total } else { bytes },
            total: self.total,
            stored: report.as_ref().map_or(0, |r| r.created + r.updated),
            created: report.as_ref().map_or(0, |r| r.created),
            updated: report.as_ref().map_or(0, |r| r.updated),
            blocks: report
                .as_ref()
                .map_or(0, |r| r.blocks_created + r.blocks_updated),
            error,
        }
    }
}

/// What `/admin/import/{id}/status` answers.
#[derive(Serialize)]
struct JobStatus {
    /// `running`, `done` or `failed`.
    state: &'static str,
    /// Non-empty lines read so far.
    lines: u64,
    bytes: u64,
    total: u64,
    /// Subjects stored (created and updated): the import is one
    /// transaction, so 0 until it is done.
    stored: u64,
    created: u64,
    updated: u64,
    blocks: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<JobError>,
}

fn admin_only(session: &Session) -> Option<Response> {
    (!session.is_admin()).then(|| {
        error_page(
            StatusCode::FORBIDDEN,
            Some(session),
            "Import and export need an admin token.",
        )
    })
}

/// `/admin/transfer`: the upload form and the export link.
pub async fn page(session: Session) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    transfer_page(&session, None, StatusCode::OK)
}

fn transfer_page(session: &Session, error: Option<&str>, status: StatusCode) -> Response {
    let body = html! {
        h1 { "Import and export" }
        h2 { "Import" }
        p { "One subject per line in the create-subject format, or one block as "
            code { "{\"block\": {…}}" } ". The whole file is stored as one transaction: "
            "a bad line stores nothing and names its line." }
        form method="post" action="/admin/import" enctype="multipart/form-data" {
            (session.csrf_field())
            label for="import-file" { "NDJSON file" }
            input type="file" id="import-file" name="file" accept=".ndjson,.jsonl,application/x-ndjson" required
                aria-describedby=[error.map(|_| "import-file-error")];
            @if let Some(error) = error {
                p.error id="import-file-error" role="alert" { (error) }
            }
            p { button type="submit" id="import" { "Import" } }
        }
        h2 { "Export" }
        p { a href="/admin/export" id="export" download { "Download every subject and block (NDJSON)" } }
    };
    (status, layout("Import and export", Some(session), body)).into_response()
}

/// `/admin/export`: the API's export as a download.
pub async fn export(State(state): State<AppState>, session: Session) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    let stream = owned_export(state.store.clone()).map_err(|e| {
        tracing::error!(error = %e, "export failed midway");
        std::io::Error::other("export failed")
    });
    let name = format!(
        "attachment; filename=\"callsign-{}.ndjson\"",
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
    );
    (
        [
            (CONTENT_TYPE, NDJSON.to_owned()),
            (CONTENT_DISPOSITION, name),
        ],
        Body::from_stream(stream),
    )
        .into_response()
}

/// The file part of an upload, spooled to a file of its own.
struct Upload {
    path: PathBuf,
    size: u64,
    name: String,
}

/// Removes the spooled file when the upload or its job is done with it.
struct Spool(PathBuf);

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn boundary(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    let (kind, params) = value.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim_matches('"').to_owned())
        .filter(|b| !b.is_empty() && b.len() <= 70)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A `name="…"` parameter of a part's Content-Disposition.
fn disposition(headers: &str, param: &str) -> Option<String> {
    let line = headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
    let key = format!("{param}=\"");
    let at = line.find(&key)? + key.len();
    let rest = &line[at..];
    Some(rest[..rest.find('"')?].to_owned())
}

enum Refusal {
    Csrf,
    TooLarge,
    Bad(String),
}

/// Read a `multipart/form-data` body: the form token first (checked
/// before any of the file is kept), then the file, written to a spool
/// file as it arrives. At most `limit` bytes are read.
async fn receive<S>(
    mut body: S,
    boundary: &str,
    limit: u64,
    session: &Session,
) -> Result<(Upload, Spool), Refusal>
where
    S: Stream<Item = Result<bytes::Bytes, axum::Error>> + Unpin,
{
    let mut buf: Vec<u8> = Vec::new();
    let mut total = 0u64;
    let mut fill = async |buf: &mut Vec<u8>| -> Result<bool, Refusal> {
        match body.next().await {
            None => Ok(false),
            Some(Ok(chunk)) => {
                total += chunk.len() as u64;
                if total > limit {
                    return Err(Refusal::TooLarge);
                }
                buf.extend_from_slice(&chunk);
                Ok(true)
            }
            Some(Err(e)) => {
                let mut source: Option<&dyn std::error::Error> = Some(&e);
                while let Some(s) = source {
                    if s.downcast_ref::<LengthLimitError>().is_some() {
                        return Err(Refusal::TooLarge);
                    }
                    source = s.source();
                }
                Err(Refusal::Bad(format!("reading the upload: {e}")))
            }
        }
    };
    let truncated = || Refusal::Bad("the upload ended early".into());
    let first = format!("--{boundary}");
    let delimiter = format!("\r\n--{boundary}");
    loop {
        if let Some(at) = find(&buf, first.as_bytes()) {
            buf.drain(..at + first.len());
            break;
        }
        if buf.len() > HEADERS_MAX || !fill(&mut buf).await? {
            return Err(truncated());
        }
    }
    let mut csrf = String::new();
    let mut upload: Option<(Upload, Spool)> = None;
    loop {
        while buf.len() < 2 {
            if !fill(&mut buf).await? {
                return Err(truncated());
            }
        }
        if buf.starts_with(b"--") {
            break;
        }
        if !buf.starts_with(b"\r\n") {
            return Err(Refusal::Bad("a malformed multipart body".into()));
        }
        buf.drain(..2);
        let headers = loop {
            if let Some(at) = find(&buf, b"\r\n\r\n") {
                let headers = String::from_utf8_lossy(&buf[..at]).into_owned();
                buf.drain(..at + 4);
                break headers;
            }
            if buf.len() > HEADERS_MAX || !fill(&mut buf).await? {
                return Err(truncated());
            }
        };
        let name = disposition(&headers, "name").unwrap_or_default();
        let mut file = None;
        if name == "file" && upload.is_none() {
            if session.check_csrf(csrf.trim()).is_some() {
                return Err(Refusal::Csrf);
            }
            let path =
                std::env::temp_dir().join(format!("callsign-import-{}.ndjson", Uuid::now_v7()));
            let mut options = tokio::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            options.mode(0o600);
            let f = options
                .open(&path)
                .await
                .map_err(|e| Refusal::Bad(format!("spooling the upload: {e}")))?;
            let spool = Spool(path.clone());
            file = Some(f);
            upload = Some((
                Upload {
                    path,
                    size: 0,
                    name: disposition(&headers, "filename").unwrap_or_default(),
                },
                spool,
            ));
        }
        // The part's content, up to the next delimiter.
        loop {
            let (content, done) = match find(&buf, delimiter.as_bytes()) {
                Some(at) => (at, true),
                None => (buf.len().saturating_sub(delimiter.len() - 1), false),
            };
            if let Some(f) = file.as_mut() {
                f.write_all(&buf[..content])
                    .await
                    .map_err(|e| Refusal::Bad(format!("spooling the upload: {e}")))?;
                if let Some((u, _)) = upload.as_mut() {
                    u.size += content as u64;
                }
            } else if name == "csrf" && csrf.len() + content <= FIELD_MAX {
                csrf.push_str(&String::from_utf8_lossy(&buf[..content]));
            }
            if done {
                buf.drain(..content + delimiter.len());
                break;
            }
            buf.drain(..content);
            if !fill(&mut buf).await? {
                return Err(truncated());
            }
        }
        if let Some(mut f) = file {
            f.flush()
                .await
                .map_err(|e| Refusal::Bad(format!("spooling the upload: {e}")))?;
        }
    }
    upload.ok_or_else(|| Refusal::Bad("Choose a file to import.".into()))
}

/// `POST /admin/import`: receive the file, start the import, go to its page.
pub async fn start(State(state): State<AppState>, session: Session, request: Request) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    let Some(boundary) = boundary(request.headers()) else {
        return transfer_page(
            &session,
            Some("Send the file with the form (multipart/form-data)."),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        );
    };
    let limit = state.config.http.import_limit;
    let body = Limited::new(
        request.into_body(),
        usize::try_from(limit).unwrap_or(usize::MAX),
    )
    .into_data_stream()
    .map_err(axum::Error::new);
    let (upload, spool) = match receive(body, &boundary, limit, &session).await {
        Ok(u) => u,
        Err(Refusal::Csrf) => {
            return session
                .check_csrf("")
                .unwrap_or_else(|| see_other("/admin/transfer"));
        }
        Err(Refusal::TooLarge) => {
            return transfer_page(
                &session,
                Some(&format!(
                    "The file is over the import limit ({limit} bytes, http.import_limit)."
                )),
                StatusCode::PAYLOAD_TOO_LARGE,
            );
        }
        Err(Refusal::Bad(why)) => {
            return transfer_page(&session, Some(&why), StatusCode::BAD_REQUEST);
        }
    };
    let job = Arc::new(Job {
        id: Uuid::now_v7(),
        actor: session.actor().to_owned(),
        file_name: upload.name.clone(),
        total: upload.size,
        lines: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        outcome: Mutex::new(None),
    });
    state.console_jobs.add(job.clone());
    let id = job.id;
    let runner = state.clone();
    tokio::spawn(async move {
        let outcome = run(&runner, &job, &upload).await;
        drop(spool);
        *job.outcome.lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
    });
    see_other(&format!("/admin/import/{id}"))
}

async fn run(state: &AppState, job: &Arc<Job>, upload: &Upload) -> Result<ImportReport, JobError> {
    let file = tokio::fs::File::open(&upload.path)
        .await
        .map_err(|e| JobError {
            line: None,
            message: format!("reading the upload: {e}"),
        })?;
    let reader = tokio::io::BufReader::new(file);
    let options = ImportOptions::new(&state.config, false);
    let counter = job.clone();
    let progress = move |lines: u64, bytes: u64| {
        counter.lines.store(lines, Ordering::Relaxed);
        counter.bytes.store(bytes, Ordering::Relaxed);
    };
    let result = state
        .subjects
        .import(&job.actor, reader, &options, &progress)
        .await;
    result.map_err(|e| match e {
        ImportError::Line { line, reason } => JobError {
            line: Some(line),
            message: reason,
        },
        ImportError::Read(reason) => JobError {
            line: None,
            message: format!("reading the file: {reason}"),
        },
        ImportError::Store(e) => JobError {
            line: None,
            message: crate::http::problem::ApiError::from(e)
                .problem()
                .detail
                .unwrap_or_else(|| "the store refused the import".into()),
        },
    })
}

fn no_job(session: &Session) -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        Some(session),
        "No such import job in this process (jobs are kept in memory, for the actor that started them).",
    )
}

/// `/admin/import/{id}`: the job's progress; the script keeps it current,
/// a reload does the same without it.
pub async fn job_page(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    let Some(job) = state.console_jobs.get(id, session.actor()) else {
        return no_job(&session);
    };
    let s = job.status();
    let me = format!("/admin/import/{id}");
    let body = html! {
        h1 { "Import of " (if job.file_name.is_empty() { "a file" } else { &job.file_name }) }
        div id="import-job" data-status={ (me) "/status" } {
            label for="import-progress" { "Progress (bytes read)" }
            progress id="import-progress" max=(s.total.max(1)) value=(s.bytes) { (s.bytes) " of " (s.total) " bytes" }
            dl {
                dt { "State" } dd id="import-state" role="status" { (s.state) }
                dt { "Lines read" } dd id="import-lines" { (s.lines) }
                dt { "Subjects stored" } dd id="import-stored" { (s.stored) }
                dt { "Blocks stored" } dd id="import-blocks" { (s.blocks) }
            }
            p.error id="import-error" role="alert" hidden[s.error.is_none()] {
                @if let Some(e) = &s.error {
                    @if let Some(line) = e.line { "Line " (line) ": " }
                    (e.message) ". Nothing was stored."
                }
            }
            p { a href=(me) id="import-reload" { "Reload" } " · " a href="/admin/transfer" { "Import another file" } }
        }
    };
    layout("Import", Some(&session), body).into_response()
}

/// `/admin/import/{id}/status`: the job's progress as JSON.
pub async fn job_status(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    match state.console_jobs.get(id, session.actor()) {
        Some(job) => axum::Json(job.status()).into_response(),
        None => no_job(&session),
    }
}
