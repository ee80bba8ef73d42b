//! Certification paths: who is enrolled in which (by job function and
//! partner type), how far they are, and the certificate issued, in the
//! transaction of the quiz pass that completes a path, with its email.
//! Reading a certificate is an allow-list: the public page gets
//! `PublicCertificate`, nothing else of the person.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, Viewer},
    db::{Db, Write},
    email::server::{enqueue, stored_locale},
    i18n::Locale,
    learning::{
        aimed_at, counts, days_left, progress, renewal_open, status, valid_until, verify_path,
        CertificateSummary, PathCard, PathCourse, PathStep, PrintableCertificate,
        PublicCertificate, DAY, REMINDER_DAYS,
    },
    organisations::Role,
};

/// Enrols person `person_id` in every path aimed at their job function and
/// their organisation's partner type (vendor staff: none), each new
/// enrolment audited. Returns how many enrolments are new.
pub async fn enrol(tx: &mut Write, person_id: &str, now: i64) -> Result<u64, sqlx::Error> {
    let person: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.organisation_id, p.job_function, o.partner_type FROM people p \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.id = $1 AND o.kind = 'partner'",
    )
    .bind(person_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((organisation_id, function, partner_type)) = person else {
        return Ok(0);
    };
    let partner_type = partner_type.unwrap_or_default();
    let paths: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT id, title, job_functions, partner_types FROM cert_paths ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut added = 0;
    for (path_id, title, functions, types) in paths {
        if !aimed_at(&functions, &types, &function, &partner_type) {
            continue;
        }
        let new = sqlx::query(
            "INSERT INTO path_enrolments (path_id, person_id, organisation_id, enrolled_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (path_id, person_id) DO NOTHING",
        )
        .bind(&path_id)
        .bind(person_id)
        .bind(&organisation_id)
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if new > 0 {
            tx.audit(Entry {
                organisation_id: Some(&organisation_id),
                action: "path_enrolled",
                record_type: "person",
                record_id: Some(person_id),
                detail: Some(&title),
            })
            .await?;
        }
        added += new;
    }
    Ok(added)
}

/// When `person_id` last passed each course (course id → Unix time).
pub(super) async fn passes(
    conn: &mut AnyConnection,
    person_id: &str,
) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT course_id, CAST(MAX(submitted_at) AS BIGINT) FROM quiz_attempts \
         WHERE person_id = $1 AND passed = 1 GROUP BY course_id",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Path `path_id`'s courses in order, with their titles.
pub(super) async fn path_courses(
    conn: &mut AnyConnection,
    path_id: &str,
) -> Result<Vec<(PathCourse, String)>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT pc.course_id, pc.retake_to_recertify, c.title FROM cert_path_courses pc \
         JOIN courses c ON c.id = pc.course_id WHERE pc.path_id = $1 ORDER BY pc.position",
    )
    .bind(path_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(course_id, retake, title)| {
            (
                PathCourse {
                    course_id,
                    retake_to_recertify: retake == 1,
                },
                title,
            )
        })
        .collect())
}

#[derive(sqlx::FromRow)]
pub(super) struct CertificateRow {
    pub id: String,
    pub issued_at: i64,
    pub valid_until: i64,
    pub revoked_at: Option<i64>,
}

/// The latest certificate of `person_id` on `path_id`.
pub(super) async fn latest_certificate(
    conn: &mut AnyConnection,
    path_id: &str,
    person_id: &str,
) -> Result<Option<CertificateRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, issued_at, valid_until, revoked_at FROM certificates \
         WHERE path_id = $1 AND person_id = $2 ORDER BY issued_at DESC LIMIT 1",
    )
    .bind(path_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Where `person_id` stands on a path whose latest certificate is
/// `latest`: `None` when it is valid and not yet up for renewal, or was
/// revoked (nothing to earn); else the time courses to retake must be
/// passed after (`Some(None)`: a first certificate, any pass counts).
pub(super) fn earning_since(latest: Option<&CertificateRow>, now: i64) -> Option<Option<i64>> {
    match latest {
        None => Some(None),
        Some(c) if c.revoked_at.is_some() => None,
        Some(c) if renewal_open(now, c.valid_until) => Some(Some(c.issued_at)),
        Some(_) => None,
    }
}

/// When the renewal of a certificate of `person_id` that asks course
/// `course_id` again opened: its issue time (passes before it do not count
/// for the course's quiz any more). `None` when no renewal is open.
pub(super) async fn renewal_since(
    conn: &mut AnyConnection,
    person_id: &str,
    course_id: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let latest: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT c.issued_at, c.valid_until FROM certificates c \
         JOIN cert_path_courses pc ON pc.path_id = c.path_id \
         WHERE c.person_id = $1 AND pc.course_id = $2 AND pc.retake_to_recertify = 1 \
         AND c.revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM certificates n \
         WHERE n.path_id = c.path_id AND n.person_id = c.person_id AND n.issued_at > c.issued_at)",
    )
    .bind(person_id)
    .bind(course_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(latest
        .into_iter()
        .filter(|(_, until)| renewal_open(now, *until))
        .map(|(issued, _)| issued)
        .max())
}

/// Issues a certificate on every path of `person_id` whose courses are all
/// passed and on which they hold none yet, or whose certificate is up for
/// renewal and the courses it asks again are passed since it was issued
/// (the new one runs on from the end of the old); emails each to them.
/// Runs in the transaction of the pass (attempt `attempt_id`) that
/// completes the path, so the certificate exists exactly when the pass
/// does.
pub async fn certify(
    tx: &mut Write,
    person_id: &str,
    attempt_id: &str,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let person: (String, String, String, String, Option<String>) = sqlx::query_as(
        "SELECT p.name, p.email, p.organisation_id, o.name, p.locale FROM people p \
         JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_one(&mut **tx)
    .await?;
    let (holder, email, organisation_id, organisation, locale) = person;
    let locale = stored_locale(locale.as_deref());
    let paths: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT p.id, p.title, p.validity_months FROM path_enrolments e \
         JOIN cert_paths p ON p.id = e.path_id WHERE e.person_id = $1 ORDER BY p.id",
    )
    .bind(person_id)
    .fetch_all(&mut **tx)
    .await?;
    let passed = passes(tx, person_id).await?;
    let mut issued = 0;
    for (path_id, title, months) in paths {
        let latest = latest_certificate(tx, &path_id, person_id).await?;
        let Some(since) = earning_since(latest.as_ref(), now) else {
            continue;
        };
        let courses: Vec<PathCourse> = path_courses(tx, &path_id)
            .await?
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        if !progress(&courses, &passed, since).complete() {
            continue;
        }
        let id = uuid::Uuid::new_v4().to_string();
        let from = latest.map_or(now, |c| c.valid_until.max(now));
        let until = valid_until(from, months);
        sqlx::query(
            "INSERT INTO certificates (id, path_id, person_id, organisation_id, holder_name, \
             organisation_name, path_title, issued_at, valid_until, attempt_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(&path_id)
        .bind(person_id)
        .bind(&organisation_id)
        .bind(&holder)
        .bind(&organisation)
        .bind(&title)
        .bind(now)
        .bind(until)
        .bind(attempt_id)
        .execute(&mut **tx)
        .await?;
        tx.audit(Entry {
            organisation_id: Some(&organisation_id),
            action: "certificate_issued",
            record_type: "certificate",
            record_id: Some(&id),
            detail: Some(&format!("{title}: {holder}")),
        })
        .await?;
        let (subject, body) = issued_email(locale, &holder, &title, &id, until);
        enqueue(&mut **tx, &email, &subject, &body).await?;
        issued += 1;
    }
    if issued > 0 {
        recount(tx, &organisation_id, now).await?;
    }
    Ok(issued)
}

/// Sets organisation `organisation_id`'s certified people, as the tier job
/// reads them: those certified before Trellis, plus every active person
/// holding a valid certificate on a path that counts toward tiers.
pub async fn recount(
    conn: &mut AnyConnection,
    organisation_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE organisations SET certified_people = certified_elsewhere + \
         (SELECT COUNT(DISTINCT c.person_id) FROM certificates c \
          JOIN cert_paths p ON p.id = c.path_id JOIN people x ON x.id = c.person_id \
          WHERE c.organisation_id = $1 AND p.counts_toward_tier = 1 AND c.revoked_at IS NULL \
          AND c.valid_until > $2 AND x.status = 'active') \
         WHERE id = $1",
    )
    .bind(organisation_id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// What the certificate sweep did: reminders sent, expiries handled, and
/// the organisations whose certified people changed (their tiers are
/// re-evaluated by the caller).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub reminders: usize,
    pub expired: usize,
    pub organisations: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: String,
    organisation_id: String,
    path_title: String,
    valid_until: i64,
    email: String,
    /// 1 when the holder has a newer certificate on the same path.
    renewed: i64,
}

const DUE_COLUMNS: &str = "c.id, c.organisation_id, c.path_title, c.valid_until, \
     x.email, CAST(CASE WHEN EXISTS (SELECT 1 FROM certificates n WHERE n.path_id = c.path_id \
     AND n.person_id = c.person_id AND n.issued_at > c.issued_at) THEN 1 ELSE 0 END AS BIGINT) \
     AS renewed";

/// The expiry sweep (hourly, on every app server): reminds holders 60, 30
/// and 7 days before a certificate ends (email and in-app, once each), and
/// when one ends tells its holder and recounts their organisation's
/// certified people. Links in emails start with `base`.
pub async fn sweep(db: &Db, now: i64, base: &str) -> Result<Swept, sqlx::Error> {
    let mut swept = Swept::default();
    let horizon = now + REMINDER_DAYS[0] * DAY;
    let due: Vec<DueRow> = sqlx::query_as(&format!(
        "SELECT {DUE_COLUMNS} FROM certificates c JOIN people x ON x.id = c.person_id \
         WHERE c.revoked_at IS NULL AND c.valid_until > $1 AND c.valid_until <= $2 \
         AND x.status = 'active' ORDER BY c.valid_until, c.id"
    ))
    .bind(now)
    .bind(horizon)
    .fetch_all(&db.pool)
    .await?;
    for c in due.into_iter().filter(|c| c.renewed == 0) {
        let sent: Vec<i64> =
            sqlx::query_scalar("SELECT days FROM certificate_reminders WHERE certificate_id = $1")
                .bind(&c.id)
                .fetch_all(&db.pool)
                .await?;
        let Some(days) = crate::learning::reminder_due(now, c.valid_until, &sent) else {
            continue;
        };
        let mut tx = db.write(crate::db::Actor::system()).await?;
        let claimed = sqlx::query(
            "INSERT INTO certificate_reminders (certificate_id, days, sent_at) VALUES ($1, $2, $3) \
             ON CONFLICT (certificate_id, days) DO NOTHING",
        )
        .bind(&c.id)
        .bind(days)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            continue;
        }
        let date = c.valid_until;
        // The days actually left: a reminder found late says so.
        let left = days_left(now, date);
        tx.notify(&c.email, "/learn", |l| {
            (
                t!(in l, "Your certificate expires in {days} days: {path}", days = left, path = c.path_title),
                t!(
                    in l,
                    "Your {path} certificate is valid until {date}. Retake the courses the path asks again before then to keep it: {link}",
                    path = c.path_title,
                    date = crate::format::day_in(l, date),
                    link = format!("{base}/learn"),
                ),
            )
        })
        .await?;
        tx.commit().await?;
        swept.reminders += 1;
    }

    let ended: Vec<DueRow> = sqlx::query_as(&format!(
        "SELECT {DUE_COLUMNS} FROM certificates c JOIN people x ON x.id = c.person_id \
         WHERE c.revoked_at IS NULL AND c.valid_until <= $1 AND c.expiry_handled_at IS NULL \
         ORDER BY c.valid_until, c.id"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    for c in ended {
        let mut tx = db.write(crate::db::Actor::system()).await?;
        let claimed = sqlx::query(
            "UPDATE certificates SET expiry_handled_at = $1 WHERE id = $2 AND expiry_handled_at IS NULL",
        )
        .bind(now)
        .bind(&c.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            continue;
        }
        tx.audit(Entry {
            organisation_id: Some(&c.organisation_id),
            action: "certificate_expired",
            record_type: "certificate",
            record_id: Some(&c.id),
            detail: Some(&c.path_title),
        })
        .await?;
        if c.renewed == 0 {
            tx.notify(&c.email, "/learn", |l| {
                (
                    t!(in l, "Your certificate has expired: {path}", path = c.path_title),
                    t!(
                        in l,
                        "Your {path} certificate ended today and no longer counts toward your organisation's tier. Take the path again to renew it: {link}",
                        path = c.path_title,
                        link = format!("{base}/learn"),
                    ),
                )
            })
            .await?;
        }
        recount(&mut tx, &c.organisation_id, now).await?;
        tx.commit().await?;
        swept.expired += 1;
        if !swept.organisations.contains(&c.organisation_id) {
            swept.organisations.push(c.organisation_id);
        }
    }
    Ok(swept)
}

/// The email telling `holder` their certificate `id` on `path` is issued.
fn issued_email(
    locale: Locale,
    holder: &str,
    path: &str,
    id: &str,
    valid_until: i64,
) -> (String, String) {
    let base = crate::people::server::public_url();
    let subject = t!(in locale, "Certificate issued: {path}", path = path);
    let body = t!(
        in locale,
        "Hello {name},\n\nYou passed every course of {path}. Your certificate is valid until {date}.\n\nYour printable certificate: {print}\nAnyone can check it here: {verify}\n",
        name = holder,
        path = path,
        date = crate::format::day_in(locale, valid_until),
        print = format!("{base}/learn/certificates/{id}"),
        verify = format!("{base}{}", verify_path(id)),
    );
    (subject, body)
}

/// Where a person stands on one path: its courses in order (with their
/// titles), the time courses to retake must be passed after, and their
/// latest certificate on it.
pub(super) struct OnPath {
    pub courses: Vec<(PathCourse, String)>,
    pub since: Option<i64>,
    pub certificate: Option<CertificateSummary>,
}

pub(super) async fn on_path(
    conn: &mut AnyConnection,
    path_id: &str,
    person_id: &str,
    now: i64,
) -> Result<OnPath, sqlx::Error> {
    let courses = path_courses(conn, path_id).await?;
    let latest = latest_certificate(conn, path_id, person_id).await?;
    // Renewing: the courses to retake count again only once retaken.
    let since = earning_since(latest.as_ref(), now).flatten();
    let certificate = latest.map(|c| CertificateSummary {
        status: status(now, c.valid_until, c.revoked_at.is_some()),
        id: c.id,
        issued_at: c.issued_at,
        valid_until: c.valid_until,
    });
    Ok(OnPath {
        courses,
        since,
        certificate,
    })
}

/// The courses of a path without their titles.
pub(super) fn plain(courses: &[(PathCourse, String)]) -> Vec<PathCourse> {
    courses.iter().map(|(c, _)| c.clone()).collect()
}

/// The paths the viewer is enrolled in, with their progress and latest
/// certificate, in the order they were made.
pub async fn paths(db: &Db, viewer: &Viewer, now: i64) -> Result<Vec<PathCard>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT p.id, p.title, p.summary, p.validity_months, p.counts_toward_tier \
         FROM path_enrolments e JOIN cert_paths p ON p.id = e.path_id \
         WHERE e.person_id = $1 ORDER BY p.created_at, p.title",
    )
    .bind(&viewer.person_id)
    .fetch_all(&mut *conn)
    .await?;
    let passed = passes(&mut conn, &viewer.person_id).await?;
    let mut cards = Vec::with_capacity(rows.len());
    for (id, title, summary, validity_months, counts_toward) in rows {
        let OnPath {
            courses,
            since,
            certificate,
        } = on_path(&mut conn, &id, &viewer.person_id, now).await?;
        cards.push(PathCard {
            next: progress(&plain(&courses), &passed, since).next,
            steps: courses
                .into_iter()
                .map(|(c, title)| PathStep {
                    passed: counts(&c, &passed, since),
                    course_id: c.course_id,
                    title,
                })
                .collect(),
            id,
            title,
            summary,
            validity_months,
            counts_toward_tier: counts_toward == 1,
            certificate,
        });
    }
    Ok(cards)
}

#[derive(sqlx::FromRow)]
struct PublicRow {
    id: String,
    holder_name: String,
    organisation_name: String,
    path_title: String,
    issued_at: i64,
    valid_until: i64,
    revoked_at: Option<i64>,
}

impl PublicRow {
    fn public(self, now: i64) -> PublicCertificate {
        PublicCertificate {
            status: status(now, self.valid_until, self.revoked_at.is_some()),
            id: self.id,
            holder_name: self.holder_name,
            organisation_name: self.organisation_name,
            path_title: self.path_title,
            issued_at: self.issued_at,
            valid_until: self.valid_until,
        }
    }
}

/// `PublicRow`'s columns, of `certificates c`.
const PUBLIC_COLUMNS: &str = "c.id, c.holder_name, c.organisation_name, c.path_title, \
                              c.issued_at, c.valid_until, c.revoked_at";

/// Certificate `id` as anyone may check it, if it exists.
pub async fn verify(db: &Db, id: &str, now: i64) -> Result<Option<PublicCertificate>, sqlx::Error> {
    let row: Option<PublicRow> = sqlx::query_as(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM certificates c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.public(now)))
}

/// A certificate as its holder holds it: the public facts, and what its
/// Open Badges credential also names (the path, the holder's address, which
/// goes out only hashed).
#[derive(Debug, Clone)]
pub struct HeldCertificate {
    pub certificate: PublicCertificate,
    pub path_id: String,
    pub path_summary: String,
    pub holder_email: String,
}

/// Certificate `id` for its holder, an admin of their organisation, or
/// vendor staff; `None` for anyone else.
pub async fn held(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<HeldCertificate>, sqlx::Error> {
    let holder_only = viewer.role == Role::PartnerUser;
    let row: Option<HeldRow> = sqlx::query_as(&format!(
        "SELECT {PUBLIC_COLUMNS}, c.path_id, p.summary, x.email FROM certificates c \
         JOIN cert_paths p ON p.id = c.path_id JOIN people x ON x.id = c.person_id \
         WHERE c.id = $1 AND {} AND {}",
        tenant_scoped("c.organisation_id", "$2"),
        tenant_scoped("c.person_id", "$3")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .bind(holder_only.then_some(viewer.person_id.as_str()))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| HeldCertificate {
        certificate: r.public.public(now),
        path_id: r.path_id,
        path_summary: r.summary,
        holder_email: r.email,
    }))
}

#[derive(sqlx::FromRow)]
struct HeldRow {
    #[sqlx(flatten)]
    public: PublicRow,
    path_id: String,
    summary: String,
    email: String,
}

/// Certificate `id` to print, for whoever [`held`] allows.
pub async fn printable(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<PrintableCertificate>, sqlx::Error> {
    Ok(held(db, viewer, id, now).await?.map(|h| {
        let verify_url = format!("{}{}", crate::people::server::public_url(), verify_path(id));
        PrintableCertificate {
            qr_svg: crate::qr::svg(&verify_url).unwrap_or_default(),
            certificate: h.certificate,
            verify_url,
        }
    }))
}

/// The numbers of every revoked certificate, for the credentials'
/// revocation list.
pub async fn revoked(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM certificates WHERE revoked_at IS NOT NULL ORDER BY id")
        .fetch_all(&db.pool)
        .await
}

/// The certificates attempt `attempt_id` of `person_id` completed: (id,
/// path title).
pub async fn issued_by(
    conn: &mut AnyConnection,
    person_id: &str,
    attempt_id: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, path_title FROM certificates WHERE attempt_id = $1 AND person_id = $2 \
         ORDER BY path_title",
    )
    .bind(attempt_id)
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await
}
