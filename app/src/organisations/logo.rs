//! Organisation logos (later used for co-branding): why an upload is
//! refused, in words for the person uploading. The checks themselves are in
//! `logo_image` (server only).

/// Why an upload was refused; each has a message for the person uploading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoError {
    Missing,
    TooLarge,
    Svg,
    NotAnImage,
    TooManyPixels,
    Unreadable,
}

impl LogoError {
    pub const ALL: [LogoError; 6] = [
        LogoError::Missing,
        LogoError::TooLarge,
        LogoError::Svg,
        LogoError::NotAnImage,
        LogoError::TooManyPixels,
        LogoError::Unreadable,
    ];

    /// A short code carried in the redirect back to the profile page.
    pub fn code(self) -> &'static str {
        match self {
            LogoError::Missing => "missing",
            LogoError::TooLarge => "too-large",
            LogoError::Svg => "svg",
            LogoError::NotAnImage => "not-an-image",
            LogoError::TooManyPixels => "too-many-pixels",
            LogoError::Unreadable => "unreadable",
        }
    }

    pub fn from_code(code: &str) -> Option<LogoError> {
        LogoError::ALL.into_iter().find(|e| e.code() == code)
    }

    /// In the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            LogoError::Missing => t!("Choose a file to upload."),
            LogoError::TooLarge => t!("That file is larger than 1 MB. Upload a smaller logo."),
            LogoError::Svg => {
                t!("SVG files are not accepted (they can carry scripts). Upload a PNG, JPEG or WebP.")
            }
            LogoError::NotAnImage => t!("That file is not a PNG, JPEG or WebP image."),
            LogoError::TooManyPixels => {
                t!("That picture is larger than 4096 × 4096 pixels. Upload a smaller logo.")
            }
            LogoError::Unreadable => {
                t!("That image is damaged or incomplete. Export it again and retry.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_round_trip() {
        for error in LogoError::ALL {
            assert_eq!(LogoError::from_code(error.code()), Some(error));
            assert!(error.message().ends_with('.'));
        }
        assert_eq!(LogoError::from_code("nope"), None);
    }
}
