//! TOML datetimes, handed to serde the way toml does it.
//!
//! serde has no datetime type, so `toml_datetime` defines a protocol: a
//! datetime is a one-entry map whose key is a private field name and whose
//! value is the datetime as text; `Datetime`'s own `Deserialize` asks for a
//! struct of a private name with that one field. Visitors rely on it:
//! `toml::Value`, and vitae's `DateInput`, which reads a date literal
//! through `Datetime::deserialize`. The names are not public, so they are
//! learnt once from `Datetime::deserialize` itself (the side that defines
//! them) rather than copied here, where an upgrade could leave them stale.

use std::sync::OnceLock;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, Visitor};
use toml::value::Datetime;

use super::Error;

/// The struct name and field name of the datetime protocol.
#[derive(Clone, Copy)]
struct Protocol {
    name: &'static str,
    field: &'static str,
}

fn protocol() -> Option<Protocol> {
    static PROTOCOL: OnceLock<Option<Protocol>> = OnceLock::new();
    *PROTOCOL.get_or_init(|| {
        let mut found = None;
        // The probe always fails; what matters is what it was asked for.
        let _ = Datetime::deserialize(Probe(&mut found));
        found
    })
}

/// Whether serde asks for a struct named `name` to get a datetime.
pub(super) fn is_datetime(name: &str) -> bool {
    protocol().is_some_and(|p| p.name == name)
}

/// A deserialiser that records which struct `Datetime` asks it for.
struct Probe<'a>(&'a mut Option<Protocol>);

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        if let [field] = fields {
            *self.0 = Some(Protocol { name, field });
        }
        Err(de::Error::custom("probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// One datetime as the protocol's one-entry map.
pub(super) struct DatetimeAccess {
    field: &'static str,
    text: Option<String>,
}

impl DatetimeAccess {
    pub(super) fn new(datetime: &Datetime) -> Result<Self, Error> {
        let protocol = protocol().ok_or_else(|| {
            <Error as de::Error>::custom(
                "this build of vitae cannot read TOML dates; write the date as a string",
            )
        })?;
        Ok(Self {
            field: protocol.field,
            text: Some(datetime.to_string()),
        })
    }
}

impl<'de> de::MapAccess<'de> for DatetimeAccess {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(self.field))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let text = self
            .text
            .take()
            .expect("serde asks for a value only after its key");
        seed.deserialize(StringDeserializer::new(text))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::from(self.text.is_some()))
    }
}
