//! Signing in and out, and the session every other page needs.
//!
//! Pasting a token exchanges it for a random cookie value; the database
//! keeps its SHA-256 with the token's id, a form token and the expiry, so
//! sessions survive a restart and work on every replica. Revoking the
//! token ends them.

use axum::Form;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Utc};
use maud::{Markup, html};
use rand::RngCore;
use serde::Deserialize;
use subtle::ConstantTimeEq;
use uuid::Uuid;

use super::{api_error_page, error_page, layout, see_other};
use crate::http::AppState;
use crate::http::auth::{self, Caller};
use crate::http::webfinger::Scheme;
use crate::model::{Audiences, Scope};
use crate::service::tokens::hash_secret;
use crate::store::ConsoleSession;

/// The session cookie.
pub const COOKIE: &str = "callsign_session";

/// A signed-in request: who, and the form token its forms carry.
pub struct Session {
    caller: Caller,
    csrf: String,
    hash: String,
}

impl Session {
    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    pub fn actor(&self) -> &str {
        self.caller.actor()
    }

    pub fn is_admin(&self) -> bool {
        matches!(
            self.caller,
            Caller::Token {
                scope: Scope::Admin,
                ..
            }
        )
    }

    /// The subject of a `self` token's session.
    pub fn own_subject(&self) -> Option<Uuid> {
        match &self.caller {
            Caller::Token {
                scope: Scope::Own,
                subject,
                ..
            } => *subject,
            _ => None,
        }
    }

    /// May this session see and change subject `id`?
    pub fn may_reach(&self, id: Uuid) -> bool {
        self.is_admin() || self.own_subject() == Some(id)
    }

    /// The hidden field every state-changing form carries.
    pub fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf); }
    }

    /// Does a posted form token match this session's (constant time)?
    /// The refusal when it does not.
    pub fn check_csrf(&self, posted: &str) -> Option<Response> {
        if bool::from(posted.as_bytes().ct_eq(self.csrf.as_bytes())) {
            None
        } else {
            Some(error_page(
                StatusCode::FORBIDDEN,
                Some(self),
                "This form is not from this session (its form token does not match). \
                 Reload the page and try again.",
            ))
        }
    }
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    cookie_named(headers, COOKIE)
}

fn cookie_named(headers: &HeaderMap, cookie: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == cookie)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl FromRequestParts<AppState> for Session {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let to_signin = || see_other("/admin/signin");
        let value = cookie_value(&parts.headers).ok_or_else(to_signin)?;
        let hash = hash_secret(&value);
        let found = state
            .store
            .session(&hash)
            .await
            .map_err(|e| api_error_page(e.into(), None))?;
        let Some((session, token)) = found else {
            return Err(to_signin());
        };
        if session.expires_at <= Utc::now() {
            return Err(to_signin());
        }
        let caller = match (session.token_id, token) {
            (None, _) if state.tokens.has_bootstrap() => Caller::Token {
                id: None,
                name: session.actor.clone(),
                scope: Scope::Admin,
                audiences: Audiences::NONE,
                subject: None,
            },
            (Some(_), Some(token)) if matches!(token.scope, Scope::Admin | Scope::Own) => {
                Caller::Token {
                    id: Some(token.id),
                    name: token.name,
                    scope: token.scope,
                    audiences: Audiences::NONE,
                    subject: token.subject,
                }
            }
            // Revoked (or the bootstrap token is no longer configured).
            _ => return Err(to_signin()),
        };
        Ok(Session {
            caller,
            csrf: session.csrf,
            hash,
        })
    }
}

/// The pre-session cookie of the sign-in form: the form echoes its value
/// (a double submit), so a form posted from another site, which can
/// neither read nor set it, is refused.
pub const SIGNIN_COOKIE: &str = "callsign_signin";

/// The sign-in form's token: the browser's pre-session cookie if it has
/// one, else a new one with the header that sets it.
fn signin_token(headers: &HeaderMap, https: bool) -> (String, Option<HeaderValue>) {
    if let Some(value) = cookie_named(headers, SIGNIN_COOKIE).filter(|v| v.len() == 64) {
        return (value, None);
    }
    let value = random_hex();
    let cookie = format!(
        "{SIGNIN_COOKIE}={value}; Path=/admin/signin; HttpOnly; SameSite=Strict; Max-Age=3600{}",
        if https { "; Secure" } else { "" }
    );
    (value, HeaderValue::from_str(&cookie).ok())
}

fn signin_form(token: &str, error: Option<&str>) -> Markup {
    layout(
        "Sign in",
        None,
        html! {
            h1 { "Sign in" }
            p { "Paste an admin token (or a " code { "self" } " token to manage your own subject)." }
            form method="post" action="/admin/signin" {
                input type="hidden" name="signin_csrf" value=(token);
                label for="token" { "Token" }
                input type="password" id="token" name="token" autocomplete="off" required
                    size="70" aria-describedby=[error.map(|_| "token-error")];
                @if let Some(error) = error {
                    p.error id="token-error" role="alert" { (error) }
                }
                p { button type="submit" id="signin" { "Sign in" } }
            }
        },
    )
}

pub async fn signin_page(scheme: Option<axum::Extension<Scheme>>, headers: HeaderMap) -> Response {
    let https = scheme.is_some_and(|s| s.0 == Scheme::Https);
    let (token, set) = signin_token(&headers, https);
    let mut response = signin_form(&token, None).into_response();
    if let Some(set) = set {
        response.headers_mut().insert(header::SET_COOKIE, set);
    }
    response
}

#[derive(Deserialize)]
pub struct SigninForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    signin_csrf: String,
}

/// Exchange a token for a session (the same check as the API's), when
/// the form is this browser's (its token matches the pre-session cookie).
pub async fn signin(
    State(state): State<AppState>,
    scheme: Option<axum::Extension<Scheme>>,
    headers: HeaderMap,
    Form(form): Form<SigninForm>,
) -> Response {
    let cookie = cookie_named(&headers, SIGNIN_COOKIE).unwrap_or_default();
    let posted = form.signin_csrf.as_bytes();
    if cookie.is_empty() || !bool::from(posted.ct_eq(cookie.as_bytes())) {
        return error_page(
            StatusCode::FORBIDDEN,
            None,
            "This sign-in form is not from this browser (its form token does not match \
             the sign-in cookie). Open the sign-in page again and retry.",
        );
    }
    let secret = form.token.trim();
    let refused =
        |why: &str| (StatusCode::UNAUTHORIZED, signin_form(&cookie, Some(why))).into_response();
    if secret.is_empty() {
        return refused("Paste a token.");
    }
    let caller = match auth::verify(&state, secret).await {
        Ok(c) => c,
        Err(crate::http::problem::ApiError::Unauthorized(_)) => {
            return refused("This token is unknown or revoked.");
        }
        Err(e) => return api_error_page(e, None),
    };
    let Caller::Token {
        id, name, scope, ..
    } = caller
    else {
        return refused("This token is unknown or revoked.");
    };
    if !matches!(scope, Scope::Admin | Scope::Own) {
        return refused("The console needs an admin or a self token; this is a lookup token.");
    }
    let value = random_hex();
    let now = Utc::now();
    let secs = state.config.http.console_session_secs;
    let session = ConsoleSession {
        hash: hash_secret(&value),
        token_id: id,
        actor: name,
        csrf: random_hex(),
        created_at: now,
        expires_at: now + Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 2)),
    };
    if let Err(e) = state.store.create_session(&session).await {
        return api_error_page(e.into(), None);
    }
    let https = scheme.is_some_and(|s| s.0 == Scheme::Https);
    let cookie = format!(
        "{COOKIE}={value}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age={secs}{}",
        if https { "; Secure" } else { "" }
    );
    let mut response = see_other("/admin");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    // The pre-session cookie has served.
    response.headers_mut().append(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "callsign_signin=; Path=/admin/signin; HttpOnly; SameSite=Strict; Max-Age=0",
        ),
    );
    response
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// End the session: its row is deleted and the cookie cleared.
pub async fn signout(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(r) = session.check_csrf(&form.csrf) {
        return r;
    }
    if let Err(e) = state.store.delete_session(&session.hash).await {
        return api_error_page(e.into(), Some(&session));
    }
    let mut response = see_other("/admin/signin");
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static(
            "callsign_session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0",
        ),
    );
    response
}
