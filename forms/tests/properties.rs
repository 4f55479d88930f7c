//! Properties that hold for any input: the engine never panics, hidden
//! fields never carry a value or an error, and evaluation is deterministic.

use forms::expr::{Expr, Scope, Type, Value as ExprValue};
use forms::{compile, evaluate, Context, Date, FormDefinition, FormSpec, RawAnswers};
use proptest::prelude::*;
use serde_json::json;

fn definition() -> FormDefinition {
    let spec: FormSpec = serde_json::from_value(json!({
        "key": "props", "version": 1, "languages": ["sv", "en"],
        "title": {"sv": "T", "en": "T"}, "description": {"sv": "D", "en": "D"},
        "pages": [
            {"key": "one", "title": {"sv": "1", "en": "1"}, "fields": [
                {"key": "kind", "label": {"sv": "K", "en": "K"}, "type": "single_choice", "required": true,
                 "options": [{"value": "a", "label": {"sv": "A", "en": "A"}}, {"value": "b", "label": {"sv": "B", "en": "B"}}]},
                {"key": "n", "label": {"sv": "N", "en": "N"}, "type": "integer", "min": -5, "max": 500},
                {"key": "why", "label": {"sv": "W", "en": "W"}, "type": "short_text", "required": true, "max_length": 8,
                 "visible_if": "$kind == \"b\" and $n > 3"}
            ]},
            {"key": "two", "title": {"sv": "2", "en": "2"}, "visible_if": "$n * 2 >= 10 or not answered($kind)", "fields": [
                {"key": "mail", "label": {"sv": "M", "en": "M"}, "type": "email", "required": true},
                {"key": "more", "label": {"sv": "X", "en": "X"}, "type": "long_text", "visible_if": "answered($mail)"}
            ]},
            {"key": "three", "title": {"sv": "3", "en": "3"}, "fields": [
                {"key": "rows", "label": {"sv": "R", "en": "R"}, "type": "group", "row_label": {"sv": "Rad", "en": "Row"},
                 "min_rows": 1, "max_rows": 3, "visible_if": "$n != 7", "fields": [
                    {"key": "what", "label": {"sv": "V", "en": "V"}, "type": "single_choice", "required": true,
                     "options": [{"value": "a", "label": {"sv": "A", "en": "A"}}, {"value": "b", "label": {"sv": "B", "en": "B"}}]},
                    {"key": "amount", "label": {"sv": "B", "en": "B"}, "type": "decimal", "min": -1, "max": 99.5,
                     "visible_if": "$what == \"b\" or $n > 100"},
                    {"key": "code", "label": {"sv": "K", "en": "K"}, "type": "short_text", "pattern": "[a-z]{2}[0-9]*"}
                ]},
                {"key": "total", "label": {"sv": "T", "en": "T"}, "type": "computed", "expression": "sum($amount) * 2"}
            ]}
        ]
    }))
    .expect("valid spec");
    compile(spec).expect("compiles")
}

fn raw_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    let names = prop_oneof![
        Just("kind".to_string()),
        Just("n".to_string()),
        Just("why".to_string()),
        Just("mail".to_string()),
        Just("more".to_string()),
        Just("rows.rows".to_string()),
        (
            0usize..5,
            prop_oneof![Just("what"), Just("amount"), Just("code"), Just("x")]
        )
            .prop_map(|(r, f)| format!("rows[{r}].{f}")),
        "[a-z_\\[\\]0-9.]{0,8}",
    ];
    let values = prop_oneof![
        Just("a".to_string()),
        Just("3".to_string()),
        "-?[0-9]{0,3}[,.]?[0-9]{0,3}",
        Just("b".to_string()),
        "-?[0-9 ]{0,6}",
        "[a-z@. ]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec((names, values), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_never_panics_and_hidden_fields_are_absent(pairs in raw_strategy(), day in 0i64..40_000) {
        let definition = definition();
        let today = Date::new(1970 + (day / 366) as i32, 1 + (day % 12) as u8, 1 + (day % 28) as u8)
            .unwrap_or(Date::UNIX_EPOCH);
        let raw = RawAnswers::from_pairs(pairs);
        let context = Context::on(today);
        let first = evaluate(&definition, &raw, &context);
        for field in definition.fields() {
            if !first.is_visible(field.key()) {
                prop_assert!(!first.answers.contains_key(field.key()));
                prop_assert!(first.error_for(field.key()).is_none());
            }
        }
        for key in first.answers.keys() {
            prop_assert!(first.is_visible(key));
        }
        // Row fields too: an error is only ever at a field that is asked.
        for error in &first.errors {
            prop_assert!(first.is_visible(&error.field), "{} has an error but is hidden", error.field);
        }
        prop_assert_eq!(&first, &evaluate(&definition, &raw, &context));
    }

    #[test]
    fn expressions_never_panic(source in "[ -~]{0,60}", tokens in proptest::collection::vec(
        prop_oneof![
            Just("$a"), Just("$b"), Just("1"), Just("\"x\""), Just("("), Just(")"), Just("and"), Just("or"),
            Just("not"), Just("=="), Just("<"), Just("+"), Just("-"), Just("*"), Just("/"), Just("in"),
            Just("["), Just("]"), Just(","), Just("today()"), Just("answered("), Just("date(\"2026-01-01\")"),
            Just("days_between("),
        ], 0..40)) {
        struct Empty;
        impl Scope for Empty {
            fn answer(&self, field: &str) -> ExprValue {
                if field == "a" { ExprValue::Number(forms::Decimal::from(i64::MAX)) } else { ExprValue::Absent }
            }
            fn today(&self) -> Date { Date::UNIX_EPOCH }
        }
        let types = |f: &str| match f { "a" => Some(Type::Number), "b" => Some(Type::Text), _ => None };
        for src in [source, tokens.join(" ")] {
            if let Ok(e) = Expr::compile(&src, &types) {
                let _ = e.eval(&Empty);
            }
        }
    }

    #[test]
    fn compile_never_panics_on_altered_definitions(
        key in "[ -~]{0,10}",
        languages in proptest::collection::vec("[a-z]{0,3}", 0..3),
        condition in "[ -~]{0,30}",
        max in proptest::option::of(0u32..3),
    ) {
        let mut spec = definition().spec().clone();
        spec.key = key;
        spec.languages = languages;
        spec.pages[0].fields[2].visible_if = Some(condition.clone());
        spec.pages[1].visible_if = Some(condition);
        if let forms::FieldKind::ShortText { max_length, .. } = &mut spec.pages[0].fields[2].kind {
            *max_length = max;
        }
        if let Ok(definition) = compile(spec) {
            let raw = RawAnswers::from_pairs([("kind", "b"), ("n", "4")]);
            let _ = evaluate(&definition, &raw, &Context::on(Date::UNIX_EPOCH));
        }
    }
}
