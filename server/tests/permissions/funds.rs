//! The permission table's rows for marketing funds, and the records they
//! act on: for each caller that may act, its own request, claim or
//! payment to act on (Northwind's as "own", Bluepeak's as "other"), made
//! through the same service code the portal uses.

use app::{
    auth::Viewer,
    db::Db,
    error::AppError,
    funds::{server, RequestInput},
    organisations::demo::demo_id,
};

use super::table::{form, Expect, Target, Who};

pub struct FundFixtures {
    /// A request of Northwind's and one of Bluepeak's, to read.
    pub requests: (String, String),
    /// Each side's allocation in the current period.
    pub allocations: (String, String),
    pub period: String,
    /// A request waiting for Northwind's answer, and one of Bluepeak's.
    pub asked: (String, String),
    /// A request waiting for review, per reviewer and target.
    pub to_review: Vec<(Who, Target, String)>,
    /// An approved request with proof and no claim, per side.
    pub claimable: (String, String),
    /// A claim waiting for review, per reviewer and target.
    pub claims: Vec<(Who, Target, String)>,
    /// An approved claim owed money, per side.
    pub payable: (String, String),
    /// Each side's newest earning (the demo put a question on both).
    pub earnings: (String, String),
    /// Approved deals without a private offer: one for each partner
    /// caller to ask on (own), and Bluepeak's.
    pub offer_deals: Vec<(Who, String)>,
    pub other_offer_deal: String,
    /// A deal with a private offer asked, per side.
    pub offered: (String, String),
}

async fn viewer(db: &Db, email: &str) -> Viewer {
    app::deals::demo::viewer(db, email).await.unwrap()
}

async fn allocation_of(db: &Db, partner: &str) -> String {
    sqlx::query_scalar(
        "SELECT a.id FROM fund_allocations a WHERE a.organisation_id = $1 \
         ORDER BY a.expires_on DESC LIMIT 1",
    )
    .bind(demo_id("org", partner))
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

struct Side {
    partner: Viewer,
    allocation: String,
}

impl Side {
    async fn request(&self, db: &Db, title: &str) -> String {
        let draft = RequestInput {
            allocation: self.allocation.clone(),
            activity: "content".into(),
            title: title.into(),
            description: "A fixture of the permission table.".into(),
            planned_cost: "20".into(),
            share: "50".into(),
            expected_leads: "0".into(),
            expected_pipeline: String::new(),
            starts_on: "2098-01-01".into(),
            ends_on: "2098-01-01".into(),
            campaign: String::new(),
        }
        .validate()
        .unwrap();
        let now = app::auth::server::now();
        server::submit_request(db, &self.partner, &draft, now, None)
            .await
            .unwrap()
    }

    /// An approved request with proof; its claim sent when `claim`.
    async fn approved(&self, db: &Db, reviewer: &Viewer, title: &str, claim: bool) -> String {
        let id = self.request(db, title).await;
        let now = app::auth::server::now();
        let review = server::check_review("approve", "", "").unwrap();
        server::review_request(db, reviewer, &id, &review, now, None)
            .await
            .unwrap();
        server::add_proof(
            db,
            &self.partner,
            &id,
            "proof.pdf",
            b"%PDF-1.4\n%%EOF\n",
            now,
            None,
        )
        .await
        .unwrap()
        .unwrap();
        if claim {
            server::submit_claim(db, &self.partner, &id, "20", "", now, None)
                .await
                .unwrap();
        }
        id
    }
}

async fn claim_of(db: &Db, request: &str) -> String {
    sqlx::query_scalar("SELECT id FROM fund_claims WHERE request_id = $1")
        .bind(request)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

pub async fn fixtures(db: &Db) -> FundFixtures {
    let admin = viewer(db, "priya.raman@acmecloud.example").await;
    let sides = [
        Side {
            partner: viewer(db, "ava.thompson@northwind.example").await,
            allocation: allocation_of(db, "northwind").await,
        },
        Side {
            partner: viewer(db, "oliver.grant@bluepeak.example").await,
            allocation: allocation_of(db, "bluepeak").await,
        },
    ];
    let now = app::auth::server::now();
    let mut asked = Vec::new();
    let (mut to_review, mut claims, mut claimable, mut payable) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (side, target) in sides.iter().zip([Target::Own, Target::Other]) {
        let id = side.request(db, "Fixture asked").await;
        let review = server::check_review("more_info", "", "Which accounts?").unwrap();
        server::review_request(db, &admin, &id, &review, now, None)
            .await
            .unwrap();
        asked.push(id);
        for who in [Who::ProgramAdmin, Who::ChannelManager] {
            to_review.push((who, target, side.request(db, "Fixture to review").await));
            let claimed = side.approved(db, &admin, "Fixture claimed", true).await;
            claims.push((who, target, claim_of(db, &claimed).await));
        }
        claimable.push(side.approved(db, &admin, "Fixture claimable", false).await);
        let paid = side.approved(db, &admin, "Fixture payable", true).await;
        let claim = claim_of(db, &paid).await;
        let approve = server::ClaimDecision {
            approve: true,
            amount: None,
            note: String::new(),
        };
        server::review_claim(db, &admin, &claim, &approve, now, None)
            .await
            .unwrap();
        payable.push(claim);
    }
    let period: String = sqlx::query_scalar("SELECT period_id FROM fund_allocations WHERE id = $1")
        .bind(&sides[0].allocation)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let pair = |v: Vec<String>| (v[0].clone(), v[1].clone());
    let mut earnings = Vec::new();
    for partner in ["northwind", "bluepeak"] {
        earnings.push(
            sqlx::query_scalar(
                "SELECT id FROM earnings WHERE organisation_id = $1 AND question IS NOT NULL \
                 ORDER BY earned_at DESC, id LIMIT 1",
            )
            .bind(demo_id("org", partner))
            .fetch_one(&db.pool)
            .await
            .unwrap(),
        );
    }
    // Fresh registrations to ask offers on (open whatever the sweep
    // decides), and the demo's deals that carry an offer.
    let mut fresh = Vec::new();
    for (n, side) in [0, 0, 1].into_iter().enumerate() {
        let deal = app::deals::DealInput {
            customer_company: format!("Offer Fixture {n} Holdings"),
            contact_name: "Pat Doe".into(),
            contact_email: "pat@offer-fixture.example".into(),
            country: "Canada".into(),
            products: "Acme Compute".into(),
            value: "1000".into(),
            currency: "USD".into(),
            expected_close: "2099-01-01".into(),
            partner_role: "reseller".into(),
            ..app::deals::DealInput::default()
        }
        .validate("2026-01-01")
        .unwrap();
        let registered = app::deals::server::register(db, &sides[side].partner, &deal, None)
            .await
            .unwrap();
        fresh.push(registered.id);
    }
    let offered = |partner: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT deal_id FROM private_offers WHERE organisation_id = $1 LIMIT 1",
            )
            .bind(demo_id("org", partner))
            .fetch_one(&db.pool)
            .await
            .unwrap()
        }
    };
    let offered = (offered("northwind").await, offered("bluepeak").await);
    FundFixtures {
        requests: pair(asked.clone()),
        allocations: (sides[0].allocation.clone(), sides[1].allocation.clone()),
        period,
        asked: pair(asked),
        to_review,
        claimable: pair(claimable),
        claims,
        payable: pair(payable),
        earnings: pair(earnings),
        offer_deals: vec![
            (Who::PartnerAdmin, fresh[0].clone()),
            (Who::PartnerUser, fresh[1].clone()),
        ],
        other_offer_deal: fresh[2].clone(),
        offered,
    }
}

fn pick(pair: &(String, String), target: Target) -> &str {
    match target {
        Target::Own => &pair.0,
        Target::Other => &pair.1,
    }
}

fn mine(list: &[(Who, Target, String)], who: Who, target: Target) -> String {
    list.iter()
        .find(|(w, t, _)| *w == who && *t == target)
        .or_else(|| list.iter().find(|(_, t, _)| *t == target))
        .map(|(_, _, id)| id.clone())
        .unwrap()
}

/// The funds rows: `None` for a path that is not one of them.
pub fn attempt(
    fx: &FundFixtures,
    path: &str,
    who: Who,
    target: Target,
) -> Option<(String, Expect)> {
    use Expect::{Allowed, Denied};
    let reviewer = matches!(who, Who::ProgramAdmin | Who::ChannelManager);
    // A partner admin acts on its own organisation's; another's is not
    // there for it.
    let partner_admin = match (who, target) {
        (Who::PartnerAdmin, Target::Own) => Allowed,
        (Who::PartnerAdmin, Target::Other) => Denied(AppError::NotFound),
        _ => Denied(AppError::Forbidden),
    };
    let (body, expect) = match path {
        "/api/funds_overview" => (String::new(), Allowed),
        // Vendor staff read any partner's request; partner people their own.
        "/api/funds_request" => {
            let expect = if who.is_vendor() || target == Target::Own {
                Allowed
            } else {
                Denied(AppError::NotFound)
            };
            (form(&[("id", pick(&fx.requests, target))]), expect)
        }
        // Another partner's allocation is not one to choose from.
        "/api/funds_submit" => {
            let expect = match (who, target) {
                (Who::PartnerAdmin, Target::Own) => Allowed,
                (Who::PartnerAdmin, Target::Other) => Denied(AppError::field(
                    "allocation",
                    "Choose the funds to draw on.",
                )),
                _ => Denied(AppError::Forbidden),
            };
            let body = form(&[
                ("input[allocation]", pick(&fx.allocations, target)),
                ("input[activity]", "event"),
                ("input[title]", "Permission table"),
                ("input[description]", "A request from the permission table."),
                ("input[planned_cost]", "10"),
                ("input[share]", "50"),
                ("input[expected_leads]", "0"),
                ("input[expected_pipeline]", ""),
                ("input[starts_on]", "2098-01-01"),
                ("input[ends_on]", "2098-01-01"),
            ]);
            (body, expect)
        }
        "/api/funds_answer" => (
            form(&[("id", pick(&fx.asked, target)), ("answer", "These twenty.")]),
            partner_admin,
        ),
        "/api/funds_claim" => (
            form(&[
                ("request", pick(&fx.claimable, target)),
                ("actual_cost", "20"),
            ]),
            partner_admin,
        ),
        // Reviewers decide any partner's; nobody else decides.
        "/api/funds_review" => (
            form(&[
                ("id", &mine(&fx.to_review, who, target)),
                ("decision", "more_info"),
                ("note", "Which accounts?"),
            ]),
            if reviewer {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            },
        ),
        "/api/funds_review_claim" => (
            form(&[
                ("claim", &mine(&fx.claims, who, target)),
                ("decision", "return"),
                ("note", "Send the paid invoice."),
            ]),
            if reviewer {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            },
        ),
        // The program admin pays (all that is owed), opens periods and
        // allocates.
        "/api/funds_pay" => (
            form(&[("claim", pick(&fx.payable, target)), ("reference", "ERP-T")]),
            admin_only(who),
        ),
        "/api/funds_pay_all" => (form(&[("reference", "ERP-RUN")]), admin_only(who)),
        "/api/funds_period" => (
            form(&[
                ("name", "Permission period"),
                ("starts_on", "2098-01-01"),
                ("ends_on", "2098-03-31"),
                ("currency", "USD"),
                ("budget", "100"),
            ]),
            admin_only(who),
        ),
        "/api/funds_allocate" => {
            let partner = match target {
                Target::Own => demo_id("org", "northwind"),
                Target::Other => demo_id("org", "bluepeak"),
            };
            (
                form(&[
                    ("period", &fx.period),
                    ("partner", &partner),
                    ("amount", "1"),
                    ("expires_on", "2099-01-01"),
                ]),
                admin_only(who),
            )
        }
        // Incentives: everyone reads their own statement; the program
        // admin adds programs and pays; reviewers approve and answer;
        // partner people question their own lines only.
        "/api/earnings_view" => (String::new(), Allowed),
        "/api/earnings_program" => (
            form(&[
                ("program[name]", "Permission SPIFF"),
                ("program[kind]", "spiff"),
                ("program[amount]", "1"),
                ("program[currency]", "USD"),
                ("program[starts_on]", "2098-01-01"),
                ("program[ends_on]", "2098-12-31"),
            ]),
            admin_only(who),
        ),
        "/api/earnings_approve" => (
            String::new(),
            if reviewer {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            },
        ),
        "/api/earnings_pay" => (form(&[("reference", "ERP-P")]), admin_only(who)),
        "/api/earnings_question" => {
            let expect = match (who, target) {
                (Who::PartnerAdmin | Who::PartnerUser, Target::Own) => Allowed,
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => Denied(AppError::NotFound),
                _ => Denied(AppError::Forbidden),
            };
            (
                form(&[
                    ("id", pick(&fx.earnings, target)),
                    ("question", "Why this amount?"),
                ]),
                expect,
            )
        }
        "/api/earnings_answer" => (
            form(&[
                ("id", pick(&fx.earnings, target)),
                ("answer", "By the rule."),
            ]),
            if reviewer {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            },
        ),
        // Private offers: the deal's partner and vendor staff read; the
        // partner's people ask; reviewers record.
        "/api/funds_offer" => {
            let expect = if who.is_vendor() || target == Target::Own {
                Allowed
            } else {
                Denied(AppError::NotFound)
            };
            (form(&[("deal", pick(&fx.offered, target))]), expect)
        }
        "/api/funds_offer_request" => {
            let partner = matches!(who, Who::PartnerAdmin | Who::PartnerUser);
            let deal = match (target, fx.offer_deals.iter().find(|(w, _)| *w == who)) {
                (Target::Own, Some((_, deal))) => deal.clone(),
                _ => fx.other_offer_deal.clone(),
            };
            let expect = match (partner, target) {
                (true, Target::Own) => Allowed,
                (true, Target::Other) => Denied(AppError::NotFound),
                _ => Denied(AppError::Forbidden),
            };
            (form(&[("deal", &deal), ("marketplace", "aws")]), expect)
        }
        "/api/funds_offer_record" => (
            form(&[("deal", pick(&fx.offered, target)), ("status", "expired")]),
            if reviewer {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            },
        ),
        _ => return None,
    };
    let expect = if who == Who::Nobody {
        Denied(AppError::Unauthenticated)
    } else {
        expect
    };
    Some((body, expect))
}

fn admin_only(who: Who) -> Expect {
    if who == Who::ProgramAdmin {
        Expect::Allowed
    } else {
        Expect::Denied(AppError::Forbidden)
    }
}
