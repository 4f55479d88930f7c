//! Statistics of each service: start-page views, forms started, drafts
//! saved for later, submissions (and how many with e-ID), time to complete
//! and where drafts were left. Counted in memory as things happen — no
//! write on a resident's path — and added to `service_stats` every few
//! seconds and at shutdown (`run`); a crash loses at most those seconds'
//! counts. Nothing counted points at a person, a draft or a case: a count
//! is a service, a day, a metric and a page.

use crate::db::{self, statistics::Count, Db};
use std::collections::HashMap;
use std::sync::Mutex;

/// What is counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Metric {
    /// The start page was shown.
    View,
    /// A first page was sent: a draft began.
    Start,
    /// A resident asked to save and come back later.
    Saved,
    /// A case was received, with e-ID or not, this long after its first
    /// page was sent.
    Submitted { e_id: bool, millis: i64 },
    /// A draft expired unsent on this page.
    Left { page: String },
}

/// A time to complete, in seconds, rounded down to its bucket: five
/// seconds under a minute, fifteen under ten minutes, a minute under an
/// hour, a quarter of an hour under a day, an hour after that. The median
/// is told to that precision.
pub fn bucket(seconds: i64) -> i64 {
    let step = match seconds.max(0) {
        s if s < 60 => 5,
        s if s < 600 => 15,
        s if s < 3_600 => 60,
        s if s < 86_400 => 900,
        _ => 3_600,
    };
    seconds.max(0) / step * step
}

/// What one count is of: service, day, metric and page (or bucket).
type CountKey = (String, String, &'static str, String);

/// The counts gathered since they were last written.
pub struct Statistics {
    pending: Mutex<HashMap<CountKey, i64>>,
    timezone: jiff::tz::TimeZone,
}

impl Default for Statistics {
    /// Days in UTC.
    fn default() -> Self {
        Statistics::new(jiff::tz::TimeZone::UTC)
    }
}

impl Statistics {
    pub fn new(timezone: jiff::tz::TimeZone) -> Self {
        Statistics {
            pending: Mutex::default(),
            timezone,
        }
    }

    /// The day `at` (Unix milliseconds) falls on, in the municipality's
    /// time zone, as `YYYY-MM-DD`.
    pub fn day(&self, at: i64) -> String {
        jiff::Timestamp::from_millisecond(at)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned(self.timezone.clone())
            .date()
            .to_string()
    }

    /// Counts `metric` for `service` now.
    pub fn count(&self, service: &str, metric: Metric) {
        self.count_at(service, metric, db::now_millis());
    }

    /// Counts `metric` for `service` on the day of `at`.
    pub fn count_at(&self, service: &str, metric: Metric, at: i64) {
        let day = self.day(at);
        let mut keys: Vec<(&'static str, String)> = Vec::with_capacity(3);
        match metric {
            Metric::View => keys.push(("view", String::new())),
            Metric::Start => keys.push(("start", String::new())),
            Metric::Saved => keys.push(("saved", String::new())),
            Metric::Submitted { e_id, millis } => {
                keys.push(("submitted", String::new()));
                if e_id {
                    keys.push(("e_id", String::new()));
                }
                keys.push(("time", bucket(millis / 1000).to_string()));
            }
            Metric::Left { page } => keys.push(("left", page)),
        }
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        for (metric, page) in keys {
            *pending
                .entry((service.to_owned(), day.clone(), metric, page))
                .or_default() += 1;
        }
    }

    /// Writes what was counted since the last time. On failure the counts
    /// are kept for the next try.
    pub async fn flush(&self, db: &Db) -> Result<usize, sqlx::Error> {
        let taken = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        if taken.is_empty() {
            return Ok(0);
        }
        let counts: Vec<Count> = taken
            .iter()
            .map(|((service_key, day, metric, page), count)| Count {
                service_key: service_key.clone(),
                day: day.clone(),
                metric: (*metric).to_owned(),
                page: page.clone(),
                count: *count,
            })
            .collect();
        let n = counts.len();
        let written = db
            .writer
            .write(move |conn| {
                let counts = counts.clone();
                Box::pin(async move { db::statistics::add(conn, &counts).await })
            })
            .await;
        if let Err(e) = written {
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            for (key, count) in taken {
                *pending.entry(key).or_default() += count;
            }
            return Err(e);
        }
        Ok(n)
    }

    /// Writes the counts every `every` until `stop`, and once more then.
    pub async fn run(
        self: std::sync::Arc<Self>,
        db: Db,
        every: std::time::Duration,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            let stopping = tokio::select! {
                _ = tokio::time::sleep(every) => false,
                _ = stop.changed() => true,
            };
            if let Err(e) = self.flush(&db).await {
                tracing::warn!(error = %e, "statistics could not be written; kept for the next try");
            }
            if stopping {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rounded_to_their_bucket() {
        assert_eq!(bucket(-3), 0);
        assert_eq!(bucket(7), 5);
        assert_eq!(bucket(59), 55);
        assert_eq!(bucket(61), 60);
        assert_eq!(bucket(599), 585);
        assert_eq!(bucket(601), 600);
        assert_eq!(bucket(3_599), 3_540);
        assert_eq!(bucket(3_601), 3_600);
        assert_eq!(bucket(90_000), 90_000);
    }

    #[test]
    fn a_submission_counts_itself_its_e_id_and_its_time_on_the_local_day() {
        let stats = Statistics::new(jiff::tz::TimeZone::get("Europe/Stockholm").expect("zone"));
        // 2026-12-07 23:30 UTC is already the 8th in Stockholm.
        let at = jiff::Timestamp::from_second(1_796_686_200)
            .expect("time")
            .as_millisecond();
        assert_eq!(stats.day(at), "2026-12-08");
        stats.count_at(
            "p",
            Metric::Submitted {
                e_id: true,
                millis: 125_000,
            },
            at,
        );
        stats.count_at(
            "p",
            Metric::Submitted {
                e_id: false,
                millis: 3_000,
            },
            at,
        );
        let pending = stats.pending.lock().expect("lock");
        let get = |m: &'static str, page: &str| {
            pending
                .get(&("p".to_owned(), "2026-12-08".to_owned(), m, page.to_owned()))
                .copied()
        };
        assert_eq!(get("submitted", ""), Some(2));
        assert_eq!(get("e_id", ""), Some(1));
        assert_eq!(get("time", "120"), Some(1));
        assert_eq!(get("time", "0"), Some(1));
    }
}

/// The longest period shown, in days.
pub const MAX_DAYS: i32 = 400;

/// The period asked for: `from` and `to` as dates, both days included. A
/// period that is empty is the last 30 days up to `today`; one that does
/// not read, is backwards or is too long is too, with the Fluent key that
/// says why.
pub fn period(
    from: &str,
    to: &str,
    today: jiff::civil::Date,
) -> (jiff::civil::Date, jiff::civil::Date, Option<&'static str>) {
    let default_from = today
        .checked_sub(jiff::Span::new().days(29))
        .unwrap_or(today);
    let date = |text: &str, default: jiff::civil::Date| {
        let text = text.trim();
        if text.is_empty() {
            Some(default)
        } else {
            text.parse::<jiff::civil::Date>().ok()
        }
    };
    let (Some(f), Some(t)) = (date(from, default_from), date(to, today)) else {
        return (default_from, today, Some("statistics-error-date"));
    };
    if f > t {
        return (default_from, today, Some("statistics-error-order"));
    }
    if f.until(t).map_or(true, |span| span.get_days() >= MAX_DAYS) {
        return (default_from, today, Some("statistics-error-long"));
    }
    (f, t, None)
}

/// The figures of `counts`.
pub fn figures<'a>(counts: impl IntoIterator<Item = &'a Count>) -> app::model::Figures {
    let mut f = app::model::Figures::default();
    let mut times: Vec<(i64, i64)> = Vec::new();
    for c in counts {
        match c.metric.as_str() {
            "view" => f.views += c.count,
            "start" => f.starts += c.count,
            "saved" => f.saved += c.count,
            "submitted" => f.submitted += c.count,
            "e_id" => f.e_id += c.count,
            "time" => {
                if let Ok(seconds) = c.page.parse() {
                    times.push((seconds, c.count));
                }
            }
            _ => {}
        }
    }
    f.median_seconds = median(&mut times);
    f
}

/// The median of values given with how often each occurs (the lower one
/// of the middle two when there is an even number).
fn median(values: &mut [(i64, i64)]) -> Option<i64> {
    values.sort_unstable();
    let n: i64 = values.iter().map(|(_, c)| c).sum();
    let mut seen = 0;
    for (value, count) in values.iter() {
        seen += count;
        if seen > (n - 1) / 2 {
            return Some(*value);
        }
    }
    None
}

/// Every day from `from` to `to`.
pub fn days(from: jiff::civil::Date, to: jiff::civil::Date) -> Vec<String> {
    let mut days = Vec::new();
    let mut day = from;
    while day <= to && days.len() < MAX_DAYS as usize {
        days.push(day.to_string());
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    days
}

#[cfg(test)]
mod report_tests {
    use super::*;
    use jiff::civil::date;

    fn count(metric: &str, page: &str, n: i64) -> Count {
        Count {
            service_key: "p".into(),
            day: "2026-12-01".into(),
            metric: metric.into(),
            page: page.into(),
            count: n,
        }
    }

    #[test]
    fn figures_add_up_and_the_median_is_the_middle_time() {
        let counts = [
            count("view", "", 10),
            count("start", "", 4),
            count("submitted", "", 3),
            count("e_id", "", 1),
            count("time", "120", 1),
            count("time", "30", 1),
            count("time", "900", 1),
            count("left", "contact", 1),
        ];
        let f = figures(&counts);
        assert_eq!((f.views, f.starts, f.submitted, f.e_id), (10, 4, 3, 1));
        assert_eq!(f.median_seconds, Some(120));
        assert_eq!(f.completion_percent(), Some(75));
        assert_eq!(f.e_id_percent(), Some(33));
        assert_eq!(figures(&[]).median_seconds, None);
        assert_eq!(figures(&[]).completion_percent(), None);
    }

    #[test]
    fn a_period_that_does_not_read_is_the_last_thirty_days_and_says_why() {
        let today = date(2026, 12, 7);
        assert_eq!(period("", "", today), (date(2026, 11, 8), today, None));
        assert_eq!(
            period("2026-12-01", "2026-12-03", today),
            (date(2026, 12, 1), date(2026, 12, 3), None)
        );
        assert_eq!(period("1 dec", "", today).2, Some("statistics-error-date"));
        assert_eq!(
            period("2026-12-05", "2026-12-01", today).2,
            Some("statistics-error-order")
        );
        assert_eq!(
            period("2020-01-01", "2026-12-01", today).2,
            Some("statistics-error-long")
        );
        assert_eq!(days(date(2026, 12, 30), date(2027, 1, 2)).len(), 4);
    }
}

/// The statistics of `services` over the period asked for: of one service
/// (`single`, with where its drafts were left) or the summary of several.
pub async fn report(
    db: &Db,
    timezone: &jiff::tz::TimeZone,
    single: bool,
    services: &[std::sync::Arc<forms::FormDefinition>],
    (from, to): (&str, &str),
    locale: app::i18n::Locale,
) -> Result<app::model::StatisticsView, sqlx::Error> {
    let lang = locale.tag();
    let now = db::now_millis();
    let today = jiff::Timestamp::from_millisecond(now)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(timezone.clone())
        .date();
    let (from, to, error) = period(from, to, today);
    let (from, to) = (from.to_string(), to.to_string());
    let keys: Vec<String> = services.iter().map(|d| d.key().to_owned()).collect();
    let counts = db::statistics::between(&db.pool, &keys, &from, &to).await?;
    let days = days(from.parse().unwrap_or(today), to.parse().unwrap_or(today))
        .into_iter()
        .map(|day| {
            let f = figures(counts.iter().filter(|c| c.day == day));
            (day, f)
        })
        .collect();
    let mut pages = Vec::new();
    if let (true, Some(definition)) = (single, services.first()) {
        let open = db::statistics::open_by_page(&db.pool, definition.key(), now).await?;
        let left = |page: &str| -> i64 {
            counts
                .iter()
                .filter(|c| c.metric == "left" && c.page == page)
                .map(|c| c.count)
                .sum()
        };
        let open_on =
            |page: &str| -> i64 { open.iter().filter(|(p, _)| p == page).map(|(_, n)| n).sum() };
        let mut known: Vec<String> = Vec::new();
        for page in definition.pages() {
            known.push(page.key().to_owned());
            pages.push(app::model::PageFigures {
                title: page.title(lang).to_owned(),
                left: left(page.key()),
                open: open_on(page.key()),
            });
        }
        // Pages of earlier versions that drafts were left on.
        let mut others: Vec<&str> = counts
            .iter()
            .filter(|c| c.metric == "left")
            .map(|c| c.page.as_str())
            .chain(open.iter().map(|(p, _)| p.as_str()))
            .filter(|p| !known.iter().any(|k| k == p))
            .collect();
        others.sort_unstable();
        others.dedup();
        for page in others {
            pages.push(app::model::PageFigures {
                title: page.to_owned(),
                left: left(page),
                open: open_on(page),
            });
        }
    }
    let by_service = services
        .iter()
        .map(|d| {
            let f = figures(counts.iter().filter(|c| c.service_key == d.key()));
            (d.key().to_owned(), d.title(lang).to_owned(), f)
        })
        .collect();
    Ok(app::model::StatisticsView {
        key: single.then(|| keys.first().cloned()).flatten(),
        title: match (single, services.first()) {
            (true, Some(d)) => d.title(lang).to_owned(),
            _ => locale.t("statistics-summary-title"),
        },
        from,
        to,
        error: error.map(str::to_owned),
        totals: figures(&counts),
        days,
        pages,
        services: by_service,
    })
}
