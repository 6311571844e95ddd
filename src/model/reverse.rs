//! Reading a number back from an address a block's template made: a
//! lookup of `sip:55123@pbx.example.com` finds +49 30 1234 55123 when the
//! block +49301234 has the template `sip:\1@pbx.example.com`.
//!
//! A template is reversible when its one substitution (`\1` or
//! `{number}`, once) lies in the user part and everything else is literal:
//! then the canonical address of every number is `pre` + digits + `suf`,
//! with the same `pre` and `suf`. That is found by substituting two numbers
//! whose variable digits differ everywhere and keeping what the two
//! canonical addresses share at either end. What this index answers is a
//! candidate only: the caller builds the number's addresses and keeps it
//! when the key is among them, so nesting, overrides, lengths and
//! canonicalisation are decided by the same code as every other answer.

use std::collections::{BTreeSet, HashMap};

use super::address::{Address, Kind};
use super::block::Block;

/// Candidates tried for one `\1` pattern and length before the key counts
/// as ambiguous (many blocks giving the same address to different numbers).
const MAX_CANDIDATES: usize = 64;

/// How a reversible template's addresses look.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Reversible {
    kind: Kind,
    /// Literal text before the digits (for `{number}`: up to its `+`).
    pre: String,
    /// Literal text after the digits; holds the `@` and the host.
    suf: String,
    /// The digits are the whole number (`{number}`), not the digits after
    /// the prefix (`\1`).
    whole: bool,
}

impl Reversible {
    /// Template `i` of `block`, when a number can be read back from its
    /// addresses.
    pub(super) fn of(block: &Block, i: usize) -> Option<Reversible> {
        let template = &block.templates.get(i)?.uri;
        let whole = template.contains("{number}");
        if template.matches("\\1").count() + template.matches("{number}").count() != 1 {
            return None;
        }
        let prefix = block.prefix_digits();
        let sample = block.sample_digits();
        let open = sample.len() - prefix.len();
        let canonical = |filler: char| {
            let digits: String = prefix
                .chars()
                .chain(std::iter::repeat_n(filler, open))
                .collect();
            Address::parse(&block.substitute(template, &digits), None).ok()
        };
        let (a, b) = (canonical('5')?, canonical('7')?);
        let kind = a.kind();
        if !matches!(
            kind,
            Kind::Sip | Kind::Sips | Kind::Xmpp | Kind::Mailto | Kind::H323
        ) {
            return None;
        }
        let (a, b) = (a.as_str(), b.as_str());
        let head = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let tail = a
            .bytes()
            .rev()
            .zip(b.bytes().rev())
            .take_while(|(x, y)| x == y)
            .count();
        // The digits that differ are exactly the open ones, in one run.
        if a.len() != b.len() || head + tail + open != a.len() {
            return None;
        }
        let (pre, suf) = (&a[..head], &a[a.len() - tail..]);
        if a[head..head + open].bytes().any(|c| c != b'5')
            || pre.contains('@')
            || !suf.contains('@')
        {
            return None;
        }
        let pre = if whole {
            pre.strip_suffix(prefix)?
        } else {
            pre
        };
        Some(Reversible {
            kind,
            pre: pre.to_owned(),
            suf: suf.to_owned(),
            whole,
        })
    }

    /// The digits `key` holds where this template's number goes.
    fn digits<'k>(&self, key: &'k Address) -> Option<&'k str> {
        let digits = key
            .as_str()
            .strip_prefix(self.pre.as_str())?
            .strip_suffix(self.suf.as_str())?;
        (key.kind() == self.kind
            && !digits.is_empty()
            && digits.bytes().all(|c| c.is_ascii_digit()))
        .then_some(digits)
    }

    fn host(&self) -> &str {
        let at_host = self.suf.rsplit_once('@').map_or("", |(_, h)| h);
        at_host.split(['/', ':']).next().unwrap_or(at_host)
    }
}

/// Reversible templates by the host of their addresses.
#[derive(Clone, Debug, Default)]
pub(super) struct Reverse {
    by_host: HashMap<String, HashMap<Reversible, Prefixes>>,
}

/// The blocks using one pattern: for `\1`, by how many digits follow the
/// prefix (a block without `length` under each count it covers).
#[derive(Clone, Debug, Default)]
struct Prefixes {
    by_open: HashMap<usize, BTreeSet<String>>,
}

impl Prefixes {
    fn is_empty(&self) -> bool {
        self.by_open.is_empty()
    }
}

fn open_counts(block: &Block) -> impl Iterator<Item = usize> + '_ {
    let prefix = block.prefix_digits().len();
    (prefix + 1..=block.longest())
        .filter(|len| block.covers_length(*len))
        .map(move |len| len - prefix)
}

impl Reverse {
    pub(super) fn is_empty(&self) -> bool {
        self.by_host.is_empty()
    }

    pub(super) fn insert(&mut self, block: &Block) {
        for i in 0..block.templates.len() {
            let Some(pattern) = Reversible::of(block, i) else {
                continue;
            };
            let prefixes = self
                .by_host
                .entry(pattern.host().to_owned())
                .or_default()
                .entry(pattern)
                .or_default();
            for open in open_counts(block) {
                prefixes
                    .by_open
                    .entry(open)
                    .or_default()
                    .insert(block.prefix_digits().to_owned());
            }
        }
    }

    pub(super) fn remove(&mut self, block: &Block) {
        for i in 0..block.templates.len() {
            let Some(pattern) = Reversible::of(block, i) else {
                continue;
            };
            let host = pattern.host().to_owned();
            let Some(patterns) = self.by_host.get_mut(&host) else {
                continue;
            };
            if let Some(prefixes) = patterns.get_mut(&pattern) {
                for open in open_counts(block) {
                    if let Some(set) = prefixes.by_open.get_mut(&open) {
                        set.remove(block.prefix_digits());
                        if set.is_empty() {
                            prefixes.by_open.remove(&open);
                        }
                    }
                }
                if prefixes.is_empty() {
                    patterns.remove(&pattern);
                }
            }
            if patterns.is_empty() {
                self.by_host.remove(&host);
            }
        }
    }

    /// Candidate numbers (digits) for `key`; `around` names the prefix of
    /// the block a number falls in.
    pub(super) fn numbers_of(
        &self,
        key: &Address,
        around: impl Fn(&str) -> Option<String>,
    ) -> Vec<String> {
        let Some(patterns) = key.host().and_then(|h| self.by_host.get(h)) else {
            return Vec::new();
        };
        let mut found = BTreeSet::new();
        for (pattern, prefixes) in patterns {
            let Some(digits) = pattern.digits(key) else {
                continue;
            };
            if pattern.whole {
                // The number itself: its block is the one it falls in.
                if let Some(prefix) = around(digits)
                    && let Some(open) = digits.len().checked_sub(prefix.len())
                    && prefixes
                        .by_open
                        .get(&open)
                        .is_some_and(|set| set.contains(&prefix))
                {
                    found.insert(digits.to_owned());
                }
                continue;
            }
            let Some(set) = prefixes.by_open.get(&digits.len()) else {
                continue;
            };
            for prefix in set.iter().take(MAX_CANDIDATES) {
                let number = format!("{prefix}{digits}");
                if around(&number).as_deref() == Some(prefix.as_str()) {
                    found.insert(number);
                }
            }
            if set.len() > MAX_CANDIDATES {
                // Too many blocks make this address: it names no one number.
                return Vec::new();
            }
        }
        found.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockInput;

    fn block(prefix: &str, length: Option<u8>, templates: &[&str]) -> Block {
        let templates: Vec<_> = templates
            .iter()
            .map(|t| serde_json::json!({"uri": t}))
            .collect();
        serde_json::from_value::<BlockInput>(serde_json::json!({
            "prefix": prefix, "length": length, "templates": templates
        }))
        .unwrap()
        .into_block(chrono::Utc::now(), 6)
        .unwrap()
    }

    #[test]
    fn templates_with_one_substitution_in_the_user_part_reverse() {
        let b = block(
            "+49301234",
            Some(13),
            &[
                "sip:\\1@PBX.example.com;transport=tcp",
                "sip:{number}@gw.example.net",
                "xmpp:Fax\\1@chat.example.com",
                "mailto:\\1-\\1@example.com",
                "sip:ops@example.com",
                "https://example.com/\\1",
                "sip:\\1@\\1.example.com",
            ],
        );
        let reversed: Vec<_> = (0..7).map(|i| Reversible::of(&b, i)).collect();
        let r = reversed[0].as_ref().unwrap();
        assert_eq!(
            (r.pre.as_str(), r.suf.as_str(), r.whole),
            ("sip:", "@pbx.example.com", false)
        );
        let r = reversed[1].as_ref().unwrap();
        // `{number}` is the number with its `+`: the `+` is literal text.
        assert_eq!(
            (r.pre.as_str(), r.suf.as_str(), r.whole),
            ("sip:+", "@gw.example.net", true)
        );
        let r = reversed[2].as_ref().unwrap();
        assert_eq!(
            (r.pre.as_str(), r.suf.as_str()),
            ("xmpp:fax", "@chat.example.com")
        );
        assert!(reversed[3..].iter().all(Option::is_none));
    }

    #[test]
    fn a_key_names_the_numbers_that_can_make_it() {
        let berlin = block("+49301234", Some(13), &["sip:\\1@pbx.example.com"]);
        let hamburg = block("+49401234", Some(13), &["sip:\\1@pbx.example.com"]);
        let gw = block("+49 30 99912", None, &["sip:{number}@gw.example.net"]);
        let mut reverse = Reverse::default();
        for b in [&berlin, &hamburg, &gw] {
            reverse.insert(b);
        }
        let blocks = [&berlin, &hamburg, &gw];
        let around = |digits: &str| {
            blocks
                .iter()
                .filter(|b| digits.len() > b.prefix_digits().len())
                .filter(|b| digits.starts_with(b.prefix_digits()))
                .max_by_key(|b| b.prefix.len())
                .map(|b| b.prefix_digits().to_owned())
        };
        let key = |uri: &str| Address::parse(uri, None).unwrap();
        // Two blocks give 55123 the same address: both are candidates.
        assert_eq!(
            reverse.numbers_of(&key("sip:55123@pbx.example.com"), around),
            ["4930123455123", "4940123455123"]
        );
        assert!(
            reverse
                .numbers_of(&key("sip:5512@pbx.example.com"), around)
                .is_empty()
        );
        assert_eq!(
            reverse.numbers_of(&key("sip:+493099912345@gw.example.net"), around),
            ["493099912345"]
        );
        assert!(
            reverse
                .numbers_of(&key("sip:+49301234@gw.example.net"), around)
                .is_empty()
        );
        reverse.remove(&hamburg);
        assert_eq!(
            reverse.numbers_of(&key("sip:55123@pbx.example.com"), around),
            ["4930123455123", "4940123455123"][..1]
        );
        reverse.remove(&berlin);
        reverse.remove(&gw);
        assert!(reverse.by_host.is_empty());
    }
}
