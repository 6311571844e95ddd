//! `/api/v1/lookup`: any address → every address, as JSON, a vCard, a
//! JSContact card or an XEP-0152 reach element.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::auth::{AnyCaller, Caller};
use super::extract::Json;
use super::problem::responses::{
    RateLimited, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use super::problem::{ApiError, Problem};
use super::webfinger::{admit_ready, percent_decode, request_host};
use crate::model::Viewer;
use crate::resolve::{Answer, Key, format};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(lookup, lookup_batch))
}

/// Batch lookups run this many at a time.
const BATCH_CONCURRENCY: usize = 8;

/// How an answer is rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToSchema)]
#[schema(rename_all = "lowercase")]
enum Format {
    Json,
    Vcard,
    Jscontact,
    Reach,
}

struct Params {
    key: Key,
    remote: bool,
    format: Format,
}

/// Look one address up.
///
/// Local subjects come from the directory, filtered by what the caller may
/// see; keys that are not ours (or every key, with `remote=true`) are
/// expanded through other domains' ENUM and WebFinger — for anonymous
/// callers only when `resolver.anonymous` is on.
#[utoipa::path(get, path = "/api/v1/lookup", tag = "lookup",
    params(
        ("address" = String, Query, min_length = 1, format = "lookup-key",
            description = "Any address or acct: URI; a literal `+` stays a plus"),
        ("remote" = Option<bool>, Query, nullable = false,
            description = "Also expand through other domains' ENUM and WebFinger"),
        ("format" = inline(Option<Format>), Query, nullable = false,
            description = "`json` (default), `vcard`, `jscontact` or `reach`; `Accept: text/vcard` also selects vcard, `Accept: application/jscontact+json` jscontact"),
    ),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The answer, rendered per `format`", content(
            (Answer = "application/json"),
            (String = "text/vcard"),
            (Object = "application/jscontact+json"),
            (String = "application/xml"))),
        (status = 400, body = Problem, description = "`address` missing, repeated or malformed, or an unknown parameter"),
        (status = 404, body = Problem, description = "Unknown or hidden: the same answer"),
        (status = 502, body = Problem, description = "Nothing found and remote steps failed"),
        Unauthorized, RateLimited, Unavailable,
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let result = async {
        let viewer = admit_ready(&state, peer, &parts).await?;
        let params = parse_query(parts.uri.query().unwrap_or(""), &parts.headers)?;
        if params.remote && state.resolver.remote_needs_token(viewer) {
            return Err(ApiError::Unauthorized(
                "remote lookups need a lookup or admin token",
            ));
        }
        let directory = state
            .tenants
            .view(&state.directory, request_host(&parts.headers, &parts.uri));
        let answer = state
            .resolver
            .lookup_in(&directory, &params.key, viewer, params.remote)
            .await;
        if answer.is_empty() {
            return Err(if answer.complete {
                ApiError::NotFound
            } else {
                ApiError::BadGateway(failures(&answer))
            });
        }
        Ok(render(&answer, params.format, viewer))
    };
    result.await.unwrap_or_else(IntoResponse::into_response)
}

fn render(answer: &Answer, format: Format, viewer: Viewer) -> Response {
    let mut response = match format {
        Format::Json => axum::Json(answer).into_response(),
        Format::Vcard => (
            [(header::CONTENT_TYPE, format::VCARD)],
            format::vcard(answer),
        )
            .into_response(),
        Format::Jscontact => (
            [(header::CONTENT_TYPE, format::JSCONTACT)],
            format::jscontact(answer).to_string(),
        )
            .into_response(),
        Format::Reach => (
            [(header::CONTENT_TYPE, format::REACH)],
            format::reach(answer),
        )
            .into_response(),
    };
    let cache = match viewer {
        Viewer::Anonymous => "public, max-age=60",
        Viewer::Token { .. } => "private, max-age=60",
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::VARY,
        HeaderValue::from_static("Authorization, Accept"),
    );
    response
}

fn failures(answer: &Answer) -> String {
    let steps: Vec<String> = answer
        .errors
        .iter()
        .map(|e| format!("{} ({}): {}", e.step, e.target, e.reason))
        .collect();
    format!(
        "nothing found for {}; remote steps failed: {}",
        answer.query,
        steps.join("; ")
    )
}

/// `address` exactly once, `remote`, `format`; RFC 3986 decoding, so a
/// literal `+` stays a plus. Unknown parameters are an error.
fn parse_query(query: &str, headers: &HeaderMap) -> Result<Params, ApiError> {
    let mut address = None;
    let mut remote = false;
    let mut format = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value)?;
        match percent_decode(name)?.as_str() {
            "address" => {
                if address.replace(value).is_some() {
                    return Err(ApiError::field("address", "given more than once"));
                }
            }
            "remote" => {
                remote = match value.as_str() {
                    "true" | "1" => true,
                    "false" | "0" => false,
                    _ => return Err(ApiError::field("remote", "must be true or false")),
                }
            }
            "format" => {
                format = Some(match value.as_str() {
                    "json" => Format::Json,
                    "vcard" => Format::Vcard,
                    "jscontact" => Format::Jscontact,
                    "reach" => Format::Reach,
                    _ => {
                        return Err(ApiError::field(
                            "format",
                            "must be json, vcard, jscontact or reach",
                        ));
                    }
                })
            }
            other => {
                return Err(ApiError::BadRequest(format!(
                    "unknown query parameter `{other}` (expected address, remote, format)"
                )));
            }
        }
    }
    let address = address
        .filter(|a| !a.is_empty())
        .ok_or_else(|| ApiError::field("address", "missing"))?;
    let key = Key::parse(&address).map_err(|e| ApiError::field("address", e))?;
    let format = format.unwrap_or_else(|| {
        let accept = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if accept.contains("text/vcard") {
            Format::Vcard
        } else if accept.contains("application/jscontact+json") {
            Format::Jscontact
        } else {
            Format::Json
        }
    });
    Ok(Params {
        key,
        remote,
        format,
    })
}

// Only describes the items of `BatchRequest::addresses` (parsed as `Key`s).
/// An address or `acct:` URI to look up.
#[derive(ToSchema)]
#[schema(min_length = 1, format = "lookup-key")]
pub struct LookupKey(pub String);

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// Addresses or acct: URIs, at most `lookup.batch_max` (default 100).
    #[schema(example = json!(["tel:+12125550100", "xmpp:bob@example.net"]),
        max_items = 100, inline, value_type = Vec<LookupKey>)]
    addresses: Vec<String>,
    /// Also expand through other domains' ENUM and WebFinger.
    #[serde(default)]
    remote: bool,
}

#[derive(Serialize, ToSchema)]
pub struct BatchAnswer {
    /// One answer per address, in request order; not found is an answer
    /// with no subject and no addresses.
    results: Vec<Answer>,
}

/// Look several addresses up (a token is required).
#[utoipa::path(post, path = "/api/v1/lookup", tag = "lookup", request_body = BatchRequest,
    security(("bearer" = [])),
    responses((status = 200, body = BatchAnswer),
              (status = 400, body = Problem, description = "Malformed JSON, too many addresses, or one malformed (named by `field`)"),
              Unauthorized, TooLarge, UnsupportedMediaType, Unavailable))]
pub async fn lookup_batch(
    State(state): State<AppState>,
    AnyCaller(caller): AnyCaller,
    headers: HeaderMap,
    uri: Uri,
    Json(request): Json<BatchRequest>,
) -> Result<axum::Json<BatchAnswer>, ApiError> {
    if matches!(caller, Caller::Anonymous) {
        return Err(ApiError::Unauthorized(
            "batch lookups need a lookup or admin token",
        ));
    }
    if !state.directory.is_ready() {
        return Err(ApiError::Unavailable);
    }
    let max = state.config.lookup.batch_max;
    if request.addresses.len() > max {
        return Err(ApiError::field(
            "addresses",
            format!("at most {max} addresses per call"),
        ));
    }
    let keys = request
        .addresses
        .iter()
        .enumerate()
        .map(|(i, a)| Key::parse(a).map_err(|e| ApiError::field(format!("addresses[{i}]"), e)))
        .collect::<Result<Vec<_>, _>>()?;
    let viewer = caller.viewer();
    let remote = request.remote;
    let directory = state
        .tenants
        .view(&state.directory, request_host(&headers, &uri));
    let (resolver, directory) = (&state.resolver, &directory);
    let results = futures::stream::iter(keys)
        .map(|key| async move { resolver.lookup_in(directory, &key, viewer, remote).await })
        .buffered(BATCH_CONCURRENCY)
        .collect()
        .await;
    Ok(axum::Json(BatchAnswer { results }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_keep_plus_signs_and_reject_strays() {
        let h = HeaderMap::new();
        let p = parse_query("address=tel:+12125550100&remote=true&format=vcard", &h).unwrap();
        assert_eq!(p.key.query, "tel:+12125550100");
        assert!(p.remote);
        assert_eq!(p.format, Format::Vcard);
        for bad in [
            "",
            "address=",
            "address=a&address=b",
            "address=tel:+12125550100&remote=maybe",
            "address=tel:+12125550100&format=xml",
            "address=tel:+12125550100&colour=red",
            "address=alice@example.com",
        ] {
            assert!(parse_query(bad, &h).is_err(), "{bad}");
        }
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, "text/vcard".parse().unwrap());
        let p = parse_query("address=tel%3A%2B12125550100", &h).unwrap();
        assert_eq!(p.format, Format::Vcard);
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT,
            "application/jscontact+json".parse().unwrap(),
        );
        let p = parse_query("address=tel:+12125550100", &h).unwrap();
        assert_eq!(p.format, Format::Jscontact);
        let p = parse_query(
            "address=tel:+12125550100&format=jscontact",
            &HeaderMap::new(),
        )
        .unwrap();
        assert_eq!(p.format, Format::Jscontact);
    }
}
