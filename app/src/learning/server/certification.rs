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
        aimed_at, progress, status, valid_until, CertificateSummary, PathCard, PathCourse,
        PathStep, PrintableCertificate, PublicCertificate,
    },
    organisations::Role,
};

/// Enrols person `person_id` in every path aimed at their job function and
/// their organisation's partner type (vendor staff: none). Returns how
/// many enrolments are new.
pub async fn enrol(
    conn: &mut AnyConnection,
    person_id: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let person: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.organisation_id, p.job_function, o.partner_type FROM people p \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.id = $1 AND o.kind = 'partner'",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((organisation_id, function, partner_type)) = person else {
        return Ok(0);
    };
    let partner_type = partner_type.unwrap_or_default();
    let paths: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, job_functions, partner_types FROM cert_paths ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let mut added = 0;
    for (path_id, functions, types) in paths {
        if !aimed_at(&functions, &types, &function, &partner_type) {
            continue;
        }
        added += sqlx::query(
            "INSERT INTO path_enrolments (path_id, person_id, organisation_id, enrolled_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (path_id, person_id) DO NOTHING",
        )
        .bind(&path_id)
        .bind(person_id)
        .bind(&organisation_id)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    Ok(added)
}

/// When `person_id` last passed each course (course id → Unix time).
async fn passes(
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
async fn path_courses(
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
struct CertificateRow {
    id: String,
    issued_at: i64,
    valid_until: i64,
    revoked_at: Option<i64>,
}

/// The latest certificate of `person_id` on `path_id`.
async fn latest_certificate(
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

/// Issues a certificate on every path of `person_id` whose courses are
/// all passed and on which they hold none yet, and emails each to them.
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
        if latest_certificate(tx, &path_id, person_id).await?.is_some() {
            continue;
        }
        let courses: Vec<PathCourse> = path_courses(tx, &path_id)
            .await?
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        if !progress(&courses, &passed, None).complete() {
            continue;
        }
        let id = uuid::Uuid::new_v4().to_string();
        let until = valid_until(now, months);
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
    Ok(issued)
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
        verify = format!("{base}/verify/{id}"),
    );
    (subject, body)
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
    for (id, title, summary, validity_months, counts) in rows {
        let courses = path_courses(&mut conn, &id).await?;
        let plain: Vec<PathCourse> = courses.iter().map(|(c, _)| c.clone()).collect();
        let certificate = latest_certificate(&mut conn, &id, &viewer.person_id)
            .await?
            .map(|c| CertificateSummary {
                status: status(now, c.valid_until, c.revoked_at.is_some()),
                id: c.id,
                issued_at: c.issued_at,
                valid_until: c.valid_until,
            });
        cards.push(PathCard {
            next: progress(&plain, &passed, None).next,
            steps: courses
                .into_iter()
                .map(|(c, title)| PathStep {
                    passed: passed.contains_key(&c.course_id),
                    course_id: c.course_id,
                    title,
                })
                .collect(),
            id,
            title,
            summary,
            validity_months,
            counts_toward_tier: counts == 1,
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

const PUBLIC_COLUMNS: &str = "id, holder_name, organisation_name, path_title, issued_at, \
                              valid_until, revoked_at";

/// Certificate `id` as anyone may check it, if it exists.
pub async fn verify(db: &Db, id: &str, now: i64) -> Result<Option<PublicCertificate>, sqlx::Error> {
    let row: Option<PublicRow> = sqlx::query_as(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM certificates WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| r.public(now)))
}

/// Certificate `id` to print, for its holder, an admin of their
/// organisation, or vendor staff; `None` for anyone else.
pub async fn printable(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<PrintableCertificate>, sqlx::Error> {
    let holder_only = viewer.role == Role::PartnerUser;
    let row: Option<PublicRow> = sqlx::query_as(&format!(
        "SELECT {PUBLIC_COLUMNS} FROM certificates WHERE id = $1 AND {} AND {}",
        tenant_scoped("organisation_id", "$2"),
        tenant_scoped("person_id", "$3")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .bind(holder_only.then_some(viewer.person_id.as_str()))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| {
        let verify_url = format!("{}/verify/{}", crate::people::server::public_url(), r.id);
        PrintableCertificate {
            qr_svg: crate::qr::svg(&verify_url).unwrap_or_default(),
            certificate: r.public(now),
            verify_url,
        }
    }))
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
