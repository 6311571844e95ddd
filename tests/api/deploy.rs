//! The deployment files: the documented configuration parses as the
//! defaults, documents every key, and everything the manifests pass to
//! callsign is a real setting.

use std::collections::BTreeSet;
use std::path::Path;

use callsign::config::{Config, env_name, known_keys};
use figment::providers::Format;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_documented_configuration_is_the_defaults_and_lists_every_key() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/callsign.toml");
    let text = read("deploy/callsign.toml");
    // Parse the file alone (no environment), rejecting unknown keys.
    let parsed: Config =
        figment::Figment::from(figment::providers::Serialized::defaults(Config::default()))
            .merge(figment::providers::Toml::file_exact(&path))
            .extract()
            .expect("deploy/callsign.toml parses with no unknown keys");
    assert_eq!(parsed, Config::default(), "the file states the defaults");

    // Every key appears, set or (when it has no default) commented out.
    let mut documented = BTreeSet::new();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = s.to_owned();
        } else if let Some((key, _)) = line.trim_start_matches("# ").split_once(" = ")
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        {
            documented.insert(if section.is_empty() {
                key.to_owned()
            } else {
                format!("{section}.{key}")
            });
        }
    }
    let missing: Vec<_> = known_keys()
        .into_iter()
        .filter(|k| !documented.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "deploy/callsign.toml does not document {missing:?}"
    );
}

#[test]
fn manifests_pass_only_real_settings() {
    let known: BTreeSet<String> = known_keys().iter().map(|k| env_name(k)).collect();
    for file in [
        "deploy/compose.yaml",
        "deploy/Dockerfile",
        "deploy/callsign.service",
        "deploy/k8s/configmap.yaml",
        "deploy/k8s/secret.yaml",
        "deploy/k8s/deployment.yaml",
    ] {
        let text = read(file);
        let mut found = 0;
        for (i, _) in text.match_indices("CALLSIGN_") {
            let name: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            assert!(
                known.contains(&name),
                "{file} sets {name}, which callsign does not read"
            );
            found += 1;
        }
        assert!(found > 0, "{file} configures nothing?");
    }
}

#[test]
fn the_binary_accepts_the_documented_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
        .args(["--config", "deploy/callsign.toml", "migrate"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env(
            "CALLSIGN_DATABASE_URL",
            format!("sqlite://{}/c.db", dir.path().display()),
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
