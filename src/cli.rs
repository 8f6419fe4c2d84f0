//! The command line, declared with clap. Only argument shapes live here;
//! `main.rs` carries the commands out.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Turn résumé profiles written in TOML into print-ready PDFs.";

const LONG_ABOUT: &str = "\
Turn résumé profiles written in TOML into print-ready PDFs.

vitae typesets a profile with a Typst layout, in-process: no LaTeX, no Typst
binary, no browser. The same profile, layout and vitae version always give a
byte-identical PDF, so PDFs can live in git next to their profiles.";

const AFTER_HELP: &str = "\
Examples:
  vitae render me.toml                     write me.pdf next to me.toml
  vitae render profiles/ -o out/           render a whole folder in parallel
  vitae render me.toml --layout classic --theme paper=us-letter
  vitae render profiles/ --check           in CI: fail if a committed PDF is stale
  vitae layouts                            list the built-in layouts";

#[derive(Debug, Parser)]
#[command(name = "vitae", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Colour in messages: auto uses colour only on a terminal (and never when NO_COLOR is set).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render profiles to PDF (or PNG).
    #[command(after_help = RENDER_HELP)]
    Render(RenderArgs),
    /// List the built-in layouts, or show one layout's theme options.
    Layouts {
        /// A layout name: show its options and their defaults.
        name: Option<String>,
    },
}

const RENDER_HELP: &str = "\
Output:
  One profile: -o names the output file (default: the profile's path with .pdf).
  Several profiles or a folder: -o names a folder (created if missing); by
  default each PDF goes next to its profile. An output whose bytes would not
  change is not rewritten, and a failed render never touches an existing PDF.

Exit status:
  0  everything rendered (or, with --check, every PDF is up to date)
  1  at least one profile failed (or, with --check, a PDF is stale or missing)
  2  the command line itself is wrong";

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Profiles (*.toml) or folders of profiles, searched recursively.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output file (one profile) or folder (several).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// A built-in layout name (see `vitae layouts`) or a layout folder.
    #[arg(short, long, value_name = "NAME|DIR")]
    pub layout: Option<String>,

    /// Override a theme option, e.g. --theme paper=us-letter --theme accent=#1f4e79.
    #[arg(short, long = "theme", value_name = "KEY=VALUE")]
    pub theme: Vec<String>,

    /// Write nothing; exit 1 if any output is missing or differs from a fresh render.
    #[arg(long)]
    pub check: bool,

    /// How many profiles to render at once [default: number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Output format: pdf, or png (one image per page: name-1.png, name-2.png, …).
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Pdf)]
    pub format: OutputFormat,

    /// Resolution of PNG output, in pixels per inch.
    #[arg(long, default_value_t = 144.0, value_name = "PPI")]
    pub ppi: f32,

    /// Treat warnings (missing glyphs, unknown fonts, dropped links) as errors.
    #[arg(long)]
    pub strict: bool,

    /// Print only errors and the final summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Pdf,
    Png,
}
