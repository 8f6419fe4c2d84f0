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
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<WriteOutcome> {
    let existed = match fs::read(path) {
        Ok(old) if old == bytes => return Ok(WriteOutcome::Unchanged),
        Ok(_) => true,
        Err(_) => false,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".vitae-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(if existed {
        WriteOutcome::Updated
    } else {
        WriteOutcome::Created
    })
}

/// For `--check`: whether the file at `path` already holds exactly `bytes`.
pub fn is_up_to_date(path: &Path, bytes: &[u8]) -> bool {
    fs::read(path).is_ok_and(|old| old == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

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
