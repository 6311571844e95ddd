//! `/api/v1/blocks`: number blocks — create, list, read, merge-patch, delete.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::subjects::{if_match, versioned};
use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{Block, BlockInput};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_block, list_blocks))
        .routes(routes!(get_block, patch_block, delete_block))
}

/// Every block, in prefix order.
#[derive(Serialize, ToSchema)]
pub struct BlockList {
    pub items: Vec<Block>,
}

fn with_etag(status: StatusCode, block: Block) -> Response {
    let (etag, location) = (block.etag(), format!("/api/v1/blocks/{}", block.id));
    versioned(status, block, &etag, &location)
}

/// Create a number block.
#[utoipa::path(post, path = "/api/v1/blocks", tag = "blocks", request_body = BlockInput,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = Block, description = "ETag and Location set"),
              (status = 400, body = Problem, description = "Malformed JSON or an invalid field (named by `field`, e.g. `templates[0].uri`)"),
              (status = 409, body = Problem, description = "Another block has this prefix"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn create_block(
    State(state): State<AppState>,
    admin: Admin,
    Json(input): Json<BlockInput>,
) -> Result<Response, ApiError> {
    let block = state.blocks.create(admin.0.actor(), input).await?;
    Ok(with_etag(StatusCode::CREATED, block))
}

/// List every block.
#[utoipa::path(get, path = "/api/v1/blocks", tag = "blocks",
    security(("bearer" = ["admin"])),
    responses((status = 200, body = BlockList), Unauthorized, Forbidden, Unavailable))]
async fn list_blocks(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<Json<BlockList>, ApiError> {
    let items = state.store.blocks().await?;
    Ok(Json(BlockList { items }))
}

/// Read one block.
#[utoipa::path(get, path = "/api/v1/blocks/{id}", tag = "blocks", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Block, description = "ETag set"),
              (status = 404, body = Problem, description = "No such block (or `id` is not a UUID)"),
              Unauthorized, Forbidden, Unavailable))]
async fn get_block(
    State(state): State<AppState>,
    _admin: Admin,
    PathId(id): PathId<Uuid>,
) -> Result<Response, ApiError> {
    let block = state.store.block(id).await?;
    Ok(with_etag(StatusCode::OK, block))
}

/// Change a block (JSON merge patch of its submitted shape); `If-Match`
/// guards against lost updates.
#[utoipa::path(patch, path = "/api/v1/blocks/{id}", tag = "blocks", params(("id" = Uuid, Path)),
    request_body(content = Object, content_type = "application/merge-patch+json"),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Block),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field or a malformed If-Match"),
              (status = 404, body = Problem, description = "No such block"),
              (status = 409, body = Problem, description = "Another block has this prefix"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn patch_block(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
    Json(patch): Json<serde_json::Value>,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let saved = state
        .blocks
        .update(admin.0.actor(), id, precondition.as_ref(), &patch)
        .await?;
    Ok(with_etag(StatusCode::OK, saved))
}

/// Delete a block.
#[utoipa::path(delete, path = "/api/v1/blocks/{id}", tag = "blocks", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Deleted"),
              (status = 400, body = Problem, description = "A malformed If-Match"),
              (status = 404, body = Problem, description = "No such block"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_block(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let precondition = if_match(&headers)?;
    state
        .blocks
        .delete(admin.0.actor(), id, precondition.as_ref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
