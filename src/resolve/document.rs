//! A WebFinger answer as the resolver reads it: the subject, a display
//! name, and every alias or link that is an address it understands.

use crate::model::jrd::{Jrd, NAME, PROFILE_PAGE};
use crate::model::{Acct, Address, clean_text, parse_ported};

/// A WebFinger answer, reduced to what the resolver uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The JRD's `subject` when it is an `acct:` URI.
    pub subject: Option<String>,
    /// `http://schema.org/name`, when present.
    pub name: Option<String>,
    /// Every alias and link that is an address we understand, canonical.
    pub addresses: Vec<Address>,
    /// Ported numbers among them (a link `tel:+N;npdi;rn=+R`), with their
    /// routing numbers.
    pub routing: Vec<(Address, String)>,
}

impl Document {
    pub(super) fn from_jrd(jrd: Jrd) -> Document {
        let mut addresses: Vec<Address> = Vec::new();
        let name = jrd.property(NAME).and_then(|n| clean_text(n, 200));
        let hrefs = jrd.links.into_iter().filter_map(|l| {
            // An https link is an address only as a profile page; other
            // https links (avatars, activity streams) are not.
            let https = l
                .href
                .get(..6)
                .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
            (!https || l.rel == PROFILE_PAGE).then_some(l.href)
        });
        let mut routing = Vec::new();
        for uri in jrd.aliases.into_iter().chain(hrefs) {
            let Ok((address, rn)) = parse_ported(&uri, None) else {
                continue;
            };
            if let Some(rn) = rn {
                routing.push((address.clone(), rn));
            }
            if !addresses.contains(&address) {
                addresses.push(address);
            }
        }
        let subject = Acct::parse(&jrd.subject).ok().map(|a| a.to_string());
        Document {
            subject,
            name,
            addresses,
            routing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jrds_become_addresses() {
        let jrd: Jrd = serde_json::from_value(serde_json::json!({
            "subject": "acct:Bob@B.example",
            "aliases": ["tel:+1-212-555-0199", "xmpp:Bob@b.example", "not a uri"],
            "properties": {"http://schema.org/name": "Bob"},
            "links": [
                {"rel": "https://callsign.invalid/rel/sip", "href": "sip:bob@b.example"},
                {"rel": "self", "href": "https://b.example/users/bob"},
                {"rel": PROFILE_PAGE, "href": "https://b.example/~bob"},
                {"rel": "x", "href": "xmpp:bob@b.example"},
                {"rel": "y", "href": "tel:+12125550199;npdi;rn=+12125550100"}
            ]
        }))
        .unwrap();
        let doc = Document::from_jrd(jrd);
        assert_eq!(doc.subject.as_deref(), Some("acct:bob@b.example"));
        assert_eq!(doc.name.as_deref(), Some("Bob"));
        let uris: Vec<_> = doc.addresses.iter().map(|a| a.as_str()).collect();
        assert_eq!(
            uris,
            [
                "tel:+12125550199",
                "xmpp:bob@b.example",
                "sip:bob@b.example",
                "https://b.example/~bob"
            ]
        );
        assert_eq!(doc.routing.len(), 1);
        assert_eq!(
            (doc.routing[0].0.as_str(), doc.routing[0].1.as_str()),
            ("tel:+12125550199", "+12125550100")
        );
    }
}
