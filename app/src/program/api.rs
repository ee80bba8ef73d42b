//! Wire types and server functions for the program page.

use super::ProgramOverview;
use crate::error::AppError;
use leptos::prelude::*;

/// The program's vendor and tiers.
///
/// Who may call: anyone, signed in or not; it returns only what the program
/// publishes. Errors: `Internal` when the database fails.
#[server(endpoint = "program_overview")]
pub async fn get_program() -> Result<ProgramOverview, AppError> {
    let db = crate::db::use_db()?;
    Ok(super::server::overview(&db).await?)
}
