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

const SESSION_SCRIPT: &str = include_str!("../../../style/session.js");

/// The session warning's script (see `style/session.js`).
pub async fn session_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SESSION_SCRIPT,
    )
}

const BUILDER_SCRIPT: &str = include_str!("../../../style/builder.js");

/// The form builder's save-as-you-go script (see `style/builder.js`).
pub async fn builder_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        BUILDER_SCRIPT,
    )
}

/// The browser bundle (`blankett.js`, `blankett_bg.wasm`) from the site
/// directory, compressed copies preferred where the build made them.
pub fn pkg_service(site_dir: &Path) -> ServeDir {
    ServeDir::new(site_dir.join("pkg"))
        .precompressed_gzip()
        .precompressed_br()
}

/// The JSON Schema of the form definition format, for editors and
/// integrators (the same as `forms/definition.schema.json`).
pub async fn definition_schema() -> impl IntoResponse {
    static SCHEMA: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| forms::definition_schema().to_string());
    (
        [(header::CONTENT_TYPE, "application/schema+json")],
        SCHEMA.as_str(),
    )
}
