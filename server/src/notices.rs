//! Operating notices: a message such as "planned maintenance tonight",
//! shown at the top of every page of one service, or of every page, from
//! one time until another (or until ended). Whoever runs Blankett sets them
//! with `blankett notice` (see [`command`]); the message is written in one
//! or more languages, Swedish at least.
//!
//! Pages read notices from memory, fetched again at most every [`REFRESH`]:
//! a page view never waits for the database, and a notice set from another
//! process (or another server on the same database) shows within that time.

use crate::db::{self, notices::NoticeRow, Db};
use app::model::Notice;
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How old the notices in memory may be.
pub const REFRESH: Duration = Duration::from_secs(10);

/// The notices not yet ended, as last read.
#[derive(Default)]
pub struct Notices {
    cached: RwLock<Option<(Instant, Arc<Vec<NoticeRow>>)>>,
}

impl Notices {
    /// The notices not yet ended, from memory when read less than
    /// [`REFRESH`] ago.
    pub async fn current(&self, db: &Db) -> Result<Arc<Vec<NoticeRow>>, sqlx::Error> {
        let cached = self
            .cached
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some((_, rows)) = cached.filter(|(at, _)| at.elapsed() < REFRESH) {
            return Ok(rows);
        }
        let rows = Arc::new(db::notices::not_ended(&db.pool, db::now_millis()).await?);
        *self.cached.write().unwrap_or_else(|e| e.into_inner()) =
            Some((Instant::now(), rows.clone()));
        Ok(rows)
    }
}

/// The notices to show at `now` on a page of `service` (`None`: a page of
/// no service), in `lang` when the notice has it, else in Swedish (or its
/// first language), saying which.
pub fn shown(rows: &[NoticeRow], service: Option<&str>, now: i64, lang: &str) -> Vec<Notice> {
    rows.iter()
        .filter(|r| r.starts_at <= now && r.ends_at.is_none_or(|end| end > now))
        .filter(|r| r.service_key.is_none() || r.service_key.as_deref() == service)
        .filter_map(|r| {
            let texts: BTreeMap<String, String> = serde_json::from_str(&r.message).ok()?;
            let (tag, text) = texts
                .get_key_value(lang)
                .or_else(|| texts.get_key_value("sv"))
                .or_else(|| texts.iter().next())?;
            Some(Notice {
                text: text.clone(),
                lang: (tag != lang).then(|| tag.clone()),
                warning: r.warning,
            })
        })
        .collect()
}

const USAGE: &str = "\
usage:
  blankett notice add [--service KEY] [--warning] [--from TIME] [--until TIME] sv=TEXT [en=TEXT] [ar=TEXT]
  blankett notice list
  blankett notice end ID
TIME is a local time in BLANKETT_TIMEZONE, like 2026-11-24T18:00; --from defaults to now.
Without --service the notice is shown on every page.";

/// `blankett notice …`: what to print, or what was wrong (with the usage).
pub async fn command(
    args: &[String],
    db: &Db,
    timezone: &jiff::tz::TimeZone,
) -> Result<String, String> {
    let now = db::now_millis();
    match args.first().map(String::as_str) {
        Some("add") => {
            let notice = parse_add(&args[1..], now, timezone)?;
            let id = db
                .writer
                .write(move |conn| {
                    let notice = notice.clone();
                    Box::pin(async move {
                        let new = db::notices::NewNotice {
                            service_key: notice.service.as_deref(),
                            message: &notice.message,
                            warning: notice.warning,
                            starts_at: notice.from,
                            ends_at: notice.until,
                            now,
                        };
                        db::notices::insert(conn, &new).await
                    })
                })
                .await
                .map_err(|e| format!("the notice could not be stored: {e}"))?;
            Ok(format!(
                "notice {id} added; pages show it within {} s",
                REFRESH.as_secs()
            ))
        }
        Some("list") => {
            let rows = db::notices::not_ended(&db.pool, now)
                .await
                .map_err(|e| format!("the notices could not be read: {e}"))?;
            if rows.is_empty() {
                return Ok("no notices".into());
            }
            let time = |t: i64| crate::catalogue::format_time(t, timezone);
            Ok(rows
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t{} to {}\t{}\t{}",
                        r.id,
                        r.service_key.as_deref().unwrap_or("every page"),
                        time(r.starts_at),
                        r.ends_at.map_or_else(|| "ended by hand".into(), time),
                        if r.warning { "warning" } else { "information" },
                        r.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        Some("end") => {
            let id: i64 = args
                .get(1)
                .and_then(|id| id.parse().ok())
                .ok_or_else(|| format!("end needs the notice's number\n{USAGE}"))?;
            let ended = db
                .writer
                .write(move |conn| Box::pin(async move { db::notices::end(conn, id, now).await }))
                .await
                .map_err(|e| format!("the notice could not be ended: {e}"))?;
            if ended {
                Ok(format!(
                    "notice {id} ended; pages stop showing it within {} s",
                    REFRESH.as_secs()
                ))
            } else {
                Err(format!("there is no notice {id} that has not ended"))
            }
        }
        _ => Err(USAGE.into()),
    }
}

/// A notice to add, as given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct NoticeArgs {
    service: Option<String>,
    warning: bool,
    from: i64,
    until: Option<i64>,
    /// JSON: language tag to text.
    message: String,
}

fn parse_add(
    args: &[String],
    now: i64,
    timezone: &jiff::tz::TimeZone,
) -> Result<NoticeArgs, String> {
    let mut notice = NoticeArgs {
        service: None,
        warning: false,
        from: now,
        until: None,
        message: String::new(),
    };
    let mut texts = BTreeMap::new();
    let mut words = args.iter();
    let time = |word: Option<&String>, flag: &str| -> Result<i64, String> {
        let word = word.ok_or_else(|| format!("{flag} needs a time, like 2026-11-24T18:00"))?;
        crate::catalogue::parse_time(word, timezone)
            .ok_or_else(|| format!("{flag} {word}: not a time like 2026-11-24T18:00"))
    };
    while let Some(word) = words.next() {
        match word.as_str() {
            "--service" => {
                notice.service = Some(words.next().cloned().ok_or("--service needs a key")?)
            }
            "--warning" => notice.warning = true,
            "--from" => notice.from = time(words.next(), "--from")?,
            "--until" => notice.until = Some(time(words.next(), "--until")?),
            text => {
                let (tag, text) = text
                    .split_once('=')
                    .filter(|(tag, text)| app::i18n::Locale::from_tag(tag).is_some() && !text.trim().is_empty())
                    .ok_or_else(|| format!("{text}: expected a language and its text, like sv=\"Planerat underhåll i kväll\"\n{USAGE}"))?;
                texts.insert(tag.to_owned(), text.trim().to_owned());
            }
        }
    }
    if !texts.contains_key("sv") {
        return Err(format!("a notice needs its Swedish text (sv=…)\n{USAGE}"));
    }
    if notice.until.is_some_and(|until| until <= notice.from) {
        return Err("--until must come after --from".into());
    }
    notice.message = serde_json::to_string(&texts).map_err(|e| e.to_string())?;
    Ok(notice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(service: Option<&str>, starts_at: i64, ends_at: Option<i64>) -> NoticeRow {
        NoticeRow {
            id: 1,
            service_key: service.map(str::to_owned),
            message: r#"{"en":"Maintenance tonight","sv":"Underhåll i kväll"}"#.into(),
            warning: false,
            starts_at,
            ends_at,
        }
    }

    #[test]
    fn a_notice_shows_between_its_times_on_its_service_in_the_language_it_has() {
        let rows = [row(Some("parking-permit"), 100, Some(200))];
        let at = |now, service, lang| shown(&rows, service, now, lang);
        assert!(at(99, Some("parking-permit"), "sv").is_empty(), "not yet");
        assert!(at(200, Some("parking-permit"), "sv").is_empty(), "ended");
        assert!(
            at(150, Some("fault-report"), "sv").is_empty(),
            "another service"
        );
        assert!(at(150, None, "sv").is_empty(), "a page of no service");
        let sv = at(150, Some("parking-permit"), "sv");
        assert_eq!(sv[0].text, "Underhåll i kväll");
        assert_eq!(sv[0].lang, None);
        let en = at(150, Some("parking-permit"), "en");
        assert_eq!(en[0].text, "Maintenance tonight");
        // Arabic is missing: Swedish, marked as such.
        let ar = at(150, Some("parking-permit"), "ar");
        assert_eq!(
            (ar[0].text.as_str(), ar[0].lang.as_deref()),
            ("Underhåll i kväll", Some("sv"))
        );
        // A notice of no service is on every page.
        let everywhere = [row(None, 100, None)];
        assert_eq!(shown(&everywhere, Some("fault-report"), 150, "sv").len(), 1);
        assert_eq!(shown(&everywhere, None, 150, "sv").len(), 1);
    }

    #[test]
    fn the_command_line_is_read_strictly() {
        let tz = jiff::tz::TimeZone::get("Europe/Stockholm").expect("tz");
        let args = |s: &[&str]| s.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let notice = parse_add(
            &args(&[
                "--service",
                "parking-permit",
                "--warning",
                "--from",
                "2026-11-24T18:00",
                "--until",
                "2026-11-24 23:30",
                "sv=Underhåll i kväll",
                "en=Maintenance tonight",
            ]),
            0,
            &tz,
        )
        .expect("a notice");
        assert_eq!(notice.service.as_deref(), Some("parking-permit"));
        assert!(notice.warning);
        // 18:00 in Stockholm in November is 17:00 UTC.
        assert_eq!(
            notice.from,
            jiff::Timestamp::from_second(1_795_539_600)
                .expect("ts")
                .as_millisecond()
        );
        assert_eq!(notice.until, Some(notice.from + (5 * 60 + 30) * 60_000));
        assert_eq!(
            notice.message,
            r#"{"en":"Maintenance tonight","sv":"Underhåll i kväll"}"#
        );
        assert!(
            parse_add(&args(&["en=Only English"]), 0, &tz).is_err(),
            "Swedish is needed"
        );
        assert!(parse_add(&args(&["xx=Okänt språk", "sv=Text"]), 0, &tz).is_err());
        assert!(parse_add(&args(&["sv=Text", "--from", "tomorrow"]), 0, &tz).is_err());
        assert!(parse_add(
            &args(&[
                "sv=Text",
                "--from",
                "2026-11-24T18:00",
                "--until",
                "2026-11-24T17:00"
            ]),
            0,
            &tz
        )
        .is_err());
        assert!(
            parse_add(&args(&["sv=  "]), 0, &tz).is_err(),
            "no empty text"
        );
    }
}
