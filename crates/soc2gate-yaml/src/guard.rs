//! Keeps hostile input from overflowing the stack.
//!
//! saphyr builds the tree recursively, one stack frame per nesting level, and cloning
//! or dropping the tree recurses the same way. A pull request can carry a settings file
//! of `- - - - ...` twenty thousand levels deep, and a stack overflow aborts the whole
//! scan. So the text is measured first, and the parse runs on a thread whose stack fits
//! that measure; a file nested beyond any real settings file is refused.

/// Stack for whatever does not grow with nesting, including alias expansion, which
/// saphyr's node budget keeps to a few hundred levels beyond the text's own nesting.
const BASE_STACK: usize = 2 << 20;

/// Stack per nesting level: several times what a parse level takes in a debug build.
const STACK_PER_LEVEL: usize = 16 << 10;

/// The deepest nesting bound accepted. Real settings files stay under a hundred.
pub(crate) const MAX_NESTING: usize = 1000;

/// An upper bound on how deeply collections nest in `text`. Never below the truth;
/// close to it for files written by people.
///
/// Block collections: one that contains a line's first token starts at a column no
/// greater than the line's indentation, and at most two share a column (a mapping and
/// a sequence written as one of its values at the same indentation); one that starts
/// on the line owns a `-`, `?` or `:` there. Flow collections: each owns a `[` or `{`
/// (plus the single-pair mapping `[a: b]` may add), and the parser allows at most 255
/// open at once.
pub(crate) fn nesting_bound(text: &str) -> usize {
    let mut block = 0;
    let mut brackets = 0usize;
    for line in text.split(['\n', '\r']) {
        let indent = line.chars().take_while(|c| matches!(c, ' ' | '\t')).count();
        let mut indicators = 0;
        for c in line.chars() {
            match c {
                '-' | '?' | ':' => indicators += 1,
                '[' | '{' => brackets += 1,
                _ => {}
            }
        }
        block = block.max(2 * (indent + 1) + indicators);
    }
    // The stream and the document wrap everything.
    block + 2 * brackets.min(255) + 2
}

/// The stack a parse of `text` needs, or `None` when the text nests too deeply.
pub(crate) fn stack_for(text: &str) -> Option<usize> {
    let bound = nesting_bound(text);
    (bound <= MAX_NESTING).then(|| BASE_STACK + bound * STACK_PER_LEVEL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_covers_compact_and_indented_nesting() {
        // Three sequences open on one line.
        assert!(nesting_bound("- - - x") >= 3);
        let indented: String = (0..50).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        assert!(nesting_bound(&indented) >= 50);
        assert!(nesting_bound("[[[[x]]]]") >= 4);
    }

    #[test]
    fn ordinary_settings_are_accepted_and_bombs_refused() {
        let settings = "branches:\n  - name: main\n    protection:\n      \
                        required_status_checks:\n        contexts: [ci, lint]\n";
        assert!(nesting_bound(settings) < 40);
        assert!(stack_for(settings).is_some());
        assert!(stack_for(&"- ".repeat(20_000)).is_none());
    }
}
