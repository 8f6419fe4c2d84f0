//! Files a profile brings besides its text (a photo): read only from the
//! profile's own folder, checked, and handed to the World from memory, so
//! the World never opens the profile's folder itself.

use std::fs;
use std::path::{Component, Path};

use crate::compile::world::ASSET_DIR;
use crate::diagnostic::Diagnostic;
use crate::profile::CheckedProfile;

/// Largest photo a profile may embed.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;

/// A checked asset: its virtual path for the layout, and its bytes.
#[derive(Debug, Clone)]
pub struct Asset {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The profile's photo, if it names one; an error at `basics.photo` when
/// it is refused.
pub fn photo(checked: &CheckedProfile, folder: &Path) -> Result<Option<Asset>, Diagnostic> {
    let Some(photo) = &checked.profile.basics.photo else {
        return Ok(None);
    };
    load_photo(folder, photo.get_ref())
        .map(Some)
        .map_err(|problem| {
            Diagnostic::error(format!("photo refused: {problem}"))
                .at(&checked.source, photo.span())
                .key("basics.photo")
        })
}

/// Reads a profile's photo, refusing anything outside the profile's folder.
fn load_photo(folder: &Path, relative: &str) -> Result<Asset, String> {
    let path = Path::new(relative);
    if path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "`{relative}` must be a path inside the profile's folder, without `..`"
        ));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "svg") {
        return Err(format!("`{relative}` is not a PNG, JPEG or SVG file"));
    }
    let root =
        fs::canonicalize(folder).map_err(|e| format!("cannot open the profile's folder: {e}"))?;
    let real = fs::canonicalize(root.join(path))
        .map_err(|_| format!("`{relative}` does not exist next to the profile"))?;
    if !real.starts_with(&root) {
        return Err(format!(
            "`{relative}` leads outside the profile's folder (through a symbolic link)"
        ));
    }
    let meta = fs::metadata(&real).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("`{relative}` is not a file"));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(format!(
            "`{relative}` is {} MiB; photos are limited to {} MiB",
            meta.len() >> 20,
            MAX_PHOTO_BYTES >> 20
        ));
    }
    let bytes = fs::read(&real).map_err(|e| e.to_string())?;
    if !has_signature(&extension, &bytes) {
        return Err(format!(
            "`{relative}` is not really a {} file",
            extension.to_uppercase()
        ));
    }
    Ok(Asset {
        path: format!("{ASSET_DIR}photo.{extension}"),
        bytes,
    })
}

/// Whether the bytes really are the kind of image the extension claims.
fn has_signature(extension: &str, bytes: &[u8]) -> bool {
    match extension {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        _ => std::str::from_utf8(bytes).is_ok_and(|t| t.contains("<svg")),
    }
}
