//! An answer as a vCard 4.0 (RFC 6350), a JSContact card (RFC 9553) or an
//! XEP-0152 reachability element.

use std::fmt::Write;

use super::Answer;
use crate::model::Kind;

pub const VCARD: &str = "text/vcard; charset=utf-8";
pub const REACH: &str = "application/xml; charset=utf-8";
pub const JSCONTACT: &str = "application/jscontact+json";

/// A vCard 4.0 of what the caller may see: FN, UID, TEL, IMPP (xmpp, sip,
/// sips, h323), EMAIL, URL. Lines are folded at 75 octets with CRLF.
pub fn vcard(answer: &Answer) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_owned(), "VERSION:4.0".to_owned()];
    let name = answer
        .subject
        .as_ref()
        .and_then(|s| s.display_name.clone())
        .unwrap_or_else(|| answer.query.clone());
    lines.push(format!("FN:{}", escape_text(&name)));
    if let Some(subject) = &answer.subject {
        lines.push(format!("UID:{}", subject.id));
    }
    for (index, address) in answer.addresses.iter().enumerate() {
        let pref = if index < 100 { index + 1 } else { 100 };
        let line = match address.kind {
            Kind::Tel => format!("TEL;VALUE=uri;PREF={pref}:{}", address.uri),
            Kind::Xmpp | Kind::Sip | Kind::Sips | Kind::H323 => {
                format!("IMPP;PREF={pref}:{}", address.uri)
            }
            Kind::Mailto => format!(
                "EMAIL;PREF={pref}:{}",
                escape_text(&address.uri["mailto:".len()..])
            ),
            Kind::Https => format!("URL;PREF={pref}:{}", address.uri),
        };
        lines.push(line);
    }
    lines.push("END:VCARD".to_owned());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// A JSContact Card (RFC 9553) of what the caller may see, the vCard's
/// twin: `name.full`, `uid`, and each address under its own id (`p1`,
/// `e1`, `s1`, `l1`, numbered in presentation order) in `phones` (a `tel:`
/// URI as `number`, a voice line), `emails` (`address`), `onlineServices`
/// (`uri` and the `service` it is) or `links` (`uri`); `pref` ranks them as
/// the vCard's PREF does.
pub fn jscontact(answer: &Answer) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let name = answer
        .subject
        .as_ref()
        .and_then(|s| s.display_name.clone())
        .unwrap_or_else(|| answer.query.clone());
    let mut card = Map::new();
    card.insert("@type".into(), json!("Card"));
    card.insert("version".into(), json!("1.0"));
    if let Some(subject) = &answer.subject {
        card.insert("uid".into(), json!(subject.id));
    }
    card.insert("name".into(), json!({"full": name}));
    let mut groups: [(&str, &str, Map<String, Value>); 4] = [
        ("phones", "p", Map::new()),
        ("emails", "e", Map::new()),
        ("onlineServices", "s", Map::new()),
        ("links", "l", Map::new()),
    ];
    for (index, address) in answer.addresses.iter().enumerate() {
        let pref = (index + 1).min(100);
        let (group, entry) = match address.kind {
            Kind::Tel => (
                0,
                json!({"number": address.uri, "features": {"voice": true}, "pref": pref}),
            ),
            Kind::Mailto => (
                1,
                json!({"address": &address.uri["mailto:".len()..], "pref": pref}),
            ),
            Kind::Sip | Kind::Sips | Kind::Xmpp | Kind::H323 => {
                let service = match address.kind {
                    Kind::Xmpp => "XMPP",
                    Kind::H323 => "H.323",
                    _ => "SIP",
                };
                (
                    2,
                    json!({"service": service, "uri": address.uri, "pref": pref}),
                )
            }
            Kind::Https => (3, json!({"uri": address.uri, "pref": pref})),
        };
        let (_, prefix, entries) = &mut groups[group];
        entries.insert(format!("{prefix}{}", entries.len() + 1), entry);
    }
    for (member, _, entries) in groups {
        if !entries.is_empty() {
            card.insert(member.into(), Value::Object(entries));
        }
    }
    Value::Object(card)
}

/// RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 6350 §3.2: lines longer than 75 octets continue on lines that start
/// with a space; never inside a UTF-8 sequence.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A readable table for the command line.
pub fn table(answer: &Answer) -> String {
    let mut out = String::new();
    match &answer.subject {
        Some(s) => writeln!(
            out,
            "{} → {} ({})",
            answer.query,
            s.display_name.as_deref().unwrap_or("-"),
            s.id
        ),
        None => writeln!(out, "{} → unknown subject", answer.query),
    }
    .expect("strings take writes");
    let width = answer
        .addresses
        .iter()
        .map(|a| a.uri.chars().count())
        .max()
        .unwrap_or(0)
        .max(3);
    if !answer.addresses.is_empty() {
        writeln!(
            out,
            "{:width$}  {:6}  {:8}  SOURCES",
            "URI", "KIND", "VERIFIED"
        )
        .expect("strings take writes");
    }
    for a in &answer.addresses {
        writeln!(
            out,
            "{:width$}  {:6}  {:8}  {}",
            a.uri,
            a.kind.scheme(),
            if a.verified { "yes" } else { "no" },
            a.sources.join(", ")
        )
        .expect("strings take writes");
    }
    for e in &answer.equivalents {
        writeln!(out, "same endpoint: {} = {}", e.uri, e.same_as).expect("strings take writes");
    }
    for e in &answer.errors {
        writeln!(out, "incomplete: {} ({}): {}", e.step, e.target, e.reason)
            .expect("strings take writes");
    }
    out
}

/// `<reach xmlns='urn:xmpp:reach:0'>` with one `<addr uri=…/>` for every
/// address that is not itself an XMPP address (XEP-0152).
pub fn reach(answer: &Answer) -> String {
    let mut out = String::from("<reach xmlns='urn:xmpp:reach:0'>");
    for address in answer.addresses.iter().filter(|a| a.kind != Kind::Xmpp) {
        write!(out, "<addr uri='{}'/>", escape_xml(&address.uri)).expect("strings take writes");
    }
    out.push_str("</reach>");
    out
}

fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::{Found, SubjectRef};

    fn answer() -> Answer {
        let found = |uri: &str, kind| Found {
            uri: uri.into(),
            kind,
            sources: vec!["local".into()],
            verified: false,
            routing_number: None,
        };
        Answer {
            query: "tel:+12125550100".into(),
            subject: Some(SubjectRef {
                id: "acct:alice@example.com".into(),
                display_name: Some("Alice, of Example; Inc.".into()),
                links: vec![],
                properties: Default::default(),
            }),
            addresses: vec![
                found("tel:+12125550100", Kind::Tel),
                found("sip:alice@example.com", Kind::Sip),
                found("xmpp:alice@example.com", Kind::Xmpp),
                found("mailto:alice@example.com", Kind::Mailto),
                found("https://example.com/~alice?a=1&b=2", Kind::Https),
            ],
            equivalents: vec![],
            complete: true,
            errors: vec![],
        }
    }

    #[test]
    fn vcards_carry_every_visible_address() {
        assert_eq!(
            vcard(&answer()),
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alice\\, of Example\\; Inc.\r\n\
             UID:acct:alice@example.com\r\nTEL;VALUE=uri;PREF=1:tel:+12125550100\r\n\
             IMPP;PREF=2:sip:alice@example.com\r\nIMPP;PREF=3:xmpp:alice@example.com\r\n\
             EMAIL;PREF=4:alice@example.com\r\nURL;PREF=5:https://example.com/~alice?a=1&b=2\r\n\
             END:VCARD\r\n"
        );
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let mut a = answer();
        a.subject.as_mut().unwrap().display_name = Some("é".repeat(60));
        let card = vcard(&a);
        for line in card.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("FN:{}\r\n", "é".repeat(60))));
    }

    #[test]
    fn jscontact_cards_follow_rfc_9553() {
        let card = jscontact(&answer());
        assert_eq!(
            card,
            serde_json::json!({
                "@type": "Card",
                "version": "1.0",
                "uid": "acct:alice@example.com",
                "name": {"full": "Alice, of Example; Inc."},
                "phones": {"p1": {"number": "tel:+12125550100", "features": {"voice": true}, "pref": 1}},
                "emails": {"e1": {"address": "alice@example.com", "pref": 4}},
                "onlineServices": {
                    "s1": {"service": "SIP", "uri": "sip:alice@example.com", "pref": 2},
                    "s2": {"service": "XMPP", "uri": "xmpp:alice@example.com", "pref": 3}
                },
                "links": {"l1": {"uri": "https://example.com/~alice?a=1&b=2", "pref": 5}}
            })
        );
        let mut hidden = answer();
        hidden.subject.as_mut().unwrap().display_name = None;
        hidden.addresses.clear();
        let card = jscontact(&hidden);
        assert_eq!(card["name"]["full"], "tel:+12125550100");
        for member in ["phones", "emails", "onlineServices", "links"] {
            assert!(card.get(member).is_none(), "{member}");
        }
    }

    #[test]
    fn reach_lists_the_non_xmpp_addresses() {
        assert_eq!(
            reach(&answer()),
            "<reach xmlns='urn:xmpp:reach:0'><addr uri='tel:+12125550100'/>\
             <addr uri='sip:alice@example.com'/><addr uri='mailto:alice@example.com'/>\
             <addr uri='https://example.com/~alice?a=1&amp;b=2'/></reach>"
        );
    }
}
