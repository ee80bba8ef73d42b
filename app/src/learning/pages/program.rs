//! `/learn/program` (vendor staff): how partner people take up each course
//! and path, and which live partners have no one certified.

use leptos::prelude::*;
use leptos_meta::Title;

use super::link_class;
use crate::{
    auth::Viewer,
    learning::{api::learning_program_progress, CourseRate, PathRate, ProgramProgress},
    shell::{
        ui::{cell_class, AsyncSection, Column, Table},
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn LearningProgramPage() -> impl IntoView {
    let progress = Resource::new(|| (), |_| learning_program_progress());
    view! {
        <Title text=t!("Program learning") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Program learning") lead=t!("Completion of every course and path across partner people, and the partners with no one certified.") />
            <AsyncSection>
                {move || Suspend::new(async move { progress.await.map(program) })}
            </AsyncSection>
        } />
    }
}

/// `part` of `whole` in whole percent, or a dash when there is no whole.
fn rate(part: i64, whole: i64) -> String {
    if whole > 0 {
        format!("{} %", part * 100 / whole)
    } else {
        "—".to_owned()
    }
}

fn program(p: ProgramProgress) -> impl IntoView {
    view! {
        <div class="flex flex-col gap-8">
            {paths(p.paths)}
            {courses(p.courses)}
            {uncertified(p.uncertified)}
        </div>
    }
}

fn paths(rows: Vec<PathRate>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Path")),
        Column::new(t!("Enrolled")).numeric(),
        Column::new(t!("Certified")).numeric(),
        Column::new(t!("Rate")).numeric(),
    ];
    view! {
        <Table caption=t!("Certification paths") caption_visible=true columns empty=t!("No path yet.") row_count=rows.len()>
            {rows.into_iter().map(|r| view! {
                <tr>
                    <td class=cell_class(false)>{r.title}</td>
                    <td class=cell_class(true)>{r.enrolled}</td>
                    <td class=cell_class(true)>{r.certified}</td>
                    <td class=cell_class(true)>{rate(r.certified, r.enrolled)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

fn courses(rows: Vec<CourseRate>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Course")),
        Column::new(t!("Started")).numeric(),
        Column::new(t!("Passed")).numeric(),
        Column::new(t!("Completion")).numeric(),
    ];
    view! {
        <Table caption=t!("Courses") caption_visible=true columns empty=t!("No course yet.") row_count=rows.len()>
            {rows.into_iter().map(|r| view! {
                <tr>
                    <td class=cell_class(false)><a href=format!("/learn/{}", r.course_id) class=link_class()>{r.title}</a></td>
                    <td class=cell_class(true)>{r.started}</td>
                    <td class=cell_class(true)>{r.passed}</td>
                    <td class=cell_class(true)>{rate(r.passed, r.started)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

fn uncertified(rows: Vec<crate::learning::UncertifiedPartner>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Partner")),
        Column::new(t!("People")).numeric(),
        Column::new(t!("Enrolled")).numeric(),
    ];
    view! {
        <Table caption=t!("Partners with no one certified") caption_visible=true columns empty=t!("Every live partner has someone certified.") row_count=rows.len()>
            {rows.into_iter().map(|r| view! {
                <tr>
                    <td class=cell_class(false)><a href=format!("/learn/team/{}", r.organisation_id) class=link_class()>{r.name}</a></td>
                    <td class=cell_class(true)>{r.people}</td>
                    <td class=cell_class(true)>{r.enrolled}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}
