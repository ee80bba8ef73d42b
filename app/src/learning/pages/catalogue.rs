//! `/learn`: the viewer's certification paths, then every course, with how
//! far the viewer is.

use leptos::prelude::*;
use leptos_meta::Title;

use super::link_class;
use crate::{
    auth::Viewer,
    format::day,
    learning::{
        api::{learning_catalogue, learning_paths, suggested_course},
        days_left, renewal_open, CertificateStatus, CourseCard, NextCourse, NextReason, PathCard,
    },
    organisations::Role,
    shell::{
        ui::{AsyncSection, Badge, ProgressBar, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn LearnPage() -> impl IntoView {
    let courses = Resource::new(|| (), |_| learning_catalogue());
    let paths = Resource::new(|| (), |_| learning_paths());
    let next = Resource::new(|| (), |_| suggested_course());
    view! {
        <Title text=t!("Learning") />
        <RequireViewer signed_in=move |viewer: Viewer| view! {
            <PageHeader title=t!("Learning") lead=t!("Short courses on selling and running Acme Cloud, each closed by a quiz. Your place is kept on every device.") />
            {progress_links(viewer.role)}
            <AsyncSection>
                {move || Suspend::new(async move { next.await.map(|n| n.map(next_card)) })}
            </AsyncSection>
            <AsyncSection>
                {move || Suspend::new(async move { paths.await.map(path_list) })}
            </AsyncSection>
            <h2 class="mt-10 mb-4 text-lg font-semibold">{t!("Courses")}</h2>
            <AsyncSection>
                {move || Suspend::new(async move { courses.await.map(course_list) })}
            </AsyncSection>
        } />
    }
}

/// Links to other people's progress, for those who may read it.
fn progress_links(role: Role) -> impl IntoView {
    let links: Vec<(&str, &str)> = match role {
        Role::PartnerAdmin => vec![("/learn/team", t!("Your team's learning"))],
        Role::ProgramAdmin => vec![
            ("/learn/program", t!("Learning across the program")),
            ("/learn/authoring", t!("Authoring")),
        ],
        Role::ChannelManager | Role::Marketer => {
            vec![("/learn/program", t!("Learning across the program"))]
        }
        Role::PartnerUser => Vec::new(),
    };
    (!links.is_empty()).then(|| {
        view! {
            <nav aria-label=t!("Progress") class="-mt-4 mb-6 flex flex-wrap gap-4 text-sm">
                {links.into_iter().map(|(href, label)| view! { <a href=href class=link_class()>{label}</a> }).collect_view()}
            </nav>
        }
    })
}

/// The course suggested next, and why.
fn next_card(n: NextCourse) -> impl IntoView {
    let why = match n.reason {
        NextReason::NextOnPath { path } => {
            t!("It is the next course on your {path} path.", path = path)
        }
        NextReason::PeersPassed {
            passed,
            peers,
            tier,
        } => t!(
            "{passed} of {peers} people in your role at {tier} partners have passed it.",
            passed = passed,
            peers = peers,
            tier = tier
        ),
    };
    view! {
        <section aria-labelledby="next-heading" class="mb-8">
            <Card>
                <h2 id="next-heading" class="text-sm font-semibold uppercase tracking-wide text-teal-700 dark:text-teal-300">{t!("Suggested next")}</h2>
                <a href=format!("/learn/{}", n.course_id) class=format!("mt-1 block text-lg {}", link_class())>{n.title}</a>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Why: {reason}", reason = why)}</p>
            </Card>
        </section>
    }
}

fn course_list(courses: Vec<CourseCard>) -> impl IntoView {
    if courses.is_empty() {
        return view! { <p>{t!("No course yet.")}</p> }.into_any();
    }
    view! {
        <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label=t!("Courses")>
            {courses.into_iter().map(course_card).collect_view()}
        </ul>
    }
    .into_any()
}

fn course_card(c: CourseCard) -> impl IntoView {
    view! {
        <li>
            <Card>
                <div class="flex items-start justify-between gap-2">
                    <a href=format!("/learn/{}", c.id) class=link_class()>{c.title}</a>
                    {c.passed.then(|| view! { <Badge tone=Tone::Success label=t!("Passed") /> })}
                </div>
                <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">{c.summary}</p>
                <p class="mt-2 text-sm">{t!("{minutes} minutes · {lessons} lessons", minutes = c.minutes, lessons = c.lessons)}</p>
                <div class="mt-3">
                    <ProgressBar
                        label=t!("Lessons opened")
                        value=c.opened
                        max=c.lessons
                        detail=t!("{done} of {total}", done = c.opened, total = c.lessons)
                    />
                </div>
            </Card>
        </li>
    }
}

fn path_list(paths: Vec<PathCard>) -> impl IntoView {
    (!paths.is_empty()).then(|| {
        view! {
            <section aria-labelledby="paths-heading">
                <h2 id="paths-heading" class="mb-4 text-lg font-semibold">{t!("Your certification paths")}</h2>
                <ul class="grid gap-4 lg:grid-cols-2">
                    {paths.into_iter().map(path_card).collect_view()}
                </ul>
            </section>
        }
    })
}

fn path_card(p: PathCard) -> impl IntoView {
    let done = p.steps.iter().filter(|s| s.passed).count();
    let total = p.steps.len();
    let certificate = p.certificate.map(|c| {
        let now = crate::format::now_secs();
        // The reminders' window, which is also when renewal opens.
        let expiring =
            c.status == CertificateStatus::Valid && renewal_open(now, c.valid_until);
        let line = match c.status {
            CertificateStatus::Valid if expiring => t!(
                "Certified until {date}: {days} days left to renew",
                date = day(c.valid_until),
                days = days_left(now, c.valid_until)
            ),
            CertificateStatus::Valid => t!("Certified until {date}", date = day(c.valid_until)),
            CertificateStatus::Expired => t!("Expired on {date}", date = day(c.valid_until)),
            CertificateStatus::Revoked => t!("Your certificate was revoked.").to_owned(),
        };
        view! {
            <p class="mt-3 flex flex-wrap items-center gap-2 text-sm">
                {super::certificate::status_badge(c.status)}
                {expiring.then(|| view! { <Badge tone=Tone::Warning label=t!("Renew soon") /> })}
                <span>{line}</span>
                <a href=format!("/learn/certificates/{}", c.id) class=link_class()>{t!("Your certificate")}</a>
            </p>
        }
    });
    let next = p.next.clone();
    view! {
        <li>
            <Card>
                <h3 class="font-semibold">{p.title}</h3>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{p.summary}</p>
                <p class="mt-2 text-sm">
                    {t!("Valid {months} months", months = p.validity_months)}
                    {p.counts_toward_tier.then(|| t!(" · counts toward your tier"))}
                </p>
                <div class="mt-3">
                    <ProgressBar
                        label=t!("Courses passed")
                        value=i64::try_from(done).unwrap_or(0)
                        max=i64::try_from(total).unwrap_or(0)
                        detail=t!("{done} of {total}", done = done, total = total)
                    />
                </div>
                <ol class="mt-3 flex flex-col gap-1 text-sm" aria-label=t!("Courses of the path")>
                    {p.steps.into_iter().map(|s| {
                        let is_next = next.as_deref() == Some(s.course_id.as_str());
                        view! {
                            <li class="flex items-center justify-between gap-2">
                                <a href=format!("/learn/{}", s.course_id) class=link_class()>{s.title}</a>
                                {if s.passed {
                                    Some(view! { <Badge tone=Tone::Success label=t!("Passed") /> }.into_any())
                                } else if is_next {
                                    Some(view! { <Badge tone=Tone::Info label=t!("Next") /> }.into_any())
                                } else {
                                    None
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {certificate}
            </Card>
        </li>
    }
}
