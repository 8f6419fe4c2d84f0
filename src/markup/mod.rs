//! Inline markup in profile text, parsed into safe spans.
//!
//! Authors may write `**bold**`, `*italic*`, `[text](url)`, `` `code` `` and
//! backslash escapes. The result is a list of [`Span`]s: plain strings with
//! style flags, which layouts place as text. Nothing here is ever handed to
//! Typst as markup, so `#`, `$`, `@`, `<`, `]` print as themselves.
//!
//! The parser never fails: an unclosed `**` or `[` is just literal text.

use serde::Serialize;

mod marks;

use marks::{Marks, NONE};

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub text: String,
    #[serde(skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub emph: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub code: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, Default)]
struct Style {
    strong: bool,
    emph: bool,
}

/// Parses one piece of inline text into spans. Line breaks become spaces:
/// paragraphs are split earlier, by [`paragraphs`].
pub fn parse(input: &str) -> Vec<Span> {
    let chars: Vec<char> = input.chars().collect();
    let marks = Marks::new(&chars);
    let mut parser = Parser {
        chars: &chars,
        marks: &marks,
        out: Spans::default(),
    };
    parser.run(0, chars.len(), Style::default(), None, 0);
    parser.out.finish()
}

/// Splits prose at blank lines and parses each paragraph.
pub fn paragraphs(input: &str) -> Vec<Vec<Span>> {
    let mut result = Vec::new();
    let mut current = Vec::new();
    for line in input.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                result.push(parse(&current.join("\n")));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        result.push(parse(&current.join("\n")));
    }
    result
}

/// The text without markup, as a reader sees it (for PDF metadata, tests).
pub fn plain(input: &str) -> String {
    parse(input).into_iter().map(|s| s.text).collect()
}

/// The text of parsed spans without their styles.
pub fn text_of(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Accumulates spans, merging neighbours of the same style.
#[derive(Default)]
struct Spans(Vec<Span>);

impl Spans {
    fn push(&mut self, text: &str, style: Style, code: bool, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.0.last_mut()
            && last.strong == style.strong
            && last.emph == style.emph
            && last.code == code
            && last.link.as_deref() == link
        {
            last.text.push_str(text);
            return;
        }
        self.0.push(Span {
            text: text.to_owned(),
            strong: style.strong,
            emph: style.emph,
            code,
            link: link.map(str::to_owned),
        });
    }

    fn finish(mut self) -> Vec<Span> {
        for span in &mut self.0 {
            span.text = collapse_whitespace(&span.text);
        }
        self.0.retain(|s| !s.text.is_empty());
        self.0
    }
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if c == '\n' || c == '\t' || c == '\r' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = c == ' ';
        }
    }
    out
}

/// Characters a backslash may escape.
const ESCAPABLE: &str = "\\*_`[]()#$@<>~!";

/// How deeply styles may nest (`**bold *italic [link](u)*…**`); markers
/// deeper than this print as themselves. Each level reads its text once,
/// so this bounds the parser's work at a constant times the input.
const MAX_NESTING: usize = 8;

/// Walks the text once per nesting level, emitting styled spans.
struct Parser<'a> {
    chars: &'a [char],
    marks: &'a Marks,
    out: Spans,
}

impl Parser<'_> {
    /// Parses `chars[start..end]`. Each branch decides where the next one
    /// starts; a marker whose partner lies beyond `end` is plain text.
    fn run(&mut self, start: usize, end: usize, style: Style, link: Option<&str>, depth: usize) {
        let (chars, marks) = (self.chars, self.marks);
        let nest = depth < MAX_NESTING;
        let within = |at: u32, width: usize| at != NONE && at as usize + width <= end;
        let mut text = String::new();
        let mut i = start;
        while i < end {
            let c = chars[i];
            let unit = marks.unit[i] as usize;
            if unit == 2 && c == '\\' && i + 2 <= end {
                text.push(chars[i + 1]);
                i += 2;
            } else if unit > 2 && i + unit <= end {
                self.out.push(&text, style, false, link);
                text.clear();
                let code: String = chars[i + 1..i + unit - 1].iter().collect();
                self.out.push(&code, style, true, link);
                i += unit;
            } else if nest
                && i + 1 < end
                && marks.is_marker(chars, i, '*')
                && marks.is_marker(chars, i + 1, '*')
            {
                let close = marks.next_strong[i + 2];
                if within(close, 2) && close as usize > i + 2 {
                    self.out.push(&text, style, false, link);
                    text.clear();
                    let inner = Style {
                        strong: true,
                        ..style
                    };
                    self.run(i + 2, close as usize, inner, link, depth + 1);
                    i = close as usize + 2;
                } else {
                    text.push_str("**");
                    i += 2;
                }
            } else if nest && (c == '*' || c == '_') && unit == 1 && opens_emphasis(chars, i) {
                let close = match c {
                    '*' => marks.close_star[i + 1],
                    _ => marks.close_under[i + 1],
                };
                if within(close, 1) {
                    self.out.push(&text, style, false, link);
                    text.clear();
                    let inner = Style {
                        emph: true,
                        ..style
                    };
                    self.run(i + 1, close as usize, inner, link, depth + 1);
                    i = close as usize + 1;
                } else {
                    text.push(c);
                    i += 1;
                }
            } else if nest && link.is_none() && marks.is_marker(chars, i, '[') {
                match self.link_at(i, end) {
                    Some((label_end, url, next)) => {
                        self.out.push(&text, style, false, link);
                        text.clear();
                        self.run(i + 1, label_end, style, Some(&url), depth + 1);
                        i = next;
                    }
                    None => {
                        text.push(c);
                        i += 1;
                    }
                }
            } else {
                text.push(c);
                i += 1;
            }
        }
        self.out.push(&text, style, false, link);
    }

    /// `[label](url)` opening at `open`, ending by `end`: the label's end,
    /// the URL, and where to continue. The URL may hold balanced
    /// parentheses (`…/Rust_(programming_language)`) but no spaces.
    fn link_at(&self, open: usize, end: usize) -> Option<(usize, String, usize)> {
        let (chars, marks) = (self.chars, self.marks);
        let label_end = marks.bracket[open];
        if label_end == NONE || label_end as usize == open + 1 {
            return None;
        }
        let label_end = label_end as usize;
        if chars.get(label_end + 1) != Some(&'(') {
            return None;
        }
        let url_start = label_end + 2;
        let url_end = match marks.paren[label_end + 1] {
            NONE => return None,
            close => close as usize,
        };
        if url_end >= end {
            return None;
        }
        let trimmed = trim_range(chars, url_start, url_end);
        let has_space = marks.next_space[trimmed.start] < trimmed.end as u32;
        if trimmed.is_empty() || has_space {
            return None;
        }
        let url: String = chars[trimmed].iter().collect();
        Some((label_end, url, url_end + 1))
    }
}

/// `start..end` without the whitespace at either end; at most one step per
/// character, and only for a link that is then consumed.
fn trim_range(chars: &[char], mut start: usize, mut end: usize) -> std::ops::Range<usize> {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    start..end
}

/// `*x` or `_x` opens emphasis when followed by a non-space and, for `_`, not
/// inside a word (so `snake_case_name` stays as written).
fn opens_emphasis(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1);
    let prev = if i == 0 { None } else { chars.get(i - 1) };
    let next_ok = next.is_some_and(|c| !c.is_whitespace() && *c != chars[i]);
    let prev_ok = chars[i] == '*' || prev.is_none_or(|c| !c.is_alphanumeric());
    next_ok && prev_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span {
            text: s.into(),
            ..Span::default()
        }
    }

    #[test]
    fn plain_text_is_one_span() {
        assert_eq!(parse("Shipped it."), vec![text("Shipped it.")]);
    }

    #[test]
    fn bold_italic_code_and_links() {
        let spans = parse(
            "**achieving 99.99%** uptime with *care* in `Rust` — see [docs](https://x.dev/a)",
        );
        assert_eq!(
            spans[0],
            Span {
                text: "achieving 99.99%".into(),
                strong: true,
                ..Span::default()
            }
        );
        assert_eq!(spans[1], text(" uptime with "));
        assert_eq!(
            spans[2],
            Span {
                text: "care".into(),
                emph: true,
                ..Span::default()
            }
        );
        assert_eq!(
            spans[4],
            Span {
                text: "Rust".into(),
                code: true,
                ..Span::default()
            }
        );
        assert_eq!(
            spans[6],
            Span {
                text: "docs".into(),
                link: Some("https://x.dev/a".into()),
                ..Span::default()
            }
        );
    }

    #[test]
    fn nested_styles() {
        let spans = parse("**bold *both* bold**");
        assert_eq!(spans.len(), 3);
        assert!(spans[1].strong && spans[1].emph);
        let link = parse("[**Acme** Corp](https://acme.test)");
        assert!(link[0].strong && link[0].link.is_some());
        assert!(!link[1].strong && link[1].link.is_some());
    }

    #[test]
    fn escapes_and_unclosed_markers_are_literal() {
        assert_eq!(plain(r"saved \$2 million"), "saved $2 million");
        assert_eq!(plain(r"\*not italic\*"), "*not italic*");
        assert_eq!(plain("2 * 3 * 4"), "2 * 3 * 4");
        assert_eq!(plain("an **unclosed bold"), "an **unclosed bold");
        assert_eq!(plain("snake_case_name stays"), "snake_case_name stays");
        assert_eq!(plain("[not a link] (x)"), "[not a link] (x)");
        assert_eq!(plain("a `tick"), "a `tick");
    }

    #[test]
    fn typst_syntax_is_just_text() {
        let evil = r#"#read("/etc/passwd") $x^2$ @ref <label> ] [ = heading"#;
        assert_eq!(plain(evil), evil);
        let spans = parse(evil);
        assert!(
            spans
                .iter()
                .all(|s| !s.strong && !s.emph && s.link.is_none())
        );
    }

    #[test]
    fn urls_keep_balanced_parentheses() {
        let spans = parse("see [Rust](https://en.wikipedia.org/wiki/Rust_(programming_language)).");
        assert_eq!(
            spans[1].link.as_deref(),
            Some("https://en.wikipedia.org/wiki/Rust_(programming_language)")
        );
        assert_eq!(spans[2], text("."));
        assert_eq!(plain("[a](b c)"), "[a](b c)");
    }

    /// Every pattern that used to send a search to the end of the text for
    /// each marker: 1 MiB of it parses in well under a second (it took
    /// 214 s for `[`). Timed loosely here; `scripts/markup-bench.sh`
    /// measures it in release.
    #[test]
    fn worst_case_inputs_parse_in_linear_time() {
        for pattern in [
            "[",
            "**a ",
            "_a ",
            "[a](",
            "*a ",
            "`",
            "\\",
            "[a]",
            "((",
            "**a *b _c ",
        ] {
            let small = pattern.repeat(2_000 / pattern.len());
            let large = pattern.repeat(64_000 / pattern.len());
            let time = |text: &str| {
                let started = std::time::Instant::now();
                let spans = parse(text);
                (started.elapsed(), spans)
            };
            let (small_time, _) = time(&small);
            let (large_time, spans) = time(&large);
            let printed: usize = spans.iter().map(|s| s.text.chars().count()).sum();
            assert!(printed > 0, "{pattern:?}");
            // 32 times the text may take up to 32 times as long, plus slack
            // for a busy machine; quadratic would be about a thousand times.
            assert!(
                large_time <= small_time * 200 + std::time::Duration::from_millis(50),
                "{pattern:?}: {small_time:?} for 2 KB, {large_time:?} for 64 KB"
            );
        }
    }

    #[test]
    fn nesting_beyond_the_limit_prints_the_markers() {
        let deep = "*a _b ".repeat(20) + "x" + &" c_ d*".repeat(20);
        let spans = parse(&deep);
        assert!(!spans.is_empty());
        assert!(plain("**a** and *b* and `c`") == "a and b and c");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_lines() {
        let paras = paragraphs("First line\ncontinues.\n\n  Second.\n\n\n");
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0], vec![text("First line continues.")]);
        assert_eq!(paras[1], vec![text("Second.")]);
    }
}
