//! `/api/v1/me`: the subject of a `self` token reads and changes itself.
//!
//! A `self` token may change how its subject is shown and found (display
//! name, discoverability, and per address label, priority, visibility and
//! discoverability), never what it is: handle, domain, address URIs, kinds
//! and routing numbers, links and properties stay with admins, and so does
//! adding or removing addresses.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::subjects::{if_match, with_etag};
use crate::http::AppState;
use crate::http::auth::Own;
use crate::http::extract::Json;
use crate::http::problem::responses::{
    Forbidden, TooLarge, Unauthorized, Unavailable, UnsupportedMediaType,
};
use crate::http::problem::{ApiError, Problem};
use crate::model::{
    AddressPatch, Discoverable, FieldError, Subject, SubjectPatch, Visibility,
    deserialize_priority, not_null, present,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_me, patch_me))
}

/// What a `self` token may change (a JSON merge patch).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MePatch {
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 256, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", format = "free-text")]
    display_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    display_name_visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    discoverable: Option<Discoverable>,
    /// Changes to addresses, by address id (each must be one of the
    /// subject's addresses).
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    addresses: Option<BTreeMap<Uuid, MeAddressPatch>>,
}

/// What a `self` token may change of one address.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeAddressPatch {
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", format = "free-text")]
    label: Option<Option<String>>,
    #[serde(default, deserialize_with = "deserialize_priority")]
    #[schema(nullable = false, maximum = 65535)]
    priority: Option<u16>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    discoverable: Option<Discoverable>,
}

impl MePatch {
    /// The same change as subject and address patches.
    fn into_patches(self) -> (SubjectPatch, Vec<(Uuid, AddressPatch)>) {
        let subject = SubjectPatch {
            handle: None,
            domain: None,
            display_name: self.display_name,
            display_name_visibility: self.display_name_visibility,
            discoverable: self.discoverable,
            addresses: None,
            links: None,
            properties: None,
        };
        let addresses = self
            .addresses
            .unwrap_or_default()
            .into_iter()
            .map(|(id, a)| {
                let patch = AddressPatch {
                    uri: None,
                    kind: None,
                    visibility: a.visibility,
                    discoverable: a.discoverable,
                    priority: a.priority,
                    label: a.label,
                    routing_number: None,
                };
                (id, patch)
            })
            .collect();
        (subject, addresses)
    }
}

/// Subject members only an admin may change.
const ADMIN_ONLY: [&str; 4] = ["handle", "domain", "links", "properties"];
/// Address members only an admin may change.
const ADMIN_ONLY_ADDRESS: [&str; 3] = ["uri", "kind", "routing_number"];

/// Read the token's own subject with every address, like
/// `GET /api/v1/subjects/{id}`.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", security(("bearer" = ["self"])),
    responses((status = 200, body = Subject, description = "ETag set"),
              (status = 404, body = Problem, description = "The subject is gone"),
              Unauthorized, Forbidden, Unavailable))]
async fn get_me(State(state): State<AppState>, own: Own) -> Result<Response, ApiError> {
    let subject = state.store.subject(own.subject).await?;
    Ok(with_etag(StatusCode::OK, subject))
}

/// Change how the token's own subject is shown and found (JSON merge
/// patch); `If-Match` guards against lost updates. Other members: 403
/// naming the field.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me",
    request_body(content = MePatch, content_type = "application/merge-patch+json"),
    security(("bearer" = ["self"])),
    responses((status = 200, body = Subject),
              (status = 400, body = Problem, description = "Malformed JSON, an invalid field, an unknown address id or a malformed If-Match"),
              (status = 403, body = Problem, description = "A field only an admin may change (named by `field`), or not a self token"),
              (status = 404, body = Problem, description = "The subject is gone"),
              (status = 412, body = Problem, description = "If-Match names an older version"),
              Unauthorized, TooLarge, UnsupportedMediaType, Unavailable))]
async fn patch_me(
    State(state): State<AppState>,
    own: Own,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Result<Response, ApiError> {
    let precondition = if_match(&headers)?;
    let (patch, addresses) = split(body)?;
    let saved = state
        .subjects
        .update_own(
            own.caller.actor(),
            own.subject,
            precondition.as_ref(),
            &patch,
            &addresses,
        )
        .await?;
    Ok(with_etag(StatusCode::OK, saved))
}

/// The subject patch and the address patches a body asks for, once no
/// member is one only an admin may change (403 naming it) or unknown (400).
fn split(body: Value) -> Result<(SubjectPatch, Vec<(Uuid, AddressPatch)>), ApiError> {
    let Value::Object(members) = &body else {
        return Err(ApiError::BadRequest("expected a JSON object".into()));
    };
    check_members(members, &ADMIN_ONLY, &SUBJECT_MEMBERS, "")?;
    match members.get("addresses") {
        Some(Value::Object(by_id)) => {
            for (id, change) in by_id {
                let field = format!("addresses.{id}");
                if Uuid::parse_str(id).is_err() {
                    return Err(ApiError::field(field, "expected an address id"));
                }
                match change {
                    Value::Object(change) => check_members(
                        change,
                        &ADMIN_ONLY_ADDRESS,
                        &ADDRESS_MEMBERS,
                        &format!("{field}."),
                    )?,
                    Value::Null => {
                        return Err(forbidden(field, "only an admin may remove addresses"));
                    }
                    _ => return Err(ApiError::field(field, "expected an object")),
                }
            }
        }
        Some(Value::Array(_)) => {
            return Err(forbidden(
                "addresses",
                "only an admin may replace the addresses; change them by id",
            ));
        }
        _ => {}
    }
    match serde_json::from_value::<MePatch>(body.clone()) {
        Ok(patch) => Ok(patch.into_patches()),
        Err(e) => Err(ApiError::field(culprit(members), e)),
    }
}

/// Subject members a `self` token may change.
const SUBJECT_MEMBERS: [&str; 4] = [
    "display_name",
    "display_name_visibility",
    "discoverable",
    "addresses",
];
/// Address members a `self` token may change.
const ADDRESS_MEMBERS: [&str; 4] = ["label", "priority", "visibility", "discoverable"];

/// 403 naming a member only an admin may change, 400 naming an unknown one.
fn check_members(
    members: &Map<String, Value>,
    admin_only: &[&str],
    allowed: &[&str],
    prefix: &str,
) -> Result<(), ApiError> {
    for name in members.keys() {
        if admin_only.contains(&name.as_str()) {
            return Err(forbidden(
                format!("{prefix}{name}"),
                "only an admin may change this field",
            ));
        }
        if !allowed.contains(&name.as_str()) {
            return Err(ApiError::field(format!("{prefix}{name}"), "unknown field"));
        }
    }
    Ok(())
}

/// The first member of a body that does not deserialise on its own, as a
/// field path (`addresses.<id>.<member>` for an address's).
fn culprit(members: &Map<String, Value>) -> String {
    let fails = |value: Value| serde_json::from_value::<MePatch>(value).is_err();
    for (name, value) in members {
        if let (Value::Object(by_id), "addresses") = (value, name.as_str()) {
            for (id, change) in by_id {
                let Value::Object(change) = change else {
                    continue;
                };
                for (member, v) in change {
                    if fails(json!({"addresses": {id: {member: v}}})) {
                        return format!("addresses.{id}.{member}");
                    }
                }
            }
        }
        if fails(json!({name: value})) {
            return name.clone();
        }
    }
    "body".to_owned()
}

fn forbidden(field: impl Into<String>, reason: &str) -> ApiError {
    ApiError::ForbiddenField(FieldError::new(field, reason))
}
