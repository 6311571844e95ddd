//! A domain's defaults: links and properties every subject of the domain
//! publishes unless it overrides them, and the XMPP connection endpoints
//! (XEP-0156) host-meta announces for the domain.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::FieldError;
use super::links::{DocumentLink, DocumentProperty, check_links, check_properties};
use super::subject::Domain;

/// XEP-0156 relation of an XMPP-over-WebSocket endpoint (RFC 7395).
pub const XMPP_WEBSOCKET: &str = "urn:xmpp:alt-connections:websocket";
/// XEP-0156 relation of an XMPP-over-BOSH endpoint (XEP-0206).
pub const XMPP_BOSH: &str = "urn:xmpp:alt-connections:xbosh";

/// A stored domain profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DomainProfile {
    #[schema(value_type = String, example = "example.com")]
    pub domain: Domain,
    /// Links every subject of the domain publishes, unless it has a link
    /// with the same rel.
    #[serde(default)]
    pub links: Vec<DocumentLink>,
    /// Properties every subject of the domain publishes, unless it has the
    /// same property.
    #[serde(default)]
    #[schema(schema_with = super::links::properties_schema)]
    pub properties: BTreeMap<String, DocumentProperty>,
    /// XMPP over WebSocket (`wss://…`), announced in host-meta.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xmpp_websocket: Option<String>,
    /// XMPP over BOSH (`https://…`), announced in host-meta.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xmpp_bosh: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DomainProfile {
    /// The strong HTTP entity tag of this version.
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.version)
    }
}

/// A domain profile as submitted (`PUT` replaces the whole profile).
#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DomainInput {
    /// Links every subject of the domain publishes, unless it has a link
    /// with the same rel.
    #[serde(default)]
    #[schema(max_items = 32)]
    pub links: Vec<DocumentLink>,
    /// Properties every subject of the domain publishes, unless it sets
    /// the same one: URI → value, or `{"value", "visibility"}`.
    #[serde(default)]
    #[schema(schema_with = super::links::properties_schema)]
    pub properties: BTreeMap<String, DocumentProperty>,
    /// XMPP over WebSocket (RFC 7395): a `wss://` (or `ws://`) URL.
    #[serde(default)]
    #[schema(
        example = "wss://xmpp.example.com/ws",
        format = "websocket-url",
        max_length = 2048
    )]
    pub xmpp_websocket: Option<String>,
    /// XMPP over BOSH (XEP-0206): an `https://` (or `http://`) URL.
    #[serde(default)]
    #[schema(
        example = "https://xmpp.example.com/http-bind",
        format = "bosh-url",
        max_length = 2048
    )]
    pub xmpp_bosh: Option<String>,
}

impl DomainInput {
    /// Validate into a profile of `domain` (version 1).
    pub fn into_profile(
        self,
        domain: Domain,
        now: DateTime<Utc>,
    ) -> Result<DomainProfile, FieldError> {
        let endpoint = |url: Option<String>, field: &str, schemes: &[&str]| {
            url.map(|u| {
                let parsed = url::Url::parse(u.trim())
                    .ok()
                    .filter(|p| schemes.contains(&p.scheme()) && p.host_str().is_some())
                    .ok_or_else(|| {
                        FieldError::new(
                            field,
                            format!("must be an absolute {} URL", schemes.join(" or ")),
                        )
                    })?;
                Ok(parsed.to_string())
            })
            .transpose()
        };
        Ok(DomainProfile {
            domain,
            links: check_links(self.links, "links")?,
            properties: check_properties(self.properties, "properties")?,
            xmpp_websocket: endpoint(self.xmpp_websocket, "xmpp_websocket", &["wss", "ws"])?,
            xmpp_bosh: endpoint(self.xmpp_bosh, "xmpp_bosh", &["https", "http"])?,
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_must_be_their_kind_of_url() {
        let domain = Domain::parse("example.com").unwrap();
        let input = |v: serde_json::Value| serde_json::from_value::<DomainInput>(v).unwrap();
        let ok = input(serde_json::json!({
            "xmpp_websocket": "wss://xmpp.example.com/ws", "xmpp_bosh": "https://xmpp.example.com/bosh"
        }))
        .into_profile(domain.clone(), Utc::now())
        .unwrap();
        assert_eq!(
            ok.xmpp_websocket.as_deref(),
            Some("wss://xmpp.example.com/ws")
        );
        for (value, field) in [
            (
                serde_json::json!({"xmpp_websocket": "https://x.example/ws"}),
                "xmpp_websocket",
            ),
            (
                serde_json::json!({"xmpp_bosh": "javascript:x"}),
                "xmpp_bosh",
            ),
            (
                serde_json::json!({"links": [{"rel": "self", "href": "data:,x"}]}),
                "links[0].href",
            ),
        ] {
            let e = input(value)
                .into_profile(domain.clone(), Utc::now())
                .unwrap_err();
            assert_eq!(e.field, field);
        }
    }
}
