//! The `repository:` section becomes a `github_repository` with the Terraform GitHub
//! provider's attribute names.

use serde_json::{Map, Value};
use soc2gate_model::{AttrPath, ResourceSpans, SourceFile};

use crate::errors::Errors;
use crate::fields::{Kind, Record};
use crate::node::{Entry, Mapping};
use crate::{resource, Built};

const TYPE: &str = "github_repository";

/// The name of the resource when the file does not name the repository.
const DEFAULT_NAME: &str = "repository";

/// String settings: settings key -> provider attribute.
const STRINGS: &[(&str, &str)] = &[
    ("name", "name"),
    ("description", "description"),
    ("homepage", "homepage_url"),
    ("visibility", "visibility"),
    ("default_branch", "default_branch"),
    ("squash_merge_commit_title", "squash_merge_commit_title"),
    ("squash_merge_commit_message", "squash_merge_commit_message"),
    ("merge_commit_title", "merge_commit_title"),
    ("merge_commit_message", "merge_commit_message"),
];

/// Boolean settings: settings key -> provider attribute.
const BOOLEANS: &[(&str, &str)] = &[
    ("private", "private"),
    ("archived", "archived"),
    ("is_template", "is_template"),
    ("has_issues", "has_issues"),
    ("has_projects", "has_projects"),
    ("has_wiki", "has_wiki"),
    ("has_downloads", "has_downloads"),
    ("has_discussions", "has_discussions"),
    ("allow_squash_merge", "allow_squash_merge"),
    ("allow_merge_commit", "allow_merge_commit"),
    ("allow_rebase_merge", "allow_rebase_merge"),
    ("allow_auto_merge", "allow_auto_merge"),
    ("allow_update_branch", "allow_update_branch"),
    ("delete_branch_on_merge", "delete_branch_on_merge"),
    ("web_commit_signoff_required", "web_commit_signoff_required"),
    ("enable_vulnerability_alerts", "vulnerability_alerts"),
];

/// The features of `security_and_analysis`, each `{status: enabled|disabled}`.
const SECURITY_FEATURES: &[&str] = &[
    "advanced_security",
    "secret_scanning",
    "secret_scanning_push_protection",
];

/// The repository described by `repository:`, or `None` when it is not a mapping (an
/// error says so).
pub(crate) fn read(file: &SourceFile, entry: Entry<'_>, errors: &mut Errors<'_>) -> Option<Built> {
    let mut record = Record::new(errors);
    let mut values = Map::new();
    if entry.value.is_template() {
        let attributes = STRINGS.iter().chain(BOOLEANS).map(|(_, name)| *name);
        for attribute in attributes.chain(["topics", "security_and_analysis"]) {
            record.unknown(&AttrPath::root().key(attribute));
        }
    } else {
        let Some(settings) = entry.value.mapping(record.errors) else {
            record.errors.at(
                entry.value.span(),
                format!(
                    "`repository` must be a mapping of repository settings, found {}",
                    entry.value.describe()
                ),
                "write the settings as a mapping (`default_branch: main`, ...); the repository \
                 settings were not scanned",
            );
            return None;
        };
        read_settings(&mut record, &settings, &mut values);
    }
    let name = match values.get("name") {
        Some(Value::String(name)) => name.clone(),
        _ => DEFAULT_NAME.to_string(),
    };
    let unknown = record.take_unknown();
    let spans = ResourceSpans {
        file: file.path.clone(),
        header: entry.key.span(),
        block: entry.value.span(),
        attributes: std::mem::take(&mut record.spans),
        ..Default::default()
    };
    Some((resource(file, TYPE, &name, values, unknown), spans))
}

/// Settings of an implied repository that the file does not manage: the repository keeps
/// whatever GitHub has, which a scan cannot know.
const UNMANAGED: &[&str] = &[
    "archived",
    "private",
    "security_and_analysis",
    "visibility",
    "vulnerability_alerts",
];

/// The repository a file implies when it protects branches without a `repository:`
/// section. The file does not manage its settings: its visibility and security features
/// are unknown (rules about them stay silent), while its default branch is left unset so
/// the default-branch rule applies GitHub's default. It is located at `branches:`.
pub(crate) fn implied(file: &SourceFile, branches: Entry<'_>) -> Built {
    let spans = ResourceSpans {
        file: file.path.clone(),
        header: branches.key.span(),
        block: branches.span(),
        ..Default::default()
    };
    let unknown = UNMANAGED.iter().map(|name| name.to_string()).collect();
    (
        resource(file, TYPE, DEFAULT_NAME, Map::new(), unknown),
        spans,
    )
}

fn read_settings(
    record: &mut Record<'_, '_>,
    settings: &Mapping<'_>,
    values: &mut Map<String, Value>,
) {
    let root = AttrPath::root();
    for (key, name) in STRINGS {
        record.scalar(settings, key, Kind::Str, values, &root, name);
    }
    for (key, name) in BOOLEANS {
        record.scalar(settings, key, Kind::Bool, values, &root, name);
    }
    // The settings app takes topics as a list or as one comma-separated string.
    if let Some(entry) = settings.get("topics") {
        let path = root.key("topics");
        record.span(&path, entry.span());
        if let Some(topics) = record.strings(entry, &path, true) {
            values.insert("topics".into(), Value::Array(topics));
        }
    }
    if let Some((at, security)) = record.block(
        settings,
        "security_and_analysis",
        &root,
        "security_and_analysis",
    ) {
        let mut obj = Map::new();
        for feature in SECURITY_FEATURES {
            if let Some((feature_at, status)) = record.block(&security, feature, &at, feature) {
                let mut feature_obj = Map::new();
                record.scalar(
                    &status,
                    "status",
                    Kind::Str,
                    &mut feature_obj,
                    &feature_at,
                    "status",
                );
                obj.insert(
                    feature.to_string(),
                    Value::Array(vec![Value::Object(feature_obj)]),
                );
            }
        }
        values.insert(
            "security_and_analysis".into(),
            Value::Array(vec![Value::Object(obj)]),
        );
    }
}
