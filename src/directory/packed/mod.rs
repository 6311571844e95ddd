//! One subject as one allocation.
//!
//! As `Subject` values a million subjects take about 0.9 GB (a struct, a
//! dozen strings and a vector each); packed they take about 110 MB. Packing
//! is lossless: [`unpack`] gives back an equal `Subject`. Addresses of the
//! usual shapes cost a few bytes besides their id: a number is stored as
//! digits, `scheme:user@host` as references when the user is the subject's
//! handle and the host its domain; an address id as the bytes in which it
//! differs from the id before it (ids made in the same millisecond share
//! their first six bytes or more).
//!
//! Layout (integers are LEB128 varints, strings a varint length and UTF-8):
//!
//! ```text
//! id 16 bytes | flags u8 | version | created (secs, nanos) | [updated]
//! [discoverable level] | handle | domain | display_name | address count
//! per address: id | head u8 | [visibility, discoverable level] | [priority]
//! | [label] | uri
//! (an address id: the length of the prefix it shares with the previous
//! id, then the rest)
//! ```
//!
//! A subject's acct derives from its handle and domain, and is not packed.
//! An address's kind is packed in its head as the scheme of its URI, which
//! the URI's packed form (see [`uri`]) leaves out. The primitives every
//! field is written and read with are in [`varint`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use uri::Uri;
use varint::{Reader, put_signed, put_str, put_time, put_varint};

use crate::model::{
    Acct, Address, Audiences, DEFAULT_PRIORITY, Discoverable, DocumentLink, DocumentProperty,
    Domain, Handle, Kind, Subject, SubjectAddress, Visibility,
};

mod uri;
mod varint;

/// Discoverable by everyone (without [`DISCOVERABLE_LEVEL`]).
const DISCOVERABLE: u8 = 1;
/// `updated_at` equals `created_at` and is not stored.
const NEVER_UPDATED: u8 = 2;
/// Links or properties follow the addresses, as one JSON string (rare, and
/// read only when a document is rendered).
const HAS_DOCUMENT: u8 = 4;
/// Bits 3-4: the display name's visibility (an index of [`VISIBILITIES`];
/// an audience's set follows the times and the discoverable level).
const NAME_VISIBILITY_SHIFT: u8 = 3;
/// Discoverable at a level other than everyone or nobody, which follows
/// the times.
const DISCOVERABLE_LEVEL: u8 = 1 << 5;

// Address head: kind in bits 0-2, visibility in bits 3-4, then flags.
/// Discoverable by everyone (for the first three visibilities).
const ADDRESS_DISCOVERABLE: u8 = 1 << 5;
const HAS_LABEL: u8 = 1 << 6;
const DEFAULT_PRIO: u8 = 1 << 7;

/// Visibilities by their two bits in an address head, and as a level's
/// first byte; an audience level's audiences follow that byte. In an
/// address head, the audience bits say the visibility and the
/// discoverability follow the head as levels: an address names audiences
/// or is discoverable by some callers only.
const VISIBILITIES: [Visibility; 4] = [
    Visibility::Public,
    Visibility::Authenticated,
    Visibility::Private,
    Visibility::Audience(Audiences::NONE),
];
const EXTENDED: u8 = 3;

/// The index of `v`'s kind in [`VISIBILITIES`].
fn level_index(v: Visibility) -> u8 {
    match v {
        Visibility::Public => 0,
        Visibility::Authenticated => 1,
        Visibility::Private => 2,
        Visibility::Audience(_) => 3,
    }
}

fn put_level(out: &mut Vec<u8>, v: Visibility) {
    out.push(level_index(v));
    if let Visibility::Audience(audiences) = v {
        put_varint(out, audiences.bits());
    }
}

/// The packed form of `subject`.
pub fn pack(subject: &Subject) -> Box<[u8]> {
    let mut out = Vec::with_capacity(64 + 32 * subject.addresses.len());
    let handle = subject.handle.as_str();
    let domain = subject.domain.as_str();
    let has_document = !subject.links.is_empty() || !subject.properties.is_empty();
    let level = subject.discoverable.level().is_some();
    let flags = (subject.discoverable.is_everyone() as u8 * DISCOVERABLE)
        | (level as u8 * DISCOVERABLE_LEVEL)
        | ((subject.updated_at == subject.created_at) as u8 * NEVER_UPDATED)
        | (has_document as u8 * HAS_DOCUMENT)
        | level_index(subject.display_name_visibility) << NAME_VISIBILITY_SHIFT;
    out.extend_from_slice(subject.id.as_bytes());
    out.push(flags);
    put_signed(&mut out, subject.version);
    put_time(&mut out, subject.created_at);
    if flags & NEVER_UPDATED == 0 {
        put_time(&mut out, subject.updated_at);
    }
    if level {
        put_level(&mut out, subject.discoverable.0);
    }
    if let Visibility::Audience(audiences) = subject.display_name_visibility {
        put_varint(&mut out, audiences.bits());
    }
    put_str(&mut out, handle);
    put_str(&mut out, domain);
    put_str(&mut out, &subject.display_name);
    put_varint(&mut out, subject.addresses.len() as u64);
    let mut previous = subject.id.as_bytes();
    for a in &subject.addresses {
        let id = a.id.as_bytes();
        let shared = id.iter().zip(previous).take_while(|(a, b)| a == b).count();
        out.push(shared as u8);
        out.extend_from_slice(&id[shared..]);
        previous = id;
        let kind = Kind::ALL
            .iter()
            .position(|k| *k == a.kind())
            .expect("a kind") as u8;
        let extended =
            matches!(a.visibility, Visibility::Audience(_)) || a.discoverable.level().is_some();
        let visibility = if extended {
            EXTENDED
        } else {
            level_index(a.visibility)
        };
        let default_priority = a.priority == DEFAULT_PRIORITY;
        out.push(
            kind | visibility << 3
                | (a.discoverable.is_everyone() as u8 * ADDRESS_DISCOVERABLE)
                | (a.label.is_some() as u8 * HAS_LABEL)
                | (default_priority as u8 * DEFAULT_PRIO),
        );
        if extended {
            put_level(&mut out, a.visibility);
            put_level(&mut out, a.discoverable.0);
        }
        if !default_priority {
            put_varint(&mut out, a.priority.into());
        }
        if let Some(label) = &a.label {
            put_str(&mut out, label);
        }
        let routing = a.routing_number.as_deref();
        uri::put(&mut out, a.kind(), a.uri.as_str(), routing, handle, domain);
    }
    if has_document {
        let document = Document {
            links: subject.links.clone(),
            properties: subject.properties.clone(),
        };
        put_str(
            &mut out,
            &serde_json::to_string(&document).expect("documents serialise"),
        );
    }
    // A copy of the exact size: shrinking `out` in place would leave a
    // small free fragment behind every one of a million long-lived subjects.
    out.as_slice().into()
}

/// The subject `bytes` hold.
pub fn unpack(bytes: &[u8]) -> Subject {
    let mut r = Reader::new(bytes);
    let head = r.head();
    let mut previous = head.id;
    let addresses = (0..head.addresses)
        .map(|_| {
            let a = r.address(previous);
            previous = a.id;
            let mut uri = String::with_capacity(a.uri.len(a.kind, head.handle, head.domain));
            a.uri.write(a.kind, head.handle, head.domain, &mut uri);
            SubjectAddress {
                id: a.id,
                uri: Address::trusted(a.kind, uri),
                visibility: a.visibility,
                discoverable: a.discoverable,
                priority: a.priority,
                label: a.label.map(str::to_owned),
                routing_number: a.uri.routing(),
            }
        })
        .collect();
    let document = if head.has_document {
        serde_json::from_str(r.str()).expect("a packed document is valid JSON")
    } else {
        Document::default()
    };
    Subject {
        id: head.id,
        handle: Handle::trusted(head.handle.to_owned()),
        domain: Domain::trusted(head.domain.to_owned()),
        display_name: head.display_name.to_owned(),
        display_name_visibility: head.name_visibility,
        discoverable: head.discoverable,
        version: head.version,
        created_at: head.created_at,
        updated_at: head.updated_at,
        addresses,
        links: document.links,
        properties: document.properties,
    }
}

/// A subject's links and properties, as packed.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Document {
    links: Vec<DocumentLink>,
    properties: BTreeMap<String, DocumentProperty>,
}

/// The subject's id.
pub fn id(bytes: &[u8]) -> Uuid {
    Uuid::from_slice(&bytes[..16]).expect("16 bytes")
}

/// Is `key` one of the subject's keys (its acct or an address URI)?
/// Compared piece by piece, without building any of them.
pub fn owns(bytes: &[u8], key: &str) -> bool {
    let mut r = Reader::new(bytes);
    let head = r.head();
    Acct::is_uri(key, head.handle, head.domain)
        || (0..head.addresses).any(|_| {
            let a = r.address(Uuid::nil());
            a.uri.is(a.kind, head.handle, head.domain, key)
        })
}

/// A packed subject's fields before its addresses, read in place.
struct Head<'a> {
    id: Uuid,
    discoverable: Discoverable,
    has_document: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    handle: &'a str,
    domain: &'a str,
    display_name: &'a str,
    name_visibility: Visibility,
    addresses: usize,
}

/// One packed address, read in place.
struct PackedAddress<'a> {
    id: Uuid,
    kind: Kind,
    visibility: Visibility,
    discoverable: Discoverable,
    priority: u16,
    label: Option<&'a str>,
    uri: Uri<'a>,
}

impl<'a> Reader<'a> {
    fn head(&mut self) -> Head<'a> {
        let id = self.uuid();
        let flags = self.u8();
        let version = self.signed();
        let created_at = self.time();
        let updated_at = if flags & NEVER_UPDATED != 0 {
            created_at
        } else {
            self.time()
        };
        let discoverable = if flags & DISCOVERABLE_LEVEL != 0 {
            Discoverable(self.level())
        } else {
            Discoverable::from(flags & DISCOVERABLE != 0)
        };
        let name_visibility = match VISIBILITIES[(flags >> NAME_VISIBILITY_SHIFT & 3) as usize] {
            Visibility::Audience(_) => Visibility::Audience(Audiences::from_bits(self.varint())),
            other => other,
        };
        let handle = self.str();
        let domain = self.str();
        let display_name = self.str();
        Head {
            id,
            discoverable,
            has_document: flags & HAS_DOCUMENT != 0,
            version,
            created_at,
            updated_at,
            handle,
            domain,
            display_name,
            name_visibility,
            addresses: self.varint() as usize,
        }
    }

    /// A level [`put_level`] wrote.
    fn level(&mut self) -> Visibility {
        match VISIBILITIES[(self.u8() & 3) as usize] {
            Visibility::Audience(_) => Visibility::Audience(Audiences::from_bits(self.varint())),
            other => other,
        }
    }

    /// The next address; its id is read against `previous`.
    fn address(&mut self, previous: Uuid) -> PackedAddress<'a> {
        let shared = self.u8() as usize;
        let mut id = *previous.as_bytes();
        id[shared..].copy_from_slice(self.take(16 - shared));
        let id = Uuid::from_bytes(id);
        let head = self.u8();
        let index = (head >> 3) & 3;
        let (visibility, discoverable) = if index == EXTENDED {
            (self.level(), Discoverable(self.level()))
        } else {
            let flag = head & ADDRESS_DISCOVERABLE != 0;
            (VISIBILITIES[index as usize], Discoverable::from(flag))
        };
        let priority = if head & DEFAULT_PRIO != 0 {
            DEFAULT_PRIORITY
        } else {
            self.varint() as u16
        };
        let label = (head & HAS_LABEL != 0).then(|| self.str());
        let uri = uri::read(self);
        PackedAddress {
            id,
            kind: Kind::ALL[(head & 7) as usize],
            visibility,
            discoverable,
            priority,
            label,
            uri,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubjectInput;

    fn subject(value: serde_json::Value) -> Subject {
        let input: SubjectInput = serde_json::from_value(value).unwrap();
        input.into_subject(Utc::now()).unwrap()
    }

    #[test]
    fn packing_is_lossless() {
        for name in ["partners", "staff"] {
            crate::model::admit(name).unwrap();
        }
        let mut s = subject(serde_json::json!({
            "handle": "alice", "domain": "example.com", "display_name": "Alice \"Al\" Ümlaut",
            "addresses": [
                {"uri": "tel:+12125550100", "label": "mobile"},
                {"uri": "tel:+442071838750", "visibility": "private", "priority": 7},
                {"uri": "tel:+12155550123", "routing_number": "+1 215 555 0199"},
                {"uri": "sip:alice@example.com"},
                {"uri": "sips:alice@example.com:5061", "discoverable": false},
                {"uri": "xmpp:alice@example.com/phone@home", "visibility": "authenticated"},
                {"uri": "xmpp:bob@example.net", "priority": 60000},
                {"uri": "mailto:Alice@example.com"},
                {"uri": "h323:alice@gw.example.com"},
                {"uri": "https://example.com/~alice?x=@y"},
                {"uri": "sip:alice-p@example.com", "visibility": "audience:partners,staff"},
                {"uri": "sip:alice-q@example.com", "discoverable": "audience:staff"},
                {"uri": "sip:alice-r@example.com", "visibility": "audience:staff",
                 "discoverable": "authenticated", "priority": 3, "label": "desk"},
            ],
            "discoverable": "audience:partners",
            "display_name_visibility": "audience:partners,staff",
            "links": [{"rel": "self", "type": "application/activity+json",
                       "href": "https://example.com/users/alice", "visibility": "authenticated"}],
            "properties": {"http://example.com/ns/role": "sales",
                           "http://example.com/ns/desk": {"value": null, "visibility": "private"}}
        }));
        s.version = 42;
        s.updated_at = s.created_at + chrono::Duration::nanoseconds(1_234_567_891);
        let packed = pack(&s);
        assert_eq!(unpack(&packed), s);
        for name_visibility in [Visibility::Authenticated, Visibility::Private] {
            let t = Subject {
                display_name_visibility: name_visibility,
                ..s.clone()
            };
            assert_eq!(unpack(&pack(&t)), t);
        }
        assert_eq!(id(&packed), s.id);
        assert!(owns(&packed, &s.acct()));
        for a in &s.addresses {
            assert!(owns(&packed, a.uri.as_str()), "{}", a.uri);
        }
        for other in [
            "acct:alice@example.co",
            "acct:alice@example.comx",
            "sips:alice@example.com",
            "tel:+1212555010",
            "tel:+121255501000",
            "tel:+12125550109",
            "xmpp:alice@example.com/phone",
            "xmpp:alice@example.com/phone@hom",
            "mailto:alice@example.com",
        ] {
            assert!(!owns(&packed, other), "{other}");
        }
        // Small: a typical subject costs its ids and little more.
        let typical = subject(serde_json::json!({
            "handle": "u0000001", "domain": "example.net", "display_name": "User 0000001",
            "addresses": [
                {"uri": "tel:+12122000002"}, {"uri": "sip:u0000001@example.net"},
                {"uri": "xmpp:u0000001@example.net"}, {"uri": "mailto:u0000001@example.net"},
            ]
        }));
        let packed = pack(&typical);
        assert_eq!(unpack(&packed), typical);
        assert!(packed.len() <= 110, "{} bytes", packed.len());

        s.created_at = DateTime::from_timestamp(-86_400 * 365 * 80, 999_999_999).unwrap();
        s.version = -1;
        s.addresses.clear();
        assert_eq!(unpack(&pack(&s)), s);
    }
}
