//! Programs, and the earnings computed from won deals: for the
//! registrant and each co-seller, by their role in the deal, once per
//! program, deal and partner however often it runs (at a deal's win,
//! when a program is added, hourly).

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_program, tenant_scoped},
        Viewer,
    },
    db::{Actor, Db},
    error::AppError,
    format::{epoch_of_date, exact_amount},
    funds::convert,
    incentives::{IncentiveKind, ProgramDraft, Rule},
    values::Currency,
};

/// Adds program `draft`, then computes what it earns; answers its id.
pub async fn create_program(
    db: &Db,
    viewer: &Viewer,
    draft: &ProgramDraft,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_program(viewer)?;
    if let Some(tier) = &draft.tier {
        let known: Option<String> = sqlx::query_scalar("SELECT id FROM tiers WHERE id = $1")
            .bind(tier)
            .fetch_optional(&db.pool)
            .await?;
        known.ok_or_else(|| AppError::field("tier", crate::t!("Choose a value from the list.")))?;
    }
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO incentive_programs (id, name, kind, rate_bp, amount_minor, currency, tier_id, product, \
         starts_on, ends_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(&draft.name)
    .bind(draft.kind.code())
    .bind(draft.rate_bp)
    .bind(draft.amount_minor)
    .bind(draft.currency.code())
    .bind(draft.tier.as_deref())
    .bind(draft.product.as_deref())
    .bind(&draft.starts_on)
    .bind(&draft.ends_on)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "incentive_program.created",
        record_type: "incentive_program",
        record_id: Some(&id),
        detail: Some(&draft.name),
    })
    .await?;
    tx.commit().await?;
    compute(db, None).await?;
    Ok(id)
}

type ProgramTuple = (
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// Every program with its rule (the tier by name).
pub(super) async fn programs(
    db: &Db,
) -> Result<Vec<(String, String, Rule, String, String)>, sqlx::Error> {
    let rows: Vec<ProgramTuple> = sqlx::query_as(
        "SELECT p.id, p.name, p.kind, p.rate_bp, p.amount_minor, p.currency, t.name, p.product, \
         p.starts_on, p.ends_on FROM incentive_programs p LEFT JOIN tiers t ON t.id = p.tier_id \
         ORDER BY p.starts_on DESC, p.name, p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, name, kind, rate_bp, amount_minor, currency, tier, product, starts, ends)| {
                let rule = Rule {
                    kind: IncentiveKind::parse(&kind)?,
                    rate_bp,
                    amount_minor,
                    currency: Currency::parse(&currency)?,
                    tier,
                    product,
                };
                Some((id, name, rule, starts, ends))
            },
        )
        .collect())
}

/// Each partner in a won deal: (deal, partner, role, products, value,
/// currency, the partner's tier, won at).
pub(super) type Won = (
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    i64,
);

/// The won deals from `starts_on` to `ends_on` (ISO, both included) of
/// `organisation` (or everyone), once per partner in each.
pub(super) async fn won_between(
    conn: &mut sqlx::AnyConnection,
    starts_on: &str,
    ends_on: &str,
    organisation: Option<&str>,
) -> Result<Vec<Won>, sqlx::Error> {
    let from = epoch_of_date(starts_on).unwrap_or(0);
    let to = epoch_of_date(ends_on).map_or(0, |d| d + 86_400);
    sqlx::query_as(&format!(
        "SELECT d.id, x.organisation_id, x.role, d.products, d.value_cents, d.currency, t.name, d.closed_at \
         FROM deals d JOIN (SELECT id AS deal_id, organisation_id, partner_role AS role FROM deals \
         UNION ALL SELECT deal_id, organisation_id, role FROM deal_partners) x ON x.deal_id = d.id \
         JOIN organisations o ON o.id = x.organisation_id LEFT JOIN tiers t ON t.id = o.tier_id \
         WHERE d.status = 'won' AND d.closed_at >= $1 AND d.closed_at < $2 AND {} \
         ORDER BY d.closed_at, d.id, x.organisation_id",
        tenant_scoped("x.organisation_id", "$3")
    ))
    .bind(from)
    .bind(to)
    .bind(organisation)
    .fetch_all(conn)
    .await
}

/// Computes the earnings of `organisation` (or every partner) that are
/// not there yet; the partner's admins are told of each. Answers how
/// many were added.
pub async fn compute(db: &Db, organisation: Option<&str>) -> Result<usize, AppError> {
    let programs = programs(db).await?;
    let now = crate::auth::server::now();
    let mut tx = db.write(Actor::system()).await?;
    let mut added = 0;
    for (program, name, rule, starts, ends) in &programs {
        for (deal, partner, role, products, value, code, tier, won_at) in
            won_between(&mut tx, starts, ends, organisation).await?
        {
            if !rule.qualifies(&role, &products, tier.as_deref()) {
                continue;
            }
            let base = Currency::parse(&code).map_or(0, |c| convert(value, c, rule.currency));
            let amount = rule.earn(base);
            if amount <= 0 {
                continue;
            }
            let id = uuid::Uuid::now_v7().to_string();
            let made = sqlx::query(
                "INSERT INTO earnings (id, program_id, organisation_id, deal_id, base_minor, amount_minor, \
                 status, earned_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'accrued', $7, $8) \
                 ON CONFLICT (program_id, deal_id, organisation_id) DO NOTHING",
            )
            .bind(&id)
            .bind(program)
            .bind(&partner)
            .bind(&deal)
            .bind(base)
            .bind(amount)
            .bind(won_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if made.rows_affected() == 0 {
                continue;
            }
            added += 1;
            let shown = exact_amount(amount, rule.currency.code());
            tx.audit(Entry {
                organisation_id: Some(&partner),
                action: "earning.accrued",
                record_type: "deal",
                record_id: Some(&deal),
                detail: Some(&format!("{name}: {shown}")),
            })
            .await?;
            for (email, _) in tx.partner_admins(&partner).await? {
                let (shown, name) = (shown.clone(), name.clone());
                tx.notify(&email, "/earnings", |l| {
                    (
                        crate::t!(in l, "You earned {amount}", amount = shown),
                        crate::t!(in l, "{amount} under {program}, for a deal won. Your earnings statement has the line.", amount = shown, program = name),
                    )
                })
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(added)
}
