//! `/api/v1/subjects/{id}/addresses`: add, change and remove one address.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::subjects::{if_match, with_etag};
use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{AddressInput, AddressPatch, Subject};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_address))
        .routes(routes!(patch_address, delete_address))
}

/// Add an address to a subject.
#[utoipa::path(post, path = "/api/v1/subjects/{id}/addresses", tag = "subjects",
    params(("id" = Uuid, Path)), request_body = AddressInput, security(("bearer" = ["admin"])),
    responses((status = 201, body = Subject, description = "The subject with its new address"),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field or a malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject"),
              (status = 409, body = Problem, description = "The address is already taken"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn add_address(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
    Json(input): Json<AddressInput>,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let saved = state
        .subjects
        .add_address(admin.0.actor(), id, precondition.as_ref(), input)
        .await?;
    Ok(with_etag(StatusCode::CREATED, saved))
}

/// Change one address.
#[utoipa::path(patch, path = "/api/v1/subjects/{id}/addresses/{address_id}", tag = "subjects",
    params(("id" = Uuid, Path), ("address_id" = Uuid, Path)),
    request_body(content = AddressPatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Subject),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field or a malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject or address"),
              (status = 409, body = Problem, description = "The new URI is already taken"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn patch_address(
    State(state): State<AppState>,
    admin: Admin,
    PathId((id, address_id)): PathId<(Uuid, Uuid)>,
    headers: HeaderMap,
    Json(patch): Json<AddressPatch>,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let saved = state
        .subjects
        .update_address(
            admin.0.actor(),
            id,
            address_id,
            precondition.as_ref(),
            &patch,
        )
        .await?;
    Ok(with_etag(StatusCode::OK, saved))
}

/// Remove one address.
#[utoipa::path(delete, path = "/api/v1/subjects/{id}/addresses/{address_id}", tag = "subjects",
    params(("id" = Uuid, Path), ("address_id" = Uuid, Path)), security(("bearer" = ["admin"])),
    responses((status = 200, body = Subject, description = "The subject without the address"),
              (status = 400, body = Problem, description = "A malformed If-Match"),
              (status = 404, body = Problem, description = "No such subject or address"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_address(
    State(state): State<AppState>,
    admin: Admin,
    PathId((id, address_id)): PathId<(Uuid, Uuid)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let saved = state
        .subjects
        .remove_address(admin.0.actor(), id, address_id, precondition.as_ref())
        .await?;
    Ok(with_etag(StatusCode::OK, saved))
}
