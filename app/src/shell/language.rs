//! The language switch: a plain form, so it works without JavaScript; the
//! whole page reloads in the chosen language.

use leptos::prelude::*;

use crate::{error::AppError, i18n::Locale};

/// Remembers the language chosen: a cookie for this browser and, for a
/// signed-in person, their record, so emails reach them in it too.
///
/// Who may call: anyone; it sets only the caller's own language.
/// Errors: `Validation` for a language other than English or German.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    let locale = Locale::parse(&lang)
        .ok_or_else(|| AppError::field("lang", t!("Choose English or German.")))?;
    let db = crate::db::use_db()?;
    if let Some(viewer) = crate::auth::server::current_viewer(&db).await? {
        crate::auth::server::remember_language(&db, &viewer.person_id, locale).await?;
    }
    super::theme::keep_and_go_back(&locale.cookie())
}

/// Offers the other language, named in itself ("Deutsch", "English").
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let other = Locale::current().other();
    let action = <SetLanguage as leptos::server_fn::ServerFn>::PATH;
    view! {
        <form method="post" action=action>
            <input type="hidden" name="lang" value=other.as_str() />
            <button
                type="submit"
                lang=other.as_str()
                class="inline-flex items-center gap-2 rounded-lg px-2 py-2 text-sm sm:px-3 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-slate-200 dark:hover:bg-slate-800"
                aria-label=match other {
                    Locale::En => "Switch to English",
                    Locale::De => "Auf Deutsch umschalten",
                }
            >
                <svg aria-hidden="true" viewBox="0 0 24 24" class="hidden size-5 fill-none stroke-current stroke-2 sm:block">
                    <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9s1.3-6.3 3.8-9z" />
                </svg>
                <span>{other.native_name()}</span>
            </button>
        </form>
    }
}
