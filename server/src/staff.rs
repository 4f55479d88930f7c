//! Staff: administrators, form authors and case handlers, in organisations,
//! handling particular services. In the embedded mode they have local
//! accounts with Argon2id password hashes (hashing and checking run off the
//! async runtime); the first administrator is made with `blankett staff
//! add`. (Screens for their work come with case handling and authoring.)

use crate::db::{self, Db};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::LazyLock;

/// What a member of staff may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Administrator,
    Author,
    Handler,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Author => "author",
            Role::Handler => "handler",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text.trim() {
            "administrator" => Some(Role::Administrator),
            "author" => Some(Role::Author),
            "handler" => Some(Role::Handler),
            _ => None,
        }
    }
}

/// The shortest password a local account may have.
pub const MIN_PASSWORD: usize = 12;

/// An Argon2id hash of `password` (a PHC string), made off the runtime.
pub async fn hash_password(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// A hash no password matches, checked against when there is no account,
/// so that a wrong username takes as long as a wrong password.
static NOBODY: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(crate::secret::token().as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Whether `password` matches `hash`, checked off the runtime.
pub async fn verify(hash: Option<String>, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| NOBODY.clone());
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// The member of staff `username` if `password` is theirs and the account
/// is not disabled.
pub async fn authenticate(
    db: &Db,
    username: &str,
    password: String,
) -> Result<Option<db::staff::StaffRow>, sqlx::Error> {
    let found = db::staff::by_username(&db.pool, username.trim()).await?;
    let hash = found.as_ref().and_then(|s| s.password_hash.clone());
    let matches = verify(hash, password).await;
    Ok(found.filter(|s| matches && !s.disabled))
}

/// A member of staff to add.
#[derive(Clone)]
struct Account {
    username: String,
    name: String,
    organisation: Option<(String, String)>,
    password_hash: Option<String>,
    roles: Vec<Role>,
    services: Vec<String>,
    /// Services whose new cases are assigned to them.
    default_for: Vec<String>,
}

/// Adds a member of staff; their id, or `None` when the username is taken.
async fn add(db: &Db, account: Account) -> Result<Option<i64>, sqlx::Error> {
    let now = db::now_millis();
    db.writer
        .write(move |conn| {
            let account = account.clone();
            Box::pin(async move {
                if let Some((key, org_name)) = &account.organisation {
                    db::staff::organisation(conn, key, org_name, now).await?;
                }
                let roles: Vec<&str> = account.roles.iter().map(|r| r.name()).collect();
                let staff = db::staff::NewStaff {
                    username: &account.username,
                    name: &account.name,
                    organisation_key: account.organisation.as_ref().map(|(k, _)| k.as_str()),
                    password_hash: account.password_hash.as_deref(),
                    roles: &roles.join(","),
                    services: &account.services,
                    default_for: &account.default_for,
                    now,
                };
                db::staff::insert(conn, &staff).await
            })
        })
        .await
}

/// `blankett staff add --username U --name "N" --role administrator
/// [--role …] [--organisation key "Name"] [--service key …]
/// [--default-for key …] [--provider-only]`, with the password in `BLANKETT_STAFF_PASSWORD` or on
/// the first line of standard input (none for an account that signs in
/// only through the municipality's identity provider); `blankett staff hash` prints the hash of a password read so.
pub async fn command(args: &[String], db: &Db, password: Option<String>) -> Result<String, String> {
    let password = || -> Result<String, String> {
        let password = password
            .clone()
            .ok_or("give the password in BLANKETT_STAFF_PASSWORD or on standard input")?;
        if password.chars().count() < MIN_PASSWORD {
            return Err(format!(
                "the password must have at least {MIN_PASSWORD} characters"
            ));
        }
        Ok(password)
    };
    match args.first().map(String::as_str) {
        Some("hash") => hash_password(password()?).await,
        Some("add") => {
            let (mut username, mut name, mut organisation) = (None, None, None);
            let (mut roles, mut services) = (Vec::new(), Vec::new());
            let mut provider_only = false;
            let mut default_for = Vec::new();
            let mut rest = args[1..].iter();
            while let Some(flag) = rest.next() {
                let mut value = || rest.next().cloned().ok_or(format!("{flag} needs a value"));
                match flag.as_str() {
                    "--username" => username = Some(value()?),
                    "--name" => name = Some(value()?),
                    "--role" => {
                        let text = value()?;
                        roles.push(Role::parse(&text).ok_or(format!(
                            "`{text}` is not a role: administrator, author or handler"
                        ))?);
                    }
                    "--organisation" => {
                        let key = value()?;
                        organisation = Some((key, value()?));
                    }
                    "--service" => services.push(value()?),
                    // Signs in through the municipality's identity provider
                    // only (`BLANKETT_STAFF_OIDC_*`): no password.
                    "--provider-only" => provider_only = true,
                    // New cases of the service are assigned to them.
                    "--default-for" => {
                        let service = value()?;
                        if !services.contains(&service) {
                            services.push(service.clone());
                        }
                        default_for.push(service);
                    }
                    other => return Err(format!("`{other}` is not an option of staff add")),
                }
            }
            let username = username.ok_or("--username is needed")?;
            let name = name.ok_or("--name is needed")?;
            if roles.is_empty() {
                return Err("at least one --role is needed".into());
            }
            let hash = if provider_only {
                None
            } else {
                Some(hash_password(password()?).await?)
            };
            let account = Account {
                username: username.clone(),
                name,
                organisation,
                password_hash: hash,
                roles,
                services,
                default_for,
            };
            match add(db, account).await {
                Ok(Some(id)) => Ok(format!("staff {id} ({username}) added")),
                Ok(None) => Err(format!("the username {username} is taken")),
                Err(e) => Err(format!("the account could not be stored: {e}")),
            }
        }
        _ => Err(
            "usage: blankett staff add --username U --name N --role R [--role R] \
                  [--organisation KEY NAME] [--service KEY]… [--default-for KEY]… [--provider-only] (password in \
                  BLANKETT_STAFF_PASSWORD or on standard input, none with --provider-only) | \
                  blankett staff hash"
                .into(),
        ),
    }
}

/// The demo's staff, for trying Blankett out (the README gives their
/// passwords, for local use only). Their hashes are made once, here, so
/// that starting needs no hashing.
const DEMO: &[(&str, &str, &str, &[&str], &str)] = &[
    ("admin", "Alva Admin", "administrator", &[], DEMO_ADMIN_HASH),
    (
        "handlaggare",
        "Hugo Handläggare",
        "handler",
        &["preschool-place", "parking-permit", "fault-report"],
        DEMO_HANDLER_HASH,
    ),
    (
        "formgivare",
        "Frida Formgivare",
        "author",
        &["preschool-place"],
        DEMO_AUTHOR_HASH,
    ),
];
const DEMO_ADMIN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$QriFrzi5gsi2t1eZdHWIDw$R8W8EmxGtxkmsezVv5vBGyGhZG/2PTE/Mh4e9pIWoTo";
const DEMO_HANDLER_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$nSRHVcgOmnOwA8Dg5Feixg$EY8nPtH8MrgcIHuVCOVfaP57ar47bZzyPHbcrTdw7VQ";
const DEMO_AUTHOR_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$gYNWH+uILH91q/ZHCpAvtg$NOyK5COZIOH9ccdlgCTsBOP1flOPepf/yK9eCggJ2tw";

/// Adds the demo's staff where they are missing.
pub async fn import_demo(db: &Db) -> Result<usize, sqlx::Error> {
    let mut added = 0;
    for (username, name, role, services, hash) in DEMO {
        let roles = Role::parse(role).into_iter().collect();
        let services = services.iter().map(|s| s.to_string()).collect();
        let organisation = Some(("demokommunen".to_owned(), "Demokommunen".to_owned()));
        let account = Account {
            username: username.to_string(),
            name: name.to_string(),
            organisation,
            password_hash: Some(hash.to_string()),
            roles,
            services,
            default_for: Vec::new(),
        };
        if add(db, account).await?.is_some() {
            added += 1;
        }
    }
    // The demo's services are the demo municipality's: its authors edit them.
    db.writer
        .write(|conn| {
            Box::pin(async move { db::staff::services_to_organisation(conn, "demokommunen").await })
        })
        .await?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_matches_its_hash_only() {
        let hash = hash_password("rätt lösenord 123".into())
            .await
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify(Some(hash.clone()), "rätt lösenord 123".into()).await);
        assert!(!verify(Some(hash), "fel lösenord 1234".into()).await);
        assert!(!verify(None, "anything at all".into()).await, "no account");
        assert!(!verify(Some("not a hash".into()), "x".into()).await);
    }

    #[tokio::test]
    async fn the_demo_passwords_are_the_ones_the_readme_gives() {
        let passwords = [
            "demo-admin-2026",
            "demo-handlaggare-2026",
            "demo-formgivare-2026",
        ];
        for ((username, _, _, _, hash), password) in DEMO.iter().zip(passwords) {
            assert!(
                verify(Some(hash.to_string()), password.to_string()).await,
                "{username}"
            );
        }
    }
}
