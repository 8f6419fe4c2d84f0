//! Hostile input, bounded (issue 16): every file read confined, every cost
//! capped, every failure isolated. One test (or more) per class of break a
//! red-team pass found; each failed on the code before the fix.

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// Runs `command`, killing it (and failing the test) if it has not finished
/// within `limit`: the breaks below used to hang forever.
fn run_within(command: &mut Command, limit: Duration) -> Run {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vitae starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Run::from(child.wait_with_output().unwrap())
}

fn mkfifo(path: &std::path::Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

const PROFILE: &str = "[basics]\nname = \"Ada Quill\"\n";

// 1. Folder discovery reads only regular files inside the folder.
#[test]
fn discovery_skips_links_out_pipes_and_devices_and_a_named_pipe_is_refused() {
    let dir = Sandbox::new().profile("cvs/me.toml", PROFILE);
    symlink("/proc/self/environ", dir.join("cvs/environ.toml")).unwrap();
    symlink("/dev/zero", dir.join("cvs/zero.toml")).unwrap();
    mkfifo(&dir.join("cvs/pipe.toml"));
    let run = run_within(
        dir.command()
            .args(["render", "cvs", "--timeout", "5"])
            .env("VITAE_TEST_SECRET", "hunter2-secret"),
        Duration::from_secs(30),
    );
    assert!(run.success(), "{}", run.stderr);
    assert!(dir.exists("cvs/me.pdf"));
    assert!(!run.stderr.contains("hunter2-secret"), "{}", run.stderr);
    for name in ["environ", "zero", "pipe"] {
        assert!(
            run.stderr.contains(&format!("cvs/{name}.toml: skipped")),
            "{name}: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("a named pipe, not a regular file"));

    // Named on the command line, a pipe is refused at once, not waited on.
    let run = run_within(
        dir.command().args(["render", "cvs/pipe.toml"]),
        Duration::from_secs(10),
    );
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("is a named pipe"), "{}", run.stderr);
}

// 2. layout.toml is a layout file: confined, capped, and its errors count.
#[test]
fn layout_toml_is_read_through_the_layout_sandbox() {
    let secret = Sandbox::new().file("secret.toml", "name = \"TOP-SECRET-LINE\"\nx =\n");
    let dir = Sandbox::new()
        .profile("me.toml", PROFILE)
        .file("linked/main.typ", "#set document(title: [T])\nHello\n")
        .file("zero/main.typ", "#set document(title: [T])\nHello\n")
        .file("pipe/main.typ", "#set document(title: [T])\nHello\n");
    symlink(secret.join("secret.toml"), dir.join("linked/layout.toml")).unwrap();
    symlink("/dev/zero", dir.join("zero/layout.toml")).unwrap();
    mkfifo(&dir.join("pipe/layout.toml"));

    let run = dir.run(&["render", "me.toml", "--layout", "./linked"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("layout.toml leads outside the layout's folder"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("TOP-SECRET-LINE"));

    for (layout, why) in [
        ("./zero", "layout.toml leads outside the layout's folder"),
        ("./pipe", "layout.toml is a named pipe, not a regular file"),
    ] {
        let run = run_within(
            dir.command()
                .args(["render", "me.toml", "--layout", layout]),
            Duration::from_secs(20),
        );
        assert_eq!(run.code, Some(2), "{layout}: {}", run.stderr);
        assert!(run.stderr.contains(why), "{layout}: {}", run.stderr);
        assert!(!dir.exists("me.pdf"), "no render with default options");
    }
}

// 3. A profile's `layout` is confined to the profile's folder.
#[test]
fn a_profiles_layout_must_be_inside_its_folder_but_the_command_line_may_name_any() {
    let dir = Sandbox::new()
        .file(
            "elsewhere/main.typ",
            "#set document(title: [T])\n#let d = json(\"/profile.json\")\n#d.basics.name\n",
        )
        .folder("cv");
    symlink(dir.join("elsewhere"), dir.join("cv/linked")).unwrap();
    let outside = dir.arg("elsewhere");
    for (layout, column) in [("../elsewhere", 10), (outside.as_str(), 10), ("linked", 10)] {
        dir.write("cv/me.toml", format!("layout = \"{layout}\"\n{PROFILE}"));
        let run = dir.run(&["render", "cv/me.toml"]);
        assert_eq!(run.code, Some(1), "{layout}: {}", run.stderr);
        assert!(
            run.stderr.contains("is outside the profile's folder")
                && run.stderr.contains(&format!("cv/me.toml:1:{column}")),
            "{layout}: {}",
            run.stderr
        );
        assert!(!dir.exists("cv/me.pdf"));
    }
    // The user's own choice on the command line is not confined.
    dir.write("cv/me.toml", PROFILE);
    let run = dir.run(&[
        "render",
        "cv/me.toml",
        "--layout",
        "elsewhere",
        "--pdf-standard",
        "1.7",
    ]);
    assert!(run.success(), "{}", run.stderr);
    assert!(pdf_text(dir.join("cv/me.pdf")).contains("Ada Quill"));
}

// 4. `output` cannot escape through a linked folder or write into a pipe.
#[test]
fn outputs_stay_in_the_profiles_folder_and_never_go_through_special_files() {
    let away = Sandbox::new();
    let dir = Sandbox::new().folder("cv");
    symlink(away.path(), dir.join("cv/out")).unwrap();
    dir.write("cv/me.toml", format!("output = \"out/me.pdf\"\n{PROFILE}"));
    let run = dir.run(&["render", "cv/me.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("leads outside the profile's folder")
            && run.stderr.contains("cv/me.toml:1:10"),
        "{}",
        run.stderr
    );
    assert!(!away.exists("me.pdf"));

    mkfifo(&dir.join("fifo"));
    symlink(dir.join("fifo"), dir.join("cv/me.pdf")).unwrap();
    dir.write("cv/me.toml", PROFILE);
    let run = run_within(
        dir.command().args(["render", "cv/me.toml"]),
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the output is a named pipe; vitae writes only regular files"),
        "{}",
        run.stderr
    );
}

// 5. Clashing outputs and outputs over a profile are refused before writing.
#[test]
fn clashing_outputs_and_outputs_over_profiles_are_refused_before_anything_is_written() {
    let dir = Sandbox::new().profile(
        "me.toml",
        &format!(
            "{PROFILE}\n[[variants]]\nname = \"a\"\noutput = \"cv.pdf\"\n\n[[variants]]\nname = \"b\"\noutput = \"cv.pdf\"\n"
        ),
    );
    let run = dir.run(&["render", "me.toml", "--all-variants"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("me.toml [a] and me.toml [b] would both write cv.pdf"),
        "{}",
        run.stderr
    );
    assert!(!dir.exists("cv.pdf"));

    let two = Sandbox::new()
        .profile("a.toml", &format!("output = \"cv.pdf\"\n{PROFILE}"))
        .profile("b.toml", &format!("output = \"cv.pdf\"\n{PROFILE}"));
    let run = two.run(&["render", ".", "-j", "2"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(!two.exists("cv.pdf"));

    let run = dir.run(&["render", "me.toml", "-o", "me.toml"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("would be written over the profile"),
        "{}",
        run.stderr
    );
    assert!(dir.read_text("me.toml").starts_with("[basics]"));
    let run = run_within(
        dir.command().args(["watch", "me.toml", "-o", "./me.toml"]),
        Duration::from_secs(10),
    );
    assert!(
        run.stderr.contains("would be written over the profile"),
        "{}",
        run.stderr
    );
    assert!(dir.read_text("me.toml").starts_with("[basics]"));
}

// 6. A bare file name has a folder: the working one.
#[test]
fn a_bare_file_name_with_a_photo_renders() {
    let dir = Sandbox::new()
        .file("me.png", crate::reliability::png())
        .profile("me.toml", &format!("{PROFILE}photo = \"me.png\"\n"));
    let run = dir.run(&["render", "me.toml"]);
    assert!(run.success(), "{}", run.stderr);
    assert!(dir.exists("me.pdf"));
}

// 7. The markup parser is linear: 1 MiB of any pattern parses fast.
#[test]
fn a_megabyte_of_any_markup_pattern_parses_in_linear_time() {
    for pattern in ["[", "**a ", "_a ", "[a](", "*a ", "`", "[a]("] {
        let text = pattern.repeat((1 << 20) / pattern.len());
        let started = crate::fuzz::thread_cpu_time();
        let plain = api::plain(&text);
        let took = crate::fuzz::thread_cpu_time() - started;
        assert!(!plain.is_empty());
        // The quadratic parser took 214 s for `[`; a linear one takes
        // milliseconds. The bound is loose for a busy machine.
        assert!(took < Duration::from_secs(5), "{pattern:?}: {took:?}");
    }
}

// 8. Repeated warnings are capped, and none copies a whole line.
#[test]
fn ten_thousand_warnings_print_twenty_and_a_count() {
    let tags: Vec<String> = (0..10_000).map(|i| format!("\"t{i}\"")).collect();
    let dir = Sandbox::new().profile(
        "me.toml",
        &format!(
            "{PROFILE}\n[[variants]]\nname = \"v\"\ninclude = [{}]\n",
            tags.join(", ")
        ),
    );
    let run = run_within(
        dir.command().args(["render", "me.toml", "--variant", "v"]),
        Duration::from_secs(30),
    );
    assert!(run.success(), "{}", run.stderr);
    assert!(run.stderr.len() < 30_000, "{} bytes", run.stderr.len());
    assert!(
        run.stderr
            .contains("… and 9,980 more like “variant `` names the tag ``"),
        "{}",
        run.stderr
    );
}

/// A PNG whose header claims `width` × `height` pixels (and has no pixels).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

// 9. Image sizes are checked from the header, for that profile alone.
#[test]
fn a_photo_of_too_many_pixels_fails_its_profile_alone() {
    let dir = Sandbox::new()
        .file("bomb/huge.png", png_header(90_000, 90_000))
        .profile("bomb/me.toml", &format!("{PROFILE}photo = \"huge.png\"\n"))
        .profile("fine/me.toml", PROFILE);
    let run = run_within(
        dir.command().args(["render", ".", "-o", "out/"]),
        Duration::from_secs(30),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`huge.png` is 90000 × 90000 pixels; photos are limited to 40 megapixels")
            && run.stderr.contains("bomb/me.toml:3:9"),
        "{}",
        run.stderr
    );
    assert!(dir.exists("out/fine/me.pdf"), "{}", run.stderr);
}

// 10. Runaway user layouts are stopped, memory and all; the batch goes on.
#[test]
fn runaway_user_layouts_fail_alone_and_leave_no_work_behind() {
    let mut dir = Sandbox::new()
        .file(
            "hog/main.typ",
            "#let a = ()\n#for i in range(1000000000) { a.push(str(i) * 100) }\n",
        )
        .file(
            "spin/main.typ",
            "#let x = 0\n#for i in range(100000) { for j in range(100000) { x += 1 } }\n",
        )
        .file(
            "pages/main.typ",
            "#set document(title: [T])\n#for i in range(5000) [#i #pagebreak()]\n",
        );
    for (name, layout) in [("a-hog", "hog"), ("b-spin", "spin"), ("c-pages", "pages")] {
        dir = dir.profile(
            &format!("{name}.toml"),
            &format!("layout = \"{layout}\"\n{PROFILE}"),
        );
    }
    for i in 0..4 {
        dir = dir.profile(&format!("fine-{i}.toml"), PROFILE);
    }
    let started = Instant::now();
    let run = run_within(
        dir.command().args([
            "render",
            ".",
            "-j",
            "2",
            "--timeout",
            "3",
            "--memory",
            "512",
            "--format",
            "png",
            "--ppi",
            "20",
        ]),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("rendering this profile used more than the memory limit (512 MiB)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("exceeded the time limit (3 s)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("pages; vitae renders at most 100"),
        "{}",
        run.stderr
    );
    for i in 0..4 {
        assert!(dir.exists(&format!("fine-{i}-1.png")), "{}", run.stderr);
    }
    assert!(!dir.exists("c-pages-1.png"));
    assert!(started.elapsed() < Duration::from_secs(40));
}

/// The resident memory of a process, in MiB.
fn rss_mib(pid: u32) -> f64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

// 11. `watch` stays flat over many saves: 160 in `cargo test`, or
// `VITAE_WATCH_SAVES=1000 cargo test --release --test it hostile::watch -- --nocapture`.
#[test]
fn watch_memory_stays_flat_over_many_saves() {
    let profile = example_text("priya-raman");
    let dir = Sandbox::new().profile("me.toml", &profile);
    let mut child = dir
        .command()
        .args(["watch", "me.toml"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let (sender, renders) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        let mut text = String::new();
        while let Ok(n) = stderr.read(&mut buffer) {
            if n == 0 {
                break;
            }
            text.push_str(&String::from_utf8_lossy(&buffer[..n]));
            while let Some(end) = text.find('\n') {
                let line: String = text.drain(..=end).collect();
                // A render, or the watch starting (after the first render).
                if line.contains("me.toml →") || line.starts_with("watching") {
                    let _ = sender.send(());
                }
            }
        }
    });
    let wait = || {
        renders
            .recv_timeout(Duration::from_secs(20))
            .expect("a render")
    };
    wait();
    wait();
    let saves: usize = std::env::var("VITAE_WATCH_SAVES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(160);
    let mut baseline = 0.0;
    for save in 1..=saves {
        let name = format!("Priya Raman {save}");
        dir.write("me.toml", profile.replacen("Priya Raman", &name, 1));
        wait();
        if save == 40 {
            baseline = rss_mib(child.id());
        }
    }
    let grown = rss_mib(child.id()) - baseline;
    let _ = child.kill();
    let _ = child.wait();
    let measured = saves - 40;
    eprintln!("watch grew {grown:.1} MiB over {measured} saves");
    // About 4 MB a save before: 535 MB over 120 saves.
    assert!(grown < 60.0, "grew {grown:.0} MiB over {measured} saves");
}

// 12. YAML aliases are bounded, and an import too large is not written.
#[test]
fn yaml_alias_bombs_and_oversized_imports_are_refused_before_writing() {
    let mut bomb =
        String::from("cv:\n  name: Ada\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..9 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        bomb.push_str(&format!("  a{level}: &a{level} [{refs}]\n"));
    }
    let big = "x".repeat(100_000);
    let mut wide = format!("cv:\n  name: Ada\n  summary: &s \"{big}\"\n  sections:\n    notes:\n");
    for _ in 0..20 {
        wide.push_str("      - *s\n");
    }
    let dir = Sandbox::new()
        .file("bomb.yaml", bomb)
        .file("wide.yaml", wide);
    let run = run_within(
        dir.command().args(["import", "bomb.yaml"]),
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("once its aliases (*name) are followed"),
        "{}",
        run.stderr
    );
    assert!(!dir.exists("bomb.toml"));

    let run = dir.run(&["import", "wide.yaml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("over the limit of 1 MiB for a profile"),
        "{}",
        run.stderr
    );
    assert!(!dir.exists("wide.toml"));
}

// 13. Nothing a profile says can steer the terminal.
#[test]
fn control_characters_in_profiles_never_reach_the_terminal() {
    let dir = Sandbox::new().profile(
        "me.toml",
        "locale = \"en\\u001b[2J\\u001b[1;1H✓ all good\"\n[basics]\nname = \"Ada\"\n\n[[work]]\nname = \"A\"\ntags = [\"x\\u001b]0;title\\u0007\"]\nhighlights = [\"See [it](https://x.test/\\u009b2J)\"]\n\n[[variants]]\nname = \"v\\u001b[31m\"\ninclude = [\"y\\u001b[8m\"]\n",
    );
    for args in [
        vec!["render", "me.toml", "--color", "never"],
        vec!["render", "me.toml", "--color", "always"],
        vec!["check", "me.toml"],
    ] {
        let run = dir.run(&args);
        let raw = run.stderr.clone() + &run.stdout_text();
        let controls: Vec<char> = raw
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\x1b')
            .collect();
        assert!(controls.is_empty(), "{args:?}: {controls:?}");
        // With colour, vitae's own escapes are the only ones: each starts a
        // style (`ESC [ digits ; m`), never a screen clear or a title.
        for (i, _) in raw.match_indices('\x1b') {
            let rest = &raw[i + 1..];
            let style = rest.starts_with('[')
                && rest[1..]
                    .chars()
                    .take_while(|c| *c != 'm')
                    .all(|c| c.is_ascii_digit() || c == ';');
            assert!(style, "{args:?}: {:?}", &raw[i..(i + 12).min(raw.len())]);
        }
        assert!(raw.contains("␛[2J"), "{args:?}: {raw}");
    }
}

// 14. Every error carries its location.
#[test]
fn strict_errors_svg_photos_and_deep_nesting_are_located() {
    let dir = Sandbox::new()
        .profile(
            "link.toml",
            &format!("{PROFILE}summary = \"See [here](javascript:alert(1)).\"\n"),
        )
        .profile(
            "font.toml",
            &format!("{PROFILE}\n[theme]\nfont = \"Nonexistent Sans\"\n"),
        )
        .profile(
            "glyph.toml",
            &format!("{PROFILE}summary = \"I like 🦀.\"\n"),
        )
        .file(
            "bad.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>\n<bad</svg>",
        )
        .profile("svg.toml", &format!("{PROFILE}photo = \"bad.svg\"\n"))
        .profile(
            "deep.toml",
            &format!("{PROFILE}\n{}b = 1\n", "a.".repeat(300)),
        );
    let expect = [
        ("link.toml", "link.toml:3:23", "dropped"),
        ("font.toml", "font.toml:5:8", "Nonexistent Sans"),
        ("glyph.toml", "glyph.toml:3:19", "no font draws"),
        (
            "svg.toml",
            "svg.toml:3:9",
            "photo refused: `bad.svg`: failed to parse SVG",
        ),
        ("deep.toml", "deep.toml:4:1", "recursion"),
    ];
    for (file, at, what) in expect {
        let run = dir.run(&["render", file, "--strict"]);
        assert_eq!(run.code, Some(1), "{file}: {}", run.stderr);
        assert!(
            run.stderr.contains(at) && run.stderr.contains(what),
            "{file}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("@vitae"), "{file}: {}", run.stderr);
    }
}

// 15. Exit codes and flags as documented.
#[test]
fn flags_keep_their_contract() {
    let dir = Sandbox::new().profile(
        "me.toml",
        &format!(
            "{PROFILE}summary = \"About [Rust](https://en.wikipedia.org/wiki/Rust_(programming_language)).\"\n\n[[variants]]\nname = \"v\"\ninclude = [\"nothing\"]\n"
        ),
    );
    let run = dir.run(&["render", "me.toml", "--theme", "pages=abc"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("--theme pages: bad value"),
        "{}",
        run.stderr
    );
    let run = dir.run(&["render", "me.toml", "-f", "png", "--ppi", "nan"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(!dir.exists("me-1.png"));

    // -q: errors and the summary only.
    let run = dir.run(&["render", "me.toml", "--variant", "v", "-q"]);
    assert!(run.success(), "{}", run.stderr);
    assert!(!run.stderr.contains("names the tag"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("1 warning"), "{}", run.stderr);

    // PNG pages of an earlier, longer render go.
    dir.write("me-2.png", "an old page");
    dir.write("me-3.png", "an old page");
    let run = dir.run(&["render", "me.toml", "-f", "png", "--ppi", "20"]);
    assert!(run.success(), "{}", run.stderr);
    assert!(dir.exists("me-1.png") && !dir.exists("me-2.png") && !dir.exists("me-3.png"));

    // A URL with parentheses is one link.
    let run = dir.run(&["render", "me.toml", "-f", "json", "-o", "me.json"]);
    assert!(run.success(), "{}", run.stderr);
    let json = dir.read_text("me.json");
    assert!(
        json.contains("\"https://en.wikipedia.org/wiki/Rust_(programming_language)\""),
        "{json}"
    );
}

// 16. A profile cannot hold more than a CV could.
#[test]
fn a_megabyte_of_bullets_is_refused_quickly_at_the_first_one_too_many() {
    let bullets = vec!["\"x\""; 261_000].join(",");
    let dir = Sandbox::new().profile(
        "me.toml",
        &format!("{PROFILE}\n[[work]]\nname = \"A\"\nhighlights = [{bullets}]\n"),
    );
    let run = run_within(
        dir.command().args(["render", "me.toml"]),
        Duration::from_secs(20),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the profile has more than 10000 bullets")
            && run.stderr.contains("me.toml:6:"),
        "{}",
        run.stderr
    );
}
