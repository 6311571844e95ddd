//! The overview: subjects, the change log, the database, the zones with
//! their DNSSEC state and DS, and the latest changes.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::{Session, api_error_page, error_page, layout};
use crate::http::AppState;
use crate::http::admin::dnssec::view;
use crate::http::admin::replicas::replica_list;
use crate::store::ChangeQuery;

pub async fn page(State(state): State<AppState>, session: Session) -> Response {
    if !session.is_admin() {
        return error_page(
            StatusCode::FORBIDDEN,
            Some(&session),
            "The overview needs an admin token.",
        );
    }
    let changes = match state
        .store
        .changes(&ChangeQuery {
            subject: None,
            actor: None,
            cursor: None,
            limit: 20,
            descending: true,
        })
        .await
    {
        Ok(c) => c,
        Err(e) => return api_error_page(e.into(), Some(&session)),
    };
    let dns = &state.config.dns;
    let mut zones = Vec::new();
    for zone in dns.zones.iter() {
        let name = zone.to_string();
        let signed = dns.dnssec.iter().any(|z| z == zone);
        let keys = if signed {
            match state.dnssec.keys(&name).await {
                Ok(Some(keys)) => view(&name, &keys, dns.ttl)
                    .map(|v| Some(v.ds))
                    .unwrap_or(None),
                _ => None,
            }
        } else {
            None
        };
        zones.push((name, signed, keys));
    }
    let degraded = state.directory.is_degraded();
    let applied = state.directory.serial();
    // The newest serial in the database's change log: how far behind it
    // this process is (a replica follows it by polling).
    let newest = state.store.last_serial().await.ok();
    // Every replica's heartbeat; unavailable with the database.
    let replicas = replica_list(&state).await.ok();
    let now = chrono::Utc::now();
    let soa: std::collections::HashMap<String, u32> = state
        .dns
        .zone_serials()
        .into_iter()
        .map(|(apex, serial)| (apex.trim_end_matches('.').to_ascii_lowercase(), serial))
        .collect();
    let body = html! {
        h1 { "Overview" }
        dl id="overview" {
            dt { "Subjects" } dd id="subject-count" { (state.directory.len()) }
            dt { "Published numbers" } dd id="number-count" { (state.dns.published_numbers()) }
            dt { "Change-log serial applied by this process" } dd id="serial" { (applied) }
            dt { "Newest serial in the database" } dd id="db-serial" {
                @match newest {
                    Some(n) => {
                        (n)
                        @if n > applied { " (this process is " span id="lag" { (n - applied) } " changes behind)" }
                        @else { " (caught up)" }
                    }
                    None => "unknown: the database did not answer",
                }
            }
            dt { "Database" } dd id="database" { @if degraded { "degraded: writes fail, reads are served from memory" } @else { "ok" } }
        }
        h2 { "Replicas" }
        @match &replicas {
            None => p.muted { "Unknown: the database did not answer." },
            Some(list) if list.items.is_empty() => p.muted {
                "No replica has written a heartbeat (directory.heartbeat_interval_ms is 0 on all of them)."
            },
            Some(list) => table id="replicas" {
                thead { tr {
                    th { "Replica" } th { "Serial applied" } th { "Behind" } th { "State" }
                    th { "Last heartbeat" } th { "Started" } th { "Version" }
                } }
                tbody {
                    @for r in &list.items {
                        tr data-replica=(r.status.name) {
                            td { (r.status.name) }
                            td.serial { (r.status.serial) }
                            td.behind { (r.behind) }
                            td.state {
                                @if r.silent { "silent" }
                                @else if !r.status.ready { "loading" }
                                @else { "ready" }
                                @if let Some(lag) = r.status.standby_lag_serials { " (standby " (lag) " behind)" }
                            }
                            td { (ago(now, r.status.seen_at)) }
                            td { (r.status.started_at.format("%Y-%m-%d %H:%M:%S")) }
                            td { (r.status.version) }
                        }
                    }
                }
            },
        }
        h2 { "Zones" }
        @if zones.is_empty() {
            p.muted { "No ENUM zone is configured (dns.zones)." }
        } @else {
            table id="zones" {
                thead { tr { th { "Zone" } th { "SOA serial" } th { "DNSSEC" } th { "DS for the parent" } } }
                tbody {
                    @for (name, signed, ds) in &zones {
                        tr data-zone=(name) {
                            td { (name) }
                            td.soa-serial { @match soa.get(&name.trim_end_matches('.').to_ascii_lowercase()) { Some(s) => (s), None => "—" } }
                            td { @if *signed { "signed" } @else { "unsigned" } }
                            td { @if let Some(ds) = ds { code { (ds) } } @else { "—" } }
                        }
                    }
                }
            }
        }
        h2 { "Recent changes" }
        table id="changes" {
            thead { tr { th { "Serial" } th { "When" } th { "Who" } th { "What" } th { "Subject" } } }
            tbody {
                @for c in &changes {
                    tr {
                        td { (c.serial) }
                        td { (c.at.format("%Y-%m-%d %H:%M:%S")) }
                        td { (c.actor) }
                        td { (c.operation) }
                        td { @if let Some(id) = c.subject_id { a href={ "/admin/subjects/" (id) } { (id) } } }
                    }
                }
            }
        }
    };
    layout("Overview", Some(&session), body).into_response()
}

/// How long ago `then` was, in whole seconds (or minutes past two).
fn ago(now: chrono::DateTime<chrono::Utc>, then: chrono::DateTime<chrono::Utc>) -> String {
    let secs = (now - then).num_seconds().max(0);
    if secs < 120 {
        format!("{secs} s ago")
    } else {
        format!("{} min ago", secs / 60)
    }
}
