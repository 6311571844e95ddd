//! [`TokenService`]: issuing and revoking API tokens, and the audiences
//! they belong to, for the admin API and the command line alike.

use std::sync::Arc;

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::ServiceError;
use crate::model::{FieldError, Scope, audience_name, free_text};
use crate::store::{Audience, Store, Token};

/// Issues and revokes tokens. Cheap to clone.
#[derive(Clone)]
pub struct TokenService {
    store: Arc<dyn Store>,
}

/// A token just issued, with its secret: shown this once, never stored.
pub struct IssuedToken {
    pub token: Token,
    pub secret: String,
}

impl TokenService {
    pub fn new(store: Arc<dyn Store>) -> Self {
        TokenService { store }
    }

    /// Issue a token named `name` (validated as the `name` field) in
    /// `audiences` (each stored, else the `audiences[i]` field is invalid).
    /// A `self` token needs the stored `subject` it belongs to and no
    /// audiences; other scopes take no subject.
    pub async fn create(
        &self,
        actor: &str,
        name: &str,
        scope: Scope,
        audiences: &[String],
        subject: Option<Uuid>,
    ) -> Result<IssuedToken, ServiceError> {
        let name = token_name(name)?;
        for (i, audience) in audiences.iter().enumerate() {
            audience_name(audience).map_err(|e| FieldError::new(format!("audiences[{i}]"), e))?;
        }
        match (scope, subject) {
            (Scope::Own, None) => {
                return Err(FieldError::new("subject", "a `self` token needs a subject").into());
            }
            (Scope::Own, Some(_)) if !audiences.is_empty() => {
                return Err(
                    FieldError::new("audiences", "a `self` token belongs to no audience").into(),
                );
            }
            (Scope::Admin | Scope::Lookup, Some(_)) => {
                return Err(
                    FieldError::new("subject", "only a `self` token belongs to a subject").into(),
                );
            }
            _ => {}
        }
        let secret = new_secret();
        let token = self
            .store
            .create_token(
                actor,
                &name,
                scope,
                audiences,
                subject,
                &hash_secret(&secret),
            )
            .await?;
        Ok(IssuedToken { token, secret })
    }

    /// Create the audience `name` (validated as the `name` field).
    pub async fn create_audience(&self, actor: &str, name: &str) -> Result<Audience, ServiceError> {
        audience_name(name).map_err(|e| FieldError::new("name", e))?;
        Ok(self.store.create_audience(actor, name).await?)
    }

    /// Delete the audience `name`, which nothing may use any more.
    pub async fn delete_audience(&self, actor: &str, name: &str) -> Result<(), ServiceError> {
        if audience_name(name).is_err() {
            return Err(ServiceError::NotFound);
        }
        Ok(self.store.delete_audience(actor, name).await?)
    }

    /// Revoke a token in the store. A server that caches verified tokens
    /// must forget this one too (the HTTP layer does).
    pub async fn revoke(&self, actor: &str, id: Uuid) -> Result<(), ServiceError> {
        self.store.revoke_token(actor, id).await?;
        Ok(())
    }
}

/// A token name: [`free_text`] of 1 to 64 characters.
pub fn token_name(name: &str) -> Result<String, FieldError> {
    match free_text(name, 64) {
        Ok(n) if n.is_empty() => Err(FieldError::new("name", "must not be empty")),
        Ok(n) => Ok(n),
        Err(e) => Err(FieldError::new("name", e)),
    }
}

/// A new random token secret.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("cs_{}", hex::encode(bytes))
}

/// What the store keeps of a secret, and what a presented one is looked up by.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}
