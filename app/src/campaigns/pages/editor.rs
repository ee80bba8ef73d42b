//! `/campaigns/templates/:id/edit` (the program admin, vendor marketers):
//! a template's blocks edited beside the live preview (the same renderer
//! as the email and the landing page, with a sample partner's brand), its
//! audience, dates and approval, what preflight finds, publishing and its
//! versions.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    kind_name,
    preview::{document, preview_pane},
};
use crate::{
    auth::Viewer,
    campaigns::{
        api::{template_draft, PublishTemplate, SaveTemplate, UnpublishTemplate},
        authoring::{
            add_block, add_post, field_key, move_block, new_block, remove_block, remove_post,
            FieldName, Place, Side,
        },
        content::{Block, Content, Network, Part, MAX_LINE, MAX_TEXT, PLACEHOLDERS},
        ImageRefused, LaunchView, TemplateEditView, TemplateImage, TemplateStatus,
    },
    format::{count, day, file_size},
    organisations::{PartnerType, Region},
    shell::{
        ui::{
            form_error, input_class, last_error, options, AsyncSection, Badge, Button, ButtonRow,
            CheckboxGroup, Field, FormResult, Intent, SelectField, TextArea, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn TemplateEditPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveTemplate>::new();
    let publish = ServerAction::<PublishTemplate>::new();
    let unpublish = ServerAction::<UnpublishTemplate>::new();
    let draft = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                save.version().get() + publish.version().get() + unpublish.version().get(),
            )
        },
        |(id, _)| template_draft(id),
    );
    view! {
        <Title text=t!("Edit a template") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move {
                    draft.await.map(|d| page(d, save, publish, unpublish))
                })}
            </AsyncSection>
        } />
    }
}

fn page(
    d: TemplateEditView,
    save: ServerAction<SaveTemplate>,
    publish: ServerAction<PublishTemplate>,
    unpublish: ServerAction<UnpublishTemplate>,
) -> impl IntoView {
    let card = d.preview.template.clone();
    let id = card.id.clone();
    let blocking = d.preview.findings.iter().any(|f| f.blocking);
    let result = FormResult::of(save);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let state = match (card.status, d.unpublished_changes) {
        (TemplateStatus::Published, false) => {
            t!(
                "Partners launch version {n}, which is what you see.",
                n = card.version
            )
        }
        (TemplateStatus::Published, true) => t!(
            "Partners launch version {n}; your saved changes reach them when you publish.",
            n = card.version
        ),
        (TemplateStatus::Draft, _) => {
            t!("A draft: partners see it once you publish it.").to_owned()
        }
        (TemplateStatus::Unpublished, _) => {
            t!("Unpublished: partners cannot launch it; their campaigns run on.").to_owned()
        }
    };
    let language = d.preview.locale.as_str().to_owned();
    let (publish_id, unpublish_id) = (id.clone(), id.clone());
    let may_unpublish = card.status == TemplateStatus::Published;
    let findings = findings(&d.preview);
    let versions = versions(&d);
    let images = images_card(&id, d.images.clone());
    let TemplateEditView {
        preview,
        partner_types,
        tiers,
        regions,
        starts_on,
        ends_on,
        requires_approval,
        streams,
        tier_options,
        ..
    } = d;
    view! {
        <PageHeader title=card.name.clone() lead=state />
        <p class="-mt-4 mb-6 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone=super::catalogue::template_tone(card.status) label=card.status.label() />
            {(card.version > 0).then(|| view! { <Badge tone=Tone::Neutral label=t!("Version {n}", n = card.version) /> })}
            <span>{t!("Campaigns launched from it: {n}", n = count(d.campaigns))}</span>
        </p>
        {findings}
        {form_error(summary)}
        <ActionForm action=save attr:class="flex flex-col gap-8">
            <input type="hidden" name="id" value=id />
            <TemplateEditor view=preview />
            <Card>
                <h2 class="mb-4 text-lg font-semibold">{t!("Settings")}</h2>
                <div class="grid gap-4 lg:grid-cols-2">
                    <Field label=t!("Name") name="template[name]" id="template-name" required=true maxlength=MAX_LINE as u32 value=card.name.clone() error=message("name") />
                    <SelectField
                        label=t!("Language")
                        name="template[language]"
                        id="template-language"
                        options=options([("en", "English"), ("de", "Deutsch")])
                        selected=language
                        error=message("language")
                    />
                    <label class="block text-sm font-medium lg:col-span-2">
                        {t!("Summary partners read in the catalogue")}
                        <TextArea name="template[summary]" rows=2 maxlength=500 value=card.summary.clone() />
                    </label>
                    {message("summary").map(|m| view! { <p class="text-sm text-red-700 dark:text-red-300">{m}</p> })}
                    {message("content").map(|m| view! { <p class="text-sm text-red-700 dark:text-red-300 lg:col-span-2">{m}</p> })}
                    <Field label=t!("Open from (optional)") name="template[starts_on]" id="template-starts_on" kind="date" value=starts_on error=message("starts_on") />
                    <Field label=t!("Open until (optional)") name="template[ends_on]" id="template-ends_on" kind="date" value=ends_on error=message("ends_on") />
                    <div class="lg:col-span-2">
                        <Field label=t!("Content streams, comma separated (partners who subscribe get it when you publish)") name="template[streams]" id="template-streams" maxlength=250_u32 value=streams error=message("streams") />
                    </div>
                </div>
                <div class="mt-4 flex flex-col gap-4">
                    <CheckboxGroup
                        label=t!("Partner types who may launch it (none ticked: every type)")
                        name="template[partner_types]"
                        id="template-partner_types"
                        options=options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))
                        checked=partner_types
                        error=message("partner_types")
                    />
                    <CheckboxGroup
                        label=t!("Tiers who may launch it (none ticked: every tier)")
                        name="template[tiers]"
                        id="template-tiers"
                        options=tier_options
                        checked=tiers
                        error=message("tiers")
                    />
                    <CheckboxGroup
                        label=t!("Regions who may launch it (none ticked: every region)")
                        name="template[regions]"
                        id="template-regions"
                        options=options(Region::ALL.iter().map(|r| (r.code(), r.label())))
                        checked=regions
                        error=message("regions")
                    />
                    <label class="flex items-start gap-2 text-sm">
                        <input type="checkbox" name="template[requires_approval]" value="on" checked=requires_approval class="mt-0.5 size-4 accent-teal-700" />
                        <span>{t!("A vendor marketer approves a partner's own wording before it goes live")}</span>
                    </label>
                </div>
            </Card>
            <div><Button>{t!("Save the draft")}</Button></div>
        </ActionForm>
        <div class="mt-8">
            <Card>
                <h2 class="text-lg font-semibold">{t!("Publish")}</h2>
                <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {if blocking {
                        t!("Fix what is listed at the top, save, then publish.").to_owned()
                    } else {
                        t!("Publishing makes the saved draft the version partners launch. Campaigns already launched keep their wording.").to_owned()
                    }}
                </p>
                {form_error(last_error(publish))}
                {form_error(last_error(unpublish))}
                <ButtonRow>
                    <ActionForm action=publish>
                        <input type="hidden" name="id" value=publish_id />
                        <Button disabled=blocking>{t!("Publish the saved draft")}</Button>
                    </ActionForm>
                    {may_unpublish.then(|| view! {
                        <ActionForm action=unpublish>
                            <input type="hidden" name="id" value=unpublish_id />
                            <Button intent=Intent::Secondary>{t!("Unpublish")}</Button>
                        </ActionForm>
                    })}
                </ButtonRow>
                {versions}
            </Card>
        </div>
        {images}
    }
}

/// The template's images: an upload form (a plain multipart form, so it
/// works before the script loads) and the uploaded ones, whose addresses
/// the image blocks' address fields offer.
fn images_card(id: &str, images: Vec<TemplateImage>) -> impl IntoView {
    let query = use_query_map();
    let refused = query
        .read_untracked()
        .get("refused")
        .and_then(|code| ImageRefused::parse(&code))
        .map(|r| r.label().to_owned());
    let uploaded = query.read_untracked().get("uploaded").is_some();
    let action = format!("/campaigns/templates/{id}/images");
    let choices = images
        .iter()
        .map(|i| view! { <option value=i.url.clone()>{i.name.clone()}</option> })
        .collect_view();
    let list = images
        .into_iter()
        .map(|i| {
            view! {
                <li class="flex items-center gap-3 text-sm">
                    <img src=i.url.clone() alt="" class="size-12 rounded border border-slate-200 object-cover dark:border-slate-700" loading="lazy" />
                    <span class="min-w-0">
                        <span class="block font-medium">{i.name}" · "{file_size(i.size)}</span>
                        <code class="block break-all text-xs">{i.url}</code>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="mt-8" aria-labelledby="template-images">
            <Card>
                <h2 id="template-images" class="text-lg font-semibold">{t!("Images")}</h2>
                <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {t!("PNG, JPEG, GIF or WebP, at most 5 MB (keep them under 1 MB for email). Save your changes first: uploading reloads the page. An image block's address field then offers the images uploaded here.")}
                </p>
                {form_error(refused)}
                {uploaded.then(|| view! { <p role="status" class="mt-2 text-sm">{t!("Image uploaded: choose it in an image block's address field.")}</p> })}
                <form method="post" action=action enctype="multipart/form-data" class="mt-3 flex flex-wrap items-end gap-3">
                    <div class="grow">
                        <label for="image-file" class="block text-sm font-medium">{t!("Image file")}</label>
                        <input id="image-file" name="file" type="file" accept="image/png,image/jpeg,image/gif,image/webp" required class=input_class() />
                    </div>
                    <Button intent=Intent::Secondary>{t!("Upload the image")}</Button>
                </form>
                <ul class="mt-4 flex flex-col gap-2" data-testid="template-images">{list}</ul>
                <datalist id=IMAGE_LIST>{choices}</datalist>
            </Card>
        </section>
    }
}

fn findings(v: &LaunchView) -> impl IntoView {
    (!v.findings.is_empty()).then(|| {
        view! {
            <section aria-labelledby="preflight-title" class="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <h2 id="preflight-title" class="font-semibold">{t!("Before you publish")}</h2>
                <ul class="mt-2 list-disc pl-5 text-sm">
                    {v.findings.iter().map(|f| view! { <li>{f.message.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}

fn versions(d: &TemplateEditView) -> impl IntoView {
    (!d.versions.is_empty()).then(|| {
        view! {
            <h3 class="mt-6 font-semibold">{t!("Published versions")}</h3>
            <ol class="mt-2 flex flex-col gap-1 text-sm">
                {d.versions.iter().map(|v| view! {
                    <li>
                        {t!(
                            "Version {n}: {day}, by {who}",
                            n = v.version,
                            day = day(v.published_at),
                            who = v.published_by.clone().unwrap_or_default()
                        )}
                    </li>
                }).collect_view()}
            </ol>
        }
    })
}

/// Which part of the template the editor shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Email,
    Page,
    Social,
}

/// The content being written, kept outside the reactive graph so typing
/// does not redraw the fields; `layout` changes when blocks are added,
/// moved or removed (the list is drawn again), `edits` on every change
/// (the preview and the posted JSON follow it).
#[derive(Clone, Copy)]
struct Draft {
    content: StoredValue<Content>,
    layout: RwSignal<u32>,
    edits: RwSignal<u32>,
}

impl Draft {
    fn edit(self, f: impl FnOnce(&mut Content)) {
        self.content.update_value(f);
        self.edits.update(|n| *n += 1);
    }

    fn restructure(self, f: impl FnOnce(&mut Content)) {
        self.edit(f);
        self.layout.update(|n| *n += 1);
    }
}

const UP: &str = "↑";
const DOWN: &str = "↓";
const REMOVE: &str = "✕";

const KINDS: [&str; 6] = ["heading", "text", "image", "button", "quote", "columns"];

fn small_button(label: &'static str, name: String, on: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button
            type="button"
            aria-label=name.clone()
            title=name
            on:click=move |_| on()
            class="rounded px-2 py-0.5 text-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-100 dark:ring-slate-600 dark:hover:bg-slate-800"
        >
            {label}
        </button>
    }
}

/// One text of a block: a line or, for running text, an area.
/// The id of the list of the template's uploaded images, which image
/// address fields offer.
const IMAGE_LIST: &str = "template-image-list";

fn text_field(key: String, label: &'static str, value: String, long: bool) -> impl IntoView {
    let offers = key.ends_with(FieldName::Src.code()).then_some(IMAGE_LIST);
    let field = if long {
        view! { <TextArea name="" rows=4 maxlength=MAX_TEXT as u32 value attr:data-field=key /> }
            .into_any()
    } else {
        view! { <input type="text" value=value maxlength=MAX_TEXT data-field=key list=offers class=input_class() /> }
            .into_any()
    };
    view! { <label class="flex flex-col gap-1 text-sm">{label}{field}</label> }
}

fn block_fields(place: Place, block: &Block) -> AnyView {
    let f = |field: FieldName, label: &'static str, value: &str, long: bool| {
        text_field(field_key(place, field), label, value.to_owned(), long)
    };
    match block {
        Block::Heading { text } => f(FieldName::Text, t!("Words"), text, false).into_any(),
        Block::Text { text } => f(FieldName::Text, t!("Words"), text, true).into_any(),
        Block::Image { src, alt } => view! {
            {f(FieldName::Src, t!("Image address (https://… or {partner.logo})"), src, false)}
            {f(FieldName::Alt, t!("Describe the image for people who cannot see it"), alt, false)}
        }
        .into_any(),
        Block::Button { label, href } => view! {
            {f(FieldName::Label, t!("Label"), label, false)}
            {f(FieldName::Href, t!("Link ({link} is the campaign's tracked link)"), href, false)}
        }
        .into_any(),
        Block::Quote { text, by } => view! {
            {f(FieldName::Text, t!("Words"), text, true)}
            {f(FieldName::By, t!("Who says it"), by, false)}
        }
        .into_any(),
        Block::Columns { .. } => ().into_any(),
    }
}

/// The buttons that add a block at the end of `part` (or of a column).
fn add_buttons(
    draft: Draft,
    part: Part,
    into: Option<(usize, Side)>,
    locale: crate::i18n::Locale,
) -> impl IntoView {
    let kinds = KINDS
        .iter()
        .filter(|k| into.is_none() || **k != "columns")
        .map(|&kind| {
            let add = move |_| {
                if let Some(block) = new_block(kind, locale) {
                    draft.restructure(|c| add_block(c, part, into, block));
                }
            };
            view! {
                <button type="button" on:click=add class="rounded-md px-2.5 py-1 text-sm font-medium text-teal-800 ring-1 ring-inset ring-teal-700 hover:bg-teal-50 dark:text-teal-200 dark:ring-teal-500 dark:hover:bg-teal-950">
                    {t!("+ {kind}", kind = kind_name(kind))}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="flex flex-wrap gap-2" role="group" aria-label=t!("Add a block")>{kinds}</div>
    }
}

fn block_editor(
    draft: Draft,
    place: Place,
    block: &Block,
    editable: Option<bool>,
    locale: crate::i18n::Locale,
) -> AnyView {
    let label = kind_name(block.kind());
    let controls = view! {
        <div class="flex gap-1">
            {small_button(UP, t!("Move {kind} up", kind = label), move || draft.restructure(|c| move_block(c, place, -1)))}
            {small_button(DOWN, t!("Move {kind} down", kind = label), move || draft.restructure(|c| move_block(c, place, 1)))}
            {small_button(REMOVE, t!("Remove {kind}", kind = label), move || draft.restructure(|c| remove_block(c, place)))}
        </div>
    };
    let columns = match block {
        Block::Columns { left, right } => {
            let side = |side: Side, blocks: &[Block], title: &'static str| {
                let items = blocks
                    .iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let inner = Place {
                            inner: Some((side, i)),
                            ..place
                        };
                        view! { <li>{block_editor(draft, inner, b, None, locale)}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="flex flex-col gap-2">
                        <h4 class="text-sm font-semibold">{title}</h4>
                        <ol class="flex flex-col gap-2">{items}</ol>
                        {add_buttons(draft, place.part, Some((place.index, side)), locale)}
                    </div>
                }
            };
            Some(view! {
                <div class="grid gap-3 sm:grid-cols-2">
                    {side(Side::Left, left, t!("Left column"))}
                    {side(Side::Right, right, t!("Right column"))}
                </div>
            })
        }
        _ => None,
    };
    let reword = editable.filter(|_| block.wording().is_some()).map(|on| {
        let key = format!("editable/{}", place.key());
        view! {
            <label class="flex items-center gap-2 text-sm">
                <input type="checkbox" checked=on data-field=key class="size-4 accent-teal-700" />
                {t!("Partners may reword this")}
            </label>
        }
    });
    view! {
        <div class="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-block=place.key()>
            <div class="flex items-center justify-between gap-2">
                <span class="text-sm font-semibold">{label}</span>
                {controls}
            </div>
            {block_fields(place, block)}
            {columns}
            {reword}
        </div>
    }
    .into_any()
}

fn part_editor(
    draft: Draft,
    c: &Content,
    part: Part,
    locale: crate::i18n::Locale,
) -> impl IntoView {
    let (key, label, value) = match part {
        Part::Email => ("subject", t!("Subject"), c.subject.clone()),
        Part::Page => ("title", t!("Page title"), c.title.clone()),
    };
    let blocks = c
        .slots(part)
        .iter()
        .enumerate()
        .map(|(index, slot)| {
            let place = Place {
                part,
                index,
                inner: None,
            };
            view! { <li>{block_editor(draft, place, &slot.block, Some(slot.editable), locale)}</li> }
        })
        .collect_view();
    let empty = c.slots(part).is_empty().then(|| {
        view! { <p class="text-sm text-slate-600 dark:text-slate-300">{t!("No block yet: this part is left out until you add one.")}</p> }
    });
    view! {
        <div class="flex flex-col gap-3">
            <label class="flex flex-col gap-1 text-sm font-medium">
                {label}
                <input type="text" value=value maxlength=MAX_LINE data-field=key class=input_class() />
            </label>
            {empty}
            <ol class="flex flex-col gap-3">{blocks}</ol>
            {add_buttons(draft, part, None, locale)}
        </div>
    }
}

fn social_editor(draft: Draft, c: &Content) -> impl IntoView {
    let posts = c
        .social
        .iter()
        .enumerate()
        .map(|(n, post)| {
            let network_options = Network::ALL
                .iter()
                .map(|net| {
                    view! { <option value=net.code() selected=*net == post.network>{net.label()}</option> }
                })
                .collect_view();
            view! {
                <li class="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                    <div class="flex items-center justify-between gap-2">
                        <label class="flex items-center gap-2 text-sm font-semibold">
                            {t!("Network")}
                            <select data-field=format!("network/{n}") class=input_class()>{network_options}</select>
                        </label>
                        {small_button(REMOVE, t!("Remove post {n}", n = n + 1), move || draft.restructure(|c| remove_post(c, n)))}
                    </div>
                    <label class="flex flex-col gap-1 text-sm">
                        {t!("Post ({limit} characters at most there)", limit = post.network.limit())}
                        <TextArea name="" rows=4 maxlength=MAX_TEXT as u32 value=post.text.clone() attr:data-field=format!("post/{n}") />
                    </label>
                </li>
            }
        })
        .collect_view();
    let add = |network: Network| {
        view! {
            <button type="button" on:click=move |_| draft.restructure(|c| add_post(c, network)) class="rounded-md px-2.5 py-1 text-sm font-medium text-teal-800 ring-1 ring-inset ring-teal-700 dark:text-teal-200 dark:ring-teal-500">
                {t!("+ {network} post", network = network.label())}
            </button>
        }
    };
    view! {
        <div class="flex flex-col gap-3">
            <ol class="flex flex-col gap-3">{posts}</ol>
            <div class="flex flex-wrap gap-2">{add(Network::LinkedIn)}{add(Network::X)}</div>
        </div>
    }
}

/// The social posts filled with the sample partner's details.
fn social_preview(v: &LaunchView, c: &Content) -> impl IntoView {
    let posts = c
        .social
        .iter()
        .map(|post| {
            let text = v.brand.fill(&post.text, &v.landing_url, false);
            let length = text.chars().count();
            let over = length > post.network.limit();
            view! {
                <li class="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700">
                    <p class="font-semibold">{post.network.label()}</p>
                    <p class="mt-1 whitespace-pre-line">{text}</p>
                    <p class=if over { "mt-1 text-xs font-medium text-rose-700 dark:text-rose-300" } else { "mt-1 text-xs text-slate-600 dark:text-slate-300" }>
                        {t!("{length} of {limit} characters", length = length, limit = post.network.limit())}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="flex flex-col gap-3" data-testid="social-preview">{posts}</ul> }
}

#[island]
pub fn TemplateEditor(view: LaunchView) -> impl IntoView {
    let locale = view.locale;
    let first = if view.content.has_email() || !view.content.has_page() {
        Tab::Email
    } else {
        Tab::Page
    };
    let tab = RwSignal::new(first);
    let draft = Draft {
        content: StoredValue::new(view.content.clone()),
        layout: RwSignal::new(0),
        edits: RwSignal::new(0),
    };
    let part = RwSignal::new(if first == Tab::Page {
        Part::Page
    } else {
        Part::Email
    });
    let phone = RwSignal::new(false);
    let dark = RwSignal::new(false);
    let seed = StoredValue::new(view);
    let html = Signal::derive(move || {
        draft.edits.track();
        seed.with_value(|v| {
            draft
                .content
                .with_value(|c| document(v, c, part.get(), dark.get()))
        })
    });
    let json = move || {
        draft.edits.track();
        draft
            .content
            .with_value(|c| serde_json::to_string(c).unwrap_or_default())
    };
    let editor = move || {
        draft.layout.track();
        draft.content.with_value(|c| match tab.get() {
            Tab::Email => part_editor(draft, c, Part::Email, locale).into_any(),
            Tab::Page => part_editor(draft, c, Part::Page, locale).into_any(),
            Tab::Social => social_editor(draft, c).into_any(),
        })
    };
    let preview = move || {
        if tab.get() == Tab::Social {
            draft.edits.track();
            seed.with_value(|v| draft.content.with_value(|c| social_preview(v, c)))
                .into_any()
        } else {
            preview_pane(Vec::new(), part, phone, dark, html).into_any()
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(element) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let Some(key) = element.get_attribute("data-field") else {
                return;
            };
            let value = if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.type_() == "checkbox" {
                    input.checked().to_string()
                } else {
                    input.value()
                }
            } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.value()
            } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
                select.value()
            } else {
                return;
            };
            draft.edit(|c| crate::campaigns::authoring::apply(c, &key, value));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    let tab_button = move |label: &'static str, which: Tab| {
        view! {
            <button
                type="button"
                role="tab"
                aria-selected=move || (tab.get() == which).to_string()
                on:click=move |_| {
                    tab.set(which);
                    match which {
                        Tab::Email => part.set(Part::Email),
                        Tab::Page => part.set(Part::Page),
                        Tab::Social => {}
                    }
                }
                class="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 aria-selected:bg-teal-700 aria-selected:text-white aria-selected:ring-teal-700 dark:ring-slate-600"
            >
                {label}
            </button>
        }
    };
    let placeholders = PLACEHOLDERS.join(" ");
    view! {
        <input type="hidden" name="template[content]" value=json />
        <div class="grid gap-6 lg:grid-cols-[minmax(0,28rem)_1fr]">
            <div class="flex flex-col gap-4">
                <div class="flex flex-wrap gap-2" role="tablist" aria-label=t!("Part of the template")>
                    {tab_button(t!("Email"), Tab::Email)}
                    {tab_button(t!("Landing page"), Tab::Page)}
                    {tab_button(t!("Social posts"), Tab::Social)}
                </div>
                <p class="text-xs text-slate-600 dark:text-slate-300">
                    {t!("Placeholders: {list}", list = placeholders)}
                </p>
                <div on:input=on_input>{editor}</div>
            </div>
            <div class="lg:sticky lg:top-4 lg:self-start">{preview}</div>
        </div>
    }
}
