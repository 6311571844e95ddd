//! What the store keeps of number blocks: one row per block, its templates
//! as JSON (they are read and written whole, never queried).

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use uuid::Uuid;

use super::{Result, StoreError};
use crate::model::{Block, Template};

/// A `number_block` row, the same on either database.
#[derive(sqlx::FromRow)]
pub(crate) struct BlockRow {
    id: Uuid,
    prefix: String,
    length: Option<i32>,
    owner: Option<String>,
    label: Option<String>,
    visibility: String,
    discoverable: bool,
    templates: Json<Vec<Template>>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    routing_number: Option<String>,
}

impl TryFrom<BlockRow> for Block {
    type Error = StoreError;
    fn try_from(row: BlockRow) -> Result<Block> {
        let bad = |what: String| StoreError::Internal(format!("block {}: {what}", row.id));
        Ok(Block {
            id: row.id,
            length: row
                .length
                .map(u8::try_from)
                .transpose()
                .map_err(|e| bad(e.to_string()))?,
            visibility: row.visibility.parse().map_err(bad)?,
            prefix: row.prefix,
            owner: row.owner,
            label: row.label,
            discoverable: row.discoverable,
            templates: row.templates.0,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
            routing_number: row.routing_number,
        })
    }
}

/// Stored rows to blocks.
pub(crate) fn blocks(rows: Vec<BlockRow>) -> Result<Vec<Block>> {
    rows.into_iter().map(Block::try_from).collect()
}
