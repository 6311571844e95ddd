//! Endpoint twins: a full JID and a SIP GRUU of the same device.

use super::key::Target;
use super::{Equivalent, Found, Key};
use crate::model::{Address, Kind, percent_encode};

/// A full JID and a SIP GRUU name the same device when the subject's bare
/// JID and SIP address of record are the same `user@domain` (RFC 7081).
pub(super) fn equivalents(key: &Key, resource: &str, addresses: &[Found]) -> Vec<Equivalent> {
    let Target::Address(bare) = &key.target else {
        return Vec::new();
    };
    let user_host = |uri: &str| {
        uri.split_once(':')
            .map(|(_, rest)| rest.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let wanted = user_host(bare.as_str());
    let twins = addresses
        .iter()
        .filter(|a| user_host(&a.uri) == wanted && a.uri != bare.as_str());
    let mut out = Vec::new();
    for twin in twins {
        let uri = match (bare.kind(), twin.kind) {
            (Kind::Xmpp, Kind::Sip | Kind::Sips) => {
                Some(format!("{};gr={}", twin.uri, percent_encode(resource)))
            }
            (Kind::Sip | Kind::Sips, Kind::Xmpp) => {
                Address::parse(&format!("{}/{resource}", twin.uri), Some(Kind::Xmpp))
                    .ok()
                    .map(Address::into_string)
            }
            _ => None,
        };
        if let Some(uri) = uri {
            out.push(Equivalent {
                uri,
                same_as: key.query.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gruus_and_full_jids_are_twins() {
        let found = |uri: &str, kind| Found {
            uri: uri.into(),
            kind,
            sources: vec!["local".into()],
            verified: false,
            routing_number: None,
        };
        let addresses = [
            found("sip:alice@example.com", Kind::Sip),
            found("xmpp:alice@example.com", Kind::Xmpp),
            found("sip:other@example.com", Kind::Sip),
        ];
        let k = Key::parse("xmpp:alice@example.com/phone").unwrap();
        assert_eq!(
            equivalents(&k, "phone", &addresses),
            [Equivalent {
                uri: "sip:alice@example.com;gr=phone".into(),
                same_as: "xmpp:alice@example.com/phone".into()
            }]
        );
        let k = Key::parse("sip:alice@example.com;gr=phone").unwrap();
        assert_eq!(
            equivalents(&k, "phone", &addresses),
            [Equivalent {
                uri: "xmpp:alice@example.com/phone".into(),
                same_as: "sip:alice@example.com;gr=phone".into()
            }]
        );
    }
}
