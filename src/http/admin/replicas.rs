//! `/api/v1/replicas`: every serving process's last heartbeat, with how far
//! each is behind the newest change in the database.

use axum::extract::State;
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::Json;
use crate::http::problem::ApiError;
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::store::ReplicaStatus;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_replicas))
}

#[derive(Serialize, ToSchema)]
pub struct ReplicaList {
    /// The newest serial in the database's change log.
    pub newest_serial: i64,
    pub items: Vec<Replica>,
}

#[derive(Serialize, ToSchema)]
pub struct Replica {
    #[serde(flatten)]
    pub status: ReplicaStatus,
    /// Changes in the database this replica had not applied at its last
    /// heartbeat (the database's newest serial minus its own).
    pub behind: i64,
    /// No heartbeat for three of its intervals: stopped without a goodbye,
    /// hung, or cut off from the database.
    pub silent: bool,
}

/// Every replica's last heartbeat (`directory.heartbeat_interval_ms`), by
/// name. A graceful stop removes a replica; one silent for a day is dropped.
#[utoipa::path(get, path = "/api/v1/replicas", tag = "replicas", security(("bearer" = ["admin"])),
    responses((status = 200, body = ReplicaList), Unauthorized, Forbidden, Unavailable))]
async fn list_replicas(
    State(state): State<AppState>,
    _admin: Admin,
) -> Result<Json<ReplicaList>, ApiError> {
    Ok(Json(replica_list(&state).await?))
}

/// The replicas as the API and the console show them.
pub async fn replica_list(state: &AppState) -> Result<ReplicaList, ApiError> {
    let newest_serial = state.store.last_serial().await?;
    let now = Utc::now();
    let items = state
        .store
        .replicas()
        .await?
        .into_iter()
        .map(|status| Replica {
            behind: (newest_serial - status.serial).max(0),
            silent: status.is_silent(now),
            status,
        })
        .collect();
    Ok(ReplicaList {
        newest_serial,
        items,
    })
}
