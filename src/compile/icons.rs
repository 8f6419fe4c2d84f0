//! Contact icons: the outlines of Font Awesome 6 glyphs (the OFL fonts in
//! `fonts/font-awesome/`), served to every layout as `/@vitae/icons.json`
//! and drawn by `contact-icon` in vitae.typ as filled curves.
//!
//! Shapes rather than text, for two reasons: every icon font puts its
//! glyphs at private-use code points, which PDF/A forbids (the default
//! export refuses them); and a résumé parser should read the address next
//! to an icon, not a private-use character before it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;
use ttf_parser::{Face, OutlineBuilder};

use super::fonts::bundled_file;

/// The icon font files.
const SOLID: &str = "font-awesome/fa-solid-900.ttf";
const BRANDS: &str = "font-awesome/fa-brands-400.ttf";

/// Each icon: its name, the font it is in, and its code point there.
pub const GLYPHS: [(&str, &str, char); 14] = [
    ("email", SOLID, '\u{f0e0}'),
    ("phone", SOLID, '\u{f095}'),
    ("location", SOLID, '\u{f3c5}'),
    ("web", SOLID, '\u{f0ac}'),
    ("github", BRANDS, '\u{f09b}'),
    ("gitlab", BRANDS, '\u{f296}'),
    ("linkedin", BRANDS, '\u{f08c}'),
    ("mastodon", BRANDS, '\u{f4f6}'),
    ("orcid", BRANDS, '\u{f8d2}'),
    ("googlescholar", BRANDS, '\u{e63b}'),
    ("x", BRANDS, '\u{e61b}'),
    ("stackoverflow", BRANDS, '\u{f16c}'),
    ("bluesky", BRANDS, '\u{e671}'),
    ("researchgate", BRANDS, '\u{f4f8}'),
];

/// Contact kinds and network names (lower case, letters only) and the icon
/// each gets; a network not listed keeps its text label.
pub const KINDS: [(&str, &str); 16] = [
    ("email", "email"),
    ("phone", "phone"),
    ("location", "location"),
    ("url", "web"),
    ("github", "github"),
    ("gitlab", "gitlab"),
    ("linkedin", "linkedin"),
    ("mastodon", "mastodon"),
    ("orcid", "orcid"),
    ("googlescholar", "googlescholar"),
    ("scholar", "googlescholar"),
    ("x", "x"),
    ("twitter", "x"),
    ("stackoverflow", "stackoverflow"),
    ("bluesky", "bluesky"),
    ("researchgate", "researchgate"),
];

/// What layouts read: the shapes by name, and which name each kind uses.
#[derive(Serialize)]
struct Icons {
    glyphs: BTreeMap<&'static str, Shape>,
    kinds: BTreeMap<&'static str, &'static str>,
}

/// One icon in em units: a box `width` wide and 1 em high whose baseline
/// is `descent` above its bottom, and the outline inside it as curve
/// commands (y grows downwards, as in Typst): `["M", x, y]`, `["L", x, y]`,
/// `["Q", cx, cy, x, y]`, `["C", c1x, c1y, c2x, c2y, x, y]`, `["Z"]`.
#[derive(Serialize)]
struct Shape {
    width: f32,
    descent: f32,
    path: Vec<Command>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Command {
    Close((&'static str,)),
    Point(&'static str, f32, f32),
    Quad(&'static str, f32, f32, f32, f32),
    Cubic(&'static str, f32, f32, f32, f32, f32, f32),
}

/// `/@vitae/icons.json`, built once per process.
pub fn json() -> &'static [u8] {
    static JSON: OnceLock<Vec<u8>> = OnceLock::new();
    JSON.get_or_init(|| {
        let icons = Icons {
            glyphs: GLYPHS
                .iter()
                .filter_map(|&(name, file, c)| Some((name, shape(file, c)?)))
                .collect(),
            kinds: KINDS.into_iter().collect(),
        };
        serde_json::to_vec(&icons).unwrap_or_default()
    })
}

/// The outline of `c` in the bundled font `file`; none if either is
/// missing (the unit test below makes sure neither is).
fn shape(file: &str, c: char) -> Option<Shape> {
    let face = Face::parse(bundled_file(file)?, 0).ok()?;
    let glyph = face.glyph_index(c)?;
    let units = f32::from(face.units_per_em());
    let ascender = f32::from(face.ascender());
    let mut path = Path {
        scale: 1.0 / units,
        top: ascender,
        commands: Vec::new(),
    };
    face.outline_glyph(glyph, &mut path)?;
    Some(Shape {
        width: f32::from(face.glyph_hor_advance(glyph)?) / units,
        descent: -f32::from(face.descender()) / units,
        path: path.commands,
    })
}

/// Collects an outline as commands, in em, flipped so y grows downwards
/// from the font's ascender.
struct Path {
    scale: f32,
    top: f32,
    commands: Vec<Command>,
}

impl Path {
    fn x(&self, x: f32) -> f32 {
        round(x * self.scale)
    }
    fn y(&self, y: f32) -> f32 {
        round((self.top - y) * self.scale)
    }
}

/// Four decimals of an em: a thousandth of a point at 10 pt, and stable
/// JSON (and so stable PDF bytes) on every machine.
fn round(v: f32) -> f32 {
    (v * 10_000.0).round() / 10_000.0
}

impl OutlineBuilder for Path {
    fn move_to(&mut self, x: f32, y: f32) {
        let point = Command::Point("M", self.x(x), self.y(y));
        self.commands.push(point);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let point = Command::Point("L", self.x(x), self.y(y));
        self.commands.push(point);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let quad = Command::Quad("Q", self.x(x1), self.y(y1), self.x(x), self.y(y));
        self.commands.push(quad);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (a, b, c, d, e, f) = (
            self.x(x1),
            self.y(y1),
            self.x(x2),
            self.y(y2),
            self.x(x),
            self.y(y),
        );
        self.commands.push(Command::Cubic("C", a, b, c, d, e, f));
    }
    fn close(&mut self) {
        self.commands.push(Command::Close(("Z",)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_has_an_outline_and_every_kind_an_icon() {
        for (name, file, c) in GLYPHS {
            let shape = shape(file, c).unwrap_or_else(|| panic!("no outline for {name}"));
            assert!(shape.path.len() > 3, "{name} is empty");
            assert!(
                shape.width > 0.3 && shape.width < 1.5,
                "{name}: width {}",
                shape.width
            );
        }
        for (kind, name) in KINDS {
            assert!(GLYPHS.iter().any(|(n, ..)| *n == name), "{kind} → {name}");
        }
    }

    #[test]
    fn the_icons_file_is_the_same_every_time() {
        let json: serde_json::Value = serde_json::from_slice(json()).unwrap();
        assert_eq!(json["glyphs"].as_object().unwrap().len(), GLYPHS.len());
        assert_eq!(json["kinds"]["twitter"], "x");
    }
}
