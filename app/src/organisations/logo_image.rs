//! Checking, re-encoding and storing organisation logos. Server only.
//!
//! The uploaded bytes are never kept or served. The file is identified by
//! its content (not its name or declared type), decoded within strict
//! limits, turned upright, scaled down to fit 512 px and encoded again as
//! PNG, which drops every piece of metadata (EXIF, GPS, comments) and
//! anything hidden after the image data.

use std::io::Cursor;

use image::{imageops::FilterType, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

pub use super::logo::LogoError;
use crate::{auth::server::now, db::Db};

pub const MAX_BYTES: usize = 1024 * 1024;
/// Larger pictures are refused before decoding (a 1 MB file can claim
/// enormous dimensions).
const MAX_INPUT_SIDE: u32 = 4096;
/// Stored logos fit in this square.
pub const MAX_SIDE: u32 = 512;

/// A logo ready to store: PNG, at most 512 × 512.
#[derive(Debug, Clone)]
pub struct Logo {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub sha256: String,
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with('<') && (text.contains("<svg") || trimmed.starts_with("<?xml"))
}

/// Checks and re-encodes an upload. CPU-bound: call it off the async
/// threads (see [`normalise_blocking`]).
pub fn normalise(bytes: &[u8]) -> Result<Logo, LogoError> {
    if bytes.is_empty() {
        return Err(LogoError::Missing);
    }
    if bytes.len() > MAX_BYTES {
        return Err(LogoError::TooLarge);
    }
    if looks_like_svg(bytes) {
        return Err(LogoError::Svg);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| LogoError::NotAnImage)?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)
    ) {
        return Err(LogoError::NotAnImage);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_INPUT_SIDE);
    limits.max_image_height = Some(MAX_INPUT_SIDE);
    limits.max_alloc = Some(128 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => LogoError::TooManyPixels,
        _ => LogoError::Unreadable,
    })?;
    let orientation = decoder.orientation().map_err(|_| LogoError::Unreadable)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => LogoError::TooManyPixels,
        _ => LogoError::Unreadable,
    })?;
    img.apply_orientation(orientation);
    if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, FilterType::Lanczos3);
    }
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png)
        .map_err(|_| LogoError::Unreadable)?;
    let png = out.into_inner();
    let sha256 = Sha256::digest(&png)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Logo {
        width: img.width(),
        height: img.height(),
        png,
        sha256,
    })
}

/// [`normalise`] on the blocking pool.
pub async fn normalise_blocking(bytes: Vec<u8>) -> Result<Logo, LogoError> {
    tokio::task::spawn_blocking(move || normalise(&bytes))
        .await
        .unwrap_or(Err(LogoError::Unreadable))
}

/// Stores `logo` as organisation `organisation_id`'s, replacing any other,
/// in the caller's transaction.
pub async fn store<'e, E>(
    executor: E,
    organisation_id: &str,
    logo: &Logo,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO organisation_logos \
         (organisation_id, content_type, bytes, sha256, width, height, updated_at) \
         VALUES ($1, 'image/png', $2, $3, $4, $5, $6) \
         ON CONFLICT (organisation_id) DO UPDATE SET bytes = excluded.bytes, \
         sha256 = excluded.sha256, width = excluded.width, height = excluded.height, \
         updated_at = excluded.updated_at",
    )
    .bind(organisation_id)
    .bind(logo.png.clone())
    .bind(&logo.sha256)
    .bind(i64::from(logo.width))
    .bind(i64::from(logo.height))
    .bind(now())
    .execute(executor)
    .await
    .map(|_| ())
}

/// A stored logo (PNG bytes and their SHA-256), confined to `scope` (the
/// caller's organisation for partner people, `None` for vendor staff).
pub async fn load(
    db: &Db,
    organisation_id: &str,
    scope: Option<&str>,
) -> Result<Option<(Vec<u8>, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT bytes, sha256 FROM organisation_logos WHERE organisation_id = $1 AND {}",
        crate::auth::policy::tenant_scoped("organisation_id", "$2")
    ))
    .bind(organisation_id)
    .bind(scope)
    .fetch_optional(&db.pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb, RgbImage};

    fn encoded(img: &RgbImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    fn picture(width: u32, height: u32) -> RgbImage {
        ImageBuffer::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        })
    }

    #[test]
    fn png_jpeg_and_webp_are_re_encoded_as_png() {
        for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP] {
            let logo = normalise(&encoded(&picture(120, 60), format)).unwrap();
            assert!(logo.png.starts_with(b"\x89PNG\r\n\x1a\n"), "{format:?}");
            assert_eq!((logo.width, logo.height), (120, 60));
            assert_eq!(logo.sha256.len(), 64);
        }
    }

    #[test]
    fn large_pictures_are_scaled_to_fit_keeping_their_shape() {
        let logo = normalise(&encoded(&picture(2000, 1000), ImageFormat::Png)).unwrap();
        assert_eq!((logo.width, logo.height), (512, 256));
    }

    #[test]
    fn metadata_and_trailing_bytes_are_dropped() {
        let mut png = encoded(&picture(40, 40), ImageFormat::Png);
        // A text chunk would survive a naive copy; appended data too.
        let end = png.len() - 12;
        let mut chunk = Vec::new();
        let data = b"Comment\0secret location 51.5N";
        chunk.extend_from_slice(&(data.len() as u32).to_be_bytes());
        chunk.extend_from_slice(b"tEXt");
        chunk.extend_from_slice(data);
        chunk.extend_from_slice(&[0, 0, 0, 0]);
        png.splice(end..end, chunk);
        png.extend_from_slice(b"<script>alert(1)</script>");
        let logo = normalise(&png).unwrap_or_else(|e| panic!("{e:?}"));
        let text = String::from_utf8_lossy(&logo.png);
        assert!(!text.contains("secret location"));
        assert!(!text.contains("<script>"));
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(normalise(b"").unwrap_err(), LogoError::Missing);
        assert_eq!(
            normalise(&vec![0u8; MAX_BYTES + 1]).unwrap_err(),
            LogoError::TooLarge
        );
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
        assert_eq!(normalise(svg).unwrap_err(), LogoError::Svg);
        assert_eq!(
            normalise(b"<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap_err(),
            LogoError::Svg
        );
        assert_eq!(
            normalise(b"GIF89a\x01\x00\x01\x00").unwrap_err(),
            LogoError::NotAnImage
        );
        assert_eq!(
            normalise(b"%PDF-1.7 not a logo").unwrap_err(),
            LogoError::NotAnImage
        );
        let png = encoded(&picture(30, 30), ImageFormat::Png);
        assert_eq!(
            normalise(&png[..png.len() / 2]).unwrap_err(),
            LogoError::Unreadable
        );
        let huge = encoded(
            &ImageBuffer::from_pixel(5000, 10, Rgb([1u8, 2, 3])),
            ImageFormat::Png,
        );
        assert_eq!(normalise(&huge).unwrap_err(), LogoError::TooManyPixels);
    }
}
