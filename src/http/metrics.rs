//! Request counts and latency per route, recorded by a tower layer.
//!
//! `metrics::counter!` with run-time labels builds, hashes and looks up its
//! key on every call, which costs about as much as answering WebFinger from
//! memory. The layer looks each (route, method, status) up once and keeps
//! the handles; its future wraps the inner one without boxing.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll, ready};
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::response::Response;
use hashbrown::{Equivalent, HashMap};
use metrics::{Counter, Histogram};
use tower::{Layer, Service};

/// Counts every response by route, method and status, and times it.
#[derive(Clone, Default)]
pub struct RecordMetricsLayer {
    handles: Arc<Handles>,
}

impl<S> Layer<S> for RecordMetricsLayer {
    type Service = RecordMetrics<S>;

    fn layer(&self, inner: S) -> RecordMetrics<S> {
        RecordMetrics {
            inner,
            handles: self.handles.clone(),
        }
    }
}

#[derive(Clone)]
pub struct RecordMetrics<S> {
    inner: S,
    handles: Arc<Handles>,
}

impl<S> Service<Request> for RecordMetrics<S>
where
    S: Service<Request, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Recording<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let route = request.extensions().get::<MatchedPath>().cloned();
        let method = method_label(request.method());
        Recording {
            inner: self.inner.call(request),
            handles: self.handles.clone(),
            route,
            method,
            started: Instant::now(),
        }
    }
}

pin_project_lite::pin_project! {
    /// The inner response future, timed.
    pub struct Recording<F> {
        #[pin]
        inner: F,
        handles: Arc<Handles>,
        route: Option<MatchedPath>,
        method: &'static str,
        started: Instant,
    }
}

impl<F, E> Future for Recording<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let result = ready!(this.inner.poll(cx));
        if let Ok(response) = &result {
            let key = KeyRef {
                route: this.route.as_ref().map_or("unmatched", MatchedPath::as_str),
                method: this.method,
                status: response.status().as_u16(),
            };
            this.handles
                .record(key, this.started.elapsed().as_secs_f64());
        }
        Poll::Ready(result)
    }
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The handles registered so far, one pair per (route, method, status).
#[derive(Default)]
struct Handles(RwLock<HashMap<Key, (Counter, Histogram)>>);

#[derive(Hash, PartialEq, Eq)]
struct Key {
    route: Box<str>,
    method: &'static str,
    status: u16,
}

/// [`Key`] borrowed from a request; hashes exactly as the owned key does.
#[derive(Hash, Clone, Copy)]
struct KeyRef<'a> {
    route: &'a str,
    method: &'static str,
    status: u16,
}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        *key.route == *self.route && key.method == self.method && key.status == self.status
    }
}

impl Handles {
    fn record(&self, key: KeyRef<'_>, elapsed: f64) {
        if let Some((requests, duration)) = self.0.read().expect("metrics handles").get(&key) {
            requests.increment(1);
            duration.record(elapsed);
            return;
        }
        let route = key.route.to_owned();
        let requests = metrics::counter!("callsign_http_requests_total",
            "route" => route.clone(), "method" => key.method, "status" => key.status.to_string());
        let duration =
            metrics::histogram!("callsign_http_request_duration_seconds", "route" => route.clone());
        requests.increment(1);
        duration.record(elapsed);
        let key = Key {
            route: route.into(),
            method: key.method,
            status: key.status,
        };
        self.0
            .write()
            .expect("metrics handles")
            .insert(key, (requests, duration));
    }
}
