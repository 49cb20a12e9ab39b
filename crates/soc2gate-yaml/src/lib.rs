//! Loads repository settings files (`.github/settings.yml`, the format of the GitHub
//! "settings" app) and GitHub Actions workflows (see [`load_workflows`]) into soc2gate's
//! resource graph.
//!
//! Values use the Terraform GitHub provider's attribute names, so one policy covers a
//! `github_branch_protection` declared in Terraform and one written in a settings file:
//!
//! | settings file | resource path |
//! | --- | --- |
//! | `repository:` | `github_repository.<name>` (`repository` when unnamed, or implied by `branches:`; an implied repository has `archived`, `private`, `visibility`, `vulnerability_alerts` and `security_and_analysis` unknown, since the file does not manage them) |
//! | `repository.homepage` | `homepage_url` |
//! | `repository.topics` (list or comma-separated string) | `topics` |
//! | `repository.enable_vulnerability_alerts` | `vulnerability_alerts` |
//! | `repository.security_and_analysis.<feature>.status` | `security_and_analysis[0].<feature>[0].status` |
//! | `repository.<key>` for `name`, `description`, `visibility`, `default_branch`, `private`, `archived`, `is_template`, `has_*`, `allow_*`, `delete_branch_on_merge`, `web_commit_signoff_required`, `*_commit_title`, `*_commit_message` | `<key>` |
//! | `branches[i]` with a `protection` mapping | `github_branch_protection.<name>` |
//! | `branches[i].name` | `pattern` |
//! | `protection.enforce_admins`, `required_linear_history`, `lock_branch` | the same name |
//! | `protection.allow_force_pushes`, `allow_deletions` | `allows_force_pushes`, `allows_deletions` |
//! | `protection.required_conversation_resolution` | `require_conversation_resolution` |
//! | `protection.required_signatures` | `require_signed_commits` |
//! | `protection.required_status_checks.strict` | `required_status_checks[0].strict` |
//! | `protection.required_status_checks.contexts`, then `.checks[].context` | `required_status_checks[0].contexts` |
//! | `protection.required_pull_request_reviews.<key>` for `required_approving_review_count`, `dismiss_stale_reviews`, `require_code_owner_reviews`, `require_last_push_approval` | `required_pull_request_reviews[0].<key>` |
//! | `protection.required_pull_request_reviews.dismissal_restrictions` | `required_pull_request_reviews[0].restrict_dismissals` |
//! | `protection.restrictions`, `protection.block_creations` | `restrict_pushes[0]`, `restrict_pushes[0].blocks_creations` |
//!
//! Protection switches may also be written as the REST API returns them,
//! `{enabled: true}`. Keys not in this table are ignored.
//!
//! `null` means "not configured" and leaves the value out; a template such as
//! `${{ ... }}` is listed in `unknown`; a value of the wrong type is a load error and
//! listed in `unknown`, so no rule judges it.

mod branch;
mod errors;
mod fields;
mod guard;
mod node;
mod repository;
mod workflow;

pub use workflow::{load_workflows, WORKFLOW_TYPE};

use saphyr::{LoadableYamlNode, MarkedYaml, ScanError};
use serde_json::{Map, Value};
use soc2gate_model::{
    LoadError, Loaded, Mode, Module, ModuleKind, Resource, ResourceSpans, SourceFile, Span,
};

use crate::errors::Errors;
use crate::node::{Node, Text};

/// A resource and its spans.
pub(crate) type Built = (Resource, ResourceSpans);

/// Resources with their spans, and the errors and warnings met while reading them.
pub(crate) struct Read {
    resources: Vec<Built>,
    errors: Vec<LoadError>,
    warnings: Vec<LoadError>,
}

impl Read {
    /// Nothing read, for the reasons in `errors`.
    pub(crate) fn failed(errors: Errors<'_>) -> Self {
        Read {
            resources: Vec::new(),
            errors: errors.list,
            warnings: errors.warnings,
        }
    }
}

/// Load one repository settings file (`.github/settings.yml` / `.yaml`, the format of the
/// GitHub "settings" app / probot-settings) into one evaluation unit.
pub fn load_settings(file: &SourceFile) -> Loaded {
    let mut module = Module::new(file.path.clone(), ModuleKind::Settings);
    module.files.push(file.path.clone());
    let read = guarded(file, "settings", read);
    let (mut errors, mut warnings) = (read.errors, read.warnings);
    // Read order follows the mapping table, not the file; report in file order.
    errors.sort_by_key(|e| e.location.span.start);
    warnings.sort_by_key(|w| w.location.span.start);
    for (resource, spans) in read.resources {
        module.source_map.insert(resource.address.clone(), spans);
        module.resources.push(resource);
    }
    Loaded {
        module,
        errors,
        warnings,
        unexpanded: Vec::new(),
    }
}

/// Runs `reader` on `file` on a thread with a stack sized for the file's nesting (see
/// [`guard`]), or refuses a file nested deeper than any real `kind` file ("settings",
/// "workflow").
pub(crate) fn guarded(
    file: &SourceFile,
    kind: &str,
    reader: impl FnOnce(&SourceFile) -> Read + Send,
) -> Read {
    let Some(stack) = guard::stack_for(&file.text) else {
        let mut errors = Errors::new(file);
        errors.at(
            Span::new(0, 0),
            format!(
                "this file nests collections more than {} levels deep",
                guard::MAX_NESTING
            ),
            format!("a {kind} file needs only a few levels; this file was not scanned"),
        );
        return Read::failed(errors);
    };
    let outcome = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("soc2gate-yaml".into())
            .stack_size(stack)
            .spawn_scoped(scope, || reader(file))
            .map(|handle| handle.join())
    });
    let message = match outcome {
        Ok(Ok(read)) => return read,
        Ok(Err(_)) => format!("the {kind} reader failed on this file"),
        Err(e) => format!("could not start the {kind} reader: {e}"),
    };
    let mut errors = Errors::new(file);
    errors.at(Span::new(0, 0), message, "this file was not scanned");
    Read::failed(errors)
}

/// Parses the file and reads its first document.
fn read(file: &SourceFile) -> Read {
    let mut errors = Errors::new(file);
    let text = Text::new(&file.text);
    let docs = match MarkedYaml::load_from_str(&file.text) {
        Ok(docs) => docs,
        Err(e) => {
            syntax_error(&text, &e, &mut errors);
            return Read::failed(errors);
        }
    };
    // An empty document (an empty file, comments only, a bare `---`) is null.
    let mut documents = docs
        .iter()
        .map(|d| Node::new(d, &text))
        .filter(|d| !d.is_null());
    let resources = match documents.next() {
        Some(root) => {
            for extra in documents {
                errors.at(
                    Span::new(extra.start(), extra.start()),
                    "a settings file holds one YAML document, and this is a second one",
                    "merge the documents into one; only the first was scanned",
                );
            }
            read_root(file, root, &mut errors)
        }
        None => Vec::new(),
    };
    Read {
        resources,
        errors: errors.list,
        warnings: errors.warnings,
    }
}

/// Invalid YAML: one error where the parser stopped.
pub(crate) fn syntax_error(text: &Text<'_>, e: &ScanError, errors: &mut Errors<'_>) {
    let at = text.byte(e.marker());
    // Underline the offending character, unless the parser stopped at a line end.
    let end = match text.text[at..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => at + c.len_utf8(),
        _ => at,
    };
    errors.at(
        Span::new(at, end),
        format!("invalid YAML: {}", e.info()),
        "fix the YAML syntax; this file was not scanned",
    );
}

/// The resources of the document's `repository` and `branches` sections.
fn read_root(file: &SourceFile, root: Node<'_>, errors: &mut Errors<'_>) -> Vec<Built> {
    let Some(sections) = root.mapping(errors) else {
        errors.at(
            root.span(),
            format!(
                "a settings file must be a mapping of sections such as `repository:` and \
                 `branches:`, found {}",
                root.describe()
            ),
            "write the settings as `repository:` and `branches:` sections; this file was not \
             scanned",
        );
        return Vec::new();
    };
    let branches = sections.configured("branches");
    let mut resources = Vec::new();
    let repository = sections
        .configured("repository")
        .and_then(|entry| repository::read(file, entry, errors));
    match (repository, branches) {
        (Some(repository), _) => resources.push(repository),
        // Protections imply a repository whose default branch must be among them.
        (None, Some(branches)) => resources.push(repository::implied(file, branches)),
        (None, None) => {}
    }
    if let Some(branches) = branches {
        resources.extend(branch::read(file, branches, errors));
    }
    resources
}

/// `type.name` when the name is an identifier, else `type["name"]`.
pub(crate) fn address(rtype: &str, name: &str) -> String {
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if identifier {
        format!("{rtype}.{name}")
    } else {
        format!("{rtype}[{}]", Value::from(name))
    }
}

/// A settings resource of `file`.
pub(crate) fn resource(
    file: &SourceFile,
    rtype: &str,
    name: &str,
    values: Map<String, Value>,
    unknown: Vec<String>,
) -> Resource {
    Resource {
        address: address(rtype, name),
        mode: Mode::Settings,
        rtype: rtype.to_string(),
        name: name.to_string(),
        provider: Resource::provider_of(rtype),
        module: String::new(),
        file: file.path.clone(),
        values,
        unknown,
        refs: Default::default(),
        expressions: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_quote_names_that_are_not_identifiers() {
        assert_eq!(address("t", "main"), "t.main");
        assert_eq!(address("t", "feature-x_2"), "t.feature-x_2");
        assert_eq!(address("t", "release/*"), r#"t["release/*"]"#);
        assert_eq!(address("t", "1.x"), r#"t["1.x"]"#);
        assert_eq!(address("t", "2024"), r#"t["2024"]"#);
        assert_eq!(address("t", ""), r#"t[""]"#);
    }
}
