//! Snapshots of the complete terminal output of every class of diagnostic,
//! so that any change to a message shows up as a reviewed diff.
//!
//! Each case runs the binary in a sandbox, with relative paths, so no
//! temporary path appears; timings are redacted. The exit code is asserted
//! and is part of the snapshot. After an intended change to a message:
//!   INSTA_UPDATE=always cargo test --release --test it diagnostics::
//! (or `cargo insta review`), then read and commit `tests/it/snapshots/`.
//! With `CI=true` insta never writes: a missing or changed snapshot fails.

use crate::common::*;

/// Runs `vitae args` in `dir`, asserts its exit code, and snapshots all it
/// printed: the command, the exit code, stderr and (when there is any) stdout.
#[track_caller]
fn check(name: &str, dir: &Sandbox, args: &[&str], code: i32) {
    let run = dir.run(args);
    let mut shown = format!("$ vitae {}\nexit code: {}\n", args.join(" "), code_of(&run));
    shown += &format!("--- stderr\n{}", redact(dir, &run.stderr));
    if !run.stdout.is_empty() {
        shown += &format!("--- stdout\n{}", redact(dir, &run.stdout_text()));
    }
    assert_eq!(run.code, Some(code), "{shown}");
    insta::assert_snapshot!(name, shown);
    same_diagnostics_for_programs(dir, args, &run);
}

/// `--message-format json` and `github` report what the human format did:
/// the same exit code, the same codes, and each located diagnostic at the
/// same `file:line:col`, one parsable line each on stdout.
#[track_caller]
fn same_diagnostics_for_programs(dir: &Sandbox, args: &[&str], human: &Run) {
    let codes = regex::Regex::new(r"(error|warning)\[(V\d{4})\]").unwrap();
    let mut human_codes: Vec<String> = codes
        .captures_iter(&human.stderr)
        .map(|c| format!("{} {}", &c[1], &c[2]))
        .collect();
    let places = regex::Regex::new(r"┌─ (\S+):(\d+):(\d+)").unwrap();
    let mut human_places: Vec<String> = places
        .captures_iter(&human.stderr)
        .map(|c| format!("{}:{}:{}", &c[1], &c[2], &c[3]))
        .collect();

    let json = dir.run(&[args, &["--message-format", "json"]].concat());
    assert_eq!(json.code, human.code, "{}", json.stderr);
    let mut json_codes = Vec::new();
    let mut json_places = Vec::new();
    for line in json.stdout_text().lines() {
        let d: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not one JSON object ({e}): {line}"));
        let known = crate::common::api::Code::ALL
            .iter()
            .any(|c| d["code"] == c.id() && d["name"] == c.name());
        assert!(known, "an unknown code: {line}");
        assert!(d["message"].is_string() && d["hints"].is_array(), "{line}");
        json_codes.push(format!(
            "{} {}",
            d["severity"].as_str().unwrap(),
            d["code"].as_str().unwrap()
        ));
        if let (Some(line_no), Some(col)) = (d["line"].as_u64(), d["column"].as_u64()) {
            let file = d["file"]
                .as_str()
                .expect("a located diagnostic names its file");
            json_places.push(format!("{file}:{line_no}:{col}"));
            assert!(d["end_line"].as_u64().unwrap() >= line_no, "{line}");
        }
    }
    assert!(
        !json.stderr.contains("error["),
        "diagnostics went to stderr too: {}",
        json.stderr
    );
    for list in [
        &mut human_codes,
        &mut json_codes,
        &mut human_places,
        &mut json_places,
    ] {
        list.sort();
    }
    assert_eq!(human_codes, json_codes, "{}", json.stdout_text());
    assert_eq!(human_places, json_places, "{}", json.stdout_text());

    let github = dir.run(&[args, &["--message-format", "github"]].concat());
    assert_eq!(github.code, human.code);
    let lines: Vec<String> = github.stdout_text().lines().map(String::from).collect();
    assert_eq!(lines.len(), json_codes.len(), "{lines:?}");
    for line in &lines {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
        assert!(line.contains("title=V"), "{line}");
    }
}

/// `vitae render me.toml` of a sandbox holding `text` as `me.toml`.
#[track_caller]
fn render_profile(name: &str, text: &str, code: i32) {
    check(
        name,
        &Sandbox::new().profile("me.toml", text),
        &["render", "me.toml"],
        code,
    );
}

fn code_of(run: &Run) -> String {
    run.code
        .map_or("killed by a signal".into(), |c| c.to_string())
}

/// What differs between machines and runs: the sandbox and repository paths
/// (should they ever appear), and timings: "in 0.02 s" and "12 ms".
fn redact(dir: &Sandbox, text: &str) -> String {
    let mut text = text.to_string();
    for path in [dir.path().to_path_buf(), dir.path().canonicalize().unwrap()] {
        text = text.replace(path.to_str().unwrap(), "[DIR]");
    }
    text = text.replace(repo().to_str().unwrap(), "[REPO]");
    redact_timings(&text)
}

/// Replaces the number in "in 0.02 s" and "12 ms" with `[t]`.
fn redact_timings(text: &str) -> String {
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.');
    let unit_is = |w: &str, unit: &str| {
        w.strip_prefix(unit)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    };
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            let redacted: Vec<&str> = (0..words.len())
                .map(|i| {
                    let next = words.get(i + 1).copied().unwrap_or("");
                    let before = if i > 0 { words[i - 1] } else { "" };
                    let timing = is_number(words[i])
                        && (unit_is(next, "ms") || (before == "in" && unit_is(next, "s")));
                    if timing { "[t]" } else { words[i] }
                })
                .collect();
            redacted.join(" ")
        })
        .collect();
    lines.join("\n")
}

#[test]
fn timings_are_redacted_and_nothing_else() {
    assert_eq!(
        redact_timings(
            "rendered 2, unchanged 0, 1 failed in 0.31 s\n✓ a → a.pdf (1 page, 93 ms)\n"
        ),
        "rendered 2, unchanged 0, 1 failed in [t] s\n✓ a → a.pdf (1 page, [t] ms)\n"
    );
    let kept = "exceeded the time limit (1 s) in 2 steps; 3 msgs";
    assert_eq!(redact_timings(kept), kept);
}

// --- Reading the file --------------------------------------------------------

#[test]
fn toml_syntax_error() {
    render_profile(
        "toml_syntax_error",
        "[basics]\nname = \"Ada\nlabel = \"x\"\n",
        1,
    );
}

#[test]
fn empty_profile() {
    render_profile("empty_profile", "", 1);
}

#[test]
fn non_utf8_file() {
    let dir = Sandbox::new().file("me.toml", b"[basics]\nname = \"Jos\xe9\"\n");
    check("non_utf8_file", &dir, &["render", "me.toml"], 1);
}

#[test]
fn file_too_large() {
    let filler = format!("# {}\n", "x".repeat(1000)).repeat(1100);
    let dir = Sandbox::new().profile("me.toml", &format!("[basics]\nname = \"Big\"\n{filler}"));
    check("file_too_large", &dir, &["render", "me.toml"], 1);
}

#[test]
fn missing_file() {
    check(
        "missing_file",
        &Sandbox::new(),
        &["render", "no/such/me.toml"],
        1,
    );
}

#[test]
fn folder_without_profiles() {
    check(
        "folder_without_profiles",
        &Sandbox::new().folder("cvs"),
        &["render", "cvs"],
        1,
    );
}

// --- Keys and values ---------------------------------------------------------

#[test]
fn unknown_key_with_did_you_mean() {
    render_profile(
        "unknown_key_with_did_you_mean",
        "[basics]\nname = \"Ada\"\n\n[[work]]\nname = \"Acme\"\ntitel = \"Engineer\"\n",
        1,
    );
}

#[test]
fn unknown_key_with_a_synonym_hint() {
    render_profile(
        "unknown_key_with_a_synonym_hint",
        "[basics]\nname = \"Ada\"\n[[work]]\nname = \"Acme\"\nstartDate = \"2020\"\n",
        1,
    );
}

#[test]
fn missing_required_key() {
    render_profile(
        "missing_required_key",
        "[basics]\nname = \"Ada\"\n[[projects]]\ndescription = \"A tool\"\n",
        1,
    );
}

#[test]
fn a_work_entry_with_roles_and_its_own_position() {
    render_profile(
        "a_work_entry_with_roles_and_its_own_position",
        "[basics]\nname = \"A\"\n[[work]]\nname = \"X\"\nposition = \"Y\"\n[[work.roles]]\nposition = \"Z\"\n",
        1,
    );
}

#[test]
fn empty_name_and_section_order_naming_no_section() {
    render_profile(
        "empty_name_and_section_order_naming_no_section",
        "[basics]\nname = \"\"\n[theme]\nsection_order = [\"wrk\"]\n",
        1,
    );
}

#[test]
fn invalid_value() {
    render_profile(
        "invalid_value",
        "[basics]\nname = \"A\"\n[[projects]]\nname = \"x\"\nstars = -2\n",
        1,
    );
}

#[test]
fn wrong_type() {
    render_profile(
        "wrong_type",
        "[basics]\nname = \"A\"\n[[skills]]\nname = \"Rust\"\nkeywords = \"x\"\n",
        1,
    );
}

#[test]
fn impossible_date_month_13() {
    render_profile(
        "impossible_date_month_13",
        "[basics]\nname = \"A\"\n[[work]]\nname = \"X\"\nstart = \"2022-13\"\n",
        1,
    );
}

#[test]
fn malformed_date() {
    render_profile(
        "malformed_date",
        "[basics]\nname = \"A\"\n[[work]]\nname = \"X\"\nstart = \"Oct 2022\"\n",
        1,
    );
}

#[test]
fn end_before_start() {
    render_profile(
        "end_before_start",
        "[basics]\nname = \"A\"\n[[education]]\ninstitution = \"TU\"\nstart = \"2020\"\nend = \"2019\"\n",
        1,
    );
}

#[test]
fn bad_url() {
    render_profile(
        "bad_url",
        "[basics]\nname = \"A\"\nurl = \"javascript:alert(1)\"\n",
        1,
    );
}

#[test]
fn bad_email() {
    render_profile(
        "bad_email",
        "[basics]\nname = \"A\"\nemail = \"a-at-b\"\n",
        1,
    );
}

#[test]
fn unknown_locale() {
    render_profile(
        "unknown_locale",
        "locale = \"deu\"\n[basics]\nname = \"A\"\n",
        1,
    );
}

#[test]
fn several_errors_in_one_file_are_reported_together() {
    render_profile(
        "several_errors_in_one_file",
        "[basics]\nname = \"Ada\"\nlabl = \"x\"\nemail = \"a-at-b\"\n[[skills]]\nnmae = \"Rust\"\n[[work]]\nname = \"X\"\nstart = \"2022-13\"\n",
        1,
    );
}

#[test]
fn output_path_leaving_the_folder() {
    render_profile(
        "output_path_leaving_the_folder",
        "output = \"../cv.pdf\"\n[basics]\nname = \"Ada\"\n",
        1,
    );
}

// --- Theme and layout --------------------------------------------------------

#[test]
fn unknown_theme_option() {
    render_profile(
        "unknown_theme_option",
        "[basics]\nname = \"Ada\"\n[theme]\nacent = \"#123456\"\n",
        1,
    );
}

#[test]
fn bad_theme_value_in_the_profile() {
    render_profile(
        "bad_theme_value_in_the_profile",
        "[basics]\nname = \"Ada\"\n[theme]\npaper = \"a5\"\n",
        1,
    );
}

#[test]
fn bad_theme_value_on_the_command_line() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    check(
        "bad_theme_value_on_the_command_line",
        &dir,
        &["render", "me.toml", "--theme", "paper=a5"],
        2,
    );
}

#[test]
fn bad_page_budget() {
    render_profile(
        "bad_page_budget",
        "[basics]\nname = \"A\"\n[theme]\npages = 0\n",
        1,
    );
}

#[test]
fn malformed_theme_argument_is_a_usage_error() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    check(
        "malformed_theme_argument",
        &dir,
        &["render", "me.toml", "--theme", "paper"],
        2,
    );
}

#[test]
fn unknown_layout_on_the_command_line() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    check(
        "unknown_layout_on_the_command_line",
        &dir,
        &["render", "me.toml", "--layout", "clasic"],
        2,
    );
}

#[test]
fn unknown_layout_in_the_profile() {
    render_profile(
        "unknown_layout_in_the_profile",
        "layout = \"modrn\"\n[basics]\nname = \"Ada\"\n",
        1,
    );
}

#[test]
fn a_user_layout_with_a_typst_error() {
    let dir = Sandbox::new()
        .profile("me.toml", "[basics]\nname = \"Ada\"\n")
        .file(
            "mine/main.typ",
            "#let data = json(\"/profile.json\")\n= #data.basics.name\n#undefined-function(1)\n",
        );
    check(
        "a_user_layout_with_a_typst_error",
        &dir,
        &["render", "me.toml", "--layout", "./mine"],
        1,
    );
}

#[test]
fn a_page_budget_that_cannot_fit() {
    render_profile(
        "a_page_budget_that_cannot_fit",
        &crate::fit::long_profile("pages = 1"),
        1,
    );
}

#[test]
fn strict_mode_turns_a_warning_into_an_error() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "[basics]\nname = \"Ada\"\n[[sections]]\ntitle = \"Notes\"\n",
    );
    check(
        "strict_mode_turns_a_warning_into_an_error",
        &dir,
        &["render", "me.toml", "--strict"],
        1,
    );
}

#[test]
fn an_unknown_font_is_a_warning() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    check(
        "an_unknown_font_is_a_warning",
        &dir,
        &["render", "me.toml", "--theme", "font=Nonexistent Grotesk"],
        0,
    );
}

// --- Photos ------------------------------------------------------------------

#[test]
fn photo_refused_outside_the_folder() {
    let dir = Sandbox::new().file("outside.png", "").profile(
        "cv/me.toml",
        "[basics]\nname = \"Ada\"\nphoto = '../outside.png'\n",
    );
    check(
        "photo_refused_outside_the_folder",
        &dir,
        &["render", "cv/me.toml"],
        1,
    );
}

#[test]
fn photo_refused_through_a_link() {
    let dir = Sandbox::new()
        .file("outside.png", "")
        .symlink("outside.png", "cv/link.png")
        .profile(
            "cv/me.toml",
            "[basics]\nname = \"Ada\"\nphoto = 'link.png'\n",
        );
    check(
        "photo_refused_through_a_link",
        &dir,
        &["render", "cv/me.toml"],
        1,
    );
}

#[test]
fn photo_refused_not_an_image() {
    let dir = Sandbox::new()
        .file("cv/fake.png", "not a png at all")
        .profile(
            "cv/me.toml",
            "[basics]\nname = \"Ada\"\nphoto = 'fake.png'\n",
        );
    check(
        "photo_refused_not_an_image",
        &dir,
        &["render", "cv/me.toml"],
        1,
    );
}

// --- Variants ----------------------------------------------------------------

/// Two tagged bullets and two variants; `typo` names a tag nothing carries.
const VARIANTS: &str = r#"[basics]
name = "Ada"

[[work]]
name = "Acme"
highlights = [
  { text = "Built the ledger", tags = ["backend"] },
  { text = "Trained the model", tags = ["ml"] },
]

[[variants]]
name = "backend"
include = ["backend"]

[[variants]]
name = "typo"
include = ["ml", "bakend"]
"#;

#[test]
fn unknown_variant() {
    let dir = Sandbox::new().profile("me.toml", VARIANTS);
    check(
        "unknown_variant",
        &dir,
        &["render", "me.toml", "--variant", "bakend"],
        1,
    );
}

#[test]
fn unknown_variant_tag_is_a_warning() {
    let dir = Sandbox::new().profile("me.toml", VARIANTS);
    check(
        "unknown_variant_tag_warning",
        &dir,
        &["render", "me.toml", "--variant", "typo"],
        0,
    );
}

#[test]
fn bad_variant_declarations() {
    render_profile(
        "bad_variant_declarations",
        "[basics]\nname = \"A\"\n\n[[variants]]\nname = \"one page\"\n\n[[variants]]\nname = \"x\"\n\n[[variants]]\nname = \"x\"\noutput = \"../x.pdf\"\n",
        1,
    );
}

// --- Batches -----------------------------------------------------------------

#[test]
fn a_batch_with_one_broken_profile() {
    let dir = Sandbox::new().people("cvs", 2).profile(
        "cvs/broken.toml",
        "[basics]\nname = \"Bad\"\n\n[[work]]\nstart = \"2022-13\"\n",
    );
    check(
        "a_batch_with_one_broken_profile",
        &dir,
        &["render", "cvs", "-j", "1"],
        1,
    );
}

#[test]
fn check_names_stale_and_missing_pdfs() {
    let dir = Sandbox::new().people(".", 2);
    dir.run(&["render", ".", "-q"]).ok();
    dir.write("person-000.toml", dir.read_text("person-001.toml"));
    std::fs::remove_file(dir.join("person-001.pdf")).unwrap();
    check(
        "check_names_stale_and_missing_pdfs",
        &dir,
        &["render", ".", "--check", "-j", "1"],
        1,
    );
}

// --- Other commands ----------------------------------------------------------

#[test]
fn import_of_a_file_that_is_not_rendercv() {
    let dir = Sandbox::new().file("x.yaml", "name: Not a RenderCV file\n");
    check(
        "import_of_a_file_that_is_not_rendercv",
        &dir,
        &["import", "x.yaml"],
        1,
    );
}

#[test]
fn new_never_overwrites() {
    let dir = Sandbox::new().file("me.toml", "precious");
    check(
        "new_never_overwrites",
        &dir,
        &["new", "Ada", "-o", "me.toml"],
        1,
    );
}
