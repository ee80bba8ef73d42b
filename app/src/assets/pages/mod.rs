//! The asset library's and help's pages, one file per page, and the labels
//! they share.

mod asset;
mod help;
mod library;
mod new;

pub use asset::AssetPage;
pub use help::{FaqPage, HelpPage};
pub use library::AssetsPage;
pub use new::NewAssetPage;

use super::{AssetKind, AssetLanguage, Product, UseCase, ANY_INDUSTRY};
use crate::recruit::Industry;

/// The label of facet `field`'s value `code`, in the reader's language.
pub(super) fn facet_label(field: &str, code: &str) -> String {
    let label = match field {
        "kind" => AssetKind::parse(code).map(AssetKind::label),
        "use_case" => UseCase::parse(code).map(UseCase::label),
        "industry" if code == ANY_INDUSTRY => Some(t!("Every industry")),
        "industry" => Industry::parse(code).map(Industry::label),
        "product" => Product::parse(code).map(Product::label),
        "language" => AssetLanguage::parse(code).map(AssetLanguage::label),
        _ => None,
    };
    label.unwrap_or(code).to_owned()
}
