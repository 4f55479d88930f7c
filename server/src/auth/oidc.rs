//! Blankett as an OpenID Connect relying party, for e-ID through a broker
//! (BankID, Freja eID+ and foreign eIDAS identities behind one provider).
//!
//! The authorization code flow with PKCE (S256), `state` and `nonce`. The
//! provider's discovery document is read on the first sign-in (its
//! `issuer` must be exactly the one configured) and kept; its keys are read
//! again when a token names a key not yet known. The ID token is checked
//! for its signature (RSA or EC algorithms only, never `none` or a shared
//! secret), issuer, audience (and `azp` when there are several), expiry
//! (a minute's leeway for clocks) and nonce. Claims the ID token does not
//! carry (brokers often give only `sub` there) come from the userinfo
//! endpoint, whose `sub` must be the token's. Which claims hold the name,
//! the personal identity number and the level of assurance is configured.

use super::Identity;
use crate::config::OidcSettings;
use base64::Engine;
use forms::AssuranceLevel;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use tokio::sync::{Mutex, RwLock};

/// Why a sign-in through the provider did not give an identity. Said in
/// the log and the audit log; the person sees a plain refusal page.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("discovery: {0}")]
    Discovery(String),
    #[error("token endpoint: {0}")]
    Token(String),
    #[error("ID token: {0}")]
    IdToken(String),
    #[error("userinfo: {0}")]
    Userinfo(String),
}

#[derive(Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
    userinfo_endpoint: Option<String>,
    end_session_endpoint: Option<String>,
}

struct Discovered {
    metadata: Metadata,
    keys: RwLock<JwkSet>,
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: Option<String>,
    access_token: Option<String>,
}

/// The relying party: its settings, an HTTP client, and what it learnt of
/// the provider.
pub struct Oidc {
    settings: OidcSettings,
    http: reqwest::Client,
    discovered: Mutex<Option<Arc<Discovered>>>,
}

/// The signature algorithms accepted: public-key ones only.
const ALGORITHMS: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// A fresh PKCE verifier: 256 random bits, 64 characters.
pub fn verifier() -> String {
    format!("{}{}", crate::secret::token(), crate::secret::token())
}

/// The S256 challenge of a verifier.
pub fn challenge(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

impl Oidc {
    pub fn new(settings: OidcSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            // A provider's answers are read, never followed elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Oidc {
            settings,
            http,
            discovered: Mutex::new(None),
        }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, String> {
        let response = self.http.get(url).send().await.map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("{url} answered {}", response.status()));
        }
        let bytes = response.bytes().await.map_err(|e| e.to_string())?;
        serde_json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))
    }

    async fn discovered(&self) -> Result<Arc<Discovered>, OidcError> {
        let mut held = self.discovered.lock().await;
        if let Some(d) = held.as_ref() {
            return Ok(d.clone());
        }
        let issuer = &self.settings.issuer;
        let url = format!("{issuer}/.well-known/openid-configuration");
        let metadata: Metadata = self.get_json(&url).await.map_err(OidcError::Discovery)?;
        if metadata.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
            return Err(OidcError::Discovery(format!(
                "the provider calls itself {}, not {issuer}",
                metadata.issuer
            )));
        }
        let keys: JwkSet = self
            .get_json(&metadata.jwks_uri)
            .await
            .map_err(OidcError::Discovery)?;
        let d = Arc::new(Discovered {
            metadata,
            keys: RwLock::new(keys),
        });
        *held = Some(d.clone());
        Ok(d)
    }

    /// Where to send the browser to sign in.
    pub async fn authorize_url(
        &self,
        state: &str,
        nonce: &str,
        verifier: &str,
        redirect_uri: &str,
    ) -> Result<String, OidcError> {
        let d = self.discovered().await?;
        let query = serde_urlencoded::to_string([
            ("response_type", "code"),
            ("client_id", self.settings.client_id.as_str()),
            ("redirect_uri", redirect_uri),
            ("scope", self.settings.scopes.as_str()),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", challenge(verifier).as_str()),
            ("code_challenge_method", "S256"),
        ])
        .map_err(|e| OidcError::Discovery(e.to_string()))?;
        let endpoint = &d.metadata.authorization_endpoint;
        let joiner = if endpoint.contains('?') { '&' } else { '?' };
        Ok(format!("{endpoint}{joiner}{query}"))
    }

    /// Where to send the browser to end the provider's session too, if it
    /// says where.
    pub async fn end_session_url(&self, after: &str) -> Option<String> {
        let d = self.discovered().await.ok()?;
        let endpoint = d.metadata.end_session_endpoint.as_ref()?;
        let query = serde_urlencoded::to_string([
            ("client_id", self.settings.client_id.as_str()),
            ("post_logout_redirect_uri", after),
        ])
        .ok()?;
        let joiner = if endpoint.contains('?') { '&' } else { '?' };
        Some(format!("{endpoint}{joiner}{query}"))
    }

    /// Redeems the code the provider sent back, checks the ID token, and
    /// gives who signed in.
    pub async fn redeem(
        &self,
        code: &str,
        verifier: &str,
        nonce: &str,
        redirect_uri: &str,
    ) -> Result<Identity, OidcError> {
        let wanted = [
            self.settings.name_claim.as_str(),
            self.settings.pin_claim.as_str(),
        ];
        let claims = self
            .redeem_claims(code, verifier, nonce, redirect_uri, &wanted)
            .await?;
        Ok(self.identity(&claims))
    }

    /// Redeems the code for a member of staff: their username (the
    /// configured claim) and name.
    pub async fn redeem_staff(
        &self,
        code: &str,
        verifier: &str,
        nonce: &str,
        redirect_uri: &str,
    ) -> Result<(String, String), OidcError> {
        let wanted = [
            self.settings.name_claim.as_str(),
            self.settings.username_claim.as_str(),
        ];
        let claims = self
            .redeem_claims(code, verifier, nonce, redirect_uri, &wanted)
            .await?;
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Ok((
            text(&self.settings.username_claim),
            text(&self.settings.name_claim),
        ))
    }

    /// The checked claims of the ID token, with the userinfo endpoint's
    /// added when the token lacks one of `wanted`.
    async fn redeem_claims(
        &self,
        code: &str,
        verifier: &str,
        nonce: &str,
        redirect_uri: &str,
        wanted: &[&str],
    ) -> Result<Map<String, Value>, OidcError> {
        let d = self.discovered().await?;
        let token = |e: String| OidcError::Token(e);
        let basic = |s: &str| serde_urlencoded::to_string([("", s)]).map(|q| q[1..].to_owned());
        let (user, password) = (
            basic(&self.settings.client_id).map_err(|e| token(e.to_string()))?,
            basic(&self.settings.client_secret).map_err(|e| token(e.to_string()))?,
        );
        let response = self
            .http
            .post(&d.metadata.token_endpoint)
            .basic_auth(user, Some(password))
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect_uri),
                ("code_verifier", verifier),
            ])
            .send()
            .await
            .map_err(|e| token(e.to_string()))?;
        if !response.status().is_success() {
            return Err(token(format!("answered {}", response.status())));
        }
        let bytes = response.bytes().await.map_err(|e| token(e.to_string()))?;
        let answer: TokenResponse =
            serde_json::from_slice(&bytes).map_err(|e| token(e.to_string()))?;
        let id_token = answer.id_token.ok_or_else(|| token("no ID token".into()))?;
        let mut claims = self.check_id_token(&d, &id_token, nonce).await?;
        if wanted.iter().any(|c| !claims.contains_key(*c)) {
            if let (Some(endpoint), Some(access)) =
                (&d.metadata.userinfo_endpoint, &answer.access_token)
            {
                self.add_userinfo(endpoint, access, &mut claims).await?;
            }
        }
        Ok(claims)
    }

    /// The issuer this relying party trusts.
    pub fn issuer(&self) -> &str {
        &self.settings.issuer
    }

    async fn check_id_token(
        &self,
        d: &Discovered,
        id_token: &str,
        nonce: &str,
    ) -> Result<Map<String, Value>, OidcError> {
        let bad = |e: String| OidcError::IdToken(e);
        let header = jsonwebtoken::decode_header(id_token).map_err(|e| bad(e.to_string()))?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(bad(format!("algorithm {:?} is not accepted", header.alg)));
        }
        let key = match self.key_for(d, header.kid.as_deref()).await {
            Some(key) => key,
            None => {
                // Perhaps the provider has turned to a new key.
                let keys: JwkSet = self
                    .get_json(&d.metadata.jwks_uri)
                    .await
                    .map_err(OidcError::Discovery)?;
                *d.keys.write().await = keys;
                self.key_for(d, header.kid.as_deref())
                    .await
                    .ok_or_else(|| bad("signed with a key the provider does not publish".into()))?
            }
        };
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[self.settings.issuer.as_str()]);
        validation.set_audience(&[self.settings.client_id.as_str()]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 60;
        validation.validate_nbf = true;
        let claims = jsonwebtoken::decode::<Map<String, Value>>(id_token, &key, &validation)
            .map_err(|e| bad(format!("{:?}", e.kind())))?
            .claims;
        // Several audiences: this client must be the one it was issued to.
        if claims
            .get("aud")
            .and_then(Value::as_array)
            .is_some_and(|a| a.len() > 1)
            && claims.get("azp").and_then(Value::as_str) != Some(self.settings.client_id.as_str())
        {
            return Err(bad("issued to another party".into()));
        }
        let given = claims.get("nonce").and_then(Value::as_str).unwrap_or("");
        if !super::constant_time_eq(given.as_bytes(), nonce.as_bytes()) {
            return Err(bad("the nonce is not this sign-in's".into()));
        }
        Ok(claims)
    }

    async fn key_for(&self, d: &Discovered, kid: Option<&str>) -> Option<DecodingKey> {
        let keys = d.keys.read().await;
        let jwk = match kid {
            Some(kid) => keys.find(kid),
            // No key id: only a provider with a single key may do that.
            None if keys.keys.len() == 1 => keys.keys.first(),
            None => None,
        }?;
        DecodingKey::from_jwk(jwk).ok()
    }

    async fn add_userinfo(
        &self,
        endpoint: &str,
        access_token: &str,
        claims: &mut Map<String, Value>,
    ) -> Result<(), OidcError> {
        let response = self
            .http
            .get(endpoint)
            .bearer_auth(access_token)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| OidcError::Userinfo(e.to_string()))?;
        if !response.status().is_success() {
            return Err(OidcError::Userinfo(format!(
                "answered {}",
                response.status()
            )));
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|e| OidcError::Userinfo(e.to_string()))?;
        let info: Map<String, Value> =
            serde_json::from_slice(&bytes).map_err(|e| OidcError::Userinfo(e.to_string()))?;
        if info.get("sub") != claims.get("sub") {
            return Err(OidcError::Userinfo("about someone else".into()));
        }
        for (name, value) in info {
            claims.entry(name).or_insert(value);
        }
        Ok(())
    }

    fn identity(&self, claims: &Map<String, Value>) -> Identity {
        let text = |name: &str| claims.get(name).and_then(Value::as_str).map(str::to_owned);
        let name = text(&self.settings.name_claim)
            .or_else(|| {
                let given = text("given_name")?;
                Some(match text("family_name") {
                    Some(family) => format!("{given} {family}"),
                    None => given,
                })
            })
            .unwrap_or_default();
        Identity {
            issuer: self.settings.issuer.clone(),
            subject: text("sub").unwrap_or_default(),
            name,
            pin: text(&self.settings.pin_claim).and_then(|p| personal_identity_number(&p)),
            loa: level_of(text(&self.settings.loa_claim).as_deref()),
        }
    }
}

/// A personal identity number as e-ID gives it (`198112189876`, or with a
/// dash), as Blankett writes it (`19811218-9876`), by the forms engine's
/// rules (the check digit and the date included). Anything else is no
/// number.
pub fn personal_identity_number(claim: &str) -> Option<String> {
    let today = crate::submission::context(&jiff::tz::TimeZone::UTC, None).today;
    forms::personal_identity_number(claim, today).ok()
}

/// The level of assurance a claim says, as the Swedish e-ID framework
/// (`http://id.elegnamnden.se/loa/1.0/loa3`) or eIDAS (`…/eidas-sub`,
/// `…/eidas-high`) names it. Anything unknown counts as the lowest level.
pub fn level_of(claim: Option<&str>) -> AssuranceLevel {
    let claim = claim.unwrap_or("").to_ascii_lowercase();
    let tail = claim.rsplit('/').next().unwrap_or("");
    match tail {
        "loa4" | "eidas-high" | "eidas-hi" | "high" => AssuranceLevel::Loa4,
        "loa3" | "eidas-sub" | "eidas-substantial" | "substantial" => AssuranceLevel::Loa3,
        _ => AssuranceLevel::Loa2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_read_as_blankett_writes_them() {
        assert_eq!(
            personal_identity_number("198112189876").as_deref(),
            Some("19811218-9876")
        );
        assert_eq!(
            personal_identity_number("19811218-9876").as_deref(),
            Some("19811218-9876")
        );
        assert_eq!(
            personal_identity_number("198112189877"),
            None,
            "a wrong check digit"
        );
        assert_eq!(personal_identity_number("1981121898x6"), None);
        assert_eq!(
            level_of(Some("http://id.elegnamnden.se/loa/1.0/loa3")),
            AssuranceLevel::Loa3
        );
        assert_eq!(
            level_of(Some("http://id.elegnamnden.se/loa/1.0/eidas-sub")),
            AssuranceLevel::Loa3
        );
        assert_eq!(
            level_of(Some("http://id.elegnamnden.se/loa/1.0/loa4")),
            AssuranceLevel::Loa4
        );
        assert_eq!(
            level_of(Some("http://id.elegnamnden.se/loa/1.0/loa2")),
            AssuranceLevel::Loa2
        );
        assert_eq!(level_of(Some("urn:something:else")), AssuranceLevel::Loa2);
        assert_eq!(level_of(None), AssuranceLevel::Loa2);
    }

    #[test]
    fn the_challenge_is_rfc_7636s() {
        // RFC 7636, appendix B.
        assert_eq!(
            challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(verifier().len(), 64);
    }
}
