//! Answering one request: the wire rules of DESIGN.md ("ENUM DNS"), for
//! every transport, written straight into a reusable buffer.
//!
//! The common answers (NAPTR at a number, NXDOMAIN, NODATA) cost a parse,
//! one range probe in the index and a few copies: the question is echoed
//! from the request's bytes, owner names are compression pointers into it,
//! and record data is already encoded.

use std::net::IpAddr;
use std::sync::Arc;

use arc_swap::ArcSwap;
use hickory_proto::rr::Name;

use super::index::{Below, EnumIndex, Node};
use super::naptr::MAX_DIGITS;
use super::presign::Presigned;
use super::rrl::{Rrl, Verdict};
use super::sign::{self, RrSet, Signer};
use super::tsig::{self, Failure, Keyring};
use super::wire::{self, Parsed, Rcode, Request};
use super::zone::{Host, HostMatch, Zone, Zones};
use crate::config::TransferAcl;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    Udp,
    Tcp,
}

/// What the caller does after [`Responder::respond`].
#[derive(Debug)]
pub enum Reply {
    /// Send the buffer.
    Send,
    /// Send nothing (garbage, a response, or rate limited).
    Nothing,
    /// A zone transfer (TCP only, ACL passed): stream it with `xfr`.
    Transfer {
        zone: usize,
        /// The client's serial, for IXFR.
        ixfr_from: Option<u32>,
        /// Signs every message, when the request was signed.
        signer: Option<tsig::Signer>,
    },
}

/// What `dns.axfr_allow` says of a transfer request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Allowed,
    /// No entry covers the source.
    NotListed,
    /// Entries cover the source, but each wants a key the request lacks...
    NeedsKey,
    /// ...or one other than the (valid) key it was signed with.
    WrongKey,
}

pub struct Responder {
    pub zones: Zones,
    pub index: Arc<EnumIndex>,
    axfr_allow: TransferAcl,
    pub keyring: Keyring,
    rrl: Option<Rrl>,
    /// Each zone's signer, by position in [`Zones::zones`]; None: unsigned.
    pub signers: ArcSwap<Vec<Option<Arc<Signer>>>>,
}

/// The sections of an answer, before the OPT record and size checks.
enum Content<'a> {
    Empty(Rcode),
    /// The zone's SOA (and NS) at the apex.
    Apex {
        soa: bool,
        ns: bool,
    },
    /// A number's records, and the pre-made signature over them by the
    /// active key, if one is kept (asked with DO only).
    Naptrs(
        super::naptr::NumberKey,
        std::borrow::Cow<'a, super::naptr::Naptrs>,
        Option<&'a Presigned>,
    ),
    /// A number's caller name (its TXT record).
    CallerName(std::borrow::Cow<'a, super::naptr::Naptrs>),
    /// Address records of an in-zone name server (some of them, at least).
    Addresses(&'a Host),
    /// The apex of a signed zone: its DNSKEY, CDS or CDNSKEY (the qtype).
    Keys(u16),
    /// The name exists without the type asked for.
    NoData(Exists<'a>),
    NxDomain,
}

/// What an existing name holds: the type bitmap of its denial.
#[derive(Clone, Copy)]
enum Exists<'a> {
    Apex,
    /// A number; true when it has a caller name (TXT) besides its NAPTRs.
    Number(bool),
    Host(&'a Host),
    /// An empty non-terminal: a prefix of numbers, or a name above a host.
    Empty,
}

impl Responder {
    pub fn new(
        zones: Zones,
        index: Arc<EnumIndex>,
        axfr_allow: TransferAcl,
        keyring: Keyring,
        rrl: Option<Rrl>,
    ) -> Responder {
        let signers = ArcSwap::from_pointee(vec![None; zones.zones.len()]);
        Responder {
            zones,
            index,
            axfr_allow,
            keyring,
            rrl,
            signers,
        }
    }

    /// Is `peer` in `dns.axfr_allow` at all (key or not)? Such sources get
    /// the transfer connection budget.
    pub fn may_transfer(&self, peer: IpAddr) -> bool {
        let peer = unmapped(peer);
        self.axfr_allow.iter().any(|e| e.value.contains(&peer))
    }

    /// May `peer` transfer, having signed with `key` (already verified)?
    /// One entry covering the source and asking no key, or this key, will do.
    pub fn access(&self, peer: IpAddr, key: Option<&Name>) -> Access {
        let peer = unmapped(peer);
        let mut covering = self
            .axfr_allow
            .iter()
            .filter(|e| e.value.contains(&peer))
            .peekable();
        if covering.peek().is_none() {
            return Access::NotListed;
        }
        if covering.any(|e| e.key.is_none() || e.key.as_ref() == key) {
            Access::Allowed
        } else if key.is_some() {
            Access::WrongKey
        } else {
            Access::NeedsKey
        }
    }

    /// Answer `msg` from `peer` into `out` (cleared first).
    pub fn respond(
        &self,
        msg: &[u8],
        peer: IpAddr,
        transport: Transport,
        out: &mut Vec<u8>,
    ) -> Reply {
        out.clear();
        let request = match wire::parse(msg) {
            Parsed::Request(r) => r,
            Parsed::FormErr { id, opcode, rd } => {
                let flags = wire::response_flags(opcode, false, rd, false, Rcode::FormErr);
                wire::put_header(out, id, flags);
                return self.limit(peer, transport, out, 12, None);
            }
            Parsed::Ignore => return Reply::Nothing,
        };
        let signer = match request.signed {
            false => None,
            true => match self.keyring.verify(msg, tsig::now()) {
                Ok(signer) => Some(signer),
                Err(failure) => {
                    return self.refuse_signature(&request, *failure, peer, transport, out);
                }
            },
        };
        let access = match request.qtype {
            wire::TYPE_AXFR | wire::TYPE_IXFR => {
                self.access(peer, signer.as_ref().map(tsig::Signer::key))
            }
            _ => Access::NotListed,
        };
        if let (Access::WrongKey, Some(signer)) = (access, &signer) {
            let failure = Failure::wrong_key(signer);
            return self.refuse_signature(&request, failure, peer, transport, out);
        }
        match self.answer(&request, access, transport, out) {
            Reply::Send => {}
            Reply::Transfer {
                zone, ixfr_from, ..
            } => {
                return Reply::Transfer {
                    zone,
                    ixfr_from,
                    signer,
                };
            }
            reply => return reply,
        }
        let question_end = request.qname_end + 4;
        let max = match (transport, request.edns) {
            (Transport::Tcp, _) => u16::MAX as usize,
            (Transport::Udp, None) => wire::CLASSIC_UDP_PAYLOAD as usize,
            (Transport::Udp, Some(e)) => e
                .payload
                .clamp(wire::CLASSIC_UDP_PAYLOAD, wire::MAX_UDP_PAYLOAD)
                as usize,
        };
        // The TSIG record goes on last, and must fit too.
        let max = max - signer.as_ref().map_or(0, tsig::Signer::overhead);
        if out.len() > max {
            truncate(out, question_end, &request);
        }
        let reply = self.limit(peer, transport, out, question_end, Some(&request));
        if let (Reply::Send, Some(mut signer)) = (&reply, signer) {
            signer.sign(out, tsig::now());
        }
        reply
    }

    /// The answer to a request whose signature failed (RFC 8945 §5.2), or
    /// whose key may not transfer from where it came.
    fn refuse_signature(
        &self,
        request: &Request<'_>,
        failure: Failure,
        peer: IpAddr,
        transport: Transport,
        out: &mut Vec<u8>,
    ) -> Reply {
        tracing::debug!(%peer, ?failure, "TSIG check failed");
        self.finish(request, None, None, Content::Empty(failure.rcode()), 0, out);
        failure.finish(request.id, out, tsig::now());
        self.limit(peer, transport, out, request.qname_end + 4, Some(request))
    }

    /// Response rate limiting (UDP only): slipped answers go out truncated,
    /// so a real client behind a spoofed /24 still gets through over TCP.
    fn limit(
        &self,
        peer: IpAddr,
        transport: Transport,
        out: &mut Vec<u8>,
        question_end: usize,
        request: Option<&Request<'_>>,
    ) -> Reply {
        let Some(rrl) = self.rrl.as_ref().filter(|_| transport == Transport::Udp) else {
            return Reply::Send;
        };
        match rrl.check(peer) {
            Verdict::Pass => Reply::Send,
            Verdict::Drop => Reply::Nothing,
            Verdict::Slip => {
                match request {
                    Some(r) => truncate(out, question_end, r),
                    None => wire::set_truncated(out),
                }
                Reply::Send
            }
        }
    }

    fn answer(
        &self,
        request: &Request<'_>,
        access: Access,
        transport: Transport,
        out: &mut Vec<u8>,
    ) -> Reply {
        // Refusals decided by the header alone carry no zone data.
        let refusal = if request.edns.is_some_and(|e| e.version > 0) {
            Some((Rcode::NoError, 1)) // BADVERS = 16: the upper bits live in OPT.
        } else if request.opcode != wire::OPCODE_QUERY {
            Some((Rcode::NotImp, 0))
        } else if request.qclass != wire::CLASS_IN {
            Some((Rcode::Refused, 0))
        } else if request.qtype == wire::TYPE_OPT {
            Some((Rcode::FormErr, 0))
        } else {
            None
        };
        if let Some((rcode, extended)) = refusal {
            return self.finish(request, None, None, Content::Empty(rcode), extended, out);
        }
        let qname = request.qname();
        let mut starts = [0usize; 128];
        let labels = wire::label_starts(qname, &mut starts);
        let Some((at, zone)) = self.zones.find(qname, &starts[..labels]) else {
            return self.finish(request, None, None, Content::Empty(Rcode::Refused), 0, out);
        };
        // A guard, not a clone: no shared reference count to bounce between
        // the receive threads.
        let signers = self.signers.load();
        let signer = signers
            .get(self.zones.position(zone))
            .and_then(Option::as_deref);
        // Labels left of the apex, nearest the apex last.
        let below = &starts[..starts[..labels].iter().take_while(|s| **s < at).count()];
        let index = self.index.read();
        let content = match request.qtype {
            wire::TYPE_AXFR | wire::TYPE_IXFR => {
                if access == Access::NotListed {
                    Content::Empty(Rcode::Refused)
                } else if access != Access::Allowed || !below.is_empty() {
                    Content::Empty(Rcode::NotAuth)
                } else if transport == Transport::Tcp {
                    return Reply::Transfer {
                        zone: self.zones.position(zone),
                        ixfr_from: request
                            .soa_serial
                            .filter(|_| request.qtype == wire::TYPE_IXFR),
                        signer: None,
                    };
                } else if request.qtype == wire::TYPE_IXFR {
                    // RFC 1995 §2: over UDP, our SOA tells the client to use TCP.
                    Content::Apex {
                        soa: true,
                        ns: false,
                    }
                } else {
                    Content::Empty(Rcode::Refused)
                }
            }
            wire::TYPE_SOA | wire::TYPE_ANY if below.is_empty() => Content::Apex {
                soa: true,
                ns: false,
            },
            wire::TYPE_NS if below.is_empty() => Content::Apex {
                soa: false,
                ns: true,
            },
            sign::TYPE_DNSKEY | sign::TYPE_CDS | sign::TYPE_CDNSKEY
                if below.is_empty() && signer.is_some() =>
            {
                Content::Keys(request.qtype)
            }
            _ if below.is_empty() => Content::NoData(Exists::Apex),
            qtype => {
                // A number's name is one digit per label, least significant
                // first: the digits from the apex down, as far as they go
                // (a name with more labels below them is no number's).
                let mut digits = [0u8; MAX_DIGITS];
                let run = below
                    .iter()
                    .rev()
                    .take(MAX_DIGITS)
                    .take_while(|&&s| qname[s] == 1 && qname[s + 1].is_ascii_digit())
                    .enumerate()
                    .map(|(i, &s)| digits[i] = qname[s + 1])
                    .count();
                if run == 0 {
                    return self.finish(
                        request,
                        Some((at, zone, index.serial())),
                        signer,
                        host_content(zone, &qname[..at], qtype),
                        0,
                        out,
                    );
                }
                let rest = match below.len() - run {
                    0 => Below::Nothing,
                    more => match below[more - 1] {
                        s if qname[s] == 1 && qname[s + 1] == b'*' => {
                            Below::Wildcard { exactly: more == 1 }
                        }
                        _ => Below::Deeper,
                    },
                };
                match index.node(&digits[..run], rest) {
                    Node::Number(key, n, slot)
                        if matches!(qtype, wire::TYPE_NAPTR | wire::TYPE_ANY) =>
                    {
                        let presigned = signer
                            .filter(|_| request.edns.is_some_and(|e| e.dnssec_ok))
                            .zip(slot)
                            .and_then(|(signer, slot)| {
                                let zone = self.zones.position(zone);
                                index.presigned.get(zone, slot, signer.active_key())
                            });
                        Content::Naptrs(key, n, presigned)
                    }
                    Node::Number(_, n, _)
                        if qtype == wire::TYPE_TXT && n.caller_name().is_some() =>
                    {
                        Content::CallerName(n)
                    }
                    Node::Number(_, n, _) => {
                        Content::NoData(Exists::Number(n.caller_name().is_some()))
                    }
                    Node::EmptyNonTerminal => Content::NoData(Exists::Empty),
                    Node::Absent => Content::NxDomain,
                }
            }
        };
        let zone = Some((at, zone, index.serial()));
        self.finish(request, zone, signer, content, 0, out)
    }

    /// Write the whole message for `content`.
    ///
    /// With `signer` and the DO bit, every RRset of the answer and
    /// authority sections carries its RRSIG, and a denial is compact (RFC
    /// 9824): NOERROR with an NSEC at the query name, even for a name that
    /// does not exist.
    fn finish(
        &self,
        request: &Request<'_>,
        zone: Option<(usize, &Zone, u32)>,
        signer: Option<&Signer>,
        content: Content<'_>,
        extended_rcode: u8,
        out: &mut Vec<u8>,
    ) -> Reply {
        let zone_signer = signer;
        // A name too long to have a successor gets the unsigned answer
        // (no ENUM or host name comes near 255 bytes).
        let signer = signer.filter(|_| {
            request.edns.is_some_and(|e| e.dnssec_ok) && request.qname().len() + 2 <= 255
        });
        let rcode = match content {
            Content::Empty(rcode) => rcode,
            Content::NxDomain if signer.is_none() => Rcode::NxDomain,
            _ => Rcode::NoError,
        };
        let authoritative = !matches!(content, Content::Empty(_));
        let flags =
            wire::response_flags(request.opcode, authoritative, request.rd, request.cd, rcode);
        wire::put_header(out, request.id, flags);
        out.extend_from_slice(request.question());
        let mut counts = [1u16, 0, 0, 0];
        let ttl = self.zones.ttl;
        if let Some((at, zone, serial)) = zone {
            let apex = (wire::HEADER_LEN + at) as u16;
            let qname = request.qname();
            // The RRSIGs of one RRset, after it: how many (0 when unsigned).
            let rrsig = |out: &mut Vec<u8>, owner: u16, set: RrSet<'_>| -> u16 {
                let ttl = set.ttl;
                let Some(signer) = signer else {
                    return 0;
                };
                let rrsigs = signer.rrsigs(set);
                for rrsig in &rrsigs {
                    wire::put_rr_header(out, owner, sign::TYPE_RRSIG, ttl, rrsig.len());
                    out.extend_from_slice(rrsig);
                }
                rrsigs.len() as u16
            };
            let soa = |out: &mut Vec<u8>, ttl: u32| -> u16 {
                wire::put_rr_header(out, apex, wire::TYPE_SOA, ttl, zone.soa_len());
                zone.soa_rdata(serial, out);
                if signer.is_none() {
                    return 1;
                }
                let rdatas = vec![zone.canonical_soa(serial)];
                1 + rrsig(
                    out,
                    apex,
                    RrSet::new(&qname[at..], wire::TYPE_SOA, ttl, rdatas),
                )
            };
            let here = wire::HEADER_LEN as u16;
            match content {
                Content::Apex { soa: with_soa, ns } => {
                    if with_soa {
                        counts[1] += soa(out, ttl);
                    }
                    if ns {
                        for rdata in &zone.ns {
                            wire::put_rr_header(out, apex, wire::TYPE_NS, ttl, rdata.len());
                            out.extend_from_slice(rdata);
                            counts[1] += 1;
                        }
                        if signer.is_some() {
                            let rdatas = zone.ns.iter().map(|r| sign::lowercase(r)).collect();
                            let set = RrSet::new(&qname[at..], wire::TYPE_NS, ttl, rdatas);
                            counts[1] += rrsig(out, apex, set);
                        }
                        // Glue: the addresses of the name servers inside the zone.
                        for host in zone
                            .hosts
                            .iter()
                            .filter(|h| zone.ns_names.contains(&h.name))
                        {
                            for (rtype, rdata) in host.records(wire::TYPE_ANY) {
                                out.extend_from_slice(&host.relative);
                                out.extend_from_slice(&(0xC000 | apex).to_be_bytes());
                                wire::put_rr_fields(out, rtype, ttl, rdata.len());
                                out.extend_from_slice(&rdata);
                                counts[3] += 1;
                            }
                        }
                    }
                }
                Content::Addresses(host) => {
                    for rtype in [wire::TYPE_A, wire::TYPE_AAAA] {
                        let mut rdatas = Vec::new();
                        for (_, rdata) in host.records(request.qtype).filter(|r| r.0 == rtype) {
                            wire::put_rr_header(out, here, rtype, ttl, rdata.len());
                            out.extend_from_slice(&rdata);
                            counts[1] += 1;
                            rdatas.push(rdata);
                        }
                        if !rdatas.is_empty() {
                            let set = RrSet::new(qname, rtype, ttl, rdatas);
                            counts[1] += rrsig(out, here, set);
                        }
                    }
                }
                Content::Naptrs(key, naptrs, presigned) => {
                    // The pre-made signature while it is fresh; else one
                    // made (or cached) now over the records as written.
                    let presigned = signer
                        .zip(presigned)
                        .filter(|(signer, p)| signer.presigned_usable(p.signed_at, sign::now()));
                    let mut rdatas = Vec::new();
                    for naptr in naptrs.iter(key) {
                        wire::put_rr_header(out, here, wire::TYPE_NAPTR, ttl, naptr.len());
                        let start = out.len();
                        naptr.write(out);
                        counts[1] += 1;
                        if signer.is_some() && presigned.is_none() {
                            rdatas.push(out[start..].to_vec());
                        }
                    }
                    match presigned {
                        Some((signer, p)) => {
                            let rtype = wire::TYPE_NAPTR;
                            signer.put_presigned(
                                out,
                                here,
                                qname,
                                rtype,
                                ttl,
                                p.signed_at,
                                &p.signature,
                            );
                            counts[1] += 1;
                        }
                        None => {
                            let set = RrSet::new(qname, wire::TYPE_NAPTR, ttl, rdatas);
                            counts[1] += rrsig(out, here, set);
                        }
                    }
                }
                Content::CallerName(naptrs) => {
                    let rdata = naptrs
                        .caller_name_rdata()
                        .expect("only a number with a caller name answers one");
                    wire::put_rr_header(out, here, wire::TYPE_TXT, ttl, rdata.len());
                    out.extend_from_slice(rdata);
                    counts[1] += 1;
                    let set = RrSet::new(qname, wire::TYPE_TXT, ttl, vec![rdata.to_vec()]);
                    counts[1] += rrsig(out, here, set);
                }
                Content::Keys(rtype) => {
                    let rdatas = zone_signer.map_or_else(Vec::new, |s| s.records(rtype));
                    for rdata in &rdatas {
                        wire::put_rr_header(out, apex, rtype, ttl, rdata.len());
                        out.extend_from_slice(rdata);
                        counts[1] += 1;
                    }
                    counts[1] += rrsig(out, apex, RrSet::new(qname, rtype, ttl, rdatas));
                }
                Content::NoData(_) | Content::NxDomain => {
                    let negative = self.zones.negative_ttl;
                    let nsec = signer.and_then(|_| {
                        let types = match content {
                            Content::NoData(exists) => exists.types(),
                            _ => vec![sign::TYPE_NXNAME],
                        };
                        sign::compact_nsec(qname, &types)
                    });
                    match nsec {
                        // RFC 9824 §3.3: asked for the NSEC itself, it is the answer.
                        Some(nsec) if request.qtype == sign::TYPE_NSEC => {
                            wire::put_rr_header(out, here, sign::TYPE_NSEC, negative, nsec.len());
                            out.extend_from_slice(&nsec);
                            let set = RrSet::new(qname, sign::TYPE_NSEC, negative, vec![nsec]);
                            counts[1] = 1 + rrsig(out, here, set);
                        }
                        nsec => {
                            counts[2] = soa(out, negative);
                            if let Some(nsec) = nsec {
                                wire::put_rr_header(
                                    out,
                                    here,
                                    sign::TYPE_NSEC,
                                    negative,
                                    nsec.len(),
                                );
                                out.extend_from_slice(&nsec);
                                let set = RrSet::new(qname, sign::TYPE_NSEC, negative, vec![nsec]);
                                counts[2] += 1 + rrsig(out, here, set);
                            }
                        }
                    }
                }
                Content::Empty(_) => {}
            }
        }
        if let Some(edns) = request.edns {
            wire::put_opt(out, edns.dnssec_ok, extended_rcode);
            counts[3] += 1;
        }
        wire::set_counts(out, counts);
        Reply::Send
    }
}

/// IPv4-mapped IPv6 sources compare as the IPv4 address they are.
fn unmapped(peer: IpAddr) -> IpAddr {
    match peer {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(peer, IpAddr::V4),
        v4 => v4,
    }
}

/// A name below the apex that is not a number's: an in-zone name server,
/// an empty non-terminal above one, or nothing.
fn host_content<'a>(zone: &'a Zone, relative: &[u8], qtype: u16) -> Content<'a> {
    let mut found = zone
        .hosts
        .iter()
        .filter_map(|h| Some((h, h.matches(relative)?)));
    match found.next() {
        Some((host, HostMatch::Exact)) if host.records(qtype).next().is_some() => {
            Content::Addresses(host)
        }
        Some((host, HostMatch::Exact)) => Content::NoData(Exists::Host(host)),
        Some(_) => Content::NoData(Exists::Empty),
        None => Content::NxDomain,
    }
}

impl Exists<'_> {
    /// The types present at the name, for its NSEC bitmap. The apex of a
    /// zone being signed holds its keys too.
    fn types(self) -> Vec<u16> {
        match self {
            Exists::Apex => vec![
                wire::TYPE_NS,
                wire::TYPE_SOA,
                sign::TYPE_DNSKEY,
                sign::TYPE_CDS,
                sign::TYPE_CDNSKEY,
            ],
            Exists::Number(false) => vec![wire::TYPE_NAPTR],
            Exists::Number(true) => vec![wire::TYPE_TXT, wire::TYPE_NAPTR],
            Exists::Host(host) => host.records(wire::TYPE_ANY).map(|(t, _)| t).collect(),
            Exists::Empty => Vec::new(),
        }
    }
}

/// Cut a response back to its question (and OPT), with TC set.
fn truncate(out: &mut Vec<u8>, question_end: usize, request: &Request<'_>) {
    out.truncate(question_end);
    wire::set_truncated(out);
    let mut counts = [1, 0, 0, 0];
    if let Some(edns) = request.edns {
        wire::put_opt(out, edns.dnssec_ok, 0);
        counts[3] = 1;
    }
    wire::set_counts(out, counts);
}
