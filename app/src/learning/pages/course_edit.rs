//! `/learn/:course/edit` (the program admin): a course's settings, its
//! lessons in order (Markdown, a video link, a document of the library),
//! and its quiz's question pool with the key.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::link_class;
use crate::{
    auth::Viewer,
    learning::{
        api::{
            course_for_editing, AddQuestion, MoveLessonUp, RemoveQuestion, SaveCourse, SaveLesson,
        },
        EditableCourse, EditableLesson, EditableQuestion,
    },
    shell::{
        ui::{form_error, last_error, AsyncSection, Button, Field, Intent, TextArea},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn CourseEditPage() -> impl IntoView {
    let params = use_params_map();
    let course = ServerAction::<SaveCourse>::new();
    let lesson = ServerAction::<SaveLesson>::new();
    let up = ServerAction::<MoveLessonUp>::new();
    let add = ServerAction::<AddQuestion>::new();
    let remove = ServerAction::<RemoveQuestion>::new();
    let data = Resource::new(
        move || {
            (
                params.read().get("course").unwrap_or_default(),
                course.version().get()
                    + lesson.version().get()
                    + up.version().get()
                    + add.version().get()
                    + remove.version().get(),
            )
        },
        |(id, _)| course_for_editing(id),
    );
    view! {
        <Title text=t!("Edit course") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move {
                    data.await.map(|c| page(c, course, lesson, up, add, remove))
                })}
            </AsyncSection>
        } />
    }
}

fn page(
    c: EditableCourse,
    course: ServerAction<SaveCourse>,
    lesson: ServerAction<SaveLesson>,
    up: ServerAction<MoveLessonUp>,
    add: ServerAction<AddQuestion>,
    remove: ServerAction<RemoveQuestion>,
) -> impl IntoView {
    let id = c.id.clone();
    let settings = c.clone();
    let lessons = c.lessons.clone();
    let pool = c.questions.len();
    view! {
        <PageHeader title=t!("Edit: {course}", course = c.title) lead=t!("Changes show to partners at once. Lessons already opened and attempts already marked keep their record.") />
        <p class="-mt-4 mb-6 flex flex-wrap gap-4 text-sm">
            <a href="/learn/authoring" class=link_class()>{t!("All courses and paths")}</a>
            <a href=format!("/learn/{id}") class=link_class()>{t!("See it as a partner does")}</a>
        </p>
        <div class="grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="settings-heading">
                <h2 id="settings-heading" class="mb-3 text-lg font-semibold">{t!("Settings")}</h2>
                <Card>{course_form(Some(settings), course)}</Card>
            </section>
            <section aria-labelledby="lessons-heading">
                <h2 id="lessons-heading" class="mb-3 text-lg font-semibold">{t!("Lessons")}</h2>
                {form_error(last_error(lesson))}
                {form_error(last_error(up))}
                <ol class="flex flex-col gap-3">
                    {lessons.into_iter().map(|l| lesson_item(id.clone(), l, lesson, up)).collect_view()}
                </ol>
                <details class="mt-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                    <summary class="cursor-pointer font-semibold">{t!("Add a lesson")}</summary>
                    {lesson_form(id.clone(), None, lesson)}
                </details>
            </section>
        </div>
        <section aria-labelledby="questions-heading" class="mt-10 max-w-3xl">
            <h2 id="questions-heading" class="mb-1 text-lg font-semibold">{t!("Quiz questions")}</h2>
            <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{t!("Each attempt draws {n} of these {pool}, in random order; the right answers stay on the server.", n = c.questions_per_attempt, pool = pool)}</p>
            {form_error(last_error(add))}
            {form_error(last_error(remove))}
            <ol class="flex flex-col gap-3">
                {c.questions.into_iter().map(|q| question_item(q, remove)).collect_view()}
            </ol>
            <details class="mt-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <summary class="cursor-pointer font-semibold">{t!("Add a question")}</summary>
                {question_form(id.clone(), add)}
            </details>
        </section>
    }
}

/// The settings form of course `c` (a new course when `None`).
pub(super) fn course_form(
    c: Option<EditableCourse>,
    action: ServerAction<SaveCourse>,
) -> impl IntoView {
    let c = c.as_ref();
    let value =
        |f: fn(&EditableCourse) -> String, default: &str| c.map_or_else(|| default.to_owned(), f);
    let key = c.map_or("new", |c| c.id.as_str()).to_owned();
    let id = c.map(|c| c.id.clone()).unwrap_or_default();
    let (title, summary) = (
        value(|c| c.title.clone(), ""),
        value(|c| c.summary.clone(), ""),
    );
    let minutes = value(|c| c.minutes.to_string(), "20");
    let pass = value(|c| c.pass_mark.to_string(), "75");
    let attempts = value(|c| c.max_attempts.to_string(), "3");
    let questions = value(|c| c.questions_per_attempt.to_string(), "4");
    view! {
        <ActionForm action attr:class="flex flex-col gap-3">
            <input type="hidden" name="id" value=id />
            <Field label=t!("Title") name="course[title]" id=format!("course-{key}-title") required=true maxlength=200_u32 value=title />
            <Field label=t!("Summary") name="course[summary]" id=format!("course-{key}-summary") required=true maxlength=500_u32 value=summary />
            <div class="grid grid-cols-2 gap-3">
                <Field label=t!("Minutes") name="course[minutes]" id=format!("course-{key}-minutes") kind="number" min="1" max="600" required=true value=minutes />
                <Field label=t!("Pass mark (%)") name="course[pass_mark]" id=format!("course-{key}-pass") kind="number" min="1" max="100" required=true value=pass />
                <Field label=t!("Attempts") name="course[max_attempts]" id=format!("course-{key}-attempts") kind="number" min="1" max="10" required=true value=attempts />
                <Field label=t!("Questions per attempt") name="course[questions_per_attempt]" id=format!("course-{key}-questions") kind="number" min="1" max="50" required=true value=questions />
            </div>
            <div><Button>{t!("Save the course")}</Button></div>
        </ActionForm>
    }
}

fn lesson_item(
    course_id: String,
    l: EditableLesson,
    lesson: ServerAction<SaveLesson>,
    up: ServerAction<MoveLessonUp>,
) -> impl IntoView {
    let first = l.position == 1;
    let id = l.id.clone();
    let title = format!("{}. {}", l.position, l.title);
    view! {
        <li>
            <Card>
                <details>
                    <summary class="cursor-pointer font-medium">{title}</summary>
                    {lesson_form(course_id, Some(l), lesson)}
                </details>
                {(!first).then(|| view! {
                    <ActionForm action=up attr:class="mt-2">
                        <input type="hidden" name="id" value=id />
                        <Button intent=Intent::Link>{t!("Move up")}</Button>
                    </ActionForm>
                })}
            </Card>
        </li>
    }
}

fn lesson_form(
    course_id: String,
    l: Option<EditableLesson>,
    action: ServerAction<SaveLesson>,
) -> impl IntoView {
    let key = l
        .as_ref()
        .map_or_else(|| "new".to_owned(), |l| l.id.clone());
    let l = l.unwrap_or(EditableLesson {
        id: String::new(),
        position: 0,
        title: String::new(),
        body: String::new(),
        video_url: None,
        asset_id: None,
    });
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-3">
            <input type="hidden" name="course_id" value=course_id />
            <input type="hidden" name="id" value=l.id.clone() />
            <Field label=t!("Title") name="lesson[title]" id=format!("lesson-{key}-title") required=true maxlength=200_u32 value=l.title.clone() />
            <label class="block text-sm font-medium">
                {t!("Text (Markdown: # headings, - lists, **bold**)")}
                <TextArea name="lesson[body]" rows=8 maxlength=20000 required=true value=l.body.clone() />
            </label>
            <Field label=t!("Video link (optional)") name="lesson[video_url]" id=format!("lesson-{key}-video") kind="url" value=l.video_url.clone().unwrap_or_default() />
            <Field label=t!("Document from the library: its id (optional)") name="lesson[asset_id]" id=format!("lesson-{key}-asset") value=l.asset_id.clone().unwrap_or_default() literal=true />
            <div><Button>{t!("Save the lesson")}</Button></div>
        </ActionForm>
    }
}

fn question_item(q: EditableQuestion, remove: ServerAction<RemoveQuestion>) -> impl IntoView {
    let kind = if q.multiple {
        t!("tick every right choice")
    } else {
        t!("pick one")
    };
    view! {
        <li>
            <Card>
                <p class="font-medium">{q.prompt.clone()}" "<span class="text-sm font-normal text-slate-600 dark:text-slate-300">{format!("({kind})")}</span></p>
                <ul class="mt-2 flex flex-col gap-1 text-sm">
                    {q.choices.into_iter().map(|c| view! {
                        <li>{if c.correct { format!("✓ {}", c.label) } else { format!("· {}", c.label) }}</li>
                    }).collect_view()}
                </ul>
                <ActionForm action=remove attr:class="mt-2">
                    <input type="hidden" name="id" value=q.id />
                    <Button intent=Intent::Link>{t!("Remove from the pool")}</Button>
                </ActionForm>
            </Card>
        </li>
    }
}

fn question_form(course_id: String, action: ServerAction<AddQuestion>) -> impl IntoView {
    let choices = (0..4)
        .map(|i| {
            let id = format!("question-choice-{i}");
            view! {
                <div class="grid items-end gap-2 sm:grid-cols-[1fr_auto]">
                    <Field label=t!("Choice {n}", n = i + 1) name=format!("question[choices][{i}]") id=id.clone() maxlength=300_u32 />
                    <label class="flex items-center gap-2 pb-2 text-sm" for=format!("{id}-right")>
                        <input type="checkbox" id=format!("{id}-right") name=format!("question[correct][{i}]") value=i.to_string() />
                        {t!("Right")}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-3">
            <input type="hidden" name="course_id" value=course_id />
            <Field label=t!("Question") name="question[prompt]" id="question-prompt" required=true maxlength=500_u32 />
            <fieldset class="flex flex-wrap gap-4 text-sm">
                <legend class="mb-1 font-medium">{t!("Answered by")}</legend>
                <label class="flex items-center gap-2"><input type="radio" name="question[answer]" value="one" checked=true />{t!("picking one choice")}</label>
                <label class="flex items-center gap-2"><input type="radio" name="question[answer]" value="multiple" />{t!("ticking every right choice")}</label>
            </fieldset>
            {choices}
            <div><Button>{t!("Add the question")}</Button></div>
        </ActionForm>
    }
}
