//! Number blocks: list, create and delete, through the service the API's
//! `/api/v1/blocks` uses.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;
use uuid::Uuid;

use super::{Session, api_error_page, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::problem::ApiError;
use crate::model::BlockInput;
use crate::service::{EntityTag, IfMatch, ServiceError};

/// The fields of the create form, as posted.
#[derive(Deserialize, Default, Clone)]
pub struct BlockForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    length: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    label: String,
    /// One template URI per line.
    #[serde(default)]
    templates: String,
}

/// The form's field a problem's `field` names.
fn form_field(field: Option<&str>) -> &'static str {
    match field.unwrap_or("") {
        "prefix" => "prefix",
        "length" => "length",
        "owner" => "owner",
        "label" => "label",
        f if f.starts_with("templates") => "templates",
        "routing_number" => "prefix",
        _ => "form",
    }
}

fn admin_only(session: &Session) -> Option<Response> {
    (!session.is_admin()).then(|| {
        error_page(
            StatusCode::FORBIDDEN,
            Some(session),
            "Number blocks are managed with an admin token.",
        )
    })
}

pub async fn list(State(state): State<AppState>, session: Session) -> Response {
    if let Some(r) = admin_only(&session) {
        return r;
    }
    render(&state, &session, None, StatusCode::OK).await
}

async fn render(
    state: &AppState,
    session: &Session,
    refused: Option<(BlockForm, &'static str, String)>,
    status: StatusCode,
) -> Response {
    let blocks = match state.store.blocks().await {
        Ok(b) => b,
        Err(e) => return api_error_page(e.into(), Some(session)),
    };
    let form = refused.as_ref().map(|r| r.0.clone()).unwrap_or_default();
    let error = |field: &str| {
        refused
            .as_ref()
            .filter(|r| r.1 == field)
            .map(|r| r.2.clone())
    };
    let described = |field: &str| error(field).map(|_| format!("block-{field}-error"));
    let body = html! {
        h1 { "Number blocks" }
        @if blocks.is_empty() {
            p.muted { "No number block." }
        } @else {
            table id="blocks" {
                thead { tr { th { "Prefix" } th { "Length" } th { "Owner" } th { "Label" } th { "Templates" } th { "Delete" } } }
                tbody {
                    @for b in &blocks {
                        tr data-prefix=(b.prefix) {
                            td { code { (b.prefix) } }
                            td { @match b.length { Some(n) => (n), None => "any" } }
                            td { @match &b.owner { Some(o) => code { (o) }, None => span.muted { "—" } } }
                            td { @match &b.label { Some(l) => (l), None => span.muted { "—" } } }
                            td { ul { @for t in &b.templates { li { code { (t.uri) } " " span.muted { (t.visibility) } } } } }
                            td {
                                form method="post" action={ "/admin/blocks/" (b.id) "/delete" } {
                                    (session.csrf_field())
                                    input type="hidden" name="version" value=(b.version);
                                    button.danger type="submit" aria-label={ "Delete block " (b.prefix) } { "Delete" }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 { "Create a block" }
        form method="post" action="/admin/blocks" id="create-block" {
            (session.csrf_field())
            @if let Some(e) = error("form") { p.error id="block-form-error" role="alert" { (e) } }
            label for="block-prefix" { "Prefix (E.164, e.g. +49301234)" }
            input type="text" id="block-prefix" name="prefix" required size="20" value=(form.prefix)
                aria-describedby=[described("prefix")];
            @if let Some(e) = error("prefix") { p.error id="block-prefix-error" role="alert" { (e) } }
            label for="block-length" { "Length of its numbers, in digits (optional)" }
            input type="text" inputmode="numeric" id="block-length" name="length" size="4" value=(form.length)
                aria-describedby=[described("length")];
            @if let Some(e) = error("length") { p.error id="block-length-error" role="alert" { (e) } }
            label for="block-owner" { "Owner (acct: URI of a subject, optional)" }
            input type="text" id="block-owner" name="owner" size="40" value=(form.owner)
                aria-describedby=[described("owner")];
            @if let Some(e) = error("owner") { p.error id="block-owner-error" role="alert" { (e) } }
            label for="block-label" { "Label (optional)" }
            input type="text" id="block-label" name="label" size="40" value=(form.label)
                aria-describedby=[described("label")];
            @if let Some(e) = error("label") { p.error id="block-label-error" role="alert" { (e) } }
            label for="block-templates" { "Templates, one URI per line (\\1: the digits after the prefix; {number}: the whole number)" }
            textarea id="block-templates" name="templates" rows="3" cols="50" required
                aria-describedby=[described("templates")] { (form.templates) }
            @if let Some(e) = error("templates") { p.error id="block-templates-error" role="alert" { (e) } }
            p { button type="submit" id="create-block-submit" { "Create" } }
        }
    };
    (status, layout("Number blocks", Some(session), body)).into_response()
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<BlockForm>,
) -> Response {
    if let Some(r) = session.check_csrf(&form.csrf) {
        return r;
    }
    if let Some(r) = admin_only(&session) {
        return r;
    }
    let mut input = serde_json::json!({ "prefix": form.prefix.trim() });
    let length = form.length.trim();
    if !length.is_empty() {
        match length.parse::<u8>() {
            Ok(n) => input["length"] = n.into(),
            Err(_) => {
                let why = "a number of digits, e.g. 13".to_owned();
                return render(
                    &state,
                    &session,
                    Some((form, "length", why)),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    }
    if !form.owner.trim().is_empty() {
        input["owner"] = form.owner.trim().into();
    }
    if !form.label.trim().is_empty() {
        input["label"] = form.label.trim().into();
    }
    input["templates"] = form
        .templates
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|uri| serde_json::json!({ "uri": uri }))
        .collect();
    let result = match serde_json::from_value::<BlockInput>(input) {
        Ok(input) => state.blocks.create(session.actor(), input).await,
        Err(e) => Err(ServiceError::Invalid(crate::model::FieldError::new(
            "form",
            e.to_string(),
        ))),
    };
    match result {
        Ok(_) => see_other("/admin/blocks"),
        Err(e) => {
            let problem = ApiError::from(e).problem();
            let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::BAD_REQUEST);
            if status.is_server_error() {
                return error_page(
                    status,
                    Some(&session),
                    &problem.detail.unwrap_or(problem.title),
                );
            }
            let mut field = form_field(problem.field.as_deref());
            if field == "form" && status == StatusCode::CONFLICT {
                field = "prefix";
            }
            let message = problem.detail.unwrap_or(problem.title);
            render(
                &state,
                &session,
                Some((form, field, message)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
}

pub async fn delete(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<DeleteForm>,
) -> Response {
    if let Some(r) = session.check_csrf(&form.csrf) {
        return r;
    }
    if let Some(r) = admin_only(&session) {
        return r;
    }
    let precondition = IfMatch::Tags(vec![EntityTag {
        weak: false,
        opaque: form.version.trim().to_owned(),
    }]);
    match state
        .blocks
        .delete(session.actor(), id, Some(&precondition))
        .await
    {
        Ok(()) => see_other("/admin/blocks"),
        Err(ServiceError::Stale { .. }) => error_page(
            StatusCode::PRECONDITION_FAILED,
            Some(&session),
            "This block was changed by someone else since you loaded the page; \
             it was not deleted. Look at it again first.",
        ),
        Err(e) => api_error_page(ApiError::from(e), Some(&session)),
    }
}
