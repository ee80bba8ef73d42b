//! `/learn/team` (a partner admin's own company) and `/learn/team/:id`
//! (vendor staff, any partner): who is certified in what, how far each
//! person is on their paths, what lapses next, and quizzes to unlock.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{certificate::status_badge, link_class};
use crate::{
    auth::Viewer,
    format::day,
    learning::{
        api::{team_progress, ResetQuizAttempts},
        CertificateStatus, CompanyProgress, JobFunction, Lapsing, PathStanding, PersonProgress,
    },
    shell::{
        ui::{form_error, last_error, AsyncSection, Badge, Button, ProgressBar, Stat, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn TeamPage() -> impl IntoView {
    let params = use_params_map();
    let reset = ServerAction::<ResetQuizAttempts>::new();
    view! {
        <Title text=t!("Team learning") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            // `/learn/team` is the viewer's own company.
            let progress = Resource::new(
                move || {
                    let id = params.read().get("id");
                    (id.unwrap_or_else(|| viewer.organisation_id.clone()), reset.version().get())
                },
                |(id, _)| team_progress(id),
            );
            view! {
                <AsyncSection>
                    {move || Suspend::new(async move { progress.await.map(|p| company(p, reset)) })}
                </AsyncSection>
            }
        } />
    }
}

fn company(p: CompanyProgress, reset: ServerAction<ResetQuizAttempts>) -> impl IntoView {
    let people = p.people.len();
    let holding = p
        .people
        .iter()
        .filter(|person| {
            person.paths.iter().any(|s| {
                s.certificate
                    .as_ref()
                    .is_some_and(|c| c.status == CertificateStatus::Valid)
            })
        })
        .count();
    let may_reset = p.may_reset;
    view! {
        <PageHeader
            title=t!("Team learning: {organisation}", organisation = p.organisation_name)
            lead=t!("Who is certified in what, how far everyone is on their paths, and what lapses next.")
        />
        <div class="grid gap-4 sm:grid-cols-3">
            <Stat label=t!("Certified people") value=p.certified_people.to_string() detail=t!("as your tier counts them") />
            <Stat label=t!("People") value=people.to_string() />
            <Stat label=t!("Holding a certificate") value=holding.to_string() detail=t!("valid today, earned in this portal") />
        </div>
        {lapsing(p.lapsing)}
        {form_error(last_error(reset))}
        <h2 class="mt-10 mb-4 text-lg font-semibold">{t!("People")}</h2>
        <ul class="grid gap-4 lg:grid-cols-2" aria-label=t!("People")>
            {p.people.into_iter().map(|person| person_card(person, may_reset, reset)).collect_view()}
        </ul>
    }
}

fn lapsing(list: Vec<Lapsing>) -> impl IntoView {
    let now = crate::format::now_secs();
    view! {
        <section aria-labelledby="lapsing-heading" class="mt-8">
            <h2 id="lapsing-heading" class="mb-4 text-lg font-semibold">{t!("Lapses next")}</h2>
            {if list.is_empty() {
                view! { <p>{t!("No one holds a valid certificate yet.")}</p> }.into_any()
            } else {
                view! {
                    <Card>
                        <ol class="flex flex-col gap-2 text-sm">
                            {list.into_iter().map(|l| view! {
                                <li class="flex flex-wrap items-center justify-between gap-2">
                                    <a href=format!("/learn/certificates/{}", l.certificate_id) class=link_class()>
                                        {format!("{} · {}", l.holder_name, l.path_title)}
                                    </a>
                                    <span>{t!("until {date} ({days} days)", date = day(l.valid_until), days = crate::learning::days_left(now, l.valid_until))}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    </Card>
                }.into_any()
            }}
        </section>
    }
}

fn person_card(
    person: PersonProgress,
    may_reset: bool,
    reset: ServerAction<ResetQuizAttempts>,
) -> impl IntoView {
    let function = JobFunction::parse(&person.job_function).map_or("—", |f| f.label());
    let person_id = person.person_id.clone();
    view! {
        <li>
            <Card>
                <h3 class="font-semibold">{person.name.clone()}</h3>
                <p class="text-sm text-slate-600 dark:text-slate-300">
                    {t!("{function} · {lessons} lessons opened · {courses} courses passed", function = function, lessons = person.lessons_opened, courses = person.courses_passed)}
                </p>
                {if person.paths.is_empty() {
                    view! { <p class="mt-3 text-sm">{t!("Not enrolled in a path.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="mt-3 flex flex-col gap-3" aria-label=t!("Paths of {name}", name = person.name)>
                            {person.paths.into_iter().map(path_line).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {person.locked.into_iter().map(|q| {
                    let person_id = person_id.clone();
                    view! {
                        <div class="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 p-3 text-sm dark:bg-amber-950">
                            <span>{t!("Used all {used} attempts at the {course} quiz", used = q.used, course = q.title)}</span>
                            {may_reset.then(|| view! {
                                <ActionForm action=reset>
                                    <input type="hidden" name="person_id" value=person_id />
                                    <input type="hidden" name="course_id" value=q.course_id.clone() />
                                    <Button>{t!("Give new attempts")}</Button>
                                </ActionForm>
                            })}
                        </div>
                    }
                }).collect_view()}
            </Card>
        </li>
    }
}

fn path_line(p: PathStanding) -> impl IntoView {
    let state = match p.certificate {
        Some(c) => view! {
            <span class="flex items-center gap-2">
                {status_badge(c.status)}
                <a href=format!("/learn/certificates/{}", c.id) class=link_class()>{t!("until {date}", date = day(c.valid_until))}</a>
            </span>
        }
        .into_any(),
        None => view! { <Badge tone=Tone::Neutral label=t!("Not certified") /> }.into_any(),
    };
    view! {
        <li>
            <div class="mb-1 flex flex-wrap items-center justify-between gap-2 text-sm">
                <span class="font-medium">{p.path_title.clone()}</span>
                {state}
            </div>
            <ProgressBar
                label=t!("{path}: courses passed", path = p.path_title)
                value=p.done
                max=p.total
                detail=t!("{done} of {total}", done = p.done, total = p.total)
            />
        </li>
    }
}
