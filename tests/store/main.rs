//! One conformance suite for every store backend: each story runs against
//! SQLite and against PostgreSQL (`sqlite::story` and `postgres::story`).

#[path = "../support/mod.rs"]
mod support;

mod dnssec;
use dnssec::{dnssec_keys_are_made_once_per_zone, dnssec_keys_roll_one_roll_at_a_time};
mod migrate;
mod ported;
use ported::{imported_blocks_are_upserted_by_prefix, routing_numbers_are_kept};

use std::sync::Arc;

use callsign::model::{DirectoryKey, Discoverable, Scope, Subject, SubjectInput};
use callsign::store::{
    self, Change, ChangeQuery, Conflict, FeedEvent, ImportMessage, ImportOutcome,
    REPLICA_FORGOTTEN_AFTER, ReplicaStatus, SearchKey, Store, StoreError, SubjectQuery, Write,
    subject_json, token_json,
};
use chrono::{DateTime, TimeZone, Utc};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use uuid::Uuid;

/// What keeps a store's database alive for the length of a test.
enum Database {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres(#[allow(dead_code)] support::pg::TestDb),
}

async fn migrated(url: &str) -> Arc<dyn Store> {
    let store = store::open(url).await.expect("open the store");
    store.migrate().await.expect("migrate");
    store
}

async fn sqlite_store() -> (Arc<dyn Store>, Database) {
    let dir = tempfile::tempdir().unwrap();
    let store = migrated(&support::sqlite_url(&dir)).await;
    assert_eq!(store.backend(), "sqlite");
    (store, Database::Sqlite(dir))
}

async fn postgres_store() -> (Arc<dyn Store>, Database) {
    let db = support::pg::fresh_database().await;
    let store = migrated(&db.url).await;
    assert_eq!(store.backend(), "postgres");
    (store, Database::Postgres(db))
}

/// One `#[tokio::test]` per story and backend.
macro_rules! conformance {
    ($($story:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $story() {
                    let (store, _db) = super::sqlite_store().await;
                    super::$story(store).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $story() {
                    let (store, _db) = super::postgres_store().await;
                    super::$story(store).await;
                }
            )*
        }
    };
}

conformance!(
    dnssec_keys_are_made_once_per_zone,
    dnssec_keys_roll_one_roll_at_a_time,
    create_read_update_delete,
    stale_versions_change_nothing,
    an_address_belongs_to_one_subject,
    accts_are_unique,
    every_write_is_in_the_change_log,
    change_log_pages_both_ways,
    search_by_address_acct_and_handle_prefix,
    subjects_streams_everything,
    tokens_lifecycle,
    self_tokens_belong_to_a_stored_subject,
    import_creates_and_updates,
    import_without_commit_rolls_back,
    import_refuses_addresses_of_other_subjects,
    import_skips_conflicts_when_asked,
    import_into_an_empty_store_checks_across_chunks,
    an_import_into_an_empty_store_is_indexed_when_it_commits,
    subjects_stream_in_chunks,
    concurrent_writes_get_increasing_serials,
    the_change_feed_reports_commits_only,
    routing_numbers_are_kept,
    imported_blocks_are_upserted_by_prefix,
    audiences_and_levels_are_kept,
    replica_heartbeats_are_kept_by_name,
);

// ---------------------------------------------------------------- helpers

/// A validated new subject, the way the admin API and import build them.
fn subject(input: Value) -> Subject {
    let mut input = input;
    if input.get("domain").is_none() {
        input["domain"] = json!("example.com");
    }
    serde_json::from_value::<SubjectInput>(input)
        .expect("a subject input")
        .into_subject(Utc::now())
        .expect("a valid subject")
}

/// A subject with the given handle and address URIs.
fn with_addresses(handle: &str, uris: &[&str]) -> Subject {
    let addresses: Vec<Value> = uris.iter().map(|u| json!({ "uri": u })).collect();
    subject(json!({ "handle": handle, "display_name": handle, "addresses": addresses }))
}

async fn create(store: &dyn Store, subject: Subject) -> Subject {
    store
        .write("tester", "subject.create", Write::Create(subject))
        .await
        .expect("create")
        .expect("the created subject")
}

async fn update(store: &dyn Store, expected_version: i64, subject: Subject) -> Subject {
    store
        .write(
            "tester",
            "subject.update",
            Write::Update {
                expected_version,
                subject,
            },
        )
        .await
        .expect("update")
        .expect("the updated subject")
}

/// `subject` with another set of addresses (fresh ids), for an update.
fn readdressed(subject: &Subject, uris: &[&str]) -> Subject {
    let mut fresh = with_addresses(subject.handle.as_str(), uris);
    fresh.id = subject.id;
    fresh.display_name = subject.display_name.clone();
    fresh
}

fn uris(subject: &Subject) -> Vec<&str> {
    subject.addresses.iter().map(|a| a.uri.as_str()).collect()
}

async fn all_changes(store: &dyn Store) -> Vec<Change> {
    store
        .changes(&ChangeQuery {
            limit: 1000,
            ..ChangeQuery::default()
        })
        .await
        .expect("changes")
}

async fn search(
    store: &dyn Store,
    key: Option<SearchKey>,
    after: Option<Uuid>,
    limit: u32,
) -> Vec<Subject> {
    store
        .search(&SubjectQuery { key, after, limit })
        .await
        .expect("search")
}

/// The subject with this key: an address or an `acct:` URI.
async fn by_address(store: &dyn Store, key: &str) -> Vec<Subject> {
    let key = DirectoryKey::parse(key).expect("a directory key");
    search(store, Some(key.into()), None, 10).await
}

/// Run an import of these chunks; `commit` sends the final Commit.
async fn import(
    store: &dyn Store,
    skip_conflicts: bool,
    chunks: Vec<Vec<(u64, Subject)>>,
    commit: bool,
) -> Result<ImportOutcome, StoreError> {
    let (tx, rx) = mpsc::channel(chunks.len() + 1);
    for chunk in chunks {
        tx.send(ImportMessage::Chunk(chunk)).await.unwrap();
    }
    if commit {
        tx.send(ImportMessage::Commit).await.unwrap();
    }
    drop(tx);
    store.import("importer", skip_conflicts, rx).await
}

fn at(seconds: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, seconds).unwrap()
}

// ---------------------------------------------------------------- stories

async fn create_read_update_delete(store: Arc<dyn Store>) {
    let store = &*store;
    let input = subject(json!({
        "handle": "Alice", "domain": "Example.COM", "display_name": "Alice Example",
        "addresses": [
            {"uri": "tel:+1-212-555-0100", "label": "work"},
            {"uri": "sip:alice@example.com;transport=tcp", "priority": 10},
            {"uri": "alice@example.com", "kind": "xmpp", "visibility": "private",
             "discoverable": false},
        ]
    }));
    let created = create(store, input.clone()).await;
    assert_eq!(created.id, input.id);
    assert_eq!(created.acct(), "acct:alice@example.com");
    assert_eq!(created.version, 1);
    assert_eq!(created.addresses.len(), 3);
    assert_eq!(
        uris(&created),
        [
            "sip:alice@example.com",
            "tel:+12125550100",
            "xmpp:alice@example.com"
        ]
    );
    let tel = &created.addresses[1];
    assert_eq!(tel.label.as_deref(), Some("work"));
    assert_eq!(tel.priority, 100);
    let xmpp = &created.addresses[2];
    assert_eq!(xmpp.visibility.to_string(), "private");
    assert_eq!(xmpp.discoverable, Discoverable::NOBODY);
    // The store hands back exactly what it keeps.
    assert_eq!(store.subject(created.id).await.unwrap(), created);

    let mut changed = readdressed(&created, &["tel:+12125550100", "mailto:alice@example.com"]);
    changed.display_name = "Alice A. Example".into();
    changed.discoverable = Discoverable::NOBODY;
    let updated = update(store, 1, changed).await;
    assert_eq!(updated.id, created.id);
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.updated_at >= created.updated_at);
    assert_eq!(updated.display_name, "Alice A. Example");
    assert_eq!(updated.discoverable, Discoverable::NOBODY);
    assert_eq!(
        uris(&updated),
        ["tel:+12125550100", "mailto:alice@example.com"]
    );
    assert_eq!(store.subject(created.id).await.unwrap(), updated);
    // A dropped address no longer finds the subject; a new one does.
    assert!(by_address(store, "sip:alice@example.com").await.is_empty());
    assert_eq!(
        by_address(store, "mailto:alice@example.com").await,
        std::slice::from_ref(&updated)
    );

    let deleted = store
        .write(
            "tester",
            "subject.delete",
            Write::Delete {
                id: created.id,
                expected_version: 2,
            },
        )
        .await
        .unwrap();
    assert_eq!(deleted, None);
    assert!(matches!(
        store.subject(created.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(by_address(store, "tel:+12125550100").await.is_empty());
    // Unknown subjects are NotFound for update and delete alike.
    let again = store
        .write(
            "tester",
            "subject.update",
            Write::Update {
                expected_version: 2,
                subject: updated.clone(),
            },
        )
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
    let again = store
        .write(
            "tester",
            "subject.delete",
            Write::Delete {
                id: created.id,
                expected_version: 2,
            },
        )
        .await;
    assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
    assert!(matches!(
        store.subject(Uuid::now_v7()).await,
        Err(StoreError::NotFound)
    ));
    // A deleted subject's addresses are free again.
    create(store, with_addresses("bob", &["tel:+12125550100"])).await;
}

async fn stale_versions_change_nothing(store: Arc<dyn Store>) {
    let store = &*store;
    let created = create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let updated = update(store, 1, readdressed(&created, &["sip:a@example.com"])).await;
    let serial = store.last_serial().await.unwrap();

    let stale = store
        .write(
            "tester",
            "subject.update",
            Write::Update {
                expected_version: 1,
                subject: readdressed(&created, &["sip:b@example.com"]),
            },
        )
        .await;
    assert!(
        matches!(stale, Err(StoreError::Stale { current: 2 })),
        "{stale:?}"
    );
    let stale = store
        .write(
            "tester",
            "subject.delete",
            Write::Delete {
                id: created.id,
                expected_version: 3,
            },
        )
        .await;
    assert!(
        matches!(stale, Err(StoreError::Stale { current: 2 })),
        "{stale:?}"
    );
    assert_eq!(store.subject(created.id).await.unwrap(), updated);
    assert_eq!(store.last_serial().await.unwrap(), serial);
    assert!(by_address(store, "sip:b@example.com").await.is_empty());
}

async fn an_address_belongs_to_one_subject(store: Arc<dyn Store>) {
    let store = &*store;
    let alice = create(
        store,
        with_addresses("alice", &["sip:alice@example.com", "tel:+12125550100"]),
    )
    .await;
    let serial = store.last_serial().await.unwrap();
    let owned_by_alice = Conflict::Address {
        uri: "sip:alice@example.com".into(),
        owner: "acct:alice@example.com".into(),
    };

    // Creating a subject with alice's address writes nothing.
    let bob = with_addresses("bob", &["sip:bob@example.com", "sip:alice@example.com"]);
    let refused = store
        .write("tester", "subject.create", Write::Create(bob.clone()))
        .await;
    match refused {
        Err(StoreError::Conflict(c)) => assert_eq!(c, owned_by_alice),
        other => panic!("expected an address conflict, got {other:?}"),
    }
    assert!(matches!(
        store.subject(bob.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(by_address(store, "sip:bob@example.com").await.is_empty());
    assert_eq!(store.last_serial().await.unwrap(), serial);

    // Updating a subject to take alice's address changes nothing either.
    let bob = create(store, with_addresses("bob", &["sip:bob@example.com"])).await;
    let serial = store.last_serial().await.unwrap();
    let refused = store
        .write(
            "tester",
            "subject.update",
            Write::Update {
                expected_version: 1,
                subject: readdressed(&bob, &["sip:bob@example.com", "sip:alice@example.com"]),
            },
        )
        .await;
    match refused {
        Err(StoreError::Conflict(c)) => assert_eq!(c, owned_by_alice),
        other => panic!("expected an address conflict, got {other:?}"),
    }
    assert_eq!(store.subject(bob.id).await.unwrap(), bob);
    assert_eq!(store.subject(alice.id).await.unwrap(), alice);
    assert_eq!(store.last_serial().await.unwrap(), serial);

    // Once alice lets go of it, bob may have it.
    update(store, 1, readdressed(&alice, &["tel:+12125550100"])).await;
    let bob = update(
        store,
        1,
        readdressed(&bob, &["sip:bob@example.com", "sip:alice@example.com"]),
    )
    .await;
    assert_eq!(by_address(store, "sip:alice@example.com").await, [bob]);
}

async fn accts_are_unique(store: Arc<dyn Store>) {
    let store = &*store;
    create(store, with_addresses("alice", &[])).await;
    let serial = store.last_serial().await.unwrap();
    // Handles are case-insensitive: `Alice` is alice.
    let twin = with_addresses("Alice", &["sip:twin@example.com"]);
    let refused = store
        .write("tester", "subject.create", Write::Create(twin.clone()))
        .await;
    match refused {
        Err(StoreError::Conflict(Conflict::Acct(acct))) => {
            assert_eq!(acct, "acct:alice@example.com")
        }
        other => panic!("expected an acct conflict, got {other:?}"),
    }
    assert!(matches!(
        store.subject(twin.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(by_address(store, "sip:twin@example.com").await.is_empty());

    // Renaming bob to alice is refused too.
    let bob = create(store, with_addresses("bob", &[])).await;
    let mut renamed = with_addresses("alice", &[]);
    renamed.id = bob.id;
    let refused = store
        .write(
            "tester",
            "subject.update",
            Write::Update {
                expected_version: 1,
                subject: renamed,
            },
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(Conflict::Acct(_)))),
        "{refused:?}"
    );
    assert_eq!(store.subject(bob.id).await.unwrap(), bob);
    assert_eq!(store.last_serial().await.unwrap(), serial + 1);
}

async fn every_write_is_in_the_change_log(store: Arc<dyn Store>) {
    let store = &*store;
    assert_eq!(store.last_serial().await.unwrap(), 0);
    assert!(all_changes(store).await.is_empty());

    let created = store
        .write(
            "alice-admin",
            "subject.create",
            Write::Create(with_addresses("alice", &["sip:alice@example.com"])),
        )
        .await
        .unwrap()
        .unwrap();
    let updated = store
        .write(
            "bob-admin",
            "address.create",
            Write::Update {
                expected_version: 1,
                subject: readdressed(&created, &["sip:alice@example.com", "tel:+12125550100"]),
            },
        )
        .await
        .unwrap()
        .unwrap();
    store
        .write(
            "carol-admin",
            "subject.delete",
            Write::Delete {
                id: created.id,
                expected_version: 2,
            },
        )
        .await
        .unwrap();

    let changes = all_changes(store).await;
    assert_eq!(changes.len(), 3);
    assert!(changes.windows(2).all(|w| w[0].serial < w[1].serial));
    assert!(changes[0].serial > 0);
    assert_eq!(store.last_serial().await.unwrap(), changes[2].serial);
    let summary: Vec<(&str, &str, Option<Uuid>)> = changes
        .iter()
        .map(|c| (c.actor.as_str(), c.operation.as_str(), c.subject_id))
        .collect();
    assert_eq!(
        summary,
        [
            ("alice-admin", "subject.create", Some(created.id)),
            ("bob-admin", "address.create", Some(created.id)),
            ("carol-admin", "subject.delete", Some(created.id)),
        ]
    );
    assert_eq!(changes[0].before, None);
    assert_eq!(changes[0].after, Some(subject_json(&created)));
    assert_eq!(changes[1].before, Some(subject_json(&created)));
    assert_eq!(changes[1].after, Some(subject_json(&updated)));
    assert_eq!(changes[1].subject_after(), Some(updated.clone()));
    assert_eq!(changes[2].before, Some(subject_json(&updated)));
    assert_eq!(changes[2].after, None);
    assert_eq!(changes[2].subject_after(), None);
    assert!(changes[0].at <= changes[2].at);
}

async fn change_log_pages_both_ways(store: Arc<dyn Store>) {
    let store = &*store;
    let mut subjects = Vec::new();
    for handle in ["a", "b", "c", "d", "e"] {
        subjects.push(create(store, with_addresses(handle, &[])).await);
    }
    let a = subjects[0].clone();
    let a = update(store, 1, readdressed(&a, &["sip:a@example.com"])).await;
    update(store, 2, readdressed(&a, &["sip:a2@example.com"])).await;
    let all = all_changes(store).await;
    assert_eq!(all.len(), 7);
    let serials: Vec<i64> = all.iter().map(|c| c.serial).collect();

    let page = |cursor, descending, subject, limit| ChangeQuery {
        subject,
        actor: None,
        cursor,
        limit,
        descending,
    };
    let read = |q: ChangeQuery| async move {
        store
            .changes(&q)
            .await
            .unwrap()
            .iter()
            .map(|c| c.serial)
            .collect::<Vec<_>>()
    };
    // Oldest first, three at a time.
    assert_eq!(read(page(None, false, None, 3)).await, serials[..3]);
    assert_eq!(
        read(page(Some(serials[2]), false, None, 3)).await,
        serials[3..6]
    );
    assert_eq!(
        read(page(Some(serials[5]), false, None, 3)).await,
        serials[6..]
    );
    assert!(
        read(page(Some(serials[6]), false, None, 3))
            .await
            .is_empty()
    );
    // Newest first.
    let newest: Vec<i64> = serials.iter().rev().copied().collect();
    assert_eq!(read(page(None, true, None, 4)).await, newest[..4]);
    assert_eq!(
        read(page(Some(newest[3]), true, None, 4)).await,
        newest[4..]
    );
    assert!(read(page(Some(serials[0]), true, None, 4)).await.is_empty());
    // One subject's history.
    let of_a: Vec<i64> = all
        .iter()
        .filter(|c| c.subject_id == Some(a.id))
        .map(|c| c.serial)
        .collect();
    assert_eq!(of_a.len(), 3);
    assert_eq!(read(page(None, false, Some(a.id), 10)).await, of_a);
    assert_eq!(
        read(page(Some(of_a[0]), false, Some(a.id), 1)).await,
        of_a[1..2]
    );
    assert_eq!(
        read(page(None, true, Some(a.id), 10)).await,
        of_a.iter().rev().copied().collect::<Vec<_>>()
    );
    assert_eq!(
        read(page(Some(of_a[2]), true, Some(a.id), 10)).await,
        of_a[..2].iter().rev().copied().collect::<Vec<_>>()
    );
    assert!(
        read(page(None, false, Some(Uuid::now_v7()), 10))
            .await
            .is_empty()
    );
    // By who made the changes, alone and with a subject, newest first.
    store
        .write(
            "someone-else",
            "subject.create",
            Write::Create(with_addresses("f", &[])),
        )
        .await
        .unwrap();
    let by = |actor: &str, subject| ChangeQuery {
        actor: Some(actor.to_owned()),
        ..page(None, true, subject, 10)
    };
    assert_eq!(read(by("tester", None)).await, newest);
    assert_eq!(read(by("someone-else", None)).await.len(), 1);
    assert_ne!(read(by("someone-else", None)).await, newest[..1]);
    assert_eq!(
        read(by("tester", Some(a.id))).await,
        of_a.iter().rev().copied().collect::<Vec<_>>()
    );
    assert!(read(by("someone-else", Some(a.id))).await.is_empty());
    assert!(read(by("nobody", None)).await.is_empty());
}

async fn search_by_address_acct_and_handle_prefix(store: Arc<dyn Store>) {
    let store = &*store;
    let mut subjects = Vec::new();
    for (handle, uri) in [
        ("a_b", "sip:a_b@example.com"),
        ("axb", "tel:+12125550101"),
        ("a_c", "xmpp:a_c@example.com"),
        ("ab", "mailto:ab@example.com"),
        ("b_a", "sip:b_a@example.com"),
    ] {
        subjects.push(create(store, with_addresses(handle, &[uri])).await);
    }
    subjects.sort_by_key(|s| s.id);
    let handles = |found: &[Subject]| -> Vec<String> {
        found.iter().map(|s| s.handle.as_str().to_owned()).collect()
    };
    let in_id_order = |wanted: &[&str]| -> Vec<String> {
        subjects
            .iter()
            .filter(|s| wanted.contains(&s.handle.as_str()))
            .map(|s| s.handle.as_str().to_owned())
            .collect()
    };

    // Exact address and acct matches, with the full subject.
    let found = by_address(store, "tel:+12125550101").await;
    assert_eq!(handles(&found), ["axb"]);
    assert_eq!(uris(&found[0]), ["tel:+12125550101"]);
    assert_eq!(
        handles(&by_address(store, "acct:b_a@example.com").await),
        ["b_a"]
    );
    assert!(by_address(store, "sip:nobody@example.com").await.is_empty());
    assert!(by_address(store, "sip:a_b@example.co").await.is_empty());

    // `_` is a literal, not a wildcard.
    let prefix = |p: &str| Some(SearchKey::HandlePrefix(p.into()));
    assert_eq!(
        handles(&search(store, prefix("a_"), None, 10).await),
        in_id_order(&["a_b", "a_c"])
    );
    assert_eq!(
        handles(&search(store, prefix("a_c"), None, 10).await),
        ["a_c"]
    );
    assert!(search(store, prefix("a_cc"), None, 10).await.is_empty());
    assert!(search(store, prefix("%"), None, 10).await.is_empty());

    // Paging with `after`: no subject twice, none missed, id order.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = search(store, prefix("a"), after, 2).await;
        assert!(page.len() <= 2);
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        seen.extend(page);
    }
    assert_eq!(handles(&seen), in_id_order(&["a_b", "axb", "a_c", "ab"]));
    // No key: everything, in id order, with addresses.
    let everything = search(store, None, None, 100).await;
    assert_eq!(everything, subjects);
    let rest = search(store, None, Some(subjects[1].id), 2).await;
    assert_eq!(rest, subjects[2..4]);
}

async fn subjects_streams_everything(store: Arc<dyn Store>) {
    let store = &*store;
    let mut expected = Vec::new();
    for i in 0..40 {
        let handle = format!("user{i:02}");
        let uris: Vec<String> = (0..i % 4)
            .map(|k| match k {
                0 => format!("sip:{handle}@example.com"),
                1 => format!("tel:+1212555{:04}", 1000 + i),
                _ => format!("xmpp:{handle}@example.com"),
            })
            .collect();
        let uris: Vec<&str> = uris.iter().map(String::as_str).collect();
        expected.push(create(store, with_addresses(&handle, &uris)).await);
    }
    // Some churn: a delete and an update.
    let gone = expected.remove(7);
    store
        .write(
            "tester",
            "subject.delete",
            Write::Delete {
                id: gone.id,
                expected_version: 1,
            },
        )
        .await
        .unwrap();
    expected[3] = update(
        store,
        1,
        readdressed(&expected[3], &["mailto:u@example.com", "sip:u@example.com"]),
    )
    .await;
    expected.sort_by_key(|s| s.id);

    let streamed: Vec<Subject> = store.subjects().try_collect().await.unwrap();
    assert_eq!(streamed.len(), 39);
    assert_eq!(streamed, expected);
    assert!(streamed.iter().any(|s| s.addresses.is_empty()));
}

async fn tokens_lifecycle(store: Arc<dyn Store>) {
    let store = &*store;
    assert!(store.tokens().await.unwrap().is_empty());
    let ops = store
        .create_token("bootstrap", "ops", Scope::Admin, &[], None, "hash-ops")
        .await
        .unwrap();
    let reader = store
        .create_token("ops", "reader", Scope::Lookup, &[], None, "hash-reader")
        .await
        .unwrap();
    assert_eq!((ops.name.as_str(), ops.scope), ("ops", Scope::Admin));
    assert_eq!(reader.scope, Scope::Lookup);
    assert_eq!(ops.last_used_at, None);
    assert_eq!(ops.revoked_at, None);
    assert_eq!(store.tokens().await.unwrap(), [ops.clone(), reader.clone()]);
    assert_eq!(
        store.token_by_hash("hash-ops").await.unwrap(),
        Some(ops.clone())
    );
    assert_eq!(store.token_by_hash("hash-nobody").await.unwrap(), None);

    store.touch_token(reader.id, at(30)).await.unwrap();
    let touched = store.token_by_hash("hash-reader").await.unwrap().unwrap();
    assert_eq!(touched.last_used_at, Some(at(30)));

    let revoked = store.revoke_token("ops", reader.id).await.unwrap();
    assert!(revoked.revoked_at.is_some());
    assert_eq!(revoked.last_used_at, Some(at(30)));
    assert_eq!(store.token_by_hash("hash-reader").await.unwrap(), None);
    assert_eq!(
        store.tokens().await.unwrap(),
        [ops.clone(), revoked.clone()]
    );
    // Revoking again changes nothing and logs nothing.
    let serial = store.last_serial().await.unwrap();
    assert_eq!(store.revoke_token("ops", reader.id).await.unwrap(), revoked);
    assert_eq!(store.last_serial().await.unwrap(), serial);
    assert!(matches!(
        store.revoke_token("ops", Uuid::now_v7()).await,
        Err(StoreError::NotFound)
    ));

    let changes = all_changes(store).await;
    let summary: Vec<(&str, &str, Option<Uuid>)> = changes
        .iter()
        .map(|c| (c.actor.as_str(), c.operation.as_str(), c.subject_id))
        .collect();
    assert_eq!(
        summary,
        [
            ("bootstrap", "token.create", None),
            ("ops", "token.create", None),
            ("ops", "token.revoke", None),
        ]
    );
    assert_eq!(changes[0].after, Some(token_json(&ops)));
    assert_eq!(changes[2].before, Some(token_json(&touched)));
    assert_eq!(changes[2].after, Some(token_json(&revoked)));
    // The change log never holds a secret's hash.
    assert!(
        !serde_json::to_string(&changes[0].after)
            .unwrap()
            .contains("hash-ops")
    );
}

async fn self_tokens_belong_to_a_stored_subject(store: Arc<dyn Store>) {
    let store = &*store;
    let serial = store.last_serial().await.unwrap();
    let nobody = Uuid::now_v7();
    let refused = store
        .create_token("ops", "ghost", Scope::Own, &[], Some(nobody), "hash-ghost")
        .await;
    assert!(
        matches!(&refused, Err(StoreError::Invalid(e)) if e.field == "subject"),
        "{refused:?}"
    );
    assert!(store.tokens().await.unwrap().is_empty(), "nothing stored");
    assert_eq!(store.last_serial().await.unwrap(), serial);

    let alice = create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let bob = create(store, with_addresses("bob", &["sip:bob@example.com"])).await;
    let phone = store
        .create_token(
            "ops",
            "alice-phone",
            Scope::Own,
            &[],
            Some(alice.id),
            "hash-a",
        )
        .await
        .unwrap();
    let bobs = store
        .create_token("ops", "bob-phone", Scope::Own, &[], Some(bob.id), "hash-b")
        .await
        .unwrap();
    assert_eq!(phone.subject, Some(alice.id));
    assert_eq!(store.token_by_hash("hash-a").await.unwrap(), Some(phone));

    // Deleting a subject revokes its tokens, and only its.
    store
        .write(
            "ops",
            "subject.delete",
            Write::Delete {
                id: alice.id,
                expected_version: alice.version,
            },
        )
        .await
        .unwrap();
    assert_eq!(store.token_by_hash("hash-a").await.unwrap(), None);
    assert_eq!(store.token_by_hash("hash-b").await.unwrap(), Some(bobs));
}

async fn import_creates_and_updates(store: Arc<dyn Store>) {
    let store = &*store;
    let alice = create(
        store,
        with_addresses("alice", &["sip:alice@example.com", "tel:+12125550100"]),
    )
    .await;
    let serial = store.last_serial().await.unwrap();

    // Alice keeps one of her own addresses: that is no conflict.
    let chunks = vec![
        vec![
            (
                1,
                with_addresses(
                    "alice",
                    &["sip:alice@example.com", "xmpp:alice@example.com"],
                ),
            ),
            (2, with_addresses("bob", &["sip:bob@example.com"])),
        ],
        vec![(4, with_addresses("carol", &["tel:+12125550100"]))],
    ];
    let outcome = import(store, false, chunks, true).await.unwrap();
    assert_eq!(
        outcome,
        ImportOutcome {
            created: 2,
            updated: 1,
            skipped: vec![],
            ..ImportOutcome::default()
        }
    );

    let found = by_address(store, "acct:alice@example.com").await;
    let new_alice = found[0].clone();
    assert_eq!(new_alice.id, alice.id);
    assert_eq!(new_alice.version, 2);
    assert_eq!(new_alice.created_at, alice.created_at);
    assert!(new_alice.updated_at >= alice.updated_at);
    assert_eq!(
        uris(&new_alice),
        ["sip:alice@example.com", "xmpp:alice@example.com"]
    );
    // Alice's dropped number went to carol in the same import.
    let carol = by_address(store, "tel:+12125550100").await;
    assert_eq!(carol[0].acct(), "acct:carol@example.com");
    assert_eq!(carol[0].version, 1);
    let bob = by_address(store, "sip:bob@example.com").await;
    assert_eq!(bob[0].acct(), "acct:bob@example.com");

    let changes = store
        .changes(&ChangeQuery {
            cursor: Some(serial),
            limit: 10,
            ..ChangeQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(changes.len(), 3);
    assert!(
        changes
            .iter()
            .all(|c| c.actor == "importer" && c.operation == "import")
    );
    let of = |id: Uuid| changes.iter().find(|c| c.subject_id == Some(id)).unwrap();
    assert_eq!(of(alice.id).before, Some(subject_json(&alice)));
    assert_eq!(of(alice.id).subject_after(), Some(new_alice.clone()));
    assert_eq!(of(bob[0].id).before, None);
    assert_eq!(of(bob[0].id).subject_after(), Some(bob[0].clone()));
    assert_eq!(of(carol[0].id).subject_after(), Some(carol[0].clone()));
    assert_eq!(store.subject(alice.id).await.unwrap(), new_alice);

    // Importing the same again updates everything once more.
    let chunks = vec![vec![(1, with_addresses("bob", &["sip:bob@example.com"]))]];
    let outcome = import(store, false, chunks, true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (0, 1));
    assert_eq!(store.subject(bob[0].id).await.unwrap().version, 2);
}

async fn import_without_commit_rolls_back(store: Arc<dyn Store>) {
    let store = &*store;
    let alice = create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let serial = store.last_serial().await.unwrap();
    let chunks = vec![
        vec![(1, with_addresses("alice", &["sip:new@example.com"]))],
        vec![(2, with_addresses("bob", &["sip:bob@example.com"]))],
    ];
    let aborted = import(store, false, chunks, false).await;
    assert!(aborted.is_err(), "{aborted:?}");
    assert_eq!(store.subject(alice.id).await.unwrap(), alice);
    assert!(by_address(store, "acct:bob@example.com").await.is_empty());
    assert!(by_address(store, "sip:new@example.com").await.is_empty());
    assert_eq!(store.last_serial().await.unwrap(), serial);
}

async fn import_refuses_addresses_of_other_subjects(store: Arc<dyn Store>) {
    let store = &*store;
    create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let serial = store.last_serial().await.unwrap();

    let chunks = vec![
        vec![(1, with_addresses("bob", &["sip:bob@example.com"]))],
        vec![
            (2, with_addresses("carol", &["sip:carol@example.com"])),
            (
                3,
                with_addresses("dave", &["sip:dave@example.com", "sip:alice@example.com"]),
            ),
        ],
    ];
    match import(store, false, chunks, true).await {
        Err(StoreError::ImportLine { line, reason }) => {
            assert_eq!(line, 3);
            assert!(reason.contains("sip:alice@example.com"), "{reason}");
            assert!(reason.contains("acct:alice@example.com"), "{reason}");
        }
        other => panic!("expected line 3 to fail, got {other:?}"),
    }
    // Nothing of the import was kept, not even the earlier chunk.
    for acct in ["bob", "carol", "dave"] {
        let acct = format!("acct:{acct}@example.com");
        assert!(by_address(store, &acct).await.is_empty(), "{acct}");
    }
    assert_eq!(store.last_serial().await.unwrap(), serial);

    // Two lines of one import claiming one address: the second fails.
    let chunks = vec![vec![
        (1, with_addresses("erin", &["sip:shared@example.com"])),
        (2, with_addresses("frank", &["sip:shared@example.com"])),
    ]];
    match import(store, false, chunks, true).await {
        Err(StoreError::ImportLine { line, reason }) => {
            assert_eq!(line, 2);
            assert!(reason.contains("sip:shared@example.com"), "{reason}");
        }
        other => panic!("expected line 2 to fail, got {other:?}"),
    }
    assert!(by_address(store, "sip:shared@example.com").await.is_empty());
    assert_eq!(store.last_serial().await.unwrap(), serial);
}

async fn import_skips_conflicts_when_asked(store: Arc<dyn Store>) {
    let store = &*store;
    create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let chunks = vec![
        vec![
            (1, with_addresses("bob", &["sip:bob@example.com"])),
            (
                2,
                with_addresses("carol", &["sip:carol@example.com", "sip:alice@example.com"]),
            ),
        ],
        vec![
            (3, with_addresses("dave", &["sip:shared@example.com"])),
            (5, with_addresses("erin", &["sip:shared@example.com"])),
        ],
    ];
    let outcome = import(store, true, chunks, true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (2, 0));
    let skipped: Vec<u64> = outcome.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [2, 5]);
    assert!(outcome.skipped[0].reason.contains("acct:alice@example.com"));
    assert!(outcome.skipped[1].reason.contains("sip:shared@example.com"));

    assert_eq!(by_address(store, "acct:bob@example.com").await.len(), 1);
    assert!(by_address(store, "acct:carol@example.com").await.is_empty());
    assert!(by_address(store, "sip:carol@example.com").await.is_empty());
    let shared = by_address(store, "sip:shared@example.com").await;
    assert_eq!(shared[0].acct(), "acct:dave@example.com");
    assert!(by_address(store, "acct:erin@example.com").await.is_empty());
    let alice = by_address(store, "sip:alice@example.com").await;
    assert_eq!(alice[0].acct(), "acct:alice@example.com");
    assert_eq!(alice[0].version, 1);
}

/// Into an empty store the import asks the database only about keys it
/// may have written itself: what it wrote still counts, chunk after chunk.
async fn import_into_an_empty_store_checks_across_chunks(store: Arc<dyn Store>) {
    let store = &*store;
    let chunks = || {
        vec![
            vec![
                (1, with_addresses("bob", &["sip:bob@example.com"])),
                (2, with_addresses("erin", &["sip:erin@example.com"])),
            ],
            vec![
                (
                    3,
                    with_addresses("dave", &["sip:dave@example.com", "sip:bob@example.com"]),
                ),
                (4, with_addresses("erin", &["sip:erin2@example.com"])),
            ],
            vec![(5, with_addresses("frank", &["sip:erin@example.com"]))],
        ]
    };
    match import(store, false, chunks(), true).await {
        Err(StoreError::ImportLine { line, reason }) => {
            assert_eq!(line, 3);
            assert!(reason.contains("sip:bob@example.com"), "{reason}");
            assert!(reason.contains("acct:bob@example.com"), "{reason}");
        }
        other => panic!("expected line 3 to fail, got {other:?}"),
    }
    assert!(by_address(store, "acct:bob@example.com").await.is_empty());
    assert_eq!(store.last_serial().await.unwrap(), 0);

    // Erin, imported twice, is updated by her second line and lets go of
    // the address Frank takes after her.
    let outcome = import(store, true, chunks(), true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (3, 1));
    let skipped: Vec<u64> = outcome.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [3]);
    assert!(by_address(store, "acct:dave@example.com").await.is_empty());
    let erin = by_address(store, "acct:erin@example.com").await;
    assert_eq!(
        (erin[0].version, uris(&erin[0])),
        (2, vec!["sip:erin2@example.com"])
    );
    let frank = by_address(store, "sip:erin@example.com").await;
    assert_eq!(frank[0].acct(), "acct:frank@example.com");
    assert_eq!(all_changes(store).await.len(), 4);
}

/// Chunks of subjects imported into an empty store, `per` subjects each:
/// `user0000` with `sip:user0000@example.com` and `tel:+1212555` + the
/// number, and so on.
fn numbered_chunks(chunks: u64, per: u64) -> Vec<Vec<(u64, Subject)>> {
    (0..chunks)
        .map(|c| {
            (c * per..(c + 1) * per)
                .map(|i| {
                    let sip = format!("sip:user{i:04}@example.com");
                    let tel = format!("tel:+1212555{i:04}");
                    (i + 1, with_addresses(&format!("user{i:04}"), &[&sip, &tel]))
                })
                .collect()
        })
        .collect()
}

/// An import into an empty store may put off its indexes (PostgreSQL
/// builds them once the rows are in): by the commit, every lookup finds
/// what was imported and every uniqueness rule holds again.
async fn an_import_into_an_empty_store_is_indexed_when_it_commits(store: Arc<dyn Store>) {
    let store = &*store;
    let outcome = import(store, false, numbered_chunks(3, 400), true)
        .await
        .unwrap();
    assert_eq!((outcome.created, outcome.updated), (1200, 0));
    let serial = store.last_serial().await.unwrap();

    let found = by_address(store, "tel:+12125550777").await;
    assert_eq!(found[0].acct(), "acct:user0777@example.com");
    let found = by_address(store, "acct:user1199@example.com").await;
    assert_eq!(
        uris(&found[0]),
        ["tel:+12125551199", "sip:user1199@example.com"]
    );
    let key = Some(SearchKey::HandlePrefix("user004".into()));
    let handles: Vec<String> = search(store, key, None, 20)
        .await
        .iter()
        .map(|s| s.handle.as_str().to_owned())
        .collect();
    let expected: Vec<String> = (40..50).map(|i| format!("user{i:04}")).collect();
    assert_eq!(handles, expected);

    // The imported accts and addresses are taken.
    let refused = store
        .write(
            "tester",
            "subject.create",
            Write::Create(with_addresses("other", &["sip:user0005@example.com"])),
        )
        .await;
    match refused {
        Err(StoreError::Conflict(c)) => assert_eq!(
            c,
            Conflict::Address {
                uri: "sip:user0005@example.com".into(),
                owner: "acct:user0005@example.com".into(),
            }
        ),
        other => panic!("expected an address conflict, got {other:?}"),
    }
    let refused = store
        .write(
            "tester",
            "subject.create",
            Write::Create(with_addresses("user0006", &[])),
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(Conflict::Acct(_)))),
        "{refused:?}"
    );

    // The next import finds the store holding subjects: it updates them.
    let chunks = vec![vec![(
        1,
        with_addresses("user0010", &["sip:user0010@example.org"]),
    )]];
    let outcome = import(store, false, chunks, true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (0, 1));
    assert!(
        by_address(store, "sip:user0010@example.com")
            .await
            .is_empty()
    );
    let found = by_address(store, "sip:user0010@example.org").await;
    assert_eq!(
        (found[0].handle.as_str(), found[0].version),
        ("user0010", 2)
    );
    let changes = store
        .changes(&ChangeQuery {
            cursor: Some(serial),
            limit: 10,
            ..ChangeQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].subject_after(), Some(found[0].clone()));
}

/// More subjects than one chunk of the scan holds.
async fn subjects_stream_in_chunks(store: Arc<dyn Store>) {
    let store = &*store;
    let subjects: Vec<(u64, Subject)> = (0..2345u64)
        .map(|i| {
            let handle = format!("user{i:04}");
            let uris: Vec<String> = (0..i % 3)
                .map(|k| format!("sip:{handle}.{k}@example.com"))
                .collect();
            let uris: Vec<&str> = uris.iter().map(String::as_str).collect();
            (i + 1, with_addresses(&handle, &uris))
        })
        .collect();
    let mut expected: Vec<(Uuid, String, Vec<String>)> = subjects
        .iter()
        .map(|(_, s)| {
            (
                s.id,
                s.acct(),
                uris(s).into_iter().map(String::from).collect(),
            )
        })
        .collect();
    expected.sort();
    let chunks = subjects.chunks(1000).map(<[_]>::to_vec).collect();
    import(store, false, chunks, true).await.unwrap();
    let streamed: Vec<Subject> = store.subjects().try_collect().await.unwrap();
    let streamed: Vec<(Uuid, String, Vec<String>)> = streamed
        .iter()
        .map(|s| {
            (
                s.id,
                s.acct(),
                uris(s).into_iter().map(String::from).collect(),
            )
        })
        .collect();
    assert_eq!(streamed, expected);
}

async fn concurrent_writes_get_increasing_serials(store: Arc<dyn Store>) {
    let writers = (0..24).map(|i| {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            let subject =
                with_addresses(&format!("user{i}"), &[&format!("sip:user{i}@example.com")]);
            create(&*store, subject).await
        })
    });
    let created: Vec<Subject> = futures::future::try_join_all(writers).await.unwrap();
    let changes = all_changes(&*store).await;
    assert_eq!(changes.len(), 24);
    assert!(changes.windows(2).all(|w| w[0].serial < w[1].serial));
    for subject in &created {
        let logged = changes
            .iter()
            .find(|c| c.subject_id == Some(subject.id))
            .expect("a change for every write");
        assert_eq!(logged.subject_after().as_ref(), Some(subject));
    }
    let streamed: Vec<Subject> = store.subjects().try_collect().await.unwrap();
    assert_eq!(streamed.len(), 24);
}

/// PostgreSQL pushes every commit that appends to the change log (one
/// event per statement, carrying the newest serial) and nothing for a
/// transaction that rolls back; SQLite has no feed (followers poll).
async fn the_change_feed_reports_commits_only(store: Arc<dyn Store>) {
    let store = &*store;
    let Some(mut feed) = store.change_feed() else {
        assert_eq!(store.backend(), "sqlite");
        return;
    };
    let wait = std::time::Duration::from_secs(10);
    let mut next = async || {
        tokio::time::timeout(wait, feed.next())
            .await
            .expect("a feed event in time")
            .expect("the feed does not end")
    };
    assert_eq!(next().await, FeedEvent::Connected);

    create(store, with_addresses("alice", &["sip:alice@example.com"])).await;
    let serial = store.last_serial().await.unwrap();
    assert_eq!(next().await, FeedEvent::Changed(serial));

    // Rolled back after appending to the change log: no event, and the
    // serials it drew are a gap the next commit skips.
    let chunks = vec![
        vec![(1, with_addresses("bob", &["sip:bob@example.com"]))],
        vec![(2, with_addresses("carol", &["sip:carol@example.com"]))],
    ];
    assert!(import(store, false, chunks, false).await.is_err());
    store
        .create_token("tester", "reader", Scope::Lookup, &[], None, "hash-reader")
        .await
        .unwrap();
    let token_serial = store.last_serial().await.unwrap();
    assert!(token_serial > serial);
    assert_eq!(next().await, FeedEvent::Changed(token_serial));

    // An import committing two chunks: one event per chunk, at commit.
    let chunks = vec![
        vec![(1, with_addresses("dave", &["sip:dave@example.com"]))],
        vec![(2, with_addresses("erin", &["sip:erin@example.com"]))],
    ];
    import(store, false, chunks, true).await.unwrap();
    let last = store.last_serial().await.unwrap();
    assert_eq!(next().await, FeedEvent::Changed(last - 1));
    assert_eq!(next().await, FeedEvent::Changed(last));
}

/// A subject whose visibility and discoverability name audiences.
fn with_levels(handle: &str, n: u32) -> Subject {
    subject(json!({
        "handle": handle, "display_name": handle,
        "discoverable": "audience:partners",
        "addresses": [
            {"uri": format!("sip:{handle}@example.com"), "visibility": "audience:partners,staff",
             "discoverable": "authenticated"},
            {"uri": format!("tel:+1212555{n:04}"), "discoverable": "audience:staff"},
            {"uri": format!("xmpp:{handle}@example.com"), "discoverable": false},
        ]
    }))
}

async fn audiences_and_levels_are_kept(store: Arc<dyn Store>) {
    let store = &*store;
    for name in ["partners", "staff"] {
        store.create_audience("tester", name).await.unwrap();
    }
    let names: Vec<String> = store
        .audiences()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["partners", "staff"]);

    // Written one by one, and imported (a bulk path of its own).
    let created = create(store, with_levels("alice", 100)).await;
    assert_eq!(store.subject(created.id).await.unwrap(), created);
    let imported = with_levels("bob", 101);
    import(store, false, vec![vec![(1, imported.clone())]], true)
        .await
        .unwrap();
    let streamed: Vec<Subject> = store.subjects().try_collect().await.unwrap();
    assert_eq!(streamed[0], created);
    assert_eq!(streamed[1].addresses, imported.addresses);
    assert_eq!(streamed[1].discoverable, imported.discoverable);
    let sip = streamed[1]
        .addresses
        .iter()
        .find(|a| a.uri.as_str().starts_with("sip:"));
    assert_eq!(sip.unwrap().discoverable.to_string(), "authenticated");

    // An audience the store does not hold (this process knows its name,
    // as it would a deleted one's) is refused by field; nothing is written.
    callsign::model::admit("nosuch").unwrap();
    let serial = store.last_serial().await.unwrap();
    let mut unknown = with_levels("carol", 102);
    unknown.addresses[2].discoverable = "audience:nosuch".parse().unwrap();
    match store
        .write("tester", "subject.create", Write::Create(unknown))
        .await
    {
        Err(StoreError::Invalid(e)) => assert!(e.field.ends_with("].discoverable"), "{e}"),
        other => panic!("expected an invalid field, got {other:?}"),
    }
    assert_eq!(store.last_serial().await.unwrap(), serial);

    // In use by addresses and discoverability: not deleted.
    let used = store.delete_audience("tester", "staff").await;
    assert!(
        matches!(
            &used,
            Err(StoreError::Conflict(Conflict::AudienceUsed { .. }))
        ),
        "{used:?}"
    );
    let token = store
        .create_token(
            "tester",
            "acme",
            Scope::Lookup,
            &["staff".into()],
            None,
            "hash-acme",
        )
        .await
        .unwrap();
    assert_eq!(token.audiences, ["staff"]);
    assert_eq!(store.tokens().await.unwrap()[0].audiences, ["staff"]);
}

async fn replica_heartbeats_are_kept_by_name(store: Arc<dyn Store>) {
    let store = &*store;
    assert!(store.replicas().await.unwrap().is_empty());
    let beat = |name: &str, serial: i64, seen_at: DateTime<Utc>| ReplicaStatus {
        name: name.to_owned(),
        serial,
        ready: serial > 0,
        version: "1.2.3".to_owned(),
        standby_lag_serials: (name == "b").then_some(4),
        heartbeat_ms: 10_000,
        started_at: at(1),
        seen_at,
    };
    // Whole seconds: PostgreSQL keeps microseconds.
    let now = DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap();
    store.record_replica(&beat("b", 0, now)).await.unwrap();
    store.record_replica(&beat("a", 7, now)).await.unwrap();
    // A second heartbeat replaces the first.
    let later = now + chrono::TimeDelta::seconds(10);
    store.record_replica(&beat("b", 9, later)).await.unwrap();
    let stored = store.replicas().await.unwrap();
    assert_eq!(stored, [beat("a", 7, now), beat("b", 9, later)]);
    assert!(!stored[0].is_silent(now + chrono::TimeDelta::seconds(30)));
    assert!(stored[0].is_silent(now + chrono::TimeDelta::seconds(31)));

    // A heartbeat a day after another's last one forgets it.
    let next_day = now + REPLICA_FORGOTTEN_AFTER + chrono::TimeDelta::seconds(1);
    store
        .record_replica(&beat("b", 10, next_day))
        .await
        .unwrap();
    assert_eq!(store.replicas().await.unwrap(), [beat("b", 10, next_day)]);

    store.forget_replica("b").await.unwrap();
    store.forget_replica("nobody").await.unwrap();
    assert!(store.replicas().await.unwrap().is_empty());
    // Heartbeats are not changes.
    assert!(all_changes(store).await.is_empty());
}

/// The indexes an import into an empty PostgreSQL store drops while it
/// copies rows are the ones it builds again, by the first lookup that
/// needs them (a line repeating an acct) or by the commit.
#[tokio::test]
async fn postgres_imports_build_the_indexes_they_put_off() {
    let (store, Database::Postgres(db)) = postgres_store().await else {
        unreachable!()
    };
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    let indexes = || async {
        sqlx::query_as::<_, (String, String)>(
            "SELECT indexname, indexdef FROM pg_indexes \
             WHERE tablename IN ('subject', 'address') ORDER BY indexname",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    let before = indexes().await;
    assert!(
        before.iter().any(|(name, _)| name == "address_uri_key"),
        "{before:?}"
    );

    // Repeated in a later chunk, user0001 is looked up mid-import.
    let mut chunks = numbered_chunks(2, 50);
    chunks.push(vec![(
        101,
        with_addresses("user0001", &["sip:user0001@example.org"]),
    )]);
    chunks.push(numbered_chunks(3, 50).pop().unwrap());
    let outcome = import(&*store, false, chunks, true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (150, 1));
    assert_eq!(indexes().await, before);
    // Still a constraint: a unique violation names it.
    let constraints: Vec<String> = sqlx::query_scalar(
        "SELECT conname::text FROM pg_constraint \
         WHERE conrelid = 'address'::regclass AND contype = 'u'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(constraints, ["address_uri_key"]);

    // Into a store that is no longer empty nothing is put off.
    let chunks = numbered_chunks(1, 10);
    let outcome = import(&*store, false, chunks, true).await.unwrap();
    assert_eq!((outcome.created, outcome.updated), (0, 10));
    assert_eq!(indexes().await, before);
    pool.close().await;
}
