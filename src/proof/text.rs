//! The text of a laid-out document as positioned runs.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::TextItem;
use typst_layout::PagedDocument;

/// One run of shaped text where it landed on its page.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// 0-based page index.
    pub page: usize,
    /// Start of the baseline, in points from the page's top-left corner.
    pub x: f64,
    pub y: f64,
    /// Advance width, in points.
    pub width: f64,
    /// Height above and depth below the baseline, from the font's metrics.
    pub ascent: f64,
    pub descent: f64,
    pub text: String,
    /// Glyphs no font could draw (shaped as `.notdef`, id 0).
    pub missing_glyphs: usize,
    /// Whether an enclosing group clips its content (a fixed-size box):
    /// the run may be cut off, which the geometry proof decides.
    pub clipped: bool,
}

/// Every text run of `document`, page by page, in content-stream order.
pub fn runs(document: &PagedDocument) -> Vec<TextRun> {
    let mut out = Vec::new();
    for (page, p) in document.pages().iter().enumerate() {
        let context = Context {
            page,
            transform: Transform::identity(),
            clipped: false,
        };
        walk(&p.frame, context, &mut out);
    }
    out
}

/// Where a frame sits: its page, its transform to page space, and whether
/// any enclosing group clips.
#[derive(Clone, Copy)]
struct Context {
    page: usize,
    transform: Transform,
    clipped: bool,
}

fn walk(frame: &Frame, context: Context, out: &mut Vec<TextRun>) {
    for (position, item) in frame.items() {
        let at = context
            .transform
            .pre_concat(Transform::translate(position.x, position.y));
        match item {
            FrameItem::Group(group) => {
                let inner = Context {
                    transform: at.pre_concat(group.transform),
                    clipped: context.clipped || group.clip.is_some(),
                    ..context
                };
                walk(&group.frame, inner, out);
            }
            FrameItem::Text(text) => out.push(run(text, at, context)),
            _ => {}
        }
    }
}

fn run(text: &TextItem, at: Transform, context: Context) -> TextRun {
    let origin = Point::zero().transform(at);
    let metrics = text.font.metrics();
    let pt = |length: Abs| length.to_pt();
    TextRun {
        page: context.page,
        x: pt(origin.x),
        y: pt(origin.y),
        width: pt(text.width()),
        ascent: pt(metrics.ascender.at(text.size)),
        descent: pt(-metrics.descender.at(text.size)),
        text: text.text.to_string(),
        missing_glyphs: text.glyphs.iter().filter(|g| g.id == 0).count(),
        clipped: context.clipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::fonts::FontSet;
    use crate::compile::{Compiled, Engine};
    use crate::diagnostic::SourceFile;
    use crate::layout::Layout;

    /// Lays out a one-line profile in the classic layout, through the same
    /// stages a render uses.
    fn compile(name: &str) -> Compiled {
        let text = format!("[basics]\nname = \"{name}\"\n");
        let parsed = crate::profile::load::parse(SourceFile::new("me.toml", text)).unwrap();
        let layout = Layout::builtin("classic").unwrap();
        let theme =
            crate::theme::resolve(&layout, &parsed.profile.theme, &parsed.source, &[]).unwrap();
        let (data, _) = crate::layout_data::build(&parsed.profile, &theme, "en", None);
        let json = serde_json::to_vec(&serde_json::to_value(&data).unwrap()).unwrap();
        let engine = Engine::new(FontSet::bundled());
        let fonts = engine.fonts_for(None);
        engine
            .compile(&layout, &fonts, json, Vec::new())
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_name_is_a_run_on_the_first_page_inside_the_paper() {
        let compiled = compile("Ada Quill");
        let runs = runs(&compiled.document);
        let name: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert!(name.contains("Ada"), "{runs:?}");
        let first = &runs[0];
        assert_eq!(first.page, 0);
        assert!(first.x > 0.0 && first.y > first.ascent, "{first:?}");
        assert!(first.width > 0.0 && first.ascent > 0.0 && first.descent > 0.0);
        assert_eq!(first.missing_glyphs, 0);
    }

    #[test]
    fn a_character_no_font_has_is_counted_as_missing() {
        let compiled = compile("Ada \u{1F9EC}");
        let missing: usize = runs(&compiled.document)
            .iter()
            .map(|r| r.missing_glyphs)
            .sum();
        assert!(missing >= 1);
    }
}
