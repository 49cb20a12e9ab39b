//! soc2gate: the command line over the scanning libraries. `run` parses arguments,
//! drives the pipeline in [`scan`], prints reports and returns the exit code.

pub mod baseline;
pub mod changed;
pub mod cli;
pub mod config;
pub mod date;
pub mod discover;
pub mod docs;
pub mod evidence;
pub mod exceptions;
pub mod gate;
pub mod migrated;
pub mod paths;
pub mod scan;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use soc2gate_model::{
    criterion_ids, criterion_list, criterion_meaning, RuleMeta, Severity, SourceFile,
};
use soc2gate_policy::{
    builtin_sources, load_dir, parse_rule, run_tests, Outcome, PolicyError, PolicyKind, PolicySet,
    PolicySource,
};
use soc2gate_report::{catalogue, render, rule_page, Format, Report, Summary, TextOptions};
use soc2gate_terraform::LoadOptions;

use crate::baseline::Baseline;
use crate::cli::{
    BaselineCommand, BaselineCreateArgs, Cli, ColorChoice, Command, DiffFormat, DocsArgs,
    EvidenceArgs, EvidenceCommand, ExplainArgs, InitArgs, ListFormat, PolicyCommand,
    PolicyTestArgs, RulesArgs, ScanArgs, VarArgs,
};
use crate::config::{Config, Selection};
use crate::date::Date;
use crate::discover::Discovered;
use crate::gate::Gated;
use crate::scan::{ScanOptions, ScanOutcome};

/// No unsuppressed finding at or above the threshold.
pub const EXIT_OK: u8 = 0;
/// At least one finding fails the gate.
pub const EXIT_FINDINGS: u8 = 1;
/// The scan cannot be trusted (bad arguments, policy or rule errors, unparsed files).
pub const EXIT_ERROR: u8 = 2;

/// Runs soc2gate with `args` (including the program name) and returns its exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    let code = match cli.command {
        Command::Scan(args) => cmd_scan(&args, None),
        Command::Evidence(args) => cmd_evidence(&args),
        Command::Rules(args) => cmd_rules(&args),
        Command::Explain(args) => cmd_explain(&args),
        Command::Docs(args) => cmd_docs(&args),
        Command::Policy(PolicyCommand::Test(args)) => cmd_policy_test(&args),
        Command::Baseline(BaselineCommand::Create(args)) => cmd_baseline_create(&args),
        Command::Init(args) => cmd_init(&args),
    };
    ExitCode::from(code)
}

fn print_policy_errors(errors: &[PolicyError]) {
    for e in errors {
        eprintln!("error: {e}");
    }
    eprintln!(
        "error: {} policy problem(s); fix them or drop the --policy-dir that contains them",
        errors.len()
    );
}

/// Built-in policies plus the rules and libraries of `dirs`.
fn policy_sources(dirs: &[PathBuf]) -> Result<Vec<PolicySource>, Vec<PolicyError>> {
    let mut sources = builtin_sources();
    for dir in dirs {
        sources.extend(load_dir(dir).map_err(|e| vec![e])?);
    }
    Ok(sources)
}

fn load_policies(dirs: &[PathBuf]) -> Result<PolicySet, u8> {
    policy_sources(dirs)
        .and_then(|s| PolicySet::load(&s, &BTreeMap::new()))
        .map_err(|errors| {
            print_policy_errors(&errors);
            EXIT_ERROR
        })
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// The config, the rules it selects and the compiled policies: what `scan` and
/// `baseline create` share.
struct Prepared {
    config: Option<Config>,
    selection: Selection,
    policies: PolicySet,
    /// Of the policies loaded and their parameters, for evidence.
    policy_digest: String,
}

fn print_config_errors(errors: &[config::ConfigError]) {
    for e in errors {
        eprintln!("error: {e}");
    }
}

/// Finds and checks soc2gate.toml (or `--config`), and loads the policies it selects.
fn prepare(
    paths: &[PathBuf],
    config_flag: Option<&Path>,
    policy_dirs: &[PathBuf],
    cwd: &Path,
) -> Result<Prepared, u8> {
    let config_path = match config_flag {
        Some(p) => Some(p.to_path_buf()),
        None => config::find(paths.first().map_or(Path::new("."), |p| p.as_path()), cwd),
    };
    let config = match config_path {
        Some(p) => Some(config::load(&p, cwd).map_err(|errors| {
            print_config_errors(&errors);
            EXIT_ERROR
        })?),
        None => None,
    };
    let sources = policy_sources(policy_dirs).map_err(|errors| {
        print_policy_errors(&errors);
        EXIT_ERROR
    })?;
    // Rule ids by source; a rule whose metadata is broken keeps its source, so that
    // `PolicySet::load` reports it.
    let ids: Vec<Option<String>> = sources
        .iter()
        .map(|s| {
            (s.kind() == PolicyKind::Rule)
                .then(|| parse_rule(&s.path, &s.text).ok().map(|m| m.id))
                .flatten()
        })
        .collect();
    let selection = match &config {
        Some(c) => {
            let mut catalogue: Vec<RuleMeta> = sources
                .iter()
                .filter(|s| s.kind() == PolicyKind::Rule)
                .filter_map(|s| parse_rule(&s.path, &s.text).ok())
                .collect();
            catalogue.extend(exceptions::rules());
            c.select(&catalogue).map_err(|errors| {
                print_config_errors(&errors);
                EXIT_ERROR
            })?
        }
        None => Selection::default(),
    };
    let sources: Vec<PolicySource> = sources
        .into_iter()
        .zip(ids)
        .filter(|(_, id)| {
            id.as_ref()
                .is_none_or(|id| !selection.disabled.contains(id))
        })
        .map(|(s, _)| s)
        .collect();
    let mut policies = PolicySet::load(&sources, &selection.params).map_err(|errors| {
        print_load_errors(&errors, config.as_ref());
        EXIT_ERROR
    })?;
    if let Some(limit) = config.as_ref().and_then(|c| c.rule_timeout) {
        policies.set_rule_timeout(limit);
    }
    Ok(Prepared {
        policy_digest: evidence::policy_digest(&sources, &selection.params),
        config,
        selection,
        policies,
    })
}

/// Policy errors, except that a parameter value a rule rejects is reported where
/// soc2gate.toml sets it.
fn print_load_errors(errors: &[PolicyError], config: Option<&Config>) {
    let mut rest = Vec::new();
    for e in errors {
        let in_config = e
            .param
            .as_ref()
            .filter(|p| p.overridden)
            .and_then(|p| config?.param_error(&p.rule, p.name.as_deref(), &p.message));
        match in_config {
            Some(c) => eprintln!("error: {c}"),
            None => rest.push(e.clone()),
        }
    }
    if !rest.is_empty() {
        print_policy_errors(&rest);
    }
}

fn working_dir() -> Result<PathBuf, u8> {
    std::env::current_dir().map_err(|e| {
        eprintln!("error: cannot read the working directory: {e}");
        EXIT_ERROR
    })
}

fn today() -> Result<Date, u8> {
    Date::today().map_err(|e| {
        eprintln!("error: {e}");
        EXIT_ERROR
    })
}

/// Terraform variables from `--var`, `--var-file` and `TF_VAR_*`; an unreadable var file
/// is an error (exit 2), as in Terraform.
fn load_options(args: &VarArgs, cwd: &Path) -> Result<LoadOptions, u8> {
    let mut var_files = Vec::new();
    for path in &args.var_files {
        match std::fs::read_to_string(path) {
            Ok(text) => var_files.push(SourceFile::new(discover::display_path(path, cwd), text)),
            Err(e) => {
                eprintln!("error: --var-file {}: {e}", path.display());
                return Err(EXIT_ERROR);
            }
        }
    }
    let mut env_vars = tf_vars(std::env::vars_os());
    env_vars.sort();
    Ok(LoadOptions {
        var_files,
        vars: args.vars.clone(),
        env_vars,
        ..Default::default()
    })
}

/// The `TF_VAR_<name>` variables of an environment, name without the prefix. A name or
/// value that is not UTF-8 cannot be a Terraform variable: it is skipped with a warning
/// rather than read (any other variable of the environment may hold any bytes).
fn tf_vars(env: impl Iterator<Item = (OsString, OsString)>) -> Vec<(String, String)> {
    let mut vars = Vec::new();
    for (key, value) in env {
        let Some(name) = key.as_encoded_bytes().strip_prefix(b"TF_VAR_") else {
            continue;
        };
        match (std::str::from_utf8(name), value.into_string()) {
            (Ok(name), Ok(value)) => vars.push((name.to_string(), value)),
            _ => eprintln!(
                "warning: the environment variable {} is not valid UTF-8; soc2gate ignored it",
                key.to_string_lossy()
            ),
        }
    }
    vars
}

/// What every scanning command needs before it scans.
struct ScanSetup {
    cwd: PathBuf,
    today: Date,
    prepared: Prepared,
    load: LoadOptions,
}

/// Working directory, today's date, config and policies, Terraform variables; any failure
/// has been printed and is returned as the exit code.
fn setup(
    paths: &[PathBuf],
    config: Option<&Path>,
    policy_dirs: &[PathBuf],
    vars: &VarArgs,
) -> Result<ScanSetup, u8> {
    let cwd = working_dir()?;
    let today = today()?;
    let prepared = prepare(paths, config, policy_dirs, &cwd)?;
    let load = load_options(vars, &cwd)?;
    Ok(ScanSetup {
        cwd,
        today,
        prepared,
        load,
    })
}

/// Scans `paths` with what `prepared` selected, skipping the files the config excludes.
/// `undetermined` also collects what the rules could not judge (for evidence).
fn run_scan(
    paths: &[PathBuf],
    cwd: &Path,
    prepared: &Prepared,
    load: LoadOptions,
    undetermined: bool,
) -> ScanOutcome {
    let exclude = |d: &Discovered| {
        prepared
            .config
            .as_ref()
            .is_some_and(|c| c.excludes(&d.display, cwd))
    };
    let opts = ScanOptions {
        exclude: prepared
            .config
            .as_ref()
            .map(|_| &exclude as &(dyn Fn(&Discovered) -> bool + Sync)),
        load,
        undetermined,
    };
    scan::scan_with(paths, cwd, &prepared.policies, &opts)
}

/// Problems a user must hear of on standard error. Module calls that were not expanded
/// are left out when `shown` (the text report on standard output already lists them).
fn print_scan_problems(outcome: &ScanOutcome, paths: &[PathBuf], shown: bool) {
    for w in &outcome.load_warnings {
        eprintln!(
            "warning: {}:{}:{}: {}",
            w.location.file, w.location.start.line, w.location.start.column, w.message
        );
    }
    for u in outcome.unexpanded.iter().filter(|_| !shown) {
        eprintln!(
            "warning: {}:{}:{}: {}; the resources it creates were not checked",
            u.location.file,
            u.location.start.line,
            u.location.start.column,
            u.message()
        );
    }
    for e in &outcome.discover_errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    for e in &outcome.eval_errors {
        eprintln!("error: {e}");
    }
    if outcome.files == 0 && outcome.discover_errors.is_empty() {
        let shown = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        if outcome.excluded > 0 {
            eprintln!("warning: nothing to scan under {shown}: all {} files are excluded by soc2gate.toml", outcome.excluded);
        } else {
            eprintln!(
                "warning: nothing to scan under {shown}: soc2gate reads *.tf, terraform.tfvars, *.auto.tfvars, .github/settings.yml and .github/workflows/*.yml"
            );
        }
    }
}

/// What the gate adds to a report: the lines after the text summary, and the JSON fields.
struct Extras<'a> {
    excluded: usize,
    ignored: usize,
    baseline: Option<&'a Baseline>,
    changed_since: Option<&'a str>,
    gated: &'a Gated,
}

impl Extras<'_> {
    /// The text report's lines after its summary line.
    fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.excluded > 0 {
            out.push(format!(
                "excluded: {} by `exclude` in soc2gate.toml",
                plural(self.excluded, "file")
            ));
        }
        if self.ignored > 0 {
            out.push(format!(
                "ignored: {} by .gitignore or .ignore (untracked or outside git; --verbose lists them)",
                plural(self.ignored, "file")
            ));
        }
        if let Some(b) = self.baseline {
            out.push(format!(
                "baseline {}: {} of its {} no longer found (fixed)",
                b.display,
                self.gated.fixed.len(),
                plural(b.entries.len(), "finding")
            ));
            for e in &self.gated.fixed {
                let attribute = if e.attribute.is_empty() {
                    String::new()
                } else {
                    format!(" {}", e.attribute)
                };
                out.push(format!(
                    "fixed: {} at {} ({}{attribute})",
                    e.rule, e.file, e.resource
                ));
            }
        }
        if let Some(r) = self.changed_since {
            out.push(format!(
                "changed since {r}: {} outside the changed files and their modules not shown",
                plural(self.gated.unchanged, "finding")
            ));
        }
        out
    }

    /// Adds `summary.excluded`, `summary.fixed`, `summary.not_shown` and `fixed` to the
    /// JSON report.
    fn json(&self, rendered: &str) -> String {
        let Ok(serde_json::Value::Object(mut doc)) =
            serde_json::from_str::<serde_json::Value>(rendered)
        else {
            return rendered.to_string();
        };
        if let Some(serde_json::Value::Object(summary)) = doc.get_mut("summary") {
            summary.insert("excluded".into(), self.excluded.into());
            summary.insert("ignored".into(), self.ignored.into());
            summary.insert("fixed".into(), self.gated.fixed.len().into());
            summary.insert("not_shown".into(), self.gated.unchanged.into());
        }
        doc.insert(
            "fixed".into(),
            serde_json::to_value(&self.gated.fixed).unwrap_or_default(),
        );
        serde_json::to_string_pretty(&doc).unwrap_or_else(|_| rendered.to_string()) + "\n"
    }

    fn apply(&self, format: Format, rendered: String) -> String {
        match format {
            Format::Json => self.json(&rendered),
            _ => rendered,
        }
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `soc2gate evidence`: the scan, and the bundle in `--out`; or `evidence diff`.
fn cmd_evidence(args: &EvidenceArgs) -> u8 {
    if let Some(EvidenceCommand::Diff(d)) = &args.command {
        return evidence::cmd_diff(&d.old, &d.new, d.format == DiffFormat::Json);
    }
    let Some(out) = args.out.as_deref() else {
        eprintln!("error: --out DIR is required: the directory to write the evidence bundle to");
        return EXIT_ERROR;
    };
    if args.scan.changed_since.is_some() {
        eprintln!("error: --changed-since does not apply to evidence, which covers the whole scan");
        return EXIT_ERROR;
    }
    cmd_scan(&args.scan, Some(out))
}

/// Writes the evidence bundle of a gated scan into `out`; false (after saying why) when it
/// could not be written.
#[allow(clippy::too_many_arguments)]
fn write_evidence(
    out: &Path,
    args: &ScanArgs,
    outcome: &ScanOutcome,
    prepared: &Prepared,
    cwd: &Path,
    today: Date,
    threshold: Severity,
    code: u8,
) -> bool {
    let generated_at = match evidence::generated_at() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return false;
        }
    };
    let digest_of = |p: &Path| std::fs::read(p).ok().map(|b| soc2gate_evidence::sha256(&b));
    let config = soc2gate_evidence::RunConfig {
        config_file: prepared.config.as_ref().map(|c| c.display.clone()),
        config_file_digest: prepared
            .config
            .as_ref()
            .map(|c| soc2gate_evidence::sha256(c.source.text.as_bytes())),
        fail_on: threshold.as_str().into(),
        inline_exceptions: !args.no_inline_exceptions,
        baseline: args.baseline.as_ref().map(|p| p.display().to_string()),
        baseline_digest: args.baseline.as_deref().and_then(digest_of),
        allow_parse_errors: args.allow_parse_errors,
        disabled_rules: prepared.selection.disabled.iter().cloned().collect(),
    };
    let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
    let repo = args
        .paths
        .first()
        .map(|p| {
            if p.is_dir() {
                p.clone()
            } else {
                p.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        })
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| cwd.to_path_buf());
    let run = evidence::run_record(
        &paths,
        prepared.policy_digest.clone(),
        config,
        evidence::git::describe(&repo),
        [
            outcome.files,
            outcome.units,
            outcome.resources,
            prepared.policies.rules().len(),
        ],
        code,
    );
    let judging: std::collections::BTreeSet<String> = (0..prepared.policies.rules().len())
        .filter(|&i| prepared.policies.reports_undetermined(i))
        .map(|i| prepared.policies.rules()[i].id.clone())
        .collect();
    let blame = |file: &str, line: usize| evidence::git::blame(cwd, file, line);
    let bundle = evidence::bundle(
        outcome,
        &evidence::Inputs {
            generated_at,
            run,
            today,
            config: prepared.config.as_ref(),
            inline_exceptions: !args.no_inline_exceptions,
            judging: &judging,
            cwd,
            blame: &blame,
        },
    );
    match evidence::write(out, &bundle) {
        Ok(()) => {
            eprintln!(
                "evidence: wrote {} (evidence.json, evidence.md, evidence.html, manifest.json)",
                out.display()
            );
            true
        }
        Err(e) => {
            eprintln!(
                "error: cannot write the evidence bundle to {}: {e}",
                out.display()
            );
            false
        }
    }
}

/// `soc2gate scan`; with `evidence`, also the evidence bundle of the same scan.
fn cmd_scan(args: &ScanArgs, evidence: Option<&Path>) -> u8 {
    let ScanSetup {
        cwd,
        today,
        prepared,
        load,
    } = match setup(
        &args.paths,
        args.config.as_deref(),
        &args.policy_dir,
        &args.vars,
    ) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let baseline = match args
        .baseline
        .as_deref()
        .map(|p| Baseline::load(p, &cwd))
        .transpose()
    {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let changed = match args
        .changed_since
        .as_deref()
        .map(|r| changed::changed_files(&cwd, r))
        .transpose()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let mut outcome = run_scan(&args.paths, &cwd, &prepared, load, evidence.is_some());
    if outcome.files == 0 && !outcome.discover_errors.is_empty() {
        // Nothing could be scanned: only the errors, since a report ("No findings in 0
        // files") would read as a pass in a CI log.
        print_scan_problems(&outcome, &args.paths, false);
        return EXIT_ERROR;
    }
    let rules_evaluated = outcome.rules.len();
    let gated = gate::apply(
        &mut outcome,
        &gate::Settings {
            today,
            inline_exceptions: !args.no_inline_exceptions,
            config: prepared.config.as_ref(),
            selection: &prepared.selection,
            baseline: baseline.as_ref(),
            changed: changed.as_ref(),
            cwd: &cwd,
        },
    );

    let threshold: Severity = args
        .fail_on
        .map(Severity::from)
        .or(prepared.config.as_ref().and_then(|c| c.fail_on))
        .unwrap_or(Severity::Low);
    let failing = outcome
        .findings
        .iter()
        .filter(|f| gate::fails(f, threshold))
        .count();
    let summary = Summary {
        files: outcome.files,
        modules: outcome.units,
        resources: outcome.resources,
        rules: rules_evaluated,
        elapsed: outcome.elapsed,
        fail_on: threshold,
        fails: failing > 0,
        failing,
    };
    let extras = Extras {
        excluded: outcome.excluded,
        ignored: outcome.ignored.len(),
        baseline: baseline.as_ref(),
        changed_since: args.changed_since.as_deref(),
        gated: &gated,
    };
    let notes = extras.notes();
    let idle_rules = outcome.idle_rules();
    let report = Report {
        findings: &outcome.findings,
        load_errors: &outcome.load_errors,
        unexpanded: &outcome.unexpanded,
        rules: &outcome.rules,
        sources: &outcome.sources,
        summary,
        tool_version: env!("CARGO_PKG_VERSION"),
        idle_rules: &idle_rules,
        notes: &notes,
    };
    // SARIF goes to code scanning, which compares whole analyses: it gets the findings
    // that diff mode leaves out of the other reports, or they would show as fixed.
    let every_finding = (!gated.hidden.is_empty()).then(|| {
        let mut all = outcome.findings.clone();
        all.extend(gated.hidden.iter().cloned());
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    });
    let report_for = |format: Format| match (&every_finding, format) {
        (Some(all), Format::Sarif) => Report {
            findings: all,
            ..report
        },
        _ => report,
    };
    let mut code = EXIT_OK;
    for (format, path) in &args.output {
        let text = extras.apply(
            *format,
            render(
                *format,
                &report_for(*format),
                &TextOptions {
                    color: false,
                    width: 100,
                },
            ),
        );
        if let Err(e) = std::fs::write(path, text) {
            eprintln!(
                "error: cannot write {} report to {}: {e}",
                format,
                path.display()
            );
            code = EXIT_ERROR;
        }
    }
    let color = args.format == Format::Text && use_color(args.color);
    let text = extras.apply(
        args.format,
        render(
            args.format,
            &report_for(args.format),
            &TextOptions {
                color,
                width: terminal_width(),
            },
        ),
    );
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    print_scan_problems(&outcome, &args.paths, args.format == Format::Text);
    if args.verbose {
        for path in &outcome.ignored {
            eprintln!("ignored: {path} (by .gitignore or .ignore)");
        }
    }

    let untrusted = !outcome.discover_errors.is_empty()
        || !outcome.eval_errors.is_empty()
        || (!outcome.load_errors.is_empty() && !args.allow_parse_errors);
    let code = if untrusted || code == EXIT_ERROR {
        EXIT_ERROR
    } else if failing > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    match evidence {
        Some(out) => {
            let written =
                write_evidence(out, args, &outcome, &prepared, &cwd, today, threshold, code);
            if written {
                code
            } else {
                EXIT_ERROR
            }
        }
        None => code,
    }
}

fn cmd_baseline_create(args: &BaselineCreateArgs) -> u8 {
    let ScanSetup {
        cwd,
        today,
        prepared,
        load,
    } = match setup(
        &args.paths,
        args.config.as_deref(),
        &args.policy_dir,
        &args.vars,
    ) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut outcome = run_scan(&args.paths, &cwd, &prepared, load, false);
    gate::apply(
        &mut outcome,
        &gate::Settings {
            today,
            inline_exceptions: !args.no_inline_exceptions,
            config: prepared.config.as_ref(),
            selection: &prepared.selection,
            baseline: None,
            changed: None,
            cwd: &cwd,
        },
    );
    print_scan_problems(&outcome, &args.paths, false);
    for e in &outcome.load_errors {
        eprintln!(
            "error: {}:{}:{}: {}",
            e.location.file,
            e.location.start.line.max(1),
            e.location.start.column.max(1),
            e.message
        );
    }
    let parse_errors = !outcome.load_errors.is_empty() && !args.allow_parse_errors;
    if parse_errors || !outcome.discover_errors.is_empty() || !outcome.eval_errors.is_empty() {
        eprintln!(
            "error: baseline not written: the scan is incomplete, and its missing findings would later fail as new{}",
            if parse_errors { " (--allow-parse-errors writes it anyway)" } else { "" }
        );
        return EXIT_ERROR;
    }
    let (text, n) = baseline::create(&outcome.findings, &args.output, &cwd);
    if let Err(e) = std::fs::write(&args.output, text) {
        eprintln!(
            "error: cannot write the baseline to {}: {e}",
            args.output.display()
        );
        return EXIT_ERROR;
    }
    let shown = args.output.display();
    println!(
        "recorded {} in {shown}; `soc2gate scan --baseline {shown}` now fails only on new findings",
        plural(n, "finding")
    );
    EXIT_OK
}

fn cmd_init(args: &InitArgs) -> u8 {
    let path = args.dir.join(config::FILE_NAME);
    if path.exists() && !args.force {
        eprintln!(
            "error: {} already exists; --force overwrites it",
            path.display()
        );
        return EXIT_ERROR;
    }
    if let Err(e) = std::fs::write(&path, config::STARTER) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return EXIT_ERROR;
    }
    println!(
        "wrote {}: every setting is commented; `soc2gate scan` reads it from now on",
        path.display()
    );
    EXIT_OK
}

fn rule_json(r: &RuleMeta) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "title": r.title,
        "severity": r.severity,
        "controls": r.controls,
        "description": r.description,
        "resource_types": r.resource_types,
        "params": r.params,
        "policy": r.source,
    })
}

/// The policies' rules and soc2gate's own (about exceptions), by id.
fn sorted_rules(set: &PolicySet) -> Vec<RuleMeta> {
    let mut rules: Vec<RuleMeta> = set.rules().to_vec();
    rules.extend(exceptions::rules());
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

/// The criterion of `--control`, in the standard's spelling, or an error listing them all.
fn criterion(arg: &str) -> Result<&'static str, String> {
    let wanted = arg.trim().to_ascii_uppercase();
    criterion_ids().find(|c| *c == wanted).ok_or_else(|| {
        format!(
            "unknown SOC 2 criterion `{arg}`; known: {}",
            criterion_list()
        )
    })
}

fn cmd_rules(args: &RulesArgs) -> u8 {
    let control = match args.control.as_deref().map(criterion).transpose() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let set = match load_policies(&args.policy_dir) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut rules = sorted_rules(&set);
    if let Some(c) = control {
        rules.retain(|r| r.controls.iter().any(|rc| rc == c));
    }
    let out = match args.format {
        ListFormat::Json => {
            let list: Vec<_> = rules.iter().map(rule_json).collect();
            serde_json::to_string_pretty(&list).expect("rules serialize") + "\n"
        }
        ListFormat::Markdown => catalogue(&rules, control, None),
        ListFormat::Text => {
            let w = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
            let mut s = format!("{:<w$}  {:<8}  {:<14}  TITLE\n", "ID", "SEVERITY", "SOC 2");
            for r in &rules {
                s += &format!(
                    "{:<w$}  {:<8}  {:<14}  {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.controls.join(", "),
                    r.title
                );
            }
            let count = match control {
                Some(c) => format!(
                    "{} {c}: {}.\n",
                    match rules.len() {
                        1 => "1 rule serves".to_string(),
                        n => format!("{n} rules serve"),
                    },
                    criterion_meaning(c).unwrap_or_default()
                ),
                None => format!("{}. ", plural(rules.len(), "rule")),
            };
            s + &format!(
                "\n{count}`soc2gate explain <ID>` tells what one checks and how to fix it.\n"
            )
        }
    };
    if let (Some(c), true, false) = (control, rules.is_empty(), args.format == ListFormat::Text) {
        eprintln!("note: no rule serves {c}");
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    EXIT_OK
}

fn cmd_explain(args: &ExplainArgs) -> u8 {
    let set = match load_policies(&args.policy_dir) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rules = sorted_rules(&set);
    let Some(rule) = rules.iter().find(|r| r.id == args.id) else {
        let near = similar_ids(&args.id, rules.iter().map(|r| r.id.as_str()));
        eprintln!("error: no rule `{}`", args.id);
        if !near.is_empty() {
            eprintln!("  similar: {}", near.join(", "));
        }
        eprintln!("  `soc2gate rules` lists every rule");
        return EXIT_ERROR;
    };
    let _ = std::io::stdout()
        .lock()
        .write_all(rule_page(rule).as_bytes());
    EXIT_OK
}

/// The ids most like a mistyped one, closest first: those that contain it (a prefix or a
/// part of an id), then by edit distance, then by id. Candidates are within a few edits,
/// contain it, or share its first two words. At most five.
fn similar_ids<'a>(typed: &str, ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let head = typed.split('-').take(2).collect::<Vec<_>>().join("-");
    let close = (typed.chars().count() / 3).max(2);
    let mut near: Vec<(bool, usize, &str)> = ids
        .filter_map(|id| {
            let distance = strsim::damerau_levenshtein(typed, id);
            let contains = id.contains(typed);
            (distance <= close || contains || id.starts_with(&head))
                .then_some((!contains, distance, id))
        })
        .collect();
    near.sort();
    near.into_iter().take(5).map(|(_, _, id)| id).collect()
}

fn cmd_docs(args: &DocsArgs) -> u8 {
    let out = match &args.out {
        Some(out) => out.clone(),
        None => {
            let cwd = match working_dir() {
                Ok(c) => c,
                Err(code) => return code,
            };
            if !docs::is_soc2gate_repository(&cwd) {
                eprintln!("error: `soc2gate docs` maintains the rule documentation of soc2gate's own repository (its docs/), and this is not one; to write the rule pages elsewhere, name a directory of their own: `soc2gate docs --out DIR`");
                return EXIT_ERROR;
            }
            PathBuf::from("docs")
        }
    };
    let set = match load_policies(&[]) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let files = docs::generate(&sorted_rules(&set));
    let shown = |rel: &str| out.join(rel).display().to_string();
    if args.check {
        let differences = docs::differences(&out, &files);
        if differences.is_empty() {
            println!(
                "{} is up to date ({})",
                out.display(),
                plural(files.len(), "file")
            );
            return EXIT_OK;
        }
        for (rel, difference) in &differences {
            let what = match difference {
                docs::Difference::Missing => "missing",
                docs::Difference::Changed => "differs from the rules",
                docs::Difference::Stale => "is the page of a rule that no longer exists",
                docs::Difference::Foreign => {
                    "is not a file `soc2gate docs` generated, and would not be replaced"
                }
            };
            eprintln!("{}: {what}", shown(rel));
        }
        let command = if args.out.is_none() {
            "soc2gate docs".to_string()
        } else {
            format!("soc2gate docs --out {}", out.display())
        };
        eprintln!(
            "error: {} of the rule documentation out of date; regenerate with `{command}` (from a checkout: `cargo run -- {}`)",
            plural(differences.len(), "file"),
            command.trim_start_matches("soc2gate ")
        );
        return EXIT_FINDINGS;
    }
    match docs::write(&out, &files) {
        Ok(changes) => {
            println!(
                "{}: {} generated, {} changed",
                out.display(),
                plural(files.len(), "file"),
                changes.len()
            );
            EXIT_OK
        }
        Err(docs::WriteError::Foreign(paths)) => {
            for rel in &paths {
                eprintln!(
                    "error: {}: not a file `soc2gate docs` generated; not replacing it",
                    shown(rel)
                );
            }
            eprintln!(
                "error: nothing written to {}: move {} away, or give --out a directory of its own",
                out.display(),
                if paths.len() == 1 { "it" } else { "them" }
            );
            EXIT_ERROR
        }
        Err(docs::WriteError::Io(e)) => {
            eprintln!("error: cannot write to {}: {e}", out.display());
            EXIT_ERROR
        }
    }
}

fn cmd_policy_test(args: &PolicyTestArgs) -> u8 {
    let sources = if args.dirs.is_empty() {
        builtin_sources()
    } else {
        // The built-in rules and helpers are importable; only the given tests run.
        let mut sources: Vec<PolicySource> = builtin_sources()
            .into_iter()
            .filter(|s| s.kind() != PolicyKind::Test)
            .collect();
        for dir in &args.dirs {
            match load_dir(dir) {
                Ok(s) => sources.extend(s),
                Err(e) => {
                    print_policy_errors(&[e]);
                    return EXIT_ERROR;
                }
            }
        }
        sources
    };
    let results = match run_tests(&sources, args.run.as_deref()) {
        Ok(r) => r,
        Err(errors) => {
            print_policy_errors(&errors);
            return EXIT_ERROR;
        }
    };
    let mut out = String::new();
    let mut failed = 0;
    for t in &results {
        let label = match &t.outcome {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Error(_) => "ERROR",
        };
        if t.outcome != Outcome::Pass {
            failed += 1;
        }
        if args.verbose || t.outcome != Outcome::Pass {
            out += &format!(
                "{label}: {}:{}: {}.{} ({:.1?})\n",
                t.file, t.line, t.package, t.name, t.duration
            );
            if let Outcome::Error(e) = &t.outcome {
                out += &format!("  {}\n", e.replace('\n', "\n  "));
            }
        }
    }
    if results.is_empty() {
        out += "no tests found: tests are `test_*` rules in `*_test.rego` files\n";
    }
    out += &format!("{} passed, {} failed\n", results.len() - failed, failed);
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if failed > 0 || results.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
