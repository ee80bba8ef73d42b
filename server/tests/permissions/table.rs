//! The permission table itself: who calls, whose records, and for every
//! server function the request and what must happen. The sweep
//! (`main.rs`), the disclosure check and the malformed-request check all
//! read it, so a new server function joins all three with one row.

use app::{
    auth::server::{create_session, RequestInfo},
    db::Db,
    error::AppError,
    organisations::demo::demo_id,
};
use axum::{http::StatusCode, Router};
use server::testing::{body_text, error_of, form_value, post_form};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Nobody,
    ProgramAdmin,
    ChannelManager,
    Marketer,
    PartnerAdmin,
    PartnerUser,
}

pub const EVERYONE: [Who; 6] = [
    Who::Nobody,
    Who::ProgramAdmin,
    Who::ChannelManager,
    Who::Marketer,
    Who::PartnerAdmin,
    Who::PartnerUser,
];

impl Who {
    pub fn person(self) -> Option<&'static str> {
        match self {
            Who::Nobody => None,
            Who::ProgramAdmin => Some("priya-raman"),
            Who::ChannelManager => Some("marcus-webb"),
            Who::Marketer => Some("dana-okafor"),
            Who::PartnerAdmin => Some("northwind-ava"),
            Who::PartnerUser => Some("northwind-leo"),
        }
    }

    pub fn is_vendor(self) -> bool {
        matches!(
            self,
            Who::ProgramAdmin | Who::ChannelManager | Who::Marketer
        )
    }

    /// The organisation the caller belongs to.
    pub fn own_org(self) -> String {
        if self.is_vendor() {
            demo_id("org", "acme-cloud")
        } else {
            demo_id("org", "northwind")
        }
    }
}

/// Whose records an attempt aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Own,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Allowed,
    Denied(AppError),
}

pub struct Fixture {
    pub app: Router,
    pub db: Db,
    pub cookies: Vec<(Who, String)>,
    /// A live session of a person in another partner organisation.
    pub other_session_id: String,
    /// A second live session of each caller, to revoke as "own".
    pub spare_sessions: Vec<(Who, String)>,
    /// A Northwind registration and one of the other partner's.
    pub own_deal: String,
    pub other_deal: String,
    /// A registration flagged as a conflict (never bulk-approved).
    pub flagged_deal: String,
    /// An open partner application.
    pub application: String,
    /// Each caller's open and submitted quiz attempt, and the other
    /// partner's (Oliver's).
    pub open_attempts: Vec<(Who, String)>,
    pub done_attempts: Vec<(Who, String)>,
    pub other_open_attempt: String,
    pub other_done_attempt: String,
    /// Draft email sends: each partner caller's own (one to queue, one to
    /// discard, as each call uses its draft up), and Bluepeak's.
    pub drafts: Vec<(Who, String, String)>,
    pub other_draft: String,
    /// A vendor lead offered to Northwind for each partner caller to
    /// answer, and one offered to Bluepeak.
    pub offers: Vec<(Who, String)>,
    pub other_offer: String,
    /// A webhook delivery to the vendor's endpoint and one to Northwind's.
    pub vendor_delivery: String,
    pub northwind_delivery: String,
    /// Two published templates to edit, publish and unpublish (own,
    /// other), apart from the demo's that partners launch.
    pub templates: (String, String),
    /// A reworded campaign waiting for review for each template author:
    /// Northwind's (own) and Bluepeak's (other).
    pub reviews: Vec<(Who, Target, String)>,
    /// A lead import report of the vendor's and one kept under Bluepeak.
    pub imports: (String, String),
    pub funds: super::funds::FundFixtures,
}

/// A lead import report of organisation `org`, made by `person`.
async fn lead_import(db: &Db, org: &str, person: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO lead_imports (id, organisation_id, created_by, file_name, report, created_at) \
         VALUES ($1, $2, $3, 'leads.csv', $4, 0)",
    )
    .bind(&id)
    .bind(demo_id("org", org))
    .bind(demo_id("person", person))
    .bind(r#"{"file_name":"leads.csv","created_at":0,"kept":1,"offered":1,"refused":[]}"#)
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

/// A published template with the starter content.
async fn fixture_template(db: &Db, name: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let content = starter_json();
    sqlx::query(
        "INSERT INTO campaign_templates (id, name, summary, language, status, version, content, \
         created_at, updated_at) VALUES ($1, $2, '', 'en', 'published', 1, $3, 1, 1)",
    )
    .bind(&id)
    .bind(name)
    .bind(&content)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO campaign_template_versions (template_id, version, content, published_at) \
         VALUES ($1, 1, $2, 1)",
    )
    .bind(&id)
    .bind(&content)
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

fn starter_json() -> String {
    serde_json::to_string(&app::campaigns::authoring::starter(app::i18n::Locale::En)).unwrap()
}

/// A campaign of partner `org` launched by `person` from `template`,
/// waiting for a vendor marketer's review.
async fn pending_campaign(db: &Db, org: &str, person: &str, template: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO campaigns (id, organisation_id, template_id, template_version, slug, name, \
         content, has_email, has_page, status, launched_by, launched_at) \
         VALUES ($1, $2, $3, 1, $1, 'Fixture', $4, 1, 1, 'pending_approval', $5, 1)",
    )
    .bind(&id)
    .bind(demo_id("org", org))
    .bind(template)
    .bind(starter_json())
    .bind(demo_id("person", person))
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

/// A vendor lead offered to partner `org` until next year.
async fn offered_lead(db: &Db, org: &str, who: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let email = format!("{who}-{id}@fixture.example");
    sqlx::query(
        "INSERT INTO leads (id, organisation_id, name, email, company, email_key, company_key, \
         consent_at, status, created_at, updated_at, region, offer_expires_at) \
         VALUES ($1, $2, 'Kim', $3, 'Fixture', $3, 'fixture', 1, 'offered', 1, 1, 'north_america', $4)",
    )
    .bind(&id)
    .bind(demo_id("org", org))
    .bind(&email)
    .bind(app::format::now_secs() + 86_400 * 365)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO lead_offers (id, lead_id, organisation_id, offered_at, expires_at, outcome) \
         VALUES ($1, $2, $3, 1, $4, 'pending')",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(&id)
    .bind(demo_id("org", org))
    .bind(app::format::now_secs() + 86_400 * 365)
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

/// A delivery of demo endpoint `endpoint`, aimed at an address the test
/// server refuses at once (so replaying it never waits on a network).
async fn delivery_of(db: &Db, endpoint: &str) -> String {
    let endpoint = demo_id("webhook", endpoint);
    sqlx::query("UPDATE webhook_endpoints SET url = 'https://127.0.0.1/refused' WHERE id = $1")
        .bind(&endpoint)
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query_scalar(
        "SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id LIMIT 1",
    )
    .bind(&endpoint)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

/// A draft send of demo campaign `campaign` by `person` of `org`, to one
/// recipient.
async fn draft_send(db: &Db, org: &str, campaign: &str, person: &str) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO campaign_sends (id, campaign_id, organisation_id, status, source, created_by, \
         created_at) VALUES ($1, $2, $3, 'draft', 'fixture.csv', $4, 1)",
    )
    .bind(&id)
    .bind(demo_id("campaign", campaign))
    .bind(demo_id("org", org))
    .bind(demo_id("person", person))
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO campaign_recipients (id, send_id, campaign_id, organisation_id, position, \
         email, email_key, name, company, token_hash) \
         VALUES ($1, $2, $3, $4, 0, 'kim@fixture.example', 'kim@fixture.example', 'Kim', 'Fixture', $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(&id)
    .bind(demo_id("campaign", campaign))
    .bind(demo_id("org", org))
    .bind(format!("draft:{id}"))
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

/// A quiz attempt at the demo course "fundamentals" by `person` of
/// `org`: open, or submitted with half its questions right.
async fn quiz_attempt(db: &Db, person: &str, org: &str, submitted: bool) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    let questions: Vec<String> = (0..4)
        .map(|q| demo_id("question", &format!("fundamentals-{q}")))
        .collect();
    let (at, percent, passed, marks) = if submitted {
        (Some(1_i64), Some(50_i64), Some(0_i64), Some("1100"))
    } else {
        (None, None, None, None)
    };
    let course = if submitted { "selling" } else { "fundamentals" };
    let questions = if submitted {
        (0..4)
            .map(|q| demo_id("question", &format!("selling-{q}")))
            .collect::<Vec<_>>()
    } else {
        questions
    };
    sqlx::query(
        "INSERT INTO quiz_attempts (id, course_id, person_id, organisation_id, question_ids, \
         started_at, submitted_at, percent, passed, answers, marks) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, '', $9)",
    )
    .bind(&id)
    .bind(demo_id("course", course))
    .bind(demo_id("person", person))
    .bind(org)
    .bind(questions.join(","))
    .bind(at)
    .bind(percent)
    .bind(passed)
    .bind(marks)
    .execute(&db.pool)
    .await
    .unwrap();
    id
}

impl Fixture {
    pub async fn new(db: Db) -> Fixture {
        let app = server::testing::seeded_app(&db).await;
        let info = RequestInfo::default();
        let mut cookies = Vec::new();
        let mut spare_sessions = Vec::new();
        for who in EVERYONE {
            let Some(slug) = who.person() else { continue };
            let person = demo_id("person", slug);
            let token = create_session(&db, &person, false, &info).await.unwrap();
            cookies.push((who, format!("{}={token}", app::auth::server::COOKIE)));
            let spare = create_session(&db, &person, false, &info).await.unwrap();
            spare_sessions.push((who, session_id(&db, &spare).await));
        }
        // Something in the other partner's audit log that must never show.
        app::audit::server::record_now(
            &db,
            app::db::Actor::system(),
            app::audit::server::Entry {
                organisation_id: Some(&demo_id("org", "bluepeak")),
                action: "profile_updated",
                record_type: "organisation",
                detail: Some("Bluepeak internal change"),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let other = demo_id("person", "bluepeak-oliver");
        let other_token = create_session(&db, &other, false, &info).await.unwrap();
        let other_session_id = session_id(&db, &other_token).await;
        let deal = |company: &'static str| {
            let db = db.clone();
            async move {
                sqlx::query_scalar::<_, String>("SELECT id FROM deals WHERE customer_company = $1")
                    .bind(company)
                    .fetch_one(&db.pool)
                    .await
                    .unwrap()
            }
        };
        let own_deal = deal("Cyberdyne Systems").await;
        let other_deal = deal("Wayne Enterprises").await;
        let flagged_deal = deal("Stark Industries, Inc.").await;
        let application = sqlx::query_scalar(
            "SELECT id FROM applications WHERE company = 'Tailspin Retail Systems'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let (mut open_attempts, mut done_attempts) = (Vec::new(), Vec::new());
        for who in EVERYONE {
            let Some(slug) = who.person() else { continue };
            let org = who.own_org();
            open_attempts.push((who, quiz_attempt(&db, slug, &org, false).await));
            done_attempts.push((who, quiz_attempt(&db, slug, &org, true).await));
        }
        let bluepeak = demo_id("org", "bluepeak");
        let other_open_attempt = quiz_attempt(&db, "bluepeak-oliver", &bluepeak, false).await;
        let other_done_attempt = quiz_attempt(&db, "bluepeak-oliver", &bluepeak, true).await;
        let mut drafts = Vec::new();
        for who in [Who::PartnerAdmin, Who::PartnerUser] {
            let person = who.person().unwrap_or_default();
            drafts.push((
                who,
                draft_send(&db, "northwind", "northwind-migration", person).await,
                draft_send(&db, "northwind", "northwind-migration", person).await,
            ));
        }
        let other_draft = draft_send(&db, "bluepeak", "bluepeak-backup", "bluepeak-amelia").await;
        let mut offers = Vec::new();
        for who in [Who::PartnerAdmin, Who::PartnerUser] {
            offers.push((
                who,
                offered_lead(&db, "northwind", &format!("{who:?}")).await,
            ));
        }
        let other_offer = offered_lead(&db, "bluepeak", "other").await;
        let vendor_delivery = delivery_of(&db, "acme-crm").await;
        let northwind_delivery = delivery_of(&db, "northwind-crm").await;
        let templates = (
            fixture_template(&db, "Fixture own").await,
            fixture_template(&db, "Fixture other").await,
        );
        let mut reviews = Vec::new();
        for who in [Who::ProgramAdmin, Who::Marketer] {
            reviews.push((
                who,
                Target::Own,
                pending_campaign(&db, "northwind", "northwind-ava", &templates.0).await,
            ));
            reviews.push((
                who,
                Target::Other,
                pending_campaign(&db, "bluepeak", "bluepeak-amelia", &templates.0).await,
            ));
        }
        let imports = (
            lead_import(&db, "acme-cloud", "priya-raman").await,
            lead_import(&db, "bluepeak", "bluepeak-oliver").await,
        );
        let funds = super::funds::fixtures(&db).await;
        Fixture {
            funds,
            imports,
            templates,
            reviews,
            offers,
            other_offer,
            vendor_delivery,
            northwind_delivery,
            drafts,
            other_draft,
            app,
            db,
            cookies,
            other_session_id,
            spare_sessions,
            own_deal,
            other_deal,
            flagged_deal,
            application,
            open_attempts,
            done_attempts,
            other_open_attempt,
            other_done_attempt,
        }
    }

    pub async fn call(
        &self,
        who: Who,
        path: &str,
        body: String,
    ) -> Result<(StatusCode, String), AppError> {
        let cookie = self
            .cookies
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, c)| c.as_str());
        let res = post_form(&self.app, path, &body, cookie).await;
        let status = res.status();
        if status.is_success() || status.is_redirection() {
            Ok((status, body_text(res).await))
        } else {
            Err(error_of(res).await)
        }
    }
}

pub async fn session_id(db: &Db, token: &str) -> String {
    sqlx::query_scalar("SELECT id FROM sessions WHERE token_hash = $1")
        .bind(app::auth::server::token_hash(token))
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", form_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// One row per server function: the request for (who, target), and what
/// must happen.
pub fn attempt(fx: &Fixture, path: &str, who: Who, target: Target) -> (String, Expect) {
    use Expect::{Allowed, Denied};
    let signed_in = who != Who::Nobody;
    let needs_sign_in = |allowed: Expect| {
        if signed_in {
            allowed
        } else {
            Denied(AppError::Unauthenticated)
        }
    };
    if let Some(row) = super::funds::attempt(&fx.funds, path, who, target) {
        return row;
    }
    match path {
        "/api/set_theme" => (form(&[("theme", "dark")]), Allowed),
        "/api/set_language" => (form(&[("lang", "de")]), Allowed),
        "/api/program_overview" => (String::new(), Allowed),
        "/api/current_viewer" => (String::new(), Allowed),
        "/api/sign_in" => {
            // Signing in as someone else without their password never works.
            let email = match target {
                Target::Own => "ava.thompson@northwind.example",
                Target::Other => "oliver.grant@bluepeak.example",
            };
            (
                form(&[("email", email), ("password", "not their password")]),
                Denied(AppError::field(
                    "email",
                    "That email and password do not match an account.",
                )),
            )
        }
        "/api/sign_out" => (String::new(), Allowed),
        "/api/my_sessions" => (String::new(), needs_sign_in(Allowed)),
        "/api/revoke_session" => {
            let id = match target {
                Target::Own => fx
                    .spare_sessions
                    .iter()
                    .find(|(w, _)| *w == who)
                    .map(|(_, id)| id.clone())
                    .unwrap_or_else(|| fx.other_session_id.clone()),
                Target::Other => fx.other_session_id.clone(),
            };
            let expect = match target {
                Target::Own => Allowed,
                Target::Other => Denied(AppError::NotFound),
            };
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        "/api/organisation_profile" => {
            let (id, expect) = match target {
                Target::Own => (who.own_org(), Allowed),
                Target::Other if who.is_vendor() => (demo_id("org", "northwind"), Allowed),
                Target::Other => (demo_id("org", "bluepeak"), Denied(AppError::NotFound)),
            };
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        "/api/invite_person" => {
            let (org, role) = match (target, who.is_vendor()) {
                (Target::Own, true) => (who.own_org(), "marketer"),
                (Target::Own, false) => (who.own_org(), "partner_user"),
                (Target::Other, true) => (demo_id("org", "northwind"), "partner_user"),
                (Target::Other, false) => (demo_id("org", "bluepeak"), "partner_user"),
            };
            let email = format!("invitee-{who:?}-{target:?}@example.com").to_lowercase();
            let expect = match (who, target) {
                (Who::ProgramAdmin, _) | (Who::PartnerAdmin, Target::Own) => Allowed,
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => Denied(AppError::NotFound),
                _ => Denied(AppError::Forbidden),
            };
            (
                form(&[
                    ("organisation_id", &org),
                    ("name", "New Person"),
                    ("email", &email),
                    ("role", role),
                    ("job_function", "sales"),
                ]),
                needs_sign_in(expect),
            )
        }
        "/api/accept_invitation" | "/api/reset_password" => (
            // A made-up link opens nothing, whoever presents it.
            form(&[("token", "0000"), ("password", "a long enough password")]),
            Denied(AppError::field(
                "token",
                "This link has expired or was already used. Ask for a new one.",
            )),
        ),
        "/api/request_password_reset" => {
            (form(&[("email", "oliver.grant@bluepeak.example")]), Allowed)
        }
        "/api/outbox_messages" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/update_person" => {
            let (person, role) = match (target, who.is_vendor()) {
                (Target::Own, true) => ("sofia-lindqvist", "channel_manager"),
                (Target::Own, false) => ("northwind-mia", "partner_user"),
                (Target::Other, true) => ("northwind-mia", "partner_user"),
                (Target::Other, false) => ("bluepeak-amelia", "partner_user"),
            };
            let expect = match (who, target) {
                (Who::ProgramAdmin, _) | (Who::PartnerAdmin, Target::Own) => Allowed,
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => Denied(AppError::NotFound),
                _ => Denied(AppError::Forbidden),
            };
            (
                form(&[
                    ("person_id", &demo_id("person", person)),
                    ("role", role),
                    ("status", "active"),
                ]),
                needs_sign_in(expect),
            )
        }
        "/api/audit_entries" => {
            let (org, expect) = match (who, target) {
                (Who::ProgramAdmin, Target::Own) => (who.own_org(), Allowed),
                (Who::ProgramAdmin, Target::Other) => (demo_id("org", "bluepeak"), Allowed),
                (Who::PartnerAdmin, Target::Own) => (who.own_org(), Allowed),
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => {
                    (demo_id("org", "bluepeak"), Denied(AppError::NotFound))
                }
                (_, Target::Own) => (who.own_org(), Denied(AppError::Forbidden)),
                (_, Target::Other) => (demo_id("org", "bluepeak"), Denied(AppError::Forbidden)),
            };
            (form(&[("organisation_id", &org)]), needs_sign_in(expect))
        }
        "/api/update_organisation" => {
            let (org, expect) = match (who, target) {
                (Who::ProgramAdmin, Target::Own) => (who.own_org(), Allowed),
                (Who::ProgramAdmin, Target::Other) => (demo_id("org", "northwind"), Allowed),
                (Who::PartnerAdmin, Target::Own) => (who.own_org(), Allowed),
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => {
                    (demo_id("org", "bluepeak"), Denied(AppError::NotFound))
                }
                (_, Target::Own) => (who.own_org(), Denied(AppError::Forbidden)),
                (_, Target::Other) => (demo_id("org", "northwind"), Denied(AppError::Forbidden)),
            };
            let body = form(&[
                ("id", &org),
                ("website", "example.com"),
                ("description", ""),
                ("contact_name", ""),
                ("contact_email", ""),
                ("contact_phone", ""),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/verify_second_factor" => (
            // Only a session whose password was just accepted may give a
            // code; a full session or none has nothing to verify.
            form(&[("code", "000000")]),
            Denied(AppError::Unauthenticated),
        ),
        "/api/two_step_status" => (String::new(), needs_sign_in(Allowed)),
        "/api/confirm_two_step" => (
            // Always the caller's own two-step sign-in; nothing is being set
            // up before the status page has been opened.
            form(&[("code", "000000")]),
            needs_sign_in(Denied(AppError::field(
                "code",
                "Nothing is being set up. Reload the page to start again.",
            ))),
        ),
        "/api/security_settings" | "/api/update_security_settings" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/check_deal_conflict" => (
            // Answers for the caller's own organisation; never who holds it.
            form(&[
                ("customer_company", "Stark Industries"),
                ("customer_domain", ""),
            ]),
            needs_sign_in(Allowed),
        ),
        "/api/register_deal" => {
            // Always for the caller's own organisation (there is no other
            // to name); vendor staff do not register deals.
            let expect = if who.is_vendor() {
                Denied(AppError::Forbidden)
            } else {
                Allowed
            };
            let body = form(&[
                (
                    "deal[customer_company]",
                    &format!("Permission Test {who:?} {target:?}"),
                ),
                ("deal[customer_domain]", ""),
                ("deal[contact_name]", "Pat Doe"),
                ("deal[contact_email]", "pat@customer.example"),
                ("deal[contact_phone]", ""),
                ("deal[country]", "Canada"),
                ("deal[products]", "Acme Compute"),
                ("deal[value]", "1000"),
                ("deal[currency]", "USD"),
                ("deal[expected_close]", "2099-01-01"),
                ("deal[partner_role]", "reseller"),
                ("deal[notes]", ""),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/list_deals" => (
            form(&[("search", ""), ("status", ""), ("page", "1")]),
            needs_sign_in(Allowed),
        ),
        "/api/add_co_seller" => {
            // Each vendor caller adds a different partner (neither the
            // caller-side partner nor the registrant), so nothing repeats
            // and no partner caller gains sight of another's deal.
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let partner = if who == Who::ProgramAdmin {
                "Lumen Systems Integration"
            } else {
                "quantix software"
            };
            let id = match target {
                Target::Own => &fx.own_deal,
                Target::Other => &fx.other_deal,
            };
            let body = form(&[("id", id), ("organisation", partner), ("role", "si")]);
            (body, needs_sign_in(expect))
        }
        "/api/record_touchpoint" => {
            let (id, expect) = match (who.is_vendor(), target) {
                (true, _) => (fx.own_deal.clone(), Denied(AppError::Forbidden)),
                (false, Target::Own) => (fx.own_deal.clone(), Allowed),
                (false, Target::Other) => (fx.other_deal.clone(), Denied(AppError::NotFound)),
            };
            let body = form(&[
                ("id", &id),
                ("kind", "demo"),
                (
                    "happened_on",
                    &app::format::utc_date(app::auth::server::now()),
                ),
                ("note", "Showed the dashboard"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/notifications" | "/api/mark_notifications_read" => {
            (String::new(), needs_sign_in(Allowed))
        }
        "/api/deal_detail" => {
            let (id, expect) = match target {
                Target::Own => (fx.own_deal.clone(), Allowed),
                Target::Other if who.is_vendor() => (fx.other_deal.clone(), Allowed),
                Target::Other => (fx.other_deal.clone(), Denied(AppError::NotFound)),
            };
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        "/api/review_queue" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/decide_deal" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let id = match target {
                Target::Own => &fx.own_deal,
                Target::Other => &fx.other_deal,
            };
            // Asking for more keeps the registration open for the next row.
            let body = form(&[
                ("id", id),
                ("decision", "more_info"),
                ("reason", "Which products exactly?"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/close_deal" => {
            // Neither registration is approved, so nothing closes; what
            // matters is who is told what.
            let not_approved = Denied(AppError::field(
                "outcome",
                "Only an approved registration can be closed.",
            ));
            let (id, expect) = match (who, target) {
                (Who::Marketer, _) => (fx.own_deal.clone(), Denied(AppError::Forbidden)),
                (_, Target::Own) => (fx.own_deal.clone(), not_approved),
                (Who::ProgramAdmin | Who::ChannelManager, Target::Other) => {
                    (fx.other_deal.clone(), not_approved)
                }
                (_, Target::Other) => (fx.other_deal.clone(), Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &id), ("outcome", "won")]),
                needs_sign_in(expect),
            )
        }
        "/api/direct_accounts" => {
            // The vendor's own account list is none of a partner's business.
            let expect = if who.is_vendor() {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (form(&[("search", "")]), needs_sign_in(expect))
        }
        "/api/add_direct_accounts" | "/api/approve_clean_deals" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = if path == "/api/add_direct_accounts" {
                form(&[
                    ("company", &format!("Permission Account {who:?} {target:?}")),
                    ("domain", ""),
                    ("csv", ""),
                ])
            } else {
                // Flagged as a conflict, so never approved in bulk.
                form(&[("ids", &fx.flagged_deal)])
            };
            (body, needs_sign_in(expect))
        }
        "/api/rules_of_engagement" => (String::new(), needs_sign_in(Allowed)),
        "/api/update_rules" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[
                ("text", "Disputes go to the channel manager."),
                ("sla_hours", "48"),
                ("default_protection_days", "90"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/request_extension" => {
            // Neither registration is approved: nothing changes either way.
            let (id, expect) = match (who.is_vendor(), target) {
                (true, _) => (fx.own_deal.clone(), Denied(AppError::Forbidden)),
                (false, Target::Own) => (
                    fx.own_deal.clone(),
                    Denied(AppError::field(
                        "reason",
                        "Only an approved registration without a pending request can be extended.",
                    )),
                ),
                (false, Target::Other) => (fx.other_deal.clone(), Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &id), ("reason", "Budget moved to next quarter")]),
                needs_sign_in(expect),
            )
        }
        "/api/decide_extension" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Denied(AppError::field(
                    "decision",
                    "No extension request is waiting.",
                ))
            } else {
                Denied(AppError::Forbidden)
            };
            let id = match target {
                Target::Own => &fx.own_deal,
                Target::Other => &fx.other_deal,
            };
            (
                form(&[("id", id), ("decision", "grant"), ("reason", "")]),
                needs_sign_in(expect),
            )
        }
        "/api/respond_to_deal" => {
            // decide_deal (earlier in the order) left a question on the own
            // registration: the partner admin answers it, so the partner user
            // (next) finds none waiting. Another partner's is never reachable.
            let (id, expect) = match (who, target) {
                (Who::PartnerAdmin, Target::Own) => (fx.own_deal.clone(), Allowed),
                (Who::PartnerUser, Target::Own) => (
                    fx.own_deal.clone(),
                    Denied(AppError::field(
                        "answer",
                        "No question is waiting for an answer.",
                    )),
                ),
                (Who::PartnerAdmin | Who::PartnerUser, Target::Other) => {
                    (fx.other_deal.clone(), Denied(AppError::NotFound))
                }
                _ => (fx.own_deal.clone(), Denied(AppError::Forbidden)),
            };
            (
                form(&[
                    ("id", &id),
                    ("answer", "All regions, rolled out in two phases."),
                ]),
                needs_sign_in(expect),
            )
        }
        "/api/submit_application" => {
            // The public form: anyone may apply, once per company.
            let slug = format!("{who:?}-{target:?}").to_lowercase();
            let body = form(&[
                (
                    "application[company]",
                    &format!("Applicant {who:?} {target:?}"),
                ),
                ("application[website]", &format!("applicant-{slug}.example")),
                ("application[country]", "Canada"),
                ("application[region]", "north_america"),
                ("application[partner_type]", "var"),
                ("application[employees]", "40"),
                ("application[industries][0]", "retail"),
                ("application[other_vendors]", ""),
                ("application[expected_revenue]", "100000"),
                ("application[contact_name]", "Pat Doe"),
                (
                    "application[contact_email]",
                    &format!("pat@applicant-{slug}.example"),
                ),
                ("application[contact_title]", ""),
                ("application[message]", ""),
            ]);
            (body, Allowed)
        }
        "/api/application_queue"
        | "/api/recruit_lookalikes"
        | "/api/application_detail"
        | "/api/decide_application" => {
            // Applications are the vendor's business: reviewers only.
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = match path {
                "/api/application_queue" => form(&[
                    ("status", ""),
                    ("partner_type", ""),
                    ("region", ""),
                    ("order", ""),
                ]),
                "/api/recruit_lookalikes" => String::new(),
                "/api/application_detail" => form(&[("id", &fx.application)]),
                // A question keeps the application open for the next row.
                _ => form(&[
                    ("id", &fx.application),
                    ("decision", "more_info"),
                    ("note", "Which customers would you bring first?"),
                ]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/add_prospect" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let slug = format!("{who:?}-{target:?}").to_lowercase();
            let body = form(&[
                ("prospect[company]", &format!("Prospect {who:?} {target:?}")),
                ("prospect[website]", &format!("prospect-{slug}.example")),
                ("prospect[country]", "Chile"),
                ("prospect[region]", "latam"),
                ("prospect[partner_type]", "si"),
                ("prospect[employees]", "60"),
                ("prospect[industries][0]", "energy"),
                ("prospect[note]", "Met at a trade fair"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/update_fit_weights" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[
                ("weights[0]", "20"),
                ("weights[1]", "15"),
                ("weights[2]", "10"),
                ("weights[3]", "25"),
                ("weights[4]", "15"),
                ("weights[5]", "15"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/tier_status" => {
            let (org, expect) = match (who.is_vendor(), target) {
                (true, Target::Own) => (demo_id("org", "northwind"), Allowed),
                (true, Target::Other) => (demo_id("org", "bluepeak"), Allowed),
                (false, Target::Own) => (who.own_org(), Allowed),
                (false, Target::Other) => (demo_id("org", "bluepeak"), Denied(AppError::NotFound)),
            };
            (form(&[("organisation_id", &org)]), needs_sign_in(expect))
        }
        "/api/tier_settings"
        | "/api/update_tier"
        | "/api/update_tier_policy"
        | "/api/decide_tier_change" => {
            let allowed = match path {
                // Nothing waits for approval in the demo.
                "/api/decide_tier_change" => Denied(AppError::field(
                    "decision",
                    "No tier change is waiting for this partner.",
                )),
                _ => Allowed,
            };
            let expect = if who == Who::ProgramAdmin {
                allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = match path {
                "/api/tier_settings" => String::new(),
                // Gold's own thresholds again: nothing moves.
                "/api/update_tier" => form(&[
                    ("id", &demo_id("tier", "gold")),
                    ("tier[min_sourced]", "800000"),
                    ("tier[min_influenced]", ""),
                    ("tier[min_certified]", "2"),
                    ("tier[min_registrations]", "2"),
                    ("tier[min_psat]", ""),
                    ("tier[benefits]", "A named channel manager"),
                ]),
                "/api/update_tier_policy" => form(&[("grace_days", "90")]),
                _ => form(&[
                    ("organisation_id", &demo_id("org", "northwind")),
                    ("decision", "approve"),
                ]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/onboarding_checklist" => {
            let (org, expect) = match (who.is_vendor(), target) {
                (true, Target::Own) => (demo_id("org", "cobalt"), Allowed),
                (true, Target::Other) => (demo_id("org", "bluepeak"), Allowed),
                (false, Target::Own) => (who.own_org(), Allowed),
                (false, Target::Other) => (demo_id("org", "bluepeak"), Denied(AppError::NotFound)),
            };
            (form(&[("organisation_id", &org)]), needs_sign_in(expect))
        }
        "/api/onboarding_overview" | "/api/skip_onboarding_step" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::ChannelManager) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            // Each reviewer skips a different step of a different partner.
            let org = match target {
                Target::Own => demo_id("org", "cobalt"),
                Target::Other => demo_id("org", "andes"),
            };
            let step = if who == Who::ProgramAdmin {
                "training"
            } else {
                "colleague"
            };
            let body = match path {
                "/api/onboarding_overview" => String::new(),
                _ => form(&[("organisation_id", &org), ("step", step)]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/program_tracks" | "/api/save_track" | "/api/publish_agreement" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            // The distributors' track: no other row reads it.
            let body = match path {
                "/api/program_tracks" => String::new(),
                "/api/save_track" => form(&[
                    ("partner_type", "distributor"),
                    ("welcome", "# Welcome, distributors"),
                    ("steps[0]", "first_deal"),
                ]),
                _ => form(&[
                    ("partner_type", "distributor"),
                    ("title", "Distribution agreement"),
                    ("body", "Terms for distributors."),
                    ("grace_days", "30"),
                ]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/current_agreement" => {
            let expect = if who.is_vendor() {
                Denied(AppError::Forbidden)
            } else {
                Allowed
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/sign_agreement" => {
            // Northwind signed the version in force; another type's
            // agreement is not its to sign.
            let (agreement, expect) = match (who, target) {
                (Who::PartnerAdmin, Target::Own) => (
                    demo_id("agreement", "var"),
                    Denied(AppError::field(
                        "agreement",
                        "Your organisation has already signed this version.",
                    )),
                ),
                (Who::PartnerAdmin, Target::Other) => (
                    demo_id("agreement", "msp"),
                    Denied(AppError::field(
                        "agreement",
                        "This is not the agreement in force for your organisation. Reload the page.",
                    )),
                ),
                _ => (demo_id("agreement", "var"), Denied(AppError::Forbidden)),
            };
            let body = form(&[
                ("agreement_id", &agreement),
                ("full_name", "Pat Doe"),
                ("title", "Director"),
                ("consent", "yes"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/signed_agreement" => {
            let (org, expect) = match (who.is_vendor(), target) {
                (true, Target::Own) => (demo_id("org", "northwind"), Allowed),
                (true, Target::Other) => (demo_id("org", "bluepeak"), Allowed),
                (false, Target::Own) => (demo_id("org", "northwind"), Allowed),
                (false, Target::Other) => (demo_id("org", "bluepeak"), Denied(AppError::NotFound)),
            };
            let id = demo_id("signature", &org);
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        "/api/welcome_kit" => (String::new(), needs_sign_in(Allowed)),
        // Courses are open to every signed-in person; attempts are their
        // person's own, and another's answers NotFound.
        "/api/learning_catalogue" => (String::new(), needs_sign_in(Allowed)),
        "/api/learning_course" => (
            form(&[("id", &demo_id("course", "fundamentals"))]),
            needs_sign_in(Allowed),
        ),
        "/api/learning_lesson" => (
            form(&[
                ("course_id", &demo_id("course", "fundamentals")),
                ("position", "2"),
            ]),
            needs_sign_in(Allowed),
        ),
        "/api/learning_start_quiz" => (
            form(&[("course_id", &demo_id("course", "security"))]),
            needs_sign_in(Allowed),
        ),
        "/api/learning_submit_quiz" | "/api/learning_attempt" => {
            let (own, other) = if path == "/api/learning_attempt" {
                (&fx.done_attempts, &fx.other_done_attempt)
            } else {
                (&fx.open_attempts, &fx.other_open_attempt)
            };
            let mine = own.iter().find(|(w, _)| *w == who).map(|(_, id)| id);
            let (id, expect) = match (target, mine) {
                (Target::Own, Some(id)) => (id.clone(), Allowed),
                _ => (other.clone(), Denied(AppError::NotFound)),
            };
            let body = if path == "/api/learning_attempt" {
                form(&[("id", &id)])
            } else {
                let pick = format!(
                    "{}:{}",
                    demo_id("question", "fundamentals-0"),
                    demo_id("choice", "fundamentals-0-2")
                );
                form(&[("attempt_id", &id), ("picked[0]", &pick)])
            };
            (body, needs_sign_in(expect))
        }
        "/api/learning_paths" => (String::new(), needs_sign_in(Allowed)),
        "/api/learning_certificate" => {
            // Own: Mia's certificate (Northwind), Other: Amelia's (Bluepeak).
            // A partner user sees only their own, not a colleague's.
            let (id, expect) = match target {
                Target::Own => (
                    demo_id("certificate", "northwind-mia:technical"),
                    if who == Who::PartnerUser {
                        Denied(AppError::NotFound)
                    } else {
                        Allowed
                    },
                ),
                Target::Other => (
                    demo_id("certificate", "bluepeak-amelia:managed"),
                    if who.is_vendor() {
                        Allowed
                    } else {
                        Denied(AppError::NotFound)
                    },
                ),
            };
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        "/api/verify_certificate" => {
            // Public: whoever holds a certificate's number may check it (its
            // holder hands it out; learning.rs reads another partner's).
            // Other: a number no certificate has.
            match target {
                Target::Own => (
                    form(&[("id", &demo_id("certificate", "northwind-mia:technical"))]),
                    Allowed,
                ),
                Target::Other => (
                    form(&[("id", "00000000-0000-4000-8000-000000000000")]),
                    Denied(AppError::NotFound),
                ),
            }
        }
        // A company's learning: its partner admin and vendor staff; a
        // partner user is refused their colleagues', another partner's is
        // NotFound.
        "/api/learning_team" => {
            let (org, expect) = match (who, target) {
                (w, Target::Own) if w.is_vendor() => (demo_id("org", "northwind"), Allowed),
                (w, Target::Other) if w.is_vendor() => (demo_id("org", "bluepeak"), Allowed),
                (Who::PartnerUser, Target::Own) => {
                    (demo_id("org", "northwind"), Denied(AppError::Forbidden))
                }
                (_, Target::Own) => (demo_id("org", "northwind"), Allowed),
                (_, Target::Other) => (demo_id("org", "bluepeak"), Denied(AppError::NotFound)),
            };
            (form(&[("organisation_id", &org)]), needs_sign_in(expect))
        }
        "/api/learning_program" => {
            let expect = if who.is_vendor() {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/learning_next" => (String::new(), needs_sign_in(Allowed)),
        "/api/learning_reset_attempts" => {
            // Leo (Northwind) and Oliver (Bluepeak) have attempts left, so
            // those allowed to reset are told so (learning.rs resets a
            // locked quiz); the others never get that far.
            let (person, name) = match target {
                Target::Own => ("northwind-leo", "Leo Martinez"),
                Target::Other => ("bluepeak-oliver", "Oliver Grant"),
            };
            let still = || {
                Denied(AppError::Conflict(format!(
                    "{name} still has attempts at this quiz."
                )))
            };
            let expect = match (who, target) {
                (Who::ProgramAdmin, _) | (Who::PartnerAdmin, Target::Own) => still(),
                (Who::ChannelManager | Who::Marketer, _) | (Who::PartnerUser, Target::Own) => {
                    Denied(AppError::Forbidden)
                }
                _ => Denied(AppError::NotFound),
            };
            let body = form(&[
                ("person_id", &demo_id("person", person)),
                ("course_id", &demo_id("course", "fundamentals")),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/learning_revoke_certificate" => {
            // The program admin alone, once on each certificate (Mia's at
            // Northwind, Amelia's at Bluepeak); the rest are refused before
            // the id is read.
            let id = match target {
                Target::Own => demo_id("certificate", "northwind-mia:technical"),
                Target::Other => demo_id("certificate", "bluepeak-amelia:managed"),
            };
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[("id", &id), ("reason", "Issued in error")]);
            (body, needs_sign_in(expect))
        }
        // The library: everyone signed in reads what is for them (the
        // MSP/SI playbook is not for Northwind, a reseller); the program
        // admin and marketers publish; the program admin edits the FAQ.
        "/api/assets_search" => (form(&[("q", "case study")]), needs_sign_in(Allowed)),
        "/api/assets_get" => {
            let (slug, expect) = match target {
                Target::Own => ("overview-deck", Allowed),
                Target::Other if who.is_vendor() => ("migration-playbook", Allowed),
                Target::Other => ("migration-playbook", Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &demo_id("asset", slug))]),
                needs_sign_in(expect),
            )
        }
        "/api/assets_add" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::Marketer) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[
                ("asset[title]", "Partner pricing sheet"),
                ("asset[description]", "List prices and discounts by tier."),
                ("asset[kind]", "datasheet"),
                ("asset[use_case]", "closing"),
                ("asset[industry]", "any"),
                ("asset[product]", "platform"),
                ("asset[language]", "en"),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/assets_tiers" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::Marketer) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/assets_archive" => {
            // A different case study for each publisher and target, so
            // each archives one once.
            let (slug, expect) = match (who, target) {
                (Who::ProgramAdmin, Target::Own) => ("case-city", Allowed),
                (Who::ProgramAdmin, Target::Other) => ("case-factory", Allowed),
                (Who::Marketer, Target::Own) => ("case-agency", Allowed),
                (Who::Marketer, Target::Other) => ("case-plant", Allowed),
                _ => ("case-city", Denied(AppError::Forbidden)),
            };
            (
                form(&[("id", &demo_id("asset", slug))]),
                needs_sign_in(expect),
            )
        }
        "/api/help_search" => (form(&[("q", "protection")]), needs_sign_in(Allowed)),
        "/api/help_faq" => (String::new(), needs_sign_in(Allowed)),
        "/api/help_faq_save" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[
                ("question", "Where do I find price lists?"),
                ("answer", "In the asset library, under datasheets."),
            ]);
            (body, needs_sign_in(expect))
        }
        "/api/help_faq_delete" => {
            let (n, expect) = match (who, target) {
                (Who::ProgramAdmin, Target::Own) => ("1", Allowed),
                (Who::ProgramAdmin, Target::Other) => ("2", Allowed),
                _ => ("3", Denied(AppError::Forbidden)),
            };
            (form(&[("id", &demo_id("faq", n))]), needs_sign_in(expect))
        }
        // Authoring: the program admin alone. Each write names its own
        // lesson or question, so the two calls of the program admin (own,
        // other) each change one thing once.
        "/api/learning_authoring"
        | "/api/learning_course_for_editing"
        | "/api/learning_save_course"
        | "/api/learning_save_lesson"
        | "/api/learning_move_lesson"
        | "/api/learning_add_question"
        | "/api/learning_remove_question"
        | "/api/learning_save_path" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let n = match target {
                Target::Own => "0",
                Target::Other => "1",
            };
            let course = demo_id("course", "fundamentals");
            let body = match path {
                "/api/learning_authoring" => String::new(),
                "/api/learning_course_for_editing" => form(&[("id", &course)]),
                "/api/learning_save_course" => form(&[
                    ("course[title]", "Edge basics"),
                    ("course[summary]", "What the edge is for."),
                    ("course[minutes]", "20"),
                    ("course[pass_mark]", "75"),
                    ("course[max_attempts]", "3"),
                    ("course[questions_per_attempt]", "4"),
                ]),
                "/api/learning_save_lesson" => form(&[
                    ("course_id", &course),
                    ("lesson[title]", "Regions"),
                    ("lesson[body]", "Four regions."),
                ]),
                "/api/learning_move_lesson" => {
                    let lesson = if n == "0" {
                        "fundamentals-3"
                    } else {
                        "security-3"
                    };
                    form(&[("id", &demo_id("lesson", lesson))])
                }
                // Into the pool the two removals below take from.
                "/api/learning_add_question" => form(&[
                    ("course_id", &demo_id("course", "migration")),
                    ("question[prompt]", "How many regions?"),
                    ("question[choices][0]", "Four"),
                    ("question[choices][1]", "Two"),
                    ("question[correct][0]", "0"),
                ]),
                "/api/learning_remove_question" => {
                    form(&[("id", &demo_id("question", &format!("migration-{n}")))])
                }
                _ => form(&[
                    ("path[title]", "Edge Certified"),
                    ("path[summary]", "For edge engineers."),
                    ("path[validity_months]", "12"),
                    ("path[courses][0]", &course),
                ]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/live_partners" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/change_partner_status" => {
            // Marks Harbor (or Keystone) at risk: no one loses access, and
            // the second call of the program admin finds it already so.
            let org = match target {
                Target::Own => demo_id("org", "harbor"),
                Target::Other => demo_id("org", "keystone"),
            };
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let body = form(&[
                ("id", &org),
                ("status", "at_risk"),
                ("reason", "No registration in six months"),
            ]);
            (body, needs_sign_in(expect))
        }
        // Campaigns: everyone signed in reads the catalogue (partners only
        // what is open to them: the databases offer is for MSPs, and
        // Northwind is a reseller) and the campaigns in their scope;
        // partner people launch, for their own organisation only.
        "/api/campaigns_catalogue" | "/api/campaigns_leads" | "/api/campaigns_streams" => {
            (String::new(), needs_sign_in(Allowed))
        }
        // Partner people choose how their own organisation takes a
        // stream (there is no other organisation's to name); vendor staff
        // take none.
        "/api/campaigns_subscribe" => {
            let expect = if who.is_vendor() {
                Denied(AppError::Forbidden)
            } else {
                Allowed
            };
            let stream = match target {
                Target::Own => "security",
                Target::Other => "fixture news",
            };
            (
                form(&[("stream", stream), ("mode", "approval")]),
                needs_sign_in(expect),
            )
        }
        "/api/campaigns_template" | "/api/campaigns_launch" => {
            let (slug, expect) = match target {
                Target::Own => ("migration", Allowed),
                Target::Other if who.is_vendor() => ("databases", Allowed),
                Target::Other => ("databases", Denied(AppError::NotFound)),
            };
            let expect = if path == "/api/campaigns_launch" && who.is_vendor() {
                Denied(AppError::Forbidden)
            } else {
                expect
            };
            (
                form(&[("id", &demo_id("template", slug))]),
                needs_sign_in(expect),
            )
        }
        // Lead work: partner people on their own leads (Jo Park's and
        // Sam Lee's at Northwind); Bluepeak's lead answers NotFound to
        // them; vendor staff are refused before the id is read.
        "/api/campaigns_lead_status" | "/api/campaigns_lead" => {
            let (slug, found) = match (target, who) {
                (Target::Own, Who::PartnerAdmin) => ("jo-park", true),
                (Target::Own, _) => ("sam-lee", true),
                (Target::Other, _) => ("noah-berg", false),
            };
            let expect = match (who.is_vendor(), found) {
                (true, _) => Denied(AppError::Forbidden),
                (false, true) => Allowed,
                (false, false) => Denied(AppError::NotFound),
            };
            let id = demo_id("lead", slug);
            let body = if path == "/api/campaigns_lead_status" {
                form(&[("id", &id), ("status", "working")])
            } else {
                form(&[("id", &id)])
            };
            (body, needs_sign_in(expect))
        }
        "/api/campaigns_get" => {
            let (slug, expect) = match target {
                Target::Own => ("northwind-migration", Allowed),
                Target::Other if who.is_vendor() => ("bluepeak-backup", Allowed),
                Target::Other => ("bluepeak-backup", Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &demo_id("campaign", slug))]),
                needs_sign_in(expect),
            )
        }
        // Email sends and recipient lists: the launching partner's people
        // only; vendor staff never see who a partner writes to (refused
        // before any id is read), Bluepeak's answer NotFound.
        "/api/campaigns_sends" | "/api/campaigns_send_list" => {
            let (campaign, list, expect) = match (target, who.is_vendor()) {
                (_, true) => (
                    "northwind-migration",
                    "northwind-customers",
                    Denied(AppError::Forbidden),
                ),
                (Target::Own, false) => ("northwind-migration", "northwind-customers", Allowed),
                (Target::Other, false) => (
                    "bluepeak-backup",
                    "bluepeak-prospects",
                    Denied(AppError::NotFound),
                ),
            };
            let body = if path == "/api/campaigns_sends" {
                form(&[("id", &demo_id("campaign", campaign))])
            } else {
                form(&[
                    ("campaign", &demo_id("campaign", campaign)),
                    ("list", &demo_id("list", list)),
                ])
            };
            (body, needs_sign_in(expect))
        }
        "/api/campaigns_send_get" | "/api/campaigns_send_queue" | "/api/campaigns_send_discard" => {
            let own = fx
                .drafts
                .iter()
                .find(|(w, _, _)| *w == who)
                .map(|(_, queue, discard)| {
                    if path.ends_with("discard") {
                        discard.clone()
                    } else {
                        queue.clone()
                    }
                });
            let (id, expect) = match (target, own) {
                (_, None) => (fx.drafts[0].1.clone(), Denied(AppError::Forbidden)),
                (Target::Own, Some(id)) => (id, Allowed),
                (Target::Other, Some(_)) => (fx.other_draft.clone(), Denied(AppError::NotFound)),
            };
            (form(&[("id", &id)]), needs_sign_in(expect))
        }
        // Ending: the launching partner's people (Northwind's webinar; the
        // migration campaign stays live for the send rows); Bluepeak's
        // answers NotFound; vendor staff are refused.
        "/api/campaigns_end" => {
            let (slug, expect) = match (target, who.is_vendor()) {
                (_, true) => ("northwind-webinar", Denied(AppError::Forbidden)),
                (Target::Own, false) => ("northwind-webinar", Allowed),
                (Target::Other, false) => ("bluepeak-backup", Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &demo_id("campaign", slug))]),
                needs_sign_in(expect),
            )
        }
        // Distribution: vendor staff enter leads (each call its own
        // person); partner people answer offers to their organisation
        // (each its own offer); Bluepeak's offer answers NotFound.
        // Vendor staff read their organisation's import reports.
        "/api/campaigns_lead_import" => {
            let id = match target {
                Target::Own => &fx.imports.0,
                Target::Other => &fx.imports.1,
            };
            let expect = match (who.is_vendor(), target) {
                (false, _) => Denied(AppError::Forbidden),
                (true, Target::Own) => Allowed,
                (true, Target::Other) => Denied(AppError::NotFound),
            };
            (form(&[("id", id)]), needs_sign_in(expect))
        }
        "/api/campaigns_lead_enter" => {
            let expect = if who.is_vendor() {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let email = format!("{who:?}-{target:?}@fixture.example").to_lowercase();
            (
                form(&[
                    ("lead[name]", "Kim Fixture"),
                    ("lead[email]", &email),
                    ("lead[company]", "Fixture Foods"),
                    ("lead[region]", "north_america"),
                ]),
                needs_sign_in(expect),
            )
        }
        "/api/campaigns_lead_answer" => {
            let own = fx
                .offers
                .iter()
                .find(|(w, _)| *w == who)
                .map(|(_, id)| id.clone());
            let (id, expect) = match (target, own) {
                (_, None) => (fx.offers[0].1.clone(), Denied(AppError::Forbidden)),
                (Target::Own, Some(id)) => (id, Allowed),
                (Target::Other, Some(_)) => (fx.other_offer.clone(), Denied(AppError::NotFound)),
            };
            (
                form(&[("id", &id), ("accept", "true")]),
                needs_sign_in(expect),
            )
        }
        // Templates are the vendor's: the program admin and vendor
        // marketers write, publish and review them; nobody else may, and
        // partners are refused before any id is read.
        "/api/campaigns_template_new"
        | "/api/campaigns_template_draft"
        | "/api/campaigns_template_save"
        | "/api/campaigns_template_publish"
        | "/api/campaigns_template_unpublish" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::Marketer) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            let id = match target {
                Target::Own => fx.templates.0.clone(),
                Target::Other => fx.templates.1.clone(),
            };
            let body = match path {
                "/api/campaigns_template_new" => {
                    form(&[("name", "Spring offer"), ("language", "en")])
                }
                "/api/campaigns_template_save" => format!(
                    "{}&template[content]={}",
                    form(&[
                        ("id", &id),
                        ("template[name]", "Fixture, renamed"),
                        ("template[language]", "en"),
                    ]),
                    form_urlencoded::byte_serialize(starter_json().as_bytes()).collect::<String>()
                ),
                _ => form(&[("id", &id)]),
            };
            (body, needs_sign_in(expect))
        }
        "/api/campaigns_review" => {
            let (id, expect) = match fx
                .reviews
                .iter()
                .find(|(w, t, _)| *w == who && *t == target)
            {
                Some((_, _, id)) => (id.clone(), Allowed),
                None => (fx.reviews[0].2.clone(), Denied(AppError::Forbidden)),
            };
            (
                form(&[("id", &id), ("approve", "true")]),
                needs_sign_in(expect),
            )
        }
        "/api/campaigns_routing" => {
            let expect = if who.is_vendor() {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/campaigns_routing_save" => {
            let expect = if who == Who::ProgramAdmin {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (
                form(&[
                    ("region", "required"),
                    ("partner_type", "optional"),
                    ("tier", "optional"),
                    ("specialisation", "optional"),
                    ("sla_hours", "48"),
                ]),
                needs_sign_in(expect),
            )
        }
        // Webhooks: the program admin and partner admins, each on their
        // own organisation's endpoints only; the other side's endpoint
        // (Northwind's for the program admin, the vendor's for Northwind)
        // answers NotFound.
        "/api/webhooks_view" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::PartnerAdmin) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (String::new(), needs_sign_in(expect))
        }
        "/api/webhooks_add" => {
            let expect = if matches!(who, Who::ProgramAdmin | Who::PartnerAdmin) {
                Allowed
            } else {
                Denied(AppError::Forbidden)
            };
            (
                form(&[
                    ("url", "https://crm.example.com/hooks/trellis"),
                    ("events[0]", "lead.created"),
                ]),
                needs_sign_in(expect),
            )
        }
        "/api/webhooks_active" | "/api/webhooks_replay" => {
            let vendor_side = who.is_vendor() == (target == Target::Own);
            let expect = match (who, target) {
                (Who::ProgramAdmin | Who::PartnerAdmin, Target::Own) => Allowed,
                (Who::ProgramAdmin | Who::PartnerAdmin, Target::Other) => {
                    Denied(AppError::NotFound)
                }
                _ => Denied(AppError::Forbidden),
            };
            let body = if path == "/api/webhooks_active" {
                let endpoint = if vendor_side {
                    "acme-crm"
                } else {
                    "northwind-crm"
                };
                form(&[("id", &demo_id("webhook", endpoint)), ("active", "true")])
            } else if vendor_side {
                form(&[("id", &fx.vendor_delivery)])
            } else {
                form(&[("id", &fx.northwind_delivery)])
            };
            (body, needs_sign_in(expect))
        }
        other => panic!("no row in the permission table for {other}: add one"),
    }
}
