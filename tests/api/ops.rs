//! Operations endpoints and the committed OpenAPI description.

use crate::support::app::{Go, TestApp};
use reqwest::Method;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::spawn().await;
    let r = app.request(Method::GET, "/healthz").go().await;
    assert_eq!(r.status(), 200);
    let r = app.request(Method::GET, "/readyz").go().await;
    assert_eq!(r.status(), 200);
    app.request(Method::GET, "/api/v1/subjects").go().await;
    let text = app.metrics().await;
    assert!(text.contains("callsign_http_requests_total"), "{text}");
    assert!(text.contains("route=\"/api/v1/subjects\""), "{text}");
    assert!(text.contains("callsign_http_request_duration_seconds"));
    assert!(text.contains("callsign_directory_subjects"));
}

#[tokio::test]
async fn the_committed_openapi_matches_the_code() {
    let generated = serde_json::to_string_pretty(&callsign::http::openapi()).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).expect("openapi/openapi.json is committed");
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `UPDATE_OPENAPI=1 cargo test --test api ops::` and commit it"
    );
    let spec: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));

    let app = TestApp::spawn().await;
    let served: serde_json::Value = app
        .request(Method::GET, "/api/openapi.json")
        .go()
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(served, spec);
    for path in [
        "/api/v1/subjects",
        "/api/v1/subjects/{id}/addresses/{address_id}",
        "/api/v1/import",
        "/.well-known/webfinger",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} documented");
    }
    let docs = app.request(Method::GET, "/api/docs/").go().await;
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger-ui"));
}
