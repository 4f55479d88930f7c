//! Security headers on every response. Pages get a Content-Security-Policy
//! that allows only this site's own files and the inline scripts Leptos
//! writes for hydration, which carry the render's nonce (no
//! `unsafe-inline`); every other response gets one that allows nothing.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of a page drawn with `nonce` on its inline scripts.
/// `wasm-unsafe-eval` lets the browser compile the bundle; nothing else is
/// evaluated.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// For anything that is not a page: nothing may load, nothing may frame it.
const NOTHING: &str =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PERMISSIONS: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), \
    magnetometer=(), microphone=(), payment=(), usb=()";

/// Adds the headers every response has; `https`: Blankett is reached over
/// HTTPS (`BLANKETT_PUBLIC_URL`), so browsers are told to keep to it.
pub async fn headers(https: bool, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    add(response.headers_mut(), https);
    response
}

pub fn add(headers: &mut HeaderMap, https: bool) {
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Addresses may hold a secret (a receipt token): other sites are
        // never told them.
        (header::REFERRER_POLICY, "same-origin"),
        (HeaderName::from_static("permissions-policy"), PERMISSIONS),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(NOTHING),
        );
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_allows_only_its_own_nonce_and_files() {
        let policy = page_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn hsts_only_over_https() {
        let mut plain = HeaderMap::new();
        add(&mut plain, false);
        assert!(!plain.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(plain[header::CONTENT_SECURITY_POLICY], NOTHING);
        let mut secure = HeaderMap::new();
        secure.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("x"),
        );
        add(&mut secure, true);
        assert!(secure.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(
            secure[header::CONTENT_SECURITY_POLICY],
            "x",
            "a page's own policy stays"
        );
    }
}
