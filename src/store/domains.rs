//! What the store keeps of domain profiles: one row per domain, links and
//! properties as JSON (read and written whole, never queried).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::types::Json;

use crate::model::{DocumentLink, DocumentProperty, Domain, DomainProfile};

/// A `domain_profile` row, the same on either database.
#[derive(sqlx::FromRow)]
pub(crate) struct DomainRow {
    domain: String,
    links: Json<Vec<DocumentLink>>,
    properties: Json<BTreeMap<String, DocumentProperty>>,
    xmpp_websocket: Option<String>,
    xmpp_bosh: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<DomainRow> for DomainProfile {
    fn from(row: DomainRow) -> DomainProfile {
        DomainProfile {
            // Only the store writes these rows: the domain is canonical.
            domain: Domain::trusted(row.domain),
            links: row.links.0,
            properties: row.properties.0,
            xmpp_websocket: row.xmpp_websocket,
            xmpp_bosh: row.xmpp_bosh,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// Stored rows to profiles.
pub(crate) fn profiles(rows: Vec<DomainRow>) -> Vec<DomainProfile> {
    rows.into_iter().map(DomainProfile::from).collect()
}

/// A subject's links as stored: NULL when there are none.
pub(crate) fn links_column(links: &[DocumentLink]) -> Option<Json<&[DocumentLink]>> {
    (!links.is_empty()).then_some(Json(links))
}

/// A subject's properties as stored: NULL when there are none.
pub(crate) fn properties_column(
    properties: &BTreeMap<String, DocumentProperty>,
) -> Option<Json<&BTreeMap<String, DocumentProperty>>> {
    (!properties.is_empty()).then_some(Json(properties))
}
