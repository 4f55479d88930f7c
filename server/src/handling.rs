//! Case handling: a handler's inbox and case view (the `Handling` port),
//! only ever of the services they handle. Every view of a case's personal
//! data is written to the audit log, which the case's history shows.
//! What handlers do to a case is in `http::handling`.

use crate::catalogue::{format_date, format_time, CatalogueService};
use crate::db::{self, case_events};
use crate::error::internal;
use crate::statuses::StatusModel;
use app::i18n::Locale;
use app::model::{
    HandledCase, HandlingEvent, HandlingEventKind, Inbox, InboxFilter, InboxRow, INBOX_PAGE,
};
use app::ssr::{may_handle, Handling, PortFuture, StaffSignedIn};

pub use app::pages::handling::CASES_PATH;

impl Handling for CatalogueService {
    fn inbox<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        filter: InboxFilter,
        locale: Locale,
    ) -> PortFuture<'a, Inbox> {
        Box::pin(async move {
            let lang = locale.tag();
            let services: Vec<(String, String)> = staff
                .services
                .iter()
                .filter(|s| may_handle(staff, s))
                .filter_map(|key| {
                    let title = self.read(|store| {
                        store
                            .get(key, None)
                            .map(|p| p.definition.title(lang).to_owned())
                    })?;
                    Some((key.clone(), title))
                })
                .collect();
            let chosen: Vec<String> = services
                .iter()
                .map(|(k, _)| k.clone())
                .filter(|k| filter.service.is_empty() || *k == filter.service)
                .collect();
            let day = |text: &str, end: bool| day_bound(text, &self.timezone, end);
            let (from, until, bad_date) = match (day(&filter.from, false), day(&filter.to, true)) {
                (Ok(from), Ok(until)) => (from, until, false),
                _ => (None, None, true),
            };
            let page = filter.page.max(1);
            let query = db::cases::InboxQuery {
                services: chosen,
                status: Some(filter.status.clone()).filter(|s| !s.is_empty()),
                assigned: match filter.assigned.as_str() {
                    "me" => Some(Some(staff.staff_id)),
                    "none" => Some(None),
                    _ => None,
                },
                reference: None,
                search: Some(filter.q.clone()).filter(|q| !q.trim().is_empty()),
                from,
                until,
                oldest_first: filter.sort == "oldest",
                limit: i64::from(INBOX_PAGE),
                offset: i64::from(page - 1) * i64::from(INBOX_PAGE),
            };
            let mut query = query;
            // A reference finds its case (a name that happens to look like
            // one is searched as a name).
            if let Some(reference) = query
                .search
                .as_deref()
                .and_then(db::cases::looks_like_reference)
            {
                if db::cases::exists(&self.db.pool, &reference)
                    .await
                    .map_err(|e| internal("finding a reference", e))?
                {
                    query.reference = Some(reference);
                    query.search = None;
                }
            }
            let (rows, total, counted) = db::cases::inbox(&self.db.pool, &query)
                .await
                .map_err(|e| internal("listing the inbox", e))?;
            let title_of = |key: &str| {
                services
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default()
            };
            let total = u64::try_from(total).unwrap_or(0);
            // The statuses of the services shown, each once, in their
            // models' order; a name as the first service that has it says.
            let models: Vec<(String, StatusModel)> = services
                .iter()
                .filter(|(k, _)| filter.service.is_empty() || *k == filter.service)
                .map(|(k, _)| (k.clone(), StatusModel::of(&self.forms, k)))
                .collect();
            let mut statuses: Vec<(String, String)> = Vec::new();
            for (_, model) in &models {
                for key in model.keys() {
                    if !statuses.iter().any(|(k, _)| *k == key) {
                        statuses.push((key.clone(), model.name(&key, locale)));
                    }
                }
            }
            let name_in = |service: &str, status: &str| {
                models
                    .iter()
                    .find(|(k, _)| k == service)
                    .map_or_else(|| status.to_owned(), |(_, m)| m.name(status, locale))
            };
            Ok(Inbox {
                counts: statuses
                    .into_iter()
                    .map(|(status, name)| {
                        let n = counted
                            .iter()
                            .find(|(s, _)| *s == status)
                            .map_or(0, |(_, n)| *n);
                        (status, name, u64::try_from(n).unwrap_or(0))
                    })
                    .collect(),
                rows: rows
                    .into_iter()
                    .map(|r| InboxRow {
                        status_name: name_in(&r.service_key, &r.status),
                        service_title: title_of(&r.service_key),
                        reference: r.reference,
                        applicant: r.applicant_name,
                        sent_on: format_date(r.submitted_at, &self.timezone),
                        status: r.status,
                        assigned: r.assigned_name,
                    })
                    .collect(),
                total,
                pages: u32::try_from(total.div_ceil(u64::from(INBOX_PAGE))).unwrap_or(u32::MAX),
                bad_date,
                services,
                filter: InboxFilter { page, ..filter },
            })
        })
    }

    fn case<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        reference: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<HandledCase>> {
        Box::pin(async move {
            let Some(case) = handled_case(&self.db, staff, reference)
                .await
                .map_err(|e| internal("loading a case", e))?
            else {
                return Ok(None);
            };
            // The view itself is recorded first: a read that fails to be
            // recorded is not shown.
            crate::auth::audit_strict(
                &self.db,
                &format!("staff:{}", staff.staff_id),
                "case-read",
                &format!("case:{}", case.reference),
                "",
            )
            .await
            .map_err(|e| internal("recording a case read", e))?;
            let events = case_events::of_case(&self.db.pool, case.id)
                .await
                .map_err(|e| internal("loading a case's history", e))?;
            let reads = db::audit::case_reads(&self.db.pool, &case.reference)
                .await
                .map_err(|e| internal("loading a case's reads", e))?;
            let read = crate::my_cases::read_case(&self.forms, &case, locale.tag())
                .map_err(|e| internal("reading a case's answers", e))?;
            let open_request = case_events::open_request(&events).is_some();
            let model = StatusModel::of(&self.forms, &case.service_key);
            let handlers = db::staff::handlers_of(&self.db.pool, &case.service_key)
                .await
                .map_err(|e| internal("listing a service's handlers", e))?;
            let href =
                |f: &forms::FileRef| crate::my_cases::file_link(CASES_PATH, &case.reference, f);
            let mut history: Vec<(i64, i64, HandlingEvent)> = events
                .into_iter()
                .map(|e| {
                    let what = match e.what {
                        case_events::What::Status(s) => {
                            HandlingEventKind::Status(model.name(&s, locale))
                        }
                        case_events::What::Message { body, from_staff } => {
                            HandlingEventKind::Message { body, from_staff }
                        }
                        case_events::What::Note(body) => HandlingEventKind::Note(body),
                        case_events::What::Assigned(to) => HandlingEventKind::Assigned(to),
                        case_events::What::TakenOver(system) => {
                            HandlingEventKind::TakenOver(system)
                        }
                        case_events::What::Request { body, wants_files } => {
                            HandlingEventKind::Request { body, wants_files }
                        }
                        case_events::What::Completion { body, files } => {
                            HandlingEventKind::Completion {
                                body,
                                files: files.iter().map(href).collect(),
                            }
                        }
                    };
                    let event = HandlingEvent {
                        at: format_time(e.at, &self.timezone),
                        who: e.staff_name.or(e.actor),
                        what,
                    };
                    (e.at, 0, event)
                })
                .collect();
            let received = HandlingEvent {
                at: format_time(case.submitted_at, &self.timezone),
                who: None,
                what: HandlingEventKind::Status(model.name(case_events::RECEIVED, locale)),
            };
            history.insert(0, (case.submitted_at, -1, received));
            history.extend(reads.into_iter().map(|(at, who)| {
                let event = HandlingEvent {
                    at: format_time(at, &self.timezone),
                    who,
                    what: HandlingEventKind::Read,
                };
                (at, 1, event)
            }));
            history.sort_by_key(|(at, order, _)| (*at, *order));
            Ok(Some(HandledCase {
                service_title: read.service_title,
                content_lang: read.content_lang,
                sent_at: format_time(case.submitted_at, &self.timezone),
                status_name: model.name(&case.status, locale),
                status: case.status,
                statuses: model.choices(locale),
                applicant: case.applicant_name,
                assigned_to_me: case.assigned_to == Some(staff.staff_id),
                assigned_id: case
                    .assigned_to
                    .map(|id| id.to_string())
                    .unwrap_or_default(),
                handlers: handlers
                    .into_iter()
                    .map(|(id, name)| app::model::Choice {
                        value: id.to_string(),
                        label: name,
                    })
                    .collect(),
                assigned: case.assigned_name,
                may_message: case.person_id.is_some(),
                history: history.into_iter().map(|(_, _, e)| e).collect(),
                summary: read.summary,
                files: read.files.iter().map(href).collect(),
                open_request,
                reference: case.reference,
                posted: None,
                form_key: crate::secret::token(),
            }))
        })
    }
}

/// The start of the day `text` names (`YYYY-MM-DD`), or with `end` the
/// start of the day after, in `timezone`: `Ok(None)` for no date, `Err` for
/// text that is not one.
pub fn day_bound(
    text: &str,
    timezone: &jiff::tz::TimeZone,
    end: bool,
) -> Result<Option<i64>, jiff::Error> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let date: jiff::civil::Date = text.trim().parse()?;
    let date = if end { date.tomorrow()? } else { date };
    Ok(Some(
        date.to_zoned(timezone.clone())?
            .timestamp()
            .as_millisecond(),
    ))
}

/// The case with `reference` if `staff` may handle it.
pub async fn handled_case(
    db: &db::Db,
    staff: &StaffSignedIn,
    reference: &str,
) -> Result<Option<db::cases::Stored>, sqlx::Error> {
    if reference.len() > 32 {
        return Ok(None);
    }
    let case = db::cases::by_reference(&db.pool, reference).await?;
    Ok(case.filter(|c| may_handle(staff, &c.service_key)))
}

/// Deletes the closed cases whose service's retention has run out (the
/// `retention_months` of its personal-data notice, counted from the day
/// the case was closed, in the configured time zone): answers, history,
/// waiting mail, files. Each deletion is in the audit log by reference and
/// service only. Services without a notice keep their cases. Gives how
/// many cases went. Run at start-up and every hour.
pub async fn sweep_closed(
    db: &db::Db,
    forms: &std::sync::RwLock<crate::catalogue::FormStore>,
    files: &dyn crate::files::FileStore,
    timezone: &jiff::tz::TimeZone,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let services: Vec<(String, u32)> = {
        let store = forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .newest()
            .iter()
            .filter_map(|d| {
                let months = d.privacy()?.retention_months;
                Some((d.key().to_owned(), months))
            })
            .collect()
    };
    let mut deleted = 0;
    for (service, months) in services {
        let Some(cutoff) = jiff::Timestamp::from_millisecond(now)
            .ok()
            .map(|t| t.to_zoned(timezone.clone()))
            .and_then(|z| {
                z.checked_sub(jiff::Span::new().months(i64::from(months)))
                    .ok()
            })
            .map(|z| z.timestamp().as_millisecond())
        else {
            continue;
        };
        for case in db::cases::closed_before(&db.pool, &service, cutoff).await? {
            let answers = serde_json::from_str(&case.answers).unwrap_or_default();
            let events = case_events::of_case(&db.pool, case.id).await?;
            let file_ids: Vec<String> = crate::my_cases::files_of(&answers)
                .iter()
                .chain(case_events::files_sent(&events))
                .map(|f| f.id.clone())
                .collect();
            let (id, ids) = (case.id, file_ids.clone());
            let entry = db::audit::Entry {
                at: now,
                actor: "blankett".into(),
                action: "case-deleted".into(),
                subject: format!("case:{}", case.reference),
                detail: format!(
                    "service {}, kept {months} months after closing",
                    case.service_key
                ),
            };
            db.writer
                .write(move |conn| {
                    let (ids, entry) = (ids.clone(), entry.clone());
                    Box::pin(async move {
                        db::cases::delete(conn, id, &ids).await?;
                        db::audit::insert(conn, &entry).await
                    })
                })
                .await?;
            for file in file_ids {
                if let Err(e) = files.delete(&file).await {
                    tracing::warn!(file = %file, error = %e, "a deleted case's file could not be removed");
                }
            }
            deleted += 1;
        }
    }
    if deleted > 0 {
        tracing::info!(deleted, "closed cases past their retention deleted");
    }
    Ok(deleted)
}
