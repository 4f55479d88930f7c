//! Blankett's server: configuration, storage, rendering and the HTTP
//! surface, in one binary.
//!
//! Invariants: this is the only crate that does IO. `main.rs` only boots;
//! [`run`] takes a configuration, a bound listener and a shutdown signal, so
//! tests start the real server on `127.0.0.1:0`. Internal errors are logged
//! once, with a reference, in [`error`]; people only ever see the reference.

pub mod accessibility;
pub mod admin;
pub mod auth;
pub mod authoring;
pub mod catalogue;
pub mod config;
pub mod db;
pub mod demo;
pub mod drafts;
pub mod error;
pub mod field_settings;
pub mod files;
pub mod handling;
pub mod http;
pub mod integration;
pub mod mail;
pub mod my_cases;
pub mod notices;
pub mod secret;
pub mod staff;
pub mod statistics;
pub mod statuses;
pub mod submission;
pub mod uploads;

use app::ssr::Ports;
use axum::extract::FromRef;
use catalogue::{CatalogueService, FormStore};
use config::Config;
use db::Db;
use leptos::prelude::LeptosOptions;
use std::future::Future;
use std::sync::{Arc, RwLock};
use tokio::net::TcpListener;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub forms: Arc<RwLock<FormStore>>,
    /// The contents of attached files.
    pub files: Arc<dyn files::FileStore>,
    pub ports: Ports,
    pub leptos_options: LeptosOptions,
    /// The statistics counted since they were last written.
    pub stats: Arc<statistics::Statistics>,
    /// Accessibility checks of published versions.
    pub checker: Arc<accessibility::Checker>,
    /// Wakes the outbox worker after a commit that wrote mail.
    pub mail_wake: Arc<tokio::sync::Notify>,
    /// Wakes the webhook worker after a commit that may have written a
    /// delivery.
    pub webhook_wake: Arc<tokio::sync::Notify>,
    /// The built-in test e-ID, when it is on.
    pub test_eid: Option<Arc<auth::test_eid::TestEid>>,
    /// Residents' e-ID through OpenID Connect, when configured (it is then
    /// used instead of the test e-ID).
    pub oidc: Option<Arc<auth::oidc::Oidc>>,
    /// The municipality's identity provider for staff, when configured.
    pub staff_oidc: Option<Arc<auth::oidc::Oidc>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Connects to the database, runs migrations, loads the published forms
/// (and the demo services when configured) and builds the state.
pub async fn prepare(config: Config) -> anyhow::Result<AppState> {
    let db = Db::connect(config.database_url.as_deref(), &config.data_dir).await?;
    if config.demo {
        let imported = catalogue::import_demo(&db).await?;
        tracing::info!(imported, "demo services loaded");
        let staff = staff::import_demo(&db).await?;
        tracing::info!(staff, "demo staff accounts added");
    }
    let forms = Arc::new(RwLock::new(FormStore::load(&db).await?));
    let stats = Arc::new(statistics::Statistics::new(config.timezone.clone()));
    let checker = Arc::new(accessibility::Checker::new(
        config.accessibility_command.clone(),
    ));
    let abandoned = accessibility::abandon_unfinished(&db).await?;
    if abandoned > 0 {
        tracing::warn!(
            abandoned,
            "accessibility checks left unfinished by a stopped server"
        );
    }
    let catalogue = Arc::new(CatalogueService {
        stats: stats.clone(),
        checker: checker.clone(),
        db: db.clone(),
        forms: forms.clone(),
        timezone: config.timezone.clone(),
        public_url: config.public_url.clone(),
        notices: Arc::default(),
        draft_days: config.draft_days,
    });
    let leptos_options = LeptosOptions::builder()
        .output_name("blankett")
        .site_root(config.site_dir.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    let files = Arc::new(files::LocalFiles::new(config.data_dir.join("files")));
    let test_eid = config.test_eid;
    let oidc = config.oidc.clone();
    let staff_oidc = config.staff_oidc.clone();
    Ok(AppState {
        files,
        config: Arc::new(config),
        db,
        forms,
        ports: Ports {
            catalogue: catalogue.clone(),
            cases: catalogue.clone(),
            handling: catalogue.clone(),
            admin: catalogue.clone(),
            authoring: catalogue,
        },
        test_eid: test_eid.then(Arc::default),
        oidc: oidc.map(|settings| Arc::new(auth::oidc::Oidc::new(settings))),
        staff_oidc: staff_oidc.map(|settings| Arc::new(auth::oidc::Oidc::new(settings))),
        leptos_options,
        stats,
        checker,
        mail_wake: Arc::new(tokio::sync::Notify::new()),
        webhook_wake: Arc::new(tokio::sync::Notify::new()),
    })
}

/// How often the statistics counted in memory are written.
const STATISTICS_EVERY: std::time::Duration = std::time::Duration::from_secs(10);
/// How often the server looks for a publication made elsewhere or a
/// scheduled one whose time has come.
const RELOAD_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves Blankett on `listener` until `shutdown` completes, then finishes
/// the requests in flight.
pub async fn run(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = prepare(config).await?;
    state.checker.listening_at(listener.local_addr()?);
    let worker = mail::Worker {
        db: state.db.clone(),
        transport: mail::Transport::from_config(&state.config)?,
        from: state.config.mail_from.clone(),
        retry: state.config.mail_retry,
        wake: state.mail_wake.clone(),
    };
    let (stop_mail, mail_stopped) = tokio::sync::watch::channel(false);
    let mail_task = tokio::spawn(worker.run(mail_stopped.clone()));
    let hooks = integration::Worker::new(
        state.db.clone(),
        state.config.webhook_retry,
        state.webhook_wake.clone(),
    );
    let hook_task = tokio::spawn(hooks.run(mail_stopped.clone()));
    let stats_task = tokio::spawn(state.stats.clone().run(
        state.db.clone(),
        STATISTICS_EVERY,
        mail_stopped.clone(),
    ));
    let reload_task = tokio::spawn(catalogue::reload_when_changed(
        state.db.clone(),
        state.forms.clone(),
        RELOAD_EVERY,
        mail_stopped.clone(),
    ));
    let sweeper = tokio::spawn(sweep_drafts(state.clone(), mail_stopped));
    let router = http::router(state);
    tracing::info!(address = %listener.local_addr()?, "Blankett is serving");
    // The peer's address, for the rate limits.
    let router = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await;
    // The worker finishes the mail in hand; the rest waits in the outbox.
    let _ = stop_mail.send(true);
    for (task, name) in [
        (mail_task, "mail worker"),
        (hook_task, "webhook worker"),
        (sweeper, "draft sweeper"),
        (stats_task, "statistics writer"),
        (reload_task, "published forms' reload"),
    ] {
        if let Err(e) = task.await {
            tracing::error!(error = %e, task = name, "a background task stopped abnormally");
        }
    }
    served?;
    tracing::info!("Blankett has stopped");
    Ok(())
}

/// Deletes expired drafts and sessions, and closed cases past their
/// retention, at start-up and every hour until `stop`.
async fn sweep_drafts(state: AppState, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(e) = drafts::sweep(
            &state.db,
            state.files.as_ref(),
            &state.stats,
            db::now_millis(),
        )
        .await
        {
            tracing::error!(error = %e, "expired drafts could not be deleted");
        }
        if let Err(e) = handling::sweep_closed(
            &state.db,
            &state.forms,
            state.files.as_ref(),
            &state.config.timezone,
            db::now_millis(),
        )
        .await
        {
            tracing::error!(error = %e, "closed cases past their retention could not be deleted");
        }
        let sessions = auth::store::DbStore::new(state.db.clone());
        if let Err(e) = sessions.sweep(db::now_millis()).await {
            tracing::error!(error = %e, "expired sessions could not be deleted");
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
            _ = stop.changed() => return,
        }
    }
}
