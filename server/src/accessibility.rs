//! The accessibility check of a published version, run from the builder:
//! axe-core over every page of the version, in every language residents
//! can read it in, with the report kept with the version (migration 0018).
//!
//! The check itself is a separate program (`BLANKETT_ACCESSIBILITY_COMMAND`,
//! for instance `node end2end/accessibility-check.mjs`: Playwright driving
//! Chromium, with axe-core). The server starts it, one run at a time, and
//! writes the plan to its standard input: the server's own loopback
//! address, a pass (a cookie) and the views to check. The program opens
//! each view the way residents do, at the residents' own addresses, and
//! writes its report as JSON to standard output. The pass lets it see the
//! checked version's pages (even a version not offered now) without a
//! draft, every page of the form shown, while the run lasts and for that
//! service only; nothing it sees is counted in the statistics.

use crate::catalogue::{FormStore, Published};
use crate::db::{self, Db};
use app::model::{AccessibilityView, CheckItem, CheckedView, ViolationItem};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

/// The cookie that carries a run's pass.
pub const COOKIE: &str = "blankett-check";
/// A run that takes longer is stopped and said to have failed.
const TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// The most of a report that is read.
const MAX_REPORT: usize = 8 << 20;

/// The runs: the command, whose turn it is, and the passes of the run
/// under way.
pub struct Checker {
    command: Option<String>,
    /// `http://127.0.0.1:<port>`: where the check finds this server, set
    /// once it listens.
    base: OnceLock<String>,
    passes: Mutex<HashMap<String, Pass>>,
    turn: tokio::sync::Mutex<()>,
}

struct Pass {
    key: String,
    form: Published,
    until: Instant,
}

impl Checker {
    pub fn new(command: Option<String>) -> Self {
        Checker {
            command: command.filter(|c| !c.trim().is_empty()),
            base: OnceLock::new(),
            passes: Mutex::default(),
            turn: tokio::sync::Mutex::new(()),
        }
    }

    /// Whether checks can be run here.
    pub fn available(&self) -> bool {
        self.command.is_some()
    }

    /// The server listens at `address`: the check reaches it over the
    /// loopback interface.
    pub fn listening_at(&self, address: SocketAddr) {
        let host = match address {
            SocketAddr::V4(a) if a.ip().is_unspecified() => "127.0.0.1".to_owned(),
            SocketAddr::V6(a) if a.ip().is_unspecified() => "[::1]".to_owned(),
            SocketAddr::V4(a) => a.ip().to_string(),
            SocketAddr::V6(a) => format!("[{}]", a.ip()),
        };
        let _ = self.base.set(format!("http://{host}:{}", address.port()));
    }

    /// The version of service `key` a request may see as a check's: the
    /// one its pass (cookie) opens, while the run lasts.
    pub fn pass(&self, key: &str, request: &axum::http::HeaderMap) -> Option<Published> {
        let token = crate::drafts::cookie_in(request, COOKIE)?;
        let passes = self.passes.lock().ok()?;
        passes
            .get(&token)
            .filter(|p| p.key == key && p.until > Instant::now())
            .map(|p| p.form.clone())
    }

    fn open(&self, token: &str, form: &Published) {
        if let Ok(mut passes) = self.passes.lock() {
            passes.insert(
                token.to_owned(),
                Pass {
                    key: form.definition.key().to_owned(),
                    form: form.clone(),
                    until: Instant::now() + TIMEOUT,
                },
            );
        }
    }

    fn close(&self, token: &str) {
        if let Ok(mut passes) = self.passes.lock() {
            passes.remove(token);
        }
    }
}

/// One view to check: a page of the form (or its start page, `page`
/// `None`) in a language, as first shown or with every error of an empty
/// answer, with or without JavaScript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The path, from the server's root.
    pub address: String,
    pub language: String,
    pub page: Option<String>,
    pub errors: bool,
    pub javascript: bool,
}

/// What the check program is given.
#[derive(Serialize)]
struct Plan<'a> {
    base: &'a str,
    cookie: &'a str,
    token: &'a str,
    views: &'a [View],
}

/// What the check program answers, and what is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The axe-core version that checked.
    pub axe: String,
    pub views: Vec<Checked>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    #[serde(flatten)]
    pub view: View,
    /// The HTTP status the view was answered with.
    #[serde(default)]
    pub status: u16,
    #[serde(default)]
    pub violations: Vec<Violation>,
    /// Why the view could not be checked.
    #[serde(default)]
    pub failure: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// axe-core's rule.
    pub rule: String,
    #[serde(default)]
    pub impact: String,
    /// axe-core's description of the rule (in English).
    pub help: String,
    #[serde(default)]
    pub help_url: String,
    /// The elements that break it, as CSS selectors.
    #[serde(default)]
    pub targets: Vec<String>,
}

/// The views of a version: in each language residents can read it in,
/// the start page, and each page as first shown (with JavaScript) and
/// with the errors of an empty answer (without JavaScript, as the server
/// draws a page after a post with errors).
pub fn views(definition: &forms::FormDefinition) -> Vec<View> {
    let key = definition.key();
    let mut views = Vec::new();
    for language in definition.languages() {
        if app::i18n::Locale::from_tag(language).is_none() {
            continue;
        }
        let view = |address: String, page: Option<&str>, errors: bool, javascript: bool| View {
            address,
            language: language.clone(),
            page: page.map(str::to_owned),
            errors,
            javascript,
        };
        views.push(view(format!("/services/{key}"), None, false, true));
        for page in definition.pages() {
            let address = format!("/services/{key}/form/{}", page.key());
            views.push(view(address.clone(), Some(page.key()), false, true));
            views.push(view(
                format!("{address}?errors=1"),
                Some(page.key()),
                true,
                false,
            ));
        }
    }
    views
}

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("no accessibility check is configured")]
    NotAvailable,
    #[error("no such version")]
    NoSuchVersion,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Asks for a check of version `version` of `key` by staff member
/// `staff_id`; it runs in the background, after any run under way. Gives
/// the run's id.
pub async fn request(
    checker: &Arc<Checker>,
    db: &Db,
    forms: &RwLock<FormStore>,
    key: &str,
    version: u32,
    staff_id: i64,
) -> Result<i64, RequestError> {
    let Some(command) = checker.command.clone() else {
        return Err(RequestError::NotAvailable);
    };
    let form = forms
        .read()
        .ok()
        .and_then(|s| s.get(key, Some(version)).cloned())
        .ok_or(RequestError::NoSuchVersion)?;
    let now = db::now_millis();
    let k = key.to_owned();
    let id = db
        .writer
        .write(move |conn| {
            let k = k.clone();
            Box::pin(async move {
                let id =
                    db::accessibility::insert(conn, &k, i64::from(version), staff_id, now).await?;
                let entry = db::audit::Entry {
                    at: now,
                    actor: format!("staff:{staff_id}"),
                    action: "form-accessibility-checked".into(),
                    subject: format!("service:{k}"),
                    detail: format!("version {version}"),
                };
                db::audit::insert(conn, &entry).await?;
                Ok(id)
            })
        })
        .await?;
    tokio::spawn(run(checker.clone(), db.clone(), id, form, command));
    Ok(id)
}

/// Runs left queued or running by a server that stopped cannot finish:
/// at start-up they are marked as errors.
pub async fn abandon_unfinished(db: &Db) -> Result<u64, sqlx::Error> {
    let now = db::now_millis();
    // Another server may be running one now: only runs older than the
    // longest a run may take (and its wait) are given up.
    let before = now - i64::try_from(TIMEOUT.as_millis() * 3).unwrap_or(i64::MAX);
    db.writer
        .write(move |conn| {
            Box::pin(async move { db::accessibility::abandon(conn, before, now).await })
        })
        .await
}

async fn run(checker: Arc<Checker>, db: Db, id: i64, form: Published, command: String) {
    let _turn = checker.turn.lock().await;
    let started = db
        .writer
        .write(move |conn| Box::pin(async move { db::accessibility::start(conn, id).await }))
        .await;
    if let Err(e) = started {
        crate::error::internal("starting an accessibility check", e);
    }
    let token = crate::secret::token();
    checker.open(&token, &form);
    let views = views(&form.definition);
    let base = checker.base.get().cloned().unwrap_or_default();
    let plan = Plan {
        base: &base,
        cookie: COOKIE,
        token: &token,
        views: &views,
    };
    let outcome = match serde_json::to_vec(&plan) {
        Ok(plan) => execute(&command, plan).await,
        Err(e) => Err(e.to_string()),
    };
    checker.close(&token);
    let outcome = outcome.and_then(|report| verified(report, &views));
    let now = db::now_millis();
    let (state, report, reference) = match outcome {
        Ok(report) => (outcome_state(&report), Some(report), None),
        Err(cause) => {
            let failure = crate::error::internal("running an accessibility check", cause);
            ("error", None, Some(failure.reference))
        }
    };
    let counts = report.as_ref().map_or((0, 0), |r| {
        let views = i64::try_from(r.views.len()).unwrap_or(i64::MAX);
        (views, violations(r))
    });
    let text = report.and_then(|r| serde_json::to_string(&r).ok());
    let finished = db
        .writer
        .write(move |conn| {
            let (text, reference) = (text.clone(), reference.clone());
            Box::pin(async move {
                let finished = db::accessibility::Finished {
                    state,
                    at: now,
                    views: counts.0,
                    violations: counts.1,
                    reference: reference.as_deref(),
                    report: text.as_deref(),
                };
                db::accessibility::finish(conn, id, &finished).await
            })
        })
        .await;
    if let Err(e) = finished {
        crate::error::internal("storing an accessibility check", e);
    }
}

/// Every violation found: each rule broken on each view counts once.
pub fn violations(report: &Report) -> i64 {
    let n: usize = report.views.iter().map(|v| v.violations.len()).sum();
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `passed`, `failed` (violations found) or `error` (a view could not be
/// checked).
fn outcome_state(report: &Report) -> &'static str {
    if report.views.iter().any(|v| v.failure.is_some()) {
        "error"
    } else if violations(report) > 0 {
        "failed"
    } else {
        "passed"
    }
}

/// The report, when it answers the plan: every view, in order, each
/// either checked on a page that was there or said to have failed.
fn verified(mut report: Report, views: &[View]) -> Result<Report, String> {
    if report.views.len() != views.len()
        || report.views.iter().zip(views).any(|(c, v)| c.view != *v)
    {
        return Err("the report does not answer the plan's views".into());
    }
    for checked in &mut report.views {
        if checked.failure.is_none() && checked.status != 200 {
            checked.failure = Some(format!("answered with HTTP status {}", checked.status));
        }
    }
    Ok(report)
}

/// Runs `command` with `plan` on its standard input, and reads its report.
async fn execute(command: &str, plan: Vec<u8>) -> Result<Report, String> {
    use std::process::Stdio;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot start `{command}`: {e}"))?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err("the check's pipes were not opened".into());
    };
    let work = async {
        let write = async {
            let written = stdin.write_all(&plan).await;
            drop(stdin);
            written
        };
        let mut out = Vec::new();
        let mut err = Vec::new();
        let read_out = async {
            stdout
                .take(u64::try_from(MAX_REPORT).unwrap_or(u64::MAX))
                .read_to_end(&mut out)
                .await
        };
        let read_err = async { stderr.take(64 << 10).read_to_end(&mut err).await };
        let (written, read, _) = tokio::join!(write, read_out, read_err);
        let status = child.wait().await;
        (written, read, status, out, err)
    };
    let (written, read, status, out, err) = tokio::time::timeout(TIMEOUT, work)
        .await
        .map_err(|_| format!("the check took longer than {} s", TIMEOUT.as_secs()))?;
    let said = String::from_utf8_lossy(&err);
    let said = said.trim();
    written.map_err(|e| format!("cannot give the check its plan: {e}; it said: {said}"))?;
    read.map_err(|e| format!("cannot read the check's report: {e}"))?;
    let status = status.map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the check ended with {status}; it said: {said}"));
    }
    serde_json::from_slice(&out).map_err(|e| format!("the check's report does not read: {e}"))
}

/// A run as the versions page and the report show it.
pub fn item(row: &db::accessibility::CheckRow, timezone: &jiff::tz::TimeZone) -> CheckItem {
    CheckItem {
        state: row.state.clone(),
        requested_on: crate::catalogue::format_time(row.requested_at, timezone),
        finished_on: row
            .finished_at
            .map(|at| crate::catalogue::format_time(at, timezone)),
        views: row.views,
        violations: row.violations,
        reference: row.reference.clone(),
    }
}

/// The newest run of version `version` of `key` and its report, as shown
/// to an author in `locale`; `None` when there is no such version.
pub async fn shown(
    checker: &Checker,
    db: &Db,
    forms: &RwLock<FormStore>,
    key: &str,
    version: u32,
    timezone: &jiff::tz::TimeZone,
    locale: app::i18n::Locale,
) -> Result<Option<AccessibilityView>, sqlx::Error> {
    let Some(definition) = forms
        .read()
        .ok()
        .and_then(|s| s.get(key, Some(version)).map(|p| p.definition.clone()))
    else {
        return Ok(None);
    };
    let row = db::accessibility::newest(&db.pool, key, i64::from(version)).await?;
    let report: Option<Report> = row
        .as_ref()
        .and_then(|r| r.report.as_deref())
        .and_then(|text| serde_json::from_str(text).ok());
    let report = report.unwrap_or(Report {
        axe: String::new(),
        views: Vec::new(),
    });
    let lang = locale.tag();
    let page_title = |page: &str| {
        definition
            .pages()
            .find(|p| p.key() == page)
            .map_or_else(|| page.to_owned(), |p| p.title(lang).to_owned())
    };
    let views = report
        .views
        .into_iter()
        .map(|c| CheckedView {
            language: app::i18n::Locale::from_tag(&c.view.language)
                .map_or_else(|| c.view.language.clone(), |l| l.native_name().to_owned()),
            page: c.view.page.as_deref().map(page_title),
            address: c.view.address,
            errors: c.view.errors,
            javascript: c.view.javascript,
            failure: c.failure,
            violations: c
                .violations
                .into_iter()
                .map(|v| ViolationItem {
                    rule: v.rule,
                    impact: v.impact,
                    help: v.help,
                    help_url: v.help_url,
                    targets: v.targets,
                })
                .collect(),
        })
        .collect();
    Ok(Some(AccessibilityView {
        key: key.to_owned(),
        title: definition.title(lang).to_owned(),
        version,
        available: checker.available(),
        check: row.as_ref().map(|r| item(r, timezone)),
        axe: report.axe,
        views,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(address: &str) -> View {
        View {
            address: address.to_owned(),
            language: "sv".into(),
            page: None,
            errors: false,
            javascript: true,
        }
    }

    fn checked(address: &str, status: u16, rules: &[&str]) -> Checked {
        Checked {
            view: view(address),
            status,
            violations: rules
                .iter()
                .map(|r| Violation {
                    rule: (*r).to_owned(),
                    impact: "serious".into(),
                    help: String::new(),
                    help_url: String::new(),
                    targets: vec!["#x".into()],
                })
                .collect(),
            failure: None,
        }
    }

    #[test]
    fn a_report_must_answer_every_view_of_the_plan_in_order() {
        let plan = [view("/a"), view("/b")];
        let report = |views| Report {
            axe: "4".into(),
            views,
        };
        assert!(verified(report(vec![checked("/a", 200, &[])]), &plan).is_err());
        assert!(verified(
            report(vec![checked("/b", 200, &[]), checked("/a", 200, &[])]),
            &plan
        )
        .is_err());
        let fine = verified(
            report(vec![checked("/a", 200, &[]), checked("/b", 200, &[])]),
            &plan,
        );
        assert_eq!(fine.as_ref().map(outcome_state), Ok("passed"));
        let found = verified(
            report(vec![
                checked("/a", 200, &["label", "region"]),
                checked("/b", 200, &["label"]),
            ]),
            &plan,
        );
        assert_eq!(found.as_ref().map(violations), Ok(3));
        assert_eq!(found.as_ref().map(outcome_state), Ok("failed"));
        // A page that was not there is not a page without violations.
        let missing = verified(
            report(vec![checked("/a", 200, &[]), checked("/b", 404, &[])]),
            &plan,
        );
        assert_eq!(missing.as_ref().map(outcome_state), Ok("error"));
    }

    #[test]
    fn the_views_cover_every_page_and_language_residents_can_read() {
        let spec: forms::FormSpec = serde_json::from_value(serde_json::json!({
            "key": "t", "version": 1, "languages": ["sv", "en", "de"],
            "title": {"sv": "T", "en": "T", "de": "T"},
            "description": {"sv": "T", "en": "T", "de": "T"},
            "pages": [
                {"key": "one", "title": {"sv": "1", "en": "1", "de": "1"}, "fields": [
                    {"key": "a", "label": {"sv": "A", "en": "A", "de": "A"}, "type": "short_text"}
                ]},
                {"key": "two", "title": {"sv": "2", "en": "2", "de": "2"}, "fields": [
                    {"key": "b", "label": {"sv": "B", "en": "B", "de": "B"}, "type": "short_text"}
                ]}
            ]
        }))
        .expect("a spec");
        let definition = forms::compile(spec).expect("it compiles");
        let views = views(&definition);
        let addresses: Vec<(&str, &str, bool)> = views
            .iter()
            .map(|v| (v.language.as_str(), v.address.as_str(), v.javascript))
            .collect();
        // German is not a language of Blankett's pages: residents cannot
        // read the form in it, so it is not checked.
        assert_eq!(
            addresses,
            [
                ("sv", "/services/t", true),
                ("sv", "/services/t/form/one", true),
                ("sv", "/services/t/form/one?errors=1", false),
                ("sv", "/services/t/form/two", true),
                ("sv", "/services/t/form/two?errors=1", false),
                ("en", "/services/t", true),
                ("en", "/services/t/form/one", true),
                ("en", "/services/t/form/one?errors=1", false),
                ("en", "/services/t/form/two", true),
                ("en", "/services/t/form/two?errors=1", false),
            ]
        );
    }
}
