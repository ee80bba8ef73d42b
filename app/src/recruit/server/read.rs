//! Reading applications: the review queue, one application with its score
//! explained, and the lookalikes. Vendor staff only (the server functions
//! check); there is no partner scope because no partner reads these.

use sqlx::AnyConnection;

use super::program::{best_performers, weights};
use crate::{
    db::Db,
    organisations::{PartnerType, Region},
    recruit::{
        fit, split_codes, ApplicationDetail, ApplicationStatus, ApplicationSummary, Industry,
        Lookalike, Profile, ProspectFacts, ReviewQueue, Specialisation, Weights,
    },
};

/// How the queue is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueOrder {
    /// Best fit first (the default).
    Score,
    /// Oldest first: who has waited longest.
    Oldest,
}

/// What the queue shows: a status (open ones when `None`), a type, a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: Option<ApplicationStatus>,
    pub partner_type: Option<PartnerType>,
    pub region: Option<Region>,
    pub order: QueueOrder,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    company: String,
    website: String,
    country: String,
    region: String,
    partner_type: String,
    employees: i64,
    status: String,
    fit_score: i64,
    submitted_at: i64,
}

const COLUMNS: &str = "id, company, website, country, region, partner_type, employees, status, \
                       fit_score, submitted_at";

impl Row {
    fn summary(self) -> Option<ApplicationSummary> {
        Some(ApplicationSummary {
            id: self.id,
            company: self.company,
            website: self.website,
            country: self.country,
            region: Region::parse(&self.region)?,
            partner_type: PartnerType::parse(&self.partner_type)?,
            employees: self.employees,
            status: ApplicationStatus::parse(&self.status)?,
            fit_score: self.fit_score,
            submitted_at: self.submitted_at,
        })
    }
}

/// The queue, at most 200 rows, and what its scores compare with.
pub async fn queue(
    db: &Db,
    filter: QueueFilter,
    may_weigh: bool,
) -> Result<ReviewQueue, sqlx::Error> {
    let mut conn = db.reader().await?;
    let order = match filter.order {
        QueueOrder::Score => "fit_score DESC, submitted_at",
        QueueOrder::Oldest => "submitted_at, fit_score DESC",
    };
    let status = filter.status.map(ApplicationStatus::code);
    let rows = sqlx::query_as::<_, Row>(&format!(
        "SELECT {COLUMNS} FROM applications \
         WHERE (CAST($1 AS TEXT) IS NULL AND status IN ('received', 'more_info') OR status = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR partner_type = $2) \
         AND (CAST($3 AS TEXT) IS NULL OR region = $3) \
         ORDER BY {order} LIMIT 200"
    ))
    .bind(status)
    .bind(filter.partner_type.map(PartnerType::code))
    .bind(filter.region.map(Region::code))
    .fetch_all(&mut *conn)
    .await?;
    let best = best_performers(&mut conn).await?;
    Ok(ReviewQueue {
        applications: rows.into_iter().filter_map(Row::summary).collect(),
        compared_with: best.into_iter().map(|p| p.name).collect(),
        weights: weights(&mut conn).await?,
        may_weigh,
    })
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    industries: String,
    specialisations: String,
    other_vendors: String,
    expected_revenue_cents: i64,
    contact_name: String,
    contact_email: String,
    contact_title: String,
    message: String,
    company_key: String,
    domain_key: String,
    decision_note: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<i64>,
    organisation_id: Option<String>,
}

/// A partner, or another application, with the same company or website.
async fn duplicate_of(
    conn: &mut AnyConnection,
    id: &str,
    company: &str,
    domain: &str,
) -> Result<Option<String>, sqlx::Error> {
    if let Some(name) = super::submit::same_organisation(conn, company, domain).await? {
        return Ok(Some(name));
    }
    sqlx::query_scalar(
        "SELECT company FROM applications WHERE id <> $1 AND (company_key = $2 OR domain_key = $3) \
         ORDER BY submitted_at LIMIT 1",
    )
    .bind(id)
    .bind(company)
    .bind(domain)
    .fetch_optional(&mut *conn)
    .await
}

/// Application `id` with its fit explained against today's program.
pub async fn detail(db: &Db, id: &str) -> Result<Option<ApplicationDetail>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let Some(row) =
        sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let more = sqlx::query_as::<_, DetailRow>(
        "SELECT a.industries, a.specialisations, a.other_vendors, a.expected_revenue_cents, \
         a.contact_name, a.contact_email, a.contact_title, a.message, a.company_key, a.domain_key, \
         a.decision_note, p.name AS decided_by, a.decided_at, a.organisation_id \
         FROM applications a LEFT JOIN people p ON p.id = a.decided_by WHERE a.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let Some(summary) = row.summary() else {
        return Ok(None);
    };
    let industries = split_codes(&more.industries, Industry::parse);
    let specialisations = split_codes(&more.specialisations, Specialisation::parse);
    let profile = Profile {
        partner_type: summary.partner_type,
        region: summary.region,
        employees: summary.employees,
        industries: industries.clone(),
        specialisations: specialisations.clone(),
        revenue_cents: more.expected_revenue_cents,
    };
    let best = best_performers(&mut conn).await?;
    let fit = fit::score(&profile, &best, &weights(&mut conn).await?);
    let duplicate_of = duplicate_of(&mut conn, id, &more.company_key, &more.domain_key).await?;
    Ok(Some(ApplicationDetail {
        summary,
        industries,
        specialisations,
        other_vendors: more.other_vendors,
        expected_revenue_cents: more.expected_revenue_cents,
        contact_name: more.contact_name,
        contact_email: more.contact_email,
        contact_title: more.contact_title,
        message: more.message,
        fit,
        duplicate_of,
        decision_note: more.decision_note,
        decided_by: more.decided_by,
        decided_at: more.decided_at,
        organisation_id: more.organisation_id,
    }))
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: String,
    company: String,
    partner_type: String,
    region: String,
    employees: i64,
    industries: String,
    specialisations: String,
    expected_revenue_cents: i64,
}

#[derive(sqlx::FromRow)]
struct ProspectRow {
    #[sqlx(flatten)]
    candidate: CandidateRow,
    website: String,
    note: String,
}

/// How many suggestions "recruit next" makes.
pub const LOOKALIKES: usize = 8;

/// "Recruit next": the applicants not yet partners (open or turned away)
/// and the prospects that have not applied, most like the best performers
/// in what they are rather than what they claim to bring: the revenue
/// factor is left out, so a modest company that looks like the best
/// partners ranks high.
pub async fn lookalikes(db: &Db) -> Result<Vec<Lookalike>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let best = best_performers(&mut conn).await?;
    if best.is_empty() {
        return Ok(Vec::new());
    }
    let mut likeness: Weights = weights(&mut conn).await?;
    likeness.set(fit::Factor::Revenue, 0);
    let applicants = sqlx::query_as::<_, CandidateRow>(
        "SELECT id, company, partner_type, region, employees, industries, specialisations, \
         expected_revenue_cents FROM applications WHERE status <> 'approved' LIMIT 2000",
    )
    .fetch_all(&mut *conn)
    .await?;
    let prospects = sqlx::query_as::<_, ProspectRow>(
        "SELECT p.id, p.company, p.partner_type, p.region, p.employees, p.industries, \
         p.specialisations, CAST(0 AS BIGINT) AS expected_revenue_cents, p.website, p.note \
         FROM prospects p WHERE NOT EXISTS \
         (SELECT 1 FROM applications a WHERE a.domain_key = p.domain_key) LIMIT 2000",
    )
    .fetch_all(&mut *conn)
    .await?;
    let candidates =
        applicants
            .into_iter()
            .map(|row| (row, None))
            .chain(prospects.into_iter().map(|p| {
                let facts = ProspectFacts {
                    website: p.website,
                    note: p.note,
                };
                (p.candidate, Some(facts))
            }));
    let mut scored: Vec<Lookalike> = candidates
        .filter_map(|(row, prospect)| {
            let profile = Profile {
                partner_type: PartnerType::parse(&row.partner_type)?,
                region: Region::parse(&row.region)?,
                employees: row.employees,
                industries: split_codes(&row.industries, Industry::parse),
                specialisations: split_codes(&row.specialisations, Specialisation::parse),
                revenue_cents: row.expected_revenue_cents,
            };
            let fit = fit::score(&profile, &best, &likeness);
            let because = fit
                .factors
                .iter()
                .filter(|c| c.points > 0)
                .take(2)
                .map(|c| c.explanation())
                .collect();
            Some(Lookalike {
                id: row.id,
                company: row.company,
                fit_score: fit.score,
                because,
                prospect,
            })
        })
        .collect();
    scored.sort_by(|a, b| {
        b.fit_score
            .cmp(&a.fit_score)
            .then(a.company.cmp(&b.company))
    });
    scored.truncate(LOOKALIKES);
    Ok(scored)
}
