//! Form authoring: the version of a service being edited (`form_drafts`,
//! migration 0016), its problems, what it changes against the live
//! version, import and export as JSON or TOML, and publishing.
//!
//! Only authors of the service's organisation (the `services` table's,
//! set by administrators) may edit it; administrators may edit any. A
//! draft is kept as written, even when it does not compile, so nothing an
//! author wrote is lost; it can only be published once it compiles.
//! Publishing makes it an immutable row of `form_versions` (the next
//! version number), loads it into the running catalogue, deletes the draft
//! and writes the audit log; earlier versions stay, and every resident's
//! draft and case stays on its own.

use crate::catalogue::FormStore;
use crate::db::{self, Db};
use app::ssr::StaffSignedIn;
use forms::{CompileProblem, FormDefinition, FormSpec};
use std::sync::{Arc, RwLock};

/// A definition's text formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Toml,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// A definition as text: JSON (pretty) or TOML. Reading it back with
/// [`import`] gives the same definition.
pub fn export(spec: &FormSpec, format: Format) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(spec)
            .map(|t| t + "\n")
            .map_err(|e| e.to_string()),
        Format::Toml => forms::spec_to_toml(spec),
    }
}

/// Reads a definition written as JSON (it starts with `{`) or TOML.
pub fn import(text: &str) -> Result<FormSpec, String> {
    if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        forms::spec_from_toml(text)
    }
}

/// Whether `staff` may edit service `key`: an administrator, or an author
/// of the organisation that owns it. A service no organisation owns yet
/// is the administrators'.
pub async fn may_author(db: &Db, staff: &StaffSignedIn, key: &str) -> Result<bool, sqlx::Error> {
    if staff.roles.iter().any(|r| r == "administrator") {
        return Ok(true);
    }
    if !staff.roles.iter().any(|r| r == "author") {
        return Ok(false);
    }
    let owner = db::authoring::owner(&db.pool, key).await?;
    let mine = organisation_of(db, staff.staff_id).await?;
    Ok(owner.is_some() && owner == mine)
}

/// A member of staff's organisation.
pub async fn organisation_of(db: &Db, staff_id: i64) -> Result<Option<i64>, sqlx::Error> {
    Ok(db::staff::by_id(&db.pool, staff_id)
        .await?
        .and_then(|s| s.organisation_id))
}

/// The draft of service `key` as written, if there is one.
pub async fn draft_text(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    db::authoring::draft(&db.pool, key).await
}

/// Every service with a draft.
pub async fn drafted(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    db::authoring::drafted(&db.pool).await
}

/// Saves the draft of `key` as written; with `organisation`, a new service
/// is made that organisation's.
pub async fn save_draft(
    db: &Db,
    key: &str,
    text: &str,
    staff_id: i64,
    organisation: Option<i64>,
) -> Result<(), sqlx::Error> {
    let (key, text, now) = (key.to_owned(), text.to_owned(), db::now_millis());
    db.writer
        .write(move |conn| {
            let (key, text) = (key.clone(), text.clone());
            Box::pin(async move {
                db::authoring::save_draft(conn, &key, &text, staff_id, organisation, now).await
            })
        })
        .await
}

pub async fn discard_draft(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    let key = key.to_owned();
    db.writer
        .write(move |conn| {
            let key = key.clone();
            Box::pin(async move { db::authoring::delete_draft(conn, &key).await })
        })
        .await
}

/// What a draft is: the spec it reads as (or why it does not read), and
/// the definition it compiles to (or its problems).
pub struct Checked {
    pub spec: Result<FormSpec, String>,
    pub definition: Result<FormDefinition, Vec<CompileProblem>>,
}

pub fn check(text: &str) -> Checked {
    let spec = import(text);
    let definition = match &spec {
        Ok(spec) => forms::compile(spec.clone()),
        Err(_) => Err(Vec::new()),
    };
    Checked { spec, definition }
}

/// How many residents' open drafts are on the live version of `key`, and
/// how many of them `new` would affect (an answer dropped or checked
/// again, `forms::Changes::affects`).
pub async fn open_drafts(
    db: &Db,
    forms: &RwLock<FormStore>,
    key: &str,
    new: &FormDefinition,
) -> Result<(u64, u64), sqlx::Error> {
    let live = {
        let store = forms.read().unwrap_or_else(|e| e.into_inner());
        store
            .live(key)
            .or_else(|| store.get(key, None))
            .map(|p| (p.id, p.definition.clone()))
    };
    let Some((live_id, live)) = live else {
        return Ok((0, 0));
    };
    let changes = forms::compare(&live, new);
    let rows = db::authoring::open_answers(&db.pool, live_id, db::now_millis()).await?;
    let affected = rows
        .iter()
        .filter(|text| {
            let answers: std::collections::BTreeMap<String, serde_json::Value> =
                serde_json::from_str(text).unwrap_or_default();
            changes.affects(answers.keys().map(String::as_str))
        })
        .count();
    Ok((rows.len() as u64, affected as u64))
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("there is no draft")]
    NoDraft,
    #[error("the draft has problems")]
    Problems,
    #[error("the draft is of another service")]
    OtherKey,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error("the published forms could not be loaded again: {0}")]
    Reload(String),
}

/// Publishes the draft of `key` as the next version number: stored, the
/// draft deleted, offered to new residents from `at` (now if `None`), the
/// audit log written, the forms loaded again. Gives the version.
pub async fn publish(
    db: &Db,
    forms: &Arc<RwLock<FormStore>>,
    key: &str,
    staff: &StaffSignedIn,
    at: Option<i64>,
) -> Result<u32, PublishError> {
    let text = draft_text(db, key).await?.ok_or(PublishError::NoDraft)?;
    let mut spec = import(&text).map_err(|_| PublishError::Problems)?;
    if spec.key != key {
        return Err(PublishError::OtherKey);
    }
    let newest = db::authoring::newest_version(&db.pool, key).await?;
    let version = u32::try_from(newest.unwrap_or(0) + 1).unwrap_or(u32::MAX);
    spec.version = version;
    let definition = forms::compile(spec).map_err(|_| PublishError::Problems)?;
    let stored =
        serde_json::to_string(&definition).map_err(|e| PublishError::Reload(e.to_string()))?;
    let now = db::now_millis();
    let publication = Publication {
        key: key.to_owned(),
        version: Some(i64::from(version)),
        at: at.unwrap_or(now),
        now,
        staff_id: staff.staff_id,
        action: "form-published",
    };
    db.writer
        .write(move |conn| {
            let (publication, stored) = (publication.clone(), stored.clone());
            Box::pin(async move {
                // Pinned first, so that a version published for later
                // is not offered as the newest before its time.
                publication.pin(conn).await?;
                db::authoring::insert_version(
                    conn,
                    &publication.key,
                    i64::from(version),
                    &stored,
                    now,
                )
                .await?;
                db::authoring::delete_draft(conn, &publication.key).await?;
                publication.write(conn).await
            })
        })
        .await?;
    reload(db, forms).await?;
    Ok(version)
}

/// What an author changes about what residents are offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offer {
    /// An earlier (or the newest) version offered again.
    Republish(i64),
    /// The service taken down.
    Unpublish,
    /// A publication still to come called off (its row id).
    Cancel(i64),
}

/// Makes the change `offer` to what new residents get of `key`, from `at`
/// (now if `None`), audited, and loads the forms again. `Ok(false)` if
/// there was no such version or scheduled publication.
pub async fn change_offer(
    db: &Db,
    forms: &Arc<RwLock<FormStore>>,
    key: &str,
    staff: &StaffSignedIn,
    offer: Offer,
    at: Option<i64>,
) -> Result<bool, PublishError> {
    let now = db::now_millis();
    let (version, action) = match offer {
        Offer::Republish(v) => {
            let known = forms
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(key, Some(u32::try_from(v).unwrap_or(0)))
                .is_some();
            if !known {
                return Ok(false);
            }
            (Some(v), "form-republished")
        }
        Offer::Unpublish => (None, "form-unpublished"),
        Offer::Cancel(id) => {
            let (k, actor) = (key.to_owned(), format!("staff:{}", staff.staff_id));
            let staff_id = staff.staff_id;
            let cancelled = db
                .writer
                .write(move |conn| {
                    let (k, actor) = (k.clone(), actor.clone());
                    Box::pin(async move {
                        if !db::authoring::cancel_publication(conn, &k, id, now).await? {
                            return Ok(false);
                        }
                        db::authoring::hold_if_unoffered(conn, &k, now, staff_id).await?;
                        let entry = db::audit::Entry {
                            at: now,
                            actor,
                            action: "form-publication-cancelled".into(),
                            subject: format!("service:{k}"),
                            detail: format!("publication {id}"),
                        };
                        db::audit::insert(conn, &entry).await?;
                        Ok(true)
                    })
                })
                .await?;
            reload(db, forms).await?;
            return Ok(cancelled);
        }
    };
    let publication = Publication {
        key: key.to_owned(),
        version,
        at: at.unwrap_or(now),
        now,
        staff_id: staff.staff_id,
        action,
    };
    db.writer
        .write(move |conn| {
            let publication = publication.clone();
            Box::pin(async move {
                publication.pin(conn).await?;
                publication.write(conn).await
            })
        })
        .await?;
    reload(db, forms).await?;
    Ok(true)
}

/// One row of `publications` to write, with its audit entry.
#[derive(Clone)]
struct Publication {
    key: String,
    version: Option<i64>,
    at: i64,
    now: i64,
    staff_id: i64,
    action: &'static str,
}

impl Publication {
    /// A service never published through the builder offers its newest
    /// version: that is written down first as what it offers now.
    async fn pin(&self, conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
        db::authoring::pin_newest(conn, &self.key, self.now, self.staff_id).await
    }

    async fn write(&self, conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
        db::authoring::insert_publication(
            conn,
            &self.key,
            self.version,
            self.at,
            self.now,
            self.staff_id,
        )
        .await?;
        let what = self
            .version
            .map_or_else(|| "taken down".to_owned(), |v| format!("version {v}"));
        let entry = db::audit::Entry {
            at: self.now,
            actor: format!("staff:{}", self.staff_id),
            action: self.action.into(),
            subject: format!("service:{}", self.key),
            detail: if self.at > self.now {
                format!("{what} from {}", self.at)
            } else {
                what
            },
        };
        db::audit::insert(conn, &entry).await
    }
}

async fn reload(db: &Db, forms: &RwLock<FormStore>) -> Result<(), PublishError> {
    crate::catalogue::reload_if_stale(db, forms)
        .await
        .map(|_| ())
        .map_err(|e| PublishError::Reload(e.to_string()))
}

/// The kinds of question the builder adds (a new choice question comes
/// with two options to rename).
pub const ADDABLE_KINDS: [&str; 19] = [
    "short_text",
    "long_text",
    "email",
    "phone",
    "postal_code",
    "postal_address",
    "integer",
    "decimal",
    "date",
    "yes_no",
    "single_choice",
    "multiple_choice",
    "consent",
    "personal_identity_number",
    "organisation_number",
    "file",
    "computed",
    "information",
    "group",
];

/// One change the builder makes to a definition, as its forms post it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The form's title and description, by language.
    Texts {
        title: forms::Text,
        description: forms::Text,
    },
    AddPage {
        key: String,
        title: String,
    },
    MovePage {
        page: usize,
        up: bool,
    },
    RemovePage {
        page: usize,
    },
    /// A page's title by language, and its condition.
    SetPage {
        page: usize,
        title: forms::Text,
        visible_if: Option<String>,
    },
    /// A question on page `page`, or (with `group`) in each row of its
    /// group question `group`; so for the other question edits.
    AddField {
        page: usize,
        group: Option<usize>,
        kind: String,
        key: String,
        label: String,
    },
    MoveField {
        page: usize,
        group: Option<usize>,
        field: usize,
        up: bool,
    },
    RemoveField {
        page: usize,
        group: Option<usize>,
        field: usize,
    },
    /// A question's label and hint by language, whether it must be
    /// answered, and when it is asked.
    SetField {
        page: usize,
        group: Option<usize>,
        field: usize,
        label: forms::Text,
        hint: forms::Text,
        required: bool,
        visible_if: Option<String>,
        /// A choice question's options in order: value and label by
        /// language (`None` for other questions).
        options: Option<Vec<(String, forms::Text)>>,
        /// The kind's settings as posted (`setting.<name>` without the
        /// prefix; see `field_settings`).
        settings: std::collections::BTreeMap<String, String>,
    },
    /// A check across questions: a new one (`rule: None`) or the n-th.
    SetRule {
        rule: Option<usize>,
        key: String,
        check: String,
        field: String,
        message: forms::Text,
    },
    RemoveRule {
        rule: usize,
    },
    /// The service's details (languages, responsibility, signing in,
    /// personal data, start page, receipt).
    Details(Details),
    /// The service gets statuses of its own (Blankett's to begin with),
    /// or (`false`) goes back to Blankett's.
    OwnStatuses(bool),
    /// Every status's name by language and whether residents may write
    /// in it, in order.
    SetStatuses(Vec<(forms::Text, bool)>),
    AddStatus {
        key: String,
        name: String,
    },
    MoveStatus {
        status: usize,
        up: bool,
    },
    RemoveStatus {
        status: usize,
    },
}

/// Why an edit could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// A page or question that is not there (the form changed meanwhile).
    Gone,
    /// A key that is not `a-z0-9-`, starting with a letter.
    BadKey,
    /// A key the form already has.
    TakenKey,
    UnknownKind,
    /// A new page or question needs its text.
    NoText,
    /// A setting whose value does not read (its name).
    BadSetting(String),
    /// A status Blankett itself needs.
    Required,
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Text by language with empty entries left out.
fn kept(text: forms::Text) -> forms::Text {
    text.into_iter()
        .map(|(l, t)| (l, t.trim().to_owned()))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// Makes `edit` to `spec`.
pub fn apply(spec: &mut FormSpec, edit: Edit) -> Result<(), EditError> {
    let lang = spec
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| "sv".into());
    let keys: Vec<String> = spec
        .pages
        .iter()
        .flat_map(|p| {
            std::iter::once(p.key.clone()).chain(p.fields.iter().flat_map(|f| {
                let inner: Vec<String> = match &f.kind {
                    forms::FieldKind::Group { fields, .. } => {
                        fields.iter().map(|g| g.key.clone()).collect()
                    }
                    _ => Vec::new(),
                };
                std::iter::once(f.key.clone()).chain(inner)
            }))
        })
        .collect();
    let swap = |len: usize, at: usize, up: bool| -> Option<usize> {
        if up {
            at.checked_sub(1)
        } else {
            Some(at + 1).filter(|n| *n < len)
        }
    };
    match edit {
        Edit::Texts { title, description } => {
            spec.title = kept(title);
            spec.description = kept(description);
        }
        Edit::AddPage { key, title } => {
            if !is_key(&key) {
                return Err(EditError::BadKey);
            }
            if keys.contains(&key) {
                return Err(EditError::TakenKey);
            }
            if title.trim().is_empty() {
                return Err(EditError::NoText);
            }
            spec.pages.push(forms::PageSpec {
                key,
                title: [(lang, title.trim().to_owned())].into_iter().collect(),
                visible_if: None,
                fields: Vec::new(),
            });
        }
        Edit::MovePage { page, up } => {
            let other = swap(spec.pages.len(), page, up).ok_or(EditError::Gone)?;
            if page >= spec.pages.len() {
                return Err(EditError::Gone);
            }
            spec.pages.swap(page, other);
        }
        Edit::RemovePage { page } => {
            if page >= spec.pages.len() {
                return Err(EditError::Gone);
            }
            spec.pages.remove(page);
        }
        Edit::SetPage {
            page,
            title,
            visible_if,
        } => {
            let p = spec.pages.get_mut(page).ok_or(EditError::Gone)?;
            p.title = kept(title);
            p.visible_if = visible_if.filter(|v| !v.trim().is_empty());
        }
        Edit::AddField {
            page,
            group,
            kind,
            key,
            label,
        } => {
            // No group inside a group.
            if !ADDABLE_KINDS.contains(&kind.as_str()) || (group.is_some() && kind == "group") {
                return Err(EditError::UnknownKind);
            }
            if !is_key(&key) {
                return Err(EditError::BadKey);
            }
            if keys.contains(&key) {
                return Err(EditError::TakenKey);
            }
            if label.trim().is_empty() {
                return Err(EditError::NoText);
            }
            let languages = spec.languages.clone();
            let target = questions(spec, page, group)?;
            let mut field = serde_json::json!({
                "key": key,
                "type": kind,
                "label": { lang.clone(): label.trim() },
            });
            if kind.ends_with("_choice") {
                let option = |n: u32| {
                    let label: serde_json::Map<String, serde_json::Value> = languages
                        .iter()
                        .map(|l| (l.clone(), format!("{n}").into()))
                        .collect();
                    serde_json::json!({ "value": format!("option-{n}"), "label": label })
                };
                field["options"] = serde_json::json!([option(1), option(2)]);
            }
            // What the other kinds need to be one, to change in its settings.
            match kind.as_str() {
                "file" => {
                    field["accept"] =
                        serde_json::json!(["application/pdf", "image/jpeg", "image/png"]);
                    field["max_bytes"] = serde_json::json!(10 * 1024 * 1024);
                }
                "computed" => field["expression"] = "0".into(),
                // A row is called what the question is, to begin with; its
                // questions are added on the group's own page.
                "group" => {
                    field["row_label"] = serde_json::json!({ lang.clone(): label.trim() });
                    field["fields"] = serde_json::json!([]);
                }
                // Information starts with one paragraph: its heading's words.
                "information" => {
                    field["blocks"] = serde_json::json!([{
                        "block": "paragraph",
                        "text": { lang.clone(): label.trim() },
                    }]);
                }
                _ => {}
            }
            let field: forms::FieldSpec =
                serde_json::from_value(field).map_err(|_| EditError::UnknownKind)?;
            target.push(field);
        }
        Edit::SetRule {
            rule,
            key,
            check,
            field,
            message,
        } => {
            if !is_key(&key) {
                return Err(EditError::BadKey);
            }
            if spec
                .rules
                .iter()
                .enumerate()
                .any(|(n, r)| r.key == key && Some(n) != rule)
            {
                return Err(EditError::TakenKey);
            }
            if check.trim().is_empty() || message.values().all(|m| m.trim().is_empty()) {
                return Err(EditError::NoText);
            }
            let new = forms::RuleSpec {
                key,
                check: check.trim().to_owned(),
                field,
                message: kept(message),
            };
            match rule {
                None => spec.rules.push(new),
                Some(n) => *spec.rules.get_mut(n).ok_or(EditError::Gone)? = new,
            }
        }
        Edit::Details(details) => set_details(spec, details)?,
        Edit::OwnStatuses(own) => {
            spec.statuses = if own { statuses_of(spec) } else { Vec::new() };
        }
        Edit::SetStatuses(statuses) => {
            if statuses.len() != spec.statuses.len() {
                return Err(EditError::Gone);
            }
            for (status, (name, messages)) in spec.statuses.iter_mut().zip(statuses) {
                status.name = kept_over(Some(&status.name), name);
                status.messages = messages;
            }
        }
        Edit::AddStatus { key, name } => {
            if spec.statuses.is_empty() {
                return Err(EditError::Gone);
            }
            if !is_key(&key) {
                return Err(EditError::BadKey);
            }
            if spec.statuses.iter().any(|s| s.key == key) {
                return Err(EditError::TakenKey);
            }
            if name.trim().is_empty() {
                return Err(EditError::NoText);
            }
            // Before "closed", which ends every model.
            let at = spec
                .statuses
                .iter()
                .position(|s| s.key == "closed")
                .unwrap_or(spec.statuses.len());
            spec.statuses.insert(
                at,
                forms::StatusSpec {
                    key,
                    name: [(lang.clone(), name.trim().to_owned())]
                        .into_iter()
                        .collect(),
                    messages: true,
                },
            );
        }
        Edit::MoveStatus { status, up } => {
            let other = swap(spec.statuses.len(), status, up)
                .filter(|_| status < spec.statuses.len())
                .ok_or(EditError::Gone)?;
            spec.statuses.swap(status, other);
        }
        Edit::RemoveStatus { status } => {
            let found = spec.statuses.get(status).ok_or(EditError::Gone)?;
            if forms::REQUIRED_STATUSES.contains(&found.key.as_str()) {
                return Err(EditError::Required);
            }
            spec.statuses.remove(status);
        }
        Edit::RemoveRule { rule } => {
            if rule >= spec.rules.len() {
                return Err(EditError::Gone);
            }
            spec.rules.remove(rule);
        }
        Edit::MoveField {
            page,
            group,
            field,
            up,
        } => {
            let fields = questions(spec, page, group)?;
            if field >= fields.len() {
                return Err(EditError::Gone);
            }
            let other = swap(fields.len(), field, up).ok_or(EditError::Gone)?;
            fields.swap(field, other);
        }
        Edit::RemoveField { page, group, field } => {
            let fields = questions(spec, page, group)?;
            if field >= fields.len() {
                return Err(EditError::Gone);
            }
            let removed = fields.remove(field);
            spec.receipt_to.retain(|k| *k != removed.key);
        }
        Edit::SetField {
            page,
            group,
            field,
            label,
            hint,
            required,
            visible_if,
            options,
            settings,
        } => {
            let languages = spec.languages.clone();
            let f = questions(spec, page, group)?
                .get_mut(field)
                .ok_or(EditError::Gone)?;
            let get = |name: &str| {
                settings
                    .get(name)
                    .map(|v| v.trim().to_owned())
                    .unwrap_or_default()
            };
            let texts = |name: &str| -> forms::Text {
                languages
                    .iter()
                    .map(|l| {
                        (
                            l.clone(),
                            settings
                                .get(&format!("{name}.{l}"))
                                .cloned()
                                .unwrap_or_default(),
                        )
                    })
                    .collect()
            };
            crate::field_settings::set(f, &get, &texts).map_err(EditError::BadSetting)?;
            f.label = kept(label);
            let hint = kept(hint);
            f.hint = (!hint.is_empty()).then_some(hint);
            f.required = required;
            f.visible_if = visible_if.filter(|v| !v.trim().is_empty());
            if let (
                Some(options),
                forms::FieldKind::SingleChoice { options: had, .. }
                | forms::FieldKind::MultipleChoice { options: had, .. },
            ) = (options, &mut f.kind)
            {
                *had = options
                    .into_iter()
                    .map(|(value, label)| forms::ChoiceOption {
                        value: value.trim().to_owned(),
                        label: kept(label),
                    })
                    .collect();
            }
        }
    }
    Ok(())
}

/// The questions of page `page`, or (with `group`) those in each row of
/// its group question `group`.
fn questions(
    spec: &mut FormSpec,
    page: usize,
    group: Option<usize>,
) -> Result<&mut Vec<forms::FieldSpec>, EditError> {
    let fields = &mut spec.pages.get_mut(page).ok_or(EditError::Gone)?.fields;
    match group {
        None => Ok(fields),
        Some(g) => match fields.get_mut(g).map(|f| &mut f.kind) {
            Some(forms::FieldKind::Group { fields, .. }) => Ok(fields),
            _ => Err(EditError::Gone),
        },
    }
}

/// A condition written with the guided editor: the question, how it is
/// compared and the value, as the engine's expression.
pub fn condition(field: &str, comparison: &str, value: &str) -> Option<String> {
    if !is_key(field) {
        return None;
    }
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    match comparison {
        "is" => Some(format!("${field} == {quoted}")),
        "is-not" => Some(format!("${field} != {quoted}")),
        "yes" => Some(format!("${field} == true")),
        "no" => Some(format!("${field} == false")),
        "answered" => Some(format!("answered(${field})")),
        _ => None,
    }
}

impl app::ssr::Authoring for crate::catalogue::CatalogueService {
    fn list<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, app::model::AuthoringList> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("listing a member of staff's forms", e);
            let lang = locale.tag();
            // Every service with a version, and the version offered now.
            let live: Vec<(String, String, Option<u32>)> = self.read(|s| {
                s.newest()
                    .iter()
                    .map(|d| {
                        let offered = s.live(d.key()).map(|p| p.definition.version());
                        (d.key().to_owned(), d.title(lang).to_owned(), offered)
                    })
                    .collect()
            });
            let drafts = drafted(&self.db).await.map_err(failed)?;
            let mut services = Vec::new();
            for (key, title, version) in &live {
                if may_author(&self.db, staff, key).await.map_err(failed)? {
                    services.push(app::model::AuthoredService {
                        key: key.clone(),
                        title: title.clone(),
                        live_version: *version,
                        has_draft: drafts.contains(key),
                    });
                }
            }
            for key in drafts
                .iter()
                .filter(|k| !live.iter().any(|(l, _, _)| l == *k))
            {
                if may_author(&self.db, staff, key).await.map_err(failed)? {
                    let text = draft_text(&self.db, key)
                        .await
                        .map_err(failed)?
                        .unwrap_or_default();
                    let title = import(&text)
                        .ok()
                        .and_then(|s| {
                            s.title
                                .get(lang)
                                .or_else(|| s.title.values().next())
                                .cloned()
                        })
                        .unwrap_or_else(|| key.clone());
                    services.push(app::model::AuthoredService {
                        key: key.clone(),
                        title,
                        live_version: None,
                        has_draft: true,
                    });
                }
            }
            let templates = crate::demo::DEFINITIONS
                .iter()
                .filter_map(|(file, text)| {
                    let spec = crate::demo::parse(file, text).ok()?;
                    let label = spec
                        .title
                        .get(lang)
                        .or_else(|| spec.title.values().next())?
                        .clone();
                    Some(app::model::Choice {
                        value: spec.key,
                        label,
                    })
                })
                .collect();
            Ok(app::model::AuthoringList {
                services,
                templates,
                posted: None,
            })
        })
    }

    fn draft<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, Option<app::model::FormDraftView>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("loading a form's draft", e);
            let lang = locale.tag();
            let live = self.read(|s| {
                s.live(key)
                    .or_else(|| s.get(key, None))
                    .map(|p| p.definition.clone())
            });
            let draft = draft_text(&self.db, key).await.map_err(failed)?;
            if (live.is_none() && draft.is_none())
                || !may_author(&self.db, staff, key).await.map_err(failed)?
            {
                return Ok(None);
            }
            let has_draft = draft.is_some();
            let text = match draft {
                Some(text) => text,
                None => live
                    .as_ref()
                    .and_then(|d| export(d.spec(), Format::Json).ok())
                    .unwrap_or_default(),
            };
            let checked = check(&text);
            let unreadable = checked.spec.as_ref().err().cloned();
            let mut problems: Vec<app::model::ProblemRow> = match &checked.definition {
                Err(problems) => problems.iter().map(|p| problem_row(p, locale)).collect(),
                Ok(_) => Vec::new(),
            };
            if let Ok(spec) = &checked.spec {
                if spec.key != key {
                    problems.insert(
                        0,
                        app::model::ProblemRow {
                            page: None,
                            field: None,
                            path: "key".into(),
                            message: locale.t_args(
                                "problem-key-changed",
                                &[("key", app::i18n::FluentArg::Str(key.to_owned()))],
                            ),
                        },
                    );
                }
            }
            // A title being written may be empty in some language: the
            // heading falls back to one that is not, and then to the key.
            let title = checked
                .spec
                .as_ref()
                .ok()
                .and_then(|s| {
                    s.title
                        .get(lang)
                        .filter(|t| !t.trim().is_empty())
                        .or_else(|| s.title.values().find(|t| !t.trim().is_empty()))
                        .cloned()
                })
                .or_else(|| live.as_ref().map(|d| d.title(lang).to_owned()))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| key.to_owned());
            let (changes, open, affected) = match (&live, &checked.definition) {
                (Some(live), Ok(new)) if has_draft => {
                    let c = forms::compare(live, new);
                    let (open, affected) = open_drafts(&self.db, &self.forms, key, new)
                        .await
                        .map_err(failed)?;
                    let changes = app::model::DraftChanges {
                        added_pages: c.added_pages,
                        removed_pages: c.removed_pages,
                        added_fields: c.added_fields,
                        removed_fields: c.removed_fields,
                        changed_fields: c.changed_fields.into_iter().map(|f| f.field).collect(),
                    };
                    (Some(changes), open, affected)
                }
                _ => (None, 0, 0),
            };
            Ok(Some(app::model::FormDraftView {
                key: key.to_owned(),
                title,
                live_version: live.as_ref().map(|d| d.version()),
                has_draft,
                text,
                unreadable,
                problems,
                changes,
                open_drafts: open,
                affected_drafts: affected,
                published: None,
                posted: None,
                builder: checked
                    .spec
                    .as_ref()
                    .ok()
                    .map(|spec| builder_view(spec, locale)),
            }))
        })
    }

    fn preview<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
    ) -> app::ssr::PortFuture<'a, Option<Result<Arc<FormDefinition>, String>>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("previewing a draft", e);
            let live = self.read(|s| {
                s.live(key)
                    .or_else(|| s.get(key, None))
                    .map(|p| p.definition.clone())
            });
            let draft = draft_text(&self.db, key).await.map_err(failed)?;
            if (live.is_none() && draft.is_none())
                || !may_author(&self.db, staff, key).await.map_err(failed)?
            {
                return Ok(None);
            }
            Ok(Some(match draft {
                None => live.ok_or_else(|| key.to_owned()),
                Some(text) => {
                    let checked = check(&text);
                    match checked.definition {
                        Ok(definition) => Ok(Arc::new(definition)),
                        Err(_) => Err(checked
                            .spec
                            .ok()
                            .and_then(|s| s.title.values().find(|t| !t.trim().is_empty()).cloned())
                            .unwrap_or_else(|| key.to_owned())),
                    }
                }
            }))
        })
    }

    fn versions<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, Option<app::model::VersionsView>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("listing a service's versions", e);
            let (newest, offered) = self.read(|s| {
                (
                    s.get(key, None).map(|p| p.definition.clone()),
                    s.live(key).map(|p| p.definition.version()),
                )
            });
            let Some(newest) = newest else {
                return Ok(None);
            };
            if !may_author(&self.db, staff, key).await.map_err(failed)? {
                return Ok(None);
            }
            let checks = db::accessibility::newest_of_each(&self.db.pool, key)
                .await
                .map_err(failed)?;
            let versions = db::authoring::versions(&self.db.pool, key)
                .await
                .map_err(failed)?
                .into_iter()
                .map(|v| app::model::VersionItem {
                    version: u32::try_from(v.version).unwrap_or(0),
                    published_on: crate::catalogue::format_time(v.published_at, &self.timezone),
                    cases: v.cases,
                    check: checks
                        .iter()
                        .find(|c| c.version == v.version)
                        .map(|c| crate::accessibility::item(c, &self.timezone)),
                })
                .collect();
            let now = db::now_millis();
            let scheduled = db::authoring::publications_of(&self.db.pool, key)
                .await
                .map_err(failed)?
                .into_iter()
                .filter(|(_, _, at)| *at > now)
                .map(|(id, version, at)| app::model::ScheduledItem {
                    id,
                    version: version.and_then(|v| u32::try_from(v).ok()),
                    at: crate::catalogue::format_time(at, &self.timezone),
                })
                .collect();
            Ok(Some(app::model::VersionsView {
                key: key.to_owned(),
                title: newest.title(locale.tag()).to_owned(),
                offered,
                versions,
                scheduled,
                posted: None,
                checks_available: self.checker.available(),
            }))
        })
    }

    fn accessibility<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: &'a str,
        version: u32,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, Option<app::model::AccessibilityView>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("showing an accessibility check", e);
            if !may_author(&self.db, staff, key).await.map_err(failed)? {
                return Ok(None);
            }
            crate::accessibility::shown(
                &self.checker,
                &self.db,
                &self.forms,
                key,
                version,
                &self.timezone,
                locale,
            )
            .await
            .map_err(failed)
        })
    }

    fn statistics<'a>(
        &'a self,
        staff: &'a StaffSignedIn,
        key: Option<&'a str>,
        from: &'a str,
        to: &'a str,
        locale: app::i18n::Locale,
    ) -> app::ssr::PortFuture<'a, Option<app::model::StatisticsView>> {
        Box::pin(async move {
            let failed = |e| crate::error::internal("counting a service's statistics", e);
            let newest: Vec<Arc<FormDefinition>> = self.read(|s| match key {
                Some(key) => s
                    .get(key, None)
                    .map(|p| p.definition.clone())
                    .into_iter()
                    .collect(),
                None => s.newest(),
            });
            let mut services = Vec::new();
            for definition in newest {
                if may_author(&self.db, staff, definition.key())
                    .await
                    .map_err(failed)?
                {
                    services.push(definition);
                }
            }
            if key.is_some() && services.is_empty() {
                return Ok(None);
            }
            // What was counted in this process a moment ago is shown too.
            if let Err(e) = self.stats.flush(&self.db).await {
                tracing::warn!(error = %e, "statistics could not be written before a report");
            }
            crate::statistics::report(
                &self.db,
                &self.timezone,
                key.is_some(),
                &services,
                (from, to),
                locale,
            )
            .await
            .map(Some)
            .map_err(failed)
        })
    }
}

/// A draft's texts by language, in the form's order, each (tag, text).
fn texts(text: &forms::Text, languages: &[String]) -> Vec<(String, String)> {
    languages
        .iter()
        .map(|l| (l.clone(), text.get(l).cloned().unwrap_or_default()))
        .collect()
}

/// What the builder shows of a draft that reads.
pub fn builder_view(spec: &FormSpec, locale: app::i18n::Locale) -> app::model::BuilderView {
    let languages = &spec.languages;
    app::model::BuilderView {
        languages: languages.iter().map(|l| language_choice(l)).collect(),
        title: texts(&spec.title, languages),
        description: texts(&spec.description, languages),
        pages: spec
            .pages
            .iter()
            .map(|p| app::model::BuilderPage {
                key: p.key.clone(),
                title: texts(&p.title, languages),
                visible_if: p.visible_if.clone().unwrap_or_default(),
                fields: p
                    .fields
                    .iter()
                    .map(|f| builder_field(f, languages, locale))
                    .collect(),
            })
            .collect(),
        kinds: ADDABLE_KINDS
            .iter()
            .map(|k| app::model::Choice {
                value: (*k).to_owned(),
                label: locale.t(&format!("kind-{}", k.replace('_', "-"))),
            })
            .collect(),
        field_keys: spec
            .pages
            .iter()
            .flat_map(|p| p.fields.iter().map(|f| f.key.clone()))
            .collect(),
        rules: spec
            .rules
            .iter()
            .map(|r| app::model::BuilderRule {
                key: r.key.clone(),
                check: r.check.clone(),
                field: r.field.clone(),
                message: texts(&r.message, languages),
            })
            .collect(),
        details: details_view(spec),
        own_statuses: !spec.statuses.is_empty(),
        statuses: statuses_of(spec)
            .into_iter()
            .map(|s| app::model::BuilderStatus {
                required: forms::REQUIRED_STATUSES.contains(&s.key.as_str()),
                name: texts(&s.name, languages),
                key: s.key,
                messages: s.messages,
            })
            .collect(),
    }
}

/// The service's statuses: its own, or Blankett's named in the form's
/// languages (in the UI's words where Blankett speaks the language).
fn statuses_of(spec: &FormSpec) -> Vec<forms::StatusSpec> {
    if !spec.statuses.is_empty() {
        return spec.statuses.clone();
    }
    let default = spec.languages.first().cloned().unwrap_or_default();
    forms::DEFAULT_STATUSES
        .iter()
        .map(|key| forms::StatusSpec {
            key: (*key).to_owned(),
            name: spec
                .languages
                .iter()
                .map(|l| {
                    let locale = app::i18n::Locale::from_tag(l)
                        .or_else(|| app::i18n::Locale::from_tag(&default))
                        .unwrap_or_default();
                    (l.clone(), locale.t(&format!("case-status-{key}")))
                })
                .collect(),
            messages: *key != "closed",
        })
        .collect()
}

/// A question as the builder shows it, with a group's own questions.
fn builder_field(
    f: &forms::FieldSpec,
    languages: &[String],
    locale: app::i18n::Locale,
) -> app::model::BuilderField {
    let kind = serde_json::to_value(f)
        .ok()
        .and_then(|v| v["type"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let inner = match &f.kind {
        forms::FieldKind::Group { fields, .. } => Some(
            fields
                .iter()
                .map(|g| builder_field(g, languages, locale))
                .collect(),
        ),
        _ => None,
    };
    app::model::BuilderField {
        key: f.key.clone(),
        kind: locale.t(&format!("kind-{}", kind.replace('_', "-"))),
        label: texts(&f.label, languages),
        hint: texts(&f.hint.clone().unwrap_or_default(), languages),
        required: f.required,
        visible_if: f.visible_if.clone().unwrap_or_default(),
        options: match &f.kind {
            forms::FieldKind::SingleChoice { options, .. }
            | forms::FieldKind::MultipleChoice { options, .. } => options
                .iter()
                .map(|o| (o.value.clone(), texts(&o.label, languages)))
                .collect(),
            _ => Vec::new(),
        },
        settings: crate::field_settings::settings_of(f, languages),
        fields: inner,
    }
}

fn language_choice(tag: &str) -> app::model::Choice {
    app::model::Choice {
        value: tag.to_owned(),
        label: app::i18n::Locale::from_tag(tag)
            .map_or_else(|| tag.to_owned(), |l| l.native_name().to_owned()),
    }
}

/// The service's details as the builder shows them.
fn details_view(spec: &FormSpec) -> app::model::BuilderDetails {
    let languages = &spec.languages;
    let default = languages.first().cloned().unwrap_or_else(|| "sv".into());
    let mut others: Vec<String> = languages.iter().skip(1).cloned().collect();
    for locale in app::i18n::Locale::ALL {
        let tag = locale.tag().to_owned();
        if tag != default && !others.contains(&tag) {
            others.push(tag);
        }
    }
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let start = spec.start.clone().unwrap_or_default();
    // Each language's items, one per line.
    let need: forms::Text = languages
        .iter()
        .map(|l| {
            let lines: Vec<&str> = start
                .need
                .iter()
                .map(|t| t.get(l).map_or("", String::as_str))
                .collect();
            (l.clone(), lines.join("\n"))
        })
        .collect();
    let privacy = spec.privacy.as_ref();
    app::model::BuilderDetails {
        default_language: language_choice(&default),
        languages: others
            .iter()
            .map(|l| (language_choice(l), languages.contains(l)))
            .collect(),
        organisation: texts(&spec.organisation.clone().unwrap_or_default(), languages),
        processing_days: number(spec.processing_days),
        identification: match spec.identification {
            forms::Identification::Anonymous => "anonymous".into(),
            forms::Identification::EId { level } => serde_json::to_value(level)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        },
        purpose: texts(
            &privacy.map(|p| p.purpose.clone()).unwrap_or_default(),
            languages,
        ),
        legal_basis: privacy
            .and_then(|p| serde_json::to_value(p.legal_basis).ok())
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "none".into()),
        retention_months: number(privacy.map(|p| p.retention_months)),
        need: texts(&need, languages),
        minutes: number(start.minutes),
        phone: start.phone.clone().unwrap_or_default(),
        visit: texts(&start.visit.clone().unwrap_or_default(), languages),
        receipt_to: spec
            .pages
            .iter()
            .flat_map(|p| p.fields.iter())
            .filter(|f| matches!(f.kind, forms::FieldKind::Email))
            .map(|f| {
                let label = f
                    .label
                    .get(&default)
                    .cloned()
                    .unwrap_or_else(|| f.key.clone());
                (
                    app::model::Choice {
                        value: f.key.clone(),
                        label,
                    },
                    spec.receipt_to.contains(&f.key),
                )
            })
            .collect(),
    }
}

/// The service's details as posted from the builder (see
/// [`Edit::Details`]): numbers still as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    /// The languages offered besides the default one, in order.
    pub languages: Vec<String>,
    pub organisation: forms::Text,
    pub processing_days: String,
    pub identification: String,
    pub purpose: forms::Text,
    pub legal_basis: String,
    pub retention_months: String,
    /// Each language's items, one per line.
    pub need: forms::Text,
    pub minutes: String,
    pub phone: String,
    pub visit: forms::Text,
    pub receipt_to: Vec<String>,
}

/// A whole number as typed: empty is none; anything else that does not
/// read is a bad setting called `name`.
fn whole(typed: &str, name: &str) -> Result<Option<u32>, EditError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed
        .parse()
        .map(Some)
        .map_err(|_| EditError::BadSetting(name.to_owned()))
}

/// Writes the service's details into `spec`. Texts in a language no longer
/// offered are kept (unused) and come back if it is offered again.
fn set_details(spec: &mut FormSpec, details: Details) -> Result<(), EditError> {
    let processing_days = whole(&details.processing_days, "processing_days")?;
    let retention = whole(&details.retention_months, "retention_months")?;
    let minutes = whole(&details.minutes, "minutes")?;
    let identification = match details.identification.as_str() {
        "anonymous" => forms::Identification::Anonymous,
        level => forms::Identification::EId {
            level: serde_json::from_value(serde_json::Value::String(level.to_owned()))
                .map_err(|_| EditError::BadSetting("identification".into()))?,
        },
    };
    let legal_basis: Option<forms::LegalBasis> = match details.legal_basis.as_str() {
        "" | "none" => None,
        basis => Some(
            serde_json::from_value(serde_json::Value::String(basis.to_owned()))
                .map_err(|_| EditError::BadSetting("legal_basis".into()))?,
        ),
    };
    let privacy = match legal_basis {
        Some(legal_basis) => Some(forms::PrivacyNotice {
            purpose: kept_over(spec.privacy.as_ref().map(|p| &p.purpose), details.purpose),
            legal_basis,
            retention_months: retention.ok_or(EditError::BadSetting("retention_months".into()))?,
        }),
        None => None,
    };
    let default = spec
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| "sv".into());
    let mut languages = vec![default];
    for l in details.languages {
        if !languages.contains(&l) && is_language(&l) {
            languages.push(l);
        }
    }
    // Items by position: the n-th line of each language is item n.
    let mut need: Vec<forms::Text> = Vec::new();
    for (lang, text) in &details.need {
        for (n, line) in text.lines().map(str::trim).enumerate() {
            if need.len() <= n {
                need.resize_with(n + 1, forms::Text::default);
            }
            if !line.is_empty() {
                need[n].insert(lang.clone(), line.to_owned());
            }
        }
    }
    need.retain(|t| !t.is_empty());
    let phone = details.phone.trim().to_owned();
    let visit = kept(details.visit);
    let start = forms::StartInfo {
        need,
        minutes,
        phone: (!phone.is_empty()).then_some(phone),
        visit: (!visit.is_empty()).then_some(visit),
    };
    let organisation = kept_over(spec.organisation.as_ref(), details.organisation);
    spec.organisation = (!organisation.is_empty()).then_some(organisation);
    spec.processing_days = processing_days;
    spec.identification = identification;
    spec.privacy = privacy;
    spec.start = (start != forms::StartInfo::default()).then_some(start);
    spec.receipt_to = details.receipt_to;
    spec.languages = languages;
    Ok(())
}

/// A language tag as Blankett writes them (`sv`, `en`, `pt-br`).
fn is_language(tag: &str) -> bool {
    !tag.is_empty() && tag.len() <= 12 && tag.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

/// `posted` texts (empty ones left out) over those of `earlier` in
/// languages that were not posted (no longer offered): kept, unused.
fn kept_over(earlier: Option<&forms::Text>, posted: forms::Text) -> forms::Text {
    let mut text: forms::Text = earlier
        .map(|t| {
            t.iter()
                .filter(|(l, _)| !posted.contains_key(*l))
                .map(|(l, t)| (l.clone(), t.clone()))
                .collect()
        })
        .unwrap_or_default();
    text.extend(kept(posted));
    text
}

/// A compile problem in the author's language: `problem-<code>`, with the
/// problem's details as arguments.
pub fn problem_row(problem: &CompileProblem, locale: app::i18n::Locale) -> app::model::ProblemRow {
    let kind = serde_json::to_value(&problem.kind).unwrap_or_default();
    let mut code = kind["code"].as_str().unwrap_or("unknown").replace('_', "-");
    // A group without questions in its rows is said as such.
    if code == "empty-page" && problem.path.ends_with(".fields") {
        code = "empty-group".into();
    }
    let args: Vec<(&'static str, app::i18n::FluentArg)> = [
        "key",
        "language",
        "value",
        "field",
        "href",
        "max",
        "at",
        "phone",
        "media_type",
        "reason",
        "error_code",
        "found",
    ]
    .into_iter()
    .filter_map(|name| {
        let value = kind.get(name)?;
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Some((name, app::i18n::FluentArg::Str(text)))
    })
    .collect();
    let (page, field) = place(&problem.path);
    app::model::ProblemRow {
        path: problem.path.clone(),
        message: locale.t_args(&format!("problem-{code}"), &args),
        page,
        field,
    }
}

/// The page and the question a problem's path is at: `pages[1].fields[0]…`
/// is the first question of the second page (a question inside a group is
/// the group's).
pub fn place(path: &str) -> (Option<usize>, Option<usize>) {
    let index = |rest: &str, name: &str| -> Option<(usize, String)> {
        let rest = rest.strip_prefix(name)?.strip_prefix('[')?;
        let (n, after) = rest.split_once(']')?;
        Some((n.parse().ok()?, after.trim_start_matches('.').to_owned()))
    };
    match index(path, "pages") {
        Some((page, rest)) => (Some(page), index(&rest, "fields").map(|(f, _)| f)),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo service, exported as JSON and as TOML and imported again,
    /// is exactly the same definition.
    #[test]
    fn a_problem_is_placed_at_its_page_and_question() {
        assert_eq!(place("pages[1].fields[0].label.en"), (Some(1), Some(0)));
        assert_eq!(
            place("pages[2].fields[3].fields[1].label.sv"),
            (Some(2), Some(3))
        );
        assert_eq!(place("pages[0].title.en"), (Some(0), None));
        assert_eq!(place("title.sv"), (None, None));
        assert_eq!(place("pages[x]"), (None, None));
    }

    #[test]
    fn every_demo_survives_export_and_import() {
        for (name, text) in crate::demo::DEFINITIONS {
            let spec = crate::demo::parse(name, text).expect("reads");
            for format in [Format::Json, Format::Toml] {
                let written = export(&spec, format).unwrap_or_else(|e| panic!("{name}: {e}"));
                let again = import(&written)
                    .unwrap_or_else(|e| panic!("{name} {format:?}: {e}\n{written}"));
                assert_eq!(again, spec, "{name} as {format:?}");
                assert_eq!(
                    forms::compile(again).expect("compiles"),
                    forms::compile(spec.clone()).expect("compiles"),
                    "{name} as {format:?}"
                );
            }
        }
    }

    #[test]
    fn the_builder_adds_moves_and_removes_pages_and_questions() {
        let (_, text) = crate::demo::DEFINITIONS
            .iter()
            .find(|(f, _)| f.starts_with("fault-report"))
            .expect("the fault report");
        let mut spec = crate::demo::parse("fault-report.json", text).expect("reads");
        let pages = spec.pages.len();
        let add_page = |key: &str| Edit::AddPage {
            key: key.into(),
            title: "Mer".into(),
        };
        assert_eq!(
            apply(&mut spec, add_page("Mer sida")),
            Err(EditError::BadKey)
        );
        assert_eq!(
            apply(&mut spec, add_page("description")),
            Err(EditError::TakenKey)
        );
        apply(&mut spec, add_page("more")).expect("added");
        assert_eq!(spec.pages.len(), pages + 1);
        for (kind, key) in ADDABLE_KINDS.iter().zip(1..) {
            let edit = Edit::AddField {
                page: pages,
                group: None,
                kind: (*kind).into(),
                key: format!("q-{key}"),
                label: format!("Fråga {key}"),
            };
            apply(&mut spec, edit).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        }
        let unknown = Edit::AddField {
            page: pages,
            group: None,
            kind: "spaceship".into(),
            key: "x".into(),
            label: "X".into(),
        };
        assert_eq!(apply(&mut spec, unknown), Err(EditError::UnknownKind));
        // Every kind added compiles but for the English labels still
        // missing, and the group, whose rows have no questions yet.
        let problems = forms::compile(spec.clone()).expect_err("English is missing");
        assert!(
            problems
                .iter()
                .all(|p| p.path.ends_with(".en") || p.path == "pages[1].fields[18].fields"),
            "{problems:?}"
        );
        apply(
            &mut spec,
            Edit::MovePage {
                page: pages,
                up: true,
            },
        )
        .expect("moved");
        assert_eq!(spec.pages[pages - 1].key, "more");
        assert_eq!(
            apply(&mut spec, Edit::MovePage { page: 0, up: true }),
            Err(EditError::Gone)
        );
        apply(
            &mut spec,
            Edit::MoveField {
                page: pages - 1,
                group: None,
                field: 0,
                up: false,
            },
        )
        .expect("moved");
        assert_eq!(spec.pages[pages - 1].fields[1].key, "q-1");
        let set = Edit::SetField {
            page: pages - 1,
            group: None,
            field: 1,
            label: [
                ("sv".to_owned(), "Namn".to_owned()),
                ("en".to_owned(), "Name".to_owned()),
            ]
            .into(),
            hint: [("sv".to_owned(), " ".to_owned())].into(),
            required: true,
            visible_if: condition("kind", "is", "other"),
            options: None,
            settings: Default::default(),
        };
        apply(&mut spec, set).expect("set");
        let field = &spec.pages[pages - 1].fields[1];
        assert_eq!((field.required, field.hint.is_none()), (true, true));
        assert_eq!(field.visible_if.as_deref(), Some("$kind == \"other\""));
        apply(&mut spec, Edit::RemovePage { page: pages - 1 }).expect("removed");
        assert_eq!(spec.pages.len(), pages);
        assert!(forms::compile(spec).is_ok(), "back to a form that compiles");
    }

    #[test]
    fn the_guided_condition_writes_the_engines_expression() {
        assert_eq!(
            condition("kind", "is", "a \"b\""),
            Some("$kind == \"a \\\"b\\\"\"".to_owned())
        );
        assert_eq!(
            condition("urgent", "yes", ""),
            Some("$urgent == true".to_owned())
        );
        assert_eq!(condition("Kind", "is", "x"), None);
        assert_eq!(condition("kind", "like", "x"), None);
        // Each one the engine reads and types: the fault report's
        // description asked when `kind` (a choice) is so, the parking
        // permit's e-mail when `company-car` (yes or no) is.
        let demo = |name: &str| {
            let (file, text) = crate::demo::DEFINITIONS
                .iter()
                .find(|(f, _)| f.starts_with(name))
                .expect("a demo");
            crate::demo::parse(file, text).expect("reads")
        };
        let cases = [
            ("fault-report", "kind", "is", "description"),
            ("fault-report", "kind", "is-not", "description"),
            ("fault-report", "kind", "answered", "description"),
            ("parking-permit", "company-car", "yes", "email"),
            ("parking-permit", "company-car", "no", "email"),
        ];
        for (service, field, comparison, asked) in cases {
            let mut spec = demo(service);
            let expression = condition(field, comparison, "pothole").expect("written");
            let target = spec
                .pages
                .iter_mut()
                .flat_map(|p| p.fields.iter_mut())
                .find(|f| f.key == asked)
                .expect("there");
            target.visible_if = Some(expression.clone());
            assert!(forms::compile(spec).is_ok(), "{expression}");
        }
    }

    #[test]
    fn a_draft_that_does_not_read_or_compile_says_so() {
        assert!(check("{ not json").spec.is_err());
        let checked = check(
            r#"{"key": "x", "version": 1, "languages": ["sv"], "title": {"sv": ""}, "description": {"sv": "d"}, "pages": []}"#,
        );
        let problems = checked.definition.expect_err("problems");
        assert!(
            problems.iter().any(|p| p.path == "title.sv"),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.path == "pages"), "{problems:?}");
    }
}
