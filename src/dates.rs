//! Dates as résumés use them: a year, a month or a day, and "present".

use serde::Serialize;

use crate::locale::Words;

/// A date with as much precision as the author gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// One end of a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePoint {
    Date(PartialDate),
    Present,
}

/// What a date must look like, for error messages.
pub const EXPECTED: &str = "a date like \"2022\", \"2022-10\" or \"2022-10-03\"";

/// Why "present" is refused as a start date.
pub const PRESENT_ONLY_AT_END: &str = "\"present\" is only allowed as an end date";

/// Parses `2022`, `2022-10`, `2022-10-03`, and `present` when `allow_present`.
/// The error says what is wrong with the value, in words.
pub fn parse(text: &str, allow_present: bool) -> Result<DatePoint, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("present") || text.eq_ignore_ascii_case("now") {
        return if allow_present {
            Ok(DatePoint::Present)
        } else {
            Err(PRESENT_ONLY_AT_END.into())
        };
    }
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!("`{text}` is not a date"));
    }
    if parts[0].len() != 4 {
        return Err(format!(
            "`{text}` is not a date: the year must have four digits"
        ));
    }
    let year: i32 = parts[0]
        .parse()
        .map_err(|_| format!("`{text}` is not a date"))?;
    let month = match parts.get(1) {
        None => None,
        Some(m) => {
            let m: u8 = m
                .parse()
                .map_err(|_| format!("`{text}` has an impossible month"))?;
            if !(1..=12).contains(&m) {
                return Err(format!("`{text}` has month {m}; months run from 1 to 12"));
            }
            Some(m)
        }
    };
    let day = match parts.get(2) {
        None => None,
        Some(d) => {
            let d: u8 = d
                .parse()
                .map_err(|_| format!("`{text}` has an impossible day"))?;
            let max = days_in_month(year, month.unwrap_or(1));
            if d == 0 || d > max {
                return Err(format!("`{text}` has day {d}; that month has {max} days"));
            }
            Some(d)
        }
    };
    Ok(DatePoint::Date(PartialDate { year, month, day }))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How dates are written out; `theme.date_format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// "Oct 2022"
    #[default]
    Short,
    /// "October 2022"
    Long,
    /// "10/2022"
    Numeric,
    /// "2022-10"
    Iso,
    /// "2022"
    Year,
}

impl DateStyle {
    pub const NAMES: [&'static str; 5] = ["short", "long", "numeric", "iso", "year"];

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "short" => Self::Short,
            "long" => Self::Long,
            "numeric" => Self::Numeric,
            "iso" => Self::Iso,
            "year" => Self::Year,
            _ => return None,
        })
    }
}

/// Formats one date in the locale's words.
pub fn format_point(point: DatePoint, style: DateStyle, words: &Words) -> String {
    let date = match point {
        DatePoint::Present => return words.present.to_string(),
        DatePoint::Date(date) => date,
    };
    let Some(month) = date.month else {
        return date.year.to_string();
    };
    let index = usize::from(month - 1);
    match style {
        DateStyle::Short => format!("{} {}", words.months_short[index], date.year),
        DateStyle::Long => format!("{} {}", words.months[index], date.year),
        DateStyle::Numeric => format!("{month:02}/{}", date.year),
        DateStyle::Iso => format!("{}-{month:02}", date.year),
        DateStyle::Year => date.year.to_string(),
    }
}

/// A range as printed, from the ends [`range_parts`] gives: "Oct 2022 –
/// Present", "2018 – 2023", or a single date.
pub fn join_range<'a>(ends: impl IntoIterator<Item = &'a str>) -> String {
    ends.into_iter().collect::<Vec<_>>().join(" – ")
}

/// The ends of a range as printed, each with its date (none for
/// "present"); one end when both print the same. [`join_range`] joins
/// them; the HTML page marks each up as a `<time>`.
pub fn range_parts(
    start: Option<DatePoint>,
    end: Option<DatePoint>,
    style: DateStyle,
    words: &Words,
) -> Vec<(String, Option<PartialDate>)> {
    let part = |p: DatePoint| {
        let date = match p {
            DatePoint::Date(d) => Some(d),
            DatePoint::Present => None,
        };
        (format_point(p, style, words), date)
    };
    match (start, end) {
        (Some(s), Some(e)) => {
            let (s, e) = (part(s), part(e));
            if s.0 == e.0 { vec![s] } else { vec![s, e] }
        }
        (Some(one), None) | (None, Some(one)) => vec![part(one)],
        (None, None) => Vec::new(),
    }
}

/// A letter's date in full, as the locale writes one: "30 November 2026",
/// "30. November 2026", "30 de noviembre de 2026"; a date without its day
/// as [`format_point`] writes it in the long style.
pub fn letter_date(date: PartialDate, words: &Words, locale: &str) -> String {
    let (Some(month), Some(day)) = (date.month, date.day) else {
        return format_point(DatePoint::Date(date), DateStyle::Long, words);
    };
    let (month, year) = (words.months[usize::from(month - 1)], date.year);
    match locale.split('-').next().unwrap_or(locale) {
        "de" => format!("{day}. {month} {year}"),
        "es" | "pt" => format!("{day} de {month} de {year}"),
        _ => format!("{day} {month} {year}"),
    }
}

impl PartialDate {
    /// `2022`, `2022-10` or `2022-10-03`: the form of HTML's `datetime`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Whether `end` comes before `start`, comparing only the precision both give.
pub fn ends_before_start(start: PartialDate, end: PartialDate) -> bool {
    let key = |d: PartialDate, m: bool, dd: bool| {
        (
            d.year,
            if m { d.month } else { None },
            if dd { d.day } else { None },
        )
    };
    let months = start.month.is_some() && end.month.is_some();
    let days = months && start.day.is_some() && end.day.is_some();
    key(end, months, days) < key(start, months, days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale;

    fn date(text: &str) -> DatePoint {
        parse(text, true).unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            date("2022"),
            DatePoint::Date(PartialDate {
                year: 2022,
                month: None,
                day: None
            })
        );
        assert_eq!(
            date("2022-10"),
            DatePoint::Date(PartialDate {
                year: 2022,
                month: Some(10),
                day: None
            })
        );
        assert_eq!(
            date("2022-10-03"),
            DatePoint::Date(PartialDate {
                year: 2022,
                month: Some(10),
                day: Some(3)
            })
        );
        assert_eq!(date("present"), DatePoint::Present);
        assert_eq!(date("Present"), DatePoint::Present);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(parse("2022-13", true).unwrap_err().contains("month 13"));
        assert!(parse("2023-02-29", true).unwrap_err().contains("28 days"));
        assert!(parse("2024-02-29", true).is_ok());
        assert!(parse("22-10", true).unwrap_err().contains("four digits"));
        assert!(parse("Oct 2022", true).is_err());
        assert!(parse("2022-10-03-01", true).is_err());
        assert!(parse("present", false).unwrap_err().contains("end date"));
    }

    /// A range as the layout data carries it.
    fn format_range(
        start: Option<DatePoint>,
        end: Option<DatePoint>,
        style: DateStyle,
        words: &Words,
    ) -> String {
        let ends = range_parts(start, end, style, words);
        join_range(ends.iter().map(|(text, _)| text.as_str()))
    }

    #[test]
    fn formats_ranges_per_locale() {
        let en = locale::words("en").unwrap();
        let range = format_range(
            Some(date("2022-10")),
            Some(date("present")),
            DateStyle::Short,
            en,
        );
        assert_eq!(range, "Oct 2022 – Present");
        let years = format_range(Some(date("2018")), Some(date("2023")), DateStyle::Short, en);
        assert_eq!(years, "2018 – 2023");
        let de = locale::words("de").unwrap();
        let long = format_range(
            Some(date("2021-03")),
            Some(date("present")),
            DateStyle::Long,
            de,
        );
        assert_eq!(long, "März 2021 – heute");
        assert_eq!(
            format_range(Some(date("2021-03")), None, DateStyle::Iso, en),
            "2021-03"
        );
        assert_eq!(
            format_range(Some(date("2021")), Some(date("2021")), DateStyle::Short, en),
            "2021"
        );
    }

    #[test]
    fn compares_at_common_precision() {
        let d = |s| match date(s) {
            DatePoint::Date(d) => d,
            DatePoint::Present => unreachable!(),
        };
        assert!(ends_before_start(d("2022-10"), d("2021")));
        assert!(!ends_before_start(d("2022-10"), d("2022")));
        assert!(ends_before_start(d("2022-10"), d("2022-09")));
        assert!(!ends_before_start(d("2022-10-05"), d("2022-10")));
    }
}
