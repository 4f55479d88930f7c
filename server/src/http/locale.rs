//! Chooses the language of each request and puts it in the request's
//! extensions, where pages and server functions find it.

use app::i18n::Locale;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

pub const COOKIE: &str = "lang";

pub async fn choose_locale(mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| value.to_owned())
        });
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = Locale::negotiate(cookie.as_deref(), accept);
    request.extensions_mut().insert(locale);
    let mut response = next.run(request).await;
    // Pages differ by language, so shared caches must keep them apart.
    response.headers_mut().append(
        header::VARY,
        header::HeaderValue::from_static("Cookie, Accept-Language"),
    );
    response
}
