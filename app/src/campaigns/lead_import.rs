//! Leads to distribute, uploaded by vendor staff as CSV: a header row
//! naming the columns (any order; `email` required, then `name`,
//! `company`, `phone`, `message`, `region`, `partner type`, `tier`,
//! `specialisation`), one lead per row. Each row becomes the entry a
//! person would type in the "Enter a lead" form and is checked and routed
//! as that is; a region, partner type or specialisation may be written as
//! its code or as its name.

use super::{
    recipients::{Table, UploadRefused},
    LeadEntry,
};
use crate::{
    organisations::{PartnerType, Region},
    recruit::Specialisation,
};

/// The most leads one upload may hold.
pub const MAX_LEADS: usize = 1_000;

/// `value` as the code of the one of `all` whose code or name it is
/// (any case); as written when none is.
fn code_of<T: Copy>(
    value: &str,
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> String {
    let value = value.trim();
    all.iter()
        .find(|&&item| {
            code(item).eq_ignore_ascii_case(value) || label(item).eq_ignore_ascii_case(value)
        })
        .map_or_else(|| value.to_owned(), |&item| code(item).to_owned())
}

/// Reads an upload: each row (with the line it starts on) as an entry.
pub fn read(bytes: &[u8]) -> Result<Vec<(usize, LeadEntry)>, UploadRefused> {
    let table = Table::read(bytes, MAX_LEADS).map_err(|refused| match refused {
        UploadRefused::TooLarge => UploadRefused::TooManyLeads,
        other => other,
    })?;
    let at = |names: &[&str]| table.column(names);
    let (name, company, phone, message) = (
        at(&["name", "full name"]),
        at(&["company", "firma", "organisation", "organization"]),
        at(&["phone", "telefon"]),
        at(&["message", "note", "nachricht"]),
    );
    let (region, partner_type, tier, specialisation) = (
        at(&["region"]),
        at(&["partner type", "partner_type", "partnertyp"]),
        at(&["tier", "stufe"]),
        at(&["specialisation", "specialization", "spezialisierung"]),
    );
    Ok(table
        .rows
        .iter()
        .map(|(line, row)| {
            let get = |column: Option<usize>| {
                column
                    .and_then(|i| row.get(i))
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default()
            };
            let entry = LeadEntry {
                name: get(name),
                email: get(Some(table.email_at)),
                company: get(company),
                phone: get(phone),
                message: get(message),
                region: code_of(&get(region), Region::ALL, Region::code, Region::label),
                partner_type: code_of(
                    &get(partner_type),
                    PartnerType::ALL,
                    PartnerType::code,
                    PartnerType::label,
                ),
                tier: get(tier).to_lowercase(),
                specialisation: code_of(
                    &get(specialisation),
                    Specialisation::ALL,
                    Specialisation::code,
                    Specialisation::label,
                ),
            };
            (*line, entry)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_entries_with_codes_or_names() {
        let csv = "Email;Name;Company;Region;Partner type;Tier;Specialisation\n\
                   kim@orbit.example;Kim Hale;Orbit Freight;EMEA;msp;Gold;security\n\
                   al@x.example;Al;\"X; Co\";north_america;;;\n\
                   ;Nobody;Nowhere;mars;pirate;;\n";
        let rows = read(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 3);
        let (line, kim) = &rows[0];
        assert_eq!(*line, 2);
        assert_eq!(kim.email, "kim@orbit.example");
        assert_eq!(kim.region, "emea");
        assert_eq!(kim.partner_type, "msp");
        assert_eq!(kim.tier, "gold");
        assert_eq!(kim.specialisation, "security");
        assert_eq!(rows[1].1.company, "X; Co");
        assert_eq!(rows[1].1.partner_type, "");
        // What is not a region stays as written, for the check to refuse.
        assert_eq!(rows[2].1.region, "mars");
        assert_eq!(rows[2].1.email, "");
    }

    #[test]
    fn a_file_without_an_email_column_or_too_long_is_refused() {
        assert_eq!(
            read(b"name,company\nKim,Orbit\n"),
            Err(UploadRefused::NoEmailColumn)
        );
        let mut csv = String::from("email\n");
        for n in 0..=MAX_LEADS {
            csv.push_str(&format!("p{n}@x.example\n"));
        }
        assert_eq!(read(csv.as_bytes()), Err(UploadRefused::TooManyLeads));
        assert_eq!(read(&[0xff, 0xfe, 0x00]), Err(UploadRefused::NotText));
    }
}
