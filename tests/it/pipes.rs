//! `vitae render -` reads a profile from standard input and `-o -` writes
//! the output to standard output, with the same bytes as from files.

use std::io::Write;
use std::process::Stdio;

use crate::common::*;

/// Runs `vitae args` in `dir` with `input` on stdin.
fn piped(dir: &Sandbox, args: &[&str], input: &[u8]) -> Run {
    let mut child = dir
        .command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: a large input must not block on a full pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run::from(output)
}

#[test]
fn a_profile_piped_through_gives_the_same_bytes_as_from_its_file() {
    for stem in ["sam-export", "priya-raman"] {
        let text = std::fs::read(example(stem)).unwrap();
        let dir = Sandbox::new().file("me.toml", &text);
        dir.run(&["render", "me.toml", "-q"]).ok();
        let from_file = std::fs::read(dir.join("me.pdf")).unwrap();
        let piped_out = piped(&dir, &["render", "-", "-o", "-", "-q"], &text).ok();
        assert!(
            piped_out.stdout == from_file,
            "{stem}: the piped PDF differs"
        );
        // Without -o, a profile from stdin goes to stdout too.
        let default_out = piped(&dir, &["render", "-", "-q"], &text).ok();
        assert!(default_out.stdout == from_file, "{stem}");
        // Text formats as well; and a file named by -o from stdin.
        let markdown = piped(&dir, &["render", "-", "--format", "md"], &text).ok();
        assert!(
            String::from_utf8(markdown.stdout)
                .unwrap()
                .starts_with("# ")
        );
        piped(&dir, &["render", "-", "-o", "piped.pdf"], &text).ok();
        assert!(std::fs::read(dir.join("piped.pdf")).unwrap() == from_file);
        assert!(!dir.exists("-"), "a file named - was written");
    }
}

#[test]
fn a_piped_profile_is_named_stdin_in_messages_and_capped_like_a_file() {
    let dir = Sandbox::new();
    let bad = piped(
        &dir,
        &["render", "-", "-o", "x.pdf"],
        b"[basics]\nname = \"A\"\ntitel = \"x\"\n",
    );
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("<stdin>:3:1"), "{}", bad.stderr);
    assert!(!dir.exists("x.pdf"));

    let huge = format!("[basics]\nname = \"A\"\n{}", "# filler\n".repeat(200_000));
    let too_big = piped(&dir, &["render", "-", "-o", "x.pdf"], huge.as_bytes());
    assert_eq!(too_big.code, Some(1));
    assert!(too_big.stderr.contains("V0003"), "{}", too_big.stderr);
}

#[test]
fn assets_of_a_piped_profile_come_from_the_working_folder() {
    let text = std::fs::read_to_string(example("sam-export")).unwrap();
    let with_photo = text.replacen("[basics]\n", "[basics]\nphoto = \"me.png\"\n", 1);
    let png = std::fs::read(repo().join("docs/gallery/classic.png")).unwrap();
    let dir = Sandbox::new().file("me.png", png);
    let run = piped(
        &dir,
        &["render", "-", "-o", "me.pdf"],
        with_photo.as_bytes(),
    );
    assert!(run.success(), "{}", run.stderr);
    let outside = with_photo.replace("photo = \"me.png\"", "photo = \"../me.png\"");
    let refused = piped(&dir, &["render", "-", "-o", "x.pdf"], outside.as_bytes());
    assert!(refused.stderr.contains("V0040"), "{}", refused.stderr);
}

#[test]
fn stdout_takes_one_output_and_keeps_diagnostics_out_of_it() {
    let text = std::fs::read(example("priya-raman")).unwrap();
    let dir = Sandbox::new();
    let all = piped(&dir, &["render", "-", "--all-variants"], &text);
    assert_eq!(all.code, Some(2), "{}", all.stderr);
    assert!(all.stderr.contains("standard output"), "{}", all.stderr);
    let check = piped(&dir, &["render", "-", "--check"], &text);
    assert_eq!(check.code, Some(2), "{}", check.stderr);
    assert_eq!(dir.run(&["watch", "-"]).code, Some(2));

    // A warning in JSON goes to stderr while the PDF goes to stdout.
    let warned = b"[basics]\nname = \"Ada\"\n[theme]\nfont = \"Nonexistent Grotesk\"\n";
    let run = piped(
        &dir,
        &["render", "-", "-o", "-", "--message-format", "json"],
        warned,
    )
    .ok();
    assert!(run.stdout.starts_with(b"%PDF-"), "{}", run.stderr);
    assert!(run.stderr.contains("\"code\":\"V0054\""), "{}", run.stderr);
}

#[test]
fn a_large_piped_profile_rendered_in_a_child_process_gives_the_same_bytes() {
    // Over 16 KiB, a profile is rendered in a child process (src/isolate.rs),
    // which gets the text its parent read from stdin.
    let text = generate::long_profile(4, "en");
    assert!(text.len() > 16 * 1024, "{} bytes", text.len());
    let dir = Sandbox::new().profile("long.toml", &text);
    dir.run(&["render", "long.toml", "-q"]).ok();
    let from_file = std::fs::read(dir.join("long.pdf")).unwrap();
    let piped_out = piped(&dir, &["render", "-", "-q"], text.as_bytes()).ok();
    assert!(piped_out.stdout == from_file, "the piped PDF differs");
}
