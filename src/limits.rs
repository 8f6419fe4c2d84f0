//! Every limit vitae puts on its input, in one place.
//!
//! vitae runs in CI on profiles from pull requests and on folders their
//! owners did not write, so every cost a file can impose is capped. The
//! numbers sit far above any real résumé (the longest example profile is
//! 6 KiB, two pages) and well below what would hurt a 2 GB runner.
//! `docs/limits.md` lists them for users, and `vitae render --help` points
//! there; an error that hits one names it.

/// A profile file, and a profile read from an import.
pub const PROFILE_BYTES: u64 = 1024 * 1024;

/// A photo (PNG, JPEG or SVG) a profile embeds.
pub const PHOTO_BYTES: u64 = 10 * 1024 * 1024;

/// A raster photo's pixels, read from its header before anything decodes
/// it: 40 megapixels is a 7300 × 5500 camera image, and decodes to 160 MB.
pub const PHOTO_PIXELS: u64 = 40_000_000;

/// Any one file of a layout folder, `layout.toml` included.
pub const LAYOUT_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Entries of all sections together (jobs, schools, projects, skills…).
pub const ENTRIES: usize = 2_000;

/// Bullets (highlights, at any depth) of all entries together.
pub const BULLETS: usize = 10_000;

/// Levels of `[` and `{` a profile may nest (TOML's own parser stops at
/// fewer in valid text; this bounds it in text it is recovering from, where
/// an unclosed `{` per line once nested until the stack overflowed).
pub const NESTING: usize = 100;

/// Pages of one document: a longer one is refused before it is proven or
/// encoded.
pub const PAGES: usize = 100;

/// Diagnostics of one kind printed for one profile; the rest are counted.
pub const REPEATS: usize = 20;

/// Nodes a YAML document may expand to while its aliases are followed.
pub const YAML_NODES: usize = 200_000;

/// Profiles larger than this (the longest example is 6 KiB) render in a
/// child process, like user layouts: Typst's cost grows faster than the
/// text for some shapes of it (one 32 KiB paragraph of `a-a-a-…` took 15 s
/// to break into lines, 250 KiB of `N+1 ` 870 MB), so only a profile this
/// small is sure to render quickly in-process.
pub const IN_PROCESS_BYTES: usize = 16 * 1024;

/// The memory a job with a user layout may use, in MiB: it runs in a child
/// process with this address-space limit (`--memory`).
pub const DEFAULT_MEMORY_MIB: u64 = 1024;
