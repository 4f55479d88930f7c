//! Exports for handlers: a service's cases over a date range as CSV or
//! JSON (one row per case, one column per question, each answer read
//! against the form version it was given on), and one case as JSON. Only
//! for those who handle the service; every export is in the audit log.

use crate::db;
use crate::error::internal;
use crate::handling::day_bound;
use crate::AppState;
use app::i18n::Locale;
use app::ssr::{may_handle, StaffSignedIn};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use forms::{SummaryRow, SummaryValue};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    service: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    format: String,
}

/// An answer as one cell: lines joined with "; ", a group's rows each as
/// "Label: value, …" joined with " | ".
pub(super) fn cell(value: &SummaryValue, locale: Locale) -> String {
    match value {
        SummaryValue::Text(t) => t.clone(),
        SummaryValue::YesNo(yes) => locale.t(if *yes { "answer-yes" } else { "answer-no" }),
        SummaryValue::Lines(lines) => lines.join("; "),
        SummaryValue::Rows(rows) => rows
            .iter()
            .map(|row| {
                let inner: Vec<String> = row
                    .rows
                    .iter()
                    .filter_map(|r| {
                        Some(format!("{}: {}", r.label, cell(r.value.as_ref()?, locale)))
                    })
                    .collect();
                format!("{}: {}", row.label, inner.join(", "))
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// A CSV cell, quoted (RFC 4180); one a spreadsheet would take for a
/// formula is prefixed with an apostrophe.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// One exported case: its reference, when it was sent, its status, and
/// its answers by question, read against its own version.
struct Exported {
    reference: String,
    sent_at: String,
    status: String,
    language: String,
    rows: Vec<SummaryRow>,
}

fn exported(state: &AppState, case: &db::cases::Stored, locale: Locale) -> Exported {
    Exported {
        reference: case.reference.clone(),
        sent_at: crate::catalogue::format_time(case.submitted_at, &state.config.timezone),
        status: case.status.clone(),
        language: case.language.clone(),
        // A case whose answers cannot be read (it never should) exports none.
        rows: crate::my_cases::read_case(&state.forms, case, locale.tag())
            .map(|r| r.summary)
            .unwrap_or_default(),
    }
}

fn case_json(case: &Exported, locale: Locale) -> serde_json::Value {
    serde_json::json!({
        "reference": case.reference,
        "sent_at": case.sent_at,
        "status": case.status,
        "language": case.language,
        "answers": case.rows.iter().map(|r| serde_json::json!({
            "field": r.field,
            "label": r.label,
            "value": r.value.as_ref().map(|v| cell(v, locale)),
        })).collect::<Vec<_>>(),
    })
}

fn download(body: String, content_type: &'static str, name: &str) -> Response {
    super::my_cases::download_as(body.into(), HeaderValue::from_static(content_type), name)
}

/// `GET /staff/export?service=&from=&to=&format=csv|json`.
pub async fn cases(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let Some(staff) = parts.extensions.get::<StaffSignedIn>().cloned() else {
        return Redirect::to("/staff/signin").into_response();
    };
    if !may_handle(&staff, &query.service) {
        return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    }
    // Both dates are needed.
    let timezone = &state.config.timezone;
    let day = |text: &str, end: bool| day_bound(text, timezone, end).ok().flatten();
    let (from, until) = (day(&query.from, false), day(&query.to, true));
    if from.is_none() || until.is_none() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            locale.t("inbox-date-error"),
        )
            .into_response();
    }
    let found = db::cases::of_service(&state.db.pool, &query.service, from, until).await;
    let found = match found {
        Ok(found) => found,
        Err(e) => return super::unavailable_text(locale, internal("exporting cases", e)),
    };
    let detail = format!("{} cases sent {} to {}", found.len(), query.from, query.to);
    let actor = format!("staff:{}", staff.staff_id);
    let subject = format!("service:{}", query.service);
    if let Err(e) =
        crate::auth::audit_strict(&state.db, &actor, "cases-exported", &subject, &detail).await
    {
        return super::unavailable_text(locale, internal("recording an export", e));
    }
    let cases: Vec<Exported> = found.iter().map(|c| exported(&state, c, locale)).collect();
    let name = format!(
        "{}-{}-{}",
        query.service,
        query.from.trim(),
        query.to.trim()
    );
    if query.format == "json" {
        let body = serde_json::Value::Array(cases.iter().map(|c| case_json(c, locale)).collect());
        return download(
            body.to_string(),
            "application/json",
            &format!("{name}.json"),
        );
    }
    // One column per question, in the order the versions ask them (the
    // newest version's labels where versions differ).
    let mut columns: Vec<(String, String)> = Vec::new();
    for case in cases.iter().rev() {
        for row in &case.rows {
            if !columns.iter().any(|(field, _)| *field == row.field) {
                columns.push((row.field.clone(), row.label.clone()));
            }
        }
    }
    let mut csv = String::from("\u{feff}");
    let header: Vec<String> = [
        locale.t("case-reference"),
        locale.t("case-sent"),
        locale.t("case-status"),
    ]
    .into_iter()
    .chain(columns.iter().map(|(_, label)| label.clone()))
    .map(|h| csv_cell(&h))
    .collect();
    csv.push_str(&header.join(","));
    csv.push_str("\r\n");
    for case in &cases {
        let answers: BTreeMap<&str, String> = case
            .rows
            .iter()
            .filter_map(|r| Some((r.field.as_str(), cell(r.value.as_ref()?, locale))))
            .collect();
        let line: Vec<String> = [
            case.reference.clone(),
            case.sent_at.clone(),
            crate::statuses::StatusModel::of(&state.forms, &query.service)
                .name(&case.status, locale),
        ]
        .into_iter()
        .chain(
            columns
                .iter()
                .map(|(field, _)| answers.get(field.as_str()).cloned().unwrap_or_default()),
        )
        .map(|c| csv_cell(&c))
        .collect();
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    download(csv, "text/csv; charset=utf-8", &format!("{name}.csv"))
}

/// `GET /staff/cases/<reference>/export.json`: one case, as JSON.
pub async fn case(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let (staff, case) =
        match super::handling::staff_and_case(&state, &parts, &reference, locale).await {
            Ok(found) => found,
            Err(answer) => return answer,
        };
    let actor = format!("staff:{}", staff.staff_id);
    let subject = format!("case:{}", case.reference);
    if let Err(e) =
        crate::auth::audit_strict(&state.db, &actor, "case-exported", &subject, "").await
    {
        return super::unavailable_text(locale, internal("recording an export", e));
    }
    let body = case_json(&exported(&state, &case, locale), locale);
    download(
        body.to_string(),
        "application/json",
        &format!("{}.json", case.reference),
    )
}

/// `GET /staff/forms/<key>/statistics/csv?from=&to=`: a service's
/// statistics by day, with the period's totals last.
pub async fn service_statistics(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(query): Query<ExportQuery>,
    request: Request,
) -> Response {
    statistics_csv(&state, Some(&key), &query, request).await
}

/// `GET /staff/statistics/csv?from=&to=`: every service the author may
/// edit, with the totals last.
pub async fn statistics(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
    request: Request,
) -> Response {
    statistics_csv(&state, None, &query, request).await
}

async fn statistics_csv(
    state: &AppState,
    key: Option<&str>,
    query: &ExportQuery,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let locale = super::locale_of(&parts);
    let Some(staff) = parts.extensions.get::<StaffSignedIn>().cloned() else {
        return Redirect::to("/staff/signin").into_response();
    };
    let not_found = || (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response();
    if !app::ssr::is_author(&staff) {
        return not_found();
    }
    let view = state
        .ports
        .authoring
        .statistics(&staff, key, &query.from, &query.to, locale)
        .await;
    let view = match view {
        Ok(Some(view)) => view,
        Ok(None) => return not_found(),
        Err(failure) => return super::unavailable_text(locale, failure),
    };
    if let Some(error) = &view.error {
        return (StatusCode::UNPROCESSABLE_ENTITY, locale.t(error)).into_response();
    }
    let header = [
        if key.is_some() {
            "statistics-day"
        } else {
            "admin-service"
        },
        "statistics-views",
        "statistics-starts",
        "statistics-saved",
        "statistics-submitted",
        "statistics-completion",
        "statistics-e-id",
        "statistics-median",
    ];
    let row = |first: &str, f: &app::model::Figures| {
        let optional = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        [
            csv_cell(first),
            f.views.to_string(),
            f.starts.to_string(),
            f.saved.to_string(),
            f.submitted.to_string(),
            optional(f.completion_percent()),
            f.e_id.to_string(),
            optional(f.median_seconds),
        ]
        .join(",")
    };
    let mut lines = vec![header
        .iter()
        .map(|k| csv_cell(&locale.t(k)))
        .collect::<Vec<_>>()
        .join(",")];
    if key.is_some() {
        lines.extend(view.days.iter().map(|(day, f)| row(day, f)));
    } else {
        lines.extend(view.services.iter().map(|(_, title, f)| row(title, f)));
    }
    lines.push(row(&locale.t("statistics-total"), &view.totals));
    let name = format!(
        "{}-{}-{}.csv",
        key.unwrap_or("statistics"),
        view.from,
        view.to
    );
    download(
        format!("\u{feff}{}\r\n", lines.join("\r\n")),
        "text/csv; charset=utf-8",
        &name,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_is_quoted_and_never_a_formula() {
        assert_eq!(super::csv_cell("Storgatan 12"), "\"Storgatan 12\"");
        assert_eq!(
            super::csv_cell("Ett \"djupt\" hål"),
            "\"Ett \"\"djupt\"\" hål\""
        );
        assert_eq!(
            super::csv_cell("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(super::csv_cell("-1"), "\"'-1\"");
    }
}
