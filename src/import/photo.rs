//! A photo named by the source document. vitae embeds only an image file in
//! the profile's folder (`basics.photo`), never a link: the import sets the
//! photo when the file is there, and otherwise says what to do, so a
//! profile never names a photo that stops the render.

use std::path::Path;

/// The image types vitae embeds.
const IMAGES: &[&str] = &["png", "jpg", "jpeg", "svg"];

/// `written` as `basics.photo` when it is an image file in `folder`; else
/// the note to list, naming `at`, where it was in the source.
pub(super) fn photo(written: &str, folder: &Path, at: &str) -> Result<String, String> {
    let path = Path::new(written);
    let is_image = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGES.contains(&e.to_ascii_lowercase().as_str()));
    let is_link = written.contains("://");
    if !is_link && is_image && path.is_relative() && folder.join(path).is_file() {
        return Ok(written.to_string());
    }
    let why = if is_link {
        "a link: vitae embeds only a file next to the profile; download it there and set basics.photo"
    } else if !is_image {
        "not a PNG, JPEG or SVG file"
    } else {
        "no such file next to the profile; copy it there and set basics.photo"
    };
    Err(format!("{at} = \"{written}\" ({why})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_a_file_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("me.jpg"), b"x").unwrap();
        assert_eq!(photo("me.jpg", dir.path(), "cv.photo"), Ok("me.jpg".into()));
        let note = photo("https://example.com/me.jpg", dir.path(), "basics.image").unwrap_err();
        assert!(note.starts_with("basics.image = \"https://example.com/me.jpg\" (a link"));
        assert!(
            photo("other.jpg", dir.path(), "x")
                .unwrap_err()
                .contains("no such file")
        );
    }
}
