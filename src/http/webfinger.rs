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
use super::jrd_cache::Kept;
use super::problem::responses::{RateLimited, Unauthorized, Unavailable};
use super::problem::{ApiError, Problem};
use crate::model::jrd::{AddressRels, JRD, Jrd, Link, NAME, VCARD_REL, VCARD_TYPE};
use crate::model::{
    DirectoryKey, DomainProfile, Kind, Projection, Subject, Viewer, XMPP_BOSH, XMPP_WEBSOCKET,
    project, visible_links, visible_name, visible_properties,
};

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
    // An anonymous answer already given at this serial is sent as it was
    // (see `jrd_cache`): the serial is read before anything is rendered.
    let cache = state
        .jrd_cache
        .as_ref()
        .filter(|_| matches!(viewer, Viewer::Anonymous));
    let serial = state.directory.serial();
    let host = raw_authority(&parts.headers, &parts.uri);
    let query = parts.uri.query().unwrap_or("");
    if let Some(kept) = cache.and_then(|c| c.get(serial, host, query)) {
        return Ok(respond_kept(state, viewer, &parts.headers, JRD, kept));
    }
    let (resource, rels) = parse_query(&parts.uri)?;
    let directory = state
        .tenants
        .view(&state.directory, request_host(&parts.headers, &parts.uri));
    let render = |key: &str| {
        let subject = directory.get(key)?;
        render_jrd(state, &subject, key, viewer, &rels)
    };
    // Most clients send canonical resources. Directory keys are canonical and
    // a canonical form parses to itself, so a resource found as given needs
    // no parsing (which costs more than the rest of the answer for `tel:`).
    // Only a visible answer leaves early: a hidden key goes on through the
    // parse like an unknown one, so the two stay one timing class.
    let body = match render(&resource) {
        Some(body) => body,
        None => {
            let key = canonical_key(&resource)?;
            // Unknown and hidden keys take this one path to the same 404.
            key.as_deref().and_then(render).ok_or(ApiError::NotFound)?
        }
    };
    let kept = Kept::new(body);
    if let Some(cache) = cache {
        cache.insert(serial, host, query, kept.clone());
    }
    Ok(respond_kept(state, viewer, &parts.headers, JRD, kept))
}

/// The JRD WebFinger answers to `viewer` asking for `subject` by `key`
/// (canonical), serialised; None where it answers 404. The admin console's
/// preview shows this same answer.
pub(crate) fn render_jrd(
    state: &AppState,
    subject: &Subject,
    key: &str,
    viewer: Viewer,
    rels: &[String],
) -> Option<Vec<u8>> {
    let projection = project(subject, key, viewer)?;
    let domain = state.directory.domain_profile(subject.domain.as_str());
    let vcard = vcard_link(state, subject, viewer);
    let jrd = jrd(
        &projection,
        domain.as_deref(),
        viewer,
        &state.rels,
        rels,
        vcard,
    );
    Some(serde_json::to_vec(&jrd).expect("JRDs serialise"))
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

/// [`admit`], then 503 until the directory has loaded: the start of every
/// read answered from the directory alone.
pub(crate) async fn admit_ready(
    state: &AppState,
    peer: SocketAddr,
    parts: &axum::http::request::Parts,
) -> Result<Viewer, ApiError> {
    let viewer = admit(state, peer, parts).await?;
    if !state.directory.is_ready() {
        return Err(ApiError::Unavailable);
    }
    Ok(viewer)
}

/// `body` as `content_type` with a strong ETag of its bytes (304 when
/// `If-None-Match` names it) and WebFinger's caching: public for anonymous
/// callers, private for tokens.
pub(crate) fn respond_cached(
    state: &AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response {
    respond_kept(state, viewer, headers, content_type, Kept::new(body))
}

/// [`respond_cached`] for an answer whose ETag is made already.
fn respond_kept(
    state: &AppState,
    viewer: Viewer,
    headers: &HeaderMap,
    content_type: &'static str,
    kept: Kept,
) -> Response {
    let cache = match viewer {
        Viewer::Anonymous => state.public_cache_control.clone(),
        Viewer::Token { .. } => {
            let max_age = state.config.webfinger.max_age;
            HeaderValue::try_from(format!("private, max-age={max_age}")).expect("ascii")
        }
    };
    let etag = kept.etag.as_bytes();
    let matched = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .flat_map(|v| v.as_bytes().split(|&b| b == b','))
        .any(|t| {
            let t = t.trim_ascii();
            t == etag || t == b"*"
        });
    let mut response = if matched {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], kept.body).into_response()
    };
    let h = response.headers_mut();
    h.insert(header::ETAG, kept.etag);
    h.insert(header::CACHE_CONTROL, cache);
    h.insert(header::VARY, HeaderValue::from_static("Authorization"));
    response
}

impl Kept {
    /// An answer and the strong ETag of its bytes.
    fn new(body: Vec<u8>) -> Kept {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut h);
        let etag = HeaderValue::try_from(format!("\"{:016x}\"", h.finish()))
            .expect("hex is a header value");
        Kept {
            body: body.into(),
            etag,
        }
    }
}

/// The subject's vCard as a JRD link, when a public base URL is configured
/// and `viewer` may fetch the vCard (it may use the subject's `acct:` URI):
/// `alternate` (RFC 4287's "an alternate version of the resource"), of type
/// `text/vcard`, the relation feeds and HTML use for the same identity in
/// another format.
fn vcard_link(state: &AppState, subject: &Subject, viewer: Viewer) -> Option<Link> {
    let base = state.config.webfinger.public_base_url.as_deref()?;
    project(subject, &subject.acct(), viewer)?;
    Some(Link::typed(VCARD_REL, VCARD_TYPE, subject.vcard_url(base)?))
}

/// The JRD of what `viewer` sees: a link per visible address (under each
/// of its relation types), then the subject's and its domain's visible
/// links, then its vCard's; the display name (where visible) and the
/// visible properties. `wanted` (the `rel` parameters) filters links only.
fn jrd(
    p: &Projection<'_>,
    domain: Option<&DomainProfile>,
    viewer: Viewer,
    address_rels: &AddressRels,
    wanted: &[String],
    vcard: Option<Link>,
) -> Jrd {
    let wanted = |rel: &str| wanted.is_empty() || wanted.iter().any(|r| r == rel);
    let mut links: Vec<Link> = p
        .addresses
        .iter()
        .flat_map(|a| {
            // A ported number links in its RFC 4694 form, with its routing
            // number; `aliases` keep the number as the key it is.
            let href = a.routed_uri();
            address_rels
                .of(a.kind())
                .filter(|rel| wanted(rel))
                .map(move |rel| Link::address(rel, &href, a.label.as_deref()))
                .collect::<Vec<_>>()
        })
        .collect();
    links.extend(
        visible_links(p.subject, domain, viewer)
            .filter(|l| wanted(&l.rel))
            .map(Link::published),
    );
    links.extend(vcard.filter(|l| wanted(&l.rel)));
    let mut properties: BTreeMap<String, Option<String>> = visible_name(p.subject, viewer)
        .map(|name| (NAME.to_owned(), Some(name.to_owned())))
        .into_iter()
        .collect();
    properties.extend(
        visible_properties(p.subject, domain, viewer)
            .map(|(name, value)| (name.to_owned(), value.map(str::to_owned))),
    );
    Jrd {
        subject: p.subject.subject_uri(),
        aliases: p.addresses.iter().map(|a| a.uri.to_string()).collect(),
        properties,
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

/// The authority a request names, as sent (the `Host` header, or the
/// HTTP/2 URI's); empty when it names none.
fn raw_authority<'a>(headers: &'a HeaderMap, uri: &'a Uri) -> &'a [u8] {
    match headers.get(header::HOST) {
        Some(host) => host.as_bytes(),
        None => uri.authority().map_or(b"", |a| a.as_str().as_bytes()),
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
    links: Vec<HostMetaLink>,
}

/// A host-meta link: `lrdd` (where WebFinger answers on this host), and
/// the XMPP connection endpoints of the domain the host names (XEP-0156).
#[derive(Serialize, ToSchema)]
struct HostMetaLink {
    #[schema(example = "lrdd")]
    rel: &'static str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    #[schema(example = "application/jrd+json")]
    media_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://example.com/.well-known/webfinger?resource={uri}")]
    template: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "wss://xmpp.example.com/ws")]
    href: Option<String>,
}

/// The links of this host's metadata: lrdd, then the XMPP endpoints of
/// the domain named by the request's Host, when that domain has a profile
/// and the Host serves it (tenants).
fn host_meta_links(state: &AppState, parts: &HostRequest) -> Result<Vec<HostMetaLink>, ApiError> {
    let template = template(&parts.headers, &parts.uri, parts.scheme)?;
    let mut links = vec![HostMetaLink {
        rel: "lrdd",
        media_type: Some(JRD),
        template: Some(template),
        href: None,
    }];
    let host = request_host(&parts.headers, &parts.uri);
    let profile = host
        .as_deref()
        .filter(|h| state.tenants.serves(Some(h), h))
        .and_then(|h| state.directory.domain_profile(h));
    if let Some(profile) = profile {
        let endpoints = [
            (XMPP_WEBSOCKET, &profile.xmpp_websocket),
            (XMPP_BOSH, &profile.xmpp_bosh),
        ];
        for (rel, href) in endpoints {
            if let Some(href) = href {
                links.push(HostMetaLink {
                    rel,
                    media_type: None,
                    template: None,
                    href: Some(href.clone()),
                });
            }
        }
    }
    Ok(links)
}

fn host_meta_json_body(links: Vec<HostMetaLink>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_vec(&HostMetaJson { links }).expect("host-meta serialises"),
    )
        .into_response()
}

/// XML attribute text: `&`, `<`, `>` and `"` escaped.
fn xml_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What host-meta reads of a request.
struct HostRequest {
    scheme: Scheme,
    uri: Uri,
    headers: HeaderMap,
}

/// The host's metadata (RFC 6415): XRD, or JSON when the client asks for
/// `application/json`. Besides `lrdd`, the XMPP connection endpoints
/// (XEP-0156) of the domain the Host names, when its profile has them.
#[utoipa::path(get, path = "/.well-known/host-meta", tag = "webfinger",
    responses((status = 200, description = "The lrdd template of this host, and its XMPP endpoints",
                content((String = "application/xrd+xml"), (HostMetaJson = "application/json"))),
              (status = 400, body = Problem, description = "`Host` missing or not a host name")))]
pub(crate) async fn host_meta(
    State(state): State<AppState>,
    scheme: Option<Extension<Scheme>>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json") && !v.contains("xrd+xml"));
    let request = HostRequest {
        scheme: scheme.map_or(Scheme::Http, |e| e.0),
        uri,
        headers,
    };
    let links = host_meta_links(&state, &request)?;
    if wants_json {
        return Ok(host_meta_json_body(links));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n",
    );
    for link in &links {
        xml.push_str(&format!("  <Link rel=\"{}\"", xml_attribute(link.rel)));
        if let Some(t) = link.media_type {
            xml.push_str(&format!(" type=\"{}\"", xml_attribute(t)));
        }
        if let Some(t) = &link.template {
            xml.push_str(&format!(" template=\"{}\"", xml_attribute(t)));
        }
        if let Some(h) = &link.href {
            xml.push_str(&format!(" href=\"{}\"", xml_attribute(h)));
        }
        xml.push_str("/>\n");
    }
    xml.push_str("</XRD>\n");
    Ok(([(header::CONTENT_TYPE, "application/xrd+xml")], xml).into_response())
}

/// The host's metadata (RFC 6415) as JSON.
#[utoipa::path(get, path = "/.well-known/host-meta.json", tag = "webfinger",
    responses((status = 200, body = HostMetaJson),
              (status = 400, body = Problem, description = "`Host` missing or not a host name")))]
pub(crate) async fn host_meta_json(
    State(state): State<AppState>,
    scheme: Option<Extension<Scheme>>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let request = HostRequest {
        scheme: scheme.map_or(Scheme::Http, |e| e.0),
        uri,
        headers,
    };
    Ok(host_meta_json_body(host_meta_links(&state, &request)?))
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
