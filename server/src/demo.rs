//! The demo services, loaded at start-up in the embedded mode so that a
//! fresh install has something to use.

pub const DEFINITIONS: &[(&str, &str)] = &[
    (
        "fault-report.json",
        include_str!("../demo/fault-report.json"),
    ),
    (
        "parking-permit.json",
        include_str!("../demo/parking-permit.json"),
    ),
    (
        "preschool-place.json",
        include_str!("../demo/preschool-place.json"),
    ),
];
