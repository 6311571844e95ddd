//! A subject's links and properties on its page: listed, added, removed,
//! their visibility changed, each through the subject's merge patch with
//! the page's version as `If-Match` (the API's `PATCH` path).

use std::str::FromStr;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use super::subjects::{FormError, finish, finish_keeping};
use super::{Session, error_page};
use crate::http::AppState;
use crate::model::{DocumentLink, FieldError, Subject, SubjectPatch, Visibility};
use crate::service::{EntityTag, IfMatch, ServiceError};

/// The title language of a link added here: undetermined (RFC 5646).
const TITLE_LANGUAGE: &str = "und";

/// The visibility of one link or property, as its controls show it.
struct Control<'a> {
    /// Where the form posts.
    action: String,
    /// Posted along when given (a property's name).
    key: Option<&'a str>,
    /// What the controls are of, in words.
    what: &'a str,
    /// The prefix of the controls' `data-test` and ids.
    test: String,
    current: Visibility,
}

/// The visibility buttons of one link or property, and the choice of an
/// audience when there are any.
fn visibility_control(
    session: &Session,
    version: &str,
    audiences: &[String],
    control: Control<'_>,
) -> Markup {
    let Control {
        action,
        key,
        what,
        test,
        current,
    } = control;
    let current = current.to_string();
    let hidden = html! {
        (session.csrf_field())
        input type="hidden" name="version" value=(version);
        @if let Some(key) = key { input type="hidden" name="key" value=(key); }
    };
    html! {
        form method="post" action=(action) aria-label={ "Visibility of " (what) } {
            (hidden)
            @for v in ["public", "authenticated", "private"] {
                button type="submit" name="visibility" value=(v)
                    aria-pressed=(if current == v { "true" } else { "false" })
                    data-test={ (test) "-" (v) } { (v) }
            }
        }
        @if !audiences.is_empty() {
            form method="post" action=(action) aria-label={ "Audience of " (what) } {
                (hidden)
                label.visually-hidden for={ (test) "-audience" } { "Audience to show " (what) " to" }
                select id={ (test) "-audience" } name="visibility" {
                    @for name in audiences {
                        @let v = format!("audience:{name}");
                        option value=(v) selected[current == v] { (v) }
                    }
                }
                button type="submit" data-test={ (test) "-audience" }
                    aria-pressed=(if current.starts_with("audience:") { "true" } else { "false" }) { "Show to it" }
            }
        }
        @if !matches!(current.as_str(), "public" | "authenticated" | "private") {
            div.muted data-test=(test) { (current) }
        }
    }
}

/// The error of `form` when it concerns the member `member` of the
/// element (`links[3].href` concerns `href`), else None.
fn beside<'a>(error: Option<&'a FormError>, form: &str, member: &str) -> Option<&'a FormError> {
    error.filter(|e| {
        e.form == form
            && e.field
                .as_deref()
                .and_then(|f| f.split_once("]."))
                .map(|(_, m)| m.split('.').next() == Some(member))
                .unwrap_or(false)
    })
}

/// An error paragraph naming the API's field.
fn error_text(e: &FormError, id: &str) -> Markup {
    html! {
        p.error id=(id) role="alert" {
            @if let Some(field) = &e.field { code { (field) } ": " }
            (e.message)
        }
    }
}

/// The links and properties section of a subject's page.
pub(super) fn section(
    session: &Session,
    subject: &Subject,
    audiences: &[String],
    error: Option<&FormError>,
) -> Markup {
    let version = subject.version.to_string();
    let base = format!("/admin/subjects/{}", subject.id);
    let error_for = |form: &str| error.filter(|e| e.form == form);
    let add = "link-add";
    // An error of the add form that names no member shown there.
    let add_other = error_for(add).filter(|_| {
        ["rel", "href", "template", "type", "titles", "visibility"]
            .iter()
            .all(|m| beside(error, add, m).is_none())
    });
    let add_field = |member: &str, id: &str| {
        html! {
            @if let Some(e) = beside(error, add, member) { (error_text(e, id)) }
        }
    };
    let described = |member: &str, id: &'static str| beside(error, add, member).map(|_| id);
    let kept = |name: &str| error.and_then(|e| e.kept(name));
    if !session.is_admin() {
        return read_only(subject);
    }
    html! {
        h2 { "Links" }
        @if subject.links.is_empty() {
            p.muted id="no-links" { "No link." }
        } @else {
            table id="links" {
                thead { tr { th { "Relation" } th { "Target" } th { "Type" } th { "Titles" } th { "Visible to" } th { "Remove" } } }
                tbody {
                    @for (i, l) in subject.links.iter().enumerate() {
                        @let action = format!("{base}/links/{i}");
                        @let target = l.href.as_deref().or(l.template.as_deref()).unwrap_or_default();
                        @let what = format!("the {} link", l.rel);
                        tr id={ "link-" (i) } {
                            td { code { (l.rel) } }
                            td { code { (target) } @if l.template.is_some() { " " span.muted { "(template)" } } }
                            td { @if let Some(t) = &l.media_type { code { (t) } } }
                            td { @for (lang, title) in &l.titles { div { span.muted { (lang) ": " } (title) } } }
                            td { (visibility_control(session, &version, audiences, Control {
                                    action: action.clone(), key: None, what: &what,
                                    test: format!("link-{i}-visibility"), current: l.visibility,
                                })) }
                            td {
                                form method="post" action={ (action) "/delete" } {
                                    (session.csrf_field())
                                    input type="hidden" name="version" value=(version);
                                    button.danger type="submit" aria-label={ "Remove " (what) } { "Remove" }
                                }
                            }
                        }
                        @if let Some(e) = error_for(&format!("link-{i}")) {
                            tr { td colspan="6" { (error_text(e, &format!("link-{i}-error"))) } }
                        }
                    }
                }
            }
        }
        h3 { "Add a link" }
        form method="post" action={ (base) "/links" } id="add-link" {
            (session.csrf_field())
            input type="hidden" name="version" value=(version);
            label for="link-rel" { "Relation (a registered name such as " code { "self" } ", or a URI)" }
            input type="text" id="link-rel" name="rel" value=[kept("rel")] size="50" required
                aria-describedby=[described("rel", "link-rel-error")];
            (add_field("rel", "link-rel-error"))
            label for="link-href" { "Target (https:, acct:, mailto:, xmpp:, sip:, tel:, …)" }
            input type="text" id="link-href" name="href" value=[kept("href")] size="50" required
                aria-describedby=[described("href", "link-href-error").or(described("template", "link-href-error"))];
            (add_field("href", "link-href-error"))
            (add_field("template", "link-href-error"))
            label for="link-type" { "Media type (optional)" }
            input type="text" id="link-type" name="type" value=[kept("type")] size="30"
                aria-describedby=[described("type", "link-type-error")];
            (add_field("type", "link-type-error"))
            label for="link-title" { "Title (optional)" }
            input type="text" id="link-title" name="title" value=[kept("title")] size="40"
                aria-describedby=[described("titles", "link-title-error")];
            (add_field("titles", "link-title-error"))
            label for="link-visibility" { "Visible to" }
            select id="link-visibility" name="visibility"
                aria-describedby=[described("visibility", "link-visibility-error")] {
                (super::audiences::visibility_options(audiences, kept("link-visibility").unwrap_or("public")))
            }
            (add_field("visibility", "link-visibility-error"))
            " "
            button type="submit" id="add-link-submit" { "Add" }
            @if let Some(e) = add_other { (error_text(e, "link-add-error")) }
        }
        h2 { "Properties" }
        @if subject.properties.is_empty() {
            p.muted id="no-properties" { "No property." }
        } @else {
            table id="properties" {
                thead { tr { th { "Property" } th { "Value" } th { "Visible to" } th { "Remove" } } }
                tbody {
                    @for (i, (key, p)) in subject.properties.iter().enumerate() {
                        @let what = format!("the property {key}");
                        tr id={ "property-" (i) } data-key=(key) {
                            td { code { (key) } }
                            td { @match &p.value { Some(v) => (v), None => span.muted { "null" } } }
                            td { (visibility_control(session, &version, audiences, Control {
                                    action: format!("{base}/properties/visibility"), key: Some(key), what: &what,
                                    test: format!("property-{i}-visibility"), current: p.visibility,
                                })) }
                            td {
                                form method="post" action={ (base) "/properties/delete" } {
                                    (session.csrf_field())
                                    input type="hidden" name="version" value=(version);
                                    input type="hidden" name="key" value=(key);
                                    button.danger type="submit" aria-label={ "Remove " (what) } { "Remove" }
                                }
                            }
                        }
                        @if let Some(e) = error_for(&format!("property-{key}")) {
                            tr { td colspan="4" { (error_text(e, &format!("property-{i}-error"))) } }
                        }
                    }
                }
            }
        }
        h3 { "Add or replace a property" }
        @let property_error = error_for("property-add");
        form method="post" action={ (base) "/properties" } id="add-property" {
            (session.csrf_field())
            input type="hidden" name="version" value=(version);
            label for="property-key" { "Property (a URI)" }
            input type="text" id="property-key" name="key" value=[kept("key")] size="50" required
                aria-describedby=[property_error.map(|_| "property-key-error")];
            @if let Some(e) = property_error { (error_text(e, "property-key-error")) }
            label for="property-value" { "Value (empty for null)" }
            input type="text" id="property-value" name="value" value=[kept("value")] size="40";
            label for="property-visibility" { "Visible to" }
            select id="property-visibility" name="visibility" {
                (super::audiences::visibility_options(audiences, kept("property-visibility").unwrap_or("public")))
            }
            " "
            button type="submit" id="add-property-submit" { "Save" }
        }
    }
}

/// The links and properties as a session that may not change them sees
/// them (its own subject's, on a `self` session).
fn read_only(subject: &Subject) -> Markup {
    html! {
        h2 { "Links" }
        @if subject.links.is_empty() {
            p.muted id="no-links" { "No link." }
        } @else {
            table id="links" {
                thead { tr { th { "Relation" } th { "Target" } th { "Type" } th { "Visible to" } } }
                tbody {
                    @for (i, l) in subject.links.iter().enumerate() {
                        tr id={ "link-" (i) } {
                            td { code { (l.rel) } }
                            td { code { (l.href.as_deref().or(l.template.as_deref()).unwrap_or_default()) } }
                            td { @if let Some(t) = &l.media_type { code { (t) } } }
                            td { (l.visibility) }
                        }
                    }
                }
            }
        }
        h2 { "Properties" }
        @if subject.properties.is_empty() {
            p.muted id="no-properties" { "No property." }
        } @else {
            table id="properties" {
                thead { tr { th { "Property" } th { "Value" } th { "Visible to" } } }
                tbody {
                    @for (i, (key, p)) in subject.properties.iter().enumerate() {
                        tr id={ "property-" (i) } {
                            td { code { (key) } }
                            td { @match &p.value { Some(v) => (v), None => span.muted { "null" } } }
                            td { (p.visibility) }
                        }
                    }
                }
            }
        }
        p.muted { "Links and properties are changed by an admin." }
    }
}

#[derive(Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    rel: String,
    #[serde(default)]
    href: String,
    #[serde(default, rename = "type")]
    media_type: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    key: String,
    #[serde(default)]
    value: String,
}

impl DocumentForm {
    fn precondition(&self) -> IfMatch {
        IfMatch::Tags(vec![EntityTag {
            weak: false,
            opaque: self.version.trim().to_owned(),
        }])
    }

    /// The posted visibility, or the error of `field`.
    fn visibility(&self, field: &str) -> Result<Visibility, ServiceError> {
        Visibility::from_str(self.visibility.trim()).map_err(|e| FieldError::new(field, e).into())
    }
}

/// The form token, then the role: links and properties stay with admins
/// (as on `/api/v1/me`). The refusal when one fails.
fn admit(session: &Session, _id: Uuid, form: &DocumentForm) -> Option<Response> {
    session.check_csrf(&form.csrf).or_else(|| {
        (!session.is_admin()).then(|| {
            error_page(
                StatusCode::FORBIDDEN,
                Some(session),
                "Links and properties are changed with an admin token.",
            )
        })
    })
}

/// A merge patch of the subject, from its JSON.
fn merge(value: serde_json::Value, field: &str) -> Result<SubjectPatch, ServiceError> {
    serde_json::from_value(value).map_err(|e| FieldError::new(field, e.to_string()).into())
}

/// Apply `change` to the subject's links as stored at the form's version,
/// and write them back with that version as the precondition.
async fn change_links(
    state: &AppState,
    session: &Session,
    id: Uuid,
    form: &DocumentForm,
    change: impl FnOnce(&mut Vec<DocumentLink>) -> Result<(), ServiceError>,
) -> Result<Subject, ServiceError> {
    let precondition = form.precondition();
    let subject = state.store.subject(id).await?;
    IfMatch::check(Some(&precondition), subject.version)?;
    let mut links = subject.links;
    change(&mut links)?;
    let patch = merge(serde_json::json!({ "links": links }), "links")?;
    state
        .subjects
        .update(session.actor(), id, Some(&precondition), &patch)
        .await
}

pub async fn add_link(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let result = change_links(&state, &session, id, &form, |links| {
        let at = format!("links[{}]", links.len());
        let mut link = serde_json::json!({
            "rel": form.rel.trim(),
            "href": form.href.trim(),
            "visibility": form.visibility(&format!("{at}.visibility"))?,
        });
        if !form.media_type.trim().is_empty() {
            link["type"] = form.media_type.trim().into();
        }
        if !form.title.trim().is_empty() {
            link["titles"] = serde_json::json!({ TITLE_LANGUAGE: form.title.trim() });
        }
        let link: DocumentLink = serde_json::from_value(link)
            .map_err(|e| FieldError::new(at.as_str(), e.to_string()))?;
        links.push(link);
        Ok(())
    })
    .await;
    let kept = vec![
        ("rel", form.rel),
        ("href", form.href),
        ("type", form.media_type),
        ("title", form.title),
        ("link-visibility", form.visibility),
    ];
    finish_keeping(&state, &session, id, "link-add", result, kept).await
}

pub async fn change_link(
    State(state): State<AppState>,
    session: Session,
    Path((id, index)): Path<(Uuid, usize)>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let result = change_links(&state, &session, id, &form, |links| {
        let visibility = form.visibility(&format!("links[{index}].visibility"))?;
        let link = links.get_mut(index).ok_or(ServiceError::NotFound)?;
        link.visibility = visibility;
        Ok(())
    })
    .await;
    finish(&state, &session, id, &format!("link-{index}"), result).await
}

pub async fn remove_link(
    State(state): State<AppState>,
    session: Session,
    Path((id, index)): Path<(Uuid, usize)>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let result = change_links(&state, &session, id, &form, |links| {
        if index >= links.len() {
            return Err(ServiceError::NotFound);
        }
        links.remove(index);
        Ok(())
    })
    .await;
    finish(&state, &session, id, &format!("link-{index}"), result).await
}

/// Merge `value` (a property, or null to remove it) as the property
/// `key`, with the form's version as the precondition.
async fn merge_property(
    state: &AppState,
    session: &Session,
    id: Uuid,
    form: &DocumentForm,
    key: &str,
    value: serde_json::Value,
) -> Result<Subject, ServiceError> {
    let mut properties = serde_json::Map::new();
    properties.insert(key.to_owned(), value);
    let patch = merge(
        serde_json::json!({ "properties": properties }),
        &format!("properties.{key}"),
    )?;
    state
        .subjects
        .update(session.actor(), id, Some(&form.precondition()), &patch)
        .await
}

pub async fn set_property(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let key = form.key.trim();
    let result = match form.visibility(&format!("properties.{key}")) {
        Ok(visibility) => {
            let value = Some(form.value.trim()).filter(|v| !v.is_empty());
            let property = serde_json::json!({ "value": value, "visibility": visibility });
            merge_property(&state, &session, id, &form, key, property).await
        }
        Err(e) => Err(e),
    };
    let kept = vec![
        ("key", form.key),
        ("value", form.value),
        ("property-visibility", form.visibility),
    ];
    finish_keeping(&state, &session, id, "property-add", result, kept).await
}

pub async fn change_property(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let key = form.key.as_str();
    let result = async {
        let visibility = form.visibility(&format!("properties.{key}"))?;
        let subject = state.store.subject(id).await?;
        IfMatch::check(Some(&form.precondition()), subject.version)?;
        let current = subject.properties.get(key).ok_or(ServiceError::NotFound)?;
        let property = serde_json::json!({ "value": current.value, "visibility": visibility });
        merge_property(&state, &session, id, &form, key, property).await
    }
    .await;
    finish(&state, &session, id, &format!("property-{key}"), result).await
}

pub async fn remove_property(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<DocumentForm>,
) -> Response {
    if let Some(r) = admit(&session, id, &form) {
        return r;
    }
    let key = form.key.as_str();
    let result = async {
        let subject = state.store.subject(id).await?;
        IfMatch::check(Some(&form.precondition()), subject.version)?;
        if !subject.properties.contains_key(key) {
            return Err(ServiceError::NotFound);
        }
        merge_property(&state, &session, id, &form, key, serde_json::Value::Null).await
    }
    .await;
    finish(&state, &session, id, &format!("property-{key}"), result).await
}
