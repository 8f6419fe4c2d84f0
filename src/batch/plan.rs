//! Which jobs a run has: the profiles found under the paths given, times the
//! variants asked for, each with its planned output; and a CI shard of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Job, Out};
use crate::diagnostic::Diagnostic;
use crate::variant;

/// Finds the profiles named on the command line: files as given, folders
/// searched recursively for `*.toml` (sorted; hidden folders and `target/`
/// skipped). Each result keeps the argument it came from, for output naming.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<(PathBuf, PathBuf)>, Vec<Diagnostic>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for arg in paths {
        if arg.is_dir() {
            let mut inside = Vec::new();
            collect_toml(arg, &mut inside);
            inside.sort();
            if inside.is_empty() {
                errors.push(Diagnostic::error("no *.toml profiles in this folder").in_file(arg));
            }
            found.extend(inside.into_iter().map(|p| (p, arg.clone())));
        } else if arg.exists() {
            found.push((
                arg.clone(),
                arg.parent().map(Path::to_path_buf).unwrap_or_default(),
            ));
        } else {
            errors.push(
                Diagnostic::error("no such file or folder")
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

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) {
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
                collect_toml(&path, out);
            }
        } else if name.ends_with(".toml") && !name.starts_with('.') {
            out.push(path);
        }
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
    fn of(&self, profile: &Path) -> Vec<Option<String>> {
        let names = match self {
            Variants::Base => return vec![None],
            Variants::Named(names) => names.clone(),
            Variants::All => variant::names_in(profile),
        };
        if names.is_empty() {
            return vec![None];
        }
        names.into_iter().map(Some).collect()
    }
}

/// Decides each output path. `out` is a file for one output and a folder for
/// several; without it each PDF goes next to its profile. A variant's output
/// is the profile's with `-NAME` added (`me-backend.pdf`).
pub fn plan(
    found: &[(PathBuf, PathBuf)],
    variants: &Variants,
    out: Option<&Path>,
) -> Result<Vec<Job>, Vec<Diagnostic>> {
    let expanded: Vec<(&PathBuf, &PathBuf, Option<String>)> = found
        .iter()
        .flat_map(|(profile, root)| {
            variants
                .of(profile)
                .into_iter()
                .map(move |v| (profile, root, v))
        })
        .collect();
    let out_is_folder =
        out.is_some_and(|o| o.is_dir() || o.to_string_lossy().ends_with('/') || expanded.len() > 1);
    let out = out.map(|o| match out_is_folder {
        true => Out::Folder(o.to_path_buf()),
        false => Out::File(o.to_path_buf()),
    });
    let jobs: Vec<Job> = expanded
        .into_iter()
        .map(|(profile, root, variant)| Job {
            profile: profile.clone(),
            root: root.clone(),
            out: out.clone(),
            variant,
        })
        .collect();
    let mut seen = BTreeMap::new();
    let mut errors = Vec::new();
    for job in &jobs {
        let output = job.planned_output();
        if let Some(other) = seen.insert(output.clone(), job.name()) {
            errors.push(
                Diagnostic::error(format!(
                    "{other} and {} would both write {}",
                    job.name(),
                    output.display()
                ))
                .hint("render them separately or into different -o folders"),
            );
        }
    }
    if errors.is_empty() {
        Ok(jobs)
    } else {
        Err(errors)
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
        let jobs = plan(&found, &base, None).unwrap();
        assert_eq!(jobs[1].planned_output(), PathBuf::from("p/sub/b.pdf"));
        let jobs = plan(&found, &base, Some(Path::new("out"))).unwrap();
        assert_eq!(jobs[0].planned_output(), PathBuf::from("out/a.pdf"));
        assert_eq!(jobs[1].planned_output(), PathBuf::from("out/sub/b.pdf"));
        let one = plan(&found[..1], &base, Some(Path::new("me.pdf"))).unwrap();
        assert_eq!(one[0].planned_output(), PathBuf::from("me.pdf"));
    }

    #[test]
    fn variants_get_suffixed_outputs_unless_one_file_is_named() {
        let found = vec![(PathBuf::from("p/me.toml"), PathBuf::from("p"))];
        let two = Variants::Named(vec!["backend".into(), "ml".into()]);
        let jobs = plan(&found, &two, None).unwrap();
        let outputs: Vec<PathBuf> = jobs.iter().map(Job::planned_output).collect();
        assert_eq!(
            outputs,
            [
                PathBuf::from("p/me-backend.pdf"),
                PathBuf::from("p/me-ml.pdf")
            ]
        );
        assert_eq!(jobs[1].name(), "p/me.toml [ml]");
        let jobs = plan(&found, &two, Some(Path::new("out"))).unwrap();
        assert_eq!(
            jobs[0].planned_output(),
            PathBuf::from("out/me-backend.pdf")
        );
        let one = Variants::Named(vec!["ml".into()]);
        let jobs = plan(&found, &one, Some(Path::new("ml.pdf"))).unwrap();
        assert_eq!(jobs[0].planned_output(), PathBuf::from("ml.pdf"));
    }

    #[test]
    fn colliding_outputs_are_refused() {
        let found = vec![
            (PathBuf::from("a/x.toml"), PathBuf::from("a")),
            (PathBuf::from("b/x.toml"), PathBuf::from("b")),
        ];
        assert!(plan(&found, &Variants::Base, Some(Path::new("out"))).is_err());
    }

    #[test]
    fn shards_partition_the_jobs() {
        let jobs: Vec<Job> = (0..7)
            .map(|i| Job {
                profile: format!("{i}.toml").into(),
                root: PathBuf::new(),
                out: None,
                variant: None,
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
