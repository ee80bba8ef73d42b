//! QR codes as inline SVG, drawn on the server: black on white with a
//! quiet zone, so any phone camera reads them in light and dark themes.

use qrcode::{render::svg, EcLevel, QrCode};

/// `text` as an SVG QR code at least 200 px square, or `None` when it is
/// too long for one.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    svg.find("<svg").map(|start| svg[start..].to_owned())
}
