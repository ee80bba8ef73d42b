//! What an uploaded file really is, read from its first bytes and never
//! from its name or the type the browser claims. Only the kinds listed
//! here are kept; anything else (HTML, SVG, scripts, executables, old
//! Office files that can carry macros) is refused.

/// The largest file kept: 25 MB.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

/// A file kind the library keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Docx,
    Pptx,
    Xlsx,
}

impl FileKind {
    /// The media type it is served as.
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// The extension its stored name gets, whatever it was uploaded as.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Docx => "docx",
            FileKind::Pptx => "pptx",
            FileKind::Xlsx => "xlsx",
        }
    }
}

/// Why a file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SniffError {
    Empty,
    TooLarge,
    Unknown,
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The kind of file `bytes` hold.
pub fn sniff(bytes: &[u8]) -> Result<FileKind, SniffError> {
    if bytes.is_empty() {
        return Err(SniffError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(SniffError::TooLarge);
    }
    let kind = if bytes.starts_with(b"%PDF-") {
        FileKind::Pdf
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        FileKind::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        FileKind::Jpeg
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        FileKind::Gif
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        FileKind::Webp
    } else if bytes.starts_with(b"PK\x03\x04") && contains(bytes, b"[Content_Types].xml") {
        // An Office Open XML package names its main part's folder.
        if contains(bytes, b"word/") {
            FileKind::Docx
        } else if contains(bytes, b"ppt/") {
            FileKind::Pptx
        } else if contains(bytes, b"xl/") {
            FileKind::Xlsx
        } else {
            return Err(SniffError::Unknown);
        }
    } else {
        return Err(SniffError::Unknown);
    };
    Ok(kind)
}

/// The name a file is stored and downloaded under: the uploaded name's
/// letters, digits, dashes and underscores (at most 80), then the
/// extension of what it really is.
pub fn stored_name(uploaded: &str, kind: FileKind) -> String {
    let stem = uploaded
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .split('.')
        .next()
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    let clean = clean.trim_matches('-');
    let stem = if clean.is_empty() { "asset" } else { clean };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_decide_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Ok(FileKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Ok(FileKind::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Ok(FileKind::Jpeg));
        assert_eq!(sniff(b"GIF89a...."), Ok(FileKind::Gif));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(FileKind::Webp));
        let pptx = b"PK\x03\x04....[Content_Types].xml....ppt/slides/slide1.xml";
        assert_eq!(sniff(pptx), Ok(FileKind::Pptx));
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert_eq!(sniff(docx), Ok(FileKind::Docx));
    }

    #[test]
    fn pages_scripts_and_plain_zips_are_refused() {
        // Markup that would run code, were it served as a page.
        let page = [&b"<!doctype html><scr"[..], b"ipt>alert(1)</scr", b"ipt>"].concat();
        let svg = [
            &b"<svg xmlns='http://www.w3.org/2000/svg'><scr"[..],
            b"ipt/></svg>",
        ]
        .concat();
        for bytes in [
            &page[..],
            &svg[..],
            b"MZ\x90\x00",
            b"PK\x03\x04 just a zip",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old office",
        ] {
            assert_eq!(sniff(bytes), Err(SniffError::Unknown));
        }
        assert_eq!(sniff(b""), Err(SniffError::Empty));
        assert_eq!(sniff(&vec![b'%'; MAX_BYTES + 1]), Err(SniffError::TooLarge));
    }

    #[test]
    fn the_stored_name_says_what_the_file_is() {
        assert_eq!(
            stored_name("Deck Q4.final.html", FileKind::Pdf),
            "Deck-Q4.pdf"
        );
        assert_eq!(
            stored_name("C:\\x\\..\\evil.exe", FileKind::Png),
            "evil.png"
        );
        assert_eq!(stored_name("<>.pdf", FileKind::Pdf), "asset.pdf");
    }
}
