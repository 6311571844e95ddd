//! `/api/v1/audiences`: create, list, delete the named groups of tokens
//! that addresses can be shown to.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::Json;
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::store::Audience;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_audience, list_audiences))
        .routes(routes!(delete_audience))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAudience {
    /// 1 to 32 of `a-z`, `0-9` and `-`, not starting with `-`.
    #[schema(example = "partners", pattern = "^[a-z0-9][a-z0-9-]{0,31}$")]
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct AudienceList {
    pub items: Vec<Audience>,
}

/// Create an audience.
#[utoipa::path(post, path = "/api/v1/audiences", tag = "audiences", request_body = NewAudience,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = Audience),
              (status = 400, body = Problem, description = "Malformed JSON or an invalid name (`field`)"),
              (status = 409, body = Problem, description = "The audience exists, or as many as may exist do"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn create_audience(
    State(state): State<AppState>,
    admin: Admin,
    Json(input): Json<NewAudience>,
) -> Result<(StatusCode, Json<Audience>), ApiError> {
    let audience = state
        .token_service
        .create_audience(admin.0.actor(), &input.name)
        .await?;
    Ok((StatusCode::CREATED, Json(audience)))
}

/// List audiences, by name.
#[utoipa::path(get, path = "/api/v1/audiences", tag = "audiences", security(("bearer" = ["admin"])),
    responses((status = 200, body = AudienceList), Unauthorized, Forbidden, Unavailable))]
async fn list_audiences(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<Json<AudienceList>, ApiError> {
    Ok(Json(AudienceList {
        items: state.store.audiences().await?,
    }))
}

/// Delete an audience no token, address, block, link or property uses.
#[utoipa::path(delete, path = "/api/v1/audiences/{name}", tag = "audiences",
    params(("name" = String, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Deleted"),
              (status = 404, body = Problem, description = "No such audience"),
              (status = 409, body = Problem, description = "In use (the detail names by what)"),
              Unauthorized, Forbidden, Unavailable))]
async fn delete_audience(
    State(state): State<AppState>,
    admin: Admin,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .token_service
        .delete_audience(admin.0.actor(), &name)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
