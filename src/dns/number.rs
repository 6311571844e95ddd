//! The key a published number is filed under: its E.164 digits packed so
//! that key order is digit-string order.

/// A number's E.164 digits packed one per nibble (digit + 1, most
/// significant first, zero-padded), so that numeric order is the order of
/// the digit strings and every number below a prefix sits in one key range.
pub type NumberKey = u64;

pub const MAX_DIGITS: usize = 15;

/// The key of ASCII digits (1 to 15 of them), or `None`.
pub fn number_key(digits: &[u8]) -> Option<NumberKey> {
    if digits.is_empty() || digits.len() > MAX_DIGITS {
        return None;
    }
    let mut key = 0u64;
    for (i, d) in digits.iter().enumerate() {
        if !d.is_ascii_digit() {
            return None;
        }
        key |= ((d - b'0' + 1) as u64) << (60 - 4 * i);
    }
    Some(key)
}

/// The last key having the `len`-digit prefix `key`.
pub fn prefix_end(key: NumberKey, len: usize) -> NumberKey {
    key | ((1u64 << (64 - 4 * len)) - 1)
}

/// The key of the first `len` digits of `key` (its `len`-digit prefix).
pub fn prefix_key(key: NumberKey, len: usize) -> NumberKey {
    key & !prefix_end(0, len)
}

/// The ASCII digits of a key, most significant first.
pub fn key_digits(key: NumberKey) -> impl Iterator<Item = u8> {
    (0..MAX_DIGITS)
        .map(move |i| ((key >> (60 - 4 * i)) & 0xF) as u8)
        .take_while(|n| *n != 0)
        .map(|n| b'0' + n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_like_digit_strings_and_round_trip() {
        let k = |s: &str| number_key(s.as_bytes()).unwrap();
        assert!(k("12") < k("121") && k("121") < k("13") && k("1") < k("10"));
        assert!(k("1212") <= prefix_end(k("12"), 2) && k("13") > prefix_end(k("12"), 2));
        assert_eq!(prefix_key(k("441632960000"), 4), k("4416"));
        assert_eq!(prefix_key(k("123456789012345"), 15), k("123456789012345"));
        let digits: Vec<u8> = key_digits(k("441632960000")).collect();
        assert_eq!(digits, b"441632960000");
        assert_eq!(number_key(b"1234567890123456"), None);
        assert_eq!(number_key(b"12a"), None);
    }
}
