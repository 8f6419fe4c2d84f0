//! Inline markup in profile text, parsed into safe spans.
//!
//! Authors may write `**bold**`, `*italic*`, `[text](url)`, `` `code` `` and
//! backslash escapes. The result is a list of [`Span`]s: plain strings with
//! style flags, which layouts place as text. Nothing here is ever handed to
//! Typst as markup, so `#`, `$`, `@`, `<`, `]` print as themselves.
//!
//! The parser never fails: an unclosed `**` or `[` is just literal text.

use serde::Serialize;

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
    let mut out = Spans::default();
    parse_into(&chars, Style::default(), None, &mut out);
    out.finish()
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

/// The inline parser: one loop over the characters, one branch per marker
/// (escape, code, link, strong, emphasis). It is longer than most functions
/// on purpose: each branch decides where the next one starts, and splitting
/// the loop would scatter that shared position across functions.
fn parse_into(chars: &[char], style: Style, link: Option<&str>, out: &mut Spans) {
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && ESCAPABLE.contains(chars[i + 1]) => {
                text.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                if let Some(end) = find(chars, i + 1, &['`']) {
                    out.push(&text, style, false, link);
                    text.clear();
                    let code: String = chars[i + 1..end].iter().collect();
                    out.push(&code, style, true, link);
                    i = end + 1;
                } else {
                    text.push(c);
                    i += 1;
                }
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                match find_delimiter(chars, i + 2, &['*', '*']) {
                    Some(end) if end > i + 2 => {
                        out.push(&text, style, false, link);
                        text.clear();
                        let inner = Style {
                            strong: true,
                            ..style
                        };
                        parse_into(&chars[i + 2..end], inner, link, out);
                        i = end + 2;
                    }
                    _ => {
                        text.push_str("**");
                        i += 2;
                    }
                }
            }
            '*' | '_' if opens_emphasis(chars, i) => match find_closing_emphasis(chars, i) {
                Some(end) => {
                    out.push(&text, style, false, link);
                    text.clear();
                    let inner = Style {
                        emph: true,
                        ..style
                    };
                    parse_into(&chars[i + 1..end], inner, link, out);
                    i = end + 1;
                }
                None => {
                    text.push(c);
                    i += 1;
                }
            },
            '[' if link.is_none() => match parse_link(chars, i) {
                Some((label_end, url, next)) => {
                    out.push(&text, style, false, link);
                    text.clear();
                    parse_into(&chars[i + 1..label_end], style, Some(&url), out);
                    i = next;
                }
                None => {
                    text.push(c);
                    i += 1;
                }
            },
            _ => {
                text.push(c);
                i += 1;
            }
        }
    }
    out.push(&text, style, false, link);
}

/// Index of the next unescaped occurrence of `pattern` at or after `from`.
fn find_delimiter(chars: &[char], from: usize, pattern: &[char]) -> Option<usize> {
    let mut i = from;
    while i + pattern.len() <= chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i] == '`'
            && let Some(end) = find(chars, i + 1, &['`'])
        {
            i = end + 1;
            continue;
        }
        if chars[i..i + pattern.len()] == *pattern {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn find(chars: &[char], from: usize, pattern: &[char]) -> Option<usize> {
    (from..chars.len()).find(|&j| pattern.contains(&chars[j]))
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

fn find_closing_emphasis(chars: &[char], open: usize) -> Option<usize> {
    let delim = chars[open];
    let mut i = open + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == delim => {
                let doubled = chars.get(i + 1) == Some(&delim);
                let prev_space = chars[i - 1].is_whitespace();
                let next_word =
                    delim == '_' && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
                if doubled && delim == '*' {
                    // Skip a nested `**strong**` run.
                    match find_delimiter(chars, i + 2, &['*', '*']) {
                        Some(end) => i = end + 2,
                        None => return None,
                    }
                } else if !prev_space && !next_word && i > open + 1 {
                    return Some(i);
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// `[label](url)` starting at `open`: the label's end, the URL, and where to
/// continue. Brackets in the label may nest once; the URL has no spaces.
fn parse_link(chars: &[char], open: usize) -> Option<(usize, String, usize)> {
    let mut depth = 0;
    let mut i = open + 1;
    let label_end = loop {
        match chars.get(i)? {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' if depth == 0 => break i,
            ']' => depth -= 1,
            _ => {}
        }
        i += 1;
    };
    if chars.get(label_end + 1) != Some(&'(') || label_end == open + 1 {
        return None;
    }
    let url_start = label_end + 2;
    let url_end = (url_start..chars.len()).find(|&j| chars[j] == ')')?;
    let url: String = chars[url_start..url_end].iter().collect();
    let url = url.trim().to_owned();
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((label_end, url, url_end + 1))
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
    fn paragraphs_split_on_blank_lines_and_join_lines() {
        let paras = paragraphs("First line\ncontinues.\n\n  Second.\n\n\n");
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0], vec![text("First line continues.")]);
        assert_eq!(paras[1], vec![text("Second.")]);
    }
}
