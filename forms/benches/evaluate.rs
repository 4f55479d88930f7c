//! How long one evaluation takes: a 200-field form over 20 pages with 50
//! conditions, every field answered. Prints the median and the slowest
//! percentile; run with `cargo bench -p forms`.

use forms::{compile, evaluate, Context, Date, FormDefinition, RawAnswers};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::{Duration, Instant};

const PAGES: usize = 20;
const FIELDS_PER_PAGE: usize = 10;

fn form() -> FormDefinition {
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
    let pages: Vec<Value> = (0..PAGES)
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
    let spec = serde_json::from_value(json!({
        "key": "bench", "version": 1, "languages": ["sv"],
        "title": {"sv": "Mätning"}, "description": {"sv": "En stor blankett"},
        "pages": pages
    }))
    .expect("spec");
    compile(spec).expect("the benchmark form compiles")
}

fn answers() -> RawAnswers {
    let mut raw = RawAnswers::new();
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
    let definition = form();
    let raw = answers();
    let context = Context {
        today: Date::new(2026, 11, 23).expect("date"),
    };
    let check = evaluate(&definition, &raw, &context);
    assert!(check.is_valid(), "{:?}", check.errors);
    assert_eq!(check.visible_fields.len(), PAGES * FIELDS_PER_PAGE);

    // Warm up, then time single evaluations.
    for _ in 0..200 {
        black_box(evaluate(black_box(&definition), black_box(&raw), &context));
    }
    let runs = 2_000;
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
        "evaluate: 200 fields, 20 pages, 50 conditions, all answered: median {:?}, p99 {:?}, max {:?} ({runs} runs)",
        at(0.5),
        at(0.99),
        times[runs - 1]
    );
}
