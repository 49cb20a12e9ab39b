//! Fixture tests, discovered by path: every folder under `testdata/rules/` and the README
//! example are scanned with all built-in rules, and the findings must match the
//! expectations written in the fixtures, in both directions:
//!
//! - `# expect: <rule-id>[, <rule-id>...]` at the end of a line: exactly one finding of each
//!   named rule starts on that line; alone on a line: the same for the next line.
//! - `# soc2gate-test: no findings` marks a file that must produce no finding.
//! - every finding must be expected, and every fixture file must say one or the other.
//! - `# expect-undetermined: <rule-id>[, ...]`, placed the same way: exactly one
//!   `undetermined` entry of each named rule (the rule could not judge the resource because
//!   a value it needs is unknown) starts on that line; every `undetermined` entry must be
//!   expected too. The resources a rule evaluated that it neither denied nor left
//!   undetermined are its passes: each rule must have some, in its clean fixtures.
//!
//! A folder `testdata/rules/<rule-id>/` is about its rule: only the findings of that rule,
//! and of any other rule one of its files expects, are compared. It is scanned as one
//! scan, except subfolders named `scan_*`, each scanned on its own. A bucket in an encryption
//! fixture need not also carry versioning and logging to stay readable. The README example
//! is compared for every rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use soc2gate::scan::{scan_with, ScanOptions, ScanOutcome};
use soc2gate_model::Finding;
use soc2gate_policy::{
    builtin_sources, expect_marker, undetermined_marker, ExpectMarker, PolicySet,
};

fn policies() -> PolicySet {
    PolicySet::load(&builtin_sources(), &BTreeMap::new()).expect("built-in policies compile")
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(file, line, rule)` triples, counted.
type Expectations = BTreeMap<(String, usize, String), usize>;

struct FileMarks {
    expectations: Expectations,
    /// From `# expect-undetermined:` markers.
    undetermined: Expectations,
    clean: bool,
}

/// Scans with every rule's `undetermined` set evaluated too.
fn scan(paths: &[PathBuf], cwd: &Path, policies: &PolicySet) -> ScanOutcome {
    let opts = ScanOptions {
        undetermined: true,
        ..Default::default()
    };
    scan_with(paths, cwd, policies, &opts)
}

fn marks(path: &str, text: &str) -> FileMarks {
    FileMarks {
        expectations: read_markers(path, text, expect_marker),
        undetermined: read_markers(path, text, undetermined_marker),
        clean: text.contains("soc2gate-test: no findings"),
    }
}

/// The `(file, line, rule)` expectations of one kind of marker: at the end of a line for
/// that line, alone on a line for the next line that is not itself such a marker.
fn read_markers(path: &str, text: &str, marker: fn(&str) -> Option<ExpectMarker>) -> Expectations {
    let mut expectations = Expectations::new();
    let mut pending: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        match marker(line).map(|m| (m.alone, m.ids)) {
            Some((true, ids)) => pending.extend(ids),
            Some((false, ids)) => {
                for id in ids.into_iter().chain(pending.drain(..)) {
                    *expectations.entry((path.to_string(), n, id)).or_default() += 1;
                }
            }
            None => {
                for id in pending.drain(..) {
                    *expectations.entry((path.to_string(), n, id)).or_default() += 1;
                }
            }
        }
    }
    expectations
}

/// The rules a fixture folder is about: `None` for all of them.
type Scope = Option<BTreeSet<String>>;

/// The scope of `testdata/rules/<rule-id>/`: that rule and every rule its files expect.
fn rule_folder_scope(root: &Path, outcome: &ScanOutcome) -> Scope {
    let mut scope: BTreeSet<String> = outcome
        .sources
        .iter()
        .flat_map(|(path, src)| {
            let m = marks(path, &src.text);
            m.expectations.into_keys().chain(m.undetermined.into_keys())
        })
        .map(|(_, _, rule)| rule)
        .collect();
    scope.insert(root.file_name()?.to_str()?.to_string());
    Some(scope)
}

/// Checks one fixture root; returns the problems found, described for a human.
fn check(root: &Path, outcome: &ScanOutcome, scope: &Scope) -> Vec<String> {
    let in_scope = |rule: &str| scope.as_ref().is_none_or(|s| s.contains(rule));
    let mut problems = Vec::new();
    for e in &outcome.load_errors {
        problems.push(format!(
            "{}:{}:{}: fixture failed to load: {}",
            e.location.file, e.location.start.line, e.location.start.column, e.message
        ));
    }
    for e in &outcome.eval_errors {
        problems.push(format!("{}: {e}", root.display()));
    }
    let mut expected = Expectations::new();
    let mut expected_undetermined = Expectations::new();
    for (path, src) in &outcome.sources {
        let m = marks(path, &src.text);
        let is_vars = path.ends_with(".tfvars");
        if m.expectations.is_empty() && !m.clean && !is_vars {
            problems.push(format!(
                "{path}: fixture says nothing: add `# expect: <rule-id>` on the lines that must be flagged, or `# soc2gate-test: no findings`"
            ));
        }
        if m.clean && !m.expectations.is_empty() {
            problems.push(format!(
                "{path}: has both `expect:` lines and `no findings`"
            ));
        }
        for (k, v) in m.expectations {
            *expected.entry(k).or_default() += v;
        }
        for (k, v) in m.undetermined {
            *expected_undetermined.entry(k).or_default() += v;
        }
    }
    let in_scope_findings = outcome.findings.iter().filter(|f| in_scope(&f.rule_id));
    problems.extend(compare(&expected, in_scope_findings, "finding(s)"));
    let undetermined = outcome.undetermined.iter().filter(|f| in_scope(&f.rule_id));
    problems.extend(compare(
        &expected_undetermined,
        undetermined,
        "undetermined entry(ies)",
    ));
    problems
}

/// Expected against actual, per `(file, line, rule)`, with the message of what was found.
fn compare<'a>(
    expected: &Expectations,
    found: impl Iterator<Item = &'a Finding>,
    what: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut actual = Expectations::new();
    let mut messages: BTreeMap<(String, usize, String), String> = BTreeMap::new();
    for f in found {
        let key = (
            f.location.file.clone(),
            f.location.start.line,
            f.rule_id.clone(),
        );
        *actual.entry(key.clone()).or_default() += 1;
        messages.insert(
            key,
            format!(
                "{} ({}{})",
                f.message,
                f.resource,
                if f.attribute.is_empty() {
                    String::new()
                } else {
                    format!(" {}", f.attribute)
                }
            ),
        );
    }
    let keys: BTreeSet<_> = expected.keys().chain(actual.keys()).cloned().collect();
    for key in keys {
        let want = expected.get(&key).copied().unwrap_or(0);
        let got = actual.get(&key).copied().unwrap_or(0);
        if want != got {
            let (file, line, rule) = &key;
            let detail = messages
                .get(&key)
                .map(|m| format!(": {m}"))
                .unwrap_or_default();
            problems.push(format!(
                "{file}:{line}: expected {want} {what} of {rule}, got {got}{detail}"
            ));
        }
    }
    problems
}

/// How many resources of rule `id`'s types, declared in clean fixture files, the rule
/// judged and passed: neither denied nor left undetermined.
fn clean_passes(outcome: &ScanOutcome, id: &str) -> usize {
    let Some(rule) = outcome.rules.iter().find(|r| r.id == id) else {
        return 0;
    };
    // Resource addresses the rule named, by the file of the entry.
    let named: BTreeSet<(String, String)> = outcome
        .findings
        .iter()
        .chain(&outcome.undetermined)
        .filter(|f| f.rule_id == id)
        .flat_map(|f| {
            f.occurrences()
                .into_iter()
                .map(|o| (f.location.file.clone(), o.resource))
        })
        .collect();
    let clean: BTreeSet<&str> = outcome
        .sources
        .iter()
        .filter(|(path, src)| marks(path, &src.text).clean)
        .map(|(path, _)| path.as_str())
        .collect();
    outcome
        .maps
        .iter()
        .flat_map(|m| m.resources.iter().map(move |r| (m, r)))
        .filter(|(_, r)| rule.resource_types.contains(&r.rtype))
        .filter_map(|(m, r)| {
            let file = &m.source_map.resources.get(&r.address)?.file;
            let passed = clean.contains(file.as_str())
                && !named.contains(&(file.clone(), r.address.clone()));
            passed.then_some(())
        })
        .count()
}

/// One scan of the fixture test: the paths scanned together, and the rule folder
/// (`testdata/rules/<rule-id>/`) they belong to.
struct FixtureScan {
    rule_dir: PathBuf,
    paths: Vec<PathBuf>,
}

/// A rule folder is one scan, except its subfolders named `scan_*`, each a scan of its
/// own: scan-wide settings (`data.scan.resources`, e.g. an account-level public access
/// block in another module) then exempt only what that subfolder holds.
fn fixture_scans() -> Vec<FixtureScan> {
    let base = workspace().join("testdata/rules");
    let mut rule_dirs: Vec<PathBuf> = std::fs::read_dir(&base)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    rule_dirs.sort();
    let mut scans = Vec::new();
    for rule_dir in rule_dirs {
        let mut children: Vec<PathBuf> = std::fs::read_dir(&rule_dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        children.sort();
        let (separate, together): (Vec<PathBuf>, Vec<PathBuf>) =
            children.into_iter().partition(|p| {
                p.is_dir()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("scan_"))
            });
        if !together.is_empty() {
            scans.push(FixtureScan {
                rule_dir: rule_dir.clone(),
                paths: together,
            });
        }
        for path in separate {
            scans.push(FixtureScan {
                rule_dir: rule_dir.clone(),
                paths: vec![path],
            });
        }
    }
    scans
}

#[test]
fn rule_fixtures_match_their_expectations() {
    let policies = policies();
    let cwd = workspace();
    let scans = fixture_scans();
    assert!(
        !scans.is_empty(),
        "no fixture folders under testdata/rules/"
    );
    let mut problems = Vec::new();
    let mut passes: BTreeMap<String, usize> = BTreeMap::new();
    for fixture in &scans {
        let outcome = scan(&fixture.paths, &cwd, &policies);
        if outcome.files == 0 {
            problems.push(format!(
                "{}: no scannable files",
                fixture.paths[0].display()
            ));
        }
        let scope = rule_folder_scope(&fixture.rule_dir, &outcome);
        problems.extend(check(&fixture.rule_dir, &outcome, &scope));
        let id = fixture.rule_dir.file_name().unwrap().to_string_lossy();
        *passes.entry(id.to_string()).or_default() += clean_passes(&outcome, &id);
    }
    for id in policies.rule_ids() {
        if passes.get(id).copied().unwrap_or(0) == 0 {
            problems.push(format!(
                "rule {id}: no resource of its types comes out `pass` in a clean fixture (`# soc2gate-test: no findings`): add one the rule judges compliant"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} fixture problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The four headline families of the catalogue: the README example shows each of them.
const HEADLINE_RULES: &[&str] = &[
    "aws-s3-encryption-at-rest",
    "aws-s3-tls-only",
    "aws-lb-https-only",
    "aws-lb-modern-tls",
    "github-branch-protection-reviews",
    "github-branch-protection-dismiss-stale",
    "github-branch-protection-code-owners",
    "github-branch-protection-status-checks",
    "github-branch-protection-enforce-admins",
    "github-branch-protection-no-force-push",
    "github-default-branch-protected",
    "aws-iam-no-wildcard-admin",
    "aws-iam-no-wildcard-action",
];

#[test]
fn readme_example_matches_its_expectations_and_covers_every_headline_rule() {
    let policies = policies();
    let root = workspace().join("testdata/example");
    let outcome = scan(std::slice::from_ref(&root), &workspace(), &policies);
    let problems = check(&root, &outcome, &None);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let fired: BTreeSet<&str> = outcome
        .findings
        .iter()
        .map(|f| f.rule_id.as_str())
        .collect();
    let missing: Vec<&&str> = HEADLINE_RULES
        .iter()
        .filter(|id| !fired.contains(**id))
        .collect();
    assert!(
        missing.is_empty(),
        "the example shows no finding of: {missing:?}"
    );
}

/// The files under `dir`, recursively, with their text.
fn files_under(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                files.push((p, text));
            }
        }
    }
    files.sort();
    files
}

/// A folder where an `aws_s3_bucket` is declared in one `.tf` file and referenced from
/// another (`bucket = aws_s3_bucket.x.id`): the split-resource join across files.
fn has_split_across_files(files: &[(PathBuf, String)]) -> bool {
    files.iter().any(|(declaring, text)| {
        text.contains("resource \"aws_s3_bucket\" ")
            && files.iter().any(|(referencing, other)| {
                referencing != declaring
                    && referencing.parent() == declaring.parent()
                    && other.contains("= aws_s3_bucket.")
            })
    })
}

#[test]
fn every_rule_has_failing_clean_and_unknown_value_fixtures() {
    let policies = policies();
    let mut problems = Vec::new();
    for id in policies.rule_ids() {
        let dir = workspace().join("testdata/rules").join(id);
        if !dir.is_dir() {
            problems.push(format!(
                "rule {id}: add fixtures under testdata/rules/{id}/"
            ));
            continue;
        }
        let files = files_under(&dir);
        let failing = files
            .iter()
            .any(|(_, text)| marks("", text).expectations.keys().any(|(_, _, r)| r == id));
        let clean = files.iter().any(|(_, text)| marks("", text).clean);
        // A fixture whose deciding value cannot be known: named `unknown_*` (a file or a
        // folder), silent, and the rule says it could not judge the resource.
        let unknown = files.iter().any(|(path, text)| {
            let relative = path.strip_prefix(&dir).unwrap_or(path);
            let m = marks("", text);
            relative.to_string_lossy().contains("unknown")
                && m.clean
                && m.undetermined.keys().any(|(_, _, r)| r == id)
        });
        if !failing {
            problems.push(format!(
                "rule {id}: no fixture expects it (`# expect: {id}`)"
            ));
        }
        if !clean {
            problems.push(format!(
                "rule {id}: no clean fixture (`# soc2gate-test: no findings`)"
            ));
        }
        if !unknown {
            problems.push(format!(
                "rule {id}: no unknown-value fixture: add testdata/rules/{id}/unknown_<what>.tf (or a folder) whose deciding value is a variable without a default, marked `# soc2gate-test: no findings`, with `# expect-undetermined: {id}` on the line the rule could not judge"
            ));
        }
        if id.starts_with("aws-s3-") && !has_split_across_files(&files) {
            problems.push(format!(
                "rule {id}: no split-resource fixture: add a folder under testdata/rules/{id}/ where the bucket is declared in one .tf file and its split resource references it (`bucket = aws_s3_bucket.x.id`) from another"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expectation_markers_are_read_both_ways() {
    let m = marks(
        "f.tf",
        "resource \"a\" \"b\" { # expect: r1, r2\n# expect: r3\nresource \"c\" \"d\" {}\n  x = \"# expect: not-a-marker\"\n",
    );
    let keys: Vec<_> = m
        .expectations
        .keys()
        .map(|(_, l, r)| (*l, r.as_str()))
        .collect();
    assert_eq!(keys, vec![(1, "r1"), (1, "r2"), (3, "r3")]);
    assert!(!m.clean);
}
