//! This deserialiser against toml's own: for every input, the same value or
//! an error with serde's same message at the same span.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeTable;

use super::error::Found;
use super::{Error, Problem, from_document};
use crate::profile::model::Profile;

type Outcome = Result<String, (String, Option<Range<usize>>)>;

fn theirs<T: for<'de> Deserialize<'de> + Debug>(root: &Spanned<DeTable<'_>>) -> Outcome {
    T::deserialize(toml::de::Deserializer::from(root.clone()))
        .map(|value| format!("{value:?}"))
        .map_err(|e| (e.message().to_string(), e.span()))
}

fn ours<T: for<'de> Deserialize<'de> + Debug>(root: &Spanned<DeTable<'_>>) -> Outcome {
    from_document::<T>(root)
        .map(|value| format!("{value:?}"))
        .map_err(|e| (e.to_string(), e.span))
}

/// Asserts both deserialisers agree on `text`; returns this one's error.
fn agree<T: for<'de> Deserialize<'de> + Debug>(text: &str) -> Option<Error> {
    let (root, syntax) = DeTable::parse_recoverable(text);
    assert!(syntax.is_empty(), "not valid TOML: {text}");
    assert_eq!(ours::<T>(&root), theirs::<T>(&root), "{text}");
    from_document::<T>(&root).err()
}

const PROFILE_ERRORS: &[&str] = &[
    "[[skills]]\nlevel = \"x\"\n",
    "[[awards]]\nsummary = \"x\"\n",
    "basics = 2022-01-01\n",
    "basics = \"Ada\"\n",
    "[basics]\nname = 2022-01-01\n",
    "[basics]\nname = \"A\"\nnmae = \"B\"\n",
    "[basics]\nname = 1\n",
    "[basics]\nname = 1.5\n",
    "[basics]\nname = true\n",
    "[basics]\nname = [\"A\"]\n",
    "[basics]\nname = { first = \"A\" }\n",
    "[basics]\nname = \"A\"\nlocation = 3\n",
    "[basics]\nname = \"A\"\nlocation = { city = \"P\", town = \"Q\" }\n",
    "[basics]\nname = \"A\"\n[[basics.profiles]]\nnetwork = \"G\"\nuser = \"x\"\n",
    "[basics]\nname = \"A\"\nemail = 5\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = true\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = 1.5\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = 2022-10-03T10:00:00\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = 2022-10-03T10:00:00Z\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = 10:00:00\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = [2022]\n",
    "[basics]\nname = \"A\"\n[[work]]\nstart = { year = 2022 }\n",
    "[basics]\nname = \"A\"\n[[work]]\nhighlights = \"one\"\n",
    "[basics]\nname = \"A\"\n[[work]]\nhighlights = [\"a\", { text = \"b\", itmes = [] }]\n",
    "[basics]\nname = \"A\"\n[[work]]\nhighlights = [{ items = [\"a\", { txt = \"b\" }] }]\n",
    "[basics]\nname = \"A\"\n[[work]]\nhighlights = [3]\n",
    "[basics]\nname = \"A\"\n[[work]]\nstack = \"rust, go\"\n",
    "[basics]\nname = \"A\"\n[[work]]\nstack = \"a, expected b\"\n",
    "[basics]\nname = \"A\"\n[[work]]\nstack = [1]\n",
    "[basics]\nname = \"A\"\n[[work]]\n[[work]]\n[[work]]\ntitle = \"x\"\n",
    "[basics]\nname = \"A\"\n[[work]]\n[[work.roles]]\nrole = \"x\"\n",
    "[basics]\nname = \"A\"\n[[projects]]\nname = \"P\"\nstars = -1\n",
    "[basics]\nname = \"A\"\n[[projects]]\nname = \"P\"\nstars = 5000000000\n",
    "[basics]\nname = \"A\"\n[[projects]]\nname = \"P\"\nstars = 1.5\n",
    "[basics]\nname = \"A\"\n[[projects]]\nname = \"P\"\nfeatured = \"yes\"\n",
    "[basics]\nname = \"A\"\n[[projects]]\ndescription = \"P\"\n",
    "[basics]\nname = \"A\"\nwork = \"x\"\n",
    "[basics]\nname = \"A\"\nwork = { name = \"x\" }\n",
    "[basics]\nname = \"A\"\ntheme = 3\n",
    "[basics]\nname = \"A\"\ntitles = { work = 3 }\n",
    "[basics]\nname = \"A\"\nlocale = [\"en\"]\n",
    "[basics]\nname = \"A\"\n[[variants]]\ninclude = [\"x\"]\n",
    "[basics]\nname = \"A\"\n[[variants]]\nname = \"v\"\ntheme = [1]\n",
    "[basics]\nname = \"A\"\n[[sections]]\ntitle = \"S\"\n[[sections.entries]]\ndate = false\n",
    "[basics]\nname = \"A\"\n[[sections]]\ntitle = \"S\"\n[[sections.blocks]]\nnumbered = 1\n",
    "[basics]\nname = \"A\"\n\"na`me\" = 1\n",
    "[basics]\nname = \"A\"\n\"\" = 1\n",
];

#[test]
fn profile_errors_match_toml() {
    for text in PROFILE_ERRORS {
        assert!(agree::<Profile>(text).is_some(), "{text}");
    }
}

#[test]
fn example_profiles_parse_as_with_toml() {
    for entry in std::fs::read_dir("profiles").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        assert!(agree::<Profile>(&text).is_none());
    }
}

const VALUES: &str = r#"
string = "s"
literal = 'l'
integers = [0, -7, 0xff, 0o17, 0b101, 9223372036854775807, -9223372036854775808]
floats = [1.5, -0.0, 1e300, inf, -inf, 6.02e23]
nan = nan
booleans = [true, false]
offset-datetime = 1979-05-27T07:32:00-08:00
local-datetime = 1979-05-27T07:32:00.999
date = 1979-05-27
time = 07:32:00
mixed = [1, "a", [2.5], { x = 1979-05-27 }]
inline = { a = { b = [] } }
[table.nested]
x = 1
[[tables]]
y = 2
[[tables]]
"#;

#[test]
fn every_toml_value_reads_as_with_toml() {
    agree::<BTreeMap<String, toml::Value>>(VALUES);
    agree::<BTreeMap<String, Spanned<toml::Value>>>(VALUES);
    agree::<toml::Table>(VALUES);
    agree::<BTreeMap<Spanned<String>, Spanned<toml::Value>>>(VALUES);
}

#[test]
fn numbers_out_of_range_fail_as_with_toml() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Numbers {
        small: Option<u8>,
        big: Option<u64>,
        float: Option<f32>,
        datetime: Option<toml::value::Datetime>,
    }
    for text in [
        "small = 256",
        "small = -1",
        "big = -1",
        "big = 1.0",
        "float = 1e300",
        "float = 1",
        "datetime = 1979-05-27",
        "datetime = \"1979-05-27\"",
        "datetime = 3",
        "small = 1979-05-27",
        "float = 1e400",
        "big = 18446744073709551615",
        "big = 340282366920938463463374607431768211455",
        "big = 0xffffffffffffffffffffffffffffffffff",
    ] {
        agree::<Numbers>(text);
    }
}

#[test]
fn enums_read_as_with_toml() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Kind {
        Plain,
        Count(u32),
        Pair { a: i64 },
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Holder {
        kind: Kind,
    }
    for text in [
        "kind = \"Plain\"",
        "kind = \"Plian\"",
        "kind = { Count = 3 }",
        "kind = { Pair = { a = 1 } }",
        "kind = {}",
        "kind = { Count = 1, Plain = 2 }",
        "kind = 3",
    ] {
        agree::<Holder>(text);
    }
}

#[test]
fn problems_are_recorded_as_data() {
    let error = agree::<Profile>("[basics]\nname = \"A\"\nnmae = \"B\"\n").unwrap();
    let Problem::UnknownField { field, expected } = error.problem else {
        panic!("{error:?}");
    };
    assert_eq!(field, "nmae");
    assert!(expected.contains(&"name") && expected.contains(&"label"));

    let error = agree::<Profile>("[basics]\nname = \"A\"\n[[work]]\nstack = \"go\"\n").unwrap();
    let found = Found {
        description: "string \"go\"".into(),
        is_text: true,
    };
    let expected = "a sequence".to_string();
    assert_eq!(error.problem, Problem::InvalidType { found, expected });
    assert!(error.wanted_list);

    let error = agree::<Profile>("[[awards]]\nsummary = \"x\"\n").unwrap();
    assert_eq!(error.problem, Problem::MissingField { field: "title" });
}

/// The datetime protocol is learnt from `Datetime` at run time: if an
/// upgrade changed it beyond recognition, this fails.
#[test]
fn the_datetime_protocol_is_understood() {
    let (root, _) = DeTable::parse_recoverable("d = 1979-05-27T07:32:00Z");
    let dates: BTreeMap<String, toml::value::Datetime> = from_document(&root).unwrap();
    assert_eq!(dates["d"].to_string(), "1979-05-27T07:32:00Z");
}
