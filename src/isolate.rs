//! Jobs with a user's layout run in a child process.
//!
//! A layout is a program, and Typst cannot stop a compile once it has
//! begun: a layout that loops or allocates without end keeps its thread
//! and its memory after vitae has given up on it, and a few of them in a
//! batch take the whole process down. Even a built-in layout costs more
//! than linear time for some shapes of text. So a job whose layout is a
//! folder (from `--layout DIR` or a profile's `layout`), or whose profile is
//! larger than `limits::IN_PROCESS_BYTES`, runs in a child `vitae` with an
//! address-space limit. When the child runs out of time it is killed, and
//! its memory goes with it; when it runs out of memory, only that job
//! fails. Small profiles with built-in layouts, all real CVs, run
//! in-process, sharing Typst's caches.
//!
//! The child is `vitae __job`: it reads a [`Request`] as JSON on stdin,
//! runs the job with the same pipeline, and writes the result as JSON on
//! stdout.

use std::io::{Read, Write};
use std::process::{Command, ExitCode, Stdio};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::batch::Job;
use crate::compile::Engine;
use crate::diagnostic::{Code, Diagnostic, thin};
use crate::encode::{Format, Standards};
use crate::layout::Layout;
use crate::pipeline::{self, Checked, Rendered};
use crate::settings::RunSettings;

/// How a run isolates jobs (`RunSettings::isolate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Isolation {
    /// The child's address-space limit, in MiB (`--memory`).
    pub memory_mib: u64,
}

/// What the child is asked to do.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    job: Job,
    run: RunSpec,
    /// `vitae check` (prove only) rather than render.
    check: bool,
    /// The profile, when the parent read it from standard input.
    stdin: Option<Vec<u8>>,
    memory_mib: u64,
}

/// The run's settings as the child rebuilds them.
#[derive(Debug, Serialize, Deserialize)]
struct RunSpec {
    /// `--layout`: a built-in name or the folder's real path.
    layout: Option<String>,
    theme: Vec<(String, toml::Value)>,
    formats: Vec<Format>,
    strict: bool,
    timeout: Option<Duration>,
    standards: String,
    fonts: crate::compile::fonts::FontOptions,
}

impl RunSpec {
    fn of(run: &RunSettings) -> Self {
        Self {
            layout: run.layout.as_ref().map(|layout| match layout.folder() {
                Some(folder) => folder.display().to_string(),
                None => layout.name().to_string(),
            }),
            theme: run.theme.clone(),
            formats: run.formats.clone(),
            strict: run.strict,
            timeout: run.timeout,
            standards: run.standards.spec(),
            fonts: run.fonts.clone(),
        }
    }

    fn settings(self) -> Result<RunSettings, Diagnostic> {
        Ok(RunSettings {
            layout: self.layout.as_deref().map(Layout::resolve).transpose()?,
            theme: self.theme,
            formats: self.formats.clone(),
            strict: self.strict,
            timeout: self.timeout,
            standards: Standards::parse(&self.standards)
                .map_err(|m| Diagnostic::error(Code::BadArgument, m))?,
            isolate: None,
            fonts: self.fonts,
        })
    }
}

/// Renders `job` in a child process.
pub fn render(
    job: &Job,
    run: &RunSettings,
    isolation: Isolation,
) -> Result<Rendered, Vec<Diagnostic>> {
    call(job, run, isolation, false)
}

/// Proves `job` in a child process (`vitae check`).
pub fn check(
    job: &Job,
    run: &RunSettings,
    isolation: Isolation,
) -> Result<Checked, Vec<Diagnostic>> {
    call(job, run, isolation, true)
}

/// How long past the time limit the child may take to answer before it is
/// killed: it has its own limit on each compile, and reports that itself.
const GRACE: Duration = Duration::from_secs(2);

fn call<T: DeserializeOwned>(
    job: &Job,
    run: &RunSettings,
    isolation: Isolation,
    check: bool,
) -> Result<T, Vec<Diagnostic>> {
    let request = Request {
        job: job.clone(),
        run: RunSpec::of(run),
        check,
        stdin: crate::files::is_stdio(&job.profile)
            .then(|| crate::files::read_profile(&job.profile).ok())
            .flatten(),
        memory_mib: isolation.memory_mib,
    };
    let fail =
        |message: String| vec![Diagnostic::error(Code::Internal, message).in_file(&job.profile)];
    let exe = std::env::current_exe().map_err(|e| {
        fail(format!(
            "cannot start a vitae process for this profile: {e}"
        ))
    })?;
    let mut child = Command::new(exe)
        .arg("__job")
        // Fewer malloc arenas and one Typst thread: each reserves address
        // space, which the limit counts whether used or not.
        .env("MALLOC_ARENA_MAX", "2")
        .env("RAYON_NUM_THREADS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            fail(format!(
                "cannot start a vitae process for this profile: {e}"
            ))
        })?;
    let request = serde_json::to_vec(&request).map_err(|e| fail(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(&request);
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let limit = run.timeout.map(|t| t + GRACE);
    let answer = match limit {
        Some(limit) => stdout.recv_timeout(limit),
        None => stdout
            .recv()
            .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
    };
    let Ok(answer) = answer else {
        let _ = child.kill();
        let _ = child.wait();
        let seconds = run.timeout.unwrap_or_default().as_secs_f64();
        return Err(vec![
            Diagnostic::error(Code::TimeLimit, format!(
                "rendering this profile exceeded the time limit ({seconds} s); its process was stopped"
            ))
            .in_file(&job.profile)
            .hint(
                "a loop in the layout may never end; if the layout is only slow, raise --timeout",
            ),
        ]);
    };
    let status = child.wait();
    let stderr = stderr.recv_timeout(GRACE).unwrap_or_default();
    match serde_json::from_slice::<Result<T, Vec<Diagnostic>>>(&answer) {
        Ok(result) => result,
        Err(_) => Err(crashed(job, &status, &stderr, isolation)),
    }
}

/// Reads a child's pipe to its end on a thread; the bytes arrive when it
/// closes. At most 1 GiB is kept: a child's output is a few PDFs.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    if let Some(pipe) = pipe {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.take(1 << 30).read_to_end(&mut bytes);
            let _ = sender.send(bytes);
        });
    }
    receiver
}

/// Why a child gave no answer: most often, the memory limit.
fn crashed(
    job: &Job,
    status: &std::io::Result<std::process::ExitStatus>,
    stderr: &[u8],
    isolation: Isolation,
) -> Vec<Diagnostic> {
    let said = String::from_utf8_lossy(stderr);
    let diagnostic = if said.contains("memory allocation of") || said.contains("out of memory") {
        Diagnostic::error(Code::MemoryLimit, format!(
            "rendering this profile used more than the memory limit ({} MiB); its process was stopped",
            isolation.memory_mib
        ))
        .hint("a layout that builds data without end, or a profile far longer than a CV; if it really needs more, raise --memory")
    } else {
        let status = match status {
            Ok(status) => status.to_string(),
            Err(e) => e.to_string(),
        };
        let last = said.lines().last().unwrap_or_default();
        Diagnostic::error(
            Code::Internal,
            format!("the process rendering this profile stopped ({status}) {last}"),
        )
        .hint("please report this with the profile and the layout")
    };
    vec![diagnostic.in_file(&job.profile)]
}

/// `vitae __job`: the child's side. Limits its own memory, runs the job it
/// is sent, and answers on stdout.
pub fn serve() -> ExitCode {
    let mut input = Vec::new();
    if std::io::stdin().read_to_end(&mut input).is_err() {
        return ExitCode::FAILURE;
    }
    let Ok(mut request) = serde_json::from_slice::<Request>(&input) else {
        return ExitCode::FAILURE;
    };
    if let Some(profile) = request.stdin.take() {
        crate::files::set_stdin(profile);
    }
    limit_memory(request.memory_mib);
    let engine: Arc<Engine> = pipeline::engine_with(&request.run.fonts);
    let answer = match request.run.settings() {
        Err(diag) => serde_json::to_vec(&Err::<(), _>(vec![diag])),
        Ok(run) if request.check => {
            let result = pipeline::check_file(&engine, &request.job, &run).map(|mut checked| {
                thin(&mut checked.warnings);
                thin(
                    checked
                        .report
                        .findings
                        .iter_mut()
                        .map(|f| &mut f.diagnostic),
                );
                checked
            });
            serde_json::to_vec(&result.map_err(thinned))
        }
        Ok(run) => {
            let result = pipeline::render_file(&engine, &request.job, &run).map(|mut rendered| {
                thin(&mut rendered.warnings);
                rendered
            });
            serde_json::to_vec(&result.map_err(thinned))
        }
    };
    let Ok(answer) = answer else {
        return ExitCode::FAILURE;
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(&answer)
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// [`thin`], for errors on their way out.
fn thinned(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    thin(&mut errors);
    errors
}

/// Caps this process's address space, so that a runaway layout fails an
/// allocation (and this process) rather than the machine.
#[cfg(unix)]
fn limit_memory(mib: u64) {
    let bytes = mib.saturating_mul(1024 * 1024) as libc::rlim_t;
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit reads the struct it is given and changes only this
    // process's own limit.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_mib: u64) {}
