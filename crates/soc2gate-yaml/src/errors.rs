//! Collects load errors against one file.

use soc2gate_model::{LoadError, SourceFile, Span};

/// The load errors and warnings of one settings file.
pub(crate) struct Errors<'f> {
    file: &'f SourceFile,
    /// Problems that make the scan untrustworthy.
    pub list: Vec<LoadError>,
    /// Things worth knowing that do not change what was scanned.
    pub warnings: Vec<LoadError>,
}

impl<'f> Errors<'f> {
    pub fn new(file: &'f SourceFile) -> Self {
        Errors {
            file,
            list: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Records an error at `span` with what the user can do about it.
    pub fn at(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) {
        let error = self.problem(span, message.into(), help.into());
        self.list.push(error);
    }

    /// Records a warning at `span`.
    pub fn warn(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) {
        let warning = self.problem(span, message.into(), help.into());
        self.warnings.push(warning);
    }

    fn problem(&self, span: Span, message: String, help: String) -> LoadError {
        LoadError {
            location: self.file.locate(span),
            message,
            help: Some(help),
        }
    }
}
