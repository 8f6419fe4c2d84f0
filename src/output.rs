//! The last stage: decide where outputs go, and write them without ever
//! losing a good file.
//!
//! Outputs are written to a temporary file in the target folder and renamed
//! over the old one, so a crash or a full disk can never leave a truncated
//! PDF. When the new bytes equal the old ones, the file is not touched at all
//! (its mtime stays), so build tools and git see no change.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::batch::{Job, Out};
use crate::files;
use crate::variant;

/// Where a profile and its variant ask their output to go (`output = …`),
/// relative to the profile's folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct OwnOutput<'a> {
    /// The profile's `output`.
    pub profile: Option<&'a str>,
    /// The variant rendered, and its own `output`.
    pub variant: Option<(&'a str, Option<&'a str>)>,
}

/// Where a job's output goes; the one place that decides.
///
/// `-o FILE` is taken as it is. `-o DIR` mirrors the tree below the folder
/// argument. Otherwise the profile's own `output` (its variant's, or the
/// profile's with `-NAME` added) wins over the default, the profile's path
/// with `.pdf`. A variant without an output of its own adds `-NAME`.
pub fn decide(job: &Job, own: &OwnOutput) -> PathBuf {
    let output = decide_cv(job, own);
    // A letter goes beside its CV (`me-letter-acme.pdf`), unless -o names
    // the very file or standard output.
    match &job.letter {
        Some(letter) if !matches!(job.out, Some(Out::File(_))) && !files::is_stdio(&output) => {
            variant::suffixed(&output, &format!("letter-{letter}"))
        }
        _ => output,
    }
}

/// Where the CV of `job` goes.
fn decide_cv(job: &Job, own: &OwnOutput) -> PathBuf {
    let variant = job.variant.as_deref();
    // A profile read from standard input is written to standard output,
    // unless -o names a file.
    if files::is_stdio(&job.profile) && job.out.is_none() {
        return PathBuf::from(files::STDIO);
    }
    match &job.out {
        Some(Out::File(file)) => file.clone(),
        Some(Out::Folder(folder)) => {
            let relative = job.profile.strip_prefix(&job.root).unwrap_or(&job.profile);
            let relative = if relative.as_os_str().is_empty() {
                job.profile.as_path()
            } else {
                relative
            };
            with_variant(folder.join(relative).with_extension("pdf"), variant)
        }
        // The profile's folder as written (`me.toml` has none): outputs are
        // named the way the user named the profile.
        None => match own_relative(own) {
            Some(relative) => job.profile.parent().unwrap_or(Path::new("")).join(relative),
            None => with_variant(job.profile.with_extension("pdf"), variant),
        },
    }
}

/// The output a profile names for itself, relative to its folder.
fn own_relative(own: &OwnOutput) -> Option<PathBuf> {
    match own.variant {
        None => own.profile.map(PathBuf::from),
        Some((_, Some(variant_output))) => Some(PathBuf::from(variant_output)),
        Some((name, None)) => own
            .profile
            .map(|base| variant::suffixed(Path::new(base), name)),
    }
}

/// Checks that `output` really is inside `folder` once symbolic links are
/// followed: `output = "out/me.pdf"` passes the profile's own checks
/// (no `..`, not absolute), but `out` may be a link to anywhere. The
/// nearest part of the path that exists is resolved; what does not exist
/// yet will be created inside it.
pub fn confined(folder: &Path, output: &Path) -> Result<(), String> {
    let root =
        fs::canonicalize(folder).map_err(|e| format!("cannot open the profile's folder: {e}"))?;
    let mut existing = output.parent();
    while let Some(part) = existing {
        let part = if part.as_os_str().is_empty() {
            Path::new(".")
        } else {
            part
        };
        if let Ok(real) = fs::canonicalize(part) {
            return match real.starts_with(&root) {
                true => Ok(()),
                false => Err(format!(
                    "`{}` leads outside the profile's folder (through a symbolic link)",
                    output.display()
                )),
            };
        }
        existing = part.parent();
    }
    Ok(())
}

fn with_variant(path: PathBuf, variant: Option<&str>) -> PathBuf {
    match variant {
        Some(name) => variant::suffixed(&path, name),
        None => path,
    }
}

/// What happened to an output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Created,
    Updated,
    Unchanged,
}

/// Writes `bytes` to `path` atomically, skipping the write when unchanged.
///
/// Only regular files are written: a pipe, a device or a symbolic link to
/// one is refused, so an output name in a folder someone else controls
/// cannot hang the run (a pipe with no reader) or write where it should
/// not. A symbolic link to a regular file is replaced, never written through.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    if let Ok(meta) = fs::metadata(path)
        && let Some(kind) = files::kind_of(&meta)
    {
        return Err(std::io::Error::other(format!(
            "the output is {kind}; vitae writes only regular files"
        )));
    }
    replace(path, bytes)
}

/// Writes an output the user named with `-o`: a device or a pipe there
/// (`/dev/null`, `/dev/stdout`) is their choice and is written to directly.
/// A pipe is opened without waiting, so one with no reader is an error,
/// not a hang.
pub fn write_named(path: &Path, bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    if files::is_stdio(path) {
        return write_stdout(bytes);
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "the output is a folder",
        )),
        Ok(meta) if !meta.is_file() => {
            open_special(path)?.write_all(bytes)?;
            Ok(WriteOutcome::Updated)
        }
        _ => replace(path, bytes),
    }
}

/// `-o -`: the output on standard output, for a pipeline. Never onto a
/// terminal, where a PDF's bytes would garble the screen.
fn write_stdout(bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    use std::io::IsTerminal;
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        return Err(std::io::Error::other(
            "standard output is a terminal; redirect it (> me.pdf) or pipe it",
        ));
    }
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(WriteOutcome::Updated)
}

#[cfg(unix)]
fn open_special(path: &Path) -> std::io::Result<fs::File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    // Writing then blocks as usual: a pipe's reader may be slower than vitae.
    // SAFETY: `file` owns a valid descriptor for the whole call.
    unsafe {
        let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_special(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new().write(true).open(path)
}

/// Writes a regular file by temporary file and rename.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    let existed = match fs::symlink_metadata(path) {
        Ok(_) if is_up_to_date(path, bytes) => return Ok(WriteOutcome::Unchanged),
        Ok(_) => true,
        Err(_) => false,
    };
    // A replaced file keeps its mode; a new one gets the usual 0666 minus the
    // umask (temporary files default to 0600, which would hide the PDF from
    // everyone else, e.g. a web server).
    let permissions = match fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => new_file_permissions(),
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".vitae-")
        .suffix(".tmp")
        .permissions(new_file_permissions())
        .tempfile_in(folder)?;
    if existed {
        fs::set_permissions(temp.path(), permissions)?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(if existed {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Created
    })
}

#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

#[cfg(not(unix))]
fn new_file_permissions() -> fs::Permissions {
    tempfile::NamedTempFile::new()
        .and_then(|f| f.as_file().metadata())
        .map(|m| m.permissions())
        .expect("a temporary file")
}

/// For `--check`: whether the file at `path` already holds exactly `bytes`.
/// Reads no more than that many bytes, and only from a regular file.
pub fn is_up_to_date(path: &Path, bytes: &[u8]) -> bool {
    files::read_capped(path, bytes.len() as u64).is_ok_and(|old| old == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cv.pdf");
        write_atomic(&path, b"one").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask(), "mode {mode:o}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    /// The process umask, read from a file created with 0666.
    #[cfg(unix)]
    fn umask() -> u32 {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let probe = dir.path().join("probe");
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o666)
            .open(&probe)
            .unwrap();
        0o666 & !(fs::metadata(&probe).unwrap().permissions().mode() & 0o777)
    }

    #[test]
    fn devices_are_written_to_only_when_named_by_the_user() {
        assert!(write_atomic(Path::new("/dev/null"), b"pdf").is_err());
        assert_eq!(
            write_named(Path::new("/dev/null"), b"pdf").unwrap(),
            WriteOutcome::Updated
        );
        let meta = fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(dir.path(), b"pdf").is_err());
    }

    #[test]
    fn creates_updates_and_leaves_unchanged_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/cv.pdf");
        assert_eq!(write_atomic(&path, b"one").unwrap(), WriteOutcome::Created);
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(
            write_atomic(&path, b"one").unwrap(),
            WriteOutcome::Unchanged
        );
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
        assert_eq!(write_atomic(&path, b"two").unwrap(), WriteOutcome::Updated);
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(is_up_to_date(&path, b"two") && !is_up_to_date(&path, b"one"));
        let leftovers = fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files are left behind");
    }
}
