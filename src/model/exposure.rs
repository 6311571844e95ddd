//! What a subject shows, to whom, on which channel: every answer here
//! comes from [`project`], the function the channels call themselves.

use serde::Serialize;
use utoipa::ToSchema;

use super::address::Kind;
use super::audience::Audiences;
use super::privacy::{Scope, Viewer, project};
use super::subject::Subject;

/// What one viewer class gets of a subject, channel by channel.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewerExposure {
    /// `anonymous`, `authenticated` (a token in no audience),
    /// `audience:<name>` (a token in that audience) or `admin`.
    #[schema(example = "audience:partners")]
    pub viewer: String,
    pub webfinger: ChannelExposure,
    pub lookup: ChannelExposure,
    /// ENUM NAPTR answers: what anyone may see, whoever asks.
    pub enum_dns: ChannelExposure,
    /// Zone transfers hold what ENUM answers.
    pub axfr: ChannelExposure,
}

/// On one channel: the keys that find the subject, and the addresses an
/// answer then shows (none when no key finds it).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ChannelExposure {
    pub keys: Vec<String>,
    pub addresses: Vec<String>,
}

/// The exposure of `subject` to anonymous callers, token holders in no
/// audience, token holders of each of `audiences`, and admins.
pub fn exposure(subject: &Subject, audiences: &[String]) -> Vec<ViewerExposure> {
    let mut viewers = vec![
        ("anonymous".to_owned(), Viewer::Anonymous),
        ("authenticated".to_owned(), Viewer::token(Scope::Lookup)),
    ];
    for name in audiences {
        // A stored audience this process has not admitted yet has no
        // token here either: it is left out rather than misreported.
        if let Ok(set) = Audiences::of([name.as_str()]) {
            let viewer = Viewer::Token {
                scope: Scope::Lookup,
                audiences: set,
            };
            viewers.push((format!("audience:{name}"), viewer));
        }
    }
    viewers.push(("admin".to_owned(), Viewer::token(Scope::Admin)));
    let enum_dns = || channel(subject, Viewer::Anonymous, true);
    viewers
        .into_iter()
        .map(|(name, viewer)| ViewerExposure {
            viewer: name,
            webfinger: channel(subject, viewer, false),
            lookup: channel(subject, viewer, false),
            enum_dns: enum_dns(),
            axfr: enum_dns(),
        })
        .collect()
}

/// The keys of `subject` (its acct and addresses; on ENUM, its numbers
/// only, and only those with another address to publish) that
/// [`project`] lets `viewer` use, and what it then shows.
fn channel(subject: &Subject, viewer: Viewer, numbers_only: bool) -> ChannelExposure {
    let acct = subject.acct();
    let candidates = std::iter::once(acct.as_str())
        .filter(|_| !numbers_only)
        .chain(
            subject
                .addresses
                .iter()
                .filter(|a| !numbers_only || a.kind() == Kind::Tel)
                .map(|a| a.uri.as_str()),
        );
    let mut exposure = ChannelExposure::default();
    for key in candidates {
        // A number is in ENUM only with a record to hold: an address
        // besides the number itself.
        let published = |p: &super::privacy::Projection<'_>| {
            !numbers_only || p.addresses.iter().any(|a| a.uri.as_str() != key)
        };
        if let Some(p) = project(subject, key, viewer).filter(published) {
            exposure.keys.push(key.to_owned());
            if exposure.addresses.is_empty() {
                exposure.addresses = p.addresses.iter().map(|a| a.uri.to_string()).collect();
            }
        }
    }
    exposure
}
