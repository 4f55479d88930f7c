//! How long one evaluation takes: a 200-field form over 20 pages with 50
//! conditions, every field answered, and then the same form with a budget
//! table of 500 rows (a repeating group with a condition and a computed
//! value in each row, and a total over every row). Prints the median and
//! the slowest percentile; run with `cargo bench -p forms`.

use forms::{compile, evaluate, Context, Date, FormDefinition, RawAnswers};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::{Duration, Instant};

const PAGES: usize = 20;
const FIELDS_PER_PAGE: usize = 10;
const ROWS: usize = 500;

fn form(with_rows: bool) -> FormDefinition {
    let kinds = [
        json!({"type": "short_text", "max_length": 200}),
        json!({"type": "integer", "min": 0, "max": 1000}),
        json!({"type": "email"}),
        json!({"type": "date", "earliest": "today-36500", "latest": "today"}),
        json!({"type": "single_choice", "options": [
            {"value": "a", "label": {"sv": "A"}}, {"value": "b", "label": {"sv": "B"}}]}),
        json!({"type": "multiple_choice", "options": [
            {"value": "x", "label": {"sv": "X"}}, {"value": "y", "label": {"sv": "Y"}}]}),
        json!({"type": "yes_no"}),
        json!({"type": "personal_identity_number"}),
        json!({"type": "postal_code"}),
        json!({"type": "long_text", "max_length": 2000}),
    ];
    let mut conditions = 0;
    let mut pages: Vec<Value> = (0..PAGES)
        .map(|p| {
            let fields: Vec<Value> = (0..FIELDS_PER_PAGE)
                .map(|f| {
                    let mut field = kinds[f].clone();
                    field["key"] = json!(format!("f{p}-{f}"));
                    field["label"] = json!({"sv": format!("Fråga {p}.{f}")});
                    field["required"] = json!(true);
                    // Every page from the second on has conditions on
                    // answers from earlier pages: 50 in all.
                    if p > 0 && f < 3 && conditions < 50 {
                        conditions += 1;
                        field["visible_if"] = json!(match f {
                            0 => format!("$f{}-1 > 10 and $f{}-4 == \"a\"", p - 1, p - 1),
                            1 => format!("\"x\" in $f{}-5 or $f{}-6 == true", p - 1, p - 1),
                            _ => format!("days_between($f{}-3, today()) > 365", p - 1),
                        });
                    }
                    field
                })
                .collect();
            json!({"key": format!("page-{p}"), "title": {"sv": format!("Sida {p}")}, "fields": fields})
        })
        .collect();
    if with_rows {
        pages.push(json!({"key": "budget", "title": {"sv": "Budget"}, "fields": [
            {"key": "lines", "label": {"sv": "Budgetposter"}, "type": "group",
             "row_label": {"sv": "Post"}, "min_rows": 1, "max_rows": ROWS,
             "fields": [
                {"key": "item", "label": {"sv": "Vad"}, "type": "short_text", "required": true, "max_length": 200},
                {"key": "kind", "label": {"sv": "Slag"}, "type": "single_choice", "required": true, "options": [
                    {"value": "rent", "label": {"sv": "Hyra"}}, {"value": "other", "label": {"sv": "Annat"}}]},
                {"key": "why", "label": {"sv": "Förklara"}, "type": "short_text", "required": true,
                 "visible_if": "$kind == \"other\""},
                {"key": "amount", "label": {"sv": "Belopp"}, "type": "decimal", "required": true, "min": 0},
                {"key": "with-vat", "label": {"sv": "Med moms"}, "type": "computed",
                 "expression": "round($amount * 1.25, 2)"}
             ]},
            {"key": "total", "label": {"sv": "Summa"}, "type": "computed", "expression": "sum($amount)"}
        ]}));
    }
    let spec = serde_json::from_value(json!({
        "key": "bench", "version": 1, "languages": ["sv"],
        "title": {"sv": "Mätning"}, "description": {"sv": "En stor blankett"},
        "pages": pages
    }))
    .expect("spec");
    compile(spec).expect("the benchmark form compiles")
}

fn answers(with_rows: bool) -> RawAnswers {
    let mut raw = RawAnswers::new();
    if with_rows {
        raw.push("lines.rows", ROWS.to_string());
        for r in 0..ROWS {
            raw.push(format!("lines[{r}].item"), format!("Post nummer {r}"));
            raw.push(
                format!("lines[{r}].kind"),
                if r % 2 == 0 { "rent" } else { "other" },
            );
            raw.push(format!("lines[{r}].why"), "Material till verksamheten");
            raw.push(format!("lines[{r}].amount"), format!("{r},50"));
        }
    }
    for p in 0..PAGES {
        let values = [
            "Storgatan 12",
            "500",
            "anna@example.se",
            "1990-05-17",
            "a",
            "x",
            "yes",
            "811218-9876",
            "111 22",
            "En längre text om ärendet.",
        ];
        for (f, v) in values.iter().enumerate() {
            raw.push(format!("f{p}-{f}"), *v);
        }
    }
    raw
}

fn main() {
    measure(false, "200 fields, 20 pages, 50 conditions, all answered");
    measure(
        true,
        "the same and a 500-row repeating group (5 fields, a condition and a computed value per row, a total)",
    );
}

fn measure(with_rows: bool, what: &str) {
    let definition = form(with_rows);
    let raw = answers(with_rows);
    let context = Context::on(Date::new(2026, 11, 23).expect("date"));
    let check = evaluate(&definition, &raw, &context);
    assert!(check.is_valid(), "{:?}", check.errors);
    let row_fields = if with_rows {
        2 + ROWS * 5 - ROWS / 2
    } else {
        0
    };
    assert_eq!(
        check.visible_fields.len(),
        PAGES * FIELDS_PER_PAGE + row_fields
    );

    // Warm up, then time single evaluations.
    for _ in 0..50 {
        black_box(evaluate(black_box(&definition), black_box(&raw), &context));
    }
    let runs = 1_000;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(evaluate(black_box(&definition), black_box(&raw), &context));
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((runs as f64 - 1.0) * q) as usize];
    println!(
        "evaluate: {what}: median {:?}, p99 {:?}, max {:?} ({runs} runs)",
        at(0.5),
        at(0.99),
        times[runs - 1]
    );
}
