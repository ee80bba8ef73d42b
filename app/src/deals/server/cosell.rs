//! SQL for co-selling. Server only.

use super::tx::{reach, refusal};
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    deals::{cosell::ValidTouchpoint, CoSeller, PartnerRole, Touchpoint},
    error::AppError,
    i18n::Locale,
};

/// Statuses in which partners may still be added and touchpoints
/// recorded: not after a rejection, expiry or loss.
const WORKED: &str = "('submitted', 'more_info', 'approved', 'won')";

#[derive(sqlx::FromRow)]
struct CoSellerRow {
    organisation_name: String,
    role: String,
    added_at: i64,
}

#[derive(sqlx::FromRow)]
struct TouchpointRow {
    organisation_id: String,
    organisation_name: String,
    kind: String,
    happened_on: String,
    note: Option<String>,
    recorded_by: String,
}

/// The co-selling partners and touchpoints of registration `deal_id`
/// (the caller has already been allowed to see it), each touchpoint
/// with the id of the organisation that recorded it.
pub async fn of_deal(
    conn: &mut sqlx::AnyConnection,
    deal_id: &str,
) -> Result<(Vec<CoSeller>, Vec<(String, Touchpoint)>), sqlx::Error> {
    let partners = sqlx::query_as::<_, CoSellerRow>(
        "SELECT o.name AS organisation_name, p.role, p.added_at FROM deal_partners p \
         JOIN organisations o ON o.id = p.organisation_id WHERE p.deal_id = $1 \
         ORDER BY p.added_at, o.name",
    )
    .bind(deal_id)
    .fetch_all(&mut *conn)
    .await?;
    let touchpoints = sqlx::query_as::<_, TouchpointRow>(
        "SELECT t.organisation_id, o.name AS organisation_name, t.kind, t.happened_on, t.note, \
         p.name AS recorded_by FROM deal_touchpoints t \
         JOIN organisations o ON o.id = t.organisation_id \
         JOIN people p ON p.id = t.recorded_by WHERE t.deal_id = $1 \
         ORDER BY t.happened_on, t.recorded_at",
    )
    .bind(deal_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((
        partners
            .into_iter()
            .map(|r| CoSeller {
                organisation_name: r.organisation_name,
                role: PartnerRole::parse(&r.role),
                added_at: r.added_at,
            })
            .collect(),
        touchpoints
            .into_iter()
            .map(|r| {
                let touchpoint = Touchpoint {
                    organisation_name: r.organisation_name,
                    kind: crate::deals::cosell::TouchpointKind::parse(&r.kind),
                    happened_on: r.happened_on,
                    note: r.note,
                    recorded_by: r.recorded_by,
                };
                (r.organisation_id, touchpoint)
            })
            .collect(),
    ))
}

/// Partner organisations not yet on registration `deal_id`, by name,
/// for the channel manager's suggestions (at most 500).
pub async fn addable(
    conn: &mut sqlx::AnyConnection,
    deal_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT o.name FROM organisations o WHERE o.kind = 'partner' \
         AND o.id <> (SELECT organisation_id FROM deals WHERE id = $1) \
         AND o.id NOT IN (SELECT organisation_id FROM deal_partners WHERE deal_id = $1) \
         ORDER BY o.name LIMIT 500",
    )
    .bind(deal_id)
    .fetch_all(&mut *conn)
    .await
}

/// Adds partner `organisation` (its exact name, any case) to
/// registration `deal_id` as a co-seller.
pub async fn add_co_seller(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    organisation: &str,
    role: PartnerRole,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let deal: Option<(String, String, String, String)> = sqlx::query_as(&format!(
        "SELECT organisation_id, status, reference, customer_company FROM deals \
         WHERE id = $1 AND status IN {WORKED}"
    ))
    .bind(deal_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((registrant, status, reference, customer)) = deal else {
        let why = t!("Partners can no longer be added: the registration is closed.");
        return Err(refusal(&mut tx, deal_id, None, "organisation", why).await?);
    };
    let partner: Option<(String, String)> = sqlx::query_as(
        "SELECT id, name FROM organisations WHERE kind = 'partner' AND LOWER(name) = LOWER($1)",
    )
    .bind(organisation)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((partner_id, partner_name)) = partner else {
        return Err(AppError::field(
            "organisation",
            &t!(
                "No partner is called “{organisation}”.",
                organisation = organisation
            ),
        ));
    };
    if partner_id == registrant {
        return Err(AppError::field(
            "organisation",
            t!("That partner registered the deal."),
        ));
    }
    let added = sqlx::query(
        "INSERT INTO deal_partners (deal_id, organisation_id, role, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(deal_id)
    .bind(&partner_id)
    .bind(role.code())
    .bind(&viewer.person_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if added.rows_affected() == 0 {
        return Err(AppError::field(
            "organisation",
            &t!(
                "{partner_name} already co-sells this deal.",
                partner_name = partner_name
            ),
        ));
    }
    // The timeline note in the actor's language (stored as written); the
    // audit detail in English, like every audit record.
    let note_in = |l: Locale| {
        t!(
            in l,
            "{partner_name} co-sells as {role}",
            partner_name = partner_name,
            role = role.in_sentence(l)
        )
    };
    let note = note_in(Locale::current());
    let status = crate::deals::DealStatus::parse(&status)
        .ok_or_else(|| AppError::internal("unknown deal status"))?;
    tx.deal_event(deal_id, Some(status), status, Some(&note))
        .await?;
    let detail = format!("{reference}: {}", note_in(Locale::En));
    tx.audit(Entry {
        organisation_id: Some(&partner_id),
        action: "deal_co_seller_added",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&detail),
    })
    .await?;
    for (email, name) in tx.partner_admins(&partner_id).await? {
        tx.notify(&email, &format!("/deals/{deal_id}"), |l| {
            (
                t!(in l, "You are co-selling {customer}", customer = customer),
                t!(
                    in l,
                    "Hello {name},\n\n{actor} added {partner_name} to the deal for {customer} \
                     ({reference}) as {role}.\n\nRecord your demos, proofs of concept and other \
                     touchpoints on the deal page.\n",
                    name = name,
                    actor = viewer.name,
                    partner_name = partner_name,
                    customer = customer,
                    reference = reference,
                    role = role.in_sentence(l)
                ),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records touchpoint `t` of the viewer's organisation on registration
/// `deal_id`, which it registered or co-sells.
pub async fn record_touchpoint(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    t: &ValidTouchpoint,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query(&format!(
        "INSERT INTO deal_touchpoints (id, deal_id, organisation_id, kind, happened_on, note, \
         recorded_by, recorded_at) SELECT $1, d.id, $3, $4, $5, $6, $7, $8 FROM deals d \
         WHERE d.id = $2 AND d.status IN {WORKED} AND {}",
        reach("$3")
    ))
    .bind(&id)
    .bind(deal_id)
    .bind(&viewer.organisation_id)
    .bind(t.kind.code())
    .bind(&t.happened_on)
    .bind(t.note.as_deref())
    .bind(&viewer.person_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        let visible: Option<String> = sqlx::query_scalar(&format!(
            "SELECT d.id FROM deals d WHERE d.id = $1 AND {}",
            reach("$2")
        ))
        .bind(deal_id)
        .bind(&viewer.organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
        return Err(match visible {
            Some(_) => AppError::field(
                "kind",
                t!("Touchpoints can no longer be recorded: the registration is closed."),
            ),
            None => AppError::NotFound,
        });
    }
    let detail = format!("{}: {}", t.kind.label_in(Locale::En), t.happened_on);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_touchpoint_recorded",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
