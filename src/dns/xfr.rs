//! Zone transfers out (AXFR, IXFR over TCP) and NOTIFY to secondaries.
//!
//! Transfers are streamed in messages of at most ~16 KB (so every owner
//! name can be a compression pointer), as many as the zone needs: a
//! million-number zone goes out in tens of thousands of them.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::net::UdpSocket;
use tokio_util::sync::CancellationToken;

use super::answer::Responder;
use super::index;
use super::naptr::{NumberKey, key_digits};
use super::tsig::{self, Signer};
use super::wire::{self, Parsed, Rcode};
use super::zone::Zone;
use crate::config::Keyed;
use crate::directory::Directory;

/// Messages are closed before they pass this size.
const MESSAGE_LIMIT: usize = 16_000;
/// Room kept for an owner name, a record header and the closing OPT.
const RECORD_OVERHEAD: usize = 2 * super::naptr::MAX_DIGITS + 2 + 10 + 11;
/// Bytes of finished messages buffered before a write.
const WRITE_CHUNK: usize = 256 * 1024;

/// Packs records into successive transfer messages, each carrying the
/// question (so the apex is always at offset 12 for pointers).
struct Stream<'a> {
    id: u16,
    question: &'a [u8],
    edns: Option<bool>,
    zone: &'a Zone,
    ttl: u32,
    /// Signs each message, chained, when the request was signed.
    signer: Option<Signer>,
    /// Finished messages, each with its TCP length prefix.
    ready: Vec<u8>,
    message: Vec<u8>,
    answers: u16,
    /// The last number owner written in this message, and where.
    last_owner: Option<(NumberKey, u16)>,
}

enum Owner<'a> {
    Apex,
    /// Labels below the apex, in wire form.
    Relative(&'a [u8]),
    Number(NumberKey),
    /// The wildcard below a number's digits.
    Wildcard(NumberKey),
}

impl<'a> Stream<'a> {
    fn new(
        id: u16,
        question: &'a [u8],
        edns: Option<bool>,
        zone: &'a Zone,
        ttl: u32,
        signer: Option<Signer>,
    ) -> Self {
        let mut s = Stream {
            id,
            question,
            edns,
            zone,
            ttl,
            signer,
            ready: Vec::with_capacity(WRITE_CHUNK + MESSAGE_LIMIT),
            message: Vec::with_capacity(MESSAGE_LIMIT + 512),
            answers: 0,
            last_owner: None,
        };
        s.open();
        s
    }

    fn open(&mut self) {
        self.message.clear();
        let flags = wire::response_flags(wire::OPCODE_QUERY, true, false, false, Rcode::NoError);
        wire::put_header(&mut self.message, self.id, flags);
        self.message.extend_from_slice(self.question);
        self.answers = 0;
        self.last_owner = None;
    }

    fn close(&mut self) {
        let mut counts = [1, self.answers, 0, 0];
        if let Some(dnssec_ok) = self.edns {
            wire::put_opt(&mut self.message, dnssec_ok, 0);
            counts[3] = 1;
        }
        wire::set_counts(&mut self.message, counts);
        if let Some(signer) = &mut self.signer {
            signer.sign(&mut self.message, tsig::now());
        }
        self.ready
            .extend_from_slice(&(self.message.len() as u16).to_be_bytes());
        self.ready.extend_from_slice(&self.message);
        self.open();
    }

    fn record(
        &mut self,
        owner: Owner<'_>,
        rtype: u16,
        ttl: u32,
        rdlen: usize,
        rdata: impl FnOnce(&mut Vec<u8>),
    ) {
        if self.answers > 0 && self.message.len() + RECORD_OVERHEAD + rdlen > MESSAGE_LIMIT {
            self.close();
        }
        let apex = (0xC000 | wire::HEADER_LEN as u16).to_be_bytes();
        match owner {
            Owner::Apex => self.message.extend_from_slice(&apex),
            Owner::Relative(labels) => {
                self.message.extend_from_slice(labels);
                self.message.extend_from_slice(&apex);
            }
            Owner::Number(key) => match self.last_owner {
                Some((last, at)) if last == key => {
                    self.message.extend_from_slice(&(0xC000 | at).to_be_bytes())
                }
                _ => {
                    self.last_owner = Some((key, self.message.len() as u16));
                    let digits: Vec<u8> = key_digits(key).collect();
                    for d in digits.iter().rev() {
                        self.message.extend_from_slice(&[1, *d]);
                    }
                    self.message.extend_from_slice(&apex);
                }
            },
            Owner::Wildcard(key) => {
                self.message.extend_from_slice(b"\x01*");
                let digits: Vec<u8> = key_digits(key).collect();
                for d in digits.iter().rev() {
                    self.message.extend_from_slice(&[1, *d]);
                }
                self.message.extend_from_slice(&apex);
            }
        }
        self.answers += 1;
        wire::put_rr_fields(&mut self.message, rtype, ttl, rdlen);
        rdata(&mut self.message);
    }

    fn soa(&mut self, serial: u32) {
        let zone = self.zone;
        self.record(
            Owner::Apex,
            wire::TYPE_SOA,
            self.ttl,
            zone.soa_len(),
            |out| zone.soa_rdata(serial, out),
        );
    }

    /// The apex NS records and the address records of in-zone hosts.
    fn ns(&mut self) {
        let zone = self.zone;
        for rdata in &zone.ns {
            self.record(Owner::Apex, wire::TYPE_NS, self.ttl, rdata.len(), |out| {
                out.extend_from_slice(rdata)
            });
        }
        for host in &zone.hosts {
            for (rtype, rdata) in host.records(wire::TYPE_ANY) {
                let owner = Owner::Relative(&host.relative);
                self.record(owner, rtype, self.ttl, rdata.len(), |out| {
                    out.extend_from_slice(&rdata)
                });
            }
        }
    }

    /// A record of type `rtype` at `owner` (a number or a wildcard).
    fn rr(&mut self, owner: Owner<'_>, rtype: u16, rdata: &[u8]) {
        self.record(owner, rtype, self.ttl, rdata.len(), |out| {
            out.extend_from_slice(rdata)
        });
    }

    async fn flush_if_full(&mut self, to: &mut (impl AsyncWrite + Unpin)) -> std::io::Result<()> {
        if self.ready.len() >= WRITE_CHUNK {
            to.write_all(&self.ready).await?;
            self.ready.clear();
        }
        Ok(())
    }

    async fn finish(mut self, to: &mut (impl AsyncWrite + Unpin)) -> std::io::Result<()> {
        if self.answers > 0 {
            self.close();
        }
        to.write_all(&self.ready).await?;
        to.flush().await
    }
}

impl From<&index::Owner> for Owner<'_> {
    fn from(owner: &index::Owner) -> Self {
        match *owner {
            index::Owner::Number(key) => Owner::Number(key),
            index::Owner::Wildcard(key) => Owner::Wildcard(key),
        }
    }
}

/// Stream zone `zone` to a client allowed to transfer it: AXFR, or IXFR
/// from the journal when it reaches back to the client's serial (RFC 1995
/// allows the AXFR form otherwise). Blocks travel as their wildcards, and
/// IXFR adds and removes them as blocks and the numbers inside them change.
#[tracing::instrument(skip_all, fields(zone = %responder.zones.zones[zone].name, ixfr_from))]
pub async fn transfer(
    responder: &Responder,
    msg: &[u8],
    zone: usize,
    ixfr_from: Option<u32>,
    signer: Option<Signer>,
    to: &mut (impl AsyncWrite + Unpin),
) -> std::io::Result<()> {
    let Parsed::Request(request) = wire::parse(msg) else {
        return Ok(());
    };
    let zone = &responder.zones.zones[zone];
    let ttl = responder.zones.ttl;
    let edns = request.edns.map(|e| e.dnssec_ok);
    let mut stream = Stream::new(request.id, request.question(), edns, zone, ttl, signer);
    let started = std::time::Instant::now();
    if let Some((serial, deltas)) = ixfr_from.and_then(|from| responder.index.deltas_since(from)) {
        stream.soa(serial);
        if !deltas.is_empty() {
            for delta in &deltas {
                stream.soa(delta.from);
                for (owner, rdatas) in &delta.removed {
                    rdatas
                        .iter()
                        .for_each(|(t, r)| stream.rr(owner.into(), *t, r));
                }
                stream.soa(delta.to);
                for (owner, rdatas) in &delta.added {
                    rdatas
                        .iter()
                        .for_each(|(t, r)| stream.rr(owner.into(), *t, r));
                }
                stream.flush_if_full(to).await?;
            }
            stream.soa(serial);
        }
        tracing::info!(serial, steps = deltas.len(), "IXFR sent");
        return stream.finish(to).await;
    }
    let snapshot = responder.index.snapshot();
    stream.soa(snapshot.serial);
    stream.ns();
    let mut rdata = Vec::new();
    for (key, naptrs) in &snapshot.numbers {
        for naptr in naptrs.iter(*key) {
            rdata.clear();
            naptr.write(&mut rdata);
            stream.rr(Owner::Number(*key), wire::TYPE_NAPTR, &rdata);
        }
        if let Some(txt) = naptrs.caller_name_rdata() {
            stream.rr(Owner::Number(*key), wire::TYPE_TXT, txt);
        }
        stream.flush_if_full(to).await?;
    }
    for (key, naptrs) in &snapshot.wildcards {
        for naptr in naptrs.iter(0) {
            rdata.clear();
            naptr.write(&mut rdata);
            stream.rr(Owner::Wildcard(*key), wire::TYPE_NAPTR, &rdata);
        }
        stream.flush_if_full(to).await?;
    }
    stream.soa(snapshot.serial);
    stream.finish(to).await?;
    tracing::info!(
        serial = snapshot.serial,
        numbers = snapshot.numbers.len(),
        wildcards = snapshot.wildcards.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "AXFR sent"
    );
    Ok(())
}

/// How long changes settle before secondaries are told.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Tell every secondary about every zone whenever the zone serial moves
/// (once at start too, so a restarted primary is noticed at once).
pub async fn notify_secondaries(
    responder: Arc<Responder>,
    targets: Vec<Keyed<SocketAddr>>,
    directory: Arc<Directory>,
    shutdown: CancellationToken,
) {
    if targets.is_empty() {
        return;
    }
    let mut changes = directory.watch();
    let mut notified = None;
    loop {
        let serial = responder.index.serial();
        if notified != Some(serial) {
            notified = Some(serial);
            for zone in 0..responder.zones.zones.len() {
                for target in &targets {
                    tokio::spawn(notify(responder.clone(), zone, target.clone(), serial));
                }
            }
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            changed = changes.changed() => if changed.is_err() { return },
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(DEBOUNCE) => {}
        }
        changes.borrow_and_update();
    }
}

/// One NOTIFY (RFC 1996), retried until the secondary acknowledges it;
/// signed with the secondary's key when it has one.
async fn notify(responder: Arc<Responder>, zone: usize, target: Keyed<SocketAddr>, serial: u32) {
    let Keyed { value: target, key } = target;
    let zone = &responder.zones.zones[zone];
    let id: u16 = rand::random();
    let mut msg = Vec::with_capacity(128);
    let flags =
        wire::response_flags(wire::OPCODE_NOTIFY, true, false, false, Rcode::NoError) & !0x8000;
    wire::put_header(&mut msg, id, flags);
    msg.extend_from_slice(&zone.apex);
    msg.extend_from_slice(&wire::TYPE_SOA.to_be_bytes());
    msg.extend_from_slice(&wire::CLASS_IN.to_be_bytes());
    wire::put_rr_header(
        &mut msg,
        wire::HEADER_LEN as u16,
        wire::TYPE_SOA,
        responder.zones.ttl,
        zone.soa_len(),
    );
    zone.soa_rdata(serial, &mut msg);
    wire::set_counts(&mut msg, [1, 1, 0, 0]);
    if let Some(key) = &key {
        match responder.keyring.request_signer(key, id) {
            Some(mut signer) => signer.sign(&mut msg, tsig::now()),
            None => return tracing::warn!(%target, %key, "NOTIFY key is not configured"),
        }
    }
    let bind: SocketAddr = if target.is_ipv4() {
        ([0, 0, 0, 0], 0).into()
    } else {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let socket = match UdpSocket::bind(bind).await {
        Ok(s) => s,
        Err(e) => return tracing::warn!(%target, error = %e, "cannot open a socket for NOTIFY"),
    };
    let mut buf = [0u8; 512];
    for attempt in 0..4u32 {
        if let Err(e) = socket.send_to(&msg, target).await {
            tracing::debug!(%target, error = %e, "NOTIFY send failed");
        }
        let wait = Duration::from_millis(500 << attempt);
        let acked = tokio::time::timeout(wait, async {
            loop {
                match socket.recv_from(&mut buf).await {
                    Ok((n, from))
                        if from == target
                            && n >= 4
                            && buf[..2] == id.to_be_bytes()
                            && buf[2] & 0x80 != 0 =>
                    {
                        return;
                    }
                    Ok(_) => continue,
                    // ICMP unreachable surfaces here; the timeout paces retries.
                    Err(_) => std::future::pending::<()>().await,
                }
            }
        })
        .await;
        if acked.is_ok() {
            tracing::debug!(%target, zone = %zone.name, serial, "NOTIFY acknowledged");
            return;
        }
    }
    tracing::warn!(%target, zone = %zone.name, serial, "secondary did not acknowledge NOTIFY");
}
