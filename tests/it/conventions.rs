//! The conventions of command-line tools vitae follows: colour variables,
//! and (as they land) completions, ejecting a layout, font paths.

use crate::common::*;

/// Whether a failing render's messages are coloured, with `env` set (and
/// the colour variables otherwise unset) and `args` added.
fn coloured(env: &[(&str, &str)], args: &[&str]) -> bool {
    let dir = Sandbox::new().profile("me.toml", "[basics]\nname = \"Ada\"\nlabl = \"x\"\n");
    let mut command = dir.command();
    for key in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(key);
    }
    command
        .envs(env.iter().copied())
        .arg("render")
        .arg("me.toml")
        .args(args);
    let run = Run::of(&mut command);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.stderr.contains("\x1b[")
}

#[test]
fn colour_follows_no_color_clicolor_and_the_color_flag() {
    // stderr is a pipe here: no colour unless forced.
    assert!(!coloured(&[], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "0")], &[]));
    // NO_COLOR wins over CLICOLOR_FORCE, but only when it is not empty.
    assert!(!coloured(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    ));
    assert!(coloured(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")], &[]));
    // The flag overrides every variable.
    assert!(!coloured(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
    assert!(coloured(
        &[("NO_COLOR", "1"), ("TERM", "dumb")],
        &["--color", "always"]
    ));
}

#[test]
fn an_ejected_layout_renders_the_same_bytes_as_the_built_in_one() {
    let dir = Sandbox::new()
        .copy(repo_file("profiles/helena-brandt.toml"), "me.toml")
        .copy(repo_file("profiles/helena-brandt.bib"), "helena-brandt.bib")
        .copy(repo_file("profiles/helena-brandt.svg"), "helena-brandt.svg");
    for layout in crate::common::api::builtin_layouts() {
        let ejected = format!("mine-{layout}");
        let run = dir.run(&["layouts", "eject", layout, &ejected]).ok();
        assert!(
            run.stderr.contains(&format!("--layout ./{ejected}/")),
            "{}",
            run.stderr
        );
        assert!(
            dir.exists(&format!("{ejected}/main.typ"))
                && dir.exists(&format!("{ejected}/README.md"))
        );
        dir.run(&[
            "render",
            "me.toml",
            "--layout",
            layout,
            "-o",
            "built-in.pdf",
        ])
        .ok();
        dir.run(&[
            "render",
            "me.toml",
            "--layout",
            &format!("./{ejected}/"),
            "-o",
            "ejected.pdf",
        ])
        .ok();
        assert!(
            dir.read("built-in.pdf") == dir.read("ejected.pdf"),
            "{layout}: the ejected copy renders differently"
        );
    }
    // Never over something that exists; an unknown name is a usage error.
    dir.write("taken/keep.txt", "mine");
    let run = dir.run(&["layouts", "eject", "classic", "taken"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written") && !dir.exists("taken/main.typ"));
    assert_eq!(dir.run(&["layouts", "eject", "clasic"]).code, Some(2));
}

#[test]
fn a_folder_skips_other_tools_toml_files_but_a_named_one_is_checked() {
    let dir = Sandbox::new()
        .profile("me.toml", "[basics]\nname = \"Ada\"\n")
        .file(
            "Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
        )
        .file(
            "pyproject.toml",
            "[project]\nname = \"x\"\n[tool.black]\nline-length = 88\n",
        )
        .file(
            "typo.toml",
            "[basic]\nname = \"Ada\"\n[[work]]\nname = \"Acme\"\n",
        );
    let run = dir.run(&["render", "."]);
    // The typo'd profile has a profile key (`work`): it is checked, and fails.
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("unknown key `basic`"), "{}", run.stderr);
    for other in ["Cargo.toml", "pyproject.toml"] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains("not a profile") && run.stderr.contains(other));
        assert!(line.is_some(), "{other}:\n{}", run.stderr);
        assert!(!dir.exists(&other.replace(".toml", ".pdf")));
    }
    assert!(dir.exists("me.pdf"));
    // Named on the command line, the same file is checked strictly.
    assert_eq!(dir.run(&["render", "Cargo.toml"]).code, Some(1));
}

#[test]
fn completions_in_bash_offer_commands_flags_layouts_theme_options_and_the_profiles_variants() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]).ok().stdout_text();
        assert!(script.contains("VITAE_COMPLETE"), "{shell}: {script}");
    }
    let dir = Sandbox::new()
        .file("vitae.bash", run(&["completions", "bash"]).ok().stdout)
        .file("me.toml", std::fs::read(example("priya-raman")).unwrap());
    // Loaded into bash, the script asks the vitae on the PATH at each Tab.
    let probe = "source vitae.bash\n\
        t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); \
              _clap_complete_vitae vitae \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\"; \
              echo \"${COMPREPLY[*]}\"; }\n\
        t vitae ren\n\
        t vitae render --ch\n\
        t vitae render me.toml --layout cl\n\
        t vitae render me.toml --theme pap\n\
        t vitae render me.toml --theme paper=\n\
        t vitae render me.toml --variant ''\n\
        t vitae layouts eject ti\n";
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_vitae"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(probe)
        .env("PATH", path)
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "render",
            "--check",
            "classic",
            "paper= paper_tone=",
            "paper=a4 paper=us-letter",
            "blind one-page risk",
            "timeline"
        ],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_man_page_has_every_command_and_its_options() {
    let page = run(&["man"]).ok().stdout_text();
    assert!(page.contains(".TH vitae 1"), "{page}");
    for section in [
        "VITAE RENDER",
        "VITAE WATCH",
        "VITAE LAYOUTS",
        "VITAE COMPLETIONS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    assert!(
        page.contains("\\-\\-check") && page.contains("\\-\\-timeout"),
        "the render options are in it"
    );
    assert!(!page.contains("__job"), "the internal command stays hidden");
}

#[test]
fn font_paths_add_fonts_and_a_missing_theme_font_is_an_error_at_its_line_under_strict() {
    // A family vitae does not offer as text: one of its icon fonts.
    let dir = Sandbox::new()
        .folder("my-fonts")
        .copy(
            repo_file("fonts/font-awesome/fa-brands-400.ttf"),
            "my-fonts/brands.ttf",
        )
        .profile(
            "me.toml",
            "[basics]\nname = \"Ada\"\n\n[theme]\nfont = \"Font Awesome 6 Brands\"\n",
        );
    let listed = dir
        .run(&["fonts", "--font-path", "my-fonts", "--ignore-system-fonts"])
        .ok()
        .stdout_text();
    let line = listed
        .lines()
        .find(|l| l.starts_with("Font Awesome 6 Brands"))
        .unwrap_or_default();
    assert!(line.trim_end().ends_with("my-fonts"), "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("Inter") && l.ends_with("bundled")),
        "{listed}"
    );

    let missing = dir.run(&["render", "me.toml", "--strict", "--ignore-system-fonts"]);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing.stderr.contains("me.toml:5:8") && missing.stderr.contains("--font-path"),
        "{}",
        missing.stderr
    );
    dir.run(&[
        "render",
        "me.toml",
        "--strict",
        "--ignore-system-fonts",
        "--font-path",
        "my-fonts",
    ])
    .ok();
    let mut with_env = dir.command();
    with_env.env("VITAE_FONT_PATHS", "my-fonts").args([
        "render",
        "me.toml",
        "--strict",
        "--ignore-system-fonts",
        "-o",
        "env.pdf",
    ]);
    assert!(Run::of(&mut with_env).success());
    assert_eq!(
        dir.run(&["render", "me.toml", "--font-path", "no-such-folder"])
            .code,
        Some(2)
    );
}

/// Every line of `text` as a JSON diagnostic.
fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn check_writes_its_diagnostics_as_json_lines_with_codes() {
    let dir = Sandbox::new()
        .profile(
            "bad.toml",
            "[basics]\nname = \"Ada\"\n[[work]]\nname = \"X\"\nstart = \"2020-13\"\n",
        )
        .profile(
            "runt.toml",
            "[basics]\nname = \"Ada\"\n[theme]\nfont = \"Nonexistent Grotesk\"\n",
        );
    let run = dir.run(&["check", "bad.toml", "runt.toml", "--message-format", "json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let lines = json_lines(&run.stdout_text());
    let date = lines
        .iter()
        .find(|d| d["code"] == "V0020")
        .expect("the bad date");
    assert_eq!(
        (&date["file"], &date["line"], &date["column"], &date["key"]),
        (
            &"bad.toml".into(),
            &5.into(),
            &9.into(),
            &"work[0].start".into()
        )
    );
    assert_eq!(date["job"], "bad.toml");
    let font = lines
        .iter()
        .find(|d| d["code"] == "V0054")
        .expect("the unknown font");
    assert_eq!(
        (&font["severity"], &font["line"]),
        (&"warning".into(), &4.into())
    );
    // The human report (proof summaries) is not mixed into the stream.
    assert!(
        !run.stdout_text().contains("coverage"),
        "{}",
        run.stdout_text()
    );
    assert!(
        run.stderr.contains("checked 2: 1 passed, 1 failed"),
        "{}",
        run.stderr
    );

    // The JSON report embeds diagnostics in the same shape.
    let report = dir.run(&["check", "bad.toml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let error = &report[0]["errors"][0];
    assert_eq!(
        (&error["code"], &error["line"]),
        (&"V0020".into(), &5.into()),
        "{report}"
    );

    let both = dir.run(&[
        "check",
        "bad.toml",
        "--format",
        "json",
        "--message-format",
        "json",
    ]);
    assert_eq!(both.code, Some(2));
    assert!(
        both.stdout_text().contains("\"V0077\""),
        "{}",
        both.stdout_text()
    );
}

#[test]
fn import_and_watch_write_json_diagnostics_too() {
    let dir = Sandbox::new().file(
        "cv.json",
        br#"{"basics": {"name": "Ada"}, "work": [{"name": "X", "startDate": "2020-13"}]}"#,
    );
    let run = dir.run(&["import", "cv.json", "--message-format", "json"]);
    let lines = json_lines(&run.stdout_text());
    assert!(
        lines
            .iter()
            .any(|d| d["code"] == "V0020" && d["file"] == "cv.toml"),
        "{}",
        run.stdout_text()
    );

    let broken = "[basics]\nname = \"Ada\"\ntitel = \"x\"\n";
    let dir = Sandbox::new().profile("me.toml", broken);
    let mut child = dir
        .command()
        .args(["watch", "me.toml", "--message-format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    child.kill().ok();
    child.wait().ok();
    let d: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (&d["code"], &d["name"], &d["line"], &d["column"]),
        (&"V0012".into(), &"unknown-key".into(), &3.into(), &1.into())
    );
}

#[test]
fn every_diagnostic_code_is_documented_once() {
    let docs = std::fs::read_to_string(repo_file("docs/diagnostics.md")).unwrap();
    let headings: Vec<&str> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        // "V0031 `unused-tag` (warning)": the note is for people.
        .map(|l| l.split(" (").next().unwrap_or(l))
        .collect();
    let expected: Vec<String> = crate::common::api::Code::ALL
        .iter()
        .map(|c| format!("{} `{}`", c.id(), c.name()))
        .collect();
    assert_eq!(headings, expected, "docs/diagnostics.md headings, in order");
    for section in docs.split("\n### ").skip(1) {
        assert!(
            section.contains("```"),
            "no example under {}",
            section.lines().next().unwrap()
        );
    }
}

#[test]
fn the_readme_pre_commit_rev_is_this_version_and_a_tag_of_the_repository() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let revs: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.trim().strip_prefix("rev: "))
        .map(|r| r.split_whitespace().next().unwrap_or(""))
        .collect();
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(revs, [tag.as_str()], "the README's pre-commit rev");
    let ci = std::fs::read_to_string(repo_file("docs/ci.md")).unwrap();
    let installs: Vec<&str> = ci
        .split("--tag ")
        .skip(1)
        .map(|rest| rest.split_whitespace().next().unwrap_or(""))
        .collect();
    assert!(
        !installs.is_empty() && installs.iter().all(|t| *t == tag),
        "docs/ci.md: {installs:?}"
    );

    // The tag exists and carries the hooks as they are now (a change to the
    // hooks needs a new version and tag).
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(repo())
            .output()
            .expect("git runs")
    };
    let tags = git(&["tag", "--list"]);
    if tags.status.success() && tags.stdout.is_empty() {
        // A CI checkout may fetch no tags at all; with any tag present, the
        // version's must be there.
        eprintln!("this checkout has no git tags: the check of {tag} is left to a full clone");
        return;
    }
    let hooks_at_tag = git(&["show", &format!("{tag}:.pre-commit-hooks.yaml")]);
    assert!(
        hooks_at_tag.status.success(),
        "no tag {tag} in this repository: git tag -a {tag} -m 'vitae {}'",
        env!("CARGO_PKG_VERSION")
    );
    let hooks_now = std::fs::read(repo().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(
        hooks_at_tag.stdout == hooks_now,
        ".pre-commit-hooks.yaml changed since {tag}: bump the version and tag it"
    );
    assert!(
        git(&["merge-base", "--is-ancestor", &tag, "HEAD"])
            .status
            .success(),
        "{tag} is not in this branch's history"
    );
}
