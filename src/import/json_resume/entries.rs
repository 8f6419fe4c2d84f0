//! Which fields of each kind of JSON Resume entry vitae has a key for. The
//! keys are the fields' Rust names (see [`super::document`]), so each kind
//! only names its fields, once.

use super::document::{
    Award, Certificate, Education, Employer, Interest, Language, Organization, Period, Position,
    Project, Publication, Reference, Skill, Volunteer, Work,
};
use crate::import::written::{Extra, Field};

/// A field under its vitae key.
pub(super) type Keyed<'a> = (&'static str, &'a Field);

/// `keyed!(value, a, b)`: the fields `value.a` and `value.b` under their
/// Rust names, which are their vitae keys.
macro_rules! keyed {
    ($value:expr, $($field:ident),+) => {
        [$((stringify!($field), &$value.$field)),+]
    };
}
pub(super) use keyed;

/// What has fields vitae has a key for: an entry, or a part flattened into
/// several kinds of entry.
pub(super) trait Keys {
    fn keyed(&self) -> Vec<Keyed<'_>>;
}

/// One kind of JSON Resume entry, as vitae reads it.
pub(super) trait Entry: Keys {
    /// The section's key, the same in JSON Resume and in vitae.
    const SECTION: &'static str;
    /// The vitae key an entry of this kind cannot do without, if any.
    const REQUIRED: Option<&'static str>;
    /// The fields it has no key for.
    fn extra(&self) -> &Extra;
}

/// `keys!(Type, [fields] + parts)`: implements [`Keys`] with the type's own
/// fields and those of its flattened parts.
macro_rules! keys {
    ($type:ty, [$($field:ident),+] $(+ $part:ident)*) => {
        impl Keys for $type {
            fn keyed(&self) -> Vec<Keyed<'_>> {
                [&keyed!(self, $($field),+)[..] $(, &self.$part.keyed())*].concat()
            }
        }
    };
}

/// `entry!(Type, section, required)`: implements [`Entry`].
macro_rules! entry {
    ($type:ty, $section:literal, $required:expr) => {
        impl Entry for $type {
            const SECTION: &'static str = $section;
            const REQUIRED: Option<&'static str> = $required;
            fn extra(&self) -> &Extra {
                &self.extra
            }
        }
    };
}

impl<At: Keys> Keys for Position<At> {
    fn keyed(&self) -> Vec<Keyed<'_>> {
        let own = keyed!(self, position, url, summary, highlights);
        [&own[..], &self.at.keyed(), &self.period.keyed()].concat()
    }
}

keys!(Employer, [name, location, description]);
keys!(Organization, [organization]);
keys!(Period, [start, end]);
keys!(
    Education,
    [institution, url, area, study_type, score, courses] + period
);
keys!(Award, [title, date, awarder, summary]);
keys!(Certificate, [name, date, issuer, url]);
keys!(Publication, [name, publisher, date, url, summary]);
keys!(Skill, [name, level, keywords]);
keys!(Language, [language, fluency]);
keys!(Interest, [name, keywords]);
keys!(Reference, [name, reference]);
keys!(
    Project,
    [name, description, highlights, keywords, url] + period
);

entry!(Work, "work", None);
entry!(Volunteer, "volunteer", None);
entry!(Education, "education", None);
entry!(Award, "awards", Some("title"));
entry!(Certificate, "certificates", Some("name"));
entry!(Publication, "publications", Some("name"));
entry!(Skill, "skills", Some("name"));
entry!(Language, "languages", Some("language"));
entry!(Interest, "interests", Some("name"));
entry!(Reference, "references", Some("name"));
entry!(Project, "projects", Some("name"));
