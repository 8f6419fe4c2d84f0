//! Reading files vitae did not write: regular files only, and never more
//! bytes than a limit.
//!
//! `metadata().len()` is no limit: `/dev/zero` and the files of `/proc`
//! report 0 bytes and then never end. So every read here counts the bytes it
//! actually gets. Files are opened without blocking (opening a named pipe
//! with no writer would otherwise wait forever) and checked on the open
//! handle, so a file swapped after a check is still caught.

use std::fs::{self, File, Metadata};
use std::io::{ErrorKind, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    NotFound,
    /// A folder, pipe, device or socket: what it is, for the message.
    NotAFile(&'static str),
    /// More bytes than the limit.
    TooLarge {
        limit: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::NotFound => write!(f, "no such file"),
            ReadProblem::NotAFile(kind) => write!(f, "is {kind}, not a regular file"),
            ReadProblem::TooLarge { limit } => write!(f, "is larger than {}", size(*limit)),
            ReadProblem::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

/// A byte count as people say it: `1 MiB`, `16 KiB`, `200 bytes`.
pub fn size(bytes: u64) -> String {
    let exact = |unit: u64| bytes.is_multiple_of(unit);
    if bytes >= 1 << 20 {
        match exact(1 << 20) {
            true => format!("{} MiB", bytes >> 20),
            false => format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20)),
        }
    } else if bytes >= 1 << 10 {
        match exact(1 << 10) {
            true => format!("{} KiB", bytes >> 10),
            false => format!("{:.1} KiB", bytes as f64 / f64::from(1 << 10)),
        }
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads the regular file at `path` (symbolic links followed), refusing it
/// when it holds more than `limit` bytes.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge { limit });
    }
    Ok(bytes)
}

/// The name that stands for standard input (`vitae render -`) and, after
/// `-o`, standard output.
pub const STDIO: &str = "-";

/// Whether `path` is `-`: standard input or output rather than a file.
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == STDIO
}

/// The profile on standard input, read once (however many jobs of the run
/// use it: variants, a child process) and capped like a file.
static STDIN: std::sync::OnceLock<Result<Vec<u8>, u64>> = std::sync::OnceLock::new();

/// A profile's bytes: its file's, or for `-` standard input's, capped at
/// [`crate::limits::PROFILE_BYTES`] either way.
pub fn read_profile(path: &Path) -> Result<Vec<u8>, ReadProblem> {
    let limit = crate::limits::PROFILE_BYTES;
    if is_stdio(path) {
        read_stdin_capped(limit)
    } else {
        read_capped(path, limit)
    }
}

/// Standard input's bytes, up to `limit` (more is `TooLarge`).
fn read_stdin_capped(limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let read = STDIN.get_or_init(|| {
        let mut bytes = Vec::new();
        let _ = std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes);
        if bytes.len() as u64 > limit {
            Err(limit)
        } else {
            Ok(bytes)
        }
    });
    read.clone()
        .map_err(|limit| ReadProblem::TooLarge { limit })
}

/// Gives a child process the profile its parent read from standard input.
pub fn set_stdin(bytes: Vec<u8>) {
    let _ = STDIN.set(Ok(bytes));
}

/// Opens `path` for reading if it is a regular file.
fn open_regular(path: &Path) -> Result<File, ReadProblem> {
    let file = open_nonblocking(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => ReadProblem::NotFound,
        _ => ReadProblem::Io(e),
    })?;
    let meta = file.metadata().map_err(ReadProblem::Io)?;
    match kind_of(&meta) {
        None => Ok(file),
        Some(kind) => Err(ReadProblem::NotAFile(kind)),
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a non-regular file is ("a named pipe"); `None` for a regular file.
pub fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    if kind.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_count_bytes_not_metadata() {
        // /dev/zero reports a length of 0 and never ends.
        assert!(matches!(
            read_capped(Path::new("/dev/zero"), 10),
            Err(ReadProblem::NotAFile("a device"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_capped(&path, 10).unwrap().len(), 10);
        assert!(matches!(
            read_capped(&path, 9),
            Err(ReadProblem::TooLarge { limit: 9 })
        ));
        assert!(matches!(
            read_capped(&dir.path().join("nope"), 9),
            Err(ReadProblem::NotFound)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        assert!(matches!(
            read_capped(&fifo, 10),
            Err(ReadProblem::NotAFile("a named pipe"))
        ));
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(1 << 20), "1 MiB");
        assert_eq!(size(16 << 10), "16 KiB");
        assert_eq!(size(300), "300 bytes");
    }
}
