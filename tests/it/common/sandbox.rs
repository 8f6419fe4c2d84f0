//! [`Sandbox`]: a throwaway folder of profiles and files, and the binary run
//! inside it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Run, vitae};

/// A temporary folder, deleted when dropped, filled in one expression:
///
/// ```ignore
/// let dir = Sandbox::new()
///     .profile("me.toml", "[basics]\nname = \"Ada\"\nphoto = 'me.png'\n")
///     .file("me.png", bytes);
/// let run = dir.run(&["render", "me.toml"]);
/// assert!(dir.exists("me.pdf"));
/// ```
///
/// File names are relative to the folder and may contain `/`: missing
/// folders are created. [`Sandbox::run`] runs `vitae` with the folder as its
/// working directory, so relative arguments (and messages) never show the
/// temporary path.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// Adds a profile. The same as [`Sandbox::file`], named for what it is.
    pub fn profile(self, name: &str, toml: &str) -> Self {
        self.file(name, toml)
    }

    /// Adds a file.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        self.write(name, contents);
        self
    }

    /// Adds an empty folder.
    pub fn folder(self, name: &str) -> Self {
        fs::create_dir_all(self.join(name)).unwrap();
        self
    }

    /// Adds `count` distinct profiles, `person-000.toml`…, to `folder`
    /// (`"."` for the top).
    pub fn people(self, folder: &str, count: usize) -> Self {
        write_profiles(&self.join(folder), count);
        self
    }

    /// Copies a file, or the files of a folder, from outside to `to`.
    pub fn copy(self, from: impl AsRef<Path>, to: &str) -> Self {
        let from = from.as_ref();
        if from.is_dir() {
            fs::create_dir_all(self.join(to)).unwrap();
            for entry in fs::read_dir(from).unwrap() {
                let entry = entry.unwrap();
                fs::copy(entry.path(), self.join(to).join(entry.file_name())).unwrap();
            }
        } else {
            self.write(to, fs::read(from).unwrap());
        }
        self
    }

    /// Adds a symbolic link `link` to `target` (both in the folder).
    pub fn symlink(self, target: &str, link: &str) -> Self {
        let link = self.join(link);
        fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(self.join(target), link).unwrap();
        self
    }

    /// Adds a file of `len` zero bytes (sparse: costs no disk).
    pub fn sized(self, name: &str, len: u64) -> Self {
        self.write(name, "");
        fs::File::options()
            .write(true)
            .open(self.join(name))
            .unwrap()
            .set_len(len)
            .unwrap();
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.path().join(name)
    }

    /// The absolute path of `name`, as an argument for a run elsewhere.
    pub fn arg(&self, name: &str) -> String {
        self.join(name).to_str().unwrap().to_string()
    }

    /// Writes (or overwrites) a file.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        let path = self.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        fs::read(self.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn read_text(&self, name: &str) -> String {
        fs::read_to_string(self.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn exists(&self, name: &str) -> bool {
        self.join(name).exists()
    }

    /// `vitae` (see [`super::vitae`]) with this folder as working directory.
    pub fn command(&self) -> Command {
        let mut command = vitae();
        command.current_dir(self.path());
        command
    }

    /// Runs `vitae` with this folder as working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.command().args(args))
    }
}

/// The stem of the `i`-th profile written by [`write_profiles`].
pub fn person(i: usize) -> String {
    format!("person-{i:03}")
}

/// Writes `count` distinct profiles (and nothing else) into `dir`.
pub fn write_profiles(dir: &Path, count: usize) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|i| {
            let path = dir.join(format!("{}.toml", person(i)));
            let text = format!(
                "[basics]\nname = \"Person {i}\"\nlabel = \"Engineer number {i}\"\n\n[[work]]\nname = \"Company {i}\"\nposition = \"Developer\"\nstart = \"2020-01\"\nend = \"present\"\nhighlights = [\"Shipped feature {i}\", \"Fixed bug {i}\"]\n"
            );
            fs::write(&path, text).unwrap();
            path
        })
        .collect()
}
