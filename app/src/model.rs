//! The values that cross the wire between server functions and pages, and
//! the one error type every server function returns.

use forms::{FieldError, FormDefinition};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The start page's catalogue: every service, and the notices for every
/// page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    pub services: Vec<ServiceCard>,
    pub notices: Vec<Notice>,
}

/// A service as the catalogue shows it, in the requested language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCard {
    pub key: String,
    pub title: String,
    pub description: String,
    pub topics: Vec<String>,
}

/// What a service's start page shows, in the requested language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceStart {
    pub key: String,
    /// The language of the service's own texts when it is not the page's.
    pub content_lang: Option<String>,
    pub title: String,
    pub description: String,
    pub organisation: Option<String>,
    pub processing_days: Option<u32>,
    /// Whether signing in with e-ID is needed.
    pub e_id: bool,
    /// The person may start: the service is open to anyone, or they are
    /// signed in with e-ID at the level it asks for.
    pub may_start: bool,
    /// What to have at hand.
    pub need: Vec<String>,
    pub minutes: Option<u32>,
    pub phone: Option<String>,
    pub visit: Option<String>,
    pub privacy: Option<PrivacyText>,
    pub notices: Vec<Notice>,
}

/// The personal-data notice, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyText {
    pub purpose: String,
    /// The lawful basis, as `legal-basis-<name>` names it in Fluent.
    pub legal_basis: String,
    pub retention_months: u32,
}

/// Everything the form page needs: the definition of the version being
/// filled in, what the person typed so far, and the errors to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormPageData {
    /// Shared, not copied: a definition is large and never changes.
    pub definition: std::sync::Arc<FormDefinition>,
    pub state: FormState,
    pub notices: Vec<Notice>,
}

/// A resume link, shown once after "save and come back later".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedLink {
    pub link: String,
    pub expires_on: String,
    /// The resume secret, posted back to have the link e-mailed.
    pub secret: String,
    /// The address in the e-mail box: one the form was given, or the one
    /// just typed.
    pub email: String,
    pub error: Option<ResumeMailError>,
    /// The link has just been e-mailed; nothing else is shown.
    pub sent: bool,
}

/// An operating notice ("planned maintenance tonight"), in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub text: String,
    /// The language of the text when it is not the page's.
    pub lang: Option<String>,
    /// Something is or will be wrong, rather than for information.
    pub warning: bool,
}

/// What was wrong with the address to e-mail a resume link to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResumeMailError {
    Missing,
    Invalid,
}

/// The check-your-answers page: every answer, under the page it was given
/// on, each with a way back to change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckData {
    pub notices: Vec<Notice>,
    pub key: String,
    pub title: String,
    pub content_lang: Option<String>,
    pub version: u32,
    pub submission_key: String,
    /// The last page of the journey, for the back link.
    pub last_page: String,
    pub sections: Vec<CheckSection>,
    /// Set when sending failed: the page says so, with the reference.
    pub failure_reference: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSection {
    pub page: String,
    pub title: String,
    pub rows: Vec<forms::SummaryRow>,
    /// For each question, where "change" leads: its input on its page,
    /// which then leads back here.
    pub change: BTreeMap<String, String>,
}

/// Where a person is with a form: what they typed, its errors and answers.
/// The server fills it from a post; the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    /// The raw text of each answer as typed (every ticked box of a
    /// checkbox group), so nothing is lost on an error.
    pub values: BTreeMap<String, Vec<String>>,
    pub errors: Vec<FieldError>,
    /// The typed answers the server worked out from the post (computed
    /// values among them), shown until the browser works them out itself.
    pub answers: BTreeMap<String, forms::Value>,
    /// For each group, the posted row of each answered row (see
    /// `Evaluation::rows`).
    pub rows: BTreeMap<String, Vec<usize>>,
    /// The keys of the pages the answers lead through, in order: the
    /// journey, from which the step number and the next page follow.
    pub visible_pages: Vec<String>,
    /// The input to put the cursor in when the page is drawn: the first of
    /// a row just added.
    pub focus: Option<String>,
    /// Makes submitting idempotent: the same key always gives the same case.
    pub submission_key: String,
    /// The draft's revision when the page was drawn (see
    /// `REVISION_INPUT`).
    pub revision: i64,
    /// Set when the answers were valid but could not be stored: the page
    /// says so, with the reference of the failure.
    pub failure_reference: Option<String>,
}

/// What a receipt shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub reference: String,
    pub service_title: String,
    /// When the case was received, already formatted for reading.
    pub submitted_at: String,
    /// How many days handling usually takes, and who is responsible.
    pub processing_days: Option<u32>,
    pub organisation: Option<String>,
    /// The answers as sent, read against the form version they were given
    /// on, in the page's language: the same rows every output uses.
    pub summary: Vec<forms::SummaryRow>,
    /// The language of the form's texts (the summary's labels) when it is
    /// not the page's.
    pub content_lang: Option<String>,
    /// The satisfaction survey under the receipt.
    pub feedback: Feedback,
}

/// Where a person is with the one-question survey on the receipt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// Already answered for this case: the page thanks instead of asking.
    pub given: bool,
    /// What was typed, kept when the answer comes back with an error.
    pub comment: String,
    pub error: Option<FeedbackError>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackError {
    /// No answer to "how easy was it".
    NoRating,
    /// A comment over the limit.
    TooLong,
}

/// The longest comment the survey takes, in characters.
pub const MAX_FEEDBACK_COMMENT: usize = 1_000;

/// A resident's "My cases": their drafts and the cases they sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCases {
    pub drafts: Vec<MyDraft>,
    pub cases: Vec<MyCase>,
}

/// A draft in "My cases".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDraft {
    pub service_title: String,
    /// The service's language when the page's is not offered.
    pub content_lang: Option<String>,
    /// Where to continue it (in this browser, at the page last posted).
    pub href: String,
    pub saved_on: String,
    /// The last day it is kept.
    pub expires_on: String,
}

/// A sent case in "My cases".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCase {
    pub reference: String,
    pub service_title: String,
    pub content_lang: Option<String>,
    pub sent_on: String,
    /// The status's key (`received`, `in-progress`, …) and its name.
    pub status: String,
    pub status_name: String,
    pub status_on: String,
    /// Messages from the handlers not read yet.
    pub unread: u32,
}

/// One case as its resident sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub reference: String,
    pub service_title: String,
    pub content_lang: Option<String>,
    pub sent_at: String,
    pub status: String,
    pub status_name: String,
    /// Whether the resident may write in the case's status.
    pub messages_open: bool,
    /// How many days handling usually takes, as the service says.
    pub processing_days: Option<u32>,
    pub organisation: Option<String>,
    /// Status changes and messages, oldest first.
    pub history: Vec<CaseEvent>,
    /// The answers, read against the form version they were given on.
    pub summary: Vec<forms::SummaryRow>,
    pub files: Vec<CaseFile>,
    /// A message being written that came back with an error.
    pub message: String,
    /// The message form's key: a message posted twice is stored once.
    pub message_key: String,
    pub message_error: Option<MessageError>,
    /// The handlers' request for completion that waits for an answer.
    pub request: Option<CompletionRequest>,
    /// An answer to it that came back with an error: its text and why.
    pub completion: String,
    pub completion_error: Option<CompletionError>,
}

/// What the handlers asked the resident to complete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionRequest {
    pub at: String,
    pub body: String,
    /// Whether files may come with the answer.
    pub wants_files: bool,
}

/// Why an answer to a request for completion was not sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompletionError {
    /// Neither words nor a file.
    Empty,
    TooLong,
    TooManyFiles,
    /// A file (by name) larger than [`MAX_COMPLETION_FILE`].
    FileTooLarge(String),
    /// A file (by name) of a type not in [`COMPLETION_ACCEPT`].
    FileType(String),
}

/// Most files with one answer to a request for completion.
pub const MAX_COMPLETION_FILES: usize = 5;
/// Largest file with an answer to a request for completion, in bytes.
pub const MAX_COMPLETION_FILE: u64 = 10_000_000;
/// The types of file an answer to a request for completion may bring: what
/// a phone's camera or a scanner makes.
pub const COMPLETION_ACCEPT: [&str; 2] = ["application/pdf", "image/*"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub at: String,
    pub what: CaseEventKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseEventKind {
    /// The case moved to this status (its name).
    Status(String),
    Message {
        body: String,
        from_staff: bool,
        /// From the handlers and not read before this view.
        new: bool,
    },
    /// The handlers asked for completion.
    Request { body: String },
    /// The resident's answer to a request, with the files they sent.
    Completion { body: String, files: Vec<CaseFile> },
}

/// A file sent with the case, downloadable by its resident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFile {
    pub name: String,
    pub size: u64,
    pub href: String,
}

/// Why a message to the handlers was not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageError {
    Empty,
    TooLong,
    /// The case is in a status where residents cannot write.
    Closed,
}

/// The longest message a resident can write, in characters.
pub const MAX_MESSAGE: usize = 5_000;

/// The inbox's filter, as its form sends it (a plain GET, so the address
/// of a filtered page can be kept and shared). Empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    pub service: String,
    pub status: String,
    /// `me`, `none` (unassigned) or empty (anyone).
    pub assigned: String,
    /// A case reference or part of an applicant's name.
    pub q: String,
    /// Sent on or after, and on or before (`YYYY-MM-DD`).
    pub from: String,
    pub to: String,
    /// `oldest` or empty (newest first).
    pub sort: String,
    /// From 1.
    pub page: u32,
}

/// One page of a handler's inbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub filter: InboxFilter,
    /// The services the handler handles: key and title.
    pub services: Vec<(String, String)>,
    /// Every status (key and name) and how many matching cases are in it.
    pub counts: Vec<(String, String, u64)>,
    pub rows: Vec<InboxRow>,
    pub total: u64,
    pub pages: u32,
    /// A date in the filter that is not a date.
    pub bad_date: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    pub reference: String,
    pub service_title: String,
    pub applicant: Option<String>,
    pub sent_on: String,
    pub status: String,
    pub status_name: String,
    pub assigned: Option<String>,
}

/// One case as its handler sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandledCase {
    pub reference: String,
    pub service_title: String,
    pub content_lang: Option<String>,
    pub sent_at: String,
    pub status: String,
    pub status_name: String,
    /// The statuses it can be moved to: the service's model.
    pub statuses: Vec<Choice>,
    /// The applicant's name, when they signed in with e-ID.
    pub applicant: Option<String>,
    pub assigned: Option<String>,
    pub assigned_to_me: bool,
    /// Who may be given the case: the service's handlers (id, name), and
    /// the id of the one who has it.
    pub handlers: Vec<Choice>,
    pub assigned_id: String,
    /// Messages need a resident who can read them in "My cases": one who
    /// signed in.
    pub may_message: bool,
    /// A request for completion waits for the resident's answer.
    pub open_request: bool,
    /// Everything that happened, oldest first: status changes, messages,
    /// notes, assignments and reads.
    pub history: Vec<HandlingEvent>,
    pub summary: Vec<forms::SummaryRow>,
    pub files: Vec<CaseFile>,
    /// The form that came back with an error, and what was typed in it.
    pub posted: Option<PostedAction>,
    /// The key of this page's forms: a post made twice is recorded once.
    pub form_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandlingEvent {
    pub at: String,
    /// The member of staff who did it; `None` for the resident or Blankett.
    pub who: Option<String>,
    pub what: HandlingEventKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandlingEventKind {
    Status(String),
    Message {
        body: String,
        from_staff: bool,
    },
    Note(String),
    Assigned(Option<String>),
    Read,
    Request {
        body: String,
        wants_files: bool,
    },
    Completion {
        body: String,
        files: Vec<CaseFile>,
    },
    /// A back-office system (by name) took the case over.
    TakenOver(String),
}

/// Which of the case's forms a post came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandlingAction {
    Status,
    Message,
    Note,
    /// A request for completion.
    Request,
}

/// Cases on one page of the inbox.
pub const INBOX_PAGE: u32 = 25;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedAction {
    pub action: HandlingAction,
    pub text: String,
    pub error: MessageError,
}

/// The errors a page can meet. Internal causes never reach the browser: the
/// server logs them under a reference and sends only the reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("unavailable (reference {reference})")]
    Unavailable { reference: String },
    #[error("request failed: {0}")]
    Request(String),
    /// The service asks for e-ID (at a level the person's sign-in, if any,
    /// does not reach).
    #[error("sign-in required")]
    SignInRequired {
        service: String,
        title: String,
        /// Signed in, but at a lower level of assurance than the service's.
        too_low: bool,
    },
    /// A resident's own page ("My cases"), and nobody signed in.
    #[error("resident sign-in required")]
    ResidentSignInRequired,
    /// A staff page, and no member of staff signed in.
    #[error("staff sign-in required")]
    StaffSignInRequired,
}

/// Why a staff sign-in did not go through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffSignInError {
    Missing,
    Wrong,
    /// Signed in at the municipality's provider, but no account here.
    Unknown,
    /// The provider's answer did not hold (or the person cancelled).
    Failed,
}

/// The staff sign-in page: what was typed and what was wrong, after a post.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSignIn {
    pub username: String,
    pub error: Option<StaffSignInError>,
    /// Through the municipality's identity provider.
    pub provider: bool,
    /// With a local account and password.
    pub local: bool,
}

/// A member of staff's start page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    pub name: String,
    /// Administration is open to them.
    pub administrator: bool,
    /// Form authoring is open to them.
    pub author: bool,
    /// Role names in the page's language.
    pub roles: Vec<String>,
    /// Service titles in the page's language.
    pub services: Vec<String>,
}

/// The roles a member of staff can have.
pub const ROLES: [&str; 3] = ["administrator", "author", "handler"];

/// A choice in a list: its value and what it is called.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// An administration form that came back with errors: what was typed (by
/// input name; a checkbox group's values repeated) and, by input id, the
/// Fluent key of what is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPosted {
    pub form: String,
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
}

impl AdminPosted {
    /// The first value typed for `name`, if this is the form posted.
    pub fn value(&self, form: &str, name: &str) -> Option<String> {
        (self.form == form).then(|| {
            self.values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    }
    /// Every value posted for `name`, if this is the form posted.
    pub fn values(&self, form: &str, name: &str) -> Option<Vec<String>> {
        (self.form == form).then(|| {
            self.values
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .collect()
        })
    }
}

/// A secret shown once, just after it was made: an API token, a webhook's
/// signing secret, or a new member of staff's first password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownOnce {
    /// `token`, `webhook` or `password`.
    pub kind: String,
    pub secret: String,
}

/// The administrators' start page: organisations, staff and services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOverview {
    pub organisations: Vec<AdminOrganisation>,
    pub staff: Vec<AdminStaff>,
    pub services: Vec<AdminService>,
    pub posted: Option<AdminPosted>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrganisation {
    pub key: String,
    pub name: String,
    pub members: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminStaff {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub organisation: Option<String>,
    /// Role keys.
    pub roles: Vec<String>,
    /// Service titles.
    pub services: Vec<String>,
    pub disabled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminService {
    pub key: String,
    pub title: String,
    pub organisation: Option<String>,
    pub owner: Option<String>,
    pub handlers: Vec<String>,
    pub default_handler: Option<String>,
}

/// A member of staff as the form to add or change one shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEdit {
    /// `None` for a new one.
    pub id: Option<i64>,
    pub username: String,
    pub name: String,
    pub organisation: String,
    pub roles: Vec<String>,
    pub services: Vec<String>,
    pub disabled: bool,
    /// Signs in through the municipality's identity provider only.
    pub provider_only: bool,
    pub organisations: Vec<Choice>,
    pub all_services: Vec<Choice>,
    pub posted: Option<AdminPosted>,
    pub shown_once: Option<ShownOnce>,
}

/// Who owns and handles a service, as its form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEdit {
    pub key: String,
    pub title: String,
    pub organisation: String,
    pub owner: String,
    /// Staff ids, as text.
    pub handlers: Vec<String>,
    pub default_handler: String,
    pub organisations: Vec<Choice>,
    /// Every active member of staff.
    pub staff: Vec<Choice>,
    pub posted: Option<AdminPosted>,
}

/// API tokens, webhooks and the latest deliveries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integrations {
    pub tokens: Vec<TokenRow>,
    pub webhooks: Vec<WebhookRow>,
    pub deliveries: Vec<DeliveryRow>,
    pub services: Vec<Choice>,
    pub posted: Option<AdminPosted>,
    pub shown_once: Option<ShownOnce>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRow {
    pub id: i64,
    pub system: String,
    pub service: String,
    pub created: String,
    pub last_used: Option<String>,
    pub revoked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookRow {
    pub id: i64,
    pub service: String,
    pub url: String,
    pub created: String,
    pub removed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub webhook_id: i64,
    pub event: String,
    pub reference: String,
    pub created: String,
    pub attempts: i64,
    /// `delivered`, `failed` or `waiting`.
    pub state: String,
    /// When it was delivered, given up, or is tried next.
    pub when: String,
    pub last_error: Option<String>,
}

/// The services an author may edit, and the ways to start a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoringList {
    pub services: Vec<AuthoredService>,
    /// The demo services, offered as templates.
    pub templates: Vec<Choice>,
    pub posted: Option<AdminPosted>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoredService {
    pub key: String,
    pub title: String,
    pub live_version: Option<u32>,
    pub has_draft: bool,
}

/// A draft's page drawn as residents will see it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PreviewData {
    pub key: String,
    pub title: String,
    /// The form, with nothing answered; `None` while the draft has
    /// problems.
    pub data: Option<FormPageData>,
    /// The page shown, and every page (key, heading).
    pub page: String,
    pub pages: Vec<Choice>,
    /// The language shown, and every language of the form.
    pub lang: String,
    pub languages: Vec<Choice>,
    /// At a phone's width (else a desktop's).
    pub phone: bool,
}

/// A service's draft as its author works on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraftView {
    pub key: String,
    pub title: String,
    pub live_version: Option<u32>,
    pub has_draft: bool,
    /// The draft as written, or the live version's definition to start from.
    pub text: String,
    /// Why the text does not read as a definition (the reader's words).
    pub unreadable: Option<String>,
    /// What stops it from being published, each where it is.
    pub problems: Vec<ProblemRow>,
    /// What it changes against the live version.
    pub changes: Option<DraftChanges>,
    /// Residents' open drafts on the live version, and how many of them
    /// the change affects.
    pub open_drafts: u64,
    pub affected_drafts: u64,
    /// Just published: the new version.
    pub published: Option<u32>,
    pub posted: Option<AdminPosted>,
    /// The draft's pages and questions to edit, when it reads.
    pub builder: Option<BuilderView>,
}

/// A service's versions and what residents are offered of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionsView {
    pub key: String,
    pub title: String,
    /// The version new residents get now; `None` while taken down.
    pub offered: Option<u32>,
    /// Newest first.
    pub versions: Vec<VersionItem>,
    /// Publications still to come, soonest first.
    pub scheduled: Vec<ScheduledItem>,
    pub posted: Option<AdminPosted>,
    /// Whether accessibility checks can be run on this server.
    pub checks_available: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionItem {
    pub version: u32,
    pub published_on: String,
    /// Cases sent on this version.
    pub cases: i64,
    /// Its newest accessibility check.
    pub check: Option<CheckItem>,
}

/// One run of the accessibility check of a version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckItem {
    /// `queued`, `running`, `passed`, `failed` (violations found) or
    /// `error` (the check could not run).
    pub state: String,
    pub requested_on: String,
    pub finished_on: Option<String>,
    /// How many views were checked.
    pub views: i64,
    pub violations: i64,
    /// Where the log says why a run could not run.
    pub reference: Option<String>,
}

/// The newest accessibility check of a version and its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessibilityView {
    pub key: String,
    pub title: String,
    pub version: u32,
    /// Whether checks can be run on this server.
    pub available: bool,
    pub check: Option<CheckItem>,
    /// The axe-core version that checked.
    pub axe: String,
    pub views: Vec<CheckedView>,
}

/// A page checked: where, in which language and how, and what was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedView {
    pub address: String,
    /// The language's own name.
    pub language: String,
    /// The page's title; `None`: the service's start page.
    pub page: Option<String>,
    /// Drawn with the errors of an empty answer.
    pub errors: bool,
    pub javascript: bool,
    /// Why it could not be checked.
    pub failure: Option<String>,
    pub violations: Vec<ViolationItem>,
}

/// A rule of axe-core a page breaks, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViolationItem {
    pub rule: String,
    pub impact: String,
    /// axe-core's description, in English.
    pub help: String,
    pub help_url: String,
    pub targets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledItem {
    pub id: i64,
    /// The version offered from then; `None`: taken down then.
    pub version: Option<u32>,
    pub at: String,
}

/// What was counted of a service, or of several, over a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub views: i64,
    pub starts: i64,
    pub saved: i64,
    pub submitted: i64,
    pub e_id: i64,
    /// The median time from the first page to sending, in seconds.
    pub median_seconds: Option<i64>,
}

impl Figures {
    /// Of those who started, the share who sent, in whole per cent.
    pub fn completion_percent(&self) -> Option<i64> {
        (self.starts > 0).then(|| (self.submitted * 100 / self.starts).min(100))
    }

    /// Of what was sent, the share sent signed in with e-ID, in per cent.
    pub fn e_id_percent(&self) -> Option<i64> {
        (self.submitted > 0).then(|| self.e_id * 100 / self.submitted)
    }
}

/// Statistics over a period: of one service (`key`), or the summary of
/// every service the author may edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsView {
    pub key: Option<String>,
    pub title: String,
    /// The period, as dates (`YYYY-MM-DD`), both days included.
    pub from: String,
    pub to: String,
    /// A period that does not read, as a Fluent key; the figures are then
    /// of the last 30 days.
    pub error: Option<String>,
    pub totals: Figures,
    /// Each day of the period.
    pub days: Vec<(String, Figures)>,
    /// One service's pages in order: where drafts were left.
    pub pages: Vec<PageFigures>,
    /// The summary's services: (key, title, figures).
    pub services: Vec<(String, String, Figures)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFigures {
    pub title: String,
    /// Drafts that expired unsent on this page during the period.
    pub left: i64,
    /// Drafts open now, last on this page.
    pub open: i64,
}

/// A text in each of the form's languages: (language tag, text), in the
/// form's order; an empty text is one still to write.
pub type Texts = Vec<(String, String)>;

/// What the builder edits of a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderView {
    /// The form's languages: tag and name.
    pub languages: Vec<Choice>,
    pub title: Texts,
    pub description: Texts,
    pub pages: Vec<BuilderPage>,
    /// The kinds of question that can be added.
    pub kinds: Vec<Choice>,
    /// Every question's key, for conditions.
    pub field_keys: Vec<String>,
    /// Checks across questions, each shown at one question.
    pub rules: Vec<BuilderRule>,
    /// What the service says of itself besides its name: languages, who
    /// is responsible, signing in, personal data, the start page, who
    /// gets the receipt.
    pub details: BuilderDetails,
    /// The statuses its cases move through: its own, or (`own_statuses`
    /// false) Blankett's.
    pub own_statuses: bool,
    pub statuses: Vec<BuilderStatus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderStatus {
    pub key: String,
    pub name: Texts,
    /// Whether residents may write to the handlers while a case is in it.
    pub messages: bool,
    /// One Blankett itself moves cases to: it cannot be taken away.
    pub required: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderDetails {
    /// The form's default language (always offered): tag and name.
    pub default_language: Choice,
    /// Every other language it may be offered in, and whether it is.
    pub languages: Vec<(Choice, bool)>,
    pub organisation: Texts,
    pub processing_days: String,
    /// `anonymous`, `loa2`, `loa3` or `loa4`.
    pub identification: String,
    /// The personal-data notice: its purpose, the GDPR basis (empty: no
    /// notice) and the months a closed case is kept.
    pub purpose: Texts,
    pub legal_basis: String,
    pub retention_months: String,
    /// The start page: what to have at hand (one item per line), minutes,
    /// a telephone number and where to go in person.
    pub need: Texts,
    pub minutes: String,
    pub phone: String,
    pub visit: Texts,
    /// The e-mail questions (outside repeating groups): key and label, and
    /// whether the receipt goes to the address given there.
    pub receipt_to: Vec<(Choice, bool)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderRule {
    pub key: String,
    /// The expression that must hold.
    pub check: String,
    /// The question its message is shown at.
    pub field: String,
    pub message: Texts,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderPage {
    pub key: String,
    pub title: Texts,
    pub visible_if: String,
    pub fields: Vec<BuilderField>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderField {
    pub key: String,
    /// The kind's name in the page's language.
    pub kind: String,
    pub label: Texts,
    pub hint: Texts,
    pub required: bool,
    pub visible_if: String,
    /// A choice question's options: value and label by language.
    pub options: Vec<(String, Texts)>,
    /// The kind's own settings, and the condition that makes it required.
    pub settings: Vec<Setting>,
    /// A group's own questions, asked in each row (`None`: not a group).
    pub fields: Option<Vec<BuilderField>>,
}

/// One setting of a question in the builder, posted as `setting.<name>`
/// (or `setting.<name>.<lang>`); its label and hint are the Fluent keys
/// `builder-setting-<name>` and `builder-setting-<name>-hint`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setting {
    pub name: String,
    /// As written now (empty: not set).
    pub value: String,
    /// A text in every language instead of one value.
    pub texts: Option<Texts>,
    /// The values to choose from, when it is a choice (their words are
    /// `builder-setting-<name>-<value>`).
    pub choices: Vec<Choice>,
    /// Written over several lines.
    pub multiline: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemRow {
    /// Where: `pages[1].fields[0].label.en`.
    pub path: String,
    pub message: String,
    /// The page it concerns, and the question on it, when it concerns one
    /// (counted from 0).
    pub page: Option<usize>,
    pub field: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftChanges {
    pub added_pages: Vec<String>,
    pub removed_pages: Vec<String>,
    pub added_fields: Vec<String>,
    pub removed_fields: Vec<String>,
    pub changed_fields: Vec<String>,
}

/// Who is signed in, as every page may show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    /// A resident (with "My cases"), not a member of staff.
    pub resident: bool,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}
