//! Stage 7: write outputs without ever losing a good file.
//!
//! Outputs are written to a temporary file in the target folder and renamed
//! over the old one, so a crash or a full disk can never leave a truncated
//! PDF. When the new bytes equal the old ones, the file is not touched at all
//! (its mtime stays), so build tools and git see no change.

use std::fs;
use std::io::Write;
use std::path::Path;

/// What happened to an output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Created,
    Updated,
    Unchanged,
}

/// Writes `bytes` to `path` atomically, skipping the write when unchanged.
///
/// A target that is not a regular file (`/dev/stdout`, a named pipe) is
/// written directly: renaming over it would replace the device itself.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    if let Ok(meta) = fs::metadata(path) {
        if meta.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "the output is a folder",
            ));
        }
        if !meta.is_file() {
            fs::OpenOptions::new()
                .write(true)
                .open(path)?
                .write_all(bytes)?;
            return Ok(WriteOutcome::Updated);
        }
    }
    let existed = match fs::read(path) {
        Ok(old) if old == bytes => return Ok(WriteOutcome::Unchanged),
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
pub fn is_up_to_date(path: &Path, bytes: &[u8]) -> bool {
    fs::read(path).is_ok_and(|old| old == bytes)
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
    fn devices_are_written_to_not_replaced() {
        assert_eq!(
            write_atomic(Path::new("/dev/null"), b"pdf").unwrap(),
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
