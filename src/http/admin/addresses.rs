//! `/api/v1/subjects/{id}/addresses`: add, change and remove one address.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::subjects::{if_match, modify, present, with_etag};
use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{Address, AddressInput, Kind, Subject, Visibility, label, not_null};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_address))
        .routes(routes!(patch_address, delete_address))
}

/// Address fields to change (RFC 7386 merge patch).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false, min_length = 1, max_length = 512, format = "address")]
    uri: Option<String>,
    kind: Option<Kind>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    discoverable: Option<bool>,
    #[serde(default, deserialize_with = "crate::model::deserialize_priority")]
    #[schema(nullable = false, maximum = 65535)]
    priority: Option<u16>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    label: Option<Option<String>>,
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
    let address = input.into_address("")?;
    let saved = modify(&state, &admin, id, precondition, "address.add", |s| {
        if s.addresses.iter().any(|a| a.uri == address.uri) {
            return Err(ApiError::Conflict(format!(
                "{} is already an address of {}",
                address.uri, s.acct
            )));
        }
        s.addresses.push(address.clone());
        Ok(())
    })
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
    let saved = modify(&state, &admin, id, precondition, "address.update", |s| {
        let a = s
            .addresses
            .iter_mut()
            .find(|a| a.id == address_id)
            .ok_or(ApiError::NotFound)?;
        if let Some(uri) = &patch.uri {
            a.uri = Address::parse(uri, patch.kind).map_err(|e| ApiError::field("uri", e))?;
            a.kind = a.uri.kind();
        }
        if let Some(v) = patch.visibility {
            a.visibility = v;
        }
        if let Some(d) = patch.discoverable {
            a.discoverable = d;
        }
        if let Some(p) = patch.priority {
            a.priority = p;
        }
        if let Some(new) = &patch.label {
            a.label = match new {
                None => None,
                Some(l) => label(l, "")?,
            };
        }
        Ok(())
    })
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
    let saved = modify(&state, &admin, id, precondition, "address.delete", |s| {
        let before = s.addresses.len();
        s.addresses.retain(|a| a.id != address_id);
        if s.addresses.len() == before {
            return Err(ApiError::NotFound);
        }
        Ok(())
    })
    .await?;
    Ok(with_etag(StatusCode::OK, saved))
}
