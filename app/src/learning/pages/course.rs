//! `/learn/:course`: a course's lessons, where to resume, and its quiz.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{link_class, primary_link};
use crate::{
    auth::Viewer,
    learning::{api::get_course, CourseView, LessonItem, QuizStanding},
    shell::{
        ui::{AsyncSection, Badge, Panel, ProgressBar, Tone},
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn CoursePage() -> impl IntoView {
    let params = use_params_map();
    let course = Resource::new(
        move || params.read().get("course").unwrap_or_default(),
        get_course,
    );
    view! {
        <Title text=t!("Course") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { course.await.map(course_view) })}
            </AsyncSection>
        } />
    }
}

fn course_view(c: CourseView) -> impl IntoView {
    let opened = c.lessons.iter().filter(|l| l.opened).count();
    let total = c.lessons.len();
    let resume = c.resume.map(|n| {
        let label = if opened == 0 {
            t!("Start the course")
        } else {
            t!("Resume where you left")
        };
        view! { <p class="mt-4"><a href=format!("/learn/{}/lessons/{n}", c.id) class=primary_link()>{label}</a></p> }
    });
    let id = c.id.clone();
    view! {
        <PageHeader title=c.title.clone() lead=c.summary.clone() />
        <div class="grid gap-6 lg:grid-cols-3">
            <Panel id="lessons-heading" title=t!("Lessons") span="lg:col-span-2">
                <ProgressBar
                    label=t!("Lessons opened")
                    value=i64::try_from(opened).unwrap_or(0)
                    max=i64::try_from(total).unwrap_or(0)
                    detail=t!("{done} of {total}", done = opened, total = total)
                />
                {resume}
                <ol class="mt-4 flex flex-col gap-2" aria-label=t!("Lessons")>
                    {c.lessons.into_iter().map(|l| lesson_row(&id, l)).collect_view()}
                </ol>
            </Panel>
            {quiz_panel(&c.id, c.quiz)}
        </div>
    }
}

fn lesson_row(course: &str, l: LessonItem) -> impl IntoView {
    view! {
        <li class="flex items-baseline justify-between gap-2">
            <a href=format!("/learn/{course}/lessons/{}", l.position) class=link_class()>
                {format!("{}. {}", l.position, l.title)}
            </a>
            {l.opened.then(|| view! { <Badge tone=Tone::Success label=t!("Opened") /> })}
        </li>
    }
}

fn quiz_panel(course: &str, q: QuizStanding) -> impl IntoView {
    let action = if q.passed {
        view! { <p class="mt-3"><Badge tone=Tone::Success label=t!("Passed") /></p> }.into_any()
    } else if q.may_take() {
        view! { <p class="mt-3"><a href=format!("/learn/{course}/quiz") class=primary_link()>{t!("Take the quiz")}</a></p> }.into_any()
    } else {
        view! { <p class="mt-3 text-sm font-medium">{t!("You have used every attempt at this quiz.")}</p> }.into_any()
    };
    view! {
        <Panel id="quiz-heading" title=t!("Quiz")>
            <p class="text-sm">{t!("{questions} questions; {pass_mark} % to pass.", questions = q.questions, pass_mark = q.pass_mark)}</p>
            <p class="mt-1 text-sm">{t!("Attempts used: {used} of {max}.", used = q.used, max = q.max_attempts)}</p>
            {q.best.map(|best| view! { <p class="mt-1 text-sm">{t!("Best mark: {best} %.", best = best)}</p> })}
            {action}
            {q.last_attempt.map(|id| view! {
                <p class="mt-3 text-sm"><a href=format!("/learn/attempts/{id}") class=link_class()>{t!("Your last attempt")}</a></p>
            })}
        </Panel>
    }
}
