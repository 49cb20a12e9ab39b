//! A `miette::SourceCode` over our `SourceFile` that answers from its line index.
//!
//! miette's own implementation for `str` walks the text from the first byte to the span on
//! every call, and the graphical handler calls it at least twice per diagnostic. With the
//! line index a snippet costs a binary search and the length of the lines it shows.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use soc2gate_model::SourceFile;

/// One source file, seen by miette.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Source<'a>(pub(crate) &'a SourceFile);

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let file = self.0;
        let text = file.text.as_str();
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&end| end <= text.len())
            .ok_or(MietteError::OutOfBounds)?;

        let first = file.position(start);
        // The line of the span's last byte: a span that ends just after a newline does not
        // reach into the next line. An empty span stays on its own line.
        let last = if end > start {
            file.position(end - 1)
        } else {
            first
        };
        let first_line = first.line.saturating_sub(context_lines_before).max(1);
        let last_line = last
            .line
            .saturating_add(context_lines_after)
            .min(file.line_count())
            .max(last.line);

        // Like miette's own implementation: without context before, the data starts at the
        // span (the handler then reads the span's line and column from it); with context it
        // starts at the beginning of the first context line.
        let (data_start, column) = if context_lines_before == 0 {
            (start, first.column - 1)
        } else {
            (file.line_start(first_line).unwrap_or(start).min(start), 0)
        };
        let data_end = file
            .line_start(last_line + 1)
            .unwrap_or(text.len())
            .max(end);
        let first_data_line = if context_lines_before == 0 {
            first.line
        } else {
            first_line
        };

        Ok(Box::new(MietteSpanContents::new_named(
            file.path.clone(),
            &text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            first_data_line - 1,
            column,
            last_line + 1 - first_data_line,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(file: &SourceFile, span: (usize, usize), before: usize, after: usize) -> String {
        let source = Source(file);
        let contents = source.read_span(&span.into(), before, after).unwrap();
        format!(
            "{:?} line={} column={} lines={} span={}+{}",
            std::str::from_utf8(contents.data()).unwrap(),
            contents.line(),
            contents.column(),
            contents.line_count(),
            contents.span().offset(),
            contents.span().len(),
        )
    }

    const TEXT: &str = "a = 1\nbé = 2\nc = 3\nd = 4\n";

    #[test]
    fn context_lines_come_from_the_index() {
        let f = SourceFile::new("x.tf", TEXT);
        // "bé" on line 2, one line of context each side.
        assert_eq!(
            read(&f, (6, 3), 1, 1),
            r#""a = 1\nbé = 2\nc = 3\n" line=0 column=0 lines=3 span=0+20"#
        );
        // Without context: data starts at the span; the column counts characters.
        assert_eq!(
            read(&f, (12, 1), 0, 0),
            r#""2\n" line=1 column=5 lines=1 span=12+2"#
        );
    }

    #[test]
    fn first_and_last_lines_clamp_the_context() {
        let f = SourceFile::new("x.tf", TEXT);
        assert_eq!(
            read(&f, (0, 1), 2, 0),
            r#""a = 1\n" line=0 column=0 lines=1 span=0+6"#
        );
        assert_eq!(
            read(&f, (21, 1), 1, 5),
            r#""c = 3\nd = 4\n" line=2 column=0 lines=2 span=14+12"#
        );
    }

    #[test]
    fn a_span_ending_after_a_newline_stays_on_its_line() {
        let f = SourceFile::new("x.tf", TEXT);
        assert_eq!(
            read(&f, (0, 6), 0, 0),
            r#""a = 1\n" line=0 column=0 lines=1 span=0+6"#
        );
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let f = SourceFile::new("x.tf", "no newline");
        assert_eq!(
            read(&f, (10, 0), 1, 1),
            r#""no newline" line=0 column=0 lines=1 span=0+10"#
        );
        let empty = SourceFile::new("x.tf", "");
        assert_eq!(
            read(&empty, (0, 0), 1, 1),
            r#""" line=0 column=0 lines=1 span=0+0"#
        );
        assert!(Source(&f).read_span(&(5, 20).into(), 1, 1).is_err());
    }
}
