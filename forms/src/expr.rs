//! The expression language of conditions: small, typed and bounded.
//!
//! ```text
//! $kind == "pothole" and not answered($email)
//! $months >= 6 or $zone in ["norr", "soder"]
//! days_between(today(), date("2027-01-01")) > 30
//! round($area * 12.5, 2)
//! count($children) >= 2 and sum($amount) <= 50000
//! ```
//!
//! `$name` reads an answer. There are no loops, no assignments and no
//! user-defined functions, and the size of an expression is capped, so
//! evaluating one takes bounded time. An unanswered field (or one that is
//! hidden) reads as *absent*: any comparison with it is false, and
//! `answered($x)` asks about it directly. Errors carry the character
//! position where they were found.
//!
//! Numbers are exact decimals ([`Decimal`]). Inside a repeating group a
//! row's fields read the answers of that row; elsewhere a row field is a
//! column, which only `count()` (answered rows) and `sum()` read.

use crate::date::Date;
pub use crate::number::Decimal;
use serde::{Deserialize, Serialize};

/// Longest expression accepted, in characters.
pub const MAX_LEN: usize = 2_000;
/// Most nodes an expression may have.
pub const MAX_NODES: usize = 256;
/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 32;

/// The type of a value in an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Type {
    Bool,
    Number,
    Text,
    Date,
    /// A list literal of numbers or texts, for `in`.
    List,
    /// A postal address: only `answered()` applies to it.
    Address,
    /// A repeating group: `count()` gives its rows.
    Rows,
    /// A number field of a group, read from outside it: `sum()` adds it up.
    NumberColumn,
    /// Any other field of a group, read from outside it: `count()` only.
    Column,
    /// Uploaded files: `count()` gives how many.
    Files,
}

/// Why an expression was refused, and where (a character offset).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExprError {
    pub at: usize,
    #[serde(flatten)]
    pub code: ExprErrorCode,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ExprErrorCode {
    TooLong {
        max: usize,
    },
    TooComplex {
        max: usize,
    },
    TooDeep {
        max: usize,
    },
    UnexpectedChar {
        found: char,
    },
    UnterminatedText,
    NumberTooLarge,
    UnexpectedEnd,
    UnexpectedToken {
        found: String,
    },
    UnknownFunction {
        name: String,
    },
    /// `round()` takes a number of places from 0 to 6, written as a number.
    InvalidPlaces,
    WrongArgumentCount {
        function: String,
        expected: usize,
    },
    NotAField,
    UnknownField {
        field: String,
    },
    InvalidDate {
        text: String,
    },
    TypeMismatch {
        expected: Type,
        found: Type,
    },
    NotComparable {
        left: Type,
        right: Type,
    },
    MixedList,
}

/// A parsed and type-checked expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    root: Node,
    ty: Type,
    fields: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Bool(bool),
    Number(Decimal),
    Text(String),
    Date(Date),
    List(Vec<Value>),
    /// A field, and where it was written (for error messages).
    Field(String, usize),
    Not(Box<Node>),
    Neg(Box<Node>),
    /// An operator, its operands and where the operator was written.
    Binary(BinOp, Box<Node>, Box<Node>, usize),
    Answered(String, usize),
    Count(String, usize),
    Sum(String, usize),
    Round(Box<Node>, u32),
    Today,
    DaysBetween(Box<Node>, Box<Node>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Add,
    Sub,
    Mul,
    Div,
}

/// A value while evaluating. `Absent` is an unanswered or hidden field, or
/// arithmetic that has no answer (overflow, division by zero).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Absent,
    Bool(bool),
    Number(Decimal),
    Text(String),
    Date(Date),
    List(Vec<Value>),
}

/// What an expression can read while it is evaluated.
pub trait Scope {
    /// The answer of a field, or `Absent` if it has none or is hidden.
    fn answer(&self, field: &str) -> Value;
    fn today(&self) -> Date;
}

impl Expr {
    /// Parses and type-checks `source`. `field_type` gives the type of each
    /// field an expression may read, or `None` for names that are not fields.
    pub fn compile(
        source: &str,
        field_type: &dyn Fn(&str) -> Option<Type>,
    ) -> Result<Expr, ExprError> {
        let chars = source.chars().count();
        if chars > MAX_LEN {
            return Err(ExprError {
                at: MAX_LEN,
                code: ExprErrorCode::TooLong { max: MAX_LEN },
            });
        }
        let tokens = lex(source)?;
        let mut parser = Parser {
            tokens: &tokens,
            pos: 0,
            nodes: 0,
            end: chars,
        };
        let (root, _) = parser.expr(0, 0)?;
        if let Some(t) = parser.peek() {
            return Err(t.unexpected());
        }
        let mut fields = Vec::new();
        let ty = check(&root, field_type, &mut fields).map_err(|(at, code)| ExprError {
            at: at.unwrap_or(0),
            code,
        })?;
        fields.sort();
        fields.dedup();
        Ok(Expr { root, ty, fields })
    }

    /// The expression's type.
    pub fn ty(&self) -> Type {
        self.ty
    }

    /// The value of an expression that reads no answer and not today's
    /// date, so is the same whenever it is evaluated; `None` otherwise.
    pub fn constant_value(&self) -> Option<Value> {
        struct Nothing;
        impl Scope for Nothing {
            fn answer(&self, _: &str) -> Value {
                Value::Absent
            }
            fn today(&self) -> Date {
                Date::UNIX_EPOCH
            }
        }
        (self.fields.is_empty() && !uses_today(&self.root)).then(|| self.eval(&Nothing))
    }

    /// The fields the expression reads, sorted, each once.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }

    /// Whether the expression reads today's date.
    pub fn reads_today(&self) -> bool {
        uses_today(&self.root)
    }

    /// Evaluates the expression.
    pub fn eval(&self, scope: &dyn Scope) -> Value {
        eval(&self.root, scope)
    }

    /// Whether the expression holds: true only for `Bool(true)`.
    pub fn holds(&self, scope: &dyn Scope) -> bool {
        self.eval(scope) == Value::Bool(true)
    }
}

// ---- lexing --------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Number(Decimal),
    Text(String),
    Word(String),
    Field(String),
    Sym(&'static str),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    at: usize,
}

impl Token {
    fn unexpected(&self) -> ExprError {
        let found = match &self.tok {
            Tok::Number(n) => n.to_string(),
            Tok::Text(t) => format!("\"{t}\""),
            Tok::Word(w) => w.clone(),
            Tok::Field(f) => format!("${f}"),
            Tok::Sym(s) => (*s).to_owned(),
        };
        ExprError {
            at: self.at,
            code: ExprErrorCode::UnexpectedToken { found },
        }
    }
}

const SYMBOLS: [&str; 16] = [
    "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "=",
];

fn lex(source: &str) -> Result<Vec<Token>, ExprError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
                j += 1;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
            }
            let text: String = chars[i..j].iter().collect();
            let n = Decimal::parse_plain(&text).ok_or(ExprError {
                at,
                code: ExprErrorCode::NumberTooLarge,
            })?;
            i = j;
            tokens.push(Token {
                tok: Tok::Number(n),
                at,
            });
        } else if c == '"' {
            let mut text = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(ExprError {
                            at,
                            code: ExprErrorCode::UnterminatedText,
                        })
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some('\\') if matches!(chars.get(i + 1), Some('"' | '\\')) => {
                        text.push(chars[i + 1]);
                        i += 2;
                    }
                    Some(&ch) => {
                        text.push(ch);
                        i += 1;
                    }
                }
            }
            tokens.push(Token {
                tok: Tok::Text(text),
                at,
            });
        } else if c == '$' || c.is_ascii_lowercase() || c == '_' {
            let start = if c == '$' { i + 1 } else { i };
            let mut j = start;
            // Field keys may contain hyphens (`$child-name`); words may not.
            while j < chars.len()
                && (chars[j].is_ascii_lowercase()
                    || chars[j].is_ascii_digit()
                    || chars[j] == '_'
                    || (c == '$' && chars[j] == '-'))
            {
                j += 1;
            }
            let name: String = chars[start..j].iter().collect();
            if c == '$' && name.is_empty() {
                return Err(ExprError {
                    at,
                    code: ExprErrorCode::UnexpectedChar { found: '$' },
                });
            }
            tokens.push(Token {
                tok: if c == '$' {
                    Tok::Field(name)
                } else {
                    Tok::Word(name)
                },
                at,
            });
            i = j;
        } else if let Some(sym) = SYMBOLS.iter().find(|s| {
            s.chars()
                .enumerate()
                .all(|(k, sc)| chars.get(i + k) == Some(&sc))
        }) {
            if *sym == "=" {
                return Err(ExprError {
                    at,
                    code: ExprErrorCode::UnexpectedChar { found: '=' },
                });
            }
            tokens.push(Token {
                tok: Tok::Sym(sym),
                at,
            });
            i += sym.chars().count();
        } else {
            return Err(ExprError {
                at,
                code: ExprErrorCode::UnexpectedChar { found: c },
            });
        }
    }
    Ok(tokens)
}

// ---- parsing -------------------------------------------------------------

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    nodes: usize,
    end: usize,
}

/// Binding strength of infix operators: higher binds tighter. Comparisons
/// do not chain (`a < b < c` is refused).
fn infix(tok: &Tok) -> Option<(BinOp, u8)> {
    Some(match tok {
        Tok::Word(w) if w == "or" => (BinOp::Or, 1),
        Tok::Word(w) if w == "and" => (BinOp::And, 2),
        Tok::Sym("==") => (BinOp::Eq, 4),
        Tok::Sym("!=") => (BinOp::Ne, 4),
        Tok::Sym("<") => (BinOp::Lt, 4),
        Tok::Sym("<=") => (BinOp::Le, 4),
        Tok::Sym(">") => (BinOp::Gt, 4),
        Tok::Sym(">=") => (BinOp::Ge, 4),
        Tok::Word(w) if w == "in" => (BinOp::In, 4),
        Tok::Sym("+") => (BinOp::Add, 5),
        Tok::Sym("-") => (BinOp::Sub, 5),
        Tok::Sym("*") => (BinOp::Mul, 6),
        Tok::Sym("/") => (BinOp::Div, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Result<Token, ExprError> {
        let t = self.tokens.get(self.pos).cloned().ok_or(ExprError {
            at: self.end,
            code: ExprErrorCode::UnexpectedEnd,
        })?;
        self.pos += 1;
        Ok(t)
    }

    fn expect(&mut self, sym: &'static str) -> Result<(), ExprError> {
        let t = self.next()?;
        if t.tok == Tok::Sym(sym) {
            Ok(())
        } else {
            Err(t.unexpected())
        }
    }

    fn node(&mut self, at: usize, node: Node) -> Result<Node, ExprError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(ExprError {
                at,
                code: ExprErrorCode::TooComplex { max: MAX_NODES },
            });
        }
        Ok(node)
    }

    /// Parses an expression whose operators bind tighter than `min`.
    /// Returns the node and the position where it starts.
    fn expr(&mut self, min: u8, depth: usize) -> Result<(Node, usize), ExprError> {
        let (mut left, start) = self.prefix(depth)?;
        let mut last_comparison = false;
        while let Some(t) = self.peek() {
            let Some((op, strength)) = infix(&t.tok) else {
                break;
            };
            if strength <= min {
                break;
            }
            let at = t.at;
            if strength == 4 && last_comparison {
                return Err(t.unexpected());
            }
            self.pos += 1;
            let list_literal = self.peek().map(|t| &t.tok) == Some(&Tok::Sym("["));
            let right = if op == BinOp::In && list_literal {
                self.list(depth + 1)?
            } else {
                self.expr(strength, depth + 1)?.0
            };
            last_comparison = strength == 4;
            left = self.node(at, Node::Binary(op, Box::new(left), Box::new(right), at))?;
        }
        Ok((left, start))
    }

    fn prefix(&mut self, depth: usize) -> Result<(Node, usize), ExprError> {
        let t = self.next()?;
        if depth > MAX_DEPTH {
            return Err(ExprError {
                at: t.at,
                code: ExprErrorCode::TooDeep { max: MAX_DEPTH },
            });
        }
        let node = match t.tok.clone() {
            Tok::Number(n) => Node::Number(n),
            Tok::Text(s) => Node::Text(s),
            Tok::Field(f) => Node::Field(f, t.at),
            Tok::Sym("(") => {
                let (inner, _) = self.expr(0, depth + 1)?;
                self.expect(")")?;
                return Ok((inner, t.at));
            }
            Tok::Sym("-") => Node::Neg(Box::new(self.expr(6, depth + 1)?.0)),
            Tok::Word(w) => match w.as_str() {
                "true" => Node::Bool(true),
                "false" => Node::Bool(false),
                "not" => Node::Not(Box::new(self.expr(3, depth + 1)?.0)),
                _ => self.call(&w, t.at, depth)?,
            },
            Tok::Sym(_) => return Err(t.unexpected()),
        };
        Ok((self.node(t.at, node)?, t.at))
    }

    fn call(&mut self, name: &str, at: usize, depth: usize) -> Result<Node, ExprError> {
        let arity = match name {
            "today" => 0,
            "answered" | "count" | "sum" | "date" => 1,
            "days_between" | "round" => 2,
            _ => {
                return Err(ExprError {
                    at,
                    code: ExprErrorCode::UnknownFunction {
                        name: name.to_owned(),
                    },
                })
            }
        };
        self.expect("(")?;
        let mut args = Vec::new();
        if self.peek().map(|t| &t.tok) != Some(&Tok::Sym(")")) {
            loop {
                args.push(self.expr(0, depth + 1)?.0);
                match self.next()? {
                    Token {
                        tok: Tok::Sym(","), ..
                    } => continue,
                    Token {
                        tok: Tok::Sym(")"), ..
                    } => break,
                    other => return Err(other.unexpected()),
                }
            }
        } else {
            self.pos += 1;
        }
        if args.len() != arity {
            return Err(ExprError {
                at,
                code: ExprErrorCode::WrongArgumentCount {
                    function: name.to_owned(),
                    expected: arity,
                },
            });
        }
        let mut args = args.into_iter();
        let mut arg = || args.next().unwrap_or(Node::Bool(false));
        Ok(match name {
            "today" => Node::Today,
            "answered" | "count" | "sum" => match arg() {
                Node::Field(f, _) if name == "count" => Node::Count(f, at),
                Node::Field(f, _) if name == "sum" => Node::Sum(f, at),
                Node::Field(f, _) => Node::Answered(f, at),
                _ => {
                    return Err(ExprError {
                        at,
                        code: ExprErrorCode::NotAField,
                    })
                }
            },
            "date" => match arg() {
                Node::Text(s) => Node::Date(Date::parse_iso(&s).ok_or(ExprError {
                    at,
                    code: ExprErrorCode::InvalidDate { text: s },
                })?),
                _ => {
                    return Err(ExprError {
                        at,
                        code: ExprErrorCode::InvalidDate {
                            text: String::new(),
                        },
                    })
                }
            },
            "round" => {
                let value = arg();
                let places = match arg() {
                    Node::Number(n) => n
                        .to_integer()
                        .and_then(|p| u32::try_from(p).ok())
                        .filter(|p| *p <= crate::number::PLACES),
                    _ => None,
                };
                let places = places.ok_or(ExprError {
                    at,
                    code: ExprErrorCode::InvalidPlaces,
                })?;
                Node::Round(Box::new(value), places)
            }
            _ => {
                let a = arg();
                Node::DaysBetween(Box::new(a), Box::new(arg()))
            }
        })
    }

    /// A list literal: `["a", "b"]` or `[1, 2]`.
    fn list(&mut self, depth: usize) -> Result<Node, ExprError> {
        let open = self.next()?;
        if open.tok != Tok::Sym("[") {
            return Err(open.unexpected());
        }
        let mut items = Vec::new();
        loop {
            let t = self.next()?;
            match t.tok {
                Tok::Sym("]") if items.is_empty() => break,
                Tok::Number(n) => items.push(Value::Number(n)),
                Tok::Text(s) => items.push(Value::Text(s)),
                _ => return Err(t.unexpected()),
            }
            self.node(t.at, Node::Bool(false))?;
            match self.next()? {
                Token {
                    tok: Tok::Sym(","), ..
                } => continue,
                Token {
                    tok: Tok::Sym("]"), ..
                } => break,
                other => return Err(other.unexpected()),
            }
        }
        let numbers = items.iter().all(|v| matches!(v, Value::Number(_)));
        let texts = items.iter().all(|v| matches!(v, Value::Text(_)));
        if !(numbers || texts) {
            return Err(ExprError {
                at: open.at,
                code: ExprErrorCode::MixedList,
            });
        }
        let _ = depth;
        Ok(Node::List(items))
    }
}

// ---- type checking -------------------------------------------------------

/// A type error and, where known, the character position it belongs to.
type Located = (Option<usize>, ExprErrorCode);

fn check(
    node: &Node,
    field_type: &dyn Fn(&str) -> Option<Type>,
    fields: &mut Vec<String>,
) -> Result<Type, Located> {
    let expect = |expected: Type, found: Type| -> Result<(), Located> {
        if expected == found {
            Ok(())
        } else {
            Err((None, ExprErrorCode::TypeMismatch { expected, found }))
        }
    };
    Ok(match node {
        Node::Bool(_) => Type::Bool,
        Node::Number(_) => Type::Number,
        Node::Text(_) => Type::Text,
        Node::Date(_) | Node::Today => Type::Date,
        Node::List(_) => Type::List,
        Node::Field(f, at) | Node::Answered(f, at) | Node::Count(f, at) | Node::Sum(f, at) => {
            let ty = field_type(f)
                .ok_or_else(|| (Some(*at), ExprErrorCode::UnknownField { field: f.clone() }))?;
            fields.push(f.clone());
            match node {
                Node::Answered(..) => Type::Bool,
                Node::Count(..) => Type::Number,
                Node::Sum(..) => {
                    if ty != Type::NumberColumn {
                        return Err((
                            Some(*at),
                            ExprErrorCode::TypeMismatch {
                                expected: Type::NumberColumn,
                                found: ty,
                            },
                        ));
                    }
                    Type::Number
                }
                _ => ty,
            }
        }
        Node::Round(inner, _) => {
            expect(Type::Number, check(inner, field_type, fields)?)?;
            Type::Number
        }
        Node::Not(inner) => {
            expect(Type::Bool, check(inner, field_type, fields)?)?;
            Type::Bool
        }
        Node::Neg(inner) => {
            expect(Type::Number, check(inner, field_type, fields)?)?;
            Type::Number
        }
        Node::DaysBetween(a, b) => {
            expect(Type::Date, check(a, field_type, fields)?)?;
            expect(Type::Date, check(b, field_type, fields)?)?;
            Type::Number
        }
        Node::Binary(op, l, r, at) => {
            // Errors without a place of their own are placed at the operator.
            let here = |e: Located| (e.0.or(Some(*at)), e.1);
            let lt = check(l, field_type, fields).map_err(here)?;
            let rt = check(r, field_type, fields).map_err(here)?;
            let placed = |code: ExprErrorCode| (Some(*at), code);
            match op {
                BinOp::Or | BinOp::And => {
                    expect(Type::Bool, lt).map_err(here)?;
                    expect(Type::Bool, rt).map_err(here)?;
                }
                BinOp::Eq | BinOp::Ne => {
                    if lt != rt
                        || !matches!(lt, Type::Bool | Type::Number | Type::Text | Type::Date)
                    {
                        return Err(placed(ExprErrorCode::NotComparable {
                            left: lt,
                            right: rt,
                        }));
                    }
                }
                BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                    if lt != rt || !matches!(lt, Type::Number | Type::Date) {
                        return Err(placed(ExprErrorCode::NotComparable {
                            left: lt,
                            right: rt,
                        }));
                    }
                }
                BinOp::In => {
                    let Node::List(items) = r.as_ref() else {
                        // A field holding a list: the ticked options of checkboxes.
                        expect(Type::List, rt).map_err(here)?;
                        expect(Type::Text, lt).map_err(here)?;
                        return Ok(Type::Bool);
                    };
                    let item_type = match items.first() {
                        Some(Value::Number(_)) => Type::Number,
                        _ => Type::Text,
                    };
                    if !items.is_empty() {
                        expect(item_type, lt).map_err(here)?;
                    } else if !matches!(lt, Type::Number | Type::Text) {
                        return Err(placed(ExprErrorCode::TypeMismatch {
                            expected: Type::Text,
                            found: lt,
                        }));
                    }
                }
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                    expect(Type::Number, lt).map_err(here)?;
                    expect(Type::Number, rt).map_err(here)?;
                    return Ok(Type::Number);
                }
            }
            Type::Bool
        }
    })
}

// ---- evaluation ----------------------------------------------------------

fn eval(node: &Node, scope: &dyn Scope) -> Value {
    match node {
        Node::Bool(b) => Value::Bool(*b),
        Node::Number(n) => Value::Number(*n),
        Node::Text(t) => Value::Text(t.clone()),
        Node::Date(d) => Value::Date(*d),
        Node::List(items) => Value::List(items.clone()),
        Node::Field(f, _) => scope.answer(f),
        Node::Answered(f, _) => Value::Bool(scope.answer(f) != Value::Absent),
        Node::Count(f, _) => Value::Number(Decimal::from(match scope.answer(f) {
            Value::Absent => 0,
            Value::List(items) => items
                .iter()
                .filter(|v| **v != Value::Absent)
                .count()
                .try_into()
                .unwrap_or(i64::MAX),
            _ => 1,
        })),
        Node::Sum(f, _) => match scope.answer(f) {
            Value::List(items) => items
                .iter()
                .try_fold(Decimal::ZERO, |total, v| match v {
                    Value::Number(n) => total.checked_add(*n),
                    _ => Some(total),
                })
                .map_or(Value::Absent, Value::Number),
            _ => Value::Number(Decimal::ZERO),
        },
        Node::Round(inner, places) => match eval(inner, scope) {
            Value::Number(n) => Value::Number(n.round(*places)),
            _ => Value::Absent,
        },
        Node::Today => Value::Date(scope.today()),
        Node::Not(inner) => match eval(inner, scope) {
            Value::Bool(b) => Value::Bool(!b),
            _ => Value::Absent,
        },
        Node::Neg(inner) => match eval(inner, scope) {
            Value::Number(n) => n.checked_neg().map_or(Value::Absent, Value::Number),
            _ => Value::Absent,
        },
        Node::DaysBetween(a, b) => match (eval(a, scope), eval(b, scope)) {
            (Value::Date(a), Value::Date(b)) => Value::Number(Decimal::from(a.days_until(b))),
            _ => Value::Absent,
        },
        Node::Binary(BinOp::And, l, r, _) => {
            // Short-circuits, and treats "no answer" as not holding.
            Value::Bool(eval(l, scope) == Value::Bool(true) && eval(r, scope) == Value::Bool(true))
        }
        Node::Binary(BinOp::Or, l, r, _) => {
            Value::Bool(eval(l, scope) == Value::Bool(true) || eval(r, scope) == Value::Bool(true))
        }
        Node::Binary(op, l, r, _) => {
            let (l, r) = (eval(l, scope), eval(r, scope));
            if l == Value::Absent || r == Value::Absent {
                return match op {
                    BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => Value::Absent,
                    _ => Value::Bool(false),
                };
            }
            match (op, l, r) {
                (BinOp::Eq, l, r) => Value::Bool(l == r),
                (BinOp::Ne, l, r) => Value::Bool(l != r),
                (BinOp::In, l, Value::List(items)) => Value::Bool(items.contains(&l)),
                (BinOp::Lt, l, r) => {
                    ordered(&l, &r).map_or(Value::Absent, |o| Value::Bool(o.is_lt()))
                }
                (BinOp::Le, l, r) => {
                    ordered(&l, &r).map_or(Value::Absent, |o| Value::Bool(o.is_le()))
                }
                (BinOp::Gt, l, r) => {
                    ordered(&l, &r).map_or(Value::Absent, |o| Value::Bool(o.is_gt()))
                }
                (BinOp::Ge, l, r) => {
                    ordered(&l, &r).map_or(Value::Absent, |o| Value::Bool(o.is_ge()))
                }
                (BinOp::Add, Value::Number(a), Value::Number(b)) => {
                    a.checked_add(b).map_or(Value::Absent, Value::Number)
                }
                (BinOp::Sub, Value::Number(a), Value::Number(b)) => {
                    a.checked_sub(b).map_or(Value::Absent, Value::Number)
                }
                (BinOp::Mul, Value::Number(a), Value::Number(b)) => {
                    a.checked_mul(b).map_or(Value::Absent, Value::Number)
                }
                (BinOp::Div, Value::Number(a), Value::Number(b)) => {
                    a.checked_div(b).map_or(Value::Absent, Value::Number)
                }
                _ => Value::Absent,
            }
        }
    }
}

fn uses_today(node: &Node) -> bool {
    match node {
        Node::Today => true,
        Node::Not(n) | Node::Neg(n) | Node::Round(n, _) => uses_today(n),
        Node::Binary(_, a, b, _) | Node::DaysBetween(a, b) => uses_today(a) || uses_today(b),
        Node::Bool(_)
        | Node::Number(_)
        | Node::Text(_)
        | Node::Date(_)
        | Node::List(_)
        | Node::Field(..)
        | Node::Answered(..)
        | Node::Count(..)
        | Node::Sum(..) => false,
    }
}

fn ordered(l: &Value, r: &Value) -> Option<std::cmp::Ordering> {
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => Some(a.cmp(b)),
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    struct Answers(BTreeMap<&'static str, Value>);

    fn num(n: i64) -> Value {
        Value::Number(Decimal::from(n))
    }

    fn dec(s: &str) -> Decimal {
        Decimal::parse_plain(s).unwrap_or_else(|| panic!("{s}"))
    }

    impl Scope for Answers {
        fn answer(&self, field: &str) -> Value {
            self.0.get(field).cloned().unwrap_or(Value::Absent)
        }
        fn today(&self) -> Date {
            Date::new(2026, 11, 23).unwrap_or_else(|| unreachable!())
        }
    }

    fn types(field: &str) -> Option<Type> {
        match field {
            "kind" | "child-name" => Some(Type::Text),
            "months" => Some(Type::Number),
            "start" => Some(Type::Date),
            "needs" => Some(Type::List),
            _ => None,
        }
    }

    fn compile(src: &str) -> Result<Expr, ExprError> {
        Expr::compile(src, &types)
    }

    fn run(src: &str, answers: &[(&'static str, Value)]) -> Value {
        compile(src)
            .unwrap_or_else(|e| panic!("{src}: {e:?}"))
            .eval(&Answers(answers.iter().cloned().collect()))
    }

    #[test]
    fn precedence_and_arithmetic() {
        assert_eq!(run("1 + 2 * 3 == 7", &[]), Value::Bool(true));
        assert_eq!(run("(1 + 2) * 3", &[]), num(9));
        assert_eq!(run("-2 - -3", &[]), num(1));
        assert_eq!(run("7 / 2", &[]), Value::Number(dec("3.5")));
        assert_eq!(run("round(2 / 3, 2)", &[]), Value::Number(dec("0.67")));
        assert_eq!(run("0.1 + 0.2 == 0.3", &[]), Value::Bool(true));
        assert_eq!(run("1 / 0", &[]), Value::Absent);
        assert_eq!(run("not true or true", &[]), Value::Bool(true));
        assert_eq!(run("not (true or true)", &[]), Value::Bool(false));
        assert_eq!(run("true or false and false", &[]), Value::Bool(true));
        assert_eq!(run("9223372036854775807 + 1", &[]), Value::Absent);
    }

    #[test]
    fn fields_lists_and_absence() {
        let pothole = [("kind", Value::Text("pothole".into()))];
        assert_eq!(run(r#"$kind == "pothole""#, &pothole), Value::Bool(true));
        assert_eq!(
            run(r#"$kind in ["graffiti", "pothole"]"#, &pothole),
            Value::Bool(true)
        );
        assert_eq!(run(r#"$kind in []"#, &pothole), Value::Bool(false));
        assert_eq!(run(r#"$kind == "pothole""#, &[]), Value::Bool(false));
        assert_eq!(run(r#"$kind != "pothole""#, &[]), Value::Bool(false));
        assert_eq!(run(r#"not answered($kind)"#, &[]), Value::Bool(true));
        assert_eq!(
            run(
                r#"answered($child-name)"#,
                &[("child-name", Value::Text("Ada".into()))]
            ),
            Value::Bool(true)
        );
        assert_eq!(
            run("$months >= 6 and $months < 12", &[("months", num(6))]),
            Value::Bool(true)
        );
        assert_eq!(run("$months + 1", &[]), Value::Absent);
    }

    #[test]
    fn ticked_options_and_counts() {
        let ramp = Value::Text("ramp".into());
        let needs = [(
            "needs",
            Value::List(vec![ramp, Value::Text("guide".into())]),
        )];
        assert_eq!(run(r#""ramp" in $needs"#, &needs), Value::Bool(true));
        assert_eq!(run(r#""lift" in $needs"#, &needs), Value::Bool(false));
        assert_eq!(run(r#""ramp" in $needs"#, &[]), Value::Bool(false));
        assert_eq!(run("count($needs) == 2", &needs), Value::Bool(true));
        assert_eq!(run("count($needs)", &[]), num(0));
        let mismatch = |expected, found| ExprErrorCode::TypeMismatch { expected, found };
        assert_eq!(
            error("1 in $needs").code,
            mismatch(Type::Text, Type::Number)
        );
        assert_eq!(
            error(r#""a" in $kind"#).code,
            mismatch(Type::List, Type::Text)
        );
    }

    #[test]
    fn dates_and_today() {
        assert_eq!(
            run(r#"days_between(today(), date("2026-12-24"))"#, &[]),
            num(31)
        );
        assert_eq!(
            run(r#"today() > date("2026-01-01")"#, &[]),
            Value::Bool(true)
        );
        let start = [(
            "start",
            Value::Date(Date::new(2026, 12, 1).unwrap_or_else(|| unreachable!())),
        )];
        assert_eq!(
            run("days_between(today(), $start) >= 7", &start),
            Value::Bool(true)
        );
    }

    #[test]
    fn the_fields_read_are_listed_once() {
        let e = compile(r#"$kind == "x" or ($months > 1 and answered($kind))"#).expect("valid");
        assert_eq!(e.fields(), ["kind", "months"]);
        assert_eq!(e.ty(), Type::Bool);
    }

    fn error(src: &str) -> ExprError {
        compile(src).expect_err(src)
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(
            error("$kind == "),
            ExprError {
                at: 9,
                code: ExprErrorCode::UnexpectedEnd
            }
        );
        assert_eq!(error("1 + # 2").at, 4);
        assert_eq!(
            error(r#"$kind == "open"#).code,
            ExprErrorCode::UnterminatedText
        );
        assert_eq!(
            error("$nope > 1").code,
            ExprErrorCode::UnknownField {
                field: "nope".into()
            }
        );
        assert_eq!(
            error("$kind > 1").code,
            ExprErrorCode::NotComparable {
                left: Type::Text,
                right: Type::Number
            }
        );
        assert_eq!(error("1 < 2 < 3").at, 6);
        assert_eq!(
            error("$kind = \"a\"").code,
            ExprErrorCode::UnexpectedChar { found: '=' }
        );
        assert_eq!(
            error("frobnicate(1)").code,
            ExprErrorCode::UnknownFunction {
                name: "frobnicate".into()
            }
        );
        assert_eq!(
            error("answered()").code,
            ExprErrorCode::WrongArgumentCount {
                function: "answered".into(),
                expected: 1
            }
        );
        assert_eq!(error("answered(1)").code, ExprErrorCode::NotAField);
        assert_eq!(
            error(r#"date("2026-02-30") > today()"#).code,
            ExprErrorCode::InvalidDate {
                text: "2026-02-30".into()
            }
        );
        assert_eq!(
            error(r#"$months in [1, "a"]"#).code,
            ExprErrorCode::MixedList
        );
        assert_eq!(
            error("99999999999999999999").code,
            ExprErrorCode::NumberTooLarge
        );
        assert_eq!(
            error("true and 1").code,
            ExprErrorCode::TypeMismatch {
                expected: Type::Bool,
                found: Type::Number
            }
        );
        assert_eq!(
            error("1 2").code,
            ExprErrorCode::UnexpectedToken { found: "2".into() }
        );
    }

    #[test]
    fn type_errors_say_where() {
        // At the operator whose operands do not fit, or at the unknown field.
        assert_eq!(error("1 + $kind").at, 2);
        assert_eq!(error("1 < $nope").at, 4);
        assert_eq!(error(r#"true and ($kind == "a" or 3)"#).at, 23);
        assert_eq!(error("answered($nope)").at, 0);
    }

    #[test]
    fn size_and_depth_are_bounded() {
        let deep = format!("{}1{}", "(".repeat(40), ")".repeat(40));
        assert_eq!(error(&deep).code, ExprErrorCode::TooDeep { max: MAX_DEPTH });
        let wide = vec!["1"; 300].join(" + ");
        assert_eq!(
            error(&wide).code,
            ExprErrorCode::TooComplex { max: MAX_NODES }
        );
        let long = "1".repeat(MAX_LEN + 1);
        assert_eq!(error(&long).code, ExprErrorCode::TooLong { max: MAX_LEN });
        let nots = format!("{}true", "not ".repeat(100));
        assert!(matches!(error(&nots).code, ExprErrorCode::TooDeep { .. }));
    }
}
