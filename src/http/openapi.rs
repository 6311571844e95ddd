//! The OpenAPI document's frame; paths come from the routes themselves.

use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "callsign",
        description = "One identity, every address: the admin API of callsign. \
                       Errors are RFC 9457 application/problem+json.",
        license(name = "Apache-2.0")
    ),
    modifiers(&BearerAuth),
    // WebFinger is routed outside the API router (its own CORS layer).
    paths(super::webfinger::webfinger),
    tags(
        (name = "subjects", description = "People and role accounts, with their addresses"),
        (name = "tokens", description = "API tokens"),
        (name = "audit", description = "The change log"),
        (name = "transfer", description = "NDJSON import and export"),
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
