//! The built-in test e-ID, for the embedded mode and demos: made-up people
//! to sign in as. It stands where a real provider does: the person picks
//! someone on its page, and the browser comes back to Blankett's callback
//! with a one-time code and the sign-in's `state`; the code is redeemed for
//! the identity and the nonce it was issued for, which are checked as a
//! real provider's ID token is. Refused at start-up in production mode
//! (`crate::config`).

use super::Identity;
use forms::AssuranceLevel;
use std::collections::HashMap;
use std::sync::Mutex;

/// The issuer named for test identities; never a real provider's.
pub const ISSUER: &str = "test";

/// A code must be redeemed this soon after it is issued.
const CODE_LIFETIME_MILLIS: i64 = 60_000;

/// A made-up person.
pub struct TestPerson {
    pub id: &'static str,
    pub name: &'static str,
    pub pin: Option<&'static str>,
    pub loa: AssuranceLevel,
}

/// The people offered. Their numbers are made up but well-formed.
pub const PEOPLE: &[TestPerson] = &[
    TestPerson {
        id: "anna",
        name: "Anna Andersson",
        pin: Some("19811218-9876"),
        loa: AssuranceLevel::Loa3,
    },
    TestPerson {
        id: "lars",
        name: "Lars Svensson",
        pin: Some("19450315-1237"),
        loa: AssuranceLevel::Loa3,
    },
    TestPerson {
        id: "maja",
        name: "Maja Lind",
        pin: Some("19920704-4521"),
        loa: AssuranceLevel::Loa2,
    },
    TestPerson {
        id: "jeanne",
        name: "Jeanne Dupont",
        pin: None,
        loa: AssuranceLevel::Loa3,
    },
];

struct Grant {
    person: &'static TestPerson,
    nonce: String,
    expires_at: i64,
}

/// Codes issued and not yet redeemed.
#[derive(Default)]
pub struct TestEid {
    codes: Mutex<HashMap<String, Grant>>,
}

impl TestEid {
    /// A one-time code for signing in as `person`, for the sign-in that
    /// sent `nonce`; `None` for someone not on the list.
    pub fn grant(&self, person: &str, nonce: &str, now: i64) -> Option<String> {
        let person = PEOPLE.iter().find(|p| p.id == person)?;
        let code = crate::secret::token();
        let mut codes = self.codes.lock().unwrap_or_else(|e| e.into_inner());
        codes.retain(|_, g| g.expires_at > now);
        codes.insert(
            code.clone(),
            Grant {
                person,
                nonce: nonce.to_owned(),
                expires_at: now + CODE_LIFETIME_MILLIS,
            },
        );
        Some(code)
    }

    /// The identity behind `code` and the nonce it was issued for, once.
    pub fn redeem(&self, code: &str, now: i64) -> Option<(Identity, String)> {
        let mut codes = self.codes.lock().unwrap_or_else(|e| e.into_inner());
        let grant = codes.remove(code).filter(|g| g.expires_at > now)?;
        let p = grant.person;
        Some((
            Identity {
                issuer: ISSUER.to_owned(),
                subject: p.id.to_owned(),
                name: p.name.to_owned(),
                pin: p.pin.map(str::to_owned),
                loa: p.loa,
            },
            grant.nonce,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_redeemed_once_and_only_in_time() {
        let eid = TestEid::default();
        let code = eid.grant("anna", "n1", 1_000).expect("a code");
        assert!(eid.grant("nobody", "n1", 1_000).is_none());
        let (identity, nonce) = eid.redeem(&code, 2_000).expect("redeemed");
        assert_eq!(
            (identity.name.as_str(), nonce.as_str()),
            ("Anna Andersson", "n1")
        );
        assert!(eid.redeem(&code, 2_000).is_none(), "only once");
        let late = eid.grant("lars", "n2", 1_000).expect("a code");
        assert!(
            eid.redeem(&late, 1_000 + CODE_LIFETIME_MILLIS).is_none(),
            "too late"
        );
    }
}
