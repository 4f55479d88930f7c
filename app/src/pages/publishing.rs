//! What residents are offered of a service and what they did with it: its
//! versions, publishing and taking down now or at a set time, an earlier
//! version offered again (`/staff/forms/<key>/versions`), and statistics
//! of one service (`/staff/forms/<key>/statistics`) or of every service an
//! author may edit (`/staff/statistics`), as tables and as charts drawn on
//! the server. Plain forms and links; nothing here needs JavaScript.

use crate::i18n::{use_locale, FluentArg, Locale};
use crate::model::{
    AccessibilityView, AdminPosted, AppError, CheckItem, CheckedView, Figures, StatisticsView,
    VersionsView,
};
use crate::pages::authoring::FORMS_PATH;
use crate::pages::not_found::LoadError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Where the summary of every service's statistics is.
pub const STATISTICS_PATH: &str = "/staff/statistics";

#[server(endpoint = "authoring_versions")]
pub async fn get_versions(key: String) -> Result<VersionsView, AppError> {
    let staff = crate::ssr::staff_who(crate::ssr::is_author)?;
    let found = crate::ssr::ports()?
        .authoring
        .versions(&staff, &key, use_locale())
        .await?;
    match found {
        Some(mut view) => {
            view.posted = crate::ssr::staff_answer().posted;
            Ok(view)
        }
        None => {
            crate::ssr::set_status(404);
            Err(AppError::NotFound)
        }
    }
}

#[server(endpoint = "authoring_statistics")]
pub async fn get_statistics(
    key: Option<String>,
    from: String,
    to: String,
) -> Result<StatisticsView, AppError> {
    let staff = crate::ssr::staff_who(crate::ssr::is_author)?;
    let found = crate::ssr::ports()?
        .authoring
        .statistics(&staff, key.as_deref(), &from, &to, use_locale())
        .await?;
    found.ok_or_else(|| {
        crate::ssr::set_status(404);
        AppError::NotFound
    })
}

#[component]
pub fn VersionsPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("key").unwrap_or_default(),
        get_versions,
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(versions) => view! { <Versions versions /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Now" or "at a date and time": the fields of a change that may be set
/// for later. The input's id is `<form>-at`.
#[component]
pub fn WhenFields(form: &'static str, posted: Option<AdminPosted>) -> impl IntoView {
    let locale = use_locale();
    let id = format!("{form}-at");
    let typed = |name: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(form, name))
            .unwrap_or_default()
    };
    let error = posted
        .as_ref()
        .filter(|p| p.form == form)
        .and_then(|p| p.errors.iter().find(|(at, _)| *at == id))
        .map(|(_, key)| locale.t(key));
    let later = typed("when") == "later";
    let group = if error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{locale.t("publishing-when")}</legend>
            <div class="choice">
                <input class="choice__input" type="radio" id=format!("{form}-now") name="when"
                    value="now" checked=!later />
                <label class="choice__label" for=format!("{form}-now")>{locale.t("publishing-now")}</label>
            </div>
            <div class="choice">
                <input class="choice__input" type="radio" id=format!("{form}-later") name="when"
                    value="later" checked=later />
                <label class="choice__label" for=format!("{form}-later")>{locale.t("publishing-later")}</label>
            </div>
            <div class=group>
                <label class="label" for=id.clone()>{locale.t("publishing-at")}</label>
                <div class="hint" id=format!("{id}-hint")>{locale.t("publishing-at-hint")}</div>
                {error.map(|message| view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {message}
                    </p>
                })}
                <input class="input input--medium" type="datetime-local" id=id.clone() name="at"
                    value=typed("at") aria-describedby=format!("{id}-hint") />
            </div>
        </fieldset>
    }
}

#[component]
fn Versions(versions: VersionsView) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", versions.key);
    let action = format!("{base}/offer");
    let heading = locale.t_args(
        "versions-title",
        &[("title", FluentArg::Str(versions.title.clone()))],
    );
    let title = if versions
        .posted
        .as_ref()
        .is_some_and(|p| !p.errors.is_empty())
    {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    let offered = versions.offered;
    let rows = versions
        .versions
        .iter()
        .map(|v| {
            let number = FluentArg::Num(i64::from(v.version));
            let is_offered = offered == Some(v.version);
            view! {
                <tr>
                    <td>{locale.t_args("authoring-version", &[("version", number.clone())])}</td>
                    <td>{v.published_on.clone()}</td>
                    <td>{v.cases}</td>
                    <td>{check_cell(locale, &base, v.version, v.check.as_ref(), versions.checks_available)}</td>
                    <td>
                        {if is_offered {
                            view! { <strong>{locale.t("versions-offered-now")}</strong> }.into_any()
                        } else {
                            view! {
                                <form method="post" action=action.clone() class="inline-form">
                                    <input type="hidden" name="action" value="republish" />
                                    <input type="hidden" name="version" value=v.version.to_string() />
                                    <button type="submit" class="button button--secondary">
                                        {locale.t_args("versions-republish", &[("version", number)])}
                                    </button>
                                </form>
                            }
                            .into_any()
                        }}
                    </td>
                </tr>
            }
            .into_any()
        })
        .collect_view();
    let scheduled = (!versions.scheduled.is_empty()).then(|| {
        view! {
            <h2>{locale.t("versions-scheduled")}</h2>
            <ul class="list">
                {versions.scheduled.iter().map(|s| {
                    let what = s.version.map_or_else(
                        || locale.t_args("versions-scheduled-down", &[("at", FluentArg::Str(s.at.clone()))]),
                        |v| locale.t_args("versions-scheduled-version", &[
                            ("version", FluentArg::Num(i64::from(v))),
                            ("at", FluentArg::Str(s.at.clone())),
                        ]),
                    );
                    view! {
                        <li>
                            {what.clone()}" "
                            <form method="post" action=action.clone() class="inline-form">
                                <input type="hidden" name="action" value="cancel" />
                                <input type="hidden" name="id" value=s.id.to_string() />
                                <button type="submit" class="button button--secondary"
                                    aria-label=locale.t_args("versions-cancel-label", &[("what", FluentArg::Str(what))])>
                                    {locale.t("versions-cancel")}
                                </button>
                            </form>
                        </li>
                    }
                    .into_any()
                }).collect_view()}
            </ul>
        }
        .into_any()
    });
    view! {
        {crate::pages::admin::summary(versions.posted.as_ref(), locale).0}
        <Title text=title />
        <a class="back-link" href=base.clone()>{locale.t("builder-back")}</a>
        <h1>{heading}</h1>
        <p>{offered.map_or_else(
            || locale.t("versions-not-offered"),
            |v| locale.t_args("authoring-live-version", &[("version", FluentArg::Num(i64::from(v)))]),
        )}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{locale.t("versions-caption")}</caption>
                <thead><tr>
                    <th scope="col">{locale.t("versions-version")}</th>
                    <th scope="col">{locale.t("versions-published")}</th>
                    <th scope="col">{locale.t("versions-cases")}</th>
                    <th scope="col">{locale.t("versions-accessibility")}</th>
                    <th scope="col">{locale.t("versions-offer")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(!versions.checks_available).then(|| view! {
            <p>{locale.t("versions-check-unavailable")}</p>
        })}
        {scheduled}
        {offered.map(|_| view! {
            <h2>{locale.t("versions-unpublish-heading")}</h2>
            <p>{locale.t("versions-unpublish-hint")}</p>
            <form method="post" action=action.clone() novalidate=true>
                <input type="hidden" name="action" value="unpublish" />
                <WhenFields form="unpublish" posted=versions.posted.clone() />
                <button type="submit" class="button">{locale.t("versions-unpublish")}</button>
            </form>
        })}
        <p><a href=format!("{base}/statistics")>{locale.t("statistics-open")}</a></p>
    }
}

/// A version's accessibility in the versions table: its newest check,
/// linked to the report, and the button that runs one.
fn check_cell(
    locale: Locale,
    base: &str,
    version: u32,
    check: Option<&CheckItem>,
    available: bool,
) -> impl IntoView {
    let number = FluentArg::Num(i64::from(version));
    let report = format!("{base}/versions/{version}/accessibility");
    let state = check.map_or_else(
        || locale.t("versions-check-none"),
        |c| check_state(locale, c),
    );
    let running = check.is_some_and(|c| c.state == "queued" || c.state == "running");
    view! {
        <p>
            {state}
            {check.map(|_| view! {
                " "
                <a href=report aria-label=locale.t_args("accessibility-open-label", &[("version", number.clone())])>
                    {locale.t("accessibility-open")}
                </a>
            })}
        </p>
        {(available && !running).then(|| view! {
            <form method="post" action=format!("{base}/versions/{version}/check") class="inline-form">
                <button type="submit" class="button button--secondary">
                    {locale.t_args("versions-check", &[("version", number)])}
                </button>
            </form>
        })}
    }
}

/// A check's state in a word or two.
fn check_state(locale: Locale, check: &CheckItem) -> String {
    match check.state.as_str() {
        "queued" => locale.t("accessibility-state-queued"),
        "running" => locale.t("accessibility-state-running"),
        "passed" => locale.t("accessibility-state-passed"),
        "failed" => locale.t_args(
            "accessibility-state-failed",
            &[("violations", FluentArg::Num(check.violations))],
        ),
        _ => locale.t("accessibility-state-error"),
    }
}

#[server(endpoint = "authoring_accessibility")]
pub async fn get_accessibility(
    key: String,
    version: String,
) -> Result<AccessibilityView, AppError> {
    let staff = crate::ssr::staff_who(crate::ssr::is_author)?;
    let found = match version.parse::<u32>() {
        Ok(version) => {
            crate::ssr::ports()?
                .authoring
                .accessibility(&staff, &key, version, use_locale())
                .await?
        }
        Err(_) => None,
    };
    found.ok_or_else(|| {
        crate::ssr::set_status(404);
        AppError::NotFound
    })
}

/// `/staff/forms/<key>/versions/<version>/accessibility`: the newest
/// accessibility check of a version and its report.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("key").unwrap_or_default(),
                p.get("version").unwrap_or_default(),
            )
        },
        |(key, version)| get_accessibility(key, version),
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(report) => view! { <AccessibilityReport report /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccessibilityReport(report: AccessibilityView) -> impl IntoView {
    let locale = use_locale();
    let base = format!("{FORMS_PATH}/{}", report.key);
    let here = format!("{base}/versions/{}/accessibility", report.version);
    let number = FluentArg::Num(i64::from(report.version));
    let heading = locale.t_args(
        "accessibility-title",
        &[
            ("title", FluentArg::Str(report.title.clone())),
            ("version", number.clone()),
        ],
    );
    let check = report.check.clone();
    let running = check
        .as_ref()
        .is_some_and(|c| c.state == "queued" || c.state == "running");
    let finished = |c: &CheckItem| FluentArg::Str(c.finished_on.clone().unwrap_or_default());
    let outcome = match &check {
        None => view! { <p>{locale.t("accessibility-not-checked")}</p> }.into_any(),
        Some(c) if running => {
            let key = if c.state == "queued" { "accessibility-queued" } else { "accessibility-running" };
            view! {
                <p role="status">{locale.t_args(key, &[("at", FluentArg::Str(c.requested_on.clone()))])}</p>
                <p><a href=here.clone()>{locale.t("accessibility-reload")}</a></p>
            }
            .into_any()
        }
        Some(c) if c.state == "passed" => view! {
            <div class="panel panel--notice">
                <p>{locale.t_args("accessibility-passed", &[("views", FluentArg::Num(c.views)), ("at", finished(c))])}</p>
            </div>
        }
        .into_any(),
        Some(c) if c.state == "failed" => view! {
            <div class="panel panel--notice">
                <p>{locale.t_args("accessibility-failed", &[
                    ("violations", FluentArg::Num(c.violations)),
                    ("views", FluentArg::Num(c.views)),
                    ("at", finished(c)),
                ])}</p>
            </div>
        }
        .into_any(),
        Some(c) => {
            let said = match &c.reference {
                Some(reference) => locale.t_args(
                    "accessibility-error-reference",
                    &[("reference", FluentArg::Str(reference.clone()))],
                ),
                None => locale.t_args("accessibility-error", &[("at", finished(c))]),
            };
            view! { <div class="panel panel--notice"><p>{said}</p></div> }.into_any()
        }
    };
    let run = (report.available && !running).then(|| {
        let label = if check.is_some() {
            locale.t("accessibility-run-again")
        } else {
            locale.t_args("accessibility-run", &[("version", number.clone())])
        };
        view! {
            <form method="post" action=format!("{base}/versions/{}/check", report.version)>
                <button type="submit" class="button">{label}</button>
            </form>
        }
    });
    let how = move |v: &CheckedView| {
        if v.errors {
            locale.t("accessibility-with-errors")
        } else if v.javascript {
            locale.t("accessibility-first-shown")
        } else {
            String::new()
        }
    };
    let page_of = move |v: &CheckedView| {
        v.page
            .clone()
            .unwrap_or_else(|| locale.t("accessibility-start-page"))
    };
    let result = move |v: &CheckedView| match &v.failure {
        Some(failure) => failure.clone(),
        None if v.violations.is_empty() => locale.t("accessibility-state-passed"),
        None => locale.t_args(
            "accessibility-state-failed",
            &[(
                "violations",
                FluentArg::Num(i64::try_from(v.violations.len()).unwrap_or(i64::MAX)),
            )],
        ),
    };
    let rows = report
        .views
        .iter()
        .map(|v| {
            view! {
                <tr>
                    <td>{page_of(v)}</td>
                    <td>{v.language.clone()}</td>
                    <td>{how(v)}</td>
                    <td>{result(v)}</td>
                </tr>
            }
        })
        .collect_view();
    let found = report
        .views
        .iter()
        .filter(|v| !v.violations.is_empty())
        .map(|v| {
            let title = locale.t_args(
                "accessibility-view-heading",
                &[
                    ("page", FluentArg::Str(page_of(v))),
                    ("language", FluentArg::Str(v.language.clone())),
                    ("how", FluentArg::Str(how(v))),
                ],
            );
            view! {
                <h2>{title}</h2>
                {v.violations.iter().map(|x| view! {
                    <h3><code>{x.rule.clone()}</code></h3>
                    // axe-core describes its rules in English.
                    <p lang="en">{x.help.clone()}</p>
                    <p>{locale.t_args("accessibility-impact", &[("impact", FluentArg::Str(x.impact.clone()))])}</p>
                    // Only a link to a page on the web, whatever the program wrote.
                    {x.help_url.starts_with("https://").then(|| view! {
                        <p><a href=x.help_url.clone()>
                            {locale.t_args("accessibility-help-link", &[("rule", FluentArg::Str(x.rule.clone()))])}
                        </a></p>
                    })}
                    <p>{locale.t("accessibility-elements")}</p>
                    <ul class="list">
                        {x.targets.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}
                    </ul>
                }).collect_view()}
            }
        })
        .collect_view();
    let has_views = !report.views.is_empty();
    view! {
        <Title text=heading.clone() />
        <a class="back-link" href=format!("{base}/versions")>{locale.t("accessibility-back")}</a>
        <h1>{heading}</h1>
        <p>{locale.t("accessibility-intro")}</p>
        {(!report.available).then(|| view! { <p>{locale.t("versions-check-unavailable")}</p> })}
        {outcome}
        {run}
        {has_views.then(|| view! {
            <p>{locale.t_args("accessibility-axe", &[("version", FluentArg::Str(report.axe.clone()))])}</p>
            <div class="table-wrap">
                <table class="table">
                    <caption>{locale.t("accessibility-views")}</caption>
                    <thead><tr>
                        <th scope="col">{locale.t("accessibility-page")}</th>
                        <th scope="col">{locale.t("accessibility-language")}</th>
                        <th scope="col">{locale.t("accessibility-how")}</th>
                        <th scope="col">{locale.t("accessibility-result")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        {found}
    }
}

#[component]
pub fn ServiceStatisticsPage() -> impl IntoView {
    let params = use_params_map();
    statistics_page(move || params.read().get("key"))
}

#[component]
pub fn StatisticsSummaryPage() -> impl IntoView {
    statistics_page(|| None)
}

fn statistics_page(key: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                key(),
                q.get("from").unwrap_or_default(),
                q.get("to").unwrap_or_default(),
            )
        },
        |(key, from, to)| get_statistics(key, from, to),
    );
    view! {
        <Suspense fallback=move || view! { <p>{locale.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(statistics) => view! { <Statistics statistics /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A time in seconds as people read it: "2 min 15 s".
fn duration(locale: Locale, seconds: Option<i64>) -> String {
    match seconds {
        None => "–".to_owned(),
        Some(s) => locale.t_args(
            "statistics-duration",
            &[
                ("minutes", FluentArg::Num(s / 60)),
                ("seconds", FluentArg::Num(s % 60)),
            ],
        ),
    }
}

fn percent(n: Option<i64>) -> String {
    n.map_or_else(|| "–".to_owned(), |n| format!("{n} %"))
}

/// A chart of horizontal bars, drawn as SVG on the server. Its name tells
/// every bar's figure, so it is read without seeing it; the table beside it
/// holds the same figures.
#[component]
fn BarChart(label: String, bars: Vec<(String, i64)>) -> impl IntoView {
    const WIDTH: i64 = 640;
    const LABEL: i64 = 200;
    const ROW: i64 = 28;
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = ROW * i64::try_from(bars.len()).unwrap_or(0) + 8;
    let spoken = format!(
        "{label}: {}",
        bars.iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, (name, n))| {
            let y = ROW * i64::try_from(i).unwrap_or(0) + 4;
            let length = (WIDTH - LABEL - 60) * n / max;
            view! {
                <text x="0" y=(y + 18).to_string() class="chart__label">{name}</text>
                <rect x=LABEL.to_string() y=(y + 4).to_string() width=length.to_string()
                    height=(ROW - 10).to_string() class="chart__bar" />
                <text x=(LABEL + length + 6).to_string() y=(y + 18).to_string() class="chart__value">{n}</text>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption class="chart__caption">{label}</figcaption>
            <svg role="img" aria-label=spoken viewBox=format!("0 0 {WIDTH} {height}")
                width="100%" preserveAspectRatio="xMinYMin meet">
                {drawn}
            </svg>
        </figure>
    }
}

#[component]
fn Statistics(statistics: StatisticsView) -> impl IntoView {
    let locale = use_locale();
    let t = |key: &str| locale.t(key);
    let (here, csv, back) = match &statistics.key {
        Some(key) => (
            format!("{FORMS_PATH}/{key}/statistics"),
            format!("{FORMS_PATH}/{key}/statistics/csv"),
            format!("{FORMS_PATH}/{key}"),
        ),
        None => (
            STATISTICS_PATH.to_owned(),
            format!("{STATISTICS_PATH}/csv"),
            FORMS_PATH.to_owned(),
        ),
    };
    let csv = format!("{csv}?from={}&to={}", statistics.from, statistics.to);
    let heading = locale.t_args(
        "statistics-title",
        &[("title", FluentArg::Str(statistics.title.clone()))],
    );
    let title = if statistics.error.is_some() {
        format!("{} {heading}", locale.t("error-title-prefix"))
    } else {
        heading.clone()
    };
    // A period that does not read: said at the top and at the field.
    let error = statistics.error.clone().map(|key| AdminPosted {
        form: "period".into(),
        values: Vec::new(),
        errors: vec![("from".into(), key)],
    });
    let totals = statistics.totals.clone();
    let summary = view! {
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-views")}</dt><dd class="summary-list__value">{totals.views}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-starts")}</dt><dd class="summary-list__value">{totals.starts}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-saved")}</dt><dd class="summary-list__value">{totals.saved}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-submitted")}</dt><dd class="summary-list__value">{totals.submitted}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-completion")}</dt><dd class="summary-list__value">{percent(totals.completion_percent())}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-median")}</dt><dd class="summary-list__value">{duration(locale, totals.median_seconds)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">{t("statistics-e-id-share")}</dt><dd class="summary-list__value">{percent(totals.e_id_percent())}</dd></div>
        </dl>
    }
    .into_any();
    let funnel = view! {
        <BarChart label=t("statistics-funnel") bars=vec![
            (t("statistics-views"), totals.views),
            (t("statistics-starts"), totals.starts),
            (t("statistics-submitted"), totals.submitted),
        ] />
    }
    .into_any();
    let figures_row = move |first: AnyView, f: &Figures| {
        view! {
            <tr>
                {first}
                <td>{f.views}</td>
                <td>{f.starts}</td>
                <td>{f.saved}</td>
                <td>{f.submitted}</td>
                <td>{percent(f.completion_percent())}</td>
                <td>{duration(locale, f.median_seconds)}</td>
            </tr>
        }
        .into_any()
    };
    let figures_head = move |first: &str| {
        view! {
            <thead><tr>
                <th scope="col">{locale.t(first)}</th>
                <th scope="col">{locale.t("statistics-views")}</th>
                <th scope="col">{locale.t("statistics-starts")}</th>
                <th scope="col">{locale.t("statistics-saved")}</th>
                <th scope="col">{locale.t("statistics-submitted")}</th>
                <th scope="col">{locale.t("statistics-completion")}</th>
                <th scope="col">{locale.t("statistics-median")}</th>
            </tr></thead>
        }
        .into_any()
    };
    let detail = if statistics.key.is_some() {
        let pages = statistics.pages.clone();
        let left_chart = (!pages.is_empty()).then(|| {
            view! {
                <BarChart label=t("statistics-left-chart")
                    bars=pages.iter().map(|p| (p.title.clone(), p.left + p.open)).collect() />
            }
        });
        let days_chart = view! {
            <BarChart label=t("statistics-days-chart")
                bars=statistics.days.iter().rev().take(31).rev().map(|(d, f)| (d.clone(), f.submitted)).collect() />
        };
        view! {
            <h2>{t("statistics-left-heading")}</h2>
            <p>{t("statistics-left-hint")}</p>
            {left_chart}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{t("statistics-left-heading")}</caption>
                    <thead><tr>
                        <th scope="col">{t("statistics-page")}</th>
                        <th scope="col">{t("statistics-left")}</th>
                        <th scope="col">{t("statistics-open-now")}</th>
                    </tr></thead>
                    <tbody>
                        {pages.into_iter().map(|p| view! {
                            <tr><th scope="row">{p.title}</th><td>{p.left}</td><td>{p.open}</td></tr>
                        }.into_any()).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>{t("statistics-days-heading")}</h2>
            {days_chart}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{t("statistics-days-heading")}</caption>
                    {figures_head("statistics-day")}
                    <tbody>
                        {statistics.days.iter().map(|(day, f)| {
                            figures_row(view! { <th scope="row">{day.clone()}</th> }.into_any(), f)
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    } else {
        let chart = view! {
            <BarChart label=t("statistics-services-chart")
                bars=statistics.services.iter().map(|(_, title, f)| (title.clone(), f.submitted)).collect() />
        };
        view! {
            <h2>{t("statistics-services-heading")}</h2>
            {chart}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{t("statistics-services-heading")}</caption>
                    {figures_head("admin-service")}
                    <tbody>
                        {statistics.services.iter().map(|(key, title, f)| {
                            let link = view! {
                                <th scope="row"><a href=format!("{FORMS_PATH}/{key}/statistics")>{title.clone()}</a></th>
                            }.into_any();
                            figures_row(link, f)
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let period = view! {
        <form method="get" action=here novalidate=true>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{t("statistics-period")}</legend>
                {statistics.error.clone().map(|key| view! {
                    <p class="error-message" id="from-error">
                        <span class="visually-hidden">{locale.t("error-prefix")}</span>
                        {locale.t(&key)}
                    </p>
                })}
                <div class="filter">
                    <div class="filter__item">
                        <label class="label" for="from">{t("statistics-from")}</label>
                        <input class="input" type="date" id="from" name="from" value=statistics.from.clone() />
                    </div>
                    <div class="filter__item">
                        <label class="label" for="to">{t("statistics-to")}</label>
                        <input class="input" type="date" id="to" name="to" value=statistics.to.clone() />
                    </div>
                    <div class="filter__buttons">
                        <button type="submit" class="button button--secondary">{t("statistics-show")}</button>
                    </div>
                </div>
            </fieldset>
        </form>
    }
    .into_any();
    view! {
        {crate::pages::admin::summary(error.as_ref(), locale).0}
        <Title text=title />
        <a class="back-link" href=back>{t("builder-back")}</a>
        <h1>{heading}</h1>
        {period}
        <p>{locale.t_args("statistics-showing", &[
            ("from", FluentArg::Str(statistics.from.clone())),
            ("to", FluentArg::Str(statistics.to.clone())),
        ])}</p>
        {summary}
        {funnel}
        {detail}
        <p><a href=csv download=true>{t("statistics-csv")}</a></p>
        <p class="hint">{t("statistics-privacy")}</p>
    }
}
