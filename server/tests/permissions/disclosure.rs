//! What another party may see is an allow-list. Two registrations of the
//! other partner (Bluepeak) get a unique marker in every column the
//! database lets hold one (found from the schema, so a column added later
//! is marked too), in their timeline and touchpoints, and in the name and
//! email of the Bluepeak person who registered them. Northwind co-sells the
//! first (`shared`) and has nothing to do with the second (`hidden`).
//!
//! The sweep in `main.rs` then reads every answer any Northwind caller gets
//! from any server function: only markers of the columns a co-seller may
//! see ([`CO_SELLER_SEES`]), of the shared registration, may appear. The
//! pages are read the same way, and vendor staff must see every marker
//! (so the markers do reach the answers and the check cannot pass by
//! seeing nothing).

use app::{
    db::{Backend, Db},
    organisations::demo::demo_id,
};

/// Columns of a registration that hold codes the database checks (or
/// dates in a fixed form), so they cannot take a marker.
const CODED: &[&str] = &[
    "id",
    "organisation_id",
    "registered_by",
    "currency",
    "partner_role",
    "status",
    "conflict",
    "expected_close",
];

/// The columns of a registration a co-selling partner may see.
pub const CO_SELLER_SEES: &[&str] = &[
    "reference",
    "customer_company",
    "customer_domain",
    "country",
    "products",
    "value_cents",
    "submitted_at",
    "protected_until",
];

/// Columns the registration's page shows vendor staff (the rest are keys,
/// bookkeeping and reminders that no page shows anyone).
const ON_THE_PAGE: &[&str] = &[
    "reference",
    "customer_company",
    "customer_domain",
    "contact_name",
    "contact_email",
    "contact_phone",
    "country",
    "products",
    "notes",
    "extension_reason",
];

pub struct Marked {
    pub shared_id: String,
    pub hidden_id: String,
    /// Markers a Northwind caller must never meet.
    pub forbidden: Vec<String>,
    /// Text markers vendor staff must see on the shared registration.
    pub vendor_sees: Vec<String>,
    /// Text markers the co-seller must see on the shared registration.
    pub co_seller_sees: Vec<String>,
}

impl Marked {
    /// The forbidden markers in `text`.
    pub fn leaks(&self, text: &str) -> Vec<String> {
        self.forbidden
            .iter()
            .filter(|m| text.contains(m.as_str()))
            .cloned()
            .collect()
    }
}

/// Every column of `deals`: (name, holds text).
async fn deal_columns(db: &Db) -> Vec<(String, bool)> {
    let sql = match db.backend {
        Backend::Sqlite => "SELECT name, type FROM pragma_table_info('deals')",
        Backend::Postgres => {
            "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT) \
             FROM information_schema.columns WHERE table_name = 'deals'"
        }
    };
    let columns: Vec<(String, String)> = sqlx::query_as(sql).fetch_all(&db.pool).await.unwrap();
    assert!(columns.len() >= 25, "too few columns: {columns:?}");
    columns
        .into_iter()
        .map(|(name, kind)| (name, kind.to_lowercase().contains("text")))
        .collect()
}

async fn exec(db: &Db, sql: &str, binds: &[&str]) {
    binds
        .iter()
        .fold(sqlx::query(sql), |q, b| q.bind(*b))
        .execute(&db.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Plants the two marked registrations; see the module comment.
pub async fn plant(db: &Db) -> Marked {
    let bluepeak = demo_id("org", "bluepeak");
    let northwind = demo_id("org", "northwind");
    let amelia = demo_id("person", "bluepeak-amelia");
    let northwind_person = demo_id("person", "northwind-ava");
    let priya = demo_id("person", "priya-raman");
    let mut allowed = Vec::new();
    let mut forbidden = vec![
        "MKPERSONNAMEQ".to_owned(),
        "mkpersonemailq@bluepeak.example".to_owned(),
    ];
    exec(
        db,
        "UPDATE people SET name = 'MKPERSONNAMEQ', email = 'mkpersonemailq@bluepeak.example' \
         WHERE id = $1",
        &[&amelia],
    )
    .await;
    let columns = deal_columns(db).await;
    let mut vendor_sees = vec!["MKPERSONNAMEQ".to_owned()];
    let mut co_seller_sees = Vec::new();
    let mut ids = Vec::new();
    for (n, tag) in ["S", "H"].into_iter().enumerate() {
        let id = uuid::Uuid::new_v4().to_string();
        let status = if tag == "S" { "approved" } else { "submitted" };
        exec(
            db,
            "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
             company_key, contact_name, contact_email, country, products, value_cents, currency, \
             expected_close, partner_role, status, created_at, updated_at) VALUES ($1, $1, $2, \
             $3, 'x', 'x', 'x', 'x@x.example', 'x', 'x', 1, 'USD', '2099-01-01', 'reseller', $4, \
             1, 1)",
            &[&id, &bluepeak, &amelia, status],
        )
        .await;
        for (i, (column, text)) in columns.iter().enumerate() {
            if CODED.contains(&column.as_str()) {
                continue;
            }
            let marker = if *text {
                format!("MK{tag}{}Q", column.to_uppercase().replace('_', ""))
            } else {
                (4_100_000_000_i64 + 1_000 * n as i64 + i as i64).to_string()
            };
            let value = if *text {
                format!("'{marker}'")
            } else {
                marker.clone()
            };
            exec(
                db,
                &format!("UPDATE deals SET {column} = {value} WHERE id = $1"),
                &[&id],
            )
            .await;
            let shared_and_seen = tag == "S" && CO_SELLER_SEES.contains(&column.as_str());
            if shared_and_seen {
                allowed.push(marker.clone());
            } else {
                forbidden.push(marker.clone());
            }
            if tag == "S" && *text && ON_THE_PAGE.contains(&column.as_str()) {
                vendor_sees.push(marker.clone());
                if shared_and_seen {
                    co_seller_sees.push(marker);
                }
            }
        }
        let event_note = format!("MK{tag}EVENTNOTEQ");
        exec(
            db,
            "INSERT INTO deal_events (id, deal_id, seq, at, actor_id, from_status, to_status, note) \
             VALUES ($1, $2, 1, 1, $3, NULL, 'submitted', $4)",
            &[&uuid::Uuid::new_v4().to_string(), &id, &amelia, &event_note],
        )
        .await;
        let touch_note = format!("MK{tag}TOUCHNOTEQ");
        exec(
            db,
            "INSERT INTO deal_touchpoints (id, deal_id, organisation_id, kind, happened_on, note, \
             recorded_by, recorded_at) VALUES ($1, $2, $3, 'demo', '2026-01-01', $4, $5, 1)",
            &[
                &uuid::Uuid::new_v4().to_string(),
                &id,
                &bluepeak,
                &touch_note,
                &amelia,
            ],
        )
        .await;
        if tag == "S" {
            vendor_sees.extend([event_note.clone(), touch_note.clone()]);
        }
        forbidden.extend([event_note, touch_note]);
        ids.push(id);
    }
    let (shared_id, hidden_id) = (ids[0].clone(), ids[1].clone());
    // Northwind co-sells the first, and recorded a touchpoint of its own.
    exec(
        db,
        "INSERT INTO deal_partners (deal_id, organisation_id, role, added_by, added_at) \
         VALUES ($1, $2, 'si', $3, 1)",
        &[&shared_id, &northwind, &priya],
    )
    .await;
    exec(
        db,
        "INSERT INTO deal_touchpoints (id, deal_id, organisation_id, kind, happened_on, note, \
         recorded_by, recorded_at) VALUES ($1, $2, $3, 'poc', '2026-01-02', 'MKOWNTOUCHNOTEQ', $4, 2)",
        &[
            &uuid::Uuid::new_v4().to_string(),
            &shared_id,
            &northwind,
            &northwind_person,
        ],
    )
    .await;
    allowed.push("MKOWNTOUCHNOTEQ".to_owned());
    co_seller_sees.push("MKOWNTOUCHNOTEQ".to_owned());
    vendor_sees.push("MKOWNTOUCHNOTEQ".to_owned());
    assert!(forbidden.len() > 40 && allowed.len() >= CO_SELLER_SEES.len());
    assert!(allowed.iter().all(|m| !forbidden.contains(m)));
    Marked {
        shared_id,
        hidden_id,
        forbidden,
        vendor_sees,
        co_seller_sees,
    }
}

/// Each caller reads both registrations (server functions and pages):
/// vendor staff see every marker, Northwind's people see the shared one's
/// allow-list (all of it) and nothing of the hidden one.
pub async fn check_reads_and_pages(fx: &super::table::Fixture, marked: &Marked) {
    use super::table::{form, EVERYONE};
    use app::error::AppError;

    let detail = |id: &str| form(&[("id", id)]);
    for who in EVERYONE {
        let Some((_, cookie)) = fx.cookies.iter().find(|(w, _)| *w == who) else {
            continue;
        };
        let shared = fx
            .call(who, "/api/deal_detail", detail(&marked.shared_id))
            .await;
        let hidden = fx
            .call(who, "/api/deal_detail", detail(&marked.hidden_id))
            .await;
        let list = fx
            .call(
                who,
                "/api/list_deals",
                form(&[("search", ""), ("status", ""), ("page", "1")]),
            )
            .await
            .expect("everyone may list");
        if who.is_vendor() {
            let (_, text) = shared.expect("vendor staff see every registration");
            for marker in &marked.vendor_sees {
                assert!(text.contains(marker.as_str()), "{who:?} misses {marker}");
            }
            hidden.expect("vendor staff see every registration");
            continue;
        }
        let (_, text) = shared.expect("a co-seller sees the registration");
        for marker in &marked.co_seller_sees {
            assert!(text.contains(marker.as_str()), "{who:?} misses {marker}");
        }
        assert_eq!(
            marked.leaks(&text),
            Vec::<String>::new(),
            "{who:?} deal_detail"
        );
        assert_eq!(hidden.unwrap_err(), AppError::NotFound);
        assert!(list.1.contains("MKSCUSTOMERCOMPANYQ"), "{who:?} list");
        assert_eq!(marked.leaks(&list.1), Vec::<String>::new(), "{who:?} list");
        for page in [
            format!("/deals/{}", marked.shared_id),
            format!("/deals/{}", marked.hidden_id),
            "/deals".to_owned(),
            "/home".to_owned(),
            "/notifications".to_owned(),
        ] {
            let html =
                server::testing::body_text(server::testing::get_page(&fx.app, &page, cookie).await)
                    .await;
            assert_eq!(marked.leaks(&html), Vec::<String>::new(), "{who:?} {page}");
            if page == format!("/deals/{}", marked.shared_id) {
                for marker in marked.co_seller_sees.iter().filter(|m| m.starts_with("MK")) {
                    assert!(
                        html.contains(marker.as_str()),
                        "{who:?} page misses {marker}"
                    );
                }
            }
        }
    }
}
