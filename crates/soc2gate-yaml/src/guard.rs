//! Keeps hostile input from overflowing the stack.
//!
//! saphyr builds the tree recursively, one stack frame per nesting level, and cloning
//! or dropping the tree recurses the same way. A pull request can carry a settings file
//! of `- - - - ...` twenty thousand levels deep, and a stack overflow aborts the whole
//! scan. So the nesting is measured first (with the event parser, which does not
//! recurse), and the parse runs on a thread whose stack fits that measure; a file nested
//! beyond any real settings file is refused.

use saphyr_parser::Event;

/// Stack for whatever does not grow with nesting, including alias expansion, which
/// saphyr's node budget keeps to a few hundred levels beyond the text's own nesting.
const BASE_STACK: usize = 2 << 20;

/// Stack per nesting level: several times what a parse level takes in a debug build.
const STACK_PER_LEVEL: usize = 16 << 10;

/// The deepest nesting bound accepted. Real settings files stay under a hundred.
pub(crate) const MAX_NESTING: usize = 1000;

/// How deeply collections nest in `text`, measured on saphyr's event parser, which
/// keeps its own stack on the heap and so cannot overflow: comments, strings and flow
/// JSON on one line count for what they are. A syntax error ends the measure there (the
/// tree parse then reports it).
pub(crate) fn nesting_bound(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for event in saphyr_parser::Parser::new_from_str(text) {
        match event {
            Ok((Event::SequenceStart(..) | Event::MappingStart(..), _)) => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > MAX_NESTING {
                    break;
                }
            }
            Ok((Event::SequenceEnd | Event::MappingEnd, _)) => depth = depth.saturating_sub(1),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    // The stream and the document wrap everything.
    deepest + 2
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
    fn comments_strings_and_one_line_json_are_not_nesting() {
        let rule = format!("# {}\nbranches:\n  - name: main\n", "-".repeat(5000));
        assert!(nesting_bound(&rule) < 10, "{}", nesting_bound(&rule));
        let quoted = format!("description: \"{}\"\n", "[{".repeat(3000));
        assert!(nesting_bound(&quoted) < 10);
        let json = r#"{"branches": [{"name": "main", "protection": {"required_status_checks": {"contexts": ["ci"]}}}]}"#;
        assert_eq!(nesting_bound(json), 8);
        assert!(stack_for(&rule).is_some());
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
