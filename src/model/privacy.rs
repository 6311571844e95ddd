//! Who may see which address, and by which keys a subject may be found.
//!
//! [`project`] is the one place that decides; WebFinger, DNS, lookup and
//! zone transfers all call it (directly or through the directory), so a
//! privacy rule can never differ between channels.

use std::borrow::Cow;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audience::Audiences;
use super::discoverable::Discoverable;
use super::domain::DomainProfile;
use super::links::DocumentLink;
use super::subject::{Subject, SubjectAddress};
use super::visibility::Visibility;

/// What a token allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Everything, including the admin API.
    Admin,
    /// Authenticated reads: WebFinger and lookup with `authenticated` addresses.
    Lookup,
    /// One subject's own token: `/api/v1/me` for that subject, and
    /// authenticated reads like a `lookup` token in no audience.
    #[serde(rename = "self")]
    Own,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Admin => "admin",
            Scope::Lookup => "lookup",
            Scope::Own => "self",
        }
    }
}

impl FromStr for Scope {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Scope::Admin),
            "lookup" => Ok(Scope::Lookup),
            "self" => Ok(Scope::Own),
            other => Err(format!(
                "unknown scope `{other}` (expected admin, lookup or self)"
            )),
        }
    }
}

/// Who is asking, on a public channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Viewer {
    Anonymous,
    /// A caller with a token of this scope, in these audiences.
    Token {
        scope: Scope,
        audiences: Audiences,
    },
}

impl Viewer {
    /// A token of `scope` in no audience.
    pub fn token(scope: Scope) -> Viewer {
        Viewer::Token {
            scope,
            audiences: Audiences::NONE,
        }
    }

    /// May this viewer see an address with this visibility? The one
    /// decision every privacy rule comes down to.
    pub fn sees(self, visibility: Visibility) -> bool {
        match (visibility, self) {
            (Visibility::Public, _) => true,
            (Visibility::Authenticated, Viewer::Token { .. }) => true,
            (
                Visibility::Audience(_),
                Viewer::Token {
                    scope: Scope::Admin,
                    ..
                },
            ) => true,
            (Visibility::Audience(shown), Viewer::Token { audiences, .. }) => {
                shown.meets(audiences)
            }
            (Visibility::Authenticated | Visibility::Audience(_), Viewer::Anonymous) => false,
            (Visibility::Private, _) => false,
        }
    }

    /// May this viewer use a key with this discoverability? The levels are
    /// visibilities under other names, decided by [`Viewer::sees`].
    pub fn finds(self, discoverable: Discoverable) -> bool {
        self.sees(discoverable.0)
    }
}

/// The part of a subject one viewer may see.
#[derive(Debug)]
pub struct Projection<'a> {
    pub subject: &'a Subject,
    /// Visible addresses, in presentation order.
    pub addresses: Vec<&'a SubjectAddress>,
}

/// What `viewer` sees of `subject` when it asks by `key` (a canonical
/// address URI or the subject's `acct:` URI), or `None` when the key may not
/// be used: unknown to this subject, hidden from this viewer, not
/// discoverable, or the subject shows this viewer no address at all.
pub fn project<'a>(subject: &'a Subject, key: &str, viewer: Viewer) -> Option<Projection<'a>> {
    let key_allowed = if subject.is_acct(key) {
        viewer.finds(subject.discoverable)
    } else {
        subject
            .addresses
            .iter()
            .any(|a| a.uri.as_str() == key && finds_by(viewer, a))
    };
    if !key_allowed {
        return None;
    }
    let addresses: Vec<_> = visible_addresses(subject, viewer).collect();
    (!addresses.is_empty()).then_some(Projection { subject, addresses })
}

/// Every address of `subject` that `viewer` may see, in presentation order.
pub fn visible_addresses(
    subject: &Subject,
    viewer: Viewer,
) -> impl Iterator<Item = &SubjectAddress> {
    subject
        .addresses
        .iter()
        .filter(move |a| viewer.sees(a.visibility))
}

/// The display name of `subject` (its caller name) if `viewer` may see
/// it; `None` when hidden. An empty name is a name like any other here:
/// channels that have nothing to show for it (caller name, DNS) skip it.
pub fn visible_name(subject: &Subject, viewer: Viewer) -> Option<&str> {
    viewer
        .sees(subject.display_name_visibility)
        .then_some(subject.display_name.as_str())
}

/// The keys under which `viewer` can find `subject` (for indexes that
/// answer without walking every subject).
pub fn keys(subject: &Subject, viewer: Viewer) -> impl Iterator<Item = Cow<'_, str>> {
    let any_visible = visible_addresses(subject, viewer).next().is_some();
    let acct =
        (any_visible && viewer.finds(subject.discoverable)).then(|| Cow::Owned(subject.acct()));
    acct.into_iter().chain(
        subject
            .addresses
            .iter()
            .filter(move |a| any_visible && finds_by(viewer, a))
            .map(|a| Cow::Borrowed(a.uri.as_str())),
    )
}

/// May `viewer` use `address` as a key: it must both see the address and
/// be among those who may find its subject by it.
fn finds_by(viewer: Viewer, address: &SubjectAddress) -> bool {
    viewer.sees(address.visibility) && viewer.finds(address.discoverable)
}

/// The links of `subject`'s WebFinger document that `viewer` may see: the
/// subject's own, then those of its domain's defaults (`domain`) with a rel
/// the subject has no link for. A subject's link overrides the default
/// whatever its visibility, so a private link with a default's rel hides
/// the default for that subject.
pub fn visible_links<'a>(
    subject: &'a Subject,
    domain: Option<&'a DomainProfile>,
    viewer: Viewer,
) -> impl Iterator<Item = &'a DocumentLink> {
    let defaults = domain.map_or(&[][..], |d| &d.links[..]);
    subject
        .links
        .iter()
        .chain(
            defaults
                .iter()
                .filter(|d| !subject.links.iter().any(|l| l.rel == d.rel)),
        )
        .filter(move |l| viewer.sees(l.visibility))
}

/// The properties of `subject`'s WebFinger document that `viewer` may
/// see, by name: the subject's own, then its domain's defaults for names
/// the subject does not set (whatever the subject's property's visibility).
pub fn visible_properties<'a>(
    subject: &'a Subject,
    domain: Option<&'a DomainProfile>,
    viewer: Viewer,
) -> impl Iterator<Item = (&'a str, Option<&'a str>)> {
    let defaults = domain.into_iter().flat_map(|d| d.properties.iter());
    subject
        .properties
        .iter()
        .chain(defaults.filter(|(name, _)| !subject.properties.contains_key(*name)))
        .filter(move |(_, p)| viewer.sees(p.visibility))
        .map(|(name, p)| (name.as_str(), p.value.as_deref()))
}
