//! Audiences: list, create, delete (after a confirmation step), through
//! the same service as `/api/v1/audiences`.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::{Session, api_error_page, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::problem::ApiError;
use crate::store::Audience;

/// The refusal of a session that is not an admin's.
fn admin_only(session: &Session) -> Option<Response> {
    (!session.is_admin()).then(|| {
        error_page(
            StatusCode::FORBIDDEN,
            Some(session),
            "Audiences are managed with an admin token.",
        )
    })
}

/// The stored audiences, by name, for the forms that offer them as a
/// choice (admins only: other sessions are offered none).
pub(super) async fn names(state: &AppState, session: &Session) -> Vec<String> {
    if !session.is_admin() {
        return Vec::new();
    }
    state
        .store
        .audiences()
        .await
        .map(|a| a.into_iter().map(|a| a.name).collect())
        .unwrap_or_default()
}

/// The visibilities a form offers: the three fixed ones, then one per
/// stored audience.
pub(super) fn visibility_options(audiences: &[String], current: &str) -> Markup {
    html! {
        @for v in ["public", "authenticated", "private"] {
            option value=(v) selected[current == v] { (v) }
        }
        @for a in audiences {
            @let v = format!("audience:{a}");
            option value=(v) selected[current == v] { (v) }
        }
    }
}

/// What the create form said when it was refused.
struct Refusal {
    name: String,
    message: String,
}

async fn render(
    state: &AppState,
    session: &Session,
    refused: Option<&Refusal>,
    status: StatusCode,
) -> Response {
    let (audiences, tokens) = match (state.store.audiences().await, state.store.tokens().await) {
        (Ok(a), Ok(t)) => (a, t),
        (Err(e), _) | (_, Err(e)) => return api_error_page(e.into(), Some(session)),
    };
    let users = |a: &Audience| -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| t.revoked_at.is_none() && t.audiences.contains(&a.name))
            .map(|t| t.name.as_str())
            .collect()
    };
    let body = html! {
        h1 { "Audiences" }
        p.muted { "An address, link or property whose visibility is " code { "audience:<name>" }
            " is shown to lookup tokens of that audience (and to admins), never in DNS." }
        h2 { "Create an audience" }
        form method="post" action="/admin/audiences" id="create-audience" {
            (session.csrf_field())
            label for="audience-name" { "Name (a-z, 0-9 and -, up to 32)" }
            input type="text" id="audience-name" name="name" required size="32"
                value=[refused.map(|r| &r.name)]
                aria-describedby=[refused.map(|_| "audience-name-error")];
            " "
            button type="submit" id="create" { "Create" }
            @if let Some(r) = refused {
                p.error id="audience-name-error" role="alert" { (r.message) }
            }
        }
        h2 { "All audiences" }
        @if audiences.is_empty() {
            p.muted id="no-audiences" { "No audience yet." }
        } @else {
            table id="audiences" {
                thead { tr { th { "Name" } th { "Created" } th { "Tokens in it" } th { "Delete" } } }
                tbody {
                    @for a in &audiences {
                        @let users = users(a);
                        tr data-audience=(a.name) {
                            td { code { (a.name) } }
                            td { (a.created_at.format("%Y-%m-%d %H:%M")) }
                            td {
                                @if users.is_empty() { span.muted { "none" } }
                                @else { (users.join(", ")) }
                            }
                            td {
                                a.danger href={ "/admin/audiences/" (a.name) "/delete" }
                                    aria-label={ "Delete " (a.name) "…" } { "Delete…" }
                            }
                        }
                    }
                }
            }
        }
    };
    (status, layout("Audiences", Some(session), body)).into_response()
}

pub async fn list(State(state): State<AppState>, session: Session) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    render(&state, &session, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<CreateForm>,
) -> Response {
    if let Some(r) = session
        .check_csrf(&form.csrf)
        .or_else(|| admin_only(&session))
    {
        return r;
    }
    let name = form.name.trim();
    match state
        .token_service
        .create_audience(session.actor(), name)
        .await
    {
        Ok(_) => see_other("/admin/audiences"),
        Err(e) => {
            let e = ApiError::from(e);
            let status = e.status();
            if !status.is_client_error() {
                return api_error_page(e, Some(&session));
            }
            let problem = e.problem();
            let refused = Refusal {
                name: name.to_owned(),
                message: problem.detail.unwrap_or(problem.title),
            };
            render(&state, &session, Some(&refused), status).await
        }
    }
}

/// The confirmation step; `refusal` says why a deletion was not made.
async fn confirm(
    state: &AppState,
    session: &Session,
    name: &str,
    refusal: Option<&str>,
    status: StatusCode,
) -> Response {
    let exists = match state.store.audiences().await {
        Ok(a) => a.iter().any(|a| a.name == name),
        Err(e) => return api_error_page(e.into(), Some(session)),
    };
    if !exists {
        return error_page(StatusCode::NOT_FOUND, Some(session), "No such audience.");
    }
    let body = html! {
        h1 { "Delete the audience " code { (name) } "?" }
        @if let Some(why) = refusal {
            p.notice id="in-use" role="alert" { "Not deleted: " (why) "." }
        }
        p { "Only an audience that no token, address, block, link or property uses can be deleted." }
        form method="post" action={ "/admin/audiences/" (name) "/delete" } {
            (session.csrf_field())
            input type="checkbox" id="confirm" name="confirm" value="yes" required;
            label for="confirm" { "Yes, delete " (name) }
            p {
                button.danger type="submit" id="confirm-delete" { "Delete" }
                " "
                a href="/admin/audiences" { "Cancel" }
            }
        }
    };
    (status, layout("Delete an audience", Some(session), body)).into_response()
}

pub async fn delete_page(
    State(state): State<AppState>,
    session: Session,
    Path(name): Path<String>,
) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    confirm(&state, &session, &name, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

pub async fn delete(
    State(state): State<AppState>,
    session: Session,
    Path(name): Path<String>,
    Form(form): Form<DeleteForm>,
) -> Response {
    if let Some(r) = session
        .check_csrf(&form.csrf)
        .or_else(|| admin_only(&session))
    {
        return r;
    }
    if form.confirm != "yes" {
        return see_other(&format!("/admin/audiences/{name}/delete"));
    }
    match state
        .token_service
        .delete_audience(session.actor(), &name)
        .await
    {
        Ok(()) => see_other("/admin/audiences"),
        Err(e) => {
            let e = ApiError::from(e);
            if e.status() != StatusCode::CONFLICT {
                return api_error_page(e, Some(&session));
            }
            let problem = e.problem();
            let why = problem.detail.unwrap_or(problem.title);
            confirm(&state, &session, &name, Some(&why), StatusCode::CONFLICT).await
        }
    }
}
