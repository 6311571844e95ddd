//! The admin console under `/admin`: server-rendered pages over the same
//! services, privacy function and answer builders as the API and the
//! public channels. One stylesheet and one script, embedded; nothing is
//! loaded from anywhere else.

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use maud::{DOCTYPE, Markup, html};
use tower_http::set_header::SetResponseHeaderLayer;

use super::AppState;
use super::problem::ApiError;

mod audiences;
mod audit;
mod blocks;
mod domains;
mod links;
mod overview;
mod session;
mod subjects;
mod tokens;
mod transfer;

pub use session::{COOKIE, Session};
pub use transfer::Jobs;

/// The policy of every console response: only this origin's own script,
/// style and forms; never framed.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
     connect-src 'self'";

const CSS: &str = include_str!("assets/console.css");
const JS: &str = include_str!("assets/console.js");

/// The console's routes, with their security headers.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/", get(home))
        .route(
            "/admin/signin",
            get(session::signin_page).post(session::signin),
        )
        .route("/admin/signout", post(session::signout))
        .route("/admin/overview", get(overview::page))
        .route("/admin/audit", get(audit::page))
        .route(
            "/admin/subjects",
            get(subjects::search).post(subjects::create),
        )
        .route("/admin/subjects/{id}", get(subjects::page))
        .route(
            "/admin/subjects/{id}/delete",
            get(subjects::delete_page).post(subjects::delete),
        )
        .route("/admin/subjects/{id}/name", post(subjects::rename))
        .route(
            "/admin/subjects/{id}/addresses",
            post(subjects::add_address),
        )
        .route(
            "/admin/subjects/{id}/addresses/{address}",
            post(subjects::change_address),
        )
        .route(
            "/admin/subjects/{id}/addresses/{address}/delete",
            post(subjects::remove_address),
        )
        .route("/admin/subjects/{id}/links", post(links::add_link))
        .route(
            "/admin/subjects/{id}/links/{index}",
            post(links::change_link),
        )
        .route(
            "/admin/subjects/{id}/links/{index}/delete",
            post(links::remove_link),
        )
        .route("/admin/subjects/{id}/properties", post(links::set_property))
        .route(
            "/admin/subjects/{id}/properties/visibility",
            post(links::change_property),
        )
        .route(
            "/admin/subjects/{id}/properties/delete",
            post(links::remove_property),
        )
        .route("/admin/tokens", get(tokens::list).post(tokens::create))
        .route(
            "/admin/audiences",
            get(audiences::list).post(audiences::create),
        )
        .route(
            "/admin/audiences/{name}/delete",
            get(audiences::delete_page).post(audiences::delete),
        )
        .route("/admin/domains", get(domains::list))
        .route("/admin/blocks", get(blocks::list).post(blocks::create))
        .route("/admin/blocks/{id}/delete", post(blocks::delete))
        .route("/admin/transfer", get(transfer::page))
        .route("/admin/export", get(transfer::export))
        .route("/admin/import", post(transfer::start))
        .route("/admin/import/{id}", get(transfer::job_page))
        .route("/admin/import/{id}/status", get(transfer::job_status))
        .route("/admin/tokens/{id}/revoke", post(tokens::revoke))
        .route("/admin/assets/{file}", get(asset))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn home(session: Session) -> Response {
    let to = match session.own_subject() {
        Some(id) => format!("/admin/subjects/{id}"),
        None => "/admin/overview".to_owned(),
    };
    see_other(&to)
}

/// An embedded asset's URL: its name carries a hash of its bytes, so a
/// client may keep it for good (a changed asset has another URL).
struct Asset {
    kind: &'static str,
    body: &'static str,
    url: std::sync::LazyLock<String>,
}

fn hashed(stem: &str, ext: &str, body: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body.as_bytes());
    format!("/admin/assets/{stem}.{}.{ext}", &hex::encode(digest)[..16])
}

static STYLE: Asset = Asset {
    kind: "text/css; charset=utf-8",
    body: CSS,
    url: std::sync::LazyLock::new(|| hashed("console", "css", CSS)),
};

static SCRIPT: Asset = Asset {
    kind: "text/javascript; charset=utf-8",
    body: JS,
    url: std::sync::LazyLock::new(|| hashed("console", "js", JS)),
};

/// `/admin/assets/console.<hash>.css` (and `.js`): the current hash only.
async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let wanted = format!("/admin/assets/{file}");
    match [&STYLE, &SCRIPT].into_iter().find(|a| *a.url == wanted) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.kind),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            a.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// 303 to `to` (after a form post, or to sign in).
pub(crate) fn see_other(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// A whole page: the navigation (when signed in), then `body`.
pub(crate) fn layout(title: &str, session: Option<&Session>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · callsign" }
                link rel="stylesheet" href=(*STYLE.url);
                script src=(*SCRIPT.url) defer {}
            }
            body {
                header.top {
                    a.brand href="/admin" { "callsign" }
                    @if let Some(s) = session {
                        nav aria-label="Main" {
                            @if s.is_admin() {
                                a href="/admin/overview" { "Overview" }
                                a href="/admin/subjects" { "Subjects" }
                                a href="/admin/blocks" { "Blocks" }
                                a href="/admin/tokens" { "Tokens" }
                                a href="/admin/audiences" { "Audiences" }
                                a href="/admin/domains" { "Domains" }
                                a href="/admin/audit" { "Audit" }
                                a href="/admin/transfer" { "Import/export" }
                            }
                            span.who { "Signed in as " strong { (s.actor()) } }
                            form method="post" action="/admin/signout" {
                                (s.csrf_field())
                                button type="submit" id="signout" { "Sign out" }
                            }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A page for a refused or failed request.
pub(crate) fn error_page(status: StatusCode, session: Option<&Session>, message: &str) -> Response {
    let body = html! {
        h1 { (status.canonical_reason().unwrap_or("Error")) }
        p.error role="alert" { (message) }
        p { a href="/admin" { "Back to the console" } }
    };
    (status, layout("Error", session, body)).into_response()
}

/// An API error as a console page.
pub(crate) fn api_error_page(e: ApiError, session: Option<&Session>) -> Response {
    let status = e.status();
    let problem = e.problem();
    let message = problem.detail.unwrap_or(problem.title);
    error_page(status, session, &message)
}
