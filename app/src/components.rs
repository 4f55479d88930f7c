//! Components shared by pages.

pub mod error_summary;
pub mod field;
pub mod layout;
pub mod notices;
pub mod sign_in;
pub mod summary_list;
