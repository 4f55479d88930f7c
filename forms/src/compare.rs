//! What changed between two versions of a form, so publishing can say which
//! open drafts are affected and how their answers carry over.

use crate::definition::FormDefinition;
use crate::spec::{FieldKind, FieldSpec};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The differences from one version to the next, each list in the order of
/// the form it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    pub added_pages: Vec<String>,
    pub removed_pages: Vec<String>,
    pub added_fields: Vec<String>,
    /// Answers to these are dropped from drafts.
    pub removed_fields: Vec<String>,
    pub changed_fields: Vec<FieldChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub what: Vec<Change>,
}

/// One way a field changed, from the least to the most disruptive for an
/// answer already given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Label, hint or option texts: the answer carries over as it is.
    Texts,
    /// Moved to another page.
    Page { from: String, to: String },
    /// When it is shown: the answer carries over if the field still is.
    Condition,
    /// Required, limits or ranges: the answer is checked again.
    Rules,
    /// Options that existed are gone: answers naming them are dropped.
    OptionsRemoved { options: Vec<String> },
    /// A different kind of field: the answer cannot carry over.
    Kind,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// Whether a draft with answers to `fields` is affected, meaning some of
    /// its answers are dropped or must be checked again.
    pub fn affects<'a>(&self, mut fields: impl Iterator<Item = &'a str>) -> bool {
        fields.any(|f| {
            self.removed_fields.iter().any(|r| r == f)
                || self
                    .changed_fields
                    .iter()
                    .any(|c| c.field == f && c.what.iter().any(|w| *w >= Change::Condition))
        })
    }
}

/// Compares two versions of a form (usually the live one and the next).
pub fn compare(old: &FormDefinition, new: &FormDefinition) -> Changes {
    let pages = |d: &FormDefinition| {
        d.spec()
            .pages
            .iter()
            .map(|p| p.key.clone())
            .collect::<Vec<_>>()
    };
    let fields = |d: &FormDefinition| -> BTreeMap<String, (String, FieldSpec)> {
        d.spec()
            .pages
            .iter()
            .flat_map(|p| {
                p.fields.iter().flat_map(move |f| {
                    // A row field's place is its page and its group.
                    let rows = match &f.kind {
                        FieldKind::Group { fields, .. } => fields.as_slice(),
                        _ => &[],
                    };
                    std::iter::once((f.key.clone(), (p.key.clone(), f.clone()))).chain(
                        rows.iter().map(move |r| {
                            (r.key.clone(), (format!("{}/{}", p.key, f.key), r.clone()))
                        }),
                    )
                })
            })
            .collect()
    };
    let (old_pages, new_pages) = (pages(old), pages(new));
    let (old_fields, new_fields) = (fields(old), fields(new));
    let in_order = |d: &FormDefinition| {
        d.fields()
            .flat_map(|f| std::iter::once(f).chain(f.row_fields()))
            .map(|f| f.key().to_owned())
            .collect::<Vec<_>>()
    };

    let mut changes = Changes {
        added_pages: new_pages
            .iter()
            .filter(|p| !old_pages.contains(p))
            .cloned()
            .collect(),
        removed_pages: old_pages
            .iter()
            .filter(|p| !new_pages.contains(p))
            .cloned()
            .collect(),
        added_fields: in_order(new)
            .into_iter()
            .filter(|f| !old_fields.contains_key(f))
            .collect(),
        removed_fields: in_order(old)
            .into_iter()
            .filter(|f| !new_fields.contains_key(f))
            .collect(),
        changed_fields: Vec::new(),
    };
    for key in in_order(new) {
        let (Some((old_page, a)), Some((new_page, b))) =
            (old_fields.get(&key), new_fields.get(&key))
        else {
            continue;
        };
        let mut what = field_changes(a, b);
        if old_page != new_page {
            what.push(Change::Page {
                from: old_page.clone(),
                to: new_page.clone(),
            });
        }
        what.sort();
        if !what.is_empty() {
            changes
                .changed_fields
                .push(FieldChange { field: key, what });
        }
    }
    changes
}

fn field_changes(a: &FieldSpec, b: &FieldSpec) -> Vec<Change> {
    let mut what = Vec::new();
    if std::mem::discriminant(&a.kind) != std::mem::discriminant(&b.kind) {
        return vec![Change::Kind];
    }
    if a.label != b.label || a.hint != b.hint {
        what.push(Change::Texts);
    }
    if a.visible_if != b.visible_if {
        what.push(Change::Condition);
    }
    let options = |k: &FieldKind| match k {
        FieldKind::SingleChoice { options, .. } | FieldKind::MultipleChoice { options, .. } => {
            options.clone()
        }
        _ => Vec::new(),
    };
    let (old_options, new_options) = (options(&a.kind), options(&b.kind));
    let removed: Vec<String> = old_options
        .iter()
        .filter(|o| !new_options.iter().any(|n| n.value == o.value))
        .map(|o| o.value.clone())
        .collect();
    if !removed.is_empty() {
        what.push(Change::OptionsRemoved { options: removed });
    }
    let labels_changed = old_options.iter().any(|o| {
        new_options
            .iter()
            .any(|n| n.value == o.value && n.label != o.label)
    });
    if labels_changed && !what.contains(&Change::Texts) {
        what.push(Change::Texts);
    }
    // Everything else about the kind (limits, ranges, added options) and
    // whether it is required decides which answers are accepted.
    let strip = |k: &FieldKind| match k {
        FieldKind::SingleChoice { display, .. } => FieldKind::SingleChoice {
            options: Vec::new(),
            display: *display,
        },
        // A group's own fields are compared one by one.
        FieldKind::Group {
            row_label,
            min_rows,
            max_rows,
            ..
        } => FieldKind::Group {
            fields: Vec::new(),
            row_label: row_label.clone(),
            min_rows: *min_rows,
            max_rows: *max_rows,
        },
        FieldKind::MultipleChoice {
            min_selected,
            max_selected,
            ..
        } => FieldKind::MultipleChoice {
            options: Vec::new(),
            min_selected: *min_selected,
            max_selected: *max_selected,
        },
        other => other.clone(),
    };
    if a.required != b.required || strip(&a.kind) != strip(&b.kind) {
        what.push(Change::Rules);
    }
    what
}
