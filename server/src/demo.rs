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
    (
        "wedding-ceremony.json",
        include_str!("../demo/wedding-ceremony.json"),
    ),
    (
        "food-poisoning.toml",
        include_str!("../demo/food-poisoning.toml"),
    ),
    (
        "association-grant.json",
        include_str!("../demo/association-grant.json"),
    ),
];

/// A demo definition as written: TOML or JSON, by its file name.
pub fn parse(file: &str, text: &str) -> Result<forms::FormSpec, String> {
    if file.ends_with(".toml") {
        forms::spec_from_toml(text)
    } else {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    /// Every demo compiles without a problem and asks something only
    /// sometimes: each exercises conditions.
    #[test]
    fn every_demo_compiles_and_has_conditions() {
        for (name, text) in super::DEFINITIONS {
            let spec = super::parse(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
            let definition =
                forms::compile(spec).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
            assert!(
                definition
                    .fields()
                    .flat_map(|f| std::iter::once(f).chain(f.row_fields()))
                    .any(|f| f.is_conditional() || f.is_conditionally_required()),
                "{name} has no conditions"
            );
            for lang in ["sv", "en"] {
                assert!(
                    definition.languages().iter().any(|l| l == lang),
                    "{name}: {lang}"
                );
            }
        }
    }
}
