//! Findings and load errors: what reports render.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Location, Severity};

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

    /// The deterministic report order: file, line, column, rule id, then resource.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.location.file,
            self.location.start,
            &self.rule_id,
            &self.resource,
            &self.attribute,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SuppressionKind {
    /// An exception comment in the source.
    InSource,
    /// A config exception or a baseline entry.
    External,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
