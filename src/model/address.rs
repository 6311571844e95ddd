//! Addresses and their canonical forms.
//!
//! Every address enters the program through [`Address::parse`] and travels as
//! its canonical URI from then on, so two spellings of one address always
//! compare equal (`xmpp:ALICE@Example.com` is `xmpp:alice@example.com`).

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::{codepoint, visible};
use super::userpart::{UserPartError, check_jid_node, jid_node, mail_local, sip_user};

/// The kind of an address, named after its URI scheme.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Tel,
    Sip,
    Sips,
    Xmpp,
    Mailto,
    H323,
    Https,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Tel,
        Kind::Sip,
        Kind::Sips,
        Kind::Xmpp,
        Kind::Mailto,
        Kind::H323,
        Kind::Https,
    ];

    pub fn scheme(self) -> &'static str {
        match self {
            Kind::Tel => "tel",
            Kind::Sip => "sip",
            Kind::Sips => "sips",
            Kind::Xmpp => "xmpp",
            Kind::Mailto => "mailto",
            Kind::H323 => "h323",
            Kind::Https => "https",
        }
    }

    pub fn from_scheme(scheme: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.scheme().eq_ignore_ascii_case(scheme))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.scheme())
    }
}

impl FromStr for Kind {
    type Err = AddressError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::from_scheme(s).ok_or_else(|| AddressError::UnknownScheme(s.to_owned()))
    }
}

/// Why an input is not an address.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("address is empty")]
    Empty,
    #[error("address has no scheme (expected e.g. tel:, sip:, xmpp:, mailto:)")]
    NoScheme,
    #[error("unsupported scheme `{0}`")]
    UnknownScheme(String),
    #[error("`{0}` is not a valid E.164 telephone number")]
    Tel(String),
    #[error("tel: parameters are not supported (except `;npdi;rn=+…` of a ported number)")]
    TelParameters,
    #[error("a routing number needs `npdi` beside it (RFC 4694: `tel:+…;npdi;rn=+…`)")]
    RoutingWithoutNpdi,
    #[error("expected user@host")]
    MissingUser,
    #[error(
        "invalid host `{0}`: expected a DNS name of letters, digits and hyphens, or an IP literal"
    )]
    Host(String),
    #[error("invalid user part: {0}")]
    User(#[from] UserPartError),
    #[error("invalid JID: {0}")]
    Jid(String),
    #[error("invalid https URL: {0}")]
    Url(String),
    #[error("the address is {given}, but kind says {expected}")]
    KindMismatch { given: Kind, expected: Kind },
    #[error("invalid acct URI: {0}")]
    Acct(String),
    #[error("address is longer than {0} characters")]
    TooLong(usize),
    #[error(
        "address contains {}, a whitespace, control, invisible or bidirectional-control character",
        codepoint(*.0)
    )]
    BadCharacter(char),
}

const MAX_LEN: usize = 512;

/// A canonical address: its kind and its canonical URI.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    kind: Kind,
    uri: String,
}

impl Address {
    /// Parse any accepted spelling of an address. `kind` may be given to
    /// accept a bare form (`alice@example.com` as xmpp, `+1 212…` as tel);
    /// when both a scheme and `kind` are present they must agree.
    pub fn parse(input: &str, kind: Option<Kind>) -> Result<Address, AddressError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(AddressError::Empty);
        }
        if input.len() > MAX_LEN {
            return Err(AddressError::TooLong(MAX_LEN));
        }
        let (scheme, rest) = match split_scheme(input) {
            Some((scheme, rest)) => match Kind::from_scheme(scheme) {
                Some(k) => (k, rest),
                None if kind.is_some() && scheme.chars().all(|c| c.is_ascii_digit()) => {
                    // `+1 212:…` is not a scheme; let the kind decide below.
                    (kind.unwrap(), input)
                }
                None => return Err(AddressError::UnknownScheme(scheme.to_ascii_lowercase())),
            },
            None => match kind {
                Some(k) => (k, input),
                None if input.starts_with('+') => (Kind::Tel, input),
                None => return Err(AddressError::NoScheme),
            },
        };
        if let Some(expected) = kind
            && expected != scheme
        {
            return Err(AddressError::KindMismatch {
                given: scheme,
                expected,
            });
        }
        let uri = match scheme {
            Kind::Tel => format!("tel:{}", parse_e164(rest)?),
            Kind::Sip | Kind::Sips | Kind::H323 => {
                format!("{}:{}", scheme.scheme(), parse_user_host(rest, true)?)
            }
            Kind::Mailto => format!("mailto:{}", parse_mailbox(rest)?),
            Kind::Xmpp => format!("xmpp:{}", parse_jid(rest)?),
            Kind::Https => parse_https(input)?,
        };
        // Canonicalising can lengthen (percent-encoding, A-labels): the
        // limit holds for what is stored too, which must parse again.
        if uri.len() > MAX_LEN {
            return Err(AddressError::TooLong(MAX_LEN));
        }
        Ok(Address { kind: scheme, uri })
    }

    /// An address a store wrote itself, already canonical: skips parsing
    /// (which matters when a million rows load at startup).
    pub fn trusted(kind: Kind, uri: String) -> Address {
        debug_assert_eq!(
            Address::parse(&uri, Some(kind)).map(|a| a.uri),
            Ok(uri.clone())
        );
        Address { kind, uri }
    }

    /// An address a store wrote itself, as [`Address::trusted`], its kind
    /// read from its scheme; the URI back if the scheme is not one of ours.
    pub fn stored(uri: String) -> Result<Address, String> {
        match uri.split_once(':').and_then(|(s, _)| Kind::from_scheme(s)) {
            Some(kind) => Ok(Address::trusted(kind, uri)),
            None => Err(uri),
        }
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The canonical URI.
    pub fn as_str(&self) -> &str {
        &self.uri
    }

    pub fn into_string(self) -> String {
        self.uri
    }

    /// The E.164 digits with their `+`, for a tel address.
    pub fn e164(&self) -> Option<&str> {
        (self.kind == Kind::Tel).then(|| &self.uri[4..])
    }

    /// The host part, for kinds that have one.
    pub fn host(&self) -> Option<&str> {
        match self.kind {
            Kind::Tel => None,
            Kind::Https => self.uri["https://".len()..].split(['/', '?', '#']).next(),
            _ => {
                let mut rest = &self.uri[self.kind.scheme().len() + 1..];
                if self.kind == Kind::Xmpp {
                    // A resource may contain `@`; a SIP user may contain `/`.
                    rest = rest.split('/').next().unwrap_or(rest);
                }
                let hostport = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
                Some(split_port(hostport).map_or(hostport, |(host, _)| host))
            }
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.uri)
    }
}

/// `scheme:rest`, when the text before the first `:` looks like a scheme.
pub(crate) fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = input.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some((scheme, rest))
        .or_else(|| {
            scheme
                .chars()
                .all(|c| c.is_ascii_digit())
                .then_some((scheme, rest))
        })
}

fn reject_bad_chars(s: &str) -> Result<(), AddressError> {
    match s
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || !visible(*c))
    {
        Some(c) => Err(AddressError::BadCharacter(c)),
        None => Ok(()),
    }
}

/// A global number in E.164 form (`+12125550100`), via libphonenumber's rules.
fn parse_e164(rest: &str) -> Result<String, AddressError> {
    e164_digits(rest, 7..=15)
}

/// A routing number (RFC 4694 `rn`): a whole E.164 number, canonicalised
/// as a `tel:` number is (`+1-215-555-0199` → `+12155550199`).
pub fn parse_routing_number(input: &str) -> Result<String, AddressError> {
    parse_e164(input)
}

/// A number with its number-portability parameters (RFC 4694), as
/// submitted: `tel:+N;npdi;rn=+R` is the number `tel:+N` routed to `+R`
/// (canonical, `None` without `rn`). Any other parameter is refused, and
/// so is `rn` without `npdi`; a URI without parameters is parsed as
/// [`Address::parse`] does.
pub fn parse_ported(
    input: &str,
    kind: Option<Kind>,
) -> Result<(Address, Option<String>), AddressError> {
    let trimmed = input.trim();
    let Some((number, params)) = trimmed.split_once(';') else {
        return Ok((Address::parse(trimmed, kind)?, None));
    };
    let address = match Address::parse(number, kind) {
        Ok(address) if address.kind() == Kind::Tel => address,
        // Parameters of other schemes are the parser's to drop (or refuse).
        _ => return Ok((Address::parse(trimmed, kind)?, None)),
    };
    let (mut npdi, mut rn) = (false, None);
    for param in params.split(';') {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        match name.to_ascii_lowercase().as_str() {
            "npdi" if !param.contains('=') && !npdi => npdi = true,
            "rn" if rn.is_none() && param.contains('=') => rn = Some(parse_routing_number(value)?),
            _ => return Err(AddressError::TelParameters),
        }
    }
    if rn.is_some() && !npdi {
        return Err(AddressError::RoutingWithoutNpdi);
    }
    Ok((address, rn))
}

/// The RFC 4694 form of a ported number: `tel:+N;npdi;rn=+R`.
pub fn ported_uri(number: &Address, routing_number: &str) -> String {
    format!("{number};npdi;rn={routing_number}")
}

/// The leading digits of a range of numbers (`+49 30 1234` → `+49301234`),
/// canonicalised by the same rules as a whole number.
pub fn parse_e164_prefix(input: &str) -> Result<String, AddressError> {
    e164_digits(input, 1..=14)
}

/// `+digits` in E.164 form, with so many digits.
fn e164_digits(
    rest: &str,
    digits: std::ops::RangeInclusive<usize>,
) -> Result<String, AddressError> {
    if rest.contains(';') {
        return Err(AddressError::TelParameters);
    }
    let trimmed = rest.trim();
    if !trimmed.starts_with('+') {
        return Err(AddressError::Tel(trimmed.to_owned()));
    }
    // Visual separators of RFC 3966 and common human spellings only.
    if !trimmed[1..]
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()".contains(c))
    {
        return Err(AddressError::Tel(trimmed.to_owned()));
    }
    let e164 = e164_of(trimmed).ok_or_else(|| AddressError::Tel(trimmed.to_owned()))?;
    // libphonenumber drops a national prefix written after the country code
    // (`+44 (0)20…`), once per parse: a number left starting with another
    // would canonicalise to something else again. A canonical form must
    // parse to itself (keys are looked up as given), so such a number is
    // refused; when no digit was dropped, parsing again changes nothing.
    let written = trimmed.chars().filter(char::is_ascii_digit);
    if !e164.chars().skip(1).eq(written) && e164_of(&e164).as_ref() != Some(&e164) {
        return Err(AddressError::Tel(trimmed.to_owned()));
    }
    if !digits.contains(&(e164.len() - 1)) {
        return Err(AddressError::Tel(trimmed.to_owned()));
    }
    Ok(e164)
}

/// libphonenumber's E.164 form of an international number (the caller
/// checks how many digits it may have).
fn e164_of(number: &str) -> Option<String> {
    let e164 = phonenumber::parse(None, number)
        .ok()?
        .format()
        .mode(phonenumber::Mode::E164)
        .to_string();
    Some(e164)
}

/// `user@host[:port]`, parameters and headers dropped, host lowercased.
fn parse_user_host(rest: &str, keep_port: bool) -> Result<String, AddressError> {
    let rest = rest.split(['?', ';']).next().unwrap_or_default();
    reject_bad_chars(rest)?;
    let (user, hostport) = rest.rsplit_once('@').ok_or(AddressError::MissingUser)?;
    if user.is_empty() || user.contains('@') {
        return Err(AddressError::MissingUser);
    }
    let user = sip_user(user)?;
    let (host, port) = split_port(hostport)?;
    let host = canonical_host(host)?;
    Ok(match port {
        Some(port) if keep_port => format!("{user}@{host}:{port}"),
        _ => format!("{user}@{host}"),
    })
}

fn split_port(hostport: &str) -> Result<(&str, Option<u16>), AddressError> {
    let bad = || AddressError::Host(hostport.to_owned());
    if let Some(v6) = hostport.strip_prefix('[') {
        let (inner, after) = v6.split_once(']').ok_or_else(bad)?;
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?,
            ),
        };
        return Ok((&hostport[..inner.len() + 2], port));
    }
    match hostport.split_once(':') {
        Some((h, p)) => Ok((h, Some(p.parse().map_err(|_| bad())?))),
        None => Ok((hostport, None)),
    }
}

/// A DNS name (IDNA A-labels, lowercased) or an IP literal: a dotted-quad
/// IPv4 address, or an IPv6 address in brackets (RFC 3261 `IPv6reference`)
/// written the RFC 5952 way.
pub(crate) fn canonical_host(host: &str) -> Result<String, AddressError> {
    let bad = || AddressError::Host(host.to_owned());
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        let ip: Ipv6Addr = inner.parse().map_err(|_| bad())?;
        return Ok(format!("[{ip}]"));
    }
    if let Ok(ip) = host.parse::<Ipv4Addr>() {
        return Ok(ip.to_string());
    }
    dns_name(host).ok_or_else(bad)
}

/// A host name by UTS #46 with the STD3 rules (letters, digits and hyphens;
/// no hyphen at either end of a label) and DNS lengths, as A-labels.
fn dns_name(host: &str) -> Option<String> {
    if host.is_empty() || host.starts_with('.') || host.ends_with('.') {
        return None;
    }
    let name = idna::domain_to_ascii_strict(host).ok()?;
    // An all-numeric top label is a mistyped IPv4 address (RFC 3696 §2).
    let top = name.rsplit('.').next()?;
    (!top.is_empty() && !top.bytes().all(|b| b.is_ascii_digit())).then_some(name)
}

/// `local@domain`: the domain is case-insensitive, the local part is not.
fn parse_mailbox(rest: &str) -> Result<String, AddressError> {
    let rest = rest.split('?').next().unwrap_or_default();
    reject_bad_chars(rest)?;
    if rest.contains(',') {
        return Err(AddressError::MissingUser);
    }
    let (local, domain) = rest.rsplit_once('@').ok_or(AddressError::MissingUser)?;
    if local.is_empty() || local.contains('@') {
        return Err(AddressError::MissingUser);
    }
    Ok(format!(
        "{}@{}",
        mail_local(local)?,
        canonical_host(domain)?
    ))
}

/// A JID normalised by the `jid` crate (nodeprep, nameprep, resourceprep).
fn parse_jid(rest: &str) -> Result<String, AddressError> {
    // RFC 5122: `xmpp:` may carry an authority (`//auth@host/`) and a query.
    let rest = rest.split('?').next().unwrap_or_default();
    if rest.starts_with("//") {
        return Err(AddressError::Jid(
            "authority components are not supported".into(),
        ));
    }
    reject_bad_chars(rest)?;
    // RFC 5122: split first, then decode the node's escapes.
    let bare = rest.split('/').next().unwrap_or(rest);
    let (node, after) = match bare.split_once('@') {
        Some((node, _)) => (jid_node(node)?, &rest[node.len()..]),
        None => return Err(AddressError::MissingUser),
    };
    let jid =
        jid::Jid::new(&format!("{node}{after}")).map_err(|e| AddressError::Jid(e.to_string()))?;
    let Some(node) = jid.node() else {
        return Err(AddressError::MissingUser);
    };
    check_jid_node(node.as_str())?;
    // Domains get the same checks as every other host.
    canonical_host(jid.domain().as_str())?;
    // Resourceprep's NFKC can make a space of a visible character (U+02DC
    // SMALL TILDE is a space and a combining tilde): the canonical form
    // must pass the same checks as input, or it would never parse again.
    let canonical = jid.to_string();
    reject_bad_chars(&canonical)?;
    // Nameprep folds case before NFKC, so a modifier letter (U+1D42 ᵂ)
    // becomes a capital the next pass folds again: a canonical form must
    // be a fixed point, or the stored key would never be found.
    if jid::Jid::new(&canonical).map(|j| j.to_string()).as_deref() != Ok(canonical.as_str()) {
        return Err(AddressError::Jid(
            "a character changes again when the JID is normalised a second time".into(),
        ));
    }
    Ok(canonical)
}

fn parse_https(input: &str) -> Result<String, AddressError> {
    reject_bad_chars(input)?;
    // WHATWG parsing forgives `https:host`, `https:///host` and `\` for
    // `/`; an address is written the RFC 3986 way: `https://host/…`.
    let authority = input
        .split_once(':')
        .and_then(|(_, rest)| rest.strip_prefix("//"))
        .filter(|a| !a.is_empty() && !a.starts_with('/'));
    if authority.is_none() || input.contains('\\') {
        return Err(AddressError::Url(
            "expected https://host/path, with `/` (not `\\`) as the separator".into(),
        ));
    }
    let url = url::Url::parse(input).map_err(|e| AddressError::Url(e.to_string()))?;
    if url.scheme() != "https" || url.host_str().is_none() {
        return Err(AddressError::Url(
            "expected an https URL with a host".into(),
        ));
    }
    if let Some(url::Host::Domain(name)) = url.host() {
        canonical_host(name)?;
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(AddressError::Url("credentials are not allowed".into()));
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        Address::parse(s, None).unwrap().into_string()
    }

    #[test]
    fn canonical_forms_from_the_design() {
        assert_eq!(canon("tel:+1-212-555-0100"), "tel:+12125550100");
        assert_eq!(canon("+1 (212) 555-0100"), "tel:+12125550100");
        assert_eq!(
            canon("sip:Alice@Example.COM;transport=tcp"),
            "sip:Alice@example.com"
        );
        assert_eq!(
            canon("sips:bob@EXAMPLE.com:5061"),
            "sips:bob@example.com:5061"
        );
        assert_eq!(canon("xmpp:Alice@Example.com"), "xmpp:alice@example.com");
        assert_eq!(
            Address::parse("alice@example.com", Some(Kind::Xmpp))
                .unwrap()
                .as_str(),
            "xmpp:alice@example.com"
        );
        assert_eq!(
            canon("mailto:Alice@Example.COM"),
            "mailto:Alice@example.com"
        );
        assert_eq!(
            canon("HTTPS://Example.com/~alice"),
            "https://example.com/~alice"
        );
        assert_eq!(
            canon("h323:alice@GW.example.com"),
            "h323:alice@gw.example.com"
        );
    }

    #[test]
    fn rejects_what_is_not_an_address() {
        for bad in [
            "",
            "alice@example.com",
            "foo:bar",
            "tel:12125550100",
            "tel:+1abc",
            "tel:+1212;ext=1",
            "sip:example.com",
            "sip:alice@",
            "xmpp:@example.com",
            "mailto:a@b.com,c@d.com",
            "http://example.com/",
            "sip:a b@example.com",
            "sip:a@-.com",
            "sip:a@a_b.com",
            "sip:a@1.2.3",
            "sip:a@[::1",
            "https:///path",
            "https:example.com",
        ] {
            assert!(Address::parse(bad, None).is_err(), "{bad} parsed");
        }
        assert_eq!(
            Address::parse("sip:alice@example.com", Some(Kind::Xmpp)),
            Err(AddressError::KindMismatch {
                given: Kind::Sip,
                expected: Kind::Xmpp
            })
        );
    }

    #[test]
    fn hosts() {
        let a = Address::parse("xmpp:alice@example.com/phone", None).unwrap();
        assert_eq!(a.host(), Some("example.com"));
        let a = Address::parse("sip:alice@example.com:5060", None).unwrap();
        assert_eq!(a.host(), Some("example.com"));
        let a = Address::parse("sip:x@[0:0::1]:5060", None).unwrap();
        assert_eq!((a.as_str(), a.host()), ("sip:x@[::1]:5060", Some("[::1]")));
        let a = Address::parse("xmpp:x@[::1]/a@b", None).unwrap();
        assert_eq!(a.host(), Some("[::1]"));
        let a = Address::parse("tel:+12125550100", None).unwrap();
        assert_eq!(a.host(), None);
        assert_eq!(a.e164(), Some("+12125550100"));
    }

    #[test]
    fn jids_whose_canonical_form_holds_a_space_are_refused() {
        let input = "xmpp:alice@example.com/e\u{2dc}hm";
        assert_eq!(
            Address::parse(input, None).unwrap_err(),
            AddressError::BadCharacter(' ')
        );
        // A resource that stays visible is kept, and parses to itself.
        let kept = Address::parse("xmpp:alice@example.com/phone", None).unwrap();
        assert_eq!(Address::parse(kept.as_str(), None).unwrap(), kept);
    }

    #[test]
    fn jids_whose_canonical_form_changes_again_are_refused() {
        // Found by the webfinger_resource fuzz target: U+1D42 in a domain
        // becomes `W` after nameprep's case folding, and `w` on a second pass.
        let input = "xmpp:alice@e66\u{1d42}66o.example.com";
        assert!(matches!(
            Address::parse(input, None),
            Err(AddressError::Jid(_))
        ));
        let kept = Address::parse("xmpp:alice@Example.COM", None).unwrap();
        assert_eq!(kept.as_str(), "xmpp:alice@example.com");
    }

    #[test]
    fn canonical_numbers_parse_to_themselves() {
        let tel = |raw: &str| Address::parse(raw, None).map(Address::into_string);
        // A national prefix after the country code is dropped...
        assert_eq!(tel("tel:+44 (0)20 7946 0000").unwrap(), "tel:+442079460000");
        assert_eq!(tel("tel:+620800000").unwrap(), "tel:+62800000");
        assert_eq!(tel("tel:+62800000").unwrap(), "tel:+62800000");
        // ...but not when what is left would lose another digit on a
        // second parse (found by the webfinger_resource fuzz target).
        assert_eq!(
            tel("tel:+62000800000"),
            Err(AddressError::Tel("+62000800000".into()))
        );
        // The same through the import parser (import_line target).
        assert!(tel("tel:+400008460000").is_err());
    }

    #[test]
    fn ported_numbers_carry_their_routing_number() {
        let ported = |s: &str| parse_ported(s, None).map(|(a, rn)| (a.into_string(), rn));
        assert_eq!(
            ported("tel:+1-215-555-0123;npdi;rn=+1-215-555-0199"),
            Ok(("tel:+12155550123".into(), Some("+12155550199".into())))
        );
        assert_eq!(
            ported("tel:+12155550123;NPDI"),
            Ok(("tel:+12155550123".into(), None))
        );
        assert_eq!(
            ported("sip:a@example.com;transport=tcp"),
            Ok(("sip:a@example.com".into(), None))
        );
        assert_eq!(
            ported("tel:+12155550123;rn=+12155550199"),
            Err(AddressError::RoutingWithoutNpdi)
        );
        for bad in [
            "tel:+12155550123;npdi;rn=12155550199",
            "tel:+12155550123;npdi;rn=+1",
            "tel:+12155550123;npdi;rn=",
            "tel:+12155550123;npdi;rn",
            "tel:+12155550123;npdi;npdi",
            "tel:+12155550123;npdi;rn=+12155550199;rn=+12155550198",
            "tel:+12155550123;npdi;ext=1",
        ] {
            assert!(parse_ported(bad, None).is_err(), "{bad}");
        }
        let number = Address::parse("tel:+12155550123", None).unwrap();
        assert_eq!(
            ported_uri(&number, "+12155550199"),
            "tel:+12155550123;npdi;rn=+12155550199"
        );
    }

    #[test]
    fn the_length_limit_holds_for_the_canonical_form() {
        // 2-byte characters, percent-encoded to 6 bytes each.
        let path = "ң".repeat(100);
        let input = format!("https://example.com/{path}");
        assert!(input.len() <= MAX_LEN);
        assert_eq!(
            Address::parse(&input, None),
            Err(AddressError::TooLong(MAX_LEN))
        );
    }
}
