//! Email recipients uploaded as CSV: a header row naming the columns (in
//! any order: `email`, `name`, `company`, and `consent`, which is
//! required), then one person per row. Every row is checked on its own;
//! a bad row is reported by its line and left out, never the whole file.

use crate::values::{text_enum, Email};

/// The most people one upload may hold.
pub const MAX_ROWS: usize = 5_000;
/// The largest upload, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;

text_enum!(
    /// Why a whole upload was refused.
    UploadRefused {
        Missing => "missing", t!("Choose a CSV file to upload.");
        NotText => "not-text", t!("The file is not text: save it as CSV (UTF-8).");
        NoEmailColumn => "no-email-column", t!("The first row must name the columns, one of them email.");
        NoConsentColumn => "no-consent-column", t!("The first row needs a consent column: only people who agreed to hear from you may be sent to.");
        TooLarge => "too-large", t!("Upload at most 5,000 people and 1 MB at a time.");
        NobodyLeft => "nobody-left", t!("No one in the file can be sent to: every row was refused, repeated or unsubscribed.");
        ListTaken => "list-taken", t!("You already have a list of that name.");
        UnknownList => "unknown-list", t!("Choose one of your saved lists.");
        TooManyLeads => "too-many-leads", t!("Import at most 1,000 leads and 1 MB at a time.");
    }
);

text_enum!(
    /// Why one row was left out.
    RowProblem {
        BadEmail => "bad-email", t!("not an email address");
        NoConsent => "no-consent", t!("no consent given (yes, true, 1 or x)");
        TooLong => "too-long", t!("a name or company over 200 characters");
    }
);

/// One person to send to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: Email,
    pub name: String,
    pub company: String,
}

/// An upload, read: who may be sent to, rows refused (line, problem) and
/// how many repeated an address already in the file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Upload {
    pub recipients: Vec<Recipient>,
    pub problems: Vec<(usize, RowProblem)>,
    pub duplicates: usize,
}

/// Splits CSV text into records with the line each starts on: `,` or `;`
/// between fields, `"` around a field that holds either, a line break, or
/// `""` for a quote.
fn records(text: &str, separator: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            '\n' if quoted => {
                line += 1;
                field.push('\n');
            }
            c if c == separator && !quoted => record.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((start, record));
    }
    out.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    out
}

fn consented(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "x" | "ja" | "j"
    )
}

/// A CSV file read as a table: its header (trimmed, lower case) and its
/// rows with the line each starts on. The file must be UTF-8 text within
/// [`MAX_BYTES`] with a header naming an email column, and at most `max`
/// rows.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub email_at: usize,
}

impl Table {
    /// Where the column called any of `names` is.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| names.contains(&h.as_str()))
    }

    /// Reads `bytes` (see [`Table`]).
    pub fn read(bytes: &[u8], max: usize) -> Result<Table, UploadRefused> {
        if bytes.len() > MAX_BYTES {
            return Err(UploadRefused::TooLarge);
        }
        let text = std::str::from_utf8(bytes).map_err(|_| UploadRefused::NotText)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.contains('\0') {
            return Err(UploadRefused::NotText);
        }
        let first = text.lines().next().unwrap_or_default();
        let separator = if first.matches(';').count() > first.matches(',').count() {
            ';'
        } else {
            ','
        };
        let mut rows = records(text, separator).into_iter();
        let header: Vec<String> = rows
            .next()
            .map(|(_, h)| h.iter().map(|f| f.trim().to_lowercase()).collect())
            .ok_or(UploadRefused::NoEmailColumn)?;
        let mut table = Table {
            header,
            rows: Vec::new(),
            email_at: 0,
        };
        table.email_at = table
            .column(&["email", "e-mail", "email address", "e-mail-adresse"])
            .ok_or(UploadRefused::NoEmailColumn)?;
        table.rows = rows.collect();
        if table.rows.len() > max {
            return Err(UploadRefused::TooLarge);
        }
        Ok(table)
    }
}

/// Reads an upload's bytes.
pub fn read(bytes: &[u8]) -> Result<Upload, UploadRefused> {
    let table = Table::read(bytes, MAX_ROWS)?;
    let email_at = table.email_at;
    let consent_at = table
        .column(&["consent", "einwilligung"])
        .ok_or(UploadRefused::NoConsentColumn)?;
    let name_at = table.column(&["name", "full name"]);
    let company_at = table.column(&["company", "firma", "organisation", "organization"]);
    let rows = table.rows;
    let mut upload = Upload::default();
    let mut seen = std::collections::HashSet::new();
    for (line, row) in rows {
        let get = |at: Option<usize>| {
            at.and_then(|i| row.get(i))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        let Some(email) = Email::parse(&get(Some(email_at))) else {
            upload.problems.push((line, RowProblem::BadEmail));
            continue;
        };
        if !consented(&get(Some(consent_at))) {
            upload.problems.push((line, RowProblem::NoConsent));
            continue;
        }
        let (name, company) = (get(name_at), get(company_at));
        if name.chars().count() > 200 || company.chars().count() > 200 {
            upload.problems.push((line, RowProblem::TooLong));
            continue;
        }
        if !seen.insert(email.as_str().to_owned()) {
            upload.duplicates += 1;
            continue;
        }
        upload.recipients.push(Recipient {
            email,
            name,
            company,
        });
    }
    Ok(upload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_checked_one_by_one() {
        let csv = "\u{feff}Name,EMAIL,Company,Consent\r\n\
                   Jo Park,jo@fernway.example,Fernway,yes\r\n\
                   \"Smith, Al\",al@x.example,\"Al \"\"Big\"\" Co\",1\r\n\
                   Nobody,not-an-address,X,yes\r\n\
                   Quiet,quiet@x.example,X,no\r\n\
                   \r\n\
                   Jo Again,JO@Fernway.example,Fernway,yes\r\n";
        let upload = read(csv.as_bytes()).unwrap();
        let emails: Vec<&str> = upload.recipients.iter().map(|r| r.email.as_str()).collect();
        assert_eq!(emails, ["jo@fernway.example", "al@x.example"]);
        assert_eq!(upload.recipients[1].name, "Smith, Al");
        assert_eq!(upload.recipients[1].company, "Al \"Big\" Co");
        assert_eq!(
            upload.problems,
            [(4, RowProblem::BadEmail), (5, RowProblem::NoConsent)]
        );
        assert_eq!(upload.duplicates, 1, "the same address, any case");
    }

    #[test]
    fn semicolons_quoted_line_breaks_and_line_numbers() {
        let csv = "email;consent;name\n\"a@x.example\";ja;\"Two\nLines\"\nb@x.example;nein;B\n";
        let upload = read(csv.as_bytes()).unwrap();
        assert_eq!(upload.recipients.len(), 1);
        assert_eq!(upload.recipients[0].name, "Two\nLines");
        assert_eq!(
            upload.problems,
            [(4, RowProblem::NoConsent)],
            "line 4, after the break"
        );
    }

    #[test]
    fn whole_files_refused() {
        assert_eq!(
            read(b"email,name\na@x.example,A\n"),
            Err(UploadRefused::NoConsentColumn)
        );
        assert_eq!(
            read(b"name,consent\nA,yes\n"),
            Err(UploadRefused::NoEmailColumn)
        );
        assert_eq!(read(b""), Err(UploadRefused::NoEmailColumn));
        assert_eq!(read(&[0xff, 0xfe, 0x00]), Err(UploadRefused::NotText));
        let big = format!(
            "email,consent\n{}",
            "a@x.example,yes\n".repeat(MAX_ROWS + 1)
        );
        assert_eq!(read(big.as_bytes()), Err(UploadRefused::TooLarge));
        let long = "x".repeat(201);
        let upload =
            read(format!("email,consent,name\na@x.example,yes,{long}\n").as_bytes()).unwrap();
        assert_eq!(upload.problems, [(2, RowProblem::TooLong)]);
    }
}
