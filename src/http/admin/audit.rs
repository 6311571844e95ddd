//! `/api/v1/audit`: the change log, newest first.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::{Json, Query};
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::http::problem::{ApiError, Problem};
use crate::store::{Change, ChangeQuery};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    /// Only changes to this subject.
    #[param(nullable = false)]
    subject: Option<Uuid>,
    /// Only changes made by this actor (a token's name).
    #[param(nullable = false)]
    actor: Option<String>,
    /// 1–1000, default 100.
    #[param(nullable = false, minimum = 1, maximum = 1000)]
    limit: Option<u32>,
    /// Serials below this one (from `next_cursor`).
    #[param(nullable = false)]
    cursor: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<Change>,
    pub next_cursor: Option<i64>,
}

/// Read the change log, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditParams), security(("bearer" = ["admin"])),
    responses((status = 200, body = AuditPage),
              (status = 400, body = Problem, description = "An invalid or unknown parameter"),
              Unauthorized, Forbidden, Unavailable))]
async fn audit(
    State(state): State<AppState>,
    _admin: Admin,
    Query(params): Query<AuditParams>,
) -> Result<Json<AuditPage>, ApiError> {
    let limit = params.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::field("limit", "must be between 1 and 1000"));
    }
    let items = state
        .store
        .changes(&ChangeQuery {
            subject: params.subject,
            actor: params.actor,
            cursor: params.cursor,
            limit,
            descending: true,
        })
        .await?;
    let next_cursor = (items.len() == limit as usize)
        .then(|| items.last().map(|c| c.serial))
        .flatten();
    Ok(Json(AuditPage { items, next_cursor }))
}
