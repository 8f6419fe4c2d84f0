//! A cover letter (`--letter NAME`) as layouts get it: the recipient's
//! address block, the place and date, and the letter's prose, typeset for
//! the locale like every other text.

use super::LetterData;
use super::build::{Builder, name_of};
use crate::dates;
use crate::profile::model::{Basics, DateInput, Letter};

impl Builder {
    /// A cover letter; its date in full, in the locale's words.
    pub(super) fn letter(&mut self, l: &Letter, basics: &Basics) -> LetterData {
        let r = &l.recipient;
        let recipient = [&r.name, &r.title, &r.company]
            .into_iter()
            .flatten()
            .chain(&r.address)
            .filter_map(|line| self.rich(Some(line)))
            .collect();
        let dateline = [
            l.place.as_deref().map(|p| self.title(p)),
            self.letter_date(l.date.as_ref()),
        ]
        .into_iter()
        .flatten()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        LetterData {
            recipient,
            dateline: (!dateline.is_empty()).then_some(dateline),
            subject: self.rich(l.subject.as_deref()),
            salutation: self.rich(l.salutation.as_deref()),
            body: self.prose(Some(l.body.get_ref())),
            closing: self.rich(l.closing.as_deref()),
            signature: l
                .signature
                .as_deref()
                .map(|s| self.title(s))
                .or_else(|| name_of(basics)),
        }
    }

    /// A letter's date in full ("30 November 2026").
    pub(super) fn letter_date(&self, date: Option<&toml::Spanned<DateInput>>) -> Option<String> {
        match date?.get_ref().point(false) {
            Ok(dates::DatePoint::Date(d)) => Some(dates::letter_date(d, &self.words, &self.locale)),
            _ => None,
        }
    }
}
