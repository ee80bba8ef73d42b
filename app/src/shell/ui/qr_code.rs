//! A QR code: an SVG drawn on the server by `crate::qr` (black on white
//! with a quiet zone, no scripts or styles, so the CSP allows it inline),
//! named for screen readers.

use leptos::prelude::*;

/// Shows `svg` (from `crate::qr::svg`, never text anyone typed) as an image
/// labelled `label`, `size` square (a Tailwind size class).
#[component]
pub fn QrCode(
    svg: String,
    #[prop(into)] label: String,
    #[prop(default = "size-48")] size: &'static str,
) -> impl IntoView {
    let class = format!("{size} shrink-0 rounded-lg bg-white p-1 [&>svg]:size-full");
    view! { <div role="img" aria-label=label class=class inner_html=svg></div> }
}
