//! Bad input gets a located, hinted message, exit code 1, and no output.
//! (`diagnostics.rs` snapshots these messages whole.)

use crate::common::*;

#[test]
fn unknown_key_gives_line_col_key_and_hint() {
    let (code, err, wrote) =
        fail("[basics]\nname = \"Ada\"\n\n[[work]]\nname = \"Acme\"\ntitel = \"Engineer\"\n");
    assert_eq!(code, 1);
    assert!(!wrote);
    assert!(err.contains("unknown key `titel`"), "{err}");
    assert!(err.contains("DIR/me.toml:6:1"), "{err}");
    assert!(err.contains("key: work[0].titel"), "{err}");
    assert!(err.contains("hint: did you mean `position`?"), "{err}");
    assert!(err.contains("expected: one of `name`, `url`"), "{err}");

    let (_, err, _) = fail("[basics]\nname = \"Ada\"\n[[awards]]\ntitel = \"Prize\"\n");
    assert!(
        err.contains("unknown key `titel`") && err.contains("hint: did you mean `title`?"),
        "{err}"
    );
    let (_, err, _) = fail("[basics]\nname = \"Ada\"\n[[work]]\nstartDate = \"2020\"\n");
    assert!(err.contains("hint: did you mean `start`?"), "{err}");
}

#[test]
fn every_problem_in_a_file_is_reported_in_one_run() {
    let (code, err, _) =
        fail("[basics]\nname = \"Ada\"\nlabl = \"x\"\n[[skills]]\nnmae = \"Rust\"\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown key `labl`") && err.contains("did you mean `label`?"),
        "{err}"
    );
    assert!(
        err.contains("unknown key `nmae`") && err.contains("did you mean `name`?"),
        "{err}"
    );
}

#[test]
fn a_missing_required_key_is_named() {
    let (code, err, wrote) =
        fail("[basics]\nname = \"Ada\"\n[[projects]]\ndescription = \"A tool\"\n");
    assert_eq!(code, 1);
    assert!(!wrote);
    assert!(err.contains("missing required key `name`"), "{err}");
    assert!(err.contains("key: projects[0].name"), "{err}");
    assert!(err.contains("me.toml:3:"), "{err}");
}

#[test]
fn malformed_and_impossible_dates_are_located() {
    let (code, err, _) = fail(
        "[basics]\nname = \"A\"\n[[work]]\nname = \"X\"\nstart = \"2022-13\"\n[[education]]\nstart = \"2020\"\nend = \"2019\"\n",
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("malformed date: `2022-13` has month 13"),
        "{err}"
    );
    assert!(err.contains("me.toml:5:9"), "{err}");
    assert!(err.contains("key: work[0].start"), "{err}");
    assert!(err.contains("`end` (2019) is before `start`"), "{err}");
    assert!(err.contains("key: education[0].end"), "{err}");
}

#[test]
fn wrong_types_say_what_was_expected() {
    let (code, err, _) =
        fail("[basics]\nname = \"A\"\n[[skills]]\nname = \"Rust\"\nkeywords = \"fast\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("wrong type: found string \"fast\""), "{err}");
    assert!(err.contains("expected: a sequence"), "{err}");
}

#[test]
fn toml_syntax_errors_are_located() {
    let (code, err, _) = fail("[basics]\nname = \"Ada\nlabel = \"x\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("TOML syntax error"), "{err}");
    assert!(err.contains("me.toml:2:"), "{err}");
}

#[test]
fn bad_urls_and_emails_are_refused() {
    let (code, err, _) =
        fail("[basics]\nname = \"A\"\nemail = \"a-at-b\"\nurl = \"javascript:alert(1)\"\n");
    assert_eq!(code, 1);
    assert!(err.contains("bad e-mail address `a-at-b`"), "{err}");
    assert!(err.contains("bad URL"), "{err}");
}

#[test]
fn empty_and_non_utf8_files_are_explained() {
    let (code, err, _) = fail("");
    assert_eq!(code, 1);
    assert!(err.contains("the profile is empty"), "{err}");
    let dir = Sandbox::new().file("latin1.toml", b"[basics]\nname = \"Jos\xe9\"\n");
    let output = dir.run(&["render", &dir.arg("latin1.toml")]);
    assert_eq!(output.code, Some(1));
    assert!(output.stderr.contains("not UTF-8"), "{}", output.stderr);
}

#[test]
fn missing_paths_unknown_layouts_and_bad_theme_values() {
    let output = run(&["render", "no/such/profile.toml"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output.stderr.contains("no such file or folder"),
        "{}",
        output.stderr
    );

    let output = run(&["render", "profiles/sam-export.toml", "--layout", "clasic"]);
    assert_eq!(output.code, Some(2));
    let err = &output.stderr;
    assert!(
        err.contains("unknown layout `clasic`") && err.contains("did you mean `classic`?"),
        "{err}"
    );

    let dir = Sandbox::new();
    let output = dir.run(&[
        "render",
        &example("sam-export"),
        "-o",
        "x.pdf",
        "--theme",
        "paper=a5",
    ]);
    assert_eq!(output.code, Some(2));
    let err = &output.stderr;
    assert!(
        err.contains("--theme paper: bad value \"a5\"") && err.contains("`us-letter`"),
        "{err}"
    );
    assert!(!dir.exists("x.pdf"));
}

#[test]
fn a_failed_render_keeps_the_previous_pdf() {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\n");
    assert!(dir.run(&["render", "me.toml"]).success());
    let good = dir.read("me.pdf");
    dir.write("me.toml", "[basics]\nname = \"Ada\"\nbroken = \n");
    let output = dir.run(&["render", "me.toml"]);
    assert_eq!(output.code, Some(1));
    assert_eq!(dir.read("me.pdf"), good);
}

#[test]
fn an_unwritable_output_is_a_clear_error() {
    let dir = Sandbox::new().file("file", "not a folder");
    let output = dir.run(&["render", &example("sam-export"), "-o", "file/cv.pdf"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output.stderr.contains("cannot write the output"),
        "{}",
        output.stderr
    );
}
