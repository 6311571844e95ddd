//! `/api/v1/dnssec/{zone}`: the public records of a signed zone's key, to
//! give the parent. Private keys never leave through the API.

use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::Json;
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::http::problem::{ApiError, Problem};
use crate::store::StoreError;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(zone_keys))
}

/// A signed zone's key, as published.
#[derive(Serialize, ToSchema)]
pub struct ZoneKeys {
    /// The zone apex, lowercase, without the final dot.
    #[schema(example = "e164.arpa")]
    pub zone: String,
    #[schema(example = 13)]
    pub algorithm: u8,
    pub key_tag: u16,
    /// The DS record for the parent zone (SHA-256), in presentation form.
    #[schema(example = "e164.arpa. 3600 IN DS 12345 13 2 …")]
    pub ds: String,
    /// The DNSKEY record (a combined signing key, flags 257).
    pub dnskey: String,
}

/// The DS and DNSKEY of a zone signed with DNSSEC.
#[utoipa::path(get, path = "/api/v1/dnssec/{zone}", tag = "dnssec",
    params(("zone" = String, Path, description = "A zone apex named in `dns.dnssec`")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = ZoneKeys),
              (status = 404, body = Problem, description = "Not a signed zone"),
              Unauthorized, Forbidden, Unavailable))]
async fn zone_keys(
    State(state): State<AppState>,
    _admin: Admin,
    Path(zone): Path<String>,
) -> Result<Json<ZoneKeys>, ApiError> {
    let key =
        state
            .dnssec
            .active_key(&zone)
            .await
            .map_err(|e| match e.downcast::<StoreError>() {
                Ok(store) => ApiError::from(store),
                Err(e) => ApiError::Internal(format!("{e:#}")),
            })?;
    let key = key.ok_or(ApiError::NotFound)?;
    let ttl = state.config.dns.ttl;
    Ok(Json(ZoneKeys {
        zone: crate::service::dnssec::zone_name(&zone),
        algorithm: key.algorithm(),
        key_tag: key.key_tag,
        ds: key
            .ds_text(ttl)
            .map_err(|e| ApiError::Internal(format!("{e:#}")))?,
        dnskey: key.dnskey_text(ttl),
    }))
}
