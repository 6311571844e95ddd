//! `/api/v1/dnssec/{zone}`: the public records of a signed zone's keys, to
//! give the parent, and their roll. Private keys never leave through the API.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::dns::keys::{ZoneKey, ZoneKeys};
use crate::http::AppState;
use crate::http::auth::Admin;
use crate::http::extract::Json;
use crate::http::problem::responses::{Forbidden, Unauthorized, Unavailable};
use crate::http::problem::{ApiError, Problem};
use crate::service::dnssec::zone_name;
use crate::store::StoreError;
use crate::store::dnssec::KeyState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(zone_keys))
        .routes(routes!(roll))
}

/// A signed zone's keys, as published.
#[derive(Serialize, ToSchema)]
pub struct ZoneKeysView {
    /// The zone apex, lowercase, without the final dot.
    #[schema(example = "e164.arpa")]
    pub zone: String,
    /// The active key's algorithm.
    #[schema(example = 13)]
    pub algorithm: u8,
    /// The active key's tag.
    pub key_tag: u16,
    /// The DS record for the parent zone (SHA-256) of the active key, in
    /// presentation form: what the zone's CDS names.
    #[schema(example = "e164.arpa. 3600 IN DS 12345 13 2 …")]
    pub ds: String,
    /// The active key's DNSKEY record (a combined signing key, flags 257).
    pub dnskey: String,
    /// Every key not yet removed, oldest first: more than one while a
    /// roll is under way.
    pub keys: Vec<KeyView>,
    /// When a key changes state next; absent when no roll is under way.
    pub next_transition: Option<DateTime<Utc>>,
}

/// One key of a zone and where it is in its life.
#[derive(Serialize, ToSchema)]
pub struct KeyView {
    pub key_tag: u16,
    pub algorithm: u8,
    /// `published` (in DNSKEY, not signing yet), `active` (signs the zone),
    /// `retired` (replaced, still in DNSKEY until `removed_at`).
    #[schema(value_type = String, example = "active")]
    pub state: KeyState,
    /// In DNSKEY since.
    pub published_at: DateTime<Utc>,
    /// Signs the zone from.
    pub active_at: DateTime<Utc>,
    /// Leaves DNSKEY at; absent for the zone's newest key.
    pub removed_at: Option<DateTime<Utc>>,
    /// Its DS record for the parent zone.
    pub ds: String,
    pub dnskey: String,
}

/// The DS and DNSKEY of a zone signed with DNSSEC, and the state of its keys.
#[utoipa::path(get, path = "/api/v1/dnssec/{zone}", tag = "dnssec",
    params(("zone" = String, Path, description = "A zone apex named in `dns.dnssec`")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = ZoneKeysView),
              (status = 404, body = Problem, description = "Not a signed zone"),
              Unauthorized, Forbidden, Unavailable))]
async fn zone_keys(
    State(state): State<AppState>,
    _admin: Admin,
    Path(zone): Path<String>,
) -> Result<Json<ZoneKeysView>, ApiError> {
    let keys = state.dnssec.keys(&zone).await.map_err(api_error)?;
    let keys = keys.ok_or(ApiError::NotFound)?;
    Ok(Json(view(&zone, &keys, state.config.dns.ttl)?))
}

/// Roll a signed zone's key (RFC 7583 pre-publication): a new key of the
/// same algorithm is published now, signs from `active_at`, and the old one
/// leaves DNSKEY at its `removed_at`. Give the parent the new key's DS
/// between the two.
#[utoipa::path(post, path = "/api/v1/dnssec/{zone}/roll", tag = "dnssec",
    params(("zone" = String, Path, description = "A zone apex named in `dns.dnssec`")),
    security(("bearer" = ["admin"])),
    responses((status = 202, body = ZoneKeysView, description = "The roll started"),
              (status = 404, body = Problem, description = "Not a signed zone"),
              (status = 409, body = Problem, description = "A roll of the zone is under way"),
              Unauthorized, Forbidden, Unavailable))]
async fn roll(
    State(state): State<AppState>,
    admin: Admin,
    Path(zone): Path<String>,
) -> Result<(StatusCode, Json<ZoneKeysView>), ApiError> {
    let keys = state
        .dnssec
        .roll(admin.0.actor(), &zone)
        .await
        .map_err(api_error)?;
    let keys = keys.ok_or(ApiError::NotFound)?;
    Ok((
        StatusCode::ACCEPTED,
        Json(view(&zone, &keys, state.config.dns.ttl)?),
    ))
}

fn api_error(e: anyhow::Error) -> ApiError {
    match e.downcast::<StoreError>() {
        Ok(store) => ApiError::from(store),
        Err(e) => ApiError::Internal(format!("{e:#}")),
    }
}

pub(crate) fn view(zone: &str, keys: &ZoneKeys, ttl: u32) -> Result<ZoneKeysView, ApiError> {
    let internal = |e: anyhow::Error| ApiError::Internal(format!("{e:#}"));
    let active = keys
        .active()
        .ok_or_else(|| ApiError::Internal(format!("no active DNSSEC key stored for {zone}")))?;
    let key_view = |(key, state): &(ZoneKey, KeyState)| -> Result<KeyView, ApiError> {
        let stored = key.stored();
        Ok(KeyView {
            key_tag: key.key_tag,
            algorithm: key.algorithm(),
            state: *state,
            published_at: stored.created_at,
            active_at: stored.active_at,
            removed_at: stored.removed_at,
            ds: key.ds_text(ttl).map_err(internal)?,
            dnskey: key.dnskey_text(ttl),
        })
    };
    Ok(ZoneKeysView {
        zone: zone_name(zone),
        algorithm: active.algorithm(),
        key_tag: active.key_tag,
        ds: active.ds_text(ttl).map_err(internal)?,
        dnskey: active.dnskey_text(ttl),
        keys: keys.keys.iter().map(key_view).collect::<Result<_, _>>()?,
        next_transition: keys.next_transition,
    })
}
