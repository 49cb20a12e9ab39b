//! Loads Rego policies (built-in and user), reads their `# METADATA`, evaluates them over
//! the units of a scan in parallel, and runs `*_test.rego` unit tests like `opa test`.

mod engine;
mod metadata;
mod source;
mod testing;

use std::fmt;

pub use engine::{EvalError, PolicySet, Violation};
pub use metadata::parse_rule;
pub use source::{builtin_sources, load_dir, PolicyKind, PolicySource};
pub use testing::{run_tests, Outcome, TestCase};

/// A policy that cannot be used: it does not parse, its metadata is incomplete, or it
/// breaks the `deny` contract. Always names the file, and the line when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl PolicyError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        PolicyError {
            file: file.into(),
            line,
            message: message.into(),
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
