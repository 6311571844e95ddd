//! The HTTP side: admin API, WebFinger, operations endpoints, OpenAPI.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Config;
use crate::directory::Directory;
use crate::service::{BlockService, DnssecService, DomainService, SubjectService, TokenService};
use crate::store::Store;

pub mod admin;
pub mod auth;
pub mod caller;
pub mod console;
pub mod extract;
mod jrd_cache;
pub mod lookup;
mod metrics;
mod openapi;
pub mod problem;
pub mod ratelimit;
pub mod serve;
pub mod tenants;
pub mod tls;
pub mod webfinger;

use problem::ApiError;

/// What every handler can reach: one reference-counted pointer, so the
/// per-request clone axum makes is a single atomic increment.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The parts of [`AppState`].
pub struct Shared {
    pub config: Arc<Config>,
    pub store: Arc<dyn Store>,
    pub directory: Arc<Directory>,
    /// Every change to a subject goes through here.
    pub subjects: SubjectService,
    /// Every change to a number block goes through here.
    pub blocks: BlockService,
    /// Every change to a domain profile goes through here.
    pub domains: DomainService,
    /// The relation types of address links in JRDs.
    pub rels: crate::model::jrd::AddressRels,
    /// Issues and revokes tokens (`tokens` caches the verified ones).
    pub token_service: TokenService,
    /// The keys of DNSSEC zones (public records only leave through HTTP).
    pub dnssec: DnssecService,
    pub tokens: Arc<auth::TokenCache>,
    pub limiter: Arc<ratelimit::RateLimiter>,
    pub tenants: Arc<tenants::Tenants>,
    pub resolver: Arc<crate::resolve::Resolver>,
    pub metrics: Option<PrometheusHandle>,
    /// The DNS side (its index answers the console's DNS preview).
    pub dns: Arc<crate::dns::Dns>,
    /// The console's import jobs (in this process's memory).
    pub console_jobs: console::Jobs,
    /// Anonymous WebFinger answers as bytes (`webfinger.answer_cache_mb`).
    pub jrd_cache: Option<jrd_cache::JrdCache>,
    /// `Cache-Control` of anonymous WebFinger answers.
    pub public_cache_control: HeaderValue,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(
        config: Arc<Config>,
        store: Arc<dyn Store>,
        directory: Arc<Directory>,
        dns: Arc<crate::dns::Dns>,
        metrics: Option<PrometheusHandle>,
    ) -> anyhow::Result<AppState> {
        let wf = &config.webfinger;
        let limiter =
            ratelimit::RateLimiter::new(wf.rate_per_second, wf.burst, &wf.trusted_proxies);
        let tenants = tenants::Tenants::new(&wf.tenants);
        let resolver = crate::resolve::Resolver::new(&config.resolver, directory.clone())?;
        let subjects = SubjectService::new(store.clone(), directory.clone(), config.limits.clone());
        let blocks = BlockService::new(store.clone(), directory.clone(), config.limits.clone());
        let rels = crate::model::jrd::AddressRels::new(
            &config.webfinger.address_rel_base,
            config.webfinger.legacy_rels,
        );
        let jrd_cache = jrd_cache::JrdCache::new(wf.answer_cache_mb);
        let public_cache_control =
            HeaderValue::try_from(format!("public, max-age={}", wf.max_age))?;
        Ok(AppState(Arc::new(Shared {
            subjects,
            blocks,
            domains: DomainService::new(store.clone(), directory.clone()),
            rels,
            token_service: TokenService::new(store.clone()),
            dnssec: DnssecService::new(store.clone(), &config.dns),
            resolver: Arc::new(resolver),
            tokens: Arc::new(auth::TokenCache::new(
                config.admin_token.as_ref().map(|s| s.expose()),
            )),
            limiter: Arc::new(limiter),
            tenants: Arc::new(tenants),
            config,
            store,
            directory,
            metrics,
            console_jobs: console::Jobs::default(),
            dns,
            jrd_cache,
            public_cache_control,
        })))
    }
}

/// The OpenAPI description of every documented route.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_router().1
}

/// The API routes and their description, finished.
fn api_router() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    let (api, mut spec) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(admin::router())
        .merge(lookup::router())
        .merge(caller::router())
        .split_for_parts();
    openapi::finish(&mut spec);
    (api, spec)
}

/// The whole HTTP application.
pub fn router(state: AppState) -> axum::Router {
    let (api, spec) = api_router();
    let timeout = TimeoutLayer::with_status_code(
        StatusCode::SERVICE_UNAVAILABLE,
        Duration::from_secs(state.config.http.request_timeout_secs),
    );
    let console = if state.config.http.console {
        console::router()
    } else {
        axum::Router::new()
    };
    axum::Router::new()
        .merge(api)
        .merge(console)
        .merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", spec))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .layer(DefaultBodyLimit::max(state.config.http.body_limit))
        .layer(timeout)
        .layer(TraceLayer::new_for_http())
        // WebFinger answers from memory in microseconds: a tracing span per
        // request would cost more than the answer. It still needs the
        // timeout: a bearer token seen for the first time is looked up in
        // the database, which may hang.
        .merge(webfinger::router().layer(timeout))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(metrics::RecordMetricsLayer::default())
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> Response {
    let mut r = ApiError::BadRequest("method not allowed on this path".into()).into_response();
    *r.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    r
}

/// Alive: the process answers. Always 200, even while the database is
/// down: reads keep working from memory, so an orchestrator must not
/// restart the process. The body says whether the change log could be read
/// on the last attempt (`"database": "degraded"` while writes fail) and the
/// last change-log serial applied, which agrees across caught-up replicas.
/// With a hot standby (`database.read_url`), also how far it is behind the
/// primary, as last measured (null while it cannot be).
async fn healthz(State(state): State<AppState>) -> Response {
    let database = if state.directory.is_degraded() {
        "degraded"
    } else {
        "ok"
    };
    let serial = state.directory.serial();
    let mut body = serde_json::json!({"status": "ok", "database": database, "serial": serial});
    if state.config.database.read_url.is_some() {
        let lag = state.directory.standby_lag();
        body["standby_lag_serials"] = lag.map(|l| l.serials).into();
        body["standby_lag_seconds"] = lag.and_then(|l| l.seconds).into();
    }
    axum::Json(body).into_response()
}

/// Ready: the directory is loaded, so answers are complete.
async fn readyz(State(state): State<AppState>) -> Response {
    if state.directory.is_ready() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "loading\n").into_response()
    }
}

async fn metrics_text(State(state): State<AppState>) -> Response {
    match &state.metrics {
        Some(handle) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            handle.render(),
        )
            .into_response(),
        None => ApiError::NotFound.into_response(),
    }
}
