//! The one place where internal failures are logged with a reference and
//! replaced by that reference for the person who met them.

use app::ssr::PortError;
use std::fmt::Display;

/// Logs `cause` under a fresh reference and returns the reference.
pub fn internal(context: &str, cause: impl Display) -> PortError {
    let reference = crate::secret::code(8);
    tracing::error!(reference = %reference, context, error = %cause, "internal error");
    PortError { reference }
}
