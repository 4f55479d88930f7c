//! Exact decimal numbers: amounts, areas and rates are never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Digits kept after the decimal point in every calculation.
pub const PLACES: u32 = 6;
const SCALE: i128 = 1_000_000;
/// The largest magnitude accepted: the range of a 64-bit integer.
const LIMIT: i128 = (i64::MAX as i128) * SCALE;

/// A decimal number with six places, exact in addition, subtraction and
/// multiplication; division truncates after the sixth place. Every
/// operation is checked: a result out of range is `None`, never a wrap.
/// It is written to JSON as a string (`"1250.5"`), so no reader turns it
/// into a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal {
    /// The value times 10^6.
    units: i128,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { units: 0 };

    fn checked(units: i128) -> Option<Self> {
        (-LIMIT..=LIMIT)
            .contains(&units)
            .then_some(Decimal { units })
    }

    pub fn checked_add(self, other: Self) -> Option<Self> {
        Self::checked(self.units.checked_add(other.units)?)
    }

    pub fn checked_sub(self, other: Self) -> Option<Self> {
        Self::checked(self.units.checked_sub(other.units)?)
    }

    pub fn checked_mul(self, other: Self) -> Option<Self> {
        Self::checked(self.units.checked_mul(other.units)? / SCALE)
    }

    pub fn checked_div(self, other: Self) -> Option<Self> {
        if other.units == 0 {
            return None;
        }
        Self::checked(self.units.checked_mul(SCALE)? / other.units)
    }

    pub fn checked_neg(self) -> Option<Self> {
        Self::checked(-self.units)
    }

    /// Rounded to `places` decimals, halves away from zero (as money is).
    pub fn round(self, places: u32) -> Self {
        let places = places.min(PLACES);
        let step = 10_i128.pow(PLACES - places);
        let half = step / 2;
        let rounded = if self.units >= 0 {
            (self.units + half) / step * step
        } else {
            (self.units - half) / step * step
        };
        Decimal { units: rounded }
    }

    /// The value as an integer, if it has no fraction.
    pub fn to_integer(self) -> Option<i64> {
        (self.units % SCALE == 0)
            .then(|| i64::try_from(self.units / SCALE).ok())
            .flatten()
    }

    /// How many digits after the point are needed to write it exactly.
    pub fn places(self) -> u32 {
        let mut frac = (self.units % SCALE).unsigned_abs();
        if frac == 0 {
            return 0;
        }
        let mut places = PLACES;
        while frac.is_multiple_of(10) {
            frac /= 10;
            places -= 1;
        }
        places
    }

    /// Parses the plain form `-1234.5`: an optional minus, digits, and an
    /// optional point with up to six digits. This is the form definitions
    /// and stored answers use; see [`Decimal::parse_typed`] for what
    /// people type.
    pub fn parse_plain(text: &str) -> Option<Self> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > PLACES as usize
            || (digits.contains('.') && frac.is_empty())
            || whole.len() > 19
        {
            return None;
        }
        let whole: i128 = whole.parse().ok()?;
        let mut frac_units: i128 = 0;
        for (i, b) in frac.bytes().enumerate() {
            let place = PLACES - 1 - u32::try_from(i).ok()?;
            frac_units += i128::from(b - b'0') * 10_i128.pow(place);
        }
        let units = whole.checked_mul(SCALE)?.checked_add(frac_units)?;
        Self::checked(if negative { -units } else { units })
    }

    /// Parses a number as people type it here: a decimal comma or point
    /// (`12,5`, `12.5`), digits grouped with spaces (`1 250,50`), and a
    /// plus, minus or the typographic minus sign. Returns the number and
    /// how many decimals were typed.
    pub fn parse_typed(text: &str) -> Option<(Self, u32)> {
        let compact: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| match c {
                '\u{2212}' => '-',
                ',' => '.',
                c => c,
            })
            .collect();
        // One sign at most, and only in front.
        if compact
            .char_indices()
            .any(|(i, c)| matches!(c, '+' | '-') && i > 0)
        {
            return None;
        }
        let unsigned = compact.strip_prefix('+').unwrap_or(&compact);
        let frac_len = unsigned.split_once('.').map_or(0, |(_, f)| f.len());
        if frac_len > PLACES as usize {
            return None;
        }
        let value = Self::parse_plain(unsigned)?;
        Some((value, u32::try_from(frac_len).ok()?))
    }

    /// Written with a decimal comma and digits grouped by three with
    /// no-break spaces, as Swedish and most of Europe write numbers
    /// (`1 250,5`); `−` for negatives.
    pub fn to_local_string(self, decimal_separator: char) -> String {
        let plain = self.to_string();
        let (negative, digits) = match plain.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, plain.as_str()),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut out = String::new();
        if negative {
            out.push('\u{2212}');
        }
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(decimal_separator);
            out.push_str(frac);
        }
        out
    }
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Self {
        Decimal {
            units: i128::from(n) * SCALE,
        }
    }
}

impl fmt::Display for Decimal {
    /// The plain form: `-1234.5`, no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let abs = self.units.unsigned_abs();
        let whole = abs / SCALE.unsigned_abs();
        let places = self.places();
        if places == 0 {
            return write!(f, "{sign}{whole}");
        }
        let frac = abs % SCALE.unsigned_abs() / 10_u128.pow(PLACES - places);
        write!(f, "{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal with at most six places, as a number (`12.5`) or a string (`\"12.5\"`).",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]{1,6})?$"}
            ]
        })
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Definitions may write numbers as JSON numbers (`0.5`) or strings
/// (`"0.5"`); both mean the same exact decimal.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number such as 12.5 or \"12.5\"")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                i64::try_from(v)
                    .map(Decimal::from)
                    .map_err(|_| E::custom("number too large"))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                // A float from JSON is read back through its shortest
                // decimal text, so `0.1` means exactly one tenth.
                Decimal::parse_plain(&format!("{v}")).ok_or_else(|| {
                    E::custom(format!("`{v}` is not a decimal with at most six places"))
                })
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                Decimal::parse_plain(v)
                    .ok_or_else(|| E::custom(format!("`{v}` is not a decimal such as 12.5")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    fn d(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn plain_text_round_trips() {
        for s in [
            "0",
            "12",
            "-3",
            "12.5",
            "0.000001",
            "-0.25",
            "9223372036854775807",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("1.500").to_string(), "1.5");
        for bad in [
            "",
            "-",
            "1.",
            ".5",
            "1.2.3",
            "1,5",
            "1e3",
            "0.0000001",
            "99999999999999999999",
        ] {
            assert_eq!(Decimal::parse_plain(bad), None, "{bad}");
        }
    }

    #[test]
    fn typed_numbers_accept_local_habits() {
        assert_eq!(Decimal::parse_typed("12,5"), Some((d("12.5"), 1)));
        assert_eq!(Decimal::parse_typed("1 250,50"), Some((d("1250.5"), 2)));
        assert_eq!(Decimal::parse_typed("\u{2212}3"), Some((d("-3"), 0)));
        assert_eq!(Decimal::parse_typed("+7.25"), Some((d("7.25"), 2)));
        assert_eq!(Decimal::parse_typed("1,2,3"), None);
        assert_eq!(Decimal::parse_typed("+-1"), None);
        assert_eq!(Decimal::parse_typed("abc"), None);
    }

    #[test]
    fn arithmetic_is_exact_and_checked() {
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("2.5").checked_mul(d("4")), Some(d("10")));
        assert_eq!(d("7").checked_div(d("2")), Some(d("3.5")));
        assert_eq!(d("1").checked_div(d("3")), Some(d("0.333333")));
        assert_eq!(d("1").checked_div(Decimal::ZERO), None);
        let max = Decimal::from(i64::MAX);
        assert_eq!(max.checked_add(d("1")), None);
        assert_eq!(max.checked_mul(max), None);
        assert_eq!(d("2.345").round(2), d("2.35"));
        assert_eq!(d("-2.345").round(2), d("-2.35"));
        assert_eq!(d("2.5").to_integer(), None);
        assert_eq!(d("25").to_integer(), Some(25));
    }

    #[test]
    fn local_form_groups_digits_and_uses_a_comma() {
        assert_eq!(d("1250.5").to_local_string(','), "1\u{a0}250,5");
        assert_eq!(
            d("-1234567").to_local_string(','),
            "\u{2212}1\u{a0}234\u{a0}567"
        );
        assert_eq!(d("0.75").to_local_string('.'), "0.75");
    }

    #[test]
    fn json_numbers_and_strings_mean_the_same() {
        let a: Decimal = serde_json::from_str("0.1").expect("number");
        let b: Decimal = serde_json::from_str("\"0.1\"").expect("string");
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).expect("serialises"), "\"0.1\"");
    }
}
