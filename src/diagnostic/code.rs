//! Stable codes for every kind of diagnostic.
//!
//! A message's wording may improve from one release to the next; its code
//! does not. Editors, CI annotators and scripts match on the code
//! (`V0012`) or its name (`unknown-key`), and `docs/diagnostics.md` explains
//! each with an example. A code is never reused for another meaning: a
//! retired one stays in the table, marked so in the docs.

use serde::{Deserialize, Serialize};

/// Declares [`Code`] with its number, name and one-line summary, and
/// [`Code::ALL`], so the three never drift apart.
macro_rules! codes {
    ($($variant:ident = $number:literal, $name:literal, $summary:literal;)*) => {
        /// What kind of problem a diagnostic reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the documentation.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The number users quote: `V0012`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!("V", stringify!($number)),)*
                }
            }

            /// The readable name: `unknown-key`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// What the code covers, in a line.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    // Reading the profile.
    FileUnreadable = 0001, "file-unreadable", "a file cannot be read: missing, a folder, too large, not UTF-8";
    EmptyProfile = 0002, "empty-profile", "the profile has no keys at all";
    OverLimit = 0003, "over-limit", "an input is over one of the limits in docs/limits.md";
    TomlSyntax = 0010, "toml-syntax", "the file is not valid TOML";
    MissingKey = 0011, "missing-key", "a required key is missing";
    UnknownKey = 0012, "unknown-key", "a key the profile format does not have (often a typo)";
    WrongType = 0013, "wrong-type", "a value of the wrong type (text where a list belongs, …)";
    InvalidValue = 0014, "invalid-value", "a value of the right type that the key does not accept";
    // Values.
    BadDate = 0020, "bad-date", "a date that is not a date";
    DateOrder = 0021, "date-order", "an entry ends before it starts";
    BadUrl = 0022, "bad-url", "a web address that is not one";
    BadEmail = 0023, "bad-email", "an e-mail address that is not one";
    EmptyValue = 0024, "empty-value", "a key that must say something is empty";
    UnknownLocale = 0025, "unknown-locale", "a locale vitae has no words for";
    ConflictingKeys = 0026, "conflicting-keys", "two keys that cannot be used together";
    DuplicateId = 0027, "duplicate-id", "two sections or variants with one name";
    UnknownSection = 0028, "unknown-section", "a section id that names no section";
    BadVariant = 0029, "bad-variant", "a variant that cannot be used as written";
    UnknownVariant = 0030, "unknown-variant", "--variant names no variant of the profile";
    UnusedTag = 0031, "unused-tag", "a variant names a tag no entry carries";
    BadOutput = 0032, "bad-output", "an output path that vitae refuses to write";
    LinkDropped = 0033, "link-dropped", "a link in the text that is not printed as a link";
    EmptySection = 0034, "empty-section", "a section with nothing to print, left out";
    UnknownLetter = 0035, "unknown-letter", "--letter (or a variant's `letter`) names no letter of the profile";
    BadLetter = 0036, "bad-letter", "a letter that cannot be used as written";
    // Files a profile brings.
    PhotoRefused = 0040, "photo-refused", "the photo cannot be used";
    Bibtex = 0041, "bibtex", "the .bib file of `publications.bibtex` cannot be used";
    // Layouts and themes.
    UnknownLayout = 0050, "unknown-layout", "a layout that is neither built in nor a usable folder";
    BadManifest = 0051, "bad-manifest", "a layout's layout.toml is not valid";
    UnknownThemeOption = 0052, "unknown-theme-option", "a theme option the layout does not have";
    BadThemeValue = 0053, "bad-theme-value", "a theme value the option does not accept";
    UnknownFont = 0054, "unknown-font", "a font that is neither bundled nor installed";
    LayoutError = 0055, "layout", "the layout's Typst code reported a problem";
    PageCount = 0056, "page-count", "more pages than the layout is meant for";
    DoesNotFit = 0057, "does-not-fit", "the profile does not fit the page budget";
    // Proofs of the laid-out document.
    LostFact = 0060, "lost-fact", "something the profile says is missing from the PDF";
    Geometry = 0061, "geometry", "text cut off, overlapping, or across a tint's edge";
    MissingGlyph = 0062, "missing-glyph", "a character no font draws";
    Contrast = 0063, "contrast", "text too faint against its background";
    ReadingOrder = 0064, "reading-order", "a résumé parser would read the text in the wrong order";
    PageFill = 0065, "page-fill", "a nearly empty last page, or a heading stranded at a page's foot";
    NotArchival = 0066, "not-archival", "written as a plain PDF rather than PDF/A and PDF/UA";
    // Runs, batches and commands.
    NothingToDo = 0070, "nothing-to-do", "a path with no profile to render";
    Skipped = 0071, "skipped", "a file in a folder that is not rendered";
    OutputClash = 0072, "output-clash", "two jobs would write one file, or over a profile";
    WriteFailed = 0073, "write-failed", "an output cannot be written";
    FileExists = 0074, "file-exists", "a command that never overwrites found its file there";
    TimeLimit = 0075, "time-limit", "a job ran past --timeout";
    MemoryLimit = 0076, "memory-limit", "a job needed more than --memory";
    BadArgument = 0077, "bad-argument", "a command-line value vitae cannot use";
    Import = 0078, "import", "what an import could not map, or a file it cannot read";
    Export = 0079, "export", "what an export has no place for";
    Watch = 0080, "watch", "watching for changes failed";
    Internal = 0099, "internal", "a bug in vitae: please report it";
}

impl std::fmt::Display for Code {
    /// `V0012 unknown-key`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let ids: HashSet<_> = Code::ALL.iter().map(|c| c.id()).collect();
        let names: HashSet<_> = Code::ALL.iter().map(|c| c.name()).collect();
        assert_eq!(ids.len(), Code::ALL.len());
        assert_eq!(names.len(), Code::ALL.len());
        for code in Code::ALL {
            assert!(code.id().len() == 5 && code.id().starts_with('V'), "{code}");
            assert!(
                code.name()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
        assert_eq!(Code::UnknownKey.to_string(), "V0012 unknown-key");
    }
}
