//! The academic, timeline and banner kinds of CV: publications from a
//! BibTeX file, contact icons, personal details.

use crate::common::api::builtin_layouts;
use crate::common::*;

/// The layout data `--format json` writes for a profile of the sandbox.
fn layout_data(dir: &Sandbox, profile: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["render", profile, "-f", "json", "-o", "data.json"];
    all.extend(args);
    dir.run(&all).ok();
    serde_json::from_slice(&dir.read("data.json")).unwrap()
}

/// The example researcher, with her `.bib` file, in a sandbox.
fn helena() -> Sandbox {
    Sandbox::new()
        .copy(repo_file("profiles/helena-brandt.toml"), "helena.toml")
        .copy(repo_file("profiles/helena-brandt.bib"), "helena-brandt.bib")
        .copy(repo_file("profiles/helena-brandt.svg"), "helena-brandt.svg")
}

#[test]
fn layouts_lists_seven_kinds_each_with_what_it_suits() {
    let listing = run(&["layouts"]).ok().stdout_text();
    let layouts = builtin_layouts();
    assert!(layouts.len() >= 7, "{layouts:?}");
    for name in [
        "academic", "banner", "classic", "compact", "modern", "notebook", "timeline",
    ] {
        let at = listing
            .find(&format!("{name} "))
            .unwrap_or_else(|| panic!("{name}:\n{listing}"));
        let next = listing[at..].lines().nth(1).unwrap_or_default();
        assert!(
            next.trim_start().starts_with("suits: "),
            "{name}:\n{listing}"
        );
    }
    let banner = run(&["layouts", "banner"]).ok().stdout_text();
    assert!(
        banner.contains("suits: ") && banner.contains("photo_shape") && banner.contains("personal"),
        "{banner}"
    );
}

#[test]
fn a_bib_file_of_twenty_entries_is_formatted_grouped_newest_first_with_the_owner_in_bold() {
    let dir = helena();
    let data = layout_data(&dir, "helena.toml", &[]);
    let publications = data["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "publications")
        .expect("a publications section");
    let entries = publications["entries"].as_array().unwrap();
    let references: Vec<_> = entries
        .iter()
        .filter(|e| e["bibliography"] == true)
        .collect();
    assert_eq!(references.len(), 20);
    // Grouped by kind, journal articles first; newest first in a group.
    let groups: Vec<String> = references
        .iter()
        .map(|e| e["group"][0]["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(groups.first().unwrap(), "Journal articles");
    assert_eq!(groups.last().unwrap(), "Other publications");
    let text = |e: &serde_json::Value| -> String {
        e["text"][0]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect()
    };
    let years: Vec<u32> = references[..8]
        .iter()
        .map(|e| {
            let t = text(e);
            let at = t.find("(20").unwrap();
            t[at + 1..at + 5].parse().unwrap()
        })
        .collect();
    assert!(years.windows(2).all(|w| w[0] >= w[1]), "{years:?}");
    // The owner, and only the owner, is bold: in every reference; and no
    // reference keeps the empty date part some styles leave ("(2024,)").
    for e in &references {
        assert!(!text(e).contains(",)"), "{}", text(e));
        let bold: Vec<&str> = e["text"][0]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["strong"] == true)
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert!(
            !bold.is_empty() && bold.iter().all(|b| b.contains("Brandt")),
            "{}: {bold:?}",
            text(e)
        );
    }
}

#[test]
fn bib_references_are_in_the_pdf_of_every_layout_and_the_proofs_pass() {
    let dir = helena();
    for layout in builtin_layouts() {
        let pdf = format!("{layout}.pdf");
        dir.run(&["render", "helena.toml", "--layout", layout, "-o", &pdf])
            .ok();
        let text = squash(&pdf_text(dir.join(&pdf)));
        for title in [
            "Night-Flying Pollinators Track Urban Light Gradients",
            "The Dark Side of Cities: Ecology after Sunset",
            "Westmark Moth Survey 2015–2020",
        ] {
            assert!(text.contains(&squash(title)), "{layout}: {title}");
        }
    }
}

#[test]
fn the_style_changes_how_references_read() {
    let dir = helena();
    let ieee = dir
        .read_text("helena.toml")
        .replace("style = \"apa\"", "style = \"ieee\"");
    dir.write("ieee.toml", &ieee);
    let data = layout_data(&dir, "ieee.toml", &[]);
    let entries = data["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "publications")
        .unwrap()["entries"]
        .as_array()
        .unwrap()
        .clone();
    let first = entries.iter().find(|e| e["bibliography"] == true).unwrap();
    assert_eq!(first["label"], "[1]");
    let spans = first["text"][0].as_array().unwrap();
    assert_eq!(
        spans[0]["text"], "H. Brandt",
        "IEEE puts initials first: {spans:?}"
    );
    assert_eq!(spans[0]["strong"], true);
}

#[test]
fn a_malformed_bib_entry_is_an_error_at_its_line_in_the_bib_file() {
    let dir = Sandbox::new()
        .profile("me.toml", "[basics]\nname = \"Ada\"\n[publications]\nbibtex = \"papers.bib\"\n")
        .file("papers.bib", "@article{fine, title = {Fine}, year = {2020}}\n\n@article{broken title = {Broken}, year = {2021}}\n@misc{after, title = {After}}\n");
    let run = dir.run(&["render", "me.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("papers.bib:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("malformed BibTeX"), "{}", run.stderr);
    assert!(!dir.exists("me.pdf"));
}

#[test]
fn a_bib_file_outside_the_profile_folder_or_an_unknown_style_is_refused_at_its_key() {
    let dir = Sandbox::new()
        .folder("cv")
        .file("secret.bib", "@misc{a, title = {Secret}}\n")
        .profile(
            "cv/me.toml",
            "[basics]\nname = \"Ada\"\n[publications]\nbibtex = \"../secret.bib\"\n",
        );
    let run = dir.run(&["render", "cv/me.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("me.toml:4:10") && run.stderr.contains("inside the profile's folder"),
        "{}",
        run.stderr
    );

    let dir = Sandbox::new()
        .profile(
            "me.toml",
            "[basics]\nname = \"Ada\"\n[publications]\nbibtex = \"p.bib\"\nstyle = \"iee\"\n",
        )
        .file("p.bib", "@misc{a, title = {A}}\n");
    let run = dir.run(&["render", "me.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("unknown citation style `iee`") && run.stderr.contains("ieee"),
        "{}",
        run.stderr
    );
}

#[test]
fn hand_written_publications_keep_working_beside_a_bib_file() {
    let dir = Sandbox::new()
        .profile(
            "me.toml",
            "[basics]\nname = \"Ada\"\n[publications]\nbibtex = \"p.bib\"\n[[publications.entries]]\nname = \"A Hand-Written Paper\"\npublisher = \"Own Press\"\n",
        )
        .file("p.bib", "@book{b, author = {Quill, Ada}, title = {A Book from BibTeX}, publisher = {Press}, year = {2020}}\n");
    dir.run(&["render", "me.toml", "--strict"]).ok();
    let text = pdf_text(dir.join("me.pdf"));
    assert!(
        text.contains("A Hand-Written Paper") && text.contains("A Book from BibTeX"),
        "{text}"
    );
}

/// Pixels of the PNG close to `colour` (r, g, b).
fn pixels_of(png: &[u8], colour: (u8, u8, u8)) -> usize {
    let image = tiny_skia::Pixmap::decode_png(png).unwrap();
    image
        .pixels()
        .iter()
        .filter(|p| {
            let c = p.demultiply();
            [
                (c.red(), colour.0),
                (c.green(), colour.1),
                (c.blue(), colour.2),
            ]
            .iter()
            .all(|(a, b)| a.abs_diff(*b) < 40)
        })
        .count()
}

#[test]
fn icons_lead_each_known_contact_and_the_text_stays_beside_them() {
    let accent = (0xc0, 0x10, 0x10);
    let page = |contact: &str, icons: bool| -> (usize, String) {
        let dir =
            Sandbox::new().profile("me.toml", &format!("[basics]\nname = \"Ada\"\n{contact}"));
        let icons = format!("icons={icons}");
        dir.run(&[
            "render",
            "me.toml",
            "--theme",
            "accent=#c01010",
            "--theme",
            &icons,
            "--theme",
            "size=14",
        ])
        .ok();
        dir.run(&[
            "render",
            "me.toml",
            "-f",
            "png",
            "--ppi",
            "144",
            "--theme",
            "accent=#c01010",
            "--theme",
            &icons,
            "--theme",
            "size=14",
        ])
        .ok();
        (
            pixels_of(&dir.read("me-1.png"), accent),
            pdf_text(dir.join("me.pdf")),
        )
    };
    let (name_only, _) = page("", true);
    let mut contacts: Vec<(String, String, Option<String>)> = [
        ("GitHub", "ada-gh"),
        ("GitLab", "ada-gl"),
        ("LinkedIn", "ada-li"),
        ("Mastodon", "@ada@example.social"),
        ("ORCID", "0000-0002-5555-0001"),
        ("Google Scholar", "ada-scholar"),
        ("X", "ada_x"),
        ("Stack Overflow", "ada-so"),
        ("Bluesky", "ada.example.social"),
    ]
    .into_iter()
    .map(|(network, user)| {
        (
            format!("[[basics.profiles]]\nnetwork = \"{network}\"\nusername = \"{user}\"\n"),
            user.to_string(),
            Some(format!("{network}:")),
        )
    })
    .collect();
    contacts.push((
        "email = \"ada@example.com\"\n".into(),
        "ada@example.com".into(),
        None,
    ));
    contacts.push((
        "phone = \"+44 20 5550 0101\"\n".into(),
        "+44 20 5550 0101".into(),
        None,
    ));
    contacts.push((
        "url = \"ada.example.com\"\n".into(),
        "ada.example.com".into(),
        None,
    ));
    contacts.push((
        "location = \"Leeds, UK\"\n".into(),
        "Leeds, UK".into(),
        None,
    ));
    for (contact, address, label) in contacts {
        let [basics, profiles] = match contact.starts_with("[[") {
            true => [String::new(), contact.clone()],
            false => [contact.clone(), String::new()],
        };
        let (with_icon, text) = page(&format!("{basics}{profiles}"), true);
        assert!(
            with_icon > name_only + 20,
            "no icon for {contact}: {with_icon} vs {name_only}"
        );
        assert!(
            text.contains(&address),
            "{contact}: the address is printed:\n{text}"
        );
        if let Some(label) = &label {
            assert!(
                !text.contains(label.as_str()),
                "{contact}: the icon stands for the label:\n{text}"
            );
            let (_, plain) = page(&format!("{basics}{profiles}"), false);
            assert!(
                plain.contains(label.as_str()) && plain.contains(&address),
                "{plain}"
            );
        }
    }
    // An unknown network keeps its label, with or without icons.
    let (_, text) = page(
        "[[basics.profiles]]\nnetwork = \"Codeberg\"\nusername = \"ada-cb\"\n",
        true,
    );
    assert!(
        text.contains("Codeberg:") && text.contains("ada-cb"),
        "{text}"
    );
}

#[test]
fn icons_render_in_every_layout_with_every_proof_passing() {
    let dir = helena();
    for layout in builtin_layouts() {
        let pdf = format!("{layout}.pdf");
        dir.run(&[
            "render",
            "helena.toml",
            "--layout",
            layout,
            "--theme",
            "icons=true",
            "-o",
            &pdf,
        ])
        .ok();
        let text = pdf_text(dir.join(&pdf));
        assert!(text.contains("orcid.org/0000-0002-5555-0188"), "{layout}");
        assert!(
            !text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)),
            "{layout}: a private-use character in the text"
        );
    }
}

#[test]
fn personal_details_show_in_banner_only() {
    let dir = helena();
    for layout in builtin_layouts() {
        let pdf = format!("{layout}.pdf");
        dir.run(&["render", "helena.toml", "--layout", layout, "-o", &pdf])
            .ok();
        let text = pdf_text(dir.join(&pdf));
        let shown = text.contains("14 March 1988") && text.contains("Date of birth");
        assert_eq!(shown, layout == "banner", "{layout}:\n{text}");
    }
    // Asked not to, banner leaves them out too; in German they are labelled in German.
    dir.run(&[
        "render",
        "helena.toml",
        "--layout",
        "banner",
        "--theme",
        "personal=false",
        "-o",
        "off.pdf",
    ])
    .ok();
    assert!(!pdf_text(dir.join("off.pdf")).contains("14 March 1988"));
    let german = in_locale(&dir.read_text("helena.toml"), "de");
    dir.write("de.toml", german);
    dir.run(&["render", "de.toml", "--layout", "banner", "-o", "de.pdf"])
        .ok();
    let text = pdf_text(dir.join("de.pdf"));
    let text = text.to_lowercase();
    assert!(
        text.contains("geburtsdatum") && text.contains("zeitschriftenartikel"),
        "{text}"
    );
}

#[test]
fn an_anonymous_variant_leaves_out_the_personal_details() {
    let dir = helena();
    let text =
        dir.read_text("helena.toml") + "\n[[variants]]\nname = \"blind\"\nanonymous = true\n";
    dir.write("helena.toml", text);
    dir.run(&[
        "render",
        "helena.toml",
        "--variant",
        "blind",
        "--layout",
        "banner",
        "-o",
        "blind.pdf",
    ])
    .ok();
    let text = pdf_text(dir.join("blind.pdf"));
    assert!(
        !text.contains("14 March 1988")
            && !text.contains("Nationality")
            && !text.contains("Helena Brandt"),
        "{text}"
    );
}

#[test]
fn an_export_names_the_bib_references_and_personal_details_it_leaves_out() {
    let dir = helena();
    let output = dir
        .run(&["export", "helena.toml", "--to", "json-resume"])
        .ok();
    assert!(
        output.stderr.contains("publications.bibtex") && output.stderr.contains("date_of_birth"),
        "{}",
        output.stderr
    );
}
