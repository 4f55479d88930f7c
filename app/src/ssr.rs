//! The ports: what the UI needs from the server, declared here and
//! implemented by the `server` crate, which hands them over once as context.
//! This is the only server-only module of the crate.

use crate::i18n::Locale;
use crate::model::{AppError, FeedbackError, FormState, Receipt};
use forms::FormDefinition;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

pub type PortFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, PortError>> + Send + 'a>>;

/// A failure inside the server. The cause has already been logged under
/// `reference`; only the reference is shown to the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortError {
    pub reference: String,
}

impl From<PortError> for AppError {
    fn from(e: PortError) -> Self {
        AppError::Unavailable {
            reference: e.reference,
        }
    }
}

/// A form ready to be filled in.
#[derive(Clone, Debug)]
pub struct OpenForm {
    pub definition: Arc<FormDefinition>,
    pub submission_key: String,
}

/// A form as this person left it: their draft, pinned to the version it
/// was started on, or the newest version with nothing typed yet.
#[derive(Clone, Debug)]
pub struct Drafted {
    pub definition: Arc<FormDefinition>,
    /// The answers so far, the journey through the pages and the
    /// submission key.
    pub state: FormState,
    /// Whether a draft was found.
    pub saved: bool,
}

/// Published services and what residents have sent in.
pub trait Catalogue: Send + Sync {
    /// The newest published version of every service, in catalogue order.
    fn services(&self) -> PortFuture<'_, Vec<Arc<FormDefinition>>>;
    /// A service's form to fill in: a specific version, or the one
    /// residents are offered now.
    fn open_form<'a>(
        &'a self,
        key: &'a str,
        version: Option<u32>,
    ) -> PortFuture<'a, Option<OpenForm>>;
    /// Form `key` as an accessibility check under way sees it, when the
    /// request carries its pass (see the server's `accessibility`): the
    /// checked version, every page shown, nothing answered.
    fn checking(&self, key: &str, request: &http::HeaderMap) -> Option<Drafted>;
    /// Counts a view of the start page of `key` for the statistics.
    fn viewed(&self, key: &str);
    /// The person's draft of the service `key`, found by the secret their
    /// request carries; `None` when there is no such service.
    /// A draft of a signed-in person is theirs alone, and a new one starts
    /// with what their e-ID tells.
    fn draft<'a>(
        &'a self,
        key: &'a str,
        request: &'a http::HeaderMap,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<Drafted>>;
    /// The resume link of a draft just saved, from the one-time cookie the
    /// saving post set; `None` when there is none (shown already).
    fn saved<'a>(
        &'a self,
        key: &'a str,
        request: &'a http::HeaderMap,
        locale: Locale,
    ) -> PortFuture<'a, Option<SavedDraft>>;
    /// The resume link made of `secret`, when it opens a live draft of
    /// service `key`; `None` otherwise.
    fn resume_link<'a>(
        &'a self,
        key: &'a str,
        secret: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<SavedDraft>>;
    /// Saves what a page of form `key` holds while the person is still on
    /// it into their draft (making one if they have none); gives the
    /// `Set-Cookie` value for a new draft. A service or page that does not
    /// exist saves nothing.
    fn autosave<'a>(
        &'a self,
        key: &'a str,
        page: &'a str,
        answers: Vec<(String, String)>,
        request: &'a http::HeaderMap,
        locale: Locale,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<String>>;
    /// The operating notices to show now on a page of `service` (`None`:
    /// a page of no service), in `locale` where they have it.
    fn notices<'a>(
        &'a self,
        service: Option<&'a str>,
        locale: Locale,
    ) -> PortFuture<'a, Vec<crate::model::Notice>>;
    /// The receipt behind a receipt token, in `locale`; a signed-in
    /// resident's case only for them.
    fn receipt<'a>(
        &'a self,
        token: &'a str,
        locale: Locale,
        signed_in: Option<&'a SignedIn>,
    ) -> PortFuture<'a, Option<Receipt>>;
}

/// A resident's own cases and drafts ("My cases").
pub trait Cases: Send + Sync {
    /// The person's live drafts and the cases they sent, newest first.
    fn mine<'a>(
        &'a self,
        signed_in: &'a SignedIn,
        locale: Locale,
    ) -> PortFuture<'a, crate::model::MyCases>;
    /// One of the person's cases, by reference; `None` when there is no
    /// such case or it is not theirs. Viewing it marks the handlers'
    /// messages as read.
    fn case<'a>(
        &'a self,
        signed_in: &'a SignedIn,
        reference: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<crate::model::CaseView>>;
}

/// Case handling: a handler's inbox and cases, only of the services they
/// handle.
pub trait Handling: Send + Sync {
    fn inbox<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        filter: crate::model::InboxFilter,
        locale: Locale,
    ) -> PortFuture<'a, crate::model::Inbox>;
    /// A case by reference; `None` when there is none or the member of
    /// staff may not handle it. Each view is recorded in the audit log and
    /// the case's history.
    fn case<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        reference: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<crate::model::HandledCase>>;
}

/// Administration: organisations, staff, who handles which service, and
/// the back-office integrations. Only for administrators (the caller
/// checks, with [`is_administrator`]).
pub trait Admin: Send + Sync {
    fn overview(&self, locale: Locale) -> PortFuture<'_, crate::model::AdminOverview>;
    /// A member of staff to change, or (`None`) the form for a new one;
    /// `Ok(None)` when there is no such member.
    fn staff_member(
        &self,
        id: Option<i64>,
        locale: Locale,
    ) -> PortFuture<'_, Option<crate::model::StaffEdit>>;
    fn service<'a>(
        &'a self,
        key: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<crate::model::ServiceEdit>>;
    fn integrations(&self, locale: Locale) -> PortFuture<'_, crate::model::Integrations>;
}

/// Form authoring: the services a member of staff may edit, and a
/// service's draft. `None` when they may not edit it (or there is none).
pub trait Authoring: Send + Sync {
    fn list<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        locale: Locale,
    ) -> PortFuture<'a, crate::model::AuthoringList>;
    fn draft<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        locale: Locale,
    ) -> PortFuture<'a, Option<crate::model::FormDraftView>>;
    /// The draft (or, without one, the live version) of `key` compiled:
    /// `Ok(None)` when they may not edit it, `Some(Err(title))` while it
    /// has problems.
    fn preview<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
    ) -> PortFuture<'a, Option<Result<Arc<FormDefinition>, String>>>;
    /// A service's versions and what is offered; `None` when there is no
    /// such service or they may not edit it.
    fn versions<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        locale: crate::i18n::Locale,
    ) -> PortFuture<'a, Option<crate::model::VersionsView>>;
    /// The newest accessibility check of version `version` of `key`, with
    /// its report; `None` when there is no such version or they may not
    /// edit the service.
    fn accessibility<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        version: u32,
        locale: crate::i18n::Locale,
    ) -> PortFuture<'a, Option<crate::model::AccessibilityView>>;
    /// Statistics of service `key` (or, for `None`, of every service they
    /// may edit) from day `from` to day `to` (empty: the last 30 days);
    /// `None` when they may not see that service's.
    fn statistics<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: Option<&'a str>,
        from: &'a str,
        to: &'a str,
        locale: crate::i18n::Locale,
    ) -> PortFuture<'a, Option<crate::model::StatisticsView>>;
}

/// Whether `staff` works on forms: an author or an administrator.
pub fn is_author(staff: &StaffSignedIn) -> bool {
    staff
        .roles
        .iter()
        .any(|r| r == "author" || r == "administrator")
}

/// What an administration post brings back to its page: the form with
/// errors, or a secret to show once.
#[derive(Clone, Debug, Default)]
pub struct AdminAnswer {
    pub posted: Option<crate::model::AdminPosted>,
    pub shown_once: Option<crate::model::ShownOnce>,
}

/// The signed-in member of staff if `allowed` lets them in, or the error a
/// page shows instead: to the sign-in page, or (to other staff) no such
/// page.
pub fn staff_who(allowed: fn(&StaffSignedIn) -> bool) -> Result<StaffSignedIn, AppError> {
    let Some(staff) = staff_signed_in() else {
        redirect("/staff/signin");
        return Err(AppError::StaffSignInRequired);
    };
    if !allowed(&staff) {
        set_status(404);
        return Err(AppError::NotFound);
    }
    Ok(staff)
}

/// What a staff form's post brought back to the page being drawn, if
/// anything; a form with errors makes the page's status 422.
pub fn staff_answer() -> AdminAnswer {
    let answer = use_context::<AdminAnswer>().unwrap_or_default();
    if answer.posted.as_ref().is_some_and(|p| !p.errors.is_empty()) {
        set_status(422);
    }
    answer
}

/// Whether `staff` is an administrator.
pub fn is_administrator(staff: &StaffSignedIn) -> bool {
    staff.roles.iter().any(|r| r == "administrator")
}

/// Whether `staff` may handle cases of `service`: a case handler (or an
/// administrator) who has the service.
pub fn may_handle(staff: &StaffSignedIn, service: &str) -> bool {
    staff
        .roles
        .iter()
        .any(|r| r == "handler" || r == "administrator")
        && staff.services.iter().any(|s| s == service)
}

/// A message to the handlers that came back with an error: the case page is
/// drawn again with it and with what was typed.
#[derive(Clone, Debug)]
pub struct PostedMessage {
    pub text: String,
    pub key: String,
    pub error: crate::model::MessageError,
}

/// An answer to a request for completion that came back with an error.
#[derive(Clone, Debug)]
pub struct PostedCompletion {
    pub text: String,
    pub key: String,
    pub error: crate::model::CompletionError,
}

/// A resident signed in with e-ID, as their session holds them. Never in a
/// URL, a log line or the browser: the personal identity number stays on
/// the server.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignedIn {
    pub person_id: i64,
    pub name: String,
    /// `YYYYMMDD-NNNN`; `None` for a person without a Swedish number (a
    /// foreign eIDAS identity).
    pub pin: Option<String>,
    pub loa: forms::AssuranceLevel,
    /// The e-ID that signed them in: `test` or the provider's issuer.
    pub via: String,
    /// Milliseconds since the epoch.
    pub signed_in_at: i64,
    /// The last request, in milliseconds since the epoch.
    pub seen_at: i64,
}

impl SignedIn {
    /// What the forms engine prefills from.
    pub fn person(&self) -> forms::Person {
        forms::Person {
            name: self.name.clone(),
            personal_identity_number: self.pin.clone(),
            address: None,
        }
    }
}

/// A member of staff signed in with a local account (or, later, the
/// municipality's identity provider).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaffSignedIn {
    pub staff_id: i64,
    pub name: String,
    /// `administrator`, `author`, `handler`.
    pub roles: Vec<String>,
    /// The keys of the services they work with.
    pub services: Vec<String>,
    pub signed_in_at: i64,
    pub seen_at: i64,
}

/// The member of staff signed in on the request being answered, if any.
pub fn staff_signed_in() -> Option<StaffSignedIn> {
    use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<StaffSignedIn>().cloned())
}

/// The ways staff can sign in here: through the municipality's identity
/// provider, with a local account, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffSignInWays {
    pub provider: bool,
    pub local: bool,
}

/// A staff sign-in that came back: the page is drawn again with the
/// username typed and what was wrong.
#[derive(Clone, Debug)]
pub struct PostedStaffSignIn {
    pub username: String,
    pub error: crate::model::StaffSignInError,
}

/// The resident signed in on the request being answered, if any.
pub fn signed_in() -> Option<SignedIn> {
    use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<SignedIn>().cloned())
}

/// Whether `signed_in` may fill in a service that asks for
/// `identification`; the refusal, if not, for the page to show.
pub fn may_fill_in(
    definition: &FormDefinition,
    signed_in: Option<&SignedIn>,
    lang: &str,
) -> Result<(), AppError> {
    match (definition.identification(), signed_in) {
        (forms::Identification::Anonymous, _) => Ok(()),
        (forms::Identification::EId { level }, Some(s)) if s.loa >= level => Ok(()),
        (forms::Identification::EId { .. }, signed_in) => Err(AppError::SignInRequired {
            service: definition.key().to_owned(),
            title: definition.title(lang).to_owned(),
            too_low: signed_in.is_some(),
        }),
    }
}

/// Everything the server provides to the UI, as one context value.
#[derive(Clone)]
pub struct Ports {
    pub catalogue: Arc<dyn Catalogue>,
    pub cases: Arc<dyn Cases>,
    pub handling: Arc<dyn Handling>,
    pub admin: Arc<dyn Admin>,
    pub authoring: Arc<dyn Authoring>,
}

/// What a resident posted without JavaScript, when it had errors: the page
/// is rendered again from this, with every value kept.
#[derive(Clone, Debug)]
pub struct PostedForm {
    /// The form version the post was filled in on.
    pub version: u32,
    pub state: FormState,
}

/// A draft just saved for later: the resume link, shown this once (only
/// its hash is stored), and when it stops working.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDraft {
    pub link: String,
    pub secret: String,
    /// The last day, as people read it.
    pub expires_on: String,
    /// The `Set-Cookie` value that forgets the secret once shown.
    pub clear_cookie: String,
    /// The form's title, in the person's language if it has it.
    pub service_title: String,
    /// An e-mail address the form was given for its receipt, if any.
    pub email: Option<String>,
}

/// An address to e-mail a resume link to that came back with an error: the
/// page is drawn again with the link, the address typed and the error.
#[derive(Clone, Debug)]
pub struct PostedResumeMail {
    pub secret: String,
    pub email: String,
    pub error: crate::model::ResumeMailError,
}

/// A survey answer that came back with an error: the receipt is rendered
/// again with it and with the comment typed.
#[derive(Clone, Debug)]
pub struct PostedFeedback {
    pub comment: String,
    pub error: FeedbackError,
}

pub fn ports() -> Result<Ports, AppError> {
    use_context::<Ports>().ok_or_else(|| AppError::Unavailable {
        reference: "no-ports".into(),
    })
}

/// The headers of the request being answered.
pub fn request_headers() -> http::HeaderMap {
    use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default()
}

/// Sends the browser elsewhere instead of this page. A page load gets a
/// plain `302` whatever its `Accept` header says; a server function called
/// from the browser gets the address for the app to follow.
pub fn redirect(path: &str) {
    leptos_axum::redirect(path);
    let is_page = use_context::<http::request::Parts>()
        .is_some_and(|parts| !parts.uri.path().starts_with("/api/"));
    if is_page {
        set_status(302);
    }
}

/// Sets the HTTP status of the page being rendered.
pub fn set_status(code: u16) {
    if let (Some(options), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
}
