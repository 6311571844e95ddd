//! The user parts of addresses, each by its own RFC grammar, in canonical
//! IRI form: percent-escapes of unreserved characters decoded and the
//! others' hex digits in upper case (RFC 3986 §6.2.2), non-ASCII text as
//! itself in NFC (RFC 3987), and the decoded text checked as a user name
//! (see [`user_name`]).

use unicode_normalization::UnicodeNormalization;

use super::text::{UserError, codepoint, user_name};
use super::uri::{PercentError, percent_decode};

/// Why a user part is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UserPartError {
    #[error("`{c}` ({}) is not allowed in {grammar}", codepoint(*.c))]
    Character { c: char, grammar: &'static str },
    #[error("`%` must be followed by two hexadecimal digits")]
    Escape,
    #[error("percent-escapes must encode UTF-8 text")]
    NotUtf8,
    #[error("dots may not lead, trail or follow one another in a mail local part")]
    Dots,
    #[error("the user part {0}")]
    Name(#[from] UserError),
}

/// RFC 3986 `unreserved`.
fn unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c)
}

/// `text` with its `%HH` escapes decoded.
fn decode(text: &str) -> Result<String, UserPartError> {
    percent_decode(text).map_err(|e| match e {
        PercentError::Escape => UserPartError::Escape,
        PercentError::NotUtf8 => UserPartError::NotUtf8,
    })
}

/// Decoded `text` written back: ASCII that `literal` accepts as itself,
/// other ASCII as `%HH`, everything else as itself.
fn encode(text: &str, literal: impl Fn(char) -> bool, out: &mut String) {
    for c in text.chars() {
        if !c.is_ascii() || literal(c) {
            out.push(c);
        } else {
            out.push_str(&format!("%{:02X}", c as u32));
        }
    }
}

/// The first ASCII character of `text` that `allowed` refuses.
fn refuse(
    text: &str,
    allowed: impl Fn(char) -> bool,
    grammar: &'static str,
) -> Result<(), UserPartError> {
    match text.chars().find(|c| c.is_ascii() && !allowed(*c)) {
        Some(c) => Err(UserPartError::Character { c, grammar }),
        None => Ok(()),
    }
}

/// RFC 3261 `user-unreserved` characters that are also `reserved`: written
/// as themselves they differ from their escapes (§19.1.4).
const SIP_RESERVED: &str = "&=+$,/";
/// RFC 3261 `mark` characters other than `!`, which are not reserved.
const SIP_MARK: &str = "*'()";

/// An RFC 3261 `user` (`unreserved / escaped / user-unreserved`; `;` and
/// `?` never reach here). `!`, a `mark`, is refused all the same: ENUM
/// clients such as Asterisk copy a NAPTR substitution without undoing its
/// escapes, so a published `!` would reach them as `\!`.
pub fn sip_user(user: &str) -> Result<String, UserPartError> {
    const GRAMMAR: &str = "a SIP user part (RFC 3261)";
    refuse(
        user,
        |c| unreserved(c) || SIP_MARK.contains(c) || SIP_RESERVED.contains(c) || c == '%',
        GRAMMAR,
    )?;
    let mut canonical = String::with_capacity(user.len());
    let mut text = String::with_capacity(user.len());
    let mut start = 0;
    let separators = user
        .match_indices(|c| SIP_RESERVED.contains(c))
        .chain([(user.len(), "")]);
    for (at, separator) in separators {
        let run: String = decode(&user[start..at])?.nfc().collect();
        // Within a run, a reserved character came from an escape and stays one.
        encode(
            &run,
            |c| unreserved(c) || SIP_MARK.contains(c),
            &mut canonical,
        );
        canonical.push_str(separator);
        text.push_str(&run);
        text.push_str(separator);
        start = at + separator.len();
    }
    user_name(&text)?;
    Ok(canonical)
}

/// RFC 5322 `atext` besides letters and digits.
const ATEXT: &str = "!#$%&'*+-/=?^_`{|}~";
/// `atext` an RFC 6068 URI may carry unescaped (`unreserved` and
/// `some-delims`).
const MAILTO_LITERAL: &str = "!$'*+";

/// A mail local part as RFC 6068 allows it: a `dot-atom-text` (RFC 5322,
/// with UTF-8 per RFC 6532), percent-encoded where the URI needs it.
/// Quoted local parts (and with them `"` and `\`) are refused.
pub fn mail_local(local: &str) -> Result<String, UserPartError> {
    const GRAMMAR: &str = "a mail local part (RFC 5322 dot-atom)";
    let text = decode(local)?;
    refuse(
        &text,
        |c| c.is_ascii_alphanumeric() || ATEXT.contains(c) || c == '.',
        GRAMMAR,
    )?;
    if text.split('.').any(str::is_empty) {
        return Err(UserPartError::Dots);
    }
    let text = user_name(&text)?;
    let mut canonical = String::with_capacity(text.len());
    encode(
        &text,
        |c| unreserved(c) || MAILTO_LITERAL.contains(c),
        &mut canonical,
    );
    Ok(canonical)
}

/// An RFC 5122 `nodeid` decoded: the localpart of a JID, before nodeprep.
/// ASCII the URI would have to escape is refused, since canonical xmpp
/// addresses are written without escapes.
pub fn jid_node(node: &str) -> Result<String, UserPartError> {
    const GRAMMAR: &str = "an xmpp node (RFC 5122)";
    let text = decode(node)?;
    refuse(&text, |c| unreserved(c) || "!$()*+,;=".contains(c), GRAMMAR)?;
    Ok(text)
}

/// A localpart after nodeprep, checked as a user name.
pub fn check_jid_node(node: &str) -> Result<(), UserPartError> {
    user_name(node)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sip_users_are_normalised_per_rfc_3986() {
        assert_eq!(sip_user("%75%30000000").as_deref(), Ok("u0000000"));
        assert_eq!(sip_user("a%2a%3B").as_deref(), Ok("a*%3B"));
        // A reserved character and its escape are different users.
        assert_eq!(sip_user("a&b").as_deref(), Ok("a&b"));
        assert_eq!(sip_user("a%26b").as_deref(), Ok("a%26b"));
        assert_eq!(sip_user("jos%C3%A9").as_deref(), Ok("josé"));
        assert_eq!(sip_user("jose\u{301}").as_deref(), Ok("josé"));
        assert_eq!(sip_user("a%21b").as_deref(), Ok("a%21b"));
    }

    #[test]
    fn sip_users_outside_the_grammar_are_refused() {
        for (user, c) in [("a!b", '!'), ("a\\1", '\\'), ("a\"b", '"'), ("a<b", '<')] {
            assert_eq!(
                sip_user(user),
                Err(UserPartError::Character {
                    c,
                    grammar: "a SIP user part (RFC 3261)"
                })
            );
        }
        assert_eq!(sip_user("a%2"), Err(UserPartError::Escape));
        assert_eq!(sip_user("a%+1"), Err(UserPartError::Escape));
        assert_eq!(sip_user("a%FF"), Err(UserPartError::NotUtf8));
        assert!(matches!(
            sip_user("a%E2%80%AEb"),
            Err(UserPartError::Name(_))
        ));
        assert!(matches!(
            sip_user("p\u{430}ypal"),
            Err(UserPartError::Name(_))
        ));
    }

    #[test]
    fn mail_local_parts_are_dot_atoms() {
        assert_eq!(mail_local("Alice.B+tag").as_deref(), Ok("Alice.B+tag"));
        assert_eq!(mail_local("a%2Eb").as_deref(), Ok("a.b"));
        assert_eq!(mail_local("a{b}").as_deref(), Ok("a%7Bb%7D"));
        assert_eq!(mail_local("a!b").as_deref(), Ok("a!b"));
        assert_eq!(mail_local("zoë").as_deref(), Ok("zoë"));
        assert_eq!(mail_local(".a"), Err(UserPartError::Dots));
        assert_eq!(mail_local("a..b"), Err(UserPartError::Dots));
        assert!(matches!(
            mail_local("a%22b"),
            Err(UserPartError::Character { c: '"', .. })
        ));
        assert!(matches!(
            mail_local("a\\b"),
            Err(UserPartError::Character { c: '\\', .. })
        ));
    }
}
