//! Numbers and times as people read them, in the reader's language:
//! English "12,500 EUR", "12.5%", "2026-12-01 14:05 UTC"; German
//! "12.500 EUR", "12,5 %", "01.12.2026, 14:05 UTC". Each function uses the
//! page's language ([`Locale::current`]); the `_in` forms take one (emails).

use crate::i18n::Locale;

/// Basis points as a whole or one-decimal percentage: 1500 → "15%", 1250 → "12.5%".
pub fn percent_from_bp(bp: i64) -> String {
    percent_from_bp_in(Locale::current(), bp)
}

/// [`percent_from_bp`] in `locale`.
pub fn percent_from_bp_in(locale: Locale, bp: i64) -> String {
    let whole = bp / 100;
    let tenth = (bp % 100).abs() / 10;
    match (locale, bp % 100 == 0) {
        (Locale::En, true) => format!("{whole}%"),
        (Locale::En, false) => format!("{whole}.{tenth}%"),
        (Locale::De, true) => format!("{whole}\u{a0}%"),
        (Locale::De, false) => format!("{whole},{tenth}\u{a0}%"),
    }
}

/// The whole units of an amount in cents, grouped by thousands as
/// `locale` does, without the sign: 2_000_000 → "20,000" / "20.000".
fn grouped_whole(locale: Locale, cents: i64) -> String {
    let separator = match locale {
        Locale::En => ',',
        Locale::De => '.',
    };
    let digits = (cents / 100).abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(ch);
    }
    grouped
}

/// A count with thousands separators: 20000 → "20,000".
pub fn count(n: i64) -> String {
    count_in(Locale::current(), n)
}

/// [`count`] in `locale`: 20000 → "20.000" in German.
pub fn count_in(locale: Locale, n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", grouped_whole(locale, n.saturating_mul(100)))
}

/// Whole US dollars with thousands separators: 2_000_000 cents → "$20,000"
/// ("20.000 $" in German).
pub fn usd_from_cents(cents: i64) -> String {
    usd_from_cents_in(Locale::current(), cents)
}

/// [`usd_from_cents`] in `locale`.
pub fn usd_from_cents_in(locale: Locale, cents: i64) -> String {
    let sign = if cents / 100 < 0 { "-" } else { "" };
    let whole = grouped_whole(locale, cents);
    match locale {
        Locale::En => format!("{sign}${whole}"),
        Locale::De => format!("{sign}{whole}\u{a0}$"),
    }
}

/// Whole units and the currency code: 1_250_000 cents, "EUR" → "12,500 EUR".
pub fn amount_from_cents(cents: i64, currency: &str) -> String {
    amount_from_cents_in(Locale::current(), cents, currency)
}

/// [`amount_from_cents`] in `locale`.
pub fn amount_from_cents_in(locale: Locale, cents: i64, currency: &str) -> String {
    let sign = if cents / 100 < 0 { "-" } else { "" };
    format!("{sign}{} {currency}", grouped_whole(locale, cents))
}

/// An amount to the minor unit, the cents shown when there are any:
/// 1_250_050 cents, "EUR" → "12,500.50 EUR" ("12.500,50 EUR" in German);
/// 1_250_000 → "12,500 EUR". For money that is paid out exactly.
pub fn exact_amount(cents: i64, currency: &str) -> String {
    exact_amount_in(Locale::current(), cents, currency)
}

/// [`exact_amount`] in `locale`.
pub fn exact_amount_in(locale: Locale, cents: i64, currency: &str) -> String {
    let fraction = (cents % 100).abs();
    if fraction == 0 {
        return amount_from_cents_in(locale, cents, currency);
    }
    let sign = if cents < 0 { "-" } else { "" };
    let point = match locale {
        Locale::En => '.',
        Locale::De => ',',
    };
    format!(
        "{sign}{}{point}{fraction:02} {currency}",
        grouped_whole(locale, cents)
    )
}

/// A Unix time to the minute, in UTC: enough to recognise an event.
/// "2026-12-01 14:05 UTC"; in German "01.12.2026, 14:05 UTC".
pub fn utc_minute(epoch: i64) -> String {
    let locale = Locale::current();
    let secs = epoch.rem_euclid(86_400);
    let comma = match locale {
        Locale::En => "",
        Locale::De => ",",
    };
    format!(
        "{}{comma} {:02}:{:02} UTC",
        day_in(locale, epoch),
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

/// A Unix time as its UTC date, `YYYY-MM-DD`, in every language: for
/// comparing, for date inputs and for data. People read [`day`].
pub fn utc_date(epoch: i64) -> String {
    let (y, m, d) = civil_from_days(epoch.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// A Unix time in RFC 3339, UTC, to the second (`2026-12-01T14:05:09Z`):
/// for data other programs read (webhook payloads).
pub fn rfc3339(epoch: i64) -> String {
    let secs = epoch.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        utc_date(epoch),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// A Unix time's UTC date as people read it: "2026-12-01", "01.12.2026".
pub fn day(epoch: i64) -> String {
    day_in(Locale::current(), epoch)
}

/// [`day`] in `locale`.
pub fn day_in(locale: Locale, epoch: i64) -> String {
    let (y, m, d) = civil_from_days(epoch.div_euclid(86_400));
    date_in(locale, y, m, d)
}

/// A calendar date as `locale` writes it.
fn date_in(locale: Locale, y: i64, m: i64, d: i64) -> String {
    match locale {
        Locale::En => format!("{y:04}-{m:02}-{d:02}"),
        Locale::De => format!("{d:02}.{m:02}.{y:04}"),
    }
}

/// An ISO date (`YYYY-MM-DD`, as stored for close dates) as people read it;
/// anything else unchanged.
pub fn iso_day(date: &str) -> String {
    let mut parts = date.splitn(3, '-');
    let field = |part: Option<&str>, len: usize| {
        part.filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
    };
    match (
        field(parts.next(), 4),
        field(parts.next(), 2),
        field(parts.next(), 2),
    ) {
        (Some(y), Some(m), Some(d)) => date_in(Locale::current(), y, m, d),
        _ => date.to_owned(),
    }
}

/// The Unix time of a UTC minute as a `datetime-local` input sends it
/// (`YYYY-MM-DDTHH:MM`, seconds allowed), if it is a real one.
pub fn epoch_of_minute(value: &str) -> Option<i64> {
    let (date, time) = value.split_once('T')?;
    let mut parts = time.split(':');
    let mut field = |max: i64| {
        parts
            .next()
            .filter(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
            .filter(|n| *n <= max)
    };
    let (h, m) = (field(23)?, field(59)?);
    let s = match parts.next() {
        None => 0,
        Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse::<i64>().ok().filter(|n| *n <= 59)?
        }
        Some(_) => return None,
    };
    Some(epoch_of_date(date)? + h * 3600 + m * 60 + s)
}

/// The Unix time a UTC date (`YYYY-MM-DD`, as a date input sends it)
/// begins, if it is a real date.
pub fn epoch_of_date(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let mut field = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
    };
    let (y, m, d) = (field(4)?, field(2)?, field(2)?);
    // Days since 1970-01-01 (Howard Hinnant's algorithm), then checked
    // by going back, which refuses 2026-02-30.
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (civil_from_days(days) == (y, m, d)).then_some(days * 86_400)
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

/// A file size as people read it: "840 KB", "2.4 MB".
pub fn file_size(bytes: i64) -> String {
    if bytes >= 1_000_000 {
        format!("{}.{} MB", bytes / 1_000_000, bytes % 1_000_000 / 100_000)
    } else {
        format!("{} KB", (bytes + 999) / 1000)
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
    fn exact_amounts_show_cents_only_when_there_are_some() {
        assert_eq!(
            exact_amount_in(Locale::En, 1_250_050, "EUR"),
            "12,500.50 EUR"
        );
        assert_eq!(
            exact_amount_in(Locale::De, 1_250_005, "EUR"),
            "12.500,05 EUR"
        );
        assert_eq!(exact_amount_in(Locale::En, 1_250_000, "USD"), "12,500 USD");
        assert_eq!(exact_amount_in(Locale::En, -150, "USD"), "-1.50 USD");
    }

    #[test]
    fn rfc3339_times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_614_265_330), "2021-02-25T15:02:10Z");
    }

    #[test]
    fn dates_from_date_inputs() {
        assert_eq!(epoch_of_date("1970-01-01"), Some(0));
        assert_eq!(epoch_of_date("2026-12-06"), Some(1_796_515_200));
        assert_eq!(utc_date(epoch_of_date("2028-02-29").unwrap()), "2028-02-29");
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "soon",
            "",
        ] {
            assert_eq!(epoch_of_date(bad), None, "{bad}");
        }
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

    #[test]
    fn german_groups_with_points_and_writes_the_day_first() {
        let de = Locale::De;
        assert_eq!(amount_from_cents_in(de, 1_250_000, "EUR"), "12.500 EUR");
        assert_eq!(
            amount_from_cents_in(de, -12_345_678_900, "USD"),
            "-123.456.789 USD"
        );
        assert_eq!(percent_from_bp_in(de, 1250), "12,5\u{a0}%");
        assert_eq!(percent_from_bp_in(de, 1500), "15\u{a0}%");
        assert_eq!(day_in(de, 1_795_387_000), "22.11.2026");
        assert_eq!(day_in(Locale::En, 1_795_387_000), "2026-11-22");
        assert_eq!(utc_date(1_795_387_000), "2026-11-22");
    }

    #[test]
    fn iso_days_read_as_the_language_writes_them() {
        assert_eq!(iso_day("2026-12-31"), "2026-12-31");
        assert_eq!(iso_day("soon"), "soon");
    }

    #[test]
    fn minutes_from_datetime_inputs() {
        assert_eq!(epoch_of_minute("1970-01-02T01:01"), Some(86_400 + 3_660));
        assert_eq!(epoch_of_minute("1970-01-01T00:00:30"), Some(30));
        assert_eq!(epoch_of_minute("2026-02-30T10:00"), None);
        assert_eq!(epoch_of_minute("2026-02-03T24:00"), None);
        assert_eq!(epoch_of_minute("2026-02-03 10:00"), None);
        assert_eq!(epoch_of_minute("2026-02-03T1:00"), None);
    }
}
