//! Calendar dates without a clock: the engine is told what day it is.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A day in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// 1970-01-01, a fallback where no better day is known.
    pub const UNIX_EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A date, if the day exists (`2025-02-29` does not).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &str| -> Option<u32> {
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = num(text.get(0..4)?)?;
        let month = num(text.get(5..7)?)?;
        let day = num(text.get(8..10)?)?;
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after this one (before, if negative), clamped to the
    /// years 1 to 9999.
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        const MIN: i64 = -719_162; // 0001-01-01
        const MAX: i64 = 2_932_896; // 9999-12-31
        let z = days.clamp(MIN, MAX) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(1970),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse_iso(&s).ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn only_real_days_exist() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(2025, 13, 1).is_none());
        assert!(Date::new(2025, 1, 0).is_none());
    }

    #[test]
    fn iso_dates_parse_strictly() {
        assert_eq!(Date::parse_iso("2026-11-23"), Date::new(2026, 11, 23));
        assert_eq!(Date::parse_iso("2026-1-23"), None);
        assert_eq!(Date::parse_iso("2026-11-23T"), None);
        assert_eq!(Date::parse_iso("+026-11-23"), None);
        assert_eq!(Date::parse_iso("2026/11/23"), None);
        assert_eq!(Date::parse_iso("202٦-11-23"), None);
    }

    #[test]
    fn day_counts_match_the_calendar() {
        let epoch = Date::new(1970, 1, 1).expect("date");
        assert_eq!(epoch.days_since_epoch(), 0);
        assert_eq!(
            Date::new(2000, 3, 1).expect("date").days_since_epoch(),
            11_017
        );
        let a = Date::new(2024, 2, 28).expect("date");
        let b = Date::new(2024, 3, 1).expect("date");
        assert_eq!(a.days_until(b), 2);
        assert_eq!(b.days_until(a), -2);
        assert_eq!(
            Date::new(1969, 12, 31).expect("date").days_since_epoch(),
            -1
        );
    }

    #[test]
    fn days_convert_back_to_the_same_dates() {
        for days in (-719_162..2_932_897).step_by(997) {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
            assert!(Date::new(d.year(), d.month(), d.day()).is_some());
        }
        let d = Date::new(2026, 12, 31).expect("date");
        assert_eq!(d.add_days(1), Date::new(2027, 1, 1).expect("date"));
        assert_eq!(d.add_days(-365), Date::new(2025, 12, 31).expect("date"));
        assert_eq!(d.add_days(i64::MAX).to_string(), "9999-12-31");
        assert_eq!(d.add_days(i64::MIN).to_string(), "0001-01-01");
    }
}
