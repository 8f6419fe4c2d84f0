//! The command line, declared with clap. Only argument shapes live here;
//! `main.rs` carries the commands out.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::completion;
use crate::encode::{self, Standards};
use crate::limits;

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
  vitae check me.toml --all-variants       prove every variant without writing a PDF
  vitae render me.toml --variant backend   a tailored version: me-backend.pdf
  vitae render me.toml --all-variants      every [[variants]] of the profile
  vitae watch me.toml                      re-render on every save
  vitae layouts                            list the built-in layouts
  vitae import cv.yaml                     a RenderCV file → cv.toml (also JSON Resume)";

#[derive(Debug, Parser)]
#[command(name = "vitae", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Colour in messages. auto: on a terminal, unless NO_COLOR is set (to
    /// anything but ""), CLICOLOR=0 or TERM=dumb; CLICOLOR_FORCE=1 forces it.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// How errors and warnings are written. human: on stderr, with the
    /// source line. json: one JSON object per line on stdout (severity,
    /// code, message, file, line, column, end, key, expected, hints), for
    /// editors and scripts. github: GitHub Actions annotations on stdout.
    /// Codes are listed in docs/diagnostics.md.
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// How diagnostics are written (`--message-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    Human,
    Json,
    Github,
}

/// Where fonts come from besides the bundled ones: `render`, `watch`,
/// `check` and `fonts` take the same flags.
#[derive(Debug, Clone, Args)]
pub struct FontArgs {
    /// Add the fonts of a folder (repeatable); also VITAE_FONT_PATHS,
    /// folders separated by `:`. `vitae fonts` lists what is available.
    #[arg(
        long,
        value_name = "DIR",
        env = "VITAE_FONT_PATHS",
        value_delimiter = ':'
    )]
    pub font_path: Vec<PathBuf>,

    /// Use only bundled fonts and --font-path folders, never installed ones.
    #[arg(long)]
    pub ignore_system_fonts: bool,
}

/// What `vitae layouts` can do besides listing and showing.
#[derive(Debug, Subcommand)]
pub enum LayoutsAction {
    /// Copy a built-in layout (main.typ, layout.toml and any partials) into
    /// a folder you own, to change it and render with `--layout DIR`.
    /// Refuses to overwrite anything; vitae's helpers stay served at
    /// /@vitae/vitae.typ.
    #[command(
        after_help = "Example:\n  vitae layouts eject classic my-layout\n  vitae render me.toml --layout ./my-layout/"
    )]
    Eject {
        /// The built-in layout to copy.
        #[arg(add = ArgValueCompleter::new(completion::builtin_layouts))]
        name: String,
        /// Where to put it (default: a new folder named after the layout).
        dir: Option<PathBuf>,
    },
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
    /// Prove profiles without writing anything: every fact printed, nothing
    /// clipped or overlapping, every glyph drawn, readable colours, reading order, page fill.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Render, then render again on every save of a profile or of a --layout folder.
    #[command(after_help = WATCH_HELP)]
    Watch(WatchArgs),
    /// Write a commented starter profile that renders as it is.
    New {
        /// The full name, e.g. "Ada Quill".
        name: String,
        /// Where to write it [default: the name in lower case with dashes, .toml].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Convert a JSON Resume document or a RenderCV YAML file into a vitae
    /// profile, keeping every field.
    Import {
        /// A JSON Resume (1.x) file, or a RenderCV file (*.yaml, *.yml).
        file: PathBuf,
        /// The format of FILE [default: RenderCV for *.yaml/*.yml, else JSON Resume].
        #[arg(long, value_enum)]
        from: Option<ImportFormat>,
        /// Where to write the profile [default: the file's name with .toml].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Convert a profile to another résumé format (JSON Resume), listing what has no place there.
    Export {
        /// The profile to convert.
        profile: PathBuf,
        /// The format to convert to.
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// Where to write it [default: standard output].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Export this variant of the profile (a `[[variants]]` name).
        #[arg(long, value_name = "NAME")]
        variant: Option<String>,
    },
    /// Print the profile format as a JSON Schema, for editor completion and
    /// validation: every key, the built-in layouts and their [theme]
    /// options, the locales, and the shapes of dates, URLs and addresses.
    #[command(
        after_help = "Examples:\n  vitae schema > vitae.schema.json\n  vitae schema --layout ./my-layout > vitae.schema.json   with my-layout's [theme] options\n\nThen put `#:schema ./vitae.schema.json` on the first line of a profile."
    )]
    Schema {
        /// Also accept the [theme] options of this layout folder (repeatable),
        /// for profiles with `layout = "./my-layout"`.
        #[arg(long, value_name = "DIR")]
        layout: Vec<PathBuf>,
    },
    /// Print a completion script for a shell.
    #[command(
        after_help = "Install (bash):  vitae completions bash > ~/.local/share/bash-completion/completions/vitae\nInstall (zsh):   vitae completions zsh > \"${fpath[1]}/_vitae\"\nInstall (fish):  vitae completions fish > ~/.config/fish/completions/vitae.fish"
    )]
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `vitae man > vitae.1`.
    Man,
    /// List the font families available to layouts, and where each is from.
    Fonts(FontArgs),
    /// List the built-in layouts, show one layout's theme options, or eject
    /// one into a folder of your own.
    #[command(args_conflicts_with_subcommands = true)]
    Layouts {
        /// A layout name: show its options and their defaults.
        #[arg(add = ArgValueCompleter::new(completion::builtin_layouts))]
        name: Option<String>,
        #[command(subcommand)]
        action: Option<LayoutsAction>,
    },
    /// Internal: runs one job with a user layout, in a child process.
    #[command(name = "__job", hide = true)]
    Job,
}

const RENDER_HELP: &str = "\
Output:
  One profile: -o names the output file (default: the profile's path with .pdf).
  Several profiles or a folder: -o names a folder (created if missing); by
  default each PDF goes next to its profile. An output whose bytes would not
  change is not rewritten, and a failed render never touches an existing PDF.

Variants and page budgets:
  Tag entries and bullets (tags = [\"ml\"]) and declare [[variants]] with
  include/exclude tags; --variant NAME renders <profile>-NAME.pdf. With
  `pages = 1` in [theme] (or a variant's theme), vitae tightens spacing, then
  font size, until the document fits, or says what overflows and by how much.

Proofs:
  Every document is proven before it is written (see `vitae check --help`):
  a lost, clipped or overlapping fact fails the profile and names its key and
  line; warnings (glyphs, contrast, fill) fail it only with --strict.

Limits (docs/limits.md lists them all):
  Profiles are read only as regular files, at most 1 MiB, 2,000 entries and
  10,000 bullets; a document has at most 100 pages; a photo at most 10 MiB
  and 40 megapixels; a .bib file at most 10 MiB. A profile's photo, .bib
  file, output and layout folder must be inside its own folder. A user layout (a folder), or a profile over 16 KiB,
  renders in a process of its own, stopped at --timeout or --memory; only
  that profile fails.

Exit status:
  0  everything rendered (or, with --check, every PDF is up to date)
  1  at least one profile failed (or, with --check, a PDF is stale or missing)
  2  the command line itself is wrong";

const CHECK_HELP: &str = "\
The proofs (render runs the same ones before it writes a PDF):
  coverage       every fact of the profile (each name, title, date, bullet,
                 keyword) is in the document's text; a lost fact is an error
                 naming its key and line. A layout that leaves a key out on
                 purpose lists it in layout.toml: omits = [\"basics.tagline\"]
  geometry       no text off the paper or within 3 mm of its edge, cut off by
                 a box, drawn over other text, or across the edge of its tint
  glyphs         every character drawn (no empty boxes)          [warning]
  contrast       WCAG 2.2: 4.5:1 for text, 3:1 for large or bold [warning]
  reading order  what résumé parsers read: the name first, then contact,
                 each section and each entry as one block, an entry's title
                 before its bullets, a key number as value, label, detail
  fill           no last page under 15 % full, no heading alone at a page's end [warning]

Exit status:
  0  every profile passed (warnings allowed, unless --strict)
  1  a proof failed, or a profile has an error
  2  the command line itself is wrong";

const WATCH_HELP: &str = "\
Saves that write the file in place and saves that replace it (editors that
write a temporary file and rename it over the profile, sed -i) are both seen.
Errors are printed and watching goes on; Ctrl-C stops.";

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Write nothing; exit 1 if any output is missing or differs from a fresh render.
    #[arg(long, conflicts_with = "fail_on_change")]
    pub check: bool,

    /// Exit 1 if any output was created or changed. For pre-commit hooks: the
    /// commit stops so that you can add the new PDFs.
    #[arg(long)]
    pub fail_on_change: bool,

    /// Render only the K-th of N deterministic slices of the profiles (e.g. 2/4),
    /// to split a large folder across CI jobs or machines.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,

    /// Output format: pdf; png (one image per page: name-1.png, name-2.png, …);
    /// html, a self-contained web page for a personal site; md, Markdown for
    /// a README; txt, plain text wrapped at 80 columns for application forms;
    /// or json, the data a layout receives as /profile.json (for layout
    /// authors). html, md and txt are proven to hold every fact of the
    /// profile, as a PDF is. Several at once, from one run of the pipeline:
    /// --format pdf,html,md.
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "pdf")]
    pub format: Vec<OutputFormat>,

    /// Resolution of PNG output, in pixels per inch (18 to 1200).
    #[arg(long, default_value_t = 144.0, value_name = "PPI", value_parser = parse_ppi)]
    pub ppi: f32,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Profiles (*.toml) or folders of profiles, searched recursively.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A built-in layout name (see `vitae layouts`) or a layout folder.
    #[arg(short, long, value_name = "NAME|DIR", add = ArgValueCompleter::new(completion::layouts))]
    pub layout: Option<String>,

    /// Override a theme option, e.g. --theme pages=1.
    #[arg(short, long = "theme", value_name = "KEY=VALUE", add = ArgValueCompleter::new(completion::theme))]
    pub theme: Vec<String>,

    /// Check this variant of each profile; repeat or separate with commas.
    #[arg(long, value_name = "NAME", value_delimiter = ',', add = ArgValueCompleter::new(completion::variants))]
    pub variant: Vec<String>,

    /// Check every variant each profile declares.
    #[arg(long, conflicts_with = "variant")]
    pub all_variants: bool,

    /// Check the cover letter NAME (a `[[letters]]` name) instead of the CV.
    #[arg(long, value_name = "NAME", add = ArgValueCompleter::new(completion::letters))]
    pub letter: Option<String>,

    /// Report format: text for people, json for tools.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Treat warnings (contrast, glyphs, fill…) as errors.
    #[arg(long)]
    pub strict: bool,

    /// How many profiles to check at once [default: number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Give up on a profile whose layout takes longer than this to compile.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub timeout: f64,

    /// The most memory a profile with a user layout (or over 16 KiB) may use,
    /// in MiB (it is rendered in a process of its own).
    #[arg(long, value_name = "MIB", default_value_t = limits::DEFAULT_MEMORY_MIB, value_parser = clap::value_parser!(u64).range(256..))]
    pub memory: u64,

    #[command(flatten)]
    pub fonts: FontArgs,
}

impl CheckArgs {
    /// The options `render` shares, for resolving settings the same way.
    pub fn common(&self) -> CommonArgs {
        CommonArgs {
            paths: self.paths.clone(),
            output: None,
            layout: self.layout.clone(),
            theme: self.theme.clone(),
            jobs: self.jobs,
            timeout: self.timeout,
            memory: self.memory,
            fonts: self.fonts.clone(),
            variant: self.variant.clone(),
            all_variants: self.all_variants,
            letter: self.letter.clone(),
            strict: self.strict,
            quiet: false,
            pdf_standard: Standards::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Options `render` and `watch` share.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Profiles (*.toml) or folders of profiles, searched recursively; `-`
    /// reads one profile from standard input (its assets come from the
    /// working folder) and writes it to standard output unless -o says.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output file (one profile) or folder (several); `-` is standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// A built-in layout name (see `vitae layouts`) or a layout folder.
    #[arg(short, long, value_name = "NAME|DIR", add = ArgValueCompleter::new(completion::layouts))]
    pub layout: Option<String>,

    /// Override a theme option, e.g. --theme paper=us-letter --theme accent=#1f4e79.
    #[arg(short, long = "theme", value_name = "KEY=VALUE", add = ArgValueCompleter::new(completion::theme))]
    pub theme: Vec<String>,

    /// How many profiles to render at once [default: number of cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Give up on a profile whose layout takes longer than this to compile
    /// (a runaway user layout); the rest of a batch goes on.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub timeout: f64,

    /// The most memory a profile with a user layout (or over 16 KiB) may use,
    /// in MiB: it is rendered in a process of its own, stopped at this limit
    /// or at --timeout, and only that profile fails.
    #[arg(long, value_name = "MIB", default_value_t = limits::DEFAULT_MEMORY_MIB, value_parser = clap::value_parser!(u64).range(256..))]
    pub memory: u64,

    #[command(flatten)]
    pub fonts: FontArgs,

    /// Render this variant of each profile (a `[[variants]]` name) to
    /// <profile>-NAME.pdf; repeat or separate with commas for several.
    #[arg(long, value_name = "NAME", value_delimiter = ',', add = ArgValueCompleter::new(completion::variants))]
    pub variant: Vec<String>,

    /// Render every variant each profile declares (a profile without
    /// variants renders whole). The whole profile of one with variants is
    /// not rendered too: run once without this flag for it.
    #[arg(long, conflicts_with = "variant")]
    pub all_variants: bool,

    /// Render the cover letter NAME (a `[[letters]]` name) under the CV's
    /// header, to <profile>-letter-NAME.pdf, instead of the CV.
    #[arg(long, value_name = "NAME", add = ArgValueCompleter::new(completion::letters))]
    pub letter: Option<String>,

    /// Treat warnings (missing glyphs, unknown fonts, dropped links, page
    /// overflow, low contrast, a near-empty last page) as errors.
    #[arg(long)]
    pub strict: bool,

    /// Print only errors and the final summary.
    #[arg(short, long)]
    pub quiet: bool,

    /// PDF standards to meet, comma-separated: ua-1 (accessible), a-2a (archival),
    /// a-2b, a-3a, … or 1.7 / none for a plain tagged PDF. Ignored for PNG and JSON.
    #[arg(long, value_name = "LIST", default_value = encode::DEFAULT_STANDARDS, value_parser = Standards::parse)]
    pub pdf_standard: Standards,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Pdf,
    Png,
    Json,
    /// Markdown (CommonMark), for a README or a web page.
    Md,
    /// Plain text wrapped at 80 columns, for application forms.
    Txt,
    /// A self-contained web page, for a personal site.
    Html,
}

/// `K/N` with 1 ≤ K ≤ N.
fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (k, n) = text.split_once('/').ok_or("expected K/N, e.g. 1/4")?;
    let k: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("`{k}` is not a number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("`{n}` is not a number"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("K must be between 1 and N (got {k}/{n})"));
    }
    Ok((k, n))
}

/// A positive number of seconds.
fn parse_ppi(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(ppi) if (18.0..=1200.0).contains(&ppi) => Ok(ppi),
        _ => Err(format!(
            "`{text}` is not a resolution from 18 to 1200 pixels per inch"
        )),
    }
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() && s <= 86_400.0 => Ok(s),
        _ => Err(format!(
            "`{text}` is not a number of seconds between 0 and 86400"
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// JSON Resume 1.x (jsonresume.org).
    JsonResume,
    /// RenderCV's YAML (`cv:` and `design:`).
    Rendercv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON Resume 1.0 (jsonresume.org).
    JsonResume,
}
