//! Demo incentives: a partner rebate for every tier, a Platinum rebate on
//! top (what Gold partners see they would earn one tier up), a referral
//! fee and this quarter's SPIFF; earnings from the demo's won deals,
//! the oldest paid, then approved, the newest accrued; a question
//! answered and one waiting. Made through the same code the portal uses.

use super::{
    server::{answer, approve_all, compute, create_program, pay_all, question},
    ProgramInput,
};
use crate::{
    db::Db, deals::demo::viewer, error::AppError, format::utc_date, organisations::demo::demo_id,
};

const DAY: i64 = 86_400;

fn program(
    name: &str,
    kind: &str,
    (rate, amount): (&str, &str),
    tier: Option<String>,
    product: &str,
    (starts, ends): (i64, i64),
) -> ProgramInput {
    ProgramInput {
        name: name.into(),
        kind: kind.into(),
        rate: rate.into(),
        amount: amount.into(),
        currency: "USD".into(),
        tier: tier.unwrap_or_default(),
        product: product.into(),
        starts_on: utc_date(starts),
        ends_on: utc_date(ends),
    }
}

pub async fn seed(db: &Db) -> Result<(), AppError> {
    let now = crate::auth::server::now();
    let admin = viewer(db, "priya.raman@acmecloud.example").await?;
    let manager = viewer(db, "marcus.webb@acmecloud.example").await?;
    let (start, end) = (now - 365 * DAY, now + 365 * DAY);
    let quarter = now - 30 * DAY;
    for input in [
        program(
            "Partner rebate",
            "rebate",
            ("3", ""),
            None,
            "",
            (start, end),
        ),
        program(
            "Platinum rebate",
            "rebate",
            ("2", ""),
            Some(demo_id("tier", "platinum")),
            "",
            (start, end),
        ),
        program(
            "Referral fee",
            "referral",
            ("10", ""),
            None,
            "",
            (start, end),
        ),
        program(
            "Acme Compute SPIFF",
            "spiff",
            ("", "250"),
            None,
            "Acme Compute",
            (quarter, quarter + 90 * DAY),
        ),
    ] {
        create_program(db, &admin, &input.validate()?, start, None).await?;
    }
    compute(db, None).await?;
    // The first half-year paid, the next quarter approved, the rest accrued.
    approve_all(db, &manager, now - 165 * DAY, now - 160 * DAY, None).await?;
    pay_all(db, &admin, "ERP-REB-2026-01", now - 130 * DAY, None).await?;
    approve_all(db, &manager, now - 75 * DAY, now - 70 * DAY, None).await?;
    // Questions: Northwind's answered, Bluepeak's waiting.
    for (email, answered) in [
        ("ava.thompson@northwind.example", true),
        ("oliver.grant@bluepeak.example", false),
    ] {
        let partner = viewer(db, email).await?;
        let line: String = sqlx::query_scalar(
            "SELECT id FROM earnings WHERE organisation_id = $1 ORDER BY earned_at DESC, id LIMIT 1",
        )
        .bind(&partner.organisation_id)
        .fetch_one(&db.pool)
        .await?;
        question(
            db,
            &partner,
            &line,
            "Should the SPIFF not be 500 USD for a deal this size?",
            None,
        )
        .await?;
        if answered {
            answer(
                db,
                &manager,
                &line,
                "The SPIFF is 250 USD per deal whatever its size; the rebate grows with it.",
                None,
            )
            .await?;
        }
    }
    Ok(())
}
