//! Files that cannot be read, or only in part: errors with locations and help, never a
//! panic, never a silent skip.

mod common;

use common::{addresses, fixture, load, resource, summary};
use serde_json::json;
use soc2gate_yaml::load_settings;

#[test]
fn wrong_shapes_are_errors_at_the_node_and_the_rest_loads() {
    let file = fixture("wrong_shapes.yml");
    let loaded = load_settings(&file);
    assert_eq!(
        summary(&loaded.errors),
        [
            r#"4:12 `private` must be a boolean (true or false), found the string "no""#,
            "8:23 `enforce_admins` must be a boolean (true or false) or a mapping like \
             `{enabled: true}`, found the string \"yes\"",
            "10:42 `required_approving_review_count` must be a whole number from 0 to 6, \
             found the number 1.5",
            "12:31 `required_status_checks` must be a mapping of settings, found a list",
            "13:5 this entry of `branches` has no `name`",
            "16:17 `protection` must be a mapping of branch protection settings, found the \
             boolean true",
            r#"17:5 an entry of `branches` must be a mapping, found the string "just-a-string""#,
        ]
    );
    for error in &loaded.errors {
        assert_eq!(error.location.file, "testdata/loader/yaml/wrong_shapes.yml");
        assert!(error.help.is_some(), "no help for {}", error.message);
    }
    let help = |line| {
        let error = loaded
            .errors
            .iter()
            .find(|e| e.location.start.line == line)
            .unwrap();
        error.help.clone().unwrap()
    };
    assert!(help(8).contains("true or false"), "{}", help(8));
    assert!(
        help(10).contains("whole number from 0 to 6"),
        "{}",
        help(10)
    );
    assert!(help(13).contains("add `name: <branch>`"), "{}", help(13));

    // What could be read is there; what could not is unknown, so no rule judges it.
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["values"],
        json!({"pattern": "main", "required_pull_request_reviews": [{"dismiss_stale_reviews": true}]})
    );
    assert_eq!(
        main["unknown"],
        json!([
            "enforce_admins",
            "required_pull_request_reviews[0].required_approving_review_count",
            "required_status_checks",
        ])
    );
    let repository = resource(&loaded, "github_repository.repository");
    assert_eq!(repository["values"], json!({"default_branch": "main"}));
    assert_eq!(repository["unknown"], json!(["private"]));
    // `develop` has a protection that cannot be read: it exists, and all of it is unknown.
    let develop = resource(&loaded, "github_branch_protection.develop");
    assert_eq!(develop["values"], json!({"pattern": "develop"}));
    assert!(develop["unknown"]
        .as_array()
        .unwrap()
        .contains(&json!("enforce_admins")));
    assert_eq!(
        addresses(&loaded),
        [
            "github_branch_protection.develop",
            "github_branch_protection.main",
            "github_repository.repository"
        ]
    );
}

#[test]
fn counts_out_of_range_and_strings_are_errors() {
    for (value, found) in [
        ("7", "the integer 7"),
        ("-1", "the integer -1"),
        ("\"2\"", "the string \"2\""),
    ] {
        let (_, loaded) = load(&format!(
            "branches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        \
             required_approving_review_count: {value}\n"
        ));
        assert_eq!(
            summary(&loaded.errors),
            [format!(
                "5:42 `required_approving_review_count` must be a whole number from 0 to 6, found {found}"
            )]
        );
    }
}

#[test]
fn enabled_form_without_enabled_is_an_error() {
    let (_, loaded) = load(
        "branches:\n  - name: main\n    protection:\n      enforce_admins: {url: x}\n      \
         allow_force_pushes: {enabled: \"no\"}\n",
    );
    assert_eq!(
        summary(&loaded.errors),
        [
            "4:23 `enforce_admins` must be a boolean (true or false) or a mapping like \
             `{enabled: true}`, found a mapping",
            "5:37 `enabled` must be a boolean (true or false), found the string \"no\"",
        ]
    );
    let main = resource(&loaded, "github_branch_protection.main");
    assert_eq!(
        main["unknown"],
        json!(["allows_force_pushes", "enforce_admins"])
    );
}

#[test]
fn branches_that_is_not_a_list_is_an_error() {
    let (_, loaded) = load("branches:\n  main:\n    protection: {}\n");
    assert_eq!(
        summary(&loaded.errors),
        ["2:3 `branches` must be a list, found a mapping"]
    );
    // The repository is still implied: its default branch is not shown protected.
    assert_eq!(addresses(&loaded), ["github_repository.repository"]);
}

#[test]
fn invalid_yaml_is_one_error_where_the_parser_stopped() {
    let file = fixture("invalid.yml");
    let loaded = load_settings(&file);
    assert_eq!(loaded.errors.len(), 1, "{:?}", summary(&loaded.errors));
    let error = &loaded.errors[0];
    assert!(
        error.message.starts_with("invalid YAML: "),
        "{}",
        error.message
    );
    // The `]` missing on line 5 leaves `develop`'s entry inside the flow list, where the
    // parser stops at its `:`.
    assert_eq!(
        (error.location.start.line, error.location.start.column),
        (6, 9),
        "{}",
        error.message
    );
    assert_eq!(
        error.help.as_deref(),
        Some("fix the YAML syntax; this file was not scanned")
    );
    assert!(loaded.module.resources.is_empty());
    // The unit still names its file, so the report can say what was not scanned.
    assert_eq!(loaded.module.files, ["testdata/loader/yaml/invalid.yml"]);
}

#[test]
fn duplicate_keys_are_invalid_yaml() {
    let (_, loaded) = load("repository:\n  private: true\n  private: false\n");
    assert_eq!(
        summary(&loaded.errors),
        ["3:3 invalid YAML: duplicated key in mapping"]
    );
}

#[test]
fn empty_files_and_files_without_these_sections_load_empty() {
    for text in [
        "",
        "\n\n",
        "# only a comment\n",
        "---\n",
        "~\n",
        "labels:\n  - name: bug\n",
    ] {
        let (_, loaded) = load(text);
        assert!(
            loaded.errors.is_empty(),
            "{text:?}: {:?}",
            summary(&loaded.errors)
        );
        assert!(loaded.module.resources.is_empty(), "{text:?}");
        assert_eq!(loaded.module.files, [".github/settings.yml"]);
    }
}

#[test]
fn a_document_that_is_not_a_mapping_is_an_error() {
    let (_, loaded) = load("just some words\n");
    assert_eq!(
        summary(&loaded.errors),
        [
            "1:1 a settings file must be a mapping of sections such as `repository:` and \
             `branches:`, found the string \"just some words\""
        ]
    );
    let (_, loaded) = load("- branches\n");
    assert_eq!(loaded.errors.len(), 1);
}

#[test]
fn a_second_document_is_an_error_and_the_first_still_loads() {
    let (_, loaded) = load("repository:\n  private: true\n---\nbranches: []\n");
    assert_eq!(
        summary(&loaded.errors),
        ["4:1 a settings file holds one YAML document, and this is a second one"]
    );
    assert_eq!(addresses(&loaded), ["github_repository.repository"]);
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "\0\u{1}\u{7f}",
        ":::",
        "- [",
        "{{{{",
        "]]]]",
        "\t\tbranches: x",
        "!!binary |\n  ***",
        "*undefined",
        "&anchor",
        "? ? ?",
        "%YAML 9.9\n---\n",
        "branches: !!int nope\n",
        "branches:\n  - name: [a, b]\n    protection: {}\n",
        "branches:\n  - name: main\n    protection:\n      <<: 3\n",
        "repository: [1, 2]\n",
        "branches:\n  - ~\n  - name: ~\n  - name: main\n    protection: []\n",
        "\u{feff}",
        "\"unterminated",
        "a: b: c",
        "key: 'it''s'\n\u{2028}",
    ];
    for text in inputs {
        let (file, loaded) = load(text);
        for error in &loaded.errors {
            // Every location lies inside the file.
            assert!(error.location.span.end <= file.text.len(), "{text:?}");
            assert!(!error.message.is_empty());
        }
    }
}

#[test]
fn nesting_bombs_are_refused_before_parsing() {
    // Deep enough to overflow the parser's stack if it were attempted.
    let (_, loaded) = load(&"- ".repeat(100_000));
    assert_eq!(
        summary(&loaded.errors),
        ["1:1 this file nests collections more than 1000 levels deep"]
    );
    // Flow nesting past the parser's own limit is a syntax error, not a crash.
    let (_, loaded) = load(&"[".repeat(10_000));
    assert_eq!(loaded.errors.len(), 1);
    assert!(loaded.errors[0].message.starts_with("invalid YAML"));
}

#[test]
fn nesting_just_under_the_limit_parses_without_overflow() {
    // The parse runs on a stack sized for the nesting the text allows.
    let (_, loaded) = load(&("- ".repeat(990) + "x"));
    assert_eq!(loaded.errors.len(), 1);
    assert!(loaded.errors[0].message.contains("must be a mapping"));
    let indented: String = (0..300).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let (_, loaded) = load(&indented);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
}

#[test]
fn alias_bombs_are_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
        ));
    }
    let (_, loaded) = load(&text);
    assert_eq!(loaded.errors.len(), 1, "{:?}", summary(&loaded.errors));
    assert!(loaded.errors[0].message.starts_with("invalid YAML"));
}
