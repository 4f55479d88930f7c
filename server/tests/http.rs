//! The real server on `127.0.0.1:0`, against a real SQLite file and a real
//! PostgreSQL server, driven over HTTP. Every test runs on both databases.
//!
//! PostgreSQL comes from `BLANKETT_TEST_POSTGRES_URL` (an account that may
//! create databases); `scripts/test` starts a private cluster and sets it.
//! Each test gets a database of its own.

mod support;

use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::StatusCode;
use server::config::Config;
use server::db::Db;
use std::collections::HashMap;
use std::path::PathBuf;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

struct TestServer {
    base: String,
    client: reqwest::Client,
    data_dir: PathBuf,
    database_url: Option<String>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
    _dir: tempfile::TempDir,
}

/// A fresh, empty database for one test on `backend`.
async fn fresh_database(backend: Backend) -> Option<String> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => {
            let admin = std::env::var("BLANKETT_TEST_POSTGRES_URL").expect(
                "BLANKETT_TEST_POSTGRES_URL is not set: run scripts/test, which starts PostgreSQL, \
                 or point it at a server where the user may create databases",
            );
            use sqlx::Connection;
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to PostgreSQL");
            let name = format!("blankett_test_{}", server::secret::token());
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let (base, _) = admin.rsplit_once('/').expect("URL with a database name");
            Some(format!("{base}/{name}"))
        }
    }
}

impl TestServer {
    async fn start(backend: Backend) -> Self {
        Self::start_configured(backend, &[]).await
    }

    /// A server with extra settings (`BLANKETT_…` variables).
    async fn start_configured(backend: Backend, settings: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let database_url = fresh_database(backend).await;
        Self::start_in(dir, database_url, settings).await
    }

    async fn start_with(dir: tempfile::TempDir, database_url: Option<String>) -> Self {
        Self::start_in(dir, database_url, &[]).await
    }

    async fn start_in(
        dir: tempfile::TempDir,
        database_url: Option<String>,
        settings: &[(&str, &str)],
    ) -> Self {
        let data_dir = dir.path().to_path_buf();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        // The address people reach it at, as a deployment would set it.
        let mut settings = settings.to_vec();
        if !settings.iter().any(|(k, _)| *k == "BLANKETT_PUBLIC_URL") {
            settings.push(("BLANKETT_PUBLIC_URL", &base));
        }
        let config = config_for(&data_dir, database_url.as_deref(), &settings);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server::run(config, listener, async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(Policy::none())
            // A request that hangs fails the test, saying which, instead of
            // stalling the run.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client");
        let server = TestServer {
            base,
            client,
            data_dir,
            database_url,
            stop: Some(stop),
            task: Some(task),
            _dir: dir,
        };
        server.wait_ready().await;
        server
    }

    /// Polls `/readyz` with a bound instead of sleeping a guessed time.
    async fn wait_ready(&self) {
        for _ in 0..200 {
            if let Ok(r) = self.client.get(self.url("/readyz")).send().await {
                if r.status() == StatusCode::OK {
                    return;
                }
            }
            tokio::task::yield_now().await;
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("the server did not become ready");
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn get(&self, path: &str) -> (StatusCode, String) {
        let r = self.client.get(self.url(path)).send().await.expect("GET");
        let status = r.status();
        (status, r.text().await.expect("body"))
    }

    async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(pairs)
            .send()
            .await
            .expect("POST")
    }

    /// Fills in the whole form of `service` the way a browser without
    /// JavaScript does, in a journey of its own: see [`Journey::send`].
    async fn send_form(&self, service: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        Journey::start(self, service).await.send(pairs).await
    }

    /// The answers stored for the case a post made: follows the redirect to
    /// the receipt and looks the case up by the reference shown there.
    async fn stored_answers(&self, posted: reqwest::Response) -> serde_json::Value {
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        let reference = self.reference_of(&posted).await;
        let db = self.db().await;
        let (_, answers) = server::db::cases::answers_by_reference(&db.pool, &reference)
            .await
            .expect("query")
            .expect("the case is stored");
        serde_json::from_str(&answers).expect("json")
    }

    /// The reference of the case a post led to the receipt of (looked up
    /// by the receipt's token: a signed-in resident's receipt opens only
    /// in their session).
    async fn reference_of(&self, posted: &reqwest::Response) -> String {
        let location = posted.headers()[LOCATION].to_str().expect("ascii");
        let token = location.strip_prefix("/receipts/").expect("to a receipt");
        let db = self.db().await;
        sqlx::query_scalar("SELECT reference FROM cases WHERE receipt_token = $1")
            .bind(token)
            .fetch_one(&db.pool)
            .await
            .expect("the case is stored")
    }

    /// Waits, with a bound, until the outbox has nothing left to send, and
    /// gives what it holds.
    async fn outbox_settled(&self) -> server::db::outbox::Counts {
        let db = self.db().await;
        for _ in 0..600 {
            let counts = server::db::outbox::counts(&db.pool).await.expect("outbox");
            if counts.waiting == 0 {
                return counts;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("mail is still waiting in the outbox");
    }

    /// The mail written to files in embedded mode, oldest first.
    fn mail_files(&self) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(self.data_dir.join("mail")) else {
            return Vec::new();
        };
        let mut names: Vec<PathBuf> = dir
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("mail file"))
            .collect()
    }

    /// A database handle of its own, to check what was stored.
    async fn db(&self) -> Db {
        Db::connect(self.database_url.as_deref(), &self.data_dir)
            .await
            .expect("db")
    }

    /// Stops the server gracefully and returns its data directory.
    async fn stop(mut self) -> (tempfile::TempDir, Option<String>) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
        let dir = std::mem::replace(&mut self._dir, tempfile::tempdir().expect("temp dir"));
        (dir, self.database_url.take())
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn config_for(
    data_dir: &std::path::Path,
    database_url: Option<&str>,
    settings: &[(&str, &str)],
) -> Config {
    let mut vars = HashMap::new();
    vars.insert("BLANKETT_DATA_DIR", data_dir.display().to_string());
    vars.insert("BLANKETT_ADDR", "127.0.0.1:0".to_string());
    if let Some(url) = database_url {
        vars.insert("DATABASE_URL", url.to_string());
    }
    vars.extend(settings.iter().map(|(k, v)| (*k, v.to_string())));
    Config::from_vars(|k| vars.get(k).cloned()).expect("valid test config")
}

/// A service's draft (or live version) as its author exports it, as JSON.
async fn exported(server: &TestServer, author: &mut Journey<'_>, key: &str) -> serde_json::Value {
    let request = server
        .client
        .get(server.url(&format!("/staff/forms/{key}/export.json")));
    let text = author
        .send_request(request)
        .await
        .text()
        .await
        .expect("body");
    serde_json::from_str(&text).expect("json")
}

/// Where a page's back link leads.
fn back_link(html: &str) -> String {
    let tag = html
        .split("<a ")
        .find(|t| {
            t.split('>')
                .next()
                .is_some_and(|a| a.contains(r#"class="back-link""#))
        })
        .expect("a back link");
    tag.split(r#"href=""#)
        .nth(1)
        .and_then(|h| h.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// The value of a hidden input in a page.
fn hidden_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no input {name}"))
        + marker.len();
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One person filling in one form without JavaScript: posts pages and
/// carries the draft cookie the server gives, as a browser would.
struct Journey<'a> {
    server: &'a TestServer,
    service: String,
    cookie: Option<String>,
    /// The session cookie, once there is a session.
    session: Option<String>,
}

impl<'a> Journey<'a> {
    fn new(server: &'a TestServer, service: &str) -> Self {
        Journey {
            server,
            service: service.to_string(),
            cookie: None,
            session: None,
        }
    }

    /// A journey through `service` as a browser would begin it: signed in
    /// with the test e-ID as Anna Andersson when the service asks for e-ID.
    async fn start(server: &'a TestServer, service: &str) -> Self {
        let mut journey = Journey::new(server, service);
        let (_, start) = server.get(&format!("/services/{service}")).await;
        if start.contains(r#"action="/signin""#) {
            let r = journey.sign_in("anna").await;
            assert_eq!(
                r.headers()[LOCATION],
                format!("/services/{service}/form").as_str()
            );
        }
        journey
    }

    /// Signs in with the test e-ID as `person` (`anna`, `lars`, `maja` at
    /// level 2, `jeanne` without a Swedish number), the whole way: the post
    /// that starts it, the test e-ID's page and its answer, the callback.
    /// Gives the callback's answer.
    async fn sign_in(&mut self, person: &str) -> reqwest::Response {
        let (sign_in_state, nonce) = self.sign_in_started().await;
        let r = self
            .post(
                "/test-eid",
                &[
                    ("state", &sign_in_state),
                    ("nonce", &nonce),
                    ("person", person),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let callback = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        assert!(callback.starts_with("/signin/callback?code="), "{callback}");
        let request = self.server.client.get(self.server.url(&callback));
        self.send_request(request).await
    }

    /// Posts "sign in" for the service; gives the state and nonce the
    /// browser is sent to the test e-ID with.
    async fn sign_in_started(&mut self) -> (String, String) {
        let service = self.service.clone();
        let r = self.post("/signin", &[("service", &service)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let query = to.strip_prefix("/test-eid?").expect("to the test e-ID");
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .expect(name)
                .to_owned()
        };
        (param("state"), param("nonce"))
    }

    fn keep_cookie(&mut self, response: &reqwest::Response) {
        let name = format!("draft-{}=", self.service);
        for value in response.headers().get_all(SET_COOKIE) {
            let value = value.to_str().expect("ascii");
            if let Some(rest) = value.strip_prefix(&name) {
                let secret = rest.split(';').next().unwrap_or_default();
                self.cookie = (!secret.is_empty()).then(|| format!("{name}{secret}"));
            }
            if let Some(rest) = value.strip_prefix("session=") {
                let id = rest.split(';').next().unwrap_or_default();
                self.session = (!id.is_empty()).then(|| format!("session={id}"));
            }
        }
    }

    async fn send_request(&mut self, request: reqwest::RequestBuilder) -> reqwest::Response {
        let cookies: Vec<&str> = self
            .cookie
            .iter()
            .chain(&self.session)
            .map(String::as_str)
            .collect();
        let request = if cookies.is_empty() {
            request
        } else {
            request.header(COOKIE, cookies.join("; "))
        };
        let response = request.send().await.expect("request");
        self.keep_cookie(&response);
        response
    }

    /// Posts `pairs` to `path`.
    async fn post(&mut self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        let request = self.server.client.post(self.server.url(path)).form(pairs);
        self.send_request(request).await
    }

    /// Posts a multipart body to `path`.
    async fn post_multipart(
        &mut self,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> reqwest::Response {
        let request = self
            .server
            .client
            .post(self.server.url(path))
            .multipart(form);
        self.send_request(request).await
    }

    async fn get(&mut self, path: &str) -> (StatusCode, String) {
        let request = self.server.client.get(self.server.url(path));
        let response = self.send_request(request).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// Posts every page in turn with `pairs` (each page takes its own
    /// questions from them), following where each post leads, and sends
    /// from check-your-answers. Gives the last answer: a redirect to the
    /// receipt, or the first page that came back with errors.
    async fn send(&mut self, pairs: &[(&str, &str)]) -> reqwest::Response {
        let mut path = format!("/services/{}/form", self.service);
        for _ in 0..20 {
            let response = self.post(&path, pairs).await;
            if response.status() != StatusCode::SEE_OTHER {
                return response;
            }
            let to = response.headers()[LOCATION]
                .to_str()
                .expect("ascii")
                .to_string();
            if to.ends_with("/check") {
                return self.send_checked().await;
            }
            path = to;
        }
        panic!("the form never reached check-your-answers");
    }

    /// Sends from check-your-answers, as its button does.
    async fn send_checked(&mut self) -> reqwest::Response {
        let check = format!("/services/{}/check", self.service);
        let (status, html) = self.get(&check).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        let key = hidden_value(&html, "_submission");
        self.post(&check, &[("_submission", key.as_str())]).await
    }
}

/// Writes each test once and runs it on SQLite and on PostgreSQL.
macro_rules! on_both_databases {
    ($(async fn $name:ident($server:ident : TestServer) $body:block)*) => {
        mod sqlite {
            use super::*;
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let $server = TestServer::start(Backend::Sqlite).await; $body })*
        }
        mod postgres {
            use super::*;
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { let $server = TestServer::start(Backend::Postgres).await; $body })*
        }
    };
}

const VALID_FAULT: &[(&str, &str)] = &[
    ("kind", "pothole"),
    ("location", "Storgatan 12"),
    ("description", "Ett djupt hål\r\ni cykelbanan."),
    ("email", "anna@example.se"),
];

on_both_databases! {
    async fn a_resident_signs_in_with_the_test_e_id_and_the_form_knows_them(server: TestServer) {
        let db = server.db().await;
        // Not signed in, a service that asks for e-ID asks them to sign in,
        // and keeps nothing posted to it.
        let (status, html) = server.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(html.contains("Logga in för att använda e-tjänsten") && html.contains(r#"action="/signin""#), "{html}");
        let r = server.post_form("/services/preschool-place/form", &[("guardian-name", "Mallory")]).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 0);

        let mut anna = Journey::new(&server, "preschool-place");
        let (sign_in_state, nonce) = anna.sign_in_started().await;
        let before = anna.session.clone().expect("a session for the sign-in under way");
        // The test e-ID's page: clearly a test, numbers masked.
        let (status, page) = anna.get(&format!("/test-eid?state={sign_in_state}&nonce={nonce}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("<h1>Test-e-legitimation</h1>") && page.contains("Ingen riktig person loggas in"), "{page}");
        assert!(page.contains("Anna Andersson") && page.contains("19811218-XXXX"), "{page}");
        assert!(!page.contains("19811218-9876"), "never the whole number");
        // Nobody chosen: said so, with the choice to make again.
        let r = anna.post("/test-eid", &[("state", &sign_in_state), ("nonce", &nonce)]).await;
        let again = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        assert!(again.ends_with("&error=person"), "{again}");
        let (status, page) = anna.get(&again).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("error-summary") && page.contains("Välj vem du vill logga in som"), "{page}");
        // Chosen: back with a code, and to the form.
        let r = anna.post("/test-eid", &[("state", &sign_in_state), ("nonce", &nonce), ("person", "anna")]).await;
        let callback = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let r = anna.send_request(server.client.get(server.url(&callback))).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form");
        let cookie = r.headers().get_all(SET_COOKIE).iter()
            .map(|v| v.to_str().expect("ascii").to_owned())
            .find(|v| v.starts_with("session=")).expect("the session cookie");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
        assert!(!cookie.contains("Secure"), "not over plain HTTP: {cookie}");
        let after = anna.session.clone().expect("signed in");
        assert_ne!(before, after, "a new session id at sign-in");

        // The form knows who they are.
        let (status, form) = anna.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains(r#"value="Anna Andersson""#) && form.contains(r#"value="19811218-9876""#), "{form}");
        assert!(form.contains("Inloggad som Anna Andersson"), "{form}");
        // The id from before signing in is worth nothing.
        let r = server.client.get(server.url("/services/preschool-place/form")).header(COOKIE, &before).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

        let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people").fetch_one(&db.pool).await.expect("count");
        assert_eq!(people, 1);
        // Signing out ends the session here.
        let r = anna.post("/signout", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/signed-out");
        let r = server.client.get(server.url("/services/preschool-place/form")).header(COOKIE, &after).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "signed out");
        let (_, page) = server.get("/signed-out").await;
        assert!(page.contains("Du är utloggad"), "{page}");

        let log = server::db::audit::newest(&db.pool, 10).await.expect("audit log");
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["sign-out", "sign-in"], "{log:?}");
        assert!(log.iter().all(|e| e.actor.starts_with("person:") && !format!("{e:?}").contains("9876")), "{log:?}");
        // Nobody can change the log, not even through the database.
        assert!(sqlx::query("UPDATE audit_log SET actor = 'x'").execute(&db.pool).await.is_err());
        assert!(sqlx::query("DELETE FROM audit_log").execute(&db.pool).await.is_err());
    }

    async fn a_sign_in_that_does_not_hold_is_refused_with_a_clear_page(server: TestServer) {
        let refusal = |r: &reqwest::Response| r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        // Another sign-in's state.
        let mut person = Journey::new(&server, "preschool-place");
        let (_, nonce) = person.sign_in_started().await;
        let forged = server::secret::token();
        let r = person.post("/test-eid", &[("state", &forged), ("nonce", &nonce), ("person", "anna")]).await;
        let callback = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let r = person.send_request(server.client.get(server.url(&callback))).await;
        assert_eq!(refusal(&r), "/signin/refused?reason=state&service=preschool-place");
        let (status, page) = person.get(&refusal(&r)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(page.contains("Inloggningen gick inte igenom") && page.contains("kunde inte kopplas till den här webbläsaren"), "{page}");
        assert!(page.contains(r#"name="service" value="preschool-place""#), "try again: {page}");
        // No sign-in under way at all.
        let r = server.client.get(server.url(&callback)).send().await.expect("GET");
        assert_eq!(refusal(&r), "/signin/refused?reason=state");
        // A code issued for another sign-in's nonce.
        let mut person = Journey::new(&server, "preschool-place");
        let (sign_in_state, _) = person.sign_in_started().await;
        let other_nonce = server::secret::token();
        let r = person.post("/test-eid", &[("state", &sign_in_state), ("nonce", &other_nonce), ("person", "anna")]).await;
        let callback = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let r = person.send_request(server.client.get(server.url(&callback))).await;
        assert_eq!(refusal(&r), "/signin/refused?reason=failed&service=preschool-place");
        // A made-up code.
        let mut person = Journey::new(&server, "preschool-place");
        let (sign_in_state, _) = person.sign_in_started().await;
        let r = person.send_request(server.client.get(server.url(&format!(
            "/signin/callback?code={}&state={sign_in_state}", server::secret::token())))).await;
        assert_eq!(refusal(&r), "/signin/refused?reason=failed&service=preschool-place");
        // Cancelled at the provider.
        let mut person = Journey::new(&server, "preschool-place");
        let (sign_in_state, nonce) = person.sign_in_started().await;
        let r = person.post("/test-eid", &[("state", &sign_in_state), ("nonce", &nonce), ("cancel", "1")]).await;
        let callback = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let r = person.send_request(server.client.get(server.url(&callback))).await;
        assert_eq!(refusal(&r), "/signin/refused?reason=cancelled&service=preschool-place");
        // An e-ID below the service's level of assurance.
        let mut maja = Journey::new(&server, "preschool-place");
        let r = maja.sign_in("maja").await;
        assert_eq!(refusal(&r), "/signin/refused?reason=loa&service=preschool-place");
        let (_, page) = maja.get(&refusal(&r)).await;
        assert!(page.contains("för låg tillitsnivå"), "{page}");
        let (status, _) = maja.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "not signed in");
        // … which is enough where the service asks for no more.
        let mut maja = Journey::new(&server, "fault-report");
        let r = maja.sign_in("maja").await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/form");

        let db = server.db().await;
        let log = server::db::audit::newest(&db.pool, 20).await.expect("audit log");
        let refused = log.iter().filter(|e| e.action == "sign-in-refused").count();
        assert_eq!(refused, 5, "{log:?}");
        assert_eq!(log.iter().filter(|e| e.action == "sign-in-cancelled").count(), 1);
    }

    async fn a_person_without_a_swedish_number_signs_in_too(server: TestServer) {
        let mut jeanne = Journey::new(&server, "preschool-place");
        let r = jeanne.sign_in("jeanne").await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form");
        let (status, form) = jeanne.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains(r#"value="Jeanne Dupont""#) && form.contains("Inloggad som Jeanne Dupont"), "{form}");
        let pin = form.split(r#"name="guardian-pin""#).nth(1).expect("the number's input");
        assert!(pin[..20].starts_with(r#" value="""#), "no number to fill in: {pin}");
    }

    async fn a_session_ends_when_idle_and_at_the_end_of_its_lifetime(server: TestServer) {
        let db = server.db().await;
        // Moves the signed-in person's times back by `idle` and `since`
        // milliseconds, as if that much time had passed.
        let age = |idle: i64, since: i64| {
            let pool = db.pool.clone();
            async move {
                let (id, data): (String, String) = sqlx::query_as("SELECT id, data FROM sessions")
                    .fetch_one(&pool).await.expect("one session");
                let mut data: serde_json::Value = serde_json::from_str(&data).expect("json");
                let person = &mut data["signed_in"];
                person["seen_at"] = (person["seen_at"].as_i64().expect("seen") - idle).into();
                person["signed_in_at"] = (person["signed_in_at"].as_i64().expect("at") - since).into();
                sqlx::query("UPDATE sessions SET data = $1 WHERE id = $2")
                    .bind(data.to_string()).bind(id).execute(&pool).await.expect("update");
            }
        };
        let minute = 60_000;
        let mut anna = Journey::start(&server, "preschool-place").await;
        // Signed-in pages carry the warning that comes before the end.
        let (_, page) = anna.get("/services/preschool-place/form").await;
        assert!(page.contains(r#"data-session-idle="1200""#) && page.contains(r#"<script src="/session.js" defer"#), "{page}");
        assert!(page.contains("loggas du ut om 2 minuter") && page.contains(r#"data-session-extend="Fortsätt vara inloggad""#), "{page}");
        let (_, anonymous) = server.get("/services/fault-report").await;
        assert!(!anonymous.contains("session.js") && !anonymous.contains("data-session-idle"));
        // "Stay signed in" starts the idle time again.
        age(19 * minute, 0).await;
        let r = anna.post("/session/extend", &[("back", "/services/preschool-place/form")]).await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form");
        age(19 * minute, 0).await;
        assert_eq!(anna.get("/services/preschool-place/form").await.0, StatusCode::OK, "19 minutes since staying");
        let r = anna.post("/session/extend", &[("back", "https://evil.example/")]).await;
        assert_eq!(r.headers()[LOCATION], "/", "only back to this site");
        age(19 * minute, 0).await;
        assert_eq!(anna.get("/services/preschool-place/form").await.0, StatusCode::OK, "19 minutes idle is fine");
        age(21 * minute, 0).await;
        assert_eq!(anna.get("/services/preschool-place/form").await.0, StatusCode::UNAUTHORIZED, "21 minutes is not");
        let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&db.pool).await.expect("count");
        assert_eq!(sessions, 0, "the session is deleted");

        let mut anna = Journey::start(&server, "preschool-place").await;
        age(0, 8 * 60 * minute - minute).await;
        assert_eq!(anna.get("/services/preschool-place/form").await.0, StatusCode::OK, "busy for almost 8 hours");
        age(0, 2 * minute).await;
        assert_eq!(anna.get("/services/preschool-place/form").await.0, StatusCode::UNAUTHORIZED, "8 hours is the end");
        let log = server::db::audit::newest(&db.pool, 10).await.expect("audit log");
        let ended: Vec<&str> = log.iter().filter(|e| e.action == "session-ended").map(|e| e.detail.as_str()).collect();
        assert_eq!(ended, ["lifetime", "idle"], "{log:?}");
    }

    async fn a_signed_in_residents_draft_is_theirs_alone(server: TestServer) {
        let mut anna = Journey::start(&server, "preschool-place").await;
        let r = anna.post("/services/preschool-place/form", &[
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"), ("_action", "save")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let draft_cookie = anna.cookie.clone().expect("a draft");
        // Lars, signed in on the same computer afterwards with Anna's draft
        // cookie still there, starts afresh with his own details.
        let mut lars = Journey::new(&server, "preschool-place");
        lars.sign_in("lars").await;
        lars.cookie = Some(draft_cookie.clone());
        let (status, form) = lars.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains(r#"value="Lars Svensson""#) && !form.contains("Anna Andersson") && !form.contains("9876"), "{form}");
        // Nor can he send it.
        let r = lars.post("/services/preschool-place/check", &[("_submission", "x")]).await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form");
        let cases: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases").fetch_one(&server.db().await.pool).await.expect("count");
        assert_eq!(cases, 0);
        // Anna still has it.
        let (_, form) = anna.get("/services/preschool-place/form").await;
        assert!(form.contains(r#"value="19811218-9876""#), "{form}");
    }

    async fn staff_sign_in_with_local_accounts_and_the_first_administrator_is_made_by_command(server: TestServer) {
        let db = server.db().await;
        let (status, page) = server.get("/staff/signin").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(r#"autocomplete="current-password""#) && page.contains("Logga in som medarbetare"), "{page}");
        assert_eq!(server.get("/staff").await.0, StatusCode::FOUND, "nobody signed in: to the sign-in page");

        let mut hugo = Journey::new(&server, "preschool-place");
        let r = hugo.post("/staff/signin", &[("username", "handlaggare"), ("password", "")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Fyll i både användarnamn och lösenord") && page.contains(r#"value="handlaggare""#), "{page}");
        let r = hugo.post("/staff/signin", &[("username", "handlaggare"), ("password", "fel-lösenord-123")]).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let page = r.text().await.expect("body");
        assert!(page.contains("Användarnamnet eller lösenordet stämmer inte") && page.contains(r#"value="handlaggare""#), "{page}");
        let r = hugo.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (status, home) = hugo.get("/staff").await;
        assert_eq!(status, StatusCode::OK);
        assert!(home.contains("Hugo Handläggare") && home.contains("<li>Handläggare</li>"), "{home}");
        assert!(home.contains("<li>Ansök om förskoleplats</li>") && home.contains("Inloggad som Hugo Handläggare"), "{home}");
        // Staff are not residents: a service asking for e-ID still asks.
        assert_eq!(hugo.get("/services/preschool-place/form").await.0, StatusCode::UNAUTHORIZED);
        let log = server::db::audit::newest(&db.pool, 5).await.expect("audit");
        let actions: Vec<(&str, &str)> = log.iter().map(|e| (e.action.as_str(), e.actor.as_str())).collect();
        assert_eq!(actions[0].0, "sign-in");
        assert_eq!(actions[1].0, "sign-in-failed");
        assert!(actions[1].1.starts_with("staff:"), "{actions:?}");
        let r = hugo.post("/signout", &[]).await;
        assert_eq!(r.headers()[LOCATION], "/signed-out");
        assert_eq!(hugo.get("/staff").await.0, StatusCode::FOUND);

        // The command that makes the first administrator.
        let add = |args: &[&str], password: &str| {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            let db = db.clone();
            let password = password.to_owned();
            async move { server::staff::command(&args, &db, Some(password)).await }
        };
        let ok = add(&["add", "--username", "ada", "--name", "Ada Admin", "--role", "administrator",
            "--organisation", "skola", "Skolförvaltningen", "--service", "preschool-place"], "ett långt lösenord").await;
        assert!(ok.as_deref().is_ok_and(|m| m.contains("(ada) added")), "{ok:?}");
        assert!(add(&["add", "--username", "ada", "--name", "A", "--role", "handler"], "ett långt lösenord").await.is_err(), "taken");
        assert!(add(&["add", "--username", "bo", "--name", "B", "--role", "handler"], "kort").await.is_err(), "too short");
        assert!(add(&["add", "--username", "bo", "--name", "B", "--role", "boss"], "ett långt lösenord").await.is_err());
        let mut ada = Journey::new(&server, "preschool-place");
        let r = ada.post("/staff/signin", &[("username", "ada"), ("password", "ett långt lösenord")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (_, home) = ada.get("/staff").await;
        assert!(home.contains("<li>Administratör</li>"), "{home}");
        let hash: String = sqlx::query_scalar("SELECT password_hash FROM staff WHERE username = 'ada'")
            .fetch_one(&db.pool).await.expect("hash");
        assert!(hash.starts_with("$argon2id$") && !hash.contains("långt"), "{hash}");
    }

    async fn a_residents_drafts_receipts_and_links_are_refused_to_everyone_else(server: TestServer) {
        // Anna's things: a draft saved for later (with its resume link) of
        // one service, and a case sent of another.
        let mut anna = Journey::start(&server, "preschool-place").await;
        let r = anna.post("/services/preschool-place/form", &[
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"), ("_action", "save")]).await;
        let resume = r.headers().get_all(SET_COOKIE).iter().filter_map(|c| c.to_str().ok())
            .find_map(|c| c.strip_prefix("resume-preschool-place=")).and_then(|c| c.split(';').next())
            .expect("a resume secret").to_owned();
        let draft = anna.cookie.clone().expect("a draft");
        let mut permit = Journey::start(&server, "parking-permit").await;
        let sent = permit.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{:?}", sent.text().await);
        let receipt = sent.headers()[LOCATION].to_str().expect("ascii").to_owned();
        let reference = server.reference_of(&sent).await;
        assert_eq!(permit.get(&receipt).await.0, StatusCode::OK, "Anna sees her receipt");
        assert_eq!(permit.get(&format!("/my-cases/{reference}")).await.0, StatusCode::OK, "and her case");

        let db = server.db().await;
        let draft_id: i64 = sqlx::query_scalar("SELECT id FROM drafts WHERE person_id IS NOT NULL")
            .fetch_one(&db.pool).await.expect("her draft");
        let token = receipt.trim_start_matches("/receipts/").to_owned();
        // What each varying part of an address is, for Anna's things.
        let part = |name: &str| -> String {
            match name {
                "key" => "preschool-place".into(),
                "page" => "guardian".into(),
                "token" => token.clone(),
                "secret" => resume.clone(),
                "reference" => reference.clone(),
                "id" => draft_id.to_string(),
                "file" => "export.json".into(),
                "field" => "0".into(),
                "tag" => "sv".into(),
                "version" => "1".into(),
                "inner" => "0".into(),
                other => panic!("the access test does not know {{{other}}}: teach it"),
            }
        };
        // Every address the server answers that takes an id, from the
        // router's own list (its routes, the app's pages, the server
        // functions): none may escape this test.
        let mut asked: Vec<(String, String, bool)> = Vec::new();
        for (method, path) in server::http::route_list() {
            let parts: Vec<&str> = path.split('/').collect();
            let names: Vec<String> = parts.iter()
                .filter_map(|p| p.strip_prefix('{').and_then(|p| p.strip_suffix('}')).or_else(|| p.strip_prefix(':')))
                .map(str::to_owned)
                .collect();
            // (The back-office API, /api/v1, is a route like any other here.)
            let server_fn = path.starts_with("/api/") && !path.starts_with("/api/v1/");
            if names.is_empty() && !server_fn {
                continue;
            }
            let filled: Vec<String> = parts.iter().map(|p| {
                match p.strip_prefix('{').and_then(|p| p.strip_suffix('}')).or_else(|| p.strip_prefix(':')) {
                    Some(name) => part(name),
                    None => (*p).to_owned(),
                }
            }).collect();
            // Anything reached by a secret or a case's id must be refused;
            // a service's pages (by key) must show nothing of hers. (Which
            // server functions are personal is found below, by asking as Anna.)
            let personal = names.iter().any(|n| ["token", "secret", "reference", "id"].contains(&n.as_str()));
            asked.push((method.to_string(), filled.join("/"), personal));
        }
        assert!(asked.len() >= 20, "{asked:?}");
        for wanted in ["/my-cases/{reference}", "/staff/cases/{reference}/status", "/receipts/{token}", "/api/"] {
            let wanted = wanted.replace("{reference}", &reference).replace("{token}", &token);
            assert!(asked.iter().any(|(_, p, _)| p.starts_with(&wanted)), "{wanted} is in the router's list");
        }

        // Everyone else: nobody signed in, another resident, staff without
        // the right role (a form author) or service (a handler of another).
        let args: Vec<String> = ["add", "--username", "vigsel", "--name", "Vera Vigsel", "--role", "handler",
            "--service", "wedding-ceremony"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut others = vec![("nobody", Journey::new(&server, "preschool-place"))];
        let mut lars = Journey::new(&server, "preschool-place");
        lars.sign_in("lars").await;
        others.push(("lars", lars));
        for (username, password) in [("formgivare", "demo-formgivare-2026"), ("vigsel", "ett långt lösenord")] {
            let mut staff = Journey::new(&server, "preschool-place");
            let r = staff.post("/staff/signin", &[("username", username), ("password", password)]).await;
            assert_eq!(r.headers()[LOCATION], "/staff");
            others.push((username, staff));
        }
        // Every argument any server function takes, with Anna's ids.
        let arguments = [("key", "preschool-place".to_owned()), ("page", "guardian".into()), ("token", token.clone()),
            ("reference", reference.clone()), ("show_errors", "false".into()), ("sent", "false".into())];
        let arguments: Vec<(&str, &str)> = arguments.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let shows_hers = |body: &str| body.contains("19811218-9876") || body.contains("ABC123")
            || body.contains(&format!(">{reference}<")) || body.contains(&format!("Ärende {reference}"))
            || body.contains("Storgatan 12");
        // A server function that shows Anna her things by their ids (not
        // by her browser's draft cookie, which the others are given too
        // and which must bring them only their own) must refuse everyone
        // else; asked as her first (they only read).
        permit.cookie = None;
        let mut personal_fns = 0;
        for (method, path, personal) in asked.iter_mut() {
            if path.starts_with("/api/") && !path.starts_with("/api/v1/") && path != "/api/autosave" {
                let r = permit.send_request(server.client.post(server.url(path)).form(&arguments)).await;
                // (Her case's data, not her name and number, which any
                // form she opens is prefilled with.)
                let body = r.text().await.expect("body");
                *personal = body.contains("ABC123") || body.contains(&format!(">{reference}<"));
                personal_fns += usize::from(*personal);
                assert_eq!(method, "POST");
            }
        }
        assert!(personal_fns >= 2, "her receipt and her case, at least");
        for (who, other) in others.iter_mut() {
            let who = *who;
            // With Anna's draft cookie, as if they had her browser.
            other.cookie = Some(draft.clone());
            for (method, path, personal) in &asked {
                let request = match method.as_str() {
                    "GET" => server.client.get(server.url(path)),
                    _ => server.client.post(server.url(path)).form(&arguments),
                };
                let r = other.send_request(request).await;
                let status = r.status();
                let location = r.headers().get(LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("").to_owned();
                let body = r.text().await.expect("body");
                // Refused: no such thing, sign in first, or start afresh.
                let refused = status.is_client_error()
                    || status.is_server_error() && path.starts_with("/api/")
                    || ["/drafts/expired", "/staff/signin", "/my-cases", "/services/preschool-place/form"].contains(&location.as_str());
                assert!(refused || !personal, "{who}: {method} {path} answered {status} {location}");
                assert!(!shows_hers(&body), "{who}: {method} {path} showed Anna's answers: {body}");
            }
            // Saving as one goes is quietly dropped.
            let body = serde_json::json!({"key": "preschool-place", "page": "guardian",
                "answers": [["guardian-name", "Mallory"]]});
            let r = other.send_request(server.client.post(server.url("/api/autosave"))
                .header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_string())).await;
            assert!(r.status().is_success() || r.status().is_client_error(), "{who}: {}", r.status());
        }
        // Anna's draft and answers are untouched, her case too.
        let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE reference = $1")
            .bind(&reference).fetch_one(&db.pool).await.expect("status");
        assert_eq!(status, "received");
        let (_, form) = anna.get("/services/preschool-place/form").await;
        assert!(form.contains(r#"value="Anna Andersson""#) && !form.contains("Mallory"), "{form}");
    }

    async fn my_cases_lists_a_residents_drafts_and_cases_and_shows_each_case_in_full(server: TestServer) {
        // Nobody signed in is asked to, and the sign-in comes back here.
        let (status, page) = server.get("/my-cases").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(page.contains(r#"name="service" value="""#) && page.contains("Logga in med e-legitimation"), "{page}");
        let mut anna = Journey::new(&server, "");
        let r = anna.sign_in("anna").await;
        assert_eq!(r.headers()[LOCATION], "/my-cases");
        let (status, empty) = anna.get("/my-cases").await;
        assert_eq!(status, StatusCode::OK);
        assert!(empty.contains("Du har inga ärenden") && empty.contains(r#"<a href="/my-cases">Mina ärenden</a>"#), "{empty}");

        // A fault report sent signed in, with a photo.
        anna.service = "fault-report".into();
        let jpeg = b"\xFF\xD8\xFF\xE0 a tiny photo".to_vec();
        let key = server::secret::token();
        let mut pairs: Vec<(&str, &str)> = VALID_FAULT.to_vec();
        pairs.extend([("_version", "2"), ("_submission", key.as_str())]);
        let body = pairs.iter().fold(reqwest::multipart::Form::new(), |f, (n, v)| f.text(n.to_string(), v.to_string()))
            .part("photos", reqwest::multipart::Part::bytes(jpeg.clone()).file_name("hål.jpg").mime_str("image/jpeg").expect("mime"));
        let r = anna.post_multipart("/services/fault-report/form", body).await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/check");
        let sent = anna.send_checked().await;
        let reference = server.reference_of(&sent).await;
        // And a preschool application begun and saved.
        anna.service = "preschool-place".into();
        let r = anna.post("/services/preschool-place/form", &[("guardian-address.street", "Lingonstigen 7"), ("_action", "save")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, form) = anna.get("/services/preschool-place/form").await;
        let draft_key = hidden_value(&form, "_submission");

        let (_, list) = anna.get("/my-cases").await;
        assert!(list.contains("Påbörjade"), "{list}");
        let continue_href = list.split(r#"href="/my-cases/drafts/"#).nth(1).and_then(|r| r.split('"').next())
            .map(|id| format!("/my-cases/drafts/{id}")).expect("a link to continue the draft");
        assert!(list.contains("Ansök om förskoleplats") && list.contains("Sparas till och med"), "{list}");
        assert!(list.contains(&format!(r#"href="/my-cases/{reference}""#)) && list.contains("Mottaget"), "{list}");
        assert!(list.contains("Felanmälan – gata och park"), "{list}");

        // She continues the draft in another browser from My cases; a form
        // opened there on its own starts afresh.
        let mut elsewhere = Journey::new(&server, "preschool-place");
        elsewhere.sign_in("anna").await;
        let (_, fresh) = elsewhere.get("/services/preschool-place/form").await;
        assert_ne!(hidden_value(&fresh, "_submission"), draft_key);
        let r = elsewhere.send_request(server.client.get(server.url(&continue_href))).await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form/guardian");
        let (_, form) = elsewhere.get("/services/preschool-place/form/guardian").await;
        assert_eq!(hidden_value(&form, "_submission"), draft_key);
        assert!(form.contains("Lingonstigen 7"), "{form}");
        // Nobody else can take it over.
        let mut lars = Journey::new(&server, "preschool-place");
        lars.sign_in("lars").await;
        let r = lars.send_request(server.client.get(server.url(&continue_href))).await;
        assert_eq!(r.headers()[LOCATION], "/drafts/expired");
        assert!(lars.cookie.is_none());

        // The case: its status, history, answers and the photo.
        let case_path = format!("/my-cases/{reference}");
        let (status, case) = anna.get(&case_path).await;
        assert_eq!(status, StatusCode::OK, "{case}");
        assert!(case.contains(&format!("Ärende {reference}")) && case.contains("Mottaget"), "{case}");
        assert!(case.contains("Ett djupt hål") && case.contains("Inga meddelanden än."), "{case}");
        let file_href = case.split(&format!(r#"href="{case_path}/files/"#)).nth(1)
            .and_then(|rest| rest.split('"').next()).map(|id| format!("{case_path}/files/{id}")).expect("a file link");
        let r = anna.send_request(server.client.get(server.url(&file_href))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/jpeg");
        assert!(r.headers()["content-disposition"].to_str().expect("ascii").contains("filename*=UTF-8''h%C3%A5l.jpg"));
        assert_eq!(r.bytes().await.expect("bytes").to_vec(), jpeg);

        // A handler takes it on and writes (as the case view will).
        let db = server.db().await;
        let case_id: i64 = sqlx::query_scalar("SELECT id FROM cases WHERE reference = $1")
            .bind(&reference).fetch_one(&db.pool).await.expect("case");
        {
            use server::db::case_events::{add, What};
            let mut conn = db.pool.acquire().await.expect("connection");
            let now = server::db::now_millis();
            add(&mut conn, case_id, &What::Status("in-progress".into()), None, now).await.expect("status");
            add(&mut conn, case_id, &What::Message { body: "Vi lagar hålet på tisdag.".into(), from_staff: true }, None, now)
                .await.expect("message");
        }
        let (_, list) = anna.get("/my-cases").await;
        assert!(list.contains("Under handläggning") && list.contains("Ett nytt meddelande"), "{list}");
        let (_, case) = anna.get(&case_path).await;
        assert!(case.contains("Vi lagar hålet på tisdag.") && case.contains(">Nytt<"), "{case}");
        let history = case.split("<h2>Händelser</h2>").nth(1).expect("a history");
        assert!(history.find("Mottaget") < history.find("Under handläggning"), "in order: {case}");
        let (_, again) = anna.get(&case_path).await;
        assert!(again.contains("Vi lagar hålet på tisdag.") && !again.contains(">Nytt<"), "read now: {again}");

        // She answers; an empty or too long message comes back with what she typed.
        let messages = format!("{case_path}/messages");
        let r = anna.post(&messages, &[("message", "  ")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Skriv ett meddelande.") && page.contains(r##"href="#message""##), "{page}");
        let long = "å".repeat(app::model::MAX_MESSAGE + 1);
        let r = anna.post(&messages, &[("message", long.as_str())]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Meddelandet får vara högst 5") && page.contains(&long), "the text is kept");
        // The form's key kept through the error: posted twice (a double
        // click, a retried request), the message is stored once.
        let key = hidden_value(&page, "_key");
        for _ in 0..2 {
            let r = anna.post(&messages, &[("message", "Tack! Hålet har blivit större."), ("_key", key.as_str())]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
            assert_eq!(r.headers()[LOCATION].to_str().expect("ascii"), format!("{case_path}#messages-heading"));
        }
        let (_, case) = anna.get(&case_path).await;
        assert_eq!(case.matches("Tack! Hålet har blivit större.").count(), 1, "{case}");
        assert_ne!(hidden_value(&case, "_key"), key, "a new form, a new key");

        // To anyone else none of it exists.
        let mut lars = Journey::new(&server, "");
        lars.sign_in("lars").await;
        let (_, his) = lars.get("/my-cases").await;
        assert!(his.contains("Du har inga ärenden") && !his.contains(&reference), "{his}");
        let mut nobody = Journey::new(&server, "");
        for (who, other) in [("lars", &mut lars), ("nobody", &mut nobody)] {
            for path in [case_path.clone(), file_href.clone()] {
                let (status, body) = other.get(&path).await;
                assert!(matches!(status.as_u16(), 401 | 404), "{who}: {path} answered {status}");
                assert!(!body.contains("Ett djupt hål") && !body.contains("a tiny photo"), "{who}: {path}");
            }
            let r = other.post(&messages, &[("message", "Hej")]).await;
            assert!(matches!(r.status().as_u16(), 401 | 404), "{who}: {}", r.status());
        }
        let written: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_events WHERE kind = 'message'")
            .fetch_one(&db.pool).await.expect("count");
        assert_eq!(written, 2);
    }

    async fn a_handler_finds_handles_and_answers_a_case_and_the_resident_hears_of_it(server: TestServer) {
        // Anna applies for a parking permit, signed in.
        let mut anna = Journey::start(&server, "parking-permit").await;
        let sent = anna.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let reference = server.reference_of(&sent).await;
        server.outbox_settled().await;
        let receipts = server.mail_files().len();

        // The handler of parking permits finds it in the inbox.
        let mut handler = Journey::new(&server, "");
        let r = handler.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (status, inbox) = handler.get("/staff/cases").await;
        assert_eq!(status, StatusCode::OK, "{inbox}");
        assert!(inbox.contains(&format!(r#"href="/staff/cases/{reference}""#)) && inbox.contains("Anna Andersson"), "{inbox}");
        assert!(inbox.contains("Boendeparkering") && inbox.contains("Mottaget"), "{inbox}");
        for (query, found) in [
            ("q=anna", true), (&format!("q={}", reference.to_lowercase()), true), ("q=lars", false),
            ("status=received", true), ("status=closed", false), ("assigned=me", false), ("assigned=none", true),
            ("service=parking-permit", true), ("service=fault-report", false), ("from=2000-01-01&to=2999-12-31", true),
            ("from=2999-01-01", false), ("service=wedding-ceremony", false),
        ] {
            // (A service the handler does not handle shows nothing.)
            let (_, page) = handler.get(&format!("/staff/cases?{query}")).await;
            assert_eq!(page.contains(&format!(r#"href="/staff/cases/{reference}""#)), found, "{query}: {page}");
        }
        let (status, page) = handler.get("/staff/cases?from=23/11").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Skriv datum som år-månad-dag"), "{page}");

        // The case: answers, and the read recorded in the audit log and the history.
        let case_path = format!("/staff/cases/{reference}");
        let (status, case) = handler.get(&case_path).await;
        assert_eq!(status, StatusCode::OK, "{case}");
        assert!(case.contains("ABC123") && case.contains("Anna Andersson") && case.contains("Läst"), "{case}");
        let db = server.db().await;
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!((log[0].action.as_str(), log[0].subject.clone()), ("case-read", format!("case:{reference}")));
        assert!(log[0].actor.starts_with("staff:"));

        // Taken, moved on with a note to Anna, and a note she never sees.
        let r = handler.post(&format!("{case_path}/assign"), &[("to", "me")]).await;
        assert_eq!(r.headers()[LOCATION].to_str().expect("ascii"), case_path);
        let (_, mine) = handler.get("/staff/cases?assigned=me").await;
        assert!(mine.contains(&reference), "{mine}");
        let key = hidden_value(&case, "_key");
        for _ in 0..2 {
            let r = handler.post(&format!("{case_path}/status"), &[
                ("status", "in-progress"), ("note", "Vi behöver veta vilken bil det gäller."), ("_key", key.as_str())]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let r = handler.post(&format!("{case_path}/note"), &[("note", "Ring Transportstyrelsen."), ("_key", key.as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = handler.post(&format!("{case_path}/message"), &[("message", " "), ("_key", key.as_str())]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Skriv ett meddelande.") && page.contains(r##"href="#message""##), "{page}");
        let (_, case) = handler.get(&case_path).await;
        assert!(case.contains("Tilldelat") && case.contains("Status: Under handläggning") && case.contains("Ring Transportstyrelsen."), "{case}");
        assert_eq!(case.matches("Vi behöver veta vilken bil det gäller.").count(), 1, "once: {case}");

        // Anna sees the status and the message, not the note; a mail says
        // something happened, with nothing but the reference.
        let (_, mine) = anna.get(&format!("/my-cases/{reference}")).await;
        assert!(mine.contains("Under handläggning") && mine.contains("Vi behöver veta vilken bil det gäller."), "{mine}");
        assert!(!mine.contains("Ring Transportstyrelsen"), "{mine}");
        let outbox = server.outbox_settled().await;
        assert_eq!(outbox.failed, 0);
        let mails = server.mail_files();
        assert_eq!(mails.len(), receipts + 1, "one mail for the change, however often posted");
        let mail = mail_text(mails.last().expect("a mail"));
        assert!(mail.contains(&reference) && mail.contains("Under handläggning") && mail.contains("/my-cases/"), "{mail}");
        assert!(!mail.contains("ABC123") && !mail.contains("bil det gäller"), "nothing personal: {mail}");
        // Her answer reaches the handler's history.
        let r = anna.post(&format!("/my-cases/{reference}/messages"), &[("message", "Det är ABC123.")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, case) = handler.get(&case_path).await;
        assert!(case.contains("Meddelande från den sökande") && case.contains("Det är ABC123."), "{case}");

        // Exports: the service's cases as CSV (one column per question) and
        // JSON, and the one case; each in the audit log.
        let export = "/staff/export?service=parking-permit&from=2000-01-01&to=2999-12-31";
        let r = handler.send_request(server.client.get(server.url(export))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
        assert!(r.headers()["content-disposition"].to_str().expect("ascii").contains("parking-permit-2000-01-01-2999-12-31.csv"));
        let csv = r.text().await.expect("csv");
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 2, "{csv}");
        assert!(lines[0].starts_with("\"Ärendenummer\",\"Skickat\",\"Status\","), "{csv}");
        assert!(lines[1].contains(&format!("\"{reference}\"")) && lines[1].contains("\"ABC123\"") && lines[1].contains("Under handläggning"), "{csv}");
        let r = handler.send_request(server.client.get(server.url(&format!("{export}&format=json")))).await;
        let json: serde_json::Value = serde_json::from_str(&r.text().await.expect("body")).expect("json");
        assert_eq!(json[0]["reference"], reference.as_str());
        assert!(json[0]["answers"].as_array().expect("answers").iter().any(|a| a["value"] == "ABC123"), "{json}");
        let r = handler.send_request(server.client.get(server.url(&format!("{case_path}/export.json")))).await;
        let one: serde_json::Value = serde_json::from_str(&r.text().await.expect("body")).expect("json");
        assert_eq!((one["reference"].as_str(), one["status"].as_str()), (Some(reference.as_str()), Some("in-progress")));
        let log = server::db::audit::newest(&db.pool, 3).await.expect("audit");
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["case-exported", "cases-exported", "cases-exported"]);
        let (status, _) = handler.get("/staff/export?service=parking-permit&from=igår&to=2999-12-31").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // Nobody else reaches it: a form author, a handler of other
        // services, a resident, nobody.
        let args: Vec<String> = ["add", "--username", "vigsel", "--name", "Vera Vigsel", "--role", "handler",
            "--service", "wedding-ceremony"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut others = Vec::new();
        for (username, password) in [("formgivare", "demo-formgivare-2026"), ("vigsel", "ett långt lösenord")] {
            let mut other = Journey::new(&server, "");
            let r = other.post("/staff/signin", &[("username", username), ("password", password)]).await;
            assert_eq!(r.headers()[LOCATION], "/staff", "{username}");
            others.push((username, other));
        }
        others.push(("anna", anna));
        others.push(("nobody", Journey::new(&server, "")));
        for (who, other) in others.iter_mut() {
            let (_, inbox) = other.get("/staff/cases").await;
            assert!(!inbox.contains(&reference), "{who}: {inbox}");
            let (status, page) = other.get(&case_path).await;
            assert!(matches!(status.as_u16(), 302 | 404), "{who}: {status}");
            assert!(!page.contains("ABC123"), "{who}");
            for path in [format!("{case_path}/export.json"), export.to_owned()] {
                let r = other.send_request(server.client.get(server.url(&path))).await;
                assert!(matches!(r.status().as_u16(), 303 | 404), "{who}: {path} {}", r.status());
                assert!(!r.text().await.expect("body").contains("ABC123"), "{who}: {path}");
            }
            for action in ["assign", "status", "message", "note"] {
                let r = other.post(&format!("{case_path}/{action}"), &[("to", "me"), ("status", "closed"), ("message", "x"), ("note", "x")]).await;
                assert!(matches!(r.status().as_u16(), 303 | 404), "{who}: {action} {}", r.status());
                if r.status() == StatusCode::SEE_OTHER {
                    assert_eq!(r.headers()[LOCATION], "/staff/signin", "{who}: {action}");
                }
            }
        }
        let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE reference = $1")
            .bind(&reference).fetch_one(&db.pool).await.expect("status");
        assert_eq!(status, "in-progress", "untouched by anyone else");
    }

    async fn a_handler_asks_for_completion_and_the_resident_answers_with_files(server: TestServer) {
        let mut anna = Journey::start(&server, "parking-permit").await;
        let sent = anna.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        let reference = server.reference_of(&sent).await;
        server.outbox_settled().await;
        let receipts = server.mail_files().len();
        let case_path = format!("/staff/cases/{reference}");
        let mine_path = format!("/my-cases/{reference}");

        // The handler asks, allowing files; posted twice, asked once.
        let mut handler = Journey::new(&server, "");
        handler.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        let (_, case) = handler.get(&case_path).await;
        assert!(case.contains("Be om komplettering") && case.contains(r#"name="files""#), "{case}");
        let key = hidden_value(&case, "_key");
        let r = handler.post(&format!("{case_path}/request"), &[("request", " "), ("_key", key.as_str())]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains(r##"href="#request""##));
        for _ in 0..2 {
            let r = handler.post(&format!("{case_path}/request"), &[
                ("request", "Skicka en kopia av registreringsbeviset."), ("files", "yes"), ("_key", key.as_str())]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let (_, case) = handler.get(&case_path).await;
        assert_eq!(case.matches("Skicka en kopia av registreringsbeviset.").count(), 1, "{case}");
        assert!(case.contains("Status: Väntar på komplettering") && case.contains("Begäran om komplettering, med filer"), "{case}");
        server.outbox_settled().await;
        let mails = server.mail_files();
        assert_eq!(mails.len(), receipts + 1, "one mail for the request");
        let mail = mail_text(mails.last().expect("a mail"));
        assert!(mail.contains("komplettera") && mail.contains(&reference) && !mail.contains("registreringsbeviset"), "{mail}");

        // Anna sees the request and the form that answers it.
        let (_, mine) = anna.get(&mine_path).await;
        assert!(mine.contains("Handläggaren ber dig komplettera ärendet") && mine.contains("Skicka en kopia av registreringsbeviset."), "{mine}");
        assert!(mine.contains(r#"enctype="multipart/form-data""#) && mine.contains(r#"type="file""#), "{mine}");
        let key = hidden_value(&mine, "_key");
        let completion = format!("{mine_path}/completion");
        let form = |text: &str, file: Option<(&'static [u8], &str)>| {
            let mut form = reqwest::multipart::Form::new().text("_key", key.clone()).text("completion", text.to_owned());
            if let Some((bytes, name)) = file {
                form = form.part("files", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
            }
            form
        };
        // Nothing, or a file that is no PDF nor picture: said, and the words kept (escaped).
        let r = anna.post_multipart(&completion, form("", None)).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("Skriv ett svar eller välj en fil."));
        let r = anna.post_multipart(&completion, form("Här </textarea><b>är</b> den.", Some((b"MZ\x90\0 not a pdf", "bevis.exe")))).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Filen bevis.exe är inte en PDF eller en bild.") && page.contains(r##"href="#completion-files""##), "{page}");
        assert!(page.contains("Här &lt;/textarea&gt;&lt;b&gt;är&lt;/b&gt; den.") && !page.contains("<b>är</b>"), "kept, escaped: {page}");
        // A PDF with words: stored once however often posted.
        let pdf: &'static [u8] = b"%PDF-1.7 registreringsbevis";
        for _ in 0..2 {
            let r = anna.post_multipart(&completion, form("Här är beviset.", Some((pdf, "bevis.pdf")))).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
            assert_eq!(r.headers()[LOCATION].to_str().expect("ascii"), format!("{mine_path}#messages-heading"));
        }
        let db = server.db().await;
        let completions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_events WHERE kind = 'completion'")
            .fetch_one(&db.pool).await.expect("count");
        assert_eq!(completions, 1);
        let file_id: String = sqlx::query_scalar("SELECT id FROM files").fetch_one(&db.pool).await.expect("one file");
        let (_, mine) = anna.get(&mine_path).await;
        assert!(mine.contains("Din komplettering") && mine.contains("Här är beviset.") && mine.contains("Under handläggning"), "{mine}");
        assert!(!mine.contains("Handläggaren ber dig komplettera ärendet"), "answered: {mine}");
        let (status, body) = anna.get(&format!("{mine_path}/files/{file_id}")).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "%PDF-1.7 registreringsbevis"));

        // The handler sees it, downloads the file (in the audit log); the case is in progress again.
        let (_, case) = handler.get(&case_path).await;
        assert!(case.contains("Komplettering från den sökande") && case.contains("Här är beviset.") && case.contains("bevis.pdf"), "{case}");
        assert!(!case.contains("Den sökande har inte svarat"), "{case}");
        let status: String = sqlx::query_scalar("SELECT status FROM cases WHERE reference = $1")
            .bind(&reference).fetch_one(&db.pool).await.expect("status");
        assert_eq!(status, "in-progress");
        let (status, body) = handler.get(&format!("{case_path}/files/{file_id}")).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "%PDF-1.7 registreringsbevis"));
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!((log[0].action.as_str(), log[0].detail.as_str()), ("case-file-read", file_id.as_str()));

        // No one else answers or downloads.
        let mut lars = Journey::new(&server, "");
        lars.sign_in("lars").await;
        let r = lars.post_multipart(&completion, form("Inte min.", None)).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (status, body) = lars.get(&format!("{mine_path}/files/{file_id}")).await;
        assert!(status == StatusCode::NOT_FOUND && !body.contains("registreringsbevis"));

        // Closed and past its retention, the completion's file goes with the case.
        sqlx::query("UPDATE cases SET status = 'closed', status_at = 0 WHERE reference = $1")
            .bind(&reference).execute(&db.pool).await.expect("close");
        let forms = std::sync::RwLock::new(server::catalogue::FormStore::load(&db).await.expect("forms"));
        let timezone = jiff::tz::TimeZone::get("Europe/Stockholm").expect("zone");
        let store = server::files::LocalFiles::new(server.data_dir.join("files"));
        let deleted = server::handling::sweep_closed(&db, &forms, &store, &timezone, server::db::now_millis()).await.expect("sweep");
        assert_eq!(deleted, 1);
        let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM files").fetch_one(&db.pool).await.expect("files");
        assert_eq!(files, 0);
        assert!(server::files::FileStore::get(&store, &file_id).await.expect("read").is_none());
    }

    async fn the_api_lists_fetches_and_changes_only_its_own_services_cases(server: TestServer) {
        let db = server.db().await;
        let token = server::integration::create_token(&db, "Ärendesystemet", "parking-permit", "test").await.expect("token");
        let other = server::integration::create_token(&db, "Felsystemet", "fault-report", "test").await.expect("token");
        assert!(server::integration::create_token(&db, "X", "no-such-service", "test").await.is_err());
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1")
            .bind(&token).fetch_one(&db.pool).await.expect("count");
        assert_eq!(stored, 0, "only its hash is kept");

        let mut anna = Journey::start(&server, "parking-permit").await;
        let sent = anna.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        let reference = server.reference_of(&sent).await;
        server.outbox_settled().await;
        let mails = server.mail_files().len();
        let api = |path: &str| server.url(&format!("/api/v1{path}"));
        let get = |path: String, bearer: Option<&str>| {
            let mut request = server.client.get(api(&path));
            if let Some(bearer) = bearer {
                request = request.bearer_auth(bearer);
            }
            async move {
                let r = request.send().await.expect("GET");
                let status = r.status();
                (status, r.text().await.expect("body"))
            }
        };
        let json = |text: &str| -> serde_json::Value { serde_json::from_str(text).expect("json") };

        // Without a live token, nothing.
        let r = server.client.get(api("/cases")).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(r.headers()["www-authenticate"], "Bearer");
        assert_eq!(json(&r.text().await.expect("body"))["error"], "unauthorized");
        let (status, _) = get("/cases".into(), Some("bkt_guessed")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        // The list of new cases, a page at a time; only the token's service.
        let (status, list) = get("/cases".into(), Some(&token)).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let list = json(&list);
        assert_eq!(list["cases"][0]["reference"], reference.as_str());
        assert_eq!(list["cases"][0]["href"], format!("/api/v1/cases/{reference}"));
        let (_, page) = get("/cases?limit=1".into(), Some(&token)).await;
        let next = json(&page)["next"].as_str().expect("a next page").to_owned();
        let (_, rest) = get(format!("/cases?after={next}"), Some(&token)).await;
        assert_eq!(json(&rest)["cases"], serde_json::json!([]));
        let (_, theirs) = get("/cases".into(), Some(&other)).await;
        assert!(!theirs.contains(&reference), "{theirs}");
        let (status, _) = get("/cases?state=maybe".into(), Some(&token)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // The case in full, its read in the audit log; another service's token finds nothing.
        let (status, case) = get(format!("/cases/{reference}"), Some(&token)).await;
        assert_eq!(status, StatusCode::OK, "{case}");
        let case = json(&case);
        let version: i64 = sqlx::query_scalar(
            "SELECT CAST(v.version AS BIGINT) FROM form_versions v JOIN cases c ON c.form_version_id = v.id WHERE c.reference = $1")
            .bind(&reference).fetch_one(&db.pool).await.expect("version");
        assert_eq!((case["service"].as_str(), case["form_version"].as_i64()), (Some("parking-permit"), Some(version)));
        assert_eq!(case["applicant"]["name"], "Anna Andersson");
        assert_eq!(case["typed"]["registration"], serde_json::json!({ "type": "text", "value": "ABC123" }));
        assert!(case["answers"].as_array().expect("answers").iter().any(|a| a["field"] == "registration" && a["value"] == "ABC123"), "{case}");
        assert_eq!(case["history"][0]["status"], "received");
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!((log[0].action.as_str(), log[0].subject.clone()), ("case-read", format!("case:{reference}")));
        assert!(log[0].actor.starts_with("api:"));
        for path in [format!("/cases/{reference}"), format!("/cases/{reference}/files/x")] {
            let (status, body) = get(path.clone(), Some(&other)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(!body.contains("ABC123"));
        }

        // A status with a message to Anna, once however often sent with one key; she is mailed.
        let post = |path: String, bearer: &str, body: serde_json::Value, key: Option<&str>| {
            let mut request = server.client.post(api(&path)).bearer_auth(bearer)
                .header("content-type", "application/json").body(body.to_string());
            if let Some(key) = key {
                request = request.header("Idempotency-Key", key);
            }
            async move {
                let r = request.send().await.expect("POST");
                let status = r.status();
                (status, r.text().await.expect("body"))
            }
        };
        let change = serde_json::json!({ "status": "in-progress", "message": "Vi handlägger ditt ärende nu." });
        for _ in 0..2 {
            let (status, body) = post(format!("/cases/{reference}/status"), &token, change.clone(), Some("k1")).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let (status, body) = post(format!("/cases/{reference}/status"), &token, serde_json::json!({ "status": "done" }), None).await;
        assert_eq!((status, json(&body)["error"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_status")));
        let r = server.client.post(api(&format!("/cases/{reference}/status"))).bearer_auth(&token)
            .header("content-type", "application/json").body("{").send().await.expect("POST");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let (status, _) = post(format!("/cases/{reference}/status"), &other, serde_json::json!({ "status": "closed" }), None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = post(format!("/cases/{reference}/messages"), &token, serde_json::json!({ "message": "Beslut kommer i veckan." }), Some("k2")).await;
        assert_eq!(status, StatusCode::CREATED);
        let (_, mine) = anna.get(&format!("/my-cases/{reference}")).await;
        assert!(mine.contains("Under handläggning") && mine.contains("Vi handlägger ditt ärende nu.") && mine.contains("Beslut kommer i veckan."), "{mine}");
        assert_eq!(mine.matches("Vi handlägger ditt ärende nu.").count(), 1);
        server.outbox_settled().await;
        assert_eq!(server.mail_files().len(), mails + 2, "one for the status, one for the message");

        // Taken over: out of the new cases, in the handlers' history by the system's name.
        for _ in 0..2 {
            let (status, body) = post(format!("/cases/{reference}/taken-over"), &token, serde_json::json!({}), None).await;
            assert_eq!((status, json(&body)["taken_over_by"].as_str()), (StatusCode::OK, Some("Ärendesystemet")));
        }
        let (_, list) = get("/cases".into(), Some(&token)).await;
        assert!(!list.contains(&reference), "{list}");
        let (_, all) = get("/cases?state=all".into(), Some(&token)).await;
        assert_eq!(json(&all)["cases"][0]["taken_over_by"], "Ärendesystemet");
        let mut handler = Journey::new(&server, "");
        handler.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        let (_, page) = handler.get(&format!("/staff/cases/{reference}")).await;
        assert!(page.contains("Övertaget av Ärendesystemet") && page.matches("Ärendesystemet").count() >= 4, "by the system: {page}");

        // Revoked, the token opens nothing.
        let id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE system = 'Ärendesystemet'").fetch_one(&db.pool).await.expect("id");
        let args: Vec<String> = ["api-token", "revoke", &id.to_string()].iter().map(|a| a.to_string()).collect();
        server::integration::command(&args, &db).await.expect("revoked");
        let (status, _) = get(format!("/cases/{reference}"), Some(&token)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }

    async fn administrators_manage_departments_staff_services_and_integrations(server: TestServer) {
        let mut admin = Journey::new(&server, "");
        let r = admin.post("/staff/signin", &[("username", "admin"), ("password", "demo-admin-2026")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (status, page) = admin.get("/staff/admin").await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("Hugo Handläggare") && page.contains("Boendeparkering") && page.contains("Demokommunen"), "{page}");
        let (_, home) = admin.get("/staff").await;
        assert!(home.contains(r#"href="/staff/admin""#), "{home}");

        // Only administrators: to others it does not exist.
        let mut hugo = Journey::new(&server, "");
        hugo.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        let (_, home) = hugo.get("/staff").await;
        assert!(!home.contains(r#"href="/staff/admin""#));
        for path in ["/staff/admin", "/staff/admin/integrations", "/staff/admin/staff/1", "/staff/admin/services/parking-permit"] {
            let (status, _) = hugo.get(path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            let (status, _) = Journey::new(&server, "").get(path).await;
            assert!(status.is_redirection(), "{path}: {status}");
        }
        for path in ["/staff/admin/organisations", "/staff/admin/staff", "/staff/admin/tokens", "/staff/admin/webhooks"] {
            let r = hugo.post(path, &[("name", "x"), ("key", "xx"), ("username", "x"), ("roles", "administrator")]).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        }

        // A department: a bad short name is said, the name kept.
        let r = admin.post("/staff/admin/organisations", &[("name", "Stadsbyggnadsförvaltningen"), ("key", "Stads byggnad")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Skriv ett kortnamn") && page.contains(r##"href="#organisation-key""##) && page.contains(r#"value="Stadsbyggnadsförvaltningen""#), "{page}");
        let r = admin.post("/staff/admin/organisations", &[("name", "Stadsbyggnadsförvaltningen"), ("key", "stadsbyggnad")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin");
        let r = admin.post("/staff/admin/organisations", &[("name", "Igen"), ("key", "stadsbyggnad")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let db = server.db().await;
        let org: i64 = sqlx::query_scalar("SELECT id FROM organisations WHERE key = 'stadsbyggnad'").fetch_one(&db.pool).await.expect("org");

        // A member of staff: without a role, refused; added, their first password shown once.
        let (status, page) = admin.get("/staff/admin/staff/new").await;
        assert!(status == StatusCode::OK && page.contains(r#"action="/staff/admin/staff""#), "{status} {page}");
        let r = admin.post("/staff/admin/staff", &[("username", "petra"), ("name", "Petra Parkering")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("Välj minst en roll."));
        let org_text = org.to_string();
        let r = admin.post("/staff/admin/staff", &[("username", "petra"), ("name", "Petra Parkering"),
            ("organisation", org_text.as_str()), ("roles", "author")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.expect("body");
        let password = page.split(r#"<code class="secret">"#).nth(1).and_then(|p| p.split('<').next()).expect("a password shown").to_owned();
        assert_eq!(password.len(), 20);
        let r = admin.post("/staff/admin/staff", &[("username", "petra"), ("name", "Någon annan"), ("roles", "author")]).await;
        assert!(r.status() == StatusCode::UNPROCESSABLE_ENTITY && r.text().await.expect("body").contains("Det användarnamnet finns redan"));
        let mut petra = Journey::new(&server, "");
        let r = petra.post("/staff/signin", &[("username", "petra"), ("password", password.as_str())]).await;
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (_, inbox) = petra.get("/staff/cases?service=parking-permit").await;
        let mut anna = Journey::start(&server, "parking-permit").await;
        let sent = anna.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        let reference = server.reference_of(&sent).await;
        assert!(!inbox.contains(&reference));

        // Made a handler of parking permits (and the one who gets them), at
        // once in the session she has; Hugo no longer handles them.
        let petra_id: i64 = sqlx::query_scalar("SELECT id FROM staff WHERE username = 'petra'").fetch_one(&db.pool).await.expect("id");
        let path = format!("/staff/admin/staff/{petra_id}");
        let r = admin.post(&path, &[("name", "Petra Parkering"), ("organisation", org_text.as_str()), ("roles", "handler"), ("services", "parking-permit")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin");
        let petra_text = petra_id.to_string();
        let r = admin.post("/staff/admin/services/parking-permit", &[("organisation", org_text.as_str()), ("owner", petra_text.as_str()),
            ("default", "1")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "the default must be a handler");
        // Ids that name nothing (a forged post) are taken as none, never an error.
        let r = admin.post("/staff/admin/services/parking-permit", &[("organisation", "999999"), ("owner", "999999"),
            ("handlers", "999999")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin");
        let r = admin.post("/staff/admin/staff", &[("username", "forged"), ("name", "Forged"), ("organisation", "999999"), ("roles", "author")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let r = admin.post("/staff/admin/services/parking-permit", &[("organisation", org_text.as_str()), ("owner", petra_text.as_str()),
            ("handlers", petra_text.as_str()), ("default", petra_text.as_str())]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin");
        let (_, inbox) = petra.get("/staff/cases?service=parking-permit").await;
        assert!(inbox.contains(&reference), "{inbox}");
        let (status, _) = hugo.get(&format!("/staff/cases/{reference}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, page) = admin.get("/staff/admin").await;
        assert!(page.contains("Stadsbyggnadsförvaltningen") && page.matches("Petra Parkering").count() >= 3, "{page}");
        let sent = anna.send(&[
            ("registration", "XYZ789"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        let second = server.reference_of(&sent).await;
        let assigned: Option<i64> = sqlx::query_scalar("SELECT assigned_to FROM cases WHERE reference = $1")
            .bind(&second).fetch_one(&db.pool).await.expect("assigned");
        assert_eq!(assigned, Some(petra_id), "new cases go to the default handler");

        // No one takes their own administration away; a disabled account is signed out at once.
        let admin_id: i64 = sqlx::query_scalar("SELECT id FROM staff WHERE username = 'admin'").fetch_one(&db.pool).await.expect("id");
        let r = admin.post(&format!("/staff/admin/staff/{admin_id}"), &[("name", "Alva Admin"), ("roles", "handler")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("Du kan inte ta bort din egen administratörsroll"));
        let r = admin.post(&path, &[("name", "Petra Parkering"), ("roles", "handler"), ("services", "parking-permit"), ("disabled", "yes")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin");
        let (status, _) = petra.get("/staff/cases").await;
        assert!(status.is_redirection(), "signed out: {status}");
        let r = Journey::new(&server, "").post("/staff/signin", &[("username", "petra"), ("password", password.as_str())]).await;
        assert_ne!(r.headers().get(LOCATION).map(|l| l.to_str().unwrap_or("")), Some("/staff"));

        // API tokens and webhooks from the page; each secret shown once.
        let r = admin.post("/staff/admin/tokens", &[("system", " "), ("service", "parking-permit")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = admin.post("/staff/admin/tokens", &[("system", "Arkivet"), ("service", "parking-permit")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.expect("body");
        let token = page.split(r#"<code class="secret">"#).nth(1).and_then(|p| p.split('<').next()).expect("a token shown").to_owned();
        assert!(token.starts_with("bkt_"));
        let r = server.client.get(server.url("/api/v1/cases")).bearer_auth(&token).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = admin.get("/staff/admin/integrations").await;
        assert!(page.contains("Arkivet") && !page.contains(&token), "never shown again: {page}");
        let token_id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE system = 'Arkivet'").fetch_one(&db.pool).await.expect("id");
        let r = admin.post(&format!("/staff/admin/tokens/{token_id}/revoke"), &[]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/admin/integrations");
        let r = server.client.get(server.url("/api/v1/cases")).bearer_auth(&token).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let r = admin.post("/staff/admin/webhooks", &[("service", "parking-permit"), ("url", "ftp://arkivet")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains(r#"value="ftp://arkivet""#));
        let r = admin.post("/staff/admin/webhooks", &[("service", "parking-permit"), ("url", "https://arkivet.kommun.example/blankett")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.expect("body").contains("whsec_"));
        let (_, page) = admin.get("/staff/admin/integrations").await;
        assert!(page.contains("https://arkivet.kommun.example/blankett") && page.contains("Aktiv"), "{page}");
        let log = server::db::audit::newest(&db.pool, 20).await.expect("audit");
        assert!(log.iter().filter(|e| e.action == "admin-change").count() >= 8, "{log:?}");
        assert!(!log.iter().any(|e| e.detail.contains(&token) || e.detail.contains(&password)), "no secret in the log");
    }

    async fn a_service_with_its_own_status_model_names_and_limits_its_statuses(server: TestServer) {
        // Weddings have their own model (server/demo/wedding-ceremony.json).
        let db = server.db().await;
        let args: Vec<String> = ["add", "--username", "vigsel", "--name", "Vera Vigsel", "--role", "handler",
            "--service", "wedding-ceremony"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut anna = Journey::start(&server, "wedding-ceremony").await;
        let person: i64 = sqlx::query_scalar("SELECT id FROM people").fetch_one(&db.pool).await.expect("Anna");
        let version: i64 = sqlx::query_scalar(
            "SELECT id FROM form_versions WHERE service_key = 'wedding-ceremony' ORDER BY version DESC LIMIT 1")
            .fetch_one(&db.pool).await.expect("a version");
        let reference = "BKT-2026-900001";
        {
            let mut conn = db.pool.acquire().await.expect("connection");
            let case = server::db::cases::NewCase {
                reference, receipt_token: &server::secret::token(), submission_key: &server::secret::token(),
                form_version_id: version, language: "sv", answers: "{}", submitted_at: server::db::now_millis(),
                person_id: Some(person), service_key: "wedding-ceremony", applicant_name: Some("Anna Andersson"),
            };
            server::db::cases::insert_once(&mut conn, &case, &[]).await.expect("a case");
        }
        let mine_path = format!("/my-cases/{reference}");
        let (_, list) = anna.get("/my-cases").await;
        assert!(list.contains("Mottagen") && !list.contains("Mottaget"), "the service's own name: {list}");
        let (_, mine) = anna.get(&mine_path).await;
        assert!(mine.contains("Handläggningen brukar ta omkring 10 dagar."), "{mine}");

        // The handler chooses among the service's statuses only.
        let mut vera = Journey::new(&server, "");
        vera.post("/staff/signin", &[("username", "vigsel"), ("password", "ett långt lösenord")]).await;
        let case_path = format!("/staff/cases/{reference}");
        let (_, case) = vera.get(&case_path).await;
        assert!(case.contains(r#"<option value="booked">Vigseln är bokad</option>"#) && !case.contains("Beviljat"), "{case}");
        let r = vera.post(&format!("{case_path}/status"), &[("status", "approved")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Given to a colleague who handles weddings; never to one who does not.
        let args: Vec<String> = ["add", "--username", "vigsel2", "--name", "Vilma Vigsel", "--role", "handler",
            "--service", "wedding-ceremony"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let vilma: i64 = sqlx::query_scalar("SELECT id FROM staff WHERE username = 'vigsel2'").fetch_one(&db.pool).await.expect("id");
        let hugo: i64 = sqlx::query_scalar("SELECT id FROM staff WHERE username = 'handlaggare'").fetch_one(&db.pool).await.expect("id");
        let (_, case) = vera.get(&case_path).await;
        assert!(case.contains(&format!(r#"<option value="{vilma}">Vilma Vigsel</option>"#)), "{case}");
        let r = vera.post(&format!("{case_path}/assign"), &[("to", hugo.to_string().as_str())]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = vera.post(&format!("{case_path}/assign"), &[("to", vilma.to_string().as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, case) = vera.get(&case_path).await;
        assert!(case.contains("Tilldelat Vilma Vigsel"), "{case}");
        let assigned: Option<i64> = sqlx::query_scalar("SELECT assigned_to FROM cases WHERE reference = $1")
            .bind(reference).fetch_one(&db.pool).await.expect("assigned");
        assert_eq!(assigned, Some(vilma));
        let r = vera.post(&format!("{case_path}/status"), &[("status", "booked"), ("note", "Välkomna den 12 juni!")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, inbox) = vera.get("/staff/cases?service=wedding-ceremony").await;
        assert!(inbox.contains("Vigseln är bokad") && !inbox.contains("Avslaget"), "{inbox}");
        let (_, mine) = anna.get(&mine_path).await;
        assert!(mine.contains("Vigseln är bokad") && mine.contains("Välkomna den 12 juni!"), "{mine}");
        assert!(mine.contains(r#"name="message""#), "she may write while it is booked");
        // The API knows the model too.
        let token = server::integration::create_token(&db, "Vigselbokningen", "wedding-ceremony", "test").await.expect("token");
        let r = server.client.post(server.url(&format!("/api/v1/cases/{reference}/status"))).bearer_auth(&token)
            .header("content-type", "application/json").body(r#"{"status":"approved"}"#).send().await.expect("POST");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("booked"));

        // Closed, the case takes no more messages from her.
        let r = vera.post(&format!("{case_path}/status"), &[("status", "closed")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, mine) = anna.get(&mine_path).await;
        assert!(mine.contains("Avslutad") && mine.contains("Ärendet är avslutat.") && !mine.contains(r#"name="message""#), "{mine}");
        let r = anna.post(&format!("{mine_path}/messages"), &[("message", "En sak till")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("tar inte emot fler meddelanden"));
        let messages: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_events WHERE kind = 'message' AND from_staff = 0")
            .fetch_one(&db.pool).await.expect("count");
        assert_eq!(messages, 0);
    }

    async fn authors_edit_publish_import_and_export_only_their_organisations_services(server: TestServer) {
        let db = server.db().await;
        let mut frida = Journey::new(&server, "");
        let r = frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff");
        let (status, list) = frida.get("/staff/forms").await;
        assert_eq!(status, StatusCode::OK, "{list}");
        assert!(list.contains(r#"href="/staff/forms/fault-report""#), "{list}");
        let (_, home) = frida.get("/staff").await;
        assert!(home.contains(r#"href="/staff/forms""#));

        // An author of another department, and a handler, reach none of it.
        let args: Vec<String> = ["add", "--username", "ola", "--name", "Ola Annan", "--role", "author",
            "--organisation", "annan", "Annan förvaltning"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut ola = Journey::new(&server, "");
        ola.post("/staff/signin", &[("username", "ola"), ("password", "ett långt lösenord")]).await;
        let (_, theirs) = ola.get("/staff/forms").await;
        assert!(!theirs.contains("/staff/forms/fault-report"), "{theirs}");
        let mut hugo = Journey::new(&server, "");
        hugo.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        let (status, _) = hugo.get("/staff/forms").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        for (who, other) in [("ola", &mut ola), ("hugo", &mut hugo)] {
            let (status, page) = other.get("/staff/forms/fault-report").await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who}");
            assert!(!page.contains("Beskriv felet"), "{who}");
            let (status, _) = other.get("/staff/forms/fault-report/export.json").await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who}");
            for path in ["/staff/forms/fault-report", "/staff/forms/fault-report/publish", "/staff/forms/fault-report/discard"] {
                let r = other.post(path, &[("definition", "{}")]).await;
                assert_eq!(r.status(), StatusCode::NOT_FOUND, "{who}: {path}");
            }
        }
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 0, "nothing saved by them");

        // Frida starts from the live version; a draft with problems is kept but cannot be published.
        let (status, page) = frida.get("/staff/forms/fault-report").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Det finns inget utkast") && page.contains("&quot;key&quot;: &quot;fault-report&quot;") || page.contains(r#""key": "fault-report""#), "{page}");
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_versions WHERE service_key = 'fault-report'").fetch_one(&db.pool).await.expect("count");
        let spec: serde_json::Value = serde_json::from_str(include_str!("../demo/fault-report.json")).expect("json");
        let mut broken = spec.clone();
        broken["title"]["sv"] = "".into();
        let r = frida.post("/staff/forms/fault-report", &[("definition", broken.to_string().as_str())]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/fault-report");
        let (_, page) = frida.get("/staff/forms/fault-report").await;
        assert!(page.contains("title.sv") && page.contains("Texten saknas på sv.") && page.contains("Ett problem hindrar publicering"), "{page}");
        let r = frida.post("/staff/forms/fault-report/publish", &[]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_versions WHERE service_key = 'fault-report'").fetch_one(&db.pool).await.expect("count");
        assert_eq!(after, live, "nothing published");
        // Not even JSON: kept as typed, said.
        let r = frida.post("/staff/forms/fault-report", &[("definition", "{ \"key\": \"fault-report\",")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = frida.get("/staff/forms/fault-report").await;
        assert!(page.contains("Texten går inte att läsa som en definition"), "{page}");

        // A good draft: a new question and a new label; the page says what changes; published.
        let mut good = spec.clone();
        let fields = good["pages"][0]["fields"].as_array_mut().expect("fields");
        for field in fields.iter_mut() {
            if field["key"] == "description" {
                field["label"]["sv"] = "Berätta om felet".into();
            }
        }
        fields.push(serde_json::json!({"key": "seen-since", "type": "date", "label": {"sv": "Sedan när?", "en": "Since when?"}}));
        let r = frida.post("/staff/forms/fault-report", &[("definition", good.to_string().as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = frida.get("/staff/forms/fault-report").await;
        assert!(page.contains("Ändringar mot den publicerade versionen") && page.contains("seen-since") && page.contains("description"), "{page}");
        assert!(page.contains("påbörjade ansökningar"), "{page}");
        let r = frida.post("/staff/forms/fault-report/publish", &[]).await;
        let to = r.headers()[LOCATION].to_str().expect("ascii").to_owned();
        assert!(to.starts_with("/staff/forms/fault-report?published="), "{to}");
        let (_, page) = frida.get(&to).await;
        assert!(page.contains("är publicerad"), "{page}");
        let (_, form) = server.get("/services/fault-report/form").await;
        assert!(form.contains("Berätta om felet") && form.contains("Sedan när?"), "the new version is live: {form}");
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!((log[0].action.as_str(), log[0].subject.as_str()), ("form-published", "service:fault-report"));
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 0, "the draft became the version");

        // Exported as JSON and TOML, and imported again as a draft of the same service.
        for (file, kind) in [("export.json", "application/json"), ("export.toml", "application/toml")] {
            let r = frida.send_request(server.client.get(server.url(&format!("/staff/forms/fault-report/{file}")))).await;
            assert_eq!(r.status(), StatusCode::OK, "{file}");
            assert_eq!(r.headers()["content-type"], kind);
            let text = r.text().await.expect("body");
            assert!(text.contains("Berätta om felet"), "{file}: {text}");
            let r = frida.post("/staff/forms", &[("action", "import"), ("definition", text.as_str())]).await;
            assert_eq!(r.headers()[LOCATION], "/staff/forms/fault-report", "{file}");
            let (_, page) = frida.get("/staff/forms/fault-report").await;
            assert!(!page.contains("hindrar publicering") && !page.contains("Ändrade frågor"), "{file} is the same form: {page}");
        }
        let r = frida.post("/staff/forms", &[("action", "import"), ("definition", "title = ")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("går inte att läsa") && page.contains("title = "), "kept: {page}");

        // A new service from a template: hers; another department cannot take its name.
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "parking-permit"), ("key", "Gatu Pratare")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "parking-permit"), ("key", "gastparkering")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/gastparkering");
        let r = ola.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "gastparkering")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("en annan förvaltnings e-tjänst"));
        let r = frida.post("/staff/forms/gastparkering/publish", &[]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/gastparkering?published=1");
        let (status, start) = server.get("/services/gastparkering").await;
        assert_eq!(status, StatusCode::OK, "{start}");
    }

    async fn authors_publish_now_or_later_take_down_and_return_to_a_version_and_see_the_statistics(server: TestServer) {
        let db = server.db().await;
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "ljusfel")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel");
        let r = frida.post("/staff/forms/ljusfel/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel?published=1");

        // Two views of the start page; Anna sends; Bo saves for later.
        for _ in 0..2 {
            let (status, _) = server.get("/services/ljusfel").await;
            assert_eq!(status, StatusCode::OK);
        }
        let mut anna = Journey::new(&server, "ljusfel");
        let r = anna.send(VALID_FAULT).await;
        assert!(r.headers()[LOCATION].to_str().expect("ascii").starts_with("/receipts/"));
        let mut bo = Journey::new(&server, "ljusfel");
        let r = bo.post("/services/ljusfel/form", &[("kind", "pothole"), ("_action", "save")]).await;
        assert_eq!(r.headers()[LOCATION], "/services/ljusfel/saved");

        // Version 2, with a new label, published a few seconds from now.
        let r = frida.send_request(server.client.get(server.url("/staff/forms/ljusfel/export.json"))).await;
        let mut spec: serde_json::Value = serde_json::from_str(&r.text().await.expect("body")).expect("json");
        for field in spec["pages"][0]["fields"].as_array_mut().expect("fields") {
            if field["key"] == "description" {
                field["label"]["sv"] = "Berätta mer om felet".into();
            }
        }
        let r = frida.post("/staff/forms/ljusfel", &[("definition", spec.to_string().as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let tz = jiff::tz::TimeZone::get("Europe/Stockholm").expect("zone");
        let local = |seconds: i64| {
            (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(seconds))
                .to_zoned(tz.clone())
                .strftime("%Y-%m-%dT%H:%M:%S")
                .to_string()
        };
        for (at, error) in [("", "Skriv datum och tid"), ("i morgon", "som 2026-12-24 08:00"), (local(-60).as_str(), "i framtiden")] {
            let r = frida.post("/staff/forms/ljusfel/publish", &[("when", "later"), ("at", at)]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{at}");
            let page = r.text().await.expect("body");
            assert!(page.contains(error) && page.contains(r##"href="#publish-at""##), "{at}: {page}");
        }
        let soon = local(3);
        let r = frida.post("/staff/forms/ljusfel/publish", &[("when", "later"), ("at", soon.as_str())]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel?published=2");
        let (_, form) = server.get("/services/ljusfel/form").await;
        assert!(form.contains("Beskriv felet") && !form.contains("Berätta mer om felet"), "not before its time: {form}");
        let (_, versions) = frida.get("/staff/forms/ljusfel/versions").await;
        assert!(versions.contains("Version 2 publiceras") && versions.contains("Version 1 är publicerad"), "{versions}");
        tokio::time::sleep(std::time::Duration::from_millis(4_500)).await;
        let (_, form) = server.get("/services/ljusfel/form").await;
        assert!(form.contains("Berätta mer om felet"), "on time: {form}");
        let (_, versions) = frida.get("/staff/forms/ljusfel/versions").await;
        assert!(!versions.contains("Planerat") && versions.contains("Version 2 är publicerad"), "{versions}");
        // No accessibility check is configured here: said, and nothing runs.
        assert!(versions.contains("Tillgänglighetskontrollen är inte påslagen") && !versions.contains("Kontrollera version"), "{versions}");
        let r = frida.post("/staff/forms/ljusfel/versions/2/check", &[]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel/versions/2/accessibility");
        let (status, page) = frida.get("/staff/forms/ljusfel/versions/2/accessibility").await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("inte påslagen") && page.contains("Versionen har inte kontrollerats"), "{page}");
        let runs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accessibility_checks").fetch_one(&db.pool).await.expect("count");
        assert_eq!(runs, 0);

        // Back to version 1, then down: nobody new may start; Bo may still send what he began.
        let r = frida.post("/staff/forms/ljusfel/offer", &[("action", "republish"), ("version", "1")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel/versions");
        let (_, form) = server.get("/services/ljusfel/form").await;
        assert!(form.contains("Beskriv felet"), "{form}");
        let r = frida.post("/staff/forms/ljusfel/offer", &[("action", "republish"), ("version", "9")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = frida.post("/staff/forms/ljusfel/offer", &[("action", "unpublish"), ("when", "now")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/ljusfel/versions");
        let (status, _) = server.get("/services/ljusfel").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, catalogue) = server.get("/").await;
        assert!(!catalogue.contains("/services/ljusfel"), "{catalogue}");
        let r = bo.send(VALID_FAULT).await;
        assert!(r.headers()[LOCATION].to_str().expect("ascii").starts_with("/receipts/"), "a draft begun is finished");
        let (_, versions) = frida.get("/staff/forms/ljusfel/versions").await;
        assert!(versions.contains("erbjuds inte") && versions.contains("Publicera version 2 igen"), "{versions}");
        // Taking down later, called off.
        frida.post("/staff/forms/ljusfel/offer", &[("action", "republish"), ("version", "2")]).await;
        let later = local(3_600);
        let r = frida.post("/staff/forms/ljusfel/offer", &[("action", "unpublish"), ("when", "later"), ("at", later.as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, versions) = frida.get("/staff/forms/ljusfel/versions").await;
        assert!(versions.contains("Tjänsten tas ned"), "{versions}");
        let id = hidden_value(&versions, "id");
        let r = frida.post("/staff/forms/ljusfel/offer", &[("action", "cancel"), ("id", id.as_str())]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, versions) = frida.get("/staff/forms/ljusfel/versions").await;
        assert!(!versions.contains("Tjänsten tas ned"), "{versions}");
        let (status, _) = server.get("/services/ljusfel").await;
        assert_eq!(status, StatusCode::OK);
        let log = server::db::audit::newest(&db.pool, 10).await.expect("audit");
        for action in ["form-publication-cancelled", "form-unpublished", "form-republished", "form-published"] {
            assert!(log.iter().any(|e| e.action == action && e.subject == "service:ljusfel"), "{action}");
        }

        // The statistics: three views, two starts, one saved, two sent, no e-ID, no person.
        let (status, stats) = frida.get("/staff/forms/ljusfel/statistics").await;
        assert_eq!(status, StatusCode::OK, "{stats}");
        assert!(stats.contains(r#"role="img""#) && stats.contains("Visningar av startsidan 3, Påbörjade 2, Inskickade 2"), "{stats}");
        assert!(stats.contains("100 %") && !stats.contains("anna@example.se"), "{stats}");
        let r = frida.send_request(server.client.get(server.url("/staff/forms/ljusfel/statistics/csv"))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
        let csv = r.text().await.expect("body");
        assert!(csv.starts_with('\u{feff}') && csv.contains("\"Totalt\",3,2,1,2,100,0,"), "{csv}");
        let (status, page) = frida.get("/staff/forms/ljusfel/statistics?from=2026-12-05&to=2026-12-01").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Startdatum måste vara före slutdatum") && page.contains(r##"href="#from""##), "{page}");
        let (_, summary) = frida.get("/staff/statistics").await;
        assert!(summary.contains(r#"href="/staff/forms/ljusfel/statistics""#), "{summary}");
        let stored: Vec<String> = sqlx::query_scalar("SELECT DISTINCT metric FROM service_stats WHERE service_key = 'ljusfel'")
            .fetch_all(&db.pool).await.expect("stats");
        assert!(stored.contains(&"view".to_owned()) && stored.contains(&"submitted".to_owned()), "{stored:?}");

        // A new service published for later is not offered before its time, nor when that is called off.
        frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "senare")]).await;
        let r = frida.post("/staff/forms/senare/publish", &[("when", "later"), ("at", later.as_str())]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/senare?published=1");
        let (status, _) = server.get("/services/senare").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "not before its time");
        let (_, versions) = frida.get("/staff/forms/senare/versions").await;
        assert!(versions.contains("Version 1 publiceras") && versions.contains("erbjuds inte"), "{versions}");
        let id = hidden_value(&versions, "id");
        frida.post("/staff/forms/senare/offer", &[("action", "cancel"), ("id", id.as_str())]).await;
        let (status, _) = server.get("/services/senare").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "calling it off publishes nothing");
        let r = frida.post("/staff/forms/senare/offer", &[("action", "republish"), ("version", "1")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (status, _) = server.get("/services/senare").await;
        assert_eq!(status, StatusCode::OK);

        // Another department's author reaches none of it.
        let args: Vec<String> = ["add", "--username", "ola", "--name", "Ola Annan", "--role", "author",
            "--organisation", "annan", "Annan förvaltning"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut ola = Journey::new(&server, "");
        ola.post("/staff/signin", &[("username", "ola"), ("password", "ett långt lösenord")]).await;
        for path in ["/staff/forms/ljusfel/versions", "/staff/forms/ljusfel/statistics", "/staff/forms/ljusfel/statistics/csv"] {
            let (status, _) = ola.get(path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        let r = ola.post("/staff/forms/ljusfel/offer", &[("action", "unpublish"), ("when", "now")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (_, summary) = ola.get("/staff/statistics").await;
        assert!(!summary.contains("ljusfel"), "{summary}");
    }

    async fn the_builder_sets_a_services_languages_responsibility_privacy_start_page_and_receipt(server: TestServer) {
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "detaljer")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/detaljer");
        let (_, draft) = frida.get("/staff/forms/detaljer").await;
        assert!(draft.contains(r#"href="/staff/forms/detaljer/details""#), "{draft}");
        let (status, page) = frida.get("/staff/forms/detaljer/details").await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("Standardspråk: Svenska") && page.contains(r#"id="language-en""#), "{page}");
        assert!(page.contains(r#"id="setting-processing-days""#) && page.contains(r#"value="14""#), "{page}");
        assert!(page.contains(r#"id="receipt-to-email""#), "{page}");

        let details = |days: &'static str, languages: &[&'static str], basis: &'static str, months: &'static str| {
            let mut pairs: Vec<(&str, &str)> = vec![
                ("op", "details"), ("organisation.sv", "Trafikkontoret"), ("organisation.en", "The Traffic Office"),
                ("processing_days", days), ("identification", "loa3"), ("legal_basis", basis),
                ("purpose.sv", "För att laga felet."), ("purpose.en", "To mend the fault."), ("retention_months", months),
                ("need.sv", "Adressen\r\nEtt foto"), ("need.en", "The address\r\nA photo"), ("minutes", "5"),
                ("phone", "08-123 456 78"), ("visit.sv", "Stadshuset, vardagar 8–16"), ("visit.en", "The town hall, weekdays 8–16"),
                ("receipt_to", "email"),
            ];
            pairs.extend(languages.iter().map(|l| ("language", *l)));
            pairs
        };
        // Numbers that do not read, and a legal basis without a time to keep: said at the field, all kept.
        for (days, months, at) in [("tjugo", "24", "setting-processing-days"), ("20", "", "setting-retention-months")] {
            let r = frida.post("/staff/forms/detaljer/edit", &details(days, &["en"], "public_task", months)).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{days} {months}");
            let page = r.text().await.expect("body");
            assert!(page.contains(&format!(r##"href="#{at}""##)) && page.contains(&format!(r#"id="{at}-error""#)), "{at}: {page}");
            assert!(page.contains(&format!(r#"value="{days}""#)) && page.contains(r#"value="The Traffic Office""#), "{page}");
        }
        // Arabic added: every text is then missing in Arabic, and the draft cannot be published.
        let r = frida.post("/staff/forms/detaljer/edit", &details("20", &["en", "ar"], "public_task", "24")).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/detaljer/details");
        let spec = exported(&server, &mut frida, "detaljer").await;
        assert_eq!(spec["languages"], serde_json::json!(["sv", "en", "ar"]));
        assert_eq!(spec["organisation"], serde_json::json!({"sv": "Trafikkontoret", "en": "The Traffic Office"}));
        assert_eq!(spec["processing_days"], 20);
        assert_eq!(spec["identification"], serde_json::json!({"e_id": {"level": "loa3"}}));
        assert_eq!(spec["privacy"], serde_json::json!({"purpose": {"sv": "För att laga felet.", "en": "To mend the fault."},
            "legal_basis": "public_task", "retention_months": 24}));
        assert_eq!(spec["start"], serde_json::json!({
            "need": [{"sv": "Adressen", "en": "The address"}, {"sv": "Ett foto", "en": "A photo"}],
            "minutes": 5, "phone": "08-123 456 78",
            "visit": {"sv": "Stadshuset, vardagar 8–16", "en": "The town hall, weekdays 8–16"}}));
        assert_eq!(spec["receipt_to"], serde_json::json!(["email"]));
        let (_, page) = frida.get("/staff/forms/detaljer/details").await;
        assert!(page.contains("Det här hindrar publicering") && page.contains("organisation.ar"), "{page}");
        let r = frida.post("/staff/forms/detaljer/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Arabic taken away again (its texts kept, unused): publishable.
        let r = frida.post("/staff/forms/detaljer/edit", &details("20", &["en"], "public_task", "24")).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/detaljer/details");
        assert_eq!(exported(&server, &mut frida, "detaljer").await["languages"], serde_json::json!(["sv", "en"]));
        let r = frida.post("/staff/forms/detaljer/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/detaljer?published=1");
        // Residents read it on the start page; the form now asks for e-ID.
        let (_, start) = server.get("/services/detaljer").await;
        for said in ["inom 20 dagar", "Trafikkontoret", "Ett foto", "För att laga felet.", "08-123 456 78",
            "Stadshuset, vardagar 8–16", "Logga in med e-legitimation"] {
            assert!(start.contains(said), "{said}: {start}");
        }
        let (status, _) = server.get("/services/detaljer/form").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        // No receipt address and no personal data notice: both taken out.
        let mut pairs = details("", &["en"], "none", "");
        pairs.retain(|(n, _)| *n != "receipt_to");
        let r = frida.post("/staff/forms/detaljer/edit", &pairs).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/detaljer/details");
        let spec = exported(&server, &mut frida, "detaljer").await;
        assert!(spec.get("privacy").is_none() && spec.get("receipt_to").is_none() && spec.get("processing_days").is_none(), "{spec}");
    }

    async fn the_builder_gives_a_service_statuses_of_its_own(server: TestServer) {
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "statusar")]).await;
        let page_path = "/staff/forms/statusar/statuses";
        let (status, page) = frida.get(page_path).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("Blanketts statusar") && page.contains("Mottaget") && page.contains("Använd egna statusar"), "{page}");
        let r = frida.post("/staff/forms/statusar/edit", &[("op", "own-statuses"), ("own", "true")]).await;
        assert_eq!(r.headers()[LOCATION], page_path);
        let spec = exported(&server, &mut frida, "statusar").await;
        let keys = |spec: &serde_json::Value| -> Vec<String> {
            spec["statuses"].as_array().map(|a| a.iter().map(|s| s["key"].as_str().unwrap_or_default().to_owned()).collect()).unwrap_or_default()
        };
        assert_eq!(keys(&spec), ["received", "in-progress", "waiting", "approved", "rejected", "closed"]);
        assert_eq!(spec["statuses"][0]["name"], serde_json::json!({"sv": "Mottaget", "en": "Received"}));
        assert_eq!(spec["statuses"][5]["messages"], false, "nobody writes in a closed case");

        // A new status: its short name and name are checked, what was typed kept.
        for (key, name, at) in [("Besiktning", "Besiktning bokad", "add-status-key"), ("received", "Igen", "add-status-key"),
            ("besiktning-bokad", " ", "add-status-name")] {
            let r = frida.post("/staff/forms/statusar/edit", &[("op", "add-status"), ("key", key), ("name", name)]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{key}");
            let page = r.text().await.expect("body");
            assert!(page.contains(&format!(r#"id="{at}-error""#)) && page.contains(&format!(r#"value="{key}""#)), "{key}: {page}");
        }
        let r = frida.post("/staff/forms/statusar/edit", &[("op", "add-status"), ("key", "besiktning-bokad"), ("name", "Besiktning bokad")]).await;
        assert_eq!(r.headers()[LOCATION], page_path);
        let spec = exported(&server, &mut frida, "statusar").await;
        assert_eq!(keys(&spec)[5], "besiktning-bokad", "before closed");
        // Its English name is missing: said, and nothing is published.
        let (_, draft) = frida.get("/staff/forms/statusar").await;
        assert!(draft.contains("statuses[5].name.en"), "{draft}");
        let r = frida.post("/staff/forms/statusar/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // Every name and whether residents may write, in one post.
        let mut names: Vec<(String, String)> = vec![("op".into(), "set-statuses".into())];
        for (n, status) in spec["statuses"].as_array().expect("statuses").iter().enumerate() {
            for lang in ["sv", "en"] {
                let name = status["name"][lang].as_str().map_or("Inspection booked".to_owned(), str::to_owned);
                let name = if n == 0 { format!("{name}!") } else { name };
                names.push((format!("name.{n}.{lang}"), name));
            }
            if status["key"] != "closed" && status["key"] != "waiting" {
                names.push((format!("messages.{n}"), "yes".into()));
            }
        }
        let pairs: Vec<(&str, &str)> = names.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let r = frida.post("/staff/forms/statusar/edit", &pairs).await;
        assert_eq!(r.headers()[LOCATION], page_path);
        // Moved up, and one taken away; the ones Blankett needs cannot be.
        frida.post("/staff/forms/statusar/edit", &[("op", "move-status"), ("status", "5"), ("dir", "up")]).await;
        let r = frida.post("/staff/forms/statusar/edit", &[("op", "remove-status"), ("status", "6")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("behövs av Blankett"));
        let r = frida.post("/staff/forms/statusar/edit", &[("op", "remove-status"), ("status", "5")]).await;
        assert_eq!(r.headers()[LOCATION], page_path);
        let spec = exported(&server, &mut frida, "statusar").await;
        assert_eq!(keys(&spec), ["received", "in-progress", "waiting", "approved", "besiktning-bokad", "closed"]);
        assert_eq!(spec["statuses"][0]["name"]["sv"], "Mottaget!");
        assert_eq!(spec["statuses"][4]["name"], serde_json::json!({"sv": "Besiktning bokad", "en": "Inspection booked"}));
        assert_eq!(spec["statuses"][2]["messages"], false);
        let (_, page) = frida.get(page_path).await;
        assert!(page.contains("Tjänstens egna statusar") && page.contains("Invånaren kan inte skriva"), "{page}");
        let r = frida.post("/staff/forms/statusar/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/statusar?published=1");
        // And back to Blankett's.
        frida.post("/staff/forms/statusar/edit", &[("op", "own-statuses"), ("own", "false")]).await;
        assert!(exported(&server, &mut frida, "statusar").await.get("statuses").is_none());
    }

    async fn the_builder_asks_questions_in_each_row_of_a_group(server: TestServer) {
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "grupper")]).await;
        let fields = exported(&server, &mut frida, "grupper").await["pages"][0]["fields"].as_array().map_or(0, Vec::len);
        let r = frida.post("/staff/forms/grupper/edit", &[("op", "add-field"), ("page", "0"), ("kind", "group"),
            ("key", "vittnen"), ("label", "Vittnen")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let group_page = format!("/staff/forms/grupper/pages/0/fields/{fields}");
        let (status, page) = frida.get(&group_page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("Frågor i varje rad av vittnen") && page.contains("Lägg till en fråga i raden"), "{page}");
        assert!(page.contains("Gruppen har inga frågor i sina rader."), "said at the group: {page}");
        let g = fields.to_string();
        let add = |kind: &'static str, key: &'static str, label: &'static str| {
            vec![("op", "add-field"), ("page", "0"), ("group", g.as_str()), ("kind", kind), ("key", key), ("label", label)]
        };
        // A key that is not one, one the form has, and a group in a group: said at the key, the label kept.
        for (kind, key) in [("short_text", "Namn!"), ("short_text", "email"), ("group", "rader")] {
            let r = frida.post("/staff/forms/grupper/edit", &add(kind, key, "Namnet")).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{kind} {key}");
            let page = r.text().await.expect("body");
            assert!(page.contains(r#"id="add-inner-key-error""#) && page.contains(r#"value="Namnet""#), "{key}: {page}");
            assert!(page.contains("Frågor i varje rad av vittnen"), "the group's page again");
        }
        for (kind, key, label) in [("short_text", "vittne-namn", "Namn"), ("phone", "vittne-telefon", "Telefon")] {
            let r = frida.post("/staff/forms/grupper/edit", &add(kind, key, label)).await;
            assert_eq!(r.headers()[LOCATION], format!("{group_page}#inner").as_str());
        }
        let r = frida.post("/staff/forms/grupper/edit", &[("op", "move-field"), ("page", "0"), ("group", g.as_str()),
            ("field", "1"), ("dir", "up")]).await;
        assert_eq!(r.headers()[LOCATION], format!("{group_page}#inner").as_str());
        // One of its questions, on a page of its own.
        let (status, page) = frida.get(&format!("{group_page}/fields/0")).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains("Tillbaka till gruppen") && page.contains(r#"value="Telefon""#), "{page}");
        let r = frida.post("/staff/forms/grupper/edit", &[("op", "set-field"), ("page", "0"), ("group", g.as_str()),
            ("field", "0"), ("label.sv", "Telefonnummer"), ("label.en", "Phone number"), ("required", "yes")]).await;
        assert_eq!(r.headers()[LOCATION], format!("{group_page}#inner").as_str());
        frida.post("/staff/forms/grupper/edit", &[("op", "set-field"), ("page", "0"), ("group", g.as_str()),
            ("field", "1"), ("label.sv", "Namn"), ("label.en", "Name")]).await;
        // The group itself: its label and what a row is called, in both languages.
        let r = frida.post("/staff/forms/grupper/edit", &[("op", "set-field"), ("page", "0"), ("field", g.as_str()),
            ("label.sv", "Vittnen"), ("label.en", "Witnesses"), ("setting.row_label.sv", "Vittne"),
            ("setting.row_label.en", "Witness")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let spec = exported(&server, &mut frida, "grupper").await;
        let group = &spec["pages"][0]["fields"][fields];
        assert_eq!(group["type"], "group");
        assert_eq!(group["fields"], serde_json::json!([
            {"key": "vittne-telefon", "type": "phone", "label": {"sv": "Telefonnummer", "en": "Phone number"}, "required": true},
            {"key": "vittne-namn", "type": "short_text", "label": {"sv": "Namn", "en": "Name"}, "required": false},
        ]));
        let r = frida.post("/staff/forms/grupper/publish", &[("when", "now"), ("at", "")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/grupper?published=1");
        let (_, form) = server.get("/services/grupper/form").await;
        assert!(form.contains("Vittnen") && form.contains("add:vittnen"), "{form}");
        // Taken away again.
        let r = frida.post("/staff/forms/grupper/edit", &[("op", "remove-field"), ("page", "0"), ("group", g.as_str()), ("field", "1")]).await;
        assert_eq!(r.headers()[LOCATION], format!("{group_page}#inner").as_str());
        let spec = exported(&server, &mut frida, "grupper").await;
        assert_eq!(spec["pages"][0]["fields"][fields]["fields"].as_array().map(Vec::len), Some(1));
    }

    async fn the_builder_sets_each_kinds_settings_and_rules_across_questions(server: TestServer) {
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "regler")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/regler");
        async fn export(server: &TestServer, frida: &mut Journey<'_>) -> serde_json::Value {
            let r = frida.send_request(server.client.get(server.url("/staff/forms/regler/export.json"))).await;
            serde_json::from_str(&r.text().await.expect("body")).expect("json")
        }
        let (_, page) = frida.get("/staff/forms/regler/pages/0/fields/4").await;
        assert!(page.contains(r#"id="setting-min-length""#) && page.contains(r#"id="setting-required-if""#), "{page}");
        // The description: a minimum that does not read is said at its input, with everything typed kept.
        let description = |min: &'static str| vec![
            ("op", "set-field"), ("page", "0"), ("field", "4"),
            ("label.sv", "Beskriv felet noga"), ("label.en", "Describe the fault"), ("hint.sv", ""), ("hint.en", ""),
            ("required", "yes"), ("visible_if", ""), ("setting.min_length", min), ("setting.max_length", "2000"),
            ("setting.required_if", ""),
        ];
        let r = frida.post("/staff/forms/regler/edit", &description("två")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(page.contains("Värdet går inte att läsa") && page.contains(r##"href="#setting-min-length""##), "{page}");
        assert!(page.contains(r#"value="två""#) && page.contains("Beskriv felet noga"), "kept: {page}");
        assert_eq!(export(&server, &mut frida).await["pages"][0]["fields"][4]["label"]["sv"], "Beskriv felet", "nothing saved");
        let r = frida.post("/staff/forms/regler/edit", &description("10")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let spec = export(&server, &mut frida).await;
        let field = &spec["pages"][0]["fields"][4];
        assert_eq!((field["min_length"].as_u64(), field["max_length"].as_u64()), (Some(10), Some(2000)), "{field}");
        assert_eq!(field["label"]["sv"], "Beskriv felet noga");
        // A text taken away is a problem shown at its question, and linked to from the list.
        let mut missing = description("10");
        missing.retain(|(n, _)| *n != "label.en");
        missing.push(("label.en", ""));
        let r = frida.post("/staff/forms/regler/edit", &missing).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = frida.get("/staff/forms/regler").await;
        assert!(page.contains(r#"<a href="/staff/forms/regler/pages/0/fields/4"><code>pages[0].fields[4].label.en</code></a>"#), "{page}");
        assert!(page.contains(r#"id="problems-0-4""#), "{page}");
        let (_, page) = frida.get("/staff/forms/regler/pages/0/fields/4").await;
        let at_field = &page[page.find(r#"id="field-problems""#).expect("the question's problems")..];
        assert!(at_field[..at_field.find("</div>").expect("end")].contains("Texten saknas på en."), "{page}");
        frida.post("/staff/forms/regler/edit", &description("10")).await;

        // The photos: types, size and number.
        let r = frida.post("/staff/forms/regler/edit", &[
            ("op", "set-field"), ("page", "0"), ("field", "5"),
            ("label.sv", "Foton av felet"), ("label.en", "Photos of the fault"), ("hint.sv", "Högst tre."), ("hint.en", "At most three."),
            ("visible_if", ""), ("setting.accept", "image/*, application/pdf"), ("setting.max_megabytes", "5"),
            ("setting.max_files", "3"), ("setting.required_if", ""),
        ]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let photos = &export(&server, &mut frida).await["pages"][0]["fields"][5];
        assert_eq!(photos["max_bytes"].as_u64(), Some(5 * 1024 * 1024), "{photos}");
        assert_eq!(photos["accept"], serde_json::json!(["image/*", "application/pdf"]));

        // An option moved up with its button: the question's page again, at the option.
        let r = frida.post("/staff/forms/regler/edit", &[
            ("op", "set-field"), ("page", "0"), ("field", "1"),
            ("label.sv", "Vad gäller felet?"), ("label.en", "What is the fault?"), ("hint.sv", ""), ("hint.en", ""),
            ("required", "yes"), ("visible_if", ""), ("setting.display", "radios"), ("setting.required_if", ""),
            ("option.0.sv", "Gatubelysning"), ("option.0.en", "Street light"),
            ("option.1.sv", "Potthål eller skadad beläggning"), ("option.1.en", "Pothole or damaged surface"),
            ("option.2.sv", "Klotter"), ("option.2.en", "Graffiti"), ("option.3.sv", "Annat"), ("option.3.en", "Something else"),
            ("move_option", "1:up"),
        ]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/regler/pages/0/fields/1#option-0");
        let kinds = &export(&server, &mut frida).await["pages"][0]["fields"][1]["options"];
        assert_eq!((kinds[0]["value"].as_str(), kinds[1]["value"].as_str()), (Some("pothole"), Some("street-light")), "{kinds}");
        let (_, page) = frida.get("/staff/forms/regler/pages/0/fields/1").await;
        assert!(page.contains("Flytta ned alternativet pothole") && !page.contains("Flytta upp alternativet pothole"), "{page}");

        // A rule across questions: the description must say more than the place.
        let rule = |key: &'static str, check: &'static str| vec![
            ("op", "set-rule"), ("rule_key", key), ("check", check), ("rule_field", "description"),
            ("message.sv", "Beskriv felet, inte bara platsen."), ("message.en", "Describe the fault, not only the place."),
        ];
        let r = frida.post("/staff/forms/regler/edit", &rule("Inte Så", "$description != $location")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains(r##"href="#add-rule-key""##));
        let r = frida.post("/staff/forms/regler/edit", &rule("mer", "")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("Skriv både uttrycket och meddelandet"));
        let r = frida.post("/staff/forms/regler/edit", &rule("mer", "$description != $location")).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/regler#rules");
        let (_, page) = frida.get("/staff/forms/regler").await;
        assert!(!page.contains("hindrar publicering") && page.contains("Spara regeln mer"), "the rule compiles: {page}");
        let r = frida.post("/staff/forms/regler/publish", &[]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/regler?published=1");
        // The rule and the minimum hold for residents.
        let same = [("kind", "graffiti"), ("location", "Torget vid kyrkan"), ("description", "Torget vid kyrkan")];
        let r = server.send_form("regler", &same).await;
        let status = r.status();
        let page = r.text().await.expect("body");
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
        assert!(page.contains("Beskriv felet, inte bara platsen."), "{page}");
        let short = [("kind", "pothole"), ("location", "Torget"), ("description", "Hål")];
        let r = server.send_form("regler", &short).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let good = [("kind", "graffiti"), ("location", "Torget"), ("description", "Klotter på väggen vid kyrkan.")];
        let r = server.send_form("regler", &good).await;
        assert!(r.headers()[LOCATION].to_str().expect("ascii").starts_with("/receipts/"));
        // Removed again.
        let r = frida.post("/staff/forms/regler/edit", &[("op", "remove-rule"), ("rule", "0")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(export(&server, &mut frida).await.get("rules").and_then(|r| r.as_array()).map_or(0, Vec::len), 0);
    }

    async fn the_builder_edits_pages_questions_translations_and_conditions_without_code(server: TestServer) {
        let mut frida = Journey::new(&server, "");
        frida.post("/staff/signin", &[("username", "formgivare"), ("password", "demo-formgivare-2026")]).await;
        let r = frida.post("/staff/forms", &[("action", "template"), ("template", "fault-report"), ("key", "gatuljus")]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/gatuljus");
        let edit = "/staff/forms/gatuljus/edit";
        let (_, page) = frida.get("/staff/forms/gatuljus").await;
        assert!(page.contains("Sidor och frågor") && page.contains(r#"name="title.sv""#) && page.contains(r#"name="title.en""#), "{page}");

        // The form's name in both languages; English left out is marked.
        let r = frida.post(edit, &[("op", "texts"), ("title.sv", "Trasig gatubelysning"), ("title.en", ""),
            ("description.sv", "Anmäl en lampa som inte lyser."), ("description.en", "Report a light that is out.")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = frida.get("/staff/forms/gatuljus").await;
        assert!(page.contains("<h1>Trasig gatubelysning</h1>") && page.contains("Saknas") && page.contains("title.en"), "{page}");
        frida.post(edit, &[("op", "texts"), ("title.sv", "Trasig gatubelysning"), ("title.en", "Broken street light"),
            ("description.sv", "Anmäl en lampa som inte lyser."), ("description.en", "Report a light that is out.")]).await;

        // A page and a question on it: a bad key is said and what was typed kept.
        let r = frida.post(edit, &[("op", "add-page"), ("key", "Mer Info"), ("title", "Mer om lampan")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(body.contains(r##"href="#add-page-key""##) && body.contains(r#"value="Mer om lampan""#), "{body}");
        let r = frida.post(edit, &[("op", "add-page"), ("key", "lampan"), ("title", "Mer om lampan")]).await;
        assert!(r.headers()[LOCATION].to_str().expect("ascii").starts_with("/staff/forms/gatuljus#page-"));
        let (_, page) = frida.get("/staff/forms/gatuljus").await;
        let last = page.matches(r#"class="builder-page""#).count() - 1;
        let last_text = last.to_string();
        let r = frida.post(edit, &[("op", "add-field"), ("page", last_text.as_str()), ("kind", "yes_no"), ("key", "blinkar"), ("label", "Blinkar lampan?")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = frida.post(edit, &[("op", "add-field"), ("page", last_text.as_str()), ("kind", "short_text"), ("key", "blinkar"), ("label", "Igen")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "a key the form has");
        let r = frida.post(edit, &[("op", "add-field"), ("page", last_text.as_str()), ("kind", "short_text"), ("key", "hur-ofta"), ("label", "Hur ofta?")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Without English texts the draft cannot be published: each one said where it is.
        let (_, page) = frida.get("/staff/forms/gatuljus").await;
        assert!(page.contains(".label.en") && page.contains("Texten saknas på en."), "{page}");
        let r = frida.post("/staff/forms/gatuljus/publish", &[]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // The translations, side by side, and a condition from the guided editor.
        let (status, question) = frida.get(&format!("/staff/forms/gatuljus/pages/{last}/fields/1")).await;
        assert_eq!(status, StatusCode::OK, "{question}");
        assert!(question.contains("Fråga: hur-ofta") && question.contains(r#"name="label.en""#) && question.contains(r#"<option value="blinkar">"#), "{question}");
        let r = frida.post(edit, &[("op", "set-field"), ("page", last_text.as_str()), ("field", "1"), ("label.sv", "Hur ofta?"), ("label.en", "How often?"),
            ("hint.sv", ""), ("hint.en", ""), ("required", "yes"), ("visible_if", ""), ("cond_field", "blinkar"), ("cond_op", "yes"), ("cond_value", "")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = frida.post(edit, &[("op", "set-field"), ("page", last_text.as_str()), ("field", "0"), ("label.sv", "Blinkar lampan?"), ("label.en", "Does the light blink?"),
            ("hint.sv", ""), ("hint.en", ""), ("visible_if", ""), ("cond_field", "")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = frida.post(edit, &[("op", "set-page"), ("page", last_text.as_str()), ("title.sv", "Mer om lampan"), ("title.en", "More about the light"), ("visible_if", "")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // A choice question: its options renamed in both languages, one removed, one added.
        let r = frida.post(edit, &[("op", "add-field"), ("page", last_text.as_str()), ("kind", "single_choice"), ("key", "farg"), ("label", "Vilken färg har ljuset?")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, question) = frida.get(&format!("/staff/forms/gatuljus/pages/{last}/fields/2")).await;
        assert!(question.contains(r#"name="option.0.sv""#) && question.contains(r#"name="remove.1""#), "{question}");
        let r = frida.post(edit, &[("op", "set-field"), ("page", last_text.as_str()), ("field", "2"),
            ("label.sv", "Vilken färg har ljuset?"), ("label.en", "What colour is the light?"), ("hint.sv", ""), ("hint.en", ""),
            ("visible_if", ""), ("cond_field", ""), ("option.0.sv", "Vitt"), ("option.0.en", "White"),
            ("option.1.sv", "2"), ("option.1.en", "2"), ("remove.1", "yes"),
            ("new_option_value", "gult"), ("new_option_label", "Gult")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = frida.get("/staff/forms/gatuljus").await;
        assert!(page.contains("options[1].label.en") && page.contains("Texten saknas på en."), "the new option lacks English: {page}");
        let r = frida.post(edit, &[("op", "set-field"), ("page", last_text.as_str()), ("field", "2"),
            ("label.sv", "Vilken färg har ljuset?"), ("label.en", "What colour is the light?"), ("hint.sv", ""), ("hint.en", ""),
            ("visible_if", ""), ("cond_field", ""), ("option.0.sv", "Vitt"), ("option.0.en", "White"),
            ("option.1.sv", "Gult"), ("option.1.en", "Yellow")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Previewed as residents will see it: the real form's page, in English, at a phone's width.
        let (status, preview) = frida.get("/staff/forms/gatuljus/preview?page=lampan&lang=en&width=phone").await;
        assert_eq!(status, StatusCode::OK, "{preview}");
        assert!(preview.contains("preview--phone") && preview.contains("inert") && preview.contains("Does the light blink?")
            && preview.contains("More about the light") && !preview.contains("/pkg/blankett.js"), "{preview}");
        let args: Vec<String> = ["add", "--username", "ola", "--name", "Ola Annan", "--role", "author",
            "--organisation", "annan", "Annan förvaltning"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &server.db().await, Some("ett långt lösenord".into())).await.expect("added");
        let mut ola = Journey::new(&server, "");
        ola.post("/staff/signin", &[("username", "ola"), ("password", "ett långt lösenord")]).await;
        let (status, page) = ola.get("/staff/forms/gatuljus/preview").await;
        assert!(status == StatusCode::NOT_FOUND && !page.contains("Blinkar lampan"), "{status}");
        // Moved to be the first page after the first, then published and asked as built.
        let r = frida.post(edit, &[("op", "move-page"), ("page", last_text.as_str()), ("dir", "up")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = frida.post("/staff/forms/gatuljus/publish", &[]).await;
        assert_eq!(r.headers()[LOCATION], "/staff/forms/gatuljus?published=1");
        let live = {
            let db = server.db().await;
            let text: String = sqlx::query_scalar("SELECT definition FROM form_versions WHERE service_key = 'gatuljus'")
                .fetch_one(&db.pool).await.expect("published");
            serde_json::from_str::<serde_json::Value>(&text).expect("json")
        };
        let pages = live["pages"].as_array().expect("pages");
        let lampan = &pages[pages.len() - 2];
        assert_eq!(lampan["key"], "lampan");
        assert_eq!(lampan["fields"][1]["visible_if"], "$blinkar == true");
        assert_eq!(lampan["fields"][1]["required"], true);
        assert_eq!(lampan["fields"][1]["label"]["en"], "How often?");
        assert_eq!(live["title"]["en"], "Broken street light");
        let options = &lampan["fields"][2]["options"];
        assert_eq!(options.as_array().map(Vec::len), Some(2));
        assert_eq!((options[0]["value"].as_str(), options[0]["label"]["en"].as_str()), (Some("option-1"), Some("White")));
        assert_eq!((options[1]["value"].as_str(), options[1]["label"]["sv"].as_str()), (Some("gult"), Some("Gult")));
    }

    async fn closed_cases_are_deleted_for_good_when_their_retention_has_run_out(server: TestServer) {
        // Three fault reports (kept 24 months after closing), the first with a photo.
        let jpeg = b"\xFF\xD8\xFF\xE0 a tiny photo".to_vec();
        let mut references = Vec::new();
        for n in 0..3 {
            let key = server::secret::token();
            let mut pairs: Vec<(&str, &str)> = VALID_FAULT.to_vec();
            pairs.extend([("_version", "2"), ("_submission", key.as_str())]);
            let mut body = pairs.iter().fold(reqwest::multipart::Form::new(), |f, (n, v)| f.text(n.to_string(), v.to_string()));
            if n == 0 {
                body = body.part("photos", reqwest::multipart::Part::bytes(jpeg.clone()).file_name("hål.jpg").mime_str("image/jpeg").expect("mime"));
            }
            let mut journey = Journey::new(&server, "fault-report");
            let r = journey.post_multipart("/services/fault-report/form", body).await;
            assert_eq!(r.headers()[LOCATION], "/services/fault-report/check");
            references.push(server.reference_of(&journey.send_checked().await).await);
        }
        let db = server.db().await;
        let photo: String = sqlx::query_scalar("SELECT id FROM files").fetch_one(&db.pool).await.expect("a photo");
        let store = server::files::LocalFiles::new(server.data_dir.join("files"));
        assert!(server::files::FileStore::get(&store, &photo).await.expect("read").is_some());
        // The first closed 25 months ago, the second yesterday; the third
        // was never closed, though sent as long ago.
        let now = server::db::now_millis();
        let day = 86_400_000_i64;
        for (reference, status, at) in [
            (&references[0], "closed", now - 25 * 31 * day),
            (&references[1], "closed", now - day),
            (&references[2], "in-progress", now - 25 * 31 * day),
        ] {
            sqlx::query("UPDATE cases SET status = $1, status_at = $2, submitted_at = $3 WHERE reference = $4")
                .bind(status).bind(at).bind(now - 26 * 31 * day).bind(reference)
                .execute(&db.pool).await.expect("update");
        }
        let forms = std::sync::RwLock::new(server::catalogue::FormStore::load(&db).await.expect("forms"));
        let timezone = jiff::tz::TimeZone::get("Europe/Stockholm").expect("zone");
        let deleted = server::handling::sweep_closed(&db, &forms, &store, &timezone, now).await.expect("sweep");
        assert_eq!(deleted, 1);
        let left: Vec<String> = sqlx::query_scalar("SELECT reference FROM cases ORDER BY id").fetch_all(&db.pool).await.expect("cases");
        assert_eq!(left, references[1..].to_vec());
        let orphans: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM case_events WHERE case_id NOT IN (SELECT id FROM cases)")
            .fetch_one(&db.pool).await.expect("events");
        assert_eq!(orphans, 0, "its history went with it");
        let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM files").fetch_one(&db.pool).await.expect("files");
        assert_eq!(files, 0, "and its photo's record");
        assert!(server::files::FileStore::get(&store, &photo).await.expect("read").is_none(), "and its bytes");
        let mail: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE case_id NOT IN (SELECT id FROM cases)")
            .fetch_one(&db.pool).await.expect("outbox");
        assert_eq!(mail, 0);
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!((log[0].action.as_str(), log[0].subject.clone()), ("case-deleted", format!("case:{}", references[0])));
        assert!(!log[0].detail.contains("Storgatan") && !log[0].detail.contains("anna@"), "{}", log[0].detail);
        // Nothing more to do the next time.
        assert_eq!(server::handling::sweep_closed(&db, &forms, &store, &timezone, now).await.expect("sweep"), 0);
    }

    async fn a_services_default_handler_gets_its_new_cases_at_once(server: TestServer) {
        let db = server.db().await;
        let args: Vec<String> = ["add", "--username", "parkering", "--name", "Petra Parkering", "--role", "handler",
            "--default-for", "parking-permit"].iter().map(|a| a.to_string()).collect();
        server::staff::command(&args, &db, Some("ett långt lösenord".into())).await.expect("added");
        let mut anna = Journey::start(&server, "parking-permit").await;
        let sent = anna.send(&[
            ("registration", "ABC123"), ("address.street", "Storgatan 12"), ("address.postal_code", "11122"),
            ("address.city", "Stockholm"), ("zone", "norr"), ("months", "6"), ("email", "anna@example.se"),
        ]).await;
        let reference = server.reference_of(&sent).await;
        let fault = server.send_form("fault-report", &[VALID_FAULT, &[("_version", "2")]].concat()).await;
        let unassigned = server.reference_of(&fault).await;
        let mut petra = Journey::new(&server, "");
        petra.post("/staff/signin", &[("username", "parkering"), ("password", "ett långt lösenord")]).await;
        let (_, mine) = petra.get("/staff/cases?assigned=me").await;
        assert!(mine.contains(&format!(">{reference}<")), "{mine}");
        let (_, case) = petra.get(&format!("/staff/cases/{reference}")).await;
        assert!(case.contains("Tilldelat Petra Parkering") && case.contains("Släpp ärendet"), "{case}");
        let assigned: Vec<(String, Option<i64>)> = sqlx::query_as("SELECT reference, assigned_to FROM cases ORDER BY id")
            .fetch_all(&db.pool).await.expect("cases");
        assert!(assigned[0].1.is_some() && assigned[0].0 == reference, "{assigned:?}");
        assert_eq!(assigned[1], (unassigned, None), "a service without one");
    }

    async fn health_and_readiness_answer(server: TestServer) {
        assert_eq!(server.get("/healthz").await, (StatusCode::OK, "ok".to_string()));
        assert_eq!(server.get("/readyz").await, (StatusCode::OK, "ready".to_string()));
    }

    async fn the_catalogue_lists_the_demo_services_in_swedish(server: TestServer) {
        let (status, html) = server.get("/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"<html lang="sv" dir="ltr""#), "{html}");
        assert!(html.contains("Felanmälan – gata och park"));
        assert!(html.contains("Boendeparkering"));
        assert!(html.contains("Ansök om förskoleplats"));
        for title in ["Boka borgerlig vigsel", "Anmäl misstänkt matförgiftning", "Ansök om föreningsbidrag"] {
            assert!(html.contains(title), "{title}");
        }
        assert!(html.contains("Parkering och gator"));
        // Topics come in the catalogue's order, not the alphabet's.
        let at = |t: &str| html.find(&format!(">{t}</h2>")).unwrap_or_else(|| panic!("{t}"));
        assert!(at("Parkering och gator") < at("Förskola och skola"));
        assert!(at("Förskola och skola") < at("Familj och livshändelser"));
        // The page is complete without JavaScript and loads none: only a
        // page with an island (the form) loads the bundle.
        assert!(html.contains(r#"href="/services/fault-report""#));
        assert!(!html.contains("<script src") && !html.contains("/pkg/blankett.js") && !html.contains(".wasm"), "{html}");
        let (_, form) = server.get("/services/fault-report/form").await;
        assert!(form.contains("<leptos-island") && form.contains("/pkg/blankett.js"), "{form}");
    }

    async fn each_service_has_a_start_page_that_says_what_to_expect(server: TestServer) {
        let (status, html) = server.get("/services/preschool-place").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<h1>Ansök om förskoleplats</h1>"), "{html}");
        assert!(html.contains("Du loggar in med e-legitimation"));
        assert!(html.contains("Vi brukar behandla ärendet inom 60 dagar."));
        assert!(html.contains("Ansvarig: Förskoleförvaltningen."));
        assert!(html.contains("Vi sparar uppgifterna i 60 månader efter att ärendet har avslutats."));
        assert!(html.contains("utföra en uppgift av allmänt intresse"));
        // Not signed in: the way in is signing in, a plain post.
        assert!(html.contains(r#"<form method="post" action="/signin""#) && html.contains("Logga in med e-legitimation"), "{html}");
        assert!(!html.contains(r#"href="/services/preschool-place/form""#));
        let mut anna = Journey::start(&server, "preschool-place").await;
        let (_, html) = anna.get("/services/preschool-place").await;
        assert!(html.contains(r#"href="/services/preschool-place/form""#) && html.contains("Starta e-tjänsten"));
        assert!(html.contains("Inloggad som Anna Andersson") && html.contains(r#"action="/signout""#), "{html}");
        let (_, html) = server.get("/services/fault-report").await;
        assert!(html.contains("Du behöver inte logga in."));
        assert!(html.contains("Innan du börjar") && html.contains("minuter att fylla i"), "{html}");
        assert!(html.contains(r#"href="tel:"#), "the other way in is a telephone link");
        let (status, _) = server.get("/services/no-such-service").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn the_catalogue_can_be_searched_without_javascript(server: TestServer) {
        let (status, html) = server.get("/?q=Parkering").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("2 e-tjänster matchar ”Parkering”"), "{html}");
        assert!(html.contains("Boendeparkering") && html.contains("Felanmälan – gata och park"));
        assert!(!html.contains(r#"href="/services/preschool-place""#), "only what matches is listed");
        assert!(html.contains(r#"name="q" value="Parkering""#), "what was searched for stays in the box");
        // Every word must match, in the title, the description or a topic.
        let (_, html) = server.get("/?q=vigsel%20familj").await;
        assert!(html.contains("En e-tjänst matchar ”vigsel familj”"), "{html}");
        let (_, html) = server.get("/?q=vigsel%20parkering").await;
        assert!(html.contains("Inga e-tjänster matchar ”vigsel parkering”"), "{html}");
        let (_, html) = server.get("/?q=xyzzy").await;
        assert!(html.contains("Inga e-tjänster matchar ”xyzzy”"));
        assert!(html.contains(r#"<a href="/">Visa alla e-tjänster</a>"#));
        let r = server.client.get(server.url("/?q=wedding")).header(COOKIE, "lang=en").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains("One e-service matches “wedding”"), "{html}");
    }

    async fn accept_language_and_the_language_cookie_choose_english(server: TestServer) {
        let r = server.client.get(server.url("/")).header(ACCEPT_LANGUAGE, "en-GB,en;q=0.9").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"<html lang="en""#));
        assert!(html.contains("Report a fault – streets and parks"));

        let r = server.client.get(server.url("/language/en?back=/services/fault-report")).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/services/fault-report");
        let cookie = r.headers()[SET_COOKIE].to_str().expect("ascii").to_string();
        assert!(cookie.starts_with("lang=en;") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

        let r = server.client.get(server.url("/services/fault-report/form"))
            .header(COOKIE, "lang=en").header(ACCEPT_LANGUAGE, "sv").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains("What is the fault?"), "the cookie wins over Accept-Language");
    }

    async fn arabic_pages_read_right_to_left(server: TestServer) {
        let r = server.client.get(server.url("/")).header(ACCEPT_LANGUAGE, "ar-SE, sv;q=0.5").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"<html lang="ar" dir="rtl""#), "{html}");
        assert!(html.contains("ماذا تريد أن تفعل؟"), "{html}");
        assert!(html.contains("العربية"), "the switch names the language in itself");
        // A form offered in Swedish and English only is shown in Swedish,
        // with the Arabic interface around it.
        let r = server.client.get(server.url("/services/fault-report/form")).header(COOKIE, "lang=ar").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"dir="rtl""#) && html.contains("Vad gäller felet?"));
        // ... and its texts say they are Swedish, so they are read as Swedish.
        assert!(html.contains(r#"<span lang="sv">Felanmälan – gata och park</span>"#), "{html}");
        assert!(html.contains(r#"<h1 lang="sv">Om felet</h1>"#), "{html}");
        // ... and so do the answers on the receipt.
        let mut journey = Journey::start(&server, "fault-report").await;
        journey.cookie = None;
        let pairs: Vec<(&str, &str)> = VALID_FAULT.to_vec();
        let r = journey.post("/services/fault-report/form", &pairs).await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/check");
        let check = journey.server.client.get(server.url("/services/fault-report/check"))
            .header(COOKIE, format!("{}; lang=ar", journey.cookie.clone().expect("draft")))
            .send().await.expect("GET").text().await.expect("body");
        assert!(check.contains(r#"<dt lang="sv" class="summary-list__key">Var finns felet?</dt>"#), "{check}");
        let r = journey.send_checked().await;
        let receipt = server.client.get(server.url(r.headers()[LOCATION].to_str().expect("ascii")))
            .header(COOKIE, "lang=ar").send().await.expect("GET").text().await.expect("body");
        assert!(receipt.contains(r#"<dt lang="sv" class="summary-list__key">Var finns felet?</dt>"#), "{receipt}");
        assert!(html.contains(r#"<span lang="sv">Var finns felet?</span>"#), "{html}");
    }

    async fn the_language_switch_never_redirects_off_site(server: TestServer) {
        for back in ["//evil.example/", "https://evil.example/", "/%5Cevil.example"] {
            let path = format!("/language/sv?back={}", back.replace('/', "%2F"));
            let r = server.client.get(server.url(&path)).send().await.expect("GET");
            let location = r.headers()[LOCATION].to_str().expect("ascii").to_string();
            assert!(location == "/" || location.starts_with("/%"), "{back} led to {location}");
            assert!(!location.starts_with("//"));
        }
    }

    async fn the_form_page_is_a_plain_accessible_form(server: TestServer) {
        let (status, html) = server.get("/services/fault-report/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"<form method="post" action="/services/fault-report/form/fault" enctype="multipart/form-data" novalidate"#), "{html}");
        assert!(html.contains(r#"<legend class="fieldset__legend">Vad gäller felet?</legend>"#));
        assert!(html.contains(r#"<label for="f-location" class="label">Var finns felet?</label>"#));
        assert!(html.contains(r#"aria-describedby="f-location-hint""#));
        assert!(html.contains("Din e-postadress (valfritt)"));
        assert!(html.contains(r#"autocomplete="email""#));
        assert_eq!(hidden_value(&html, "_submission").len(), 32);
        assert_eq!(hidden_value(&html, "_version"), "4");
        assert!(!html.contains("error-summary"));
        // Information text is text, with its safe link.
        assert!(html.contains(r#"<h2 class="information__heading">Är det akut?</h2>"#), "{html}");
        assert!(html.contains(r#"href="tel:+46771000000""#));
    }

    async fn a_post_with_errors_comes_back_422_with_every_error_and_value(server: TestServer) {
        let r = server.send_form("fault-report", &[
            ("_version", "1"),
            ("_submission", &server::secret::token()),
            ("kind", "volcano"),
            ("location", ""),
            ("description", "Läcker <vatten> & \"mer\""),
            ("email", "anna@"),
        ]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"class="error-summary""#) && html.contains("autofocus"), "{html}");
        assert!(html.contains("<title>Fel: Om felet – Felanmälan – gata och park – Blankett</title>"), "{html}");
        for message in [
            "Välj ett av alternativen för ”Vad gäller felet?”.",
            "Fyll i ”Var finns felet?”.",
            "Skriv en e-postadress i rätt format för ”Din e-postadress”, till exempel namn@exempel.se.",
        ] {
            assert_eq!(html.matches(message).count(), 2, "in the summary and at the field: {message}");
        }
        assert!(html.contains(r##"href="#f-location""##));
        assert!(html.contains(r#"value="anna@""#), "the typed e-mail is kept");
        assert!(html.contains("Läcker &lt;vatten&gt; &amp; \"mer\"</textarea>"), "the typed text is kept, escaped");
        assert!(!html.contains("<vatten>"), "nothing typed is ever markup");
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 0);
    }

    async fn a_valid_post_is_stored_and_answered_with_a_receipt(server: TestServer) {
        let key = server::secret::token();
        let mut pairs = VALID_FAULT.to_vec();
        // A question that does not apply (it is for street lights) is dropped.
        pairs.extend([("_version", "1"), ("_submission", key.as_str()), ("pole-number", "A-12")]);
        let r = server.send_form("fault-report", &pairs).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let location = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        assert!(location.starts_with("/receipts/") && location.len() == "/receipts/".len() + 32, "{location}");

        let (status, html) = server.get(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Din ansökan är skickad"));
        assert!(html.contains("Vi har tagit emot ”Felanmälan – gata och park”"));
        let reference = html.split("<strong class=\"reference\">").nth(1).and_then(|s| s.split('<').next())
            .expect("a reference on the receipt").to_string();
        assert_eq!(reference.len(), 9);

        let db = server.db().await;
        let (_, answers) = server::db::cases::answers_by_reference(&db.pool, &reference).await
            .expect("query").expect("the case is stored");
        let answers: serde_json::Value = serde_json::from_str(&answers).expect("json");
        assert_eq!(answers["kind"], serde_json::json!({"type": "choice", "value": "pothole"}));
        assert_eq!(answers["description"]["value"], "Ett djupt hål\ni cykelbanan.");
        assert!(answers.get("_submission").is_none(), "only the form's fields are stored");
        assert!(answers.get("pole-number").is_none(), "a hidden question is not stored");
    }

    async fn every_kind_of_field_round_trips_through_a_plain_post(server: TestServer) {
        let key = server::secret::token();
        let bad = server.send_form("preschool-place", &[
            ("_version", "2"), ("_submission", &key),
            ("children[0].child-name", "Ada"), ("children[0].child-pin", "220504-1234"), ("children[0].start", "2020-01-01"),
            ("children[0].hours", "30"), ("children[0].support", "yes"), ("children[0].support-kinds", "diet"), ("children[0].support-kinds", "mobility"),
            ("phone", "12"), ("email", "a@example.se"),
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "111 22"),
            ("guardian-address.city", "Stockholm"),
        ]).await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = bad.text().await.expect("body");
        for message in [
            "”Barnets personnummer (Barn 1)” stämmer inte. Kontrollera att du har skrivit rätt siffror.",
            "Skriv ett telefonnummer för ”Ditt telefonnummer”, till exempel 070-123 45 67.",
            "Kryssa i rutan ”Jag intygar att uppgifterna stämmer” för att gå vidare.",
        ] {
            assert_eq!(html.matches(message).count(), 2, "{message}");
        }
        assert!(html.contains("”När behöver barnet platsen? (Barn 1)” kan inte vara före "), "{html}");
        // A number's unit follows its input and is read out with it.
        assert!(html.contains(r#"aria-describedby="f-children[0].hours-unit""#), "{html}");
        assert!(html.contains(r#"<span id="f-children[0].hours-unit" class="input__unit">timmar</span>"#), "{html}");
        // Both ticked boxes and the chosen radio come back ticked.
        for checked in ["value=\"diet\"", "value=\"mobility\"", "value=\"yes\""] {
            let at = html.find(checked).expect("option rendered");
            assert!(html[at..at + 120].contains("checked"), "{checked} should stay ticked");
        }

        let today = jiff::Zoned::now().date();
        let start = today.checked_add(jiff::Span::new().days(30)).expect("date").to_string();
        let good = server.send_form("preschool-place", &[
            ("_version", "2"), ("_submission", &key),
            ("children[0].child-name", "Ada"), ("children[0].child-pin", "220504-1235"), ("children[0].start", &start),
            ("children[0].hours", "30"), ("children[0].support", "no"), ("children[0].support-kinds", "diet"),
            ("phone", "070-123 45 67"), ("email", "a@example.se"), ("truthful", "yes"),
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "111 22"),
            ("guardian-address.city", "Stockholm"),
        ]).await;
        assert_eq!(good.status(), StatusCode::SEE_OTHER);
        let reference = server.reference_of(&good).await;
        let db = server.db().await;
        let (_, answers) = server::db::cases::answers_by_reference(&db.pool, &reference).await
            .expect("query").expect("stored");
        let answers: serde_json::Value = serde_json::from_str(&answers).expect("json");
        let child = &answers["children"]["value"][0];
        assert_eq!(child["child-pin"]["value"], "20220504-1235");
        assert_eq!(child["start"], serde_json::json!({"type": "date", "value": start}));
        assert_eq!(child["support"], serde_json::json!({"type": "bool", "value": false}));
        assert_eq!(answers["guardian-name"]["value"], "Anna Andersson");
        assert_eq!(answers["truthful"], serde_json::json!({"type": "bool", "value": true}));
        assert!(child.get("support-kinds").is_none(), "support kinds only apply with support");
    }

    async fn an_address_is_asked_in_parts_and_kept_on_error(server: TestServer) {
        let (_, form) = Journey::start(&server, "parking-permit").await.get("/services/parking-permit/form").await;
        for (part, autocomplete) in [("street", "address-line1"), ("postal_code", "postal-code"), ("city", "address-level2")] {
            let input = form.split(&format!(r#"name="address.{part}""#)).nth(1).expect(part);
            assert!(input[..200].contains(&format!(r#"autocomplete="{autocomplete}""#)), "{part}");
        }
        let r = server.send_form("parking-permit", &[
            ("_version", "1"), ("_submission", &server::secret::token()),
            ("address.street", "Storgatan 12"), ("address.city", "Stockholm"), ("months", "6"),
        ]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains(r##"href="#f-address-postal_code">Fyll i postnumret i ”Adressen där du är folkbokförd”.</a>"##), "{html}");
        assert!(html.contains(r#"value="Storgatan 12""#) && html.contains(r#"value="Stockholm""#));
        // The computed fee is shown from the server's own evaluation.
        assert!(html.contains("2\u{a0}100\u{a0}kr</output>"), "{html}");
    }

    async fn authors_words_and_conditional_requirements_reach_the_page(server: TestServer) {
        let mut pages = Vec::new();
        for support in ["yes", "no"] {
            let key = server::secret::token();
            let mut journey = Journey::start(&server, "preschool-place").await;
            let r = journey.post("/services/preschool-place/form/child", &[
                ("_version", "2"), ("_submission", &key), ("children[0].child-name", ""), ("children[0].support", support),
                ("children[0].support-kinds", "diet"),
            ]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            pages.push(r.text().await.expect("body"));
        }
        // Each message is in the summary (a link) and at its field (after
        // the hidden "Fel:" prefix).
        let shown = |page: &str, message: &str| {
            (page.contains(&format!(">{message}</a>")), page.contains(&format!("</span>{message}</p>")))
        };
        assert_eq!(shown(&pages[0], "Skriv barnets förnamn och efternamn."), (true, true));
        assert_eq!(shown(&pages[0], "Fyll i ”Ditt telefonnummer”."), (true, true));
        assert_eq!(shown(&pages[1], "Fyll i ”Ditt telefonnummer”."), (false, false), "only needed with support");
    }

    async fn rows_are_added_and_removed_without_javascript(server: TestServer) {
        let mut journey = Journey::start(&server, "preschool-place").await;
        let (_, form) = journey.get("/services/preschool-place/form/child").await;
        assert!(form.contains(r#"name="children.rows" value="1""#), "one row to start with");
        assert!(form.contains(r#"value="add:children""#) && form.contains("Lägg till barn"));
        assert!(!form.contains("remove:children:0"), "a single row cannot be removed");
        let key = server::secret::token();

        // "Add another" keeps what was typed, adds a row and puts the cursor in it.
        let r = journey.post("/services/preschool-place/form/child", &[
            ("_version", "2"), ("_submission", &key), ("children.rows", "1"),
            ("children[0].child-name", "Ada"), ("_action", "add:children"),
        ]).await;
        assert_eq!(r.status(), StatusCode::OK, "nothing is sent, so nothing is wrong");
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"name="children.rows" value="2""#), "{html}");
        assert!(html.contains(r#"<legend class="group__row-title">Barn 2</legend>"#));
        assert!(html.contains(r#"value="Ada""#));
        let new_input = html.split(r#"name="children[1].child-name""#).nth(1).expect("the new row");
        assert!(new_input[..300].contains("autofocus"), "{new_input}");
        assert!(!html.contains("error-summary"), "no errors are shown for adding a row");
        assert!(html.contains("Ta bort Barn 1") && html.contains("Ta bort Barn 2"));

        // "Remove" drops the row and moves the later ones up.
        let r = journey.post("/services/preschool-place/form/child", &[
            ("_version", "2"), ("_submission", &key), ("children.rows", "2"),
            ("children[0].child-name", "Ada"), ("children[1].child-name", "Bo"),
            ("_action", "remove:children:0"),
        ]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"name="children.rows" value="1""#));
        let first = html.split(r#"name="children[0].child-name""#).nth(1).expect("row 1");
        assert!(first[..200].contains(r#"value="Bo""#), "{first}");
        assert!(!html.contains(r#"value="Ada""#));

        // Anything else is refused plainly.
        for action in ["add:truthful", "remove:children:x", "frobnicate"] {
            let r = journey.post("/services/preschool-place/form/child", &[
                ("_version", "2"), ("_submission", &key), ("_action", action),
            ]).await;
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{action}");
        }
    }

    async fn two_children_are_stored_as_two_rows_and_row_errors_name_their_row(server: TestServer) {
        let today = jiff::Zoned::now().date();
        let start = today.checked_add(jiff::Span::new().days(30)).expect("date").to_string();
        let mut pairs = vec![
            ("_version", "2"), ("children.rows", "2"),
            ("children[0].child-name", "Ada"), ("children[0].child-pin", "220504-1235"),
            ("children[0].start", start.as_str()), ("children[0].hours", "30"), ("children[0].support", "no"),
            ("children[1].child-name", "Bo"), ("children[1].child-pin", "220504-1234"),
            ("children[1].start", start.as_str()), ("children[1].hours", "25"), ("children[1].support", "no"),
            ("email", "a@example.se"), ("truthful", "yes"),
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "111 22"),
            ("guardian-address.city", "Stockholm"),
        ];
        let key = server::secret::token();
        pairs.push(("_submission", key.as_str()));
        let r = server.send_form("preschool-place", &pairs).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains(r##"href="#f-children[1].child-pin">”Barnets personnummer (Barn 2)” stämmer inte."##), "{html}");
        assert!(html.contains(r#"value="Bo""#), "every row is kept");

        pairs.retain(|(name, _)| *name != "children[1].child-pin");
        pairs.push(("children[1].child-pin", "220504-1235"));
        let answers = server.stored_answers(server.send_form("preschool-place", &pairs).await).await;
        let rows = answers["children"]["value"].as_array().expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["child-name"]["value"], "Bo");
        assert_eq!(rows[1]["hours"], serde_json::json!({"type": "integer", "value": 25}));
    }

    async fn photos_are_checked_by_their_contents_stored_and_kept_on_error(server: TestServer) {
        let (_, form) = server.get("/services/fault-report/form").await;
        assert!(form.contains(r#"enctype="multipart/form-data""#), "a form with files posts them");
        assert!(form.contains(r#"type="file""#) && form.contains(r#"accept="image/*""#));
        let key = server::secret::token();
        let jpeg = b"\xFF\xD8\xFF\xE0 a tiny photo".to_vec();
        let multipart = |parts: &[(&str, &str)]| {
            parts.iter().fold(reqwest::multipart::Form::new(), |form, (name, value)| {
                form.text(name.to_string(), value.to_string())
            })
        };
        let mut pairs: Vec<(&str, &str)> = VALID_FAULT.to_vec();
        pairs.extend([("_version", "2"), ("_submission", key.as_str())]);
        let photo = |bytes: Vec<u8>, name: &str| {
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()).mime_str("image/jpeg").expect("mime")
        };
        // A "photo" that is really a script is refused, whatever its name says;
        // the real photo is stored and stays attached.
        let body = multipart(&pairs)
            .part("photos", photo(jpeg.clone(), "hål.jpg"))
            .part("photos", photo(b"<script>alert(1)</script>".to_vec(), "inte.jpg"));
        let mut journey = Journey::start(&server, "fault-report").await;
        let r = journey.post_multipart("/services/fault-report/form", body).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains("Filen i ”Foton av felet” är av en typ som inte tas emot."), "{html}");
        let kept = html.split(r#"name="_kept.photos" value=""#).nth(1).expect("the stored photo is kept");
        let kept: forms::FileRef = serde_json::from_str(
            &kept.split('"').next().expect("value").replace("&quot;", "\""),
        ).expect("a file description");
        assert_eq!((kept.name.as_str(), kept.content_type.as_str()), ("hål.jpg", "image/jpeg"));
        assert!(html.contains("Ta bort hål.jpg"));

        // A description made up by the browser, or a file of another
        // submission, is not taken.
        let other = server::secret::token();
        let forged = serde_json::json!({"id": "x", "name": "a.jpg", "content_type": "image/jpeg", "size": 1}).to_string();
        let kept_json = serde_json::to_string(&kept).expect("json");
        let mut stolen = VALID_FAULT.to_vec();
        stolen.extend([("_version", "2"), ("_submission", other.as_str()), ("photos", forged.as_str()), ("_kept.photos", kept_json.as_str())]);
        let answers = server.stored_answers(server.send_form("fault-report", &stolen).await).await;
        assert!(answers.get("photos").is_none(), "{answers}");

        // Sent with the kept photo: the case has it, and its bytes are stored.
        let mut again = pairs.clone();
        again.push(("_kept.photos", kept_json.as_str()));
        let r = journey.post_multipart("/services/fault-report/form", multipart(&again)).await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/check");
        let answers = server.stored_answers(journey.send_checked().await).await;
        let db = server.db().await;
        assert_eq!(answers["photos"]["value"][0]["id"], kept.id.as_str());
        assert_eq!(answers["photos"]["value"].as_array().map(Vec::len), Some(1));
        let store = server::files::LocalFiles::new(server.data_dir.join("files"));
        let content = server::files::FileStore::get(&store, &kept.id).await.expect("read");
        assert_eq!(content, Some(jpeg), "the bytes are under the data directory");
        let known = server::db::files::find(&db.pool, &kept.id, &key).await.expect("query");
        assert_eq!(known.map(|f| f.size), Some(kept.size));
    }

    async fn the_definition_format_has_a_published_schema(server: TestServer) {
        let r = server.client.get(server.url("/schemas/form-definition.json")).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "application/schema+json");
        let schema: serde_json::Value = serde_json::from_str(&r.text().await.expect("body")).expect("json");
        let committed: serde_json::Value = serde_json::from_str(include_str!("../../forms/definition.schema.json")).expect("json");
        assert!(schema == committed, "the server hands out the committed schema");
        assert_eq!(schema["$id"], "urn:blankett:form-definition");
    }

    async fn the_receipt_says_what_happens_next_and_shows_the_answers_as_sent(server: TestServer) {
        let today = jiff::Zoned::now().date();
        let start = today.checked_add(jiff::Span::new().days(30)).expect("date").to_string();
        let key = server::secret::token();
        let mut anna = Journey::start(&server, "preschool-place").await;
        let r = anna.send(&[
            ("_version", "3"), ("_submission", &key), ("children.rows", "2"),
            ("children[0].child-name", "Ada"), ("children[0].child-pin", "220504-1235"),
            ("children[0].start", &start), ("children[0].hours", "30"), ("children[0].support", "no"),
            ("children[1].child-name", "Bo"), ("children[1].child-pin", "220504-1235"),
            ("children[1].start", &start), ("children[1].hours", "25"), ("children[1].support", "no"),
            ("email", "a@example.se"), ("truthful", "yes"),
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "11122"),
            ("guardian-address.city", "Stockholm"), ("wishes", "Nära parken\r\noch skogen"),
        ]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (status, html) = anna.get(r.headers()[LOCATION].to_str().expect("ascii")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<h2>Vad händer nu?</h2>"), "{html}");
        assert!(html.contains("Det brukar ta ungefär 60 dagar."));
        assert!(html.contains("<h2>Dina svar</h2>"));
        // The engine's summary: labels, typed values, a group's rows, an address.
        let row = |label: &str, value: &str| format!(
            r#"<dt class="summary-list__key">{label}</dt><dd class="summary-list__value"><span>{value}</span></dd>"#
        );
        assert!(html.contains(&row("Ditt namn", "Anna Andersson")), "{html}");
        assert!(html.contains(&row("Barnets namn", "Bo")));
        assert!(html.contains(r#"<p class="summary-list__group-title">Barn 2</p>"#));
        assert!(html.contains(&row("Hur många timmar i veckan behövs platsen?", "25\u{a0}timmar")), "{html}");
        assert!(html.contains("<li>Storgatan 1</li><li>111 22 Stockholm</li>"));
        assert!(html.contains("Nära parken\noch skogen"), "line breaks are kept");
        assert!(
            !html.contains(r#"<dt class="summary-list__key">Vilket stöd behöver barnet?</dt>"#),
            "questions not asked are not listed"
        );
    }

    async fn ten_identical_submits_at_once_make_one_case_and_one_receipt(server: TestServer) {
        let mut journey = Journey::start(&server, "fault-report").await;
        let r = journey.post("/services/fault-report/form", VALID_FAULT).await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/check");
        let (_, check) = journey.get("/services/fault-report/check").await;
        let pairs = [("_submission".to_string(), hidden_value(&check, "_submission"))];
        let url = server.url("/services/fault-report/check");
        let cookie = journey.cookie.clone().expect("a draft cookie");
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (client, url, pairs, cookie) = (server.client.clone(), url.clone(), pairs.clone(), cookie.clone());
                tokio::spawn(async move {
                    client.post(url).header(COOKIE, cookie).form(&pairs).send().await.expect("POST")
                })
            })
            .collect();
        let mut receipts = std::collections::BTreeSet::new();
        for task in tasks {
            let r = task.await.expect("the request finished");
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "every double click is answered with the receipt");
            receipts.insert(r.headers()[LOCATION].to_str().expect("ascii").to_string());
        }
        assert_eq!(receipts.len(), 1, "{receipts:?}");
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 1);
        // One case, so one receipt mail.
        let outbox = server.outbox_settled().await;
        assert_eq!((outbox.sent, outbox.failed), (1, 0), "{outbox:?}");
        assert_eq!(server.mail_files().len(), 1);
    }

    async fn without_smtp_settings_the_receipt_mail_is_written_to_a_file(server: TestServer) {
        let key = server::secret::token();
        let mut pairs = VALID_FAULT.to_vec();
        pairs.extend([("_version", "4"), ("_submission", key.as_str())]);
        let r = server.send_form("fault-report", &pairs).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, receipt) = server.get(r.headers()[LOCATION].to_str().expect("ascii")).await;
        let outbox = server.outbox_settled().await;
        assert_eq!((outbox.sent, outbox.failed), (1, 0), "{outbox:?}");
        let mails = server.mail_files();
        assert_eq!(mails.len(), 1, "{mails:?}");
        let mail = &mails[0];
        assert!(mail.contains("To: anna@example.se"), "{mail}");
        assert!(mail.contains("Message-ID: <"), "{mail}");
        let reference = receipt
            .split("<strong class=\"reference\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("a reference on the receipt");
        let text = mail_text(mail);
        assert!(text.contains(&format!("Ditt ärendenummer: {reference}")), "{text}");
        assert!(text.contains("Var finns felet?: Storgatan 12"), "{text}");
        assert!(text.contains("Ett djupt hål\n"), "line breaks are kept: {text}");
        // The text is forgotten once the mail has gone.
        let db = server.db().await;
        let left: String = sqlx::query_scalar("SELECT body FROM outbox")
            .fetch_one(&db.pool).await.expect("outbox row");
        assert_eq!(left, "");
    }

    async fn the_survey_on_the_receipt_is_answered_once_and_keeps_no_personal_data(server: TestServer) {
        let mut pairs = VALID_FAULT.to_vec();
        let key = server::secret::token();
        pairs.extend([("_version", "3"), ("_submission", key.as_str())]);
        let r = server.send_form("fault-report", &pairs).await;
        let receipt = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        let (_, html) = server.get(&receipt).await;
        assert!(html.contains("Hur lätt eller svårt var det att använda e-tjänsten?"), "{html}");
        let survey = format!("{receipt}/feedback");

        // No rating: the receipt comes back with the error, the comment kept.
        let r = server.post_form(&survey, &[("comment", "Bra <men> långsam")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains(r##"href="#feedback-rating-5">Välj hur lätt eller svårt det var.</a>"##), "{html}");
        assert!(html.contains("Bra &lt;men&gt; långsam</textarea>"), "{html}");
        let too_long = "x".repeat(1001);
        let r = server.post_form(&survey, &[("rating", "4"), ("comment", &too_long)]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // A good answer is stored, once, and the receipt thanks.
        for _ in 0..2 {
            let r = server.post_form(&survey, &[("rating", "4"), ("comment", "Lätt att hitta.")]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
            assert_eq!(r.headers()[LOCATION], format!("{receipt}#feedback").as_str());
        }
        let (_, html) = server.get(&receipt).await;
        assert!(html.contains("Tack för dina synpunkter!"));
        let db = server.db().await;
        let token = receipt.trim_start_matches("/receipts/");
        let version = server::db::cases::by_receipt_token(&db.pool, token).await
            .expect("query").expect("the case").form_version_id;
        assert_eq!(server::db::feedback::ratings(&db.pool, version).await.expect("ratings"), [0, 0, 0, 1, 0]);
        // The feedback row holds no reference, token, key or answer.
        let columns: Vec<String> = sqlx::query("SELECT * FROM feedback").fetch_all(&db.pool).await.expect("rows")
            .first().map(|row| {
                use sqlx::{Column, Row};
                row.columns().iter().map(|c| c.name().to_string()).collect()
            }).unwrap_or_default();
        assert_eq!(columns, ["id", "form_version_id", "rating", "comment", "given_on"]);

        // An unknown receipt gets nothing stored.
        let r = server.post_form(&format!("/receipts/{}/feedback", server::secret::token()), &[("rating", "5")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }

    async fn submitting_twice_makes_one_case(server: TestServer) {
        let key = server::secret::token();
        let mut pairs = VALID_FAULT.to_vec();
        pairs.extend([("_version", "1"), ("_submission", key.as_str())]);
        let first = server.send_form("fault-report", &pairs).await;
        let second = server.send_form("fault-report", &pairs).await;
        assert_eq!(first.status(), StatusCode::SEE_OTHER);
        assert_eq!(first.headers()[LOCATION], second.headers()[LOCATION]);
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 1);
    }

    async fn server_functions_answer_at_fixed_addresses(server: TestServer) {
        // The browser bundle calls these addresses; they must not depend on
        // where the code was built.
        let r = server.client.post(server.url("/api/open_form"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body("key=fault-report&show_errors=false").send().await.expect("POST");
        assert_eq!(r.status(), StatusCode::OK);
        let body: serde_json::Value = serde_json::from_str(&r.text().await.expect("body")).expect("json");
        assert_eq!(body["definition"]["key"], "fault-report");
        let r = server.client.post(server.url("/api/list_services"))
            .header("content-type", "application/x-www-form-urlencoded").body("").send().await.expect("POST");
        assert_eq!(r.status(), StatusCode::OK);
    }

    async fn unknown_addresses_get_a_translated_404(server: TestServer) {
        let (status, html) = server.get("/services/no-such-service/form").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("Sidan finns inte"));
        let (status, html) = server.get("/no/such/page").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(html.contains("Sidan finns inte"));
        let r = server.send_form("no-such-service", VALID_FAULT).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (status, _) = server.get(&format!("/receipts/{}", server::secret::token())).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = server.get("/receipts/not-a-token").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    async fn malformed_posts_get_a_clear_answer_not_a_crash(server: TestServer) {
        let r = server.client.post(server.url("/services/fault-report/form"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("kind=%ZZ&&=").send().await.expect("POST");
        assert!(r.status() == StatusCode::BAD_REQUEST || r.status() == StatusCode::UNPROCESSABLE_ENTITY, "{}", r.status());
        let r = server.client.post(server.url("/services/fault-report/form"))
            .body(vec![b'a'; 300 * 1024]).send().await.expect("POST");
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(server.get("/healthz").await.0, StatusCode::OK);
    }

    async fn a_form_goes_page_by_page_to_check_your_answers_and_back(server: TestServer) {
        let mut person = Journey::start(&server, "preschool-place").await;
        let (status, first) = person.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(first.contains("Steg 1 av 2"), "{first}");
        assert!(first.contains(r#"<h1>Vårdnadshavare</h1>"#), "{first}");
        assert!(back_link(&first) == "/services/preschool-place", "{first}");
        assert!(!first.contains("children[0].child-name"), "only this page's questions");

        // A page with errors comes back with them; what was typed is kept.
        let r = person.post("/services/preschool-place/form", &[("guardian-name", "Anna Andersson")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(person.cookie.is_some(), "the draft is saved even with errors");
        let html = r.text().await.expect("body");
        assert!(html.contains(r#"value="Anna Andersson""#));
        assert!(html.contains("Fyll i ”Ditt personnummer”."), "{html}");

        let guardian = [
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "111 22"),
            ("guardian-address.city", "Stockholm"),
        ];
        let r = person.post("/services/preschool-place/form", &guardian).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form/child");
        let (_, second) = person.get("/services/preschool-place/form/child").await;
        assert!(second.contains("Steg 2 av 2"));
        assert!(back_link(&second) == "/services/preschool-place/form/guardian", "{second}");
        // Back on the first page, the answers are there.
        let (_, again) = person.get("/services/preschool-place/form/guardian").await;
        assert!(again.contains(r#"value="Anna Andersson""#) && again.contains(r#"value="Stockholm""#), "{again}");

        let start = jiff::Zoned::now().date().checked_add(jiff::Span::new().days(30)).expect("date").to_string();
        let r = person.post("/services/preschool-place/form/child", &[
            ("children.rows", "1"), ("children[0].child-name", "Ada"), ("children[0].child-pin", "220504-1235"),
            ("children[0].start", &start), ("children[0].hours", "30"), ("children[0].support", "no"),
            ("email", "a@example.se"), ("truthful", "yes"),
            // Another page's question posted here is not taken.
            ("guardian-name", "Someone Else"),
        ]).await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/check");

        // Check your answers: every answer under its page, each with a way
        // back to its question that returns here.
        let (status, check) = person.get("/services/preschool-place/check").await;
        assert_eq!(status, StatusCode::OK);
        assert!(check.contains("<h1>Kontrollera dina svar innan du skickar</h1>"), "{check}");
        assert!(check.contains(r#"<h2 class="check__heading">Vårdnadshavare</h2>"#));
        assert!(check.contains(">Anna Andersson<"), "{check}");
        assert!(!check.contains("Someone Else"));
        let change = r#"href="/services/preschool-place/form/guardian?return=check#f-guardian-name" rel="external">Ändra<span class="visually-hidden"> Ditt namn</span>"#;
        assert!(check.contains(change), "{check}");
        let (_, changing) = person.get("/services/preschool-place/form/guardian?return=check").await;
        assert!(changing.contains(r#"name="_return" value="check""#));
        assert!(back_link(&changing) == "/services/preschool-place/check");
        let mut changed = guardian.to_vec();
        changed[0] = ("guardian-name", "Anna Berg");
        changed.push(("_return", "check"));
        let r = person.post("/services/preschool-place/form/guardian", &changed).await;
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/check", "back to the summary");

        let r = person.send_checked().await;
        let receipt = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        assert!(receipt.starts_with("/receipts/"), "{receipt}");
        let forgets = r.headers().get_all(SET_COOKIE).iter().any(|c| {
            c.to_str().is_ok_and(|c| c.starts_with("draft-preschool-place=;") && c.contains("Max-Age=0"))
        });
        assert!(forgets, "the browser forgets the sent draft");
        let answers = server.stored_answers(r).await;
        assert_eq!(answers["guardian-name"]["value"], "Anna Berg");
        // The draft is gone: checking again starts the form over.
        let r = person.send_request(server.client.get(server.url("/services/preschool-place/check"))).await;
        assert_eq!(r.status(), StatusCode::FOUND);
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form");
    }

    async fn a_person_never_sees_another_persons_draft(server: TestServer) {
        let mut anna = Journey::start(&server, "fault-report").await;
        let r = anna.post("/services/fault-report/form", VALID_FAULT).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, mine) = anna.get("/services/fault-report/check").await;
        assert!(mine.contains("Storgatan 12"));

        // Someone else, without the cookie or with a made-up one, gets an
        // empty form and nothing to check.
        let mut other = Journey::start(&server, "fault-report").await;
        let (_, form) = other.get("/services/fault-report/form").await;
        assert!(!form.contains(r#"value="Storgatan 12""#));
        assert_ne!(hidden_value(&form, "_submission"), hidden_value(&mine, "_submission"));
        other.cookie = Some(format!("draft-fault-report={}", server::secret::token()));
        let (_, form) = other.get("/services/fault-report/form").await;
        assert!(!form.contains(r#"value="Storgatan 12""#));
        let r = server.client.get(server.url("/services/fault-report/check"))
            .header(COOKIE, other.cookie.clone().unwrap_or_default()).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::FOUND, "nothing to check");
        // Sending without a draft sends nothing.
        let r = other.post("/services/fault-report/check", &[("_submission", &server::secret::token())]).await;
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/form");
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 0);
        // Only the secret's hash is stored.
        let secret = anna.cookie.clone().expect("cookie").split('=').nth(1).expect("secret").to_string();
        let db = server.db().await;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE secret_hash = $1")
            .bind(&secret).fetch_one(&db.pool).await.expect("query");
        assert_eq!(stored, 0);
        let hashed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE secret_hash = $1")
            .bind(server::drafts::hash(&secret)).fetch_one(&db.pool).await.expect("query");
        assert_eq!(hashed, 1);
    }

    async fn expired_drafts_are_deleted_with_their_files(server: TestServer) {
        let mut person = Journey::start(&server, "fault-report").await;
        let jpeg = b"\xFF\xD8\xFF\xE0 a tiny photo".to_vec();
        let body = reqwest::multipart::Form::new()
            .text("kind", "pothole")
            .part("photos", reqwest::multipart::Part::bytes(jpeg).file_name("hål.jpg").mime_str("image/jpeg").expect("mime"));
        let r = person.post_multipart("/services/fault-report/form", body).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let db = server.db().await;
        let file_id: String = sqlx::query_scalar("SELECT id FROM files").fetch_one(&db.pool).await.expect("a stored file");
        let store = server::files::LocalFiles::new(server.data_dir.join("files"));
        assert!(server::files::FileStore::get(&store, &file_id).await.expect("read").is_some());

        // Still alive tomorrow; gone once the configured 30 days have passed.
        let now = server::db::now_millis();
        let day = 86_400_000;
        assert_eq!(server::drafts::sweep(&db, &store, &Default::default(), now + day).await.expect("sweep"), 0);
        assert_eq!(server::drafts::sweep(&db, &store, &Default::default(), now + 31 * day).await.expect("sweep"), 1);
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts").fetch_one(&db.pool).await.expect("count");
        let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM files").fetch_one(&db.pool).await.expect("count");
        assert_eq!((drafts, files), (0, 0));
        assert!(server::files::FileStore::get(&store, &file_id).await.expect("read").is_none(), "the bytes are gone too");
        let (_, form) = person.get("/services/fault-report/form").await;
        assert!(!form.contains("hål.jpg"), "the old cookie finds nothing");
    }

    async fn sending_with_a_page_unanswered_leads_to_that_page_and_its_errors(server: TestServer) {
        let mut person = Journey::start(&server, "preschool-place").await;
        let r = person.post("/services/preschool-place/form", &[
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "19811218-9876"),
            ("guardian-address.street", "Storgatan 1"), ("guardian-address.postal_code", "111 22"),
            ("guardian-address.city", "Stockholm"),
        ]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Straight to sending, the second page never answered.
        let r = person.send_checked().await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        assert_eq!(to, "/services/preschool-place/form/child?return=check&errors=1");
        let (status, html) = person.get(&to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"class="error-summary""#), "{html}");
        assert!(html.contains("Fyll i ”Din e-postadress”."), "{html}");
        assert!(!html.contains("Fyll i ”Ditt namn”."), "only this page's errors");
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 0);
        // Without the flag the same page opens clean.
        let (_, clean) = person.get("/services/preschool-place/form/child").await;
        assert!(!clean.contains(r#"class="error-summary""#));
    }

    async fn save_and_come_back_later_gives_a_link_shown_once(server: TestServer) {
        let mut person = Journey::start(&server, "preschool-place").await;
        let r = person.post("/services/preschool-place/form", &[
            ("guardian-name", "Anna Andersson"), ("guardian-pin", "1981"), ("_action", "save"),
        ]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "saving checks nothing");
        let r_location = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        let resume_cookie = r.headers().get_all(SET_COOKIE).iter()
            .filter_map(|c| c.to_str().ok())
            .find(|c| c.starts_with("resume-preschool-place="))
            .and_then(|c| c.split(';').next()).expect("the link's secret, for the page that shows it").to_string();
        let r = server.client.get(server.url(&r_location)).header(COOKIE, &resume_cookie).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["cache-control"], "no-store");
        let forgets = r.headers().get_all(SET_COOKIE).iter()
            .any(|c| c.to_str().is_ok_and(|c| c.starts_with("resume-preschool-place=;") && c.contains("Max-Age=0")));
        assert!(forgets, "shown once: the browser forgets the secret");
        let html = r.text().await.expect("body");
        assert!(html.contains("Dina svar är sparade"), "{html}");
        let secret = html.split("/resume/").nth(1).and_then(|s| s.get(..32)).expect("a resume link").to_string();
        assert!(server::secret::is_token(&secret));
        assert_eq!(r_location, "/services/preschool-place/saved");
        let last_day = jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::get("Europe/Stockholm").expect("tz"))
            .date().checked_add(jiff::Span::new().days(30)).expect("date");
        assert!(html.contains(&format!("Länken fungerar till och med {last_day}.")), "{html}");
        // Only the link's hash is kept.
        let db = server.db().await;
        let count = |hash: String| {
            let pool = db.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM drafts WHERE resume_hash = $1")
                    .bind(hash).fetch_one(&pool).await.expect("query")
            }
        };
        assert_eq!(count(secret.clone()).await, 0);
        assert_eq!(count(server::drafts::hash(&secret)).await, 1);
        // The saved page cannot be seen again.
        let r = server.client.get(server.url("/services/preschool-place/saved")).send().await.expect("GET");
        assert_eq!(r.status(), StatusCode::FOUND);

        // Another browser opens the link and goes on where the person left off.
        let mut later = Journey::start(&server, "preschool-place").await;
        let r = later.send_request(server.client.get(server.url(&format!("/resume/{secret}")))).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/services/preschool-place/form/guardian");
        assert!(later.cookie.is_some() && later.cookie != person.cookie, "a session of its own");
        let (_, page) = later.get("/services/preschool-place/form/guardian").await;
        assert!(page.contains(r#"value="Anna Andersson""#) && page.contains(r#"value="1981""#), "{page}");

        // A link that never was, or has expired, says so.
        let r = server.client.get(server.url(&format!("/resume/{}", server::secret::token()))).send().await.expect("GET");
        assert_eq!(r.headers()[LOCATION], "/drafts/expired");
        let (status, html) = server.get("/drafts/expired").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Länken fungerar inte längre"));
        let store = server::files::LocalFiles::new(server.data_dir.join("files"));
        server::drafts::sweep(&db, &store, &Default::default(), server::db::now_millis() + 31 * 86_400_000).await.expect("sweep");
        let r = server.client.get(server.url(&format!("/resume/{secret}"))).send().await.expect("GET");
        assert_eq!(r.headers()[LOCATION], "/drafts/expired");
    }

    async fn the_resume_link_can_be_e_mailed_and_the_address_is_checked_first(server: TestServer) {
        let mut person = Journey::start(&server, "fault-report").await;
        let mut pairs = VALID_FAULT.to_vec();
        pairs.push(("_action", "save"));
        let r = person.post("/services/fault-report/form", &pairs).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let resume_cookie = r.headers().get_all(SET_COOKIE).iter()
            .filter_map(|c| c.to_str().ok())
            .find(|c| c.starts_with("resume-fault-report="))
            .and_then(|c| c.split(';').next()).expect("the link's secret").to_string();
        let r = server.client.get(server.url("/services/fault-report/saved")).header(COOKIE, &resume_cookie).send().await.expect("GET");
        let html = r.text().await.expect("body");
        let secret = html.split("/resume/").nth(1).and_then(|s| s.get(..32)).expect("a resume link").to_string();
        // The form asks for the link by e-mail, suggesting the address the
        // form was given for its receipt.
        assert!(html.contains(r#"action="/services/fault-report/saved""#), "{html}");
        assert!(html.contains(&format!(r#"name="resume" value="{secret}""#)), "{html}");
        assert!(html.contains(r#"autocomplete="email""#) && html.contains(r#"value="anna@example.se""#), "{html}");

        let post = |fields: Vec<(&'static str, String)>| {
            server.client.post(server.url("/services/fault-report/saved")).form(&fields).send()
        };
        // A missing or malformed address: the page again (422), with the
        // link, the address typed and the error linked from the summary.
        let r = post(vec![("resume", secret.clone()), ("email", "anna.example.se".into())]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.headers()["cache-control"], "no-store");
        let html = r.text().await.expect("body");
        assert!(html.contains("Skriv e-postadressen i rätt form"), "{html}");
        assert!(html.contains(r##"href="#resume-email""##), "{html}");
        assert!(html.contains(r#"value="anna.example.se""#), "{html}");
        assert!(html.contains(&format!("/resume/{secret}")), "{html}");
        assert!(html.contains("<title>Fel: Dina svar är sparade"), "{html}");
        let r = post(vec![("resume", secret.clone()), ("email", "  ".into())]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("Skriv e-postadressen som länken ska skickas till"));
        // A secret that opens nothing sends nothing.
        let r = post(vec![("resume", server::secret::token()), ("email", "anna@example.se".into())]).await.expect("POST");
        assert_eq!(r.headers()[LOCATION], "/drafts/expired");
        // Nor does another service's address for the same secret.
        let r = server.client.post(server.url("/services/parking-permit/saved"))
            .form(&[("resume", secret.as_str()), ("email", "anna@example.se")]).send().await.expect("POST");
        assert_eq!(r.headers()[LOCATION], "/drafts/expired");
        assert_eq!(server.outbox_settled().await.sent, 0);

        let r = post(vec![("resume", secret.clone()), ("email", " eva@example.org ".into())]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/saved?sent=1");
        let (status, html) = server.get("/services/fault-report/saved?sent=1").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Länken är skickad") && !html.contains(&secret), "{html}");
        let outbox = server.outbox_settled().await;
        assert_eq!((outbox.sent, outbox.failed), (1, 0), "{outbox:?}");
        let mails = server.mail_files();
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert!(mails[0].contains("To: eva@example.org"), "{}", mails[0]);
        let text = mail_text(&mails[0]);
        assert!(text.contains(&format!("/resume/{secret}\n")), "{text}");
        assert!(text.contains("Länken fungerar till och med"), "{text}");
        assert!(!text.contains("Storgatan"), "no answers in the mail: {text}");
        // Nothing of it is kept once sent: not the text, not the address.
        let db = server.db().await;
        let (to, body): (String, String) = sqlx::query_as("SELECT recipient, body FROM outbox")
            .fetch_one(&db.pool).await.expect("outbox row");
        assert_eq!((to.as_str(), body.as_str()), ("", ""));
        // And the mailed link opens the draft.
        let r = server.client.get(server.url(&format!("/resume/{secret}"))).send().await.expect("GET");
        assert_eq!(r.headers()[LOCATION], "/services/fault-report/form/fault");
    }

    async fn operating_notices_show_on_their_pages_between_their_times(server: TestServer) {
        let db = server.db().await;
        let tz = jiff::tz::TimeZone::get("Europe/Stockholm").expect("tz");
        let notice = |words: &[&str]| {
            let args: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
            let (db, tz) = (db.clone(), tz.clone());
            async move { server::notices::command(&args, &db, &tz).await }
        };
        notice(&["add", "--service", "parking-permit", "--warning",
            "sv=E-tjänsten stängs kl. 22 i kväll för underhåll.",
            "en=The e-service closes at 22:00 tonight for maintenance."]).await.expect("add");
        notice(&["add", "sv=Kundcenter har nytt telefonnummer."]).await.expect("add");
        notice(&["add", "--from", "2099-01-01T00:00", "sv=Ett meddelande om framtiden."]).await.expect("add");
        let out = notice(&["add", "sv=Ett avslutat meddelande."]).await.expect("add");
        let id = out.split_whitespace().nth(1).expect("its number").to_owned();
        notice(&["end", &id]).await.expect("end");
        assert!(notice(&["end", &id]).await.is_err(), "ended already");
        assert!(notice(&["add", "en=Only English"]).await.is_err(), "Swedish is needed");
        let list = notice(&["list"]).await.expect("list");
        assert_eq!(list.lines().count(), 3, "{list}");
        assert!(list.contains("every page") && !list.contains("Ett avslutat meddelande"), "{list}");

        let mut journey = Journey::start(&server, "parking-permit").await;
        for path in ["/services/parking-permit", "/services/parking-permit/form"] {
            let (_, html) = journey.get(path).await;
            assert!(html.contains(r#"class="notification notification--warning""#), "{path}: {html}");
            assert!(html.contains("Viktigt:") && html.contains("E-tjänsten stängs kl. 22 i kväll"), "{path}: {html}");
            assert!(html.contains("Kundcenter har nytt telefonnummer."), "{path}");
            assert!(!html.contains("Ett meddelande om framtiden") && !html.contains("Ett avslutat meddelande"), "{path}");
        }
        for path in ["/", "/services/fault-report/form"] {
            let (_, html) = server.get(path).await;
            assert!(html.contains("Kundcenter har nytt telefonnummer."), "{path}: {html}");
            assert!(!html.contains("E-tjänsten stängs"), "another service's notice: {path}");
        }
        // In English: the English text, and the Swedish-only one marked as Swedish.
        let r = server.client.get(server.url("/services/parking-permit")).header(COOKIE, "lang=en").send().await.expect("GET");
        let html = r.text().await.expect("body");
        assert!(html.contains("Important:") && html.contains("The e-service closes at 22:00 tonight"), "{html}");
        assert!(html.contains(r#"<span lang="sv">Kundcenter har nytt telefonnummer.</span>"#), "{html}");
    }

    async fn what_a_page_holds_is_saved_as_the_person_goes(server: TestServer) {
        let autosave = |page: &str, answers: serde_json::Value| {
            let body = serde_json::json!({"key": "preschool-place", "page": page, "answers": answers});
            server.client.post(server.url("/api/autosave"))
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_string())
        };
        let key = server::secret::token();
        let mut person = Journey::start(&server, "preschool-place").await;
        // The first field left makes the draft, with the page's submission key.
        let r = person.send_request(autosave("guardian", serde_json::json!([
            ["_submission", key], ["guardian-name", "Anna Andersson"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(person.cookie.is_some(), "a new draft's cookie");
        let (_, page) = person.get("/services/preschool-place/form/guardian").await;
        assert!(page.contains(r#"value="Anna Andersson""#), "{page}");
        assert_eq!(hidden_value(&page, "_submission"), key);
        // The next ones change the same draft.
        let before = person.cookie.clone();
        let r = person.send_request(autosave("guardian", serde_json::json!([
            ["_submission", key], ["guardian-name", "Anna Berg"], ["guardian-pin", "1981"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(person.cookie, before, "the same draft");
        let (_, page) = person.get("/services/preschool-place/form/guardian").await;
        assert!(page.contains(r#"value="Anna Berg""#) && page.contains(r#"value="1981""#), "{page}");
        let db = server.db().await;
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 1);
        assert_eq!(hidden_value(&page, "_revision"), "0", "no page posted yet");

        // A save that reaches the server after the page's own post (it was
        // sent as a field was left, just before the click) is dropped: it
        // names the revision its page was drawn at, and the post moved on.
        let r = person.post("/services/preschool-place/form/guardian", &[
            ("_submission", &key), ("_revision", "0"), ("guardian-name", "Anna Posted")]).await;
        assert!(r.status() == StatusCode::SEE_OTHER || r.status() == StatusCode::UNPROCESSABLE_ENTITY, "{}", r.status());
        let r = person.send_request(autosave("guardian", serde_json::json!([
            ["_submission", key], ["_revision", "0"], ["guardian-name", "Anna Late"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = person.get("/services/preschool-place/form/guardian").await;
        assert!(page.contains(r#"value="Anna Posted""#) && !page.contains("Anna Late"), "{page}");
        assert_eq!(hidden_value(&page, "_revision"), "1", "the post counted up the revision");
        // A save from the page drawn after the post is kept.
        let r = person.send_request(autosave("guardian", serde_json::json!([
            ["_submission", key], ["_revision", "1"], ["guardian-name", "Anna Now"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = person.get("/services/preschool-place/form/guardian").await;
        assert!(page.contains(r#"value="Anna Now""#), "{page}");
        assert_eq!(hidden_value(&page, "_revision"), "1", "saving as one goes does not count up");
        // Once the draft is gone, a late save from one of its pages makes
        // no new draft.
        sqlx::query("DELETE FROM drafts").execute(&db.pool).await.expect("delete");
        let mut late = Journey::start(&server, "preschool-place").await;
        let r = late.send_request(autosave("guardian", serde_json::json!([
            ["_submission", key], ["_revision", "1"], ["guardian-name", "Anna Late"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(late.cookie.is_none(), "no draft for a gone one");
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 0);

        // A page or service that does not exist saves nothing.
        let mut stranger = Journey::start(&server, "preschool-place").await;
        let r = stranger.send_request(autosave("no-such-page", serde_json::json!([["guardian-name", "X"]]))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(stranger.cookie.is_none());
        let drafts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM drafts").fetch_one(&db.pool).await.expect("count");
        assert_eq!(drafts, 0);

        // Files come only with a real post: saving as one goes keeps them.
        let mut reporter = Journey::start(&server, "fault-report").await;
        let photo = reqwest::multipart::Part::bytes(b"\xFF\xD8\xFF\xE0 a tiny photo".to_vec())
            .file_name("hål.jpg").mime_str("image/jpeg").expect("mime");
        let body = reqwest::multipart::Form::new()
            .text("location", "Storgatan 12").text("_action", "save").part("photos", photo);
        let r = reporter.post_multipart("/services/fault-report/form", body).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = reporter.get("/services/fault-report/form").await;
        let revision = hidden_value(&page, "_revision");
        let body = serde_json::json!({"key": "fault-report", "page": "fault",
            "answers": [["_revision", revision], ["location", "Storgatan 14"], ["description", "Ett hål"]]});
        let r = reporter.send_request(server.client.post(server.url("/api/autosave"))
            .header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_string())).await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = reporter.get("/services/fault-report/form").await;
        assert!(page.contains(r#"value="Storgatan 14""#) && page.contains("Ett hål"), "{page}");
        assert!(page.contains("Ta bort hål.jpg"), "the photo is still attached: {page}");
    }

    async fn a_question_that_depends_on_an_earlier_page_is_left_out_when_it_does_not_apply(server: TestServer) {
        let mut couple = Journey::start(&server, "wedding-ceremony").await;
        let answer = |language: &'static str| {
            let body = serde_json::json!({"key": "wedding-ceremony", "page": "ceremony",
                "answers": [["ceremony-language", language]]});
            server.client.post(server.url("/api/autosave"))
                .header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_string())
        };
        // The group around a question, up to its label.
        let group_of = |html: &str, input: &str| {
            let at = html.find(&format!(r#"for="{input}""#)).expect("the question is drawn");
            let start = html[..at].rfind("<div").expect("its group");
            html[start..at].to_owned()
        };
        let r = couple.send_request(answer("sv")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = couple.get("/services/wedding-ceremony/form/witnesses").await;
        assert!(group_of(&page, "f-interpreter").contains("hidden"), "{page}");
        // A question that depends on its own page's answers is there
        // without JavaScript, whatever the answer.
        let (_, ceremony) = couple.get("/services/wedding-ceremony/form/ceremony").await;
        assert!(!group_of(&ceremony, "f-other-language").contains("hidden"), "{ceremony}");

        let r = couple.send_request(answer("other")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, page) = couple.get("/services/wedding-ceremony/form/witnesses").await;
        assert!(!group_of(&page, "f-interpreter").contains("hidden"), "{page}");
        assert!(page.contains("Tolkens namn"));
    }

    async fn every_response_carries_the_security_headers(server: TestServer) {
        let pages = ["/", "/services/fault-report", "/services/fault-report/form", "/no-such-page"];
        let others = ["/pkg/blankett.css", "/healthz", "/language/en?back=/", "/schemas/form-definition.json"];
        for path in pages.iter().chain(&others) {
            let r = server.client.get(server.url(path)).send().await.expect("GET");
            let headers = r.headers().clone();
            for (name, value) in [
                ("x-content-type-options", "nosniff"),
                ("x-frame-options", "DENY"),
                ("referrer-policy", "same-origin"),
                ("cross-origin-opener-policy", "same-origin"),
            ] {
                assert_eq!(headers.get(name).and_then(|v| v.to_str().ok()), Some(value), "{name} on {path}");
            }
            assert!(headers["permissions-policy"].to_str().expect("ascii").contains("camera=()"), "{path}");
            assert!(!headers.contains_key("strict-transport-security"), "not over plain HTTP: {path}");
            let policy = headers["content-security-policy"].to_str().expect("ascii").to_owned();
            assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{path}: {policy}");
            if pages.contains(path) {
                // Every inline script carries the nonce the policy names.
                let nonce = policy.split("'nonce-").nth(1).and_then(|s| s.split('\'').next())
                    .expect("a page's policy has a nonce").to_owned();
                let html = r.text().await.expect("body");
                let scripts: Vec<&str> = html.split("<script").skip(1).collect();
                assert!(!scripts.is_empty(), "{path}");
                // The form is an island: its page alone loads the bundle.
                assert_eq!(html.contains("/pkg/blankett.js"), path.ends_with("/form"), "{path}");
                for script in scripts {
                    assert!(script.starts_with(&format!(r#" nonce="{nonce}""#)) || script.contains(&format!(r#"nonce="{nonce}""#)), "{path}: <script{script}");
                }
            } else {
                assert!(policy.starts_with("default-src 'none'"), "{path}: {policy}");
            }
        }
        // Each page gets a nonce of its own.
        let nonce = |r: &reqwest::Response| r.headers()["content-security-policy"].to_str().expect("ascii").to_owned();
        let a = server.client.get(server.url("/")).send().await.expect("GET");
        let b = server.client.get(server.url("/")).send().await.expect("GET");
        assert_ne!(nonce(&a), nonce(&b));
    }

    async fn a_post_from_another_site_is_refused_in_the_persons_language(server: TestServer) {
        let post = |headers: &[(&str, &str)]| {
            let mut request = server.client.post(server.url("/services/fault-report/form")).form(VALID_FAULT);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.send()
        };
        let r = post(&[("sec-fetch-site", "cross-site")]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(r.headers().contains_key("content-security-policy"), "still with the headers");
        assert!(r.text().await.expect("body").contains("kom från en annan webbplats"));
        let r = post(&[("origin", "https://evil.example"), ("cookie", "lang=en")]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(r.text().await.expect("body").contains("came from another website"));
        // The same post from this site goes through.
        let r = post(&[("sec-fetch-site", "same-origin")]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let own = server.url("");
        let r = post(&[("origin", own.trim_end_matches('/'))]).await.expect("POST");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(server::db::cases::count(&server.db().await.pool).await.expect("count"), 0, "drafts only");
    }

    async fn a_case_is_shown_against_its_own_form_version_after_a_new_one_is_published(server: TestServer) {
        // Lars sends a fault report, signed in.
        let mut lars = Journey::new(&server, "");
        lars.sign_in("lars").await;
        lars.service = "fault-report".into();
        let sent = lars.send(VALID_FAULT).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let reference = server.reference_of(&sent).await;
        let session = lars.session.clone().expect("a session");
        // A new version is published: the location question is asked in
        // other words.
        let db = server.db().await;
        let (version, definition): (i64, String) = sqlx::query_as(
            "SELECT version, definition FROM form_versions WHERE service_key = 'fault-report' ORDER BY version DESC LIMIT 1",
        ).fetch_one(&db.pool).await.expect("the version in use");
        let mut spec: serde_json::Value = serde_json::from_str(&definition).expect("json");
        spec["version"] = serde_json::json!(version + 1);
        for page in spec["pages"].as_array_mut().expect("pages") {
            for field in page["fields"].as_array_mut().expect("fields") {
                if field["key"] == "location" {
                    field["label"]["sv"] = serde_json::json!("Adress där felet finns");
                }
            }
        }
        assert!(server::db::forms::insert_if_absent(&db.pool, "fault-report", version + 1, &spec.to_string(), server::db::now_millis())
            .await.expect("publish"));
        drop(db);
        let (dir, url) = server.stop().await;
        let server = TestServer::start_with(dir, url).await;

        // New residents get the new version; Lars's case is read as he answered it.
        let (_, form) = server.get("/services/fault-report/form").await;
        assert!(form.contains("Adress där felet finns"), "{form}");
        let mut lars = Journey::new(&server, "");
        lars.session = Some(session);
        let (status, mine) = lars.get(&format!("/my-cases/{reference}")).await;
        assert_eq!(status, StatusCode::OK, "{mine}");
        assert!(mine.contains("Var finns felet?") && !mine.contains("Adress där felet finns"), "{mine}");
        let mut handler = Journey::new(&server, "");
        handler.post("/staff/signin", &[("username", "handlaggare"), ("password", "demo-handlaggare-2026")]).await;
        let (_, case) = handler.get(&format!("/staff/cases/{reference}")).await;
        assert!(case.contains("Var finns felet?") && case.contains("Storgatan 12") && !case.contains("Adress där felet finns"), "{case}");
    }

    async fn cases_survive_a_restart(server: TestServer) {
        let mut pairs = VALID_FAULT.to_vec();
        let key = server::secret::token();
        pairs.extend([("_version", "1"), ("_submission", key.as_str())]);
        let r = server.send_form("fault-report", &pairs).await;
        let location = r.headers()[LOCATION].to_str().expect("ascii").to_string();
        let (dir, url) = server.stop().await;

        let again = TestServer::start_with(dir, url).await;
        let (status, html) = again.get(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Din ansökan är skickad"));
        // Demo services are not published twice on a second start.
        let (_, catalogue) = again.get("/").await;
        assert_eq!(catalogue.matches(r#"href="/services/fault-report""#).count(), 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_database_stops_the_server_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("blankett.db"),
        b"this is not a database, it is a text file",
    )
    .expect("write");
    let error = server::prepare(config_for(dir.path(), None, &[]))
        .await
        .err()
        .expect("start-up must fail");
    let message = format!("{error:#}");
    assert!(message.contains("database"), "{message}");
}

/// The keys each language folder of one set of text (`locales/form` or
/// `locales/pages`) defines, by language.
fn keys_of_set(set: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../locales")
        .join(set);
    let mut keys_by_lang = Vec::new();
    for entry in std::fs::read_dir(&root).expect("locales/") {
        let dir = entry.expect("entry").path();
        let mut keys = std::collections::BTreeSet::new();
        for file in std::fs::read_dir(&dir).expect("language folder") {
            let text = std::fs::read_to_string(file.expect("file").path()).expect("ftl");
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" = ") {
                    if !key.starts_with([' ', '#', '.']) && !key.is_empty() {
                        assert!(
                            keys.insert(key.to_string()),
                            "{} defines {key} twice",
                            dir.display()
                        );
                    }
                }
            }
        }
        keys_by_lang.push((
            dir.file_name().expect("name").to_string_lossy().to_string(),
            keys,
        ));
    }
    keys_by_lang.sort();
    keys_by_lang
}

#[test]
fn every_language_has_exactly_the_same_keys() {
    let mut sets = Vec::new();
    for set in ["form", "pages"] {
        let keys_by_lang = keys_of_set(set);
        let langs: Vec<_> = keys_by_lang.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["ar", "en", "sv"], "{set}");
        let (first_lang, first) = &keys_by_lang[0];
        assert!(first.len() > 20, "{set}");
        for (lang, keys) in &keys_by_lang[1..] {
            let missing: Vec<_> = first.difference(keys).collect();
            let extra: Vec<_> = keys.difference(first).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{set}: {lang} lacks {missing:?} and has extra {extra:?} compared with {first_lang}"
            );
        }
        sets.push(first.clone());
    }
    let both: Vec<_> = sets[0].intersection(&sets[1]).collect();
    assert!(both.is_empty(), "in both sets: {both:?}");
}

/// The browser's bundle carries only `locales/form`: every key the form
/// page's island names must be there, or the browser would show the key.
#[test]
fn the_island_finds_all_its_words_in_the_browsers_set() {
    let form = keys_of_set("form").remove(0).1;
    let pages = keys_of_set("pages").remove(0).1;
    let app = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../app/src");
    for file in [
        "pages/citizen/form.rs",
        "components/field.rs",
        "components/error_summary.rs",
        "components/notices.rs",
    ] {
        let source = std::fs::read_to_string(app.join(file)).expect("source");
        let named: Vec<&str> = source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| pages.contains(*s))
            .collect();
        assert!(
            named.is_empty(),
            "{file} names {named:?}, which only the server has"
        );
        assert!(
            source.split('"').any(|s| form.contains(s)),
            "{file} names no key at all?"
        );
    }
}

/// The text of a plain-text mail as a person reads it: the body after the
/// headers, with quoted-printable undone.
fn mail_text(mail: &str) -> String {
    let mail = mail.replace("\r\n", "\n");
    let (headers, body) = mail.split_once("\n\n").expect("headers and a body");
    if !headers
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: quoted-printable")
    {
        return body.to_string();
    }
    let mut bytes = Vec::new();
    let mut rest = body.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        match (first, tail) {
            (b'=', [b'\n', more @ ..]) => rest = more,
            (b'=', [high, low, more @ ..]) => {
                let hex = std::str::from_utf8(&[*high, *low])
                    .expect("ascii")
                    .to_string();
                bytes.push(u8::from_str_radix(&hex, 16).expect("a quoted-printable byte"));
                rest = more;
            }
            _ => {
                bytes.push(first);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).expect("UTF-8 text")
}

/// The receipt mail goes out once SMTP takes it, exactly once, however often
/// the SMTP server refused it before; the submissions never wait for it.
async fn mail_waits_for_smtp_and_goes_out_once(backend: Backend) {
    let smtp = support::smtp::SmtpSink::start(2).await;
    let url = smtp.url();
    let server = TestServer::start_configured(
        backend,
        &[
            ("BLANKETT_SMTP_URL", url.as_str()),
            ("BLANKETT_MAIL_RETRY_SECONDS", "0.05"),
            ("BLANKETT_MAIL_FROM", "Kommunen <no-reply@kommun.example>"),
        ],
    )
    .await;
    let send = |email: &'static str| {
        let server = &server;
        async move {
            let pairs: Vec<(&str, &str)> = VALID_FAULT
                .iter()
                .map(|(k, v)| (*k, if *k == "email" { email } else { *v }))
                .collect();
            server.send_form("fault-report", &pairs).await
        }
    };
    // SMTP turns the first two connections away; sending is not affected.
    assert_eq!(
        send("first@example.se").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send("second@example.se").await.status(),
        StatusCode::SEE_OTHER
    );
    let outbox = server.outbox_settled().await;
    assert_eq!((outbox.sent, outbox.failed), (2, 0), "{outbox:?}");
    assert_eq!(smtp.refused(), 2, "both refusals were met");
    // A third case makes the worker run again: the first two are not resent.
    assert_eq!(
        send("third@example.se").await.status(),
        StatusCode::SEE_OTHER
    );
    let outbox = server.outbox_settled().await;
    assert_eq!((outbox.sent, outbox.failed), (3, 0), "{outbox:?}");
    let received = smtp.received();
    let mut to: Vec<String> = received.iter().flat_map(|r| r.to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        ["first@example.se", "second@example.se", "third@example.se"],
        "each mail exactly once"
    );
    let ids: std::collections::BTreeSet<&str> = received
        .iter()
        .map(|r| {
            r.message
                .lines()
                .find(|l| l.starts_with("Message-ID:"))
                .expect("a Message-ID")
        })
        .collect();
    assert_eq!(ids.len(), 3);
    let first = &received[0].message;
    assert!(
        first.contains("From: Kommunen <no-reply@kommun.example>"),
        "{first}"
    );
    assert!(
        ids.iter().all(|id| id.ends_with("@kommun.example>")),
        "{ids:?}"
    );
    let text = mail_text(first);
    assert!(text.contains("Vad händer nu?"), "{text}");
    assert!(text.contains("Var finns felet?: Storgatan 12"), "{text}");
}

/// The OpenAPI document describes exactly the API's routes, and is valid
/// OpenAPI 3.1 in its essentials: every reference resolves.
#[test]
fn the_openapi_document_describes_every_api_route() {
    let doc: serde_json::Value = serde_json::from_str(server::http::OPENAPI).expect("JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    let mut described: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            described.push((method.to_uppercase(), path.clone()));
        }
    }
    let mut served: Vec<(String, String)> = server::http::route_list()
        .into_iter()
        .filter(|(_, path)| path.starts_with("/api/v1/"))
        .map(|(method, path)| (method.to_string(), path))
        .collect();
    described.sort();
    served.sort();
    assert_eq!(described, served);
    fn refs(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(r)) = map.get("$ref") {
                    found.push(r.clone());
                }
                map.values().for_each(|v| refs(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.len() > 20);
    for r in found {
        let pointer = r.strip_prefix('#').expect("a local reference");
        assert!(doc.pointer(pointer).is_some(), "{r} resolves");
    }
}

/// Webhooks: a receiver that fails first and then accepts gets each event
/// exactly once, signed with the webhook's secret.
mod webhooks {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        delivered_once_signed_after_a_failure(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        delivered_once_signed_after_a_failure(Backend::Postgres).await;
    }
}

/// What a test receiver got: each request's headers and body, and whether
/// it was accepted.
type Received = std::sync::Arc<std::sync::Mutex<Vec<(reqwest::header::HeaderMap, String, bool)>>>;

async fn delivered_once_signed_after_a_failure(backend: Backend) {
    use hmac::Mac;
    // The receiver: answers 500 to its first request, then 204.
    let received: Received = Default::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let kept = received.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let kept = kept.clone();
            async move {
                let mut all = kept.lock().expect("lock");
                let accept = !all.is_empty();
                let mut copied = reqwest::header::HeaderMap::new();
                for (name, value) in &headers {
                    if let (Ok(n), Ok(v)) = (
                        reqwest::header::HeaderName::from_bytes(name.as_str().as_bytes()),
                        reqwest::header::HeaderValue::from_bytes(value.as_bytes()),
                    ) {
                        copied.insert(n, v);
                    }
                }
                all.push((copied, body, accept));
                if accept {
                    axum::http::StatusCode::NO_CONTENT
                } else {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                }
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });

    let server =
        TestServer::start_configured(backend, &[("BLANKETT_WEBHOOK_RETRY_SECONDS", "0.2")]).await;
    let db = server.db().await;
    assert!(
        server::integration::add_webhook(&db, "parking-permit", "http://example.se/hook", "test")
            .await
            .is_err(),
        "not https"
    );
    let secret = server::integration::add_webhook(
        &db,
        "parking-permit",
        &format!("http://127.0.0.1:{port}/hook"),
        "test",
    )
    .await
    .expect("webhook");
    // A case of another service tells this webhook nothing.
    let mut journey = Journey::new(&server, "fault-report");
    let r = journey
        .post("/services/fault-report/form", VALID_FAULT)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    journey.send_checked().await;

    // Anna sends a case and then writes to the handlers.
    let mut anna = Journey::start(&server, "parking-permit").await;
    let sent = anna
        .send(&[
            ("registration", "ABC123"),
            ("address.street", "Storgatan 12"),
            ("address.postal_code", "11122"),
            ("address.city", "Stockholm"),
            ("zone", "norr"),
            ("months", "6"),
            ("email", "anna@example.se"),
        ])
        .await;
    let reference = server.reference_of(&sent).await;
    let r = anna
        .post(
            &format!("/my-cases/{reference}/messages"),
            &[("message", "En fråga om zonen.")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Both events delivered: the first attempt refused, every event then accepted once.
    let mut delivered = Vec::new();
    for _ in 0..200 {
        delivered = server::db::integration::deliveries(&db.pool, 10)
            .await
            .expect("deliveries");
        if delivered.len() == 2 && delivered.iter().all(|d| d.delivered_at.is_some()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(delivered.len(), 2, "{delivered:?}");
    assert!(
        delivered.iter().all(|d| d.delivered_at.is_some()),
        "{delivered:?}"
    );
    assert_eq!(
        delivered.iter().map(|d| d.attempts).sum::<i64>(),
        3,
        "one retry in all"
    );
    assert_eq!(
        server::integration::delivery_state(&delivered[0]),
        "delivered"
    );
    // Nothing more arrives.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let all = received.lock().expect("lock").clone();
    assert_eq!(all.len(), 3, "one refused, two accepted");
    let accepted: Vec<_> = all.iter().filter(|(_, _, ok)| *ok).collect();
    // (In any order: the refused one came again after the other.)
    let mut events: Vec<&str> = accepted
        .iter()
        .map(|(h, _, _)| h["blankett-event"].to_str().expect("ascii"))
        .collect();
    events.sort();
    assert_eq!(events, ["case.message_received", "case.submitted"]);
    // The refused attempt came again as the same delivery, accepted once.
    let mut ids: Vec<&str> = accepted
        .iter()
        .map(|(h, _, _)| h["blankett-delivery"].to_str().expect("ascii"))
        .collect();
    assert!(ids.contains(&all[0].0["blankett-delivery"].to_str().expect("ascii")));
    ids.dedup();
    assert_eq!(ids.len(), 2);
    for (headers, body, _) in &accepted {
        let signature = headers["blankett-signature"].to_str().expect("ascii");
        let (t, v1) = signature
            .strip_prefix("t=")
            .and_then(|s| s.split_once(",v1="))
            .expect("t=…,v1=…");
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("key");
        mac.update(format!("{t}.{body}").as_bytes());
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(v1, expected, "signed with the secret");
        let json: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!(json["case"]["reference"], reference.as_str());
        assert_eq!(json["service"], "parking-permit");
        assert!(
            !body.contains("ABC123") && !body.contains("zonen"),
            "nothing personal: {body}"
        );
    }
    // Administrators see the state from the command line.
    let listed = server::integration::command(&["webhook".into(), "list".into()], &db)
        .await
        .expect("list");
    assert!(
        listed.contains("delivered") && listed.contains("case.message_received"),
        "{listed}"
    );
}

mod mail_over_smtp {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        mail_waits_for_smtp_and_goes_out_once(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        mail_waits_for_smtp_and_goes_out_once(Backend::Postgres).await;
    }
}

/// Served over HTTPS (as `BLANKETT_PUBLIC_URL` says), browsers are told to
/// keep to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_browsers_are_told_to_keep_to_it() {
    let server = TestServer::start_configured(
        Backend::Sqlite,
        &[("BLANKETT_PUBLIC_URL", "https://e-tjanster.example.se")],
    )
    .await;
    let r = server
        .client
        .get(server.url("/"))
        .send()
        .await
        .expect("GET");
    assert_eq!(
        r.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    // The session cookie is only ever sent over HTTPS, to this host only.
    let r = server
        .post_form("/signin", &[("service", "preschool-place")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cookie = r.headers()[SET_COOKIE].to_str().expect("ascii");
    assert!(cookie.starts_with("__Host-session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("; Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain="), "{cookie}");
}

/// Starting sign-ins and sending forms are limited per client, with a
/// translated answer that says how long to wait; what was typed is kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_sign_ins_or_sends_from_one_client_are_refused_for_a_while() {
    let server = TestServer::start_configured(
        Backend::Sqlite,
        &[
            ("BLANKETT_SIGN_INS_PER_MINUTE", "2"),
            ("BLANKETT_SUBMISSIONS_PER_MINUTE", "1"),
        ],
    )
    .await;
    for _ in 0..2 {
        let r = server
            .post_form("/signin", &[("service", "preschool-place")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let r = server
        .post_form("/signin", &[("service", "preschool-place")])
        .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "30");
    let text = r.text().await.expect("body");
    assert!(
        text.contains("Du har försökt logga in för många gånger på kort tid. Vänta en minut"),
        "{text}"
    );

    let sent = server.send_form("fault-report", VALID_FAULT).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "the first is sent");
    let mut second = Journey::start(&server, "fault-report").await;
    let r = second.send(VALID_FAULT).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let text = r.text().await.expect("body");
    assert!(text.contains("Det du har skrivit finns kvar"), "{text}");
    let (_, page) = second.get("/services/fault-report/check").await;
    assert!(
        page.contains("Storgatan 12"),
        "the answers wait in the draft: {page}"
    );
}

/// The writer (`server::db::writer`): jobs that arrive together share one
/// commit; one that fails is rolled back alone and told so (the batch runs
/// again in savepoints, and nothing of the first run is kept); what the
/// others wrote is there as soon as they are answered.
mod writer {
    use super::*;
    use sqlx::Row;

    /// Inserts `key` into `table` through the writer.
    async fn insert(db: &Db, table: &str, key: i64) -> Result<(), sqlx::Error> {
        let sql = format!("INSERT INTO {table} (k) VALUES ($1)");
        db.writer
            .write(move |conn| {
                let sql = sql.clone();
                Box::pin(async move {
                    sqlx::query(&sql).bind(key).execute(conn).await?;
                    Ok(())
                })
            })
            .await
    }

    async fn batches_commit_together_and_fail_alone(backend: Backend) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database(backend).await;
        let db = Db::connect(url.as_deref(), dir.path()).await.expect("db");
        sqlx::query("CREATE TABLE writer_test (k BIGINT PRIMARY KEY)")
            .execute(&db.pool)
            .await
            .expect("create");
        let before = db.writer.batches();
        // 200 jobs, and key 7 twice: the second is refused.
        let tasks: Vec<_> = (0..200)
            .chain([7])
            .map(|k| {
                let db = db.clone();
                tokio::spawn(async move { insert(&db, "writer_test", k).await })
            })
            .collect();
        let mut refused = 0;
        for task in tasks {
            if task.await.expect("task").is_err() {
                refused += 1;
            }
        }
        assert_eq!(refused, 1, "only the repeated key is refused");
        let batches = db.writer.batches() - before;
        assert!(
            batches <= 2,
            "201 jobs queued at once took {batches} commits"
        );
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM writer_test")
            .fetch_one(&db.pool)
            .await
            .expect("count")
            .try_get("n")
            .expect("n");
        assert_eq!(n, 200);
    }

    // One thread: every spawned job is queued before the writer runs.
    #[tokio::test(flavor = "current_thread")]
    async fn sqlite() {
        batches_commit_together_and_fail_alone(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "current_thread")]
    async fn postgres() {
        batches_commit_together_and_fail_alone(Backend::Postgres).await;
    }
}

/// Residents' e-ID through a real OpenID Connect provider: npm
/// `oidc-provider` on loopback, started by the test command
/// (`end2end/oidc/provider.mjs`, `BLANKETT_TEST_OIDC_ISSUER`). Its own login
/// page is driven here as a browser would; some of its people make it
/// answer wrongly on purpose.
mod e_id_through_openid_connect {
    use super::*;

    fn issuer() -> String {
        std::env::var("BLANKETT_TEST_OIDC_ISSUER").expect(
            "BLANKETT_TEST_OIDC_ISSUER is not set: run scripts/test, which starts the provider",
        )
    }

    async fn server_for(backend: Backend, issuer: &str) -> TestServer {
        TestServer::start_configured(
            backend,
            &[
                ("BLANKETT_OIDC_ISSUER", issuer),
                ("BLANKETT_OIDC_CLIENT_ID", "blankett"),
                ("BLANKETT_OIDC_CLIENT_SECRET", "blankett-test-secret"),
            ],
        )
        .await
    }

    fn location(r: &reqwest::Response) -> String {
        r.headers()
            .get(LOCATION)
            .unwrap_or_else(|| panic!("no redirect: {}", r.status()))
            .to_str()
            .expect("ascii")
            .to_owned()
    }

    /// Posts "sign in" for the journey's service, picks `account` (or
    /// cancels, for `None`) on the provider's page, and brings the
    /// provider's answer back to Blankett with `tamper` applied to its
    /// address. Gives Blankett's answer to the callback.
    async fn sign_in(
        journey: &mut Journey<'_>,
        account: Option<&str>,
        tamper: impl Fn(String) -> String,
    ) -> reqwest::Response {
        let service = journey.service.clone();
        let start = journey.post("/signin", &[("service", &service)]).await;
        through_provider(journey, start, "blankett", account, tamper).await
    }

    /// From Blankett's answer to a post that starts a sign-in (`start`),
    /// through the provider's page as `client_id`, and back.
    async fn through_provider(
        journey: &mut Journey<'_>,
        start: reqwest::Response,
        client_id: &str,
        account: Option<&str>,
        tamper: impl Fn(String) -> String,
    ) -> reqwest::Response {
        let issuer = issuer();
        let r = start;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let authorize = location(&r);
        assert!(
            authorize.starts_with(&format!("{issuer}/auth?")),
            "{authorize}"
        );
        let client = format!("client_id={client_id}&");
        for part in [
            "code_challenge_method=S256",
            "response_type=code",
            client.as_str(),
            "nonce=",
            "state=",
        ] {
            assert!(authorize.contains(part), "{part} in {authorize}");
        }
        let provider = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client");
        let absolute = |to: String| {
            if to.starts_with('/') {
                format!("{issuer}{to}")
            } else {
                to
            }
        };
        let r = provider.get(&authorize).send().await.expect("authorize");
        let interaction = absolute(location(&r));
        let page = provider.get(&interaction).send().await.expect("login page");
        assert_eq!(page.status(), StatusCode::OK);
        let form: Vec<(&str, &str)> = match account {
            Some(account) => vec![("account", account)],
            None => vec![("cancel", "1")],
        };
        let r = provider
            .post(format!("{interaction}/login"))
            .form(&form)
            .send()
            .await
            .expect("login");
        let mut to = absolute(location(&r));
        // Through the provider's own redirects, until it sends the browser back.
        while to.starts_with(&issuer) {
            let r = provider.get(&to).send().await.expect("provider");
            to = absolute(location(&r));
        }
        let back = tamper(to);
        assert!(
            back.starts_with(&journey.server.base),
            "back to Blankett: {back}"
        );
        let request = journey.server.client.get(&back);
        journey.send_request(request).await
    }

    async fn signs_in_and_out(backend: Backend) {
        let server = server_for(backend, &issuer()).await;
        let mut anna = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut anna, Some("anna"), |to| to).await;
        assert_eq!(location(&r), "/services/preschool-place/form");
        let (status, form) = anna.get("/services/preschool-place/form").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            form.contains(r#"value="Anna Andersson""#) && form.contains(r#"value="19811218-9876""#),
            "{form}"
        );
        // Lars's ID token says only who he is: his name and number come
        // from the userinfo endpoint.
        let mut lars = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut lars, Some("lars"), |to| to).await;
        assert_eq!(location(&r), "/services/preschool-place/form");
        let (_, form) = lars.get("/services/preschool-place/form").await;
        assert!(
            form.contains(r#"value="Lars Svensson""#) && form.contains(r#"value="19450315-1237""#),
            "{form}"
        );
        let db = server.db().await;
        let log = server::db::audit::newest(&db.pool, 5).await.expect("audit");
        assert_eq!(
            (log[0].action.as_str(), log[1].action.as_str()),
            ("sign-in", "sign-in")
        );
        assert_eq!(log[0].detail, format!("via {}", issuer()));
        // Signing out ends the provider's session too.
        let r = anna.post("/signout", &[]).await;
        let to = location(&r);
        assert!(
            to.starts_with(&format!(
                "{}/session/end?client_id=blankett&post_logout_redirect_uri=",
                issuer()
            )),
            "{to}"
        );
        assert_eq!(
            anna.get("/services/preschool-place/form").await.0,
            StatusCode::UNAUTHORIZED
        );
    }

    async fn staff_server(issuer: &str, production: bool) -> TestServer {
        let mut settings = vec![
            ("BLANKETT_STAFF_OIDC_ISSUER", issuer),
            ("BLANKETT_STAFF_OIDC_CLIENT_ID", "blankett-staff"),
            (
                "BLANKETT_STAFF_OIDC_CLIENT_SECRET",
                "blankett-staff-test-secret",
            ),
        ];
        if production {
            settings.push(("BLANKETT_MODE", "production"));
        }
        TestServer::start_configured(Backend::Sqlite, &settings).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn staff_sign_in_through_the_municipalitys_provider() {
        let server = staff_server(&issuer(), false).await;
        // The page offers the provider, and local accounts beside it
        // outside production.
        let (_, page) = server.get("/staff/signin").await;
        assert!(
            page.contains(r#"action="/staff/signin/provider""#)
                && page.contains(r#"action="/staff/signin""#),
            "{page}"
        );

        // Hanna has a Blankett account under her username at the provider.
        let mut hanna = Journey::new(&server, "");
        let start = hanna.post("/staff/signin/provider", &[]).await;
        let r = through_provider(&mut hanna, start, "blankett-staff", Some("hanna"), |to| to).await;
        assert_eq!(location(&r), "/staff");
        let (status, home) = hanna.get("/staff").await;
        assert_eq!(status, StatusCode::OK, "{home}");
        assert!(home.contains("Handläggare"), "her roles: {home}");
        let db = server.db().await;
        let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
        assert_eq!(
            (log[0].action.as_str(), log[0].detail.clone()),
            ("sign-in", format!("via {}", issuer()))
        );
        assert!(log[0].actor.starts_with("staff:"), "{}", log[0].actor);

        // Olle is known to the provider, not to Blankett: told so plainly.
        let mut olle = Journey::new(&server, "");
        let start = olle.post("/staff/signin/provider", &[]).await;
        let r = through_provider(&mut olle, start, "blankett-staff", Some("olle"), |to| to).await;
        assert_eq!(location(&r), "/staff/signin?error=unknown");
        let (status, page) = olle.get("/staff/signin?error=unknown").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(
            page.contains("inget konto i Blankett") && page.contains(r##"href="#staff-provider""##),
            "{page}"
        );
        assert_eq!(
            olle.get("/staff").await.0,
            StatusCode::FOUND,
            "not signed in"
        );
        // An administrator adds him, to sign in through the provider only.
        let args: Vec<String> = [
            "add",
            "--username",
            "olle.okand",
            "--name",
            "Olle Okänd",
            "--role",
            "handler",
            "--service",
            "fault-report",
            "--provider-only",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        let added = server::staff::command(&args, &db, None).await;
        assert!(
            added
                .as_deref()
                .is_ok_and(|m| m.contains("(olle.okand) added")),
            "{added:?}"
        );
        let start = olle.post("/staff/signin/provider", &[]).await;
        let r = through_provider(&mut olle, start, "blankett-staff", Some("olle"), |to| to).await;
        assert_eq!(location(&r), "/staff");
        let r = server
            .post_form(
                "/staff/signin",
                &[
                    ("username", "olle.okand"),
                    ("password", "ett långt lösenord"),
                ],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "no password to sign in with"
        );

        // A resident's sign-in under way cannot finish as staff.
        let mut mixes = Journey::new(&server, "preschool-place");
        let r = mixes
            .post("/signin", &[("service", "preschool-place")])
            .await;
        let to_test_e_id = location(&r);
        let query = to_test_e_id.split_once('?').expect("a query").1;
        let r = mixes
            .send_request(
                server
                    .client
                    .get(server.url(&format!("/staff/signin/callback?{query}&code=x"))),
            )
            .await;
        assert_eq!(location(&r), "/staff/signin?error=failed");

        // Cancelled at the provider: refused.
        let mut cancels = Journey::new(&server, "");
        let start = cancels.post("/staff/signin/provider", &[]).await;
        let r = through_provider(&mut cancels, start, "blankett-staff", None, |to| to).await;
        assert_eq!(location(&r), "/staff/signin?error=failed");
        let (_, page) = cancels.get("/staff/signin?error=failed").await;
        assert!(
            page.contains("Inloggningen hos kommunen gick inte igenom"),
            "{page}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn in_production_staff_sign_in_only_through_the_provider() {
        let server = staff_server(&issuer(), true).await;
        let (_, page) = server.get("/staff/signin").await;
        assert!(
            page.contains(r#"action="/staff/signin/provider""#)
                && !page.contains(r#"action="/staff/signin""#),
            "{page}"
        );
        let r = server
            .post_form(
                "/staff/signin",
                &[
                    ("username", "handlaggare"),
                    ("password", "demo-handlaggare-2026"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_good_sign_in_on_sqlite() {
        signs_in_and_out(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_good_sign_in_on_postgres() {
        signs_in_and_out(Backend::Postgres).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_bad_answer_is_refused_with_a_clear_page() {
        let server = server_for(Backend::Sqlite, &issuer()).await;
        let refused = "/signin/refused?reason=failed&service=preschool-place";
        for (account, why) in [
            ("expired", "ExpiredSignature"),
            ("wrong-audience", "InvalidAudience"),
            ("other-issuer", "InvalidIssuer"),
            ("bad-signature", "InvalidSignature"),
            ("wrong-nonce", "the nonce is not this sign-in's"),
        ] {
            let mut person = Journey::new(&server, "preschool-place");
            let r = sign_in(&mut person, Some(account), |to| to).await;
            assert_eq!(location(&r), refused, "{account}");
            let (status, page) = person.get(refused).await;
            assert_eq!(status, StatusCode::FORBIDDEN);
            assert!(
                page.contains("E-legitimationen kunde inte bekräfta vem du är"),
                "{page}"
            );
            assert_eq!(
                person.get("/services/preschool-place/form").await.0,
                StatusCode::UNAUTHORIZED,
                "{account}"
            );
            let db = server.db().await;
            let log = server::db::audit::newest(&db.pool, 1).await.expect("audit");
            assert_eq!(log[0].action, "sign-in-refused");
            assert!(log[0].detail.contains(why), "{account}: {:?}", log[0]);
        }
        // Another sign-in's state.
        let mut person = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut person, Some("anna"), |to| {
            let state = to
                .split("state=")
                .nth(1)
                .and_then(|s| s.split('&').next())
                .expect("state")
                .to_owned();
            to.replace(&state, &server::secret::token())
        })
        .await;
        assert_eq!(
            location(&r),
            "/signin/refused?reason=state&service=preschool-place"
        );
        // Cancelled at the provider.
        let mut person = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut person, None, |to| to).await;
        assert_eq!(
            location(&r),
            "/signin/refused?reason=cancelled&service=preschool-place"
        );
        // A level of assurance below the service's.
        let mut maja = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut maja, Some("maja"), |to| to).await;
        assert_eq!(
            location(&r),
            "/signin/refused?reason=loa&service=preschool-place"
        );
        // A foreign eIDAS identity at level "substantial", without a
        // Swedish number, is welcome.
        let mut jeanne = Journey::new(&server, "preschool-place");
        let r = sign_in(&mut jeanne, Some("jeanne"), |to| to).await;
        assert_eq!(location(&r), "/services/preschool-place/form");
        let (_, form) = jeanne.get("/services/preschool-place/form").await;
        assert!(form.contains("Inloggad som Jeanne Dupont"), "{form}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_provider_that_is_not_the_one_configured_is_not_used() {
        // Discovery at an address that is not the provider's issuer.
        let server = server_for(Backend::Sqlite, &format!("{}/another", issuer())).await;
        let r = server
            .post_form("/signin", &[("service", "preschool-place")])
            .await;
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        let text = r.text().await.expect("body");
        assert!(text.contains("felkoden"), "{text}");
    }
}

/// Waits (up to 20 s) until `page` of the server, as `who` sees it,
/// contains `text`; gives the page.
async fn page_until(who: &mut Journey<'_>, page: &str, text: &str) -> String {
    for _ in 0..200 {
        let (_, html) = who.get(page).await;
        if html.contains(text) {
            return html;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (_, html) = who.get(page).await;
    panic!("{page} never said {text}: {html}");
}

/// The accessibility check of a published version, run from the versions
/// page. The check program here is a stand-in (a shell script: the real
/// one, `end2end/accessibility-check.mjs`, drives Chromium and is run by
/// the browser tests): it keeps the plan it is given, waits until the test
/// has opened the plan's pages with the pass, and answers with the report
/// the test wrote. What is proven: the plan names every page and language
/// of the version at the server's own loopback address; the pass shows the
/// checked version (not the one offered) at the residents' own addresses
/// while the run lasts, and nothing after; the report is kept with the
/// version and shown; a check that cannot run says so with a reference;
/// only the service's authors may run or read one.
async fn an_accessibility_check_sees_the_versions_pages_and_keeps_its_report(backend: Backend) {
    let work = tempfile::tempdir().expect("a folder");
    let (plan, go, answer) = (
        work.path().join("plan.json"),
        work.path().join("go"),
        work.path().join("report.json"),
    );
    let command = format!(
        "cat > '{}'; while [ ! -e '{}' ]; do sleep 0.05; done; cat '{}'",
        plan.display(),
        go.display(),
        answer.display()
    );
    let server = TestServer::start_configured(
        backend,
        &[("BLANKETT_ACCESSIBILITY_COMMAND", command.as_str())],
    )
    .await;
    let db = server.db().await;
    let mut frida = Journey::new(&server, "");
    frida
        .post(
            "/staff/signin",
            &[
                ("username", "formgivare"),
                ("password", "demo-formgivare-2026"),
            ],
        )
        .await;
    // A service with two versions; version 2 is offered.
    let r = frida
        .post(
            "/staff/forms",
            &[
                ("action", "template"),
                ("template", "fault-report"),
                ("key", "ljuset"),
            ],
        )
        .await;
    assert_eq!(r.headers()[LOCATION], "/staff/forms/ljuset");
    frida
        .post(
            "/staff/forms/ljuset/publish",
            &[("when", "now"), ("at", "")],
        )
        .await;
    let r = frida
        .send_request(
            server
                .client
                .get(server.url("/staff/forms/ljuset/export.json")),
        )
        .await;
    let mut spec: serde_json::Value =
        serde_json::from_str(&r.text().await.expect("body")).expect("json");
    spec["pages"][0]["title"]["sv"] = "Felet i version två".into();
    frida
        .post(
            "/staff/forms/ljuset",
            &[("definition", spec.to_string().as_str())],
        )
        .await;
    let r = frida
        .post(
            "/staff/forms/ljuset/publish",
            &[("when", "now"), ("at", "")],
        )
        .await;
    assert_eq!(r.headers()[LOCATION], "/staff/forms/ljuset?published=2");

    let (_, versions) = frida.get("/staff/forms/ljuset/versions").await;
    assert!(
        versions.contains("Inte kontrollerad") && versions.contains("Kontrollera version 1"),
        "{versions}"
    );
    assert!(!versions.contains("inte påslagen"), "{versions}");
    let r = frida
        .post("/staff/forms/ljuset/versions/7/check", &[])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "no version 7");
    let r = frida
        .post("/staff/forms/ljuset/versions/1/check", &[])
        .await;
    assert_eq!(
        r.headers()[LOCATION],
        "/staff/forms/ljuset/versions/1/accessibility"
    );
    let report_page = "/staff/forms/ljuset/versions/1/accessibility";
    page_until(&mut frida, report_page, "Kontrollen pågår").await;
    let (_, versions) = frida.get("/staff/forms/ljuset/versions").await;
    assert!(
        versions.contains("Pågår") && !versions.contains("Kontrollera version 1"),
        "one run at a time: {versions}"
    );

    // The plan: the server's loopback address, a pass, every view.
    let mut text = String::new();
    for _ in 0..200 {
        text = std::fs::read_to_string(&plan).unwrap_or_default();
        if text.ends_with('}') {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let given: serde_json::Value = serde_json::from_str(&text).expect("the plan is JSON");
    assert_eq!(
        format!("{}/", given["base"].as_str().expect("base")),
        server.url("/")
    );
    assert_eq!(given["cookie"], "blankett-check");
    let token = given["token"].as_str().expect("a pass").to_owned();
    let views: Vec<(String, String, bool, bool)> = given["views"]
        .as_array()
        .expect("views")
        .iter()
        .map(|v| {
            (
                v["language"].as_str().unwrap_or_default().to_owned(),
                v["address"].as_str().unwrap_or_default().to_owned(),
                v["errors"].as_bool().unwrap_or_default(),
                v["javascript"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    let mut expected = Vec::new();
    for language in ["sv", "en"] {
        expected.push((
            language.to_owned(),
            "/services/ljuset".to_owned(),
            false,
            true,
        ));
        expected.push((
            language.to_owned(),
            "/services/ljuset/form/fault".to_owned(),
            false,
            true,
        ));
        expected.push((
            language.to_owned(),
            "/services/ljuset/form/fault?errors=1".to_owned(),
            true,
            false,
        ));
    }
    assert_eq!(views, expected);

    // With the pass, the residents' own addresses show version 1, every
    // error of an empty answer where asked; without it, version 2.
    let with_pass = |path: &str, language: &str| {
        server
            .client
            .get(server.url(path))
            .header(reqwest::header::COOKIE, format!("blankett-check={token}"))
            .header(reqwest::header::ACCEPT_LANGUAGE, language)
    };
    let fetch = |request: reqwest::RequestBuilder| async move {
        let r = request.send().await.expect("an answer");
        (r.status(), r.text().await.expect("body"))
    };
    let (status, page) = fetch(with_pass("/services/ljuset/form/fault", "sv")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Om felet") && !page.contains("Felet i version två"),
        "{page}"
    );
    assert!(!page.contains("Det finns ett problem"), "{page}");
    let (status, page) = fetch(with_pass("/services/ljuset/form/fault?errors=1", "sv")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Det finns ett problem") && page.contains("Om felet"),
        "{page}"
    );
    let (_, page) = fetch(with_pass("/services/ljuset/form/fault", "en")).await;
    assert!(page.contains(r#"lang="en""#), "{page}");
    let (status, page) = fetch(with_pass("/services/ljuset", "sv")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (_, page) = server.get("/services/ljuset/form/fault").await;
    assert!(
        page.contains("Felet i version två"),
        "residents get version 2: {page}"
    );
    // A pass is for its service only, and a made-up one opens nothing.
    let (_, page) = fetch(with_pass("/services/fault-report/form/fault", "sv")).await;
    assert!(!page.contains("Det finns ett problem"), "{page}");
    let (_, page) = fetch(
        server
            .client
            .get(server.url("/services/ljuset/form/fault"))
            .header(
                reqwest::header::COOKIE,
                format!("blankett-check={}", "0".repeat(32)),
            ),
    )
    .await;
    assert!(page.contains("Felet i version två"), "{page}");

    // The program answers: one violation on the Swedish page.
    let report: Vec<serde_json::Value> = given["views"]
        .as_array()
        .expect("views")
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut checked = v.clone();
            checked["status"] = 200.into();
            checked["violations"] = if i == 1 {
                serde_json::json!([{
                    "rule": "color-contrast", "impact": "serious",
                    "help": "Elements must meet minimum color contrast ratio thresholds",
                    "help_url": "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
                    "targets": [".hint"]
                }])
            } else {
                serde_json::json!([])
            };
            checked
        })
        .collect();
    std::fs::write(
        &answer,
        serde_json::json!({"axe": "4.14.1", "views": report}).to_string(),
    )
    .expect("written");
    std::fs::write(&go, "").expect("written");
    let page = page_until(
        &mut frida,
        report_page,
        "Ett fel hittades på 6 granskade sidvisningar",
    )
    .await;
    for said in [
        "axe-core 4.14.1",
        "<code>color-contrast</code>",
        r#"<p lang="en">Elements must meet minimum color contrast"#,
        "<code>.hint</code>",
        "Om felet, Svenska: Första visning, med JavaScript",
        "Med felmeddelanden, utan JavaScript",
        "Startsidan",
        "English",
        "Kontrollera igen",
    ] {
        assert!(page.contains(said), "{said}: {page}");
    }
    let (_, versions) = frida.get("/staff/forms/ljuset/versions").await;
    assert!(
        versions.contains("1 fel")
            && versions.contains(r#"href="/staff/forms/ljuset/versions/1/accessibility""#),
        "{versions}"
    );
    let kept: (String, i64, i64) = sqlx::query_as(
        "SELECT state, views, violations FROM accessibility_checks WHERE service_key = 'ljuset' AND version = 1")
        .fetch_one(&db.pool).await.expect("the run");
    assert_eq!(kept, ("failed".to_owned(), 6, 1));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'form-accessibility-checked' AND subject = 'service:ljuset'")
        .fetch_one(&db.pool).await.expect("count");
    assert_eq!(audited, 1);
    // The run is over: its pass opens nothing any more.
    let (_, page) = fetch(with_pass("/services/ljuset/form/fault", "sv")).await;
    assert!(page.contains("Felet i version två"), "{page}");

    // A run whose program fails says so, with the log's reference.
    std::fs::remove_file(&answer).expect("removed");
    let r = frida
        .post("/staff/forms/ljuset/versions/2/check", &[])
        .await;
    assert_eq!(
        r.headers()[LOCATION],
        "/staff/forms/ljuset/versions/2/accessibility"
    );
    let page = page_until(
        &mut frida,
        "/staff/forms/ljuset/versions/2/accessibility",
        "Kontrollen kunde inte köras. Referens:",
    )
    .await;
    assert!(page.contains("Kontrollera igen"), "{page}");
    let (_, versions) = frida.get("/staff/forms/ljuset/versions").await;
    assert!(
        versions.contains("Kunde inte köras") && versions.contains("1 fel"),
        "each version its own: {versions}"
    );

    // An author of another department reaches none of it.
    let args: Vec<String> = [
        "add",
        "--username",
        "ola",
        "--name",
        "Ola Annan",
        "--role",
        "author",
        "--organisation",
        "annan",
        "Annan förvaltning",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    server::staff::command(&args, &db, Some("ett långt lösenord".into()))
        .await
        .expect("added");
    let mut ola = Journey::new(&server, "");
    ola.post(
        "/staff/signin",
        &[("username", "ola"), ("password", "ett långt lösenord")],
    )
    .await;
    let (status, page) = ola.get(report_page).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!page.contains("color-contrast"), "{page}");
    let r = ola.post("/staff/forms/ljuset/versions/1/check", &[]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let runs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accessibility_checks")
        .fetch_one(&db.pool)
        .await
        .expect("count");
    assert_eq!(runs, 2);
}

mod accessibility_check {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        an_accessibility_check_sees_the_versions_pages_and_keeps_its_report(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        an_accessibility_check_sees_the_versions_pages_and_keeps_its_report(Backend::Postgres)
            .await;
    }
}
