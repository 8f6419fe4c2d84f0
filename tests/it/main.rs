//! The integration tests, as one test binary: linking Typst once instead of
//! once per file. Each module is one area; `common` holds the helpers
//! (`Sandbox` for throwaway folders, and `common::api`, the only place that
//! names `vitae::` library paths).
//!
//! All tests share one process and run in parallel: none may change the
//! process's environment, working directory or global thread pools. Give a
//! run its environment and folder on the child `Command` (`common::vitae`,
//! `Sandbox::run`) instead.
//!
//! Run one area with `cargo test --release --test it batch::`.

mod common;

mod ats;
mod batch;
mod conventions;
mod diagnostics;
mod docs;
mod errors;
mod examples;
mod export;
mod fit;
mod fuzz;
mod hostile;
mod html;
mod import;
mod kinds;
mod layout_details;
mod layouts;
mod letters;
mod new;
mod pipes;
mod proof_faults;
mod proofs;
mod real_resumes;
mod reliability;
mod safety;
mod schema;
mod shape;
mod standards;
mod text_formats;
mod typeset;
mod typography;
mod variants;
mod visual;
mod watch;
