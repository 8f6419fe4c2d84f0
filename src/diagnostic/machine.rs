//! Diagnostics for programs rather than people: one JSON object per line
//! (`--message-format json`, for editors and scripts), or GitHub Actions
//! workflow commands (`--message-format github`, which GitHub shows as
//! annotations on the pull request's lines).

use serde_json::{Value as Json, json};

use super::{Diagnostic, Severity};

impl Diagnostic {
    /// One line of JSON, without the newline. `job` names the profile (and
    /// variant) the diagnostic came from, when it came from a job.
    ///
    /// Lines and columns are 1-based, columns counted in characters; `end`
    /// is exclusive. Fields without a value are `null`, never left out, so
    /// a consumer can rely on the shape.
    pub fn to_json_line(&self, job: Option<&str>) -> String {
        serde_json::to_string(&self.to_json(job)).unwrap_or_else(|_| Json::Null.to_string())
    }

    /// The object [`Diagnostic::to_json_line`] writes, for reports that
    /// embed diagnostics (`vitae check --format json`).
    pub fn to_json(&self, job: Option<&str>) -> Json {
        let (start, end) = self.span_positions().unzip();
        json!({
            "severity": severity_name(self.severity),
            "code": self.code.id(),
            "name": self.code.name(),
            "message": &*self.message,
            "file": self.file_name(),
            "line": start.map(|(line, _)| line),
            "column": start.map(|(_, col)| col),
            "end_line": end.map(|(line, _)| line),
            "end_column": end.map(|(_, col)| col),
            "key": self.key_path.as_deref(),
            "expected": self.expected.as_deref(),
            "hints": &self.hints,
            "job": job,
        })
    }

    /// One GitHub Actions workflow command:
    /// `::error file=me.toml,line=2,col=1,endLine=2,endColumn=6,title=V0012 unknown-key::…`.
    /// The message carries the key, what was expected and the hints, as the
    /// annotation is all a reviewer sees.
    pub fn to_github_line(&self) -> String {
        let mut properties = Vec::new();
        if let Some(file) = self.file_name() {
            properties.push(format!("file={}", escape_property(&file)));
        }
        if let Some(((line, col), (end_line, end_col))) = self.span_positions() {
            properties.push(format!("line={line},col={col}"));
            properties.push(format!("endLine={end_line},endColumn={end_col}"));
        }
        properties.push(format!("title={}", escape_property(&self.code.to_string())));
        let mut text = self.message.to_string();
        if let Some(key) = &self.key_path {
            text.push_str(&format!("\nkey: {key}"));
        }
        if let Some(expected) = &self.expected {
            text.push_str(&format!("\nexpected: {expected}"));
        }
        for hint in &self.hints {
            text.push_str(&format!("\nhint: {hint}"));
        }
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&text)
        )
    }

    /// The file's name as the user gave it, with or without source text.
    fn file_name(&self) -> Option<String> {
        match &self.location {
            Some(loc) => Some(loc.file.name.clone()),
            None => self.path.as_deref().map(str::to_string),
        }
    }

    /// 1-based (line, column) of the span's start and end.
    fn span_positions(&self) -> Option<((usize, usize), (usize, usize))> {
        let loc = self.location.as_ref()?;
        Some((
            loc.file.line_col(loc.span.start),
            loc.file.line_col(loc.span.end.max(loc.span.start)),
        ))
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A workflow command's message: `%`, CR and LF encoded, so that text from
/// a profile can neither end the command nor start another.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`escape_data`], and `:` and `,`,
/// which separate properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::{Code, SourceFile};
    use super::*;

    fn unknown_key() -> Diagnostic {
        let file = SourceFile::new("me.toml", "[basics]\ntitel = \"x\"\n");
        Diagnostic::error(Code::UnknownKey, "unknown key `titel`")
            .at(&file, 9..14)
            .key("basics.titel")
            .hint("did you mean `title`?")
    }

    #[test]
    fn json_line_has_every_field() {
        let line = unknown_key().to_json_line(Some("me.toml"));
        assert!(!line.contains('\n'));
        let value: Json = serde_json::from_str(&line).unwrap();
        assert_eq!(value["severity"], "error");
        assert_eq!(value["code"], "V0012");
        assert_eq!(value["name"], "unknown-key");
        assert_eq!(value["file"], "me.toml");
        assert_eq!(
            (value["line"].as_u64(), value["column"].as_u64()),
            (Some(2), Some(1))
        );
        assert_eq!(value["end_column"], 6);
        assert_eq!(value["key"], "basics.titel");
        assert_eq!(value["hints"][0], "did you mean `title`?");
        assert_eq!(value["expected"], Json::Null);
    }

    #[test]
    fn github_line_cannot_be_broken_out_of() {
        let line = unknown_key().to_github_line();
        assert!(
            line.starts_with(
                "::error file=me.toml,line=2,col=1,endLine=2,endColumn=6,title=V0012 unknown-key::unknown key"
            ),
            "{line}"
        );
        let hostile = Diagnostic::warning(Code::LinkDropped, "a\n::error::forged 100%")
            .in_file(std::path::Path::new("a,b:c.toml"));
        let line = hostile.to_github_line();
        assert_eq!(
            line,
            "::warning file=a%2Cb%3Ac.toml,title=V0033 link-dropped::a%0A::error::forged 100%25"
        );
    }
}
