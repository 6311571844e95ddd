//! The audit log: the change log newest first (the API's read), filtered
//! by subject and actor, each change with its before and after side by
//! side, field by field.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::{Session, api_error_page, error_page, layout};
use crate::http::AppState;
use crate::model::percent_encode;
use crate::store::{Change, ChangeQuery};

const PAGE: u32 = 50;
/// Changed fields shown per change; the rest are counted.
const SHOWN: usize = 100;

#[derive(Deserialize)]
pub struct AuditParams {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    actor: String,
    cursor: Option<i64>,
}

/// `/admin/audit?subject=…&actor=…&cursor=…`.
pub async fn page(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<AuditParams>,
) -> Response {
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "The audit log needs an admin token.",
        );
    }
    let subject_text = params.subject.trim();
    let actor = params.actor.trim();
    let subject = if subject_text.is_empty() {
        Ok(None)
    } else {
        Uuid::parse_str(subject_text)
            .map(Some)
            .map_err(|_| "A subject id is a UUID, as in the subject page's address.")
    };
    let changes = match &subject {
        Err(_) => Vec::new(),
        Ok(subject) => match state
            .store
            .changes(&ChangeQuery {
                subject: *subject,
                actor: (!actor.is_empty()).then(|| actor.to_owned()),
                cursor: params.cursor,
                limit: PAGE,
                descending: true,
            })
            .await
        {
            Ok(c) => c,
            Err(e) => return api_error_page(e.into(), Some(&session)),
        },
    };
    let next = (changes.len() == PAGE as usize)
        .then(|| changes.last().map(|c| c.serial))
        .flatten();
    let subject_error = subject.as_ref().err();
    let body = html! {
        h1 { "Audit log" }
        form method="get" action="/admin/audit" role="search" id="audit-filter" {
            label for="audit-subject" { "Subject id" }
            input type="text" id="audit-subject" name="subject" value=(subject_text) size="38"
                aria-describedby=[subject_error.map(|_| "subject-error")];
            @if let Some(e) = subject_error {
                p.error id="subject-error" role="alert" { (e) }
            }
            label for="audit-actor" { "Actor (token name)" }
            input type="text" id="audit-actor" name="actor" value=(actor) size="30";
            " "
            button type="submit" id="filter" { "Filter" }
        }
        @if changes.is_empty() && subject_error.is_none() {
            p.muted { "No change matches." }
        }
        ol.audit id="audit" {
            @for c in &changes {
                (entry(c))
            }
        }
        @if let Some(next) = next {
            p { a rel="next" href={ "/admin/audit?subject=" (percent_encode(subject_text))
                "&actor=" (percent_encode(actor)) "&cursor=" (next) } { "Older changes" } }
        }
    };
    layout("Audit log", Some(&session), body).into_response()
}

fn entry(c: &Change) -> Markup {
    let diff = diff(c.before.as_ref(), c.after.as_ref());
    html! {
        li data-serial=(c.serial) {
            p {
                strong { (c.operation) } " by " span.actor { (c.actor) }
                " at " (c.at.format("%Y-%m-%d %H:%M:%S UTC")) " · serial " (c.serial)
                @if let Some(id) = c.subject_id {
                    " · " a href={ "/admin/subjects/" (id) } { "subject" }
                    " (" a href={ "/admin/audit?subject=" (id) } { "its history" } ")"
                }
            }
            @if diff.is_empty() {
                p.muted { "No field changed." }
            } @else {
                table.diff {
                    caption.visually-hidden { "Changed fields of serial " (c.serial) }
                    thead { tr { th scope="col" { "Field" } th scope="col" { "Before" } th scope="col" { "After" } } }
                    tbody {
                        @for (field, before, after) in diff.iter().take(SHOWN) {
                            tr {
                                th scope="row" { code { (field) } }
                                td.before { @if let Some(v) = before { code { (v) } } @else { span.muted { "—" } } }
                                td.after { @if let Some(v) = after { code { (v) } } @else { span.muted { "—" } } }
                            }
                        }
                    }
                }
                @if diff.len() > SHOWN {
                    p.muted { "and " (diff.len() - SHOWN) " more changed fields." }
                }
            }
        }
    }
}

/// Every leaf of a JSON document by its path (`addresses[1].visibility`).
fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The fields whose values differ between `before` and `after`, in path
/// order: (path, before, after); a field only one side has is None on the
/// other.
pub fn diff(
    before: Option<&Value>,
    after: Option<&Value>,
) -> Vec<(String, Option<String>, Option<String>)> {
    let mut old = BTreeMap::new();
    let mut new = BTreeMap::new();
    if let Some(v) = before {
        flatten("", v, &mut old);
    }
    if let Some(v) = after {
        flatten("", v, &mut new);
    }
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| old.get(*p) != new.get(*p))
        .map(|p| (p.clone(), old.get(p).cloned(), new.get(p).cloned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::diff;
    use serde_json::json;

    #[test]
    fn only_changed_fields_are_listed_with_both_sides() {
        let before = json!({"display_name": "A", "version": 1,
            "addresses": [{"uri": "tel:+1", "visibility": "public"}]});
        let after = json!({"display_name": "A", "version": 2,
            "addresses": [{"uri": "tel:+1", "visibility": "private"}, {"uri": "sip:a@b"}]});
        let d = diff(Some(&before), Some(&after));
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(
            d,
            vec![
                ("addresses[0].visibility".into(), s("public"), s("private")),
                ("addresses[1].uri".into(), None, s("sip:a@b")),
                ("version".into(), s("1"), s("2")),
            ]
        );
        // A creation lists everything on the after side.
        assert_eq!(diff(None, Some(&before)).len(), 4);
        assert!(diff(Some(&before), Some(&before)).is_empty());
    }
}
