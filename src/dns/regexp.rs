//! The substitution expression of every published NAPTR, `!^.*$!<uri>!`,
//! and the escaping that keeps any URI a literal replacement in it.

pub(super) const REGEXP_HEAD: &[u8] = b"!^.*$!";
pub(super) const REGEXP_TAIL: &[u8] = b"!";
/// The delimiter of every regexp (the first byte of [`REGEXP_HEAD`]).
const DELIMITER: char = '!';
/// The longest substitution whose regexp still fits a character-string.
pub(super) const MAX_URI: usize = 255 - REGEXP_HEAD.len() - REGEXP_TAIL.len();

/// `uri` as the replacement of a substitution expression (RFC 3402 §3.2):
/// the delimiter and the escape character itself are escaped, so `\1` in
/// a URI stays text instead of becoming a back-reference and a `!` does
/// not end the expression early.
pub fn escape_replacement(uri: &str) -> std::borrow::Cow<'_, str> {
    if !uri.contains([DELIMITER, '\\']) {
        return uri.into();
    }
    let mut out = String::with_capacity(uri.len() + 4);
    for c in uri.chars() {
        if c == DELIMITER || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::naptr::substitute;
    use proptest::prelude::*;

    const AUS: &str = "+12125550100";

    proptest! {
        #[test]
        fn any_text_escaped_as_a_replacement_reads_back(uri in "\\PC{0,60}") {
            let regexp = format!("!^.*$!{}!", escape_replacement(&uri));
            prop_assert_eq!(substitute(&regexp, AUS), Some(uri));
        }
    }

    #[test]
    fn delimiters_and_backslashes_are_escaped() {
        assert_eq!(escape_replacement("sip:a@b"), "sip:a@b");
        assert_eq!(escape_replacement(r"sip:a!b\1@x"), r"sip:a\!b\\1@x");
    }
}
