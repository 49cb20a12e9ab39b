//! Loads Rego policies (built-in and user), reads their `# METADATA`, evaluates them over
//! the units of a scan in parallel, and runs `*_test.rego` unit tests like `opa test`.

mod engine;
mod examples;
mod input;
mod metadata;
mod params;
mod source;
mod testing;

use std::fmt;

pub use engine::{EvalError, EvalOptions, Judgement, PolicySet, Violation};
pub use examples::{
    builtin_examples, expect_marker, undetermined_marker, ExpectMarker, DOC_MARKER,
    UNDETERMINED_MARKER,
};
pub use input::{policy_input, NAME_ATTRIBUTES};
pub use metadata::parse_rule;
pub use params::INVALID_PARAMS;
pub use source::{builtin_sources, load_dir, PolicyKind, PolicySource};
pub use testing::{run_tests, Outcome, TestCase};

/// A policy that cannot be used: it does not parse, its metadata is incomplete, it breaks
/// the `deny` contract, or it rejects the value of one of its parameters. Always names the
/// file, and the line when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: String,
    pub line: usize,
    pub message: String,
    /// Set when the rule rejected a parameter value (its `invalid_params`), so that a
    /// caller that knows where the value was written (soc2gate.toml) can point there.
    pub param: Option<Box<InvalidParam>>,
}

/// A parameter value a rule rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParam {
    pub rule: String,
    /// The parameter the rule's message names, if it names one.
    pub name: Option<String>,
    /// True when the value was given to [`PolicySet::load`], false when it is the
    /// METADATA default.
    pub overridden: bool,
    /// The rule's message, e.g. `min_tls_version must be "1.2" or "1.3", not "1.1"`.
    pub message: String,
}

impl PolicyError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        PolicyError {
            file: file.into(),
            line,
            message: message.into(),
            param: None,
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

impl std::error::Error for PolicyError {}
