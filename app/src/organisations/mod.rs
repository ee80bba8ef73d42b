//! Organisations and people: the vocabulary every area shares.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod logo;
#[cfg(feature = "ssr")]
pub mod logo_image;
mod page;
pub mod profile;
#[cfg(feature = "ssr")]
pub mod server;
mod status_panel;
mod types;

pub use page::OrganisationPage;
pub use types::{OrganisationDetails, PersonSummary};

use crate::values::text_enum;

text_enum!(
    /// How a partner goes to market.
    PartnerType {
        Var => "var", t!("Value-added reseller");
        Msp => "msp", t!("Managed service provider");
        Si => "si", t!("Systems integrator");
        Isv => "isv", t!("Independent software vendor");
        Referral => "referral", t!("Referral / influence partner");
        Distributor => "distributor", t!("Distributor");
    }
);

text_enum!(
    /// Sales regions partners are grouped by.
    Region {
        NorthAmerica => "north_america", t!("North America");
        Latam => "latam", t!("Latin America");
        Emea => "emea", t!("Europe, Middle East & Africa");
        Apac => "apac", t!("Asia Pacific");
    }
);

text_enum!(
    /// Where a partner stands in its lifecycle.
    PartnerStatus {
        Applicant => "applicant", t!("Applicant");
        Onboarding => "onboarding", t!("Onboarding");
        Active => "active", t!("Active");
        AtRisk => "at_risk", t!("At risk");
        Offboarded => "offboarded", t!("Offboarded");
    }
);

text_enum!(
    /// What a person may do: three vendor roles, two partner roles.
    Role {
        ProgramAdmin => "program_admin", t!("Program admin");
        ChannelManager => "channel_manager", t!("Channel manager");
        Marketer => "marketer", t!("Marketer");
        PartnerAdmin => "partner_admin", t!("Partner admin");
        PartnerUser => "partner_user", t!("Partner user");
    }
);

impl PartnerType {
    /// One line on what this kind of partner does with the program.
    pub fn description(self) -> &'static str {
        match self {
            PartnerType::Var => t!("Resells Acme Cloud with its own services on top."),
            PartnerType::Msp => t!("Runs Acme Cloud for customers as a managed service."),
            PartnerType::Si => t!("Designs and implements projects that include Acme Cloud."),
            PartnerType::Isv => t!("Builds software that integrates with or runs on Acme Cloud."),
            PartnerType::Referral => t!("Introduces customers and earns a referral fee."),
            PartnerType::Distributor => {
                t!("Supplies resellers in its region and runs their logistics.")
            }
        }
    }
}

/// The part of a public address naming an organisation: its name in
/// lower case, letters and digits kept (accents dropped), everything else
/// one hyphen. "Northwind Solutions" → `northwind-solutions`.
pub fn slug_of(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => 'a',
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => 'o',
            'ü' | 'ù' | 'ú' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            'ß' => 's',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "partner".to_owned()
    } else {
        slug.to_owned()
    }
}

impl Role {
    /// Vendor roles belong to the program owner; the others to partners.
    pub fn is_vendor(self) -> bool {
        matches!(
            self,
            Role::ProgramAdmin | Role::ChannelManager | Role::Marketer
        )
    }

    /// Whether someone in a vendor (`true`) or partner organisation may
    /// hold this role.
    pub fn fits(self, vendor_organisation: bool) -> bool {
        self.is_vendor() == vendor_organisation
    }

    /// The roles such an organisation can give, least privileged first.
    pub fn for_organisation(vendor_organisation: bool) -> impl Iterator<Item = Role> {
        Role::ALL
            .iter()
            .rev()
            .copied()
            .filter(move |r| r.fits(vendor_organisation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for t in PartnerType::ALL {
            assert_eq!(PartnerType::parse(t.code()), Some(*t));
        }
        for r in Region::ALL {
            assert_eq!(Region::parse(r.code()), Some(*r));
        }
        for s in PartnerStatus::ALL {
            assert_eq!(PartnerStatus::parse(s.code()), Some(*s));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(*r));
        }
    }

    #[test]
    fn slugs_are_plain_words_and_hyphens() {
        assert_eq!(slug_of("Northwind Solutions"), "northwind-solutions");
        assert_eq!(slug_of("  Müller & Söhne GmbH. "), "muller-sohne-gmbh");
        assert_eq!(slug_of("<b>Bold</b>"), "b-bold-b");
        assert_eq!(slug_of("!!!"), "partner");
        assert!(slug_of(&"a b ".repeat(50)).len() <= 60);
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(PartnerType::parse("VAR"), None);
        assert_eq!(Role::parse("admin"), None);
        assert_eq!(PartnerStatus::parse(""), None);
    }

    #[test]
    fn vendor_and_partner_roles_are_distinct() {
        let vendor: Vec<_> = Role::ALL.iter().filter(|r| r.is_vendor()).collect();
        assert_eq!(vendor.len(), 3);
        assert!(!Role::PartnerAdmin.is_vendor());
        assert!(!Role::PartnerUser.is_vendor());
    }

    #[test]
    fn each_kind_of_organisation_offers_its_roles_least_privileged_first() {
        let partner: Vec<_> = Role::for_organisation(false).collect();
        assert_eq!(partner, [Role::PartnerUser, Role::PartnerAdmin]);
        let vendor: Vec<_> = Role::for_organisation(true).collect();
        assert_eq!(
            vendor,
            [Role::Marketer, Role::ChannelManager, Role::ProgramAdmin]
        );
        assert!(Role::PartnerAdmin.fits(false) && !Role::PartnerAdmin.fits(true));
    }
}
