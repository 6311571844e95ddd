//! The two remote channels — ENUM over DNS and WebFinger over HTTPS — with
//! a shared TTL-honouring cache, the SSRF guard (`guard`) in front of
//! HTTP, and the `gates` that bound how many fetches are in flight. What a
//! WebFinger answer becomes is in `document`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use hickory_proto::rr::{RData, RecordType};
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig as DnsConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use moka::Expiry;
use moka::future::Cache;

use super::StepError;
pub use super::document::Document;
use super::gates::Gates;
use super::guard::{self, GuardedDns};
use super::naptr::Rule;

use crate::config::{ResolverConfig, Secret};
use crate::model::jrd::Jrd;
use crate::model::{Address, Audiences, Kind, Viewer, Visibility, percent_encode};

/// Longest time any answer is kept, whatever its TTL says.
const MAX_TTL: Duration = Duration::from_secs(86_400);
/// Kept when an HTTP answer says nothing about caching.
const DEFAULT_HTTP_TTL: Duration = Duration::from_secs(300);
const MAX_REDIRECTS: usize = 3;

/// What one remote fetch is, for the cache: a WebFinger answer obtained
/// with a credential is kept apart from the anonymous one for the same URL
/// (keyed by the credential's host and audience).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Fetch {
    Naptr(String),
    WebFinger(String, Option<(String, String)>),
}

/// A credential as the resolver uses it.
struct Credential {
    token: Secret,
    /// The local audience whose members (and admins) may see what this
    /// credential brings back.
    audience: String,
}

/// May `viewer` see what was obtained with a credential for `audience`?
/// Decided by the one privacy function, as for an address shown to that
/// audience; an audience this process does not know admits admins only.
fn admits(viewer: Viewer, audience: &str) -> bool {
    match Audiences::of([audience]) {
        Ok(set) => viewer.sees(Visibility::Audience(set)),
        Err(_) => viewer.sees(Visibility::Audience(Audiences::NONE)),
    }
}

#[derive(Clone, Debug)]
enum Fetched {
    Rules(Arc<Vec<Rule>>),
    Document(Option<Arc<Document>>),
}

#[derive(Clone, Debug)]
struct Entry {
    value: Fetched,
    ttl: Duration,
}

struct ByTtl;

impl Expiry<Fetch, Entry> for ByTtl {
    fn expire_after_create(
        &self,
        _key: &Fetch,
        value: &Entry,
        _created_at: std::time::Instant,
    ) -> Option<Duration> {
        Some(value.ttl)
    }
}

/// The remote side of the resolver. Each client is built once and pools
/// its connections, so fetches to one host reuse them.
pub struct Remote {
    dns: TokioResolver,
    /// For hosts the operator listed (`webfinger_hosts`): trusted as given,
    /// redirects kept on the listed origin. It and `credentialed` trust the
    /// CA certificates of `ca_file` besides the system's.
    trusted: reqwest::Client,
    /// For everything else: https only, special addresses refused.
    guarded: reqwest::Client,
    /// For fetches that present a credential: https only, no redirect off
    /// the first origin (so the token never reaches another host).
    credentialed: reqwest::Client,
    /// By host (lowercase).
    credentials: HashMap<String, Credential>,
    overrides: HashMap<String, String>,
    allow_private: bool,
    max_bytes: usize,
    negative_ttl: Duration,
    cache: Cache<Fetch, Entry>,
    gates: Gates,
}

impl Remote {
    pub fn new(config: &ResolverConfig) -> anyhow::Result<Remote> {
        let step = Duration::from_millis(config.step_timeout_ms);
        let dns = dns_resolver(&config.enum_servers, step)?;
        let overrides = config
            .webfinger_hosts
            .iter()
            .map(|o| (o.host.clone(), o.base_str().to_owned()))
            .collect();
        let allow_private = config.allow_private;
        let extra_roots = match &config.ca_file {
            Some(file) => {
                let pem = std::fs::read(file)
                    .with_context(|| format!("reading resolver.ca_file {}", file.display()))?;
                reqwest::Certificate::from_pem_bundle(&pem)
                    .with_context(|| format!("resolver.ca_file {}", file.display()))?
            }
            None => Vec::new(),
        };
        let trusted = reqwest::Client::builder()
            .no_proxy()
            .timeout(step)
            .tls_certs_merge(extra_roots.clone())
            .redirect(guard::same_origin_redirects(MAX_REDIRECTS))
            .user_agent(concat!("callsign/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let guarded = reqwest::Client::builder()
            .no_proxy()
            .timeout(step)
            .https_only(true)
            .dns_resolver(Arc::new(GuardedDns { allow_private }))
            .redirect(guard::guarded_redirects(MAX_REDIRECTS, allow_private))
            .user_agent(concat!("callsign/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let credentialed = reqwest::Client::builder()
            .no_proxy()
            .timeout(step)
            .https_only(true)
            .tls_certs_merge(extra_roots)
            .redirect(guard::same_origin_redirects(MAX_REDIRECTS))
            .user_agent(concat!("callsign/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let mut credentials = HashMap::new();
        for c in config.credentials.iter() {
            let token = c
                .token
                .clone()
                .with_context(|| format!("resolver.credentials `{}` has no token", c.host))?;
            credentials.insert(
                c.host.to_ascii_lowercase(),
                Credential {
                    token,
                    audience: c.audience.clone(),
                },
            );
        }
        let cache = Cache::builder()
            .max_capacity(config.cache_capacity)
            .expire_after(ByTtl)
            .build();
        Ok(Remote {
            dns,
            trusted,
            guarded,
            credentialed,
            credentials,
            overrides,
            allow_private,
            max_bytes: config.max_response_bytes,
            negative_ttl: Duration::from_secs(config.negative_ttl_secs),
            cache,
            gates: Gates::new(config),
        })
    }

    /// The NAPTR records at `domain` (no trailing dot); empty when the name
    /// or the records do not exist.
    pub async fn naptrs(&self, domain: &str) -> Result<Arc<Vec<Rule>>, StepError> {
        let key = Fetch::Naptr(domain.to_owned());
        let entry = self
            .cache
            .try_get_with(key, self.fetch_naptrs(domain))
            .await
            .map_err(|e| (*e).clone())?;
        match entry.value {
            Fetched::Rules(rules) => Ok(rules),
            Fetched::Document(_) => unreachable!("keys are typed"),
        }
    }

    async fn fetch_naptrs(&self, domain: &str) -> Result<Entry, StepError> {
        let _permit = self.gates.any().await;
        let name = format!("{domain}.");
        match self.dns.lookup(name.as_str(), RecordType::NAPTR).await {
            Ok(lookup) => {
                let mut ttl = MAX_TTL;
                let rules = lookup
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::NAPTR(n) => {
                            ttl = ttl.min(Duration::from_secs(r.ttl.into()));
                            Some(Rule {
                                order: n.order,
                                preference: n.preference,
                                flags: String::from_utf8_lossy(&n.flags).into_owned(),
                                services: String::from_utf8_lossy(&n.services).into_owned(),
                                regexp: String::from_utf8_lossy(&n.regexp).into_owned(),
                                replacement: n
                                    .replacement
                                    .to_ascii()
                                    .trim_end_matches('.')
                                    .to_owned(),
                            })
                        }
                        _ => None,
                    })
                    .collect();
                Ok(Entry {
                    value: Fetched::Rules(Arc::new(rules)),
                    ttl,
                })
            }
            Err(e) if e.is_nx_domain() || e.is_no_records_found() => Ok(Entry {
                value: Fetched::Rules(Arc::default()),
                ttl: self.negative_ttl,
            }),
            Err(e) => Err(StepError::Dns(e.to_string())),
        }
    }

    /// WebFinger for `resource` at `host`, as `viewer` may have it: `None`
    /// when the host says it does not know the resource (404, 410). When a
    /// credential is configured for `host` and `viewer` is in its audience
    /// (or an admin), the request presents it, over https only.
    pub async fn webfinger(
        &self,
        host: &str,
        resource: &str,
        viewer: Viewer,
    ) -> Result<Option<Arc<Document>>, StepError> {
        let (trusted, base) = match self.overrides.get(host) {
            Some(base) => (true, base.clone()),
            None => (false, format!("https://{host}")),
        };
        let host = host.to_ascii_lowercase();
        let credential = self
            .credentials
            .get(&host)
            .filter(|c| admits(viewer, &c.audience));
        if credential.is_some() && !base.starts_with("https://") {
            return Err(StepError::Refused(format!(
                "a credential is presented over https only, not to {base}"
            )));
        }
        let url = format!(
            "{base}/.well-known/webfinger?resource={}",
            percent_encode(resource)
        );
        let key = Fetch::WebFinger(
            url.clone(),
            credential.map(|c| (host.clone(), c.audience.clone())),
        );
        let token = credential.map(|c| c.token.expose());
        let entry = self
            .cache
            .try_get_with(key, self.fetch_document(trusted, &url, token))
            .await
            .map_err(|e| (*e).clone())?;
        match entry.value {
            Fetched::Document(doc) => Ok(doc),
            Fetched::Rules(_) => unreachable!("keys are typed"),
        }
    }

    /// Fetch a JRD: with `token`, by the credentialed client (the host was
    /// configured with it); otherwise with the trusted client for listed
    /// hosts, or with the guarded one — an IP literal is checked here
    /// (reqwest does not ask the resolver about literals), names by
    /// [`GuardedDns`], redirects by the client's policy.
    async fn fetch_document(
        &self,
        trusted: bool,
        url: &str,
        token: Option<&str>,
    ) -> Result<Entry, StepError> {
        let url = url::Url::parse(url).map_err(|e| StepError::BadUrl {
            url: url.to_owned(),
            reason: e.to_string(),
        })?;
        let client = if token.is_some() {
            &self.credentialed
        } else if trusted {
            &self.trusted
        } else {
            if !self.allow_private
                && let Some(why) = guard::refused_literal(&url)
            {
                return Err(StepError::Refused(why));
            }
            &self.guarded
        };
        let _permits = self.gates.host(url.origin().ascii_serialization()).await;
        let mut request = client.get(url).header(
            reqwest::header::ACCEPT,
            "application/jrd+json, application/json",
        );
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let mut response = request.send().await.map_err(describe)?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::GONE {
            return Ok(Entry {
                value: Fetched::Document(None),
                ttl: self.negative_ttl,
            });
        }
        if !status.is_success() {
            return Err(StepError::Status(status));
        }
        let ttl = cache_ttl(response.headers());
        if response
            .content_length()
            .is_some_and(|n| n > self.max_bytes as u64)
        {
            return Err(StepError::TooLarge(self.max_bytes));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(describe)? {
            if body.len() + chunk.len() > self.max_bytes {
                return Err(StepError::TooLarge(self.max_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        let jrd: Jrd =
            serde_json::from_slice(&body).map_err(|e| StepError::NotJrd(e.to_string()))?;
        Ok(Entry {
            value: Fetched::Document(Some(Arc::new(Document::from_jrd(jrd)))),
            ttl,
        })
    }
}

/// A failed HTTP exchange: what went wrong, then each cause.
fn describe(e: reqwest::Error) -> StepError {
    use std::error::Error;
    let mut text = if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_redirect() {
        "redirect refused".to_owned()
    } else if e.is_connect() {
        "cannot connect".to_owned()
    } else {
        "request failed".to_owned()
    };
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    StepError::Request(text)
}

/// How long an HTTP answer may be kept, from `Cache-Control`.
fn cache_ttl(headers: &reqwest::header::HeaderMap) -> Duration {
    let mut ttl = DEFAULT_HTTP_TTL;
    for directive in headers
        .get_all(reqwest::header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
    {
        let directive = directive.trim().to_ascii_lowercase();
        if directive == "no-store" || directive == "no-cache" {
            return Duration::ZERO;
        }
        if let Some(age) = directive.strip_prefix("max-age=")
            && let Ok(secs) = age.trim_matches('"').parse::<u64>()
        {
            ttl = Duration::from_secs(secs);
        }
    }
    ttl.min(MAX_TTL)
}

fn dns_resolver(servers: &[SocketAddr], timeout: Duration) -> anyhow::Result<TokioResolver> {
    let mut builder = if servers.is_empty() {
        TokioResolver::builder_tokio()
            .map_err(|e| anyhow::anyhow!("reading the system's DNS configuration: {e}"))?
    } else {
        let name_servers = servers
            .iter()
            .map(|addr| {
                let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
                for connection in &mut ns.connections {
                    connection.port = addr.port();
                }
                ns
            })
            .collect();
        TokioResolver::builder_with_config(
            DnsConfig::from_name_servers(name_servers),
            TokioRuntimeProvider::default(),
        )
    };
    let options = builder.options_mut();
    options.timeout = timeout;
    options.attempts = 1;
    // The resolver's own cache would hide TTL expiry from ours; keep one.
    options.cache_size = 0;
    Ok(builder.build()?)
}

/// The kinds whose host has a WebFinger server worth asking.
pub fn webfinger_host(address: &Address) -> Option<&str> {
    match address.kind() {
        Kind::Sip | Kind::Sips | Kind::Xmpp | Kind::Mailto => address.host(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control_sets_the_ttl() {
        let mut h = reqwest::header::HeaderMap::new();
        assert_eq!(cache_ttl(&h), DEFAULT_HTTP_TTL);
        h.insert("cache-control", "public, max-age=60".parse().unwrap());
        assert_eq!(cache_ttl(&h), Duration::from_secs(60));
        h.insert("cache-control", "no-store".parse().unwrap());
        assert_eq!(cache_ttl(&h), Duration::ZERO);
        h.insert("cache-control", "max-age=999999999".parse().unwrap());
        assert_eq!(cache_ttl(&h), MAX_TTL);
    }

    /// A listener on loopback counts connections: the guarded client must
    /// refuse before connecting, by literal and by name, and only
    /// `allow_private` lets it through (so this test can fail).
    #[tokio::test]
    async fn loopback_targets_are_never_contacted() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let strict = Remote::new(&ResolverConfig {
            enum_servers: "127.0.0.1:9".parse().unwrap(),
            ..ResolverConfig::default()
        })
        .unwrap();
        for url in [
            format!("https://127.0.0.1:{port}/.well-known/webfinger"),
            format!("https://localhost:{port}/.well-known/webfinger"),
            format!("https://[::ffff:127.0.0.1]:{port}/.well-known/webfinger"),
        ] {
            let err = strict.fetch_document(false, &url, None).await.unwrap_err();
            assert!(
                matches!(err, StepError::Refused(_) | StepError::Request(_)),
                "{url}: {err}"
            );
        }
        assert!(
            strict
                .webfinger("127.0.0.1", "acct:x@127.0.0.1", Viewer::Anonymous)
                .await
                .is_err()
        );
        let accepted = tokio::time::timeout(Duration::from_millis(200), listener.accept()).await;
        assert!(accepted.is_err(), "a loopback target was contacted");

        let open = Remote::new(&ResolverConfig {
            enum_servers: "127.0.0.1:9".parse().unwrap(),
            allow_private: true,
            ..ResolverConfig::default()
        })
        .unwrap();
        let url = format!("https://127.0.0.1:{port}/.well-known/webfinger");
        let fetch = tokio::spawn(async move { open.fetch_document(false, &url, None).await });
        let accepted = tokio::time::timeout(Duration::from_secs(5), listener.accept()).await;
        assert!(accepted.is_ok(), "allow_private should reach loopback");
        fetch.abort();
    }
}
