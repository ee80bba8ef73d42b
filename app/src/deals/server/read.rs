//! Read models: lists, the approval queue and one registration, each
//! within the caller's reach.

use super::{conflicts::evidence, tx::reach};
use crate::{
    auth::policy::authorize_deal_review,
    auth::Viewer,
    db::Db,
    deals::{
        ConflictKind, DealActions, DealEvent, DealList, DealStatus, DealSummary, DealView,
        Onlooker, PartnerRole,
    },
};

#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    id: String,
    reference: String,
    customer_company: String,
    organisation_name: String,
    status: String,
    value_cents: i64,
    currency: String,
    expected_close: String,
    conflict: Option<String>,
    submitted_at: Option<i64>,
    sla_due_at: Option<i64>,
    protected_until: Option<i64>,
    extension_reason: Option<String>,
    owner_id: String,
}

impl SummaryRow {
    /// Whether the caller within `scope` sees this registration as a
    /// co-seller: a partner that is not the registrant.
    fn shared_with(&self, scope: Option<&str>) -> bool {
        scope.is_some_and(|org| org != self.owner_id)
    }

    /// The summary as the caller within `scope` may see it: whole for
    /// vendor staff (no scope) and the registering partner, the
    /// co-seller's allow-list for anyone else.
    fn into_summary(self, scope: Option<&str>) -> Option<DealSummary> {
        let shared = self.shared_with(scope);
        let summary = DealSummary {
            status: DealStatus::parse(&self.status)?,
            conflict: self.conflict.as_deref().and_then(ConflictKind::parse),
            id: self.id,
            reference: self.reference,
            customer_company: self.customer_company,
            organisation_name: self.organisation_name,
            value_cents: self.value_cents,
            currency: self.currency,
            expected_close: self.expected_close,
            submitted_at: self.submitted_at,
            sla_due_at: self.sla_due_at,
            protected_until: self.protected_until,
            extension_reason: self.extension_reason,
        };
        Some(if shared {
            crate::deals::disclosure::shared_summary(summary)
        } else {
            summary
        })
    }
}

pub(super) const SUMMARY_COLUMNS: &str =
    "d.id, d.reference, d.customer_company, o.name AS organisation_name, \
     d.status, d.value_cents, d.currency, d.expected_close, d.conflict, d.submitted_at, \
     d.sla_due_at, d.protected_until, d.extension_reason, d.organisation_id AS owner_id";

pub const PAGE_SIZE: i64 = 25;

/// The `LIKE` pattern for text containing `search` in any case (its own
/// `%` and `_` dropped), or `None` when nothing is searched for. A query
/// then leaves its `LIKE` out: SQLite prepares a statement whose LIKE
/// pattern is a parameter afresh on every run, which on the deal list
/// everyone opens first cost more than the rest of the query.
pub(super) fn contains_pattern(search: &str) -> Option<String> {
    let search = search.to_lowercase().replace(['%', '_'], "");
    (!search.is_empty()).then(|| format!("%{search}%"))
}

/// A page of registrations within `scope`, newest first, with how many
/// there are in all (one query: the count is a window over the same rows).
pub async fn list(
    db: &Db,
    scope: Option<&str>,
    search: &str,
    status: Option<DealStatus>,
    page: i64,
) -> Result<DealList, sqlx::Error> {
    let pattern = contains_pattern(search);
    let filter = |pattern_param: &str| {
        let matching = match pattern {
            None => String::new(),
            Some(_) => format!(
                " AND (LOWER(d.customer_company) LIKE {pattern_param} \
                 OR LOWER(d.reference) LIKE {pattern_param})"
            ),
        };
        format!(
            "FROM deals d JOIN organisations o ON o.id = d.organisation_id WHERE {} \
             AND (CAST($2 AS TEXT) IS NULL OR d.status = $2){matching}",
            reach("$1")
        )
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, COUNT(*) OVER () AS total {} \
         ORDER BY d.created_at DESC, d.id LIMIT $3 OFFSET $4",
        filter("$5")
    );
    let rows = sqlx::query_as::<_, CountedRow>(&sql)
        .bind(scope)
        .bind(status.map(DealStatus::code))
        .bind(PAGE_SIZE)
        .bind((page - 1) * PAGE_SIZE);
    let rows = match &pattern {
        Some(pattern) => rows.bind(pattern),
        None => rows,
    }
    .fetch_all(&db.pool)
    .await?;
    let total = match rows.first() {
        Some(row) => row.total,
        None if page == 1 => 0,
        // Past the last page the window has no rows to count.
        None => {
            let sql = format!("SELECT COUNT(*) {}", filter("$3"));
            let count = sqlx::query_scalar(&sql)
                .bind(scope)
                .bind(status.map(DealStatus::code));
            match &pattern {
                Some(pattern) => count.bind(pattern),
                None => count,
            }
            .fetch_one(&db.pool)
            .await?
        }
    };
    Ok(DealList {
        deals: rows
            .into_iter()
            .filter_map(|row| row.summary.into_summary(scope))
            .collect(),
        total,
        page,
        page_size: PAGE_SIZE,
    })
}

#[derive(sqlx::FromRow)]
struct CountedRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    total: i64,
}

/// Registrations waiting for a decision, the earliest SLA first.
pub async fn queue(db: &Db) -> Result<Vec<DealSummary>, sqlx::Error> {
    let rows = sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM deals d JOIN organisations o ON o.id = d.organisation_id \
         WHERE d.status IN ('submitted', 'more_info') \
         OR (d.status = 'approved' AND d.extension_requested_at IS NOT NULL) \
         ORDER BY d.sla_due_at, d.id LIMIT 200"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.into_summary(None))
        .collect())
}

#[derive(sqlx::FromRow)]
pub(super) struct DetailRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    company_key: String,
    domain_key: Option<String>,
    customer_domain: Option<String>,
    contact_name: String,
    contact_email: String,
    contact_phone: Option<String>,
    country: String,
    products: String,
    partner_role: String,
    notes: Option<String>,
    registered_by: String,
}

/// One registration within the viewer's reach, with its timeline and what
/// the viewer may do with it; for vendor staff, also what it collides with.
pub async fn detail(db: &Db, viewer: &Viewer, id: &str) -> Result<Option<DealView>, sqlx::Error> {
    let scope = viewer.tenant_scope();
    let mut conn = db.reader().await?;
    let Some(row) = sqlx::query_as::<_, DetailRow>(&format!(
        "SELECT {SUMMARY_COLUMNS}, d.company_key, d.domain_key, d.customer_domain, \
         d.contact_name, d.contact_email, d.contact_phone, d.country, d.products, \
         d.partner_role, d.notes, p.name AS registered_by \
         FROM deals d JOIN organisations o ON o.id = d.organisation_id \
         JOIN people p ON p.id = d.registered_by WHERE d.id = $1 AND {}",
        reach("$2")
    ))
    .bind(id)
    .bind(scope)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    // A co-selling partner gets the allow-list of `disclosure`, built
    // from the whole view below.
    let shared = row.summary.shared_with(scope);
    let Some(summary) = row.summary.into_summary(None) else {
        return Ok(None);
    };
    let onlooker = match (viewer.role.is_vendor(), shared) {
        (true, _) if authorize_deal_review(viewer).is_ok() => Onlooker::Reviewer,
        (true, _) => Onlooker::Vendor,
        (false, true) => Onlooker::CoSeller,
        (false, false) => Onlooker::Registrant,
    };
    let actions = DealActions::of(onlooker, summary.status, summary.extension_reason.is_some());
    let conflicts = match scope {
        None => evidence(&mut conn, id, &row.company_key, row.domain_key.as_deref()).await?,
        Some(_) => Vec::new(),
    };
    let events = sqlx::query_as::<_, DealEvent>(
        "SELECT e.at, p.name AS actor, e.from_status, e.to_status, e.note FROM deal_events e \
         LEFT JOIN people p ON p.id = e.actor_id WHERE e.deal_id = $1 ORDER BY e.seq",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let (co_sellers, touchpoints) = super::cosell::of_deal(&mut conn, id).await?;
    let own_touchpoints: Vec<bool> = touchpoints
        .iter()
        .map(|(org, _)| Some(org.as_str()) == scope)
        .collect();
    let addable = match scope {
        None => super::cosell::addable(&mut conn, id).await?,
        Some(_) => Vec::new(),
    };
    let view = DealView {
        summary,
        customer_domain: row.customer_domain,
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        contact_phone: row.contact_phone,
        country: row.country,
        products: row.products,
        partner_role: PartnerRole::parse(&row.partner_role),
        notes: row.notes,
        registered_by: row.registered_by,
        events,
        actions,
        conflicts,
        shared: false,
        co_sellers,
        touchpoints: touchpoints.into_iter().map(|(_, t)| t).collect(),
        addable,
    };
    Ok(Some(if shared {
        crate::deals::disclosure::shared_view(view, &own_touchpoints)
    } else {
        view
    }))
}
