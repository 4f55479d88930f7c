//! Signing residents in with e-ID, their sessions, and the audit log.
//!
//! A sign-in starts with a post naming the service (`POST /signin`): a
//! random `state` and `nonce` are kept in the person's session and the
//! browser goes to the e-ID provider (the built-in test e-ID in the
//! embedded mode). The provider sends it back to `/signin/callback` with a
//! code and the `state`; the state must be the session's, the code is
//! redeemed for an identity whose nonce must be the session's, and the
//! identity's level of assurance must reach the service's. Then the session
//! gets a new id (no fixation), holds the person ([`SignedIn`]) and the
//! person goes to the form. Every sign-in, refusal and sign-out is in the
//! audit log, without personal identity numbers.
//!
//! Sessions live in the database (`store`), in a cookie that is
//! `HttpOnly`, `SameSite=Lax`, and `Secure` with the `__Host-` prefix over
//! HTTPS. A session ends after `BLANKETT_SESSION_IDLE_MINUTES` without a
//! request and `BLANKETT_SESSION_HOURS` after signing in, whatever happens.

pub mod oidc;
pub mod store;
pub mod test_eid;

use crate::config::Config;
use crate::db::{self, Db};
use app::ssr::{SignedIn, StaffSignedIn};
use forms::AssuranceLevel;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

/// The session key of the signed-in person.
const SIGNED_IN: &str = "signed_in";
/// The session key of the signed-in member of staff.
const STAFF: &str = "staff";
/// The session key of a sign-in under way.
const PENDING: &str = "sign_in";
/// A sign-in must come back from the provider this soon.
const PENDING_LIFETIME_MILLIS: i64 = 10 * 60_000;
/// How stale `seen_at` may get before a request writes it again: the idle
/// timeout is exact to this, and a busy person costs one write a minute.
const TOUCH_MILLIS: i64 = 60_000;

/// What an e-ID provider said about the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub name: String,
    /// `YYYYMMDD-NNNN`, when the e-ID carries a Swedish number.
    pub pin: Option<String>,
    pub loa: AssuranceLevel,
}

impl Identity {
    /// The person's key: the personal identity number where there is one
    /// (the same person through any provider), else the provider's own.
    fn person_key(&self) -> String {
        match &self.pin {
            Some(pin) => format!("se-pin:{pin}"),
            None => format!("sub:{}#{}", self.issuer, self.subject),
        }
    }
}

/// A sign-in under way, kept in the session until the provider answers.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    /// The PKCE verifier, for a sign-in through an OpenID Connect provider.
    #[serde(default)]
    pub verifier: String,
    pub service: String,
    pub started_at: i64,
    /// A member of staff signing in through the municipality's provider,
    /// not a resident.
    #[serde(default)]
    pub staff: bool,
}

/// `YYYYMMDD-NNNN` shown as `YYYYMMDD-XXXX`: enough to recognise, not
/// enough to use.
pub fn mask_pin(pin: &str) -> String {
    match pin.split_once('-') {
        Some((date, _)) => format!("{date}-XXXX"),
        None => "XXXX".into(),
    }
}

/// 2, 3 or 4, as people read a level of assurance.
pub fn level_number(loa: AssuranceLevel) -> u8 {
    match loa {
        AssuranceLevel::Loa2 => 2,
        AssuranceLevel::Loa3 => 3,
        AssuranceLevel::Loa4 => 4,
    }
}

/// The session layer: the cookie's name and flags, and its idle expiry.
pub fn session_layer(config: &Config, db: Db) -> SessionManagerLayer<store::DbStore> {
    let https = config.public_url.starts_with("https://");
    let idle = time::Duration::try_from(config.session_idle).unwrap_or(time::Duration::MINUTE);
    SessionManagerLayer::new(store::DbStore::new(db))
        .with_name(if https { "__Host-session" } else { "session" })
        .with_secure(https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

/// Someone a session holds, with the times its timeouts are counted from.
trait Timed: serde::Serialize + serde::de::DeserializeOwned {
    const KEY: &'static str;
    fn actor(&self) -> String;
    fn signed_in_at(&self) -> i64;
    fn seen_at(&mut self) -> &mut i64;
}

impl Timed for SignedIn {
    const KEY: &'static str = SIGNED_IN;
    fn actor(&self) -> String {
        format!("person:{}", self.person_id)
    }
    fn signed_in_at(&self) -> i64 {
        self.signed_in_at
    }
    fn seen_at(&mut self) -> &mut i64 {
        &mut self.seen_at
    }
}

impl Timed for StaffSignedIn {
    const KEY: &'static str = STAFF;
    fn actor(&self) -> String {
        format!("staff:{}", self.staff_id)
    }
    fn signed_in_at(&self) -> i64 {
        self.signed_in_at
    }
    fn seen_at(&mut self) -> &mut i64 {
        &mut self.seen_at
    }
}

/// Who the session holds under `T::KEY`, if the session is still good; a
/// session past its idle timeout or its lifetime is ended here.
async fn still_good<T: Timed>(config: &Config, db: &Db, session: &Session) -> Option<T> {
    let mut who = session.get::<T>(T::KEY).await.ok().flatten()?;
    let now = db::now_millis();
    let idle = i64::try_from(config.session_idle.as_millis()).unwrap_or(i64::MAX);
    let lifetime = i64::try_from(config.session_lifetime.as_millis()).unwrap_or(i64::MAX);
    let idle_out = now - *who.seen_at() > idle;
    if idle_out || now - who.signed_in_at() > lifetime {
        let _ = session.flush().await;
        let why = if idle_out { "idle" } else { "lifetime" };
        audit(db, &who.actor(), "session-ended", "", why).await;
        return None;
    }
    if now - *who.seen_at() > TOUCH_MILLIS {
        *who.seen_at() = now;
        let _ = session.insert(T::KEY, &who).await;
    }
    Some(who)
}

/// The signed-in resident on a request, if their session is still good.
pub async fn signed_in(config: &Config, db: &Db, session: &Session) -> Option<SignedIn> {
    still_good(config, db, session).await
}

/// The signed-in member of staff on a request, if their session is still
/// good.
///
/// Their roles and services are read afresh on every request, so what an
/// administrator changes holds at once; one who has been disabled is
/// signed out.
pub async fn staff_signed_in(config: &Config, db: &Db, session: &Session) -> Option<StaffSignedIn> {
    let mut staff: StaffSignedIn = still_good(config, db, session).await?;
    match db::staff::current(&db.pool, staff.staff_id).await {
        Ok(Some((name, roles, services))) => {
            staff.name = name;
            staff.roles = roles;
            staff.services = services;
            Some(staff)
        }
        Ok(None) => {
            let _ = session.flush().await;
            audit(db, &staff.actor(), "session-ended", "", "disabled").await;
            None
        }
        Err(e) => {
            // Without the database nothing the session allows can be done
            // anyway; the page says so.
            crate::error::internal("reading a member of staff", e);
            None
        }
    }
}

/// "Stay signed in": the idle time starts again now.
pub async fn extend(session: &Session) {
    let now = db::now_millis();
    if let Ok(Some(mut person)) = session.get::<SignedIn>(SIGNED_IN).await {
        person.seen_at = now;
        let _ = session.insert(SIGNED_IN, &person).await;
    }
    if let Ok(Some(mut staff)) = session.get::<StaffSignedIn>(STAFF).await {
        staff.seen_at = now;
        let _ = session.insert(STAFF, &staff).await;
    }
}

/// Signs a member of staff in whose password was right: the session gets a
/// new id and holds them.
pub async fn complete_staff(
    db: &Db,
    session: &Session,
    staff: &db::staff::StaffRow,
    via: &str,
) -> Result<StaffSignedIn, Refusal> {
    let services = db::staff::services(&db.pool, staff.id).await.map_err(|e| {
        crate::error::internal("signing staff in", e);
        Refusal::Failed
    })?;
    let now = db::now_millis();
    let signed_in = StaffSignedIn {
        staff_id: staff.id,
        name: staff.name.clone(),
        roles: staff
            .roles
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect(),
        services,
        signed_in_at: now,
        seen_at: now,
    };
    if session.cycle_id().await.is_err() || session.insert(STAFF, &signed_in).await.is_err() {
        return Err(Refusal::Failed);
    }
    audit(db, &format!("staff:{}", staff.id), "sign-in", "", via).await;
    Ok(signed_in)
}

/// Starts a sign-in for `service`; gives the pending sign-in (its state
/// and nonce go to the provider).
pub async fn begin(
    session: &Session,
    service: &str,
    staff: bool,
) -> Result<Pending, tower_sessions::session::Error> {
    let pending = Pending {
        state: crate::secret::token(),
        nonce: crate::secret::token(),
        verifier: oidc::verifier(),
        service: service.to_owned(),
        started_at: db::now_millis(),
        staff,
    };
    session.insert(PENDING, &pending).await?;
    Ok(pending)
}

/// Why a sign-in was refused, as the refusal page names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No sign-in under way in this session, or another one's `state`.
    State,
    /// The identity could not be had or checked (a bad code, a wrong nonce,
    /// a token that failed its checks).
    Failed,
    /// The person cancelled at the provider.
    Cancelled,
    /// The level of assurance is below the service's.
    Loa,
}

impl Refusal {
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::State => "state",
            Refusal::Failed => "failed",
            Refusal::Cancelled => "cancelled",
            Refusal::Loa => "loa",
        }
    }
}

/// Takes the sign-in under way out of the session if `state` is its own
/// and it is recent.
/// A resident's callback takes only a resident's sign-in, staff's only
/// staff's.
pub async fn take_pending(
    session: &Session,
    state: &str,
    staff: bool,
) -> Result<Pending, (Refusal, Option<String>)> {
    let pending: Option<Pending> = session.remove(PENDING).await.ok().flatten();
    let Some(pending) = pending else {
        return Err((Refusal::State, None));
    };
    let fresh = db::now_millis() - pending.started_at < PENDING_LIFETIME_MILLIS;
    if !fresh
        || pending.staff != staff
        || !constant_time_eq(pending.state.as_bytes(), state.as_bytes())
    {
        return Err((Refusal::State, Some(pending.service)));
    }
    Ok(pending)
}

/// Compares two secrets without leaking where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Finishes a sign-in: the level must reach `required`; the person is
/// recorded, the session gets a new id and holds them.
pub async fn complete(
    db: &Db,
    session: &Session,
    identity: Identity,
    required: Option<AssuranceLevel>,
) -> Result<SignedIn, Refusal> {
    if required.is_some_and(|level| identity.loa < level) {
        let detail = format!("via {}; level too low", identity.issuer);
        audit(db, "anonymous", "sign-in-refused", "", &detail).await;
        return Err(Refusal::Loa);
    }
    let now = db::now_millis();
    let (key, name, via) = (
        identity.person_key(),
        identity.name.clone(),
        identity.issuer.clone(),
    );
    let recorded = db
        .writer
        .write(move |conn| {
            let (key, name, via) = (key.clone(), name.clone(), via.clone());
            Box::pin(async move {
                let id = db::people::sign_in(conn, &key, &name, now).await?;
                let entry = db::audit::Entry {
                    at: now,
                    actor: format!("person:{id}"),
                    action: "sign-in".into(),
                    subject: String::new(),
                    detail: format!("via {via}"),
                };
                db::audit::insert(conn, &entry).await?;
                Ok(id)
            })
        })
        .await;
    let person_id = match recorded {
        Ok(id) => id,
        Err(e) => {
            crate::error::internal("recording a sign-in", e);
            return Err(Refusal::Failed);
        }
    };
    let signed_in = SignedIn {
        person_id,
        name: identity.name,
        pin: identity.pin,
        loa: identity.loa,
        via: identity.issuer,
        signed_in_at: now,
        seen_at: now,
    };
    // A new id, so that an id known before signing in is worth nothing.
    if session.cycle_id().await.is_err() || session.insert(SIGNED_IN, &signed_in).await.is_err() {
        return Err(Refusal::Failed);
    }
    Ok(signed_in)
}

/// Signs out: the session is deleted and its cookie cleared.
pub async fn sign_out(
    db: &Db,
    session: &Session,
    signed_in: Option<&SignedIn>,
    staff: Option<&StaffSignedIn>,
) {
    if let Some(person) = signed_in {
        audit(db, &person.actor(), "sign-out", "", "").await;
    }
    if let Some(staff) = staff {
        audit(db, &staff.actor(), "sign-out", "", "").await;
    }
    let _ = session.flush().await;
}

/// Adds an entry to the audit log; a failure is logged, never shown.
pub async fn audit(db: &Db, actor: &str, action: &str, subject: &str, detail: &str) {
    if let Err(e) = audit_strict(db, actor, action, subject, detail).await {
        crate::error::internal("writing the audit log", e);
    }
}

/// Writes to the audit log and says whether it was written: for what may
/// only happen once it is recorded (a member of staff reading a case).
pub async fn audit_strict(
    db: &Db,
    actor: &str,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    let entry = db::audit::Entry {
        at: db::now_millis(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        subject: subject.to_owned(),
        detail: detail.to_owned(),
    };
    db.writer
        .write(move |conn| {
            let entry = entry.clone();
            Box::pin(async move { db::audit::insert(conn, &entry).await })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_masked_and_people_keyed() {
        assert_eq!(mask_pin("19811218-9876"), "19811218-XXXX");
        let mut identity = Identity {
            issuer: "https://idp.example".into(),
            subject: "abc".into(),
            name: "Jeanne Dupont".into(),
            pin: None,
            loa: AssuranceLevel::Loa3,
        };
        assert_eq!(identity.person_key(), "sub:https://idp.example#abc");
        identity.pin = Some("19811218-9876".into());
        assert_eq!(identity.person_key(), "se-pin:19811218-9876");
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd") && !constant_time_eq(b"abc", b"ab"));
    }
}
