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
use crate::http::auth::{Admin, AdminOrOwn, Caller};
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::FieldError;
use crate::model::{Acct, Scope};
use crate::service::IssuedToken;
use crate::store::{SearchKey, StoreError, SubjectQuery, Token};

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
    /// The subject a `self` token belongs to, by `acct:` URI or id:
    /// required for scope `self`, refused for the others.
    #[serde(default)]
    #[schema(
        example = "acct:alice@example.com",
        nullable = false,
        min_length = 1,
        format = "subject-key"
    )]
    subject: Option<String>,
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
    /// The subject of a `self` token.
    pub subject: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<Token>,
}

/// Create a token. A `self` token may create only `self` tokens for its
/// own subject (to rotate itself).
#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", request_body = NewToken,
    security(("bearer" = ["admin"]), ("bearer" = ["self"])),
    responses((status = 201, body = CreatedToken),
              (status = 400, body = Problem, description = "Malformed JSON or an invalid field (named by `field`), or an unknown `subject`"),
              Unauthorized, Forbidden, TooLarge, UnsupportedMediaType, Unavailable))]
async fn create_token(
    State(state): State<AppState>,
    caller: AdminOrOwn,
    Json(input): Json<NewToken>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    let own = matches!(
        caller.0,
        Caller::Token {
            scope: Scope::Own,
            ..
        }
    );
    if own && input.scope != Scope::Own {
        return Err(ApiError::ForbiddenField(FieldError::new(
            "scope",
            "a self token may create only self tokens",
        )));
    }
    let subject = match input.subject.as_deref() {
        None => None,
        Some(key) => match subject_id(&state, key).await? {
            Some(id) => Some(id),
            // A self token learns nothing about other subjects.
            None if own => return Err(other_subject()),
            None => return Err(ApiError::field("subject", "no such subject")),
        },
    };
    if let Some(id) = subject {
        caller.may_reach(id).map_err(|_| other_subject())?;
    }
    let audiences: Vec<String> = input.audiences.into_iter().map(|a| a.0).collect();
    let IssuedToken { token, secret } = state
        .token_service
        .create(
            caller.0.actor(),
            &input.name,
            input.scope,
            &audiences,
            subject,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            id: token.id,
            name: token.name,
            scope: token.scope,
            audiences: token.audiences,
            subject: token.subject,
            created_at: token.created_at,
            secret,
        }),
    ))
}

/// The stored subject `key` (an `acct:` URI or a subject id) names, if any.
async fn subject_id(state: &AppState, key: &str) -> Result<Option<Uuid>, ApiError> {
    if let Ok(id) = Uuid::parse_str(key.trim()) {
        return match state.store.subject(id).await {
            Ok(subject) => Ok(Some(subject.id)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        };
    }
    let acct = Acct::parse(key).map_err(|e| ApiError::field("subject", e))?;
    let found = state
        .store
        .search(&SubjectQuery {
            key: Some(SearchKey::Acct(acct)),
            after: None,
            limit: 1,
        })
        .await?;
    Ok(found.first().map(|s| s.id))
}

fn other_subject() -> ApiError {
    ApiError::ForbiddenField(FieldError::new(
        "subject",
        "a self token may create tokens only for its own subject",
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

/// Revoke a token; it stops working at once on this server. A `self`
/// token may revoke its own subject's `self` tokens (itself included).
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"]), ("bearer" = ["self"])),
    responses((status = 204, description = "Revoked"),
              (status = 404, body = Problem, description = "No such token"),
              Unauthorized, Forbidden, Unavailable))]
async fn revoke_token(
    State(state): State<AppState>,
    caller: AdminOrOwn,
    PathId(id): PathId<Uuid>,
) -> Result<StatusCode, ApiError> {
    if let Caller::Token {
        scope: Scope::Own,
        subject: Some(mine),
        ..
    } = &caller.0
    {
        // Another subject's token, or none, is the same 403.
        let tokens = state.store.tokens().await?;
        let theirs = tokens.iter().find(|t| t.id == id).and_then(|t| t.subject);
        if theirs != Some(*mine) {
            return Err(ApiError::Forbidden);
        }
    }
    state.token_service.revoke(caller.0.actor(), id).await?;
    state.tokens.forget(id);
    Ok(StatusCode::NO_CONTENT)
}
