//! Stage 6 (being built, issue 13): proofs of every document before it is
//! encoded — nothing lost, clipped or overlapping, every glyph drawn.
//!
//! The proofs read the laid-out document, not the PDF: [`text::runs`] lists
//! every run of text with its page, position, extent and missing glyphs, in
//! the order typst-pdf writes them (which is what résumé parsers read).

pub mod text;
