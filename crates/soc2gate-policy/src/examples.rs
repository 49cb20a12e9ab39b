//! The failing and passing example of a built-in rule, taken from its tested fixtures
//! (`testdata/rules/<rule-id>/`, embedded at build time), so that its documentation shows
//! real Terraform or settings that the fixture tests prove right.
//!
//! The choice is deterministic. A fixture file may claim a role with a whole-line comment
//! `# soc2gate-doc: failing example` or `# soc2gate-doc: passing example`; otherwise the
//! smallest top-level file that expects the rule fails, and the smallest top-level clean
//! file whose name does not start with `unknown` passes (an unknown value passes for
//! another reason than compliance). A rule whose fixtures are all folders falls back to
//! folders that hold a single file. Ties go to the first path.

use soc2gate_model::{RuleExample, RuleExamples};

use crate::source::embedded;

/// What a fixture author writes to choose the examples.
pub const DOC_MARKER: &str = "soc2gate-doc:";

/// The examples of the built-in rule `id` (none when it has no fixtures).
pub fn builtin_examples(id: &str) -> RuleExamples {
    choose(id, embedded::BUILTIN_FIXTURES)
}

/// The examples of rule `id` among `fixtures`, `(path, text)` pairs with paths like
/// `testdata/rules/<id>/<file>`.
pub fn choose(id: &str, fixtures: &[(&str, &str)]) -> RuleExamples {
    let folder = format!("testdata/rules/{id}/");
    let files: Vec<Fixture> = fixtures
        .iter()
        .filter_map(|(path, text)| {
            Some(Fixture {
                path,
                relative: path.strip_prefix(&folder)?,
                text,
            })
        })
        .collect();
    let failing = pick(&files, "failing example", |f| f.expects(id));
    let passing = pick(&files, "passing example", |f| {
        f.is_clean() && !f.relative.split('/').any(|c| c.starts_with("unknown"))
    });
    RuleExamples {
        failing: failing.map(|f| f.example(id)),
        passing: passing.map(|f| f.example(id)),
    }
}

struct Fixture<'a> {
    path: &'a str,
    /// Below the rule's folder: `file.tf`, or `folder/.github/settings.yml`.
    relative: &'a str,
    text: &'a str,
}

impl Fixture<'_> {
    fn expects(&self, id: &str) -> bool {
        self.text
            .lines()
            .filter_map(expect_marker)
            .any(|m| m.ids.iter().any(|i| i == id))
    }

    fn is_clean(&self) -> bool {
        self.text.contains("soc2gate-test: no findings")
    }

    fn claims(&self, role: &str) -> bool {
        self.text.lines().any(|line| {
            comment_text(line).is_some_and(|c| {
                c.strip_prefix(DOC_MARKER)
                    .is_some_and(|rest| rest.trim() == role)
            })
        })
    }

    fn example(&self, id: &str) -> RuleExample {
        RuleExample {
            file: self.path.to_string(),
            text: present(id, self.text),
        }
    }
}

/// The fixture for `role`: the one that claims it, else the smallest top-level file that
/// fits, else the smallest folder of a single file that fits.
fn pick<'a, 'f>(
    files: &'f [Fixture<'a>],
    role: &str,
    fits: impl Fn(&Fixture) -> bool,
) -> Option<&'f Fixture<'a>> {
    let smallest = |candidates: Vec<&'f Fixture<'a>>| {
        candidates
            .into_iter()
            .min_by_key(|f| (f.text.len(), f.path))
    };
    let claimed: Vec<&Fixture> = files.iter().filter(|f| f.claims(role)).collect();
    if !claimed.is_empty() {
        return smallest(claimed);
    }
    let top_level: Vec<&Fixture> = files
        .iter()
        .filter(|f| !f.relative.contains('/') && fits(f))
        .collect();
    if !top_level.is_empty() {
        return smallest(top_level);
    }
    let folder_of = |f: &Fixture| f.relative.split('/').next().unwrap_or_default().to_string();
    smallest(
        files
            .iter()
            .filter(|f| f.relative.contains('/') && fits(f))
            .filter(|f| {
                let folder = folder_of(f);
                files.iter().filter(|g| folder_of(g) == folder).count() == 1
            })
            .collect(),
    )
}

/// A fixture's `# expect:` comment: where its comment starts, whether it stands alone on
/// its line (then it is about the next line), and the rule ids it names.
pub struct ExpectMarker {
    pub comment_start: usize,
    pub alone: bool,
    pub ids: Vec<String>,
}

/// The `# expect: <ids>` (or `// expect:`) marker of a fixture line, if it has one: the
/// one reading of the marker, for the fixture test and for rule docs.
pub fn expect_marker(line: &str) -> Option<ExpectMarker> {
    marker(line, "expect:")
}

/// The `# expect-undetermined: <ids>` marker of a fixture line: the named rules cannot
/// judge the resource entry that starts on that line (or on the next, alone on its line),
/// because a value they need is unknown. Read the same way as `# expect:`.
pub fn undetermined_marker(line: &str) -> Option<ExpectMarker> {
    marker(line, UNDETERMINED_MARKER)
}

/// The keyword of [`undetermined_marker`].
pub const UNDETERMINED_MARKER: &str = "expect-undetermined:";

fn marker(line: &str, keyword: &str) -> Option<ExpectMarker> {
    let at = line.find(keyword)?;
    let before = &line[..at];
    let comment_start = before.rfind('#').or_else(|| before.rfind("//"))?;
    if !before[comment_start..]
        .trim_start_matches(['#', '/'])
        .trim()
        .is_empty()
    {
        return None;
    }
    // A `#` inside a string literal does not start a comment.
    if before[..comment_start].matches('"').count() % 2 == 1 {
        return None;
    }
    let ids = line[at + keyword.len()..]
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some(ExpectMarker {
        comment_start,
        alone: before[..comment_start].trim().is_empty(),
        ids,
    })
}

/// The text of a line that is only a comment, without the `#` or `//`.
fn comment_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix('#')
        .or_else(|| t.strip_prefix("//"))
        .map(str::trim)
}

/// The fixture as a reader should see it: the test harness's lines dropped, and each
/// `# expect:` turned into a pointer at the finding it stands for.
pub fn present(id: &str, text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let harness = comment_text(line)
            .is_some_and(|c| c.starts_with("soc2gate-test:") || c.starts_with(DOC_MARKER));
        if harness {
            continue;
        }
        if let Some(m) = undetermined_marker(line) {
            // Undetermined entries are evidence, not findings: the example shows the code.
            let code = line[..m.comment_start].trim_end();
            if !m.alone {
                out += code;
                out.push('\n');
            }
            continue;
        }
        match expect_marker(line) {
            Some(m) => {
                let code = &line[..m.comment_start];
                let (prefix, pointer) = if m.alone {
                    (code, "finding on the next line")
                } else {
                    (code, "<- finding")
                };
                out += &format!("{prefix}# {}\n", describe(id, pointer, &m.ids));
            }
            None => {
                out += line;
                out.push('\n');
            }
        }
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}

/// `<- finding`, `<- finding; also other-rule`, or `<- finding of other-rule`.
fn describe(id: &str, pointer: &str, ids: &[String]) -> String {
    let others: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|i| *i != id)
        .collect();
    if others.len() == ids.len() {
        format!("{pointer} of {}", others.join(", "))
    } else if others.is_empty() {
        pointer.to_string()
    } else {
        format!("{pointer}; also {}", others.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAILING_SMALL: &str = "resource \"a\" \"b\" { # expect: r\n}\n";
    const FAILING_BIG: &str = "# a longer one\nresource \"a\" \"b\" { # expect: r\n  x = 1\n}\n";
    const CLEAN: &str = "# soc2gate-test: no findings\nresource \"a\" \"ok\" {\n  x = 2\n}\n";
    const UNKNOWN: &str = "# soc2gate-test: no findings\nresource \"a\" \"u\" {}\n";

    fn files(list: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        list.to_vec()
    }

    #[test]
    fn picks_the_smallest_top_level_files_and_skips_unknown_values() {
        let fixtures = files(&[
            ("testdata/rules/r/big.tf", FAILING_BIG),
            ("testdata/rules/r/small.tf", FAILING_SMALL),
            ("testdata/rules/r/clean.tf", CLEAN),
            ("testdata/rules/r/unknown_x.tf", UNKNOWN),
            ("testdata/rules/r/split/a.tf", FAILING_SMALL),
            ("testdata/rules/other/tiny.tf", "# expect: r\nx\n"),
        ]);
        let e = choose("r", &fixtures);
        assert_eq!(e.failing.unwrap().file, "testdata/rules/r/small.tf");
        let passing = e.passing.unwrap();
        assert_eq!(passing.file, "testdata/rules/r/clean.tf");
        assert_eq!(passing.text, "resource \"a\" \"ok\" {\n  x = 2\n}\n");
    }

    #[test]
    fn a_doc_marker_wins_and_is_not_shown() {
        let claimed = "# soc2gate-doc: failing example\n# expect: r\nresource \"a\" \"b\" {\n  x = 1\n  y = 2\n}\n";
        let fixtures = files(&[
            ("testdata/rules/r/small.tf", FAILING_SMALL),
            ("testdata/rules/r/folder/main.tf", claimed),
        ]);
        let e = choose("r", &fixtures);
        let failing = e.failing.unwrap();
        assert_eq!(failing.file, "testdata/rules/r/folder/main.tf");
        assert_eq!(
            failing.text,
            "# finding on the next line\nresource \"a\" \"b\" {\n  x = 1\n  y = 2\n}\n"
        );
        assert!(e.passing.is_none());
    }

    #[test]
    fn folders_of_one_file_are_the_fallback() {
        let fixtures = files(&[
            ("testdata/rules/r/two/a.tf", FAILING_SMALL),
            ("testdata/rules/r/two/b.tf", CLEAN),
            ("testdata/rules/r/one/.github/settings.yml", FAILING_BIG),
            ("testdata/rules/r/ok/main.tf", CLEAN),
            ("testdata/rules/r/unknown_y/main.tf", UNKNOWN),
        ]);
        let e = choose("r", &fixtures);
        assert_eq!(
            e.failing.unwrap().file,
            "testdata/rules/r/one/.github/settings.yml"
        );
        assert_eq!(e.passing.unwrap().file, "testdata/rules/r/ok/main.tf");
    }

    #[test]
    fn markers_become_pointers_at_the_finding() {
        let text =
            "x = 1 # expect: r\n  // expect: other\ny = \"# expect: r\"\nz { # expect: r, other\n";
        assert_eq!(
            present("r", text),
            "x = 1 # <- finding\n  # finding on the next line of other\ny = \"# expect: r\"\nz { # <- finding; also other\n"
        );
    }

    #[test]
    fn undetermined_markers_are_read_like_expect_and_left_out_of_examples() {
        let m = undetermined_marker("  status = var.s # expect-undetermined: r, q").unwrap();
        assert_eq!(m.ids, vec!["r", "q"]);
        assert!(!m.alone);
        assert!(
            undetermined_marker("# expect-undetermined: r")
                .unwrap()
                .alone
        );
        assert!(expect_marker("x = 1 # expect-undetermined: r").is_none());
        assert_eq!(
            present(
                "r",
                "# expect-undetermined: r\nx = var.x # expect-undetermined: r\n"
            ),
            "x = var.x\n"
        );
    }
}
