//! Number blocks: a range of E.164 numbers (a prefix, and optionally the
//! exact length of the numbers) whose addresses derive from templates, so
//! one record stands for a company's whole DID range.
//!
//! A template is an address with substitutions: `\1` is the digits after
//! the prefix, `{number}` the whole number with its `+`. A number of the
//! block answers like a subject publishing it: [`Block::subject_for`] builds
//! that subject, and the one privacy function decides what each viewer sees.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::address::{Address, Kind, parse_e164_prefix};
use super::discoverable::Discoverable;
use super::input::{FieldError, label, not_null, routing_number};
use super::reverse::Reverse;
use super::subject::{Acct, Domain, Handle, Subject, SubjectAddress};
use super::visibility::Visibility;

/// The most digits an E.164 number has.
const MAX_DIGITS: usize = 15;
/// The fewest digits a whole number has (as for a `tel:` address).
const MIN_DIGITS: usize = 7;

/// The domain of the subject a number of a block without an owner answers
/// as (reserved by RFC 6761: no subject of ours lives there). Its handle
/// is the number's digits; answers name it by the number itself.
pub const UNOWNED: &str = "unowned.invalid";

/// A stored block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Block {
    pub id: Uuid,
    /// E.164 digits with their `+`, canonical.
    #[schema(example = "+49301234")]
    pub prefix: String,
    /// Digits of every number the block covers (the whole E.164 number);
    /// absent: every length from one digit more than the prefix to 15.
    pub length: Option<u8>,
    /// The `acct:` URI of the subject the numbers belong to.
    pub owner: Option<String>,
    pub label: Option<String>,
    /// Who may see the numbers themselves.
    pub visibility: Visibility,
    /// May the numbers be looked up (WebFinger, lookup, DNS)?
    pub discoverable: bool,
    pub templates: Vec<Template>,
    /// Every number of the block is ported to this routing number (RFC
    /// 4694 `rn`), E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "+12155550199")]
    pub routing_number: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An address with substitutions, and who may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// `\1`: the digits after the prefix; `{number}`: the whole number with `+`.
    #[schema(example = "sip:\\1@pbx.example.com", min_length = 1, max_length = 512)]
    pub uri: String,
    #[serde(default)]
    pub visibility: Visibility,
}

/// A block as submitted (create; a merge patch applies to this shape).
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockInput {
    #[schema(example = "+49301234")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 7, maximum = 15)]
    pub length: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "acct:pbx@example.com")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 64)]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub discoverable: Option<bool>,
    #[schema(min_items = 1)]
    pub templates: Vec<Template>,
    /// Every number of the block is ported to this routing number (RFC
    /// 4694 `rn`): DNS publishes `E2U+pstn:tel` for each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "+12155550199", max_length = 32, format = "e164")]
    pub routing_number: Option<String>,
}

impl BlockInput {
    /// Validate into a new block (version 1). `free_digits` caps how many
    /// digits a block without `length` leaves open. The owner's existence
    /// is the caller's to check.
    pub fn into_block(self, now: DateTime<Utc>, free_digits: usize) -> Result<Block, FieldError> {
        let prefix = parse_e164_prefix(&self.prefix).map_err(|e| FieldError::new("prefix", e))?;
        let prefix_digits = prefix.len() - 1;
        match self.length.map(usize::from) {
            Some(n) if !(prefix_digits + 1..=MAX_DIGITS).contains(&n) || n < MIN_DIGITS => {
                return Err(FieldError::new(
                    "length",
                    format!(
                        "must be from {} to {MAX_DIGITS}: the prefix has {prefix_digits} digits",
                        (prefix_digits + 1).max(MIN_DIGITS)
                    ),
                ));
            }
            None if MAX_DIGITS - prefix_digits > free_digits => {
                return Err(FieldError::new(
                    "length",
                    format!(
                        "required: without it the block leaves {} digits open, more than {free_digits} (limits.block_free_digits)",
                        MAX_DIGITS - prefix_digits
                    ),
                ));
            }
            _ => {}
        }
        let owner = self
            .owner
            .map(|o| {
                Acct::parse(&o)
                    .map(|a| a.to_string())
                    .map_err(|e| FieldError::new("owner", e))
            })
            .transpose()?;
        let label = match self.label {
            Some(l) => label(&l, "")?,
            None => None,
        };
        let routing_number = self
            .routing_number
            .map(|rn| routing_number(&rn, "routing_number"))
            .transpose()?;
        let block = Block {
            id: Uuid::now_v7(),
            prefix,
            length: self.length,
            owner,
            label,
            visibility: self.visibility.unwrap_or_default(),
            discoverable: self.discoverable.unwrap_or(true),
            templates: self.templates,
            routing_number,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        block.check_templates()?;
        if let Some(rn) = &block.routing_number
            && block.covers(&rn[1..])
        {
            return Err(FieldError::new(
                "routing_number",
                format!("{rn} is a number of the block itself"),
            ));
        }
        Ok(block)
    }
}

impl From<&Block> for BlockInput {
    fn from(b: &Block) -> BlockInput {
        BlockInput {
            prefix: b.prefix.clone(),
            length: b.length,
            owner: b.owner.clone(),
            label: b.label.clone(),
            visibility: Some(b.visibility),
            discoverable: Some(b.discoverable),
            templates: b.templates.clone(),
            routing_number: b.routing_number.clone(),
        }
    }
}

impl Block {
    /// The digits of the prefix, without `+`.
    pub fn prefix_digits(&self) -> &str {
        &self.prefix[1..]
    }

    /// Does the block cover the number with these E.164 digits (no `+`)?
    pub fn covers(&self, digits: &str) -> bool {
        digits.len() > self.prefix_digits().len()
            && digits.starts_with(self.prefix_digits())
            && self.covers_length(digits.len())
    }

    /// Are numbers of `len` digits (with this prefix) the block's?
    pub fn covers_length(&self, len: usize) -> bool {
        match self.length {
            Some(n) => len == usize::from(n),
            None => {
                (self.prefix_digits().len() + 1..=MAX_DIGITS).contains(&len) && len >= MIN_DIGITS
            }
        }
    }

    /// The shortest and the longest number the block covers.
    pub fn lengths(&self) -> (usize, usize) {
        match self.length {
            Some(n) => (usize::from(n), usize::from(n)),
            None => ((self.prefix_digits().len() + 1).max(MIN_DIGITS), MAX_DIGITS),
        }
    }

    /// The longest number the block covers.
    pub fn longest(&self) -> usize {
        self.length.map_or(MAX_DIGITS, usize::from)
    }

    /// Each template is an address once substituted with a number of the
    /// block, or it never can be.
    fn check_templates(&self) -> Result<(), FieldError> {
        if self.templates.is_empty() {
            return Err(FieldError::new(
                "templates",
                "at least one template is needed",
            ));
        }
        let sample = self.sample_digits();
        for (i, template) in self.templates.iter().enumerate() {
            let uri = self.substitute(&template.uri, &sample);
            match Address::parse(&uri, None) {
                Err(e) => {
                    return Err(FieldError::new(
                        format!("templates[{i}].uri"),
                        format!("no number of the block makes it an address: {e}"),
                    ));
                }
                // A number listing itself as its own address.
                Ok(a) if a.e164().is_some_and(|n| n[1..] == sample) => {
                    return Err(FieldError::new(
                        format!("templates[{i}].uri"),
                        "makes each number its own address: a number is listed once",
                    ));
                }
                Ok(_) => {}
            }
        }
        Ok(())
    }

    /// The digits of one number of the block, to try templates on.
    pub fn sample_digits(&self) -> String {
        self.prefix_digits()
            .chars()
            .chain(std::iter::repeat('5'))
            .take(self.longest().max(MIN_DIGITS))
            .collect()
    }

    /// `template` for the number with these digits.
    pub fn substitute(&self, template: &str, digits: &str) -> String {
        let rest = &digits[self.prefix_digits().len().min(digits.len())..];
        template
            .replace("\\1", rest)
            .replace("{number}", &format!("+{digits}"))
    }

    /// The subject a number of the block answers as: the owner's (or the
    /// number's own, without an owner) with the number and the templates'
    /// addresses, with the block's and the templates' privacy. `owner` is
    /// the owner's stored subject, if any.
    pub fn subject_for(&self, digits: &str, owner: Option<&Subject>) -> Option<Subject> {
        if !self.covers(digits) {
            return None;
        }
        let number = Address::parse(&format!("+{digits}"), Some(Kind::Tel)).ok()?;
        let mut addresses = vec![SubjectAddress {
            id: self.id,
            uri: number,
            visibility: self.visibility,
            discoverable: self.discoverable.into(),
            priority: 0,
            label: self.label.clone(),
            routing_number: self.routing_number.clone(),
        }];
        for (i, template) in self.templates.iter().enumerate() {
            let Ok(uri) = Address::parse(&self.substitute(&template.uri, digits), None) else {
                continue;
            };
            if addresses.iter().any(|a| a.uri == uri) {
                continue;
            }
            addresses.push(SubjectAddress {
                id: self.id,
                uri,
                visibility: template.visibility,
                // A key only where the number can be read back from it:
                // the directory looks reversible templates up (`reverse`).
                discoverable: self.discoverable.into(),
                priority: 1 + i as u16,
                label: None,
                routing_number: None,
            });
        }
        let (handle, domain, display_name, display_name_visibility) = match owner {
            Some(o) => (
                o.handle.clone(),
                o.domain.clone(),
                o.display_name.clone(),
                o.display_name_visibility,
            ),
            // A number without an owner is found by itself only.
            None => (
                Handle::trusted(digits.to_owned()),
                Domain::trusted(UNOWNED.to_owned()),
                self.label.clone().unwrap_or_default(),
                Visibility::Public,
            ),
        };
        let mut subject = Subject {
            id: self.id,
            handle,
            domain,
            display_name,
            display_name_visibility,
            discoverable: Discoverable::NOBODY,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
            addresses,
            // The owner's document: the number answers as the owner.
            links: owner.map(|o| o.links.clone()).unwrap_or_default(),
            properties: owner.map(|o| o.properties.clone()).unwrap_or_default(),
        };
        subject.sort_addresses();
        Some(subject)
    }

    /// The strong HTTP entity tag of this version.
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.version)
    }
}

/// A set of blocks by prefix: which block a number falls in (the longest
/// prefix wins), and whether any block lies below a name; optionally, which
/// numbers a template's address may be read back to.
#[derive(Clone, Debug, Default)]
pub struct Blocks {
    by_prefix: BTreeMap<String, Arc<Block>>,
    reverse: Option<Reverse>,
}

impl Blocks {
    /// A set that also answers [`Blocks::numbers_of`].
    pub fn reversible() -> Blocks {
        Blocks {
            by_prefix: BTreeMap::new(),
            reverse: Some(Reverse::default()),
        }
    }

    /// Replace `before` by `after` (a change-log row's two states).
    pub fn apply(&mut self, before: Option<&Block>, after: Option<&Block>) {
        if let Some(b) = before
            && self
                .by_prefix
                .get(b.prefix_digits())
                .is_some_and(|stored| stored.id == b.id)
        {
            let removed = self.by_prefix.remove(b.prefix_digits());
            if let (Some(reverse), Some(removed)) = (&mut self.reverse, removed) {
                reverse.remove(&removed);
            }
        }
        if let Some(a) = after {
            let replaced = self
                .by_prefix
                .insert(a.prefix_digits().to_owned(), Arc::new(a.clone()));
            if let Some(reverse) = &mut self.reverse {
                if let Some(replaced) = replaced {
                    reverse.remove(&replaced);
                }
                reverse.insert(a);
            }
        }
    }

    /// Does any block have a template a number can be read back from?
    pub fn reverses(&self) -> bool {
        self.reverse.as_ref().is_some_and(|r| !r.is_empty())
    }

    /// The digits of every number whose block has a template that may make
    /// `key` (a canonical address URI): candidates only, for the caller to
    /// confirm by building the number's addresses.
    pub fn numbers_of(&self, key: &Address) -> Vec<String> {
        match &self.reverse {
            Some(reverse) => reverse.numbers_of(key, |digits| {
                self.around(digits).map(|b| b.prefix_digits().to_owned())
            }),
            None => Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_prefix.is_empty()
    }

    /// The block with the longest prefix above the number `digits` (which
    /// it may or may not cover: its length decides).
    pub fn around(&self, digits: &str) -> Option<&Arc<Block>> {
        (1..digits.len())
            .rev()
            .find_map(|len| self.by_prefix.get(&digits[..len]))
    }

    /// Is a block's prefix `digits` or longer below it?
    pub fn any_below(&self, digits: &str) -> bool {
        self.by_prefix
            .range::<str, _>((
                std::ops::Bound::Included(digits),
                std::ops::Bound::Unbounded,
            ))
            .next()
            .is_some_and(|(prefix, _)| prefix.starts_with(digits))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Block>> {
        self.by_prefix.values()
    }
}

/// Apply an RFC 7386 merge patch to `target`.
pub fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    let serde_json::Value::Object(members) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = serde_json::Value::Object(Default::default());
    }
    let object = target.as_object_mut().expect("an object");
    for (name, value) in members {
        if value.is_null() {
            object.remove(name);
        } else {
            merge_patch(
                object
                    .entry(name.clone())
                    .or_insert(serde_json::Value::Null),
                value,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(json: serde_json::Value) -> Result<Block, FieldError> {
        serde_json::from_value::<BlockInput>(json)
            .unwrap()
            .into_block(Utc::now(), 6)
    }

    #[test]
    fn numbers_of_a_block_take_the_templates() {
        let b = block(serde_json::json!({
            "prefix": "+49 30 1234", "length": 13,
            "templates": [{"uri": "sip:\\1@pbx.example.com"},
                          {"uri": "sip:{number}@gw.example.net", "visibility": "authenticated"}]
        }))
        .unwrap();
        assert_eq!(b.prefix, "+49301234");
        assert!(
            b.covers("4930123455123") && !b.covers("493012345512") && !b.covers("49301234551234")
        );
        let s = b.subject_for("4930123455123", None).unwrap();
        let uris: Vec<&str> = s.addresses.iter().map(|a| a.uri.as_str()).collect();
        assert_eq!(
            uris,
            [
                "tel:+4930123455123",
                "sip:55123@pbx.example.com",
                "sip:+4930123455123@gw.example.net"
            ]
        );
        assert_eq!(s.addresses[2].visibility, Visibility::Authenticated);
    }

    #[test]
    fn bad_blocks_name_their_field() {
        let field = |json| block(json).unwrap_err().field;
        let t = serde_json::json!([{"uri": "sip:\\1@pbx.example.com"}]);
        assert_eq!(
            field(serde_json::json!({"prefix": "49", "length": 9, "templates": t})),
            "prefix"
        );
        assert_eq!(
            field(serde_json::json!({"prefix": "+4930", "templates": t})),
            "length"
        );
        assert_eq!(
            field(serde_json::json!({"prefix": "+4930", "length": 4, "templates": t})),
            "length"
        );
        let never = serde_json::json!([{"uri": "sip:\\1@pbx.example.com"}, {"uri": "sip:@\\1"}]);
        assert_eq!(
            field(serde_json::json!({"prefix": "+4930", "length": 10, "templates": never})),
            "templates[1].uri"
        );
        assert_eq!(
            field(
                serde_json::json!({"prefix": "+4930", "length": 10, "owner": "bob", "templates": t})
            ),
            "owner"
        );
    }
}
