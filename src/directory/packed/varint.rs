//! The primitives packed subjects are written and read with: LEB128
//! varints (zigzag for signed values), strings as a varint length and
//! UTF-8, times as seconds and nanoseconds.

use chrono::{DateTime, Utc};
use uuid::Uuid;

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn put_signed(out: &mut Vec<u8>, v: i64) {
    put_varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(super) fn put_time(out: &mut Vec<u8>, t: DateTime<Utc>) {
    put_signed(out, t.timestamp());
    put_varint(out, t.timestamp_subsec_nanos().into());
}

/// Reads what the `put_` functions wrote, from the start of `bytes`.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(super) fn take(&mut self, n: usize) -> &'a [u8] {
        let taken = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        taken
    }

    pub(super) fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }

    pub(super) fn uuid(&mut self) -> Uuid {
        Uuid::from_slice(self.take(16)).expect("16 bytes")
    }

    pub(super) fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8();
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    }

    pub(super) fn signed(&mut self) -> i64 {
        let v = self.varint();
        (v >> 1) as i64 ^ -((v & 1) as i64)
    }

    pub(super) fn str(&mut self) -> &'a str {
        let len = self.varint() as usize;
        std::str::from_utf8(self.take(len)).expect("packed from a str")
    }

    pub(super) fn time(&mut self) -> DateTime<Utc> {
        let secs = self.signed();
        let nanos = self.varint() as u32;
        DateTime::from_timestamp(secs, nanos).expect("packed from a DateTime")
    }
}
