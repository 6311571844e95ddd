//! The admin console in a real browser: headless Chromium driven over
//! WebDriver (Debian's `chromium` and `chromium-driver`) against a real
//! server, and the console's refusals seen over plain HTTP.

#[path = "../support/mod.rs"]
mod support;

mod audiences;
mod browser;
mod clients;
mod links;
mod manage;
mod pages;
mod refusals;
