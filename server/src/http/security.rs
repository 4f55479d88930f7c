//! Security headers on every response, and the refusal of writes that
//! come from other sites. Pages get a Content-Security-Policy
//! that allows only this site's own files and the inline scripts Leptos
//! writes for hydration, which carry the render's nonce (no
//! `unsafe-inline`); every other response gets one that allows nothing.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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

/// Refuses a state-changing request that a browser says came from another
/// site (cross-site request forgery). Browsers mark every request with
/// `Sec-Fetch-Site`; older ones send `Origin` on posts, which must then
/// name this host. A request with neither is not a browser's, so it cannot
/// carry a person's cookies against their will. This protects the plain
/// HTML forms without a token, so they keep working without JavaScript.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    if is_cross_site(request.method(), request.headers()) {
        let locale = super::locale_of_request(&request);
        return (
            axum::http::StatusCode::FORBIDDEN,
            locale.t("error-cross-site"),
        )
            .into_response();
    }
    next.run(request).await
}

fn is_cross_site(method: &axum::http::Method, headers: &HeaderMap) -> bool {
    use axum::http::Method;
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match (text("origin"), text("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
        (Some(_), None) => true,
        (None, _) => false,
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
    fn only_same_origin_browsers_may_write() {
        use axum::http::Method;
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            h
        };
        let post = Method::POST;
        assert!(!is_cross_site(
            &post,
            &with(&[("sec-fetch-site", "same-origin")])
        ));
        assert!(
            !is_cross_site(&post, &with(&[("sec-fetch-site", "none")])),
            "typed or bookmarked"
        );
        assert!(is_cross_site(
            &post,
            &with(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(
            is_cross_site(&post, &with(&[("sec-fetch-site", "same-site")])),
            "a neighbour subdomain"
        );
        assert!(!is_cross_site(
            &post,
            &with(&[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ])
        ));
        assert!(is_cross_site(
            &post,
            &with(&[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:3000")
            ])
        ));
        assert!(is_cross_site(
            &post,
            &with(&[("origin", "null"), ("host", "127.0.0.1:3000")])
        ));
        assert!(!is_cross_site(&post, &with(&[])), "not a browser");
        assert!(
            !is_cross_site(&Method::GET, &with(&[("sec-fetch-site", "cross-site")])),
            "reading is not writing"
        );
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
