//! Domain profiles, read only: the links and properties every subject of
//! a domain publishes (changed through `/api/v1/domains`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::{Session, api_error_page, error_page, layout};
use crate::http::AppState;

pub async fn list(State(state): State<AppState>, session: Session) -> Response {
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "Domain profiles are read with an admin token.",
        );
    }
    let profiles = match state.store.domain_profiles().await {
        Ok(p) => p,
        Err(e) => return api_error_page(e.into(), Some(&session)),
    };
    let body = html! {
        h1 { "Domain profiles" }
        p.muted { "Links and properties every subject of a domain publishes, unless the subject has its own
            with the same relation or name. Changed through " code { "PUT /api/v1/domains/{domain}" } "." }
        @if profiles.is_empty() {
            p.muted id="no-domains" { "No domain profile." }
        }
        @for p in &profiles {
            @let domain = p.domain.as_str();
            section.domain id={ "domain-" (domain) } aria-label=(domain) {
                h2 { (domain) }
                p.muted { "Version " (p.version) ", updated " (p.updated_at.format("%Y-%m-%d %H:%M:%S UTC")) }
                @if p.links.is_empty() {
                    p.muted { "No link." }
                } @else {
                    table aria-label={ "Links of " (domain) } {
                        thead { tr { th { "Relation" } th { "Target" } th { "Type" } th { "Visible to" } } }
                        tbody {
                            @for l in &p.links {
                                tr {
                                    td { code { (l.rel) } }
                                    td { code { (l.href.as_deref().or(l.template.as_deref()).unwrap_or_default()) } }
                                    td { @if let Some(t) = &l.media_type { code { (t) } } }
                                    td { (l.visibility) }
                                }
                            }
                        }
                    }
                }
                @if p.properties.is_empty() {
                    p.muted { "No property." }
                } @else {
                    table aria-label={ "Properties of " (domain) } {
                        thead { tr { th { "Property" } th { "Value" } th { "Visible to" } } }
                        tbody {
                            @for (key, v) in &p.properties {
                                tr {
                                    td { code { (key) } }
                                    td { @match &v.value { Some(v) => (v), None => span.muted { "null" } } }
                                    td { (v.visibility) }
                                }
                            }
                        }
                    }
                }
                @if p.xmpp_websocket.is_some() || p.xmpp_bosh.is_some() {
                    dl {
                        @if let Some(w) = &p.xmpp_websocket { dt { "XMPP over WebSocket" } dd { code { (w) } } }
                        @if let Some(b) = &p.xmpp_bosh { dt { "XMPP over BOSH" } dd { code { (b) } } }
                    }
                }
            }
        }
    };
    layout("Domain profiles", Some(&session), body).into_response()
}
