//! `/api/v1/subjects/{id}/exposure`: what a subject shows, to whom, on
//! which channel, as the privacy function decides it.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::http::AppState;
use crate::http::auth::AdminOrOwn;
use crate::http::extract::{Json, PathId};
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::http::problem::{ApiError, Problem};
use crate::model::{ViewerExposure, exposure};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_exposure))
}

/// A subject's exposure report.
#[derive(Serialize, ToSchema)]
pub struct Exposure {
    #[schema(example = "acct:alice@example.com")]
    pub subject: String,
    /// Anonymous, authenticated, each audience (by name), admin.
    pub viewers: Vec<ViewerExposure>,
}

/// Which keys find the subject and which addresses it shows, per viewer
/// class and channel. A `self` token may read its own subject's only.
#[utoipa::path(get, path = "/api/v1/subjects/{id}/exposure", tag = "subjects",
    params(("id" = Uuid, Path)),
    security(("bearer" = ["admin"]), ("bearer" = ["self"])),
    responses((status = 200, body = Exposure),
              (status = 404, body = Problem, description = "No such subject"),
              Unauthorized, Forbidden, Unavailable))]
async fn get_exposure(
    State(state): State<AppState>,
    caller: AdminOrOwn,
    PathId(id): PathId<Uuid>,
) -> Result<Json<Exposure>, ApiError> {
    caller.may_reach(id)?;
    let subject = state.store.subject(id).await?;
    let audiences: Vec<String> = state
        .store
        .audiences()
        .await?
        .into_iter()
        .map(|a| a.name)
        .collect();
    Ok(Json(Exposure {
        subject: subject.acct(),
        viewers: exposure(&subject, &audiences),
    }))
}
