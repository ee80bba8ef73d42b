//! `/learn/:course/lessons/:n`: one lesson to read, on any screen.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{link_class, primary_link};
use crate::{
    auth::Viewer,
    learning::{api::get_lesson, LessonView},
    shell::{
        ui::{AsyncSection, Markdown},
        Card, RequireViewer,
    },
};

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let lesson = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("course").unwrap_or_default(),
                p.get("n").and_then(|n| n.parse::<i64>().ok()).unwrap_or(0),
            )
        },
        |(course, n)| get_lesson(course, n),
    );
    view! {
        <Title text=t!("Lesson") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { lesson.await.map(lesson_view) })}
            </AsyncSection>
        } />
    }
}

fn lesson_view(l: LessonView) -> impl IntoView {
    let course = format!("/learn/{}", l.course_id);
    let previous = (l.position > 1).then(|| {
        view! { <a href=format!("{course}/lessons/{}", l.position - 1) class=link_class()>{t!("Previous lesson")}</a> }
    });
    let next = if l.position < l.lessons {
        view! { <a href=format!("{course}/lessons/{}", l.position + 1) class=primary_link()>{t!("Next lesson")}</a> }.into_any()
    } else {
        view! { <a href=format!("{course}/quiz") class=primary_link()>{t!("Take the quiz")}</a> }
            .into_any()
    };
    view! {
        <nav aria-label=t!("Breadcrumb") class="mb-2 text-sm">
            <a href=course.clone() class=link_class()>{l.course_title.clone()}</a>
        </nav>
        <header class="mb-6">
            <p class="text-sm text-slate-600 dark:text-slate-300">{t!("Lesson {n} of {total}", n = l.position, total = l.lessons)}</p>
            <h1 class="text-2xl font-bold tracking-tight sm:text-3xl">{l.title.clone()}</h1>
        </header>
        <article class="max-w-2xl">
            <Card>
                <Markdown text=l.body.clone() />
                {l.video_url.clone().map(|url| view! {
                    <p class="mt-4"><a href=url rel="noopener noreferrer" target="_blank" class=link_class()>{t!("Watch the video (opens in a new tab)")}</a></p>
                })}
                {l.document.clone().map(|(id, title)| view! {
                    <p class="mt-4">{t!("To download:")}" "<a href=format!("/assets/{id}") class=link_class()>{title}</a></p>
                })}
            </Card>
        </article>
        <nav aria-label=t!("Lessons") class="mt-6 flex max-w-2xl flex-wrap items-center justify-between gap-3">
            <span>{previous}</span>
            {next}
        </nav>
    }
}
