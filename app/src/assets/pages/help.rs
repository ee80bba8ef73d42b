//! `/help`: the help search's results, grouped by where they come from;
//! `/help/faq`: the FAQ, which the program admin edits in place.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    assets::{
        api::{faq_entries, help_search, DeleteFaqEntry, SaveFaqEntry},
        FaqEntry, HelpHit, HelpResults, HelpSource,
    },
    auth::Viewer,
    organisations::Role,
    shell::{
        ui::{
            form_error, last_error, link_class, AsyncSection, Button, Field, Intent, Markdown,
            TextArea,
        },
        Card, PageHeader, RequireViewer,
    },
};

fn source_label(source: HelpSource) -> &'static str {
    match source {
        HelpSource::Faq => t!("Frequently asked"),
        HelpSource::Rules => t!("Rules of engagement"),
        HelpSource::Course => t!("Courses"),
        HelpSource::Lesson => t!("Lessons"),
        HelpSource::Asset => t!("Asset library"),
    }
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let q = use_query_map().get_untracked().get("q").unwrap_or_default();
    let typed = q.clone();
    let results = Resource::new(move || q.clone(), help_search);
    view! {
        <Title text=t!("Help") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let typed = typed.clone();
            view! {
                <PageHeader title=t!("Help") lead=t!("One search over the FAQ, the rules of engagement, the courses and the asset library. Nothing you type leaves the portal.") />
                <form method="get" action="/help" role="search" aria-label=t!("Help") class="mb-6 flex max-w-xl items-end gap-2">
                    <div class="flex-1">
                        <Field label=t!("Search help") name="q" id="help-q" kind="search" value=typed />
                    </div>
                    <Button>{t!("Search")}</Button>
                </form>
                <p class="mb-6 text-sm"><a href="/help/faq" class=link_class()>{t!("Read the whole FAQ")}</a></p>
                <AsyncSection>
                    {move || Suspend::new(async move { results.await.map(hits) })}
                </AsyncSection>
            }
        } />
    }
}

fn hits(r: HelpResults) -> impl IntoView {
    if r.query.trim().is_empty() {
        return ().into_any();
    }
    if r.hits.is_empty() {
        return view! { <p role="status">{t!("Nothing found for “{query}”. Try another word, or ask your channel manager.", query = r.query)}</p> }.into_any();
    }
    let mut groups: Vec<(HelpSource, Vec<HelpHit>)> = Vec::new();
    for hit in r.hits {
        match groups.iter_mut().find(|(s, _)| *s == hit.source) {
            Some((_, list)) => list.push(hit),
            None => groups.push((hit.source, vec![hit])),
        }
    }
    view! {
        <div class="flex flex-col gap-8">
            {groups.into_iter().map(|(source, list)| view! {
                <section aria-label=source_label(source)>
                    <h2 class="mb-3 text-lg font-semibold">{source_label(source)}</h2>
                    <ul class="flex flex-col gap-3">
                        {list.into_iter().map(|h| view! {
                            <li>
                                <a href=h.href class=format!("font-medium {}", link_class())>{h.title}</a>
                                <p class="text-sm text-slate-600 dark:text-slate-300">{h.snippet}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
pub fn FaqPage() -> impl IntoView {
    let save = ServerAction::<SaveFaqEntry>::new();
    let delete = ServerAction::<DeleteFaqEntry>::new();
    let entries = Resource::new(
        move || (save.version().get(), delete.version().get()),
        |_| faq_entries(),
    );
    view! {
        <Title text=t!("Frequently asked") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let edits = viewer.role == Role::ProgramAdmin;
            view! {
                <PageHeader title=t!("Frequently asked") lead=t!("Short answers to what partners ask most.") />
                {form_error(last_error(save))}
                {form_error(last_error(delete))}
                <AsyncSection>
                    {move || Suspend::new(async move {
                        entries.await.map(|list| view! {
                            <ol class="flex max-w-3xl flex-col gap-4">
                                {list.into_iter().map(|e| entry(e, edits, save, delete)).collect_view()}
                            </ol>
                        })
                    })}
                </AsyncSection>
                {edits.then(|| view! {
                    <details class="mt-8 max-w-3xl rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                        <summary class="cursor-pointer font-semibold">{t!("Add a question")}</summary>
                        {faq_form(None, save)}
                    </details>
                })}
            }
        } />
    }
}

fn entry(
    e: FaqEntry,
    edits: bool,
    save: ServerAction<SaveFaqEntry>,
    delete: ServerAction<DeleteFaqEntry>,
) -> impl IntoView {
    let anchor = format!("faq-{}", e.id);
    let id = e.id.clone();
    view! {
        <li id=anchor>
            <Card>
                <h2 class="font-semibold">{e.question.clone()}</h2>
                <div class="mt-2 text-sm"><Markdown text=e.answer.clone() /></div>
                {edits.then(|| view! {
                    <details class="mt-3">
                        <summary class="cursor-pointer text-sm font-medium">{t!("Edit")}</summary>
                        {faq_form(Some(e), save)}
                        <ActionForm action=delete attr:class="mt-2">
                            <input type="hidden" name="id" value=id />
                            <Button intent=Intent::Danger>{t!("Delete")}</Button>
                        </ActionForm>
                    </details>
                })}
            </Card>
        </li>
    }
}

fn faq_form(e: Option<FaqEntry>, save: ServerAction<SaveFaqEntry>) -> impl IntoView {
    let key = e
        .as_ref()
        .map_or_else(|| "new".to_owned(), |e| e.id.clone());
    let (id, question, answer) = e.map_or_else(Default::default, |e| (e.id, e.question, e.answer));
    view! {
        <ActionForm action=save attr:class="mt-3 flex flex-col gap-3">
            <input type="hidden" name="id" value=id />
            <Field label=t!("Question") name="question" id=format!("faq-question-{key}") required=true maxlength=300_u32 value=question />
            <label class="block text-sm font-medium">
                {t!("Answer")}
                <TextArea name="answer" rows=4 maxlength=5000 required=true value=answer />
            </label>
            <div><Button>{t!("Save")}</Button></div>
        </ActionForm>
    }
}
