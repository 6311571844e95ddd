//! The substitution expression of every published NAPTR, `!^.*$!<uri>!`,
//! and the escaping that keeps any URI a literal replacement in it; and
//! the back-reference expressions of block templates.

use crate::model::{Address, Block};
use crate::resolve::naptr::substitute;

pub(super) const REGEXP_HEAD: &[u8] = b"!^.*$!";
pub(super) const REGEXP_TAIL: &[u8] = b"!";
/// The delimiter of every regexp (the first byte of [`REGEXP_HEAD`]).
const DELIMITER: char = '!';
/// The longest substitution whose regexp still fits a character-string.
pub(super) const MAX_URI: usize = 255 - REGEXP_HEAD.len() - REGEXP_TAIL.len();
/// The longest regexp a character-string holds.
const MAX_REGEXP: usize = 255;

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

/// The substitution expression of a block's `template` (RFC 3402 §3.2):
/// an ERE matching exactly the block's numbers (the AUS, `+` and digits)
/// with the digits after the prefix and/or the whole number as groups, and
/// the template's canonical address as the replacement, referring back to
/// them. A template without substitutions is the plain `!^.*$!<uri>!`.
///
/// The replacement is read off canonical addresses of two numbers that
/// differ in every digit after the prefix, and the expression is kept only
/// when the resolver's own parser turns it back into both of them (so a
/// canonical form that moves or rewrites the digits is never published).
/// `None` when no expression fits a NAPTR regexp.
pub fn block_regexp(block: &Block, template: &str) -> Option<String> {
    const FIRST: &[u8; 10] = b"8642097531";
    const SECOND: &[u8; 10] = b"1357924680";
    let prefix = block.prefix_digits();
    let longest = block.lengths().1;
    let canonical = |digits: &str| {
        Address::parse(&block.substitute(template, digits), None)
            .ok()
            .map(|a| a.as_str().to_owned())
    };
    let (rest, number) = (template.contains("\\1"), template.contains("{number}"));
    if !rest && !number {
        let uri = canonical(&block.sample_digits())?;
        let regexp = format!("!^.*$!{}!", escape_replacement(&uri));
        return (regexp.len() <= MAX_REGEXP).then_some(regexp);
    }
    let open = open_digits(block);
    let (ere, number_ref, rest_ref) = match (number, rest) {
        (true, true) => (format!("^(\\+{prefix}({open}))$"), "\\1", "\\2"),
        (true, false) => (format!("^(\\+{prefix}{open})$"), "\\1", ""),
        _ => (format!("^\\+{prefix}({open})$"), "", "\\1"),
    };
    // Markers no address holds, then put back as references.
    const NUMBER: char = '\u{1}';
    const REST: char = '\u{2}';
    (0..FIRST.len()).find_map(|turn| {
        let digits = |cycle: &[u8; 10]| -> String {
            let open: String = (0..longest - prefix.len())
                .map(|i| cycle[(i + turn) % cycle.len()] as char)
                .collect();
            format!("{prefix}{open}")
        };
        let (first, second) = (digits(FIRST), digits(SECOND));
        let uri = canonical(&first)?;
        if uri.contains([NUMBER, REST]) {
            return None;
        }
        let mut marked = uri;
        if number {
            marked = marked.replace(&format!("+{first}"), &NUMBER.to_string());
        }
        if rest {
            marked = marked.replace(&first[prefix.len()..], &REST.to_string());
        }
        let replacement = escape_replacement(&marked)
            .replace(NUMBER, number_ref)
            .replace(REST, rest_ref);
        let regexp = format!("!{ere}!{replacement}!");
        let reads_back = |digits: &str| {
            canonical(digits).is_some_and(|uri| {
                substitute(&regexp, &format!("+{digits}")).as_deref() == Some(uri.as_str())
            })
        };
        (regexp.len() <= MAX_REGEXP && reads_back(&first) && reads_back(&second)).then_some(regexp)
    })
}

/// The ERE of the digits after a block's prefix: as many as its numbers
/// have.
fn open_digits(block: &Block) -> String {
    let prefix = block.prefix_digits().len();
    match block.lengths() {
        (shortest, longest) if shortest == longest => format!("[0-9]{{{}}}", longest - prefix),
        (shortest, longest) => format!("[0-9]{{{},{}}}", shortest - prefix, longest - prefix),
    }
}

/// The number-portability expression of a ported block's numbers (RFC
/// 4769): each number of the block, routed to `routing` (digits).
pub fn pstn_regexp(block: &Block, routing: &str) -> String {
    format!(
        "!^(\\+{}{})$!tel:\\1;npdi;rn=+{routing}!",
        block.prefix_digits(),
        open_digits(block)
    )
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
