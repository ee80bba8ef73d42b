//! Conflict checks: who else holds a customer, and the claims that decide it.
//!
//! Who holds a customer is decided by `deal_claims`, whose primary key is
//! the customer key: when two partners register the same customer at the
//! same moment, the database lets exactly one insert win, and the other
//! registration is flagged as a conflict.

use crate::{
    auth::server::now,
    db::Write,
    deals::{matching, ConflictKind, DealStatus, Finding},
};

pub(super) fn name_claim(key: &str) -> String {
    format!("name:{key}")
}

pub(super) fn domain_claim(key: &str) -> String {
    format!("domain:{key}")
}

/// Names alike `company_key`, in one query of index range scans: the
/// [`matching::Probes`] over names one letter longer, shorter or as long
/// (`column` and `reverse_column` are indexed on their length first), and
/// the names that start with all of it (an abbreviation being completed).
/// `select` names what each row returns; `prefix` is what keys in `column`
/// start with (`name:` for claims).
pub(super) async fn probe<T>(
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
pub(super) struct ClaimRow {
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
pub(super) async fn candidates(
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
pub(super) async fn direct_accounts_matching(
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
                t!("same web domain “{domain}”", domain = domain)
            }
            _ if matching::same_customer(&key, company_key) => {
                t!("company name “{key}”", key = key)
            }
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
pub(super) async fn evidence(
    conn: &mut sqlx::AnyConnection,
    deal_id: &str,
    company_key: &str,
    domain_key: Option<&str>,
) -> Result<Vec<crate::deals::ConflictEvidence>, sqlx::Error> {
    let domain = domain_key.map(domain_claim);
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for claim in candidates(conn, company_key, domain.as_deref()).await? {
        if claim.deal_id == deal_id {
            continue;
        }
        let matched = match claim.customer_key.split_once(':') {
            Some(("domain", key)) => t!("same web domain “{domain}”", domain = key),
            Some((_, key)) if key == company_key => t!("same company name “{key}”", key = key),
            Some((_, key)) => {
                let percent = format!("{:.0}", matching::similarity(key, company_key) * 100.0);
                t!(
                    "company name “{key}”, {percent}% alike",
                    key = key,
                    percent = percent
                )
            }
            None => continue,
        };
        if !seen.insert((claim.deal_id.clone(), matched.clone())) {
            continue;
        }
        found.push(crate::deals::ConflictEvidence {
            deal_id: Some(claim.deal_id),
            reference: claim.reference,
            holder: claim.organisation_name,
            status: DealStatus::parse(&claim.status),
            protected_until: claim.protected_until,
            matched,
        });
    }
    for (company, matched) in direct_accounts_matching(conn, company_key, domain_key).await? {
        found.push(crate::deals::ConflictEvidence {
            deal_id: None,
            reference: company,
            holder: t!("Acme Cloud direct account").to_owned(),
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

/// Claims the customer's keys for `deal_id`; `false` (and nothing claimed)
/// when another open registration holds any of them.
pub(super) async fn claim(
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

pub(super) async fn release(tx: &mut Write, deal_id: &str) -> Result<(), sqlx::Error> {
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
pub(super) async fn lock_customer(tx: &mut Write, company_key: &str) -> Result<(), sqlx::Error> {
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

pub(super) fn claim_keys(company_key: &str, domain_key: Option<&str>) -> Vec<String> {
    let mut keys = vec![name_claim(company_key)];
    keys.extend(domain_key.map(domain_claim));
    keys
}
