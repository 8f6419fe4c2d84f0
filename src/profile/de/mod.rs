//! A serde deserialiser over toml's span-carrying tree ([`DeTable`]), whose
//! [`Error`] keeps what went wrong as data (see `error.rs`).
//!
//! It mirrors `toml::de::Deserializer` call for call (the same visitor
//! methods with the same arguments, the same spans on errors), so profiles
//! parse exactly as before; only the error type differs. It borrows the tree
//! instead of consuming it, so the recovery loop in `load.rs` can retry
//! without cloning the tree first.
//!
//! Two of toml's conventions are serde protocols of other crates, used here
//! through those crates: [`toml::Spanned`] (`serde_spanned::de`) and TOML
//! datetimes (`datetime.rs`).

mod access;
mod datetime;
mod error;

use std::ops::Range;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, Deserialize, IntoDeserializer, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};
use toml::Spanned;
use toml::de::{DeFloat, DeInteger, DeTable, DeValue};

use access::{ArrayAccess, TableAccess};
use datetime::DatetimeAccess;
pub use error::{Error, Problem};

/// Deserialises `T` from a parsed TOML document.
pub fn from_document<'de, T: Deserialize<'de>>(
    root: &'de Spanned<DeTable<'de>>,
) -> Result<T, Error> {
    T::deserialize(ValueDeserializer {
        node: Node::Document(root.get_ref()),
        span: root.span(),
    })
}

/// What a [`ValueDeserializer`] reads: a value, or the document's root table
/// (which the tree keeps as a bare table, not as a value).
#[derive(Clone, Copy)]
enum Node<'de> {
    Value(&'de DeValue<'de>),
    Document(&'de DeTable<'de>),
}

/// Deserialises one value of the tree; `span` is where it is in the text.
struct ValueDeserializer<'de> {
    node: Node<'de>,
    span: Range<usize>,
}

impl<'de> ValueDeserializer<'de> {
    fn new(value: &'de Spanned<DeValue<'de>>) -> Self {
        Self {
            node: Node::Value(value.get_ref()),
            span: value.span(),
        }
    }

    /// Hands the value to `visitor` as what it is (toml's `deserialize_any`).
    fn visit<V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Error> {
        let value = match self.node {
            Node::Document(table) => return visitor.visit_map(TableAccess::new(table)),
            Node::Value(value) => value,
        };
        match value {
            DeValue::String(text) => visitor.visit_borrowed_str(text),
            DeValue::Integer(number) => visit_integer(number, visitor),
            DeValue::Float(number) => visit_float(number, visitor),
            DeValue::Boolean(flag) => visitor.visit_bool(*flag),
            DeValue::Datetime(datetime) => visitor.visit_map(DatetimeAccess::new(datetime)?),
            DeValue::Array(array) => visitor.visit_seq(ArrayAccess::new(array)),
            DeValue::Table(table) => visitor.visit_map(TableAccess::new(table)),
        }
    }

    /// `result`, with this value's span on an error that has none yet.
    fn locate<T>(&self, result: Result<T, Error>, wanted_list: bool) -> Result<T, Error> {
        result.map_err(|error| error.at(&self.span, wanted_list))
    }

    fn table(&self) -> Option<&'de DeTable<'de>> {
        match self.node {
            Node::Document(table) | Node::Value(DeValue::Table(table)) => Some(table),
            Node::Value(_) => None,
        }
    }

    /// An enum is a string naming a unit variant, or a one-key table
    /// `{ variant = value }`, as toml reads them. (The profile has no enums
    /// yet; two rarities toml adds are left out: a unit variant written as
    /// `{ variant = {} }`, and toml's own check of a struct variant's keys,
    /// which `deny_unknown_fields` does anyway.)
    fn visit_enum<V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Error> {
        if let Node::Value(DeValue::String(text)) = self.node {
            return visitor.visit_enum(BorrowedStrDeserializer::new(text));
        }
        let Some(table) = self.table() else {
            return Err(Error::custom_at(
                "wanted string or table",
                self.span.clone(),
            ));
        };
        match table.len() {
            1 => visitor.visit_enum(de::value::MapAccessDeserializer::new(TableAccess::new(
                table,
            ))),
            0 => Err(Error::custom_at(
                "wanted exactly 1 element, found 0 elements",
                self.span.clone(),
            )),
            _ => Err(Error::custom_at(
                "wanted exactly 1 element, more than 1 element",
                self.span.clone(),
            )),
        }
    }
}

/// An integer goes to the narrowest of i64, u64, i128, u128 that holds it.
fn visit_integer<'de, V: Visitor<'de>>(number: &DeInteger, visitor: V) -> Result<V::Value, Error> {
    let (digits, radix) = (number.as_str(), number.radix());
    if let Ok(n) = i64::from_str_radix(digits, radix) {
        visitor.visit_i64(n)
    } else if let Ok(n) = u64::from_str_radix(digits, radix) {
        visitor.visit_u64(n)
    } else if let Ok(n) = i128::from_str_radix(digits, radix) {
        visitor.visit_i128(n)
    } else if let Ok(n) = u128::from_str_radix(digits, radix) {
        visitor.visit_u128(n)
    } else {
        Err(de::Error::custom("integer number overflowed"))
    }
}

/// A float too large for f64 is refused, rather than read as infinity
/// (`inf` itself is fine).
fn visit_float<'de, V: Visitor<'de>>(number: &DeFloat, visitor: V) -> Result<V::Value, Error> {
    let text = number.as_str();
    match text.parse::<f64>() {
        Ok(n) if !n.is_infinite() || text.contains("inf") => visitor.visit_f64(n),
        _ => Err(de::Error::custom("floating-point number overflowed")),
    }
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.locate(self.visit(visitor), false)
    }

    /// Asked for a list: errors say so, for the "write a list" hint.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.locate(self.visit(visitor), true)
    }

    /// A value that is present is `Some`; absent keys never get here.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = self.span.clone();
        visitor.visit_some(self).map_err(|e| e.at(&span, false))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let span = self.span.clone();
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(&span, false))
    }

    /// [`Spanned`] and TOML datetimes announce themselves by struct name.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if is_spanned(name) {
            let span = self.span.clone();
            return visitor
                .visit_map(SpannedDeserializer::new(self, span.clone()))
                .map_err(|e| e.at(&span, false));
        }
        if let Node::Value(DeValue::Datetime(datetime)) = self.node
            && datetime::is_datetime(name)
        {
            let result = DatetimeAccess::new(datetime).and_then(|map| visitor.visit_map(map));
            return self.locate(result, false);
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.visit_enum(visitor), false)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct map identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for ValueDeserializer<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests;
