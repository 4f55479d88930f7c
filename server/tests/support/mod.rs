//! Real parts the server tests talk to.

pub mod smtp;
