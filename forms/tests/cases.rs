//! Data-driven tests of the engine. Each file in `tests/cases/` holds a
//! definition, what was posted, and the expected outcome: either the
//! compile problems, or the typed answers and errors of the evaluation.
//!
//! Each case also has a snapshot in `tests/snapshots/`: the whole outcome,
//! pretty-printed, so that any change in what the engine gives shows up in
//! review. `BLESS=1 cargo test -p forms --test cases` writes them anew.

use forms::{compile, evaluate, summary, Context, Date, FormSpec, Person, RawAnswers};
use serde::Deserialize;
use serde_json::{json, Value as Json};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    definition: FormSpec,
    #[serde(default)]
    posted: BTreeMap<String, Vec<String>>,
    /// The day the form is filled in; a fixed day unless the case says.
    #[serde(default = "default_today")]
    today: Date,
    /// The signed-in person, for prefilled fields.
    #[serde(default)]
    person: Option<Person>,
    expected: Json,
}

fn default_today() -> Date {
    Date::new(2026, 1, 15).expect("a real day")
}

/// Runs one case and returns what actually came out, in the shape of
/// `expected`.
fn outcome(case: &Case) -> Json {
    match compile(case.definition.clone()) {
        Err(problems) => json!({ "problems": problems }),
        Ok(definition) => {
            let raw = RawAnswers::from_pairs(
                case.posted
                    .iter()
                    .flat_map(|(k, vs)| vs.iter().map(move |v| (k.clone(), v.clone()))),
            );
            let context = Context {
                today: case.today,
                person: case.person.clone(),
            };
            let evaluation = evaluate(&definition, &raw, &context);
            let lang = definition.default_language().to_owned();
            json!({
                "answers": evaluation.answers,
                "errors": evaluation.errors,
                "visible_pages": evaluation.visible_pages,
                "visible_fields": evaluation.visible_fields,
                "journey": evaluation.journey,
                "summary": summary(&definition, &evaluation.answers, &lang),
            })
        }
    }
}

#[test]
fn every_case_gives_its_expected_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    assert!(entries.len() >= 5, "expected the case files in {dir:?}");
    let mut failures = Vec::new();
    for path in &entries {
        let text = std::fs::read_to_string(path).expect("readable case");
        let case: Case = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a valid case: {e}", path.display()));
        let actual = outcome(&case);
        if let Some(failure) = compare_snapshot(path, &actual) {
            failures.push(failure);
        }
        // Only the keys a case names are compared, so a case can focus on
        // the errors alone.
        for (key, expected) in case.expected.as_object().expect("expected is an object") {
            if actual.get(key) != Some(expected) {
                failures.push(format!(
                    "{}: `{key}` differs\n  expected: {expected}\n  actual:   {}",
                    path.display(),
                    actual.get(key).unwrap_or(&Json::Null)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Compares the whole outcome with the case's snapshot, or writes it when
/// `BLESS` is set. A missing snapshot is a failure, so none is forgotten.
fn compare_snapshot(case: &Path, actual: &Json) -> Option<String> {
    let name = case.file_name()?.to_string_lossy().into_owned();
    let snapshot = case.parent()?.parent()?.join("snapshots").join(name);
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(actual).expect("an outcome serialises")
    );
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(snapshot.parent()?).expect("snapshots folder");
        std::fs::write(&snapshot, text).expect("snapshot written");
        return None;
    }
    match std::fs::read_to_string(&snapshot) {
        Ok(stored) if stored == text => None,
        Ok(_) => Some(format!(
            "{}: the outcome differs from its snapshot (BLESS=1 to accept)\n  actual: {}",
            snapshot.display(),
            serde_json::to_string(actual).unwrap_or_default()
        )),
        Err(_) => Some(format!(
            "{}: no snapshot (BLESS=1 cargo test -p forms --test cases writes it)",
            snapshot.display()
        )),
    }
}

#[test]
fn a_definition_round_trips_through_json_and_is_checked_on_the_way_in() {
    let spec: FormSpec = serde_json::from_value(json!({
        "key": "k", "version": 1, "languages": ["sv"],
        "title": {"sv": "T"}, "description": {"sv": "D"},
        "pages": [{"key": "p", "title": {"sv": "P"},
                   "fields": [{"key": "f", "label": {"sv": "F"}, "type": "email"}]}]
    }))
    .expect("valid spec");
    let definition = compile(spec.clone()).expect("compiles");
    let text = serde_json::to_string(&definition).expect("serialises");
    let back: forms::FormDefinition = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, definition);
    assert_eq!(back.spec(), &spec);

    let broken = text.replace("\"sv\":\"F\"", "\"sv\":\"\"");
    let err = serde_json::from_str::<forms::FormDefinition>(&broken)
        .expect_err("an invalid definition does not deserialise");
    assert!(
        err.to_string().contains("pages[0].fields[0].label.sv"),
        "{err}"
    );
}
