//! SARIF: valid against the official 2.1.0 schema, and shaped the way GitHub code scanning
//! reads it (the contract in the design's "Findings and outputs").

mod common;

use serde_json::Value;
use soc2gate_model::Severity;
use soc2gate_report::{render, validate_sarif, Format, TextOptions};

fn sarif(fixture: &common::Fixture) -> Value {
    let out = render(Format::Sarif, &fixture.report(), &TextOptions::default());
    serde_json::from_str(&out).expect("SARIF output is JSON")
}

fn assert_valid(log: &Value) {
    if let Err(errors) = validate_sarif(log) {
        panic!("SARIF does not validate:\n{}", errors.join("\n"));
    }
}

#[test]
fn every_case_validates_against_the_schema() {
    // The schema is the OASIS one with its two `language` patterns' stray `]` escaped,
    // which the jsonschema crate's regex engine otherwise rejects.
    assert_valid(&sarif(&common::full()));
    assert_valid(&sarif(&common::small()));
    assert_valid(&sarif(&common::clean()));
    assert_valid(&sarif(&common::modules()));
}

#[test]
fn module_calls_are_related_locations_with_unique_ids() {
    let log = sarif(&common::modules());
    let results = log["runs"][0]["results"].as_array().unwrap();
    let merged = results
        .iter()
        .find(|r| r["ruleId"] == "aws-s3-no-public-acl")
        .unwrap();
    let related = merged["relatedLocations"].as_array().unwrap();
    let summary: Vec<(i64, &str, &str, i64)> = related
        .iter()
        .map(|l| {
            let physical = &l["physicalLocation"];
            (
                l["id"].as_i64().unwrap(),
                l["message"]["text"].as_str().unwrap(),
                physical["artifactLocation"]["uri"].as_str().unwrap(),
                physical["region"]["startLine"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, "via module.archive", common::STACK_TF, 7),
            (1, "via module.logs", common::STACK_TF, 2)
        ]
    );
    assert_eq!(
        merged["properties"]["also"],
        serde_json::json!(["module.logs.aws_s3_bucket.this"])
    );
    // A finding in a root module has none.
    for r in sarif(&common::small())["runs"][0]["results"]
        .as_array()
        .unwrap()
    {
        assert!(r.get("relatedLocations").is_none(), "{r:#}");
    }
}

#[test]
fn modules_not_expanded_are_warning_notifications() {
    let log = sarif(&common::modules());
    let invocation = &log["runs"][0]["invocations"][0];
    // Nothing failed: the scan is sound, it just did not see those modules.
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "warning");
    assert_eq!(
        notes[0]["message"]["text"],
        "module.vpc (terraform-aws-modules/vpc/aws) was not expanded: remote sources are not fetched"
    );
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        12
    );
    assert_eq!(notes[0]["properties"]["module"], "module.vpc");
}

#[test]
fn the_log_has_one_run_from_soc2gate() {
    let log = sarif(&common::full());
    assert_eq!(log["version"], "2.1.0");
    let schema = log["$schema"].as_str().unwrap();
    assert!(schema.contains("sarif-2.1.0") || schema.contains("sarif-schema-2.1.0"));
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert!(run.get("originalUriBaseIds").is_none());
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "soc2gate");
    assert_eq!(driver["version"], "0.1.0");
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
}

fn level(severity: &str) -> &'static str {
    match severity {
        "critical" | "high" => "error",
        "medium" => "warning",
        _ => "note",
    }
}

#[test]
fn rules_describe_every_evaluated_rule_sorted_by_id() {
    let fixture = common::full();
    let log = sarif(&fixture);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    // A rule without findings is listed; so is a finding's rule the report was not told about.
    for meta in &fixture.rules {
        assert!(ids.contains(&meta.id.as_str()), "{} missing", meta.id);
    }
    assert!(ids.contains(&"aws-s3-access-logging"));
    assert!(ids.contains(&"custom-ascii-tags"));

    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        let meta = fixture.rules.iter().find(|m| m.id == id);
        let severity = meta.map_or(Severity::Low, |m| m.severity);
        // security-severity is a string: GitHub ignores a number.
        assert_eq!(
            rule["properties"]["security-severity"],
            Value::String(severity.security_severity().to_string()),
            "{id}"
        );
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            level(severity.as_str()),
            "{id}"
        );
        let name = rule["name"].as_str().unwrap();
        assert!(
            name.chars().next().unwrap().is_ascii_uppercase() && !name.contains('-'),
            "{name}"
        );
        for field in ["shortDescription", "fullDescription"] {
            assert!(
                !rule[field]["text"].as_str().unwrap().is_empty(),
                "{id} {field}"
            );
        }
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty(), "{id}");
        assert!(
            !rule["help"]["markdown"].as_str().unwrap().is_empty(),
            "{id}"
        );
        let tags: Vec<&str> = rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(tags.contains(&"security") && tags.contains(&"soc2"), "{id}");
        if let Some(meta) = meta {
            assert_eq!(rule["shortDescription"]["text"], meta.title.as_str());
            // The same page as `soc2gate explain` and docs/rules/<id>.md.
            assert_eq!(
                rule["help"]["markdown"],
                soc2gate_report::rule_page(meta).as_str()
            );
            for control in &meta.controls {
                assert!(tags.contains(&control.as_str()), "{id} lacks tag {control}");
            }
        }
    }
}

#[test]
fn results_point_at_relative_files_with_one_based_regions() {
    let fixture = common::full();
    let log = sarif(&fixture);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), fixture.findings.len());

    for (result, finding) in results.iter().zip(&fixture.findings) {
        let id = finding.rule_id.as_str();
        assert_eq!(result["ruleId"], id);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex of {id}");
        assert_eq!(result["level"], level(finding.severity.as_str()));
        assert_eq!(result["message"]["text"], finding.message.as_str());

        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(uri, finding.location.file, "the path, exactly");
        assert!(!uri.starts_with('/') && !uri.contains("://") && !uri.contains('\\'));
        assert!(physical["artifactLocation"].get("uriBaseId").is_none());

        let region = &physical["region"];
        let get = |k: &str| region[k].as_u64().unwrap() as usize;
        assert_eq!(get("startLine"), finding.location.start.line);
        assert_eq!(get("startColumn"), finding.location.start.column);
        assert_eq!(get("endLine"), finding.location.end.line);
        assert_eq!(get("endColumn"), finding.location.end.column);
        assert!(get("startLine") >= 1 && get("startColumn") >= 1);
        assert!((get("endLine"), get("endColumn")) >= (get("startLine"), get("startColumn")));

        let logical = &locations[0]["logicalLocations"][0];
        assert_eq!(logical["fullyQualifiedName"], finding.resource.as_str());
        assert_eq!(logical["kind"], "resource");

        let fingerprints = &result["partialFingerprints"];
        assert_eq!(fingerprints["soc2gate/v1"], finding.fingerprint.as_str());
        let line_hash = fingerprints["primaryLocationLineHash"].as_str();
        if fixture.sources.contains_key(&finding.location.file) {
            let (hash, count) = line_hash.expect("line hash").split_once(':').unwrap();
            assert!(u64::from_str_radix(hash, 16).is_ok() && count.parse::<u32>().unwrap() >= 1);
        } else {
            // Without the text, leave it to the upload action to compute.
            assert_eq!(line_hash, None);
        }

        let properties = &result["properties"];
        assert_eq!(properties["resource"], finding.resource.as_str());
        assert_eq!(properties["attribute"], finding.attribute.as_str());
        assert_eq!(properties["severity"], finding.severity.as_str());
        assert_eq!(properties["controls"], serde_json::json!(finding.controls));

        match &finding.suppression {
            None => assert!(result.get("suppressions").is_none()),
            Some(s) => {
                let sarif = &result["suppressions"][0];
                let kind = match s.kind {
                    soc2gate_model::SuppressionKind::InSource => "inSource",
                    soc2gate_model::SuppressionKind::External => "external",
                };
                assert_eq!(sarif["kind"], kind);
                assert_eq!(sarif["justification"], s.justification.as_str());
                assert_eq!(sarif["status"], "accepted");
            }
        }
    }
}

#[test]
fn columns_count_characters() {
    let fixture = common::full();
    let log = sarif(&fixture);
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "custom-ascii-tags")
        .unwrap();
    // `    owner = "équipe-données"`: "données" starts at character 21, byte 22.
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 21);
    assert_eq!(region["endColumn"], 28);
}

#[test]
fn load_errors_are_tool_execution_notifications() {
    let fixture = common::full();
    let log = sarif(&fixture);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), fixture.load_errors.len());
    for (note, error) in notes.iter().zip(&fixture.load_errors) {
        assert_eq!(note["level"], "error");
        assert_eq!(note["message"]["text"], error.message.as_str());
        let physical = &note["locations"][0]["physicalLocation"];
        assert_eq!(
            physical["artifactLocation"]["uri"],
            error.location.file.as_str()
        );
        assert_eq!(physical["region"]["startLine"], error.location.start.line);
        assert_eq!(
            physical["region"]["startColumn"],
            error.location.start.column
        );
    }

    let clean = sarif(&common::clean());
    let invocation = &clean["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert!(invocation.get("toolExecutionNotifications").is_none());
    assert_eq!(clean["runs"][0]["results"], serde_json::json!([]));
}
