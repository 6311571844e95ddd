//! The state of one expansion: every address found with who listed it,
//! the links between them, the steps started, and the answer they make.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use uuid::Uuid;

use super::budget::Budget;
use super::key::Target;
use super::local::Local;
use super::remote::webfinger_host;
use super::step::{Done, Outcome, Step};
use super::twins::equivalents;
use super::{Answer, Found, Key, Resolver, StepError, StepFailure, SubjectRef};
use crate::model::{Address, Kind, Viewer, project};

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
    /// A ported number's routing number, from the first source to give one.
    routing_number: Option<String>,
    sources: BTreeSet<String>,
    depth: u32,
    seq: usize,
}

/// The state of one expansion.
pub(super) struct Run<'a> {
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
    pub(super) errors: Vec<StepFailure>,
    /// Steps to start: each with the depth it runs at.
    pub(super) pending: Vec<(Step, u32)>,
}

impl<'a> Run<'a> {
    pub(super) fn new(
        resolver: &'a Resolver,
        local: &'a dyn Local,
        viewer: Viewer,
        remote: bool,
        key: &Key,
    ) -> Run<'a> {
        let may_go_remote = resolver.goes_remote_for(viewer);
        Run {
            resolver,
            local,
            viewer,
            may_go_remote,
            force_remote: remote && may_go_remote,
            key: key.target.uri().to_owned(),
            found: HashMap::new(),
            edges: HashSet::new(),
            started: HashSet::new(),
            budget: Budget::new(&resolver.config),
            subjects: HashSet::new(),
            subject: None,
            errors: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// Record that `source` (looking up `from`) lists `address` (ported to
    /// `routing`, when given), and expand it when it is new.
    async fn discover(
        &mut self,
        address: &Address,
        routing: Option<&str>,
        source: &str,
        from: &str,
        depth: u32,
    ) {
        let uri = address.as_str().to_owned();
        if from != uri {
            self.edges
                .insert((from.to_owned(), uri.clone(), channel(source)));
        }
        let new = !self.found.contains_key(&uri);
        let seq = self.found.len();
        let entry = self.found.entry(uri).or_insert_with(|| Entry {
            address: address.clone(),
            routing_number: None,
            sources: BTreeSet::new(),
            depth,
            seq,
        });
        entry.sources.insert(source.to_owned());
        if entry.routing_number.is_none() {
            entry.routing_number = routing.map(str::to_owned);
        }
        if new && address.as_str() != self.key {
            Box::pin(self.expand(Target::Address(address.clone()), depth)).await;
        }
    }

    /// Look `target` up locally, then start its remote steps if needed.
    pub(super) async fn expand(&mut self, target: Target, depth: u32) {
        let uri = target.uri().to_owned();
        let subject = self.local.find(&uri).await;
        let local = subject
            .as_deref()
            .and_then(|s| project(s, &uri, self.viewer).map(|p| (s, p)));
        if let Some((subject, projection)) = local {
            let addresses: Vec<(Address, Option<String>)> = projection
                .addresses
                .iter()
                .map(|a| (a.uri.clone(), a.routing_number.clone()))
                .collect();
            if self.subject.as_ref().is_none_or(|(d, _)| *d > 0) {
                let domain = self.local.domain_profile(subject.domain.as_str());
                let domain = domain.as_deref();
                self.subject = Some((0, SubjectRef::local(subject, domain, self.viewer)));
            }
            let first = self.subjects.insert(subject.id);
            for (address, routing) in &addresses {
                if first {
                    let routing = routing.as_deref();
                    Box::pin(self.discover(address, routing, "local", &uri, depth)).await;
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
    pub(super) async fn absorb(&mut self, done: Done) {
        let source = done.step.source();
        let from = done.step.from();
        let depth = done.depth + 1;
        match done.result {
            Err(reason) => self.errors.push(done.step.failure(reason)),
            Ok(Outcome::Addresses(addresses)) => {
                for (address, routing) in &addresses {
                    self.discover(address, routing.as_deref(), &source, &from, depth)
                        .await;
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
                            links: Vec::new(),
                            properties: BTreeMap::new(),
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
                    let routing = doc
                        .routing
                        .iter()
                        .find(|(a, _)| a == address)
                        .map(|(_, rn)| rn.as_str());
                    self.discover(address, routing, &source, &from, depth).await;
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

    pub(super) fn answer(self, key: &Key) -> Answer {
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
                routing_number: e.routing_number.clone(),
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
