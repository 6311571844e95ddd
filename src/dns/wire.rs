//! DNS messages on the wire: the one request parser every transport uses,
//! and the small writers responses are built with.
//!
//! The parser borrows the packet and allocates nothing, so a query costs a
//! walk over its bytes; the question is later echoed from those bytes
//! verbatim (case and all). It is deliberately strict: anything it cannot
//! account for byte by byte is FORMERR.

pub const HEADER_LEN: usize = 12;
/// The largest UDP answer we send, whatever the client advertises
/// (DNS flag day 2020: avoids IP fragmentation).
pub const MAX_UDP_PAYLOAD: u16 = 1232;
/// Without EDNS, RFC 1035's limit.
pub const CLASSIC_UDP_PAYLOAD: u16 = 512;

pub const TYPE_A: u16 = 1;
pub const TYPE_NS: u16 = 2;
pub const TYPE_SOA: u16 = 6;
pub const TYPE_TXT: u16 = 16;
pub const TYPE_AAAA: u16 = 28;
pub const TYPE_NAPTR: u16 = 35;
pub const TYPE_OPT: u16 = 41;
pub const TYPE_TSIG: u16 = 250;
pub const TYPE_IXFR: u16 = 251;
pub const TYPE_AXFR: u16 = 252;
pub const TYPE_ANY: u16 = 255;
pub const CLASS_IN: u16 = 1;
pub const CLASS_ANY: u16 = 255;

pub const OPCODE_QUERY: u8 = 0;
pub const OPCODE_NOTIFY: u8 = 4;

/// Response codes (the low four bits; BADVERS lives in the OPT record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Rcode {
    NoError = 0,
    FormErr = 1,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
    NotAuth = 9,
}

/// The request's OPT record (RFC 6891).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edns {
    pub payload: u16,
    pub version: u8,
    pub dnssec_ok: bool,
}

/// A parsed request, borrowing its packet.
#[derive(Debug)]
pub struct Request<'a> {
    pub msg: &'a [u8],
    pub id: u16,
    pub opcode: u8,
    /// RD and CD, copied into the response.
    pub rd: bool,
    pub cd: bool,
    /// `msg[12..qname_end]` is the question name, root label included.
    pub qname_end: usize,
    pub qtype: u16,
    pub qclass: u16,
    pub edns: Option<Edns>,
    /// The serial of an SOA in the authority section (what an IXFR client has).
    pub soa_serial: Option<u32>,
    /// The request ends with a TSIG record, to be checked (`tsig`).
    pub signed: bool,
}

impl Request<'_> {
    pub fn qname(&self) -> &[u8] {
        &self.msg[HEADER_LEN..self.qname_end]
    }

    /// The question section exactly as sent.
    pub fn question(&self) -> &[u8] {
        &self.msg[HEADER_LEN..self.qname_end + 4]
    }
}

/// What to do with a packet.
#[derive(Debug)]
pub enum Parsed<'a> {
    Request(Request<'a>),
    /// Well-formed header, broken body: FORMERR with the header only.
    FormErr {
        id: u16,
        opcode: u8,
        rd: bool,
    },
    /// Too short to answer, or itself a response: never answer (no loops).
    Ignore,
}

struct Cursor<'a> {
    msg: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.msg.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_be_bytes([self.u8()?, self.u8()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes([
            self.u8()?,
            self.u8()?,
            self.u8()?,
            self.u8()?,
        ]))
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        let end = self.pos.checked_add(n)?;
        (end <= self.msg.len()).then(|| self.pos = end)
    }

    /// Step over a name; compression pointers end it (they are not
    /// followed, only checked to point backwards into the packet).
    fn name(&mut self, allow_pointer: bool) -> Option<()> {
        let start = self.pos;
        loop {
            let len = self.u8()?;
            match len & 0xC0 {
                0x00 if len == 0 => break,
                0x00 => self.skip(len as usize)?,
                0xC0 if allow_pointer => {
                    let target = (((len & 0x3F) as usize) << 8) | self.u8()? as usize;
                    if target >= start {
                        return None;
                    }
                    break;
                }
                _ => return None,
            }
        }
        (self.pos - start <= 255).then_some(())
    }

    fn rest(&self) -> usize {
        self.msg.len() - self.pos
    }
}

/// Parse a request packet. Never panics, whatever the bytes.
pub fn parse(msg: &[u8]) -> Parsed<'_> {
    if msg.len() < HEADER_LEN || msg[2] & 0x80 != 0 {
        return Parsed::Ignore;
    }
    let id = u16::from_be_bytes([msg[0], msg[1]]);
    let opcode = (msg[2] >> 3) & 0x0F;
    let rd = msg[2] & 0x01 != 0;
    let cd = msg[3] & 0x10 != 0;
    match parse_body(msg, id, opcode, rd, cd) {
        Some(request) => Parsed::Request(request),
        None => Parsed::FormErr { id, opcode, rd },
    }
}

fn parse_body(msg: &[u8], id: u16, opcode: u8, rd: bool, cd: bool) -> Option<Request<'_>> {
    let count = |i: usize| u16::from_be_bytes([msg[i], msg[i + 1]]);
    let (qd, an, ns, ar) = (count(4), count(6), count(8), count(10));
    if qd != 1 {
        return None;
    }
    let mut c = Cursor {
        msg,
        pos: HEADER_LEN,
    };
    c.name(false)?;
    let qname_end = c.pos;
    let qtype = c.u16()?;
    let qclass = c.u16()?;
    let mut request = Request {
        msg,
        id,
        opcode,
        rd,
        cd,
        qname_end,
        qtype,
        qclass,
        edns: None,
        soa_serial: None,
        signed: false,
    };
    for (section, n) in [(1, an), (2, ns), (3, ar)] {
        for _ in 0..n {
            // RFC 8945 §5.1: a TSIG anywhere but last is FORMERR.
            if request.signed {
                return None;
            }
            record(&mut c, section, &mut request)?;
        }
    }
    (c.rest() == 0).then_some(request)
}

/// Step over one resource record, noting the ones that matter to us.
fn record(c: &mut Cursor<'_>, section: u8, request: &mut Request<'_>) -> Option<()> {
    let owner = c.pos;
    c.name(true)?;
    let rtype = c.u16()?;
    let class = c.u16()?;
    let ttl = c.u32()?;
    let rdlen = c.u16()? as usize;
    if c.rest() < rdlen {
        return None;
    }
    let rdata_start = c.pos;
    match rtype {
        TYPE_OPT => {
            // One OPT, in the additional section, owned by the root.
            if section != 3 || request.edns.is_some() || c.msg[owner] != 0 || c.pos - owner != 11 {
                return None;
            }
            let mut options = Cursor {
                msg: &c.msg[..rdata_start + rdlen],
                pos: rdata_start,
            };
            while options.rest() > 0 {
                options.u16()?;
                let len = options.u16()? as usize;
                options.skip(len)?;
            }
            request.edns = Some(Edns {
                payload: class,
                version: (ttl >> 16) as u8,
                dnssec_ok: ttl & 0x8000 != 0,
            });
        }
        TYPE_TSIG if section == 3 && class == CLASS_ANY => request.signed = true,
        TYPE_TSIG => return None,
        TYPE_SOA if section == 2 => {
            let mut rdata = Cursor {
                msg: &c.msg[..rdata_start + rdlen],
                pos: rdata_start,
            };
            rdata.name(true)?;
            rdata.name(true)?;
            request.soa_serial = Some(rdata.u32()?);
        }
        _ => {}
    }
    c.skip(rdlen)
}

/// The offset of each label's length byte in a wire name without
/// pointers (the root label excluded); returns how many.
pub fn label_starts(name: &[u8], out: &mut [usize; 128]) -> usize {
    let mut pos = 0;
    let mut n = 0;
    while let Some(&len) = name.get(pos) {
        if len == 0 || n == out.len() {
            break;
        }
        out[n] = pos;
        n += 1;
        pos += 1 + len as usize;
    }
    n
}

/// Header flags of a response to a request with `opcode`, `rd` and `cd`.
pub fn response_flags(opcode: u8, aa: bool, rd: bool, cd: bool, rcode: Rcode) -> u16 {
    0x8000
        | ((opcode as u16 & 0x0F) << 11)
        | ((aa as u16) << 10)
        | (rd as u16) << 8
        | ((cd as u16) << 4)
        | rcode as u16
}

/// Write a header with zero counts; see [`set_counts`].
pub fn put_header(out: &mut Vec<u8>, id: u16, flags: u16) {
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(&[0; 8]);
}

/// Set the QD, AN, NS and AR counts of the message in `out`.
pub fn set_counts(out: &mut [u8], counts: [u16; 4]) {
    for (i, n) in counts.into_iter().enumerate() {
        out[4 + 2 * i..6 + 2 * i].copy_from_slice(&n.to_be_bytes());
    }
}

pub fn set_truncated(out: &mut [u8]) {
    out[2] |= 0x02;
}

/// A record header owned by the name at `owner` (a compression pointer
/// target), with the rdata to follow.
pub fn put_rr_header(out: &mut Vec<u8>, owner: u16, rtype: u16, ttl: u32, rdlen: usize) {
    out.extend_from_slice(&(0xC000 | owner).to_be_bytes());
    put_rr_fields(out, rtype, ttl, rdlen);
}

/// The fixed fields of a record, after an owner name already written.
pub fn put_rr_fields(out: &mut Vec<u8>, rtype: u16, ttl: u32, rdlen: usize) {
    out.extend_from_slice(&rtype.to_be_bytes());
    out.extend_from_slice(&CLASS_IN.to_be_bytes());
    out.extend_from_slice(&ttl.to_be_bytes());
    out.extend_from_slice(&(rdlen as u16).to_be_bytes());
}

/// Our OPT record: payload 1232, version 0, the client's DO bit echoed
/// (RFC 3225), and the upper rcode bits (1 for BADVERS).
pub fn put_opt(out: &mut Vec<u8>, dnssec_ok: bool, extended_rcode: u8) {
    out.push(0);
    out.extend_from_slice(&TYPE_OPT.to_be_bytes());
    out.extend_from_slice(&MAX_UDP_PAYLOAD.to_be_bytes());
    out.extend_from_slice(&[extended_rcode, 0, if dnssec_ok { 0x80 } else { 0 }, 0]);
    out.extend_from_slice(&[0, 0]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name: &[u8], qtype: u16, extra: &[u8], arcount: u16) -> Vec<u8> {
        let mut m = vec![0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0];
        m.extend_from_slice(&arcount.to_be_bytes());
        m.extend_from_slice(name);
        m.extend_from_slice(&qtype.to_be_bytes());
        m.extend_from_slice(&CLASS_IN.to_be_bytes());
        m.extend_from_slice(extra);
        m
    }

    const NAME: &[u8] = b"\x011\x04E164\x04arpa\x00";

    #[test]
    fn parses_a_plain_query() {
        let m = query(NAME, TYPE_NAPTR, &[], 0);
        let Parsed::Request(r) = parse(&m) else {
            panic!("not a request")
        };
        assert_eq!((r.id, r.opcode, r.rd, r.cd), (0xABCD, 0, true, false));
        assert_eq!(r.qname(), NAME);
        assert_eq!((r.qtype, r.qclass, r.edns), (TYPE_NAPTR, CLASS_IN, None));
    }

    #[test]
    fn parses_edns_and_rejects_two_opts() {
        let opt = [0, 0, 41, 0x10, 0, 0, 1, 0x80, 0, 0, 0];
        let m = query(NAME, TYPE_NAPTR, &opt, 1);
        let Parsed::Request(r) = parse(&m) else {
            panic!("not a request")
        };
        assert_eq!(
            r.edns,
            Some(Edns {
                payload: 4096,
                version: 1,
                dnssec_ok: true
            })
        );
        let two = [opt, opt].concat();
        assert!(matches!(
            parse(&query(NAME, TYPE_NAPTR, &two, 2)),
            Parsed::FormErr { id: 0xABCD, .. }
        ));
    }

    #[test]
    fn rejects_pointers_in_the_question_and_trailing_bytes() {
        let m = query(b"\xC0\x0C", TYPE_NAPTR, &[], 0);
        assert!(matches!(parse(&m), Parsed::FormErr { .. }));
        let m = query(NAME, TYPE_NAPTR, &[0], 0);
        assert!(matches!(parse(&m), Parsed::FormErr { .. }));
    }

    #[test]
    fn ignores_responses_and_runts() {
        let mut m = query(NAME, TYPE_NAPTR, &[], 0);
        m[2] |= 0x80;
        assert!(matches!(parse(&m), Parsed::Ignore));
        assert!(matches!(parse(&m[..11]), Parsed::Ignore));
    }

    #[test]
    fn reads_the_ixfr_serial_through_pointers() {
        let soa = [
            &[0xC0, 0x0C][..],
            &TYPE_SOA.to_be_bytes(),
            &CLASS_IN.to_be_bytes(),
            &[0, 0, 0, 0],
            &[0, 24],
            &[0xC0, 0x0C, 0xC0, 0x0C],
            &77u32.to_be_bytes(),
            &[0; 16],
        ]
        .concat();
        let mut m = query(NAME, TYPE_IXFR, &soa, 0);
        m[9] = 1; // NSCOUNT
        let Parsed::Request(r) = parse(&m) else {
            panic!("not a request")
        };
        assert_eq!(r.soa_serial, Some(77));
    }
}
