//! Wire types of the asset library and help search: what a reader may see
//! of an asset, and nothing of who else read it unless they are vendor
//! staff.

use serde::{Deserialize, Serialize};

/// An asset in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetCard {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Codes of `AssetKind`, `UseCase`, `Industry` (or "any"), `Product`,
    /// `AssetLanguage`.
    pub kind: String,
    pub use_case: String,
    pub industry: String,
    pub product: String,
    pub language: String,
    pub file_name: Option<String>,
    pub byte_size: Option<i64>,
    pub video_url: Option<String>,
    pub expires_at: Option<i64>,
}

/// How many of the matching assets have one value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    /// "kind", "use_case", "industry", "product" or "language".
    pub field: String,
    pub code: String,
    pub count: i64,
}

/// What a search asks for: words and a value per facet (each optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFilter {
    pub q: String,
    pub kind: Option<String>,
    pub use_case: Option<String>,
    pub industry: Option<String>,
    pub product: Option<String>,
    pub language: Option<String>,
    /// The page, from 1; out of range counts as the nearest page.
    pub page: i64,
}

/// A page of search results, the facets of everything that matched, and
/// whether the viewer may add assets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetResults {
    pub total: i64,
    pub assets: Vec<AssetCard>,
    pub facets: Vec<Facet>,
    pub may_upload: bool,
    /// The words match more than `server::MANY` assets: listed newest
    /// first, the facets offered without counts.
    pub broad: bool,
    /// More assets match than `total` says.
    pub more: bool,
    /// The page shown, from 1, and how many may be paged through (the
    /// first `server::MANY` results at most).
    pub page: i64,
    pub pages: i64,
}

/// One partner's use of an asset (vendor staff see these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerUse {
    pub organisation_name: String,
    pub views: i64,
    pub downloads: i64,
}

/// An asset's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetDetail {
    pub card: AssetCard,
    pub views: i64,
    pub downloads: i64,
    /// Who may see it (codes), for those who manage it.
    pub partner_types: String,
    pub tiers: String,
    /// The viewer may upload its file and archive it.
    pub may_manage: bool,
    /// Per partner, for vendor staff; empty for partners.
    pub by_partner: Vec<PartnerUse>,
}

/// A question the program admin answers for every partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// Where a help search hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelpSource {
    Faq,
    Rules,
    Course,
    Lesson,
    Asset,
}

/// One help search hit: what it is, a line of context, where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpHit {
    pub source: HelpSource,
    pub title: String,
    pub snippet: String,
    pub href: String,
}

/// Everything the help search found for a query, best kinds first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpResults {
    pub query: String,
    pub hits: Vec<HelpHit>,
}
