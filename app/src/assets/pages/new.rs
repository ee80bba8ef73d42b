//! `/assets/new` (the program admin, vendor marketers): an asset's details
//! and who may see it; the file is uploaded on its page next.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    assets::{
        api::{asset_tiers, AddAsset},
        AssetKind, AssetLanguage, Product, UseCase, ANY_INDUSTRY,
    },
    auth::Viewer,
    organisations::PartnerType,
    recruit::Industry,
    shell::{
        ui::{
            form_error, options, AsyncSection, Button, CheckboxGroup, Field, FormResult,
            SelectField, TextArea,
        },
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn NewAssetPage() -> impl IntoView {
    let add = ServerAction::<AddAsset>::new();
    let tiers = Resource::new(|| (), |_| asset_tiers());
    view! {
        <Title text=t!("Add an asset") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Add an asset") lead=t!("Describe it the way partners search: they find it by the words of its title and description. You upload its file next.") />
            <AsyncSection>
                {move || Suspend::new(async move { tiers.await.map(|tiers| form(add, tiers)) })}
            </AsyncSection>
        } />
    }
}

fn form(add: ServerAction<AddAsset>, tiers: Vec<(String, String)>) -> impl IntoView {
    let result = FormResult::of(add);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let choose = || vec![(String::new(), t!("Choose…").to_owned())];
    let select = move |label: &'static str, name: &'static str, list: Vec<(String, String)>| {
        view! {
            <SelectField
                label
                name=format!("asset[{name}]")
                id=format!("asset-{name}")
                required=true
                options=choose().into_iter().chain(list).collect()
                error=message(name)
            />
        }
    };
    view! {
        {form_error(summary)}
        <ActionForm action=add attr:class="grid max-w-3xl gap-4">
            <Field label=t!("Title") name="asset[title]" id="asset-title" required=true maxlength=200_u32 error=message("title") />
            <label class="block text-sm font-medium" for="asset-description">
                {t!("Description")}
                <TextArea name="asset[description]" rows=4 maxlength=2000 required=true />
            </label>
            {message("description").map(|m| view! { <p class="text-sm text-red-700 dark:text-red-300">{m}</p> })}
            <div class="grid gap-4 sm:grid-cols-2">
                {select(t!("Type"), "kind", options(AssetKind::ALL.iter().map(|k| (k.code(), k.label()))))}
                {select(t!("Use case"), "use_case", options(UseCase::ALL.iter().map(|u| (u.code(), u.label()))))}
                {select(t!("Industry"), "industry", options([(ANY_INDUSTRY, t!("Every industry"))].into_iter().chain(Industry::ALL.iter().map(|i| (i.code(), i.label())))))}
                {select(t!("Product"), "product", options(Product::ALL.iter().map(|p| (p.code(), p.label()))))}
                {select(t!("Language"), "language", options(AssetLanguage::ALL.iter().map(|l| (l.code(), l.label()))))}
                <Field label=t!("Expires on (optional)") name="asset[expires_on]" id="asset-expires_on" kind="date" error=message("expires_on") />
            </div>
            <CheckboxGroup
                label=t!("Partner types who see it (none ticked: every type)")
                name="asset[partner_types]"
                id="asset-partner_types"
                options=options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))
                error=message("partner_types")
            />
            <CheckboxGroup
                label=t!("Tiers who see it (none ticked: every tier)")
                name="asset[tiers]"
                id="asset-tiers"
                options=tiers
                error=message("tiers")
            />
            <Field label=t!("Video link (instead of a file)") name="asset[video_url]" id="asset-video_url" kind="url" error=message("video_url") />
            <div><Button>{t!("Add the asset")}</Button></div>
        </ActionForm>
    }
}
