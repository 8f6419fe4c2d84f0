//! Bullets may nest only so deep: absurd nesting is refused here, at its
//! key, before it could surface as a layout error in Typst.

use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::profile::model::*;
use crate::profile::rules::MAX_BULLET_DEPTH;
use crate::profile::tree::{Segment, display_path};

/// A list of bullets and the key path that leads to it.
type List<'a> = (Vec<Segment>, &'a [Bullet]);

impl Checker<'_> {
    /// Reports, for each bullet list, the first list nested too deep in it.
    pub(super) fn bullet_depth(&mut self, p: &Profile) {
        for (path, bullets) in bullet_lists(p) {
            let Some(too_deep) = deepest_beyond(path, bullets, 1) else {
                continue;
            };
            let span = self.tree.key_span(&too_deep);
            let diag = Diagnostic::error(
                Code::OverLimit,
                format!("bullets nest more than {MAX_BULLET_DEPTH} levels deep"),
            )
            .key(display_path(&too_deep))
            .hint("flatten the list: two levels read best on a résumé");
            self.found.push(match span {
                Some(span) => diag.at(&self.source, span),
                None => diag,
            });
        }
    }
}

fn key(name: &str) -> Segment {
    Segment::Key(name.to_string())
}

/// `base` followed by `more`.
fn at(base: &[Segment], more: &[Segment]) -> Vec<Segment> {
    [base, more].concat()
}

/// Every bullet list of the profile, in file order.
fn bullet_lists(p: &Profile) -> Vec<List<'_>> {
    let mut lists = Vec::new();
    for (i, w) in p.work.iter().enumerate() {
        let work = [key("work"), Segment::Index(i)];
        with_blocks(&mut lists, &work, ("highlights", &w.highlights), &w.blocks);
        for (j, r) in w.roles.iter().enumerate() {
            let role = at(&work, &[key("roles"), Segment::Index(j)]);
            with_blocks(&mut lists, &role, ("highlights", &r.highlights), &r.blocks);
        }
    }
    let highlights: [(&str, Vec<&[Bullet]>); 3] = [
        (
            "volunteer",
            p.volunteer.iter().map(|v| &v.highlights[..]).collect(),
        ),
        (
            "education",
            p.education.iter().map(|e| &e.highlights[..]).collect(),
        ),
        (
            "projects",
            p.projects.iter().map(|x| &x.highlights[..]).collect(),
        ),
    ];
    for (name, all) in highlights {
        for (i, bullets) in all.into_iter().enumerate() {
            lists.push((
                vec![key(name), Segment::Index(i), key("highlights")],
                bullets,
            ));
        }
    }
    for (i, s) in p.sections.iter().enumerate() {
        let section = [key("sections"), Segment::Index(i)];
        with_blocks(&mut lists, &section, ("items", &s.items), &s.blocks);
        for (j, e) in s.entries.iter().enumerate() {
            let entry = at(&section, &[key("entries"), Segment::Index(j), key("items")]);
            lists.push((entry, &e.items));
        }
    }
    lists
}

/// The list `field` under `base`, then the `items` of each of its blocks.
fn with_blocks<'a>(
    lists: &mut Vec<List<'a>>,
    base: &[Segment],
    (field, bullets): (&str, &'a [Bullet]),
    blocks: &'a [Block],
) {
    lists.push((at(base, &[key(field)]), bullets));
    for (i, block) in blocks.iter().enumerate() {
        let path = at(base, &[key("blocks"), Segment::Index(i), key("items")]);
        lists.push((path, &block.items));
    }
}

/// The path of the first `items` list nested deeper than the limit, if any.
fn deepest_beyond(path: Vec<Segment>, bullets: &[Bullet], depth: usize) -> Option<Vec<Segment>> {
    if bullets.is_empty() {
        return None;
    }
    if depth > MAX_BULLET_DEPTH {
        return Some(path);
    }
    bullets.iter().enumerate().find_map(|(i, b)| {
        let child = at(&path, &[Segment::Index(i), key("items")]);
        deepest_beyond(child, &b.items, depth + 1)
    })
}
