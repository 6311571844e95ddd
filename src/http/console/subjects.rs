//! Subjects: search, one subject's page with its addresses, and the
//! preview of what each channel publishes about it.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use super::{Session, api_error_page, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::admin::subjects::search_key;
use crate::http::problem::ApiError;
use crate::http::webfinger::render_jrd;
use crate::model::{
    AddressInput, AddressPatch, Audiences, DomainProfile, FieldError, Scope, Subject, SubjectPatch,
    Viewer, exposure,
};
use crate::service::{EntityTag, IfMatch, ServiceError};
use crate::store::SubjectQuery;

const PAGE: u32 = 50;

#[derive(Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    cursor: Option<String>,
}

/// `/admin/subjects?q=…`: the API's search (an address, an `acct:` URI or
/// a handle prefix), a page at a time.
pub async fn search(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<SearchParams>,
) -> Response {
    search_page(&state, &session, &params, None, StatusCode::OK).await
}

/// What a refused create form said, to fill it in again with the error
/// beside its field (`acct`, `display_name` or `uri`).
#[derive(Default)]
struct CreateError {
    field: &'static str,
    message: String,
    acct: String,
    display_name: String,
    uri: String,
}

async fn search_page(
    state: &AppState,
    session: &Session,
    params: &SearchParams,
    create: Option<CreateError>,
    status: StatusCode,
) -> Response {
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(session),
            "Searching needs an admin token.",
        );
    }
    let q = params.q.trim();
    let mut error = None;
    let key = if q.is_empty() {
        None
    } else {
        match search_key(q) {
            Ok(key) => Some(key),
            Err(e) => {
                error = e.problem().detail;
                None
            }
        }
    };
    let after = params
        .cursor
        .as_deref()
        .and_then(|c| Uuid::parse_str(c).ok());
    let items = if error.is_some() {
        Vec::new()
    } else {
        match state
            .store
            .search(&SubjectQuery {
                key,
                after,
                limit: PAGE,
            })
            .await
        {
            Ok(items) => items,
            Err(e) => return api_error_page(e.into(), Some(session)),
        }
    };
    let create_error = |field: &str| create.as_ref().filter(|c| c.field == field);
    let next = (items.len() == PAGE as usize)
        .then(|| items.last().map(|s| s.id))
        .flatten();
    let body = html! {
        h1 { "Subjects" }
        form method="get" action="/admin/subjects" role="search" {
            label for="q" { "Search by address, acct: URI or handle prefix" }
            input type="search" id="q" name="q" value=(q) size="40"
                aria-describedby=[error.as_ref().map(|_| "q-error")];
            " "
            button type="submit" id="search" { "Search" }
            @if let Some(error) = &error {
                p.error id="q-error" role="alert" { (error) }
            }
        }
        @if items.is_empty() && error.is_none() {
            p.muted { "No subject matches." }
        } @else if !items.is_empty() {
            table id="results" {
                thead { tr { th { "Subject" } th { "Display name" } th { "Addresses" } } }
                tbody {
                    @for s in &items {
                        tr {
                            td { a href={ "/admin/subjects/" (s.id) } { (s.acct()) } }
                            td { (s.display_name) }
                            td { (s.addresses.len()) }
                        }
                    }
                }
            }
        }
        @if let Some(next) = next {
            p { a rel="next" href={ "/admin/subjects?q=" (crate::model::percent_encode(q)) "&cursor=" (next) } { "Next page" } }
        }
        h2 { "Create a subject" }
        form method="post" action="/admin/subjects" id="create-subject" {
            (session.csrf_field())
            label for="new-acct" { "Account (handle@domain)" }
            input type="text" id="new-acct" name="acct" required size="40"
                value=[create.as_ref().map(|c| &c.acct)]
                aria-describedby=[create_error("acct").map(|_| "acct-error")];
            @if let Some(e) = create_error("acct") {
                p.error id="acct-error" role="alert" { (e.message) }
            }
            label for="new-display-name" { "Display name (optional)" }
            input type="text" id="new-display-name" name="display_name" size="40"
                value=[create.as_ref().map(|c| &c.display_name)]
                aria-describedby=[create_error("display_name").map(|_| "display-name-error")];
            @if let Some(e) = create_error("display_name") {
                p.error id="display-name-error" role="alert" { (e.message) }
            }
            label for="new-first-uri" { "First address (optional: tel:, sip:, xmpp:, mailto:)" }
            input type="text" id="new-first-uri" name="uri" size="40"
                value=[create.as_ref().map(|c| &c.uri)]
                aria-describedby=[create_error("uri").map(|_| "uri-error")];
            @if let Some(e) = create_error("uri") {
                p.error id="uri-error" role="alert" { (e.message) }
            }
            p { button type="submit" id="create" { "Create" } }
        }
    };
    (status, layout("Subjects", Some(session), body)).into_response()
}

#[derive(Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    acct: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    uri: String,
}

/// Create a subject (the API's create): an acct, a display name and,
/// optionally, its first address.
pub async fn create(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<CreateForm>,
) -> Response {
    if let Some(r) = session.check_csrf(&form.csrf) {
        return r;
    }
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "Creating subjects needs an admin token.",
        );
    }
    let acct = form.acct.trim();
    let refused = |field: &'static str, message: String| CreateError {
        field,
        message,
        acct: acct.to_owned(),
        display_name: form.display_name.clone(),
        uri: form.uri.clone(),
    };
    let bare = acct.strip_prefix("acct:").unwrap_or(acct);
    let result = match bare.rsplit_once('@') {
        None => Err(refused(
            "acct",
            "Write the account as handle@domain.".to_owned(),
        )),
        Some((handle, domain)) => {
            let mut input = serde_json::json!({ "handle": handle, "domain": domain });
            if !form.display_name.trim().is_empty() {
                input["display_name"] = form.display_name.trim().into();
            }
            if !form.uri.trim().is_empty() {
                input["addresses"] = serde_json::json!([{ "uri": form.uri.trim() }]);
            }
            match patch::<crate::model::SubjectInput>(input) {
                Ok(input) => state
                    .subjects
                    .create(session.actor(), input)
                    .await
                    .map_err(|e| {
                        let problem = ApiError::from(e).problem();
                        let field = match problem.field.as_deref() {
                            Some("display_name") => "display_name",
                            Some(f) if f.starts_with("addresses") || f == "uri" => "uri",
                            _ if problem.detail.as_deref().is_some_and(|d| {
                                !form.uri.trim().is_empty() && d.contains(form.uri.trim())
                            }) =>
                            {
                                "uri"
                            }
                            _ => "acct",
                        };
                        refused(field, problem.detail.unwrap_or(problem.title))
                    }),
                Err(e) => {
                    let problem = ApiError::from(e).problem();
                    Err(refused("acct", problem.detail.unwrap_or(problem.title)))
                }
            }
        }
    };
    match result {
        Ok(subject) => see_other(&format!("/admin/subjects/{}", subject.id)),
        Err(error) => {
            let status = if error.message.contains("taken") || error.message.contains("already") {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let params = SearchParams {
                q: String::new(),
                cursor: None,
            };
            search_page(&state, &session, &params, Some(error), status).await
        }
    }
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    confirm: String,
}

/// `/admin/subjects/{id}/delete`: the confirmation step (GET) and the
/// deletion itself (POST, the API's delete with the page's version as
/// `If-Match`).
pub async fn delete_page(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Response {
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "Deleting subjects needs an admin token.",
        );
    }
    let subject = match state.store.subject(id).await {
        Ok(s) => s,
        Err(e) => return api_error_page(e.into(), Some(&session)),
    };
    let body = html! {
        h1 { "Delete " (subject.acct()) "?" }
        p { "This deletes the subject and its " (subject.addresses.len())
            " addresses from every channel. The audit log keeps what it was." }
        form method="post" action={ "/admin/subjects/" (id) "/delete" } {
            (session.csrf_field())
            input type="hidden" name="version" value=(subject.version);
            input type="checkbox" id="confirm" name="confirm" value="yes" required;
            label for="confirm" { "Yes, delete " (subject.acct()) }
            p {
                button.danger type="submit" id="confirm-delete" { "Delete" }
                " "
                a href={ "/admin/subjects/" (id) } { "Cancel" }
            }
        }
    };
    layout("Delete a subject", Some(&session), body).into_response()
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
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "Deleting subjects needs an admin token.",
        );
    }
    if form.confirm != "yes" {
        return see_other(&format!("/admin/subjects/{id}/delete"));
    }
    let precondition = IfMatch::Tags(vec![EntityTag {
        weak: false,
        opaque: form.version.trim().to_owned(),
    }]);
    match state
        .subjects
        .delete(session.actor(), id, Some(&precondition))
        .await
    {
        Ok(()) => {
            state.tokens.forget_subject(id);
            see_other("/admin/subjects")
        }
        Err(ServiceError::Stale { .. }) => error_page(
            StatusCode::PRECONDITION_FAILED,
            Some(&session),
            "This subject was changed by someone else since you loaded the page; \
             it was not deleted. Look at it again first.",
        ),
        Err(e) => api_error_page(ApiError::from(e), Some(&session)),
    }
}

/// Where an error of a form is shown: beside that form's field.
pub(super) struct FormError {
    /// Which form: `name`, `add`, `address-<id>`, `link-add`, `link-<i>`,
    /// `property-add` or `property-<key>`.
    pub(super) form: String,
    pub(super) field: Option<String>,
    pub(super) message: String,
    /// What the form's fields said, to fill them in again.
    pub(super) kept: Vec<(&'static str, String)>,
}

impl FormError {
    /// What the field `name` said when the form was refused.
    pub(super) fn kept(&self, name: &str) -> Option<&str> {
        self.kept
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `/admin/subjects/{id}`.
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Response {
    if !session.may_reach(id) {
        return error_page(StatusCode::FORBIDDEN, Some(&session), "Not your subject.");
    }
    match state.store.subject(id).await {
        Ok(subject) => render(&state, &session, &subject, None, StatusCode::OK).await,
        Err(e) => api_error_page(e.into(), Some(&session)),
    }
}

async fn render(
    state: &AppState,
    session: &Session,
    subject: &Subject,
    error: Option<FormError>,
    status: StatusCode,
) -> Response {
    let error_for = |form: &str| error.as_ref().filter(|e| e.form == form);
    let preview = preview(state, subject).await;
    let audiences = super::audiences::names(state, session).await;
    let version = subject.version.to_string();
    let base = format!("/admin/subjects/{}", subject.id);
    let body = html! {
        h1 { (subject.acct()) }
        @if let Some(e) = error.as_ref().filter(|e| e.form == "stale") {
            p.notice id="conflict" role="alert" { (e.message) " " a href=(base) { "Reload" } }
        }
        p.muted { "Version " span id="version" { (version) } ", updated " (subject.updated_at.format("%Y-%m-%d %H:%M:%S UTC"))
            @if session.is_admin() { " · " a href={ "/admin/audit?subject=" (subject.id) } id="history" { "History" } } }
        form method="post" action={ (base) "/name" } {
            (session.csrf_field())
            input type="hidden" name="version" value=(version);
            label for="display_name" { "Display name" }
            input type="text" id="display_name" name="display_name" value=(subject.display_name) size="40"
                aria-describedby=[error_for("name").map(|_| "name-error")];
            " "
            button type="submit" id="save-name" { "Save" }
            @if let Some(e) = error_for("name") {
                p.error id="name-error" role="alert" { (e.message) }
            }
        }
        h2 { "Addresses" }
        table id="addresses" {
            thead { tr { th { "Address" } th { "Visible to" } th { "Found by" } th { "Order" } th { "Remove" } } }
            tbody {
                @for (i, a) in subject.addresses.iter().enumerate() {
                    @let form = format!("address-{}", a.id);
                    @let action = format!("{base}/addresses/{}", a.id);
                    tr id={ "address-" (a.id) } {
                        td { code { (a.uri) } @if let Some(label) = &a.label { " " span.muted { (label) } } }
                        td {
                            form method="post" action=(action) aria-label={ "Visibility of " (a.uri) } {
                                (session.csrf_field())
                                input type="hidden" name="version" value=(version);
                                @for v in ["public", "authenticated", "private"] {
                                    button type="submit" name="visibility" value=(v)
                                        aria-pressed=(if a.visibility.to_string() == v { "true" } else { "false" })
                                        data-test={ "visibility-" (i) "-" (v) } { (v) }
                                }
                            }
                            @if !audiences.is_empty() {
                                form method="post" action=(action) aria-label={ "Audience of " (a.uri) } {
                                    (session.csrf_field())
                                    input type="hidden" name="version" value=(version);
                                    label.visually-hidden for={ "audience-" (i) } { "Audience to show " (a.uri) " to" }
                                    select id={ "audience-" (i) } name="visibility" {
                                        @for name in &audiences {
                                            @let v = format!("audience:{name}");
                                            option value=(v) selected[a.visibility.to_string() == v] { (v) }
                                        }
                                    }
                                    button type="submit" data-test={ "visibility-" (i) "-audience" }
                                        aria-pressed=(if a.visibility.to_string().starts_with("audience:") { "true" } else { "false" }) { "Show to it" }
                                }
                            }
                            @if !matches!(a.visibility.to_string().as_str(), "public" | "authenticated" | "private") {
                                div.muted data-test={ "visibility-" (i) } { (a.visibility) }
                            }
                        }
                        td {
                            form method="post" action=(action) aria-label={ "Discoverability of " (a.uri) } {
                                (session.csrf_field())
                                input type="hidden" name="version" value=(version);
                                @for v in ["everyone", "authenticated", "nobody"] {
                                    button type="submit" name="discoverable" value=(v)
                                        aria-pressed=(if a.discoverable.to_string() == v { "true" } else { "false" })
                                        data-test={ "discoverable-" (i) "-" (v) } { (v) }
                                }
                            }
                        }
                        td {
                            form method="post" action=(action) aria-label={ "Order of " (a.uri) } {
                                (session.csrf_field())
                                input type="hidden" name="version" value=(version);
                                button type="submit" name="move" value="up" disabled[i == 0]
                                    aria-label={ "Move " (a.uri) " up" } { "↑" }
                                button type="submit" name="move" value="down" disabled[i + 1 == subject.addresses.len()]
                                    aria-label={ "Move " (a.uri) " down" } { "↓" }
                            }
                        }
                        td {
                            form method="post" action={ (action) "/delete" } {
                                (session.csrf_field())
                                input type="hidden" name="version" value=(version);
                                button.danger type="submit" aria-label={ "Remove " (a.uri) } { "Remove" }
                            }
                        }
                    }
                    @if let Some(e) = error_for(&form) {
                        tr { td colspan="5" { p.error role="alert" { (e.message) } } }
                    }
                }
            }
        }
        h3 { "Add an address" }
        form method="post" action={ (base) "/addresses" } {
            (session.csrf_field())
            input type="hidden" name="version" value=(version);
            label for="new-uri" { "Address (tel:, sip:, xmpp:, mailto:)" }
            input type="text" id="new-uri" name="uri" size="40" required
                aria-describedby=[error_for("add").map(|_| "add-error")];
            label for="new-visibility" { "Visible to" }
            select id="new-visibility" name="visibility" {
                (super::audiences::visibility_options(&audiences, "public"))
            }
            " "
            button type="submit" id="add-address" { "Add" }
            @if let Some(e) = error_for("add") {
                p.error id="add-error" role="alert" {
                    @if let Some(field) = &e.field { code { (field) } ": " }
                    (e.message)
                }
            }
        }
        (super::links::section(session, subject, &audiences, error.as_ref()))
        h2 { "What each channel shows" }
        (preview)
        @if session.is_admin() {
            h2 { "Danger zone" }
            p { a.danger href={ (base) "/delete" } id="delete-subject" { "Delete this subject…" } }
        }
    };
    (status, layout(&subject.acct(), Some(session), body)).into_response()
}

/// Side by side: the WebFinger answer an anonymous caller and a lookup
/// token get (the same builder WebFinger answers with), and what ENUM DNS
/// and zone transfers carry (the privacy function's exposure report).
async fn preview(state: &AppState, subject: &Subject) -> Markup {
    let acct = subject.acct();
    let jrd = |viewer| {
        render_jrd(state, subject, &acct, viewer, &[])
            .and_then(|body| serde_json::from_slice::<serde_json::Value>(&body).ok())
            .map(|v| serde_json::to_string_pretty(&v).unwrap_or_default())
    };
    let anonymous = jrd(Viewer::Anonymous);
    let token = jrd(Viewer::token(Scope::Lookup));
    // A lookup token of each audience the subject's visibilities name.
    let profile = state.directory.domain_profile(subject.domain.as_str());
    let named = named_audiences(subject, profile.as_deref());
    let in_audience: Vec<(&str, Option<String>)> = named
        .iter()
        .map(|name| {
            let viewer = Viewer::Token {
                scope: Scope::Lookup,
                audiences: Audiences::of([*name]).unwrap_or(Audiences::NONE),
            };
            (*name, jrd(viewer))
        })
        .collect();
    let audiences: Vec<String> = state
        .store
        .audiences()
        .await
        .map(|a| a.into_iter().map(|a| a.name).collect())
        .unwrap_or_default();
    let report = exposure(subject, &audiences);
    let anyone = report.iter().find(|v| v.viewer == "anonymous");
    let channel = |title: &str, id: &str, body: Option<&String>| {
        html! {
            section id=(id) aria-label=(title) {
                h3 { (title) }
                @match body {
                    Some(body) => pre { (body) },
                    None => p { "404 Not Found: the same answer as for an unknown subject." },
                }
            }
        }
    };
    // The records themselves, from the DNS index the server answers with
    // (its content is decided by the privacy function when published).
    let mut query = Vec::new();
    let mut transfer = Vec::new();
    let mut in_block = false;
    for a in &subject.addresses {
        if let Some(e164) = a.uri.e164() {
            let view = state.dns.naptr_view(e164.trim_start_matches('+'));
            query.extend(view.query);
            transfer.extend(view.transfer);
            in_block |= view.in_block;
        }
    }
    let list = |title: &str,
                id: &str,
                addresses: Option<&Vec<String>>,
                records: &[String],
                note: Option<&str>| {
        html! {
            section id=(id) aria-label=(title) {
                h3 { (title) }
                @match addresses.filter(|a| !a.is_empty()) {
                    Some(addresses) => ul { @for a in addresses { li { code { (a) } } } },
                    None => p { "Nothing." },
                }
                h4 { "NAPTR records, as dig prints them" }
                @if records.is_empty() {
                    p.muted id={ (id) "-none" } { "No NAPTR record." }
                } @else {
                    pre id={ (id) "-records" } { @for r in records { (r) "\n" } }
                }
                @if let Some(note) = note { p.muted { (note) } }
            }
        }
    };
    let block_note = in_block.then_some(
        "A number in a number block: a query is answered from the block's records; \
         the zone transfer carries them as the block's wildcard.",
    );
    html! {
        div.columns id="preview" {
            (channel(&format!("WebFinger, anonymous ({acct})"), "preview-anonymous", anonymous.as_ref()))
            (channel(&format!("WebFinger, lookup token in no audience ({acct})"), "preview-token", token.as_ref()))
            @for (name, body) in &in_audience {
                (channel(&format!("WebFinger, lookup token in audience {name} ({acct})"), &format!("preview-audience-{name}"), body.as_ref()))
            }
            (list("ENUM DNS (NAPTR, to anyone)", "preview-dns", anyone.map(|v| &v.enum_dns.addresses), &query, block_note))
            (list("Zone transfer (AXFR)", "preview-axfr", anyone.map(|v| &v.axfr.addresses), &transfer, None))
        }
    }
}

/// The audiences any visibility of `subject`, or of its domain's profile,
/// names, by name.
fn named_audiences(subject: &Subject, profile: Option<&DomainProfile>) -> Vec<&'static str> {
    let inherited = profile.into_iter().flat_map(|p| {
        let links = p.links.iter().map(|l| l.visibility);
        links.chain(p.properties.values().map(|v| v.visibility))
    });
    let visibilities = std::iter::once(subject.display_name_visibility)
        .chain(subject.addresses.iter().map(|a| a.visibility))
        .chain(subject.links.iter().map(|l| l.visibility))
        .chain(subject.properties.values().map(|p| p.visibility))
        .chain(inherited);
    let mut names: Vec<&'static str> = visibilities.flat_map(|v| v.audiences().names()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[derive(Deserialize)]
pub struct VersionedForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    display_name: Option<String>,
    visibility: Option<String>,
    discoverable: Option<String>,
    #[serde(rename = "move")]
    direction: Option<String>,
    uri: Option<String>,
}

impl VersionedForm {
    /// The version the form was rendered at, as an `If-Match` would name it.
    fn precondition(&self) -> IfMatch {
        IfMatch::Tags(vec![EntityTag {
            weak: false,
            opaque: self.version.trim().to_owned(),
        }])
    }
}

/// After a change: back to the subject page; on failure, the page as it
/// is now with the error beside the form that failed (a version conflict
/// keeps the other change and says so).
pub(super) async fn finish(
    state: &AppState,
    session: &Session,
    id: Uuid,
    form: &str,
    result: Result<Subject, ServiceError>,
) -> Response {
    finish_keeping(state, session, id, form, result, Vec::new()).await
}

/// [`finish`], filling the form's fields in again with `kept` on failure.
pub(super) async fn finish_keeping(
    state: &AppState,
    session: &Session,
    id: Uuid,
    form: &str,
    result: Result<Subject, ServiceError>,
    kept: Vec<(&'static str, String)>,
) -> Response {
    let mut error = match result {
        Ok(_) => return see_other(&format!("/admin/subjects/{id}")),
        Err(ServiceError::Stale { .. }) => FormError {
            form: "stale".into(),
            field: None,
            message: "This subject was changed by someone else since you loaded the page; \
                      your change was not made. Reload to see theirs, then try again."
                .into(),
            kept: Vec::new(),
        },
        Err(ServiceError::Invalid(FieldError { field, reason })) => FormError {
            form: form.into(),
            field: Some(field),
            message: reason,
            kept: Vec::new(),
        },
        Err(ServiceError::Conflict(why)) => FormError {
            form: form.into(),
            field: None,
            message: why,
            kept: Vec::new(),
        },
        Err(e) => return api_error_page(ApiError::from(e), Some(session)),
    };
    error.kept = kept;
    let status = if error.form == "stale" {
        StatusCode::PRECONDITION_FAILED
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    match state.store.subject(id).await {
        Ok(subject) => render(state, session, &subject, Some(error), status).await,
        Err(e) => api_error_page(e.into(), Some(session)),
    }
}

/// Checks common to every subject form: the form token, then the reach.
/// The refusal when one fails.
fn admit(session: &Session, id: Uuid, form: &VersionedForm) -> Option<Response> {
    session.check_csrf(&form.csrf).or_else(|| {
        (!session.may_reach(id))
            .then(|| error_page(StatusCode::FORBIDDEN, Some(session), "Not your subject."))
    })
}

fn patch<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ServiceError> {
    serde_json::from_value(value).map_err(|e| {
        let text = e.to_string();
        let field = ["visibility", "discoverable", "display_name", "uri"]
            .into_iter()
            .find(|f| text.contains(f))
            .unwrap_or("form");
        ServiceError::Invalid(FieldError::new(field, text))
    })
}

pub async fn rename(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<VersionedForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let name = form.display_name.clone().unwrap_or_default();
    let result = match patch::<SubjectPatch>(serde_json::json!({ "display_name": name })) {
        Ok(p) => {
            state
                .subjects
                .update(session.actor(), id, Some(&form.precondition()), &p)
                .await
        }
        Err(e) => Err(e),
    };
    finish(&state, &session, id, "name", result).await
}

pub async fn add_address(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<VersionedForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let input = serde_json::json!({
        "uri": form.uri.clone().unwrap_or_default(),
        "visibility": form.visibility.clone().unwrap_or_else(|| "public".into()),
    });
    let result = match patch::<AddressInput>(input) {
        Ok(input) => {
            state
                .subjects
                .add_address(session.actor(), id, Some(&form.precondition()), input)
                .await
        }
        Err(e) => Err(e),
    };
    finish(&state, &session, id, "add", result).await
}

/// One click on one control of an address: its visibility, its
/// discoverability, or its place in the order.
pub async fn change_address(
    State(state): State<AppState>,
    session: Session,
    Path((id, address)): Path<(Uuid, Uuid)>,
    Form(form): Form<VersionedForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let precondition = form.precondition();
    let key = format!("address-{address}");
    let result = if let Some(direction) = &form.direction {
        reorder(
            &state,
            &session,
            id,
            address,
            direction == "up",
            &precondition,
        )
        .await
    } else {
        let mut change = serde_json::Map::new();
        if let Some(v) = &form.visibility {
            change.insert("visibility".into(), v.clone().into());
        }
        if let Some(v) = &form.discoverable {
            change.insert("discoverable".into(), v.clone().into());
        }
        match patch::<AddressPatch>(change.into()) {
            Ok(p) => {
                state
                    .subjects
                    .update_address(session.actor(), id, address, Some(&precondition), &p)
                    .await
            }
            Err(e) => Err(e),
        }
    };
    finish(&state, &session, id, &key, result).await
}

/// Move an address one place up or down: every address gets a priority
/// by its new place, in one write.
async fn reorder(
    state: &AppState,
    session: &Session,
    id: Uuid,
    address: Uuid,
    up: bool,
    precondition: &IfMatch,
) -> Result<Subject, ServiceError> {
    let subject = state.store.subject(id).await?;
    IfMatch::check(Some(precondition), subject.version)?;
    let mut order: Vec<Uuid> = subject.addresses.iter().map(|a| a.id).collect();
    let i = order
        .iter()
        .position(|a| *a == address)
        .ok_or(ServiceError::NotFound)?;
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    if let Some(j) = j.filter(|j| *j < order.len()) {
        order.swap(i, j);
    }
    let patches = order
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let p = patch::<AddressPatch>(serde_json::json!({ "priority": (n as u64 + 1) * 10 }))?;
            Ok((*a, p))
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    let nothing: SubjectPatch = patch(serde_json::json!({}))?;
    state
        .subjects
        .update_own(session.actor(), id, Some(precondition), &nothing, &patches)
        .await
}

pub async fn remove_address(
    State(state): State<AppState>,
    session: Session,
    Path((id, address)): Path<(Uuid, Uuid)>,
    Form(form): Form<VersionedForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let result = state
        .subjects
        .remove_address(session.actor(), id, address, Some(&form.precondition()))
        .await;
    finish(&state, &session, id, &format!("address-{address}"), result).await
}
