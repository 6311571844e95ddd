//! RFC 9457 problem details: the one error type every handler returns.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{IntoResponses, ToSchema};

use crate::model::FieldError;
use crate::service::ServiceError;
use crate::store::StoreError;

/// An `application/problem+json` body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What was wrong with this request, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request field at fault (JSON path or parameter name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Where the problem is in an NDJSON body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// The failures many routes share, for their OpenAPI `responses(...)`: each
/// says when it happens; the body is always a [`Problem`] (the OpenAPI
/// description serves every error as `application/problem+json`).
pub mod responses {
    use super::{IntoResponses, Problem};

    /// No valid token: none where one is required, or one that is unknown
    /// or revoked (a token that does not verify is never anonymous).
    #[derive(IntoResponses)]
    #[response(status = 401, headers(("WWW-Authenticate" = String, description = "`Bearer`")))]
    pub struct Unauthorized(pub Problem);

    /// A valid token whose scope does not allow this request (a `lookup`
    /// token on the admin API).
    #[derive(IntoResponses)]
    #[response(status = 403)]
    pub struct Forbidden(pub Problem);

    /// Anonymous callers over their per-client rate limit.
    #[derive(IntoResponses)]
    #[response(status = 429, headers(("Retry-After" = u64, description = "Seconds to wait")))]
    pub struct RateLimited(pub Problem);

    /// The body is over `http.body_limit`.
    #[derive(IntoResponses)]
    #[response(status = 413)]
    pub struct TooLarge(pub Problem);

    /// The body is not of the media type the route reads.
    #[derive(IntoResponses)]
    #[response(status = 415)]
    pub struct UnsupportedMediaType(pub Problem);

    /// The directory is still loading, the database is unavailable for
    /// writes, or the request ran past `http.request_timeout_secs`.
    #[derive(IntoResponses)]
    #[response(status = 503)]
    pub struct Unavailable(pub Problem);
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Field(FieldError),
    #[error("line {line}: {reason}")]
    Line { line: u64, reason: String },
    #[error("authentication required")]
    Unauthorized(&'static str),
    #[error("forbidden")]
    Forbidden,
    /// This token may not change this field.
    #[error("forbidden: {0}")]
    ForbiddenField(FieldError),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("precondition failed")]
    Stale { current: i64 },
    #[error("precondition required")]
    PreconditionRequired,
    #[error("unsupported media type")]
    UnsupportedMediaType(&'static str),
    #[error("payload too large")]
    TooLarge,
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    #[error("unavailable")]
    Unavailable,
    /// Nothing was found and remote steps failed: the text says which.
    #[error("bad gateway: {0}")]
    BadGateway(String),
    /// The text goes to the log only.
    #[error("internal: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn field(field: impl Into<String>, reason: impl ToString) -> ApiError {
        ApiError::Field(FieldError::new(field, reason))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::Field(_) | ApiError::Line { .. } => {
                StatusCode::BAD_REQUEST
            }
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::ForbiddenField(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Stale { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::BadGateway(_) => StatusCode::BAD_GATEWAY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (slug, detail, field, line) = match self {
            ApiError::BadRequest(d) => ("bad-request", Some(d.clone()), None, None),
            ApiError::Field(e) => (
                "invalid-field",
                Some(e.reason.clone()),
                Some(e.field.clone()),
                None,
            ),
            ApiError::Line { line, reason } => {
                ("invalid-line", Some(reason.clone()), None, Some(*line))
            }
            ApiError::Unauthorized(why) => ("unauthorized", Some((*why).to_owned()), None, None),
            ApiError::Forbidden => (
                "forbidden",
                Some("this token's scope does not allow this request".into()),
                None,
                None,
            ),
            ApiError::ForbiddenField(e) => (
                "forbidden",
                Some(e.reason.clone()),
                Some(e.field.clone()),
                None,
            ),
            ApiError::NotFound => ("not-found", None, None, None),
            ApiError::Conflict(d) => ("conflict", Some(d.clone()), None, None),
            ApiError::Stale { current } => (
                "stale-version",
                Some(format!(
                    "If-Match does not match the current version (ETag \"{current}\")"
                )),
                Some("If-Match".into()),
                None,
            ),
            ApiError::PreconditionRequired => ("precondition-required", None, None, None),
            ApiError::UnsupportedMediaType(expected) => (
                "unsupported-media-type",
                Some(format!("Content-Type must be {expected}")),
                Some("Content-Type".into()),
                None,
            ),
            ApiError::TooLarge => (
                "payload-too-large",
                Some("request body is too large".into()),
                None,
                None,
            ),
            ApiError::TooManyRequests { retry_after } => (
                "rate-limited",
                Some(format!("too many requests; retry after {retry_after} s")),
                None,
                None,
            ),
            ApiError::Unavailable => (
                "unavailable",
                Some("the database is unavailable; reads still work, retry writes later".into()),
                None,
                None,
            ),
            ApiError::BadGateway(d) => ("remote-failed", Some(d.clone()), None, None),
            ApiError::Internal(_) => ("internal", None, None, None),
        };
        Problem {
            kind: format!("https://callsign.invalid/problems/{slug}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            field,
            line,
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::Field(e)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Stale { current } => ApiError::Stale { current },
            StoreError::Conflict(c) => ApiError::Conflict(c.to_string()),
            StoreError::ImportLine { line, reason } => ApiError::Line { line, reason },
            StoreError::Invalid(e) => ApiError::Field(e),
            StoreError::Unavailable(cause) => {
                tracing::warn!(%cause, "database unavailable");
                ApiError::Unavailable
            }
            StoreError::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(e) => ApiError::Field(e),
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::Conflict(why) => ApiError::Conflict(why),
            ServiceError::Stale { current } => ApiError::Stale { current },
            ServiceError::Busy => ApiError::Conflict(ServiceError::Busy.to_string()),
            ServiceError::Store(e) => e.into(),
        }
    }
}

pub const PROBLEM_JSON: &str = "application/problem+json";

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(cause) = &self {
            tracing::error!(%cause, "internal error");
        }
        let status = self.status();
        let body = serde_json::to_vec(&self.problem()).expect("problems serialise");
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match &self {
            ApiError::TooManyRequests { retry_after } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after));
            }
            ApiError::Unavailable => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            }
            ApiError::Unauthorized(_) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            _ => {}
        }
        response
    }
}
