//! `/learn/:course/quiz`: the questions of the viewer's attempt (no key
//! reaches the page), and `/learn/attempts/:id`: its mark.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{link_class, primary_link};
use crate::{
    auth::Viewer,
    learning::{
        api::{get_attempt, start_quiz, SubmitQuiz},
        AttemptResult, PaperQuestion, QuizPaper,
    },
    shell::{
        ui::{form_error, last_error, AsyncSection, Badge, Button, ChoiceTile, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn QuizPage() -> impl IntoView {
    let params = use_params_map();
    let submit = ServerAction::<SubmitQuiz>::new();
    let paper = Resource::new(
        move || params.read().get("course").unwrap_or_default(),
        start_quiz,
    );
    view! {
        <Title text=t!("Quiz") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { paper.await.map(|p| paper_view(p, submit)) })}
            </AsyncSection>
        } />
    }
}

fn paper_view(p: QuizPaper, submit: ServerAction<SubmitQuiz>) -> impl IntoView {
    view! {
        <PageHeader
            title=t!("Quiz: {course}", course = p.course_title.clone())
            lead=t!("Attempt {attempt} of {max}. {pass_mark} % to pass; tick every right answer where it says so.", attempt = p.attempt, max = p.max_attempts, pass_mark = p.pass_mark)
        />
        {form_error(last_error(submit))}
        <ActionForm action=submit attr:class="flex max-w-2xl flex-col gap-4">
            <input type="hidden" name="attempt_id" value=p.attempt_id.clone() />
            {p.questions.into_iter().enumerate().map(|(i, q)| question_view(i, q)).collect_view()}
            <div><Button>{t!("Submit my answers")}</Button></div>
        </ActionForm>
        <p class="mt-4"><a href=format!("/learn/{}", p.course_id) class=link_class()>{t!("Back to the course")}</a></p>
    }
}

/// One question: radio buttons (one answer) or checkboxes (several). Each
/// input sends `question:choice` under its own index of `picked`, radios
/// of one question sharing theirs.
fn question_view(i: usize, q: PaperQuestion) -> impl IntoView {
    let kind = if q.multiple { "checkbox" } else { "radio" };
    let hint = if q.multiple {
        t!("Tick every right answer.")
    } else {
        t!("Pick one answer.")
    };
    let question = q.id.clone();
    let choices = q
        .choices
        .into_iter()
        .enumerate()
        .map(|(j, c)| {
            let index = if q.multiple { i * 100 + j + 1 } else { i * 100 };
            view! {
                <ChoiceTile
                    id=format!("q{i}-{j}")
                    kind
                    name=format!("picked[{index}]")
                    value=format!("{question}:{}", c.id)
                    text=c.label
                />
            }
        })
        .collect_view();
    view! {
        <Card>
            <fieldset>
                <legend class="font-medium">{format!("{}. {}", i + 1, q.prompt)}</legend>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{hint}</p>
                <div class="mt-3 flex flex-col gap-2">{choices}</div>
            </fieldset>
        </Card>
    }
}

#[component]
pub fn AttemptPage() -> impl IntoView {
    let params = use_params_map();
    let result = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_attempt,
    );
    view! {
        <Title text=t!("Quiz result") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { result.await.map(result_view) })}
            </AsyncSection>
        } />
    }
}

fn result_view(r: AttemptResult) -> impl IntoView {
    let (tone, verdict) = if r.passed {
        (Tone::Success, t!("Passed"))
    } else {
        (Tone::Warning, t!("Not passed"))
    };
    let course = format!("/learn/{}", r.course_id);
    let next = if r.passed {
        view! { <a href=course.clone() class=primary_link()>{t!("Back to the course")}</a> }
            .into_any()
    } else if r.attempts_left > 0 {
        view! {
            <p class="text-sm">{t!("Read the lessons again where you went wrong; you have {left} attempts left.", left = r.attempts_left)}</p>
            <p class="mt-3"><a href=format!("{course}/quiz") class=primary_link()>{t!("Try again")}</a></p>
        }
        .into_any()
    } else {
        view! { <p class="text-sm font-medium">{t!("You have used every attempt at this quiz.")}</p> }.into_any()
    };
    view! {
        <PageHeader
            title=t!("Quiz: {course}", course = r.course_title.clone())
            lead=t!("You scored {percent} %; {pass_mark} % passes.", percent = r.percent, pass_mark = r.pass_mark)
        />
        <p class="mb-4" role="status"><Badge tone label=verdict /></p>
        {(!r.certificates.is_empty()).then(|| view! {
            <section aria-labelledby="certified-heading" class="mb-6 max-w-2xl rounded-xl border border-teal-200 bg-teal-50 p-4 dark:border-teal-800 dark:bg-teal-950">
                <h2 id="certified-heading" class="font-semibold">{t!("Certificate issued")}</h2>
                <ul class="mt-2 flex flex-col gap-1">
                    {r.certificates.iter().map(|(id, path)| view! {
                        <li>
                            {t!("You are now {path}.", path = path)}" "
                            <a href=format!("/learn/certificates/{id}") class=link_class()>{t!("Your certificate")}</a>
                        </li>
                    }).collect_view()}
                </ul>
                <p class="mt-2 text-sm">{t!("It is on its way to you by email too.")}</p>
            </section>
        })}
        <ol class="mb-6 flex max-w-2xl flex-col gap-2" aria-label=t!("Your answers")>
            {r.questions.into_iter().map(|(prompt, right)| {
                let (tone, label) = if right { (Tone::Success, t!("Right")) } else { (Tone::Warning, t!("Wrong")) };
                view! {
                    <li class="flex items-baseline justify-between gap-3 text-sm">
                        <span>{prompt}</span>
                        <Badge tone label />
                    </li>
                }
            }).collect_view()}
        </ol>
        {next}
        <p class="mt-4"><a href="/learn" class=link_class()>{t!("All courses")}</a></p>
    }
}
