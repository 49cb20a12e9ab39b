//! The source map: where a finding about a settings resource points.

mod common;

use common::{attribute, fixture, load, range};
use soc2gate_yaml::load_settings;

#[test]
fn header_block_nested_block_and_leaf_spans() {
    let file = fixture("full.yml");
    let loaded = load_settings(&file);
    let main = &loaded.module.source_map.resources["github_branch_protection.main"];
    assert_eq!(main.file, "testdata/loader/yaml/full.yml");
    // The `protection` key of the `main` entry.
    assert_eq!(range(&file, main.header), "31:5-31:15");
    // The protection mapping, up to the end of its last value (`apps: []`), not to
    // wherever the next entry starts.
    assert_eq!(range(&file, main.block), "32:7-55:17");

    let at = |path| attribute(&file, &loaded, "github_branch_protection.main", path);
    // A nested block is its YAML key, so a missing field inside points at that line.
    assert_eq!(at("required_pull_request_reviews[0]"), "32:7-32:36");
    // ... and the whole entry at the path without the index.
    assert_eq!(at("required_pull_request_reviews"), "32:7-39:20");
    // A leaf: from its key to the end of its value.
    assert_eq!(
        at("required_pull_request_reviews[0].dismiss_stale_reviews"),
        "34:9-34:36"
    );
    assert_eq!(
        at("required_pull_request_reviews[0].restrict_dismissals"),
        "37:9-39:20"
    );
    assert_eq!(at("enforce_admins"), "46:7-46:27");
    assert_eq!(at("pattern"), "30:5-30:15");
    assert_eq!(at("required_status_checks[0].strict"), "41:9-41:21");
    assert_eq!(at("required_status_checks[0].contexts"), "42:9-42:29");
    // A context that came from `checks` points at its `context` value.
    assert_eq!(at("required_status_checks[0].contexts[1]"), "44:22-44:29");

    let repository = &loaded.module.source_map.resources["github_repository.payments-api"];
    assert_eq!(range(&file, repository.header), "2:1-2:11");
    let at = |path| attribute(&file, &loaded, "github_repository.payments-api", path);
    assert_eq!(at("default_branch"), "11:3-11:23");
    assert_eq!(
        at("security_and_analysis[0].secret_scanning[0]"),
        "20:5-20:20"
    );
    assert_eq!(
        at("security_and_analysis[0].secret_scanning[0].status"),
        "21:7-21:22"
    );
}

#[test]
fn findings_about_missing_settings_fall_back_to_the_nearest_recorded_place() {
    let file = fixture("full.yml");
    let loaded = load_settings(&file);
    let map = &loaded.module.source_map;
    let locate = |attribute| {
        let (_, span) = map
            .locate(r#"github_branch_protection["release/*"]"#, attribute)
            .unwrap();
        range(&file, span)
    };
    // Inside a block that exists: the block's key.
    assert_eq!(
        locate("required_pull_request_reviews[0].dismiss_stale_reviews"),
        "58:7-58:36"
    );
    // Inside a block set to null: the `null` entry.
    assert_eq!(locate("required_status_checks[0].strict"), "60:7-60:35");
    // Not written at all: the `protection` key.
    assert_eq!(locate("require_signed_commits"), "57:5-57:15");
}

#[test]
fn implied_repository_points_at_branches() {
    let (file, loaded) =
        load("# no repository section\nbranches:\n  - name: main\n    protection: {}\n");
    let spans = &loaded.module.source_map.resources["github_repository.repository"];
    assert_eq!(range(&file, spans.header), "2:1-2:9");
}

#[test]
fn columns_count_characters_and_survive_bom_and_crlf() {
    // Multi-byte characters before a key on the same line: byte offsets and character
    // columns differ.
    let (file, loaded) = load("repository: {description: \"é—\", default_branch: main}\n");
    assert_eq!(
        attribute(
            &file,
            &loaded,
            "github_repository.repository",
            "default_branch"
        ),
        "1:33-1:53"
    );
    // The flow mapping's block ends after its closing brace.
    let spans = &loaded.module.source_map.resources["github_repository.repository"];
    assert_eq!(range(&file, spans.block), "1:13-1:54");

    let (file, loaded) = load(
        "\u{feff}branches:\r\n  - name: main\r\n    protection:\r\n      enforce_admins: true\r\n",
    );
    assert_eq!(
        attribute(
            &file,
            &loaded,
            "github_branch_protection.main",
            "enforce_admins"
        ),
        "4:7-4:27"
    );
}

#[test]
fn merged_settings_point_where_they_are_written() {
    let (file, loaded) = load(
        "defaults: &protection\n  enforce_admins: true\n\
         branches:\n  - name: main\n    protection:\n      <<: *protection\n",
    );
    assert_eq!(
        attribute(
            &file,
            &loaded,
            "github_branch_protection.main",
            "enforce_admins"
        ),
        "2:3-2:23"
    );
}

#[test]
fn block_scalars_end_at_their_last_character() {
    let (file, loaded) =
        load("repository:\n  description: |\n    Payments.\n    PCI scope.\n\n  private: true\n");
    assert_eq!(
        attribute(
            &file,
            &loaded,
            "github_repository.repository",
            "description"
        ),
        "2:3-4:15"
    );
}
