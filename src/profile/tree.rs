//! Key paths in the span-carrying TOML tree: which key a byte range belongs
//! to (for messages), and removing the value at a path (for recovery after
//! an error, so the next attempt can find the next mistake).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use toml::de::{DeTable, DeValue};

use crate::diagnostic::SourceFile;

/// One step of a key path: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// `work[2].highlights[0]`.
pub fn display_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Finds which key of a profile text a byte range belongs to.
///
/// The text is parsed again the first time a key is asked for (only when
/// there is something to report), into an index of every key and value by
/// position, so that each later question takes a binary search rather than
/// a walk of the tree: a profile with 10,000 unknown tags asks 10,000 times.
#[derive(Debug)]
pub struct KeyTree {
    source: Arc<SourceFile>,
    index: OnceLock<Index>,
}

/// Every key and value of a document: its place in the tree and its span.
#[derive(Debug, Default)]
struct Index {
    /// Each node's parent (`u32::MAX` at the top) and its step from there.
    nodes: Vec<(u32, Segment)>,
    /// Spans of keys and values, sorted by start (outer before inner), each
    /// with its node.
    spans: Vec<(Range<usize>, u32)>,
    /// For each span, the nearest earlier one that ends later: from a span
    /// that ends too soon, the next candidate worth looking at.
    longer_before: Vec<u32>,
}

impl Index {
    fn new(text: &str) -> Self {
        let (root, _) = DeTable::parse_recoverable(text);
        let mut index = Index::default();
        index.table(root.get_ref(), u32::MAX);
        index
            .spans
            .sort_by(|(a, _), (b, _)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut stack: Vec<u32> = Vec::new();
        for (i, (span, _)) in index.spans.iter().enumerate() {
            while stack
                .last()
                .is_some_and(|&j| index.spans[j as usize].0.end <= span.end)
            {
                stack.pop();
            }
            index
                .longer_before
                .push(stack.last().copied().unwrap_or(u32::MAX));
            stack.push(i as u32);
        }
        index
    }

    fn table(&mut self, table: &DeTable, parent: u32) {
        for (key, value) in table.iter() {
            let node = self.node(parent, Segment::Key(key.get_ref().to_string()));
            self.spans.push((key.span(), node));
            self.value(value, node);
        }
    }

    fn value(&mut self, value: &toml::Spanned<DeValue>, node: u32) {
        if value.span().start < value.span().end {
            self.spans.push((value.span(), node));
        }
        match value.get_ref() {
            DeValue::Table(table) => self.table(table, node),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let child = self.node(node, Segment::Index(i));
                    self.value(item, child);
                }
            }
            _ => {}
        }
    }

    fn node(&mut self, parent: u32, segment: Segment) -> u32 {
        self.nodes.push((parent, segment));
        (self.nodes.len() - 1) as u32
    }

    /// The innermost key or value covering `span`: the one starting last
    /// at or before it that also ends at or after it.
    fn innermost(&self, span: &Range<usize>) -> Option<u32> {
        let after = self.spans.partition_point(|(s, _)| s.start <= span.start);
        let mut at = after.checked_sub(1)? as u32;
        while at != u32::MAX {
            let (candidate, node) = &self.spans[at as usize];
            if covers(candidate, span) {
                return Some(*node);
            }
            at = self.longer_before[at as usize];
        }
        None
    }

    fn path(&self, mut node: u32) -> Vec<Segment> {
        let mut path = Vec::new();
        while node != u32::MAX {
            let (parent, segment) = &self.nodes[node as usize];
            path.push(segment.clone());
            node = *parent;
        }
        path.reverse();
        path
    }
}

impl KeyTree {
    pub fn new(source: Arc<SourceFile>) -> Self {
        Self {
            source,
            index: OnceLock::new(),
        }
    }

    /// The key path of the innermost value whose key or value covers `span`.
    pub fn path_at(&self, span: &Range<usize>) -> Vec<Segment> {
        let index = self.index.get_or_init(|| Index::new(&self.source.text));
        index
            .innermost(span)
            .map(|node| index.path(node))
            .unwrap_or_default()
    }

    /// The span of the last key on `path`: where a caret makes sense for an
    /// error about a whole table (`[basics]` lacking `name`).
    pub fn key_span(&self, path: &[Segment]) -> Option<Range<usize>> {
        let (root, _) = DeTable::parse_recoverable(&self.source.text);
        let mut table = Some(root.get_ref());
        let mut array = None;
        let mut best = None;
        for segment in path {
            let value = match segment {
                Segment::Key(key) => {
                    let (k, v) = table?.iter().find(|(k, _)| k.get_ref() == key)?;
                    best = Some(k.span());
                    v.get_ref()
                }
                Segment::Index(i) => array.and_then(|a: &toml::de::DeArray| a.get(*i))?.get_ref(),
            };
            table = if let DeValue::Table(t) = value {
                Some(t)
            } else {
                None
            };
            array = if let DeValue::Array(a) = value {
                Some(a)
            } else {
                None
            };
        }
        best
    }
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}

pub(super) fn locate_in_table(table: &DeTable, span: &Range<usize>, path: &mut Vec<Segment>) {
    for (key, value) in table.iter() {
        if covers(&key.span(), span) {
            path.push(Segment::Key(key.get_ref().to_string()));
            return;
        }
        if covers(&value.span(), span) || contains_descendant(value.get_ref(), span) {
            path.push(Segment::Key(key.get_ref().to_string()));
            locate_in_value(value.get_ref(), span, path);
            return;
        }
    }
}

fn locate_in_value(value: &DeValue, span: &Range<usize>, path: &mut Vec<Segment>) {
    match value {
        DeValue::Table(table) => locate_in_table(table, span, path),
        DeValue::Array(array) => {
            for (i, item) in array.iter().enumerate() {
                if covers(&item.span(), span) || contains_descendant(item.get_ref(), span) {
                    path.push(Segment::Index(i));
                    locate_in_value(item.get_ref(), span, path);
                    return;
                }
            }
        }
        _ => {}
    }
}

/// Whether any key or value below `value` covers `span`. Tables declared with
/// `[header]` syntax do not always have a span covering their body, so the
/// search looks inside them too.
fn contains_descendant(value: &DeValue, span: &Range<usize>) -> bool {
    match value {
        DeValue::Table(table) => table.iter().any(|(k, v)| {
            covers(&k.span(), span)
                || covers(&v.span(), span)
                || contains_descendant(v.get_ref(), span)
        }),
        DeValue::Array(array) => array
            .iter()
            .any(|v| covers(&v.span(), span) || contains_descendant(v.get_ref(), span)),
        _ => false,
    }
}

/// Removes the value at `path` from the tree; `None` when there is nothing to remove.
pub(super) fn remove(root: &mut DeTable<'_>, path: &[Segment]) -> Option<()> {
    let (last, parents) = path.split_last()?;
    let mut table = Some(root);
    let mut array = None;
    for segment in parents {
        let value = match segment {
            Segment::Key(key) => table
                .take()?
                .iter_mut()
                .find(|(k, _)| k.get_ref() == key)?
                .1
                .get_mut(),
            Segment::Index(i) => array
                .take()
                .and_then(|a: &mut toml::de::DeArray<'_>| a.get_mut(*i))?
                .get_mut(),
        };
        match value {
            DeValue::Table(t) => table = Some(t),
            DeValue::Array(a) => array = Some(a),
            _ => return None,
        }
    }
    match last {
        Segment::Key(key) => {
            let table = table?;
            let found = table.keys().find(|k| k.get_ref() == key).cloned()?;
            table.remove(&found).map(|_| ())
        }
        Segment::Index(i) => {
            let array = array?;
            if *i >= array.len() {
                return None;
            }
            let old = std::mem::replace(array, toml::de::DeArray::new());
            for (j, value) in old.into_iter().enumerate() {
                if j != *i {
                    array.push(value);
                }
            }
            Some(())
        }
    }
}
