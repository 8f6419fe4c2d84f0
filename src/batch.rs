//! Rendering many profiles: finding them, naming their outputs, and running
//! them on worker threads.
//!
//! Plain threads pull jobs from a shared counter. Typst already parallelises
//! inside each compile with rayon; handing documents to rayon too lets one
//! worker start several documents at once and memory balloons, so documents
//! go to plain threads, one at a time each.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::output::{self, WriteOutcome};
use crate::pipeline::{self, Format, Settings};
use crate::render::Engine;
use crate::variant;

/// One profile to render and where its output goes.
#[derive(Debug, Clone)]
pub struct Job {
    pub profile: PathBuf,
    /// The PDF path; for PNG output, pages are `<stem>-1.png`, `<stem>-2.png`, …
    pub output: PathBuf,
    /// Whether `-o` chose the output; if not, the profile's `output` key may.
    pub explicit: bool,
    /// The variant of the profile to render (`--variant`, `--all-variants`).
    pub variant: Option<String>,
}

impl Job {
    /// The profile as messages name it: `me.toml`, or `me.toml [backend]`.
    pub fn name(&self) -> String {
        match &self.variant {
            Some(v) => format!("{} [{v}]", self.profile.display()),
            None => self.profile.display().to_string(),
        }
    }

    /// The files this job writes, given how many there are.
    fn output_paths(&self, format: Format, count: usize) -> Vec<PathBuf> {
        match format {
            Format::Pdf => vec![self.output.clone()],
            Format::Json => vec![self.output.with_extension("json")],
            Format::Png(_) => {
                let stem = self
                    .output
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (1..=count)
                    .map(|i| self.output.with_file_name(format!("{stem}-{i}.png")))
                    .collect()
            }
        }
    }
}

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
    let jobs: Vec<Job> = expanded
        .into_iter()
        .map(|(profile, root, variant)| {
            let output = match out {
                None => profile.with_extension("pdf"),
                Some(o) if !out_is_folder => o.to_path_buf(),
                Some(o) => {
                    let relative = profile.strip_prefix(root).unwrap_or(profile.as_path());
                    let relative = if relative.as_os_str().is_empty() {
                        profile.as_path()
                    } else {
                        relative
                    };
                    o.join(relative).with_extension("pdf")
                }
            };
            let output = match &variant {
                Some(name) if out.is_none() || out_is_folder => variant::suffixed(&output, name),
                _ => output,
            };
            Job {
                profile: profile.clone(),
                output,
                explicit: out.is_some(),
                variant,
            }
        })
        .collect();
    let mut seen = BTreeMap::new();
    let mut errors = Vec::new();
    for job in &jobs {
        if let Some(other) = seen.insert(job.output.clone(), job.name()) {
            errors.push(
                Diagnostic::error(format!(
                    "{other} and {} would both write {}",
                    job.name(),
                    job.output.display()
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

/// Whether to write outputs or only compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

/// How one job ended.
#[derive(Debug)]
pub enum Outcome {
    Written {
        files: Vec<(PathBuf, WriteOutcome)>,
        pages: usize,
        /// What page fitting tightened, if anything.
        fitted: Option<String>,
    },
    /// `--check`: the outputs already match.
    UpToDate,
    /// `--check`: these outputs are missing or differ.
    Stale(Vec<PathBuf>),
    Failed(Vec<Diagnostic>),
}

/// A finished job, as reported to the user.
#[derive(Debug)]
pub struct Report {
    pub job: Job,
    pub outcome: Outcome,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// Runs the jobs on `threads` workers; `on_report` sees each as it finishes.
pub fn run(
    engine: &Arc<Engine>,
    jobs: &[Job],
    settings: &Settings,
    mode: Mode,
    threads: usize,
    mut on_report: impl FnMut(Report),
) {
    if threads > 1 && jobs.len() > 1 {
        limit_typst_threads();
    }
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else { break };
                    let report = run_one(engine, job, settings, mode);
                    // Keep Typst's process-global caches bounded across a batch.
                    // Evicting takes a global lock, so it is done every few
                    // documents rather than after each one (docs/performance.md).
                    if index % EVICT_EVERY == EVICT_EVERY - 1 {
                        typst::comemo::evict(2);
                    }
                    if sender.send(report).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for report in receiver {
            on_report(report);
        }
    });
}

/// How many documents a batch renders between evictions of Typst's caches.
const EVICT_EVERY: usize = 8;

/// With several documents in flight, Typst's own rayon pool only adds
/// contention: pinning it to one thread made `-j2` faster (docs/performance.md).
/// A user's RAYON_NUM_THREADS still wins.
fn limit_typst_threads() {
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        // Fails harmlessly if the pool already exists (a second batch in `watch`).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global();
    }
}

/// Renders one job and writes (or checks) its outputs.
pub fn run_one(engine: &Arc<Engine>, job: &Job, settings: &Settings, mode: Mode) -> Report {
    let started = Instant::now();
    let mut job = job.clone();
    let settings = &Settings {
        variant: job.variant.clone(),
        ..settings.clone()
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline::render_file(engine, &job.profile, settings)
    }));
    let result = result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(vec![
            Diagnostic::error(format!(
                "internal error while rendering (please report this): {what}"
            ))
            .in_file(&job.profile),
        ])
    });
    let (outcome, warnings) = match result {
        Err(errors) => (Outcome::Failed(errors), Vec::new()),
        Ok(rendered) => {
            if !job.explicit
                && let Some(relative) = &rendered.output
            {
                job.output = job.profile.parent().unwrap_or(Path::new("")).join(relative);
            }
            let paths = job.output_paths(settings.format, rendered.files.len());
            let outcome = match mode {
                Mode::Check => {
                    let stale: Vec<PathBuf> = paths
                        .iter()
                        .zip(&rendered.files)
                        .filter(|(p, b)| !output::is_up_to_date(p, b))
                        .map(|(p, _)| p.clone())
                        .collect();
                    if stale.is_empty() {
                        Outcome::UpToDate
                    } else {
                        Outcome::Stale(stale)
                    }
                }
                Mode::Write => write_all(&paths, &rendered),
            };
            (outcome, rendered.warnings)
        }
    };
    Report {
        job,
        outcome,
        warnings,
        elapsed: started.elapsed(),
    }
}

fn write_all(paths: &[PathBuf], rendered: &pipeline::Rendered) -> Outcome {
    let mut written = Vec::new();
    for (path, bytes) in paths.iter().zip(&rendered.files) {
        match output::write_atomic(path, bytes) {
            Ok(outcome) => written.push((path.clone(), outcome)),
            Err(e) => {
                return Outcome::Failed(vec![
                    Diagnostic::error(format!("cannot write the output: {e}"))
                        .in_file(path)
                        .hint("check that the folder exists and is writable, or choose another with -o"),
                ]);
            }
        }
    }
    Outcome::Written {
        files: written,
        pages: rendered.pages,
        fitted: rendered.fitted.clone(),
    }
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
        assert_eq!(jobs[1].output, PathBuf::from("p/sub/b.pdf"));
        let jobs = plan(&found, &base, Some(Path::new("out"))).unwrap();
        assert_eq!(jobs[0].output, PathBuf::from("out/a.pdf"));
        assert_eq!(jobs[1].output, PathBuf::from("out/sub/b.pdf"));
        let one = plan(&found[..1], &base, Some(Path::new("me.pdf"))).unwrap();
        assert_eq!(one[0].output, PathBuf::from("me.pdf"));
    }

    #[test]
    fn variants_get_suffixed_outputs_unless_one_file_is_named() {
        let found = vec![(PathBuf::from("p/me.toml"), PathBuf::from("p"))];
        let two = Variants::Named(vec!["backend".into(), "ml".into()]);
        let jobs = plan(&found, &two, None).unwrap();
        let outputs: Vec<&Path> = jobs.iter().map(|j| j.output.as_path()).collect();
        assert_eq!(
            outputs,
            [Path::new("p/me-backend.pdf"), Path::new("p/me-ml.pdf")]
        );
        assert_eq!(jobs[1].name(), "p/me.toml [ml]");
        let jobs = plan(&found, &two, Some(Path::new("out"))).unwrap();
        assert_eq!(jobs[0].output, PathBuf::from("out/me-backend.pdf"));
        let one = Variants::Named(vec!["ml".into()]);
        let jobs = plan(&found, &one, Some(Path::new("ml.pdf"))).unwrap();
        assert_eq!(jobs[0].output, PathBuf::from("ml.pdf"));
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
                output: format!("{i}.pdf").into(),
                explicit: false,
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
        let job = Job {
            profile: "me.toml".into(),
            output: "out/me.pdf".into(),
            explicit: true,
            variant: None,
        };
        let paths = job.output_paths(Format::Png(144.0), 2);
        assert_eq!(
            paths,
            [PathBuf::from("out/me-1.png"), PathBuf::from("out/me-2.png")]
        );
    }
}
