//! Checking a new asset's details, field by field, the same in the form
//! and on the server.

use serde::{Deserialize, Serialize};

use super::{AssetKind, AssetLanguage, Product, UseCase, ANY_INDUSTRY};
use crate::{
    error::AppError,
    organisations::PartnerType,
    recruit::Industry,
    values::{required_text, video_link, FieldErrors},
};

/// A new asset's details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAsset {
    pub title: String,
    pub description: String,
    pub kind: AssetKind,
    pub use_case: UseCase,
    /// An `Industry` code or "any".
    pub industry: String,
    pub product: Product,
    pub language: AssetLanguage,
    /// Comma lists of partner type codes and tier ids; empty: everyone.
    pub partner_types: String,
    pub tiers: String,
    pub expires_at: Option<i64>,
    pub video_url: Option<String>,
}

/// What the form sends (fields `asset[title]` and so on).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetInput {
    pub title: String,
    pub description: String,
    pub kind: String,
    pub use_case: String,
    pub industry: String,
    pub product: String,
    pub language: String,
    #[serde(default)]
    pub partner_types: Vec<String>,
    #[serde(default)]
    pub tiers: Vec<String>,
    #[serde(default)]
    pub expires_on: String,
    #[serde(default)]
    pub video_url: String,
}

/// Checks `form`; `known_tiers` are the tier ids that exist and `today`
/// the Unix time now (an expiry must be after today).
pub fn validate(form: &AssetInput, known_tiers: &[String], now: i64) -> Result<NewAsset, AppError> {
    let mut errors = FieldErrors::new();
    let title = required_text(
        &mut errors,
        "title",
        &form.title,
        200,
        t!("Give it a title of at most 200 characters."),
    );
    let description = required_text(
        &mut errors,
        "description",
        &form.description,
        2000,
        t!("Describe it in at most 2,000 characters: partners search these words."),
    );
    let kind = AssetKind::parse(&form.kind);
    if kind.is_none() {
        errors.push(("kind", t!("Choose what it is.")));
    }
    let use_case = UseCase::parse(&form.use_case);
    if use_case.is_none() {
        errors.push(("use_case", t!("Choose what partners use it for.")));
    }
    let industry = if form.industry == ANY_INDUSTRY || Industry::parse(&form.industry).is_some() {
        Some(form.industry.clone())
    } else {
        errors.push(("industry", t!("Choose an industry, or every industry.")));
        None
    };
    let product = Product::parse(&form.product);
    if product.is_none() {
        errors.push(("product", t!("Choose the product it is about.")));
    }
    let language = AssetLanguage::parse(&form.language);
    if language.is_none() {
        errors.push(("language", t!("Choose its language.")));
    }
    if form
        .partner_types
        .iter()
        .any(|t| PartnerType::parse(t).is_none())
    {
        errors.push(("partner_types", t!("Choose partner types from the list.")));
    }
    if form.tiers.iter().any(|t| !known_tiers.contains(t)) {
        errors.push(("tiers", t!("Choose tiers from the list.")));
    }
    let expires_at = match form.expires_on.trim() {
        "" => None,
        date => match crate::format::epoch_of_date(date) {
            // Valid through the day it names.
            Some(start) if start + 86_400 > now => Some(start + 86_400),
            Some(_) => {
                errors.push(("expires_on", t!("An expiry date must be in the future.")));
                None
            }
            None => {
                errors.push(("expires_on", t!("Enter a date like 2027-06-30.")));
                None
            }
        },
    };
    let video_url = video_link(&mut errors, &form.video_url);
    let (Some(kind), Some(use_case), Some(industry), Some(product), Some(language), true) = (
        kind,
        use_case,
        industry,
        product,
        language,
        errors.is_empty(),
    ) else {
        return Err(AppError::fields(errors));
    };
    Ok(NewAsset {
        title: title.to_owned(),
        description: description.to_owned(),
        kind,
        use_case,
        industry,
        product,
        language,
        partner_types: crate::values::comma_list(&form.partner_types),
        tiers: crate::values::comma_list(&form.tiers),
        expires_at,
        video_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AssetInput {
        AssetInput {
            title: " Zero-trust playbook ".into(),
            description: "How to sell zero trust to hospitals.".into(),
            kind: "playbook".into(),
            use_case: "selling".into(),
            industry: "healthcare".into(),
            product: "security".into(),
            language: "en".into(),
            ..AssetInput::default()
        }
    }

    #[test]
    fn a_complete_form_is_kept_trimmed_with_sorted_audiences() {
        let f = AssetInput {
            partner_types: vec!["si".into(), "msp".into(), "msp".into()],
            tiers: vec!["gold".into()],
            expires_on: "2027-06-30".into(),
            ..form()
        };
        let a = validate(&f, &["gold".to_owned()], 0).unwrap();
        assert_eq!(a.title, "Zero-trust playbook");
        assert_eq!(a.partner_types, "msp,si");
        assert_eq!(a.tiers, "gold");
        assert_eq!(a.expires_at, crate::format::epoch_of_date("2027-07-01"));
    }

    #[test]
    fn each_bad_field_is_named() {
        let f = AssetInput {
            title: String::new(),
            kind: "memo".into(),
            industry: "mining".into(),
            partner_types: vec!["bank".into()],
            tiers: vec!["diamond".into()],
            expires_on: "2020-01-01".into(),
            video_url: "javascript:alert(1)".into(),
            ..form()
        };
        let err = validate(&f, &["gold".to_owned()], 1_800_000_000).unwrap_err();
        for field in [
            "title",
            "kind",
            "industry",
            "partner_types",
            "tiers",
            "expires_on",
            "video_url",
        ] {
            assert!(err.message_for(field).is_some(), "{field}");
        }
        assert!(err.message_for("description").is_none());
    }
}
