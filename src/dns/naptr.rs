//! The ENUM mapping of DESIGN.md: which numbers a subject publishes, and
//! the NAPTR records each of them answers with.
//!
//! What is published is decided by `model::project` with an anonymous
//! viewer, the same function WebFinger and lookup call, so a privacy rule
//! cannot differ between channels. A number is published when the anonymous
//! projection may be found by it and shows at least one *other* address (a
//! name without records does not exist in a zone transfer either, so it must
//! not exist here).
//!
//! `sips:` addresses are published as `E2U+sip` (RFC 3764 allows a SIPS URI
//! in the `sip` enumservice) and ranked with the `sip:` ones.
//!
//! A ported number (one with a routing number) also answers RFC 4769's
//! `10 100 "u" "E2U+pstn:tel" "!^.*$!tel:+N;npdi;rn=+R!" .`, at that number
//! only; a number of a ported block answers the back-reference form
//! `"!^(\+P[0-9]{k})$!tel:\1;npdi;rn=+R!"`, the same record for every
//! number of the block (what a wildcard can carry).
//!
//! Every record of a block number is that same for each of its numbers: a
//! template becomes an expression whose ERE bounds the block's numbers and
//! whose replacement refers back to the digits, e.g.
//! `!^\+1212555([0-9]{4})$!sip:\1@pbx.example.com!`. A zone transfer
//! carries it once, at the block's wildcard.
//!
//! Two records are deployment choices ([`Extras`]), made by the same
//! privacy function: `100 60 "u" "E2U+vcard" "!^.*$!<base>/vcard/<acct>.vcf!" .`
//! (RFC 4969) where the subject's vCard answers anonymous callers, and the
//! caller name as a TXT record at the number's name (what Asterisk's
//! `TXTCIDNAME` reads) where the display name is public. Both sit at
//! published numbers only: they never make a number exist, and numbers of
//! blocks carry neither.

use std::sync::{Arc, LazyLock};

use hickory_proto::rr::Name;
use hickory_proto::rr::rdata::NAPTR;
use hickory_proto::serialize::binary::{BinEncodable, BinEncoder};

pub use super::number::{MAX_DIGITS, NumberKey, key_digits, number_key, prefix_end, prefix_key};
use super::regexp::{
    MAX_URI, REGEXP_HEAD, REGEXP_TAIL, block_regexp, escape_replacement, pstn_regexp,
};
use crate::model::{Block, Kind, Subject, Viewer, project, visible_name};

pub const ORDER: u16 = 100;
pub const FLAGS: &str = "u";

/// The number-portability record (RFC 4769): ordered before every other
/// record, so a PSTN router that understands it meets it first; clients
/// that do not skip it.
const PSTN_ORDER: u16 = 10;
const PSTN_PREFERENCE: u16 = 100;
const PSTN_SERVICES: &str = "E2U+pstn:tel";
/// The service index (beside [`SERVICES`]) of the pstn record.
const PSTN: u8 = 7;

/// The vCard record (RFC 4969): in the order of the address records, so a
/// client that understands it meets it with them (a SIP client asking for
/// `E2U+sip` skips it), preferred after all of them.
const VCARD_PREFERENCE: u16 = 60;
const VCARD_SERVICES: &str = "E2U+vcard";
/// The tag of the vCard record (after every address record) and of the
/// caller name (first in the set): outside the service-and-form tags.
const TAG_VCARD: u8 = 1 << 7;
const TAG_CALLER_NAME: u8 = 1 << 6;
/// A TXT character-string holds at most 255 bytes.
const MAX_CALLER_NAME: usize = 255;

/// What published numbers answer besides their addresses' records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// The public base URL (`https://host`) of vCard URLs: with it, an
    /// `E2U+vcard` record where the subject's vCard answers anonymous
    /// callers (`webfinger.public_base_url`).
    pub vcard_base: Option<String>,
    /// The caller name as TXT where the display name is public
    /// (`dns.caller_name`).
    pub caller_name: bool,
}

/// The enumservice and preference base of each kind, in publication order.
/// Within a kind, preference = base + the address's rank by priority,
/// capped so a kind never reaches the next one's base.
const SERVICES: [(Kind, &str, u16); 7] = [
    (Kind::Sip, "E2U+sip", 10),
    (Kind::Sips, "E2U+sip", 10),
    (Kind::Xmpp, "E2U+xmpp", 20),
    (Kind::H323, "E2U+h323", 25),
    (Kind::Mailto, "E2U+email:mailto", 30),
    (Kind::Tel, "E2U+voice:tel", 40),
    (Kind::Https, "E2U+web:https", 50),
];

fn service(kind: Kind) -> usize {
    SERVICES
        .iter()
        .position(|(k, _, _)| *k == kind)
        .expect("every kind has an enumservice")
}

/// The highest rank a preference base can take before the next base.
fn rank_cap(base: u16) -> u16 {
    SERVICES
        .iter()
        .map(|(_, _, b)| *b)
        .find(|b| *b > base)
        .map_or(9, |next| next - base - 1)
}

/// What every record of one enumservice shares (ORDER, the base
/// PREFERENCE, FLAGS, SERVICES), encoded once by hickory from fields.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    bytes: Box<[u8]>,
    services: &'static str,
}

impl Head {
    fn new(order: u16, services: &'static str, preference: u16) -> Head {
        // An empty regexp and the root replacement are one byte each.
        let full =
            encode(order, services, preference, b"").expect("a record without a regexp encodes");
        Head {
            bytes: full[..full.len() - 2].into(),
            services,
        }
    }

    fn order(&self) -> u16 {
        u16::from_be_bytes([self.bytes[0], self.bytes[1]])
    }
}

static HEADS: LazyLock<Vec<Head>> = LazyLock::new(|| {
    SERVICES
        .iter()
        .map(|(_, services, base)| Head::new(ORDER, services, *base))
        .collect()
});

static PSTN_HEAD: LazyLock<Head> =
    LazyLock::new(|| Head::new(PSTN_ORDER, PSTN_SERVICES, PSTN_PREFERENCE));

static VCARD_HEAD: LazyLock<Head> =
    LazyLock::new(|| Head::new(ORDER, VCARD_SERVICES, VCARD_PREFERENCE));

/// The whole rdata of one NAPTR, by hickory's encoder.
fn encode(order: u16, services: &str, preference: u16, regexp: &[u8]) -> Option<Vec<u8>> {
    let naptr = NAPTR::new(
        order,
        preference,
        FLAGS.as_bytes().into(),
        services.as_bytes().into(),
        regexp.into(),
        Name::root(),
    );
    let mut buf = Vec::new();
    naptr.emit(&mut BinEncoder::new(&mut buf)).ok()?;
    Some(buf)
}

/// The NAPTR records of a subject's published numbers: its public
/// addresses, encoded once and shared by all of its numbers (a number skips
/// its own record when answering). Only what differs between records is
/// kept, the enumservice and the URI, and URIs cheaply: a number as its key,
/// and `xmpp:alice@example.com` after `sip:alice@example.com` as a pointer
/// to the `alice@example.com` already stored. A million subjects' sets take
/// about 60 MB.
///
/// Each record is a byte (service index in bits 0-2, form above) and then
/// its form's data: a rest (`[length][bytes]`, the URI after `scheme:`), a
/// number key (8 bytes), the offset (2 bytes) of an earlier rest, or a
/// whole URI (`[length][bytes]`), or with [`WHOLE_REGEXP`] a whole
/// substitution expression (`[length][bytes]`, a block's template with its
/// back-references). A pstn record (service [`PSTN`], first in
/// the set) is the number's key and its routing number's (`FORM_TEL`,
/// answered at that number only) or a block's whole regexp (answered at
/// every number). The caller name ([`TAG_CALLER_NAME`], counted) comes
/// before everything, the vCard record ([`TAG_VCARD`], a counted whole URI)
/// after everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Naptrs(Arc<[u8]>);

const FORM_REST: u8 = 0;
const FORM_TEL: u8 = 1 << 3;
const FORM_SAME_REST: u8 = 2 << 3;
const FORM_URI: u8 = 3 << 3;
const FORM_MASK: u8 = 3 << 3;
/// Beside [`FORM_URI`]: the bytes are the whole regexp, not a URI.
const WHOLE_REGEXP: u8 = 1 << 5;

/// A record's URI as stored, already escaped as a replacement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Uri<'a> {
    /// `scheme:` then these bytes (a scheme needs no escape).
    Rest(&'static str, &'a [u8]),
    Tel(NumberKey),
    Whole(&'a [u8]),
    /// `tel:+N;npdi;rn=+R`: a number and its routing number.
    Ported(NumberKey, NumberKey),
    /// A whole substitution expression, delimiters included.
    Regexp(&'a [u8]),
}

const NPDI_RN: &[u8] = b";npdi;rn=+";

impl Uri<'_> {
    fn len(&self) -> usize {
        match self {
            Uri::Rest(scheme, rest) => scheme.len() + 1 + rest.len(),
            Uri::Tel(key) => "tel:+".len() + key_digits(*key).count(),
            Uri::Whole(uri) => uri.len(),
            Uri::Ported(number, rn) => {
                "tel:+".len()
                    + key_digits(*number).count()
                    + NPDI_RN.len()
                    + key_digits(*rn).count()
            }
            Uri::Regexp(regexp) => regexp.len(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Uri::Rest(scheme, rest) => {
                out.extend_from_slice(scheme.as_bytes());
                out.push(b':');
                out.extend_from_slice(rest);
            }
            Uri::Tel(key) => {
                out.extend_from_slice(b"tel:+");
                out.extend(key_digits(*key));
            }
            Uri::Whole(uri) | Uri::Regexp(uri) => out.extend_from_slice(uri),
            Uri::Ported(number, rn) => {
                out.extend_from_slice(b"tel:+");
                out.extend(key_digits(*number));
                out.extend_from_slice(NPDI_RN);
                out.extend(key_digits(*rn));
            }
        }
    }

    /// The regexp before the replacement (none for a whole regexp).
    fn regexp_head(&self) -> &'static [u8] {
        match self {
            Uri::Regexp(_) => b"",
            _ => REGEXP_HEAD,
        }
    }

    /// The regexp after the replacement.
    fn regexp_tail(&self) -> &'static [u8] {
        match self {
            Uri::Regexp(_) => b"",
            _ => REGEXP_TAIL,
        }
    }
}

/// One record as answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Naptr<'a> {
    head: &'static Head,
    uri: Uri<'a>,
    pub preference: u16,
}

impl Naptr<'_> {
    /// The rdata length.
    pub fn len(&self) -> usize {
        self.head.bytes.len() + 1 + self.regexp_len() + 1
    }

    fn regexp_len(&self) -> usize {
        self.uri.regexp_head().len() + self.uri.len() + self.uri.regexp_tail().len()
    }

    /// ORDER: 10 for the pstn record, [`ORDER`] for every other.
    pub fn order(&self) -> u16 {
        self.head.order()
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The rdata, byte for byte what hickory's encoder writes for it.
    pub fn write(&self, out: &mut Vec<u8>) {
        let head = &self.head.bytes;
        out.extend_from_slice(&head[..2]);
        out.extend_from_slice(&self.preference.to_be_bytes());
        out.extend_from_slice(&head[4..]);
        out.push(self.regexp_len() as u8);
        out.extend_from_slice(self.uri.regexp_head());
        self.uri.write(out);
        out.extend_from_slice(self.uri.regexp_tail());
        out.push(0);
    }

    pub fn to_vec(self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.len());
        self.write(&mut v);
        v
    }

    pub fn services(&self) -> &'static str {
        self.head.services
    }

    pub fn regexp(&self) -> Vec<u8> {
        let mut v = self.uri.regexp_head().to_vec();
        self.uri.write(&mut v);
        v.extend_from_slice(self.uri.regexp_tail());
        v
    }
}

impl Naptrs {
    /// The records number `own` answers with: every record but its own.
    pub fn iter(&self, own: NumberKey) -> impl Iterator<Item = Naptr<'_>> {
        Naptrs::records(&self.0, own)
    }

    /// The caller name the numbers answer as TXT, if published.
    pub fn caller_name(&self) -> Option<&[u8]> {
        match self.0.first() {
            Some(&TAG_CALLER_NAME) => Some(&self.0[2..2 + self.0[1] as usize]),
            _ => None,
        }
    }

    /// The TXT rdata of the caller name: one character-string.
    pub fn caller_name_rdata(&self) -> Option<&[u8]> {
        self.caller_name()
            .map(|_| &self.0[1..2 + self.0[1] as usize])
    }

    /// The NAPTR records of a packed set that number `own` answers with.
    fn records(set: &[u8], own: NumberKey) -> impl Iterator<Item = Naptr<'_>> {
        let heads = &*HEADS;
        let mut pos = 0;
        let mut base = 0u16;
        let mut rank = 0u16;
        // A counted string at `at`.
        let counted = move |at: usize| &set[at + 1..at + 1 + set[at] as usize];
        std::iter::from_fn(move || {
            loop {
                let tag = *set.get(pos)?;
                if tag == TAG_CALLER_NAME {
                    pos += 2 + *set.get(pos + 1)? as usize;
                    continue;
                }
                if tag == TAG_VCARD {
                    let bytes = counted(pos + 1);
                    pos += 2 + bytes.len();
                    return Some(Naptr {
                        head: &VCARD_HEAD,
                        uri: Uri::Whole(bytes),
                        preference: VCARD_PREFERENCE,
                    });
                }
                let key_at = |at: usize| -> Option<NumberKey> {
                    Some(u64::from_le_bytes(set.get(at..at + 8)?.try_into().ok()?))
                };
                if tag & 7 == PSTN {
                    let uri = if tag & WHOLE_REGEXP != 0 {
                        let bytes = counted(pos + 1);
                        pos += 2 + bytes.len();
                        Uri::Regexp(bytes)
                    } else {
                        let (number, rn) = (key_at(pos + 1)?, key_at(pos + 9)?);
                        pos += 17;
                        if number != own {
                            continue;
                        }
                        Uri::Ported(number, rn)
                    };
                    return Some(Naptr {
                        head: &PSTN_HEAD,
                        uri,
                        preference: PSTN_PREFERENCE,
                    });
                }
                let service = (tag & 7) as usize;
                let scheme = SERVICES[service].0.scheme();
                let uri = match tag & FORM_MASK {
                    FORM_TEL => {
                        let key = u64::from_le_bytes(set[pos + 1..pos + 9].try_into().ok()?);
                        pos += 9;
                        Uri::Tel(key)
                    }
                    FORM_SAME_REST => {
                        let at = u16::from_le_bytes([set[pos + 1], set[pos + 2]]) as usize;
                        pos += 3;
                        Uri::Rest(scheme, counted(at))
                    }
                    form => {
                        let bytes = counted(pos + 1);
                        pos += 2 + bytes.len();
                        if tag & WHOLE_REGEXP != 0 {
                            Uri::Regexp(bytes)
                        } else if form == FORM_URI {
                            Uri::Whole(bytes)
                        } else {
                            Uri::Rest(scheme, bytes)
                        }
                    }
                };
                if uri == Uri::Tel(own) {
                    continue;
                }
                let kind_base = SERVICES[service].2;
                if kind_base == base {
                    rank += 1;
                } else {
                    (base, rank) = (kind_base, 0);
                }
                let preference = base + rank.min(rank_cap(base));
                return Some(Naptr {
                    head: &heads[service],
                    uri,
                    preference,
                });
            }
        })
    }
}

/// Every number `subject` publishes, with its records. Empty for a
/// subject the anonymous viewer may not find by any number.
pub fn publish(subject: &Subject, extras: &Extras) -> Vec<(NumberKey, Naptrs)> {
    publish_as(subject, None, extras)
}

/// The records every number of `block` answers with, the same bytes for
/// each (what a wildcard carries): its public templates as substitution
/// expressions with back-references (see [`block_regexp`]), its routing
/// number in the back-reference form. `None` when the block publishes
/// nothing, decided by the one privacy function on one of its numbers.
/// No caller name or vCard record: a wildcard carries what every number
/// answers, and those belong to published numbers.
pub fn publish_block(block: &Block) -> Option<Naptrs> {
    let subject = block.subject_for(&block.sample_digits(), None)?;
    publish_as(&subject, Some(block), &Extras::default())
        .into_iter()
        .next()
        .map(|(_, naptrs)| naptrs)
}

fn publish_as(
    subject: &Subject,
    block: Option<&Block>,
    extras: &Extras,
) -> Vec<(NumberKey, Naptrs)> {
    let mut projection = None;
    let mut numbers = Vec::new();
    let mut set = Vec::new();
    if extras.caller_name {
        let name = visible_name(subject, Viewer::Anonymous).unwrap_or_default();
        let name = truncate_utf8(name, MAX_CALLER_NAME);
        if !name.is_empty() {
            set.push(TAG_CALLER_NAME);
            set.push(name.len() as u8);
            set.extend_from_slice(name.as_bytes());
        }
    }
    for a in subject.addresses.iter().filter(|a| a.kind() == Kind::Tel) {
        let Some(p) = project(subject, a.uri.as_str(), Viewer::Anonymous) else {
            continue;
        };
        let Some(key) = a.uri.e164().and_then(|e| number_key(&e.as_bytes()[1..])) else {
            continue;
        };
        numbers.push(key);
        projection.get_or_insert(p);
        let Some(rn) = a
            .routing_number
            .as_deref()
            .and_then(|rn| number_key(&rn.as_bytes()[1..]))
        else {
            continue;
        };
        match block {
            Some(block) => {
                let regexp =
                    pstn_regexp(block, &key_digits(rn).map(char::from).collect::<String>());
                set.push(PSTN | FORM_URI | WHOLE_REGEXP);
                set.push(regexp.len() as u8);
                set.extend_from_slice(regexp.as_bytes());
            }
            None => {
                set.push(PSTN | FORM_TEL);
                set.extend_from_slice(&key.to_le_bytes());
                set.extend_from_slice(&rn.to_le_bytes());
            }
        }
    }
    let Some(projection) = projection else {
        return Vec::new();
    };
    let mut addresses = projection.addresses;
    addresses.sort_by_key(|a| SERVICES[service(a.kind())].2);
    // Where each rest written so far starts (at its length byte).
    let mut rests: Vec<usize> = Vec::new();
    for a in addresses {
        if let Some(block) = block {
            // The number itself (first) is no record; each template is one
            // expression for every number.
            let Some(template) =
                (a.priority.checked_sub(1)).and_then(|i| block.templates.get(usize::from(i)))
            else {
                continue;
            };
            let Some(regexp) = block_regexp(block, &template.uri) else {
                tracing::debug!(
                    template = template.uri,
                    "template has no NAPTR form; not published"
                );
                continue;
            };
            set.push(service(a.kind()) as u8 | FORM_URI | WHOLE_REGEXP);
            set.push(regexp.len() as u8);
            set.extend_from_slice(regexp.as_bytes());
            continue;
        }
        let escaped = escape_replacement(a.uri.as_str());
        let uri = escaped.as_ref();
        if uri.len() > MAX_URI {
            tracing::debug!(uri, "address too long for a NAPTR regexp; not published");
            continue;
        }
        let service = service(a.kind()) as u8;
        if let Some(key) = a.uri.e164().and_then(|e| number_key(&e.as_bytes()[1..])) {
            set.push(service | FORM_TEL);
            set.extend_from_slice(&key.to_le_bytes());
            continue;
        }
        let rest = uri
            .strip_prefix(a.kind().scheme())
            .and_then(|r| r.strip_prefix(':'));
        match rest {
            Some(rest) => match rests
                .iter()
                .find(|at| &set[**at + 1..**at + 1 + set[**at] as usize] == rest.as_bytes())
            {
                Some(at) if *at <= u16::MAX as usize => {
                    set.push(service | FORM_SAME_REST);
                    set.extend_from_slice(&(*at as u16).to_le_bytes());
                }
                _ => {
                    set.push(service | FORM_REST);
                    rests.push(set.len());
                    set.push(rest.len() as u8);
                    set.extend_from_slice(rest.as_bytes());
                }
            },
            None => {
                set.push(service | FORM_URI);
                set.push(uri.len() as u8);
                set.extend_from_slice(uri.as_bytes());
            }
        }
    }
    // Only a number with an address record of its own is published; the
    // vCard record alone never makes one exist.
    numbers.retain(|key| Naptrs::records(&set, *key).next().is_some());
    if let Some(base) = &extras.vcard_base
        && project(subject, &subject.acct(), Viewer::Anonymous).is_some()
        && let Some(url) = subject.vcard_url(base)
    {
        let escaped = escape_replacement(&url);
        if escaped.len() <= MAX_URI {
            set.push(TAG_VCARD);
            set.push(escaped.len() as u8);
            set.extend_from_slice(escaped.as_bytes());
        }
    }
    let naptrs = Naptrs(set.into());
    numbers
        .into_iter()
        .map(|key| (key, naptrs.clone()))
        .collect()
}

/// The longest prefix of `text` of at most `max` bytes, whole characters.
fn truncate_utf8(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Address, SubjectInput};
    use crate::resolve::naptr::substitute;
    use hickory_proto::serialize::binary::{BinDecodable, BinDecoder};
    use proptest::prelude::*;

    fn subject(addresses: serde_json::Value) -> Subject {
        let input: SubjectInput = serde_json::from_value(serde_json::json!({
            "handle": "alice", "domain": "example.com", "addresses": addresses
        }))
        .unwrap();
        input.into_subject(chrono::Utc::now()).unwrap()
    }

    fn rendered((key, n): &(NumberKey, Naptrs)) -> Vec<(u16, String, String)> {
        n.iter(*key)
            .map(|r| {
                let regexp = String::from_utf8(r.regexp()).unwrap();
                (r.preference, r.services().to_string(), regexp)
            })
            .collect()
    }

    #[test]
    fn each_number_lists_the_other_public_addresses() {
        let s = subject(serde_json::json!([
            {"uri": "tel:+12125550100"},
            {"uri": "tel:+12125550101", "priority": 200},
            {"uri": "sips:alice@example.com", "priority": 5},
            {"uri": "sip:alice@example.com"},
            {"uri": "xmpp:alice@example.com"},
            {"uri": "mailto:alice@example.com", "visibility": "authenticated"},
            {"uri": "https://example.com/alice", "visibility": "private"},
        ]));
        let published = publish(&s, &Extras::default());
        assert_eq!(published.len(), 2);
        let first = published
            .iter()
            .find(|(k, _)| *k == number_key(b"12125550100").unwrap())
            .unwrap();
        assert_eq!(
            rendered(first),
            vec![
                (10, "E2U+sip".into(), "!^.*$!sips:alice@example.com!".into()),
                (11, "E2U+sip".into(), "!^.*$!sip:alice@example.com!".into()),
                (
                    20,
                    "E2U+xmpp".into(),
                    "!^.*$!xmpp:alice@example.com!".into()
                ),
                (40, "E2U+voice:tel".into(), "!^.*$!tel:+12125550101!".into()),
            ]
        );
        let second = published
            .iter()
            .find(|(k, _)| *k == number_key(b"12125550101").unwrap())
            .unwrap();
        assert_eq!(
            rendered(second)[3],
            (40, "E2U+voice:tel".into(), "!^.*$!tel:+12125550100!".into())
        );
    }

    #[test]
    fn hidden_or_lonely_numbers_are_not_published() {
        let s = subject(serde_json::json!([
            {"uri": "tel:+12125550100", "discoverable": false},
            {"uri": "tel:+12125550101", "visibility": "authenticated"},
            {"uri": "sip:alice@example.com"},
        ]));
        assert!(publish(&s, &Extras::default()).is_empty());
        let lonely = subject(serde_json::json!([
            {"uri": "tel:+12125550100"},
            {"uri": "sip:alice@example.com", "visibility": "private"},
        ]));
        assert!(publish(&lonely, &Extras::default()).is_empty());
    }

    #[test]
    fn ranks_stop_below_the_next_kind() {
        let sips: Vec<_> = (0..12)
            .map(|i| serde_json::json!({"uri": format!("sip:a{i:02}@example.com"), "priority": i}))
            .chain([serde_json::json!({"uri": "tel:+12125550100"})])
            .collect();
        let published = publish(&subject(serde_json::Value::Array(sips)), &Extras::default());
        let prefs: Vec<u16> = published[0]
            .1
            .iter(published[0].0)
            .map(|r| r.preference)
            .collect();
        assert_eq!(prefs, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 19]);
    }

    #[test]
    fn records_are_what_hickory_encodes() {
        let s = subject(serde_json::json!([
            {"uri": "tel:+12125550100"}, {"uri": "tel:+12125550101"},
            {"uri": "sip:alice@example.com"}, {"uri": "sips:alice@example.com"},
            {"uri": "xmpp:alice@example.com"}, {"uri": "h323:alice@example.com"},
            {"uri": "mailto:alice@example.com"}, {"uri": "https://example.com/~alice?x=!"},
        ]));
        let published = publish(&s, &Extras::default());
        let records: Vec<_> = published[0].1.iter(published[0].0).collect();
        assert_eq!(records.len(), 7);
        for r in records {
            let expected = encode(r.order(), r.services(), r.preference, &r.regexp()).unwrap();
            assert_eq!(r.to_vec(), expected, "{}", r.services());
            assert_eq!(r.len(), expected.len());
        }
    }

    #[test]
    fn extras_add_a_vcard_record_and_a_caller_name_without_making_numbers() {
        let mut s = subject(serde_json::json!([
            {"uri": "tel:+12125550100", "routing_number": "+12125550199"},
            {"uri": "tel:+12125550101"},
            {"uri": "sip:alice@example.com"},
            {"uri": "xmpp:alice@example.com"},
        ]));
        // 254 bytes, then a two-byte character that would cross 255.
        s.display_name = format!("{}é", "a".repeat(254));
        let extras = Extras {
            vcard_base: Some("https://callsign.example".into()),
            caller_name: true,
        };
        let plain = publish(&s, &Extras::default());
        let published = publish(&s, &extras);
        assert_eq!(published.len(), 2);
        for ((key, with), (_, without)) in published.iter().zip(&plain) {
            let records: Vec<_> = with.iter(*key).collect();
            // The address records as without extras, then the vCard's.
            assert_eq!(
                records[..records.len() - 1],
                without.iter(*key).collect::<Vec<_>>()
            );
            let vcard = records.last().unwrap();
            assert_eq!(
                (vcard.order(), vcard.preference, vcard.services()),
                (ORDER, VCARD_PREFERENCE, "E2U+vcard")
            );
            let expected = encode(
                vcard.order(),
                vcard.services(),
                vcard.preference,
                &vcard.regexp(),
            );
            assert_eq!(vcard.to_vec(), expected.unwrap());
            assert_eq!(
                String::from_utf8(vcard.regexp()).unwrap(),
                "!^.*$!https://callsign.example/vcard/alice@example.com.vcf!"
            );
            assert_eq!(with.caller_name(), Some("a".repeat(254).as_bytes()));
            let rdata = with.caller_name_rdata().unwrap();
            assert_eq!((rdata[0], &rdata[1..]), (254, "a".repeat(254).as_bytes()));
            assert_eq!(without.caller_name(), None);
        }
        // Hidden name, no TXT; not found by acct, no vCard; nothing else
        // public, no number.
        s.display_name_visibility = crate::model::Visibility::Authenticated;
        s.discoverable = crate::model::Discoverable::NOBODY;
        let published = publish(&s, &extras);
        assert_eq!(published[0].1.caller_name(), None);
        assert_eq!(published, publish(&s, &Extras::default()));
        let lonely = subject(serde_json::json!([{"uri": "tel:+12125550100"}]));
        assert!(publish(&lonely, &extras).is_empty());
    }

    #[test]
    fn ported_numbers_route_at_themselves_only() {
        let s = subject(serde_json::json!([
            {"uri": "tel:+12125550100", "routing_number": "+12125550199"},
            {"uri": "tel:+12125550101"},
            {"uri": "sip:alice@example.com"},
        ]));
        let published = publish(&s, &Extras::default());
        let pstn = |(key, n): &(NumberKey, Naptrs)| {
            n.iter(*key)
                .filter(|r| r.services() == "E2U+pstn:tel")
                .map(|r| {
                    (
                        r.order(),
                        r.preference,
                        String::from_utf8(r.regexp()).unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let at = |digits: &[u8]| {
            published
                .iter()
                .find(|(k, _)| *k == number_key(digits).unwrap())
                .unwrap()
        };
        assert_eq!(
            pstn(at(b"12125550100")),
            [(
                10,
                100,
                "!^.*$!tel:+12125550100;npdi;rn=+12125550199!".to_owned()
            )]
        );
        assert!(pstn(at(b"12125550101")).is_empty());
        // A number of a block: the back-reference form, the same for all.
        let block = block_records(serde_json::json!({
            "prefix": "+1212556", "length": 11, "routing_number": "+12125550199",
            "templates": [{"uri": "sip:\\1@pbx.example.com"}]
        }));
        let block = [(0, block)];
        assert_eq!(
            pstn(&block[0]),
            [(
                10,
                100,
                r"!^(\+1212556[0-9]{4})$!tel:\1;npdi;rn=+12125550199!".to_owned()
            )]
        );
        // Each is what hickory encodes, and reads back to the routed URI.
        for (key, n) in published.iter().chain(&block) {
            for r in n.iter(*key) {
                let expected = encode(r.order(), r.services(), r.preference, &r.regexp()).unwrap();
                assert_eq!(r.to_vec(), expected);
                assert_eq!(r.len(), expected.len());
            }
        }
        let regexp = pstn(&block[0])[0].2.clone();
        assert_eq!(
            substitute(&regexp, "+12125560100").as_deref(),
            Some("tel:+12125560100;npdi;rn=+12125550199")
        );
        assert_eq!(substitute(&regexp, "+121255601001"), None);
    }

    fn block_records(json: serde_json::Value) -> Naptrs {
        let block = serde_json::from_value::<crate::model::BlockInput>(json)
            .unwrap()
            .into_block(chrono::Utc::now(), 6)
            .unwrap();
        publish_block(&block).expect("the block publishes")
    }

    #[test]
    fn block_records_refer_back_to_the_number() {
        let records = block_records(serde_json::json!({
            "prefix": "+49 30 1234", "length": 13,
            "templates": [
                {"uri": "sip:\\1@PBX.example.com"},
                {"uri": "sip:{number}@gw.example.net;user=phone"},
                {"uri": "xmpp:\\1@chat.example.com", "visibility": "authenticated"},
                {"uri": "mailto:fax\\1-{number}@example.com"},
                {"uri": "https://example.com/pbx"},
            ]
        }));
        let rendered: Vec<_> = records
            .iter(0)
            .map(|r| {
                (
                    r.preference,
                    r.services(),
                    String::from_utf8(r.regexp()).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rendered,
            [
                (
                    10,
                    "E2U+sip",
                    r"!^\+49301234([0-9]{5})$!sip:\1@pbx.example.com!".to_owned()
                ),
                (
                    11,
                    "E2U+sip",
                    // The canonical address: without the parameter.
                    r"!^(\+49301234[0-9]{5})$!sip:\1@gw.example.net!".to_owned()
                ),
                (
                    30,
                    "E2U+email:mailto",
                    r"!^(\+49301234([0-9]{5}))$!mailto:fax\2-\1@example.com!".to_owned()
                ),
                (
                    50,
                    "E2U+web:https",
                    "!^.*$!https://example.com/pbx!".to_owned()
                ),
            ]
        );
        // Each expression gives every number of the block its substituted
        // address, and a name of another length nothing.
        let sip = String::from_utf8(records.iter(0).next().unwrap().regexp()).unwrap();
        assert_eq!(
            substitute(&sip, "+4930123455123").as_deref(),
            Some("sip:55123@pbx.example.com")
        );
        assert_eq!(substitute(&sip, "+493012345512"), None);
        assert_eq!(substitute(&sip, "+49301234551234"), None);
        let mail = String::from_utf8(records.iter(0).nth(2).unwrap().regexp()).unwrap();
        assert_eq!(
            substitute(&mail, "+4930123400000").as_deref(),
            Some("mailto:fax00000-+4930123400000@example.com")
        );
        for r in records.iter(0) {
            let expected = encode(r.order(), r.services(), r.preference, &r.regexp()).unwrap();
            assert_eq!(r.to_vec(), expected);
        }
        // Without a length, the lengths the block covers.
        let open = block_records(serde_json::json!({
            "prefix": "+49 30 12345", "templates": [{"uri": "sip:\\1@pbx.example.com"}]
        }));
        assert_eq!(
            String::from_utf8(open.iter(0).next().unwrap().regexp()).unwrap(),
            r"!^\+493012345([0-9]{1,6})$!sip:\1@pbx.example.com!"
        );
    }

    const AUS: &str = "+12125550100";

    /// Mail local parts, JID nodes, SIP users and URL paths drawn from every
    /// ASCII character those grammars or a careless client might use.
    fn address() -> impl Strategy<Value = String> {
        let text = r#"[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.()\\"<>;:,\[\] -]{1,16}|[a-z\u{e9}\u{3b1}\u{430}\u{5d0}\u{200b}]{1,6}"#;
        let scheme = proptest::sample::select(vec!["mailto:", "xmpp:", "sip:", "sips:", "h323:"]);
        prop_oneof![
            (scheme, text).prop_map(|(s, t)| format!("{s}{t}@example.com")),
            text.prop_map(|t| format!("https://example.com/{t}")),
        ]
    }

    proptest! {

        /// Whatever the API accepts is published as a record hickory
        /// decodes, and the resolver's parser turns its regexp back into
        /// exactly the address.
        #[test]
        fn published_records_read_back_to_their_addresses(input in address()) {
            let Ok(address) = Address::parse(&input, None) else {
                return Ok(());
            };
            let s = subject(serde_json::json!([
                {"uri": format!("tel:{AUS}")}, {"uri": address.as_str()},
            ]));
            let published = publish(&s, &Extras::default());
            let records: Vec<_> = published[0].1.iter(published[0].0).collect();
            prop_assert_eq!(records.len(), 1);
            let rdata = records[0].to_vec();
            let naptr = NAPTR::read(&mut BinDecoder::new(&rdata)).expect("hickory decodes it");
            let regexp = String::from_utf8(naptr.regexp.to_vec()).unwrap();
            prop_assert_eq!(substitute(&regexp, AUS), Some(address.as_str().to_owned()));
        }
    }
}
