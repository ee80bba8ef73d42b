//! Vendor-to-partner lead distribution: vendor staff enter a lead, the
//! rules pick a partner, the partner accepts it or declines it with a
//! reason within the program's time (48 hours unless the program admin
//! says otherwise); declined or left unanswered, it is offered to the next
//! partner. Every offer is kept: the routing history, and how fast each
//! partner answers.

use std::collections::HashMap;

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_lead_distribution, authorize_lead_work, authorize_program},
        Viewer,
    },
    campaigns::{
        lead::validate,
        render::LeadFields,
        routing::{choose, Candidate, Criterion, OfferOutcome, RuleMode, Wants},
        LeadEntry, LeadImport, OfferRow, RoutingView,
    },
    db::{Actor, Db, Write},
    error::{AppError, FieldError},
    i18n::Locale,
    organisations::{PartnerType, Region},
    recruit::Specialisation,
    values::optional_text,
    webhooks::WebhookEvent,
};

/// The rules, every criterion once, in their order.
async fn rules<'e, E>(executor: E) -> Result<Vec<(Criterion, RuleMode)>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT criterion, mode FROM lead_routing_rules")
            .fetch_all(executor)
            .await?;
    Ok(Criterion::ALL
        .iter()
        .map(|&c| {
            let mode = stored
                .iter()
                .find(|(k, _)| k == c.code())
                .and_then(|(_, m)| RuleMode::parse(m))
                .unwrap_or(RuleMode::Off);
            (c, mode)
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct PartnerRow {
    id: String,
    name: String,
    region: String,
    partner_type: String,
    tier_id: Option<String>,
    specialisations: String,
    last_offered_at: Option<i64>,
}

/// Offers lead `lead` to the partner the rules pick among those not yet
/// offered it (and not already holding the same person as a lead); with
/// none left, it waits unassigned for vendor staff. Answers the partner.
pub async fn route(tx: &mut Write, lead: &str, now: i64) -> Result<Option<String>, sqlx::Error> {
    let (region, partner_type, tier, specialisation, email_key, company_key): (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT region, partner_type, tier_id, specialisation, email_key, company_key \
         FROM leads WHERE id = $1",
    )
    .bind(lead)
    .fetch_one(&mut **tx)
    .await?;
    let wants = Wants {
        region,
        partner_type,
        tier,
        specialisation,
    };
    let rules = rules(&mut **tx).await?;
    let rows: Vec<PartnerRow> = sqlx::query_as(
        "SELECT o.id, o.name, o.region, o.partner_type, o.tier_id, o.specialisations, \
         (SELECT MAX(f.offered_at) FROM lead_offers f WHERE f.organisation_id = o.id) AS last_offered_at \
         FROM organisations o WHERE o.kind = 'partner' AND o.status IN ('active', 'at_risk') \
         AND NOT EXISTS (SELECT 1 FROM lead_offers f WHERE f.lead_id = $1 AND f.organisation_id = o.id) \
         AND NOT EXISTS (SELECT 1 FROM leads d WHERE d.organisation_id = o.id AND d.id <> $1 \
         AND d.email_key = $2 AND d.company_key = $3) ORDER BY o.name",
    )
    .bind(lead)
    .bind(&email_key)
    .bind(&company_key)
    .fetch_all(&mut **tx)
    .await?;
    let candidates: Vec<Candidate> = rows
        .into_iter()
        .map(|r| Candidate {
            id: r.id,
            name: r.name,
            region: r.region,
            partner_type: r.partner_type,
            tier: r.tier_id,
            specialisations: r
                .specialisations
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            last_offered_at: r.last_offered_at,
        })
        .collect();
    let Some(partner) = choose(&wants, &rules, &candidates) else {
        sqlx::query(
            "UPDATE leads SET organisation_id = NULL, status = 'unassigned', offer_expires_at = NULL, \
             updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(lead)
        .execute(&mut **tx)
        .await?;
        return Ok(None);
    };
    let sla: i64 = sqlx::query_scalar("SELECT lead_sla_hours FROM program_settings WHERE id = 1")
        .fetch_one(&mut **tx)
        .await?;
    let expires = now + sla * 3600;
    sqlx::query(
        "UPDATE leads SET organisation_id = $1, status = 'offered', offer_expires_at = $2, \
         updated_at = $3 WHERE id = $4",
    )
    .bind(&partner.id)
    .bind(expires)
    .bind(now)
    .bind(lead)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO lead_offers (id, lead_id, organisation_id, offered_at, expires_at, outcome) \
         VALUES ($1, $2, $3, $4, $5, 'pending')",
    )
    // Time-ordered, so a lead's offers within one second keep their order.
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(lead)
    .bind(&partner.id)
    .bind(now)
    .bind(expires)
    .execute(&mut **tx)
    .await?;
    let link = format!("/leads#lead-{lead}");
    for (email, _) in tx.partner_admins(&partner.id).await? {
        tx.notify(&email, &link, |l| {
            (
                crate::t!(in l, "A lead is offered to you: please answer within {hours} hours", hours = sla),
                crate::t!(
                    in l,
                    "The vendor offers you a lead. Accept it to see who to contact, or decline it with a reason so it can go to another partner. After {hours} hours it moves on by itself.",
                    hours = sla
                ),
            )
        })
        .await?;
    }
    Ok(Some(partner.id.clone()))
}

/// Keeps lead `input` entered by `viewer` (vendor staff) and routes it;
/// answers its id and the partner it was offered to (none when no partner
/// matched and it waits unassigned).
pub async fn enter(
    db: &Db,
    viewer: &Viewer,
    input: &LeadEntry,
    now: i64,
    ip: Option<&str>,
) -> Result<(String, Option<String>), AppError> {
    authorize_lead_distribution(viewer)?;
    let fields = LeadFields {
        name: input.name.clone(),
        email: input.email.clone(),
        company: input.company.clone(),
        phone: input.phone.clone(),
        message: input.message.clone(),
        consent: true,
    };
    let checked = validate(&fields, Locale::current());
    let mut errors: Vec<FieldError> = match &checked {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|(field, message)| FieldError {
                field: field.clone(),
                message: message.clone(),
            })
            .collect(),
    };
    let region = Region::parse(input.region.trim());
    if region.is_none() {
        errors.push(FieldError {
            field: "region".into(),
            message: t!("Choose the region the lead is in.").into(),
        });
    }
    let partner_type = optional_text(&input.partner_type);
    if partner_type
        .as_deref()
        .is_some_and(|t| PartnerType::parse(t).is_none())
    {
        errors.push(FieldError {
            field: "partner_type".into(),
            message: t!("Choose a partner type from the list.").into(),
        });
    }
    let specialisation = optional_text(&input.specialisation);
    if specialisation
        .as_deref()
        .is_some_and(|s| Specialisation::parse(s).is_none())
    {
        errors.push(FieldError {
            field: "specialisation".into(),
            message: t!("Choose a specialisation from the list.").into(),
        });
    }
    let tier = optional_text(&input.tier);
    if let Some(tier) = &tier {
        let known: Option<String> = sqlx::query_scalar("SELECT id FROM tiers WHERE id = $1")
            .bind(tier)
            .fetch_optional(&db.pool)
            .await?;
        if known.is_none() {
            errors.push(FieldError {
                field: "tier".into(),
                message: t!("Choose a tier from the list.").into(),
            });
        }
    }
    let lead = match checked {
        Ok(lead) if errors.is_empty() => lead,
        _ => return Err(AppError::Validation(errors)),
    };
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let already: Option<String> = sqlx::query_scalar(
        "SELECT id FROM leads WHERE campaign_id IS NULL AND email_key = $1 AND company_key = $2 \
         AND status <> 'disqualified'",
    )
    .bind(&lead.email_key)
    .bind(&lead.company_key)
    .fetch_optional(&mut *tx)
    .await?;
    if already.is_some() {
        return Err(AppError::field(
            "email",
            t!("This person at this company is already a lead being distributed."),
        ));
    }
    sqlx::query(
        "INSERT INTO leads (id, organisation_id, campaign_id, name, email, company, phone, message, \
         email_key, company_key, consent_at, status, created_at, updated_at, region, partner_type, \
         tier_id, specialisation, entered_by) \
         VALUES ($1, NULL, NULL, $2, $3, $4, $5, $6, $7, $8, $9, 'unassigned', $9, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(&lead.name)
    .bind(lead.email.as_str())
    .bind(&lead.company)
    .bind(&lead.phone)
    .bind(&lead.message)
    .bind(&lead.email_key)
    .bind(&lead.company_key)
    .bind(now)
    .bind(region.map(|r| r.code()))
    .bind(&partner_type)
    .bind(&tier)
    .bind(&specialisation)
    .bind(&viewer.person_id)
    .execute(&mut *tx)
    .await?;
    let partner = route(&mut tx, &id, now).await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "lead_entered",
        record_type: "lead",
        record_id: Some(&id),
        detail: partner.as_deref(),
    })
    .await?;
    tx.lead_event(&id, WebhookEvent::LeadCreated, now).await?;
    tx.commit().await?;
    Ok((id, partner))
}

/// The partner's answer to lead `id` offered to `viewer`'s organisation:
/// accepted, it is theirs; declined (a reason is required), it goes to the
/// next partner. `NotFound` for a lead not offered to them.
pub async fn answer(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    accept: bool,
    reason: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_lead_work(viewer)?;
    let reason = reason.trim();
    if !accept && !(3..=500).contains(&reason.chars().count()) {
        return Err(AppError::field(
            "reason",
            t!("Say why you decline it (3 to 500 characters): it helps route the next lead."),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let decided = sqlx::query(
        "UPDATE lead_offers SET outcome = $1, decided_at = $2, decided_by = $3, reason = $4 \
         WHERE lead_id = $5 AND organisation_id = $6 AND outcome = 'pending' \
         AND EXISTS (SELECT 1 FROM leads l WHERE l.id = $5 AND l.organisation_id = $6 AND l.status = 'offered')",
    )
    .bind(if accept { "accepted" } else { "rejected" })
    .bind(now)
    .bind(&viewer.person_id)
    .bind((!accept).then_some(reason))
    .bind(id)
    .bind(&viewer.organisation_id)
    .execute(&mut *tx)
    .await?;
    if decided.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    if accept {
        sqlx::query(
            "UPDATE leads SET status = 'accepted', offer_expires_at = NULL, updated_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    } else {
        route(&mut tx, id, now).await?;
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: if accept {
            "lead_accepted"
        } else {
            "lead_declined"
        },
        record_type: "lead",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.lead_event(id, WebhookEvent::LeadUpdated, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Pulls back every offer left unanswered past its time and offers the
/// lead to the next partner. When no other partner is left, the offer
/// stays where it is, overdue, for vendor staff to see. Answers how many
/// leads moved on.
pub async fn expire_offers(db: &Db, now: i64) -> Result<usize, sqlx::Error> {
    let due: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, organisation_id FROM leads WHERE status = 'offered' AND offer_expires_at <= $1 \
         ORDER BY offer_expires_at LIMIT 100",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut moved = 0;
    for (lead, partner) in due {
        let mut tx = db.write(Actor::system()).await?;
        let lapsed = sqlx::query(
            "UPDATE lead_offers SET outcome = 'expired', decided_at = $1 \
             WHERE lead_id = $2 AND organisation_id = $3 AND outcome = 'pending' AND expires_at <= $1",
        )
        .bind(now)
        .bind(&lead)
        .bind(&partner)
        .execute(&mut *tx)
        .await?;
        if lapsed.rows_affected() != 1 {
            continue;
        }
        match route(&mut tx, &lead, now).await? {
            Some(_) => {
                tx.lead_event(&lead, WebhookEvent::LeadUpdated, now).await?;
                tx.commit().await?;
                moved += 1;
            }
            // Nobody else: dropping the write keeps the offer as it was.
            None => drop(tx),
        }
    }
    Ok(moved)
}

#[derive(sqlx::FromRow)]
struct OfferLine {
    lead_id: String,
    partner: String,
    offered_at: i64,
    expires_at: i64,
    outcome: String,
    decided_at: Option<i64>,
    reason: Option<String>,
}

/// The offers of leads `ids`, oldest first, by lead: vendor staff only
/// (the caller checks).
pub(super) async fn history<'a>(
    db: &Db,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, Vec<OfferRow>>, sqlx::Error> {
    let ids: Vec<&str> = ids.collect();
    let mut by_lead: HashMap<String, Vec<OfferRow>> = HashMap::new();
    if ids.is_empty() {
        return Ok(by_lead);
    }
    let lines: Vec<OfferLine> = sqlx::query_as(
        "SELECT f.lead_id, o.name AS partner, f.offered_at, f.expires_at, f.outcome, f.decided_at, \
         f.reason FROM lead_offers f JOIN organisations o ON o.id = f.organisation_id \
         WHERE f.lead_id IN (SELECT l.id FROM leads l WHERE l.campaign_id IS NULL \
         ORDER BY l.updated_at DESC, l.id LIMIT $1) ORDER BY f.offered_at, f.id",
    )
    .bind(super::LIST_LENGTH)
    .fetch_all(&db.pool)
    .await?;
    for line in lines
        .into_iter()
        .filter(|l| ids.contains(&l.lead_id.as_str()))
    {
        by_lead.entry(line.lead_id).or_default().push(OfferRow {
            partner: line.partner,
            offered_at: line.offered_at,
            expires_at: line.expires_at,
            outcome: OfferOutcome::parse(&line.outcome).unwrap_or(OfferOutcome::Pending),
            decided_at: line.decided_at,
            reason: line.reason,
        });
    }
    Ok(by_lead)
}

/// The rules and the tiers to route by: vendor staff.
pub async fn routing_view(db: &Db, viewer: &Viewer) -> Result<RoutingView, AppError> {
    authorize_lead_distribution(viewer)?;
    let sla: i64 = sqlx::query_scalar("SELECT lead_sla_hours FROM program_settings WHERE id = 1")
        .fetch_one(&db.pool)
        .await?;
    let tiers: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM tiers ORDER BY rank DESC, name")
            .fetch_all(&db.pool)
            .await?;
    Ok(RoutingView {
        rules: rules(&db.pool).await?,
        sla_hours: sla,
        tiers,
        may_edit: authorize_program(viewer).is_ok(),
    })
}

/// Sets how each criterion counts (`modes`: criterion code → mode code)
/// and the hours partners have to answer: the program admin.
pub async fn save_rules(
    db: &Db,
    viewer: &Viewer,
    modes: &[(String, String)],
    sla_hours: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    if !(1..=720).contains(&sla_hours) {
        return Err(AppError::field(
            "sla_hours",
            t!("Give partners between 1 and 720 hours to answer."),
        ));
    }
    let mut parsed = Vec::new();
    for criterion in Criterion::ALL {
        let mode = modes
            .iter()
            .find(|(c, _)| c == criterion.code())
            .and_then(|(_, m)| RuleMode::parse(m))
            .ok_or_else(|| AppError::field(criterion.code(), t!("Choose how this counts.")))?;
        parsed.push((*criterion, mode));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    for (criterion, mode) in &parsed {
        sqlx::query("UPDATE lead_routing_rules SET mode = $1 WHERE criterion = $2")
            .bind(mode.code())
            .bind(criterion.code())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE program_settings SET lead_sla_hours = $1 WHERE id = 1")
        .bind(sla_hours)
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "lead_routing_changed",
        record_type: "program",
        record_id: None,
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Imports `rows` (read from file `file_name`) as leads to distribute,
/// each checked and routed as if entered by hand (a refused row keeps
/// nothing and is reported with why); answers the import's id, whose
/// report [`import_report`] reads.
pub async fn import(
    db: &Db,
    viewer: &Viewer,
    file_name: &str,
    rows: &[(usize, LeadEntry)],
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_lead_distribution(viewer)?;
    let mut report = LeadImport {
        file_name: file_name.chars().take(200).collect(),
        created_at: now,
        ..LeadImport::default()
    };
    for (line, entry) in rows {
        match enter(db, viewer, entry, now, ip).await {
            Ok((_, offered_to)) => {
                report.kept += 1;
                report.offered += i64::from(offered_to.is_some());
            }
            Err(AppError::Validation(errors)) => {
                let why: Vec<String> = errors.into_iter().map(|e| e.message).collect();
                report.refused.push((*line as i64, why.join(" ")));
            }
            Err(other) => return Err(other),
        }
    }
    let id = uuid::Uuid::new_v4().to_string();
    let json = serde_json::to_string(&report).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO lead_imports (id, organisation_id, created_by, file_name, report, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(&viewer.organisation_id)
    .bind(&viewer.person_id)
    .bind(&report.file_name)
    .bind(&json)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "leads_imported",
        record_type: "lead_import",
        record_id: Some(&id),
        detail: Some(&format!(
            "{}: {} kept, {} refused",
            report.file_name,
            report.kept,
            report.refused.len()
        )),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The report of import `id` of `viewer`'s organisation; `NotFound` for
/// another organisation's.
pub async fn import_report(db: &Db, viewer: &Viewer, id: &str) -> Result<LeadImport, AppError> {
    authorize_lead_distribution(viewer)?;
    let report: String = sqlx::query_scalar(
        "SELECT report FROM lead_imports WHERE id = $1 AND organisation_id = $2",
    )
    .bind(id)
    .bind(&viewer.organisation_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(serde_json::from_str(&report).map_err(|e| sqlx::Error::Decode(Box::new(e)))?)
}
