//! `/learn`: every course, with how far the viewer is.

use leptos::prelude::*;
use leptos_meta::Title;

use super::link_class;
use crate::{
    auth::Viewer,
    learning::{api::learning_catalogue, CourseCard},
    shell::{
        ui::{AsyncSection, Badge, ProgressBar, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn LearnPage() -> impl IntoView {
    let courses = Resource::new(|| (), |_| learning_catalogue());
    view! {
        <Title text=t!("Learning") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Learning") lead=t!("Short courses on selling and running Acme Cloud, each closed by a quiz. Your place is kept on every device.") />
            <AsyncSection>
                {move || Suspend::new(async move { courses.await.map(course_list) })}
            </AsyncSection>
        } />
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
