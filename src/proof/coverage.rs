//! Coverage: every fact of the profile is in the document's visible text.
//!
//! Text is compared folded: without whitespace (line breaks move it), in
//! lower case (layouts may set headings in capitals), with every quote
//! mark as `"` and typographic dashes as plain ones. Page furniture (artifacts) and text a
//! clip hides do not count: a fact printed only there is lost.

use std::ops::Range;

use super::text::{DocumentView, TextRun};
use super::{Finding, Input, Proof, capped, quoted};
use crate::diagnostic::{Code, Diagnostic};
use crate::layout_data::{Fact, Origin};
use crate::profile::tree::display_path;

/// The most missing facts listed one by one.
const MAX_LISTED: usize = 12;

/// The folded text of a document, with where each run starts in it.
pub struct Body {
    pub text: String,
    starts: Vec<(usize, usize)>,
}

impl Body {
    /// The visible profile text: every run that shows and is not furniture.
    pub fn of(runs: &[TextRun]) -> Body {
        Self::folded(runs, |run| !run.artifact && run.is_visible())
    }

    /// All text, shown or not.
    fn everything(runs: &[TextRun]) -> Body {
        Self::folded(runs, |_| true)
    }

    fn folded(runs: &[TextRun], keep: impl Fn(&TextRun) -> bool) -> Body {
        let mut text = String::new();
        let mut starts = Vec::new();
        for (i, run) in runs.iter().enumerate().filter(|(_, r)| keep(r)) {
            starts.push((text.len(), i));
            let mut run_text = run.text.as_str();
            // Some languages (es, pt) repeat a hyphen at the start of the
            // line after a break at it: one hyphen in the source.
            if text.ends_with('-') {
                run_text = run_text.trim_start_matches(['-', '‐', '‑']);
            }
            fold_into(run_text, &mut text);
        }
        Body { text, starts }
    }

    /// The index (into the document's runs) of the run at byte `at`.
    pub fn run_at(&self, at: usize) -> usize {
        let i = self.starts.partition_point(|(start, _)| *start <= at);
        self.starts[i.saturating_sub(1)].1
    }
}

/// `text` folded for comparison.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            c if c.is_whitespace() => {}
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            // One form for every quote mark: a locale may set `'` as “
            // (Spanish inner quotes, src/layout_data/typeset.rs).
            '\'' | '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | '“' | '”' | '„' | '«' | '»' | '″' => {
                out.push('"')
            }
            '‐' | '‑' | '‒' | '–' | '—' | '−' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

pub struct Coverage {
    pub findings: Vec<Finding>,
    pub found: usize,
    pub omitted: Vec<String>,
    /// Where each fact starts in the body text, when it is there.
    pub positions: Vec<Option<usize>>,
    /// Whether each fact's text occurs exactly once in the body text (only
    /// such a fact says where its entry and section are).
    pub unique: Vec<bool>,
}

pub fn check(input: &Input, view: &DocumentView, body: &Body) -> Coverage {
    let folded: Vec<String> = input.facts.iter().map(|f| fold(&f.text)).collect();
    let unique: Vec<bool> = folded
        .iter()
        .map(|f| !f.is_empty() && body.text.match_indices(f.as_str()).nth(1).is_none())
        .collect();
    let positions = placed(input.facts, &folded, &unique, body);
    let mut everything = None;
    let mut findings = Vec::new();
    let mut omitted = Vec::new();
    for ((fact, position), folded) in input.facts.iter().zip(&positions).zip(&folded) {
        if position.is_some() {
            continue;
        }
        if is_omitted(&fact.path, &input.layout.manifest.omits) {
            omitted.push(fact.path.clone());
            continue;
        }
        let all = everything.get_or_insert_with(|| Body::everything(&view.runs));
        let hidden = all
            .text
            .find(folded.as_str())
            .map(|at| &view.runs[all.run_at(at)]);
        findings.push(Finding {
            proof: Proof::Coverage,
            diagnostic: missing(input, fact, hidden),
        });
    }
    let found = positions.iter().filter(|p| p.is_some()).count();
    Coverage {
        findings: capped(findings, MAX_LISTED, "facts are missing"),
        found,
        omitted,
        positions,
        unique,
    }
}

/// Coverage of a text output (Markdown, plain text): every fact is in
/// `reading`, the text as its reader sees it. A text output is vitae's own
/// and prints everything, so a layout's `omits` do not apply. `what` names
/// the output in messages: "the Markdown".
pub fn check_text(input: &Input, reading: &str, what: &str) -> Vec<Diagnostic> {
    let body = fold(reading);
    let findings = input
        .facts
        .iter()
        .filter(|fact| !body.contains(&fold(&fact.text)))
        .map(|fact| Finding {
            proof: Proof::Coverage,
            diagnostic: lost_fact(input, fact, |key| {
                format!(
                    "`{key}` is missing from {what}: {} was lost",
                    quoted(&fact.text)
                )
            })
            .hint("this is a bug in vitae's text output: please report it with the profile"),
        })
        .collect();
    capped(findings, MAX_LISTED, "facts are missing")
        .into_iter()
        .map(|f| f.diagnostic)
        .collect()
}

/// Where each fact starts in the body text. A text that occurs more than
/// once ("German", "Rust") is placed at its occurrence nearest to its entry,
/// which the entry's facts that occur once locate.
fn placed(facts: &[Fact], folded: &[String], unique: &[bool], body: &Body) -> Vec<Option<usize>> {
    let first: Vec<Option<usize>> = folded.iter().map(|f| body.text.find(f)).collect();
    let mut anchors: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (i, fact) in facts.iter().enumerate() {
        if let (Some(entry), Some(at)) = (fact.entry, first[i])
            && unique[i]
        {
            let anchor = anchors.entry(entry).or_insert(at);
            *anchor = (*anchor).min(at);
        }
    }
    facts
        .iter()
        .enumerate()
        .map(|(i, fact)| {
            let anchor = fact.entry.and_then(|e| anchors.get(&e).copied());
            match (first[i], anchor) {
                (Some(at), Some(anchor)) if !unique[i] => body
                    .text
                    .match_indices(folded[i].as_str())
                    .map(|(at, _)| at)
                    .min_by_key(|at| at.abs_diff(anchor))
                    .or(Some(at)),
                (at, _) => at,
            }
        })
        .collect()
}

/// Whether `path` (`work[2].roles[0].highlights[3]`) is one of the keys a
/// layout omits (`work.roles.highlights`, or a key above it).
pub fn is_omitted(path: &str, omits: &[String]) -> bool {
    let path = without_indices(path);
    omits.iter().any(|o| {
        let o = without_indices(o);
        path == o || path.starts_with(&format!("{o}."))
    })
}

fn without_indices(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A `lost-fact` error at the fact's place in the profile, with its key;
/// `message` is given that key.
fn lost_fact(input: &Input, fact: &Fact, message: impl FnOnce(&str) -> String) -> Diagnostic {
    let (span, key) = locate(input, fact);
    let mut d = Diagnostic::error(Code::LostFact, message(&key));
    if let Some(span) = span {
        d = d.at(input.source, span);
    }
    d.key(key)
}

/// The error for a fact the document does not show.
fn missing(input: &Input, fact: &Fact, hidden: Option<&TextRun>) -> Diagnostic {
    let layout = input.layout.name();
    let mut d = lost_fact(input, fact, |key| {
        format!(
            "`{key}` is missing from the PDF: layout `{layout}` lost {}",
            quoted(&fact.text)
        )
    });
    if let Some(run) = hidden {
        let why = if run.artifact {
            "only in page furniture (a header, footer or artifact)".to_string()
        } else {
            format!(
                "laid out on page {} but cut off by a clipping box or the page's edge",
                run.page + 1
            )
        };
        d = d.hint(format!("it is {why}"));
    }
    if fact.path.starts_with("letters") {
        // A layout made before letters existed prints none of them.
        return d.hint(
            "a layout prints a cover letter with `#if data.letter != none { letter(data.letter, accent: …, gap: …) }` where its sections go (layouts/README.md)",
        );
    }
    d.hint(format!(
        "a layout that leaves it out on purpose says so in its layout.toml: omits = [\"{}\"]",
        without_indices(&fact.path)
    ))
}

/// Where a fact is written in the profile, and its key there (the file's
/// own indices, which a variant's filtering may have shifted).
fn locate(input: &Input, fact: &Fact) -> (Option<Range<usize>>, String) {
    let span = match &fact.origin {
        Origin::Span(span) => Some(span.clone()),
        Origin::Raw(raw) => find_raw(&input.source.text, raw),
    };
    let key = span
        .as_ref()
        .map(|s| display_path(&input.tree.path_at(s)))
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| fact.path.clone());
    (span, key)
}

/// The first place a value is written: as a TOML string, or as it is.
fn find_raw(source: &str, raw: &str) -> Option<Range<usize>> {
    let escaped = raw.replace('\\', "\\\\").replace('"', "\\\"");
    for needle in [format!("\"{escaped}\""), escaped, raw.to_string()] {
        if let Some(at) = source.find(&needle) {
            return Some(at..at + needle.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    #[test]
    fn folding_ignores_breaks_case_and_typographic_variants() {
        assert_eq!(fold("Cut “p99”\u{AD} by 40 %"), "cut\"p99\"by40%");
        assert_eq!(fold("Oct 2022 – Present"), "oct2022-present");
        // What vitae typesets (src/layout_data/typeset.rs) folds back.
        assert_eq!(
            fold("«\u{202F}vite\u{202F}» ‹x› 15\u{A0}ms"),
            "\"vite\"\"x\"15ms"
        );
        assert_eq!(fold("don't “y”"), fold("don’t 'y'"));
    }

    #[test]
    fn omits_match_keys_and_everything_below_them() {
        let omits = vec!["basics.tagline".to_string(), "projects[].stars".into()];
        assert!(is_omitted("basics.tagline", &omits));
        assert!(is_omitted("projects[3].stars", &omits));
        assert!(!is_omitted("projects[3].name", &omits));
        assert!(!is_omitted("basics.taglines", &omits));
    }

    #[test]
    fn a_fact_missing_from_a_text_output_is_an_error_at_its_key() {
        let source = SourceFile::new("me.toml", "[basics]\nname = \"Ada Quill\"\n");
        let tree = crate::profile::tree::KeyTree::new(source.clone());
        let layout = crate::layout::Layout::builtin("classic").unwrap();
        let facts = [Fact {
            path: "basics.name".into(),
            text: "Ada Quill".into(),
            origin: Origin::Raw("Ada Quill".into()),
            section: None,
            entry: None,
            role: crate::layout_data::FactRole::Heading,
        }];
        let input = Input {
            facts: &facts,
            source: &source,
            tree: &tree,
            layout: &layout,
            accent: None,
        };
        assert!(check_text(&input, "# ADA  quill\n", "the Markdown").is_empty());
        let lost = check_text(&input, "# Ada\n", "the Markdown");
        assert_eq!(lost.len(), 1);
        assert_eq!(lost[0].code, Code::LostFact);
        assert_eq!(lost[0].position().as_deref(), Some("me.toml:2:8"));
        assert!(
            lost[0].message.contains("missing from the Markdown"),
            "{}",
            lost[0].message
        );
    }

    #[test]
    fn raw_values_are_found_as_toml_strings_first() {
        let source = "label = \"Go\"\nname = \"Go\"\n";
        assert_eq!(find_raw(source, "Go"), Some(8..12));
        assert_eq!(find_raw("x = 'a\"b'", "a\"b"), Some(5..8));
    }
}
