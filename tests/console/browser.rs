//! One chromedriver per test on a free loopback port, one headless
//! Chromium session in it; both end when the test drops them.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::support::tools;

pub struct Browser {
    pub client: Client,
    driver: Child,
}

impl Browser {
    /// A browser, or None where Chromium or its driver is not installed
    /// (a failure under CI).
    pub async fn start() -> Option<Browser> {
        Browser::start_with(&[]).await
    }

    /// [`start`](Self::start), with `extra` Chromium switches.
    pub async fn start_with(extra: &[String]) -> Option<Browser> {
        let driver = tools::require("chromedriver", "chromium-driver")?;
        let chromium = tools::require("chromium", "chromium")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser_driver = Some(driver);
        let url = format!("http://127.0.0.1:{port}");
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--window-size=1280,1100",
        ]
        .map(String::from)
        .into();
        args.extend_from_slice(extra);
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({"binary": chromium, "args": args}),
        );
        // The driver takes a moment to listen: bounded retries.
        for _ in 0..100 {
            let connected = ClientBuilder::rustls()
                .expect("a TLS-capable connector")
                .capabilities(caps.clone())
                .connect(&url)
                .await;
            match connected {
                Ok(client) => {
                    return Some(Browser {
                        client,
                        driver: browser_driver.take().unwrap(),
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        panic!("chromedriver did not accept a session on port {port}");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page loads");
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} on the page: {e}"))
            .text()
            .await
            .unwrap()
    }

    pub async fn has(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .is_empty()
    }

    /// Click what submits a form or follows a link, and wait until the
    /// next page has replaced this one (bounded: 400 checks).
    pub async fn click(&self, css: &str) {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} on the page: {e}"));
        self.navigate(element).await;
    }

    pub async fn navigate(&self, element: fantoccini::elements::Element) {
        let old = self.client.find(Locator::Css("html")).await.unwrap();
        element.click().await.unwrap();
        for _ in 0..400 {
            // The old page's root goes stale once the new page is in.
            if old.tag_name().await.is_err() {
                let ready = self
                    .client
                    .execute("return document.readyState", vec![])
                    .await
                    .unwrap();
                if ready == "complete" {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the click led to no new page");
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    /// Sign in at `base` with `token`; lands on a console page.
    pub async fn sign_in(&self, base: &str, token: &str) {
        self.goto(&format!("{base}/admin/signin")).await;
        self.fill("#token", token).await;
        self.click("#signin").await;
        assert!(
            self.has("#signout").await,
            "signed in: {}",
            self.client.source().await.unwrap()
        );
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
