//! SQL for deal registration. Server only.
//!
//! Who holds a customer is decided by `deal_claims`, whose primary key is
//! the customer key: when two partners register the same customer at the
//! same moment, the database lets exactly one insert win, and the other
//! registration is flagged as a conflict. Every query on registrations
//! takes the caller's tenant scope (`Some(organisation)` for partners).

use super::api::{DealEvent, DealList, DealSummary, DealView};
use super::{matching, ConflictKind, DealStatus, Finding, ValidDeal};
use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::{Actor, Db, Write},
    error::AppError,
};

fn name_claim(key: &str) -> String {
    format!("name:{key}")
}

fn domain_claim(key: &str) -> String {
    format!("domain:{key}")
}

/// The registrations (`d`) organisation `param` may see: everything when
/// it is NULL (vendor staff), else its own and those it co-sells.
pub(crate) fn reach(param: &str) -> String {
    let own = tenant_scoped("d.organisation_id", param);
    format!(
        "({own} OR d.id IN (SELECT deal_id FROM deal_partners WHERE organisation_id = {param}))"
    )
}

/// Names alike `company_key`, in one query of index range scans: the
/// [`matching::Probes`] over names one letter longer, shorter or as long
/// (`column` and `reverse_column` are indexed on their length first), and
/// the names that start with all of it (an abbreviation being completed).
/// `select` names what each row returns; `prefix` is what keys in `column`
/// start with (`name:` for claims).
async fn probe<T>(
    conn: &mut sqlx::AnyConnection,
    select: &str,
    (column, reverse_column): (&str, &str),
    prefix: &str,
    company_key: &str,
) -> Result<Vec<T>, sqlx::Error>
where
    T: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
{
    let Some(probes) = matching::probes(company_key) else {
        return Ok(Vec::new());
    };
    // Parameters: $1 to $6 the bounds of the three probes' ranges, $7 the
    // outer probe's ending, $8 and $9 those of the whole key, $10 to $12 and
    // $13 to $15 the lengths of keys in `column` and `reverse_column`.
    // A scan: rows of `column` from `$from` up to `$from + 1`, of the three
    // lengths from `$lengths` on when given, kept by `filter`.
    let scan = |column: &str, from: usize, lengths: Option<usize>, filter: &str| {
        let lengths = lengths
            .map(|n| format!("length({column}) IN (${n}, ${}, ${}) AND ", n + 1, n + 2))
            .unwrap_or_default();
        format!(
            "SELECT * FROM ({select} WHERE {lengths}{column} >= ${from} AND {column} < ${}{filter} \
             LIMIT 200) AS scan",
            from + 1
        )
    };
    let sql = [
        scan(column, 1, Some(10), ""),
        scan(reverse_column, 3, Some(13), ""),
        scan(column, 5, Some(10), &format!(" AND {column} LIKE $7")),
        scan(column, 8, None, ""),
    ]
    .join(" UNION ALL ");
    let mut query = sqlx::query_as::<_, T>(&sql);
    for start in [
        format!("{prefix}{}", probes.start),
        probes.end_reversed,
        format!("{prefix}{}", probes.outer.0),
    ] {
        let end = format!("{start}\u{10FFFF}");
        query = query.bind(start).bind(end);
    }
    let whole = format!("{prefix}{company_key}");
    let after_whole = format!("{whole}\u{10FFFF}");
    query = query
        .bind(format!("%{}", probes.outer.1))
        .bind(whole)
        .bind(after_whole);
    let typed = company_key.chars().count() as i64;
    for base in [prefix.chars().count() as i64, 0] {
        for n in typed - 1..=typed + 1 {
            query = query.bind(base + n);
        }
    }
    query.fetch_all(&mut *conn).await
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    customer_key: String,
    organisation_id: String,
    organisation_name: String,
    deal_id: String,
    status: String,
    protected_until: Option<i64>,
    reference: String,
}

/// Open registrations that hold this customer: the exact keys always, then
/// names starting alike, found by range scans of the primary key (keys
/// only, so the index alone answers) and kept when
/// [`matching::same_customer`]; only those are read in full.
async fn candidates(
    conn: &mut sqlx::AnyConnection,
    company_key: &str,
    domain_claim: Option<&str>,
) -> Result<Vec<ClaimRow>, sqlx::Error> {
    let mut keys = vec![name_claim(company_key)];
    keys.extend(domain_claim.map(str::to_owned));
    let nearby: Vec<(String,)> = probe(
        conn,
        "SELECT customer_key FROM deal_claims",
        ("customer_key", "reverse_key"),
        "name:",
        company_key,
    )
    .await?;
    // Names that abbreviate it, or that it abbreviates.
    let abbreviations: Vec<String> =
        sqlx::query_scalar("SELECT customer_key FROM deal_claims WHERE short_key = $1 LIMIT 200")
            .bind(matching::short_key(company_key))
            .fetch_all(&mut *conn)
            .await?;
    let nearby = nearby.into_iter().map(|(k,)| k).chain(abbreviations);
    keys.extend(nearby.filter(|k| {
        k.strip_prefix("name:")
            .is_some_and(|name| matching::same_customer(name, company_key))
    }));
    keys.sort();
    keys.dedup();
    let marks: Vec<String> = (1..=keys.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT c.customer_key, c.organisation_id, o.name AS organisation_name, c.deal_id, \
         d.status, d.protected_until, d.reference FROM deal_claims c \
         JOIN deals d ON d.id = c.deal_id JOIN organisations o ON o.id = c.organisation_id \
         WHERE c.customer_key IN ({}) ORDER BY c.customer_key",
        marks.join(", ")
    );
    keys.iter()
        .fold(sqlx::query_as::<_, ClaimRow>(&sql), |query, key| {
            query.bind(key)
        })
        .fetch_all(&mut *conn)
        .await
}

/// The vendor's direct accounts that are this customer, each with what
/// matched: the exact keys always, then names starting alike (a range scan
/// of the key index), kept when [`matching::same_customer`].
async fn direct_accounts_matching(
    conn: &mut sqlx::AnyConnection,
    company_key: &str,
    domain_key: Option<&str>,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let columns = "SELECT company, company_key, domain_key FROM direct_accounts";
    let mut accounts: Vec<(String, String, Option<String>)> = sqlx::query_as(&format!(
        "{columns} WHERE company_key = $1 OR domain_key = $2 OR short_key = $3"
    ))
    .bind(company_key)
    .bind(domain_key.unwrap_or(""))
    .bind(matching::short_key(company_key))
    .fetch_all(&mut *conn)
    .await?;
    accounts.extend(
        probe::<(String, String, Option<String>)>(
            conn,
            columns,
            ("company_key", "reverse_key"),
            "",
            company_key,
        )
        .await?,
    );
    let mut found = Vec::new();
    for (company, key, account_domain) in accounts {
        let matched = match account_domain {
            Some(domain) if Some(domain.as_str()) == domain_key => {
                format!("same web domain “{domain}”")
            }
            _ if matching::same_customer(&key, company_key) => format!("company name “{key}”"),
            _ => continue,
        };
        if !found.iter().any(|(c, _)| *c == company) {
            found.push((company, matched));
        }
    }
    Ok(found)
}

/// For the channel manager: the open registrations and direct accounts
/// that collide with registration `deal_id`, and the evidence.
async fn evidence(
    db: &Db,
    deal_id: &str,
    company_key: &str,
    domain_key: Option<&str>,
) -> Result<Vec<super::api::ConflictEvidence>, sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let domain = domain_key.map(domain_claim);
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for claim in candidates(&mut conn, company_key, domain.as_deref()).await? {
        if claim.deal_id == deal_id {
            continue;
        }
        let matched = match claim.customer_key.split_once(':') {
            Some(("domain", key)) => format!("same web domain “{key}”"),
            Some((_, key)) if key == company_key => format!("same company name “{key}”"),
            Some((_, key)) => format!(
                "company name “{key}”, {:.0}% alike",
                matching::similarity(key, company_key) * 100.0
            ),
            None => continue,
        };
        if !seen.insert((claim.deal_id.clone(), matched.clone())) {
            continue;
        }
        found.push(super::api::ConflictEvidence {
            deal_id: Some(claim.deal_id),
            reference: claim.reference,
            holder: claim.organisation_name,
            status: DealStatus::parse(&claim.status),
            protected_until: claim.protected_until,
            matched,
        });
    }
    for (company, matched) in direct_accounts_matching(&mut conn, company_key, domain_key).await? {
        found.push(super::api::ConflictEvidence {
            deal_id: None,
            reference: company,
            holder: "Acme Cloud direct account".to_owned(),
            status: None,
            protected_until: None,
            matched,
        });
    }
    Ok(found)
}

/// What stands in the way of registering this customer for
/// `organisation_id`, leaving out registration `except` (the one being
/// made). Exact keys and near-identical names both count.
pub async fn findings(
    conn: &mut sqlx::AnyConnection,
    organisation_id: &str,
    company_key: &str,
    domain_key: Option<&str>,
    except: Option<&str>,
) -> Result<Vec<Finding>, sqlx::Error> {
    let mut found: Vec<Finding> = Vec::new();
    if company_key.is_empty() {
        return Ok(found);
    }
    let domain = domain_key.map(domain_claim);
    let claims = candidates(&mut *conn, company_key, domain.as_deref()).await?;
    for claim in claims {
        if except == Some(claim.deal_id.as_str()) {
            continue;
        }
        let status = DealStatus::parse(&claim.status);
        let finding = if claim.organisation_id == organisation_id {
            Finding {
                kind: ConflictKind::OwnDuplicate,
                protected_until: None,
                pending: false,
                own_reference: Some(claim.reference),
            }
        } else {
            Finding {
                kind: ConflictKind::OtherPartner,
                protected_until: claim.protected_until,
                pending: status != Some(DealStatus::Approved),
                own_reference: None,
            }
        };
        if !found.contains(&finding) {
            found.push(finding);
        }
    }
    let direct = !direct_accounts_matching(&mut *conn, company_key, domain_key)
        .await?
        .is_empty();
    if direct {
        found.push(Finding {
            kind: ConflictKind::DirectAccount,
            protected_until: None,
            pending: false,
            own_reference: None,
        });
    }
    Ok(found)
}

/// A new registration's id, reference and the conflict it was flagged with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub id: String,
    pub reference: String,
    pub conflict: Option<ConflictKind>,
}

fn new_reference() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string().to_uppercase();
    format!("DR-{}", &id[..8])
}

/// Claims the customer's keys for `deal_id`; `false` (and nothing claimed)
/// when another open registration holds any of them.
async fn claim(
    tx: &mut Write,
    deal_id: &str,
    organisation_id: &str,
    keys: &[String],
) -> Result<bool, sqlx::Error> {
    let now = now();
    for key in keys {
        let inserted = sqlx::query(
            "INSERT INTO deal_claims (customer_key, deal_id, organisation_id, claimed_at, \
             reverse_key, short_key) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (customer_key) DO NOTHING",
        )
        .bind(key)
        .bind(deal_id)
        .bind(organisation_id)
        .bind(now)
        .bind(key.strip_prefix("name:").map(matching::reversed))
        .bind(key.strip_prefix("name:").map(matching::short_key))
        .execute(&mut **tx)
        .await?;
        if inserted.rows_affected() == 0 {
            let holder: Option<String> =
                sqlx::query_scalar("SELECT deal_id FROM deal_claims WHERE customer_key = $1")
                    .bind(key)
                    .fetch_optional(&mut **tx)
                    .await?;
            if holder.as_deref() != Some(deal_id) {
                release(tx, deal_id).await?;
                return Ok(false);
            }
        }
    }
    Ok(true)
}

async fn release(tx: &mut Write, deal_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM deal_claims WHERE deal_id = $1")
        .bind(deal_id)
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

/// Takes the [`matching::lock_keys`] of `company_key` until `tx` ends, in
/// one order everywhere (so two registrations never wait on each other in
/// a circle). An upsert locks the row on PostgreSQL; SQLite writes one
/// transaction at a time anyway.
async fn lock_customer(tx: &mut Write, company_key: &str) -> Result<(), sqlx::Error> {
    let mut keys = matching::lock_keys(company_key);
    keys.sort();
    keys.dedup();
    // One statement; its rows are taken in the order listed.
    let rows: Vec<String> = (1..=keys.len()).map(|n| format!("(${n}, 1)")).collect();
    let sql = format!(
        "INSERT INTO claim_locks (lock_key, taken) VALUES {} \
         ON CONFLICT (lock_key) DO UPDATE SET taken = claim_locks.taken + 1",
        rows.join(", ")
    );
    keys.iter()
        .fold(sqlx::query(&sql), |query, key| query.bind(key))
        .execute(&mut **tx)
        .await
        .map(|_| ())
}

fn claim_keys(company_key: &str, domain_key: Option<&str>) -> Vec<String> {
    let mut keys = vec![name_claim(company_key)];
    keys.extend(domain_key.map(domain_claim));
    keys
}

/// Why a guarded UPDATE on registration `deal_id` changed nothing: it is
/// out of the caller's reach (`scope`), which answers `NotFound` as if it
/// did not exist, or it is not in a state for this (`field`: `message`).
pub(crate) async fn refusal(
    tx: &mut Write,
    deal_id: &str,
    scope: Option<&str>,
    field: &str,
    message: &str,
) -> Result<AppError, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar(&format!(
        "SELECT id FROM deals WHERE id = $1 AND {}",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(deal_id)
    .bind(scope)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(match found {
        Some(_) => AppError::field(field, message),
        None => AppError::NotFound,
    })
}

/// How many days approval protects registration `deal_id`: its partner's
/// tier's, or the program default.
async fn protection_days(tx: &mut Write, deal_id: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(t.protection_days, s.default_protection_days) FROM deals d \
         JOIN organisations o ON o.id = d.organisation_id LEFT JOIN tiers t ON t.id = o.tier_id \
         CROSS JOIN program_settings s WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_optional(&mut **tx)
    .await
}

impl Write {
    /// Adds a step to registration `deal_id`'s timeline, by this write's
    /// actor (none: Trellis itself).
    pub(crate) async fn deal_event(
        &mut self,
        deal_id: &str,
        from: Option<DealStatus>,
        to: DealStatus,
        note: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        let actor_id = self.actor().person_id.clone();
        sqlx::query(
            "INSERT INTO deal_events (id, deal_id, seq, at, actor_id, from_status, to_status, note) \
             VALUES ($1, $2, (SELECT COUNT(*) + 1 FROM deal_events WHERE deal_id = $2), $3, $4, $5, \
             $6, $7)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(deal_id)
        .bind(now())
        .bind(actor_id)
        .bind(from.map(DealStatus::code))
        .bind(to.code())
        .bind(note)
        .execute(&mut **self)
        .await
        .map(|_| ())
    }
}

/// Submits a registration for the viewer's organisation: insert, claim the
/// customer, flag any conflict, timeline, audit and emails, in one
/// transaction.
pub async fn register(
    db: &Db,
    viewer: &Viewer,
    deal: &ValidDeal,
    ip: Option<&str>,
) -> Result<Registered, AppError> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    // A write first: on SQLite the transaction then holds the write lock
    // (waiting its turn) instead of failing on a stale read snapshot. The
    // short reference is random: one already taken is drawn again.
    let mut reference = new_reference();
    for attempt in 1.. {
        let inserted = sqlx::query(
            "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
             customer_domain, company_key, domain_key, contact_name, contact_email, contact_phone, \
             country, products, value_cents, currency, expected_close, partner_role, notes, status, \
             submitted_at, sla_due_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
             'submitted', $19, $19 + 3600 * (SELECT deal_sla_hours FROM program_settings WHERE id = 1), \
             $19, $19) ON CONFLICT (reference) DO NOTHING",
        )
        .bind(&id)
        .bind(&reference)
        .bind(&viewer.organisation_id)
        .bind(&viewer.person_id)
        .bind(&deal.customer_company)
        .bind(deal.customer_domain.as_deref())
        .bind(&deal.company_key)
        .bind(deal.domain_key.as_deref())
        .bind(&deal.contact_name)
        .bind(&deal.contact_email)
        .bind(deal.contact_phone.as_deref())
        .bind(&deal.country)
        .bind(&deal.products)
        .bind(deal.value_cents)
        .bind(&deal.currency)
        .bind(&deal.expected_close)
        .bind(deal.partner_role.code())
        .bind(deal.notes.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break;
        }
        if attempt == 5 {
            return Err(AppError::internal(
                "five deal references in a row were taken",
            ));
        }
        reference = new_reference();
    }
    // The customer's locks, then the check, then the claim, all in this
    // transaction: a registration of a name the check calls the same
    // customer (one typo apart, abbreviated) waits here until this one has
    // committed its claim, and then finds it.
    lock_customer(&mut tx, &deal.company_key).await?;
    let found = findings(
        &mut tx,
        &viewer.organisation_id,
        &deal.company_key,
        deal.domain_key.as_deref(),
        Some(&id),
    )
    .await?;
    let keys = claim_keys(&deal.company_key, deal.domain_key.as_deref());
    let holds = claim(&mut tx, &id, &viewer.organisation_id, &keys).await?;
    // Another partner first, then the vendor's own account, then a duplicate.
    let conflict = [
        ConflictKind::OtherPartner,
        ConflictKind::DirectAccount,
        ConflictKind::OwnDuplicate,
    ]
    .into_iter()
    .find(|kind| found.iter().any(|f| f.kind == *kind))
    .or((!holds).then_some(ConflictKind::OtherPartner));
    if let Some(kind) = conflict {
        sqlx::query("UPDATE deals SET conflict = $1 WHERE id = $2")
            .bind(kind.code())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    tx.deal_event(
        &id,
        None,
        DealStatus::Submitted,
        conflict.map(ConflictKind::label),
    )
    .await?;
    let detail = format!("{reference}: {}", deal.customer_company);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_submitted",
        record_type: "deal",
        record_id: Some(&id),
        detail: Some(&detail),
    })
    .await?;
    let manager: Option<(String, String)> = sqlx::query_as(
        "SELECT m.email, m.name FROM organisations o JOIN people m ON m.id = o.channel_manager_id \
         WHERE o.id = $1",
    )
    .bind(&viewer.organisation_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((email, name)) = manager {
        let flag = conflict
            .map(|k| format!("\nFlagged: {}.\n", k.label()))
            .unwrap_or_default();
        let body = format!(
            "Hello {name},\n\n{} registered {} for {} ({reference}).\n{flag}\nReview it in the \
             approval queue.\n",
            viewer.organisation_name, deal.customer_company, deal.products
        );
        tx.notify(
            &email,
            &format!("New deal registration {reference}"),
            &body,
            &format!("/deals/{id}"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Registered {
        id,
        reference,
        conflict,
    })
}

/// A vendor decision on a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
    MoreInfo,
}

impl Decision {
    pub fn parse(value: &str) -> Option<Decision> {
        match value {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "more_info" => Some(Decision::MoreInfo),
            _ => None,
        }
    }
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    organisation_id: String,
    reference: String,
    customer_company: String,
    company_key: String,
    domain_key: Option<String>,
    status: String,
    email: String,
    name: String,
}

/// Approves (protecting the customer for the tier's days), rejects or asks
/// for more information, with the timeline, audit and an email to the
/// person who registered.
pub async fn decide(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    decision: Decision,
    reason: Option<&str>,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    // A write first (see `register`), which also proves the registration
    // is still waiting for a decision.
    let waiting = sqlx::query(
        "UPDATE deals SET updated_at = $1 WHERE id = $2 AND status IN ('submitted', 'more_info')",
    )
    .bind(now)
    .bind(deal_id)
    .execute(&mut *tx)
    .await?;
    if waiting.rows_affected() == 0 {
        let why = "This registration was already decided.";
        return Err(refusal(&mut tx, deal_id, None, "decision", why).await?);
    }
    let row = sqlx::query_as::<_, DecisionRow>(
        "SELECT d.organisation_id, d.reference, d.customer_company, d.company_key, d.domain_key, \
         d.status, p.email, p.name FROM deals d JOIN people p ON p.id = d.registered_by \
         WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    let from = DealStatus::parse(&row.status);
    let (to, protected_until) = match decision {
        Decision::Approve => {
            let keys = claim_keys(&row.company_key, row.domain_key.as_deref());
            if !claim(&mut tx, deal_id, &row.organisation_id, &keys).await? {
                return Err(AppError::field(
                    "decision",
                    "Another open registration holds this customer. Reject or close that one first.",
                ));
            }
            let days = protection_days(&mut tx, deal_id)
                .await?
                .ok_or(AppError::NotFound)?;
            (DealStatus::Approved, Some(now + days * 86_400))
        }
        Decision::Reject => {
            release(&mut tx, deal_id).await?;
            (DealStatus::Rejected, None)
        }
        Decision::MoreInfo => (DealStatus::MoreInfo, None),
    };
    sqlx::query(
        "UPDATE deals SET status = $1, decided_at = $2, protected_until = $3 WHERE id = $4",
    )
    .bind(to.code())
    .bind((to != DealStatus::MoreInfo).then_some(now))
    .bind(protected_until)
    .bind(deal_id)
    .execute(&mut *tx)
    .await?;
    tx.deal_event(deal_id, from, to, reason).await?;
    let detail = format!("{}: {}", row.reference, to.label());
    tx.audit(Entry {
        organisation_id: Some(&row.organisation_id),
        action: "deal_decided",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&detail),
    })
    .await?;
    let protection = protected_until
        .map(|until| {
            format!(
                "\nThe customer is protected for you until {}.\n",
                crate::format::utc_date(until)
            )
        })
        .unwrap_or_default();
    let why = reason.map(|r| format!("\n{r}\n")).unwrap_or_default();
    let body = format!(
        "Hello {},\n\nYour deal registration {} for {}: {}.\n{why}{protection}",
        row.name,
        row.reference,
        row.customer_company,
        to.label().to_lowercase()
    );
    tx.notify(
        &row.email,
        &format!("Deal registration {}: {}", row.reference, to.label()),
        &body,
        &format!("/deals/{deal_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
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
            super::disclosure::shared_summary(summary)
        } else {
            summary
        })
    }
}

const SUMMARY_COLUMNS: &str =
    "d.id, d.reference, d.customer_company, o.name AS organisation_name, \
     d.status, d.value_cents, d.currency, d.expected_close, d.conflict, d.submitted_at, \
     d.sla_due_at, d.protected_until, d.extension_reason, d.organisation_id AS owner_id";

pub const PAGE_SIZE: i64 = 25;

/// A page of registrations within `scope`, newest first.
pub async fn list(
    db: &Db,
    scope: Option<&str>,
    search: &str,
    status: Option<DealStatus>,
    page: i64,
) -> Result<DealList, sqlx::Error> {
    let pattern = format!("%{}%", search.to_lowercase().replace(['%', '_'], ""));
    let filter = format!(
        "FROM deals d JOIN organisations o ON o.id = d.organisation_id WHERE {} \
         AND (LOWER(d.customer_company) LIKE $2 OR LOWER(d.reference) LIKE $2) \
         AND (CAST($3 AS TEXT) IS NULL OR d.status = $3)",
        reach("$1")
    );
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {filter}"))
        .bind(scope)
        .bind(&pattern)
        .bind(status.map(DealStatus::code))
        .fetch_one(&db.pool)
        .await?;
    let rows = sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY_COLUMNS} {filter} ORDER BY d.created_at DESC, d.id LIMIT $4 OFFSET $5"
    ))
    .bind(scope)
    .bind(&pattern)
    .bind(status.map(DealStatus::code))
    .bind(PAGE_SIZE)
    .bind((page - 1) * PAGE_SIZE)
    .fetch_all(&db.pool)
    .await?;
    Ok(DealList {
        deals: rows
            .into_iter()
            .filter_map(|row| row.into_summary(scope))
            .collect(),
        total,
        page,
        page_size: PAGE_SIZE,
    })
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
struct DetailRow {
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

/// One registration within `scope`, with its timeline; for vendor staff
/// (no scope), also what it collides with.
pub async fn detail(
    db: &Db,
    id: &str,
    scope: Option<&str>,
) -> Result<Option<DealView>, sqlx::Error> {
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
    .fetch_optional(&db.pool)
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
    let conflicts = match scope {
        None => evidence(db, id, &row.company_key, row.domain_key.as_deref()).await?,
        Some(_) => Vec::new(),
    };
    let events = sqlx::query_as::<_, DealEvent>(
        "SELECT e.at, p.name AS actor, e.from_status, e.to_status, e.note FROM deal_events e \
         LEFT JOIN people p ON p.id = e.actor_id WHERE e.deal_id = $1 ORDER BY e.seq",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let (co_sellers, touchpoints) = super::cosell::server::of_deal(db, id).await?;
    let own_touchpoints: Vec<bool> = touchpoints
        .iter()
        .map(|(org, _)| Some(org.as_str()) == scope)
        .collect();
    let addable = match scope {
        None => super::cosell::server::addable(db, id).await?,
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
        partner_role: super::PartnerRole::parse(&row.partner_role),
        notes: row.notes,
        registered_by: row.registered_by,
        events,
        can_review: false,
        can_close: false,
        can_request_extension: false,
        can_decide_extension: false,
        can_respond: false,
        conflicts,
        shared: false,
        co_sellers,
        touchpoints: touchpoints.into_iter().map(|(_, t)| t).collect(),
        addable,
        can_add_co_seller: false,
        can_record_touchpoint: false,
    };
    Ok(Some(if shared {
        super::disclosure::shared_view(view, &own_touchpoints)
    } else {
        view
    }))
}

/// Marks an approved registration won or lost (the customer is then free
/// again), within `scope`.
pub async fn close(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    won: bool,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let to = if won {
        DealStatus::Won
    } else {
        DealStatus::Lost
    };
    let mut tx = db.write(viewer.actor(ip)).await?;
    let done = sqlx::query(&format!(
        "UPDATE deals SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'approved' \
         AND {}",
        tenant_scoped("organisation_id", "$4")
    ))
    .bind(to.code())
    .bind(now())
    .bind(deal_id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let why = "Only an approved registration can be closed.";
        let scope = viewer.tenant_scope();
        return Err(refusal(&mut tx, deal_id, scope, "outcome", why).await?);
    }
    release(&mut tx, deal_id).await?;
    tx.deal_event(deal_id, Some(DealStatus::Approved), to, None)
        .await?;
    let (organisation_id, reference, customer, registrant, manager): (
        String,
        String,
        String,
        String,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT d.organisation_id, d.reference, d.customer_company, p.email, m.email \
         FROM deals d JOIN people p ON p.id = d.registered_by \
         JOIN organisations o ON o.id = d.organisation_id \
         LEFT JOIN people m ON m.id = o.channel_manager_id WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: if won { "deal_won" } else { "deal_lost" },
        record_type: "deal",
        record_id: Some(deal_id),
        detail: None,
    })
    .await?;
    // The registrant and the channel manager, except whoever closed it.
    let outcome = to.label().to_lowercase();
    let told = [Some(registrant), manager];
    for email in told.iter().flatten().filter(|e| **e != viewer.email) {
        tx.notify(
            email,
            &format!("Deal registration {reference}: {}", to.label()),
            &format!(
                "Hello,\n\n{} marked the deal for {customer} ({reference}) {outcome}.\n",
                viewer.name
            ),
            &format!("/deals/{deal_id}"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: String,
    organisation_id: String,
    reference: String,
    customer_company: String,
    email: String,
    name: String,
    protected_until: i64,
}

const DUE_COLUMNS: &str = "SELECT d.id, d.organisation_id, d.reference, d.customer_company, \
     p.email, p.name, d.protected_until FROM deals d JOIN people p ON p.id = d.registered_by";

/// The background job: warns partners 14 and 3 days before protection runs
/// out (each warning once, even with several app servers), and expires
/// registrations whose protection has ended, freeing the customer. Returns
/// (warnings sent, registrations expired).
pub async fn sweep(db: &Db, now: i64) -> Result<(usize, usize), AppError> {
    let mut warned = 0;
    for (days, column) in [(3_i64, "warned_3_at"), (14, "warned_14_at")] {
        let due = sqlx::query_as::<_, DueRow>(&format!(
            "{DUE_COLUMNS} WHERE d.status = 'approved' AND d.protected_until > $1 \
             AND d.protected_until <= $2 AND d.{column} IS NULL ORDER BY d.protected_until LIMIT 500"
        ))
        .bind(now)
        .bind(now + days * 86_400)
        .fetch_all(&db.pool)
        .await?;
        for deal in due {
            let mut tx = db.write(Actor::system()).await?;
            // The short warning makes the long one moot.
            let set = if column == "warned_3_at" {
                "warned_3_at = $1, warned_14_at = COALESCE(warned_14_at, $1)"
            } else {
                "warned_14_at = $1"
            };
            let claimed = sqlx::query(&format!(
                "UPDATE deals SET {set} WHERE id = $2 AND {column} IS NULL"
            ))
            .bind(now)
            .bind(&deal.id)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                continue;
            }
            let body = format!(
                "Hello {},\n\nYour protection for {} ({}) ends on {}. If the deal needs more \
                 time, ask your channel manager for an extension; if it closed, mark it won or \
                 lost in Trellis.\n",
                deal.name,
                deal.customer_company,
                deal.reference,
                crate::format::utc_date(deal.protected_until)
            );
            tx.notify(
                &deal.email,
                &format!(
                    "Protection for {} ends in {days} days",
                    deal.customer_company
                ),
                &body,
                &format!("/deals/{}", deal.id),
            )
            .await?;
            tx.commit().await?;
            warned += 1;
        }
    }
    let due = sqlx::query_as::<_, DueRow>(&format!(
        "{DUE_COLUMNS} WHERE d.status = 'approved' AND d.protected_until <= $1 LIMIT 500"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut expired = 0;
    for deal in due {
        let mut tx = db.write(Actor::system()).await?;
        let done = sqlx::query(
            "UPDATE deals SET status = 'expired', updated_at = $1 WHERE id = $2 AND status = 'approved'",
        )
        .bind(now)
        .bind(&deal.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            continue;
        }
        release(&mut tx, &deal.id).await?;
        tx.deal_event(
            &deal.id,
            Some(DealStatus::Approved),
            DealStatus::Expired,
            Some("Protection ended"),
        )
        .await?;
        tx.audit(Entry {
            organisation_id: Some(&deal.organisation_id),
            action: "deal_expired",
            record_type: "deal",
            record_id: Some(&deal.id),
            ..Entry::default()
        })
        .await?;
        let body = format!(
            "Hello {},\n\nYour registration {} for {} has expired: its protection ended on {}. \
             The customer is open to other registrations again.\n",
            deal.name,
            deal.reference,
            deal.customer_company,
            crate::format::utc_date(deal.protected_until)
        );
        tx.notify(
            &deal.email,
            &format!("Deal registration {}: Expired", deal.reference),
            &body,
            &format!("/deals/{}", deal.id),
        )
        .await?;
        tx.commit().await?;
        expired += 1;
    }
    Ok((warned, expired))
}

/// Runs [`sweep`] every five minutes.
pub async fn run_sweeper(db: Db) {
    loop {
        match sweep(&db, now()).await {
            Ok((0, 0)) => {}
            Ok((warned, expired)) => tracing::info!(warned, expired, "deal protection sweep"),
            Err(err) => tracing::error!(%err, "deal protection sweep"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(300)).await;
    }
}

/// Asks for more protection on an approved registration of the viewer's
/// organisation (one request at a time).
pub async fn request_extension(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    reason: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let done = sqlx::query(&format!(
        "UPDATE deals SET extension_requested_at = $1, extension_reason = $2, updated_at = $1 \
         WHERE id = $3 AND status = 'approved' AND extension_requested_at IS NULL AND {}",
        tenant_scoped("organisation_id", "$4")
    ))
    .bind(now())
    .bind(reason)
    .bind(deal_id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let why = "Only an approved registration without a pending request can be extended.";
        let scope = viewer.tenant_scope();
        return Err(refusal(&mut tx, deal_id, scope, "reason", why).await?);
    }
    let note = format!("Extension requested: {reason}");
    tx.deal_event(
        deal_id,
        Some(DealStatus::Approved),
        DealStatus::Approved,
        Some(&note),
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_extension_requested",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(reason),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Grants (another full protection period from today or from the current
/// end, whichever is later) or refuses a pending extension request.
pub async fn decide_extension(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    grant: bool,
    reason: Option<&str>,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let Some(days) = protection_days(&mut tx, deal_id).await? else {
        return Err(AppError::NotFound);
    };
    let done = if grant {
        sqlx::query(
            "UPDATE deals SET protected_until = (CASE WHEN protected_until > $1 \
             THEN protected_until ELSE $1 END) + $2, extension_requested_at = NULL, \
             extension_reason = NULL, warned_14_at = NULL, warned_3_at = NULL, updated_at = $1 \
             WHERE id = $3 AND status = 'approved' AND extension_requested_at IS NOT NULL",
        )
        .bind(now)
        .bind(days * 86_400)
        .bind(deal_id)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query(
            "UPDATE deals SET extension_requested_at = NULL, extension_reason = NULL, \
             updated_at = $1 WHERE id = $2 AND status = 'approved' \
             AND extension_requested_at IS NOT NULL",
        )
        .bind(now)
        .bind(deal_id)
        .execute(&mut *tx)
        .await?
    };
    if done.rows_affected() == 0 {
        return Err(AppError::field(
            "decision",
            "No extension request is waiting.",
        ));
    }
    let note = match (grant, reason) {
        (true, _) => format!("Extension granted: {days} more days"),
        (false, Some(why)) => format!("Extension refused: {why}"),
        (false, None) => "Extension refused".to_owned(),
    };
    tx.deal_event(
        deal_id,
        Some(DealStatus::Approved),
        DealStatus::Approved,
        Some(&note),
    )
    .await?;
    let (organisation_id, email, reference): (String, String, String) = sqlx::query_as(
        "SELECT d.organisation_id, p.email, d.reference FROM deals d \
         JOIN people p ON p.id = d.registered_by WHERE d.id = $1",
    )
    .bind(deal_id)
    .fetch_one(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: if grant {
            "deal_extension_granted"
        } else {
            "deal_extension_refused"
        },
        record_type: "deal",
        record_id: Some(deal_id),
        detail: Some(&note),
    })
    .await?;
    tx.notify(
        &email,
        &format!("Deal registration {reference}: {note}"),
        &format!("Hello,\n\n{note} for your registration {reference}.\n"),
        &format!("/deals/{deal_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The partner answers a "more information" request: the registration goes
/// back to the queue with a fresh SLA clock.
pub async fn respond(
    db: &Db,
    viewer: &Viewer,
    deal_id: &str,
    answer: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let now = now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let done = sqlx::query(&format!(
        "UPDATE deals SET status = 'submitted', updated_at = $1, \
         sla_due_at = $1 + 3600 * (SELECT deal_sla_hours FROM program_settings WHERE id = 1) \
         WHERE id = $2 AND status = 'more_info' AND {}",
        tenant_scoped("organisation_id", "$3")
    ))
    .bind(now)
    .bind(deal_id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        let why = "No question is waiting for an answer.";
        let scope = viewer.tenant_scope();
        return Err(refusal(&mut tx, deal_id, scope, "answer", why).await?);
    }
    tx.deal_event(
        deal_id,
        Some(DealStatus::MoreInfo),
        DealStatus::Submitted,
        Some(answer),
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "deal_information_given",
        record_type: "deal",
        record_id: Some(deal_id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
