//! One remote step of an expansion — a NAPTR walk under one ENUM suffix,
//! or one WebFinger request — and what it brings back.

use std::sync::Arc;
use std::time::Duration;

use super::remote::Document;
use super::{Resolver, StepError, StepFailure, naptr};
use crate::model::{Address, Viewer, parse_ported};

/// One remote step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Step {
    Enum { number: String, suffix: String },
    WebFinger { host: String, resource: String },
}

impl Step {
    pub(super) fn source(&self) -> String {
        match self {
            Step::Enum { suffix, .. } => format!("enum:{suffix}"),
            Step::WebFinger { host, .. } => format!("webfinger:{host}"),
        }
    }

    pub(super) fn from(&self) -> String {
        match self {
            Step::Enum { number, .. } => format!("tel:{number}"),
            Step::WebFinger { resource, .. } => resource.clone(),
        }
    }

    pub(super) fn failure(&self, reason: StepError) -> StepFailure {
        StepFailure {
            step: self.source(),
            target: self.from(),
            reason: reason.to_string(),
        }
    }
}

pub(super) enum Outcome {
    /// Addresses, each with the routing number it came with.
    Addresses(Vec<(Address, Option<String>)>),
    Document(Option<Arc<Document>>),
}

pub(super) struct Done {
    pub(super) step: Step,
    pub(super) depth: u32,
    pub(super) result: Result<Outcome, StepError>,
}

impl Resolver {
    pub(super) async fn perform(&self, step: Step, depth: u32, viewer: Viewer) -> Done {
        let timeout = Duration::from_millis(self.config.step_timeout_ms);
        let work = async {
            match &step {
                Step::Enum { number, suffix } => {
                    let start = naptr::domain(number, suffix);
                    naptr::follow(
                        number,
                        start,
                        |d| async move { self.remote.naptrs(&d).await },
                    )
                    .await
                    .map(|outcomes| {
                        Outcome::Addresses(
                            outcomes
                                .into_iter()
                                .filter_map(|o| match o {
                                    // A vCard (RFC 4969) tells about the
                                    // number's owner: not an address.
                                    naptr::Outcome::Uri { service, .. }
                                        if service.eq_ignore_ascii_case("vcard") =>
                                    {
                                        None
                                    }
                                    naptr::Outcome::Uri { uri, .. } => {
                                        parse_ported(&uri, None).ok()
                                    }
                                    naptr::Outcome::Next(_) => None,
                                })
                                .collect(),
                        )
                    })
                }
                Step::WebFinger { host, resource } => self
                    .remote
                    .webfinger(host, resource, viewer)
                    .await
                    .map(Outcome::Document),
            }
        };
        let result = match tokio::time::timeout(timeout, work).await {
            Ok(result) => result,
            Err(_) => Err(StepError::StepTimeout(self.config.step_timeout_ms)),
        };
        let channel = match step {
            Step::Enum { .. } => "enum",
            Step::WebFinger { .. } => "webfinger",
        };
        let outcome = if result.is_ok() { "ok" } else { "error" };
        metrics::counter!("callsign_resolver_steps_total", "channel" => channel, "result" => outcome)
            .increment(1);
        Done {
            step,
            depth,
            result,
        }
    }
}
