//! Fixture tests, discovered by path: every folder under `testdata/rules/` and the README
//! example are scanned with all built-in rules, and the findings must match the
//! expectations written in the fixtures, in both directions:
//!
//! - `# expect: <rule-id>[, <rule-id>...]` at the end of a line: exactly one finding of each
//!   named rule starts on that line; alone on a line: the same for the next line.
//! - `# soc2gate-test: no findings` marks a file that must produce no finding.
//! - every finding must be expected, and every fixture file must say one or the other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use soc2gate::scan::{scan, ScanOutcome};
use soc2gate_policy::{builtin_sources, PolicySet};

fn policies() -> PolicySet {
    PolicySet::load(&builtin_sources(), &BTreeMap::new()).expect("built-in policies compile")
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(file, line, rule)` triples, counted.
type Expectations = BTreeMap<(String, usize, String), usize>;

/// The ids after `expect:` in a comment, if the line has one.
fn expect_ids(line: &str) -> Option<(bool, Vec<String>)> {
    let at = line.find("expect:")?;
    let before = &line[..at];
    let comment_start = before.rfind('#').or_else(|| before.rfind("//"))?;
    if !before[comment_start..]
        .trim_start_matches(['#', '/'])
        .trim()
        .is_empty()
    {
        return None;
    }
    // A `#` inside a string literal does not start a comment.
    if before[..comment_start].matches('"').count() % 2 == 1 {
        return None;
    }
    let alone = before[..comment_start].trim().is_empty();
    let ids = line[at + "expect:".len()..]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((alone, ids))
}

struct FileMarks {
    expectations: Expectations,
    clean: bool,
}

fn marks(path: &str, text: &str) -> FileMarks {
    let mut expectations = Expectations::new();
    let mut pending: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        match expect_ids(line) {
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
    FileMarks {
        expectations,
        clean: text.contains("soc2gate-test: no findings"),
    }
}

/// Checks one fixture root; returns the problems found, described for a human.
fn check(root: &Path, outcome: &ScanOutcome) -> Vec<String> {
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
    }
    let mut actual = Expectations::new();
    let mut messages: BTreeMap<(String, usize, String), String> = BTreeMap::new();
    for f in &outcome.findings {
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
                "{file}:{line}: expected {want} finding(s) of {rule}, got {got}{detail}"
            ));
        }
    }
    problems
}

fn fixture_roots() -> Vec<PathBuf> {
    let base = workspace().join("testdata/rules");
    let mut roots: Vec<PathBuf> = std::fs::read_dir(&base)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    roots.sort();
    roots
}

#[test]
fn rule_fixtures_match_their_expectations() {
    let policies = policies();
    let cwd = workspace();
    let roots = fixture_roots();
    assert!(
        !roots.is_empty(),
        "no fixture folders under testdata/rules/"
    );
    let mut problems = Vec::new();
    for root in &roots {
        let outcome = scan(std::slice::from_ref(root), &cwd, &policies);
        if outcome.files == 0 {
            problems.push(format!("{}: no scannable files", root.display()));
        }
        problems.extend(check(root, &outcome));
    }
    assert!(
        problems.is_empty(),
        "{} fixture problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn readme_example_matches_its_expectations_and_covers_every_headline_rule() {
    let policies = policies();
    let root = workspace().join("testdata/example");
    let outcome = scan(std::slice::from_ref(&root), &workspace(), &policies);
    let problems = check(&root, &outcome);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let fired: BTreeSet<&str> = outcome
        .findings
        .iter()
        .map(|f| f.rule_id.as_str())
        .collect();
    let missing: Vec<&str> = policies
        .rule_ids()
        .filter(|id| !fired.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "the example shows no finding of: {missing:?}"
    );
}

#[test]
fn every_rule_has_a_failing_and_a_clean_fixture() {
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
        let mut failing = false;
        let mut clean = false;
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(text) = std::fs::read_to_string(&p) {
                    let m = marks("", &text);
                    failing |= m.expectations.keys().any(|(_, _, r)| r == id);
                    clean |= m.clean;
                }
            }
        }
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
