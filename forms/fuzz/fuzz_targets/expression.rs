//! Any text as an expression: parsing, checking and evaluating never panic.
#![no_main]

use forms::expr::{Expr, Scope, Type, Value};
use forms::Date;
use libfuzzer_sys::fuzz_target;

struct Answers;

impl Scope for Answers {
    fn answer(&self, field: &str) -> Value {
        match field {
            "n" => Value::Number(forms::Decimal::from(i64::MIN)),
            "c" => Value::List(vec![Value::Number(forms::Decimal::from(i64::MAX)), Value::Absent]),
            "t" => Value::Text("x".into()),
            "d" => Value::Date(Date::UNIX_EPOCH),
            "l" => Value::List(vec![Value::Text("x".into())]),
            _ => Value::Absent,
        }
    }
    fn today(&self) -> Date {
        Date::UNIX_EPOCH
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let types = |f: &str| match f {
        "n" | "m" => Some(Type::Number),
        "t" => Some(Type::Text),
        "d" => Some(Type::Date),
        "l" => Some(Type::List),
        "b" => Some(Type::Bool),
        "c" => Some(Type::NumberColumn),
        _ => None,
    };
    if let Ok(e) = Expr::compile(source, &types) {
        let _ = e.eval(&Answers);
    }
});
