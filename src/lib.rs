//! vitae: résumé profiles in TOML → print-ready PDFs, compiled in-process
//! with Typst.
//!
//! The pipeline runs in one direction, one module per stage:
//!
//! 1. [`profile::load`] — read the TOML, keeping spans for error messages;
//! 2. [`profile::validate`] — check dates, URLs, e-mails, section ids;
//! 3. [`layout_data`] — normalise into the JSON document layouts read;
//! 4. [`world`] — the sandboxed Typst World serving the layout and the data;
//! 5. [`render`] — compile and export PDF or PNG;
//! 6. [`output`] — write atomically, or compare for `--check`.
//!
//! [`pipeline`] wires the stages together for one profile and [`batch`] runs
//! many on worker threads. The `vitae` binary is a thin shell over this.

pub mod batch;
pub mod cli;
pub mod dates;
pub mod diagnostic;
pub mod export;
pub mod fit;
pub mod fonts;
pub mod import;
pub mod layout;
pub mod layout_data;
pub mod locale;
pub mod markup;
pub mod output;
pub mod pipeline;
pub mod profile;
pub mod render;
pub mod schema;
pub mod starter;
pub mod theme;
pub mod variant;
pub mod watch;
pub mod world;
