//! The federated resolver: any address → every address, from the local
//! directory and other domains' ENUM and WebFinger. (Being written.)

use std::sync::Arc;

use crate::config::ResolverConfig;
use crate::directory::Directory;

pub struct Resolver {
    _config: ResolverConfig,
    _directory: Arc<Directory>,
}

impl Resolver {
    pub fn new(config: &ResolverConfig, directory: Arc<Directory>) -> anyhow::Result<Resolver> {
        Ok(Resolver {
            _config: config.clone(),
            _directory: directory,
        })
    }
}
