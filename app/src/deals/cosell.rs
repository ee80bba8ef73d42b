//! Co-selling: besides the partner that registered it, a deal may have
//! other partners the channel manager adds, each with a role, and every
//! partner on the deal records dated touchpoints (a referral, a demo, a
//! proof of concept, an implementation): the input to attribution.
//!
//! A co-selling partner sees the deal (customer, status, protection,
//! partners, touchpoints) but not the registering partner's contact, notes
//! or conversation with the channel manager, and cannot act for it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::PartnerRole;
use crate::{error::AppError, organisations::text_enum};

text_enum!(
    /// What a partner did for the deal.
    TouchpointKind {
        Referral => "referral", "Referral";
        Demo => "demo", "Demo";
        ProofOfConcept => "poc", "Proof of concept";
        Implementation => "implementation", "Implementation";
    }
);

/// A partner on a deal besides the registering one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoSeller {
    pub organisation_name: String,
    pub role: Option<PartnerRole>,
    pub added_at: i64,
}

/// One dated touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    pub organisation_name: String,
    pub kind: Option<TouchpointKind>,
    pub happened_on: String,
    pub note: Option<String>,
    pub recorded_by: String,
}

/// A checked touchpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTouchpoint {
    pub kind: TouchpointKind,
    pub happened_on: String,
    pub note: Option<String>,
}

/// Touchpoints older than this many days are refused as typing mistakes.
const OLDEST_DAYS: i64 = 730;

/// Checks a touchpoint: a known kind, a real date neither in the future
/// nor more than two years before `now` (Unix seconds), a note of at most
/// 500 characters. Every problem at once.
pub fn validate_touchpoint(
    kind: &str,
    happened_on: &str,
    note: &str,
    now: i64,
) -> Result<ValidTouchpoint, AppError> {
    let today = crate::format::utc_date(now);
    let oldest = crate::format::utc_date(now - OLDEST_DAYS * 86_400);
    let mut errors = Vec::new();
    let kind = TouchpointKind::parse(kind.trim());
    if kind.is_none() {
        errors.push(("kind", "Choose what happened."));
    }
    let happened_on = happened_on.trim().to_owned();
    if !super::is_iso_date(&happened_on) {
        errors.push(("happened_on", "Enter the date it happened."));
    } else if happened_on > today {
        errors.push(("happened_on", "The date is in the future."));
    } else if happened_on < oldest {
        errors.push(("happened_on", "The date is more than two years ago."));
    }
    let note = note.trim();
    if note.chars().count() > 500 {
        errors.push(("note", "Keep the note under 500 characters."));
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(ValidTouchpoint {
            kind,
            happened_on,
            note: (!note.is_empty()).then(|| note.to_owned()),
        }),
        _ => Err(AppError::fields(errors)),
    }
}

/// Adds a partner organisation (by its name) to a registration as a
/// co-selling partner with `role`; its partner admins are told.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (`organisation`:
/// unknown, the registering partner or already on it; `role`; `id`: a
/// closed registration), `Internal`.
#[server(endpoint = "add_co_seller")]
pub async fn add_co_seller(id: String, organisation: String, role: String) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let role = PartnerRole::parse(role.trim())
        .ok_or_else(|| AppError::field("role", "Choose the partner's role."))?;
    let organisation = organisation.trim();
    if organisation.is_empty() {
        return Err(AppError::field("organisation", "Enter the partner's name."));
    }
    let ip = auth::RequestInfo::current().ip;
    server::add(&db, &viewer, &id, organisation, role, ip.as_deref()).await
}

/// Records a touchpoint of the caller's organisation on a registration it
/// registered or co-sells.
///
/// Who may call: partner admins and partner users on the deal (another
/// partner's registration answers `NotFound`). Errors: `Unauthenticated`,
/// `Forbidden` (vendor staff), `NotFound`, `Validation` (per field; `kind`
/// also for a rejected or expired registration), `Internal`.
#[server(endpoint = "record_touchpoint")]
pub async fn record_touchpoint(
    id: String,
    kind: String,
    happened_on: String,
    note: String,
) -> Result<(), AppError> {
    use crate::auth::{policy::authorize_deal_registration, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_registration(&viewer)?;
    let touchpoint = validate_touchpoint(&kind, &happened_on, &note, auth::now())?;
    let ip = auth::RequestInfo::current().ip;
    server::record_touchpoint(&db, &viewer, &id, &touchpoint, ip.as_deref()).await
}

/// The co-selling part of a deal page: who sells it, what each partner
/// did and when, and the forms to add a partner (vendor) or record a
/// touchpoint (partners on the deal).
#[component]
pub fn CoSellSection(deal: super::api::DealView) -> impl IntoView {
    use crate::{
        auth::pages::{form_error, input_class},
        shell::{ui::TextArea, Card},
    };

    let add = ServerAction::<AddCoSeller>::new();
    let touch = ServerAction::<RecordTouchpoint>::new();
    let error_of = |e: Option<Result<(), AppError>>| e.and_then(Result::err).map(|e| e.summary());
    let add_error = error_of(add.value().get_untracked());
    let touch_error = error_of(touch.value().get_untracked());
    let today = crate::format::utc_date(crate::format::now_secs());
    let (id, add_id) = (deal.summary.id.clone(), deal.summary.id.clone());
    let button = "mt-3 rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800";
    view! {
        <section aria-labelledby="cosell-heading" class="lg:col-span-3">
            <Card>
                <h2 id="cosell-heading" class="mb-2 font-semibold">"Co-selling"</h2>
                {deal.shared.then(|| view! {
                    <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">
                        "Your organisation co-sells this deal. The registering partner's contact and notes stay with them."
                    </p>
                })}
                <ul class="mb-3 text-sm">
                    <li>
                        <span class="font-medium">{deal.summary.organisation_name.clone()}</span>
                        {format!(" · {} · registered it", deal.partner_role.map(|r| r.label()).unwrap_or("—"))}
                    </li>
                    {deal.co_sellers.iter().map(|c| view! {
                        <li>
                            <span class="font-medium">{c.organisation_name.clone()}</span>
                            {format!(
                                " · {} · since {}",
                                c.role.map(|r| r.label()).unwrap_or("—"),
                                crate::format::utc_date(c.added_at)
                            )}
                        </li>
                    }).collect_view()}
                </ul>
                <h3 class="mb-1 text-sm font-semibold">"Touchpoints"</h3>
                {deal.touchpoints.is_empty().then(|| view! {
                    <p class="text-sm text-slate-600 dark:text-slate-300">"None recorded yet."</p>
                })}
                <ol class="flex flex-col gap-1 text-sm">
                    {deal.touchpoints.iter().map(|t| view! {
                        <li>
                            <span class="font-medium">{format!("{} · {}", t.happened_on, t.kind.map(|k| k.label()).unwrap_or("—"))}</span>
                            {format!(" · {} · {}", t.organisation_name, t.recorded_by)}
                            {t.note.clone().map(|n| view! { <span class="block text-slate-600 dark:text-slate-300">{n}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
                {deal.can_record_touchpoint.then(|| view! {
                    <div class="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
                        {form_error(touch_error.clone())}
                        <ActionForm action=touch>
                            <input type="hidden" name="id" value=id.clone() />
                            <div class="grid gap-3 sm:grid-cols-2">
                                <label class="block text-sm font-medium">
                                    "What happened"
                                    <select name="kind" class=input_class()>
                                        {TouchpointKind::ALL.iter().map(|k| view! {
                                            <option value=k.code()>{k.label()}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                                <label class="block text-sm font-medium">
                                    "On"
                                    <input type="date" name="happened_on" required value=today.clone() max=today.clone() class=input_class() />
                                </label>
                            </div>
                            <label class="mt-3 block text-sm font-medium">
                                "Note (optional)"
                                <TextArea name="note" rows=2 maxlength=500 />
                            </label>
                            <button type="submit" class=button>"Record touchpoint"</button>
                        </ActionForm>
                    </div>
                })}
                {deal.can_add_co_seller.then(|| view! {
                    <div class="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
                        {form_error(add_error.clone())}
                        <ActionForm action=add>
                            <input type="hidden" name="id" value=add_id.clone() />
                            <div class="grid gap-3 sm:grid-cols-2">
                                <label class="block text-sm font-medium">
                                    "Add a partner"
                                    <input name="organisation" list="co-sell-partners" autocomplete="off" required class=input_class() />
                                </label>
                                <datalist id="co-sell-partners">
                                    {deal.addable.iter().map(|name| view! { <option value=name.clone()></option> }).collect_view()}
                                </datalist>
                                <label class="block text-sm font-medium">
                                    "Role"
                                    <select name="role" class=input_class()>
                                        {PartnerRole::ALL.iter().map(|r| view! {
                                            <option value=r.code()>{r.label()}</option>
                                        }).collect_view()}
                                    </select>
                                </label>
                            </div>
                            <button type="submit" class=button>"Add co-selling partner"</button>
                        </ActionForm>
                    </div>
                })}
            </Card>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod server {
    //! SQL for co-selling. Server only.

    use super::{CoSeller, Touchpoint, ValidTouchpoint};
    use crate::{
        audit::server::Entry,
        auth::{server::now, Viewer},
        db::Db,
        deals::{
            server::{reach, refusal},
            PartnerRole,
        },
        error::AppError,
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
        db: &Db,
        deal_id: &str,
    ) -> Result<(Vec<CoSeller>, Vec<(String, Touchpoint)>), sqlx::Error> {
        let partners = sqlx::query_as::<_, CoSellerRow>(
            "SELECT o.name AS organisation_name, p.role, p.added_at FROM deal_partners p \
             JOIN organisations o ON o.id = p.organisation_id WHERE p.deal_id = $1 \
             ORDER BY p.added_at, o.name",
        )
        .bind(deal_id)
        .fetch_all(&db.pool)
        .await?;
        let touchpoints = sqlx::query_as::<_, TouchpointRow>(
            "SELECT t.organisation_id, o.name AS organisation_name, t.kind, t.happened_on, t.note, \
             p.name AS recorded_by FROM deal_touchpoints t \
             JOIN organisations o ON o.id = t.organisation_id \
             JOIN people p ON p.id = t.recorded_by WHERE t.deal_id = $1 \
             ORDER BY t.happened_on, t.recorded_at",
        )
        .bind(deal_id)
        .fetch_all(&db.pool)
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
                        kind: super::TouchpointKind::parse(&r.kind),
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
    pub async fn addable(db: &Db, deal_id: &str) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT o.name FROM organisations o WHERE o.kind = 'partner' \
             AND o.id <> (SELECT organisation_id FROM deals WHERE id = $1) \
             AND o.id NOT IN (SELECT organisation_id FROM deal_partners WHERE deal_id = $1) \
             ORDER BY o.name LIMIT 500",
        )
        .bind(deal_id)
        .fetch_all(&db.pool)
        .await
    }

    /// Adds partner `organisation` (its exact name, any case) to
    /// registration `deal_id` as a co-seller.
    pub async fn add(
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
            let why = "Partners can no longer be added: the registration is closed.";
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
                &format!("No partner is called “{organisation}”."),
            ));
        };
        if partner_id == registrant {
            return Err(AppError::field(
                "organisation",
                "That partner registered the deal.",
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
                &format!("{partner_name} already co-sells this deal."),
            ));
        }
        let note = format!("{partner_name} co-sells as {}", role.label().to_lowercase());
        let status = crate::deals::DealStatus::parse(&status)
            .ok_or_else(|| AppError::internal("unknown deal status"))?;
        tx.deal_event(deal_id, Some(status), status, Some(&note))
            .await?;
        let detail = format!("{reference}: {note}");
        tx.audit(Entry {
            organisation_id: Some(&partner_id),
            action: "deal_co_seller_added",
            record_type: "deal",
            record_id: Some(deal_id),
            detail: Some(&detail),
        })
        .await?;
        let admins: Vec<(String, String)> = sqlx::query_as(
            "SELECT email, name FROM people WHERE organisation_id = $1 \
             AND role = 'partner_admin' AND status = 'active' ORDER BY email",
        )
        .bind(&partner_id)
        .fetch_all(&mut *tx)
        .await?;
        for (email, name) in admins {
            let body = format!(
                "Hello {name},\n\n{} added {partner_name} to the deal for {customer} ({reference}) \
                 as {}.\n\nRecord your demos, proofs of concept and other touchpoints on the \
                 deal page.\n",
                viewer.name,
                role.label().to_lowercase()
            );
            tx.notify(
                &email,
                &format!("You are co-selling {customer}"),
                &body,
                &format!("/deals/{deal_id}"),
            )
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
                    "Touchpoints can no longer be recorded: the registration is closed.",
                ),
                None => AppError::NotFound,
            });
        }
        let detail = format!("{}: {}", t.kind.label(), t.happened_on);
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
}
