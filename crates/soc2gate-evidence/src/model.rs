//! The data of `evidence.json`. Field names are the format: see the JSON Schema.

use serde::{Deserialize, Serialize};

/// A whole bundle: what `evidence.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema_version: u32,
    /// UTC, RFC 3339 (`2026-12-08T09:30:00Z`); `SOURCE_DATE_EPOCH` fixes it.
    pub generated_at: String,
    pub tool: Tool,
    pub run: Run,
    /// The criteria served by at least one rule of the scan, in the order of the standard.
    pub criteria: Vec<Criterion>,
    pub scope_limitations: Vec<ScopeLimitation>,
    pub exceptions: Vec<ExceptionEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// What was scanned, with what, and the outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The paths given on the command line, as given.
    pub paths: Vec<String>,
    /// `sha256:` of the policy set: every built-in and custom policy (path and text) and
    /// the effective rule parameters.
    pub policy_digest: String,
    /// `sha256:` of [`Run::config`] as canonical JSON.
    pub config_digest: String,
    /// The effective configuration: what, besides the policies, decides the outcome.
    pub config: RunConfig,
    pub git: Option<Git>,
    pub files: usize,
    pub units: usize,
    pub resources: usize,
    pub rules: usize,
    /// The scan's exit code: 0 passed, 1 failed the gate, 2 could not be trusted.
    pub exit_code: u8,
    /// `pass`, `fail` or `error`, as the exit code says.
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunConfig {
    /// The soc2gate.toml that was read, relative to the working directory.
    pub config_file: Option<String>,
    /// `sha256:` of its text.
    pub config_file_digest: Option<String>,
    /// The lowest severity that fails the gate.
    pub fail_on: String,
    pub inline_exceptions: bool,
    pub baseline: Option<String>,
    pub baseline_digest: Option<String>,
    pub allow_parse_errors: bool,
    /// Rules turned off by soc2gate.toml.
    pub disabled_rules: Vec<String>,
}

/// Where the scanned code came from, when it is a git checkout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Git {
    pub commit: String,
    /// `None` on a detached HEAD.
    pub branch: Option<String>,
    /// The `origin` remote, without any credentials it may carry.
    pub remote: Option<String>,
    /// The tree had uncommitted changes: the evidence is not of `commit` alone.
    pub dirty: bool,
}

/// One Trust Services Criterion and the rules that test it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    pub meaning: String,
    /// `effective`, `effective with exceptions`, `not effective` or `not tested`.
    pub status: String,
    pub summary: Summary,
    pub rules: Vec<RuleEvidence>,
}

/// Counts of verdicts over (rule, resource) pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub evaluated: usize,
    pub passed: usize,
    pub failed: usize,
    pub excepted: usize,
    pub undetermined: usize,
}

impl Summary {
    pub fn add(&mut self, verdict: Verdict) {
        self.evaluated += 1;
        match verdict {
            Verdict::Pass => self.passed += 1,
            Verdict::Fail => self.failed += 1,
            Verdict::Excepted => self.excepted += 1,
            Verdict::Undetermined => self.undetermined += 1,
        }
    }

    pub fn merge(&mut self, other: &Summary) {
        self.evaluated += other.evaluated;
        self.passed += other.passed;
        self.failed += other.failed;
        self.excepted += other.excepted;
        self.undetermined += other.undetermined;
    }

    /// The status of a control with these results. A control none of whose resources
    /// could be judged was not tested either.
    pub fn status(&self) -> &'static str {
        if self.evaluated == self.undetermined {
            "not tested"
        } else if self.failed > 0 {
            "not effective"
        } else if self.excepted > 0 {
            "effective with exceptions"
        } else {
            "effective"
        }
    }
}

/// One rule and its population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleEvidence {
    pub id: String,
    pub title: String,
    pub severity: String,
    /// Every criterion the rule serves.
    pub criteria: Vec<String>,
    /// The policy file.
    pub policy: String,
    /// False for a custom rule without an `undetermined` set: its passes may include
    /// resources it could not judge.
    pub reports_undetermined: bool,
    pub summary: Summary,
    /// Every resource of the rule's resource types that the scan found, in file and
    /// address order.
    pub population: Vec<Member>,
}

/// The verdict of one rule on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Judged, and no violation.
    Pass,
    /// At least one violation that no exception covers.
    Fail,
    /// Violations, all covered by exceptions (or the baseline).
    Excepted,
    /// Not judged: a value the rule needs cannot be known statically.
    Undetermined,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Excepted => "excepted",
            Verdict::Undetermined => "undetermined",
        }
    }
}

/// One resource of a rule's population.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub resource: String,
    #[serde(rename = "type")]
    pub rtype: String,
    /// `managed`, `data` or `settings`.
    pub mode: String,
    /// Where the resource is declared.
    pub file: String,
    pub line: usize,
    /// The module calls that lead to it, outermost first (empty in a root module).
    pub via: Vec<String>,
    pub verdict: Verdict,
    /// What the rule said about it: violations (for `fail` and `excepted`) or what it
    /// could not judge (`undetermined`). Empty for `pass`.
    pub details: Vec<Detail>,
}

/// One violation or undetermined entry about a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// `violation` or `undetermined`.
    pub kind: String,
    pub message: String,
    /// The attribute path the rule named (`""` for the resource itself).
    pub attribute: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// For a violation covered by an exception: the exception register's id (`E3`), or
    /// `baseline`.
    pub exception: Option<String>,
}

/// Something the scan did not look at: the auditor must see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScopeLimitation {
    /// `load-error`, `module-not-expanded`, `excluded`, `path-error`, `rule-error` or
    /// `rule-without-undetermined`.
    pub kind: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub message: String,
}

/// One exception, inline or in soc2gate.toml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExceptionEntry {
    /// `E1`, `E2`, ... in register order (file, line, rule).
    pub id: String,
    pub rule: String,
    /// The resource it is written for (inline), or the resource glob (soc2gate.toml;
    /// `*` when it has none).
    pub resource: String,
    pub reason: String,
    /// `YYYY-MM-DD`.
    pub expires: Option<String>,
    /// Days from the run's date to the expiry (negative once expired).
    pub days_left: Option<i64>,
    /// `active` (covers a violation), `expired` or `unused` (covers nothing).
    pub status: String,
    /// `inline` or `config`.
    pub source: String,
    pub file: String,
    pub line: usize,
    /// For an inline exception: the commit and author that last changed its line.
    pub blame: Option<Blame>,
    /// Violations it covers in this run.
    pub covers: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blame {
    pub commit: String,
    pub author: String,
    /// UTC date of that commit, `YYYY-MM-DD`.
    pub date: Option<String>,
}
