//! Fields and lists as another tool wrote them.
//!
//! Documents in the wild put numbers, lists or objects where a schema says
//! text, and text where it says list. The typed documents therefore hold
//! each field as whatever JSON was written, and the importers decide what to
//! make of it: reading a document never fails on a field, and no field is
//! lost before an importer has seen it.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Fields a document has and its type does not name, in order of their
/// names (the order the importers list them in).
pub type Extra = BTreeMap<String, Value>;

/// A field as written: absent, or any JSON value, `null` included.
///
/// Unlike `Option<Value>`, a field written as `null` is present: the
/// importers keep or list it as they would any other value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Field(Option<Value>);

impl Field {
    pub fn get(&self) -> Option<&Value> {
        self.0.as_ref()
    }

    /// The text, when the field holds a string.
    pub fn as_str(&self) -> Option<&str> {
        self.get().and_then(Value::as_str)
    }

    /// The field read as a table of type `T`, when it holds one.
    pub fn parse<T: DeserializeOwned>(&self) -> Option<T> {
        match self.get()? {
            table @ Value::Object(_) => serde_json::from_value(table.clone()).ok(),
            _ => None,
        }
    }
}

impl From<Value> for Field {
    fn from(value: Value) -> Self {
        Field(Some(value))
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Field::from)
    }
}

/// An absent field is written as `null`; the export leaves nulls out.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// A list of entries as written. Items that are not objects are skipped
/// but keep their place, so an entry is named by its position in the
/// document (`work[2]`) whatever stands before it; anything but a list
/// has no entries.
#[derive(Debug, Clone)]
pub struct Entries<T>(Vec<Option<T>>);

impl<T> Entries<T> {
    /// The entries, each with its position in the written list.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &T)> {
        self.0
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| Some((i, entry.as_ref()?)))
    }
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<T> FromIterator<T> for Entries<T> {
    fn from_iter<I: IntoIterator<Item = T>>(entries: I) -> Self {
        Entries(entries.into_iter().map(Some).collect())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Value::Array(items) = Value::deserialize(deserializer)? else {
            return Ok(Entries::default());
        };
        let entries = items.into_iter().map(|item| match item {
            Value::Object(_) => serde_json::from_value(item).ok(),
            _ => None,
        });
        Ok(Entries(entries.collect()))
    }
}

impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().flatten())
    }
}

/// For `deserialize_with`: a `T` where the document has one, and
/// `T::default()` where it has something else.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}
