//! An address URI, packed without its scheme (the address head carries its
//! kind): a number as its digits, two to a byte; `scheme:user@host` as
//! references where the user is the subject's handle and the host its
//! domain; anything else as text. A ported number's routing number follows
//! its number, as digits too.

use super::varint::{Reader, put_str};
use crate::model::Kind;

// URI forms, in the low bits of the URI's first byte.
const URI_TEXT: u8 = 0;
const URI_TEL: u8 = 1;
const URI_USER_HOST: u8 = 2;
const USER_IS_HANDLE: u8 = 4;
const HOST_IS_DOMAIN: u8 = 8;
/// A number with a routing number after its digits.
const TEL_ROUTED: u8 = 16;

/// `+digits` as its digits, when it is that.
fn tel_digits(number: &str) -> Option<&str> {
    number
        .strip_prefix('+')
        .filter(|d| (1..=255).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Digits two to a byte, after their count.
fn put_digits(out: &mut Vec<u8>, digits: &str) {
    out.push(digits.len() as u8);
    for pair in digits.as_bytes().chunks(2) {
        let low = pair.get(1).map_or(0, |d| d - b'0');
        out.push((pair[0] - b'0') << 4 | low);
    }
}

/// Append `uri`, an address of `kind` of the subject with `handle` and
/// `domain`, in its shortest form; a number with its `routing` number.
pub(super) fn put(
    out: &mut Vec<u8>,
    kind: Kind,
    uri: &str,
    routing: Option<&str>,
    handle: &str,
    domain: &str,
) {
    let rest = uri
        .strip_prefix(kind.scheme())
        .and_then(|r| r.strip_prefix(':'));
    if let Some(digits) = rest.filter(|_| kind == Kind::Tel).and_then(tel_digits) {
        let routing = routing.and_then(tel_digits);
        out.push(URI_TEL | (routing.is_some() as u8 * TEL_ROUTED));
        put_digits(out, digits);
        if let Some(routing) = routing {
            put_digits(out, routing);
        }
        return;
    }
    // Split at the first `@`: no user part of ours may contain one (a JID
    // resource may, after the host).
    match rest.and_then(|r| r.split_once('@')) {
        Some((user, host)) if kind != Kind::Https && kind != Kind::Tel => {
            let form = URI_USER_HOST
                | ((user == handle) as u8 * USER_IS_HANDLE)
                | ((host == domain) as u8 * HOST_IS_DOMAIN);
            out.push(form);
            if form & USER_IS_HANDLE == 0 {
                put_str(out, user);
            }
            if form & HOST_IS_DOMAIN == 0 {
                put_str(out, host);
            }
        }
        _ => {
            out.push(URI_TEXT);
            put_str(out, uri);
        }
    }
}

/// A packed URI, read in place.
pub(super) enum Uri<'a> {
    Text(&'a str),
    /// Digits two to a byte and their count; then a routing number's.
    Tel(&'a [u8], usize, Option<(&'a [u8], usize)>),
    /// `None` for the subject's handle (user) or domain (host).
    UserHost(Option<&'a str>, Option<&'a str>),
}

impl Uri<'_> {
    /// The length of the URI in bytes.
    pub(super) fn len(&self, kind: Kind, handle: &str, domain: &str) -> usize {
        match self {
            Uri::Text(uri) => uri.len(),
            Uri::Tel(_, digits, _) => "tel:+".len() + digits,
            Uri::UserHost(user, host) => {
                kind.scheme().len()
                    + 2
                    + user.unwrap_or(handle).len()
                    + host.unwrap_or(domain).len()
            }
        }
    }

    /// Is this URI `text`?
    pub(super) fn is(&self, kind: Kind, handle: &str, domain: &str, text: &str) -> bool {
        match self {
            Uri::Text(uri) => *uri == text,
            Uri::Tel(bcd, digits, _) => text
                .strip_prefix("tel:+")
                .is_some_and(|d| d.len() == *digits && d.bytes().eq(unpack_digits(bcd, *digits))),
            Uri::UserHost(user, host) => text
                .strip_prefix(kind.scheme())
                .and_then(|t| t.strip_prefix(':'))
                .and_then(|t| t.split_once('@'))
                .is_some_and(|(u, h)| u == user.unwrap_or(handle) && h == host.unwrap_or(domain)),
        }
    }

    pub(super) fn write(&self, kind: Kind, handle: &str, domain: &str, out: &mut String) {
        match self {
            Uri::Text(text) => out.push_str(text),
            Uri::Tel(bcd, digits, _) => {
                out.push_str("tel:+");
                out.extend(unpack_digits(bcd, *digits).map(char::from));
            }
            Uri::UserHost(user, host) => {
                out.push_str(kind.scheme());
                out.push(':');
                out.push_str(user.unwrap_or(handle));
                out.push('@');
                out.push_str(host.unwrap_or(domain));
            }
        }
    }

    /// A number's routing number, `+` and digits.
    pub(super) fn routing(&self) -> Option<String> {
        let Uri::Tel(_, _, Some((bcd, digits))) = self else {
            return None;
        };
        let mut out = String::with_capacity(1 + digits);
        out.push('+');
        out.extend(unpack_digits(bcd, *digits).map(char::from));
        Some(out)
    }
}

/// The ASCII digits of `count` digits packed two to a byte.
fn unpack_digits(bcd: &[u8], count: usize) -> impl Iterator<Item = u8> + '_ {
    (0..count).map(move |i| {
        let nibble = if i % 2 == 0 {
            bcd[i / 2] >> 4
        } else {
            bcd[i / 2] & 0xF
        };
        b'0' + nibble
    })
}

/// Digits as [`put_digits`] wrote them.
fn read_digits<'a>(r: &mut Reader<'a>) -> (&'a [u8], usize) {
    let digits = r.u8() as usize;
    (r.take(digits.div_ceil(2)), digits)
}

/// The URI `r` is at, as [`put`] wrote it.
pub(super) fn read<'a>(r: &mut Reader<'a>) -> Uri<'a> {
    let form = r.u8();
    match form & 3 {
        URI_TEL => {
            let (bcd, digits) = read_digits(r);
            let routing = (form & TEL_ROUTED != 0).then(|| read_digits(r));
            Uri::Tel(bcd, digits, routing)
        }
        URI_USER_HOST => {
            let user = (form & USER_IS_HANDLE == 0).then(|| r.str());
            let host = (form & HOST_IS_DOMAIN == 0).then(|| r.str());
            Uri::UserHost(user, host)
        }
        _ => Uri::Text(r.str()),
    }
}
