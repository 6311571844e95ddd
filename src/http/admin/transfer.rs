//! `/api/v1/import` and `/api/v1/export`: the directory as NDJSON.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use futures::{StreamExt, TryStreamExt};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Deserialize;
use tokio_util::io::StreamReader;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, Query};
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::http::problem::{ApiError, Problem};
use crate::store::ndjson::{self, ImportError, ImportLine, ImportOptions, ImportReport};

pub const NDJSON: &str = "application/x-ndjson";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(import))
        .routes(routes!(export))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// Skip and count invalid lines instead of rejecting the whole import.
    #[serde(default)]
    #[param(required = false)]
    skip_invalid: bool,
}

/// Import subjects and number blocks (NDJSON, one per line) as one
/// transaction: an upsert of subjects by acct, then of blocks by prefix.
#[utoipa::path(post, path = "/api/v1/import", tag = "transfer", params(ImportParams),
    request_body(content = Vec<ImportLine>, content_type = "application/x-ndjson",
        description = "One subject per line in the create-subject format, or one block as `{\"block\": {...}}` in the create-block format (the array's items, one JSON text per line)"),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = ImportReport),
              (status = 400, body = Problem, description = "A bad line (named by `line`): invalid, an address another subject holds, or a block whose owner is not stored or imported; nothing was stored"),
              (status = 409, body = Problem, description = "An acct or address taken by a concurrent write"),
              (status = 413, body = Problem, description = "The body is over `http.import_limit`"),
              (status = 415, body = Problem, description = "Not `application/x-ndjson`"),
              Unauthorized, Forbidden, Unavailable))]
async fn import(
    State(state): State<AppState>,
    admin: Admin,
    Query(params): Query<ImportParams>,
    request: Request,
) -> Result<Json<ImportReport>, ApiError> {
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if !matches!(
        content_type.as_deref(),
        Some("application/x-ndjson" | "application/ndjson" | "application/jsonl")
    ) {
        return Err(ApiError::UnsupportedMediaType(NDJSON));
    }
    let limit = state.config.http.import_limit;
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::TooLarge);
    }
    let body = Limited::new(
        request.into_body(),
        usize::try_from(limit).unwrap_or(usize::MAX),
    );
    let stream = body.into_data_stream().map_err(|e| {
        let kind = if e.downcast_ref::<LengthLimitError>().is_some() {
            std::io::ErrorKind::FileTooLarge
        } else {
            std::io::ErrorKind::Other
        };
        std::io::Error::new(kind, e)
    });
    let reader = StreamReader::new(stream);
    let options = ImportOptions::new(&state.config, params.skip_invalid);
    let result = state
        .subjects
        .import(admin.0.actor(), reader, &options, &|_, _| {})
        .await;
    match result {
        Ok(report) => Ok(Json(report)),
        Err(ImportError::Line { line, reason }) => Err(ApiError::Line { line, reason }),
        Err(ImportError::Read(reason)) if reason.contains("length limit") => {
            Err(ApiError::TooLarge)
        }
        Err(ImportError::Read(reason)) => {
            Err(ApiError::BadRequest(format!("reading the body: {reason}")))
        }
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

/// Export every subject, then every block, as NDJSON in the import format
/// (re-imports as is).
#[utoipa::path(get, path = "/api/v1/export", tag = "transfer", security(("bearer" = ["admin"])),
    responses((status = 200, content_type = "application/x-ndjson", body = String),
              Unauthorized, Forbidden, Unavailable))]
async fn export(State(state): State<AppState>, _admin: Admin) -> Response {
    let stream = owned_export(state.store.clone()).map_err(|e| {
        tracing::error!(error = %e, "export failed midway");
        std::io::Error::other("export failed")
    });
    ([(CONTENT_TYPE, NDJSON)], Body::from_stream(stream)).into_response()
}

/// An export stream that owns its store handle (a task feeds it).
pub fn owned_export(
    store: std::sync::Arc<dyn crate::store::Store>,
) -> futures::stream::BoxStream<'static, Result<bytes::Bytes, crate::store::StoreError>> {
    let (tx, rx) = tokio::sync::mpsc::channel(64);
    tokio::spawn(async move {
        let mut lines = ndjson::export(store.as_ref());
        while let Some(line) = lines.next().await {
            if tx.send(line).await.is_err() {
                return;
            }
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx).boxed()
}
