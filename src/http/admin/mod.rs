//! The admin REST API under `/api/v1`.

use utoipa_axum::router::OpenApiRouter;

use super::AppState;

mod addresses;
mod audiences;
mod audit;
mod blocks;
pub(crate) mod dnssec;
mod domains;
mod exposure;
mod me;
pub mod replicas;
pub mod subjects;
pub mod tokens;
pub mod transfer;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(subjects::router())
        .merge(addresses::router())
        .merge(tokens::router())
        .merge(audiences::router())
        .merge(blocks::router())
        .merge(audit::router())
        .merge(transfer::router())
        .merge(dnssec::router())
        .merge(domains::router())
        .merge(exposure::router())
        .merge(me::router())
        .merge(replicas::router())
}
