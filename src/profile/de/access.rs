//! Tables and arrays of the tree, handed to serde's visitors entry by entry.

use std::ops::Range;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};
use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::{Error, ValueDeserializer};

/// A table's keys and values, in the tree's order.
pub(super) struct TableAccess<'de> {
    entries: toml::map::Iter<'de, Spanned<DeString<'de>>, Spanned<DeValue<'de>>>,
    value: Option<&'de Spanned<DeValue<'de>>>,
}

impl<'de> TableAccess<'de> {
    pub(super) fn new(table: &'de DeTable<'de>) -> Self {
        Self {
            entries: table.iter(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for TableAccess<'de> {
    type Error = Error;

    /// An error about a key (an unknown field) is located at the key.
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let span = key.span();
        seed.deserialize(KeyDeserializer::new(key.get_ref(), span.clone()))
            .map(Some)
            .map_err(|e| e.at(&span, false))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .expect("serde asks for a value only after its key");
        seed.deserialize(ValueDeserializer::new(value))
            .map_err(|e| e.at(&value.span(), false))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An array's values, in order.
pub(super) struct ArrayAccess<'de> {
    items: std::slice::Iter<'de, Spanned<DeValue<'de>>>,
}

impl<'de> ArrayAccess<'de> {
    pub(super) fn new(array: &'de DeArray<'de>) -> Self {
        Self {
            items: array.iter(),
        }
    }
}

impl<'de> de::SeqAccess<'de> for ArrayAccess<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.items
            .next()
            .map(|item| seed.deserialize(ValueDeserializer::new(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A table key: a string, which may be asked for as a [`Spanned`] one.
pub(super) struct KeyDeserializer<'de> {
    key: &'de str,
    span: Range<usize>,
}

impl<'de> KeyDeserializer<'de> {
    fn new(key: &'de str, span: Range<usize>) -> Self {
        Self { key, span }
    }
}

impl<'de> de::Deserializer<'de> for KeyDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.key)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// A key can name a unit variant (`BTreeMap<SomeEnum, _>`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.key))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for KeyDeserializer<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
