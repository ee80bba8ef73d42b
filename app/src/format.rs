//! Numbers as people read them.

/// Basis points as a whole or one-decimal percentage: 1500 → "15%", 1250 → "12.5%".
pub fn percent_from_bp(bp: i64) -> String {
    if bp % 100 == 0 {
        format!("{}%", bp / 100)
    } else {
        format!("{}.{}%", bp / 100, (bp % 100).abs() / 10)
    }
}

/// Whole US dollars with thousands separators: 2_000_000 cents → "$20,000".
pub fn usd_from_cents(cents: i64) -> String {
    let dollars = cents / 100;
    let digits = dollars.abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if dollars < 0 {
        format!("-${grouped}")
    } else {
        format!("${grouped}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(percent_from_bp(1500), "15%");
        assert_eq!(percent_from_bp(1250), "12.5%");
        assert_eq!(percent_from_bp(0), "0%");
    }

    #[test]
    fn dollars() {
        assert_eq!(usd_from_cents(0), "$0");
        assert_eq!(usd_from_cents(99_900), "$999");
        assert_eq!(usd_from_cents(500_000), "$5,000");
        assert_eq!(usd_from_cents(6_000_000), "$60,000");
        assert_eq!(usd_from_cents(12_345_678_900), "$123,456,789");
        assert_eq!(usd_from_cents(-250_000), "-$2,500");
    }
}
