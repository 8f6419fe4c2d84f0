//! Long, plausible profiles for the proofs: every section type, nested
//! roles and bullets, long words and long URLs, intros, sub-headings,
//! labelled details, skills with levels and entries with missing parts,
//! in any of vitae's locales,
//! sized to fill about `pages` pages. Deterministic: the same arguments
//! give the same profile.

use std::fmt::Write;

/// The locales vitae ships words for.
pub const LOCALES: [&str; 6] = ["en", "de", "fr", "es", "pt", "hi"];

/// Verbs, objects and outcomes a bullet is made of.
const VERBS: [&str; 8] = [
    "Designed",
    "Rebuilt",
    "Led",
    "Migrated",
    "Automated",
    "Shipped",
    "Cut",
    "Mentored",
];
const OBJECTS: [&str; 8] = [
    "the settlement pipeline",
    "an offline-sync engine for field tablets",
    "the internationalisation toolkit",
    "a zero-downtime PostgreSQL migration",
    "the on-call handbook and its runbooks",
    "a fraud-scoring service in Rust",
    "the Kubernetes-Operator-Entwicklung guild",
    "continuous-deployment for 40 services",
];
const OUTCOMES: [&str; 8] = [
    "cutting p99 latency from 1.8 s to 240 ms",
    "saving **₹2 Cr** a year in cloud spend",
    "with zero incidents over 14 months",
    "so that finance launches plans without a deploy",
    "adopted by *six* teams within a quarter",
    "reducing build times by 63 %",
    "see [the write-up](https://engineering.example.org/blog/2024/a-very-long-article-slug-about-migrations)",
    "including the Donaudampfschifffahrtsgesellschaft integration",
];

/// Words in the profile's own language, so every script is exercised.
fn native_phrase(locale: &str) -> &'static str {
    match locale {
        "de" => "Verantwortlich für Qualitätssicherung und Barrierefreiheit",
        "fr" => "Responsable de l’accessibilité et de la qualité « produit »",
        "es" => "Responsable de la migración y del diseño de señales",
        "pt" => "Responsável pela migração e pela observação de serviços",
        "hi" => "भुगतान प्रणाली का नेतृत्व और टीम का मार्गदर्शन",
        _ => "Responsible for reliability, accessibility and developer experience",
    }
}

/// A simple, fixed pseudo-random sequence (no dependency, same on every run).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }
}

/// A profile of roughly `pages` pages in `locale`.
pub fn long_profile(pages: usize, locale: &str) -> String {
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15 ^ (pages as u64 * 31 + locale.len() as u64));
    let mut t = String::new();
    let _ = writeln!(
        t,
        "locale = \"{locale}\"\n\n[basics]\nname = \"Avery Quinn-Castellanos\"\nlabel = \"Staff Engineer, Platform & Payments\"\ntagline = \"{}\"\nemail = \"avery.quinn-castellanos@example-company.example.org\"\nphone = \"+49 30 1234 5678\"\nurl = \"https://averyquinn.example.dev/portfolio/engineering\"\nlocation = \"Berlin, Germany\"\nsummary = \"\"\"\nEngineer with {} years in payments and platform work. {}.\n\nI write the runbooks people read.\"\"\"\n",
        native_phrase(locale),
        4 + pages,
        native_phrase(locale)
    );
    t.push_str("\n[[basics.profiles]]\nnetwork = \"GitHub\"\nurl = \"https://github.com/avery-quinn-castellanos-example\"\n");
    t.push_str("\n[[basics.profiles]]\nnetwork = \"LinkedIn\"\nurl = \"https://www.linkedin.com/in/avery-quinn-castellanos-example-profile\"\n");
    t.push_str("\n[intros]\nwork = \"Most recent first; the roles before 2010 are on request.\"\nprojects = \"Open-source work, maintained in the evenings.\"\n");
    t.push_str("\n[words]\npresent = \"ongoing\"\n");
    t.push_str("\n[numbers]\nitems = [\n  { value = \"40M\", label = \"transactions a day\", detail = \"through the ledger I led\" },\n  { value = \"99.99 %\", label = \"uptime\", detail = \"over three years\" },\n  { value = \"12\", label = \"engineers mentored\" },\n]\n");

    for i in 0..pages * 2 {
        let _ = write!(
            t,
            "\n[[work]]\ngroup = \"{}\"\nname = \"Company {i} GmbH\"\nurl = \"https://company-{i}.example.com/careers/engineering\"\nlocation = \"City {i}\"\ndescription = \"Fintech with {} employees\"\n",
            if i % 3 == 2 { "Research" } else { "Industry" },
            100 + i * 37
        );
        let roles = 1 + dice.roll(2);
        for r in 0..roles {
            let _ = write!(
                t,
                "\n[[work.roles]]\nposition = \"Role {i}.{r} Engineer\"\nteam = \"Team {i}{r}\"\nstart = \"{}-0{}\"\nend = \"{}\"\nsummary = \"Summary of role {i}.{r}: {}.\"\nhighlights = [\n",
                2000 + i * 2 + r,
                1 + r,
                if i == 0 && r == 0 {
                    "present".to_string()
                } else {
                    format!("{}-1{}", 2001 + i * 2 + r, r)
                },
                native_phrase(locale)
            );
            for b in 0..3 + dice.roll(3) {
                let bullet = format!(
                    "{} {} ({i}.{r}.{b}), {}",
                    VERBS[dice.roll(8)],
                    OBJECTS[dice.roll(8)],
                    OUTCOMES[dice.roll(8)]
                );
                if b == 1 {
                    let _ = writeln!(
                        t,
                        "  {{ label = \"Project {i}.{r}\", text = \"{bullet}\", items = [\"Sub-point {i}.{r}.a about the rollout\", \"Sub-point {i}.{r}.b about the metrics\"] }},"
                    );
                } else {
                    let _ = writeln!(t, "  \"{bullet}\",");
                }
            }
            let _ = writeln!(
                t,
                "]\nstack = [\"Rust\", \"PostgreSQL\", \"Kafka-{i}{r}\", \"gRPC\"]\ndetails = [{{ label = \"Client\", value = \"Bank {i}{r} AG\" }}, {{ label = \"Team size\", value = \"{}\" }}]",
                4 + r
            );
        }
    }
    // A role given only as years, under an employer with no name.
    t.push_str("\n[[work]]\ngroup = \"Industry\"\nstart = \"1998\"\nend = \"2000\"\nhighlights = [\"Support engineer for a regional bank\"]\n");
    t.push_str("\n[[volunteer]]\norganization = \"Code Club Berlin\"\nposition = \"Mentor\"\nstart = \"2019\"\nend = \"present\"\nhighlights = [\"Taught Python to 40 pupils aged 10–14\"]\n");
    for e in 0..2 {
        let _ = write!(
            t,
            "\n[[education]]\ninstitution = \"Technische Universität {e}\"\narea = \"Computer Science\"\nstudy_type = \"M.Sc.\"\nstart = \"20{:02}\"\nend = \"20{:02}\"\nscore = \"1.{e} (with distinction)\"\ncourses = [\"Distributed Systems\", \"Compilers {e}\", \"Formal Methods\"]\nlocation = \"Munich\"\n",
            e * 4,
            e * 4 + 2
        );
    }
    for p in 0..pages * 2 {
        let _ = write!(
            t,
            "\n[[projects]]\ngroup = \"{}\"\nname = \"tunnel-{p}\"\nurl = \"https://github.com/avery-quinn-castellanos-example/project-number-{p}-with-a-long-name\"\ndescription = \"A library that simulates flaky networks, number {p}.\"\nstars = {}\nhighlights = [\"Used in CI by {} companies\"]\nkeywords = [\"Kotlin\", \"testing-{p}\"]\n",
            if p % 2 == 0 {
                "Open source"
            } else {
                "Side projects"
            },
            100 + p * 13,
            3 + p
        );
    }
    for s in 0..3 + pages {
        let _ = write!(
            t,
            "\n[[skills]]\nname = \"Area {s}\"\nlevel = \"Expert\"\nkeywords = [{{ name = \"Rust\", level = \"deepest\", note = \"{s} roles\" }}, \"Go {s}\", \"TypeScript\", \"PostgreSQL\", \"Kubernetes\", \"Terraform-{s}\", \"observability\", \"internationalisation\"]\n"
        );
    }
    t.push_str("\n[[awards]]\ntitle = \"Engineering Excellence Award\"\nawarder = \"Company 0 GmbH\"\ndate = \"2023-12\"\nsummary = \"For the zero-downtime ledger migration.\"\n");
    t.push_str("\n[[certificates]]\nname = \"Certified Kubernetes Administrator\"\nissuer = \"CNCF\"\ndate = \"2022-05\"\nurl = \"https://training.linuxfoundation.example.org/certification/verify/LF-abcdef123456\"\ndetails = [{ label = \"Credential ID\", value = \"LF-abcdef123456\" }]\n");
    t.push_str("\n[[publications]]\nname = \"Idempotency keys in practice\"\npublisher = \"Payments Engineering Journal\"\ndate = \"2021\"\nsummary = \"How to retry without paying twice.\"\n");
    t.push_str("\n[[languages]]\nlanguage = \"German\"\nfluency = \"Native\"\n\n[[languages]]\nlanguage = \"English\"\nfluency = \"Fluent\"\n\n[[languages]]\nlanguage = \"Hindi\"\nfluency = \"Conversational\"\n");
    t.push_str("\n[[interests]]\nname = \"Bouldering\"\nkeywords = [\"Fontainebleau\", \"training boards\"]\n");
    t.push_str("\n[[references]]\nname = \"Dr. Jordan Example\"\nrole = \"CTO\"\norganization = \"Company 0 GmbH\"\nreference = \"Avery is the engineer I call when a migration must not fail.\"\n");
    t.push_str(
        "\n[[education]]\ninstitution = \"Volkshochschule Berlin\"\ncourses = [\"Spanish B2\"]\n",
    );
    t.push_str("\n[[sections]]\ntitle = \"Talks\"\nentries = [\n  { title = \"Ledgers without tears\", subtitle = \"RustConf\", date = \"2023-09\", location = \"Albuquerque\", items = [\"Recorded, 12k views\"] },\n]\n");
    t.push_str("\n[[sections]]\ntitle = \"\"\ntext = \"References and the full publication list on request.\"\n");
    t
}
