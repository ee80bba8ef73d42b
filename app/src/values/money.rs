//! Amounts of money: integer minor units and a known currency, never a
//! float and never a bare number.

use super::text_enum;

text_enum!(
    /// The currencies a registration may be in.
    Currency {
        Usd => "USD", "USD";
        Eur => "EUR", "EUR";
        Gbp => "GBP", "GBP";
        Cad => "CAD", "CAD";
        Aud => "AUD", "AUD";
        Jpy => "JPY", "JPY";
        Brl => "BRL", "BRL";
        Inr => "INR", "INR";
    }
);

impl Currency {
    /// US dollars per unit, in millionths: the program's fixed reference
    /// rates, used to total revenue across currencies (tier thresholds and
    /// the fit score are in US dollars).
    pub fn usd_rate_ppm(self) -> i64 {
        match self {
            Currency::Usd => 1_000_000,
            Currency::Eur => 1_080_000,
            Currency::Gbp => 1_270_000,
            Currency::Cad => 730_000,
            Currency::Aud => 660_000,
            Currency::Jpy => 6_700,
            Currency::Brl => 180_000,
            Currency::Inr => 12_000,
        }
    }

    /// `minor` units of this currency in US cents, at the reference rate.
    pub fn to_usd_cents(self, minor: i64) -> i64 {
        (i128::from(minor) * i128::from(self.usd_rate_ppm()) / 1_000_000) as i64
    }
}

/// An amount in minor units (cents) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// Whole units with thousands separators and the code: "12,500 EUR".
    pub fn whole(self) -> String {
        crate::format::amount_from_cents(self.minor, self.currency.code())
    }
}

/// Parses an amount as the reader writes it, as minor units (cents):
/// "12,500.50" in English, "12.500,50" in German, "12500" in both; at most
/// two decimals; spaces and underscores group too.
pub fn parse_minor_units(text: &str) -> Option<i64> {
    parse_minor_units_in(crate::i18n::Locale::current(), text)
}

/// [`parse_minor_units`] as `locale` writes amounts.
pub fn parse_minor_units_in(locale: crate::i18n::Locale, text: &str) -> Option<i64> {
    let (grouping, decimal) = match locale {
        crate::i18n::Locale::En => (',', '.'),
        crate::i18n::Locale::De => ('.', ','),
    };
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}') && *c != grouping)
        .collect();
    let (whole, fraction) = cleaned.split_once(decimal).unwrap_or((&cleaned, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > 2 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents = format!("{fraction:0<2}").parse::<i64>().ok()?;
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revenue_converts_to_us_cents_at_the_reference_rate() {
        assert_eq!(Currency::Usd.to_usd_cents(12_345), 12_345);
        assert_eq!(Currency::Eur.to_usd_cents(100_000), 108_000);
        assert_eq!(Currency::Jpy.to_usd_cents(100_000_000), 670_000);
        assert!(Currency::Gbp.to_usd_cents(i64::MAX / 2) > 0, "no overflow");
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_minor_units("25000"), Some(2_500_000));
        assert_eq!(parse_minor_units("1,234.5"), Some(123_450));
        assert_eq!(parse_minor_units("0.99"), Some(99));
        for bad in ["", "abc", "1.234", "-3", "1e6", ".5"] {
            assert_eq!(parse_minor_units(bad), None, "{bad}");
        }
    }

    #[test]
    fn german_amounts_group_with_points() {
        let de = crate::i18n::Locale::De;
        assert_eq!(parse_minor_units_in(de, "42.000"), Some(4_200_000));
        assert_eq!(parse_minor_units_in(de, "1.234,5"), Some(123_450));
        assert_eq!(parse_minor_units_in(de, "0,99"), Some(99));
        assert_eq!(parse_minor_units_in(de, "25000"), Some(2_500_000));
        for bad in ["", "1,234", "-3", ",5", "1.2.3,4,5"] {
            assert_eq!(parse_minor_units_in(de, bad), None, "{bad}");
        }
    }

    #[test]
    fn currencies_are_known_codes() {
        assert_eq!(Currency::parse("EUR"), Some(Currency::Eur));
        assert_eq!(Currency::parse("eur"), None);
        assert_eq!(Currency::ALL.len(), 8);
        let money = Money {
            minor: 1_250_000,
            currency: Currency::Eur,
        };
        assert_eq!(money.whole(), "12,500 EUR");
    }
}
