//! WebFinger (RFC 7033) and host-meta (RFC 6415), answered from the
//! directory only.
//!
//! The query string is parsed here, not by a form decoder: RFC 3986
//! percent-decoding keeps a literal `+` a plus, so `resource=tel:+1…` works
//! encoded or not.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::ToSchema;

use super::AppState;
use super::auth::caller;
use super::problem::responses::{RateLimited, Unauthorized, Unavailable};
use super::problem::{ApiError, Problem};
use crate::model::jrd::{JRD, Jrd, Link, NAME, rel};
use crate::model::{DirectoryKey, Kind, Projection, Viewer, project};

/// Which listener a request came through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

/// The well-known routes; `Access-Control-Allow-Origin: *` on every
/// response, errors included.
pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/.well-known/webfinger", get(webfinger).options(preflight))
        .route("/.well-known/host-meta", get(host_meta).options(preflight))
        .route(
            "/.well-known/host-meta.json",
            get(host_meta_json).options(preflight),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ))
}

async fn preflight() -> Response {
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS"),
            (
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                "Authorization, If-None-Match",
            ),
            (header::ACCESS_CONTROL_MAX_AGE, "86400"),
        ],
    )
        .into_response()
}

/// Look a resource up: the subject's JRD for this viewer.
#[utoipa::path(get, path = "/.well-known/webfinger", tag = "webfinger",
    params(("resource" = String, Query, min_length = 1, format = "lookup-key",
                description = "Any discoverable address: acct:, sip:, sips:, xmpp:, tel:, mailto:"),
           ("rel" = Option<Vec<String>>, Query, description = "Repeatable; filters links")),
    security((), ("bearer" = [])),
    responses((status = 200, body = Jrd, content_type = "application/jrd+json"),
              (status = 304, description = "If-None-Match matched"),
              (status = 400, body = Problem, description = "`resource` missing, repeated or malformed"),
              (status = 404, body = Problem, description = "Unknown or hidden: the same answer"),
              Unauthorized, RateLimited, Unavailable))]
pub async fn webfinger(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    answer(&state, peer, request)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn answer(
    state: &AppState,
    peer: SocketAddr,
    request: Request,
) -> Result<Response, ApiError> {
    let (parts, _) = request.into_parts();
    let viewer = admit(state, peer, &parts).await?;
    if !state.directory.is_ready() {
        return Err(ApiError::Unavailable);
    }
    let (resource, rels) = parse_query(&parts.uri)?;
    let directory = state
        .tenants
        .view(&state.directory, request_host(&parts.headers, &parts.uri));
    let render = |key: &str| {
        let subject = directory.get(key)?;
        let projection = project(&subject, key, viewer)?;
        Some(serde_json::to_vec(&jrd(&projection, &rels)).expect("JRDs serialise"))
    };
    // Most clients send canonical resources. Directory keys are canonical and
    // a canonical form parses to itself, so a resource found as given needs
    // no parsing (which costs more than the rest of the answer for `tel:`).
    // Only a visible answer leaves early: a hidden key goes on through the
    // parse like an unknown one, so the two stay one timing class.
    if let Some(body) = render(&resource) {
        return Ok(respond(state, viewer, &parts.headers, body));
    }
    let key = canonical_key(&resource)?;
    // Unknown and hidden keys take this one path to the same 404.
    let body = key.as_deref().and_then(render).ok_or(ApiError::NotFound)?;
    Ok(respond(state, viewer, &parts.headers, body))
}

/// Anonymous callers spend a rate-limit token; a token must be valid.
pub(crate) async fn admit(
    state: &AppState,
    peer: SocketAddr,
    parts: &axum::http::request::Parts,
) -> Result<Viewer, ApiError> {
    if !parts.headers.contains_key(header::AUTHORIZATION) {
        let ip = state.limiter.client_ip(peer, &parts.headers);
        state
            .limiter
            .check(ip)
            .map_err(|retry_after| ApiError::TooManyRequests { retry_after })?;
        return Ok(Viewer::Anonymous);
    }
    let caller = match caller(parts, state).await {
        Ok(c) => c,
        Err(e) => {
            // Failed guesses cost the client like anonymous requests.
            let ip = state.limiter.client_ip(peer, &parts.headers);
            let _ = state.limiter.check(ip);
            return Err(e);
        }
    };
    Ok(caller.viewer())
}

fn respond(state: &AppState, viewer: Viewer, headers: &HeaderMap, body: Vec<u8>) -> Response {
    let etag = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut h);
        format!("\"{:016x}\"", h.finish())
    };
    let max_age = state.config.webfinger.max_age;
    let cache = match viewer {
        Viewer::Anonymous => format!("public, max-age={max_age}"),
        Viewer::Token(_) => format!("private, max-age={max_age}"),
    };
    let matched = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == etag || t.trim() == "*");
    let mut response = if matched {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, JRD)], body).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, etag.parse().expect("hex is a header value"));
    h.insert(header::CACHE_CONTROL, cache.parse().expect("ascii"));
    h.insert(header::VARY, HeaderValue::from_static("Authorization"));
    response
}

fn jrd(p: &Projection<'_>, rels: &[String]) -> Jrd {
    let links = p
        .addresses
        .iter()
        .map(|a| Link {
            rel: rel(a.kind()).into(),
            // A ported number links in its RFC 4694 form, with its routing
            // number; `aliases` keep the number as the key it is.
            href: a.routed_uri().into_owned(),
            titles: a
                .label
                .clone()
                .map(|l| BTreeMap::from([("und".to_owned(), l)])),
        })
        .filter(|l| rels.is_empty() || rels.iter().any(|r| *r == l.rel))
        .collect();
    Jrd {
        subject: p.subject.subject_uri(),
        aliases: p.addresses.iter().map(|a| a.uri.to_string()).collect(),
        properties: BTreeMap::from([(NAME.to_owned(), Some(p.subject.display_name.clone()))]),
        links,
    }
}

/// `resource` (exactly once) and every `rel`, RFC 3986-decoded.
pub(crate) fn parse_query(uri: &Uri) -> Result<(String, Vec<String>), ApiError> {
    let mut resource = None;
    let mut rels = Vec::new();
    for pair in uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match percent_decode(name)?.as_str() {
            "resource" => {
                let previous = resource.replace(percent_decode(value)?);
                if previous.is_some() {
                    return Err(ApiError::field("resource", "given more than once"));
                }
            }
            "rel" => rels.push(percent_decode(value)?),
            _ => {}
        }
    }
    let resource = resource
        .filter(|r| !r.is_empty())
        .ok_or_else(|| ApiError::field("resource", "missing"))?;
    Ok((resource, rels))
}

/// RFC 3986 percent-decoding of a query-string part.
pub(crate) fn percent_decode(text: &str) -> Result<String, ApiError> {
    crate::model::percent_decode(text)
        .map_err(|_| ApiError::BadRequest("malformed percent-encoding in the query string".into()))
}

/// The directory key of a resource: `Ok(None)` for a well-formed URI in a
/// scheme we do not serve (404), 400 for no scheme or a malformed address.
pub(crate) fn canonical_key(resource: &str) -> Result<Option<String>, ApiError> {
    let Some((scheme, _)) = resource.split_once(':').filter(|(s, _)| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) else {
        return Err(ApiError::field(
            "resource",
            "must be a URI with a scheme, e.g. acct:alice@example.com",
        ));
    };
    // A URI in a scheme we do not serve is unknown, not malformed.
    if !scheme.eq_ignore_ascii_case("acct") && Kind::from_scheme(scheme).is_none() {
        return Ok(None);
    }
    DirectoryKey::parse(resource)
        .map(|key| Some(key.into_string()))
        .map_err(|e| ApiError::field("resource", e))
}

/// The authority a request names: its `Host` header, or (HTTP/2) its URI's.
fn authority(headers: &HeaderMap, uri: &Uri) -> Option<String> {
    match headers.get(header::HOST) {
        Some(host) => host.to_str().ok().map(str::to_owned),
        None => uri.authority().map(|a| a.as_str().to_owned()),
    }
}

/// The host a request names, as tenants are configured: lower-case, no
/// port, no trailing dot.
pub(crate) fn request_host(headers: &HeaderMap, uri: &Uri) -> Option<String> {
    let authority: axum::http::uri::Authority = authority(headers, uri)?.parse().ok()?;
    Some(authority.host().trim_end_matches('.').to_ascii_lowercase())
}

/// The lrdd template for this host (RFC 6415).
fn template(headers: &HeaderMap, uri: &Uri, scheme: Scheme) -> Result<String, ApiError> {
    let host = authority(headers, uri)
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .ok_or_else(|| ApiError::field("Host", "missing or not a host name"))?;
    let scheme = match scheme {
        Scheme::Https => "https",
        Scheme::Http => "http",
    };
    Ok(format!(
        "{scheme}://{host}/.well-known/webfinger?resource={{uri}}"
    ))
}

/// host-meta as JSON (RFC 6415 appendix A).
#[derive(Serialize, ToSchema)]
pub(crate) struct HostMetaJson {
    links: [HostMetaLink; 1],
}

/// The lrdd link: where WebFinger answers on this host.
#[derive(Serialize, ToSchema)]
struct HostMetaLink {
    #[schema(example = "lrdd")]
    rel: &'static str,
    #[serde(rename = "type")]
    #[schema(example = "application/jrd+json")]
    media_type: &'static str,
    #[schema(example = "https://example.com/.well-known/webfinger?resource={uri}")]
    template: String,
}

fn host_meta_json_body(template: String) -> Response {
    let body = HostMetaJson {
        links: [HostMetaLink {
            rel: "lrdd",
            media_type: JRD,
            template,
        }],
    };
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(&body).expect("host-meta serialises"),
    )
        .into_response()
}

/// The host's metadata (RFC 6415): XRD, or JSON when the client asks for
/// `application/json`.
#[utoipa::path(get, path = "/.well-known/host-meta", tag = "webfinger",
    responses((status = 200, description = "The lrdd template of this host",
                content((String = "application/xrd+xml"), (HostMetaJson = "application/json"))),
              (status = 400, body = Problem, description = "`Host` missing or not a host name")))]
pub(crate) async fn host_meta(
    scheme: Option<Extension<Scheme>>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let template = template(&headers, &uri, scheme.map_or(Scheme::Http, |e| e.0))?;
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json") && !v.contains("xrd+xml"));
    if wants_json {
        return Ok(host_meta_json_body(template));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  \
         <Link rel=\"lrdd\" type=\"{JRD}\" template=\"{template}\"/>\n\
         </XRD>\n"
    );
    Ok(([(header::CONTENT_TYPE, "application/xrd+xml")], xml).into_response())
}

/// The host's metadata (RFC 6415) as JSON.
#[utoipa::path(get, path = "/.well-known/host-meta.json", tag = "webfinger",
    responses((status = 200, body = HostMetaJson),
              (status = 400, body = Problem, description = "`Host` missing or not a host name")))]
pub(crate) async fn host_meta_json(
    scheme: Option<Extension<Scheme>>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let template = template(&headers, &uri, scheme.map_or(Scheme::Http, |e| e.0))?;
    Ok(host_meta_json_body(template))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_canonicalise() {
        assert_eq!(
            canonical_key("xmpp:ALICE@Example.com").unwrap().as_deref(),
            Some("xmpp:alice@example.com")
        );
        assert_eq!(
            canonical_key("tel:+1-212-555-0100").unwrap().as_deref(),
            Some("tel:+12125550100")
        );
        assert_eq!(
            canonical_key("acct:Alice@Example.COM").unwrap().as_deref(),
            Some("acct:alice@example.com")
        );
        assert_eq!(canonical_key("http://example.com/").unwrap(), None);
        assert!(canonical_key("alice@example.com").is_err());
    }
}
