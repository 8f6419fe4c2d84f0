//! Glyphs: every character of the document is drawn. A character no font
//! has is shaped as `.notdef` and prints as an empty box, whether the
//! profile wrote it or the layout did (an icon, a translated label).

use std::collections::BTreeMap;

use super::text::DocumentView;
use super::{Finding, Proof, quoted};
use crate::diagnostic::{Code, Diagnostic};
use crate::layout_data::Fact;

pub fn check(view: &DocumentView, facts: &[Fact]) -> Vec<Finding> {
    // Each missing character once, with the first run and page it is in.
    let mut missing: BTreeMap<char, (usize, &str)> = BTreeMap::new();
    for run in &view.runs {
        for c in &run.missing {
            missing.entry(*c).or_insert((run.page, &run.text));
        }
    }
    missing
        .into_iter()
        .map(|(c, (page, text))| {
            let fact = facts.iter().find(|f| f.text.contains(c));
            let whose = match fact {
                Some(fact) => format!("the profile's text (`{}`)", fact.path),
                None => "text the layout writes".to_string(),
            };
            let diagnostic = Diagnostic::warning(Code::MissingGlyph, format!(
                "no font draws `{c}` (U+{:04X}): it prints as an empty box in {} on page {}, {whose}",
                u32::from(c),
                quoted(text),
                page + 1
            ))
            .hint("use a font that has it (--theme font=…), or write the text without it; a layout adds a fallback font to its `text(font: …)` list");
            Finding {
                proof: Proof::Glyphs,
                // Located where the profile wrote it, when it did.
                diagnostic: match fact {
                    Some(_) => diagnostic.find(c.to_string()),
                    None => diagnostic,
                },
            }
        })
        .collect()
}
