//! The federated resolver: any address → every address, from the local
//! directory and from other domains' ENUM and WebFinger.
//!
//! An expansion starts from one key and runs to a fixed point: every
//! address found is looked up locally (through `model::project`, so the
//! caller's privacy view holds), and — when it is not ours, or when the
//! caller asked for `remote` — remotely: a number by NAPTR under every ENUM
//! suffix, an address with a host by WebFinger at that host. Independent
//! steps run concurrently, each discovery starting its own steps at once,
//! so only dependent steps add latency.
//!
//! What one expansion may cost is bounded: dependent steps by
//! `max_depth`, remote steps by `max_steps`, distinct WebFinger hosts by
//! `max_hosts`; a cut is reported in the answer's `errors`.
//!
//! An address at a domain of our own directory is never looked up by
//! WebFinger: the directory is the authority there, whether it holds the
//! key, hides it, or does not know it — one answer for all three, so none
//! can be told apart.

mod answer;
mod budget;
pub mod error;
pub mod format;
pub mod guard;
mod key;
pub mod naptr;
pub mod remote;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};
use uuid::Uuid;

use crate::config::ResolverConfig;
use crate::directory::Directory;
use crate::model::{Address, DirectoryKey, Kind, Subject, Viewer, percent_encode, project};
use crate::store::{Store, SubjectQuery};
pub use answer::{Answer, Equivalent, Found, StepFailure, SubjectRef};
use budget::Budget;
pub use error::StepError;
pub use key::Key;
use key::Target;
use remote::{Document, Remote, webfinger_host};

/// Where local subjects come from: the in-memory directory when serving,
/// the store for a one-off command-line lookup.
#[async_trait::async_trait]
pub trait Local: Send + Sync {
    /// The subject owning `key` (canonical address or `acct:` URI), with no
    /// privacy applied.
    async fn find(&self, key: &str) -> Option<Arc<Subject>>;

    /// Is `domain` one of ours (a subject domain of the directory)? Its
    /// addresses are answered locally only.
    async fn serves(&self, domain: &str) -> bool;
}

#[async_trait::async_trait]
impl Local for Directory {
    async fn find(&self, key: &str) -> Option<Arc<Subject>> {
        self.get(key)
    }

    async fn serves(&self, domain: &str) -> bool {
        self.holds_domain(domain)
    }
}

/// Subjects straight from the store, for one-off command-line lookups
/// that should not load the whole directory.
pub struct StoreLocal(pub Arc<dyn Store>);

#[async_trait::async_trait]
impl Local for StoreLocal {
    async fn find(&self, key: &str) -> Option<Arc<Subject>> {
        let query = SubjectQuery {
            key: Some(DirectoryKey::parse(key).ok()?.into()),
            after: None,
            limit: 1,
        };
        match self.0.search(&query).await {
            Ok(found) => found.into_iter().next().map(Arc::new),
            Err(e) => {
                tracing::warn!(error = %e, key, "local lookup failed");
                None
            }
        }
    }

    /// A command-line lookup is the operator's own, with no caller to hide
    /// keys from, and knowing every domain would mean reading every subject:
    /// no domain is skipped.
    async fn serves(&self, _domain: &str) -> bool {
        false
    }
}

pub struct Resolver {
    config: ResolverConfig,
    local: Arc<dyn Local>,
    remote: Remote,
}

impl Resolver {
    pub fn new(config: &ResolverConfig, local: Arc<dyn Local>) -> anyhow::Result<Resolver> {
        Ok(Resolver {
            config: config.clone(),
            local,
            remote: Remote::new(config)?,
        })
    }

    /// May `viewer` start remote steps at all?
    pub fn goes_remote_for(&self, viewer: Viewer) -> bool {
        self.config.enabled && !self.remote_needs_token(viewer)
    }

    /// Is `viewer` kept from remote steps only for want of a token? Every
    /// remote step is outbound traffic a stranger would make this server
    /// send, so anonymous callers take them only when `resolver.anonymous`
    /// allows it.
    pub fn remote_needs_token(&self, viewer: Viewer) -> bool {
        self.config.enabled && !self.config.anonymous && viewer == Viewer::Anonymous
    }

    /// Expand `key` for `viewer`. Remote steps run when `remote` is set, or
    /// for whatever is not in the local directory (when remote lookups are
    /// enabled at all, and for this viewer).
    pub async fn lookup(&self, key: &Key, viewer: Viewer, remote: bool) -> Answer {
        self.lookup_in(self.local.as_ref(), key, viewer, remote)
            .await
    }

    /// [`Self::lookup`] with local subjects from `local` instead: the
    /// directory as one request may see it (its Host's tenant, say).
    pub async fn lookup_in(
        &self,
        local: &dyn Local,
        key: &Key,
        viewer: Viewer,
        remote: bool,
    ) -> Answer {
        let may_go_remote = self.goes_remote_for(viewer);
        let mut run = Run {
            resolver: self,
            local,
            viewer,
            may_go_remote,
            force_remote: remote && may_go_remote,
            key: key.target.uri().to_owned(),
            found: HashMap::new(),
            edges: HashSet::new(),
            started: HashSet::new(),
            budget: Budget::new(&self.config),
            subjects: HashSet::new(),
            subject: None,
            errors: Vec::new(),
            pending: Vec::new(),
        };
        run.expand(key.target.clone(), 0).await;
        let mut tasks: FuturesUnordered<BoxFuture<'_, Done>> = FuturesUnordered::new();
        let mut in_flight: HashMap<Step, ()> = HashMap::new();
        let deadline =
            tokio::time::Instant::now() + Duration::from_millis(self.config.total_timeout_ms);
        loop {
            for (step, depth) in run.pending.drain(..) {
                in_flight.insert(step.clone(), ());
                tasks.push(Box::pin(self.perform(step, depth)));
            }
            tokio::select! {
                done = tasks.next() => match done {
                    Some(done) => {
                        in_flight.remove(&done.step);
                        run.absorb(done).await;
                    }
                    None => break,
                },
                _ = tokio::time::sleep_until(deadline) => {
                    for step in in_flight.into_keys() {
                        run.errors.push(step.failure(StepError::TotalTimeout(
                            self.config.total_timeout_ms,
                        )));
                    }
                    break;
                }
            }
        }
        run.answer(key)
    }

    async fn perform(&self, step: Step, depth: u32) -> Done {
        let timeout = Duration::from_millis(self.config.step_timeout_ms);
        let work = async {
            match &step {
                Step::Enum { number, suffix } => {
                    let start = naptr::domain(number, suffix);
                    naptr::follow(
                        number,
                        start,
                        |d| async move { self.remote.naptrs(&d).await },
                    )
                    .await
                    .map(|outcomes| {
                        Outcome::Addresses(
                            outcomes
                                .into_iter()
                                .filter_map(|o| match o {
                                    naptr::Outcome::Uri { uri, .. } => {
                                        Address::parse(&uri, None).ok()
                                    }
                                    naptr::Outcome::Next(_) => None,
                                })
                                .collect(),
                        )
                    })
                }
                Step::WebFinger { host, resource } => self
                    .remote
                    .webfinger(host, resource)
                    .await
                    .map(Outcome::Document),
            }
        };
        let result = match tokio::time::timeout(timeout, work).await {
            Ok(result) => result,
            Err(_) => Err(StepError::StepTimeout(self.config.step_timeout_ms)),
        };
        let channel = match step {
            Step::Enum { .. } => "enum",
            Step::WebFinger { .. } => "webfinger",
        };
        let outcome = if result.is_ok() { "ok" } else { "error" };
        metrics::counter!("callsign_resolver_steps_total", "channel" => channel, "result" => outcome)
            .increment(1);
        Done {
            step,
            depth,
            result,
        }
    }
}

/// One remote step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Step {
    Enum { number: String, suffix: String },
    WebFinger { host: String, resource: String },
}

impl Step {
    fn source(&self) -> String {
        match self {
            Step::Enum { suffix, .. } => format!("enum:{suffix}"),
            Step::WebFinger { host, .. } => format!("webfinger:{host}"),
        }
    }

    fn from(&self) -> String {
        match self {
            Step::Enum { number, .. } => format!("tel:{number}"),
            Step::WebFinger { resource, .. } => resource.clone(),
        }
    }

    fn failure(&self, reason: StepError) -> StepFailure {
        StepFailure {
            step: self.source(),
            target: self.from(),
            reason: reason.to_string(),
        }
    }
}

enum Outcome {
    Addresses(Vec<Address>),
    Document(Option<Arc<Document>>),
}

struct Done {
    step: Step,
    depth: u32,
    result: Result<Outcome, StepError>,
}

/// Which kind of channel vouched for a link (independence is per channel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Channel {
    Local,
    Enum,
    WebFinger,
}

fn channel(source: &str) -> Channel {
    if source.starts_with("enum:") {
        Channel::Enum
    } else if source.starts_with("webfinger:") {
        Channel::WebFinger
    } else {
        Channel::Local
    }
}

struct Entry {
    address: Address,
    sources: BTreeSet<String>,
    depth: u32,
    seq: usize,
}

/// The state of one expansion.
struct Run<'a> {
    resolver: &'a Resolver,
    local: &'a dyn Local,
    viewer: Viewer,
    /// Remote steps may run for this viewer.
    may_go_remote: bool,
    /// Remote steps run even for keys found locally.
    force_remote: bool,
    /// The key's URI (bare, canonical).
    key: String,
    found: HashMap<String, Entry>,
    /// `(from, to, channel)`: `from`'s lookup through `channel` listed `to`.
    edges: HashSet<(String, String, Channel)>,
    started: HashSet<Step>,
    budget: Budget,
    /// Local subjects already merged.
    subjects: HashSet<Uuid>,
    /// The best subject seen: (remote depth, 0 for local; id; name).
    subject: Option<(u32, SubjectRef)>,
    errors: Vec<StepFailure>,
    pending: Vec<(Step, u32)>,
}

impl Run<'_> {
    /// Record that `source` (looking up `from`) lists `address`, and expand
    /// it when it is new.
    async fn discover(&mut self, address: &Address, source: &str, from: &str, depth: u32) {
        let uri = address.as_str().to_owned();
        if from != uri {
            self.edges
                .insert((from.to_owned(), uri.clone(), channel(source)));
        }
        let new = !self.found.contains_key(&uri);
        let seq = self.found.len();
        self.found
            .entry(uri)
            .or_insert_with(|| Entry {
                address: address.clone(),
                sources: BTreeSet::new(),
                depth,
                seq,
            })
            .sources
            .insert(source.to_owned());
        if new && address.as_str() != self.key {
            Box::pin(self.expand(Target::Address(address.clone()), depth)).await;
        }
    }

    /// Look `target` up locally, then start its remote steps if needed.
    async fn expand(&mut self, target: Target, depth: u32) {
        let uri = target.uri().to_owned();
        let subject = self.local.find(&uri).await;
        let local = subject
            .as_deref()
            .and_then(|s| project(s, &uri, self.viewer).map(|p| (s, p)));
        if let Some((subject, projection)) = local {
            let addresses: Vec<Address> =
                projection.addresses.iter().map(|a| a.uri.clone()).collect();
            if self.subject.as_ref().is_none_or(|(d, _)| *d > 0) {
                self.subject = Some((
                    0,
                    SubjectRef {
                        id: subject.acct(),
                        display_name: Some(subject.display_name.clone()),
                    },
                ));
            }
            let first = self.subjects.insert(subject.id);
            for address in &addresses {
                if first {
                    Box::pin(self.discover(address, "local", &uri, depth)).await;
                } else if address.as_str() != uri {
                    self.edges
                        .insert((uri.clone(), address.as_str().to_owned(), Channel::Local));
                }
            }
            if !self.force_remote {
                return;
            }
        } else if !self.may_go_remote {
            return;
        }
        let steps: Vec<Step> = match &target {
            Target::Address(a) if a.kind() == Kind::Tel => {
                let number = a.e164().expect("a tel address").to_owned();
                self.resolver
                    .config
                    .enum_suffixes
                    .iter()
                    .map(|suffix| Step::Enum {
                        number: number.clone(),
                        suffix: suffix.trim_end_matches('.').to_ascii_lowercase(),
                    })
                    .collect()
            }
            Target::Address(a) => webfinger_host(a)
                .map(|host| Step::WebFinger {
                    host: host.to_owned(),
                    resource: uri.clone(),
                })
                .into_iter()
                .collect(),
            Target::Acct(acct) => acct
                .rsplit_once('@')
                .map(|(_, host)| Step::WebFinger {
                    host: host.to_owned(),
                    resource: uri.clone(),
                })
                .into_iter()
                .collect(),
        };
        for step in steps {
            if let Step::WebFinger { host, .. } = &step
                && self.local.serves(host).await
            {
                // Ours: the local answer above is the whole answer.
                continue;
            }
            if depth >= self.resolver.config.max_depth {
                self.errors
                    .push(step.failure(StepError::DepthLimit(self.resolver.config.max_depth)));
            } else if !self.started.contains(&step) && self.budget.spend(&step) {
                self.started.insert(step.clone());
                self.pending.push((step, depth));
            }
        }
    }

    /// Take in one finished step.
    async fn absorb(&mut self, done: Done) {
        let source = done.step.source();
        let from = done.step.from();
        let depth = done.depth + 1;
        match done.result {
            Err(reason) => self.errors.push(done.step.failure(reason)),
            Ok(Outcome::Addresses(addresses)) => {
                for address in &addresses {
                    self.discover(address, &source, &from, depth).await;
                }
            }
            Ok(Outcome::Document(None)) => {}
            Ok(Outcome::Document(Some(doc))) => {
                let Step::WebFinger { host, .. } = &done.step else {
                    unreachable!("documents come from WebFinger")
                };
                if let Some(id) = &doc.subject
                    && self.subject.as_ref().is_none_or(|(d, _)| *d > depth)
                {
                    self.subject = Some((
                        depth,
                        SubjectRef {
                            id: id.clone(),
                            display_name: doc.name.clone(),
                        },
                    ));
                }
                // A JRD answers for every alias it lists at the same host
                // (RFC 7033 §4.4.2): no need to ask again for those.
                for alias in &doc.addresses {
                    if alias.as_str() != from && webfinger_host(alias) == Some(host.as_str()) {
                        self.started.insert(Step::WebFinger {
                            host: host.clone(),
                            resource: alias.as_str().to_owned(),
                        });
                        for other in &doc.addresses {
                            if other != alias {
                                self.edges.insert((
                                    alias.as_str().to_owned(),
                                    other.as_str().to_owned(),
                                    Channel::WebFinger,
                                ));
                            }
                        }
                    }
                }
                for address in &doc.addresses {
                    self.discover(address, &source, &from, depth).await;
                }
            }
        }
    }

    fn verified(&self, uri: &str) -> bool {
        let forward: HashSet<Channel> = self
            .edges
            .iter()
            .filter(|(f, t, _)| *f == self.key && t == uri)
            .map(|(_, _, c)| *c)
            .collect();
        self.edges
            .iter()
            .filter(|(f, t, _)| f == uri && *t == self.key)
            .any(|(_, _, back)| forward.iter().any(|c| c != back))
    }

    fn answer(self, key: &Key) -> Answer {
        let mut entries: Vec<&Entry> = self.found.values().collect();
        // The key first, then the local subject's addresses in their own
        // order, then the rest by how directly they were found.
        entries.sort_by_key(|e| {
            let key = e.address.as_str() != self.key;
            let local = !e.sources.contains("local");
            (key, local, e.depth, e.address.kind(), e.seq)
        });
        let mut addresses: Vec<Found> = entries
            .iter()
            .map(|e| Found {
                uri: e.address.as_str().to_owned(),
                kind: e.address.kind(),
                sources: e.sources.iter().cloned().collect(),
                verified: e.address.as_str() != self.key && self.verified(e.address.as_str()),
            })
            .collect();
        let any_verified = addresses.iter().any(|a| a.verified);
        for a in &mut addresses {
            if a.uri == self.key {
                a.verified = any_verified;
            }
        }
        let equivalents = key
            .endpoint
            .as_deref()
            .map(|resource| equivalents(key, resource, &addresses))
            .unwrap_or_default();
        let mut errors = self.errors;
        errors.extend(self.budget.failures());
        errors.sort_by(|a, b| (&a.step, &a.target).cmp(&(&b.step, &b.target)));
        errors.dedup();
        Answer {
            query: key.query.clone(),
            subject: self.subject.map(|(_, s)| s),
            addresses,
            equivalents,
            complete: errors.is_empty(),
            errors,
        }
    }
}

/// A full JID and a SIP GRUU name the same device when the subject's bare
/// JID and SIP address of record are the same `user@domain` (RFC 7081).
fn equivalents(key: &Key, resource: &str, addresses: &[Found]) -> Vec<Equivalent> {
    let Target::Address(bare) = &key.target else {
        return Vec::new();
    };
    let user_host = |uri: &str| {
        uri.split_once(':')
            .map(|(_, rest)| rest.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let wanted = user_host(bare.as_str());
    let twins = addresses
        .iter()
        .filter(|a| user_host(&a.uri) == wanted && a.uri != bare.as_str());
    let mut out = Vec::new();
    for twin in twins {
        let uri = match (bare.kind(), twin.kind) {
            (Kind::Xmpp, Kind::Sip | Kind::Sips) => {
                Some(format!("{};gr={}", twin.uri, percent_encode(resource)))
            }
            (Kind::Sip | Kind::Sips, Kind::Xmpp) => {
                Address::parse(&format!("{}/{resource}", twin.uri), Some(Kind::Xmpp))
                    .ok()
                    .map(Address::into_string)
            }
            _ => None,
        };
        if let Some(uri) = uri {
            out.push(Equivalent {
                uri,
                same_as: key.query.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_endpoint() {
        let k = Key::parse("xmpp:Alice@Example.com/phone").unwrap();
        assert_eq!(k.query, "xmpp:alice@example.com/phone");
        assert_eq!(k.target.uri(), "xmpp:alice@example.com");
        assert_eq!(k.endpoint.as_deref(), Some("phone"));
        let k = Key::parse("sip:alice@Example.com;transport=tcp;gr=urn:uuid:f81d").unwrap();
        assert_eq!(k.query, "sip:alice@example.com;gr=urn%3Auuid%3Af81d");
        assert_eq!(k.target.uri(), "sip:alice@example.com");
        assert_eq!(k.endpoint.as_deref(), Some("urn:uuid:f81d"));
        let k = Key::parse("ACCT:Alice@Example.com").unwrap();
        assert_eq!(k.query, "acct:alice@example.com");
        assert!(Key::parse("alice@example.com").is_err());
    }

    #[test]
    fn gruus_and_full_jids_are_twins() {
        let found = |uri: &str, kind| Found {
            uri: uri.into(),
            kind,
            sources: vec!["local".into()],
            verified: false,
        };
        let addresses = [
            found("sip:alice@example.com", Kind::Sip),
            found("xmpp:alice@example.com", Kind::Xmpp),
            found("sip:other@example.com", Kind::Sip),
        ];
        let k = Key::parse("xmpp:alice@example.com/phone").unwrap();
        assert_eq!(
            equivalents(&k, "phone", &addresses),
            [Equivalent {
                uri: "sip:alice@example.com;gr=phone".into(),
                same_as: "xmpp:alice@example.com/phone".into()
            }]
        );
        let k = Key::parse("sip:alice@example.com;gr=phone").unwrap();
        assert_eq!(
            equivalents(&k, "phone", &addresses),
            [Equivalent {
                uri: "xmpp:alice@example.com/phone".into(),
                same_as: "sip:alice@example.com;gr=phone".into()
            }]
        );
    }
}
