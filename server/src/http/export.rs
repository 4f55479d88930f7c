//! Exports for handlers: a service's cases over a date range as CSV or
//! JSON (one row per case, one column per question, each answer read
//! against the form version it was given on), and one case as JSON. Only
//! for those who handle the service; every export is in the audit log.

use crate::db;
use crate::error::internal;
use crate::handling::handled_case;
use crate::AppState;
use app::i18n::Locale;
use app::ssr::{may_handle, StaffSignedIn};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
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
fn cell(value: &SummaryValue, locale: Locale) -> String {
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

fn summary_of(state: &AppState, case: &db::cases::Stored, lang: &str) -> Vec<SummaryRow> {
    let definition = {
        let store = state.forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .by_id(case.form_version_id)
            .map(|p| p.definition.clone())
    };
    let answers: BTreeMap<String, forms::Value> =
        serde_json::from_str(&case.answers).unwrap_or_default();
    definition
        .map(|d| forms::summary(&d, &answers, lang))
        .unwrap_or_default()
}

fn exported(state: &AppState, case: &db::cases::Stored, locale: Locale) -> Exported {
    Exported {
        reference: case.reference.clone(),
        sent_at: crate::catalogue::format_time(case.submitted_at, &state.config.timezone),
        status: case.status.clone(),
        language: case.language.clone(),
        rows: summary_of(state, case, locale.tag()),
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

fn day_start(text: &str, state: &AppState, next_day: bool) -> Option<i64> {
    let date: jiff::civil::Date = text.trim().parse().ok()?;
    let date = if next_day {
        date.tomorrow().ok()?
    } else {
        date
    };
    let zoned = date.to_zoned(state.config.timezone.clone()).ok()?;
    Some(zoned.timestamp().as_millisecond())
}

fn download(body: String, content_type: &'static str, name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
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
    let from = day_start(&query.from, &state, false);
    let until = day_start(&query.to, &state, true);
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
            locale.t(&format!("case-status-{}", case.status)),
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
    let Some(staff) = parts.extensions.get::<StaffSignedIn>().cloned() else {
        return Redirect::to("/staff/signin").into_response();
    };
    let case = match handled_case(&state.db, &staff, &reference).await {
        Ok(Some(case)) => case,
        Ok(None) => return (StatusCode::NOT_FOUND, locale.t("not-found-body")).into_response(),
        Err(e) => return super::unavailable_text(locale, internal("finding a case", e)),
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
