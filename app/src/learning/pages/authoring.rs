//! `/learn/authoring` (the program admin): every course, to open and
//! edit, a new course, and the certification paths with their courses,
//! audience and validity.

use leptos::prelude::*;
use leptos_meta::Title;

use super::link_class;
use crate::{
    auth::Viewer,
    learning::{
        api::{learning_authoring, SaveCourse, SavePath},
        AuthoringOverview, EditablePath, JobFunction,
    },
    organisations::PartnerType,
    shell::{
        ui::{
            form_error, last_error, options, AsyncSection, Button, CheckboxGroup, Field,
            SelectField,
        },
        Card, PageHeader, RequireViewer,
    },
    values::comma_items,
};

#[component]
pub fn AuthoringPage() -> impl IntoView {
    let course = ServerAction::<SaveCourse>::new();
    let path = ServerAction::<SavePath>::new();
    let overview = Resource::new(move || path.version().get(), |_| learning_authoring());
    view! {
        <Title text=t!("Authoring") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Authoring") lead=t!("Courses, their lessons and quizzes, and the certification paths partners are enrolled in by role and partner type.") />
            <AsyncSection>
                {move || Suspend::new(async move { overview.await.map(|o| page(o, course, path)) })}
            </AsyncSection>
        } />
    }
}

fn page(
    o: AuthoringOverview,
    course: ServerAction<SaveCourse>,
    path: ServerAction<SavePath>,
) -> impl IntoView {
    let courses = o.courses.clone();
    view! {
        <section aria-labelledby="courses-heading">
            <h2 id="courses-heading" class="mb-3 text-lg font-semibold">{t!("Courses")}</h2>
            <ul class="grid gap-2 sm:grid-cols-2">
                {o.courses.iter().map(|(id, title)| view! {
                    <li><a href=format!("/learn/{id}/edit") class=link_class()>{title.clone()}</a></li>
                }).collect_view()}
            </ul>
            <details open=last_error(course).is_some() class="mt-4 max-w-3xl rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <summary class="cursor-pointer font-semibold">{t!("New course")}</summary>
                {super::course_edit::course_form(None, course)}
            </details>
        </section>
        <section aria-labelledby="paths-heading" class="mt-10">
            <h2 id="paths-heading" class="mb-3 text-lg font-semibold">{t!("Certification paths")}</h2>
            {form_error(last_error(path))}
            <ul class="flex max-w-3xl flex-col gap-4">
                {o.paths.into_iter().map(|p| {
                    let title = p.title.clone();
                    let courses = courses.clone();
                    view! {
                        <li>
                            <Card>
                                <details>
                                    <summary class="cursor-pointer font-semibold">{title}</summary>
                                    {path_form(Some(p), &courses, path)}
                                </details>
                            </Card>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="mt-4 max-w-3xl rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <summary class="cursor-pointer font-semibold">{t!("New path")}</summary>
                {path_form(None, &o.courses, path)}
            </details>
        </section>
    }
}

/// The form of path `p` (a new one when `None`): five course slots in
/// order, each with whether recertifying asks it again.
fn path_form(
    p: Option<EditablePath>,
    courses: &[(String, String)],
    action: ServerAction<SavePath>,
) -> impl IntoView {
    let key = p
        .as_ref()
        .map_or_else(|| "new".to_owned(), |p| p.id.clone());
    let p = p.unwrap_or(EditablePath {
        id: String::new(),
        title: String::new(),
        summary: String::new(),
        job_functions: String::new(),
        partner_types: String::new(),
        validity_months: 12,
        counts_toward_tier: true,
        courses: Vec::new(),
    });
    let choices: Vec<(String, String)> = std::iter::once((String::new(), t!("(none)").to_owned()))
        .chain(courses.iter().cloned())
        .collect();
    let slots = (0..5)
        .map(|i| {
            let (selected, retake) = p.courses.get(i).cloned().unwrap_or_default();
            let id = format!("path-{key}-course-{i}");
            let retake_id = format!("{id}-retake");
            view! {
                <div class="grid items-end gap-2 sm:grid-cols-[1fr_auto]">
                    <SelectField label=t!("Course {n}", n = i + 1) name=format!("path[courses][{i}]") id=id options=choices.clone() selected=selected.clone() />
                    <label class="flex items-center gap-2 pb-2 text-sm" for=retake_id.clone()>
                        <input type="checkbox" id=retake_id.clone() name=format!("path[retake][{i}]") value=selected checked=retake />
                        {t!("Retaken to recertify")}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action attr:class="mt-3 flex flex-col gap-3">
            <input type="hidden" name="id" value=p.id.clone() />
            <Field label=t!("Title") name="path[title]" id=format!("path-{key}-title") required=true maxlength=200_u32 value=p.title.clone() />
            <Field label=t!("Summary") name="path[summary]" id=format!("path-{key}-summary") required=true maxlength=500_u32 value=p.summary.clone() />
            <CheckboxGroup
                label=t!("For these job functions (none ticked: all)")
                name="path[job_functions]"
                id=format!("path-{key}-functions")
                options=options(JobFunction::ALL.iter().map(|f| (f.code(), f.label())))
                checked=comma_items(&p.job_functions)
            />
            <CheckboxGroup
                label=t!("For these partner types (none ticked: all)")
                name="path[partner_types]"
                id=format!("path-{key}-types")
                options=options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))
                checked=comma_items(&p.partner_types)
            />
            <Field label=t!("Valid for (months)") name="path[validity_months]" id=format!("path-{key}-months") kind="number" min="1" max="60" required=true value=p.validity_months.to_string() />
            <label class="flex items-center gap-2 text-sm" for=format!("path-{key}-counts")>
                <input type="checkbox" id=format!("path-{key}-counts") name="path[counts_toward_tier]" value="yes" checked=p.counts_toward_tier />
                {t!("Counts toward tiers")}
            </label>
            <fieldset class="flex flex-col gap-2">
                <legend class="text-sm font-medium">{t!("Courses, in order")}</legend>
                {slots}
            </fieldset>
            <div><Button>{t!("Save the path")}</Button></div>
        </ActionForm>
    }
}
