//! Unicode rules for what people type: free text (display names, labels,
//! token names) and the user parts of addresses.
//!
//! Nothing here is a hand-made character table: visibility comes from the
//! PRECIS derived properties (RFC 8264), user names from the PRECIS
//! `UsernameCasePreserved` profile (RFC 8265), and look-alikes from the
//! UTS #39 restriction levels and confusable skeletons.

use precis_profiles::UsernameCasePreserved;
use precis_profiles::precis_core::StringClass;
use precis_profiles::precis_core::profile::PrecisFastInvocation;
use precis_profiles::precis_core::{DerivedPropertyValue, Error as PrecisError, FreeformClass};
use unicode_normalization::UnicodeNormalization;
use unicode_security::{RestrictionLevel, RestrictionLevelDetection};

/// Why a piece of text is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must be at most {0} characters")]
    TooLong(usize),
    #[error(
        "contains {}, an invisible, control, bidirectional-control or line-separator character",
        codepoint(*.0)
    )]
    Invisible(char),
}

/// A character as `U+202E`.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Whether `c` shows as itself. The PRECIS FreeformClass disallows
/// controls, default-ignorable code points (zero-width spaces and joiners,
/// bidirectional controls, the byte order mark) and line and paragraph
/// separators; join controls are allowed there only in scripts that need
/// them, which is not worth the risk in a directory. Code points unassigned
/// in the Unicode version PRECIS is pinned to (6.3) pass, so newer letters
/// and emoji stay usable.
pub fn visible(c: char) -> bool {
    !matches!(
        FreeformClass::default().get_value_from_char(c),
        DerivedPropertyValue::Disallowed
            | DerivedPropertyValue::SpecClassDis
            | DerivedPropertyValue::ContextJ
    )
}

/// Free text bounded in characters: trimmed, in NFC, every character
/// visible. May be empty.
pub fn free_text(input: &str, max: usize) -> Result<String, TextError> {
    let text: String = input.trim().nfc().collect();
    if let Some(c) = text.chars().find(|c| !visible(*c)) {
        return Err(TextError::Invisible(c));
    }
    if text.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    Ok(text)
}

/// [`free_text`], for text from elsewhere that is dropped rather than
/// refused when it does not qualify.
pub fn clean_text(input: &str, max: usize) -> Option<String> {
    free_text(input, max).ok()
}

/// Why the text of a user part is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("contains {}, which a user name may not contain (RFC 8265)", codepoint(*.0))]
    Disallowed(char),
    #[error("is not a valid user name (RFC 8265: empty, or mixed text direction)")]
    Invalid,
    #[error("is written `{0}` in its RFC 8265 form (width mapping); write it that way")]
    Mapped(String),
    #[error("mixes scripts that can be mistaken for one another (UTS #39)")]
    MixedScript,
    #[error("looks like the ASCII `{0}` but is not (UTS #39 confusable)")]
    Confusable(String),
}

/// A user part's decoded text in NFC, or why it is refused: a character
/// PRECIS disallows in user names, a fullwidth or halfwidth form (which
/// PRECIS would map, so the text would stand for another), text that mixes
/// scripts beyond the
/// UTS #39 "highly restrictive" level, or non-ASCII text whose confusable
/// skeleton is plain ASCII (a Cyrillic `а` standing in for a Latin `a`).
pub fn user_name(text: &str) -> Result<String, UserError> {
    let enforced = UsernameCasePreserved::enforce(text).map_err(|e| match e {
        PrecisError::BadCodepoint(info) => {
            UserError::Disallowed(char::from_u32(info.cp).unwrap_or(char::REPLACEMENT_CHARACTER))
        }
        _ => UserError::Invalid,
    })?;
    let nfc: String = text.nfc().collect();
    if enforced != nfc {
        return Err(UserError::Mapped(enforced.into_owned()));
    }
    if nfc.is_ascii() {
        return Ok(nfc);
    }
    // ASCII punctuation belongs to every script; UTS #39 only judges the
    // letters and digits.
    let letters: String = nfc.chars().filter(|c| !c.is_ascii_punctuation()).collect();
    if !letters
        .as_str()
        .check_restriction_level(RestrictionLevel::HighlyRestrictive)
    {
        return Err(UserError::MixedScript);
    }
    let skeleton: String = unicode_security::skeleton(&nfc).collect();
    if skeleton.is_ascii() {
        return Err(UserError::Confusable(skeleton));
    }
    Ok(nfc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_refused_in_free_text() {
        for c in [
            '\u{200B}', '\u{202E}', '\u{2028}', '\u{2029}', '\u{FEFF}', '\u{200D}', '\t',
        ] {
            assert_eq!(
                free_text(&format!("Alice{c}Example"), 64),
                Err(TextError::Invisible(c)),
                "{}",
                codepoint(c)
            );
        }
        assert_eq!(
            free_text("  Zoë Ümlaut 🦀 ", 64).as_deref(),
            Ok("Zoë Ümlaut 🦀")
        );
        assert_eq!(free_text("", 64).as_deref(), Ok(""));
        // NFC: a decomposed ë is stored composed.
        assert_eq!(free_text("Zoe\u{308}", 64).as_deref(), Ok("Zoë"));
        assert_eq!(free_text("abc", 2), Err(TextError::TooLong(2)));
    }

    #[test]
    fn user_names_that_impersonate_are_refused() {
        assert_eq!(user_name("u0000000").as_deref(), Ok("u0000000"));
        assert_eq!(user_name("josé").as_deref(), Ok("josé"));
        assert_eq!(user_name("jose\u{301}").as_deref(), Ok("josé"));
        assert_eq!(user_name("δημήτρης").as_deref(), Ok("δημήτρης"));
        assert_eq!(user_name("山田").as_deref(), Ok("山田"));
        // Width mapping (RFC 8265): fullwidth letters are the ASCII ones.
        assert_eq!(user_name("ｕ0"), Err(UserError::Mapped("u0".into())));
        assert_eq!(user_name("p\u{430}ypal"), Err(UserError::MixedScript));
        assert_eq!(
            user_name("\u{430}\u{43E}"),
            Err(UserError::Confusable("ao".into()))
        );
        for c in ['\u{200B}', '\u{202E}', '\u{FEFF}', ' '] {
            assert_eq!(user_name(&format!("u{c}0")), Err(UserError::Disallowed(c)));
        }
    }
}
