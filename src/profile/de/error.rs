//! The deserialiser's error: what serde reported, kept as data.
//!
//! Serde's derive reports problems through the [`de::Error`] trait methods
//! (`unknown_field(name, expected)`, `missing_field(name)`, …). A format's
//! error type usually flattens them into English sentences; this one keeps
//! the arguments, so that diagnostics are built from the field name and the
//! list of valid keys instead of from parsing a message that a dependency
//! upgrade could reword.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Error as _, Expected, Unexpected};

/// One deserialisation error: what went wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub problem: Problem,
    /// Byte range of the value (or key) being read when the problem arose.
    /// The innermost value sets it; enclosing values leave it alone.
    pub span: Option<Range<usize>>,
    /// Whether that value was asked for as a list (`deserialize_seq`): a
    /// string there is most likely a list written without brackets.
    pub wanted_list: bool,
}

/// What went wrong, with the arguments serde's trait methods were given.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A key the struct does not have; `expected` lists the keys it has.
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    /// A required key is absent from its table.
    MissingField { field: &'static str },
    /// The same key twice (TOML rejects this before serde sees it).
    DuplicateField { field: &'static str },
    /// A value of the wrong kind, e.g. a string where a list belongs.
    InvalidType { found: Found, expected: String },
    /// A value of the right kind but out of range, e.g. `-1` for a count.
    InvalidValue { found: Found, expected: String },
    /// A list of the wrong length (only tuples and arrays care).
    InvalidLength { len: usize, expected: String },
    /// A string naming no variant of an enum; `expected` lists the variants.
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    /// A message of a hand-written deserialiser (or of this one).
    Custom(String),
}

/// The value serde found instead of the one it expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Serde's description of it: `string "fast"`, ``integer `3` ``, `map`.
    pub description: String,
    /// Whether it was a string.
    pub is_text: bool,
}

impl Found {
    fn new(unexpected: Unexpected) -> Self {
        Self {
            description: unexpected.to_string(),
            is_text: matches!(unexpected, Unexpected::Str(_)),
        }
    }

    fn unexpected(&self) -> Unexpected<'_> {
        Unexpected::Other(&self.description)
    }
}

impl Error {
    /// A message of this deserialiser about the value at `span`.
    pub(super) fn custom_at(message: impl fmt::Display, span: Range<usize>) -> Self {
        let mut error = Self::custom(message);
        error.span = Some(span);
        error
    }

    /// Records where the problem is, unless a value inside already did.
    pub(super) fn at(mut self, span: &Range<usize>, wanted_list: bool) -> Self {
        if self.span.is_none() {
            self.span = Some(span.clone());
            self.wanted_list = wanted_list;
        }
        self
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Self {
        Self {
            problem,
            span: None,
            wanted_list: false,
        }
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Problem::Custom(message.to_string()).into()
    }

    fn invalid_type(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        let (found, expected) = (Found::new(unexpected), expected.to_string());
        Problem::InvalidType { found, expected }.into()
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        let (found, expected) = (Found::new(unexpected), expected.to_string());
        Problem::InvalidValue { found, expected }.into()
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        let expected = expected.to_string();
        Problem::InvalidLength { len, expected }.into()
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let variant = variant.to_owned();
        Problem::UnknownVariant { variant, expected }.into()
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let field = field.to_owned();
        Problem::UnknownField { field, expected }.into()
    }

    fn missing_field(field: &'static str) -> Self {
        Problem::MissingField { field }.into()
    }

    fn duplicate_field(field: &'static str) -> Self {
        Problem::DuplicateField { field }.into()
    }
}

/// Serde's own wording of each problem: the arguments are handed back to
/// serde's plain error type, whose messages are the trait's defaults.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        type Serde = de::value::Error;
        let serde = match self {
            Problem::UnknownField { field, expected } => Serde::unknown_field(field, expected),
            Problem::MissingField { field } => Serde::missing_field(field),
            Problem::DuplicateField { field } => Serde::duplicate_field(field),
            Problem::InvalidType { found, expected } => {
                Serde::invalid_type(found.unexpected(), &expected.as_str())
            }
            Problem::InvalidValue { found, expected } => {
                Serde::invalid_value(found.unexpected(), &expected.as_str())
            }
            Problem::InvalidLength { len, expected } => {
                Serde::invalid_length(*len, &expected.as_str())
            }
            Problem::UnknownVariant { variant, expected } => {
                Serde::unknown_variant(variant, expected)
            }
            Problem::Custom(message) => return f.write_str(message),
        };
        fmt::Display::fmt(&serde, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem.fmt(f)
    }
}

impl std::error::Error for Error {}
