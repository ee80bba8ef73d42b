//! `/assets`: the library, searched by words and narrowed by facets with
//! their counts. A plain GET form, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::facet_label;
use crate::{
    assets::{api::search_assets, AssetCard, AssetResults, Facet, MANY, PAGE},
    auth::Viewer,
    shell::{
        ui::{
            link_class, page_href, AsyncSection, Badge, Button, Field, Intent, Pagination,
            SelectField, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

/// The facets, in the order the form shows them, with their labels.
fn facets() -> [(&'static str, &'static str); 5] {
    [
        ("industry", t!("Industry")),
        ("kind", t!("Type")),
        ("use_case", t!("Use case")),
        ("product", t!("Product")),
        ("language", t!("Language")),
    ]
}

#[component]
pub fn AssetsPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &str| query.get_untracked().get(key).filter(|v| !v.is_empty());
    let results = Resource::new(
        move || {
            (
                get("q").unwrap_or_default(),
                get("kind"),
                get("use_case"),
                get("industry"),
                get("product"),
                get("language"),
                get("page").and_then(|p| p.parse::<i64>().ok()),
            )
        },
        |(q, kind, use_case, industry, product, language, page)| {
            search_assets(q, kind, use_case, industry, product, language, page)
        },
    );
    view! {
        <Title text=t!("Asset library") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Asset library") lead=t!("Decks, case studies, playbooks, datasheets and logos to sell with, for your partner type and tier.") />
            <AsyncSection>
                {move || Suspend::new(async move {
                    results.await.map(|r| {
                        let params: Vec<(String, String)> = ["q", "kind", "use_case", "industry", "product", "language"]
                            .into_iter()
                            .filter_map(|key| get(key).map(|value| (key.to_owned(), value)))
                            .collect();
                        view! { {search_form(&r, get)} {result_list(r, params)} }
                    })
                })}
            </AsyncSection>
        } />
    }
}

fn search_form(r: &AssetResults, get: impl Fn(&str) -> Option<String>) -> impl IntoView {
    let selects = facets()
        .into_iter()
        .map(|(field, label)| {
            let counted: Vec<&Facet> = r.facets.iter().filter(|f| f.field == field).collect();
            let mut options = vec![(String::new(), t!("Any").to_owned())];
            options.extend(counted.iter().map(|f| {
                (
                    f.code.clone(),
                    if r.broad {
                        facet_label(field, &f.code)
                    } else {
                        format!("{} ({})", facet_label(field, &f.code), f.count)
                    },
                )
            }));
            let selected = get(field).unwrap_or_default();
            // A chosen value with no match left still shows, so it can be undone.
            if !selected.is_empty() && !options.iter().any(|(code, _)| *code == selected) {
                options.push((
                    selected.clone(),
                    format!("{} (0)", facet_label(field, &selected)),
                ));
            }
            view! { <SelectField label name=field id=format!("asset-{field}") options selected /> }
        })
        .collect_view();
    view! {
        <form method="get" action="/assets" role="search" aria-label=t!("Search the library") class="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
            <div class="col-span-2">
                <Field label=t!("Search the library") name="q" id="asset-q" kind="search" value=get("q").unwrap_or_default() placeholder=t!("A word from a title or description") />
            </div>
            {selects}
            <div class="col-span-2 flex items-end gap-3 lg:col-span-1">
                <Button>{t!("Search")}</Button>
                <a href="/assets" class=link_class()>{t!("Clear")}</a>
            </div>
        </form>
        {r.may_upload.then(|| view! {
            <p class="mb-4"><a href="/assets/new" class=Intent::Secondary.class()>{t!("Add an asset")}</a></p>
        })}
    }
}

fn result_list(r: AssetResults, params: Vec<(String, String)>) -> impl IntoView {
    let href = page_href(move |page| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in &params {
            query.append_pair(key, value);
        }
        query.append_pair("page", &page.to_string());
        format!("/assets?{}", query.finish())
    });
    let (page, pages) = (
        u32::try_from(r.page).unwrap_or(1),
        u32::try_from(r.pages).unwrap_or(1),
    );
    let count = if r.more {
        t!("More than {count} assets", count = r.total)
    } else if r.total == 1 {
        t!("1 asset").to_owned()
    } else {
        t!("{count} assets", count = r.total)
    };
    view! {
        <p class="mb-3 text-sm text-slate-600 dark:text-slate-300" role="status">
            {count}
            {(r.more || r.total > r.pages * PAGE).then(|| format!(" · {}", t!("newest first: add a word or a filter to narrow them")))}
            {(r.broad && !r.more).then(|| format!(" · {}", t!("newest first: the words are in more than {count} assets", count = MANY)))}
        </p>
        {if r.assets.is_empty() {
            view! { <p>{t!("Nothing matches. Try fewer words or another filter.")}</p> }.into_any()
        } else {
            view! {
                <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label=t!("Assets")>
                    {r.assets.into_iter().map(asset_card).collect_view()}
                </ul>
                <Pagination page pages href />
            }.into_any()
        }}
    }
}

fn asset_card(a: AssetCard) -> impl IntoView {
    let content = match (a.byte_size, a.video_url.is_some()) {
        (_, true) => t!("Video link").to_owned(),
        (Some(bytes), false) => crate::format::file_size(bytes),
        (None, false) => t!("No file yet").to_owned(),
    };
    view! {
        <li>
            <Card>
                <a href=format!("/assets/{}", a.id) class=format!("font-semibold {}", link_class())>{a.title}</a>
                <p class="mt-1 line-clamp-3 text-sm text-slate-600 dark:text-slate-300">{a.description}</p>
                <p class="mt-3 flex flex-wrap gap-2">
                    <Badge tone=Tone::Info label=facet_label("kind", &a.kind) />
                    <Badge tone=Tone::Neutral label=facet_label("industry", &a.industry) />
                    <Badge tone=Tone::Neutral label=facet_label("language", &a.language) />
                </p>
                <p class="mt-2 text-xs text-slate-600 dark:text-slate-400">{format!("{} · {}", facet_label("product", &a.product), content)}</p>
            </Card>
        </li>
    }
}
