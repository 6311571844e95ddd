//! SQLite rows to domain types and back.

use std::str::FromStr;

use sqlx::sqlite::SqliteRow;
use sqlx::types::Json;
use sqlx::{QueryBuilder, Row, Sqlite};
use uuid::Uuid;

use crate::model::{
    Address, Discoverable, Domain, Handle, Scope, Subject, SubjectAddress, Visibility,
};
use crate::store::{Change, Result, StoreError, Token};

pub(super) const SUBJECT_COLUMNS: &str = "id, handle, domain, display_name, discoverable, version, \
     created_at, updated_at, links, properties, display_name_visibility, discoverable_level";
pub(super) const ADDRESS_COLUMNS: &str = "id, subject_id, uri, visibility, discoverable, priority, label, routing_number, \
     discoverable_level";

/// SQLite allows 32766 bound variables per statement.
pub(super) const IDS_PER_STATEMENT: usize = 1000;

/// `{sql} (?, ?, …)` with one bound id each: SQLite cannot compare a
/// blob column with the values of a JSON array.
pub(super) fn with_ids(sql: &str, ids: &[Uuid]) -> QueryBuilder<Sqlite> {
    let mut q = QueryBuilder::<Sqlite>::new(format!("{sql} ("));
    let mut list = q.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    list.push_unseparated(")");
    q
}

/// A JSON array (of strings, of pairs of strings), for `json_each(?)`: one
/// bound variable however many there are.
pub(super) fn json_list<T: serde::Serialize>(values: &[T]) -> String {
    serde_json::to_string(values).expect("strings serialise")
}

/// A row's discoverability: its flag, or its level when it has one. Only
/// the store writes levels; one that does not read (an audience name past
/// this process's limit) hides the key rather than fail every read.
fn discoverable(row: &SqliteRow) -> Discoverable {
    let level: Option<String> = row.get("discoverable_level");
    Discoverable::stored(row.get("discoverable"), level.as_deref()).unwrap_or(Discoverable::NOBODY)
}

/// A stored subject, without its addresses. Only the store writes these
/// rows, so the handle and domain are valid as they are.
pub(super) fn subject_from_row(row: &SqliteRow) -> Result<Subject> {
    let handle: String = row.get("handle");
    let domain: String = row.get("domain");
    let name_visibility: String = row.get("display_name_visibility");
    Ok(Subject {
        id: row.get("id"),
        handle: Handle::trusted(handle),
        domain: Domain::trusted(domain),
        display_name: row.get("display_name"),
        display_name_visibility: Visibility::from_str(&name_visibility)
            .map_err(StoreError::Internal)?,
        discoverable: discoverable(row),
        version: row.get("version"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
        addresses: Vec::new(),
        links: row
            .get::<Option<Json<_>>, _>("links")
            .map(|j| j.0)
            .unwrap_or_default(),
        properties: row
            .get::<Option<Json<_>>, _>("properties")
            .map(|j| j.0)
            .unwrap_or_default(),
    })
}

pub(super) fn address_from_row(row: &SqliteRow) -> Result<(Uuid, SubjectAddress)> {
    let uri = Address::stored(row.get("uri"))
        .map_err(|uri| StoreError::Internal(format!("bad address {uri}")))?;
    let visibility: String = row.get("visibility");
    let priority: i64 = row.get("priority");
    Ok((
        row.get("subject_id"),
        SubjectAddress {
            id: row.get("id"),
            uri,
            visibility: Visibility::from_str(&visibility).map_err(StoreError::Internal)?,
            discoverable: discoverable(row),
            priority: priority as u16,
            label: row.get("label"),
            routing_number: row.get("routing_number"),
        },
    ))
}

pub(super) fn change_from_row(row: &SqliteRow) -> Result<Change> {
    let json = |col: &str| -> Result<Option<serde_json::Value>> {
        let text: Option<String> = row.get(col);
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Internal(e.to_string())))
            .transpose()
    };
    Ok(Change {
        serial: row.get("serial"),
        at: row.get("at"),
        actor: row.get("actor"),
        operation: row.get("operation"),
        subject_id: row.get("subject_id"),
        before: json("before")?,
        after: json("after")?,
    })
}

pub(super) fn token_from_row(row: &SqliteRow) -> Result<Token> {
    let audiences: String = row.get("audiences");
    let scope: String = row.get("scope");
    Ok(Token {
        id: row.get("id"),
        name: row.get("name"),
        scope: Scope::from_str(&scope).map_err(StoreError::Internal)?,
        audiences: serde_json::from_str(&audiences)
            .map_err(|e| StoreError::Internal(e.to_string()))?,
        subject: row.get("subject_id"),
        created_at: row.get("created_at"),
        last_used_at: row.get("last_used_at"),
        revoked_at: row.get("revoked_at"),
    })
}
