//! Numbers as people read them.

/// Basis points as a whole or one-decimal percentage: 1500 → "15%", 1250 → "12.5%".
pub fn percent_from_bp(bp: i64) -> String {
    if bp % 100 == 0 {
        format!("{}%", bp / 100)
    } else {
        format!("{}.{}%", bp / 100, (bp % 100).abs() / 10)
    }
}

/// The whole units of an amount in cents, with thousands separators and
/// without the sign: 2_000_000 → "20,000".
fn grouped_whole(cents: i64) -> String {
    let digits = (cents / 100).abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

/// A count with thousands separators: 20000 → "20,000".
pub fn count(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", grouped_whole(n.saturating_mul(100)))
}

/// Whole US dollars with thousands separators: 2_000_000 cents → "$20,000".
pub fn usd_from_cents(cents: i64) -> String {
    let sign = if cents / 100 < 0 { "-" } else { "" };
    format!("{sign}${}", grouped_whole(cents))
}

/// Whole units and the currency code: 1_250_000 cents, "EUR" → "12,500 EUR".
pub fn amount_from_cents(cents: i64, currency: &str) -> String {
    let sign = if cents / 100 < 0 { "-" } else { "" };
    format!("{sign}{} {currency}", grouped_whole(cents))
}

/// A Unix time as `YYYY-MM-DD HH:MM UTC`: enough to recognise an event.
pub fn utc_minute(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// The server's clock in Unix seconds (pages render on the server).
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// A Unix time as its UTC date, `YYYY-MM-DD`.
pub fn utc_date(epoch: i64) -> String {
    let (y, m, d) = civil_from_days(epoch.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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
    fn utc_times() {
        assert_eq!(utc_minute(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_minute(1_767_225_600), "2026-01-01 00:00 UTC");
        assert_eq!(utc_minute(1_795_387_000), "2026-11-22 22:36 UTC");
        assert_eq!(utc_minute(951_782_400), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn dollars() {
        assert_eq!(usd_from_cents(0), "$0");
        assert_eq!(usd_from_cents(99_900), "$999");
        assert_eq!(usd_from_cents(500_000), "$5,000");
        assert_eq!(usd_from_cents(6_000_000), "$60,000");
        assert_eq!(usd_from_cents(12_345_678_900), "$123,456,789");
        assert_eq!(usd_from_cents(-250_000), "-$2,500");
        assert_eq!(amount_from_cents(1_250_000, "EUR"), "12,500 EUR");
        assert_eq!(amount_from_cents(99, "USD"), "0 USD");
    }
}
