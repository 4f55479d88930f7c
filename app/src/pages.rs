//! Pages, grouped by who uses them.

pub mod citizen {
    pub mod catalogue;
    pub mod check;
    pub mod form;
    pub mod my_cases;
    pub mod receipt;
    pub mod saved;
    pub mod start;
}
pub mod admin;
pub mod authoring;
pub mod handling;
pub mod not_found;
pub mod publishing;
pub mod sign_in;
pub mod staff;
