//! Files a profile brings besides its text (a photo): read only from the
//! profile's own folder, checked, and handed to the World from memory, so
//! the World never opens the profile's folder itself.

use std::fs;
use std::path::{Component, Path};

use crate::compile::world::ASSET_DIR;
use crate::diagnostic::{Code, Diagnostic};
use crate::files::{self, ReadProblem};
use crate::limits;
use crate::profile::CheckedProfile;

/// Largest photo a profile may embed.
pub const MAX_PHOTO_BYTES: u64 = limits::PHOTO_BYTES;

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
            Diagnostic::error(Code::PhotoRefused, format!("photo refused: {problem}"))
                .at(&checked.source, photo.span())
                .key("basics.photo")
        })
}

/// Reads a profile's photo, refusing anything outside the profile's folder.
fn load_photo(folder: &Path, relative: &str) -> Result<Asset, String> {
    let extension = extension_of(relative);
    if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "svg") {
        return Err(format!("`{relative}` is not a PNG, JPEG or SVG file"));
    }
    let bytes = read_inside(folder, relative, MAX_PHOTO_BYTES, "a photo")?;
    if !has_signature(&extension, &bytes) {
        return Err(format!(
            "`{relative}` is not really a {} file",
            extension.to_uppercase()
        ));
    }
    check_pixels(&extension, &bytes).map_err(|problem| format!("`{relative}` {problem}"))?;
    Ok(Asset {
        path: format!("{ASSET_DIR}photo.{extension}"),
        bytes,
    })
}

/// The lower-case extension of a path, or "".
pub fn extension_of(relative: &str) -> String {
    Path::new(relative)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Reads a file a profile names (`relative` to its `folder`): only a
/// regular file inside the folder, links followed, at most `limit` bytes.
/// The error says why, naming the file and `what` it was meant to be.
pub fn read_inside(
    folder: &Path,
    relative: &str,
    limit: u64,
    what: &str,
) -> Result<Vec<u8>, String> {
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
    let root =
        fs::canonicalize(folder).map_err(|e| format!("cannot open the profile's folder: {e}"))?;
    let real = fs::canonicalize(root.join(path))
        .map_err(|_| format!("`{relative}` does not exist next to the profile"))?;
    if !real.starts_with(&root) {
        return Err(format!(
            "`{relative}` leads outside the profile's folder (through a symbolic link)"
        ));
    }
    files::read_capped(&real, limit).map_err(|problem| match problem {
        ReadProblem::TooLarge { limit } => format!(
            "`{relative}` is larger than {}, the limit for {what}",
            files::size(limit)
        ),
        other => format!("`{relative}` {other}"),
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

/// Refuses an image whose pixels would take too much memory to decode,
/// reading the size from its header: a 7.5 MB PNG can claim 90000 × 90000
/// pixels, 32 GB once decoded. An SVG is drawn as vectors, but a raster
/// image inside it would be decoded unchecked, so none is accepted.
fn check_pixels(extension: &str, bytes: &[u8]) -> Result<(), String> {
    let (width, height) = match extension {
        "png" => png_size(bytes),
        "jpg" | "jpeg" => jpeg_size(bytes),
        _ => {
            let text = String::from_utf8_lossy(bytes);
            if text.contains("data:image/") {
                return Err(
                    "embeds a raster image; use the PNG or JPEG itself as the photo".into(),
                );
            }
            return Ok(());
        }
    }
    .ok_or("has no readable image size in its header")?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits::PHOTO_PIXELS {
        return Err(format!(
            "is {width} × {height} pixels; photos are limited to {} megapixels",
            limits::PHOTO_PIXELS / 1_000_000
        ));
    }
    Ok(())
}

/// Width and height from a PNG's IHDR chunk, which must come first.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let number = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((number(16)?, number(20)?))
}

/// Width and height from a JPEG's first start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        // Fill bytes (0xFF) may precede a marker.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if matches!(marker, 0x01 | 0xD0..=0xD8) {
            at += 2;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let height = u16::from_be_bytes([*bytes.get(at + 5)?, *bytes.get(at + 6)?]);
            let width = u16::from_be_bytes([*bytes.get(at + 7)?, *bytes.get(at + 8)?]);
            return Some((u32::from(width), u32::from(height)));
        }
        if marker == 0xDA || length < 2 {
            return None;
        }
        at += 2 + length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0]);
        bytes
    }

    #[test]
    fn image_sizes_are_read_from_headers() {
        assert_eq!(png_size(&png_header(640, 480)), Some((640, 480)));
        assert!(check_pixels("png", &png_header(6000, 6000)).is_ok());
        let refused = check_pixels("png", &png_header(90_000, 90_000)).unwrap_err();
        assert!(refused.contains("90000 × 90000 pixels"), "{refused}");
        // SOI, an APP0 segment of 4 bytes, then SOF0 of 1000 × 3000.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0x0B, 0xB8, 0x03, 0xE8,
        ];
        assert_eq!(jpeg_size(&jpeg), Some((1000, 3000)));
        assert_eq!(jpeg_size(&jpeg[..12]), None);
        assert!(
            check_pixels(
                "svg",
                b"<svg><image href='data:image/png;base64,AAAA'/></svg>"
            )
            .is_err()
        );
    }
}
