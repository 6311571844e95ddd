//! The OpenAPI document's frame; paths come from the routes themselves.

use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::RefOr;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

use super::problem::{PROBLEM_JSON, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "callsign",
        description = "One identity, every address: the admin API of callsign. \
                       Errors are RFC 9457 application/problem+json.",
        license(name = "Apache-2.0")
    ),
    modifiers(&BearerAuth),
    // WebFinger and host-meta are routed outside the API router (their own
    // CORS layer).
    paths(
        super::webfinger::webfinger,
        super::webfinger::host_meta,
        super::webfinger::host_meta_json
    ),
    components(schemas(Problem, crate::model::DocumentProperty)),
    tags(
        (name = "subjects", description = "People and role accounts, with their addresses"),
        (name = "blocks", description = "Number blocks: DID ranges answering from templates"),
        (name = "domains", description = "Domain profiles: default WebFinger links and properties, XMPP endpoints"),
        (name = "tokens", description = "API tokens"),
        (name = "me", description = "A subject's own view and settings, with its `self` token"),
        (name = "audiences", description = "Named groups of tokens that addresses can be shown to"),
        (name = "audit", description = "The change log"),
        (name = "transfer", description = "NDJSON import and export"),
        (name = "replicas", description = "Serving processes and the change-log serial each has applied"),
        (name = "dnssec", description = "DNSSEC keys of signed zones (public records only)"),
        (name = "webfinger", description = "RFC 7033 WebFinger, answered from the directory"),
        (name = "lookup", description = "Any address to every address, locally and across domains"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Finish the description once every route is merged in: a link has one
/// target, and every error answer (4xx, 5xx) is an RFC 9457 problem,
/// whatever the route declared.
pub fn finish(spec: &mut utoipa::openapi::OpenApi) {
    if let Some(link) = spec
        .components
        .as_mut()
        .and_then(|c| c.schemas.get_mut("DocumentLink"))
    {
        *link = crate::model::links::with_one_target(std::mem::replace(
            link,
            RefOr::T(Default::default()),
        ));
    }
    for item in spec.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
            &mut item.query,
        ];
        for operation in operations.into_iter().flatten() {
            for (status, response) in &mut operation.responses.responses {
                let RefOr::T(response) = response else {
                    continue;
                };
                if !(status.starts_with('4') || status.starts_with('5')) {
                    continue;
                }
                if let Some(json) = response.content.shift_remove("application/json") {
                    response.content.insert(PROBLEM_JSON.to_owned(), json);
                }
            }
        }
    }
}
