//! soc2gate's plain data types: the resource graph every policy sees, source files and
//! spans, the source map that turns `(resource, attribute)` back into a location, load
//! errors, rule metadata and findings. No I/O lives here.

mod criteria;
mod finding;
mod graph;
mod path;
mod rule;
mod source;

pub use criteria::{criterion_ids, criterion_list, criterion_meaning, is_criterion, CRITERIA};
pub use finding::{
    merge_duplicates, CallSite, Finding, LoadError, Occurrence, Suppression, SuppressionKind,
};
pub use graph::{
    Loaded, Mode, Module, ModuleCall, ModuleKind, Resource, ResourceSpans, SourceMap,
    UnexpandedModule,
};
pub use path::{AttrPath, PathSegment};
pub use rule::{RuleExample, RuleExamples, RuleMeta, Severity};
pub use source::{Location, Position, SourceFile, Span};
