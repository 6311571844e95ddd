//! `/api/v1/subjects`: create, search, read, merge-patch, delete.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId, Query};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{DirectoryKey, Subject, SubjectInput, SubjectPatch};
use crate::service::{EntityTag, IfMatch};
use crate::store::{SearchKey, SubjectQuery};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_subject, list_subjects))
        .routes(routes!(get_subject, patch_subject, delete_subject))
}

/// A page of subjects.
#[derive(Serialize, ToSchema)]
pub struct SubjectPage {
    pub items: Vec<Subject>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    /// Any address (canonicalised first), an `acct:` URI, or a handle prefix.
    #[param(nullable = false, min_length = 1, format = "search-key")]
    q: Option<String>,
    /// 1–1000, default 50.
    #[param(nullable = false, minimum = 1, maximum = 1000)]
    limit: Option<u32>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, value_type = Option<Uuid>)]
    cursor: Option<String>,
}

/// The `If-Match` precondition of a request, if any (several header lines
/// are one list).
pub(crate) fn if_match(headers: &HeaderMap) -> Result<Option<IfMatch>, ApiError> {
    let mut values = headers.get_all(header::IF_MATCH).iter().peekable();
    if values.peek().is_none() {
        return Ok(None);
    }
    let bad = || {
        ApiError::field(
            "If-Match",
            "expected `*` or a list of entity tags such as \"3\"",
        )
    };
    let mut tags = Vec::new();
    for value in values {
        let text = value.to_str().map_err(|_| bad())?.trim();
        if text == "*" {
            return Ok(Some(IfMatch::Any));
        }
        tags.extend(entity_tags(text).ok_or_else(bad)?);
    }
    if tags.is_empty() {
        return Err(bad());
    }
    Ok(Some(IfMatch::Tags(tags)))
}

/// `#entity-tag`: `[W/]"opaque"` separated by commas and optional spaces;
/// the opaque part may itself hold commas.
fn entity_tags(mut text: &str) -> Option<Vec<EntityTag>> {
    let mut tags = Vec::new();
    loop {
        text = text.trim_start_matches([' ', '\t', ',']);
        if text.is_empty() {
            return Some(tags);
        }
        let weak = text.starts_with("W/");
        let rest = text.strip_prefix("W/").unwrap_or(text).strip_prefix('"')?;
        let end = rest.find('"')?;
        let opaque = &rest[..end];
        if !opaque
            .bytes()
            .all(|b| b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80)
        {
            return None;
        }
        tags.push(EntityTag {
            weak,
            opaque: opaque.to_owned(),
        });
        text = &rest[end + 1..];
        if !(text.is_empty() || text.starts_with([' ', '\t', ','])) {
            return None;
        }
    }
}

/// A subject with its ETag.
pub(crate) fn with_etag(status: StatusCode, subject: Subject) -> Response {
    let (etag, location) = (subject.etag(), format!("/api/v1/subjects/{}", subject.id));
    versioned(status, subject, &etag, &location)
}

/// A versioned entity with its `ETag` (and `Location` when just created).
pub(crate) fn versioned(
    status: StatusCode,
    entity: impl Serialize,
    etag: &str,
    location: &str,
) -> Response {
    let mut response = (status, Json(entity)).into_response();
    response
        .headers_mut()
        .insert(header::ETAG, etag.parse().expect("etag is a header value"));
    if status == StatusCode::CREATED {
        response.headers_mut().insert(
            header::LOCATION,
            location.parse().expect("path is a header value"),
        );
    }
    response
}

/// Create a subject with its addresses.
#[utoipa::path(post, path = "/api/v1/subjects", tag = "subjects", request_body = SubjectInput,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = Subject, description = "Created; ETag and Location set"),
              (status = 400, body = Problem, description = "Malformed JSON or an invalid field (named by `field`)"),
              (status = 409, body = Problem, description = "acct or an address already taken"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn create_subject(
    State(state): State<AppState>,
    admin: Admin,
    Json(input): Json<SubjectInput>,
) -> Result<Response, ApiError> {
    let saved = state.subjects.create(admin.0.actor(), input).await?;
    Ok(with_etag(StatusCode::CREATED, saved))
}

/// Search subjects by address, acct or handle prefix, with cursor pagination.
#[utoipa::path(get, path = "/api/v1/subjects", tag = "subjects", params(ListParams),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = SubjectPage),
              (status = 400, body = Problem, description = "An invalid or unknown parameter (named by `field`)"),
              Unauthorized, Forbidden, Unavailable))]
async fn list_subjects(
    State(state): State<AppState>,
    _admin: Admin,
    Query(params): Query<ListParams>,
) -> Result<Json<SubjectPage>, ApiError> {
    let limit = params.limit.unwrap_or(50);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::field("limit", "must be between 1 and 1000"));
    }
    let after = params
        .cursor
        .map(|c| {
            Uuid::parse_str(&c)
                .map_err(|_| ApiError::field("cursor", "not a cursor from a previous page"))
        })
        .transpose()?;
    let key = params.q.as_deref().map(search_key).transpose()?;
    let items = state
        .store
        .search(&SubjectQuery { key, after, limit })
        .await?;
    let next_cursor = (items.len() == limit as usize)
        .then(|| items.last().map(|s| s.id.to_string()))
        .flatten();
    Ok(Json(SubjectPage { items, next_cursor }))
}

pub(crate) fn search_key(q: &str) -> Result<SearchKey, ApiError> {
    if let Ok(key) = DirectoryKey::parse(q) {
        return Ok(key.into());
    }
    let prefix = q.trim().to_ascii_lowercase();
    if !prefix.is_empty()
        && prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        return Ok(SearchKey::HandlePrefix(prefix));
    }
    Err(ApiError::field(
        "q",
        "expected an address URI (tel:, sip:, xmpp:, mailto:, acct:…) or a handle prefix",
    ))
}

/// Read one subject with every address, private ones included.
#[utoipa::path(get, path = "/api/v1/subjects/{id}", tag = "subjects", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Subject, description = "ETag set"),
              (status = 404, body = Problem, description = "No such subject (or `id` is not a UUID)"),
              Unauthorized, Forbidden, Unavailable))]
async fn get_subject(
    State(state): State<AppState>,
    _admin: Admin,
    PathId(id): PathId<Uuid>,
) -> Result<Response, ApiError> {
    let subject = state.store.subject(id).await?;
    Ok(with_etag(StatusCode::OK, subject))
}

/// Change subject fields (JSON merge patch); `If-Match` guards against lost updates.
#[utoipa::path(patch, path = "/api/v1/subjects/{id}", tag = "subjects", params(("id" = Uuid, Path)),
    request_body(content = SubjectPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Subject),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field or a malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject"),
              (status = 409, body = Problem, description = "acct or an address already taken, or a new acct for the owner of a block"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn patch_subject(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
    Json(patch): Json<SubjectPatch>,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let saved = state
        .subjects
        .update(admin.0.actor(), id, precondition.as_ref(), &patch)
        .await?;
    Ok(with_etag(StatusCode::OK, saved))
}

/// Delete a subject and all its addresses; its `self` tokens are revoked.
#[utoipa::path(delete, path = "/api/v1/subjects/{id}", tag = "subjects", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Deleted"),
              (status = 400, body = Problem, description = "A malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject"),
              (status = 409, body = Problem, description = "The subject owns a number block"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_subject(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let precondition = if_match(&headers)?;
    state
        .subjects
        .delete(admin.0.actor(), id, precondition.as_ref())
        .await?;
    state.tokens.forget_subject(id);
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<Option<IfMatch>, ApiError> {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, value.parse().unwrap());
        if_match(&headers)
    }

    #[test]
    fn entity_tag_lists() {
        assert_eq!(parse("*").unwrap(), Some(IfMatch::Any));
        let tags = parse(r#""3", W/"4" ,"a,b""#).unwrap().unwrap();
        assert!(tags.matches(3));
        assert!(!tags.matches(4), "weak tags never match");
        assert!(!parse(r#""stale-version""#).unwrap().unwrap().matches(1));
        for bad in ["yesterday", r#""3"x"#, r#""unterminated"#, "", ","] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
