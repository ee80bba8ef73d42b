use leptos::prelude::*;
use leptos_router::components::A;

use super::theme::ThemeToggle;

struct NavItem {
    href: &'static str,
    label: &'static str,
    icon: &'static str,
}

/// The destinations in the navigation; icons are SVG path data.
const NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        label: "Home",
        icon: "M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z",
    },
    NavItem {
        href: "/program",
        label: "Program",
        icon: "M4 5h16M4 12h16M4 19h10",
    },
    NavItem {
        href: "/signin",
        label: "Sign in",
        icon: "M15 3h4v18h-4M10 17l5-5-5-5M15 12H3",
    },
];

fn nav_icon(path: &'static str) -> impl IntoView {
    view! {
        <svg aria-hidden="true" viewBox="0 0 24 24" class="size-5 shrink-0 fill-none stroke-current stroke-2 [stroke-linecap:round] [stroke-linejoin:round]">
            <path d=path />
        </svg>
    }
}

fn brand() -> impl IntoView {
    view! {
        <A href="/" attr:class="flex items-center gap-2 font-bold text-lg tracking-tight">
            <img src="/icons/icon-192.png" alt="" width="28" height="28" class="size-7 rounded-md" />
            <span>"Trellis"</span>
        </A>
    }
}

/// Sidebar on a desktop, a bottom tab bar on a phone, a header with the
/// theme switch on both.
#[component]
pub fn AppLayout(children: Children) -> impl IntoView {
    let link = "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-800 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-teal-950 dark:aria-[current=page]:text-teal-200";
    let tab = "flex flex-col items-center justify-center gap-1 py-2 text-xs font-medium text-slate-600 aria-[current=page]:text-teal-700 dark:text-slate-300 dark:aria-[current=page]:text-teal-300";
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
            "Skip to content"
        </a>
        <div class="min-h-dvh md:flex">
            <aside class="hidden md:flex md:w-60 md:shrink-0 md:flex-col md:gap-6 md:border-r md:border-slate-200 md:px-4 md:py-5 dark:md:border-slate-800">
                {brand()}
                <nav aria-label="Primary">
                    <ul class="flex flex-col gap-1">
                        {NAV.iter().map(|item| view! {
                            <li><A href=item.href exact=true attr:class=link>{nav_icon(item.icon)}<span>{item.label}</span></A></li>
                        }).collect_view()}
                    </ul>
                </nav>
            </aside>
            <div class="flex min-w-0 flex-1 flex-col">
                <header class="sticky top-0 z-10 flex h-14 items-center justify-between border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:justify-end dark:border-slate-800 dark:bg-slate-950/90">
                    <div class="md:hidden">{brand()}</div>
                    <ThemeToggle />
                </header>
                <main id="main" class="flex-1 px-4 pt-6 pb-28 md:px-10 md:pb-10">{children()}</main>
            </div>
        </div>
        <nav aria-label="Primary" class="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden dark:border-slate-800 dark:bg-slate-950">
            <ul class="grid grid-cols-3">
                {NAV.iter().map(|item| view! {
                    <li><A href=item.href exact=true attr:class=tab>{nav_icon(item.icon)}<span>{item.label}</span></A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
