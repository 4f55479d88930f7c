//! Swedish identity numbers: personnummer, samordningsnummer and
//! organisationsnummer, checked by Skatteverket's and Bolagsverket's rules.
//!
//! Written here rather than taken from a crate: the one on crates.io was
//! found to get the century of 10-digit numbers, the `+` separator and the
//! samordningsnummer check digit wrong.

use crate::date::Date;

/// Why an identity number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityError {
    /// Not 10 or 12 digits with an optional separator.
    Format,
    /// The date part is not a real day (or is in the future).
    Date,
    /// The check digit does not match.
    CheckDigit,
}

/// A valid personnummer or samordningsnummer, normalised as
/// `YYYYMMDD-NNNC` (the day part as written, so a samordningsnummer keeps
/// its day + 60).
pub fn personal_identity_number(text: &str, today: Date) -> Result<String, IdentityError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, separator) = split_separator(&compact)?;
    let (century, ten) = match digits.len() {
        12 => (Some(&digits[..2]), &digits[2..]),
        10 => (None, digits.as_str()),
        _ => return Err(IdentityError::Format),
    };
    if century.is_some() && separator == Some('+') {
        // `+` only says "a hundred years or older" on the 10-digit form.
        return Err(IdentityError::Format);
    }
    let n = |range: std::ops::Range<usize>| {
        ten[range].parse::<u32>().map_err(|_| IdentityError::Format)
    };
    let (yy, mm, dd) = (n(0..2)?, n(2..4)?, n(4..6)?);
    // Samordningsnummer add 60 to the day of birth.
    let day = if dd > 60 { dd - 60 } else { dd };
    let month = u8::try_from(mm).map_err(|_| IdentityError::Date)?;
    let day = u8::try_from(day).map_err(|_| IdentityError::Date)?;
    let year = match century {
        Some(cc) => {
            let cc: i32 = cc.parse().map_err(|_| IdentityError::Format)?;
            cc * 100 + i32::try_from(yy).map_err(|_| IdentityError::Format)?
        }
        None => {
            let yy = i32::try_from(yy).map_err(|_| IdentityError::Format)?;
            // The most recent year ending in `yy` whose date is not after
            // today; `+` means a hundred years before that.
            let mut year = today.year() - (today.year() - yy).rem_euclid(100);
            if Date::new(year, month, day).is_some_and(|d| d > today) {
                year -= 100;
            }
            if separator == Some('+') {
                year -= 100;
            }
            year
        }
    };
    let born = Date::new(year, month, day).ok_or(IdentityError::Date)?;
    if born > today {
        return Err(IdentityError::Date);
    }
    if !luhn_valid(ten) {
        return Err(IdentityError::CheckDigit);
    }
    Ok(format!("{year:04}{}-{}", &ten[2..6], &ten[6..]))
}

/// A valid organisationsnummer, normalised as `NNNNNN-NNNN`. The `16`
/// prefix of the 12-digit form is accepted and dropped.
pub fn organisation_number(text: &str) -> Result<String, IdentityError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, separator) = split_separator(&compact)?;
    if separator == Some('+') {
        return Err(IdentityError::Format);
    }
    let ten = match digits.len() {
        12 if digits.starts_with("16") => &digits[2..],
        10 => digits.as_str(),
        _ => return Err(IdentityError::Format),
    };
    // Legal persons have a third digit of 2 or more (the "month" of a
    // personnummer is at most 12, so the two never collide).
    if ten.as_bytes()[2] < b'2' {
        return Err(IdentityError::Format);
    }
    if !luhn_valid(ten) {
        return Err(IdentityError::CheckDigit);
    }
    Ok(format!("{}-{}", &ten[..6], &ten[6..]))
}

/// Splits off a single `-` or `+` before the last four digits.
fn split_separator(compact: &str) -> Result<(String, Option<char>), IdentityError> {
    let chars: Vec<char> = compact.chars().collect();
    let separator = match chars.len().checked_sub(5).and_then(|i| chars.get(i)) {
        Some(&c @ ('-' | '+')) => Some(c),
        _ => None,
    };
    let digits: String = chars.iter().filter(|c| !matches!(c, '-' | '+')).collect();
    let separators = chars.iter().filter(|c| matches!(c, '-' | '+')).count();
    if separators > usize::from(separator.is_some()) || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return Err(IdentityError::Format);
    }
    Ok((digits, separator))
}

/// Luhn's check over ten digits: the last is the check digit of the first
/// nine, weighted 2, 1, 2, 1, …
fn luhn_valid(ten: &str) -> bool {
    let digits: Vec<u32> = ten.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = if i % 2 == 0 { d * 2 } else { *d };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10 == digits[9]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap_or(Date::UNIX_EPOCH)
    }

    fn pin(s: &str) -> Result<String, IdentityError> {
        personal_identity_number(s, today())
    }

    #[test]
    fn personnummer_in_every_written_form() {
        // Skatteverket's own example number.
        for written in [
            "811218-9876",
            "8112189876",
            "198112189876",
            "19811218-9876",
            " 811218 - 9876 ",
        ] {
            assert_eq!(pin(written), Ok("19811218-9876".into()), "{written}");
        }
    }

    #[test]
    fn the_century_of_ten_digits_comes_from_today_and_the_separator() {
        // Born 2005: a ten-digit number is read as this century.
        assert_eq!(check_century("0501011234"), Ok("2005".into()));
        // 1926-11-23 turned 100 today: written with "+".
        let plus = with_check("261123-123");
        assert_eq!(
            pin(&plus.replace('-', "+")).map(|s| s[..4].to_string()),
            Ok("1926".into())
        );
        // The same digits with "-" are someone born today in 2026.
        assert_eq!(pin(&plus).map(|s| s[..4].to_string()), Ok("2026".into()));
        // Tomorrow's date with "-" can only be a hundred years ago.
        let tomorrow = with_check("261124-123");
        assert_eq!(
            pin(&tomorrow).map(|s| s[..4].to_string()),
            Ok("1926".into())
        );
        // A twelve-digit number in the future is refused.
        assert_eq!(
            pin(&format!("20{}", with_check("271124-123").replace('-', ""))),
            Err(IdentityError::Date)
        );
    }

    fn with_check(nine_with_dash: &str) -> String {
        let digits: String = nine_with_dash
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let c = (0..10)
            .find(|c| luhn_valid(&format!("{digits}{c}")))
            .unwrap_or(0);
        format!("{nine_with_dash}{c}")
    }

    fn check_century(ten: &str) -> Result<String, IdentityError> {
        let fixed = with_check(&format!("{}-{}", &ten[..6], &ten[6..9]));
        pin(&fixed).map(|s| s[..4].to_string())
    }

    #[test]
    fn samordningsnummer_add_sixty_to_the_day() {
        let s = with_check("701063-238");
        assert_eq!(
            pin(&s),
            Ok(format!("1970{}", &s.replace('-', "")[2..6]) + "-" + &s[7..])
        );
        // Day 92 (32 + 60) does not exist.
        assert_eq!(pin(&with_check("701092-238")), Err(IdentityError::Date));
    }

    #[test]
    fn wrong_numbers_are_refused_with_a_reason() {
        assert_eq!(pin("811218-9875"), Err(IdentityError::CheckDigit));
        assert_eq!(pin("811318-9876"), Err(IdentityError::Date));
        assert_eq!(pin("810229-1234").err(), Some(IdentityError::Date));
        assert_eq!(pin("81121-9876"), Err(IdentityError::Format));
        assert_eq!(pin("811218-98761"), Err(IdentityError::Format));
        assert_eq!(pin("81-1218-9876"), Err(IdentityError::Format));
        assert_eq!(pin("abcdef-ghij"), Err(IdentityError::Format));
        assert_eq!(pin("19811218+9876"), Err(IdentityError::Format));
        assert_eq!(pin("811218-987"), Err(IdentityError::Format));
        assert_eq!(pin(""), Err(IdentityError::Format));
        assert_eq!(pin("٨١١٢١٨-٩٨٧٦"), Err(IdentityError::Format));
    }

    #[test]
    fn organisation_numbers() {
        // Skatteverket's own organisation number.
        assert_eq!(organisation_number("202100-5489"), Ok("202100-5489".into()));
        assert_eq!(organisation_number("2021005489"), Ok("202100-5489".into()));
        assert_eq!(
            organisation_number("16202100-5489"),
            Ok("202100-5489".into())
        );
        assert_eq!(
            organisation_number("202100-5488"),
            Err(IdentityError::CheckDigit)
        );
        assert_eq!(
            organisation_number("811218-9876"),
            Err(IdentityError::Format)
        );
        assert_eq!(
            organisation_number("202100+5489"),
            Err(IdentityError::Format)
        );
        assert_eq!(
            organisation_number("20210-5489"),
            Err(IdentityError::Format)
        );
    }
}
