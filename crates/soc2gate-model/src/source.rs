//! Source files, byte spans and line/column positions.

use serde::Serialize;

/// A half-open byte range `[start, end)` into one source file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A resolved place in a file: what findings and diagnostics point at.
/// `end` is one past the last character (SARIF's `endColumn` convention).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub file: String,
    pub start: Position,
    pub end: Position,
    /// Byte range, for renderers that slice the text.
    pub span: Span,
}

/// One file's text with a line index. `path` is relative to the working directory with
/// forward slashes: it is what every report prints and what SARIF URIs contain.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// The position of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn position(&self, byte: usize) -> Position {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line_idx = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_idx];
        Position {
            line: line_idx + 1,
            column: self.text[line_start..byte].chars().count() + 1,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// The text of a 1-based line without its line ending.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let start = self.line_start(line)?;
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// Resolves a byte span into a [`Location`].
    pub fn locate(&self, span: Span) -> Location {
        Location {
            file: self.path.clone(),
            start: self.position(span.start),
            end: self.position(span.end),
            span,
        }
    }

    /// The byte offset of a 1-based line and column (the inverse of [`Self::position`]).
    pub fn offset(&self, pos: Position) -> usize {
        let Some(start) = self.line_start(pos.line) else {
            return self.text.len();
        };
        let line = self.line_text(pos.line).unwrap_or("");
        start
            + line
                .char_indices()
                .nth(pos.column.saturating_sub(1))
                .map(|(i, _)| i)
                .unwrap_or(line.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_chars() {
        let f = SourceFile::new("a.tf", "ab\nçd\n");
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(3), Position { line: 2, column: 1 });
        // 'ç' is two bytes; 'd' is the second character of line 2.
        assert_eq!(f.position(5), Position { line: 2, column: 2 });
        assert_eq!(f.line_text(2), Some("çd"));
        assert_eq!(f.line_count(), 2);
        assert_eq!(f.offset(Position { line: 2, column: 2 }), 5);
    }

    #[test]
    fn position_snaps_inside_multibyte_chars() {
        let f = SourceFile::new("a.tf", "ç");
        assert_eq!(f.position(1), Position { line: 1, column: 1 });
    }
}
