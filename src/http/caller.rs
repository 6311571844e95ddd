//! What PBXs and address books fetch by HTTP: a caller's name by number
//! (`/cnam`, plain text as FreeSWITCH `mod_cidlookup` and Asterisk `CURL()`
//! read it) and a subject's vCard (`/vcard/<handle>@<domain>.vcf`, the URL
//! ENUM's `E2U+vcard` records and the JRD's `alternate` link point to).
//!
//! Both answer from the directory through the privacy function, like
//! WebFinger: anonymous callers spend a rate-limit token, a token may see
//! more, and a hidden key answers exactly what an unknown key answers.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::problem::responses::{RateLimited, Unauthorized, Unavailable};
use super::problem::{ApiError, Problem};
use super::webfinger::{admit_ready, percent_decode, request_host, respond_cached};
use crate::model::{Acct, DirectoryKey, VCARD_PATH, project, visible_name};
use crate::resolve::{Answer, format};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(caller_name))
        .routes(routes!(vcard))
}

const PLAIN: &str = "text/plain; charset=utf-8";

/// The caller name of a number: the display name of the subject the number
/// belongs to (for a number of a block, its owner's), as plain text.
///
/// 404 when the number is unknown, not a key this caller may use, or its
/// subject's name is hidden from this caller or empty: the same answer.
#[utoipa::path(get, path = "/cnam", tag = "webfinger",
    params(("number" = String, Query, min_length = 1, format = "e164",
        description = "The calling number: `+12125550100` (a literal `+` stays a plus), \
                       `12125550100` or `tel:+12125550100`")),
    security((), ("bearer" = [])),
    responses(
        (status = 200, body = String, content_type = "text/plain",
            description = "The caller name, UTF-8, without a line end"),
        (status = 304, description = "If-None-Match matched"),
        (status = 400, body = Problem, description = "`number` missing, repeated or not a number"),
        (status = 404, body = Problem, description = "Unknown, hidden or nameless: the same answer"),
        Unauthorized, RateLimited, Unavailable,
    ))]
pub async fn caller_name(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let result = async {
        let viewer = admit_ready(&state, peer, &parts).await?;
        let key = number_key(parts.uri.query().unwrap_or(""))?;
        let directory = state
            .tenants
            .view(&state.directory, request_host(&parts.headers, &parts.uri));
        let subject = directory.get(&key).ok_or(ApiError::NotFound)?;
        let name = project(&subject, &key, viewer)
            .and_then(|p| visible_name(p.subject, viewer))
            .filter(|name| !name.is_empty())
            .ok_or(ApiError::NotFound)?;
        Ok::<_, ApiError>(respond_cached(
            &state,
            viewer,
            &parts.headers,
            PLAIN,
            name.as_bytes().to_vec(),
        ))
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

/// `number` exactly once, as a canonical `tel:` key. Other parameters are
/// ignored: PBX templates add their own.
fn number_key(query: &str) -> Result<String, ApiError> {
    let mut number = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if percent_decode(name)? == "number" && number.replace(percent_decode(value)?).is_some() {
            return Err(ApiError::field("number", "given more than once"));
        }
    }
    let number = number
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::field("number", "missing"))?;
    let uri = if number.starts_with("tel:") {
        number
    } else if number.starts_with('+') {
        format!("tel:{number}")
    } else {
        format!("tel:+{number}")
    };
    DirectoryKey::parse(&uri)
        .map(DirectoryKey::into_string)
        .map_err(|e| ApiError::field("number", e))
}

/// A subject's vCard 4.0: what lookup's `format=vcard` answers for its
/// `acct:` URI, from the directory alone.
#[utoipa::path(get, path = "/vcard/{file}", tag = "webfinger",
    params(("file" = String, Path, description = "`<handle>@<domain>.vcf`",
        example = "alice@example.com.vcf")),
    security((), ("bearer" = [])),
    responses(
        (status = 200, body = String, content_type = "text/vcard"),
        (status = 304, description = "If-None-Match matched"),
        (status = 404, body = Problem, description = "Unknown or hidden: the same answer"),
        Unauthorized, RateLimited, Unavailable,
    ))]
pub async fn vcard(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let result = async {
        let viewer = admit_ready(&state, peer, &parts).await?;
        // Read from the path as sent: a file name that does not decode is
        // unknown like any other, not a malformed request.
        let file = parts
            .uri
            .path()
            .strip_prefix(VCARD_PATH)
            .and_then(|f| crate::model::percent_decode(f).ok())
            .ok_or(ApiError::NotFound)?;
        let key = file
            .strip_suffix(".vcf")
            .and_then(|acct| Acct::parse(&format!("acct:{acct}")).ok())
            .ok_or(ApiError::NotFound)?
            .to_string();
        let directory = state
            .tenants
            .view(&state.directory, request_host(&parts.headers, &parts.uri));
        let subject = directory.get(&key).ok_or(ApiError::NotFound)?;
        let projection = project(&subject, &key, viewer).ok_or(ApiError::NotFound)?;
        let domain = state.directory.domain_profile(subject.domain.as_str());
        let answer = Answer::local(key, &projection, domain.as_deref(), viewer);
        Ok::<_, ApiError>(respond_cached(
            &state,
            viewer,
            &parts.headers,
            format::VCARD,
            format::vcard(&answer).into_bytes(),
        ))
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_with_or_without_plus() {
        for query in [
            "number=+12125550100",
            "number=%2B12125550100",
            "number=12125550100",
            "number=tel:+1-212-555-0100",
            "name=x&number=+12125550100",
        ] {
            assert_eq!(number_key(query).unwrap(), "tel:+12125550100", "{query}");
        }
        for bad in ["", "number=", "number=abc", "number=+1&number=+1"] {
            assert!(number_key(bad).is_err(), "{bad}");
        }
    }
}
