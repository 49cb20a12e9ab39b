//! Rule metadata, as read from a policy's `# METADATA` block.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde_json::Value;

/// Severity of a rule; ordered from least to most severe. The default is `Low`, the
/// gate's default threshold (every finding fails).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// GitHub code scanning's `security-severity` (a CVSS-like score, as a string).
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "2.0",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            _ => Err(format!(
                "unknown severity `{s}`: expected one of critical, high, medium, low"
            )),
        }
    }
}

/// Everything a report needs to know about a rule. One source for docs, `explain`,
/// SARIF rule descriptors and the text output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleMeta {
    /// Kebab-case id, e.g. `aws-s3-encryption-at-rest`.
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    /// SOC 2 Trust Services Criteria, e.g. `["CC6.1", "C1.1"]`.
    pub controls: Vec<String>,
    /// Markdown.
    pub remediation: String,
    pub resource_types: Vec<String>,
    /// Types the rule reads from every module of the scan, as `data.scan.resources`
    /// (account-level settings such as `aws_s3_account_public_access_block`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scan_resource_types: Vec<String>,
    /// Parameter defaults (an object), overridable per rule.
    pub params: Value,
    /// The Rego package, e.g. `soc2gate.aws.s3.encryption_at_rest`.
    pub package: String,
    /// The policy file, e.g. `policies/aws/s3/encryption_at_rest.rego`.
    pub source: String,
    /// Fixtures that show the rule failing and passing, for its documentation. Only
    /// built-in rules have them (their fixtures are embedded in the binary).
    #[serde(skip_serializing_if = "RuleExamples::is_empty")]
    pub examples: RuleExamples,
}

/// A failing and a passing example of a rule, taken from its tested fixtures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RuleExamples {
    pub failing: Option<RuleExample>,
    pub passing: Option<RuleExample>,
}

impl RuleExamples {
    pub fn is_empty(&self) -> bool {
        self.failing.is_none() && self.passing.is_none()
    }
}

/// One fixture file, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleExample {
    /// The fixture's path, e.g. `testdata/rules/aws-s3-versioning/unversioned.tf`.
    pub file: String,
    /// Its text, with the test markers made readable (see `soc2gate-policy`).
    pub text: String,
}
