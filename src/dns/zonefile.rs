//! A zone as an RFC 1035 master file (`callsign zone export ZONE`).
//!
//! Character-strings are written from the wire bytes, escaping `"` and `\`
//! with a backslash and anything outside printable ASCII as `\DDD`, so a
//! URI containing either survives a round trip through any zone parser.

use std::fmt::Write;

use super::index::Snapshot;
use super::naptr::{Naptr, NumberKey, key_digits};
use super::zone::Zone;

/// `bytes` as a quoted character-string.
pub fn quoted(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('"');
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                s.push('\\');
                s.push(b as char);
            }
            0x20..=0x7E => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03}");
            }
        }
    }
    s.push('"');
    s
}

/// The owner of a number relative to the apex: its digits reversed.
fn owner(key: NumberKey) -> String {
    let digits: Vec<u8> = key_digits(key).collect();
    let mut s = String::with_capacity(2 * digits.len());
    for d in digits.iter().rev() {
        if !s.is_empty() {
            s.push('.');
        }
        s.push(*d as char);
    }
    s
}

/// One NAPTR record as dig prints it, at the absolute `owner` (with its
/// trailing dot).
pub fn dig_line(owner: &str, ttl: u32, naptr: Naptr<'_>) -> String {
    format!(
        "{owner} {ttl} IN NAPTR {} {} {} {} {} .",
        naptr.order(),
        naptr.preference,
        quoted(super::naptr::FLAGS.as_bytes()),
        quoted(naptr.services().as_bytes()),
        quoted(&naptr.regexp()),
    )
}

/// One NAPTR line.
fn naptr_line(out: &mut String, owner: &str, naptr: Naptr<'_>) {
    let _ = writeln!(
        out,
        "{owner}\tIN\tNAPTR\t{} {} {} {} {} .",
        naptr.order(),
        naptr.preference,
        quoted(super::naptr::FLAGS.as_bytes()),
        quoted(naptr.services().as_bytes()),
        quoted(&naptr.regexp()),
    );
}

/// The zone at `serial`: the apex records, the in-zone hosts, every
/// published number, and the wildcards standing for block numbers.
pub fn render(zone: &Zone, ttl: u32, serial: u32, snapshot: &Snapshot) -> String {
    let (numbers, wildcards) = (&snapshot.numbers, &snapshot.wildcards);
    let soa = &zone.soa_fields;
    let mut out = String::with_capacity(128 + (numbers.len() + wildcards.len()) * 256);
    let _ = writeln!(
        out,
        "; ENUM zone {} exported by callsign: serial {serial}, {} numbers, {} block wildcards",
        zone.name,
        numbers.len(),
        wildcards.len(),
    );
    let _ = writeln!(out, "$ORIGIN {}", zone.name.to_ascii());
    let _ = writeln!(out, "$TTL {ttl}");
    let _ = writeln!(
        out,
        "@\tIN\tSOA\t{} {} {serial} {} {} {} {}",
        soa.mname.to_ascii(),
        soa.rname.to_ascii(),
        soa.refresh,
        soa.retry,
        soa.expire,
        soa.minimum,
    );
    for ns in &zone.ns_names {
        let _ = writeln!(out, "@\tIN\tNS\t{}", ns.to_ascii());
    }
    for host in &zone.hosts {
        for ip in &host.addresses {
            let rtype = if ip.is_ipv4() { "A" } else { "AAAA" };
            let _ = writeln!(out, "{}\tIN\t{rtype}\t{ip}", host.name.to_ascii());
        }
    }
    for (key, naptrs) in numbers {
        let owner = owner(*key);
        for naptr in naptrs.iter(*key) {
            naptr_line(&mut out, &owner, naptr);
        }
        if let Some(name) = naptrs.caller_name() {
            let _ = writeln!(out, "{owner}\tIN\tTXT\t{}", quoted(name));
        }
    }
    for (key, naptrs) in wildcards {
        let owner = format!("*.{}", owner(*key));
        for naptr in naptrs.iter(0) {
            naptr_line(&mut out, &owner, naptr);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_bytes_outside_ascii() {
        assert_eq!(
            quoted(br#"!^.*$!sip:a"b\c@x!"#),
            r#""!^.*$!sip:a\"b\\c@x!""#
        );
        assert_eq!(quoted("é\t".as_bytes()), r#""\195\169\009""#);
    }

    #[test]
    fn owners_are_reversed_digits() {
        let key = super::super::naptr::number_key(b"12125550100").unwrap();
        assert_eq!(owner(key), "0.0.1.0.5.5.5.2.1.2.1");
    }
}
