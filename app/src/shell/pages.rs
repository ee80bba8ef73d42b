use leptos::prelude::*;
use leptos_meta::Title;

use super::Card;

/// What a partner can do here, as (title, sentence).
fn features() -> [(&'static str, &'static str); 4] {
    [
        (
            t!("Register a deal in under a minute"),
            t!("Know at once whether the customer is free. Protection, expiry and approval clocks are in plain sight."),
        ),
        (
            t!("Co-branded campaigns in a few clicks"),
            t!("Pick a template, see it with your logo, launch. Leads come straight back to you."),
        ),
        (
            t!("Training that unlocks your next tier"),
            t!("Courses, certifications and the assets you need to sell, on any device."),
        ),
        (
            t!("See what you earn"),
            t!("Pipeline, won revenue, marketing funds and tier progress on one page."),
        ),
    ]
}

/// `/`: what Trellis is, and the way in.
#[component]
pub fn LandingPage() -> impl IntoView {
    let primary = "inline-flex items-center justify-center rounded-lg bg-teal-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";
    let secondary = "inline-flex items-center justify-center rounded-lg border border-slate-300 px-5 py-3 font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800";
    view! {
        <Title text=t!("The partner portal partners pick") />
        <section class="max-w-3xl py-4 sm:py-10">
            <p class="text-sm font-semibold uppercase tracking-wide text-teal-700 dark:text-teal-300">{t!("Acme Cloud partner portal")}</p>
            <h1 class="mt-2 text-3xl font-bold tracking-tight sm:text-5xl">{t!("Sell together, without the busywork.")}</h1>
            <p class="mt-4 text-lg text-slate-600 dark:text-slate-300">
                {t!("Trellis is where Acme Cloud's resellers, managed service providers, integrators, software vendors and referral partners register deals, launch co-branded marketing, take training and see what they earn. Fast, few clicks, on your phone too. Your data is only ever yours.")}
            </p>
            <div class="mt-8 flex flex-col gap-3 sm:flex-row">
                <a href="/signin" class=primary>{t!("Sign in")}</a>
                <a href="/program" class=secondary>{t!("See the partner program")}</a>
                <a href="/apply" class=secondary>{t!("Apply to become a partner")}</a>
            </div>
        </section>
        <section aria-labelledby="features-heading" class="mt-6">
            <h2 id="features-heading" class="sr-only">{t!("What you can do")}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                {features().into_iter().map(|(title, body)| view! {
                    <li>
                        <Card>
                            <h3 class="font-semibold">{title}</h3>
                            <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">{body}</p>
                        </Card>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
