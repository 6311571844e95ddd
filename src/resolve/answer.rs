//! What a lookup answers: the subject, every address with who listed it,
//! endpoint twins, and the steps that failed or were cut.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use crate::model::jrd::Link;
use crate::model::{
    DomainProfile, Kind, Projection, Subject, Viewer, visible_links, visible_name,
    visible_properties,
};

/// One lookup's answer.
#[derive(Clone, Debug, Serialize, ToSchema, PartialEq)]
pub struct Answer {
    /// The key, canonical.
    pub query: String,
    /// Whose addresses these are, when known.
    pub subject: Option<SubjectRef>,
    pub addresses: Vec<Found>,
    /// Endpoint twins: a full JID and the SIP GRUU of the same device.
    pub equivalents: Vec<Equivalent>,
    /// False when a step failed or a limit cut the expansion short.
    pub complete: bool,
    pub errors: Vec<StepFailure>,
}

#[derive(Clone, Debug, Serialize, ToSchema, PartialEq)]
pub struct SubjectRef {
    /// The subject's `acct:` URI.
    pub id: String,
    pub display_name: Option<String>,
    /// A local subject's WebFinger links besides its addresses (its own
    /// and its domain's) that the caller may see; absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// A local subject's WebFinger properties besides the display name
    /// that the caller may see; absent when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schema(value_type = BTreeMap<String, Option<String>>)]
    pub properties: BTreeMap<String, Option<String>>,
}

#[derive(Clone, Debug, Serialize, ToSchema, PartialEq)]
pub struct Found {
    /// Canonical URI.
    pub uri: String,
    pub kind: Kind,
    /// `local`, `enum:<suffix>`, `webfinger:<host>`.
    pub sources: Vec<String>,
    /// Two independent channels link the key and this address both ways.
    pub verified: bool,
    /// A ported number's routing number (RFC 4694 `rn`), as its first
    /// source gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "+12155550199")]
    pub routing_number: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema, PartialEq)]
pub struct Equivalent {
    pub uri: String,
    pub same_as: String,
}

#[derive(Clone, Debug, Serialize, ToSchema, PartialEq)]
pub struct StepFailure {
    /// `enum:<suffix>`, `webfinger:<host>`, or `limit`.
    pub step: String,
    /// What the step was looking up.
    pub target: String,
    pub reason: String,
}

impl SubjectRef {
    /// What `viewer` may see of a local `subject` besides its addresses:
    /// its name, its and its `domain`'s links and properties.
    pub fn local(subject: &Subject, domain: Option<&DomainProfile>, viewer: Viewer) -> SubjectRef {
        SubjectRef {
            id: subject.subject_uri(),
            display_name: visible_name(subject, viewer).map(str::to_owned),
            links: visible_links(subject, domain, viewer)
                .map(Link::published)
                .collect(),
            properties: visible_properties(subject, domain, viewer)
                .map(|(name, value)| (name.to_owned(), value.map(str::to_owned)))
                .collect(),
        }
    }
}

impl Answer {
    /// A local projection as an answer of its own, without expansion:
    /// the subject and the addresses `viewer` sees, each listed locally.
    pub fn local(
        query: String,
        projection: &Projection<'_>,
        domain: Option<&DomainProfile>,
        viewer: Viewer,
    ) -> Answer {
        Answer {
            query,
            subject: Some(SubjectRef::local(projection.subject, domain, viewer)),
            addresses: projection
                .addresses
                .iter()
                .map(|a| Found {
                    uri: a.uri.as_str().to_owned(),
                    kind: a.kind(),
                    sources: vec!["local".to_owned()],
                    verified: false,
                    routing_number: a.routing_number.clone(),
                })
                .collect(),
            equivalents: Vec::new(),
            complete: true,
            errors: Vec::new(),
        }
    }

    /// Nothing this caller may see was found.
    pub fn is_empty(&self) -> bool {
        self.subject.is_none() && self.addresses.is_empty()
    }
}
