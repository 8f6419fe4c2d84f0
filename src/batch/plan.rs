//! Which jobs a run has: the profiles found under the paths given, times the
//! variants asked for, each with its planned output; and a CI shard of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Job, Out};
use crate::diagnostic::{Code, Diagnostic};
use crate::output;
use crate::variant;

/// The profiles a run found, and what it passed over on the way.
#[derive(Debug, Default)]
pub struct Found {
    /// Each profile, with the argument it came from (for output naming).
    pub profiles: Vec<(PathBuf, PathBuf)>,
    /// Notes on files that look like profiles but were skipped: symbolic
    /// links leading out of the folder, pipes, devices.
    pub skipped: Vec<Diagnostic>,
}

/// Finds the profiles named on the command line: files as given, folders
/// searched recursively for `*.toml` (sorted; hidden folders and `target/`
/// skipped).
///
/// In a folder only regular files count: a `*.toml` that is a symbolic link
/// out of the folder, a pipe or a device is skipped with a note, so a
/// folder someone else wrote cannot make vitae read `/proc/self/environ`,
/// `/dev/zero` or a pipe that never ends. A path named on the command line
/// is the user's choice, but it too must be a regular file when it is read.
pub fn discover(paths: &[PathBuf]) -> Result<Found, Vec<Diagnostic>> {
    let mut found = Found::default();
    let mut errors = Vec::new();
    for arg in paths {
        if crate::files::is_stdio(arg) {
            // A profile on standard input; its folder is the working one.
            found.profiles.push((arg.clone(), PathBuf::new()));
        } else if arg.is_dir() {
            let mut inside = Vec::new();
            let root = std::fs::canonicalize(arg).unwrap_or_else(|_| arg.clone());
            collect_toml(arg, &root, &mut inside, &mut found.skipped);
            inside.sort();
            if inside.is_empty() {
                errors.push(
                    Diagnostic::error(Code::NothingToDo, "no *.toml profiles in this folder")
                        .in_file(arg),
                );
            }
            found
                .profiles
                .extend(inside.into_iter().map(|p| (p, arg.clone())));
        } else if arg.exists() || arg.is_symlink() {
            found.profiles.push((
                arg.clone(),
                arg.parent().map(Path::to_path_buf).unwrap_or_default(),
            ));
        } else {
            errors.push(
                Diagnostic::error(Code::NothingToDo, "no such file or folder")
                    .in_file(arg)
                    .hint("give a profile (me.toml) or a folder of profiles"),
            );
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

fn collect_toml(dir: &Path, root: &Path, out: &mut Vec<PathBuf>, skipped: &mut Vec<Diagnostic>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !name.starts_with('.') && name != "target" && name != "node_modules" {
                collect_toml(&path, root, out, skipped);
            }
        } else if name.ends_with(".toml") && !name.starts_with('.') {
            match why_not_a_profile(&path, root) {
                None if is_other_toml(&path) => skipped.push(
                    Diagnostic::warning(Code::Skipped,
                        "skipped: not a profile (no [basics] table, no profile key)",
                    )
                    .in_file(&path),
                ),
                None => out.push(path),
                Some(why) => skipped.push(
                    Diagnostic::warning(Code::Skipped, format!("skipped: {why}"))
                        .in_file(&path)
                        .hint("only regular files inside the folder are rendered; name a file on the command line to render it anyway"),
                ),
            }
        }
    }
}

/// Why a `*.toml` found in a folder is not read as a profile, if it is not:
/// it is not a regular file, or a symbolic link leads out of the folder.
/// Whether a TOML file found in a folder is some other tool's
/// (`Cargo.toml`, `pyproject.toml`): valid TOML without a single key a
/// profile has. A file that cannot be read or parsed is kept, so that its
/// problem is reported; a file named on the command line is always kept.
fn is_other_toml(path: &Path) -> bool {
    let Ok(bytes) = crate::files::read_capped(path, crate::limits::PROFILE_BYTES) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return false;
    };
    let Ok(table) = toml::de::DeTable::parse(text) else {
        return false;
    };
    let keys = crate::profile::rules::PROFILE_KEYS;
    !table
        .get_ref()
        .keys()
        .any(|k| keys.contains(&k.get_ref().as_ref()))
}

fn why_not_a_profile(path: &Path, root: &Path) -> Option<String> {
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) => return Some("a symbolic link to nothing".into()),
    };
    if !real.starts_with(root) {
        return Some("a symbolic link to a file outside the folder".into());
    }
    match std::fs::metadata(&real) {
        Ok(meta) => crate::files::kind_of(&meta).map(|kind| format!("{kind}, not a regular file")),
        Err(e) => Some(format!("cannot be read: {e}")),
    }
}

/// Which versions of each profile to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Variants {
    /// The whole profile, tags ignored.
    #[default]
    Base,
    /// These variants of every profile (`--variant`).
    Named(Vec<String>),
    /// Every variant a profile declares; the whole profile when it declares
    /// none (`--all-variants`).
    All,
}

impl Variants {
    /// The versions to render of the profile outlined by `outline`.
    fn of(&self, outline: &variant::Outline) -> Vec<Option<String>> {
        let names = match self {
            Variants::Base => return vec![None],
            Variants::Named(names) => names.clone(),
            Variants::All => outline.variants.iter().map(|v| v.name.clone()).collect(),
        };
        if names.is_empty() {
            return vec![None];
        }
        names.into_iter().map(Some).collect()
    }
}

/// A job before `-o` is applied to it.
struct Planned<'a> {
    profile: &'a PathBuf,
    root: &'a PathBuf,
    variant: Option<String>,
    letter: Option<String>,
    /// A variant's own letter, written beside the variant's CV.
    beside: bool,
}

impl<'a> Planned<'a> {
    fn new(
        profile: &'a PathBuf,
        root: &'a PathBuf,
        variant: Option<String>,
        letter: Option<String>,
    ) -> Self {
        Planned {
            profile,
            root,
            variant,
            letter,
            beside: false,
        }
    }
}

/// Decides each output path. `out` is a file for one output and a folder for
/// several; without it each PDF goes next to its profile. A variant's output
/// is the profile's with `-NAME` added (`me-backend.pdf`).
pub fn plan(
    found: &[(PathBuf, PathBuf)],
    variants: &Variants,
    letter: Option<&str>,
    out: Option<&Path>,
) -> Result<Vec<Job>, Vec<Diagnostic>> {
    // Each profile is read once, for its variants, their letters and the
    // outputs they name.
    let outlines: BTreeMap<&Path, variant::Outline> = found
        .iter()
        .map(|(profile, _)| (profile.as_path(), variant::Outline::of(profile)))
        .collect();
    let expanded: Vec<Planned> = found
        .iter()
        .flat_map(|(profile, root)| {
            let outline = &outlines[profile.as_path()];
            variants
                .of(outline)
                .into_iter()
                .flat_map(move |v| match letter {
                    Some(l) => vec![Planned::new(profile, root, v, Some(l.to_string()))],
                    None => {
                        let own = v.as_deref().and_then(|v| outline.letter_of(v));
                        let mut jobs = vec![Planned::new(profile, root, v.clone(), None)];
                        jobs.extend(own.map(|l| Planned {
                            beside: true,
                            ..Planned::new(profile, root, v, Some(l))
                        }));
                        jobs
                    }
                })
        })
        .collect();
    // A variant's letter travels with its CV: it does not make `-o` a folder.
    let documents = expanded.iter().filter(|job| !job.beside).count();
    let out_is_folder =
        out.is_some_and(|o| o.is_dir() || o.to_string_lossy().ends_with('/') || documents > 1);
    let out = out.map(|o| match out_is_folder {
        true => Out::Folder(o.to_path_buf()),
        false => Out::File(o.to_path_buf()),
    });
    let jobs: Vec<Job> = expanded
        .into_iter()
        .map(|planned| Job {
            profile: planned.profile.clone(),
            root: planned.root.clone(),
            // `-o cv.pdf` puts the variant's letter at cv-letter-NAME.pdf.
            out: match (&out, &planned.letter) {
                (Some(Out::File(file)), Some(l)) if planned.beside => {
                    Some(Out::File(variant::suffixed(file, &format!("letter-{l}"))))
                }
                _ => out.clone(),
            },
            variant: planned.variant,
            letter: planned.letter,
        })
        .collect();
    let errors = clashing_outputs(&jobs, found, &outlines);
    if errors.is_empty() {
        Ok(jobs)
    } else {
        Err(errors)
    }
}

/// Outputs that would overwrite each other or a profile, found before
/// anything is written: two jobs writing one file would leave whichever
/// finished last (in no fixed order with `-j2`), and `-o me.toml` or
/// `output = "me.toml"` would replace a profile with a PDF. Each job's
/// output is decided as the render will decide it, the profile's own
/// `output` (and its variants') included.
fn clashing_outputs(
    jobs: &[Job],
    found: &[(PathBuf, PathBuf)],
    outlines: &BTreeMap<&Path, variant::Outline>,
) -> Vec<Diagnostic> {
    let profiles: BTreeMap<PathBuf, &Path> = found
        .iter()
        .map(|(profile, _)| (identity(profile), profile.as_path()))
        .collect();
    let mut seen = BTreeMap::new();
    let mut errors = Vec::new();
    for job in jobs {
        let outline = &outlines[job.profile.as_path()];
        let output = output::decide(job, &outline.own_output(job.variant.as_deref()));
        let id = identity(&output);
        let to_stdout = crate::files::is_stdio(&output);
        if let Some(profile) = profiles.get(&id).filter(|_| !to_stdout) {
            errors.push(
                Diagnostic::error(
                    Code::OutputClash,
                    format!(
                        "{} would be written over the profile {}",
                        job.name(),
                        profile.display()
                    ),
                )
                .in_file(&output)
                .hint("outputs end in .pdf or .png; choose another -o or `output`"),
            );
        } else if to_stdout && seen.contains_key(&id) {
            errors.push(
                Diagnostic::error(
                    Code::OutputClash,
                    format!(
                        "{} would also go to standard output, which takes one output",
                        job.name()
                    ),
                )
                .hint("render one variant at a time, or write to files with -o DIR"),
            );
        } else if let Some(other) = seen.insert(id, job.name()) {
            errors.push(
                Diagnostic::error(Code::OutputClash, format!(
                    "{other} and {} would both write {}",
                    job.name(),
                    output.display()
                ))
                .hint("give each its own `output`, or render them separately or into different -o folders"),
            );
        }
    }
    errors
}

/// A path as the file system sees it: its folder's real path and its name,
/// so `./me.toml`, `me.toml` and `sub/../me.toml` are one file.
fn identity(path: &Path) -> PathBuf {
    let folder = crate::settings::profile_folder(path);
    let real = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    match path.file_name() {
        Some(name) => real.join(name),
        None => real,
    }
}

/// The `k`-th (1-based) of `n` slices: every n-th job, starting at k. Jobs
/// are in sorted order, so every machine computes the same slices.
pub fn shard(jobs: Vec<Job>, k: usize, n: usize) -> Vec<Job> {
    jobs.into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, job)| job)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_go_next_to_profiles_or_into_the_folder() {
        let found = vec![
            (PathBuf::from("p/a.toml"), PathBuf::from("p")),
            (PathBuf::from("p/sub/b.toml"), PathBuf::from("p")),
        ];
        let base = Variants::Base;
        let jobs = plan(&found, &base, None, None).unwrap();
        assert_eq!(jobs[1].planned_output(), PathBuf::from("p/sub/b.pdf"));
        let jobs = plan(&found, &base, None, Some(Path::new("out"))).unwrap();
        assert_eq!(jobs[0].planned_output(), PathBuf::from("out/a.pdf"));
        assert_eq!(jobs[1].planned_output(), PathBuf::from("out/sub/b.pdf"));
        let one = plan(&found[..1], &base, None, Some(Path::new("me.pdf"))).unwrap();
        assert_eq!(one[0].planned_output(), PathBuf::from("me.pdf"));
    }

    #[test]
    fn variants_get_suffixed_outputs_unless_one_file_is_named() {
        let found = vec![(PathBuf::from("p/me.toml"), PathBuf::from("p"))];
        let two = Variants::Named(vec!["backend".into(), "ml".into()]);
        let jobs = plan(&found, &two, None, None).unwrap();
        let outputs: Vec<PathBuf> = jobs.iter().map(Job::planned_output).collect();
        assert_eq!(
            outputs,
            [
                PathBuf::from("p/me-backend.pdf"),
                PathBuf::from("p/me-ml.pdf")
            ]
        );
        assert_eq!(jobs[1].name(), "p/me.toml [ml]");
        let jobs = plan(&found, &two, None, Some(Path::new("out"))).unwrap();
        assert_eq!(
            jobs[0].planned_output(),
            PathBuf::from("out/me-backend.pdf")
        );
        let one = Variants::Named(vec!["ml".into()]);
        let jobs = plan(&found, &one, None, Some(Path::new("ml.pdf"))).unwrap();
        assert_eq!(jobs[0].planned_output(), PathBuf::from("ml.pdf"));
        // A letter goes beside its CV, or into -o when it is the only output.
        let jobs = plan(&found, &one, Some("acme"), None).unwrap();
        let letter = PathBuf::from("p/me-ml-letter-acme.pdf");
        assert_eq!(jobs[0].planned_output(), letter);
        let jobs = plan(&found, &one, Some("acme"), Some(Path::new("l.pdf"))).unwrap();
        assert_eq!(jobs[0].planned_output(), PathBuf::from("l.pdf"));
    }

    #[test]
    fn colliding_outputs_are_refused() {
        let found = vec![
            (PathBuf::from("a/x.toml"), PathBuf::from("a")),
            (PathBuf::from("b/x.toml"), PathBuf::from("b")),
        ];
        assert!(plan(&found, &Variants::Base, None, Some(Path::new("out"))).is_err());
    }

    #[test]
    fn shards_partition_the_jobs() {
        let jobs: Vec<Job> = (0..7)
            .map(|i| Job {
                profile: format!("{i}.toml").into(),
                root: PathBuf::new(),
                out: None,
                variant: None,
                letter: None,
            })
            .collect();
        let slices: Vec<Vec<Job>> = (1..=3).map(|k| shard(jobs.clone(), k, 3)).collect();
        assert_eq!(slices.iter().map(Vec::len).sum::<usize>(), 7);
        assert_eq!(slices[1][0].profile, PathBuf::from("1.toml"));
        let mut all: Vec<PathBuf> = slices.concat().into_iter().map(|j| j.profile).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 7, "no job is in two shards");
    }

    #[test]
    fn png_pages_are_numbered() {
        let paths = crate::encode::Format::Png(144.0).file_names(Path::new("out/me.pdf"), 2);
        assert_eq!(
            paths,
            [PathBuf::from("out/me-1.png"), PathBuf::from("out/me-2.png")]
        );
    }
}
