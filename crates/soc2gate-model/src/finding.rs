//! Findings and load errors: what reports render.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Location, Severity};

/// A `module` block on the way from a root module to a finding: the call's address and
/// where the block is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CallSite {
    /// `module.logs`; a nested call has its full address (`module.logs.module.bucket`).
    pub address: String,
    /// The `module "logs"` header in the caller's file.
    pub location: Location,
}

/// One way a finding was reached: the resource, the attribute blamed, and the module calls
/// that lead to the resource.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Occurrence {
    pub resource: String,
    pub attribute: String,
    pub via: Vec<CallSite>,
}

/// A violation of a rule, located in the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub controls: Vec<String>,
    pub message: String,
    pub location: Location,
    /// Address of the offending resource.
    pub resource: String,
    /// Attribute path the policy blamed (`""` for the resource itself).
    pub attribute: String,
    /// Stable across unrelated edits: rule id, file, resource address and attribute,
    /// never the line number.
    pub fingerprint: String,
    /// Set when an exception or baseline covers this finding; it then does not fail the gate.
    pub suppression: Option<Suppression>,
    /// For a resource inside a called module: the module calls from the root module down to
    /// it, outermost first. Empty for a resource of a root module.
    pub via: Vec<CallSite>,
    /// The other resources and call chains that led to this same finding (same rule, file,
    /// line, message and suppression), merged into it by [`merge_duplicates`]: a module
    /// called twice, or instances of one block that fail for the same reason.
    pub also: Vec<Occurrence>,
}

impl Finding {
    /// The fingerprint of `(rule, file, resource, attribute)`.
    pub fn fingerprint_of(rule_id: &str, file: &str, resource: &str, attribute: &str) -> String {
        let mut h = Sha256::new();
        for part in [rule_id, file, resource, attribute] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The deterministic report order: file, line, column, rule id, then resource,
    /// attribute and call chain.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.location.file,
            self.location.start,
            &self.rule_id,
            &self.resource,
            &self.attribute,
            &self.via,
        )
    }

    /// The way this finding itself was reached (not its `also`).
    pub fn occurrence(&self) -> Occurrence {
        Occurrence {
            resource: self.resource.clone(),
            attribute: self.attribute.clone(),
            via: self.via.clone(),
        }
    }

    /// Every way it was reached: its own, then `also`.
    pub fn occurrences(&self) -> Vec<Occurrence> {
        let mut all = vec![self.occurrence()];
        all.extend(self.also.iter().cloned());
        all
    }

    /// The distinct call chains that lead to it, its own first; empty when every
    /// occurrence is in a root module.
    pub fn call_chains(&self) -> Vec<&[CallSite]> {
        let mut chains: Vec<&[CallSite]> = Vec::new();
        let all =
            std::iter::once(self.via.as_slice()).chain(self.also.iter().map(|o| o.via.as_slice()));
        for chain in all {
            if !chain.is_empty() && !chains.contains(&chain) {
                chains.push(chain);
            }
        }
        chains
    }

    /// The inverse of [`merge_duplicates`]: one finding per occurrence, each with its own
    /// resource, attribute, call chain and fingerprint, so that exceptions and baselines
    /// can judge each occurrence on its own.
    pub fn split(mut self) -> Vec<Finding> {
        let also = std::mem::take(&mut self.also);
        let mut out = Vec::with_capacity(also.len() + 1);
        for o in also {
            let mut f = self.clone();
            f.fingerprint =
                Finding::fingerprint_of(&f.rule_id, &f.location.file, &o.resource, &o.attribute);
            f.resource = o.resource;
            f.attribute = o.attribute;
            f.via = o.via;
            out.push(f);
        }
        out.insert(0, self);
        out
    }

    /// Takes `other`'s occurrences into `also`, each distinct one once.
    fn absorb(&mut self, other: Finding) {
        let own = self.occurrence();
        for o in other.occurrences() {
            if o != own && !self.also.contains(&o) {
                self.also.push(o);
            }
        }
    }
}

/// What makes two findings the same finding: the design reports no finding twice for the
/// same source line and reason.
type MergeKey = (String, String, usize, String, Option<Suppression>);

fn merge_key(f: &Finding) -> MergeKey {
    (
        f.rule_id.clone(),
        f.location.file.clone(),
        f.location.start.line,
        f.message.clone(),
        f.suppression.clone(),
    )
}

/// Sorts findings into report order and merges those that are the same finding reached
/// more than once (same rule, file, line, message and suppression): the first in report
/// order stays, and the others' resources and call chains become its `also`.
pub fn merge_duplicates(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut first: HashMap<MergeKey, usize> = HashMap::new();
    for f in findings {
        match first.get(&merge_key(&f)) {
            Some(&i) => kept[i].absorb(f),
            None => {
                first.insert(merge_key(&f), kept.len());
                kept.push(f);
            }
        }
    }
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SuppressionKind {
    /// An exception comment in the source.
    InSource,
    /// A config exception or a baseline entry.
    External,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub justification: String,
    /// `YYYY-MM-DD`, when the exception carries an expiry.
    pub expires: Option<String>,
}

/// A file that could not be loaded (or was loaded only in part). The scan goes on; the
/// exit code remembers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadError {
    /// Where it went wrong: the file, and the offending span when the parser gave one.
    pub location: Location,
    pub message: String,
    /// What the user can do about it.
    pub help: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Position, Span};

    fn at(line: usize) -> Location {
        Location {
            file: "modules/bucket/main.tf".into(),
            start: Position { line, column: 1 },
            end: Position { line, column: 9 },
            span: Span::default(),
        }
    }

    fn call(address: &str, file: &str, line: usize) -> CallSite {
        CallSite {
            address: address.into(),
            location: Location {
                file: file.into(),
                ..at(line)
            },
        }
    }

    fn finding(resource: &str, message: &str, via: Vec<CallSite>) -> Finding {
        Finding {
            rule_id: "r".into(),
            severity: Severity::High,
            controls: vec![],
            message: message.into(),
            location: at(5),
            resource: resource.into(),
            attribute: String::new(),
            fingerprint: Finding::fingerprint_of("r", "modules/bucket/main.tf", resource, ""),
            suppression: None,
            via,
            also: vec![],
        }
    }

    #[test]
    fn merging_keeps_the_first_and_every_other_way_there() {
        let b = finding(
            "module.b.aws_s3_bucket.this",
            "unencrypted",
            vec![call("module.b", "main.tf", 7)],
        );
        let a = finding(
            "module.a.aws_s3_bucket.this",
            "unencrypted",
            vec![call("module.a", "main.tf", 2)],
        );
        // Same address from another root: a distinct call chain, kept.
        let a_elsewhere = finding(
            "module.a.aws_s3_bucket.this",
            "unencrypted",
            vec![call("module.a", "prod/main.tf", 2)],
        );
        let other_reason = finding("module.c.aws_s3_bucket.this", "unversioned", vec![]);
        let merged = merge_duplicates(vec![
            b.clone(),
            a_elsewhere.clone(),
            a.clone(),
            a.clone(),
            other_reason.clone(),
        ]);
        assert_eq!(merged.len(), 2);
        let kept = &merged[0];
        assert_eq!(kept.resource, "module.a.aws_s3_bucket.this");
        assert_eq!(kept.via, a.via);
        assert_eq!(kept.also, vec![a_elsewhere.occurrence(), b.occurrence()]);
        assert_eq!(kept.call_chains().len(), 3);
        assert_eq!(merged[1], other_reason);

        // Splitting gives every occurrence back, each with its own fingerprint.
        let split = merged[0].clone().split();
        assert_eq!(split, vec![a, a_elsewhere, b]);
    }

    #[test]
    fn a_suppressed_occurrence_is_not_merged_into_an_active_one() {
        let a = finding("aws_s3_bucket.x[0]", "same", vec![]);
        let mut b = finding("aws_s3_bucket.x[1]", "same", vec![]);
        b.suppression = Some(Suppression {
            kind: SuppressionKind::External,
            justification: "in baseline".into(),
            expires: None,
        });
        assert_eq!(merge_duplicates(vec![b.clone(), a.clone()]), vec![a, b]);
    }

    #[test]
    fn fingerprint_ignores_nothing_but_is_stable() {
        let a = Finding::fingerprint_of("r", "main.tf", "aws_s3_bucket.a", "");
        assert_eq!(
            a,
            Finding::fingerprint_of("r", "main.tf", "aws_s3_bucket.a", "")
        );
        assert_eq!(a.len(), 32);
        assert_ne!(
            a,
            Finding::fingerprint_of("r", "other.tf", "aws_s3_bucket.a", "")
        );
        // The separator keeps ("ab","c") and ("a","bc") apart.
        assert_ne!(
            Finding::fingerprint_of("ab", "c", "", ""),
            Finding::fingerprint_of("a", "bc", "", "")
        );
    }
}
