//! `/assets/:id`: an asset, its download (or video link), how often it was
//! opened; for those who publish, its file upload and archiving, and each
//! partner's use.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::facet_label;
use crate::{
    assets::{
        api::{get_asset, ArchiveAsset},
        AssetDetail, MAX_BYTES,
    },
    auth::Viewer,
    format::day,
    shell::{
        ui::{cell_class, form_error, last_error, AsyncSection, Button, Column, Intent, Table},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn AssetPage() -> impl IntoView {
    let params = use_params_map();
    let archive = ServerAction::<ArchiveAsset>::new();
    let asset = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_asset,
    );
    let outcome = use_query_map().get_untracked().get("file");
    view! {
        <Title text=t!("Asset") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let outcome = outcome.clone();
            view! {
                <AsyncSection>
                    {move || {
                        let outcome = outcome.clone();
                        Suspend::new(async move { asset.await.map(|a| page(a, outcome, archive)) })
                    }}
                </AsyncSection>
            }
        } />
    }
}

fn page(
    a: AssetDetail,
    outcome: Option<String>,
    archive: ServerAction<ArchiveAsset>,
) -> impl IntoView {
    let c = a.card.clone();
    let row = |term: String, value: String| {
        view! {
            <div class="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
                <dt class="text-sm text-slate-600 sm:w-36 dark:text-slate-400">{term}</dt>
                <dd class="font-medium">{value}</dd>
            </div>
        }
    };
    let open = match (&c.file_name, &c.video_url) {
        (_, Some(url)) => Some(view! {
            <a href=url.clone() rel="noopener noreferrer" target="_blank" class=Intent::Primary.class()>{t!("Watch the video")}</a>
        }.into_any()),
        (Some(name), None) => Some(view! {
            <a href=format!("/assets/{}/file", c.id) download=name.clone() class=Intent::Primary.class()>
                {t!("Download {name} ({size})", name = name, size = crate::format::file_size(c.byte_size.unwrap_or(0)))}
            </a>
        }.into_any()),
        (None, None) => None,
    };
    view! {
        <PageHeader title=c.title.clone() lead=c.description.clone() />
        <div class="grid gap-6 lg:grid-cols-3">
            <div class="lg:col-span-2">
                <Card>
                    <dl class="flex flex-col gap-3">
                        {row(t!("Type").to_owned(), facet_label("kind", &c.kind))}
                        {row(t!("Use case").to_owned(), facet_label("use_case", &c.use_case))}
                        {row(t!("Industry").to_owned(), facet_label("industry", &c.industry))}
                        {row(t!("Product").to_owned(), facet_label("product", &c.product))}
                        {row(t!("Language").to_owned(), facet_label("language", &c.language))}
                        {c.expires_at.map(|at| row(t!("Valid until").to_owned(), day(at - 86_400)))}
                        {row(t!("Opened").to_owned(), t!("{views} views · {downloads} downloads", views = a.views, downloads = a.downloads))}
                    </dl>
                    <div class="mt-6">{open}</div>
                </Card>
            </div>
            {a.may_manage.then(|| manage(&a, outcome, archive))}
        </div>
        {(!a.by_partner.is_empty()).then(|| by_partner(&a))}
    }
}

/// Why the last upload was refused (or that it was kept), from the
/// address the upload came back to.
fn upload_message(outcome: Option<&str>) -> Option<(bool, String)> {
    let limit = MAX_BYTES / 1_000_000;
    Some(match outcome? {
        "saved" => (true, t!("File kept.").to_owned()),
        "missing" => (false, t!("Choose a file to upload.").to_owned()),
        "too-large" => (false, t!("That file is over {mb} MB.", mb = limit)),
        "unknown-type" => (false, t!("That file is not a PDF, an image (PNG, JPEG, GIF, WebP) or an Office document (Word, PowerPoint, Excel). Its content decides, not its name.").to_owned()),
        "video" => (false, t!("This asset is a video link: it has no file.").to_owned()),
        _ => return None,
    })
}

fn manage(
    a: &AssetDetail,
    outcome: Option<String>,
    archive: ServerAction<ArchiveAsset>,
) -> impl IntoView {
    let a = a.clone();
    let id = a.card.id.clone();
    let message = upload_message(outcome.as_deref()).map(|(ok, text)| {
        let class = if ok {
            "text-sm text-emerald-800 dark:text-emerald-300"
        } else {
            "text-sm text-red-700 dark:text-red-300"
        };
        view! { <p role="status" class=class>{text}</p> }
    });
    let audience = if a.partner_types.is_empty() && a.tiers.is_empty() {
        t!("Every partner").to_owned()
    } else {
        t!(
            "Partner types: {types} · tiers: {tiers}",
            types = if a.partner_types.is_empty() {
                t!("all")
            } else {
                &a.partner_types
            },
            tiers = if a.tiers.is_empty() {
                t!("all")
            } else {
                &a.tiers
            }
        )
    };
    view! {
        <Card>
            <h2 class="font-semibold">{t!("Publishing")}</h2>
            <p class="mt-1 text-sm">{audience}</p>
            {a.card.video_url.is_none().then(|| view! {
                <form method="post" action=format!("/assets/{id}/file") enctype="multipart/form-data" class="mt-4 flex flex-col gap-2">
                    <label class="text-sm font-medium" for="asset-file">{t!("Upload the file")}</label>
                    <input id="asset-file" name="file" type="file" required class="text-sm" />
                    {message}
                    <Button intent=Intent::Secondary>{t!("Upload")}</Button>
                </form>
            })}
            {form_error(last_error(archive))}
            <ActionForm action=archive attr:class="mt-4">
                <input type="hidden" name="id" value=a.card.id.clone() />
                <Button intent=Intent::Danger>{t!("Archive")}</Button>
            </ActionForm>
        </Card>
    }
}

fn by_partner(a: &AssetDetail) -> impl IntoView {
    let rows = a.by_partner.clone();
    let columns = vec![
        Column::new(t!("Partner")),
        Column::new(t!("Views")).numeric(),
        Column::new(t!("Downloads")).numeric(),
    ];
    view! {
        <div class="mt-8">
            <Table caption=t!("Use by partner") caption_visible=true columns empty=t!("No partner has opened it yet.") row_count=rows.len()>
                {rows.into_iter().map(|p| view! {
                    <tr>
                        <td class=cell_class(false)>{p.organisation_name}</td>
                        <td class=cell_class(true)>{p.views}</td>
                        <td class=cell_class(true)>{p.downloads}</td>
                    </tr>
                }).collect_view()}
            </Table>
        </div>
    }
}
