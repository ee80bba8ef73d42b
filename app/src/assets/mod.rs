//! The asset library: what vendor marketers and the program admin publish
//! for partners (decks, case studies, playbooks, datasheets, logos, video
//! links), who may see each, searching it, and the help search over the
//! library, courses, lessons, the rules of engagement and the FAQ.
//!
//! This module holds the pure rules, tested beside them: the metadata's
//! closed sets, reading a file's real type from its bytes, and turning
//! what someone typed into search terms.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod help;
pub mod new;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
pub mod sniff;
mod types;

pub use pages::{AssetPage, AssetsPage, FaqPage, HelpPage, NewAssetPage};
pub use sniff::{sniff, FileKind, SniffError, MAX_BYTES};
pub use types::{
    AssetCard, AssetDetail, AssetResults, Facet, FaqEntry, HelpHit, HelpResults, HelpSource,
    PartnerUse, SearchFilter,
};

use crate::values::text_enum;

text_enum!(
    /// What an asset is.
    AssetKind {
        SalesDeck => "sales_deck", t!("Sales deck");
        CaseStudy => "case_study", t!("Case study");
        Playbook => "playbook", t!("Playbook");
        Datasheet => "datasheet", t!("Datasheet");
        Whitepaper => "whitepaper", t!("Whitepaper");
        Logo => "logo", t!("Logo");
        Video => "video", t!("Video");
    }
);

text_enum!(
    /// What a partner uses an asset for.
    UseCase {
        Prospecting => "prospecting", t!("Prospecting");
        Selling => "selling", t!("Selling");
        Closing => "closing", t!("Closing");
        Onboarding => "onboarding", t!("Customer onboarding");
        Enablement => "enablement", t!("Enablement");
        Branding => "branding", t!("Co-branding");
    }
);

text_enum!(
    /// The vendor's product an asset is about.
    Product {
        Compute => "compute", t!("Compute");
        Storage => "storage", t!("Storage");
        Databases => "databases", t!("Managed databases");
        Security => "security", t!("Security");
        Platform => "platform", t!("The whole platform");
    }
);

text_enum!(
    /// The language an asset is written in, named in that language.
    AssetLanguage {
        English => "en", "English";
        German => "de", "Deutsch";
    }
);

/// Search results on one page.
pub const PAGE: i64 = 24;

/// Above this many assets having a search's words, ranking and counting
/// them costs more than it tells: those the viewer may see are listed
/// newest first, the facets offered without counts, and the total is
/// "more than" this unless the audience and the facets chosen narrow them
/// below it.
pub const MANY: i64 = 5_000;

/// An asset's industry: one of the industries partners serve, or any.
pub const ANY_INDUSTRY: &str = "any";

/// The most terms a search uses, and the longest term.
const MAX_TERMS: usize = 8;
const MAX_TERM: usize = 40;

/// The words of `query` to search for: runs of letters and digits,
/// lowercased, at most eight of at most 40 characters. Anything else
/// (quotes, operators, punctuation) only separates words, so no input
/// can reach the full-text engines as syntax.
pub fn search_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(MAX_TERM).collect::<String>().to_lowercase())
        .take(MAX_TERMS)
        .collect()
}

/// Whether an asset for `partner_types` and `tiers` (comma lists; empty
/// means everyone) may be seen by a partner of type `partner_type` in
/// tier `tier_id`. The SQL filter says the same; this is its statement.
pub fn audience_includes(
    partner_types: &str,
    tiers: &str,
    partner_type: &str,
    tier_id: &str,
) -> bool {
    let has = |list: &str, code: &str| list.is_empty() || list.split(',').any(|c| c == code);
    has(partner_types, partner_type) && has(tiers, tier_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_are_words_and_nothing_else() {
        assert_eq!(
            search_terms("  Zero-trust \"MIGRATION\" OR *"),
            ["zero", "trust", "migration", "or"]
        );
        assert_eq!(
            search_terms("Lösungsübersicht für Ärzte"),
            ["lösungsübersicht", "für", "ärzte"]
        );
        assert!(search_terms("\" ' ( ) : * - ^").is_empty());
        assert_eq!(search_terms(&"word ".repeat(20)).len(), 8);
        assert_eq!(search_terms(&"x".repeat(100))[0].len(), 40);
    }

    #[test]
    fn an_audience_is_an_allow_list_of_types_and_tiers() {
        assert!(audience_includes("", "", "msp", "gold"));
        assert!(audience_includes("msp,si", "", "msp", "gold"));
        assert!(!audience_includes("msp,si", "", "var", "gold"));
        assert!(audience_includes("", "gold,platinum", "var", "gold"));
        assert!(!audience_includes("", "gold,platinum", "var", "silver"));
        assert!(
            !audience_includes("ms", "", "msp", "gold"),
            "whole codes only"
        );
    }
}
