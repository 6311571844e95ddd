//! ENUM NAPTR processing (RFC 3402 DDDS, RFC 3403, RFC 6116): which rules
//! apply to an Application Unique String and what they produce.

use std::borrow::Cow;

use regex::Regex;

use super::StepError;

/// One NAPTR record's fields, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub order: u16,
    pub preference: u16,
    pub flags: String,
    pub services: String,
    pub regexp: String,
    /// The replacement domain name, without its trailing dot (`""` for `.`).
    pub replacement: String,
}

/// What one applicable rule yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A terminal (`u`) rule: a URI and the enumservice that named it.
    Uri { uri: String, service: String },
    /// A non-terminal rule (empty flags): a domain to query for NAPTRs next.
    Next(String),
}

/// The outcomes of `rules` for `aus` (the E.164 number with its `+`), in
/// order then preference. Only the lowest `order` that yields anything is
/// used (RFC 3402 §4: once a rule matches, higher orders are not
/// considered); records with other services, unknown flags, or a regexp that
/// does not parse or does not match are skipped.
///
/// `E2U+pstn` records (RFC 4769) are a PSTN router's: they tell how the
/// number itself is routed, not where else its owner is reached. The
/// resolver reads them as that router would, and the other records as a
/// client looking for addresses would, each with its own lowest order, so
/// a pstn record ordered first (as RFC 4769 shows it) hides nothing.
pub fn process(rules: &[Rule], aus: &str) -> Vec<Outcome> {
    let (pstn, others): (Vec<&Rule>, Vec<&Rule>) = rules.iter().partition(|r| is_pstn(r));
    let mut out = lowest_order(pstn, aus);
    out.extend(lowest_order(others, aus));
    out
}

fn is_pstn(rule: &Rule) -> bool {
    enum_service(&rule.services).is_some_and(|s| {
        s.split(':')
            .next()
            .is_some_and(|t| t.eq_ignore_ascii_case("pstn"))
    })
}

/// [`process`] for one client's rules.
fn lowest_order(rules: Vec<&Rule>, aus: &str) -> Vec<Outcome> {
    let mut sorted = rules;
    sorted.sort_by_key(|r| (r.order, r.preference));
    let mut out = Vec::new();
    let mut current = None;
    for rule in sorted {
        if current.is_some_and(|order| order != rule.order) {
            break;
        }
        if let Some(outcome) = apply(rule, aus) {
            current = Some(rule.order);
            out.push(outcome);
        }
    }
    out
}

fn apply(rule: &Rule, aus: &str) -> Option<Outcome> {
    let flags = rule.flags.to_ascii_lowercase();
    match flags.as_str() {
        "u" => {
            let service = enum_service(&rule.services)?;
            if rule.regexp.is_empty() {
                return None;
            }
            let uri = substitute(&rule.regexp, aus)?;
            Some(Outcome::Uri {
                uri,
                service: service.to_owned(),
            })
        }
        "" => {
            // Services are optional on a non-terminal rule; if present they
            // must still be ENUM's.
            if !rule.services.is_empty() && enum_service(&rule.services).is_none() {
                return None;
            }
            let next = if rule.regexp.is_empty() {
                rule.replacement.clone()
            } else {
                substitute(&rule.regexp, aus)?
            };
            let next = next.trim_end_matches('.').to_ascii_lowercase();
            (!next.is_empty()).then_some(Outcome::Next(next))
        }
        _ => None,
    }
}

/// The enumservice part of an `E2U+…` services field (case-insensitive), or
/// `None` when the record is not for ENUM.
fn enum_service(services: &str) -> Option<&str> {
    let (head, rest) = services.split_at_checked(4)?;
    (head.eq_ignore_ascii_case("e2u+") && !rest.is_empty()).then_some(rest)
}

/// Most non-terminal rules followed from one number's first domain.
pub const MAX_HOPS: usize = 5;

/// Resolve `aus` starting at `domain`: fetch NAPTRs with `fetch`, apply the
/// rules, follow non-terminal rules (each domain at most once, so loops end;
/// at most [`MAX_HOPS`] of them), and return the terminal URIs in order.
pub async fn follow<F, Fut>(
    aus: &str,
    domain: String,
    mut fetch: F,
) -> Result<Vec<Outcome>, StepError>
where
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Result<std::sync::Arc<Vec<Rule>>, StepError>>,
{
    let mut seen = std::collections::HashSet::from([domain.clone()]);
    let mut pending = std::collections::VecDeque::from([domain]);
    let mut hops = 0;
    let mut out = Vec::new();
    while let Some(domain) = pending.pop_front() {
        let rules = fetch(domain).await?;
        for outcome in process(&rules, aus) {
            match outcome {
                Outcome::Next(next) => {
                    if seen.insert(next.clone()) {
                        hops += 1;
                        if hops > MAX_HOPS {
                            return Err(StepError::TooManyHops);
                        }
                        pending.push_back(next);
                    }
                }
                uri => out.push(uri),
            }
        }
    }
    Ok(out)
}

/// The ENUM domain of an E.164 number under `suffix` (RFC 6116 §2.4).
pub fn domain(e164: &str, suffix: &str) -> String {
    let mut name = String::with_capacity(e164.len() * 2 + suffix.len());
    for digit in e164.chars().rev().filter(char::is_ascii_digit) {
        name.push(digit);
        name.push('.');
    }
    name.push_str(suffix.trim_end_matches('.'));
    name
}

/// Apply a NAPTR substitution expression `<d>ERE<d>REPL<d>[i]` to `aus`:
/// any delimiter (not a digit, `\` or `i`), the delimiter escaped by `\`
/// inside the parts, `\1`–`\9` back-references in the replacement, and
/// the `i` flag. The result is the expanded replacement (RFC 3402 §3.2).
pub fn substitute(expression: &str, aus: &str) -> Option<String> {
    let mut chars = expression.chars();
    let delim = chars.next()?;
    if delim.is_ascii_digit() || delim == '\\' || delim == 'i' {
        return None;
    }
    let parts = split_unescaped(chars.as_str(), delim);
    let [ere, repl, flags] = parts.as_slice() else {
        return None;
    };
    let case_insensitive = match flags.as_str() {
        "" => false,
        "i" => true,
        _ => return None,
    };
    let pattern: Cow<str> = if case_insensitive {
        Cow::Owned(format!("(?i){ere}"))
    } else {
        Cow::Borrowed(ere)
    };
    let regex = Regex::new(&pattern).ok()?;
    let captures = regex.captures(aus)?;
    let mut out = String::new();
    let mut repl = repl.chars();
    while let Some(c) = repl.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match repl.next()? {
            d @ '1'..='9' => {
                let group = d.to_digit(10).expect("a digit") as usize;
                // A reference to a group the ERE does not have is an error.
                if group >= captures.len() {
                    return None;
                }
                out.push_str(captures.get(group).map_or("", |m| m.as_str()));
            }
            other => out.push(other),
        }
    }
    Some(out)
}

/// Split on `delim`, keeping `\delim` as a literal delimiter and every other
/// escape as it is (the regex engine or the replacement reads those).
fn split_unescaped(text: &str, delim: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let part = parts.last_mut().expect("never empty");
        if c == '\\' {
            match chars.next() {
                Some(next) if next == delim => part.push(delim),
                Some(next) => {
                    part.push('\\');
                    part.push(next);
                }
                None => part.push('\\'),
            }
        } else if c == delim {
            parts.push(String::new());
        } else {
            part.push(c);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(order: u16, pref: u16, flags: &str, services: &str, regexp: &str) -> Rule {
        Rule {
            order,
            preference: pref,
            flags: flags.into(),
            services: services.into(),
            regexp: regexp.into(),
            replacement: String::new(),
        }
    }

    fn uris(outcomes: &[Outcome]) -> Vec<&str> {
        outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Uri { uri, .. } => Some(uri.as_str()),
                Outcome::Next(_) => None,
            })
            .collect()
    }

    const AUS: &str = "+12125550100";

    #[test]
    fn the_published_form_yields_its_uri() {
        let out = process(
            &[rule(
                100,
                10,
                "u",
                "E2U+sip",
                "!^.*$!sip:alice@example.com!",
            )],
            AUS,
        );
        assert_eq!(
            out,
            vec![Outcome::Uri {
                uri: "sip:alice@example.com".into(),
                service: "sip".into()
            }]
        );
    }

    #[test]
    fn rules_are_sorted_by_order_then_preference() {
        let out = process(
            &[
                rule(
                    100,
                    30,
                    "u",
                    "E2U+email:mailto",
                    "!^.*$!mailto:a@example.com!",
                ),
                rule(100, 10, "u", "E2U+sip", "!^.*$!sip:a@example.com!"),
                rule(100, 20, "u", "E2U+xmpp", "!^.*$!xmpp:a@example.com!"),
            ],
            AUS,
        );
        assert_eq!(
            uris(&out),
            [
                "sip:a@example.com",
                "xmpp:a@example.com",
                "mailto:a@example.com"
            ]
        );
    }

    #[test]
    fn only_the_lowest_order_that_applies_is_used() {
        let out = process(
            &[
                rule(200, 10, "u", "E2U+sip", "!^.*$!sip:late@example.com!"),
                rule(50, 10, "u", "X-OTHER", "!^.*$!sip:ignored@example.com!"),
                rule(100, 10, "u", "E2U+sip", "!^.*$!sip:first@example.com!"),
            ],
            AUS,
        );
        // Order 50 has no ENUM rule, so order 100 is the first that applies.
        assert_eq!(uris(&out), ["sip:first@example.com"]);
    }

    #[test]
    fn services_match_case_insensitively_and_unknown_ones_are_skipped() {
        let out = process(
            &[
                rule(100, 10, "U", "e2u+SIP", "!^.*$!sip:a@example.com!"),
                rule(100, 20, "u", "SIP+D2U", "!^.*$!sip:b@example.com!"),
                rule(100, 30, "u", "E2U", "!^.*$!sip:c@example.com!"),
                rule(100, 40, "s", "E2U+sip", "!^.*$!sip:d@example.com!"),
            ],
            AUS,
        );
        assert_eq!(uris(&out), ["sip:a@example.com"]);
    }

    #[test]
    fn pstn_records_hide_no_other_records() {
        let out = process(
            &[
                rule(100, 10, "u", "E2U+sip", "!^.*$!sip:a@example.com!"),
                rule(
                    10,
                    100,
                    "u",
                    "E2U+pstn:tel",
                    "!^(.*)$!tel:\\1;npdi;rn=+12125550199!",
                ),
            ],
            AUS,
        );
        assert_eq!(
            uris(&out),
            ["tel:+12125550100;npdi;rn=+12125550199", "sip:a@example.com"]
        );
    }

    #[test]
    fn back_references_and_other_delimiters() {
        assert_eq!(
            substitute(r"!^\+1(...)(.*)$!sip:\2@area\1.example.com!", AUS).as_deref(),
            Some("sip:5550100@area212.example.com")
        );
        assert_eq!(
            substitute(r"/^\+(.*)$/tel:+\1/", AUS).as_deref(),
            Some("tel:+12125550100")
        );
        // An escaped delimiter is part of the text.
        assert_eq!(
            substitute(r"#^.*$#https://example.com/\#top#", AUS).as_deref(),
            Some("https://example.com/#top")
        );
        // `\\` is a literal backslash in the replacement.
        assert_eq!(substitute(r"!^.*$!a\\b!", AUS).as_deref(), Some(r"a\b"));
    }

    #[test]
    fn the_i_flag_makes_the_match_case_insensitive() {
        assert_eq!(substitute("!^ABC$!x!", "abc"), None);
        assert_eq!(substitute("!^ABC$!x!i", "abc").as_deref(), Some("x"));
    }

    #[test]
    fn malformed_expressions_are_rejected() {
        for bad in [
            "",
            "!^.*$",
            "!^.*$!x",
            "!^.*$!x!q",
            "1^.*$1x1",
            r"\^.*$\x\",
            "!(!x!",
            r"!^.*$!\3!",
            "!^9$!x!",
        ] {
            assert_eq!(substitute(bad, AUS), None, "{bad:?}");
        }
    }

    #[test]
    fn non_terminal_rules_name_the_next_domain() {
        let mut next = rule(100, 10, "", "", "");
        next.replacement = "Sub.Example.NET.".into();
        let from_regexp = rule(100, 20, "", "E2U+sip", r"!^\+(.*)$!\1.e164.example.net!");
        assert_eq!(
            process(&[next, from_regexp], AUS),
            vec![
                Outcome::Next("sub.example.net".into()),
                Outcome::Next("12125550100.e164.example.net".into()),
            ]
        );
    }

    fn chain(
        zones: Vec<(&'static str, Vec<Rule>)>,
    ) -> impl FnMut(String) -> std::future::Ready<Result<std::sync::Arc<Vec<Rule>>, StepError>>
    {
        let zones: std::collections::HashMap<String, std::sync::Arc<Vec<Rule>>> = zones
            .into_iter()
            .map(|(d, r)| (d.to_owned(), std::sync::Arc::new(r)))
            .collect();
        move |d| std::future::ready(Ok(zones.get(&d).cloned().unwrap_or_default()))
    }

    fn next(order: u16, pref: u16, to: &str) -> Rule {
        let mut r = rule(order, pref, "", "", "");
        r.replacement = to.into();
        r
    }

    #[test]
    fn domains_reverse_the_digits() {
        assert_eq!(
            domain("+12125550100", "e164.arpa."),
            "0.0.1.0.5.5.5.2.1.2.1.e164.arpa"
        );
    }

    #[tokio::test]
    async fn non_terminal_chains_are_followed() {
        let start = domain(AUS, "e164.arpa");
        let fetch = chain(vec![
            (
                "0.0.1.0.5.5.5.2.1.2.1.e164.arpa",
                vec![next(100, 10, "carrier.example.net")],
            ),
            (
                "carrier.example.net",
                vec![
                    rule(
                        10,
                        10,
                        "u",
                        "E2U+sip",
                        r"!^\+(.*)$!sip:\1@carrier.example.net!",
                    ),
                    next(10, 20, "more.example.net"),
                ],
            ),
            (
                "more.example.net",
                vec![rule(1, 1, "u", "E2U+xmpp", "!^.*$!xmpp:a@example.net!")],
            ),
        ]);
        let out = follow(AUS, start, fetch).await.unwrap();
        assert_eq!(
            uris(&out),
            ["sip:12125550100@carrier.example.net", "xmpp:a@example.net"]
        );
    }

    #[tokio::test]
    async fn loops_end() {
        let fetch = chain(vec![
            ("a.example", vec![next(1, 1, "b.example")]),
            (
                "b.example",
                vec![
                    next(1, 1, "a.example"),
                    rule(1, 2, "u", "E2U+sip", "!^.*$!sip:x@example.net!"),
                ],
            ),
        ]);
        let out = follow(AUS, "a.example".into(), fetch).await.unwrap();
        assert_eq!(uris(&out), ["sip:x@example.net"]);
    }

    #[tokio::test]
    async fn long_chains_are_cut() {
        let zones = (0..10)
            .map(|i| {
                let from: &'static str = Box::leak(format!("n{i}.example").into_boxed_str());
                (from, vec![next(1, 1, &format!("n{}.example", i + 1))])
            })
            .collect();
        let err = follow(AUS, "n0.example".into(), chain(zones))
            .await
            .unwrap_err();
        assert_eq!(err, StepError::TooManyHops);
    }
}
