//! Random secrets and codes from the operating system's generator.

/// Crockford's base32 alphabet: no I, L, O or U, so codes can be read aloud
/// and typed without confusion.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS generator failing means the machine cannot make secrets at
    // all; continuing would hand out predictable tokens.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut buf).expect("the operating system's random generator is unavailable");
    buf
}

/// A 128-bit secret as 32 lowercase hex characters, for tokens in
/// addresses and hidden inputs.
pub fn token() -> String {
    random_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `s` looks like a token made by [`token`].
pub fn is_token(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A random code of `len` Crockford base32 characters (5 bits each).
pub fn code(len: usize) -> String {
    let bytes = random_bytes::<32>();
    bytes
        .iter()
        .take(len)
        .map(|b| CROCKFORD[usize::from(b % 32)] as char)
        .collect()
}

/// A case reference people can read, say and type: `K7M4-Q2XP` (40 bits).
pub fn case_reference() -> String {
    let c = code(8);
    format!("{}-{}", &c[..4], &c[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_hex_and_distinct() {
        let (a, b) = (token(), token());
        assert!(is_token(&a) && is_token(&b));
        assert_ne!(a, b);
        assert!(!is_token("ABC"));
        assert!(!is_token(&"g".repeat(32)));
    }

    #[test]
    fn references_use_the_readable_alphabet() {
        let r = case_reference();
        assert_eq!(r.len(), 9);
        assert_eq!(&r[4..5], "-");
        assert!(r
            .chars()
            .filter(|c| *c != '-')
            .all(|c| CROCKFORD.contains(&(c as u8))));
    }
}
