//! Reads the OPA-style `# METADATA` comment block of a policy: regorus parses Rego but does
//! not expose annotations, so the block is read here as YAML.

use saphyr::{LoadableYamlNode, Yaml};
use serde_json::{Map, Value};
use soc2gate_model::{is_criterion, RuleMeta, Severity};

use crate::PolicyError;

/// The `package` line of a Rego file: its name and 1-based line.
pub fn package_of(text: &str) -> Option<(String, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.trim_start().strip_prefix("package ")?;
        Some((rest.trim().to_string(), i + 1))
    })
}

/// The YAML inside the first `# METADATA` block, with the 1-based line of its first line.
fn metadata_block(text: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for line in &lines[start + 1..] {
        let Some(rest) = line.trim_start().strip_prefix('#') else {
            break;
        };
        yaml.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        yaml.push('\n');
    }
    Some((yaml, start + 2))
}

fn to_json(y: &Yaml) -> Value {
    if let Some(b) = y.as_bool() {
        Value::Bool(b)
    } else if let Some(i) = y.as_integer() {
        Value::from(i)
    } else if let Some(f) = y.as_floating_point() {
        Value::from(f)
    } else if let Some(s) = y.as_str() {
        Value::String(s.to_string())
    } else if let Some(seq) = y.as_sequence() {
        Value::Array(seq.iter().map(to_json).collect())
    } else if let Some(map) = y.as_mapping() {
        let mut obj = Map::new();
        for (k, v) in map {
            let key = match to_json(k) {
                Value::String(s) => s,
                other => other.to_string(),
            };
            obj.insert(key, to_json(v));
        }
        Value::Object(obj)
    } else {
        Value::Null
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Parses and validates the metadata of the rule in `text` (file `path`).
///
/// Every problem is an error naming the file and line and saying what to write: a rule
/// whose metadata is incomplete would produce findings no one can act on.
pub fn parse_rule(path: &str, text: &str) -> Result<RuleMeta, PolicyError> {
    let err = |line: usize, message: String| PolicyError::new(path, line, message);
    let (package, package_line) = package_of(text)
        .ok_or_else(|| err(1, "no `package` declaration: a policy starts with `package soc2gate.<provider>.<service>.<rule>`".into()))?;
    let (yaml, meta_line) = metadata_block(text).ok_or_else(|| {
        err(
            package_line,
            "no `# METADATA` block: add one above `package` with title, description and custom.id/severity/controls/remediation/resource_types (see CONTRIBUTING.md)".into(),
        )
    })?;
    let docs = Yaml::load_from_str(&yaml).map_err(|e| {
        err(
            meta_line + e.marker().line().saturating_sub(1),
            format!("the METADATA block is not valid YAML: {}", e.info()),
        )
    })?;
    let meta = docs.first().map(to_json).unwrap_or(Value::Null);
    let str_field = |obj: &Value, key: &str, label: &str| -> Result<String, PolicyError> {
        match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim_end().to_string()),
            _ => Err(err(
                meta_line,
                format!("METADATA is missing `{label}` (a non-empty string)"),
            )),
        }
    };
    let list_field = |obj: &Value, key: &str| -> Result<Vec<String>, PolicyError> {
        match obj.get(key) {
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s.clone()),
                    other => Err(err(
                        meta_line,
                        format!("METADATA `custom.{key}` has a non-string entry `{other}`"),
                    )),
                })
                .collect(),
            _ => Err(err(
                meta_line,
                format!("METADATA is missing `custom.{key}` (a non-empty list)"),
            )),
        }
    };

    let title = str_field(&meta, "title", "title")?;
    let description = str_field(&meta, "description", "description")?;
    let custom = meta.get("custom").cloned().unwrap_or(Value::Null);
    if !custom.is_object() {
        return Err(err(meta_line, "METADATA is missing the `custom:` section (id, severity, controls, remediation, resource_types)".into()));
    }
    let id = str_field(&custom, "id", "custom.id")?;
    if !is_kebab_case(&id) {
        return Err(err(meta_line, format!("rule id `{id}` is not kebab case (lowercase letters, digits and single dashes, e.g. `aws-s3-versioning`)")));
    }
    let severity: Severity = str_field(&custom, "severity", "custom.severity")?
        .parse()
        .map_err(|e| err(meta_line, format!("custom.severity: {e}")))?;
    let controls = list_field(&custom, "controls")?;
    if let Some(bad) = controls.iter().find(|c| !is_criterion(c)) {
        return Err(err(meta_line, format!("custom.controls: `{bad}` is not a SOC 2 Trust Services Criteria id (e.g. CC6.1, CC8.1, A1.2, C1.1)")));
    }
    let remediation = str_field(&custom, "remediation", "custom.remediation")?;
    let resource_types = list_field(&custom, "resource_types")?;
    let scan_resource_types = match custom.get("scan_resource_types") {
        None | Some(Value::Null) => Vec::new(),
        Some(_) => list_field(&custom, "scan_resource_types")?,
    };
    let params = match custom.get("params") {
        None | Some(Value::Null) => Value::Object(Map::new()),
        Some(p @ Value::Object(_)) => p.clone(),
        Some(_) => {
            return Err(err(
                meta_line,
                "custom.params must be a mapping of parameter names to default values".into(),
            ))
        }
    };
    Ok(RuleMeta {
        id,
        title,
        description,
        severity,
        controls,
        remediation,
        resource_types,
        scan_resource_types,
        params,
        package,
        source: path.to_string(),
        examples: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"# METADATA
# title: S3 bucket versioning is enabled
# description: Versioning keeps earlier object versions.
# custom:
#   id: aws-s3-versioning
#   severity: medium
#   controls: [A1.2]
#   resource_types: [aws_s3_bucket]
#   params:
#     min_days: 7
#   remediation: |
#     Add an `aws_s3_bucket_versioning` resource.
#
#     Second paragraph.
package soc2gate.aws.s3.versioning
"#;

    #[test]
    fn reads_complete_metadata() {
        let m = parse_rule("policies/aws/s3/versioning.rego", GOOD).unwrap();
        assert_eq!(m.id, "aws-s3-versioning");
        assert_eq!(m.severity, Severity::Medium);
        assert_eq!(m.controls, vec!["A1.2"]);
        assert_eq!(m.package, "soc2gate.aws.s3.versioning");
        assert_eq!(m.params["min_days"], 7);
        assert!(m.remediation.contains("Second paragraph."));
    }

    #[test]
    fn names_what_is_missing_or_wrong() {
        let e = parse_rule("p.rego", "package x\n").unwrap_err();
        assert!(e.to_string().starts_with("p.rego:1:"), "{e}");
        assert!(e.to_string().contains("METADATA"));

        let bad_sev = GOOD.replace("severity: medium", "severity: urgent");
        let e = parse_rule("p.rego", &bad_sev).unwrap_err().to_string();
        assert!(
            e.contains("urgent") && e.contains("critical, high, medium, low"),
            "{e}"
        );

        let bad_ctl = GOOD.replace("[A1.2]", "[CC99.1]");
        assert!(parse_rule("p.rego", &bad_ctl)
            .unwrap_err()
            .to_string()
            .contains("CC99.1"));

        let no_rem = GOOD.replace("remediation", "remedy");
        assert!(parse_rule("p.rego", &no_rem)
            .unwrap_err()
            .to_string()
            .contains("custom.remediation"));

        let bad_id = GOOD.replace("aws-s3-versioning", "AWS_S3");
        assert!(parse_rule("p.rego", &bad_id)
            .unwrap_err()
            .to_string()
            .contains("kebab"));
    }
}
