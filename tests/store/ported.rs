//! Stories for ported numbers and imported blocks, on either backend:
//! routing numbers survive every way a subject is written and read, and
//! block lines of an import are upserted by prefix in its transaction.

use std::sync::Arc;

use callsign::model::{Block, BlockInput};
use callsign::store::{BlockWrite, ImportMessage, Store, StoreError};
use chrono::Utc;
use futures::TryStreamExt;
use serde_json::json;
use tokio::sync::mpsc;

use super::{by_address, create, import, subject};

fn routed(handle: &str, number: &str, rn: &str) -> callsign::model::Subject {
    subject(json!({"handle": handle, "addresses": [
        {"uri": number, "routing_number": rn}, {"uri": format!("sip:{handle}@example.com")}]}))
}

fn block(json: serde_json::Value) -> Block {
    serde_json::from_value::<BlockInput>(json)
        .unwrap()
        .into_block(Utc::now(), 6)
        .unwrap()
}

fn routing(subject: &callsign::model::Subject) -> Vec<Option<&str>> {
    subject
        .addresses
        .iter()
        .map(|a| a.routing_number.as_deref())
        .collect()
}

pub(super) async fn routing_numbers_are_kept(store: Arc<dyn Store>) {
    // Written one by one, and by an import (PostgreSQL copies those).
    let carol = create(
        store.as_ref(),
        routed("carol", "tel:+12155550123", "+12155550199"),
    )
    .await;
    assert_eq!(routing(&carol), [Some("+12155550199"), None]);
    let dave = routed("dave", "tel:+12155550150", "+12155550198");
    import(store.as_ref(), false, vec![vec![(1, dave)]], true)
        .await
        .unwrap();

    // Read back by id, by search, and in the stream that loads the directory.
    let read = store.subject(carol.id).await.unwrap();
    assert_eq!(read, carol);
    let found = by_address(store.as_ref(), "tel:+12155550150").await;
    assert_eq!(routing(&found[0]), [Some("+12155550198"), None]);
    let all: Vec<_> = store.subjects().try_collect().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], carol);
    assert_eq!(all[1], found[0]);

    // A block's routing number.
    let b = block(
        json!({"prefix": "+1 303 555", "length": 11, "routing_number": "+1 303 666 0000",
                         "templates": [{"uri": "sip:\\1@trunk.example.com"}]}),
    );
    let saved = store
        .write_block("tester", "block.create", BlockWrite::Create(b))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saved.routing_number.as_deref(), Some("+13036660000"));
    assert_eq!(store.block(saved.id).await.unwrap(), saved);
    assert_eq!(store.blocks().await.unwrap(), [saved]);
}

async fn import_blocks(
    store: &dyn Store,
    skip: bool,
    blocks: Vec<(u64, Block)>,
) -> Result<callsign::store::ImportOutcome, StoreError> {
    let (tx, rx) = mpsc::channel(2);
    tx.send(ImportMessage::Blocks(blocks)).await.unwrap();
    tx.send(ImportMessage::Commit).await.unwrap();
    drop(tx);
    store.import("importer", skip, rx).await
}

pub(super) async fn imported_blocks_are_upserted_by_prefix(store: Arc<dyn Store>) {
    let owned = |label: &str| {
        block(
            json!({"prefix": "+49 30 1234", "length": 13, "owner": "acct:pbx@example.com",
                     "label": label, "templates": [{"uri": "sip:\\1@pbx.example.com"}]}),
        )
    };
    // The owner is not stored: the line is refused, nothing written.
    let before = store.last_serial().await.unwrap();
    let refused = import_blocks(store.as_ref(), false, vec![(7, owned("Berlin"))]).await;
    match refused {
        Err(StoreError::ImportLine { line: 7, reason }) => {
            assert!(reason.contains("acct:pbx@example.com"), "{reason}")
        }
        other => panic!("expected line 7 refused, got {other:?}"),
    }
    assert_eq!(store.last_serial().await.unwrap(), before);
    assert!(store.blocks().await.unwrap().is_empty());
    // Skipped when asked.
    let outcome = import_blocks(store.as_ref(), true, vec![(7, owned("Berlin"))])
        .await
        .unwrap();
    assert_eq!((outcome.blocks_created, outcome.skipped.len()), (0, 1));

    // With the owner imported in the same transaction, after the block.
    let (tx, rx) = mpsc::channel(4);
    tx.send(ImportMessage::Blocks(vec![(1, owned("Berlin"))]))
        .await
        .unwrap();
    let pbx = subject(json!({"handle": "pbx", "addresses": [{"uri": "sip:pbx@example.com"}]}));
    tx.send(ImportMessage::Chunk(vec![(2, pbx)])).await.unwrap();
    tx.send(ImportMessage::Commit).await.unwrap();
    drop(tx);
    let outcome = store.import("importer", false, rx).await.unwrap();
    assert_eq!((outcome.created, outcome.blocks_created), (1, 1));
    let first = store.blocks().await.unwrap().remove(0);
    assert_eq!(first.version, 1);

    // The same prefix again replaces it: same id, next version.
    let outcome = import_blocks(store.as_ref(), false, vec![(1, owned("Berlin HQ"))])
        .await
        .unwrap();
    assert_eq!((outcome.blocks_created, outcome.blocks_updated), (0, 1));
    let second = store.blocks().await.unwrap().remove(0);
    assert_eq!(
        (second.id, second.version, second.label.as_deref()),
        (first.id, 2, Some("Berlin HQ"))
    );
    assert_eq!(second.created_at, first.created_at);
    let changes = super::all_changes(store.as_ref()).await;
    let last = changes.last().unwrap();
    assert_eq!(last.operation, "block.import");
    assert_eq!(last.block_states(), Some((Some(first), Some(second))));
}
