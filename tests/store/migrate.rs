//! Databases written when a subject's acct and an address's kind were
//! stored columns: made with the migrations of that time and holding rows
//! as that code wrote them, they open with this code (which derives both)
//! and every subject answers as before, on SQLite and on PostgreSQL.

use std::time::Duration;

use callsign::app::{App, Listeners};
use callsign::store;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::support;
use support::app::{ADMIN, test_config};

/// The migrations that made the old schema, per backend.
const SQLITE_OLD: i64 = 1;
const POSTGRES_OLD: i64 = 2;

/// Subjects as the old code's admin API answered them, member for member,
/// which is also the JSON its change log kept.
const OLD_SUBJECTS: [&str; 3] = [
    concat!(
        r#"{"id":"01900000-0000-7000-8000-00000000a001","acct":"acct:alice@example.com","#,
        r#""handle":"alice","domain":"example.com","display_name":"Alice O'Neil","#,
        r#""discoverable":true,"version":3,"created_at":"2024-05-06T07:08:09.123456Z","#,
        r#""updated_at":"2024-05-07T07:08:09Z","addresses":["#,
        r#"{"id":"01900000-0000-7000-8000-00000000a002","uri":"tel:+12125550100","kind":"tel","#,
        r#""visibility":"public","discoverable":true,"priority":10,"label":"mobile"},"#,
        r#"{"id":"01900000-0000-7000-8000-00000000a003","uri":"sip:alice@example.com","#,
        r#""kind":"sip","visibility":"public","discoverable":true,"priority":100},"#,
        r#"{"id":"01900000-0000-7000-8000-00000000a004","uri":"xmpp:alice@example.com/phone","#,
        r#""kind":"xmpp","visibility":"authenticated","discoverable":true,"priority":100},"#,
        r#"{"id":"01900000-0000-7000-8000-00000000a005","uri":"https://example.com/~alice","#,
        r#""kind":"https","visibility":"public","discoverable":false,"priority":100}]}"#,
    ),
    concat!(
        r#"{"id":"01900000-0000-7000-8000-00000000b001","#,
        r#""acct":"acct:bob@xn--bcher-kva.example","handle":"bob","#,
        r#""domain":"xn--bcher-kva.example","display_name":"","discoverable":false,"#,
        r#""version":1,"created_at":"2024-05-06T07:08:10Z","updated_at":"2024-05-06T07:08:10Z","#,
        r#""addresses":[{"id":"01900000-0000-7000-8000-00000000b002","#,
        r#""uri":"sips:bob@xn--bcher-kva.example:5061","kind":"sips","visibility":"public","#,
        r#""discoverable":true,"priority":5},{"id":"01900000-0000-7000-8000-00000000b003","#,
        r#""uri":"mailto:bob@xn--bcher-kva.example","kind":"mailto","visibility":"public","#,
        r#""discoverable":true,"priority":100}]}"#,
    ),
    concat!(
        r#"{"id":"01900000-0000-7000-8000-00000000c001","acct":"acct:carol@example.com","#,
        r#""handle":"carol","domain":"example.com","display_name":"Carol","discoverable":true,"#,
        r#""version":1,"created_at":"2024-05-06T07:08:11Z","updated_at":"2024-05-06T07:08:11Z","#,
        r#""addresses":[{"id":"01900000-0000-7000-8000-00000000c002","#,
        r#""uri":"h323:carol@gw.example.com","kind":"h323","visibility":"private","#,
        r#""discoverable":true,"priority":100}]}"#,
    ),
];

/// One old subject's JSON and its members.
struct Old {
    text: String,
    json: Value,
}

fn old_subjects() -> Vec<Old> {
    OLD_SUBJECTS
        .iter()
        .map(|text| Old {
            text: text.to_string(),
            json: serde_json::from_str(text).unwrap(),
        })
        .collect()
}

/// A WebFinger answer: the subject's acct and its aliases, or nothing.
type Found = Option<(&'static str, Vec<&'static str>)>;

/// What an anonymous WebFinger query answers for each key of the old
/// subjects.
fn webfinger_answers() -> Vec<(&'static str, Found)> {
    let alice = || {
        Some((
            "acct:alice@example.com",
            vec![
                "tel:+12125550100",
                "sip:alice@example.com",
                "https://example.com/~alice",
            ],
        ))
    };
    let bob = || {
        Some((
            "acct:bob@xn--bcher-kva.example",
            vec![
                "sips:bob@xn--bcher-kva.example:5061",
                "mailto:bob@xn--bcher-kva.example",
            ],
        ))
    };
    vec![
        ("acct:alice@example.com", alice()),
        ("tel:+12125550100", alice()),
        ("sip:alice@example.com", alice()),
        // Hidden from anonymous viewers, not discoverable: neither finds her.
        ("xmpp:alice@example.com/phone", None),
        ("https://example.com/~alice", None),
        // Bob is found by his addresses but not by his acct.
        ("acct:bob@xn--bcher-kva.example", None),
        ("sips:bob@xn--bcher-kva.example:5061", bob()),
        ("mailto:bob@xn--bcher-kva.example", bob()),
        // Carol shows anonymous viewers nothing.
        ("acct:carol@example.com", None),
        ("h323:carol@gw.example.com", None),
    ]
}

/// The old code's rows for `subjects`, as SQL both backends run: the
/// subject and address rows with their acct and kind columns, and each
/// subject's creation in the change log. `id` spells a UUID literal.
fn old_rows(subjects: &[Old], id: impl Fn(&Value) -> String) -> String {
    let text = |v: &Value| match v {
        Value::String(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Null => "NULL".into(),
        other => other.to_string().to_uppercase(),
    };
    // Timestamps as sqlx wrote chrono's: RFC 3339 with a numeric offset.
    let time = |v: &Value| text(&json!(v.as_str().unwrap().replace('Z', "+00:00")));
    let mut sql = String::new();
    for Old {
        text: json,
        json: s,
    } in subjects
    {
        sql += &format!(
            "INSERT INTO subject (id, acct, handle, domain, display_name, discoverable, version, \
             created_at, updated_at) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {});\n",
            id(&s["id"]),
            text(&s["acct"]),
            text(&s["handle"]),
            text(&s["domain"]),
            text(&s["display_name"]),
            text(&s["discoverable"]),
            s["version"],
            time(&s["created_at"]),
            time(&s["updated_at"]),
        );
        for a in s["addresses"].as_array().unwrap() {
            sql += &format!(
                "INSERT INTO address (id, subject_id, uri, kind, visibility, discoverable, \
                 priority, label) VALUES ({}, {}, {}, {}, {}, {}, {}, {});\n",
                id(&a["id"]),
                id(&s["id"]),
                text(&a["uri"]),
                text(&a["kind"]),
                text(&a["visibility"]),
                text(&a["discoverable"]),
                a["priority"],
                text(&a["label"]),
            );
        }
        sql += &format!(
            "INSERT INTO change_log (at, actor, operation, subject_id, before, after) \
             VALUES ({}, 'admin', 'subject.create', {}, NULL, {});\n",
            time(&s["created_at"]),
            id(&s["id"]),
            text(&json!(json)),
        );
    }
    sql
}

/// A SQLite database with the old schema and `subjects` in it; its URL.
async fn old_sqlite(dir: &tempfile::TempDir, subjects: &[Old]) -> String {
    let url = support::sqlite_url(dir);
    let options: sqlx::sqlite::SqliteConnectOptions = url.parse().unwrap();
    let pool = sqlx::SqlitePool::connect_with(options.create_if_missing(true).foreign_keys(true))
        .await
        .unwrap();
    sqlx::migrate!("./migrations/sqlite")
        .run_to(SQLITE_OLD, &pool)
        .await
        .unwrap();
    let blob = |id: &Value| format!("X'{}'", id.as_str().unwrap().replace('-', ""));
    sqlx::raw_sql(sqlx::AssertSqlSafe(old_rows(subjects, blob)))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    url
}

/// A PostgreSQL database with the old schema and `subjects` in it.
async fn old_postgres(subjects: &[Old]) -> support::pg::TestDb {
    let db = support::pg::fresh_database().await;
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    sqlx::migrate!("./migrations/postgres")
        .run_to(POSTGRES_OLD, &pool)
        .await
        .unwrap();
    let uuid = |id: &Value| format!("'{}'", id.as_str().unwrap());
    sqlx::raw_sql(sqlx::AssertSqlSafe(old_rows(subjects, uuid)))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    db
}

/// This code serving the database at `url`, started through its entry point.
struct Server {
    base: String,
    client: Client,
    shutdown: CancellationToken,
    task: JoinHandle<anyhow::Result<()>>,
}

impl Server {
    async fn start(url: &str) -> Server {
        let config = test_config(url);
        let shutdown = CancellationToken::new();
        let listeners = Listeners::bind(&config).await.unwrap();
        let base = format!("http://{}", listeners.http_addr());
        let app = App::build(config, &shutdown)
            .await
            .expect("the old database opens");
        let task = tokio::spawn(app.run(listeners, shutdown.clone()));
        let server = Server {
            base,
            client: Client::builder().no_proxy().build().unwrap(),
            shutdown,
            task,
        };
        for _ in 0..500 {
            if server.get("/readyz").await.0 == StatusCode::OK {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("callsign did not become ready");
    }

    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, String) {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(ADMIN);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }

    async fn get(&self, path: &str) -> (StatusCode, String) {
        self.send(Method::GET, path, None).await
    }

    async fn webfinger(&self, resource: &str) -> (StatusCode, Value) {
        let response = self
            .client
            .get(format!("{}/.well-known/webfinger", self.base))
            .query(&[("resource", resource)])
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn stop(self) {
        self.shutdown.cancel();
        self.task.await.unwrap().unwrap();
    }
}

/// Every subject of the migrated database answers as the old code did:
/// the admin API with the same bytes, WebFinger by the same keys, admin
/// search by acct and by address; and an acct stays one subject's.
async fn answers_as_before(url: &str) {
    let server = Server::start(url).await;
    for Old { text, json: old } in old_subjects() {
        let id = old["id"].as_str().unwrap();
        let (status, body) = server.get(&format!("/api/v1/subjects/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body, text, "the admin API answers {id} as before");
        for key in std::iter::once(&old["acct"]).chain(
            old["addresses"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| &a["uri"]),
        ) {
            let key = key.as_str().unwrap();
            let query: String = url::form_urlencoded::byte_serialize(key.as_bytes()).collect();
            let (status, page) = server.get(&format!("/api/v1/subjects?q={query}")).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            let page: Value = serde_json::from_str(&page).unwrap();
            assert_eq!(page["items"], json!([old]), "admin search for {key}");
        }
    }
    for (key, expected) in webfinger_answers() {
        let (status, jrd) = server.webfinger(key).await;
        match expected {
            Some((subject, aliases)) => {
                assert_eq!(status, StatusCode::OK, "{key}: {jrd}");
                assert_eq!(jrd["subject"], subject, "{key}");
                assert_eq!(jrd["aliases"], json!(aliases), "{key}");
            }
            None => assert_eq!(status, StatusCode::NOT_FOUND, "{key}: {jrd}"),
        }
    }
    // Any spelling of a taken handle at a taken domain is refused.
    let twin = json!({"handle": "Alice", "domain": "EXAMPLE.com"});
    let (status, body) = server
        .send(Method::POST, "/api/v1/subjects", Some(twin))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("acct:alice@example.com"), "{body}");
    // New subjects go into the new schema beside the old ones.
    let dave = json!({"handle": "dave", "domain": "example.com",
                      "addresses": [{"uri": "tel:+12125550199"}]});
    let (status, body) = server
        .send(Method::POST, "/api/v1/subjects", Some(dave))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, jrd) = server.webfinger("tel:+12125550199").await;
    assert_eq!(
        (status, &jrd["subject"]),
        (StatusCode::OK, &json!("acct:dave@example.com"))
    );
    server.stop().await;
}

#[tokio::test]
async fn an_old_sqlite_database_answers_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let url = old_sqlite(&dir, &old_subjects()).await;
    answers_as_before(&url).await;
}

#[tokio::test]
async fn an_old_postgres_database_answers_as_before() {
    let db = old_postgres(&old_subjects()).await;
    answers_as_before(&db.url).await;
}

/// An old database whose stored acct is not `acct:handle@domain` (changed
/// by hand: no write path ever stored one) would answer to another acct
/// once it is derived: the migration refuses, saying why, and leaves the
/// database as it was.
fn underived() -> Vec<Old> {
    let carol = old_subjects().swap_remove(2);
    let text = carol
        .text
        .replace("acct:carol@example.com", "acct:someone@else.example");
    vec![Old {
        json: serde_json::from_str(&text).unwrap(),
        text,
    }]
}

async fn refused(url: &str, why: &str) {
    let store = store::open(url).await.unwrap();
    let error = store.migrate().await.expect_err("the migration refuses");
    assert!(error.to_string().contains(why), "{error}");
}

#[tokio::test]
async fn sqlite_refuses_an_acct_that_is_not_derived() {
    let dir = tempfile::tempdir().unwrap();
    let url = old_sqlite(&dir, &underived()).await;
    refused(&url, "CHECK constraint failed: acct is acct:handle@domain").await;
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let acct: String = sqlx::query_scalar("SELECT acct FROM subject")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(acct, "acct:someone@else.example");
}

#[tokio::test]
async fn postgres_refuses_an_acct_that_is_not_derived() {
    let db = old_postgres(&underived()).await;
    refused(
        &db.url,
        "acct acct:someone@else.example is not acct:carol@example.com",
    )
    .await;
    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    let acct: String = sqlx::query_scalar("SELECT acct FROM subject")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(acct, "acct:someone@else.example");
}
