//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use soc2gate_model::Severity;
use soc2gate_report::Format;

const ABOUT: &str =
    "Policy-as-code scanner and CI gate for SOC 2 controls in Terraform and repository settings";

const LONG_ABOUT: &str = "\
soc2gate reads Terraform (.tf, terraform.tfvars, *.auto.tfvars), repository settings
(.github/settings.yml) and GitHub Actions workflows (.github/workflows/*.yml), builds one
resource graph per Terraform module, settings file or workflows directory,
evaluates Rego policies that encode SOC 2 controls, and reports every violation with the
Trust Services Criteria it concerns. It fails the build when a control is violated.

Values that cannot be known statically (a variable without a default, a computed
attribute) never produce a finding.";

const AFTER_HELP: &str = "\
Examples:
  soc2gate scan                                 scan the current directory
  soc2gate scan infra/ --fail-on high           fail only on high and critical findings
  soc2gate scan --format sarif > soc2gate.sarif
  soc2gate scan --output sarif=soc2gate.sarif   print text and write SARIF in one run
  soc2gate rules --format json                  the rule catalogue
  soc2gate rules --control CC6.7                the rules that serve one SOC 2 criterion
  soc2gate explain aws-s3-tls-only              what a rule checks and how to fix it
  soc2gate docs --out site/                     write the rule documentation to site/
  soc2gate policy test policies/                run Rego unit tests (*_test.rego)
  soc2gate init                                 write a commented soc2gate.toml
  soc2gate baseline create                      accept today's findings in .soc2gate-baseline.json
  soc2gate scan --baseline .soc2gate-baseline.json   fail only on findings not in the baseline
  soc2gate scan --changed-since origin/main     report only what a branch changed
  soc2gate evidence . --out evidence            the scan, and evidence for your auditor

Exceptions, in .tf (`#` or `//`) and YAML (`#`), on the line above a resource, nested
block, attribute or module call, or at the end of that line:
  # soc2gate:ignore <rule-id>[,<rule-id>...] -- <reason> (expires YYYY-MM-DD)
The reason is required and the expiry optional. A malformed exception is an
`invalid-exception` finding (high); an expired one stops suppressing and says so; one
that matches nothing is an `unused-exception` warning (low, never fails the gate).

Exit codes:
  0  no unsuppressed finding at or above --fail-on
  1  at least one such finding
  2  the scan cannot be trusted: bad arguments or soc2gate.toml, a policy that does not
     compile, a rule that failed, a file that failed to parse (see --allow-parse-errors),
     a malformed baseline, or a --changed-since that git cannot resolve";

const EVIDENCE_HELP: &str = "\
Runs the same scan as `soc2gate scan` (same config, exceptions, baseline, policies and
exit code, and the same report on standard output) and writes to --out DIR:
  evidence.json   the data: run metadata and digests, per Trust Services Criterion its
                  rules and each rule's population with verdicts (pass, fail, excepted,
                  undetermined), scope limitations, the exceptions register; its JSON
                  Schema is crates/soc2gate-evidence/schema/evidence.schema.json
  evidence.md     the same for people and pull requests
  evidence.html   one self-contained page, printable to PDF
  manifest.json   the sha256 of each file

SOURCE_DATE_EPOCH (seconds since 1970) fixes generated_at: the same inputs then give a
byte-identical bundle. `undetermined` means a rule could not judge a resource because a
value it needs is unknown statically; scanning plan JSON makes most values known.

Examples:
  soc2gate evidence . --out evidence/2026-12
  soc2gate evidence infra/ --out evidence --format github --output sarif=soc2gate.sarif
  soc2gate evidence diff evidence/2026-11/evidence.json evidence/2026-12/evidence.json";

const RULES_HELP: &str = "\
Examples:
  soc2gate rules                          every rule: id, severity, SOC 2 criteria, title
  soc2gate rules --control CC6.7          only the rules that serve criterion CC6.7
  soc2gate rules --format markdown        the catalogue as Markdown tables, by criterion
  soc2gate rules --format json            id, title, severity, criteria, parameters, policy";

const EXPLAIN_HELP: &str = "\
Prints the rule's page in Markdown: severity, SOC 2 criteria and their meaning, resource
types, parameters with their defaults, what it checks, how to fix a finding, a failing
and a passing example (built-in rules), and the policy file. It is the page of
docs/rules/<id>.md and the SARIF help of the rule.

Examples:
  soc2gate explain aws-s3-tls-only
  soc2gate explain my-rule --policy-dir my-policies/";

const DOCS_HELP: &str = "\
For maintaining soc2gate's own documentation. Writes DIR/rules.md (the catalogue, by SOC 2
criterion) and DIR/rules/<id>.md (the page `soc2gate explain <id>` prints) for the
built-in rules, and removes the pages of rules that no longer exist. The examples come
from each rule's fixtures under testdata/rules/<id>/.

It replaces and removes only files it generated: when another file is at one of its
paths (your own docs/rules.md), it writes nothing and says which. Outside a checkout of
soc2gate, --out is required.

With --check nothing is written: exit code 0 when DIR is up to date, 1 with the list of
files that differ.

Examples:
  soc2gate docs                   regenerate docs/ (in a checkout of soc2gate)
  soc2gate docs --check           fail when docs/ is out of date (run in CI)
  soc2gate docs --out site/       write somewhere else";

#[derive(Debug, Parser)]
#[command(name = "soc2gate", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and fail when a SOC 2 control is violated.
    Scan(ScanArgs),
    /// Scan like `scan`, and write an evidence bundle for your auditor: per SOC 2
    /// criterion, every resource each rule evaluated and its verdict.
    #[command(after_help = EVIDENCE_HELP)]
    Evidence(EvidenceArgs),
    /// List the rules: id, severity, SOC 2 criteria, title.
    #[command(after_help = RULES_HELP)]
    Rules(RulesArgs),
    /// Explain one rule: what it checks, why, how to fix a finding, and examples.
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
    /// Write the rule documentation (docs/rules.md and a page per rule) from the policies;
    /// for soc2gate's own docs/, or --out DIR.
    #[command(after_help = DOCS_HELP)]
    Docs(DocsArgs),
    /// Work with Rego policies.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Record today's findings so that `scan --baseline` fails only on new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Write a commented starter soc2gate.toml.
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or directories to scan. `.git/` and `.terraform/` are skipped. In a git work
    /// tree every tracked file is scanned and untracked files follow .gitignore; outside
    /// git, .gitignore and .ignore apply. All .tf files of a directory form one module.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Format of the report on standard output: text, json, sarif, junit (JUnit XML),
    /// github (workflow commands that annotate the lines in GitHub Actions), markdown
    /// (for $GITHUB_STEP_SUMMARY and pull request comments) or compact (one line per
    /// finding: `file:line:col: severity rule-id message`). With --changed-since, SARIF
    /// still holds every finding: code scanning compares whole analyses.
    #[arg(long, short = 'f', default_value = "text", value_parser = parse_format)]
    pub format: Format,

    /// Also write a report to a file, as FORMAT=PATH (e.g. sarif=soc2gate.sarif).
    /// Repeatable.
    #[arg(long, short = 'o', value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output: Vec<(Format, PathBuf)>,

    /// Lowest severity that fails the scan (exit 1). Default: `fail_on` of soc2gate.toml,
    /// else low.
    #[arg(long, value_enum)]
    pub fail_on: Option<SeverityArg>,

    /// The config file. Default: the first soc2gate.toml found walking up from the first
    /// path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore `soc2gate:ignore` comments, and Checkov's and Trivy's inline suppressions:
    /// only soc2gate.toml exceptions and the baseline suppress findings.
    #[arg(long)]
    pub no_inline_exceptions: bool,

    /// Findings recorded in this baseline (see `soc2gate baseline create`) are reported as
    /// suppressed and do not fail the scan; entries that no longer occur are listed as fixed.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Report only findings in files changed since this git ref (`git diff REF...HEAD`,
    /// plus uncommitted and untracked files), and findings of modules that contain a
    /// changed file. Modules are still evaluated whole.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// A directory of your own Rego policies to evaluate next to the built-ins
    /// (same METADATA and `deny` contract; see CONTRIBUTING.md). Repeatable.
    #[arg(long, value_name = "DIR")]
    pub policy_dir: Vec<PathBuf>,

    /// Report files that fail to parse, but do not let them alone make the exit code 2.
    #[arg(long)]
    pub allow_parse_errors: bool,

    /// List on standard error the files that ignore files (.gitignore, .ignore) left out
    /// (the summary counts them).
    #[arg(long, short = 'v')]
    pub verbose: bool,

    #[command(flatten)]
    pub vars: VarArgs,

    /// When to color the text report. `auto` colors a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct EvidenceArgs {
    #[command(subcommand)]
    pub command: Option<EvidenceCommand>,

    /// The directory to write the bundle to (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub scan: ScanArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// What changed between two bundles, per criterion: resources that started failing or
    /// were fixed, new and expired exceptions, population added or removed.
    Diff(EvidenceDiffArgs),
}

#[derive(Debug, Args)]
pub struct EvidenceDiffArgs {
    /// The earlier evidence.json.
    pub old: PathBuf,
    /// The later evidence.json.
    pub new: PathBuf,
    /// text (Markdown that reads as text) or json.
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan and write the findings that fail today (after exceptions) to a baseline file.
    Create(BaselineCreateArgs),
}

#[derive(Debug, Args)]
pub struct BaselineCreateArgs {
    /// Files or directories to scan, as for `scan`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Where to write the baseline. Its file paths are relative to its directory.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        default_value = ".soc2gate-baseline.json"
    )]
    pub output: PathBuf,

    /// The config file, as for `scan`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// A directory of your own Rego policies. Repeatable.
    #[arg(long, value_name = "DIR")]
    pub policy_dir: Vec<PathBuf>,

    /// Ignore `soc2gate:ignore` comments, as for `scan`.
    #[arg(long)]
    pub no_inline_exceptions: bool,

    #[command(flatten)]
    pub vars: VarArgs,

    /// Write the baseline even when files fail to parse (their findings are then missing
    /// from it).
    #[arg(long)]
    pub allow_parse_errors: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to write soc2gate.toml in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Overwrite an existing soc2gate.toml.
    #[arg(long)]
    pub force: bool,
}

/// Terraform input variables for root modules, as `terraform plan` takes them.
#[derive(Debug, Clone, Default, Args)]
pub struct VarArgs {
    /// Set a root module variable, as NAME=VALUE (Terraform's syntax: a plain string for
    /// string, number and bool variables, an HCL expression for lists, maps and objects).
    /// Repeatable; later wins. `TF_VAR_<name>` environment variables are read too, with
    /// the lowest precedence, as Terraform does.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub vars: Vec<(String, String)>,

    /// Read root module variables from a .tfvars or .tfvars.json file. Repeatable; later
    /// wins, and --var beats every file.
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format: text (a table), json, or markdown (the catalogue: a table per SOC 2
    /// criterion, as in docs/rules.md).
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    /// Only the rules that serve this SOC 2 Trust Services Criterion, e.g. CC6.7.
    #[arg(long, value_name = "CRITERION")]
    pub control: Option<String>,

    /// Include the rules of a policy directory of your own. Repeatable.
    #[arg(long, value_name = "DIR")]
    pub policy_dir: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. aws-s3-encryption-at-rest (see `soc2gate rules`).
    pub id: String,

    /// Include the rules of a policy directory of your own. Repeatable.
    #[arg(long, value_name = "DIR")]
    pub policy_dir: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// The directory to write to. Default: docs/, in a checkout of soc2gate only;
    /// anywhere else it must be given.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Write nothing; exit 1 and list the files that differ when DIR is out of date.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Run the `test_*` rules of `*_test.rego` files, like `opa test`. Without DIR, runs
    /// the built-in policies' tests. Your policies may import the built-in helpers
    /// (`data.soc2gate.lib.core`).
    Test(PolicyTestArgs),
}

#[derive(Debug, Args)]
pub struct PolicyTestArgs {
    /// Directories of policies and their tests.
    pub dirs: Vec<PathBuf>,

    /// Run only tests whose `package.name` contains this text.
    #[arg(long)]
    pub run: Option<String>,

    /// Print every test, not only failures.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Critical,
    High,
    Medium,
    Low,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Critical => Severity::Critical,
            SeverityArg::High => Severity::High,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::Low => Severity::Low,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Markdown,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>()
        .map_err(|_| format!("unknown format `{s}`: expected {}", Format::names()))
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!(
            "`{s}` is not NAME=VALUE (e.g. --var region=eu-west-1)"
        )),
    }
}

fn parse_output(s: &str) -> Result<(Format, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not FORMAT=PATH (e.g. sarif=soc2gate.sarif)"))?;
    if path.is_empty() {
        return Err(format!("`{s}` names no file after `=`"));
    }
    Ok((parse_format(format)?, PathBuf::from(path)))
}
