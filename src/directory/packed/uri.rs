//! An address URI, packed without its scheme (the address head carries its
//! kind): a number as its digits, two to a byte; `scheme:user@host` as
//! references where the user is the subject's handle and the host its
//! domain; anything else as text.

use super::varint::{Reader, put_str};
use crate::model::Kind;

// URI forms, in the low bits of the URI's first byte.
const URI_TEXT: u8 = 0;
const URI_TEL: u8 = 1;
const URI_USER_HOST: u8 = 2;
const USER_IS_HANDLE: u8 = 4;
const HOST_IS_DOMAIN: u8 = 8;

/// Append `uri`, an address of `kind` of the subject with `handle` and
/// `domain`, in its shortest form.
pub(super) fn put(out: &mut Vec<u8>, kind: Kind, uri: &str, handle: &str, domain: &str) {
    let rest = uri
        .strip_prefix(kind.scheme())
        .and_then(|r| r.strip_prefix(':'));
    if let Some(digits) = rest
        .filter(|_| kind == Kind::Tel)
        .and_then(|r| r.strip_prefix('+'))
        .filter(|d| (1..=255).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
    {
        out.push(URI_TEL);
        out.push(digits.len() as u8);
        for pair in digits.as_bytes().chunks(2) {
            let low = pair.get(1).map_or(0, |d| d - b'0');
            out.push((pair[0] - b'0') << 4 | low);
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
    Tel(&'a [u8], usize),
    /// `None` for the subject's handle (user) or domain (host).
    UserHost(Option<&'a str>, Option<&'a str>),
}

impl Uri<'_> {
    /// The length of the URI in bytes.
    pub(super) fn len(&self, kind: Kind, handle: &str, domain: &str) -> usize {
        match self {
            Uri::Text(uri) => uri.len(),
            Uri::Tel(_, digits) => "tel:+".len() + digits,
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
            Uri::Tel(bcd, digits) => text.strip_prefix("tel:+").is_some_and(|d| {
                d.len() == *digits
                    && d.bytes().enumerate().all(|(i, c)| {
                        let nibble = if i % 2 == 0 {
                            bcd[i / 2] >> 4
                        } else {
                            bcd[i / 2] & 0xF
                        };
                        c == b'0' + nibble
                    })
            }),
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
            Uri::Tel(bcd, digits) => {
                out.push_str("tel:+");
                for i in 0..*digits {
                    let nibble = if i % 2 == 0 {
                        bcd[i / 2] >> 4
                    } else {
                        bcd[i / 2] & 0xF
                    };
                    out.push((b'0' + nibble) as char);
                }
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
}

/// The URI `r` is at, as [`put`] wrote it.
pub(super) fn read<'a>(r: &mut Reader<'a>) -> Uri<'a> {
    let form = r.u8();
    match form & 3 {
        URI_TEL => {
            let digits = r.u8() as usize;
            Uri::Tel(r.take(digits.div_ceil(2)), digits)
        }
        URI_USER_HOST => {
            let user = (form & USER_IS_HANDLE == 0).then(|| r.str());
            let host = (form & HOST_IS_DOMAIN == 0).then(|| r.str());
            Uri::UserHost(user, host)
        }
        _ => Uri::Text(r.str()),
    }
}
