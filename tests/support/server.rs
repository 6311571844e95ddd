//! One running callsign seen from outside, the way its users reach it:
//! HTTP requests to its base URL and DNS queries to its DNS address. The
//! in-process `TestApp` and a separate `callsign serve` process (see
//! `replicas.rs`) both dereference to a `Server`, so every test speaks to
//! either through the same typed helpers.
//!
//! Helpers that expect success assert the status and return the body;
//! their `try_` twins return the response so a test can assert on errors.
//! The DNS helpers live in `dns.rs`, beside the message tools they use.

#![allow(dead_code)]

use std::net::SocketAddr;

use reqwest::{Method, RequestBuilder, Response};
use serde_json::{Value, json};

use super::app::{ADMIN, Go};

pub struct Server {
    pub base: String,
    pub http: SocketAddr,
    pub dns: SocketAddr,
    pub client: reqwest::Client,
}

impl Server {
    pub fn new(http: SocketAddr, dns: SocketAddr, client: reqwest::Client) -> Server {
        Server {
            base: format!("http://{http}"),
            http,
            dns,
            client,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// A request with the admin token.
    pub fn as_admin(&self, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path).bearer_auth(ADMIN)
    }

    /// The admin API, typed.
    pub fn admin(&self) -> Admin<'_> {
        Admin { server: self }
    }

    /// `GET /.well-known/webfinger?{query}`, for the test to add headers to.
    pub fn finger(&self, query: &str) -> RequestBuilder {
        self.request(Method::GET, &format!("/.well-known/webfinger?{query}"))
    }

    /// The JRD for `resource`, asked anonymously; `None` on 404.
    pub async fn webfinger(&self, resource: &str) -> Option<Value> {
        let r = self.finger(&format!("resource={resource}")).go().await;
        if r.status() == 404 {
            return None;
        }
        Some(jrd(r).await)
    }

    /// The lookup API's answer to `GET /api/v1/lookup?{query}`, with
    /// `token` when given.
    pub async fn lookup(&self, query: &str, token: Option<&str>) -> Value {
        ok(self.try_lookup(query, token).await, 200).await
    }

    pub async fn try_lookup(&self, query: &str, token: Option<&str>) -> Response {
        let mut request = self.request(Method::GET, &format!("/api/v1/lookup?{query}"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.go().await
    }

    /// `POST /api/v1/lookup` of a batch `body`, with `token` when given.
    pub async fn try_lookup_batch(&self, body: Value, token: Option<&str>) -> Response {
        let mut request = self.request(Method::POST, "/api/v1/lookup").json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.go().await
    }

    /// `/healthz`: always 200; the body says how the database is.
    pub async fn health(&self) -> Value {
        ok(self.request(Method::GET, "/healthz").go().await, 200).await
    }

    /// The Prometheus text of `/metrics`.
    pub async fn metrics(&self) -> String {
        let r = self.request(Method::GET, "/metrics").go().await;
        assert_eq!(r.status(), 200);
        r.text().await.unwrap()
    }
}

/// A WebFinger answer: 200, `application/jrd+json`, open to every origin.
pub async fn jrd(response: Response) -> Value {
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/jrd+json");
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    response.json().await.unwrap()
}

/// The JSON body of a response that must have `status`; the body is in
/// the failure message when it has not.
pub async fn ok(response: Response, status: u16) -> Value {
    let actual = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(actual, status, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Status, headers (but the date) and body: everything a caller can
/// compare between two answers.
pub async fn observable(response: Response) -> (u16, Vec<(String, String)>, bytes::Bytes) {
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(k, _)| *k != "date")
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    let status = response.status().as_u16();
    (status, headers, response.bytes().await.unwrap())
}

/// The `uri` of every member of `value["addresses"]`, in order.
pub fn uris(value: &Value) -> Vec<&str> {
    value["addresses"]
        .as_array()
        .expect("addresses")
        .iter()
        .map(|a| a["uri"].as_str().unwrap())
        .collect()
}

/// The `id` member of a JSON object.
pub fn id(value: &Value) -> &str {
    value["id"].as_str().expect("an id")
}

/// The admin API with the bootstrap token.
#[derive(Clone, Copy)]
pub struct Admin<'a> {
    server: &'a Server,
}

impl Admin<'_> {
    fn send(self, method: Method, path: &str) -> RequestBuilder {
        self.server.as_admin(method, path)
    }

    /// The JSON of `GET path`, which must answer 200.
    pub async fn get(self, path: &str) -> Value {
        ok(self.send(Method::GET, path).go().await, 200).await
    }

    /// Create a subject; its JSON.
    pub async fn create_subject(self, body: Value) -> Value {
        ok(self.try_create_subject(body).await, 201).await
    }

    pub async fn try_create_subject(self, body: Value) -> Response {
        self.send(Method::POST, "/api/v1/subjects")
            .json(&body)
            .go()
            .await
    }

    /// Merge-patch a subject without a precondition; its new JSON.
    pub async fn patch_subject(self, id: &str, patch: Value) -> Value {
        ok(self.try_patch_subject(id, None, patch).await, 200).await
    }

    /// Merge-patch a subject, with `If-Match: if_match` when given.
    pub async fn try_patch_subject(
        self,
        id: &str,
        if_match: Option<&str>,
        patch: Value,
    ) -> Response {
        let mut request = self.send(Method::PATCH, &subject_path(id)).json(&patch);
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        request.go().await
    }

    /// Delete a subject without a precondition.
    pub async fn delete_subject(self, id: &str) {
        let r = self.try_delete_subject(id, None).await;
        assert_eq!(r.status(), 204, "{}", r.text().await.unwrap());
    }

    pub async fn try_delete_subject(self, id: &str, if_match: Option<&str>) -> Response {
        let mut request = self.send(Method::DELETE, &subject_path(id));
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        request.go().await
    }

    /// Add an address to a subject; the subject's new JSON.
    pub async fn add_address(self, id: &str, address: Value) -> Value {
        ok(self.try_add_address(id, address).await, 201).await
    }

    pub async fn try_add_address(self, id: &str, address: Value) -> Response {
        self.send(Method::POST, &format!("{}/addresses", subject_path(id)))
            .json(&address)
            .go()
            .await
    }

    /// Change one address of a subject; the subject's new JSON.
    pub async fn patch_address(self, id: &str, address_id: &str, patch: Value) -> Value {
        let path = format!("{}/addresses/{address_id}", subject_path(id));
        ok(self.send(Method::PATCH, &path).json(&patch).go().await, 200).await
    }

    /// Create a token; its JSON, with the secret shown this once.
    pub async fn create_token(self, name: &str, scope: &str) -> Value {
        let body = json!({"name": name, "scope": scope});
        let r = self.send(Method::POST, "/api/v1/tokens").json(&body).go();
        ok(r.await, 201).await
    }

    /// The secret of a new token of `scope`.
    pub async fn token(self, scope: &str) -> String {
        let token = self.create_token(&format!("test-{scope}"), scope).await;
        token["secret"].as_str().unwrap().to_owned()
    }

    /// Revoke a token by id.
    pub async fn revoke_token(self, id: &str) {
        let r = self.send(Method::DELETE, &format!("/api/v1/tokens/{id}"));
        assert_eq!(r.go().await.status(), 204);
    }

    /// `POST /api/v1/import{query}` of an NDJSON body (`query` is `""` or
    /// starts with `?`).
    pub async fn import(self, query: &str, body: impl Into<reqwest::Body>) -> Response {
        self.send(Method::POST, &format!("/api/v1/import{query}"))
            .header("content-type", "application/x-ndjson")
            .body(body)
            .go()
            .await
    }

    /// [`import`](Self::import) without a query, expected to succeed: its
    /// report (`created`, `updated`, …).
    pub async fn import_report(self, body: impl Into<reqwest::Body>) -> Value {
        ok(self.import("", body).await, 200).await
    }
}

fn subject_path(id: &str) -> String {
    format!("/api/v1/subjects/{id}")
}
