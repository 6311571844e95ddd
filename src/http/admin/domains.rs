//! `/api/v1/domains`: domain profiles — links and properties every subject
//! of a domain publishes, and the domain's XMPP endpoints (host-meta).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::subjects::{if_match, versioned};
use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{Domain, DomainInput, DomainProfile};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_domains))
        .routes(routes!(get_domain, put_domain, delete_domain))
}

/// Every domain profile, in domain order.
#[derive(Serialize, ToSchema)]
pub struct DomainList {
    pub items: Vec<DomainProfile>,
}

fn with_etag(status: StatusCode, profile: DomainProfile) -> Response {
    let (etag, location) = (
        profile.etag(),
        format!("/api/v1/domains/{}", profile.domain.as_str()),
    );
    versioned(status, profile, &etag, &location)
}

/// The path's domain, canonical; 400 naming `domain` when it is not one.
fn domain(raw: &str) -> Result<Domain, ApiError> {
    Domain::parse(raw).map_err(|e| ApiError::field("domain", e))
}

/// List every domain profile.
#[utoipa::path(get, path = "/api/v1/domains", tag = "domains",
    security(("bearer" = ["admin"])),
    responses((status = 200, body = DomainList), Unauthorized, Forbidden, Unavailable))]
async fn list_domains(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<Json<DomainList>, ApiError> {
    let items = state.store.domain_profiles().await?;
    Ok(Json(DomainList { items }))
}

/// Read one domain profile.
#[utoipa::path(get, path = "/api/v1/domains/{domain}", tag = "domains",
    params(("domain" = String, Path, example = "example.com", max_length = 253,
        format = "domain-name")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = DomainProfile, description = "ETag set"),
              (status = 400, body = Problem, description = "`domain` is not a domain name"),
              (status = 404, body = Problem, description = "The domain has no profile"),
              Unauthorized, Forbidden, Unavailable))]
async fn get_domain(
    State(state): State<AppState>,
    _admin: Admin,
    PathId(raw): PathId<String>,
) -> Result<Response, ApiError> {
    let domain = domain(&raw)?;
    let profile = state.store.domain_profile(domain.as_str()).await?;
    Ok(with_etag(StatusCode::OK, profile))
}

/// Create or replace a domain profile. Its links and properties apply to
/// every subject of the domain that has no link with the same rel, or no
/// property with the same name; `xmpp_websocket` and `xmpp_bosh` appear in
/// the domain's host-meta (XEP-0156). `If-Match` guards a replacement.
#[utoipa::path(put, path = "/api/v1/domains/{domain}", tag = "domains",
    params(("domain" = String, Path, example = "example.com", max_length = 253,
        format = "domain-name")),
    request_body = DomainInput,
    security(("bearer" = ["admin"])),
    responses((status = 200, body = DomainProfile, description = "Replaced; ETag set"),
              (status = 201, body = DomainProfile, description = "Created; ETag and Location set"),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field (named by `field`, e.g. `links[0].href`) or a malformed If-Match"),
              (status = 412, body = Problem, description = "If-Match names another version, or the profile does not exist"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn put_domain(
    State(state): State<AppState>,
    admin: Admin,
    PathId(raw): PathId<String>,
    headers: HeaderMap,
    Json(input): Json<DomainInput>,
) -> Result<Response, ApiError> {
    let domain = domain(&raw)?;
    let precondition = if_match(&headers)?;
    let (profile, created) = state
        .domains
        .put(admin.0.actor(), domain, precondition.as_ref(), input)
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(with_etag(status, profile))
}

/// Delete a domain profile.
#[utoipa::path(delete, path = "/api/v1/domains/{domain}", tag = "domains",
    params(("domain" = String, Path, example = "example.com", max_length = 253,
        format = "domain-name")),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Deleted"),
              (status = 400, body = Problem, description = "`domain` is not a domain name, or a malformed If-Match"),
              (status = 404, body = Problem, description = "The domain has no profile"),
              (status = 412, body = Problem, description = "If-Match names another version"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_domain(
    State(state): State<AppState>,
    admin: Admin,
    PathId(raw): PathId<String>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let domain = domain(&raw)?;
    let precondition = if_match(&headers)?;
    state
        .domains
        .delete(admin.0.actor(), domain, precondition.as_ref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
