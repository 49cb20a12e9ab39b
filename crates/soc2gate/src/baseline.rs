//! The baseline: the findings a team accepted when it adopted the gate, so that only new
//! ones fail. An entry is a finding's rule, file, resource address and attribute (what its
//! fingerprint is made of), spelled out for the reviewer; line numbers are left out so
//! that unrelated edits do not churn it. Files are relative to the baseline's directory.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     { "rule": "aws-s3-versioning", "file": "infra/main.tf", "resource": "aws_s3_bucket.logs",
//!       "attribute": "", "fingerprint": "3f2a..." }
//!   ]
//! }
//! ```

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use soc2gate_model::{Finding, Suppression, SuppressionKind};

use crate::exceptions;
use crate::paths::{absolute, Rebase};

/// The file `baseline create` writes unless told otherwise.
pub const DEFAULT_FILE: &str = ".soc2gate-baseline.json";
const VERSION: u64 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    /// Relative to the baseline's directory, forward slashes.
    pub file: String,
    pub resource: String,
    #[serde(default)]
    pub attribute: String,
    /// Informational: matching uses the four fields above, of which it is the hash.
    #[serde(default)]
    pub fingerprint: String,
}

impl Entry {
    fn key(&self) -> (&str, &str, &str, &str) {
        (&self.rule, &self.file, &self.resource, &self.attribute)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    version: u64,
    findings: Vec<Entry>,
}

/// A baseline read from a file.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file as the user named it, for justifications and messages.
    pub display: String,
    dir: PathBuf,
    rebase: Rebase,
    pub entries: Vec<Entry>,
}

fn entry(f: &Finding, rebase: &Rebase) -> Entry {
    let file = rebase.rel(&f.location.file);
    Entry {
        fingerprint: Finding::fingerprint_of(&f.rule_id, &file, &f.resource, &f.attribute),
        rule: f.rule_id.clone(),
        file,
        resource: f.resource.clone(),
        attribute: f.attribute.clone(),
    }
}

/// One entry per occurrence of a finding: a module called twice is two resources, each
/// accepted on its own (a third call later is a new finding).
fn entries(f: &Finding, rebase: &Rebase) -> Vec<Entry> {
    f.clone().split().iter().map(|o| entry(o, rebase)).collect()
}

fn dir_of(path: &Path, cwd: &Path) -> PathBuf {
    absolute(path, cwd)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf())
}

/// The baseline text for `findings`: every finding that fails today (not suppressed, not
/// a warning), sorted, once each. `path` is where it will be written.
pub fn create(findings: &[Finding], path: &Path, cwd: &Path) -> (String, usize) {
    let rebase = Rebase::new(cwd, &dir_of(path, cwd));
    let entries: BTreeSet<Entry> = findings
        .iter()
        .filter(|f| f.suppression.is_none() && exceptions::can_fail(f))
        .flat_map(|f| entries(f, &rebase))
        .collect();
    let n = entries.len();
    let doc = FileFormat {
        version: VERSION,
        findings: entries.into_iter().collect(),
    };
    let text = serde_json::to_string_pretty(&doc).expect("a baseline serializes") + "\n";
    (text, n)
}

impl Baseline {
    /// Reads a baseline; every problem is a message that names the file.
    pub fn load(path: &Path, cwd: &Path) -> Result<Baseline, String> {
        let display = path.display().to_string().replace('\\', "/");
        let recreate = format!("create one with `soc2gate baseline create --output {display}`");
        let text = std::fs::read_to_string(absolute(path, cwd))
            .map_err(|e| format!("cannot read baseline {display}: {e}; {recreate}"))?;
        let doc: FileFormat = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{display}:{}:{}: not a soc2gate baseline: {e}; {recreate}",
                e.line(),
                e.column()
            )
        })?;
        if doc.version != VERSION {
            return Err(format!(
                "{display}: baseline version {} is not supported (this soc2gate reads version {VERSION}); {recreate}",
                doc.version
            ));
        }
        if let Some((i, _)) = doc
            .findings
            .iter()
            .enumerate()
            .find(|(_, e)| e.rule.is_empty() || e.file.is_empty())
        {
            return Err(format!(
                "{display}: entry {} of `findings` has an empty `rule` or `file`; {recreate}",
                i + 1
            ));
        }
        let dir = dir_of(path, cwd);
        Ok(Baseline {
            display,
            rebase: Rebase::new(cwd, &dir),
            dir,
            entries: doc.findings,
        })
    }

    /// Marks the findings that are in the baseline as suppressed (kind external); a merged
    /// finding is judged by its own resource only, so split it first (the gate does).
    /// Returns the entries that no longer occur: those of a file that was scanned (its
    /// display path in `scanned`) or that no longer exists.
    pub fn apply(&self, findings: &mut [Finding], scanned: &BTreeSet<String>) -> Vec<Entry> {
        let keys: BTreeSet<_> = self.entries.iter().map(Entry::key).collect();
        let mut seen = BTreeSet::new();
        for f in findings.iter_mut() {
            let e = entry(f, &self.rebase);
            if !keys.contains(&e.key()) {
                continue;
            }
            if f.suppression.is_none() {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::External,
                    justification: format!("in baseline {}", self.display),
                    expires: None,
                });
            }
            seen.insert(e);
        }
        let seen: BTreeSet<_> = seen.iter().map(Entry::key).collect();
        let scanned: BTreeSet<String> = scanned.iter().map(|s| self.rebase.rel(s)).collect();
        let mut fixed: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| !seen.contains(&e.key()))
            .filter(|e| scanned.contains(&e.file) || !self.dir.join(&e.file).exists())
            .cloned()
            .collect();
        fixed.sort();
        fixed.dedup();
        fixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Location, Severity};

    fn finding(rule: &str, file: &str, resource: &str) -> Finding {
        Finding {
            rule_id: rule.into(),
            severity: Severity::High,
            controls: vec![],
            message: "m".into(),
            location: Location {
                file: file.into(),
                start: Default::default(),
                end: Default::default(),
                span: Default::default(),
            },
            resource: resource.into(),
            attribute: String::new(),
            fingerprint: Finding::fingerprint_of(rule, file, resource, ""),
            suppression: None,
            via: Vec::new(),
            also: Vec::new(),
        }
    }

    #[test]
    fn round_trip_matches_by_file_and_reports_fixed_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = dir.path();
        std::fs::write(cwd.join("a.tf"), "").unwrap();
        let old = vec![
            finding("r", "a.tf", "aws_s3_bucket.x"),
            finding("r", "a.tf", "aws_s3_bucket.gone"),
            finding("r", "a.tf", "aws_s3_bucket.x"),
            finding(exceptions::UNUSED_EXCEPTION, "a.tf", ""),
        ];
        let (text, n) = create(&old, Path::new(DEFAULT_FILE), cwd);
        assert_eq!(n, 2);
        assert!(text.contains("\"rule\": \"r\""), "{text}");
        std::fs::write(cwd.join(DEFAULT_FILE), &text).unwrap();
        let b = Baseline::load(Path::new(DEFAULT_FILE), cwd).unwrap();
        assert_eq!(b.entries[0].fingerprint, old[1].fingerprint);

        let mut now = vec![
            finding("r", "a.tf", "aws_s3_bucket.x"),
            finding("r", "b.tf", "aws_s3_bucket.x"),
        ];
        let fixed = b.apply(&mut now, &BTreeSet::from(["a.tf".to_string()]));
        assert_eq!(
            now[0].suppression.as_ref().unwrap().justification,
            "in baseline .soc2gate-baseline.json"
        );
        assert!(
            now[1].suppression.is_none(),
            "same address in another file is new"
        );
        assert_eq!(
            fixed
                .iter()
                .map(|e| e.resource.as_str())
                .collect::<Vec<_>>(),
            vec!["aws_s3_bucket.gone"]
        );
        // A file outside the scan that still exists is not reported as fixed.
        assert!(b.apply(&mut now, &BTreeSet::new()).is_empty());
    }

    #[test]
    fn files_are_relative_to_the_baseline() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("infra")).unwrap();
        let cwd = dir.path().join("infra");
        let (text, _) = create(
            &[finding("r", "main.tf", "x.y")],
            Path::new("../base.json"),
            &cwd,
        );
        assert!(text.contains("\"file\": \"infra/main.tf\""), "{text}");
        std::fs::write(dir.path().join("base.json"), &text).unwrap();
        let b = Baseline::load(&dir.path().join("base.json"), dir.path()).unwrap();
        let mut now = vec![finding("r", "infra/main.tf", "x.y")];
        b.apply(&mut now, &BTreeSet::new());
        assert!(now[0].suppression.is_some());
    }

    #[test]
    fn malformed_baselines_say_where_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        for (text, says) in [
            (
                "{\"version\": 1, \"findings\": [{\"rule\": \"r\"}]}",
                "missing field `file`",
            ),
            ("[1, 2]", "not a soc2gate baseline"),
            (
                "{\"version\": 2, \"findings\": []}",
                "version 2 is not supported",
            ),
            (
                "{\"version\": 1, \"findings\": [], \"extra\": 1}",
                "unknown field `extra`",
            ),
            ("{\"version\": 1,\n \"findings\": [", ":2:"),
        ] {
            std::fs::write(&p, text).unwrap();
            let e = Baseline::load(&p, dir.path()).unwrap_err();
            assert!(
                e.contains(says) && e.contains("soc2gate baseline create"),
                "{text}: {e}"
            );
        }
        assert!(Baseline::load(&dir.path().join("none.json"), dir.path())
            .unwrap_err()
            .contains("cannot read baseline"));
    }
}
