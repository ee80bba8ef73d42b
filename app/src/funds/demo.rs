//! Demo marketing funds: last quarter's period, spent and paid, and this
//! quarter's, with requests and claims in every state and one allocation
//! about to expire. Made through the same code partners, channel
//! managers and the program admin use, at the times they would have.

use super::{
    server::{
        add_proof, allocate, check_period, check_review, create_period, record_offer,
        record_payment, request_offer, review_claim, review_request, submit_claim, submit_request,
        ClaimDecision, Grant, OfferRecord, Recipients,
    },
    OfferStatus, RequestInput,
};
use crate::{
    auth::Viewer,
    db::Db,
    deals::demo::viewer,
    error::AppError,
    format::{epoch_of_date, utc_date},
    organisations::demo::demo_id,
};

const DAY: i64 = 86_400;

/// A one-page PDF: the proof the demo's claims carry.
const INVOICE: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

/// The quarter holding `epoch`, `back` quarters earlier: its name and
/// first and last days (ISO).
fn quarter(epoch: i64, back: i64) -> (String, String, String) {
    let today = utc_date(epoch);
    let year: i64 = today[..4].parse().unwrap_or(2026);
    let month: i64 = today[5..7].parse().unwrap_or(1);
    let index = year * 4 + (month - 1) / 3 - back;
    let (y, q) = (index / 4, index % 4);
    let start = format!("{y:04}-{:02}-01", q * 3 + 1);
    let next = if q == 3 {
        format!("{:04}-01-01", y + 1)
    } else {
        format!("{y:04}-{:02}-01", q * 3 + 4)
    };
    let end = utc_date(epoch_of_date(&next).unwrap_or(epoch) - DAY);
    (format!("Q{} {y}", q + 1), start, end)
}

struct Activity {
    title: &'static str,
    kind: &'static str,
    description: &'static str,
    cost: &'static str,
    share: &'static str,
    leads: &'static str,
    pipeline: &'static str,
    /// The partner's co-branded campaign it pays for, by name.
    campaign: Option<&'static str>,
}

fn input(allocation: &str, a: &Activity, starts: i64, days: i64) -> RequestInput {
    RequestInput {
        allocation: allocation.to_owned(),
        activity: a.kind.to_owned(),
        title: a.title.to_owned(),
        description: a.description.to_owned(),
        planned_cost: a.cost.to_owned(),
        share: a.share.to_owned(),
        expected_leads: a.leads.to_owned(),
        expected_pipeline: a.pipeline.to_owned(),
        starts_on: utc_date(starts),
        ends_on: utc_date(starts + days * DAY),
        campaign: String::new(),
    }
}

/// Where a demo request ends up.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Waiting,
    MoreInfo,
    Denied,
    Approved,
    ApprovedLower,
    ClaimWaiting,
    ClaimReturned,
    ClaimApproved,
    PaidInParts,
}

struct Cast {
    partner: Viewer,
    manager: Viewer,
    admin: Viewer,
}

async fn play(
    db: &Db,
    cast: &Cast,
    allocation: &str,
    a: &Activity,
    sent: i64,
    end: End,
) -> Result<(), AppError> {
    let mut input = input(allocation, a, sent + 7 * DAY, 2);
    if let Some(name) = a.campaign {
        input.campaign =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 AND name = $2")
                .bind(&cast.partner.organisation_id)
                .bind(name)
                .fetch_one(&db.pool)
                .await?;
    }
    let draft = input.validate()?;
    let id = submit_request(db, &cast.partner, &draft, sent, None).await?;
    let decide = |decision: &str, amount: &str, note: &str| check_review(decision, amount, note);
    let review = match end {
        End::Waiting => return Ok(()),
        End::MoreInfo => decide(
            "more_info",
            "",
            "Which accounts will you invite? Send the list of the twenty companies.",
        )?,
        End::Denied => decide(
            "deny",
            "",
            "Print flyers are outside the program: ask for a digital campaign instead.",
        )?,
        End::ApprovedLower => decide(
            "change",
            &format!("{}", draft.requested_minor * 3 / 4 / 100),
            "Approved at three quarters: the venue is above our guideline.",
        )?,
        _ => decide("approve", "", "")?,
    };
    review_request(db, &cast.manager, &id, &review, sent + DAY, None).await?;
    if matches!(
        end,
        End::MoreInfo | End::Denied | End::Approved | End::ApprovedLower
    ) {
        return Ok(());
    }
    let ran = sent + 10 * DAY;
    add_proof(db, &cast.partner, &id, "invoice.pdf", INVOICE, ran, None)
        .await?
        .map_err(|_| AppError::Request("demo proof".into()))?;
    let actual = draft.planned_cost_minor * 9 / 10;
    submit_claim(
        db,
        &cast.partner,
        &id,
        &format!("{}", actual / 100),
        "Ran as planned; attendee list attached.",
        ran,
        None,
    )
    .await?;
    if end == End::ClaimWaiting {
        return Ok(());
    }
    let claim: String = sqlx::query_scalar("SELECT id FROM fund_claims WHERE request_id = $1")
        .bind(&id)
        .fetch_one(&db.pool)
        .await?;
    if end == End::ClaimReturned {
        let returned = ClaimDecision {
            approve: false,
            amount: None,
            note: "The invoice is the venue's quote: send the paid invoice.".into(),
        };
        return review_claim(db, &cast.manager, &claim, &returned, ran + DAY, None).await;
    }
    let approved = ClaimDecision {
        approve: true,
        amount: None,
        note: String::new(),
    };
    review_claim(db, &cast.manager, &claim, &approved, ran + DAY, None).await?;
    if end == End::PaidInParts {
        record_payment(
            db,
            &cast.admin,
            &claim,
            "1,000",
            "ERP-2026-0412",
            ran + 5 * DAY,
            None,
        )
        .await?;
        record_payment(
            db,
            &cast.admin,
            &claim,
            "",
            "ERP-2026-0431",
            ran + 12 * DAY,
            None,
        )
        .await?;
    }
    Ok(())
}

async fn allocation_of(db: &Db, period: &str, partner: &str) -> Result<String, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM fund_allocations WHERE period_id = $1 AND organisation_id = $2",
    )
    .bind(period)
    .bind(demo_id("org", partner))
    .fetch_one(&db.pool)
    .await?)
}

const SUMMIT: Activity = Activity {
    title: "Partner summit booth",
    kind: "event",
    description: "A booth at the regional partner summit with two live demos a day.",
    cost: "12,000",
    share: "50",
    leads: "40",
    pipeline: "300,000",
    campaign: None,
};
const WEBINARS: Activity = Activity {
    title: "Zero trust webinar series",
    kind: "digital",
    description: "Three webinars with an Acme Cloud engineer, promoted on LinkedIn.",
    cost: "8,000",
    share: "75",
    leads: "60",
    pipeline: "250,000",
    campaign: None,
};

pub async fn seed(db: &Db) -> Result<(), AppError> {
    let now = crate::auth::server::now();
    let admin = viewer(db, "priya.raman@acmecloud.example").await?;
    let manager = viewer(db, "marcus.webb@acmecloud.example").await?;
    let northwind = Cast {
        partner: viewer(db, "ava.thompson@northwind.example").await?,
        manager: manager.clone(),
        admin: admin.clone(),
    };
    let bluepeak = Cast {
        partner: viewer(db, "oliver.grant@bluepeak.example").await?,
        manager,
        admin: admin.clone(),
    };
    // Last quarter: spent and paid.
    let (name, starts, ends) = quarter(now, 1);
    let opened = epoch_of_date(&starts).unwrap_or(now) + 9 * 3600;
    let past = create_period(
        db,
        &admin,
        &check_period(&name, &starts, &ends, "USD", "200,000")?,
        opened,
        None,
    )
    .await?;
    for (partner, amount) in [("northwind", 2_500_000), ("bluepeak", 3_000_000)] {
        let grant = Grant {
            period: past.clone(),
            to: Recipients::Partner(demo_id("org", partner)),
            amount: Some(amount),
            accrual_bp: None,
            expires_on: ends.clone(),
        };
        allocate(db, &admin, &grant, opened, None).await?;
    }
    play(
        db,
        &northwind,
        &allocation_of(db, &past, "northwind").await?,
        &SUMMIT,
        opened + 5 * DAY,
        End::PaidInParts,
    )
    .await?;
    play(
        db,
        &bluepeak,
        &allocation_of(db, &past, "bluepeak").await?,
        &WEBINARS,
        opened + 8 * DAY,
        End::PaidInParts,
    )
    .await?;

    // This quarter: Northwind's funds expire in three weeks.
    let (name, starts, ends) = quarter(now, 0);
    let opened = (epoch_of_date(&starts).unwrap_or(now) + 9 * 3600).min(now - 40 * DAY);
    let current = create_period(
        db,
        &admin,
        &check_period(&name, &starts, &ends, "USD", "250,000")?,
        opened,
        None,
    )
    .await?;
    let soon = utc_date(now + 21 * DAY);
    for (partner, amount, expires) in [
        ("northwind", 4_000_000, soon.as_str()),
        ("bluepeak", 5_000_000, ends.as_str()),
        ("lumen", 3_000_000, ends.as_str()),
        ("meridian", 5_000_000, ends.as_str()),
        ("keystone", 1_500_000, ends.as_str()),
    ] {
        let grant = Grant {
            period: current.clone(),
            to: Recipients::Partner(demo_id("org", partner)),
            amount: Some(amount),
            accrual_bp: None,
            expires_on: expires.to_owned(),
        };
        allocate(db, &admin, &grant, opened, None).await?;
    }
    let funds = allocation_of(db, &current, "northwind").await?;
    let plays: [(Activity, i64, End); 7] = [
        (Activity { title: "Security breakfast, Chicago", kind: "event", description: "Breakfast briefing for twenty IT leads from our top accounts, with a live demo.", cost: "6,000", share: "50", leads: "20", pipeline: "180,000", campaign: None }, 1, End::Waiting),
        (Activity { title: "LinkedIn campaign: zero trust", kind: "digital", description: "Four weeks of sponsored posts to IT leads in the Midwest, linking to our landing page.", cost: "5,000", share: "50", leads: "35", pipeline: "120,000", campaign: None }, 4, End::MoreInfo),
        (Activity { title: "Cloud migration e-book", kind: "content", description: "A co-branded e-book on moving file servers to Acme Cloud, for our newsletter.", cost: "4,000", share: "60", leads: "50", pipeline: "90,000", campaign: Some("Cloud migration assessment") }, 9, End::Approved),
        (Activity { title: "Sales certification bootcamp", kind: "training", description: "Two days of Acme Cloud sales training for six new account executives.", cost: "9,000", share: "50", leads: "0", pipeline: "0", campaign: None }, 30, End::ClaimWaiting),
        (Activity { title: "Trade show, Denver", kind: "event", description: "Shared booth at the Rocky Mountain IT show with a hands-on lab.", cost: "10,000", share: "50", leads: "45", pipeline: "260,000", campaign: None }, 28, End::ClaimReturned),
        (Activity { title: "Webinar with an Acme engineer", kind: "digital", description: "One-hour webinar on backup for hybrid offices, recorded for on demand.", cost: "3,000", share: "75", leads: "30", pipeline: "80,000", campaign: Some("Zero-trust security webinar") }, 26, End::ClaimApproved),
        (Activity { title: "Printed flyers", kind: "content", description: "Five thousand flyers for the local chamber of commerce mailing.", cost: "2,500", share: "50", leads: "10", pipeline: "20,000", campaign: None }, 12, End::Denied),
    ];
    for (activity, days_ago, end) in &plays {
        play(db, &northwind, &funds, activity, now - days_ago * DAY, *end).await?;
    }
    let lower = Activity {
        title: "Customer appreciation evening",
        kind: "event",
        description: "An evening for thirty customers at a Chicago venue, with our renewal team.",
        cost: "8,000",
        share: "50",
        leads: "15",
        pipeline: "100,000",
        campaign: None,
    };
    play(
        db,
        &northwind,
        &funds,
        &lower,
        now - 6 * DAY,
        End::ApprovedLower,
    )
    .await?;
    // Bluepeak's request waits past its review clock.
    let funds = allocation_of(db, &current, "bluepeak").await?;
    let overdue = Activity {
        title: "AWS marketplace launch emails",
        kind: "digital",
        description:
            "An email series announcing our Acme Cloud listing to three thousand contacts.",
        cost: "7,000",
        share: "50",
        leads: "25",
        pipeline: "150,000",
        campaign: None,
    };
    play(
        db,
        &bluepeak,
        &funds,
        &overdue,
        now - 12 * DAY,
        End::Waiting,
    )
    .await?;
    offers(db, &northwind, &bluepeak, now).await
}

/// Private offers: Northwind asks for one on AWS for its approved deal;
/// Bluepeak's on Azure was extended. (Accepting one wins the deal; the
/// demo leaves its registrations as they are.)
async fn offers(db: &Db, northwind: &Cast, bluepeak: &Cast, now: i64) -> Result<(), AppError> {
    for (cast, marketplace, extended) in [
        (northwind, "aws", None),
        (bluepeak, "azure", Some("po-2c9d51e7")),
    ] {
        let (deal, value): (String, i64) = sqlx::query_as(
            "SELECT id, value_cents FROM deals WHERE organisation_id = $1 AND status = 'approved' \
             ORDER BY value_cents DESC, id LIMIT 1",
        )
        .bind(&cast.partner.organisation_id)
        .fetch_one(&db.pool)
        .await?;
        let note = "The customer buys on its cloud commitment.";
        request_offer(
            db,
            &cast.partner,
            &deal,
            marketplace,
            note,
            now - 8 * DAY,
            None,
        )
        .await?;
        if let Some(reference) = extended {
            let record = OfferRecord {
                status: OfferStatus::Extended,
                reference: reference.into(),
                amount: format!("{}", value / 100),
                expires_on: utc_date(now + 30 * DAY),
            };
            record_offer(db, &cast.manager, &deal, &record, now - 6 * DAY, None).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_named_and_bounded() {
        let at = epoch_of_date("2026-12-07").unwrap();
        assert_eq!(
            quarter(at, 0),
            ("Q4 2026".into(), "2026-10-01".into(), "2026-12-31".into())
        );
        assert_eq!(
            quarter(at, 1),
            ("Q3 2026".into(), "2026-07-01".into(), "2026-09-30".into())
        );
        let january = epoch_of_date("2027-01-15").unwrap();
        assert_eq!(
            quarter(january, 1),
            ("Q4 2026".into(), "2026-10-01".into(), "2026-12-31".into())
        );
    }
}
