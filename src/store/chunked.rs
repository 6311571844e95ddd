//! Every subject, streamed in id order a chunk at a time: how both backends
//! read the whole directory for its initial load and for export.
//!
//! Chunk boundaries come from a cheap walk of the id index (`boundary`: the
//! last id of the chunk after a given id), so chunks are read (`read`, on
//! connections of their own) [`PARALLEL`] at a time while the caller works
//! through the chunks already read, and handed out in order. Chunks are
//! separate snapshots: the directory re-applies the change log from a
//! serial read before the scan, which heals any race.

use std::future::Future;

use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use tokio::sync::mpsc;

use super::Result;
use crate::model::Subject;

/// Chunks read at once.
const PARALLEL: usize = 2;

/// Stream every subject. `start` stands before the first id; `boundary(after)`
/// answers the last id of the chunk after `after` (`None`: no subject is
/// there); `read(after, last)` the subjects with ids in (`after`, `last`],
/// in id order, with their addresses.
pub(crate) fn subjects<K, B, BF, R, RF>(
    start: K,
    boundary: B,
    read: R,
) -> BoxStream<'static, Result<Subject>>
where
    K: Clone + Send + Sync + 'static,
    B: Fn(K) -> BF + Send + Sync + 'static,
    BF: Future<Output = Result<Option<K>>> + Send + 'static,
    R: Fn(K, K) -> RF + Send + Sync + 'static,
    RF: Future<Output = Result<Vec<Subject>>> + Send + 'static,
{
    let ranges = futures::stream::try_unfold(start, move |after| {
        let last = boundary(after.clone());
        async move { Ok(last.await?.map(|last| ((after, last.clone()), last))) }
    });
    // A task of its own drives the reads, so they go on while the caller
    // works through the chunks already read.
    let (tx, rx) = mpsc::channel(PARALLEL);
    let mut chunks = ranges
        .map_ok(move |(after, last)| read(after, last))
        .try_buffered(PARALLEL)
        .boxed();
    tokio::spawn(async move {
        while let Some(chunk) = chunks.next().await {
            let failed = chunk.is_err();
            if tx.send(chunk).await.is_err() || failed {
                return;
            }
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
        .map_ok(|subjects| futures::stream::iter(subjects.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
}
