//! What a settings file becomes in the policy input: provider attribute names, `null`
//! handling, the REST API's `{enabled: ...}` forms, templates, addresses.

mod common;

use common::{addresses, fixture, load, resource, summary};
use serde_json::json;
use soc2gate_model::ModuleKind;
use soc2gate_yaml::load_settings;

#[test]
fn full_example_maps_to_provider_attributes() {
    let file = fixture("full.yml");
    let loaded = load_settings(&file);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    assert!(
        loaded.warnings.is_empty(),
        "{:?}",
        summary(&loaded.warnings)
    );
    assert_eq!(loaded.module.path, "testdata/loader/yaml/full.yml");
    assert_eq!(loaded.module.kind, ModuleKind::Settings);
    assert_eq!(loaded.module.files, vec!["testdata/loader/yaml/full.yml"]);

    let file_path = "testdata/loader/yaml/full.yml";
    let settings = |address: &str, rtype: &str, name: &str, values| {
        json!({
            "address": address, "mode": "settings", "type": rtype, "name": name,
            "provider": "github", "module": "", "file": file_path,
            "values": values, "unknown": [], "refs": {},
        })
    };
    let expected = json!({
        "resources": {
            "github_branch_protection": [
                settings("github_branch_protection.main", "github_branch_protection", "main", json!({
                    "pattern": "main",
                    "enforce_admins": true,
                    "allows_force_pushes": false,
                    "allows_deletions": false,
                    "required_linear_history": true,
                    "require_conversation_resolution": true,
                    "require_signed_commits": true,
                    // `contexts` first, then the `context` of each of `checks`.
                    "required_status_checks": [{"strict": true, "contexts": ["ci/build", "ci/test"]}],
                    "required_pull_request_reviews": [{
                        "required_approving_review_count": 2,
                        "dismiss_stale_reviews": true,
                        "require_code_owner_reviews": true,
                        "require_last_push_approval": false,
                        "restrict_dismissals": true,
                    }],
                    "restrict_pushes": [{}],
                })),
                settings(r#"github_branch_protection["release/*"]"#, "github_branch_protection", "release/*", json!({
                    "pattern": "release/*",
                    "enforce_admins": false,
                    "required_pull_request_reviews": [{"required_approving_review_count": 1}],
                })),
            ],
            "github_repository": [
                settings("github_repository.payments-api", "github_repository", "payments-api", json!({
                    "name": "payments-api",
                    "description": "Card payment service",
                    "homepage_url": "https://example.com/payments",
                    "visibility": "private",
                    "default_branch": "main",
                    "private": true,
                    "has_issues": true,
                    "has_wiki": false,
                    "allow_squash_merge": true,
                    "allow_merge_commit": false,
                    "delete_branch_on_merge": true,
                    "vulnerability_alerts": true,
                    "topics": ["payments", "pci"],
                    "security_and_analysis": [{
                        "advanced_security": [{"status": "enabled"}],
                        "secret_scanning": [{"status": "enabled"}],
                        "secret_scanning_push_protection": [{"status": "disabled"}],
                    }],
                })),
            ],
        }
    });
    assert_eq!(loaded.module.input(), expected);
}

#[test]
fn api_enabled_forms_read_like_booleans() {
    let file = fixture("api_forms.yml");
    let loaded = load_settings(&file);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["values"],
        json!({
            "pattern": "main",
            "enforce_admins": true,
            "allows_force_pushes": false,
            "allows_deletions": false,
            "required_linear_history": true,
            "require_conversation_resolution": true,
            // `required_signatures: {enabled: null}` is as unconfigured as `null`: absent.
            "lock_branch": false,
            // An empty `dismissal_restrictions` turns the restriction off.
            "required_pull_request_reviews": [{
                "required_approving_review_count": 1,
                "restrict_dismissals": false,
            }],
        })
    );
    assert_eq!(main["unknown"], json!([]));
}

#[test]
fn null_means_not_configured_not_unknown() {
    let file = fixture("nulls.yml");
    let loaded = load_settings(&file);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["values"],
        json!({"pattern": "main", "required_status_checks": [{"strict": true}]})
    );
    assert_eq!(main["unknown"], json!([]));
    let repository = resource(&loaded, "github_repository.repository");
    assert_eq!(repository["values"], json!({}));
    assert_eq!(repository["unknown"], json!([]));
    // `develop` has no protection: no resource, so the default-branch rule can see that.
    assert_eq!(
        addresses(&loaded),
        [
            "github_branch_protection.main",
            "github_repository.repository"
        ]
    );
}

#[test]
fn templates_are_unknown_never_guessed() {
    let file = fixture("templates.yml");
    let loaded = load_settings(&file);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));

    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["values"],
        json!({
            "pattern": "main",
            "required_pull_request_reviews": [{"dismiss_stale_reviews": true}],
            // The templated check keeps its place so indices stay true.
            "required_status_checks": [{"strict": true, "contexts": ["ci/build", null]}],
        })
    );
    assert_eq!(
        main["unknown"],
        json!([
            "enforce_admins",
            "required_pull_request_reviews[0].required_approving_review_count",
            "required_status_checks[0].contexts[1]",
        ])
    );

    // A templated branch name and protection: the resource exists, everything in it is
    // unknown.
    let release = resource(
        &loaded,
        r#"github_branch_protection["{{ release_branch }}"]"#,
    );
    assert_eq!(release["values"], json!({}));
    let unknown = release["unknown"].as_array().unwrap();
    for path in ["pattern", "enforce_admins", "required_pull_request_reviews"] {
        assert!(unknown.contains(&json!(path)), "{path} not in {unknown:?}");
    }

    let repository = resource(&loaded, "github_repository.repository");
    assert_eq!(repository["values"], json!({}));
    assert_eq!(repository["unknown"], json!(["default_branch"]));
}

#[test]
fn unquoted_template_is_unknown_not_a_mapping() {
    // Without quotes YAML reads `{{ n }}` as a flow mapping; it is still a template.
    let (_, loaded) = load(
        "branches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        \
         required_approving_review_count: {{ n }}\n",
    );
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["unknown"],
        json!(["required_pull_request_reviews[0].required_approving_review_count"])
    );
}

#[test]
fn branches_without_repository_imply_one_with_unknown_settings_and_no_default_branch() {
    let (_, loaded) =
        load("branches:\n  - name: main\n    protection:\n      enforce_admins: true\n");
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let repository = resource(&loaded, "github_repository.repository");
    assert_eq!(repository["mode"], "settings");
    assert_eq!(repository["name"], "repository");
    assert_eq!(repository["values"], json!({}));
    // The file does not manage the repository's settings: they are unknown, but its
    // default branch is GitHub's default.
    assert_eq!(
        repository["unknown"],
        json!([
            "archived",
            "private",
            "security_and_analysis",
            "visibility",
            "vulnerability_alerts"
        ])
    );
}

#[test]
fn branch_names_that_are_not_identifiers_are_quoted() {
    let (_, loaded) = load(
        "branches:\n  - name: release/*\n    protection: {enforce_admins: true}\n  \
         - name: v1.x\n    protection: {}\n  - name: 2024\n    protection: {}\n",
    );
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    assert_eq!(
        addresses(&loaded),
        [
            r#"github_branch_protection["2024"]"#,
            r#"github_branch_protection["release/*"]"#,
            r#"github_branch_protection["v1.x"]"#,
            "github_repository.repository",
        ]
    );
    let release = resource(&loaded, r#"github_branch_protection["release/*"]"#);
    assert_eq!(release["name"], "release/*");
    assert_eq!(release["values"]["pattern"], "release/*");
    // A branch YAML reads as a number keeps the name the settings app sends.
    let year = resource(&loaded, r#"github_branch_protection["2024"]"#);
    assert_eq!(year["values"]["pattern"], "2024");
}

#[test]
fn merge_keys_apply_shared_protection() {
    // The settings app's YAML reader applies `<<`; keys written beside it win.
    let (_, loaded) = load(
        "defaults: &protection\n  enforce_admins: true\n  allow_force_pushes: false\n\
         branches:\n  - name: main\n    protection:\n      <<: *protection\n      \
         enforce_admins: false\n",
    );
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["values"],
        json!({"pattern": "main", "enforce_admins": false, "allows_force_pushes": false})
    );
}

#[test]
fn a_branch_listed_twice_takes_its_last_entry() {
    let (_, loaded) = load(
        "branches:\n  - name: main\n    protection: {enforce_admins: true}\n  \
         - name: main\n    protection: {enforce_admins: false}\n  \
         - name: dev\n    protection: {enforce_admins: true}\n  - name: dev\n    protection: null\n",
    );
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    assert_eq!(
        summary(&loaded.warnings),
        [
            "4:5 branch `main` is listed more than once in `branches`",
            "8:5 branch `dev` is listed more than once in `branches`",
        ]
    );
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(main["values"]["enforce_admins"], false);
    // The last `dev` entry drops the protection, as the settings app would.
    assert_eq!(
        addresses(&loaded),
        [
            "github_branch_protection.main",
            "github_repository.repository"
        ]
    );
}

#[test]
fn other_sections_and_unmapped_keys_are_ignored() {
    let (_, loaded) = load(
        "labels:\n  - name: bug\ncollaborators: []\nrepository:\n  allow_forking: true\n  \
         default_branch: main\n",
    );
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let repository = resource(&loaded, "github_repository.repository");
    assert_eq!(repository["values"], json!({"default_branch": "main"}));
}
