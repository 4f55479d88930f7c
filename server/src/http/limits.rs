//! Rate limits per client: starting a sign-in, and sending a form. A token
//! bucket per client address and kind of request, in memory (each server
//! counts its own): a client may do `n` a minute, with bursts up to `n`.
//! Over the limit, the answer is 429 with `Retry-After` and a translated
//! message. The client is the connection's peer address: behind a reverse
//! proxy every request seems to come from the proxy, so a proxy in front
//! must limit by the real address itself or the limits be raised.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What is limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `POST /signin`, `POST /staff/signin` and `POST /staff/signin/provider`.
    SignIn,
    /// Sending a form from check your answers.
    Submission,
}

impl Kind {
    /// The kind of `method` `path`, if it is limited.
    pub fn of(method: &Method, path: &str) -> Option<Kind> {
        if method != Method::POST {
            return None;
        }
        if path == "/signin" || path == "/staff/signin" || path == "/staff/signin/provider" {
            return Some(Kind::SignIn);
        }
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("services"), Some(_), Some("check"), None) => Some(Kind::Submission),
            _ => None,
        }
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The buckets of every client.
pub struct Limits {
    /// Per minute, per kind; 0 means no limit.
    sign_ins: u32,
    submissions: u32,
    buckets: Mutex<HashMap<(IpAddr, Kind), Bucket>>,
}

/// Buckets kept before full ones are forgotten (a full bucket is the same
/// as none).
const MAX_BUCKETS: usize = 100_000;

impl Limits {
    pub fn new(sign_ins: u32, submissions: u32) -> Self {
        Limits {
            sign_ins,
            submissions,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn per_minute(&self, kind: Kind) -> u32 {
        match kind {
            Kind::SignIn => self.sign_ins,
            Kind::Submission => self.submissions,
        }
    }

    /// Takes one of `client`'s tokens for `kind`; `Err` with the seconds
    /// until there is one again.
    pub fn take(&self, client: IpAddr, kind: Kind, now: Instant) -> Result<(), u64> {
        let per_minute = self.per_minute(kind);
        if per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(per_minute);
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            buckets.retain(|(_, k), b| {
                let full = f64::from(self.per_minute(*k));
                b.tokens + now.duration_since(b.at).as_secs_f64() * full / 60.0 < full
            });
        }
        let bucket = buckets.entry((client, kind)).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(capacity);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / per_second).ceil().max(1.0) as u64)
        }
    }
}

/// The layer: refuses a limited request over its client's limit.
pub async fn limit(State(limits): State<Arc<Limits>>, request: Request, next: Next) -> Response {
    let kind = Kind::of(request.method(), request.uri().path());
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if let (Some(kind), Some(client)) = (kind, client) {
        if let Err(wait) = limits.take(client, kind, Instant::now()) {
            let locale = super::locale_of_request(&request);
            let minutes = i64::try_from(wait.div_ceil(60)).unwrap_or(i64::MAX);
            let key = match kind {
                Kind::SignIn => "error-too-many-sign-ins",
                Kind::Submission => "error-too-many-submissions",
            };
            let text = locale.t_args(key, &[("minutes", app::i18n::FluentArg::Num(minutes))]);
            tracing::warn!(?kind, "a client went over its rate limit");
            let mut response = (StatusCode::TOO_MANY_REQUESTS, text).into_response();
            if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            return response;
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_client_gets_its_burst_then_waits_and_others_are_not_touched() {
        let limits = Limits::new(3, 0);
        let (a, b): (IpAddr, IpAddr) = (
            "10.0.0.1".parse().expect("ip"),
            "10.0.0.2".parse().expect("ip"),
        );
        let t = Instant::now();
        for _ in 0..3 {
            assert_eq!(limits.take(a, Kind::SignIn, t), Ok(()));
        }
        assert_eq!(
            limits.take(a, Kind::SignIn, t),
            Err(20),
            "one a 20 s at 3 a minute"
        );
        assert_eq!(limits.take(b, Kind::SignIn, t), Ok(()), "another client");
        assert_eq!(
            limits.take(a, Kind::SignIn, t + Duration::from_secs(20)),
            Ok(())
        );
        assert_eq!(limits.take(a, Kind::Submission, t), Ok(()), "0: no limit");
    }

    #[test]
    fn only_starting_a_sign_in_and_sending_are_limited() {
        assert_eq!(Kind::of(&Method::POST, "/signin"), Some(Kind::SignIn));
        assert_eq!(
            Kind::of(&Method::POST, "/staff/signin/provider"),
            Some(Kind::SignIn)
        );
        assert_eq!(
            Kind::of(&Method::POST, "/services/parking-permit/check"),
            Some(Kind::Submission)
        );
        assert_eq!(
            Kind::of(&Method::GET, "/services/parking-permit/check"),
            None
        );
        assert_eq!(
            Kind::of(&Method::POST, "/services/parking-permit/form"),
            None
        );
        assert_eq!(Kind::of(&Method::POST, "/services/a/check/x"), None);
    }
}
