//! Boots Blankett: reads the configuration, starts logging, binds the
//! address and serves until SIGTERM or Ctrl-C.

use server::config::Config;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(errors) => {
            eprintln!("Blankett cannot start: {errors}");
            return ExitCode::from(2);
        }
    };
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    if config.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    // `blankett notice …`: operating notices, on the same database.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("notice") {
        return notice(&config, &args[1..]).await;
    }
    // `blankett api-token …` and `blankett webhook …`: back-office systems.
    if matches!(
        args.first().map(String::as_str),
        Some("api-token" | "webhook")
    ) {
        return match command_db(&config).await {
            Ok(db) => said(server::integration::command(&args, &db).await),
            Err(code) => code,
        };
    }
    // `blankett staff …`: staff accounts, the first administrator among them.
    if args.first().map(String::as_str) == Some("staff") {
        return staff(&config, &args[1..]).await;
    }
    tracing::info!(?config, "starting");

    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(address = %config.addr, error = %e, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    match server::run(config, listener, shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "Blankett stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down; finishing requests in flight");
}

/// The database for a command, or a message and failure.
async fn command_db(config: &Config) -> Result<server::db::Db, ExitCode> {
    server::db::Db::connect(config.database_url.as_deref(), &config.data_dir)
        .await
        .map_err(|e| {
            eprintln!("{e}");
            ExitCode::FAILURE
        })
}

/// A command's outcome, said: its message, or why not (exit code 2).
fn said(outcome: Result<String, String>) -> ExitCode {
    match outcome {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

async fn notice(config: &Config, args: &[String]) -> ExitCode {
    match command_db(config).await {
        Ok(db) => said(server::notices::command(args, &db, &config.timezone).await),
        Err(code) => code,
    }
}

async fn staff(config: &Config, args: &[String]) -> ExitCode {
    let db = match command_db(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    // The password from the environment, or the first line of standard
    // input: never from the command line, where others can read it.
    // An account that signs in only through the identity provider has none.
    let needs_password = !args.iter().any(|a| a == "--provider-only");
    let password = std::env::var("BLANKETT_STAFF_PASSWORD").ok().or_else(|| {
        if !needs_password {
            return None;
        }
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).ok()?;
        Some(line.trim_end_matches(['\r', '\n']).to_owned()).filter(|l| !l.is_empty())
    });
    said(server::staff::command(args, &db, password).await)
}
