//! Static assets: the stylesheet, compiled into the binary so the pages are
//! styled even before any browser bundle is built, and the bundle itself.

use axum::http::header;
use axum::response::IntoResponse;
use std::path::Path;
use tower_http::services::ServeDir;

const STYLESHEET: &str = include_str!("../../../style/main.css");

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

/// The browser bundle (`blankett.js`, `blankett_bg.wasm`) from the site
/// directory, compressed copies preferred where the build made them.
pub fn pkg_service(site_dir: &Path) -> ServeDir {
    ServeDir::new(site_dir.join("pkg"))
        .precompressed_gzip()
        .precompressed_br()
}
