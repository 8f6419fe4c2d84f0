//! RenderCV's themes and vitae's nearest layouts, in one table: when vitae
//! gains a layout nearer to a theme (a date column for `moderncv`, an
//! academic one for `harvard` and `ink`), only [`THEMES`] changes.

/// A RenderCV theme and the vitae layout it becomes.
pub struct Theme {
    pub theme: &'static str,
    pub layout: &'static str,
    /// Why this layout, when it is not the same design: the import says so.
    pub approximation: Option<&'static str>,
}

const fn same(theme: &'static str, layout: &'static str) -> Theme {
    Theme {
        theme,
        layout,
        approximation: None,
    }
}

const fn near(theme: &'static str, layout: &'static str, why: &'static str) -> Theme {
    Theme {
        theme,
        layout,
        approximation: Some(why),
    }
}

/// Every theme of RenderCV 2.x.
pub const THEMES: &[Theme] = &[
    same("classic", "classic"),
    near(
        "engineeringresumes",
        "compact",
        "a dense one-page engineering résumé",
    ),
    near(
        "engineeringclassic",
        "compact",
        "a dense one-page engineering résumé",
    ),
    near(
        "sb2nov",
        "compact",
        "a dense one-column résumé with dates on the right",
    ),
    near(
        "moderncv",
        "modern",
        "vitae has no date-column layout yet; modern also sets a column beside the main one",
    ),
    near(
        "harvard",
        "classic",
        "vitae has no academic layout yet; classic is the conservative one-column layout",
    ),
    near(
        "ink",
        "classic",
        "vitae has no academic layout yet; classic is the conservative one-column layout",
    ),
    near(
        "opal",
        "modern",
        "a sans-serif design with a colour accent, like modern (which adds a sidebar)",
    ),
    near(
        "ember",
        "classic",
        "a one-column design with a centred header; its fonts and colours are not imported",
    ),
];

/// The layout for `theme`, and why when it is an approximation. A theme
/// RenderCV does not ship (a user's own) becomes `classic`.
pub fn nearest(theme: &str) -> (&'static str, Option<String>) {
    match THEMES.iter().find(|t| t.theme == theme) {
        Some(t) => (t.layout, t.approximation.map(str::to_string)),
        None => (
            "classic",
            Some("not one of RenderCV's themes; classic is vitae's default".into()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_has_a_built_in_layout() {
        for theme in THEMES {
            assert!(
                ["classic", "compact", "modern", "notebook"].contains(&theme.layout),
                "{}",
                theme.theme
            );
        }
        assert_eq!(nearest("harvard").0, "classic");
        assert!(nearest("classic").1.is_none());
        assert!(nearest("mine").1.is_some());
    }
}
