//! `branches[].protection` becomes a `github_branch_protection` with the Terraform GitHub
//! provider's attribute names, so one policy covers both sources.

use serde_json::{Map, Value};
use soc2gate_model::{AttrPath, ResourceSpans, SourceFile, Span};

use crate::errors::Errors;
use crate::fields::{Kind, Record};
use crate::node::{Entry, Mapping, Node, Shape};
use crate::{resource, Built};

const TYPE: &str = "github_branch_protection";

/// Protection switches: settings key -> provider attribute. Each may also be written as
/// the REST API returns it, `{enabled: true}`.
const FLAGS: &[(&str, &str)] = &[
    ("enforce_admins", "enforce_admins"),
    ("allow_force_pushes", "allows_force_pushes"),
    ("allow_deletions", "allows_deletions"),
    ("required_linear_history", "required_linear_history"),
    (
        "required_conversation_resolution",
        "require_conversation_resolution",
    ),
    ("required_signatures", "require_signed_commits"),
    ("lock_branch", "lock_branch"),
];

/// Review switches inside `required_pull_request_reviews` (same names on both sides).
const REVIEW_FLAGS: &[&str] = &[
    "dismiss_stale_reviews",
    "require_code_owner_reviews",
    "require_last_push_approval",
];

/// Every top-level attribute a protection can set: all unknown when the protection is
/// a template or cannot be read.
const ATTRIBUTES: &[&str] = &[
    "enforce_admins",
    "allows_force_pushes",
    "allows_deletions",
    "required_linear_history",
    "require_conversation_resolution",
    "require_signed_commits",
    "lock_branch",
    "required_status_checks",
    "required_pull_request_reviews",
    "restrict_pushes",
];

/// GitHub accepts at most six required approving reviews.
const MAX_APPROVALS: i64 = 6;

/// One branch protection per entry of `branches` that has a `protection` mapping.
pub(crate) fn read(file: &SourceFile, branches: Entry<'_>, errors: &mut Errors<'_>) -> Vec<Built> {
    let Some(items) = branches.value.items() else {
        errors.at(
            branches.value.span(),
            format!(
                "`branches` must be a list, found {}",
                branches.value.describe()
            ),
            "write one `- name: <branch>` entry with its `protection:` per branch; no branch \
             protection in this file was scanned",
        );
        return Vec::new();
    };
    // The settings app applies the entries in order, so a branch listed twice ends up
    // with the last entry's protection (or none, when the last entry has none).
    let mut branches: Vec<Branch> = Vec::new();
    for item in items {
        let Some(branch) = branch(file, item, errors) else {
            continue;
        };
        match branches.iter_mut().find(|seen| seen.name == branch.name) {
            Some(seen) => {
                errors.warn(
                    branch.name_span,
                    format!(
                        "branch `{}` is listed more than once in `branches`",
                        branch.name
                    ),
                    "keep one entry per branch; the settings app applies the last one, and so \
                     does soc2gate",
                );
                *seen = branch;
            }
            None => branches.push(branch),
        }
    }
    branches.into_iter().filter_map(|b| b.protection).collect()
}

/// One readable entry of `branches`.
struct Branch {
    name: String,
    /// The `name: ...` entry.
    name_span: Span,
    /// The protection resource, when the entry has a `protection` mapping.
    protection: Option<Built>,
}

/// The entry, or `None` when it cannot be read at all (an error says why).
fn branch(file: &SourceFile, item: Node<'_>, errors: &mut Errors<'_>) -> Option<Branch> {
    let Some(map) = item.mapping(errors) else {
        errors.at(
            item.span(),
            format!(
                "an entry of `branches` must be a mapping, found {}",
                item.describe()
            ),
            "write `- name: <branch>` followed by its `protection:`; this entry was not scanned",
        );
        return None;
    };
    let Some(name_entry) = map.configured("name") else {
        errors.at(
            item.span(),
            "this entry of `branches` has no `name`",
            "add `name: <branch>`; this entry was not scanned",
        );
        return None;
    };
    let name_node = name_entry.value;
    let name = if let Some(n) = name_node.as_str() {
        n.to_string()
    } else if let Shape::Int(n) = name_node.shape() {
        n.to_string()
    } else if name_node.is_template() {
        // An unquoted `{{ branch }}`, which YAML reads as a mapping: keep it as written.
        name_node.source().to_string()
    } else {
        errors.at(
            name_node.span(),
            format!(
                "`name` must be a string (the branch name), found {}",
                name_node.describe()
            ),
            "write the branch name as a string; this entry was not scanned",
        );
        return None;
    };
    let name_span = name_entry.span();
    let Some(protection) = map.configured("protection") else {
        return Some(Branch {
            name,
            name_span,
            protection: None,
        });
    };

    let mut record = Record::new(errors);
    let mut values = Map::new();
    let pattern = AttrPath::root().key("pattern");
    record.span(&pattern, name_span);
    if name_node.is_template() {
        record.unknown(&pattern);
    } else {
        values.insert("pattern".into(), Value::from(name.as_str()));
    }
    match protection.value.mapping(record.errors) {
        Some(settings) if !protection.value.is_template() => {
            read_protection(&mut record, &settings, &mut values);
        }
        // A protection that is there but cannot be read: every setting in it is unknown,
        // so no rule judges the branch on a guess.
        unreadable => {
            if unreadable.is_none() && !protection.value.is_template() {
                record.errors.at(
                    protection.value.span(),
                    format!(
                        "`protection` must be a mapping of branch protection settings, found {}",
                        protection.value.describe()
                    ),
                    "write the settings as a mapping (`enforce_admins: true`, ...), or \
                     `protection: null` for none; until it is fixed, soc2gate treats this \
                     branch's protection as unknown",
                );
            }
            for attribute in ATTRIBUTES {
                record.unknown(&AttrPath::root().key(*attribute));
            }
        }
    }
    let unknown = record.take_unknown();
    let spans = ResourceSpans {
        file: file.path.clone(),
        header: protection.key.span(),
        block: protection.value.span(),
        attributes: std::mem::take(&mut record.spans),
        ..Default::default()
    };
    let resource = resource(file, TYPE, &name, values, unknown);
    Some(Branch {
        name,
        name_span,
        protection: Some((resource, spans)),
    })
}

/// The provider-shaped values of one `protection` mapping.
fn read_protection(
    record: &mut Record<'_, '_>,
    settings: &Mapping<'_>,
    values: &mut Map<String, Value>,
) {
    let root = AttrPath::root();
    for (key, name) in FLAGS {
        record.scalar(settings, key, Kind::Flag, values, &root, name);
    }

    if let Some((at, checks)) = record.block(
        settings,
        "required_status_checks",
        &root,
        "required_status_checks",
    ) {
        let mut obj = Map::new();
        record.scalar(&checks, "strict", Kind::Bool, &mut obj, &at, "strict");
        if let Some(contexts) = read_contexts(record, &checks, &at) {
            obj.insert("contexts".into(), Value::Array(contexts));
        }
        values.insert(
            "required_status_checks".into(),
            Value::Array(vec![Value::Object(obj)]),
        );
    }

    if let Some((at, reviews)) = record.block(
        settings,
        "required_pull_request_reviews",
        &root,
        "required_pull_request_reviews",
    ) {
        let mut obj = Map::new();
        record.scalar(
            &reviews,
            "required_approving_review_count",
            Kind::Count(MAX_APPROVALS),
            &mut obj,
            &at,
            "required_approving_review_count",
        );
        for key in REVIEW_FLAGS {
            record.scalar(&reviews, key, Kind::Bool, &mut obj, &at, key);
        }
        if let Some(restrict) = read_dismissal_restrictions(record, &reviews, &at) {
            obj.insert("restrict_dismissals".into(), Value::Bool(restrict));
        }
        values.insert(
            "required_pull_request_reviews".into(),
            Value::Array(vec![Value::Object(obj)]),
        );
    }

    // The provider's push allowances name teams as `<org>/<team>`, which the settings
    // file does not say; the block records that pushes are restricted, not to whom.
    if let Some((at, _)) = record.block(settings, "restrictions", &root, "restrict_pushes") {
        let mut obj = Map::new();
        record.scalar(
            settings,
            "block_creations",
            Kind::Flag,
            &mut obj,
            &at,
            "blocks_creations",
        );
        values.insert(
            "restrict_pushes".into(),
            Value::Array(vec![Value::Object(obj)]),
        );
    }
}

/// `contexts`, followed by the `context` of every entry of `checks` (the newer form).
/// `None` when neither is configured, or when either list as a whole is unknown.
fn read_contexts(
    record: &mut Record<'_, '_>,
    checks_block: &Mapping<'_>,
    at: &AttrPath,
) -> Option<Vec<Value>> {
    let path = at.key("contexts");
    let contexts = checks_block.configured("contexts");
    let checks = checks_block.configured("checks");
    let written = contexts.or(checks);
    if let Some(entry) = written.or(checks_block.get("contexts").or(checks_block.get("checks"))) {
        record.span(&path, entry.span());
    }
    if contexts.is_none() && checks.is_none() {
        return None;
    }
    let mut list = Vec::new();
    let mut whole_list_unknown = false;
    if let Some(entry) = contexts {
        match record.strings(entry, &path, false) {
            Some(items) => list.extend(items),
            None => whole_list_unknown = true,
        }
    }
    if let Some(entry) = checks {
        if entry.value.is_template() {
            record.unknown(&path);
            whole_list_unknown = true;
        } else if let Some(items) = entry.value.items() {
            for item in items {
                let item_path = path.index(list.len());
                list.push(read_check(record, item, &item_path));
            }
        } else {
            record.wrong(entry, "a list of checks like `- context: ci/test`", &path);
            whole_list_unknown = true;
        }
    }
    (!whole_list_unknown).then_some(list)
}

/// The `context` of one entry of `checks`.
fn read_check(record: &mut Record<'_, '_>, item: Node<'_>, path: &AttrPath) -> Value {
    if item.is_template() {
        record.span(path, item.span());
        record.unknown(path);
        return Value::Null;
    }
    let context = item.mapping(record.errors).and_then(|m| m.get("context"));
    match context {
        Some(context) => record.string_item(context.value, path),
        None => {
            record.span(path, item.span());
            record.errors.at(
                item.span(),
                format!(
                    "an entry of `checks` must be a mapping with a `context`, found {}",
                    item.describe()
                ),
                "write `- context: <check name>`; until it is fixed, soc2gate treats this \
                 check as unknown",
            );
            record.unknown(path);
            Value::Null
        }
    }
}

/// `restrict_dismissals`: true when `dismissal_restrictions` names who may dismiss
/// reviews (any non-empty mapping, even with empty lists: then only admins may), false
/// for `{}`, which the REST API reads as "no restriction".
fn read_dismissal_restrictions(
    record: &mut Record<'_, '_>,
    reviews: &Mapping<'_>,
    at: &AttrPath,
) -> Option<bool> {
    let entry = reviews.get("dismissal_restrictions")?;
    let path = at.key("restrict_dismissals");
    record.span(&path, entry.span());
    if entry.value.is_null() {
        return None;
    }
    if entry.value.is_template() {
        record.unknown(&path);
        return None;
    }
    match entry.value.mapping(record.errors) {
        Some(restrictions) => Some(!restrictions.is_empty()),
        None => {
            record.wrong(entry, "a mapping of `users` and `teams`", &path);
            None
        }
    }
}
