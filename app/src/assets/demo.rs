//! Demo library: 48 assets with realistic metadata (some only for some
//! partner types or tiers, one expired, video links among them), each
//! file a real one-page PDF or PNG; and the FAQ.

use crate::{
    assets::server::{BlobStore, DbStore},
    auth::server::now,
    db::Db,
    error::AppError,
    organisations::demo::demo_id,
};

/// slug, title, description, kind, use case, industry, product, language.
type Base = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const BASE: &[Base] = &[
    ("overview-deck", "Acme Cloud platform overview", "The first-meeting deck: what Acme Cloud runs, the four regions, one console and one bill, and three customer stories in one slide each.", "sales_deck", "prospecting", "any", "platform", "en"),
    ("overview-deck-de", "Acme Cloud im Überblick", "Die Präsentation fürs Erstgespräch: was Acme Cloud betreibt, die vier Regionen, eine Konsole und eine Rechnung, drei Kundenbeispiele.", "sales_deck", "prospecting", "any", "platform", "de"),
    ("compute-datasheet", "Compute datasheet", "Instance families, sizes, regions and the uptime commitment for Acme Cloud Compute, on two pages for buyers who want the numbers.", "datasheet", "selling", "any", "compute", "en"),
    ("storage-datasheet", "Object storage datasheet", "Durability, storage classes, lifecycle rules and egress pricing of Acme Cloud object storage.", "datasheet", "selling", "any", "storage", "en"),
    ("db-datasheet", "Managed databases datasheet", "PostgreSQL and MySQL as a service: backups, point-in-time recovery, read replicas and failover times.", "datasheet", "selling", "any", "databases", "en"),
    ("security-whitepaper", "Zero-trust security on Acme Cloud", "How identity-aware access, encryption everywhere and audit trails work together; written for a customer's security team.", "whitepaper", "selling", "any", "security", "en"),
    ("migration-playbook", "Migration playbook for managed service providers", "Assess, plan, move and run: the steps, templates and timelines MSPs use to move a customer's workloads in 90 days.", "playbook", "enablement", "any", "platform", "en"),
    ("pricing-objections", "Handling pricing objections", "Answers to the ten objections partners hear most, from egress fees to committed-use discounts, with the numbers to back them.", "playbook", "closing", "any", "platform", "en"),
    ("roi-calculator-guide", "Total cost of ownership worksheet", "A worksheet that compares a customer's data centre costs with Acme Cloud over three years; fill it in with them.", "playbook", "closing", "any", "compute", "en"),
    ("onboarding-checklist", "Customer onboarding checklist", "The first 30 days of a new customer: accounts, billing alerts, backups, monitoring and a handover call.", "playbook", "onboarding", "any", "platform", "en"),
    ("logo-pack", "Acme Cloud partner logos", "The partner badge for each tier, light and dark, with the spacing rules for co-branded material.", "logo", "branding", "any", "platform", "en"),
    ("brand-guide", "Co-branding guidelines", "How to place your logo beside ours on slides, emails and landing pages, with colours and words to avoid.", "playbook", "branding", "any", "platform", "en"),
    ("demo-video", "Ten-minute product demo", "A recorded walk through the console: launching compute, a managed database and a backup policy.", "video", "prospecting", "any", "platform", "en"),
    ("security-video", "Security review walkthrough", "A recorded session answering a customer's security questionnaire live.", "video", "selling", "any", "security", "en"),
    ("dr-playbook", "Disaster recovery offer for MSPs", "Package backup and recovery as a managed service: tiers, runbooks and the recovery tests to run every quarter.", "playbook", "selling", "any", "storage", "en"),
    ("isv-marketplace", "Selling through the cloud marketplace", "How ISVs list on the marketplace, set up private offers and get paid, with the co-sell steps.", "playbook", "selling", "technology", "platform", "en"),
];

/// Case studies: slug, title, description, industry, product.
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    ("case-clinic", "Case study: Riverside Clinics", "A group of twelve clinics moved patient records and radiology images to Acme Cloud and cut retrieval times from minutes to seconds.", "healthcare", "storage"),
    ("case-hospital", "Case study: St. Aldric Hospital", "A hospital ran its electronic health records on managed databases with failover in two regions and passed its audit.", "healthcare", "databases"),
    ("case-bank", "Case study: Harbour Credit Union", "A credit union moved its online banking to Acme Cloud with encryption everywhere and a regulator-approved exit plan.", "financial", "security"),
    ("case-insurer", "Case study: Meridian Insurance", "An insurer scaled claims processing for storm season on compute that grows and shrinks with demand.", "financial", "compute"),
    ("case-retailer", "Case study: Fernway Outfitters", "A retailer handled five times its usual traffic on Black Friday with no downtime and a lower bill than the year before.", "retail", "compute"),
    ("case-grocer", "Case study: Greenleaf Grocers", "A grocery chain joined its stores' stock data in one managed database and cut waste by 8 %.", "retail", "databases"),
    ("case-factory", "Case study: Kessler Precision", "A manufacturer collects machine sensor data from three plants and predicts maintenance before a line stops.", "manufacturing", "storage"),
    ("case-plant", "Case study: Orbis Components", "A parts maker moved its ERP off ageing servers in a weekend with its partner's migration playbook.", "manufacturing", "compute"),
    ("case-city", "Case study: City of Westbrook", "A city council moved permits and payments online with an audit trail its citizens can trust.", "public", "security"),
    ("case-agency", "Case study: Regional Transport Agency", "A transport agency publishes live timetables to a million riders from managed databases.", "public", "databases"),
    ("case-university", "Case study: Northgate University", "A university gives its researchers compute on demand, including radiology imaging studies in its medical school.", "education", "compute"),
    ("case-school", "Case study: Lakeside School District", "A school district backs up every school's files nightly and restores a lost laptop in minutes.", "education", "storage"),
    ("case-saas", "Case study: Brightline Software", "A software company runs its product in four regions and sells through the marketplace.", "technology", "platform"),
    ("case-startup", "Case study: Quanta Labs", "A start-up went from prototype to a million users on managed databases without hiring a database team.", "technology", "databases"),
    ("case-utility", "Case study: Northern Grid Energy", "A utility analyses smart-meter readings from 400,000 homes every fifteen minutes.", "energy", "compute"),
    ("case-solar", "Case study: Helios Renewables", "A solar operator monitors its farms' output and weather forecasts in one place.", "energy", "storage"),
];

/// One-pagers per industry: industry, title, description.
const VERTICALS: &[(&str, &str, &str)] = &[
    ("healthcare", "Acme Cloud for healthcare", "Where patient data lives, how it is encrypted, and the compliance reports hospitals and clinics ask for."),
    ("financial", "Acme Cloud for financial services", "Resilience, encryption keys the customer holds, and the evidence regulators ask banks and insurers for."),
    ("retail", "Acme Cloud for retail", "Peak-season scaling, store data in one place and payment security for retailers."),
    ("manufacturing", "Acme Cloud for manufacturing", "Plant data, predictive maintenance and moving the ERP, for manufacturers."),
    ("public", "Acme Cloud for the public sector", "Data residency, accessibility and procurement frameworks for public bodies."),
    ("education", "Acme Cloud for education", "Research computing, learning platforms and backups for schools and universities."),
    ("technology", "Acme Cloud for software companies", "Multi-region products, the marketplace and co-selling for software companies."),
    ("energy", "Acme Cloud for energy and utilities", "Meter data at scale and resilient operations for energy companies."),
];

/// The FAQ: question, answer (Markdown).
const FAQ: &[(&str, &str)] = &[
    ("How long is a registered deal protected?", "An approved registration is protected for your tier's protection period (for example 90 days at Gold). Extend it from the deal's page before it ends; the portal reminds you 14 and 3 days before."),
    ("Who approves my deal registrations?", "Your channel manager, within the approval time in the **rules of engagement**. You see who reviews it and by when on the deal's page."),
    ("How do I move up a tier?", "Tiers follow revenue, certified people and registrations over the last twelve months. The program page shows what is missing for the next tier, and changes are explained."),
    ("How do my people get certified?", "Each person is enrolled in the paths for their role when they are invited. They take the courses under Learning; the certificate is issued when the last quiz is passed and counts toward your tier while it is valid."),
    ("What happens when a certificate expires?", "It stops counting toward your tier that day. Reminders go out 60, 30 and 7 days before, and renewing asks again only the courses that change."),
    ("Where are the logos and co-branding rules?", "In the asset library: search for logos or co-branding. Use the badge of your current tier only."),
    ("Can I share assets with customers?", "Yes, everything in the library is meant for customers unless its description says partner-only. Do not change the numbers in datasheets."),
    ("Who do I ask when I cannot find an answer?", "Your channel manager, named on your organisation's page. Urgent deal conflicts go through the deal's page so the history stays with it."),
];

/// A one-page PDF with `title` and `body`, in Helvetica (Latin-1 text).
fn pdf(title: &str, body: &str) -> Vec<u8> {
    let escape = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '(' | ')' | '\\' => format!("\\{c}"),
                c if (c as u32) < 0x80 => c.to_string(),
                c if (c as u32) < 0x100 => format!("\\{:03o}", c as u32),
                _ => "?".to_owned(),
            })
            .collect()
    };
    let mut lines = vec![format!("BT /F1 20 Tf 56 780 Td ({}) Tj ET", escape(title))];
    let mut y = 740;
    let mut line = String::new();
    for word in body.split_whitespace() {
        if line.len() + word.len() > 80 {
            lines.push(format!("BT /F1 11 Tf 56 {y} Td ({}) Tj ET", escape(&line)));
            y -= 16;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(format!("BT /F1 11 Tf 56 {y} Td ({}) Tj ET", escape(&line)));
    let stream = lines.join("\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A small PNG in the brand's teal, for the logo pack.
fn png() -> Result<Vec<u8>, AppError> {
    let image = image::RgbaImage::from_pixel(64, 64, image::Rgba([15, 118, 110, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|_| AppError::Internal {
            reference: "demo-logo".into(),
        })?;
    Ok(out.into_inner())
}

/// One asset to seed.
struct Seed {
    slug: String,
    title: String,
    description: String,
    kind: &'static str,
    use_case: &'static str,
    industry: &'static str,
    product: &'static str,
    language: &'static str,
    partner_types: &'static str,
    tiers: String,
    expires_at: Option<i64>,
    video: bool,
}

fn seeds(now: i64) -> Vec<Seed> {
    let day = crate::learning::DAY;
    let mut out = Vec::new();
    for (slug, title, description, kind, use_case, industry, product, language) in BASE {
        let (partner_types, tiers) = match *slug {
            // For those who run customers' infrastructure.
            "migration-playbook" | "dr-playbook" => ("msp,si", String::new()),
            // Gold and Platinum only.
            "pricing-objections" => (
                "",
                format!(
                    "{},{}",
                    demo_id("tier", "gold"),
                    demo_id("tier", "platinum")
                ),
            ),
            _ => ("", String::new()),
        };
        out.push(Seed {
            slug: (*slug).to_owned(),
            title: (*title).to_owned(),
            description: (*description).to_owned(),
            kind,
            use_case,
            industry,
            product,
            language,
            partner_types,
            tiers,
            expires_at: None,
            video: *kind == "video",
        });
    }
    for (slug, title, description, industry, product) in CASES {
        out.push(Seed {
            slug: (*slug).to_owned(),
            title: (*title).to_owned(),
            description: (*description).to_owned(),
            kind: "case_study",
            use_case: "selling",
            industry,
            product,
            language: "en",
            partner_types: "",
            tiers: String::new(),
            // Last year's retail story has run its course.
            expires_at: (*slug == "case-grocer").then_some(now - 10 * day),
            video: false,
        });
    }
    for (industry, title, description) in VERTICALS {
        for (language, suffix) in [("en", ""), ("de", " (Deutsch)")] {
            out.push(Seed {
                slug: format!("vertical-{industry}-{language}"),
                title: format!("{title}{suffix}"),
                description: (*description).to_owned(),
                kind: "datasheet",
                use_case: "prospecting",
                industry,
                product: "platform",
                language,
                partner_types: "",
                tiers: String::new(),
                expires_at: None,
                video: false,
            });
        }
    }
    out
}

pub async fn seed(db: &Db) -> Result<(), AppError> {
    let now = now();
    let admin = demo_id("person", "dana-okafor");
    let logo = png()?;
    let store = DbStore(db.clone());
    let mut tx = db.write(crate::db::Actor::system()).await?;
    for (n, s) in (0_i64..).zip(seeds(now)) {
        let id = demo_id("asset", &s.slug);
        let video_url = s
            .video
            .then(|| format!("https://video.acmecloud.example/{}", s.slug));
        let file = if s.video {
            None
        } else if s.kind == "logo" {
            Some((
                "acme-partner-logos.png".to_owned(),
                "image/png",
                logo.clone(),
            ))
        } else {
            let bytes = pdf(&s.title, &s.description);
            Some((format!("{}.pdf", s.slug), "application/pdf", bytes))
        };
        sqlx::query(
            "INSERT INTO assets (id, title, description, kind, use_case, industry, product, \
             language, partner_types, tiers, expires_at, file_name, media_type, byte_size, \
             video_url, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(&id)
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.kind)
        .bind(s.use_case)
        .bind(s.industry)
        .bind(s.product)
        .bind(s.language)
        .bind(s.partner_types)
        .bind(&s.tiers)
        .bind(s.expires_at)
        .bind(file.as_ref().map(|(name, _, _)| name.clone()))
        .bind(file.as_ref().map(|(_, media, _)| *media))
        .bind(
            file.as_ref()
                .map(|(_, _, bytes)| i64::try_from(bytes.len()).unwrap_or(0)),
        )
        .bind(&video_url)
        .bind(&admin)
        .bind(now - (60 - n) * crate::learning::DAY)
        .execute(&mut *tx)
        .await?;
        if let Some((_, _, bytes)) = file {
            store.put(&mut tx, &id, &bytes).await?;
        }
    }
    // Lessons that hand out a document of the library.
    for (lesson, asset) in [
        ("fundamentals-1", "overview-deck"),
        ("security-1", "security-whitepaper"),
    ] {
        sqlx::query("UPDATE lessons SET asset_id = $1 WHERE id = $2")
            .bind(demo_id("asset", asset))
            .bind(demo_id("lesson", lesson))
            .execute(&mut *tx)
            .await?;
    }
    for (n, (question, answer)) in (1_i64..).zip(FAQ) {
        sqlx::query(
            "INSERT INTO faq_entries (id, question, answer, position, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(demo_id("faq", &n.to_string()))
        .bind(question)
        .bind(answer)
        .bind(n)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(tx.commit().await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::{sniff, FileKind};

    #[test]
    fn the_demo_library_has_forty_and_more_assets_with_real_files() {
        let seeds = seeds(0);
        assert!(seeds.len() >= 40, "{}", seeds.len());
        let file = pdf(
            "Acme Cloud im Überblick",
            "Die Präsentation (fürs Erstgespräch).",
        );
        assert_eq!(sniff(&file), Ok(FileKind::Pdf));
        assert!(file.ends_with(b"%%EOF\n"));
        assert_eq!(sniff(&png().unwrap()), Ok(FileKind::Png));
    }
}
