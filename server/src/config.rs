//! Configuration, read once from the environment. Every setting has a
//! default that makes the embedded mode work with no settings at all; every
//! bad value is reported at once; secrets never reach `Debug` output.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone)]
pub struct Config {
    /// Where to listen (`BLANKETT_ADDR`).
    pub addr: SocketAddr,
    /// Where the embedded database and other files live (`BLANKETT_DATA_DIR`).
    pub data_dir: PathBuf,
    /// `DATABASE_URL`; `None` means the embedded SQLite file in `data_dir`.
    pub database_url: Option<String>,
    /// Where the built browser bundle (`pkg/`) is (`BLANKETT_SITE_DIR`).
    pub site_dir: PathBuf,
    /// Load the demo services at start-up (`BLANKETT_DEMO`).
    pub demo: bool,
    /// Log lines as JSON instead of text (`BLANKETT_LOG_FORMAT=json`).
    pub log_json: bool,
    /// The time zone receipts and case times are shown in (`BLANKETT_TIMEZONE`).
    pub timezone: jiff::tz::TimeZone,
    /// Where mail is sent (`BLANKETT_SMTP_URL`: `smtp://host:25`,
    /// `smtp://user:password@host:587?tls=required` for STARTTLS, or
    /// `smtps://…:465`). `None` writes mail to files under
    /// `<data dir>/mail/` instead, for trying Blankett out.
    pub smtp_url: Option<String>,
    /// The sender of every mail (`BLANKETT_MAIL_FROM`).
    pub mail_from: lettre::message::Mailbox,
    /// The wait before a failed mail is tried again; it doubles with each
    /// attempt up to an hour (`BLANKETT_MAIL_RETRY_SECONDS`, default 30).
    pub mail_retry: std::time::Duration,
    /// The wait before a failed webhook delivery's second attempt, doubling
    /// after that up to an hour (`BLANKETT_WEBHOOK_RETRY_SECONDS`, default
    /// 30).
    pub webhook_retry: std::time::Duration,
    /// How many days an untouched draft is kept before it is deleted for
    /// good (`BLANKETT_DRAFT_DAYS`, default 30).
    pub draft_days: u32,
    /// The address people reach Blankett at, for links in mail and resume
    /// links (`BLANKETT_PUBLIC_URL`, default `http://` and `BLANKETT_ADDR`).
    pub public_url: String,
    /// `BLANKETT_MODE=production`: a real deployment, where nothing meant
    /// for trying Blankett out may run (default `embedded`).
    pub production: bool,
    /// The built-in test e-ID, with made-up people (`BLANKETT_TEST_EID`;
    /// on by default outside production, refused in production).
    pub test_eid: bool,
    /// A signed-in session ends after this long without a request
    /// (`BLANKETT_SESSION_IDLE_MINUTES`, default 20).
    pub session_idle: std::time::Duration,
    /// … and this long after signing in, whatever happens
    /// (`BLANKETT_SESSION_HOURS`, default 8).
    pub session_lifetime: std::time::Duration,
    /// Residents' e-ID through an OpenID Connect provider
    /// (`BLANKETT_OIDC_ISSUER` and the rest); `None`: not configured.
    pub oidc: Option<OidcSettings>,
    /// The municipality's identity provider for staff
    /// (`BLANKETT_STAFF_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`,
    /// `_SCOPES`, `_NAME_CLAIM`, `_USERNAME_CLAIM`). With it, and in
    /// production mode, staff sign in only through it.
    pub staff_oidc: Option<OidcSettings>,
    /// How many sign-ins one client address may start a minute
    /// (`BLANKETT_SIGN_INS_PER_MINUTE`, default 30; 0: no limit)…
    pub sign_ins_per_minute: u32,
    /// … and how many forms it may send (`BLANKETT_SUBMISSIONS_PER_MINUTE`,
    /// default 60; 0: no limit).
    pub submissions_per_minute: u32,
    /// The program that checks a published version's accessibility
    /// (`BLANKETT_ACCESSIBILITY_COMMAND`, run with `sh -c`; see
    /// `crate::accessibility`). `None`: the builder says the check is not
    /// available.
    pub accessibility_command: Option<String>,
}

/// The variables of one OpenID Connect configuration, and its defaults.
struct OidcVariables {
    issuer: &'static str,
    client_id: &'static str,
    client_secret: &'static str,
    scopes: (&'static str, &'static str),
    name_claim: &'static str,
    pin_claim: &'static str,
    loa_claim: &'static str,
    username_claim: &'static str,
}

/// Residents' e-ID broker.
const RESIDENT_OIDC: OidcVariables = OidcVariables {
    issuer: "BLANKETT_OIDC_ISSUER",
    client_id: "BLANKETT_OIDC_CLIENT_ID",
    client_secret: "BLANKETT_OIDC_CLIENT_SECRET",
    scopes: ("BLANKETT_OIDC_SCOPES", "openid profile"),
    name_claim: "BLANKETT_OIDC_NAME_CLAIM",
    pin_claim: "BLANKETT_OIDC_PIN_CLAIM",
    loa_claim: "BLANKETT_OIDC_LOA_CLAIM",
    username_claim: "BLANKETT_OIDC_USERNAME_CLAIM",
};

/// The municipality's own identity provider, for staff.
const STAFF_OIDC: OidcVariables = OidcVariables {
    issuer: "BLANKETT_STAFF_OIDC_ISSUER",
    client_id: "BLANKETT_STAFF_OIDC_CLIENT_ID",
    client_secret: "BLANKETT_STAFF_OIDC_CLIENT_SECRET",
    scopes: ("BLANKETT_STAFF_OIDC_SCOPES", "openid profile email"),
    name_claim: "BLANKETT_STAFF_OIDC_NAME_CLAIM",
    pin_claim: "BLANKETT_STAFF_OIDC_PIN_CLAIM",
    loa_claim: "BLANKETT_STAFF_OIDC_LOA_CLAIM",
    username_claim: "BLANKETT_STAFF_OIDC_USERNAME_CLAIM",
};

/// One OpenID Connect configuration, when its issuer is set; every problem
/// with it goes to `errors`.
fn oidc_settings(
    get: &impl Fn(&str) -> Option<String>,
    vars: &OidcVariables,
    errors: &mut Vec<ConfigError>,
) -> Option<OidcSettings> {
    let issuer = get(vars.issuer)?.trim().trim_end_matches('/').to_owned();
    if !(issuer.starts_with("https://") || issuer.starts_with("http://127.0.0.1:")) {
        errors.push(ConfigError {
            variable: vars.issuer,
            problem: format!(
                "`{issuer}` is not an https:// address (http:// only on 127.0.0.1, for tests)"
            ),
        });
    }
    let mut required = |variable: &'static str| {
        get(variable)
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| {
                errors.push(ConfigError {
                    variable,
                    problem: format!("is needed with {}", vars.issuer),
                });
                String::new()
            })
    };
    let client_id = required(vars.client_id);
    let client_secret = required(vars.client_secret);
    let or = |variable: &str, default: &str| {
        get(variable).map_or_else(|| default.to_owned(), |v| v.trim().to_owned())
    };
    Some(OidcSettings {
        issuer,
        client_id,
        client_secret,
        scopes: or(vars.scopes.0, vars.scopes.1),
        name_claim: or(vars.name_claim, "name"),
        pin_claim: or(
            vars.pin_claim,
            "https://id.oidc.se/claim/personalIdentityNumber",
        ),
        loa_claim: or(vars.loa_claim, "acr"),
        username_claim: or(vars.username_claim, "preferred_username"),
    })
}

/// An OpenID Connect provider: residents' e-ID, or staff's.
#[derive(Clone)]
pub struct OidcSettings {
    /// `BLANKETT_OIDC_ISSUER`: the provider's issuer URL, exactly as its
    /// discovery document gives it.
    pub issuer: String,
    /// `BLANKETT_OIDC_CLIENT_ID` and `BLANKETT_OIDC_CLIENT_SECRET`.
    pub client_id: String,
    pub client_secret: String,
    /// `BLANKETT_OIDC_SCOPES` (default `openid profile`).
    pub scopes: String,
    /// The claims that carry the name (`BLANKETT_OIDC_NAME_CLAIM`, default
    /// `name`), the personal identity number (`BLANKETT_OIDC_PIN_CLAIM`,
    /// default `https://id.oidc.se/claim/personalIdentityNumber`) and the
    /// level of assurance (`BLANKETT_OIDC_LOA_CLAIM`, default `acr`).
    pub name_claim: String,
    pub pin_claim: String,
    pub loa_claim: String,
    /// For staff: the claim that names their Blankett account
    /// (`BLANKETT_STAFF_OIDC_USERNAME_CLAIM`, default `preferred_username`).
    pub username_claim: String,
}

impl fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[redacted]")
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

/// The sender when none is configured.
pub const DEFAULT_MAIL_FROM: &str = "Blankett <no-reply@blankett.invalid>";

/// One bad setting, said so that an operator can fix it.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.variable, self.problem)
    }
}

/// Every problem found, one per line.
#[derive(Debug)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the configuration has {} problem(s):", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigErrors> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads settings through `var`, so tests need not touch the process
    /// environment.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigErrors> {
        let mut errors = Vec::new();
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());

        let addr = match get("BLANKETT_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(v) => v.trim().parse().unwrap_or_else(|_| {
                errors.push(ConfigError {
                    variable: "BLANKETT_ADDR",
                    problem: format!("`{v}` is not an address and port such as 127.0.0.1:3000"),
                });
                SocketAddr::from(([127, 0, 0, 1], 3000))
            }),
        };
        let data_dir = PathBuf::from(get("BLANKETT_DATA_DIR").unwrap_or_else(|| "data".into()));
        let site_dir =
            PathBuf::from(get("BLANKETT_SITE_DIR").unwrap_or_else(|| "target/site".into()));
        let database_url = get("DATABASE_URL");
        if let Some(url) = &database_url {
            if !(url.starts_with("postgres://")
                || url.starts_with("postgresql://")
                || url.starts_with("sqlite:"))
            {
                errors.push(ConfigError {
                    variable: "DATABASE_URL",
                    problem: format!(
                        "must start with postgres://, postgresql:// or sqlite: (got `{}`)",
                        redact_url(url)
                    ),
                });
            }
        }
        let demo = match get("BLANKETT_DEMO").as_deref().map(str::trim) {
            None | Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(v) => {
                errors.push(ConfigError {
                    variable: "BLANKETT_DEMO",
                    problem: format!("`{v}` is not true or false"),
                });
                true
            }
        };
        let log_json = match get("BLANKETT_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => false,
            Some("json") => true,
            Some(v) => {
                errors.push(ConfigError {
                    variable: "BLANKETT_LOG_FORMAT",
                    problem: format!("`{v}` is not `text` or `json`"),
                });
                false
            }
        };
        let tz_name = get("BLANKETT_TIMEZONE").unwrap_or_else(|| "Europe/Stockholm".into());
        let timezone = jiff::tz::TimeZone::get(tz_name.trim()).unwrap_or_else(|_| {
            errors.push(ConfigError {
                variable: "BLANKETT_TIMEZONE",
                problem: format!("`{tz_name}` is not a known time zone such as Europe/Stockholm"),
            });
            jiff::tz::TimeZone::UTC
        });

        let smtp_url = get("BLANKETT_SMTP_URL").map(|u| u.trim().to_owned());
        if let Some(url) = &smtp_url {
            if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                errors.push(ConfigError {
                    variable: "BLANKETT_SMTP_URL",
                    problem: format!(
                        "must start with smtp:// or smtps:// (got `{}`)",
                        redact_url(url)
                    ),
                });
            }
        }
        let from_text = get("BLANKETT_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into());
        let fallback_from = || {
            lettre::message::Mailbox::new(
                None,
                lettre::Address::new("no-reply", "blankett.invalid")
                    .expect("a valid constant address"),
            )
        };
        let mail_from = from_text.trim().parse().unwrap_or_else(|_| {
            errors.push(ConfigError {
                variable: "BLANKETT_MAIL_FROM",
                problem: format!(
                    "`{from_text}` is not an address such as `Kommunen <no-reply@kommun.se>`"
                ),
            });
            fallback_from()
        });
        let mut retry = |variable: &'static str| match get(variable) {
            None => std::time::Duration::from_secs(30),
            Some(v) => match v.trim().parse::<f64>() {
                Ok(secs) if secs > 0.0 && secs <= 3600.0 => {
                    std::time::Duration::from_secs_f64(secs)
                }
                _ => {
                    errors.push(ConfigError {
                        variable,
                        problem: format!(
                            "`{v}` is not a number of seconds above 0 and at most 3600"
                        ),
                    });
                    std::time::Duration::from_secs(30)
                }
            },
        };
        let mail_retry = retry("BLANKETT_MAIL_RETRY_SECONDS");
        let webhook_retry = retry("BLANKETT_WEBHOOK_RETRY_SECONDS");

        let draft_days = match get("BLANKETT_DRAFT_DAYS") {
            None => 30,
            Some(v) => match v.trim().parse::<u32>() {
                Ok(days) if (1..=365).contains(&days) => days,
                _ => {
                    errors.push(ConfigError {
                        variable: "BLANKETT_DRAFT_DAYS",
                        problem: format!("`{v}` is not a whole number of days from 1 to 365"),
                    });
                    30
                }
            },
        };

        let public_url = match get("BLANKETT_PUBLIC_URL") {
            None => format!("http://{addr}"),
            Some(v) => {
                let v = v.trim().trim_end_matches('/').to_owned();
                let host = v
                    .strip_prefix("https://")
                    .or_else(|| v.strip_prefix("http://"))
                    .unwrap_or("");
                if host.is_empty() || host.contains(['/', ' ', '?', '#']) {
                    errors.push(ConfigError {
                        variable: "BLANKETT_PUBLIC_URL",
                        problem: format!(
                            "`{v}` is not an address such as https://e-tjanster.kommun.se"
                        ),
                    });
                }
                v
            }
        };

        let production = match get("BLANKETT_MODE").as_deref().map(str::trim) {
            None | Some("embedded") => false,
            Some("production") => true,
            Some(v) => {
                errors.push(ConfigError {
                    variable: "BLANKETT_MODE",
                    problem: format!("`{v}` is not `embedded` or `production`"),
                });
                false
            }
        };
        let test_eid = match get("BLANKETT_TEST_EID").as_deref().map(str::trim) {
            None => !production,
            Some("false" | "0" | "no") => false,
            Some("true" | "1" | "yes") if production => {
                errors.push(ConfigError {
                    variable: "BLANKETT_TEST_EID",
                    problem: "the test e-ID signs anyone in as a made-up person; it cannot be \
                              turned on with BLANKETT_MODE=production"
                        .into(),
                });
                false
            }
            Some("true" | "1" | "yes") => true,
            Some(v) => {
                errors.push(ConfigError {
                    variable: "BLANKETT_TEST_EID",
                    problem: format!("`{v}` is not true or false"),
                });
                false
            }
        };
        let mut minutes =
            |variable: &'static str, default: u64, max: u64, unit: &str| match get(variable) {
                None => default,
                Some(v) => match v.trim().parse::<u64>() {
                    Ok(n) if (1..=max).contains(&n) => n,
                    _ => {
                        errors.push(ConfigError {
                            variable,
                            problem: format!(
                                "`{v}` is not a whole number of {unit} from 1 to {max}"
                            ),
                        });
                        default
                    }
                },
            };
        let session_idle = std::time::Duration::from_secs(
            60 * minutes("BLANKETT_SESSION_IDLE_MINUTES", 20, 24 * 60, "minutes"),
        );
        let session_lifetime = std::time::Duration::from_secs(
            3600 * minutes("BLANKETT_SESSION_HOURS", 8, 24 * 7, "hours"),
        );

        let mut per_minute = |variable: &'static str, default: u32| match get(variable) {
            None => default,
            Some(v) => v.trim().parse::<u32>().unwrap_or_else(|_| {
                errors.push(ConfigError {
                    variable,
                    problem: format!("`{v}` is not a whole number (0 for no limit)"),
                });
                default
            }),
        };
        let sign_ins_per_minute = per_minute("BLANKETT_SIGN_INS_PER_MINUTE", 30);
        let submissions_per_minute = per_minute("BLANKETT_SUBMISSIONS_PER_MINUTE", 60);
        let oidc = oidc_settings(&get, &RESIDENT_OIDC, &mut errors);
        let staff_oidc = oidc_settings(&get, &STAFF_OIDC, &mut errors);
        let accessibility_command = get("BLANKETT_ACCESSIBILITY_COMMAND");

        if errors.is_empty() {
            Ok(Config {
                accessibility_command,
                oidc,
                staff_oidc,
                sign_ins_per_minute,
                submissions_per_minute,
                production,
                test_eid,
                session_idle,
                session_lifetime,
                public_url,
                draft_days,
                smtp_url,
                mail_from,
                mail_retry,
                webhook_retry,
                addr,
                data_dir,
                database_url,
                site_dir,
                demo,
                log_json,
                timezone,
            })
        } else {
            Err(ConfigErrors(errors))
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_deref().map(redact_url),
            )
            .field("site_dir", &self.site_dir)
            .field("demo", &self.demo)
            .field("log_json", &self.log_json)
            .field("timezone", &self.timezone.iana_name())
            .field("production", &self.production)
            .field("test_eid", &self.test_eid)
            .field("session_idle", &self.session_idle)
            .field("session_lifetime", &self.session_lifetime)
            .field("oidc", &self.oidc)
            .field("staff_oidc", &self.staff_oidc)
            .field("sign_ins_per_minute", &self.sign_ins_per_minute)
            .field("submissions_per_minute", &self.submissions_per_minute)
            .field("accessibility_command", &self.accessibility_command)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from.to_string())
            .field("mail_retry", &self.mail_retry)
            .field("webhook_retry", &self.webhook_retry)
            .field("draft_days", &self.draft_days)
            .field("public_url", &self.public_url)
            .finish()
    }
}

/// A database URL with any password replaced, safe to log.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            let masked = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_owned()
            };
            format!("{scheme}://{masked}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> Result<Config, ConfigErrors> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_vars(|k| map.get(k).cloned())
    }

    #[test]
    fn no_settings_means_embedded_mode() {
        let c = from(&[]).expect("defaults are valid");
        assert_eq!(c.addr, "127.0.0.1:3000".parse().expect("addr"));
        assert!(c.database_url.is_none());
        assert!(c.demo);
        assert_eq!(c.timezone.iana_name(), Some("Europe/Stockholm"));
        assert!(c.smtp_url.is_none(), "mail goes to files");
        assert_eq!(c.mail_from.to_string(), DEFAULT_MAIL_FROM);
        assert_eq!(c.draft_days, 30);
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert!(!c.production && c.test_eid, "the test e-ID is there to try");
        assert_eq!(c.session_idle, std::time::Duration::from_secs(20 * 60));
        assert_eq!(c.session_lifetime, std::time::Duration::from_secs(8 * 3600));
    }

    #[test]
    fn an_openid_connect_provider_is_configured_whole_and_its_secret_never_shown() {
        let errors = from(&[("BLANKETT_OIDC_ISSUER", "http://idp.example")]).expect_err("refused");
        let variables: Vec<&str> = errors.0.iter().map(|e| e.variable).collect();
        assert_eq!(
            variables,
            [
                "BLANKETT_OIDC_ISSUER",
                "BLANKETT_OIDC_CLIENT_ID",
                "BLANKETT_OIDC_CLIENT_SECRET"
            ],
            "plain http only on loopback, and the client is needed"
        );
        let c = from(&[
            ("BLANKETT_OIDC_ISSUER", "https://idp.example/"),
            ("BLANKETT_OIDC_CLIENT_ID", "blankett"),
            ("BLANKETT_OIDC_CLIENT_SECRET", "s3cret"),
        ])
        .expect("valid");
        let oidc = c.oidc.as_ref().expect("configured");
        assert_eq!(oidc.issuer, "https://idp.example");
        assert_eq!(oidc.scopes, "openid profile");
        assert_eq!(
            oidc.pin_claim,
            "https://id.oidc.se/claim/personalIdentityNumber"
        );
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn staff_have_an_identity_provider_of_their_own() {
        let c = from(&[
            (
                "BLANKETT_STAFF_OIDC_ISSUER",
                "https://login.kommun.example/",
            ),
            ("BLANKETT_STAFF_OIDC_CLIENT_ID", "blankett"),
            ("BLANKETT_STAFF_OIDC_CLIENT_SECRET", "s3cret"),
        ])
        .expect("valid");
        let staff = c.staff_oidc.as_ref().expect("configured");
        assert!(c.oidc.is_none(), "residents' e-ID is another setting");
        assert_eq!(staff.issuer, "https://login.kommun.example");
        assert_eq!(
            (staff.username_claim.as_str(), staff.scopes.as_str()),
            ("preferred_username", "openid profile email")
        );
        assert!(
            !format!("{c:?}").contains("s3cret"),
            "the secret is redacted"
        );
        let errors = from(&[("BLANKETT_STAFF_OIDC_ISSUER", "http://login.kommun.example")])
            .expect_err("not https, no client");
        let variables: Vec<&str> = errors.0.iter().map(|e| e.variable).collect();
        assert_eq!(
            variables,
            [
                "BLANKETT_STAFF_OIDC_ISSUER",
                "BLANKETT_STAFF_OIDC_CLIENT_ID",
                "BLANKETT_STAFF_OIDC_CLIENT_SECRET"
            ]
        );
    }

    #[test]
    fn production_mode_refuses_the_test_e_id() {
        let c = from(&[("BLANKETT_MODE", "production")]).expect("valid");
        assert!(c.production && !c.test_eid, "off unless asked for");
        let errors = from(&[
            ("BLANKETT_MODE", "production"),
            ("BLANKETT_TEST_EID", "true"),
        ])
        .expect_err("refused");
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].variable, "BLANKETT_TEST_EID");
        assert!(
            errors.0[0].problem.contains("production"),
            "{}",
            errors.0[0].problem
        );
        let c = from(&[("BLANKETT_TEST_EID", "false")]).expect("valid");
        assert!(!c.test_eid);
        let errors = from(&[
            ("BLANKETT_MODE", "live"),
            ("BLANKETT_SESSION_IDLE_MINUTES", "0"),
            ("BLANKETT_SESSION_HOURS", "a day"),
        ])
        .expect_err("refused");
        let variables: Vec<&str> = errors.0.iter().map(|e| e.variable).collect();
        assert_eq!(
            variables,
            [
                "BLANKETT_MODE",
                "BLANKETT_SESSION_IDLE_MINUTES",
                "BLANKETT_SESSION_HOURS"
            ]
        );
    }

    #[test]
    fn every_bad_setting_is_reported_at_once() {
        let errors = from(&[
            ("BLANKETT_ADDR", "localhost"),
            ("DATABASE_URL", "mysql://root:hunter2@db/x"),
            ("BLANKETT_DEMO", "perhaps"),
            ("BLANKETT_LOG_FORMAT", "xml"),
            ("BLANKETT_TIMEZONE", "Mars/Olympus"),
            ("BLANKETT_SMTP_URL", "http://mail:secret@relay"),
            ("BLANKETT_MAIL_FROM", "not an address"),
            ("BLANKETT_MAIL_RETRY_SECONDS", "0"),
            ("BLANKETT_DRAFT_DAYS", "0"),
            ("BLANKETT_PUBLIC_URL", "e-tjanster.kommun.se/blankett"),
        ])
        .expect_err("all invalid");
        let vars: Vec<_> = errors.0.iter().map(|e| e.variable).collect();
        assert_eq!(
            vars,
            [
                "BLANKETT_ADDR",
                "DATABASE_URL",
                "BLANKETT_DEMO",
                "BLANKETT_LOG_FORMAT",
                "BLANKETT_TIMEZONE",
                "BLANKETT_SMTP_URL",
                "BLANKETT_MAIL_FROM",
                "BLANKETT_MAIL_RETRY_SECONDS",
                "BLANKETT_DRAFT_DAYS",
                "BLANKETT_PUBLIC_URL",
            ]
        );
        assert!(!errors.to_string().contains("hunter2"), "{errors}");
        assert!(!errors.to_string().contains("secret"), "{errors}");
    }

    #[test]
    fn passwords_never_reach_debug_output() {
        let c = from(&[
            (
                "DATABASE_URL",
                "postgres://blankett:s3cret@db:5432/blankett",
            ),
            (
                "BLANKETT_SMTP_URL",
                "smtp://mailer:m41l@relay:587?tls=required",
            ),
        ])
        .expect("valid");
        let debug = format!("{c:?}");
        assert!(!debug.contains("s3cret"), "{debug}");
        assert!(!debug.contains("m41l"), "{debug}");
        assert!(debug.contains("smtp://mailer:***@relay:587"), "{debug}");
        assert!(
            debug.contains("postgres://blankett:***@db:5432/blankett"),
            "{debug}"
        );
    }
}
