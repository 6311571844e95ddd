//! `/api/v1/subjects`: create, search, read, merge-patch, delete.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Deserializer, Serialize};
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
use crate::model::{
    AddressInput, DirectoryKey, Domain, Handle, Subject, SubjectInput, check_unique, display_name,
    not_null,
};
use crate::store::{SearchKey, StoreError, SubjectQuery, Write};

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

/// Fields to change; absent fields stay as they are (RFC 7386).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 64,
        pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
    )]
    handle: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(
        nullable = false,
        max_length = 253,
        pattern = r"^([A-Za-z0-9_-]{1,63}\.)+[A-Za-z][A-Za-z0-9_-]{0,62}$"
    )]
    domain: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 256, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    display_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    discoverable: Option<bool>,
    /// Replaces every address; addresses whose canonical URI stays keep their id.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    addresses: Option<Vec<AddressInput>>,
}

/// Tell a `null` member (Some(None)) from an absent one (None).
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// An `If-Match` precondition (RFC 9110 §13.1.1): `*`, or entity tags of
/// which one must be the subject's current ETag.
#[derive(Debug, PartialEq)]
pub(crate) enum IfMatch {
    Any,
    Tags(Vec<EntityTag>),
}

#[derive(Debug, PartialEq)]
pub(crate) struct EntityTag {
    weak: bool,
    opaque: String,
}

impl IfMatch {
    /// Strong comparison: a weak tag never matches, a well-formed tag that
    /// names another version simply does not match (412, not 400).
    pub(crate) fn matches(&self, version: i64) -> bool {
        match self {
            IfMatch::Any => true,
            IfMatch::Tags(tags) => {
                let current = version.to_string();
                tags.iter().any(|t| !t.weak && t.opaque == current)
            }
        }
    }

    /// Fail with 412 unless the subject at `version` satisfies the precondition.
    pub(crate) fn check(precondition: Option<&IfMatch>, version: i64) -> Result<(), ApiError> {
        match precondition {
            Some(p) if !p.matches(version) => Err(ApiError::Stale { current: version }),
            _ => Ok(()),
        }
    }
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
    let etag = subject.etag();
    let location = format!("/api/v1/subjects/{}", subject.id);
    let mut response = (status, Json(subject)).into_response();
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

/// How often a write without `If-Match` is tried against a subject that
/// other writes keep changing, before giving up with 409.
const UNCONDITIONAL_ATTEMPTS: usize = 5;

/// The answer when every attempt of an unconditional write lost a race.
fn busy() -> ApiError {
    ApiError::Conflict("the subject kept changing under concurrent writes; retry".into())
}

/// Apply a change to a stored subject in one optimistic write. With
/// `If-Match` (`expected`), a changed subject is 412. Without it the client
/// set no condition, so losing a race to another write is not 412 (RFC 9110
/// § 15.5.13 is about conditions the client sent): the change is applied
/// again to the newer version.
pub(crate) async fn modify(
    state: &AppState,
    admin: &Admin,
    id: Uuid,
    precondition: Option<IfMatch>,
    operation: &str,
    change: impl Fn(&mut Subject) -> Result<(), ApiError>,
) -> Result<Subject, ApiError> {
    for _ in 0..UNCONDITIONAL_ATTEMPTS {
        let current = state.store.subject(id).await?;
        IfMatch::check(precondition.as_ref(), current.version)?;
        let mut next = current.clone();
        change(&mut next)?;
        next.acct = Subject::acct_of(&next.handle, &next.domain);
        next.sort_addresses();
        check_unique(&next.addresses)?;
        state.config.limits.check(&next.addresses)?;
        let write = Write::Update {
            expected_version: current.version,
            subject: next,
        };
        match state.store.write(admin.0.actor(), operation, write).await {
            // Without If-Match, a change in between is no reason to refuse.
            Err(StoreError::Stale { .. }) if precondition.is_none() => continue,
            result => {
                let saved = result?;
                state.applied().await;
                return saved.ok_or_else(|| ApiError::Internal("update returned nothing".into()));
            }
        }
    }
    Err(busy())
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
    let subject = input.into_subject(Utc::now())?;
    state.config.limits.check(&subject.addresses)?;
    let saved = state
        .store
        .write(admin.0.actor(), "subject.create", Write::Create(subject))
        .await?
        .ok_or_else(|| ApiError::Internal("create returned nothing".into()))?;
    state.applied().await;
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

fn search_key(q: &str) -> Result<SearchKey, ApiError> {
    if let Ok(key) = DirectoryKey::parse(q) {
        return Ok(SearchKey::Address(key.into_string()));
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
              (status = 409, body = Problem, description = "acct or an address already taken"),
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
    let saved = modify(&state, &admin, id, precondition, "subject.update", |s| {
        if let Some(h) = &patch.handle {
            s.handle = Handle::parse(h).map_err(|e| ApiError::field("handle", e))?;
        }
        if let Some(d) = &patch.domain {
            s.domain = Domain::parse(d).map_err(|e| ApiError::field("domain", e))?;
        }
        if let Some(name) = &patch.display_name {
            s.display_name = display_name(name.as_deref().unwrap_or(""))?;
        }
        if let Some(d) = patch.discoverable {
            s.discoverable = d;
        }
        if let Some(inputs) = &patch.addresses {
            let mut addresses = Vec::with_capacity(inputs.len());
            for (i, input) in inputs.iter().enumerate() {
                let mut a = input.clone().into_address(&format!("addresses[{i}]"))?;
                if let Some(old) = s.addresses.iter().find(|o| o.uri == a.uri) {
                    a.id = old.id;
                }
                addresses.push(a);
            }
            s.addresses = addresses;
        }
        Ok(())
    })
    .await?;
    Ok(with_etag(StatusCode::OK, saved))
}

/// Delete a subject and all its addresses.
#[utoipa::path(delete, path = "/api/v1/subjects/{id}", tag = "subjects", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Deleted"),
              (status = 400, body = Problem, description = "A malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_subject(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let precondition = if_match(&headers)?;
    for _ in 0..UNCONDITIONAL_ATTEMPTS {
        let expected = state.store.subject(id).await?.version;
        IfMatch::check(precondition.as_ref(), expected)?;
        let write = Write::Delete {
            id,
            expected_version: expected,
        };
        match state
            .store
            .write(admin.0.actor(), "subject.delete", write)
            .await
        {
            // Without If-Match, a change in between is no reason to refuse.
            Err(StoreError::Stale { .. }) if precondition.is_none() => continue,
            result => {
                result?;
                state.applied().await;
                return Ok(StatusCode::NO_CONTENT);
            }
        }
    }
    Err(busy())
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
