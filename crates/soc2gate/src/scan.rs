//! The scan pipeline: discover -> read -> load -> evaluate -> locate -> sort.
//! Pure library code: no printing, no exit codes, so tests call it directly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use soc2gate_model::{
    merge_duplicates, CallSite, Finding, LoadError, Loaded, Location, Mode, Module, ModuleCall,
    RuleMeta, SourceFile, SourceMap, Span, UnexpandedModule,
};
use soc2gate_policy::{EvalError, EvalOptions, Judgement, PolicySet};
use soc2gate_terraform::LoadOptions;

use crate::discover::{self, DiscoverError, Discovered};

/// Everything a scan found, ready for reporting.
#[derive(Debug)]
pub struct ScanOutcome {
    /// Sorted by file, line, column, rule id.
    pub findings: Vec<Finding>,
    /// What the rules could not judge (their `undetermined` entries), located like
    /// findings; empty unless [`ScanOptions::undetermined`] asked for them. Never findings:
    /// they neither fail the gate nor appear in reports, only in evidence.
    pub undetermined: Vec<Finding>,
    /// Files that could not be read or parsed (in part or whole), sorted by location.
    pub load_errors: Vec<LoadError>,
    /// Things worth knowing that do not make the scan untrustworthy (a settings entry that
    /// was ignored), sorted by location.
    pub load_warnings: Vec<LoadError>,
    /// `module` blocks whose module was not loaded (remote sources, directories outside
    /// the scan), once per block, sorted by location.
    pub unexpanded: Vec<UnexpandedModule>,
    /// Command-line paths that could not be scanned.
    pub discover_errors: Vec<DiscoverError>,
    /// Rules that failed while evaluating.
    pub eval_errors: Vec<EvalError>,
    pub sources: BTreeMap<String, Arc<SourceFile>>,
    pub rules: Vec<RuleMeta>,
    pub files: usize,
    pub units: usize,
    pub resources: usize,
    pub elapsed: Duration,
    /// The units' files and source maps, for the stages after the scan (exceptions,
    /// diff mode).
    pub maps: Vec<UnitMap>,
    /// Files left out by [`ScanOptions::exclude`].
    pub excluded: usize,
    /// Files left out by ignore files (`.gitignore`, `.ignore`), as display paths: untracked
    /// files in a git work tree, any file outside one.
    pub ignored: Vec<String>,
    /// The resource types present in the scan, to tell which rules had nothing to
    /// evaluate.
    pub resource_types: BTreeSet<String>,
}

impl ScanOutcome {
    /// Ids of the rules that had nothing to evaluate: none of their resource types is in
    /// the scan (a rule applies only where its resource types exist).
    pub fn idle_rules(&self) -> Vec<String> {
        self.rules
            .iter()
            .filter(|r| {
                !r.resource_types.is_empty()
                    && !r
                        .resource_types
                        .iter()
                        .any(|t| self.resource_types.contains(t))
            })
            .map(|r| r.id.clone())
            .collect()
    }
}

/// What the stages after a scan need of one evaluated unit.
#[derive(Debug, Clone)]
pub struct UnitMap {
    pub path: String,
    pub files: Vec<String>,
    pub source_map: SourceMap,
    /// The unit's resources, in input order: what evidence counts as a rule's population.
    pub resources: Vec<ResourceRef>,
}

/// A resource of a unit, without its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceRef {
    pub address: String,
    pub rtype: String,
    pub mode: Mode,
}

/// Choices that change what a scan reads.
#[derive(Default)]
pub struct ScanOptions<'a> {
    /// Leaves out the discovered files for which it returns true. Files named on the
    /// command line are always scanned.
    pub exclude: Option<&'a (dyn Fn(&Discovered) -> bool + Sync)>,
    /// Terraform variables from the command line and environment. `base` and `roots` are
    /// filled in by [`scan_with`].
    pub load: LoadOptions,
    /// Also evaluate every rule's `undetermined` set into [`ScanOutcome::undetermined`].
    pub undetermined: bool,
}

/// A discovered file as read.
enum Read {
    Text(SourceFile),
    /// Encrypted (git-crypt, SOPS): not readable, and not an error either. The notice
    /// says so; the file stands in the scan with no text.
    Encrypted(LoadError),
    Failed(LoadError),
}

/// The tool that encrypted a file, when it is one of those used to keep secrets (often
/// `*.tfvars`) in a repository.
fn encrypted_with(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\0GITCRYPT\0") {
        return Some("git-crypt");
    }
    // SOPS keeps the document's shape, encrypts every value as `ENC[AES256_GCM,...]` and
    // adds its own `sops` entry (YAML and JSON alike).
    let text = std::str::from_utf8(bytes).ok()?;
    let sops_key = text
        .lines()
        .any(|l| l.starts_with("sops:") || l.trim_start().starts_with("\"sops\":"));
    (sops_key && text.contains("ENC[AES256_GCM,")).then_some("SOPS")
}

/// Reads a discovered file; unreadable or non-UTF-8 files become load errors.
fn read(file: &Discovered) -> Read {
    let fail = |location, message: String, help: &str| {
        Read::Failed(LoadError {
            location,
            message,
            help: Some(help.to_string()),
        })
    };
    let start = || SourceFile::new(&file.display, "").locate(Span::default());
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            return fail(
                start(),
                format!("cannot read file: {e}"),
                "check the file's permissions; it was not scanned",
            )
        }
    };
    if let Some(tool) = encrypted_with(&bytes) {
        return Read::Encrypted(LoadError {
            location: start(),
            message: format!("encrypted with {tool}; its values are treated as unknown"),
            help: Some(
                "soc2gate cannot read encrypted files; decrypt it before the scan to check \
                 what it declares"
                    .to_string(),
            ),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Read::Text(SourceFile::new(&file.display, text)),
        Err(e) => {
            // Located in the valid text before the bad byte: its line and column.
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let at = SourceFile::new(&file.display, prefix).locate(Span::new(valid, valid));
            fail(
                at,
                format!("not valid UTF-8 (invalid byte at offset {valid})"),
                "save the file as UTF-8; it was not scanned",
            )
        }
    }
}

/// What [`load`] read.
pub struct LoadedFiles {
    pub units: Vec<Loaded>,
    /// The files read, by display path.
    pub sources: BTreeMap<String, Arc<SourceFile>>,
    /// Files that could not be read.
    pub errors: Vec<LoadError>,
    /// Notices of the files that are encrypted.
    pub notices: Vec<LoadError>,
}

/// Loads every unit of the discovered files, in parallel: Terraform directories (local
/// module calls expanded inside their callers), settings files, workflow directories and
/// plan files.
pub fn load(files: &[Discovered], opts: &LoadOptions) -> LoadedFiles {
    let read_results: Vec<(String, Read)> = files
        .par_iter()
        .map(|f| (f.display.clone(), read(f)))
        .collect();
    let mut sources = BTreeMap::new();
    let mut errors = Vec::new();
    let mut notices = Vec::new();
    let mut opts = opts.clone();
    for (path, result) in read_results {
        match result {
            Read::Text(src) => {
                sources.insert(path, Arc::new(src));
            }
            Read::Encrypted(notice) => {
                // In the scan with no text, so that a variable file still counts as given:
                // the variables it may set are unknown, not their defaults.
                opts.encrypted.push(path.clone());
                sources.insert(path.clone(), Arc::new(SourceFile::new(path, "")));
                notices.push(notice);
            }
            Read::Failed(e) => errors.push(e),
        }
    }
    let opts = &opts;

    let groups = discover::group(files);
    let modules: BTreeMap<String, Vec<&SourceFile>> = groups
        .modules
        .iter()
        .map(|(dir, members)| {
            let srcs = members
                .iter()
                .filter_map(|d| sources.get(&d.display).map(|s| s.as_ref()))
                .collect();
            (dir.clone(), srcs)
        })
        .collect();
    let ((mut loaded, read), settings): ((Vec<Loaded>, Vec<SourceFile>), Vec<Loaded>) = rayon::join(
        || soc2gate_terraform::load_modules_reading(&modules, opts),
        || {
            groups
                .settings
                .par_iter()
                .filter_map(|s| sources.get(&s.display))
                .map(|src| soc2gate_yaml::load_settings(src))
                .collect()
        },
    );
    loaded.extend(settings);
    let workflows: Vec<Loaded> = groups
        .workflows
        .par_iter()
        .map(|(dir, members)| {
            let srcs: Vec<&SourceFile> = members
                .iter()
                .filter_map(|d| sources.get(&d.display).map(|s| s.as_ref()))
                .collect();
            soc2gate_yaml::load_workflows(dir, &srcs)
        })
        .collect();
    loaded.extend(workflows);
    for plan in &groups.plans {
        let Some(src) = sources.get(&plan.display) else {
            continue;
        };
        if !soc2gate_terraform::is_plan_json(&src.text) {
            errors.push(LoadError {
                location: src.locate(Span::default()),
                message: "not a Terraform plan: expected the JSON of `terraform show -json <planfile>` (with format_version and planned_values)".into(),
                help: Some("scan the directory with the .tf files instead, or produce the plan JSON with `terraform show -json plan.out > plan.json`".into()),
            });
            continue;
        }
        // Findings point into the configuration (the plan's directory and the local
        // modules it calls) when it is part of the scan.
        loaded.push(soc2gate_terraform::load_plan(src, &modules, opts));
    }
    // Module files read from outside the scanned paths: findings may point into them.
    for file in read {
        sources
            .entry(file.path.clone())
            .or_insert_with(|| Arc::new(file));
    }
    LoadedFiles {
        units: loaded,
        sources,
        errors,
        notices,
    }
}

/// A location in a file of the scan (a position of 0:0 when its text was not read).
fn resolve(sources: &BTreeMap<String, Arc<SourceFile>>, file: &str, span: Span) -> Location {
    match sources.get(file) {
        Some(src) => src.locate(span),
        None => Location {
            file: file.to_string(),
            start: Default::default(),
            end: Default::default(),
            span,
        },
    }
}

/// The module calls that lead to a resource, located.
fn call_sites(sources: &BTreeMap<String, Arc<SourceFile>>, via: &[ModuleCall]) -> Vec<CallSite> {
    via.iter()
        .map(|c| CallSite {
            address: c.address.clone(),
            location: resolve(sources, &c.file, c.span),
        })
        .collect()
}

/// Turns violations into located findings, each source line and reason once.
fn locate(
    policies: &PolicySet,
    units: &[Module],
    sources: &BTreeMap<String, Arc<SourceFile>>,
    violations: Vec<soc2gate_policy::Violation>,
) -> Vec<Finding> {
    let rules = policies.rules();
    let findings: Vec<Finding> = violations
        .into_iter()
        .map(|v| {
            let rule = &rules[v.rule];
            let unit = &units[v.unit];
            let (file, span) = unit
                .source_map
                .locate(&v.resource, &v.attribute)
                .map(|(f, s)| (f.to_string(), s))
                .unwrap_or_else(|| {
                    (
                        unit.files.first().cloned().unwrap_or_default(),
                        Span::default(),
                    )
                });
            let location = resolve(sources, &file, span);
            let via = call_sites(sources, unit.source_map.via(&v.resource));
            Finding {
                rule_id: rule.id.clone(),
                severity: rule.severity,
                controls: rule.controls.clone(),
                fingerprint: Finding::fingerprint_of(&rule.id, &file, &v.resource, &v.attribute),
                message: v.message,
                location,
                resource: v.resource,
                attribute: v.attribute,
                suppression: None,
                via,
                also: Vec::new(),
            }
        })
        .collect();
    // A module called from two places, or instances of one block, can fail the same way
    // at the same line: report that once, with every way it was reached.
    merge_duplicates(findings)
}

/// Unexpanded module calls by location, each `module` block once: a module that two roots
/// call lists its own unexpanded calls in both.
fn once_per_block(mut unexpanded: Vec<UnexpandedModule>) -> Vec<UnexpandedModule> {
    unexpanded.sort_by(|a, b| {
        (&a.location.file, a.location.start, &a.address).cmp(&(
            &b.location.file,
            b.location.start,
            &b.address,
        ))
    });
    unexpanded
        .dedup_by(|a, b| a.location.file == b.location.file && a.location.span == b.location.span);
    unexpanded
}

/// Runs the whole pipeline over `paths` with `policies`. `cwd` anchors display paths.
pub fn scan(paths: &[PathBuf], cwd: &Path, policies: &PolicySet) -> ScanOutcome {
    scan_with(paths, cwd, policies, &ScanOptions::default())
}

/// [`scan`] with options.
pub fn scan_with(
    paths: &[PathBuf],
    cwd: &Path,
    policies: &PolicySet,
    opts: &ScanOptions,
) -> ScanOutcome {
    let start = Instant::now();
    let discovery = discover::discover(paths, cwd);
    let mut files = discovery.files;
    let discover_errors = discovery.errors;
    let mut excluded = 0;
    if let Some(exclude) = opts.exclude {
        let named: Vec<String> = paths
            .iter()
            .filter(|p| p.is_file())
            .map(|p| discover::display_path(p, cwd))
            .collect();
        let before = files.len();
        files.retain(|f| named.contains(&f.display) || !exclude(f));
        excluded = before - files.len();
    }
    let mut load_opts = opts.load.clone();
    load_opts.base = cwd.to_path_buf();
    load_opts.roots = paths
        .iter()
        .map(|p| discover::display_path(p, cwd))
        .collect();
    // Modules outside the scanned paths are read inside the repository that holds them.
    if load_opts.boundary.is_none() {
        load_opts.boundary = paths.first().map(|p| crate::paths::repository_root(p, cwd));
    }
    let LoadedFiles {
        units: loaded,
        sources,
        errors: mut load_errors,
        notices: mut load_warnings,
    } = load(&files, &load_opts);
    // Unreadable parts of the tree are load errors like unreadable files: every report
    // format shows them, and the scan is incomplete.
    let at = |path: String| SourceFile::new(path, "").locate(Span::default());
    for (path, why) in discovery.unreadable {
        load_errors.push(LoadError {
            location: at(path),
            message: format!("cannot read this part of the tree: {why}"),
            help: Some("check its permissions; the files under it were not scanned".to_string()),
        });
    }
    for (path, why) in discovery.skipped_links {
        load_warnings.push(LoadError {
            location: at(path),
            message: format!("not followed: {why}"),
            help: Some(
                "scan the link's target directly if it should be checked; links are followed \
                 only inside the scanned directory"
                    .to_string(),
            ),
        });
    }
    let mut units = Vec::with_capacity(loaded.len());
    let mut unexpanded = Vec::new();
    for l in loaded {
        load_errors.extend(l.errors);
        load_warnings.extend(l.warnings);
        unexpanded.extend(l.unexpanded);
        units.push(l.module);
    }
    let unexpanded = once_per_block(unexpanded);
    load_warnings.sort_by(|a, b| a.location.cmp(&b.location).then(a.message.cmp(&b.message)));
    load_errors.sort_by(|a, b| a.location.cmp(&b.location).then(a.message.cmp(&b.message)));
    let (violations, eval_errors) = policies.evaluate_with(
        &units,
        EvalOptions {
            undetermined: opts.undetermined,
        },
    );
    let (denied, undetermined): (Vec<_>, Vec<_>) = violations
        .into_iter()
        .partition(|v| v.kind == Judgement::Deny);
    let findings = locate(policies, &units, &sources, denied);
    let undetermined = locate(policies, &units, &sources, undetermined);
    ScanOutcome {
        findings,
        undetermined,
        load_errors,
        load_warnings,
        unexpanded,
        discover_errors,
        eval_errors,
        rules: policies.rules().to_vec(),
        files: files.len(),
        units: units.len(),
        resources: units.iter().map(|u| u.resources.len()).sum(),
        resource_types: units
            .iter()
            .flat_map(|u| u.resources.iter().map(|r| r.rtype.clone()))
            .collect(),
        maps: units
            .into_iter()
            .map(|u| UnitMap {
                resources: u
                    .resources
                    .iter()
                    .map(|r| ResourceRef {
                        address: r.address.clone(),
                        rtype: r.rtype.clone(),
                        mode: r.mode,
                    })
                    .collect(),
                path: u.path,
                files: u.files,
                source_map: u.source_map,
            })
            .collect(),
        excluded,
        ignored: discovery.ignored,
        sources,
        elapsed: start.elapsed(),
    }
}
