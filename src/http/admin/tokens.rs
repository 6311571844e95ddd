//! `/api/v1/tokens`: create (the secret is shown once), list, revoke.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::Scope;
use crate::service::IssuedToken;
use crate::store::Token;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_token, list_tokens))
        .routes(routes!(revoke_token))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// Who or what uses it; recorded as the actor of its changes.
    #[schema(
        example = "provisioning",
        min_length = 1,
        max_length = 64,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$"
    )]
    name: String,
    scope: Scope,
    /// The audiences it belongs to: it sees addresses shown to any of them.
    #[serde(default)]
    #[schema(example = json!(["partners"]), max_items = 64)]
    audiences: Vec<AudienceName>,
}

/// The name of a stored audience.
#[derive(Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(
    pattern = "^[a-z0-9][a-z0-9-]{0,31}$",
    example = "partners",
    format = "audience-name"
)]
struct AudienceName(String);

/// A new token: `secret` is shown this once and never stored.
#[derive(Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: Uuid,
    pub name: String,
    pub scope: Scope,
    pub audiences: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<Token>,
}

/// Create a token.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", request_body = NewToken,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = CreatedToken),
              (status = 400, body = Problem, description = "Malformed JSON or an invalid field (named by `field`)"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn create_token(
    State(state): State<AppState>,
    admin: Admin,
    Json(input): Json<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let audiences: Vec<String> = input.audiences.into_iter().map(|a| a.0).collect();
    let IssuedToken { token, secret } = state
        .token_service
        .create(admin.0.actor(), &input.name, input.scope, &audiences)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id: token.id,
            name: token.name,
            scope: token.scope,
            audiences: token.audiences,
            created_at: token.created_at,
            secret,
        }),
    ))
}

/// List tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens", security(("bearer" = ["admin"])),
    responses((status = 200, body = TokenList), Unauthorized, Forbidden, Unavailable))]
async fn list_tokens(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<Json<TokenList>, ApiError> {
    Ok(Json(TokenList {
        items: state.store.tokens().await?,
    }))
}

/// Revoke a token; it stops working at once on this server.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"])),
    responses((status = 204, description = "Revoked"),
              (status = 404, body = Problem, description = "No such token"),
              Unauthorized, Forbidden, Unavailable))]
async fn revoke_token(
    State(state): State<AppState>,
    admin: Admin,
    PathId(id): PathId<Uuid>,
) -> Result<StatusCode, ApiError> {
    state.token_service.revoke(admin.0.actor(), id).await?;
    state.tokens.forget(id);
    Ok(StatusCode::NO_CONTENT)
}
