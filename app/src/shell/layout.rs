use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{language::LanguageSwitch, live::UnreadBell, theme::ThemeToggle};
use crate::{auth::Viewer, shell::ViewerContext};

struct NavItem {
    href: String,
    label: &'static str,
    icon: &'static str,
    /// In the phone's tab bar too (five at most); the others are in the
    /// sidebar and linked from the home page.
    phone: bool,
}

const HOME: &str = "M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z";
const PROGRAM: &str = "M4 5h16M4 12h16M4 19h10";
const SIGN_IN: &str = "M15 3h4v18h-4M10 17l5-5-5-5M15 12H3";
const ORGANISATION: &str =
    "M4 21V5l8-3 8 3v16M9 21v-5h6v5M8 8h.01M12 8h.01M16 8h.01M8 12h.01M12 12h.01M16 12h.01";
const DEALS: &str = "M3 7h18v13H3zM8 7V4h8v3M3 12h18";
const BELL: &str = "M6 9a6 6 0 0 1 12 0c0 6 3 8 3 8H3s3-2 3-8M10 21h4";
const APPLY: &str = "M12 5v14M5 12h14";
const APPLICATIONS: &str = "M9 5h6M9 3h6v4H9zM5 5h2v16h10V5h2M9 12h6M9 16h4";
const SESSIONS: &str = "M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21a8 8 0 0 1 16 0";
const LEARNING: &str = "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6";
const LIBRARY: &str = "M4 4h5v16H4zM10 4h5v16h-5zM16 5l4 1-3 14-4-1z";
const CAMPAIGNS: &str =
    "M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1zM15 9a4 4 0 0 1 0 6M18 6a8 8 0 0 1 0 12";
const LEADS: &str = "M4 4h16v12H8l-4 4zM8 9h8M8 12h5";
const WEBHOOKS: &str =
    "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
const FUNDS: &str = "M3 6h18v12H3zM12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM6 9v.01M18 15v.01";
const EARNINGS: &str = "M4 20h16M6 16V10M10 16V6M14 16v-4M18 16V8";
const SEARCH: &str = "M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM21 21l-5-5";

/// The destinations for whoever is looking; icons are SVG path data.
fn nav_for(viewer: Option<&Viewer>) -> Vec<NavItem> {
    let item = |href: String, label, icon| NavItem {
        href,
        label,
        icon,
        phone: true,
    };
    let sessions = NavItem {
        phone: false,
        ..item("/account/sessions".into(), t!("Sessions"), SESSIONS)
    };
    let library = NavItem {
        phone: false,
        ..item("/assets".into(), t!("Library"), LIBRARY)
    };
    let campaigns = |phone| NavItem {
        phone,
        ..item("/campaigns".into(), t!("Campaigns"), CAMPAIGNS)
    };
    let leads = NavItem {
        phone: false,
        ..item("/leads".into(), t!("Leads"), LEADS)
    };
    let webhooks = NavItem {
        phone: false,
        ..item("/webhooks".into(), t!("Webhooks"), WEBHOOKS)
    };
    let may_webhook = viewer.is_some_and(|v| crate::auth::policy::authorize_webhooks(v).is_ok());
    let mut items = match viewer {
        None => vec![
            item("/".into(), t!("Home"), HOME),
            item("/program".into(), t!("Program"), PROGRAM),
            item("/apply".into(), t!("Apply"), APPLY),
            item("/signin".into(), t!("Sign in"), SIGN_IN),
        ],
        // Reviewers see the applications where partners see the program.
        Some(viewer) if crate::auth::policy::authorize_recruiting(viewer).is_ok() => vec![
            item("/home".into(), t!("Home"), HOME),
            item("/deals".into(), t!("Deals"), DEALS),
            item("/applications".into(), t!("Applications"), APPLICATIONS),
            item("/learn".into(), t!("Learning"), LEARNING),
            library,
            campaigns(false),
            item(
                format!("/organisations/{}", viewer.organisation_id),
                t!("Organisation"),
                ORGANISATION,
            ),
            sessions,
        ],
        Some(viewer) if viewer.role.is_vendor() => vec![
            item("/home".into(), t!("Home"), HOME),
            item("/deals".into(), t!("Deals"), DEALS),
            item("/learn".into(), t!("Learning"), LEARNING),
            campaigns(true),
            item(
                format!("/organisations/{}", viewer.organisation_id),
                t!("Organisation"),
                ORGANISATION,
            ),
            library,
            sessions,
        ],
        Some(viewer) => vec![
            item("/home".into(), t!("Home"), HOME),
            item("/deals".into(), t!("Deals"), DEALS),
            item("/learn".into(), t!("Learning"), LEARNING),
            campaigns(true),
            item(
                format!("/organisations/{}", viewer.organisation_id),
                t!("Organisation"),
                ORGANISATION,
            ),
            NavItem {
                phone: false,
                ..item("/program".into(), t!("Program"), PROGRAM)
            },
            leads,
            library,
            sessions,
        ],
    };
    if viewer.is_some() {
        let funds = NavItem {
            phone: false,
            ..item("/funds".into(), t!("Funds"), FUNDS)
        };
        items.insert(items.len() - 1, funds);
        let earnings = NavItem {
            phone: false,
            ..item("/earnings".into(), t!("Earnings"), EARNINGS)
        };
        items.insert(items.len() - 1, earnings);
    }
    if may_webhook {
        items.insert(items.len() - 1, webhooks);
    }
    items
}

fn nav_icon(path: &'static str) -> impl IntoView {
    view! {
        <svg aria-hidden="true" viewBox="0 0 24 24" class="size-5 shrink-0 fill-none stroke-current stroke-2 [stroke-linecap:round] [stroke-linejoin:round]">
            <path d=path />
        </svg>
    }
}

fn brand(current: Option<&'static str>) -> impl IntoView {
    view! {
        <a href="/" aria-current=current class="flex items-center gap-2 font-bold text-lg tracking-tight">
            <img src="/icons/icon-192.png" alt="" width="28" height="28" class="size-7 rounded-md" />
            <span>"Trellis"</span>
        </a>
    }
}

const LINK: &str = "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-800 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-teal-950 dark:aria-[current=page]:text-teal-200";
const TAB: &str = "flex flex-col items-center justify-center gap-1 py-2 text-xs font-medium text-slate-600 aria-[current=page]:text-teal-700 dark:text-slate-300 dark:aria-[current=page]:text-teal-300";

/// Sidebar on a desktop, a bottom tab bar on a phone, a header with the
/// theme switch (and the signed-in person) on both.
#[component]
pub fn AppLayout(children: Children) -> impl IntoView {
    let ctx = ViewerContext::use_context();
    let viewer = ctx.viewer.clone();
    // Plain links marked by hand: the router's `<A>` resolves its path and
    // watches the location, work a page drawn once on the server does not
    // need, and the layout has thirteen of them.
    let here = use_location().pathname.get_untracked();
    let current = |href: &str| (here == href).then_some("page");
    let sidebar = {
        nav_for(viewer.as_ref())
            .into_iter()
            .map(|item| view! {
                <li><a aria-current=current(&item.href) href=item.href class=LINK>{nav_icon(item.icon)}<span>{item.label}</span></a></li>
            })
            .collect_view()
    };
    let tabs = {
        let items: Vec<NavItem> = nav_for(viewer.as_ref())
            .into_iter()
            .filter(|item| item.phone)
            .collect();
        let columns = match items.len() {
            5 => "grid grid-cols-5",
            4 => "grid grid-cols-4",
            _ => "grid grid-cols-3",
        };
        view! {
            <ul class=columns>
                {items.into_iter().map(|item| view! {
                    <li><a aria-current=current(&item.href) href=item.href class=TAB>{nav_icon(item.icon)}<span>{item.label}</span></a></li>
                }).collect_view()}
            </ul>
        }
    };
    // The help search: a box on a desktop, a link to its page on a phone.
    let search = viewer.as_ref().map(|_| {
        view! {
            <form method="get" action="/help" role="search" aria-label=t!("Search help") class="mr-auto hidden md:block">
                <label for="header-help-q" class="sr-only">{t!("Search help")}</label>
                <input
                    id="header-help-q"
                    name="q"
                    type="search"
                    placeholder=t!("Search help, assets, courses…")
                    class="w-72 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
                />
            </form>
        }
    });
    let search_link = viewer.as_ref().map(|_| {
        view! {
            <a href="/help" aria-label=t!("Search help") class="rounded-lg p-2 text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-200 dark:hover:bg-slate-800">
                {nav_icon(SEARCH)}
            </a>
        }
    });
    let unread = ctx.unread;
    let account = {
        viewer.map(|viewer| view! {
            <div class="flex items-center gap-2">
                <a
                    href="/notifications"
                    aria-current=current("/notifications")
                    class="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
                >
                    {nav_icon(BELL)}
                    <UnreadBell initial=unread />
                </a>
                <span class="hidden text-sm text-slate-700 sm:inline dark:text-slate-200">{viewer.name}</span>
                <ActionForm action=ctx.sign_out>
                    <button type="submit" class="whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
                        {t!("Sign out")}
                    </button>
                </ActionForm>
            </div>
        })
    };
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
            {t!("Skip to content")}
        </a>
        <div class="min-h-dvh md:flex">
            <aside class="hidden print:hidden md:flex md:w-60 md:shrink-0 md:flex-col md:gap-6 md:border-r md:border-slate-200 md:px-4 md:py-5 dark:md:border-slate-800">
                {brand(current("/"))}
                <nav aria-label=t!("Primary")>
                    <ul class="flex flex-col gap-1">{sidebar}</ul>
                </nav>
            </aside>
            <div class="flex min-w-0 flex-1 flex-col">
                <header class="sticky top-0 z-10 flex h-14 print:hidden items-center justify-between gap-2 border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:justify-end dark:border-slate-800 dark:bg-slate-950/90">
                    <div class="md:hidden">{brand(current("/"))}</div>
                    {search}
                    <div class="flex items-center gap-1">
                        {search_link}
                        <LanguageSwitch />
                        <ThemeToggle />
                        {account}
                    </div>
                </header>
                <main id="main" class="flex-1 px-4 pt-6 pb-28 md:px-10 md:pb-10">{children()}</main>
            </div>
        </div>
        <nav aria-label=t!("Primary") class="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden print:hidden dark:border-slate-800 dark:bg-slate-950">
            {tabs}
        </nav>
    }
}
