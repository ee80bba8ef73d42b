//! Reading the audit log.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: i64,
    pub actor: Option<String>,
    pub action: String,
    pub record_type: String,
    pub record_id: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// The latest 200 entries about one organisation, newest first.
///
/// With an empty `organisation_id`: every organisation's entries.
///
/// Who may call: a partner admin for their own organisation; the program
/// admin for any, and for all at once. Errors: `Unauthenticated`,
/// `NotFound` (another partner's), `Forbidden`, `Internal`.
#[server(endpoint = "audit_entries")]
pub async fn audit_entries(organisation_id: String) -> Result<Vec<AuditEntry>, AppError> {
    use crate::auth::{
        policy::{authorize, authorize_program, Permission},
        server::require_viewer,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    if organisation_id.is_empty() {
        authorize_program(&viewer)?;
    } else {
        authorize(&viewer, Permission::ViewAuditLog, &organisation_id)?;
    }
    Ok(sqlx::query_as::<_, AuditEntry>(&format!(
        "SELECT a.at, p.name AS actor, a.action, a.record_type, a.record_id, a.ip, a.detail \
         FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id \
         WHERE ($1 = '' OR a.organisation_id = $1) AND {} \
         ORDER BY a.at DESC, a.id LIMIT 200",
        crate::auth::policy::tenant_scoped("a.organisation_id", "$2")
    ))
    .bind(&organisation_id)
    .bind(viewer.tenant_scope())
    .fetch_all(&db.pool)
    .await?)
}
