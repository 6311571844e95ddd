//! The `callsign` command: parse the command line, call the library.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use callsign::app::{App, Listeners};
use callsign::config::{Config, Secret};
use callsign::dns::keys::ZoneKeys;
use callsign::model::{Acct, Scope};
use callsign::service::IssuedToken;
use callsign::service::tokens::token_name;
use callsign::store::dnssec::KeyState;
use callsign::store::ndjson;
use callsign::store::{SearchKey, SubjectQuery};
use clap::{Parser, Subcommand};
use tokio::io::{AsyncBufRead, AsyncWriteExt, BufReader};
use tokio_util::sync::CancellationToken;

/// mimalloc: per-thread free lists make the many short-lived allocations of
/// an HTTP answer several times cheaper than glibc's malloc (see README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "callsign",
    version,
    about = "One identity, every address: WebFinger and ENUM for SIP, XMPP, tel and mail."
)]
struct Cli {
    /// TOML configuration file (defaults < file < CALLSIGN_* environment < flags).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database URL: sqlite://FILE or postgres://… [env: CALLSIGN_DATABASE_URL]
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    /// Log format: text or json.
    #[arg(long, global = true, value_name = "FORMAT")]
    log_format: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve HTTP (admin API, WebFinger) and DNS (ENUM).
    Serve {
        /// Load a small sample directory into an empty database.
        #[arg(long)]
        demo: bool,
        /// HTTP listen address [env: CALLSIGN_HTTP_LISTEN]
        #[arg(long, value_name = "ADDR")]
        http_listen: Option<SocketAddr>,
        /// DNS listen address, UDP and TCP [env: CALLSIGN_DNS_LISTEN]
        #[arg(long, value_name = "ADDR")]
        dns_listen: Option<SocketAddr>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Import subjects from NDJSON (a file, or - for standard input) in one transaction.
    Import {
        file: String,
        /// Skip and count invalid lines instead of rolling everything back.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Write every subject as NDJSON to standard output.
    Export,
    /// Find every address of the subject an address belongs to.
    Lookup {
        address: String,
        /// Also ask other domains' ENUM and WebFinger.
        #[arg(long)]
        remote: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// ENUM zones.
    Zone {
        #[command(subcommand)]
        command: ZoneCommand,
    },
    /// DNSSEC keys of the zones in dns.dnssec (made on first use).
    Dnssec {
        #[command(subcommand)]
        command: DnssecCommand,
    },
    /// TSIG keys for zone transfers and NOTIFY.
    Tsig {
        #[command(subcommand)]
        command: TsigCommand,
    },
}

#[derive(Subcommand)]
enum DnssecCommand {
    /// Print the DS record to give the parent zone (and the DNSKEY).
    Ds { zone: String },
    /// Roll the zone's key (RFC 7583 pre-publication) and print what will
    /// happen when: the serving processes follow through the database.
    Roll { zone: String },
    /// Print the zone's private key, for a secondary that signs itself.
    ExportKey {
        zone: String,
        /// pem (PKCS#8, what Knot's `keymgr import-pem` reads) or bind
        /// (a BIND `K*.private` file).
        #[arg(long, default_value = "pem", value_parser = ["pem", "bind"])]
        format: String,
    },
}

#[derive(Subcommand)]
enum TsigCommand {
    /// Print a fresh key as configuration, and in the forms kdig, Knot DNS
    /// and BIND take.
    Generate {
        /// The key's name, as both sides will know it.
        name: String,
        #[arg(long, default_value = "hmac-sha256", value_parser = ["hmac-sha256", "hmac-sha384", "hmac-sha512"])]
        algorithm: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token and print its secret (shown once).
    Create {
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["admin", "lookup", "self"])]
        scope: String,
        /// An audience the token belongs to (repeatable; each must exist).
        #[arg(long = "audience")]
        audiences: Vec<String>,
        /// The subject a `self` token is bound to: its `acct:` URI or id.
        #[arg(long)]
        subject: Option<String>,
    },
}

#[derive(Subcommand)]
enum ZoneCommand {
    /// Print a zone as an RFC 1035 master file.
    Export { zone: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Needs no configuration: a key is generated before it is configured.
    if let Command::Tsig {
        command: TsigCommand::Generate { name, algorithm },
    } = &cli.command
    {
        return match callsign::dns::generate_tsig_key(name, algorithm) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("callsign: {e}");
                ExitCode::from(2)
            }
        };
    }
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("callsign: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(url) = &cli.database_url {
        config.database.url = Secret::new(url.clone());
    }
    if let Some(format) = &cli.log_format {
        config.log.format = format.clone();
    }
    if let Command::Serve {
        http_listen,
        dns_listen,
        ..
    } = &cli.command
    {
        if let Some(a) = http_listen {
            config.http.listen = *a;
        }
        if let Some(a) = dns_listen {
            config.dns.listen = *a;
        }
    }
    init_logging(&config);
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(threads) = config.worker_threads {
        runtime.worker_threads(threads);
    }
    let runtime = runtime.enable_all().build().expect("tokio runtime");
    match runtime.block_on(run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("callsign: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&config.log.filter));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.log.format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    let shutdown = CancellationToken::new();
    match command {
        Command::Serve { demo, .. } => serve(config, demo, shutdown).await,
        Command::Migrate => {
            App::build(config, &shutdown).await?;
            eprintln!("migrations applied");
            Ok(())
        }
        Command::Import { file, skip_invalid } => {
            import(config, &file, skip_invalid, shutdown).await
        }
        Command::Export => {
            let app = App::build(config, &shutdown).await?;
            let mut out = tokio::io::BufWriter::new(tokio::io::stdout());
            let mut lines = ndjson::export(app.store.as_ref());
            use futures::StreamExt;
            while let Some(line) = lines.next().await {
                out.write_all(&line?).await?;
            }
            out.flush().await?;
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    name,
                    scope,
                    audiences,
                    subject,
                },
        } => {
            // Checked before the database is opened, so a typo fails fast.
            let name = token_name(&name).map_err(|e| anyhow::anyhow!("--name: {}", e.reason))?;
            let scope: Scope = scope.parse().map_err(|e: String| anyhow::anyhow!(e))?;
            let acct = match subject.as_deref().map(str::trim) {
                Some(key) if uuid::Uuid::parse_str(key).is_err() => {
                    Some(Acct::parse(key).map_err(|e| anyhow::anyhow!("--subject: {e}"))?)
                }
                _ => None,
            };
            let app = App::build(config, &shutdown).await?;
            let subject = match (subject.as_deref().map(str::trim), acct) {
                (None, _) => None,
                (Some(_), Some(acct)) => {
                    let query = SubjectQuery {
                        key: Some(SearchKey::Acct(acct)),
                        after: None,
                        limit: 1,
                    };
                    let found = app.store.search(&query).await?;
                    Some(
                        found
                            .first()
                            .map(|s| s.id)
                            .context("--subject: no such subject")?,
                    )
                }
                (Some(id), None) => {
                    let id = uuid::Uuid::parse_str(id).expect("checked above");
                    Some(
                        app.store
                            .subject(id)
                            .await
                            .map(|s| s.id)
                            .map_err(|e| anyhow::anyhow!("--subject: {e}"))?,
                    )
                }
            };
            // The stored audiences, known to this process as to a server.
            for audience in app.store.audiences().await? {
                callsign::model::admit(&audience.name).map_err(|e| anyhow::anyhow!(e))?;
            }
            let IssuedToken { token, secret } = app
                .tokens
                .create("cli", &name, scope, &audiences, subject)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            eprintln!(
                "created {} token `{}` ({}); the secret is shown once:",
                scope.as_str(),
                token.name,
                token.id
            );
            println!("{secret}");
            Ok(())
        }
        Command::Lookup {
            address,
            remote,
            json,
        } => {
            let key = callsign::resolve::Key::parse(&address)
                .map_err(|e| anyhow::anyhow!("{address}: {e}"))?;
            let store = callsign::store::open(config.database.url.expose()).await?;
            store.migrate().await?;
            let local = std::sync::Arc::new(callsign::resolve::StoreLocal(store));
            let resolver = callsign::resolve::Resolver::new(&config.resolver, local)?;
            // Whoever can read the database sees what a lookup token sees.
            let answer = resolver
                .lookup(&key, callsign::model::Viewer::token(Scope::Lookup), remote)
                .await;
            if json {
                println!("{}", serde_json::to_string_pretty(&answer)?);
            } else {
                print!("{}", callsign::resolve::format::table(&answer));
            }
            if answer.is_empty() {
                anyhow::bail!("{}: nothing found", answer.query);
            }
            Ok(())
        }
        Command::Dnssec { command } => dnssec(config, command, shutdown).await,
        Command::Zone {
            command: ZoneCommand::Export { zone },
        } => {
            let app = App::build(config, &shutdown).await?;
            app.directory.load(app.store.as_ref()).await?;
            let text = app.dns.zone_file(&app.directory, &zone)?;
            let mut out = tokio::io::stdout();
            out.write_all(text.as_bytes()).await?;
            out.flush().await?;
            Ok(())
        }
        Command::Tsig { .. } => unreachable!("answered before configuration is read"),
    }
}

async fn dnssec(
    config: Config,
    command: DnssecCommand,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let zone = match &command {
        DnssecCommand::Ds { zone }
        | DnssecCommand::Roll { zone }
        | DnssecCommand::ExportKey { zone, .. } => zone.clone(),
    };
    let ttl = config.dns.ttl;
    let app = App::build(config, &shutdown).await?;
    let not_signed = || anyhow::anyhow!("zone `{zone}` is not signed: add it to dns.dnssec");
    if let DnssecCommand::Roll { .. } = command {
        let keys = app
            .dnssec
            .roll("cli", &zone)
            .await?
            .ok_or_else(not_signed)?;
        print!("{}", roll_plan(&keys, ttl)?);
        return Ok(());
    }
    let key = app.dnssec.active_key(&zone).await?.ok_or_else(not_signed)?;
    match command {
        DnssecCommand::Ds { .. } => {
            println!("{}", key.ds_text(ttl)?);
            println!("{}", key.dnskey_text(ttl));
        }
        DnssecCommand::Roll { .. } => unreachable!("answered above"),
        DnssecCommand::ExportKey { format, .. } => {
            eprintln!(
                "private key of {} ({}, key tag {}); keep it secret",
                key.apex,
                key.bind_file_stem(),
                key.key_tag
            );
            match format.as_str() {
                "bind" => print!("{}", key.private_bind()?),
                _ => print!("{}", key.private_pem()),
            }
        }
    }
    Ok(())
}

/// What a roll just started will do, and when (UTC), with the DS the
/// parent needs.
fn roll_plan(keys: &ZoneKeys, ttl: u32) -> anyhow::Result<String> {
    use std::fmt::Write;
    let old = keys.active().context("the zone has no active key")?;
    let new = keys
        .in_state(KeyState::Published)
        .next()
        .context("the roll published no key")?;
    let (new_times, removed_at) = (new.stored(), old.stored().removed_at);
    let at = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut plan = String::new();
    writeln!(
        plan,
        "{}: key {} rolls to key {} (algorithm {})",
        old.apex,
        old.key_tag,
        new.key_tag,
        new.algorithm()
    )?;
    writeln!(
        plan,
        "{}  key {} published in DNSKEY",
        at(new_times.created_at),
        new.key_tag
    )?;
    writeln!(
        plan,
        "{}  key {} signs the zone; CDS and CDNSKEY name it: give the parent its DS\n    {}",
        at(new_times.active_at),
        new.key_tag,
        new.ds_text(ttl)?
    )?;
    if let Some(removed_at) = removed_at {
        writeln!(
            plan,
            "{}  key {} leaves DNSKEY: the parent must have the new DS by then",
            at(removed_at),
            old.key_tag
        )?;
    }
    Ok(plan)
}

async fn serve(config: Config, demo: bool, shutdown: CancellationToken) -> anyhow::Result<()> {
    let listeners = Listeners::bind(&config).await?;
    let (http, dns) = (listeners.http_addr(), listeners.dns_addr());
    tracing::info!(%http, https = ?listeners.https_addr(), %dns, "listening");
    {
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            wait_for_signal().await;
            tracing::info!("shutting down; letting in-flight requests finish");
            shutdown.cancel();
        });
    }
    let app = App::build(config, &shutdown).await?;
    if demo {
        app.load_demo().await?;
        eprintln!(
            "callsign demo is up. Try:\n  \
             curl -s 'http://{http}/.well-known/webfinger?resource=acct:alice@example.com'\n  \
             dig @{} -p {} +norec 0.0.1.0.5.5.5.2.1.2.1.e164.arpa NAPTR\n  \
             API docs: http://{http}/api/docs",
            dns.ip(),
            dns.port()
        );
    }
    app.run(listeners, shutdown).await
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

async fn import(
    config: Config,
    file: &str,
    skip_invalid: bool,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let options = ndjson::ImportOptions::new(&config, skip_invalid);
    let app = App::build(config, &shutdown).await?;
    let (reader, total): (Box<dyn AsyncBufRead + Unpin + Send>, Option<u64>) = if file == "-" {
        (Box::new(BufReader::new(tokio::io::stdin())), None)
    } else {
        let f = tokio::fs::File::open(file)
            .await
            .with_context(|| format!("opening {file}"))?;
        let len = f.metadata().await.ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, f)), len)
    };
    let bar = progress_bar(total);
    let started = std::time::Instant::now();
    let progress = |lines: u64, bytes: u64| {
        if let Some(bar) = &bar {
            bar.set_position(if total.is_some() { bytes } else { lines });
        }
    };
    let result = app
        .subjects
        .import("cli", reader, &options, &progress)
        .await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = result.map_err(|e| anyhow::anyhow!("import rolled back, nothing stored: {e}"))?;
    let secs = started.elapsed().as_secs_f64();
    for skipped in &report.skipped_lines {
        eprintln!("skipped line {}: {}", skipped.line, skipped.reason);
    }
    println!(
        "imported {} subjects ({} created, {} updated, {} skipped) in {:.1} s, {:.0} subjects/s",
        report.created + report.updated,
        report.created,
        report.updated,
        report.skipped,
        secs,
        (report.created + report.updated) as f64 / secs.max(1e-9)
    );
    Ok(())
}

fn progress_bar(total: Option<u64>) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .expect("template"),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} lines {per_sec}")
                .expect("template"),
        ),
    };
    Some(bar)
}
