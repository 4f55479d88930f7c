//! Any bytes read as a JSON definition: `compile` and `evaluate` never panic.
#![no_main]

use forms::{compile, evaluate, Context, Date, FormSpec, RawAnswers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(spec) = serde_json::from_slice::<FormSpec>(data) else {
        return;
    };
    if let Ok(definition) = compile(spec) {
        let keys: Vec<String> = definition.fields().map(|f| f.key().to_owned()).collect();
        let raw = RawAnswers::from_pairs(
            keys.iter()
                .map(|k| (k.clone(), String::from_utf8_lossy(data).into_owned())),
        );
        let _ = evaluate(
            &definition,
            &raw,
            &Context::on(Date::UNIX_EPOCH),
        );
    }
});
