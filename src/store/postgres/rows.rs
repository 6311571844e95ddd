//! PostgreSQL rows to domain types.

use std::str::FromStr;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::Row;
use sqlx::postgres::{PgConnection, PgRow};
use sqlx::types::Json;
use uuid::Uuid;

use super::map_err;
use crate::model::{
    Address, Discoverable, Domain, Handle, Scope, Subject, SubjectAddress, Visibility,
};
use crate::store::{Change, Result, StoreError, Token, attach_addresses};

/// PostgreSQL keeps microseconds; the store hands back exactly what it keeps.
pub(super) fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

/// A row's discoverability: its flag, or its level when it has one. Only
/// the store writes levels; one that does not read (an audience name past
/// this process's limit) hides the key rather than fail every read.
fn discoverable(row: &PgRow) -> Discoverable {
    let level: Option<&str> = row.get("discoverable_level");
    Discoverable::stored(row.get("discoverable"), level).unwrap_or(Discoverable::NOBODY)
}

/// A stored subject, without its addresses. Only the store writes these
/// rows, so the handle and domain are valid as they are.
pub(super) fn subject_from_row(row: &PgRow) -> Result<Subject> {
    let name_visibility: &str = row.get("display_name_visibility");
    Ok(Subject {
        id: row.get("id"),
        handle: Handle::trusted(row.get("handle")),
        domain: Domain::trusted(row.get("domain")),
        display_name: row.get("display_name"),
        display_name_visibility: Visibility::from_str(name_visibility)
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

pub(super) fn address_from_row(row: &PgRow) -> Result<(Uuid, SubjectAddress)> {
    let uri = Address::stored(row.get("uri"))
        .map_err(|uri| StoreError::Internal(format!("bad address {uri}")))?;
    let visibility: &str = row.get("visibility");
    let priority: i32 = row.get("priority");
    Ok((
        row.get("subject_id"),
        SubjectAddress {
            id: row.get("id"),
            uri,
            visibility: Visibility::from_str(visibility).map_err(StoreError::Internal)?,
            discoverable: discoverable(row),
            priority: u16::try_from(priority)
                .map_err(|_| StoreError::Internal(format!("bad priority {priority}")))?,
            label: row.get("label"),
            routing_number: row.get("routing_number"),
        },
    ))
}

pub(super) fn change_from_row(row: &PgRow) -> Change {
    Change {
        serial: row.get("serial"),
        at: row.get("at"),
        actor: row.get("actor"),
        operation: row.get("operation"),
        subject_id: row.get("subject_id"),
        before: row.get("before"),
        after: row.get("after"),
    }
}

pub(super) fn token_from_row(row: &PgRow) -> Result<Token> {
    let audiences: &str = row.get("audiences");
    let scope: &str = row.get("scope");
    Ok(Token {
        id: row.get("id"),
        name: row.get("name"),
        scope: Scope::from_str(scope).map_err(StoreError::Internal)?,
        audiences: serde_json::from_str(audiences)
            .map_err(|e| StoreError::Internal(e.to_string()))?,
        subject: row.get("subject_id"),
        created_at: row.get("created_at"),
        last_used_at: row.get("last_used_at"),
        revoked_at: row.get("revoked_at"),
    })
}

/// Give each subject its stored addresses, in presentation order.
pub(super) async fn load_addresses(
    conn: &mut PgConnection,
    subjects: &mut [Subject],
) -> Result<()> {
    if subjects.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = subjects.iter().map(|s| s.id).collect();
    let rows = sqlx::query(concat!(
        "SELECT ",
        address_columns!(),
        " FROM address WHERE subject_id = ANY($1)"
    ))
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await
    .map_err(map_err)?;
    attach_addresses(subjects, rows.iter().map(address_from_row))
}

/// The stored subjects with these ids, with their addresses, in id order.
pub(super) async fn load_subjects(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<Subject>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(concat!(
        "SELECT ",
        subject_columns!(),
        " FROM subject WHERE id = ANY($1) ORDER BY id"
    ))
    .bind(ids)
    .fetch_all(&mut *conn)
    .await
    .map_err(map_err)?;
    let mut subjects = rows
        .iter()
        .map(subject_from_row)
        .collect::<Result<Vec<Subject>>>()?;
    load_addresses(conn, &mut subjects).await?;
    Ok(subjects)
}
