//! The laid-out document as the proofs see it: per page, its size and
//! paper colour, every run of text where it landed (with its colour, clip
//! and whether it is an artifact), every filled area, and vitae's section
//! markers.

use typst::foundations::{Content, Label};
use typst::introspection::{Location, MetadataElem, Tag};
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Point, Rect, Transform};
use typst::pdf::ArtifactElem;
use typst::text::{FontStyle, TextItem};
use typst::utils::PicoStr;
use typst::visualize::{Color, Geometry, Paint, Shape};
use typst_layout::PagedDocument;

/// An sRGB colour with alpha, each channel in 0..=1.
pub type Rgba = [f64; 4];

/// White: the colour of paper when a page sets none.
pub const PAPER: Rgba = [1.0, 1.0, 1.0, 1.0];

/// One page of the document.
#[derive(Debug, Clone)]
pub struct PageView {
    pub width: f64,
    pub height: f64,
    pub paper: Rgba,
    /// Filled areas, in paint order.
    pub fills: Vec<Fill>,
    /// Stroked straight lines (section rules, dividers), as the area their
    /// stroke covers.
    pub rules: Vec<Area>,
    /// vitae's `section-start` markers: section id and where it starts.
    pub sections: Vec<(String, f64, f64)>,
}

/// A filled area: a tint, a tag's background, a rule drawn as a box.
#[derive(Debug, Clone)]
pub struct Fill {
    pub area: Area,
    pub color: Rgba,
    /// Its place in the paint order of all items of the page.
    pub order: usize,
}

/// An axis-aligned box in points from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Area {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.left..=self.right).contains(&x) && (self.top..=self.bottom).contains(&y)
    }

    pub fn intersects(&self, other: &Area) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn intersect(&self, other: &Area) -> Area {
        Area {
            left: self.left.max(other.left),
            top: self.top.max(other.top),
            right: self.right.min(other.right),
            bottom: self.bottom.min(other.bottom),
        }
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    pub fn centre(&self) -> (f64, f64) {
        (
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        )
    }
}

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
    /// Height of capitals above the baseline: the ink most text reaches.
    pub cap_height: f64,
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
    pub color: Rgba,
    /// Characters no font could draw (shaped as `.notdef`, glyph id 0).
    pub missing: Vec<char>,
    /// The part of the page an enclosing group lets show, when one clips.
    pub clip: Option<Area>,
    /// Page furniture (header, footer, background, `pdf.artifact`): not
    /// part of the profile's text.
    pub artifact: bool,
    /// Its place in the paint order of all items of the page.
    pub order: usize,
}

impl TextRun {
    /// The box its glyphs' ink mostly fills: capitals to descenders.
    pub fn ink(&self) -> Area {
        Area {
            left: self.x,
            top: self.y - self.cap_height,
            right: self.x + self.width,
            bottom: self.y + self.descent * 0.5,
        }
    }

    /// The whole box the font reserves: ascender to descender.
    pub fn extent(&self) -> Area {
        Area {
            left: self.x,
            top: self.y - self.ascent,
            right: self.x + self.width,
            bottom: self.y + self.descent,
        }
    }

    /// Whether a clip hides part of the run.
    pub fn is_clipped(&self) -> bool {
        self.clip.is_some_and(|clip| {
            let ink = self.ink();
            let slack = 0.5;
            ink.left < clip.left - slack
                || ink.right > clip.right + slack
                || ink.top < clip.top - slack
                || ink.bottom > clip.bottom + slack
        })
    }

    /// Whether the run shows at all: its middle is inside its clip.
    pub fn is_visible(&self) -> bool {
        let (x, y) = self.ink().centre();
        self.clip.is_none_or(|clip| clip.contains(x, y))
    }
}

/// The whole document: its pages and all text runs, in content-stream order.
#[derive(Debug, Clone, Default)]
pub struct DocumentView {
    pub pages: Vec<PageView>,
    pub runs: Vec<TextRun>,
}

/// Reads `document` for the proofs.
pub fn view(document: &PagedDocument) -> DocumentView {
    let mut walker = Walker::default();
    let mut pages = Vec::new();
    for (page, p) in document.pages().iter().enumerate() {
        let size = p.frame.size();
        let paper = match &p.fill {
            typst::foundations::Smart::Custom(Some(paint)) => rgba(paint).unwrap_or(PAPER),
            _ => PAPER,
        };
        walker.page = PageView {
            width: size.x.to_pt(),
            height: size.y.to_pt(),
            paper,
            fills: Vec::new(),
            rules: Vec::new(),
            sections: Vec::new(),
        };
        walker.page_index = page;
        walker.order = 0;
        let context = Context {
            transform: Transform::identity(),
            clip: None,
        };
        walker.walk(&p.frame, context);
        pages.push(std::mem::take(&mut walker.page));
    }
    DocumentView {
        pages,
        runs: walker.runs,
    }
}

/// Where a frame sits: its transform to page space and the visible area
/// any enclosing clip leaves.
#[derive(Clone, Copy)]
struct Context {
    transform: Transform,
    clip: Option<Area>,
}

#[derive(Default)]
struct Walker {
    page_index: usize,
    page: PageView,
    runs: Vec<TextRun>,
    order: usize,
    /// Open `pdf.artifact` elements (page marginals are ones too); they
    /// may start on one page and end on another.
    artifacts: Vec<Location>,
}

impl Default for PageView {
    fn default() -> Self {
        PageView {
            width: 0.0,
            height: 0.0,
            paper: PAPER,
            fills: Vec::new(),
            rules: Vec::new(),
            sections: Vec::new(),
        }
    }
}

impl Walker {
    fn walk(&mut self, frame: &Frame, context: Context) {
        for (position, item) in frame.items() {
            let at = context
                .transform
                .pre_concat(Transform::translate(position.x, position.y));
            self.order += 1;
            match item {
                FrameItem::Group(group) => self.group(group, at, context),
                FrameItem::Text(text) => {
                    let run = self.run(text, at, context);
                    self.runs.push(run);
                }
                FrameItem::Shape(shape, _) => self.shape(shape, at),
                FrameItem::Tag(tag) => self.tag(tag, at),
                _ => {}
            }
        }
    }

    fn group(&mut self, group: &GroupItem, at: Transform, context: Context) {
        let transform = at.pre_concat(group.transform);
        let clip = match &group.clip {
            Some(curve) => {
                let bounds = curve.bbox(None);
                let area = area_of(bounds, transform);
                Some(match context.clip {
                    Some(outer) => outer.intersect(&area),
                    None => area,
                })
            }
            None => context.clip,
        };
        self.walk(&group.frame, Context { transform, clip });
    }

    fn run(&self, text: &TextItem, at: Transform, context: Context) -> TextRun {
        let origin = Point::zero().transform(at);
        let metrics = text.font.metrics();
        let pt = |length: Abs| length.to_pt();
        TextRun {
            page: self.page_index,
            x: pt(origin.x),
            y: pt(origin.y),
            width: pt(text.width()),
            ascent: pt(metrics.ascender.at(text.size)),
            descent: pt(-metrics.descender.at(text.size)),
            cap_height: pt(metrics.cap_height.at(text.size)),
            size: pt(text.size),
            bold: text.font.info().variant.weight.to_number() >= 600,
            italic: text.font.info().variant.style != FontStyle::Normal,
            text: text.text.to_string(),
            color: rgba(&text.fill).unwrap_or([0.0, 0.0, 0.0, 1.0]),
            missing: missing_chars(text),
            clip: context.clip,
            artifact: !self.artifacts.is_empty(),
            order: self.order,
        }
    }

    fn shape(&mut self, shape: &Shape, at: Transform) {
        let bounds = match &shape.geometry {
            Geometry::Line(end) => return self.rule(shape, *end, at),
            Geometry::Rect(size) => Rect::new(Point::zero(), size.to_point()),
            Geometry::Curve(curve) => curve.bbox(None),
        };
        let Some(color) = shape.fill.as_ref().and_then(rgba) else {
            return;
        };
        let area = area_of(bounds, at);
        if area.right - area.left < 0.5 || area.height() < 0.5 {
            return;
        }
        self.page.fills.push(Fill {
            area,
            color,
            order: self.order,
        });
    }

    /// A line's stroke as an area: typst draws lines from the origin to
    /// `end`, the stroke centred on that path.
    fn rule(&mut self, shape: &Shape, end: Point, at: Transform) {
        let Some(stroke) = &shape.stroke else { return };
        let half = stroke.thickness.to_pt() / 2.0;
        let path = area_of(Rect::new(Point::zero(), end), at);
        self.page.rules.push(Area {
            left: path.left - half,
            top: path.top - half,
            right: path.right + half,
            bottom: path.bottom + half,
        });
    }

    fn tag(&mut self, tag: &Tag, at: Transform) {
        match tag {
            Tag::Start(content, _) => {
                if content.is::<ArtifactElem>() {
                    if let Some(location) = content.location() {
                        self.artifacts.push(location);
                    }
                } else if let Some(id) = section_marker(content) {
                    let point = Point::zero().transform(at);
                    let (x, y) = (point.x.to_pt(), point.y.to_pt());
                    self.page.sections.push((id, x, y));
                }
            }
            Tag::End(location, ..) => {
                if let Some(i) = self.artifacts.iter().rposition(|l| l == location) {
                    self.artifacts.remove(i);
                }
            }
        }
    }
}

/// The characters of `text` shaped as `.notdef`.
fn missing_chars(text: &TextItem) -> Vec<char> {
    let mut chars: Vec<char> = text
        .glyphs
        .iter()
        .filter(|g| g.id == 0)
        .filter_map(|g| text.text.get(g.range()).and_then(|s| s.chars().next()))
        .collect();
    chars.dedup();
    chars
}

/// The section id a `section-start` marker of vitae.typ carries.
fn section_marker(content: &Content) -> Option<String> {
    let marker = Label::new(PicoStr::intern(crate::fit::SECTION_MARKER))?;
    if content.label() != Some(marker) {
        return None;
    }
    let metadata = content.to_packed::<MetadataElem>()?;
    metadata.value.clone().cast::<String>().ok()
}

/// The page-space box around `rect` in a frame placed by `transform`.
fn area_of(rect: Rect, transform: Transform) -> Area {
    let corners = [
        rect.min,
        rect.max,
        Point::new(rect.min.x, rect.max.y),
        Point::new(rect.max.x, rect.min.y),
    ]
    .map(|p| p.transform(transform));
    let xs = corners.map(|p| p.x.to_pt());
    let ys = corners.map(|p| p.y.to_pt());
    let fold = |v: [f64; 4], f: fn(f64, f64) -> f64| v.into_iter().reduce(f).unwrap_or(0.0);
    Area {
        left: fold(xs, f64::min),
        top: fold(ys, f64::min),
        right: fold(xs, f64::max),
        bottom: fold(ys, f64::max),
    }
}

/// A solid paint as sRGB; gradients and tilings have no single colour.
fn rgba(paint: &Paint) -> Option<Rgba> {
    let Paint::Solid(color) = paint else {
        return None;
    };
    Some(srgb(color))
}

fn srgb(color: &Color) -> Rgba {
    let rgb = color.to_rgb();
    [rgb.red, rgb.green, rgb.blue, rgb.alpha].map(f64::from)
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
        let theme = crate::theme::resolve(&layout, &parsed.profile.theme, &parsed.source, &[], &[])
            .unwrap();
        let (data, _) =
            crate::layout_data::build(&parsed.profile, &theme, "en", Default::default());
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
        let runs = view(&compiled.document).runs;
        let name: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert!(name.contains("Ada"), "{runs:?}");
        let first = &runs[0];
        assert_eq!(first.page, 0);
        assert!(first.x > 0.0 && first.y > first.ascent, "{first:?}");
        assert!(first.width > 0.0 && first.ascent > 0.0 && first.descent > 0.0);
        assert!(first.cap_height > 0.0 && first.cap_height < first.ascent);
        assert!(first.missing.is_empty());
        assert!(!first.artifact && first.is_visible() && !first.is_clipped());
    }

    #[test]
    fn a_character_no_font_has_is_counted_as_missing() {
        let compiled = compile("Ada \u{1F9EC}");
        let missing: Vec<char> = view(&compiled.document)
            .runs
            .iter()
            .flat_map(|r| r.missing.clone())
            .collect();
        assert_eq!(missing, ['\u{1F9EC}']);
    }
}
