//! Rendering many profiles: finding them, naming their outputs, and running
//! them on worker threads.
//!
//! Plain threads pull jobs from a shared counter. Typst already parallelises
//! inside each compile with rayon; handing documents to rayon too lets one
//! worker start several documents at once and memory balloons, so documents
//! go to plain threads, one at a time each.

mod plan;

pub use plan::{Found, Variants, discover, plan, shard};

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::compile::Engine;
use crate::diagnostic::{Code, Diagnostic};
use crate::files;
use crate::output::{self, OwnOutput, WriteOutcome};
use crate::pipeline::{self, Rendered};
use crate::settings::RunSettings;

/// One profile (or one variant of it) to render.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Job {
    pub profile: PathBuf,
    /// The folder argument the profile was found under: an `-o` folder
    /// mirrors the tree below it.
    pub root: PathBuf,
    /// `-o`, when given.
    pub out: Option<Out>,
    /// The variant of the profile to render (`--variant`, `--all-variants`).
    pub variant: Option<String>,
    /// The cover letter to render instead of the CV (`--letter`, or the
    /// variant's own `letter`).
    pub letter: Option<String>,
}

/// What `-o` names: the output file of a single job, or a folder for many.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Out {
    File(PathBuf),
    Folder(PathBuf),
}

impl Job {
    /// The profile as messages name it: `me.toml`, or `me.toml [backend]`.
    pub fn name(&self) -> String {
        let profile = match files::is_stdio(&self.profile) {
            true => "<stdin>".to_string(),
            false => self.profile.display().to_string(),
        };
        match (&self.variant, &self.letter) {
            (Some(v), Some(l)) => format!("{profile} [{v}, letter {l}]"),
            (Some(v), None) => format!("{profile} [{v}]"),
            (None, Some(l)) => format!("{profile} [letter {l}]"),
            (None, None) => profile,
        }
    }

    /// The output as planned before the profile is read; the profile's own
    /// `output` may still move it (see [`output::decide`]).
    pub fn planned_output(&self) -> PathBuf {
        output::decide(self, &OwnOutput::default())
    }
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
    settings: &RunSettings,
    mode: Mode,
    threads: usize,
    on_report: impl FnMut(Report),
) {
    each(
        jobs,
        threads,
        |job| run_one(engine, job, settings, mode),
        on_report,
    );
}

/// Does `work` for every job on `threads` workers (a render, a check);
/// `on_done` sees each result as it finishes, on the calling thread.
pub fn each<R: Send>(
    jobs: &[Job],
    threads: usize,
    work: impl Fn(&Job) -> R + Sync,
    mut on_done: impl FnMut(R),
) {
    if threads > 1 && jobs.len() > 1 {
        limit_typst_threads();
    }
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else { break };
                    let result = work(job);
                    // Keep Typst's process-global caches bounded across a batch.
                    // Evicting takes a global lock, so it is done every few
                    // documents rather than after each one (docs/performance.md).
                    if index % EVICT_EVERY == EVICT_EVERY - 1 {
                        typst::comemo::evict(2);
                    }
                    if sender.send(result).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            on_done(result);
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
pub fn run_one(engine: &Arc<Engine>, job: &Job, settings: &RunSettings, mode: Mode) -> Report {
    let started = Instant::now();
    let (engine, owned, run) = (engine.clone(), job.clone(), settings.clone());
    let result = bounded(job, settings.timeout, move || {
        pipeline::render_file(&engine, &owned, &run)
    });
    let (outcome, warnings) = match result {
        Err(errors) => (Outcome::Failed(errors), Vec::new()),
        Ok(rendered) => {
            let outcome = match mode {
                Mode::Check => check_all(&rendered),
                Mode::Write => write_all(&rendered, matches!(job.out, Some(Out::File(_)))),
            };
            (outcome, rendered.warnings)
        }
    };
    Report {
        job: job.clone(),
        outcome,
        warnings,
        elapsed: started.elapsed(),
    }
}

/// Runs one job's pipeline, every stage of it from reading the profile to
/// encoding, within the time limit, and fails that job alone on a panic.
///
/// The work runs on a thread of its own; past the limit it is abandoned
/// and the job fails. An abandoned job with a built-in layout can only be
/// slow, not endless, because the input limits bound every stage; a user
/// layout's job runs in a child process, which is killed (`isolate`).
pub fn bounded<T: Send + 'static>(
    job: &Job,
    limit: Option<Duration>,
    work: impl FnOnce() -> Result<T, Vec<Diagnostic>> + Send + 'static,
) -> Result<T, Vec<Diagnostic>> {
    let (sender, receiver) = mpsc::channel();
    let owned = job.clone();
    let spawned = std::thread::Builder::new()
        .name("vitae-job".into())
        .stack_size(JOB_STACK_BYTES)
        .spawn(move || {
            let _ = sender.send(guarded(&owned, work));
        });
    if let Err(e) = spawned {
        return Err(vec![
            Diagnostic::error(Code::Internal, format!("cannot start a job thread: {e}"))
                .in_file(&job.profile),
        ]);
    }
    let outcome = match limit {
        // The compile inside has the same limit and says more about it;
        // this one catches the other stages.
        Some(limit) => receiver.recv_timeout(limit + JOB_GRACE),
        None => receiver
            .recv()
            .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
    };
    outcome.unwrap_or_else(|_| {
        Err(vec![
            Diagnostic::error(
                Code::TimeLimit,
                format!(
                    "the profile exceeded the time limit ({} s)",
                    limit.unwrap_or_default().as_secs_f64()
                ),
            )
            .in_file(&job.profile)
            .hint("raise --timeout if the profile is only slow"),
        ])
    })
}

/// Room for deep recursion in the stages around the compile (which has
/// its own, larger stack).
const JOB_STACK_BYTES: usize = 16 * 1024 * 1024;

/// How long past the limit a job may run before it is given up: long
/// enough for the compile's own timeout, or a child process's, to report
/// first (`isolate` kills a child two seconds past the limit).
const JOB_GRACE: Duration = Duration::from_secs(3);

/// Runs one job's pipeline; a panic (a bug) fails that job alone, with a
/// message, instead of the whole batch.
pub fn guarded<T>(
    job: &Job,
    work: impl FnOnce() -> Result<T, Vec<Diagnostic>>,
) -> Result<T, Vec<Diagnostic>> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(vec![
            Diagnostic::error(
                Code::Internal,
                format!("internal error while rendering (please report this): {what}"),
            )
            .in_file(&job.profile),
        ])
    })
}

/// `--check`: which outputs are missing or differ from a fresh render.
fn check_all(rendered: &Rendered) -> Outcome {
    let stale: Vec<PathBuf> = rendered
        .files
        .iter()
        .filter(|(path, bytes)| !output::is_up_to_date(path, bytes))
        .map(|(path, _)| path.clone())
        .chain(rendered.leftovers.iter().cloned())
        .collect();
    if stale.is_empty() {
        Outcome::UpToDate
    } else {
        Outcome::Stale(stale)
    }
}

/// Writes a job's outputs. `named` is true when the user named the output
/// file with `-o`, the one case where a device or pipe may be written to.
fn write_all(rendered: &Rendered, named: bool) -> Outcome {
    let to_stdout = rendered
        .files
        .iter()
        .filter(|(p, _)| files::is_stdio(p))
        .count();
    if to_stdout > 1 {
        return Outcome::Failed(vec![
            Diagnostic::error(
                Code::BadArgument,
                format!("this output is {to_stdout} files; standard output takes one"),
            )
            .hint("write PNG pages or several formats to files with -o"),
        ]);
    }
    let mut written = Vec::new();
    for (path, bytes) in &rendered.files {
        let result = match named || files::is_stdio(path) {
            true => output::write_named(path, bytes),
            false => output::write_atomic(path, bytes),
        };
        match result {
            Ok(outcome) => written.push((path.clone(), outcome)),
            Err(e) => {
                return Outcome::Failed(vec![
                    Diagnostic::error(Code::WriteFailed, format!("cannot write the output: {e}"))
                        .in_file(path)
                        .hint("check that the folder exists and is writable, or choose another with -o"),
                ]);
            }
        }
    }
    for leftover in &rendered.leftovers {
        let _ = std::fs::remove_file(leftover);
    }
    Outcome::Written {
        files: written,
        pages: rendered.pages,
        fitted: rendered.fitted.clone(),
    }
}
