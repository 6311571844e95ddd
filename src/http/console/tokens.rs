//! Tokens: list, create (the secret shown once), revoke.

use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;
use std::str::FromStr;
use uuid::Uuid;

use super::{Session, api_error_page, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::problem::ApiError;
use crate::model::{FieldError, Scope};
use crate::service::ServiceError;
use crate::service::tokens::IssuedToken;

/// The refusal of a session that is not an admin's.
fn admin_only(session: &Session) -> Option<Response> {
    if session.is_admin() {
        None
    } else {
        Some(error_page(
            StatusCode::FORBIDDEN,
            Some(session),
            "Tokens are managed with an admin token.",
        ))
    }
}

async fn render(
    state: &AppState,
    session: &Session,
    issued: Option<&IssuedToken>,
    error: Option<&FieldError>,
    status: StatusCode,
) -> Response {
    let (tokens, audiences) = match (state.store.tokens().await, state.store.audiences().await) {
        (Ok(t), Ok(a)) => (t, a),
        (Err(e), _) | (_, Err(e)) => return api_error_page(e.into(), Some(session)),
    };
    let audience_error = error.filter(|e| e.field.starts_with("audiences"));
    let body = html! {
        h1 { "Tokens" }
        @if let Some(issued) = issued {
            div.secret id="issued" role="status" {
                p { "Token " strong { (issued.token.name) } " created. Its secret is shown this once:" }
                p { code id="secret" { (issued.secret) } " "
                    button type="button" data-copy="secret" hidden { "Copy" } }
            }
        }
        h2 { "Create a token" }
        form method="post" action="/admin/tokens" {
            (session.csrf_field())
            label for="token-name" { "Name" }
            input type="text" id="token-name" name="name" required size="30"
                aria-describedby=[error.filter(|e| e.field == "name").map(|_| "name-error")];
            @if let Some(e) = error.filter(|e| e.field == "name") {
                p.error id="name-error" role="alert" { (e.reason) }
            }
            label for="token-scope" { "Scope" }
            select id="token-scope" name="scope" {
                option value="lookup" { "lookup" }
                option value="admin" { "admin" }
                option value="self" { "self" }
            }
            fieldset id="token-audiences" aria-describedby=[audience_error.map(|_| "audiences-error")] {
                legend { "Audiences (lookup tokens only)" }
                @if audiences.is_empty() {
                    p.muted { "No audience yet: " a href="/admin/audiences" { "create one" } "." }
                }
                @for a in &audiences {
                    div.choice {
                        input type="checkbox" id={ "audience-" (a.name) } name="audience" value=(a.name);
                        label for={ "audience-" (a.name) } { (a.name) }
                    }
                }
                @if let Some(e) = audience_error {
                    p.error id="audiences-error" role="alert" { code { (e.field) } ": " (e.reason) }
                }
            }
            label for="token-subject" { "Subject id (self tokens only)" }
            input type="text" id="token-subject" name="subject" size="38"
                aria-describedby=[error.filter(|e| e.field != "name" && !e.field.starts_with("audiences")).map(|_| "other-error")];
            @if let Some(e) = error.filter(|e| e.field != "name" && !e.field.starts_with("audiences")) {
                p.error id="other-error" role="alert" { code { (e.field) } ": " (e.reason) }
            }
            p { button type="submit" id="create-token" { "Create" } }
        }
        h2 { "All tokens" }
        table id="tokens" {
            thead { tr { th { "Name" } th { "Scope" } th { "Created" } th { "Last used" } th { "State" } } }
            tbody {
                @for t in &tokens {
                    tr data-token=(t.name) {
                        td { (t.name) }
                        td { (t.scope.as_str()) @if !t.audiences.is_empty() { " (" (t.audiences.join(", ")) ")" } }
                        td { (t.created_at.format("%Y-%m-%d %H:%M")) }
                        td { @if let Some(at) = t.last_used_at { (at.format("%Y-%m-%d %H:%M")) } @else { "never" } }
                        td {
                            @if let Some(at) = t.revoked_at {
                                "revoked " (at.format("%Y-%m-%d %H:%M"))
                            } @else {
                                form method="post" action={ "/admin/tokens/" (t.id) "/revoke" } {
                                    (session.csrf_field())
                                    button.danger type="submit" aria-label={ "Revoke " (t.name) } { "Revoke" }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    (status, layout("Tokens", Some(session), body)).into_response()
}

pub async fn list(State(state): State<AppState>, session: Session) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    render(&state, &session, None, None, StatusCode::OK).await
}

/// The create form: its fields, `audience` once per ticked audience.
#[derive(Default)]
pub struct CreateForm {
    csrf: String,
    name: String,
    scope: String,
    subject: String,
    audiences: Vec<String>,
}

impl CreateForm {
    fn parse(body: &[u8]) -> CreateForm {
        let mut form = CreateForm::default();
        for (key, value) in url::form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "csrf" => form.csrf = value,
                "name" => form.name = value,
                "scope" => form.scope = value,
                "subject" => form.subject = value,
                "audience" => form.audiences.push(value),
                _ => {}
            }
        }
        form
    }
}

pub async fn create(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let form = CreateForm::parse(&body);
    if let Some(r) = session
        .check_csrf(&form.csrf)
        .or_else(|| admin_only(&session))
    {
        return r;
    }
    let (state, session) = (&state, &session);
    let invalid = |e: FieldError| async move {
        render(
            state,
            session,
            None,
            Some(&e),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    };
    let scope = match Scope::from_str(&form.scope) {
        Ok(s) => s,
        Err(e) => return invalid(FieldError::new("scope", e)).await,
    };
    let subject = match form.subject.trim() {
        "" => None,
        s => match Uuid::parse_str(s) {
            Ok(id) => Some(id),
            Err(_) => return invalid(FieldError::new("subject", "not a subject id")).await,
        },
    };
    match state
        .token_service
        .create(session.actor(), &form.name, scope, &form.audiences, subject)
        .await
    {
        Ok(issued) => render(state, session, Some(&issued), None, StatusCode::CREATED).await,
        Err(ServiceError::Invalid(e)) => invalid(e).await,
        Err(e) => api_error_page(ApiError::from(e), Some(session)),
    }
}

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    csrf: String,
}

pub async fn revoke(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<RevokeForm>,
) -> Response {
    if let Some(r) = session
        .check_csrf(&form.csrf)
        .or_else(|| admin_only(&session))
    {
        return r;
    }
    if let Err(e) = state.token_service.revoke(session.actor(), id).await {
        return api_error_page(ApiError::from(e), Some(&session));
    }
    state.tokens.forget(id);
    see_other("/admin/tokens")
}
