//! Demo courses: six short courses of three lessons, each closed by a quiz
//! of four questions drawn from five (75 % to pass, three attempts).

use crate::{
    auth::server::now, db::Db, error::AppError, learning::DAY, organisations::demo::demo_id,
};

/// A question: its prompt, whether several answers are right, and its
/// choices with whether each is right.
type Question = (&'static str, bool, &'static [(&'static str, bool)]);

/// A lesson: title, Markdown body, and a video link.
type Lesson = (&'static str, &'static str, Option<&'static str>);

pub struct DemoCourse {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub minutes: i64,
    pub lessons: &'static [Lesson],
    pub questions: &'static [Question],
}

pub const COURSES: &[DemoCourse] = &[
    DemoCourse {
        slug: "fundamentals",
        title: "Acme Cloud fundamentals",
        summary: "What Acme Cloud is, who buys it and how it is priced.",
        minutes: 25,
        lessons: &[
            ("What Acme Cloud does", "Acme Cloud runs a company's applications and data on managed infrastructure in **four regions**.\n\n- Compute, storage and managed databases\n- One console and one bill\n- Support around the clock", Some("https://video.acmecloud.example/fundamentals-1")),
            ("Who buys it", "Most customers have **50 to 5,000 employees** and run their own data centre today.\n\nThe buyer is usually the head of IT; finance signs off on the yearly commitment.", None),
            ("How it is priced", "Customers pay per use, or commit to a yearly amount for a **discount of up to 30 %**.\n\nPartners earn their tier's discount on top.", None),
        ],
        questions: &[
            ("In how many regions does Acme Cloud run?", false, &[("Two", false), ("Four", true), ("Twelve", false)]),
            ("Which of these does Acme Cloud offer?", true, &[("Managed databases", true), ("Compute", true), ("Office furniture", false)]),
            ("Who usually signs off on the yearly commitment?", false, &[("Finance", true), ("The receptionist", false), ("The partner", false)]),
            ("What does a yearly commitment bring the customer?", false, &[("A discount of up to 30 %", true), ("Free hardware", false), ("Nothing", false)]),
            ("How large are most Acme Cloud customers?", false, &[("50 to 5,000 employees", true), ("Fewer than 5 employees", false), ("Only governments", false)]),
        ],
    },
    DemoCourse {
        slug: "selling",
        title: "Selling Acme Cloud",
        summary: "Finding the customer's pain, qualifying the deal and handling the usual objections.",
        minutes: 30,
        lessons: &[
            ("Finding the pain", "Ask about the **next hardware refresh**: a customer facing one is ready to talk.\n\nListen for outages, slow releases and audit findings.", None),
            ("Qualifying a deal", "A qualified deal has a **budget**, a **decision maker** you have met, a **need** and a **timeline** under twelve months.", None),
            ("Objections", "**\"The cloud is more expensive.\"** Compare the three-year cost, including the refresh and the people who run it.\n\n**\"We are locked in.\"** Acme Cloud exports every database in open formats.", Some("https://video.acmecloud.example/objections")),
        ],
        questions: &[
            ("Which event makes a customer ready to talk?", false, &[("A hardware refresh", true), ("A public holiday", false), ("A new logo", false)]),
            ("What does a qualified deal have?", true, &[("A budget", true), ("A decision maker you have met", true), ("A signed contract", false)]),
            ("How do you answer \"the cloud is more expensive\"?", false, &[("Compare the three-year cost", true), ("Offer a free year", false), ("Agree and move on", false)]),
            ("What answers the fear of lock-in?", false, &[("Databases export in open formats", true), ("A longer contract", false), ("A bigger discount", false)]),
            ("Within what time should a qualified deal close?", false, &[("Twelve months", true), ("Five years", false), ("One week", false)]),
        ],
    },
    DemoCourse {
        slug: "registration",
        title: "Deal registration and the rules of engagement",
        summary: "How registering a deal protects it, and what the channel manager checks.",
        minutes: 15,
        lessons: &[
            ("Why register", "A registration approved by your channel manager **protects the customer for you** for your tier's protection days.", None),
            ("What is checked", "The channel manager checks the customer is real, that no other partner holds it, and that the value is plausible. **You hear within 48 hours.**", None),
            ("Conflicts", "When two partners register the same customer, the first approved registration wins. The other partner is told the customer is taken, **never by whom**.", None),
        ],
        questions: &[
            ("What does an approved registration give you?", false, &[("Protection of the customer", true), ("A free course", false), ("A higher tier at once", false)]),
            ("How soon do you hear about a registration?", false, &[("Within 48 hours", true), ("Within a month", false), ("Never", false)]),
            ("Who wins when two partners register the same customer?", false, &[("The first approved registration", true), ("The larger partner", false), ("Both", false)]),
            ("What is a partner told when a customer is taken?", false, &[("That it is taken, not by whom", true), ("The other partner's name", false), ("Nothing at all", false)]),
            ("What does the channel manager check?", true, &[("The customer is real", true), ("No other partner holds it", true), ("Your office address", false)]),
        ],
    },
    DemoCourse {
        slug: "security",
        title: "Security and compliance on Acme Cloud",
        summary: "Shared responsibility, encryption and the certifications customers ask about.",
        minutes: 35,
        lessons: &[
            ("Shared responsibility", "Acme Cloud secures the infrastructure; **the customer secures what it puts on it**: accounts, data and configuration.", None),
            ("Encryption", "Data is encrypted **at rest and in transit** by default. Customers may bring their own keys.", None),
            ("Certifications", "Acme Cloud holds **ISO 27001** and **SOC 2 Type II**; the reports are in the asset library under NDA.", None),
        ],
        questions: &[
            ("Who secures the customer's accounts and data?", false, &[("The customer", true), ("Acme Cloud alone", false), ("Nobody", false)]),
            ("When is data encrypted?", true, &[("At rest", true), ("In transit", true), ("Only on request", false)]),
            ("Which certifications does Acme Cloud hold?", true, &[("ISO 27001", true), ("SOC 2 Type II", true), ("A driving licence", false)]),
            ("May customers bring their own keys?", false, &[("Yes", true), ("No", false)]),
            ("Where are the audit reports?", false, &[("In the asset library, under NDA", true), ("On the public website", false), ("Nowhere", false)]),
        ],
    },
    DemoCourse {
        slug: "migration",
        title: "Migrating workloads to Acme Cloud",
        summary: "Assess, plan and move a customer's applications with the least downtime.",
        minutes: 45,
        lessons: &[
            ("Assess", "List every application with its **owner, size and dependencies**. Move the ones with fewest dependencies first.", None),
            ("Plan the waves", "Group applications into **waves of two to four weeks**, each with a rollback plan.", Some("https://video.acmecloud.example/migration-waves")),
            ("Cut over", "Replicate data ahead of time; the cut-over window is only for the **final sync and the DNS change**.", None),
        ],
        questions: &[
            ("Which applications move first?", false, &[("Those with the fewest dependencies", true), ("The largest ones", false), ("All at once", false)]),
            ("What does every wave need?", false, &[("A rollback plan", true), ("A new logo", false), ("A press release", false)]),
            ("How long is a wave?", false, &[("Two to four weeks", true), ("One day", false), ("A year", false)]),
            ("What happens in the cut-over window?", true, &[("The final sync", true), ("The DNS change", true), ("Copying all the data", false)]),
            ("What do you list for each application?", true, &[("Its owner", true), ("Its dependencies", true), ("Its colour", false)]),
        ],
    },
    DemoCourse {
        slug: "managed",
        title: "Running Acme Cloud as a managed service",
        summary: "Monitoring, patching and reporting for MSPs who run customers' estates.",
        minutes: 40,
        lessons: &[
            ("Monitoring", "Connect every customer account to one **monitoring workspace**; alert on symptoms customers feel, not on every metric.", None),
            ("Patching", "Patch in **maintenance windows agreed with the customer**, one environment at a time: test, then production.", None),
            ("Reporting", "Send a **monthly report**: availability, incidents, cost and the changes made.", None),
        ],
        questions: &[
            ("What should alerts follow?", false, &[("Symptoms customers feel", true), ("Every metric", false), ("Nothing", false)]),
            ("When do you patch?", false, &[("In windows agreed with the customer", true), ("Whenever a patch appears", false), ("Never", false)]),
            ("In what order are environments patched?", false, &[("Test, then production", true), ("Production first", false), ("All at once", false)]),
            ("What goes in the monthly report?", true, &[("Availability", true), ("Cost", true), ("Your holiday plans", false)]),
            ("Where do customer accounts report to?", false, &[("One monitoring workspace", true), ("A spreadsheet", false), ("Email only", false)]),
        ],
    },
];

/// Stores the demo courses with their lessons and question pools.
pub async fn seed(db: &Db) -> Result<(), AppError> {
    let mut tx = db.write(crate::db::Actor::system()).await?;
    for c in COURSES {
        let course = demo_id("course", c.slug);
        sqlx::query(
            "INSERT INTO courses (id, title, summary, minutes, pass_mark, max_attempts, \
             questions_per_attempt, created_at) VALUES ($1, $2, $3, $4, 75, 3, 4, $5)",
        )
        .bind(&course)
        .bind(c.title)
        .bind(c.summary)
        .bind(c.minutes)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        for (n, (title, body, video)) in (1_i64..).zip(c.lessons) {
            sqlx::query(
                "INSERT INTO lessons (id, course_id, position, title, body, video_url) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(demo_id("lesson", &format!("{}-{n}", c.slug)))
            .bind(&course)
            .bind(n)
            .bind(title)
            .bind(body)
            .bind(video)
            .execute(&mut *tx)
            .await?;
        }
        for (q, (prompt, multiple, choices)) in c.questions.iter().enumerate() {
            let question = demo_id("question", &format!("{}-{q}", c.slug));
            sqlx::query(
                "INSERT INTO quiz_questions (id, course_id, prompt, multiple) VALUES ($1, $2, $3, $4)",
            )
            .bind(&question)
            .bind(&course)
            .bind(prompt)
            .bind(i64::from(*multiple))
            .execute(&mut *tx)
            .await?;
            for (p, (label, correct)) in (1_i64..).zip(choices.iter()) {
                sqlx::query(
                    "INSERT INTO quiz_choices (id, question_id, position, label, correct) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(demo_id("choice", &format!("{}-{q}-{p}", c.slug)))
                .bind(&question)
                .bind(p)
                .bind(label)
                .bind(i64::from(*correct))
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    seed_paths(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// A demo path: slug, title, summary, job functions, partner types,
/// months valid, counts toward tiers, and its courses (slug, retaken to
/// recertify).
type DemoPath = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    bool,
    &'static [(&'static str, bool)],
);

pub const PATHS: &[DemoPath] = &[
    (
        "sales",
        "Sales Certified",
        "For everyone who sells Acme Cloud: the product, the sale and the rules of engagement.",
        "sales",
        "",
        12,
        true,
        &[
            ("fundamentals", false),
            ("selling", true),
            ("registration", true),
        ],
    ),
    (
        "technical",
        "Technical Certified",
        "For engineers who secure and migrate customers' workloads.",
        "technical",
        "msp,si,var",
        12,
        true,
        &[
            ("fundamentals", false),
            ("security", true),
            ("migration", true),
        ],
    ),
    (
        "managed",
        "Managed Services Specialist",
        "For MSP engineers who run customers' estates day to day.",
        "technical",
        "msp",
        24,
        false,
        &[("fundamentals", false), ("managed", true)],
    ),
];

/// Demo people's job functions, read from their titles: engineers and
/// delivery leads are technical, everyone else sells.
fn job_function_of(title: &str) -> &'static str {
    let technical = ["Engineer", "Service Delivery", "Project Lead"];
    if technical.iter().any(|word| title.contains(word)) {
        "technical"
    } else {
        "sales"
    }
}

/// Certificates the demo starts with: (person, path, issued days ago).
/// Mia's is due for renewal within 60 days, Lena's is fresh, Amelia's
/// (valid two years) has lapsed.
pub const CERTIFIED: &[(&str, &str, i64)] = &[
    ("northwind-mia", "technical", 320),
    ("lumen-lena", "technical", 40),
    ("bluepeak-amelia", "managed", 800),
];

async fn seed_paths(tx: &mut crate::db::Write) -> Result<(), AppError> {
    let created = now();
    for (i, (slug, title, summary, functions, types, months, counts, courses)) in
        PATHS.iter().enumerate()
    {
        let path = demo_id("path", slug);
        sqlx::query(
            "INSERT INTO cert_paths (id, title, summary, job_functions, partner_types, \
             validity_months, counts_toward_tier, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&path)
        .bind(*title)
        .bind(*summary)
        .bind(*functions)
        .bind(*types)
        .bind(*months)
        .bind(i64::from(*counts))
        .bind(created + i as i64)
        .execute(&mut **tx)
        .await?;
        for (position, (course, retake)) in courses.iter().enumerate() {
            sqlx::query(
                "INSERT INTO cert_path_courses (path_id, course_id, position, retake_to_recertify) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&path)
            .bind(demo_id("course", course))
            .bind(position as i64 + 1)
            .bind(i64::from(*retake))
            .execute(&mut **tx)
            .await?;
        }
    }
    for partner in crate::organisations::demo::PARTNERS {
        for person in partner.people {
            let id = demo_id("person", person.slug);
            sqlx::query("UPDATE people SET job_function = $1 WHERE id = $2")
                .bind(job_function_of(person.title))
                .bind(&id)
                .execute(&mut **tx)
                .await?;
            super::server::enrol(tx, &id, created).await?;
        }
    }
    for (person, path, days_ago) in CERTIFIED {
        certify_in_the_past(tx, person, path, created - days_ago * DAY).await?;
    }
    Ok(())
}

/// Takes `person` through every course of `path` (lessons opened two days
/// before `at`, quiz passed the day before), then issues the certificate
/// at `at`, as the pass would have.
async fn certify_in_the_past(
    tx: &mut crate::db::Write,
    person: &str,
    path: &str,
    at: i64,
) -> Result<(), AppError> {
    let person_id = demo_id("person", person);
    let (_, title, _, _, _, months, counts, courses) = PATHS
        .iter()
        .find(|p| p.0 == path)
        .ok_or_else(|| AppError::internal("a demo certificate names an unknown path"))?;
    let (name, organisation_id, organisation): (String, String, String) = sqlx::query_as(
        "SELECT p.name, p.organisation_id, o.name FROM people p \
         JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1",
    )
    .bind(&person_id)
    .fetch_one(&mut **tx)
    .await?;
    for (course, _) in courses.iter() {
        let lessons = COURSES
            .iter()
            .find(|c| c.slug == *course)
            .map_or(0, |c| c.lessons.len());
        for n in 1..=lessons {
            sqlx::query(
                "INSERT INTO lesson_progress (person_id, lesson_id, organisation_id, opened_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&person_id)
            .bind(demo_id("lesson", &format!("{course}-{n}")))
            .bind(&organisation_id)
            .bind(at - 2 * DAY)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO quiz_attempts (id, course_id, person_id, organisation_id, question_ids, \
             started_at, submitted_at, percent, passed, answers, marks) \
             VALUES ($1, $2, $3, $4, '', $5, $5, 100, 1, '', '')",
        )
        .bind(demo_id("attempt", &format!("{person}:{course}")))
        .bind(demo_id("course", course))
        .bind(&person_id)
        .bind(&organisation_id)
        .bind(at - DAY)
        .execute(&mut **tx)
        .await?;
    }
    let id = demo_id("certificate", &format!("{person}:{path}"));
    let until = crate::learning::valid_until(at, *months);
    sqlx::query(
        "INSERT INTO certificates (id, path_id, person_id, organisation_id, holder_name, \
         organisation_name, path_title, issued_at, valid_until) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(demo_id("path", path))
    .bind(&person_id)
    .bind(&organisation_id)
    .bind(&name)
    .bind(&organisation)
    .bind(*title)
    .bind(at)
    .bind(until)
    .execute(&mut **tx)
    .await?;
    let now = now();
    if until <= now {
        // Lapsed before the demo began: nobody is told today.
        sqlx::query("UPDATE certificates SET expiry_handled_at = $1 WHERE id = $2")
            .bind(until)
            .bind(&id)
            .execute(&mut **tx)
            .await?;
    } else if *counts {
        // One of the certified people the organisation came with is now
        // certified in Trellis: the tier's count stays the same.
        sqlx::query(
            "UPDATE organisations SET certified_elsewhere = certified_elsewhere - 1 \
             WHERE id = $1 AND certified_elsewhere > 0",
        )
        .bind(&organisation_id)
        .execute(&mut **tx)
        .await?;
        super::server::recount(tx, &organisation_id, now).await?;
    }
    Ok(())
}
