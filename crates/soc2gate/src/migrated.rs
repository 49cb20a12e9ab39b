//! Inline suppressions written for Checkov and Trivy, honoured for the soc2gate rules that
//! check the same thing, so that a team switching to soc2gate keeps its accepted risks
//! without rewriting every comment:
//!
//! ```text
//! resource "aws_s3_bucket" "site" {
//!   #checkov:skip=CKV_AWS_19:public website assets     (anywhere inside the block, as Checkov reads it)
//! ...
//! #trivy:ignore:AVD-AWS-0088:exp:2027-06-30          (on the line above, or at the end of the line, as Trivy reads it)
//! resource "aws_s3_bucket" "site" {
//! ```
//!
//! Each becomes an in-source exception of the rules [`MAPPING`] gives for the check id
//! (docs/migration.md shows the table), with Checkov's reason, or for Trivy, whose comments
//! have none, the comment itself. Trivy's `exp:` date is an expiry, as for
//! `soc2gate:ignore`; `tfsec:ignore:` is read like `trivy:ignore:`, as Trivy does. Check ids
//! without a mapping belong to the other tool and are left alone, and a migrated comment
//! that matches no finding is not reported as unused: the tools do not flag the same
//! resources. `--no-inline-exceptions` ignores these comments too.

use std::collections::BTreeMap;
use std::sync::Arc;

use soc2gate_model::{Finding, SourceFile, Span, Suppression, SuppressionKind};

use crate::date::Date;
use crate::exceptions::{self, note_expired, Targets};
use crate::scan::UnitMap;

/// Checkov and Trivy check ids and the soc2gate rules that check the same thing.
pub const MAPPING: &[(&str, &[&str])] = &[
    ("CKV_AWS_1", &["aws-iam-no-wildcard-admin"]),
    ("CKV_AWS_2", &["aws-lb-https-only"]),
    ("CKV_AWS_3", &["aws-ebs-encryption"]),
    ("CKV_AWS_7", &["aws-kms-rotation"]),
    ("CKV_AWS_16", &["aws-rds-encryption"]),
    ("CKV_AWS_17", &["aws-rds-not-public"]),
    ("CKV_AWS_18", &["aws-s3-access-logging"]),
    ("CKV_AWS_19", &["aws-s3-encryption-at-rest"]),
    ("CKV_AWS_20", &["aws-s3-no-public-acl"]),
    ("CKV_AWS_21", &["aws-s3-versioning"]),
    ("CKV_AWS_24", &["aws-sg-no-public-ssh"]),
    ("CKV_AWS_25", &["aws-sg-no-public-rdp"]),
    ("CKV_AWS_26", &["aws-sns-encryption"]),
    ("CKV_AWS_27", &["aws-sqs-encryption"]),
    ("CKV_AWS_28", &["aws-dynamodb-pitr"]),
    ("CKV_AWS_29", &["aws-elasticache-at-rest-encryption"]),
    ("CKV_AWS_30", &["aws-elasticache-transit-encryption"]),
    ("CKV_AWS_34", &["aws-cloudfront-https"]),
    ("CKV_AWS_35", &["aws-cloudtrail-kms"]),
    ("CKV_AWS_36", &["aws-cloudtrail-log-validation"]),
    ("CKV_AWS_40", &["aws-iam-no-user-policies"]),
    ("CKV_AWS_42", &["aws-efs-encryption"]),
    ("CKV_AWS_51", &["aws-ecr-immutable-tags"]),
    ("CKV_AWS_53", &["aws-s3-public-access-block"]),
    ("CKV_AWS_54", &["aws-s3-public-access-block"]),
    ("CKV_AWS_55", &["aws-s3-public-access-block"]),
    ("CKV_AWS_56", &["aws-s3-public-access-block"]),
    ("CKV_AWS_57", &["aws-s3-no-public-acl"]),
    ("CKV_AWS_58", &["aws-eks-secrets-encryption"]),
    ("CKV_AWS_66", &["aws-cloudwatch-log-retention"]),
    ("CKV_AWS_67", &["aws-cloudtrail-multi-region"]),
    ("CKV_AWS_79", &["aws-ec2-imdsv2"]),
    ("CKV_AWS_103", &["aws-lb-modern-tls"]),
    ("CKV_AWS_119", &["aws-dynamodb-encryption"]),
    ("CKV_AWS_145", &["aws-s3-encryption-at-rest"]),
    ("CKV_AWS_158", &["aws-cloudwatch-log-kms"]),
    ("CKV_AWS_163", &["aws-ecr-scan-on-push"]),
    ("CKV2_AWS_6", &["aws-s3-public-access-block"]),
    ("CKV2_AWS_11", &["aws-vpc-flow-logs"]),
    ("AVD-AWS-0012", &["aws-cloudfront-https"]),
    ("AVD-AWS-0014", &["aws-cloudtrail-multi-region"]),
    ("AVD-AWS-0015", &["aws-cloudtrail-kms"]),
    ("AVD-AWS-0016", &["aws-cloudtrail-log-validation"]),
    ("AVD-AWS-0017", &["aws-cloudwatch-log-kms"]),
    ("AVD-AWS-0024", &["aws-dynamodb-pitr"]),
    ("AVD-AWS-0025", &["aws-dynamodb-encryption"]),
    ("AVD-AWS-0026", &["aws-ebs-encryption"]),
    ("AVD-AWS-0028", &["aws-ec2-imdsv2"]),
    ("AVD-AWS-0030", &["aws-ecr-scan-on-push"]),
    ("AVD-AWS-0031", &["aws-ecr-immutable-tags"]),
    ("AVD-AWS-0037", &["aws-efs-encryption"]),
    ("AVD-AWS-0039", &["aws-eks-secrets-encryption"]),
    ("AVD-AWS-0047", &["aws-lb-modern-tls"]),
    ("AVD-AWS-0054", &["aws-lb-https-only"]),
    (
        "AVD-AWS-0057",
        &["aws-iam-no-wildcard-action", "aws-iam-no-wildcard-admin"],
    ),
    ("AVD-AWS-0065", &["aws-kms-rotation"]),
    ("AVD-AWS-0079", &["aws-rds-encryption"]),
    ("AVD-AWS-0080", &["aws-rds-encryption"]),
    ("AVD-AWS-0086", &["aws-s3-public-access-block"]),
    ("AVD-AWS-0087", &["aws-s3-public-access-block"]),
    ("AVD-AWS-0088", &["aws-s3-encryption-at-rest"]),
    ("AVD-AWS-0089", &["aws-s3-access-logging"]),
    ("AVD-AWS-0090", &["aws-s3-versioning"]),
    ("AVD-AWS-0091", &["aws-s3-public-access-block"]),
    ("AVD-AWS-0092", &["aws-s3-no-public-acl"]),
    ("AVD-AWS-0093", &["aws-s3-public-access-block"]),
    ("AVD-AWS-0094", &["aws-s3-public-access-block"]),
    ("AVD-AWS-0095", &["aws-sns-encryption"]),
    ("AVD-AWS-0096", &["aws-sqs-encryption"]),
    (
        "AVD-AWS-0107",
        &[
            "aws-sg-no-public-all-ports",
            "aws-sg-no-public-rdp",
            "aws-sg-no-public-ssh",
        ],
    ),
    ("AVD-AWS-0132", &["aws-s3-encryption-at-rest"]),
    ("AVD-AWS-0143", &["aws-iam-no-user-policies"]),
    ("AVD-AWS-0178", &["aws-vpc-flow-logs"]),
];

/// The soc2gate rules of a Checkov or Trivy check id (any case); empty when unmapped.
pub fn rules_for(check: &str) -> &'static [&'static str] {
    MAPPING
        .iter()
        .find(|(id, _)| id.eq_ignore_ascii_case(check))
        .map_or(&[], |(_, rules)| *rules)
}

/// The mapping as a Markdown table, as docs/migration.md shows it.
pub fn table() -> String {
    let mut out = String::from("| check | tool | soc2gate rules |\n| --- | --- | --- |\n");
    for (id, rules) in MAPPING {
        let tool = if id.starts_with("CKV") {
            "Checkov"
        } else {
            "Trivy"
        };
        let rules: Vec<String> = rules.iter().map(|r| format!("`{r}`")).collect();
        out += &format!("| `{id}` | {tool} | {} |\n", rules.join(", "));
    }
    out
}

const CHECKOV: &str = "checkov:skip=";
const TRIVY: [&str; 2] = ["trivy:ignore:", "tfsec:ignore:"];

/// What a comment applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Checkov: the resource whose block holds this byte offset.
    InBlock(usize),
    /// Trivy: what starts on this line (1-based).
    Line(usize),
}

/// One Checkov or Trivy suppression with a mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub file: String,
    /// The check id as written.
    pub check: String,
    pub rules: &'static [&'static str],
    pub reason: String,
    pub expires: Option<Date>,
    pub place: Place,
}

/// True when a source may hold Checkov or Trivy suppressions.
pub fn any(text: &str) -> bool {
    text.contains(CHECKOV) || TRIVY.iter().any(|m| text.contains(m))
}

/// The Checkov and Trivy suppressions of a file whose check ids have a mapping.
pub fn comments(src: &SourceFile) -> Vec<Migrated> {
    let Some(syntax) = exceptions::syntax(&src.path) else {
        return Vec::new();
    };
    if !any(&src.text) {
        return Vec::new();
    }
    let lines: Vec<&str> = src.text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let line_start = src.line_start(n).unwrap_or(0);
        for (at, marker) in markers(line) {
            let Some(start) = exceptions::comment_start(line, at, syntax) else {
                continue;
            };
            let rest = &line[at + marker.len()..];
            let check: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            let rules = rules_for(&check);
            if rules.is_empty() {
                continue;
            }
            let after = &rest[check.len()..];
            let written = format!("{marker}{check}");
            let (reason, expires, place) = if marker == CHECKOV {
                // `:reason` runs to the end of the line.
                let reason = after.strip_prefix(':').unwrap_or("").trim();
                let reason = if reason.is_empty() {
                    format!("{written} (no reason given)")
                } else {
                    format!("{reason} ({written})")
                };
                (reason, None, Place::InBlock(line_start + at))
            } else {
                let expires = after
                    .strip_prefix(":exp:")
                    .and_then(|d| Date::parse(d.get(..10)?));
                let trailing = !line[..start].trim().is_empty();
                let target = if trailing {
                    Some(n)
                } else {
                    lines[n..]
                        .iter()
                        .position(|l| !exceptions::is_comment_line(l, syntax))
                        .map(|k| n + 1 + k)
                };
                let Some(target) = target else { continue };
                (
                    format!("{written} (no reason given)"),
                    expires,
                    Place::Line(target),
                )
            };
            out.push(Migrated {
                file: src.path.clone(),
                check,
                rules,
                reason,
                expires,
                place,
            });
        }
    }
    out
}

/// Every marker of a line, with its byte offset.
fn markers(line: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for marker in std::iter::once(CHECKOV).chain(TRIVY) {
        let mut from = 0;
        while let Some(i) = line[from..].find(marker) {
            found.push((from + i, marker));
            from += i + marker.len();
        }
    }
    found.sort_unstable();
    found
}

/// Suppresses the findings that the Checkov and Trivy comments of `sources` cover, with
/// their reason; an expired Trivy comment annotates instead.
pub fn apply(
    findings: &mut [Finding],
    sources: &BTreeMap<String, Arc<SourceFile>>,
    maps: &[UnitMap],
    targets: &Targets,
    today: Date,
) {
    for src in sources.values() {
        for m in comments(src) {
            let covers = |f: &Finding| match m.place {
                Place::Line(line) => targets.covers(&m.file, line, f),
                Place::InBlock(offset) => {
                    f.location.file == m.file
                        && maps.iter().any(|u| {
                            u.source_map
                                .resources
                                .get(&f.resource)
                                .is_some_and(|s| s.file == m.file && contains(s.block, offset))
                        })
                }
            };
            let expired = m.expires.filter(|d| *d < today);
            for f in findings.iter_mut() {
                if !m.rules.contains(&f.rule_id.as_str()) || !covers(f) {
                    continue;
                }
                if let Some(date) = expired {
                    note_expired(f, None, date, &m.reason);
                } else if f.suppression.is_none() {
                    f.suppression = Some(Suppression {
                        kind: SuppressionKind::InSource,
                        justification: m.reason.clone(),
                        expires: m.expires.map(|d| d.to_string()),
                    });
                }
            }
        }
    }
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset < span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_checkov_and_trivy_comments_with_a_mapping() {
        let text = "resource \"aws_s3_bucket\" \"a\" {\n  #checkov:skip=CKV_AWS_19:public assets\n  # checkov:skip=CKV_AWS_999: not ours\n  bucket = \"x\" #trivy:ignore:AVD-AWS-0089\n}\n#trivy:ignore:avd-aws-0088:exp:2027-06-30\n# another comment\nresource \"aws_s3_bucket\" \"b\" {}\nlocals { s = \"#checkov:skip=CKV_AWS_21:in a string\" }\n// tfsec:ignore:AVD-AWS-0090\n";
        let src = SourceFile::new("main.tf", text);
        let got = comments(&src);
        let summary: Vec<(&str, &str, Option<String>, Place)> = got
            .iter()
            .map(|m| {
                (
                    m.check.as_str(),
                    m.reason.as_str(),
                    m.expires.map(|d| d.to_string()),
                    m.place,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "CKV_AWS_19",
                    "public assets (checkov:skip=CKV_AWS_19)",
                    None,
                    Place::InBlock(text.find("checkov:skip=CKV_AWS_19").unwrap())
                ),
                (
                    "AVD-AWS-0089",
                    "trivy:ignore:AVD-AWS-0089 (no reason given)",
                    None,
                    Place::Line(4)
                ),
                (
                    "avd-aws-0088",
                    "trivy:ignore:avd-aws-0088 (no reason given)",
                    Some("2027-06-30".to_string()),
                    Place::Line(8)
                ),
            ],
            "an unmapped id, a marker inside a string and a comment before nothing are skipped"
        );
        assert_eq!(got[2].rules, ["aws-s3-encryption-at-rest"]);
    }

    #[test]
    fn the_docs_show_the_mapping() {
        let docs = include_str!("../../../docs/migration.md");
        assert!(
            docs.contains(&table()),
            "docs/migration.md must contain the table of migrated::table():\n{}",
            table()
        );
    }

    #[test]
    fn every_mapped_rule_exists() {
        let ids: Vec<String> = soc2gate_policy::builtin_sources()
            .iter()
            .filter_map(|s| soc2gate_policy::parse_rule(&s.path, &s.text).ok())
            .map(|r| r.id)
            .collect();
        for (check, rules) in MAPPING {
            for rule in *rules {
                assert!(ids.iter().any(|id| id == rule), "{check} -> {rule}");
            }
        }
    }
}
