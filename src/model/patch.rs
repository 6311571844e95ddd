//! Merge patches (RFC 7386) of a subject and of one address, and how each
//! applies: through the same parsers as [`super::input`], so a patch rejects
//! what a create rejects, with the same words.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;

use super::address::{Kind, parse_ported};
use super::discoverable::Discoverable;
use super::input::{
    AddressInput, FieldError, check_routing, display_name, label, not_null, routing_number,
};
use super::links::{DocumentLink, DocumentProperty, check_links, check_properties};
use super::subject::{Domain, Handle, Subject, SubjectAddress};
use super::visibility::Visibility;

/// Fields to change; absent fields stay as they are (RFC 7386).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(
        nullable = false,
        min_length = 1,
        max_length = 64,
        pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
    )]
    pub handle: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(
        nullable = false,
        max_length = 253,
        pattern = r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
    )]
    pub domain: Option<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 256, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", format = "free-text")]
    pub display_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub display_name_visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub discoverable: Option<Discoverable>,
    /// Replaces every address; addresses whose canonical URI stays keep their id.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub addresses: Option<Vec<AddressInput>>,
    /// Replaces every link; `null` removes them all.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Vec<DocumentLink>>, max_items = 32)]
    pub links: Option<Option<Vec<DocumentLink>>>,
    /// Merged into the properties (RFC 7386): a member set to `null` is
    /// removed (a property whose value is null is `{"value": null}`);
    /// `null` for the whole member removes them all.
    #[serde(default, deserialize_with = "present")]
    #[schema(schema_with = super::links::properties_patch_schema)]
    pub properties: Option<Option<BTreeMap<String, Option<DocumentProperty>>>>,
}

/// Address fields to change (RFC 7386 merge patch).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false, min_length = 1, max_length = 512, format = "address")]
    pub uri: Option<String>,
    pub kind: Option<Kind>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub discoverable: Option<Discoverable>,
    #[serde(default, deserialize_with = "super::input::deserialize_priority")]
    #[schema(nullable = false, maximum = 65535)]
    pub priority: Option<u16>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", format = "free-text")]
    pub label: Option<Option<String>>,
    /// `null` clears it (the number is no longer ported).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, example = "+12155550199", max_length = 32, format = "e164")]
    pub routing_number: Option<Option<String>>,
}

/// Tell a `null` member (Some(None)) from an absent one (None).
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

impl SubjectPatch {
    /// Change the members present in the patch. The caller restores the
    /// address order and checks the whole.
    pub fn apply(&self, subject: &mut Subject) -> Result<(), FieldError> {
        if let Some(h) = &self.handle {
            subject.handle = Handle::parse(h).map_err(|e| FieldError::new("handle", e))?;
        }
        if let Some(d) = &self.domain {
            subject.domain = Domain::parse(d).map_err(|e| FieldError::new("domain", e))?;
        }
        if let Some(name) = &self.display_name {
            subject.display_name = display_name(name.as_deref().unwrap_or(""))?;
        }
        if let Some(v) = self.display_name_visibility {
            subject.display_name_visibility = v;
        }
        if let Some(d) = self.discoverable {
            subject.discoverable = d;
        }
        if let Some(inputs) = &self.addresses {
            let mut addresses = Vec::with_capacity(inputs.len());
            for (i, input) in inputs.iter().enumerate() {
                let mut a = input.clone().into_address(&format!("addresses[{i}]"))?;
                if let Some(old) = subject.addresses.iter().find(|o| o.uri == a.uri) {
                    a.id = old.id;
                }
                addresses.push(a);
            }
            subject.addresses = addresses;
        }
        if let Some(links) = &self.links {
            subject.links = check_links(links.clone().unwrap_or_default(), "links")?;
        }
        match &self.properties {
            None => {}
            Some(None) => subject.properties.clear(),
            Some(Some(changes)) => {
                let mut merged = std::mem::take(&mut subject.properties);
                for (name, change) in changes {
                    match change {
                        Some(p) => merged.insert(name.clone(), p.clone()),
                        None => merged.remove(name),
                    };
                }
                subject.properties = check_properties(merged, "properties")?;
            }
        }
        Ok(())
    }
}

impl AddressPatch {
    /// Change the members present in the patch.
    pub fn apply(&self, address: &mut SubjectAddress) -> Result<(), FieldError> {
        if let Some(uri) = &self.uri {
            let (parsed, in_uri) =
                parse_ported(uri, self.kind).map_err(|e| FieldError::new("uri", e))?;
            address.uri = parsed;
            if in_uri.is_some() {
                address.routing_number = in_uri;
            }
        }
        if let Some(v) = self.visibility {
            address.visibility = v;
        }
        if let Some(d) = self.discoverable {
            address.discoverable = d;
        }
        if let Some(p) = self.priority {
            address.priority = p;
        }
        if let Some(new) = &self.label {
            address.label = match new {
                None => None,
                Some(l) => label(l, "")?,
            };
        }
        if let Some(new) = &self.routing_number {
            address.routing_number = new
                .as_deref()
                .map(|rn| routing_number(rn, "routing_number"))
                .transpose()?;
        }
        check_routing(address, "")
    }
}
