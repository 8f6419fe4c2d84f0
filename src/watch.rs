//! `vitae watch`: render once, then again on every save.
//!
//! Editors save in two ways: writing the file in place, or writing a temporary
//! file and renaming it over the profile (vim, JetBrains, `sed -i`). A watch on
//! the file itself loses track after a rename, so vitae watches the *folders*
//! that hold the profiles and matches events by path. User layout folders are
//! watched recursively; a change there re-renders every profile.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::new_debouncer;

use crate::batch::{self, Job, Mode, Report, Variants};
use crate::compile::Engine;
use crate::diagnostic::{Code, Diagnostic};
use crate::layout::Layout;
use crate::settings::RunSettings;

/// How long a burst of file events may last before vitae renders.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// What the watch loop tells its caller.
pub enum Event {
    Report(Report),
    /// A line of status ("watching 3 profiles…").
    Status(String),
    Error(Vec<Diagnostic>),
}

/// What to watch and render: the same choices as `vitae render`.
pub struct Targets<'a> {
    pub paths: &'a [PathBuf],
    pub variants: &'a Variants,
    /// `--letter`.
    pub letter: Option<&'a str>,
    /// `-o`.
    pub out: Option<&'a Path>,
    pub threads: usize,
}

/// Watches the targets until `stop` is set.
pub fn run(
    engine: &Arc<Engine>,
    targets: &Targets,
    settings: &RunSettings,
    stop: Arc<AtomicBool>,
    mut on_event: impl FnMut(Event),
) -> Result<(), Vec<Diagnostic>> {
    let Targets {
        paths,
        variants,
        letter,
        out,
        threads,
    } = *targets;
    let mut settings = settings.clone();
    // A folder with no profiles yet is watched for them; outputs that
    // would overwrite each other or a profile stop the watch at once.
    let mut jobs = match batch::discover(paths) {
        Ok(found) => batch::plan(&found.profiles, variants, letter, out)?,
        Err(errors) => {
            on_event(Event::Error(errors));
            Vec::new()
        }
    };
    batch::run(engine, &jobs, &settings, Mode::Write, threads, |r| {
        on_event(Event::Report(r))
    });

    let (sender, receiver) = mpsc::channel();
    let layout_dirs = layout_folders(&settings);
    // Kept alive for as long as the loop runs: dropping it stops the events.
    let _debouncer = start_watching(paths, &layout_dirs, sender).map_err(|d| vec![d])?;
    on_event(Event::Status(format!(
        "watching {} profile{} for changes (Ctrl-C to stop)",
        jobs.len(),
        if jobs.len() == 1 { "" } else { "s" }
    )));

    while !stop.load(Ordering::Relaxed) {
        let changed = match next_saves(&receiver, &mut on_event) {
            Saves::Changed(changed) => changed,
            Saves::None => continue,
            Saves::Closed => break,
        };
        let layout_changed = changed
            .iter()
            .any(|c| layout_dirs.iter().any(|d| c.starts_with(d)));
        if layout_changed && let Err(diag) = reload_layout(&mut settings) {
            on_event(Event::Error(vec![diag]));
            continue;
        }
        // New profiles may have appeared in watched folders.
        if let Ok(fresh) = plan(paths, variants, letter, out) {
            jobs = fresh;
        }
        let due = due_jobs(&jobs, &changed, layout_changed);
        if !due.is_empty() {
            batch::run(engine, &due, &settings, Mode::Write, threads, |r| {
                on_event(Event::Report(r))
            });
            // A batch evicts Typst's caches every few documents; a save
            // renders one or two, so without this each save would add its
            // memoised results for good (~2 MB a save).
            typst::comemo::evict(2);
        }
    }
    Ok(())
}

type Events = notify_debouncer_full::DebounceEventResult;

/// Watches the folders holding the profiles (recursively for folder
/// arguments) and the user layout folders.
fn start_watching(
    paths: &[PathBuf],
    layout_dirs: &[PathBuf],
    sender: mpsc::Sender<Events>,
) -> Result<impl Drop, Diagnostic> {
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(watch_error)?;
    for folder in watched_folders(paths) {
        let mode = if paths.iter().any(|p| p.is_dir() && same(p, &folder)) {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        debouncer.watch(&folder, mode).map_err(watch_error)?;
    }
    for dir in layout_dirs {
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .map_err(watch_error)?;
    }
    Ok(debouncer)
}

/// What the next batch of file events amounts to.
enum Saves {
    /// These paths were written, created, renamed or removed.
    Changed(BTreeSet<PathBuf>),
    /// Nothing that counts as a save (yet).
    None,
    /// The watcher is gone.
    Closed,
}

fn next_saves(receiver: &mpsc::Receiver<Events>, on_event: &mut impl FnMut(Event)) -> Saves {
    let events = match receiver.recv_timeout(Duration::from_millis(100)) {
        Ok(Ok(events)) => events,
        Ok(Err(errors)) => {
            let messages: Vec<Diagnostic> = errors
                .iter()
                .map(|e| Diagnostic::error(Code::Watch, format!("watching failed: {e}")))
                .collect();
            on_event(Event::Error(messages));
            return Saves::None;
        }
        Err(mpsc::RecvTimeoutError::Timeout) => return Saves::None,
        Err(mpsc::RecvTimeoutError::Disconnected) => return Saves::Closed,
    };
    // Reading a profile to render it is an access event too: only writes,
    // creations, renames and removals count as saves.
    let changed: BTreeSet<PathBuf> = events
        .iter()
        .filter(|e| !e.kind.is_access() && !e.kind.is_other())
        .flat_map(|e| e.paths.iter().cloned())
        .collect();
    if changed.is_empty() {
        Saves::None
    } else {
        Saves::Changed(changed)
    }
}

/// The jobs a batch of saves calls for: every job when the layout changed,
/// else those whose profile was saved.
fn due_jobs(jobs: &[Job], changed: &BTreeSet<PathBuf>, layout_changed: bool) -> Vec<Job> {
    jobs.iter()
        .filter(|job| layout_changed || changed.iter().any(|c| same(c, &job.profile)))
        // An empty file is a save in progress (truncate, then write): its
        // write event follows, and that one renders.
        .filter(|job| std::fs::metadata(&job.profile).is_ok_and(|m| m.len() > 0))
        .cloned()
        .collect()
}

fn plan(
    paths: &[PathBuf],
    variants: &Variants,
    letter: Option<&str>,
    out: Option<&Path>,
) -> Result<Vec<Job>, Vec<Diagnostic>> {
    batch::plan(&batch::discover(paths)?.profiles, variants, letter, out)
}

/// The folders to watch: each folder argument, and the folder of each file.
fn watched_folders(paths: &[PathBuf]) -> BTreeSet<PathBuf> {
    paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent()
                    .filter(|f| !f.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf()
            }
        })
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect()
}

/// User layout folders in use (built-in layouts cannot change under us).
fn layout_folders(settings: &RunSettings) -> Vec<PathBuf> {
    settings
        .layout
        .as_ref()
        .and_then(|l| l.folder().map(Path::to_path_buf))
        .into_iter()
        .collect()
}

/// Reads a changed `--layout` folder again: its `layout.toml` may have
/// changed too (its Typst files are read afresh by every compile anyway).
fn reload_layout(settings: &mut RunSettings) -> Result<(), Diagnostic> {
    let folder = settings
        .layout
        .as_ref()
        .and_then(Layout::folder)
        .map(Path::to_path_buf);
    if let Some(folder) = folder {
        settings.layout = Some(Layout::from_folder(&folder)?);
    }
    Ok(())
}

/// Whether two paths name the same file (event paths are absolute, job paths
/// are as the user typed them; a replaced file has a new inode, so compare paths).
fn same(a: &Path, b: &Path) -> bool {
    let absolute = |p: &Path| -> PathBuf {
        if let Ok(real) = std::fs::canonicalize(p) {
            return real;
        }
        // The file may be gone for a moment during a rename-over save.
        let parent = p
            .parent()
            .filter(|f| !f.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(parent)
            .map(|d| d.join(p.file_name().unwrap_or_default()))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    absolute(a) == absolute(b)
}

fn watch_error(error: notify::Error) -> Diagnostic {
    Diagnostic::error(Code::Watch, format!("cannot watch for changes: {error}"))
}
