//! `/learn/certificates/:id`: a certificate to print, with a QR code to its
//! public check; `/verify/:id`: that check, for anyone, without signing in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::link_class;
use crate::{
    auth::Viewer,
    format::day,
    learning::{
        api::{get_certificate, verify_certificate, RevokeCertificate},
        CertificateStatus, PrintableCertificate, PublicCertificate,
    },
    organisations::Role,
    shell::{
        ui::{form_error, last_error, AsyncSection, Badge, Button, Intent, QrCode, TextArea, Tone},
        Card, RequireViewer,
    },
};

/// The badge a certificate's status wears.
pub(super) fn status_badge(status: CertificateStatus) -> impl IntoView {
    let tone = match status {
        CertificateStatus::Valid => Tone::Success,
        CertificateStatus::Expired => Tone::Warning,
        CertificateStatus::Revoked => Tone::Danger,
    };
    view! { <Badge tone=tone label=status.label() /> }
}

/// The facts every view of a certificate shows, as a description list.
fn facts(c: &PublicCertificate) -> impl IntoView {
    let row = |term: String, value: String| {
        view! {
            <div class="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
                <dt class="text-sm text-slate-600 sm:w-40 dark:text-slate-400">{term}</dt>
                <dd class="font-medium">{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="flex flex-col gap-3">
            {row(t!("Holder").to_owned(), c.holder_name.clone())}
            {row(t!("Organisation").to_owned(), c.organisation_name.clone())}
            {row(t!("Certification").to_owned(), c.path_title.clone())}
            {row(t!("Issued").to_owned(), day(c.issued_at))}
            {row(t!("Valid until").to_owned(), day(c.valid_until))}
            {row(t!("Certificate number").to_owned(), c.id.clone())}
        </dl>
    }
}

#[component]
pub fn CertificatePage() -> impl IntoView {
    let params = use_params_map();
    let revoke = ServerAction::<RevokeCertificate>::new();
    let certificate = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                revoke.version().get(),
            )
        },
        |(id, _)| get_certificate(id),
    );
    view! {
        <Title text=t!("Certificate") />
        <RequireViewer signed_in=move |viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move {
                    certificate.await.map(|p| {
                        let revocable = viewer.role == Role::ProgramAdmin
                            && p.certificate.status != CertificateStatus::Revoked;
                        let id = p.certificate.id.clone();
                        view! {
                            {printable(p)}
                            {revocable.then(|| revoke_form(id, revoke))}
                        }
                    })
                })}
            </AsyncSection>
        } />
    }
}

/// The program admin's "Revoke" (folded: it cannot be undone), with the
/// reason the holder is told.
fn revoke_form(id: String, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let error = last_error(revoke);
    let open = error.is_some();
    view! {
        <details open=open class="mx-auto mt-6 max-w-3xl rounded-xl border border-slate-200 p-4 print:hidden dark:border-slate-800">
            <summary class="cursor-pointer font-semibold">{t!("Revoke this certificate")}</summary>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">{t!("It stops holding at once: its check says revoked, its Open Badge is listed as revoked, and it no longer counts toward the partner's tier. The holder is told why.")}</p>
            {form_error(error)}
            <ActionForm action=revoke attr:class="mt-3">
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Why (the holder reads this)")}
                    <TextArea name="reason" rows=2 maxlength=500 required=true />
                </label>
                <Button intent=Intent::Danger extra="mt-3">{t!("Revoke")}</Button>
            </ActionForm>
        </details>
    }
}

fn printable(p: PrintableCertificate) -> impl IntoView {
    let c = p.certificate;
    view! {
        <article aria-labelledby="certificate-heading" class="mx-auto max-w-3xl rounded-2xl border-4 border-double border-teal-700 bg-white p-6 text-slate-900 shadow-sm sm:p-10 dark:border-teal-400 dark:bg-slate-900 dark:text-slate-100 print:border-teal-700 print:shadow-none">
            <p class="text-sm font-semibold uppercase tracking-wide text-teal-700 dark:text-teal-300">{t!("Acme Cloud partner program")}</p>
            <h1 id="certificate-heading" class="mt-2 text-3xl font-bold tracking-tight">{c.path_title.clone()}</h1>
            <p class="mt-3 text-lg">{t!("awarded to {name} of {organisation}", name = c.holder_name, organisation = c.organisation_name)}</p>
            <div class="mt-4">{status_badge(c.status)}</div>
            <div class="mt-6 flex flex-col gap-6 sm:flex-row sm:items-start sm:justify-between">
                {facts(&c)}
                <figure class="flex shrink-0 flex-col items-center gap-2">
                    <QrCode svg=p.qr_svg label=t!("QR code of the certificate's public check") size="size-40" />
                    <figcaption class="max-w-40 text-center text-xs text-slate-600 dark:text-slate-400">{t!("Scan to check it")}</figcaption>
                </figure>
            </div>
            <p class="mt-6 break-all text-sm">
                {t!("Anyone can check this certificate at")}" "
                <a href=p.verify_url.clone() class=link_class()>{p.verify_url.clone()}</a>
            </p>
            {(c.status != CertificateStatus::Revoked).then(|| view! {
                <p class="mt-3 text-sm print:hidden">
                    <a href=format!("/learn/certificates/{}/badge.jwt", c.id) download class=link_class()>{t!("Download the Open Badge")}</a>
                    " "{t!("(a signed credential for LinkedIn, wallets and other badge platforms)")}
                </p>
            })}
        </article>
    }
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let params = use_params_map();
    let certificate = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        verify_certificate,
    );
    view! {
        <Title text=t!("Certificate check") />
        <section aria-labelledby="verify-heading" class="mx-auto max-w-2xl">
            <h1 id="verify-heading" class="text-2xl font-bold tracking-tight sm:text-3xl">{t!("Certificate check")}</h1>
            <p class="mt-2 mb-6 text-slate-600 dark:text-slate-300">{t!("What Acme Cloud's partner portal knows of this certificate, as of now.")}</p>
            <AsyncSection>
                {move || Suspend::new(async move { certificate.await.map(verified) })}
            </AsyncSection>
        </section>
    }
}

fn verified(c: PublicCertificate) -> impl IntoView {
    let verdict = match c.status {
        CertificateStatus::Valid => t!("This certificate is valid."),
        CertificateStatus::Expired => t!("This certificate has expired."),
        CertificateStatus::Revoked => t!("This certificate was revoked."),
    };
    view! {
        <Card>
            <div role="status" class="mb-4 flex flex-wrap items-center gap-3">
                {status_badge(c.status)}
                <p class="font-semibold">{verdict}</p>
            </div>
            {facts(&c)}
        </Card>
    }
}
