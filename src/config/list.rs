//! Configuration lists: a TOML array or, from the environment, a
//! comma-separated string, each entry typed when the configuration is read
//! so a bad one stops startup naming its key.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::ops::Deref;
use std::str::FromStr;

use hickory_proto::rr::Name;
use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize};
use url::Url;

use crate::model::Domain;

/// Lists come as TOML arrays or, from the environment, comma-separated.
pub(super) fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => split_list(&s),
        OneOrMany::Many(v) => v,
    })
}

/// The entries of a comma-separated list, trimmed, empty ones dropped.
fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// One entry of a typed list: parsed from its configuration text and
/// written back to it.
pub trait ListEntry: Sized + fmt::Display {
    fn parse_entry(text: &str) -> Result<Self, String>;
}

/// A CIDR, or a bare address as a single host.
impl ListEntry for IpNet {
    fn parse_entry(text: &str) -> Result<IpNet, String> {
        text.parse::<IpNet>()
            .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
            .map_err(|_| format!("`{text}` is not an IP network (CIDR)"))
    }
}

/// A DNS server: `ip`, `ip:port` or `[v6]:port`; port 53 when absent.
impl ListEntry for SocketAddr {
    fn parse_entry(text: &str) -> Result<SocketAddr, String> {
        text.parse::<SocketAddr>()
            .or_else(|_| text.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
            .map_err(|_| format!("`{text}` is not ip or ip:port"))
    }
}

/// A list whose entries are parsed when the configuration is read, so a
/// bad one stops startup naming its key. Written like any list: a TOML
/// array or a comma-separated string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List<T>(Vec<T>);

/// IP networks (`webfinger.trusted_proxies`).
pub type Cidrs = List<IpNet>;
/// Name-server addresses (`resolver.enum_servers`).
pub type Servers = List<SocketAddr>;
/// DNS names (`dns.zones`, `dns.ns`).
pub type DnsNames = List<DnsName>;
/// Glue of in-zone name servers (`dns.ns_addresses`).
pub type NsAddresses = List<NsAddress>;
/// Remote WebFinger overrides (`resolver.webfinger_hosts`).
pub type HostOverrides = List<HostOverride>;

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<T: ListEntry> List<T> {
    fn parse_all(entries: Vec<String>) -> Result<List<T>, String> {
        entries
            .iter()
            .map(|e| T::parse_entry(e))
            .collect::<Result<_, _>>()
            .map(List)
    }
}

impl<T> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(entries: I) -> Self {
        List(entries.into_iter().collect())
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(entries: Vec<T>) -> Self {
        List(entries)
    }
}

/// The comma-separated form, as in the environment.
impl<T: ListEntry> FromStr for List<T> {
    type Err = String;
    fn from_str(text: &str) -> Result<List<T>, String> {
        List::parse_all(split_list(text))
    }
}

impl<T: ListEntry> Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ToString::to_string))
    }
}

impl<'de, T: ListEntry> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        List::parse_all(list(d)?).map_err(serde::de::Error::custom)
    }
}

/// `name=value`, both sides trimmed; `form` names the expected shape.
fn pair<'a>(text: &'a str, form: &str) -> Result<(&'a str, &'a str), String> {
    text.split_once('=')
        .map(|(name, value)| (name.trim(), value.trim()))
        .ok_or_else(|| format!("`{text}` is not {form}"))
}

/// An absolute DNS name, in the case it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsName(Name);

impl DnsName {
    pub fn name(&self) -> &Name {
        &self.0
    }
}

/// Parses `text` as an absolute name (a trailing dot is optional).
pub(super) fn dns_name(text: &str) -> Result<Name, String> {
    let mut name = Name::from_ascii(text)
        .ok()
        .filter(|_| !text.is_empty())
        .ok_or_else(|| format!("`{text}` is not a DNS name"))?;
    name.set_fqdn(true);
    Ok(name)
}

impl ListEntry for DnsName {
    fn parse_entry(text: &str) -> Result<DnsName, String> {
        dns_name(text).map(DnsName)
    }
}

impl FromStr for DnsName {
    type Err = String;
    fn from_str(text: &str) -> Result<DnsName, String> {
        DnsName::parse_entry(text)
    }
}

impl fmt::Display for DnsName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A single name (`dns.soa_mname`), typed like a list entry.
impl Serialize for DnsName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DnsName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DnsName, D::Error> {
        DnsName::parse_entry(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An address record of a name server inside a served zone: `name=ip`
/// (A or AAAA by the address). The name is absolute and lowercased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NsAddress {
    pub name: Name,
    pub ip: IpAddr,
}

impl ListEntry for NsAddress {
    fn parse_entry(text: &str) -> Result<NsAddress, String> {
        let (name, ip) = pair(text, "name=ip")?;
        let ip = ip
            .parse()
            .map_err(|_| format!("`{text}`: `{ip}` is not an IP address"))?;
        let name = dns_name(name).map_err(|e| format!("`{text}`: {e}"))?;
        Ok(NsAddress {
            name: name.to_lowercase(),
            ip,
        })
    }
}

impl fmt::Display for NsAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.ip)
    }
}

/// Where WebFinger for a remote host is fetched instead: `host=base-url`,
/// http or https. The host is lowercased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostOverride {
    pub host: String,
    pub base: Url,
}

impl HostOverride {
    /// The base URL without a trailing slash, ready for a path.
    pub fn base_str(&self) -> &str {
        self.base.as_str().trim_end_matches('/')
    }
}

impl ListEntry for HostOverride {
    fn parse_entry(text: &str) -> Result<HostOverride, String> {
        let (host, base) = pair(text, "host=base-url")?;
        let base = Url::parse(base).map_err(|e| format!("`{base}` is not a URL: {e}"))?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(format!("`{base}` is not http(s)"));
        }
        Ok(HostOverride {
            host: host.to_ascii_lowercase(),
            base,
        })
    }
}

impl fmt::Display for HostOverride {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.host, self.base)
    }
}

/// The subject domains one Host serves: `host=domain1 domain2`. The host
/// is lowercased, without a trailing dot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenant {
    pub host: String,
    pub domains: Vec<Domain>,
}

impl ListEntry for Tenant {
    fn parse_entry(text: &str) -> Result<Tenant, String> {
        let (host, domains) = pair(text, "host=domain …")?;
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let domains = domains
            .split_whitespace()
            .map(Domain::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| format!("`{text}` names an invalid domain"))?;
        if host.is_empty() || domains.is_empty() {
            return Err(format!("`{text}` needs a host and domains"));
        }
        Ok(Tenant { host, domains })
    }
}

impl fmt::Display for Tenant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}=", self.host)?;
        let domains: Vec<&str> = self.domains.iter().map(Domain::as_str).collect();
        f.write_str(&domains.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed<T: ListEntry>(text: &str) -> Result<String, String> {
        T::parse_entry(text).map(|e| e.to_string())
    }

    #[test]
    fn name_server_addresses() {
        assert_eq!(
            parsed::<NsAddress>(" NS1.e164.arpa = 2001:db8::1").unwrap(),
            "ns1.e164.arpa.=2001:db8::1"
        );
        for (entry, why) in [
            ("ns1.e164.arpa", "not name=ip"),
            ("ns1.e164.arpa=localhost", "not an IP address"),
        ] {
            let err = parsed::<NsAddress>(entry).unwrap_err();
            assert!(err.contains(why), "{entry}: {err}");
        }
    }

    #[test]
    fn dns_names() {
        assert_eq!(
            parsed::<DnsName>("E164.Example.NET").unwrap(),
            "E164.Example.NET."
        );
        let long = "x".repeat(64);
        for bad in ["", "e164..arpa", long.as_str()] {
            let err = parsed::<DnsName>(bad).unwrap_err();
            assert!(err.contains("is not a DNS name"), "{bad}: {err}");
        }
    }

    #[test]
    fn webfinger_host_overrides() {
        let ok = HostOverride::parse_entry("B.example=http://127.0.0.1:8081/").unwrap();
        assert_eq!(ok.host, "b.example");
        assert_eq!(ok.base_str(), "http://127.0.0.1:8081");
        assert!(parsed::<HostOverride>("b.example").is_err());
        assert!(parsed::<HostOverride>("b.example=ftp://x").is_err());
    }

    #[test]
    fn tenants() {
        assert_eq!(
            parsed::<Tenant>("A.example.=example.com  example.org").unwrap(),
            "a.example=example.com example.org"
        );
        for bad in [
            "nodomains",
            "a.example=",
            "=example.com",
            "a.example=example..com",
        ] {
            assert!(parsed::<Tenant>(bad).is_err(), "{bad}");
        }
    }
}
