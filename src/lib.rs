//! vitae: résumé profiles in TOML → print-ready PDFs, compiled in-process
//! with Typst.
//!
//! The pipeline runs in one direction, one module per stage, each taking the
//! previous stage's type and returning the next ([`pipeline`] wires them):
//!
//! 1. [`profile::load`] — read and parse the TOML, keeping spans → `ParsedProfile`;
//! 2. [`profile::check`] — validate, apply a [`variant`] → `CheckedProfile`;
//! 3. [`settings`] — decide layout, [`theme`], locale, photo ([`assets`]),
//!    output path, once → `JobSettings`;
//! 4. [`layout_data`] — normalise into the JSON document layouts read → `LayoutData`;
//! 5. [`compile`] — the sandboxed Typst World and the compile, fitted to a
//!    page budget by [`fit`] → `Compiled`;
//! 6. [`encode`] — PDF, PNG pages or JSON bytes;
//! 7. [`output`] — where each file goes, written atomically or compared for `--check`.
//!
//! Around it: [`batch`] runs many jobs on worker threads, [`watch`] re-runs
//! them on saves, [`commands`] is the CLI (one file per command), and
//! [`import`]/[`export`]/[`schema`]/[`starter`] speak other formats.

pub mod assets;
pub mod batch;
pub mod bibliography;
pub mod cli;
pub mod commands;
pub mod compile;
pub mod completion;
pub mod dates;
pub mod diagnostic;
pub mod encode;
pub mod export;
pub mod files;
pub mod fit;
pub mod import;
pub mod isolate;
pub mod layout;
pub mod layout_data;
pub mod limits;
pub mod locale;
pub mod markup;
pub mod output;
pub mod pipeline;
pub mod profile;
pub mod proof;
pub mod schema;
pub mod settings;
pub mod starter;
pub mod text_output;
pub mod theme;
pub mod variant;
pub mod watch;
