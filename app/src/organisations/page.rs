use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api::{organisation_profile, UpdateOrganisation},
    logo::LogoError,
    OrganisationDetails, PersonSummary, Role,
};
use crate::shell::{
    ui::{form_error, AsyncSection, Badge, Button, Field, SelectField, Tone},
    RequireViewer,
};
use crate::{
    auth::Viewer,
    error::AppError,
    learning::JobFunction,
    people::api::{InvitePerson, UpdatePerson},
    shell::{ui::TextArea, Card, PageHeader},
};

/// The form a partner admin (or the program admin) invites someone with.
/// `error` is the last attempt's: a message beside each field it names.
fn invite_form(organisation_id: String, is_vendor: bool, error: Option<AppError>) -> impl IntoView {
    // Least privilege first, so it is the default choice.
    let roles = Role::for_organisation(is_vendor)
        .map(|r| (r.code().to_owned(), r.label().to_owned()))
        .collect::<Vec<_>>();
    let message = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(name))
            .map(str::to_owned)
    };
    let (name_error, email_error, role_error, function_error) = (
        message("name"),
        message("email"),
        message("role"),
        message("job_function"),
    );
    let functions = JobFunction::ALL
        .iter()
        .map(|f| (f.code().to_owned(), f.label().to_owned()))
        .collect::<Vec<_>>();
    let general = general_error(&error);
    view! {
        <section aria-labelledby="invite-heading">
            <Card>
                <h2 id="invite-heading" class="mb-3 font-semibold">{t!("Invite someone")}</h2>
                <form method="post" action=InvitePerson::PATH class="grid gap-3 sm:grid-cols-2">
                    <div class="sm:col-span-2">{form_error(general)}</div>
                    <input type="hidden" name="organisation_id" value=organisation_id />
                    <Field label=t!("Name") name="name" id="invite-name" required=true autocomplete="off" error=name_error />
                    <Field label=t!("Email address") name="email" id="invite-email" kind="email" required=true autocomplete="off" error=email_error />
                    <SelectField label=t!("Role") name="role" id="invite-role" options=roles error=role_error />
                    <SelectField label=t!("Works in") name="job_function" id="invite-function" options=functions error=function_error />
                    <div class="flex items-end">
                        <Button>{t!("Send invitation")}</Button>
                    </div>
                </form>
            </Card>
        </section>
    }
}

/// What an error says about the form as a whole: everything but a field's
/// own problem, which shows beside the field.
fn general_error(error: &Option<AppError>) -> Option<String> {
    error
        .as_ref()
        .filter(|e| !matches!(e, AppError::Validation(_)))
        .map(AppError::summary)
}

fn detail(label: &'static str, value: Option<String>) -> impl IntoView {
    value.map(|value| {
        view! {
            <div>
                <dt class="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
                <dd class="font-medium">{value}</dd>
            </div>
        }
    })
}

/// Role and status controls for one person, for those who manage people.
fn person_controls(person: &PersonSummary, is_vendor: bool) -> impl IntoView {
    let roles = Role::for_organisation(is_vendor);
    let current = person.role;
    let (toggle_to, toggle_label) = if person.status == "disabled" {
        ("active", t!("Enable {name}", name = person.name))
    } else {
        ("disabled", t!("Disable {name}", name = person.name))
    };
    let small = "rounded-lg border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
    let keep_status = if person.status == "disabled" {
        "disabled"
    } else {
        "active"
    };
    view! {
        <div class="flex flex-wrap items-center gap-2">
            <form method="post" action=UpdatePerson::PATH class="flex items-center gap-2">
                <input type="hidden" name="person_id" value=person.id.clone() />
                <input type="hidden" name="status" value=keep_status />
                <select name="role" aria-label=t!("Role for {name}", name = person.name) class="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900">
                    {roles.map(|r| view! { <option value=r.code() selected=r == current>{r.label()}</option> }).collect_view()}
                </select>
                <button type="submit" class=small aria-label=t!("Save role for {name}", name = person.name)>{t!("Save")}</button>
            </form>
            <form method="post" action=UpdatePerson::PATH>
                <input type="hidden" name="person_id" value=person.id.clone() />
                <input type="hidden" name="role" value=current.code() />
                <input type="hidden" name="status" value=toggle_to />
                <button type="submit" class=small>{toggle_label}</button>
            </form>
        </div>
    }
}

/// The profile form, folded away until opened (works without JavaScript).
fn edit_form(org: &OrganisationDetails, error: Option<AppError>) -> impl IntoView {
    let message = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(name))
            .map(str::to_owned)
    };
    let field = |label: &'static str,
                 name: &'static str,
                 kind: &'static str,
                 value: Option<String>,
                 autocomplete: &'static str| {
        view! {
            <Field label name id=format!("profile-{name}") kind autocomplete value error=message(name) />
        }
    };
    let website = field(t!("Website"), "website", "text", org.website.clone(), "url");
    let contact_name = field(
        t!("Contact person"),
        "contact_name",
        "text",
        org.contact_name.clone(),
        "name",
    );
    let contact_email = field(
        t!("Contact email"),
        "contact_email",
        "email",
        org.contact_email.clone(),
        "email",
    );
    let contact_phone = field(
        t!("Contact phone"),
        "contact_phone",
        "tel",
        org.contact_phone.clone(),
        "tel",
    );
    let brand_colour = field(
        t!("Brand colour"),
        "brand_colour",
        "color",
        Some(
            org.brand_colour
                .clone()
                .unwrap_or_else(|| crate::campaigns::render::DEFAULT_COLOUR.to_owned()),
        ),
        "off",
    );
    let general = general_error(&error);
    let open = error.is_some();
    let id = org.id.clone();
    let description = org.description.clone().unwrap_or_default();
    view! {
        <details class="lg:col-span-3" open=open>
            <summary class="cursor-pointer font-medium text-teal-800 dark:text-teal-300">{t!("Edit profile")}</summary>
            <Card>
                <form method="post" action=UpdateOrganisation::PATH class="grid gap-3 sm:grid-cols-2">
                    <div class="sm:col-span-2">{form_error(general)}</div>
                    <input type="hidden" name="id" value=id />
                    {website}
                    {contact_name}
                    {contact_email}
                    {contact_phone}
                    {brand_colour}
                    <label class="block text-sm font-medium sm:col-span-2">
                        {t!("Description")}
                        <TextArea name="description" rows=3 maxlength=1000 value=description />
                    </label>
                    <div><Button>{t!("Save profile")}</Button></div>
                </form>
            </Card>
        </details>
    }
}

/// The logo and, for those who may edit, the upload form (a plain
/// multipart form: it works without JavaScript). `outcome` is what the last
/// upload's redirect said.
fn logo_section(org: &OrganisationDetails, outcome: Option<String>) -> impl IntoView {
    let src = org
        .logo_version
        .as_ref()
        .map(|v| format!("/organisations/{}/logo?v={v}", org.id));
    let alt = t!("{name} logo", name = org.name);
    let message = outcome.map(|code| match LogoError::from_code(&code) {
        Some(error) => form_error(Some(error.message().to_owned())).into_any(),
        None => view! { <p role="status" class="text-sm font-medium text-teal-800 dark:text-teal-300">{t!("Logo saved.")}</p> }.into_any(),
    });
    let form = org.can_edit.then(|| {
        view! {
            <form method="post" action=format!("/organisations/{}/logo", org.id) enctype="multipart/form-data" class="mt-3 flex flex-col gap-3">
                <label class="block text-sm font-medium">
                    {t!("New logo")}
                    <input type="file" name="logo" required accept="image/png,image/jpeg,image/webp" class="mt-1 block w-full text-sm" />
                </label>
                <p class="text-sm text-slate-600 dark:text-slate-300">{t!("PNG, JPEG or WebP, up to 1 MB. It is re-encoded and its metadata removed.")}</p>
                <Button>{t!("Upload logo")}</Button>
            </form>
        }
    });
    view! {
        <section aria-labelledby="logo-heading" class="lg:col-span-1">
            <Card>
                <h2 id="logo-heading" class="mb-3 font-semibold">{t!("Logo")}</h2>
                {message}
                {match src {
                    Some(src) => view! { <img src=src alt=alt class="max-h-24 w-auto rounded bg-white p-1" /> }.into_any(),
                    None => view! { <p class="text-sm text-slate-600 dark:text-slate-300">{t!("No logo yet.")}</p> }.into_any(),
                }}
                {form}
            </Card>
        </section>
    }
}

fn profile_view(
    org: OrganisationDetails,
    viewer_id: String,
    program_admin: bool,
    invite_error: Option<AppError>,
    edit_error: Option<AppError>,
    logo_outcome: Option<String>,
) -> impl IntoView {
    let edit = org.can_edit.then(|| edit_form(&org, edit_error));
    let logo = logo_section(&org, logo_outcome);
    let lead = if org.is_vendor {
        t!("The vendor that runs the partner program.").to_owned()
    } else {
        org.partner_type
            .map(|t| t.label().to_owned())
            .unwrap_or_default()
    };
    view! {
        <PageHeader title=org.name.clone() lead=lead />
        <div class="grid gap-6 lg:grid-cols-3">
            <section aria-labelledby="details-heading" class="lg:col-span-1">
                <Card>
                    <h2 id="details-heading" class="mb-3 font-semibold">{t!("Details")}</h2>
                    <dl class="grid grid-cols-2 gap-x-6 gap-y-3 break-words">
                        {detail(t!("Status"), org.status.map(|s| s.label().to_owned()))}
                        {detail(t!("Tier"), org.tier.clone())}
                        {detail(t!("Region"), org.region.map(|r| r.label().to_owned()))}
                        {detail(t!("Country"), org.country.clone())}
                        {detail(t!("Website"), org.website.clone())}
                        {detail(t!("Channel manager"), org.channel_manager.clone())}
                        {detail(t!("Contact person"), org.contact_name.clone())}
                        {detail(t!("Contact email"), org.contact_email.clone())}
                        {detail(t!("Contact phone"), org.contact_phone.clone())}
                        {detail(t!("Brand colour"), org.brand_colour.clone())}
                    </dl>
                    {org.description.clone().map(|d| view! { <p class="mt-4 text-sm text-slate-700 dark:text-slate-200">{d}</p> })}
                </Card>
            </section>
            <section aria-labelledby="people-heading" class="lg:col-span-2">
                <Card>
                    <h2 id="people-heading" class="mb-3 font-semibold">{t!("People")}</h2>
                    <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                        {org.people.into_iter().map(|p| {
                            let controls = (org.can_manage_people && p.id != viewer_id)
                                .then(|| person_controls(&p, org.is_vendor));
                            view! {
                            <li class="flex flex-wrap items-baseline justify-between gap-2 py-2">
                                <span>
                                    <span class="font-medium">{p.name}</span>
                                    <span class="block text-sm text-slate-600 dark:text-slate-300">{p.email}</span>
                                </span>
                                <span class="text-sm text-slate-700 dark:text-slate-200">
                                    {p.role.label()}
                                    {(p.status == "invited").then(|| view! {
                                        <span class="ml-2"><Badge tone=Tone::Warning label=t!("Invited") /></span>
                                    })}
                                    {(p.status == "disabled").then(|| view! {
                                        <span class="ml-2"><Badge tone=Tone::Neutral label=t!("Disabled") /></span>
                                    })}
                                </span>
                                <div class="w-full">{controls}</div>
                            </li>
                            }
                        }).collect_view()}
                    </ul>
                </Card>
            </section>
            {(!org.is_vendor).then(|| view! { <crate::tiers::TierPanel organisation_id=org.id.clone() /> })}
            {(program_admin && !org.is_vendor).then(|| org.status.map(|current| view! {
                <super::status_panel::StatusPanel id=org.id.clone() current />
            }))}
            {logo}
            {edit}
            {org.can_manage_people.then(|| view! {
                <div class="lg:col-span-3">{invite_form(org.id.clone(), org.is_vendor, invite_error)}</div>
                <p class="lg:col-span-3">
                    <a href=format!("/organisations/{}/audit", org.id) class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Audit log")}</a>
                </p>
            })}
        </div>
    }
}

/// `/organisations/:id`: an organisation's profile and people.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let invite = ServerAction::<InvitePerson>::new();
    let invite_error = invite.value().get_untracked().and_then(Result::err);
    let update = ServerAction::<UpdateOrganisation>::new();
    let edit_error = update.value().get_untracked().and_then(Result::err);
    let logo_outcome = use_query_map().get_untracked().get("logo");
    let profile = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        organisation_profile,
    );
    view! {
        // Set before the data streams in, so it always lands in <head>.
        <Title text=t!("Organisation") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let invite_error = invite_error.clone();
            let edit_error = edit_error.clone();
            let logo_outcome = logo_outcome.clone();
            view! {
            <AsyncSection>
                    {move || {
                        let invite_error = invite_error.clone();
                        let edit_error = edit_error.clone();
                        let logo_outcome = logo_outcome.clone();
                        let viewer_id = viewer.person_id.clone();
                        let program_admin = viewer.role == Role::ProgramAdmin;
                        Suspend::new(async move {
                            profile.await.map(|org| profile_view(org, viewer_id, program_admin, invite_error, edit_error, logo_outcome))
                        })
                    }}
                </AsyncSection>
            }
        } />
    }
}
