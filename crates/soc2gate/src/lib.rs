//! soc2gate: the command line over the scanning libraries. `run` parses arguments,
//! drives the pipeline in [`scan`], prints reports and returns the exit code.

pub mod cli;
pub mod discover;
pub mod scan;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use soc2gate_model::{RuleMeta, Severity};
use soc2gate_policy::{builtin_sources, load_dir, run_tests, Outcome, PolicyError, PolicyKind, PolicySet, PolicySource};
use soc2gate_report::{render, Format, Report, Summary, TextOptions};

use crate::cli::{Cli, ColorChoice, Command, ExplainArgs, ListFormat, PolicyCommand, PolicyTestArgs, RulesArgs, ScanArgs};

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
        Command::Scan(args) => cmd_scan(&args),
        Command::Rules(args) => cmd_rules(&args),
        Command::Explain(args) => cmd_explain(&args),
        Command::Policy(PolicyCommand::Test(args)) => cmd_policy_test(&args),
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

fn cmd_scan(args: &ScanArgs) -> u8 {
    let policies = match load_policies(&args.policy_dir) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot read the working directory: {e}");
            return EXIT_ERROR;
        }
    };
    let outcome = scan::scan(&args.paths, &cwd, &policies);

    let summary = Summary {
        files: outcome.files,
        modules: outcome.units,
        resources: outcome.resources,
        rules: outcome.rules.len(),
        elapsed: outcome.elapsed,
    };
    let report = Report {
        findings: &outcome.findings,
        load_errors: &outcome.load_errors,
        rules: &outcome.rules,
        sources: &outcome.sources,
        summary,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    let mut code = EXIT_OK;
    for (format, path) in &args.output {
        let text = render(*format, &report, &TextOptions { color: false, width: 100 });
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write {} report to {}: {e}", format, path.display());
            code = EXIT_ERROR;
        }
    }
    let color = args.format == Format::Text && use_color(args.color);
    let text = render(args.format, &report, &TextOptions { color, width: terminal_width() });
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();

    for e in &outcome.discover_errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    for e in &outcome.eval_errors {
        eprintln!("error: {e}");
    }
    if outcome.files == 0 && outcome.discover_errors.is_empty() {
        eprintln!(
            "warning: nothing to scan under {}: soc2gate reads *.tf, terraform.tfvars, *.auto.tfvars and .github/settings.yml",
            args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }

    let threshold: Severity = args.fail_on.into();
    let failing = outcome
        .findings
        .iter()
        .any(|f| f.suppression.is_none() && f.severity >= threshold);
    let untrusted = !outcome.discover_errors.is_empty()
        || !outcome.eval_errors.is_empty()
        || (!outcome.load_errors.is_empty() && !args.allow_parse_errors);
    if untrusted || code == EXIT_ERROR {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
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

fn sorted_rules(set: &PolicySet) -> Vec<&RuleMeta> {
    let mut rules: Vec<&RuleMeta> = set.rules().iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}

fn cmd_rules(args: &RulesArgs) -> u8 {
    let set = match load_policies(&args.policy_dir) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rules = sorted_rules(&set);
    let out = match args.format {
        ListFormat::Json => {
            let list: Vec<_> = rules.iter().map(|r| rule_json(r)).collect();
            serde_json::to_string_pretty(&list).expect("rules serialize") + "\n"
        }
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
            s + &format!("\n{} rules. `soc2gate explain <ID>` tells what one checks and how to fix it.\n", rules.len())
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    EXIT_OK
}

fn cmd_explain(args: &ExplainArgs) -> u8 {
    let set = match load_policies(&args.policy_dir) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(rule) = set.rules().iter().find(|r| r.id == args.id) else {
        let mut near: Vec<&str> = set
            .rule_ids()
            .filter(|id| {
                let head = args.id.split('-').take(2).collect::<Vec<_>>().join("-");
                id.contains(&args.id) || id.starts_with(&head)
            })
            .collect();
        near.sort();
        eprintln!("error: no rule `{}`", args.id);
        if !near.is_empty() {
            eprintln!("  similar: {}", near.join(", "));
        }
        eprintln!("  `soc2gate rules` lists every rule");
        return EXIT_ERROR;
    };
    let out = format!(
        "{id}: {title}\n\nSeverity: {sev}\nSOC 2 criteria: {controls}\nApplies to: {types}\nPolicy: {source}\n\n{desc}\n\nHow to fix:\n{rem}\n",
        id = rule.id,
        title = rule.title,
        sev = rule.severity,
        controls = rule.controls.join(", "),
        types = rule.resource_types.join(", "),
        source = rule.source,
        desc = rule.description.trim(),
        rem = rule.remediation.trim(),
    );
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    EXIT_OK
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
