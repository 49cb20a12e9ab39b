//! The canonical text of an expression whose value is unknown, so that two attributes
//! written as the same expression in the same module instance (`bucket = var.name` on a
//! bucket and on its versioning configuration) can be joined although neither value is
//! known. Layout does not count: whitespace between tokens is dropped unless it separates
//! two words. An expression the text cannot stand for is left out: one that reads a
//! binding of its context (`each`, `count`, a `dynamic` iterator), whose value differs
//! between the places it is written, or one holding comments or a heredoc.

use hcl_edit::expr::{Expression, ForExpr, ObjectKey};
use hcl_edit::template::ForTemplateExpr;
use hcl_edit::visit::{self, Visit};

use super::{Bindings, Scope};

// Longer expressions (a whole policy document) are not names of anything worth joining,
// and would only grow the input.
const MAX_TEXT: usize = 400;

impl Scope<'_> {
    /// The expression's canonical text qualified with the module instance
    /// (`module.logs["a"]: var.name`; in a root module the text alone), or `None`.
    pub(crate) fn expression_key(&self, expr: &Expression, b: &Bindings) -> Option<String> {
        let mut context = ContextNames {
            bindings: b,
            local: Vec::new(),
            found: false,
        };
        context.visit_expr(expr);
        if context.found {
            return None;
        }
        let text = expr.to_string();
        if text.len() > MAX_TEXT {
            return None;
        }
        let text = minify(&text)?;
        if text.is_empty() {
            return None;
        }
        Some(if self.prefix.is_empty() {
            text
        } else {
            format!("{}: {text}", self.prefix)
        })
    }
}

/// Finds references to names bound by the context (`each`, `count`, `self`, iterators),
/// as opposed to names the expression binds itself (`for` variables).
struct ContextNames<'b> {
    bindings: &'b Bindings,
    local: Vec<String>,
    found: bool,
}

impl ContextNames<'_> {
    fn check(&mut self, name: &str) {
        let bound_here = self.local.iter().any(|n| n == name);
        if !bound_here
            && (self.bindings.find(name).is_some() || matches!(name, "each" | "count" | "self"))
        {
            self.found = true;
        }
    }
}

impl Visit for ContextNames<'_> {
    fn visit_expr(&mut self, node: &Expression) {
        match node {
            Expression::Variable(v) => self.check(v.as_str()),
            other => visit::visit_expr(self, other),
        }
    }

    fn visit_object_key(&mut self, node: &ObjectKey) {
        // A bare name as a key is a literal (`{ each = 1 }`).
        if let ObjectKey::Expression(e) = node {
            if !matches!(e, Expression::Variable(_)) {
                self.visit_expr(e);
            }
        }
    }

    fn visit_for_expr(&mut self, node: &ForExpr) {
        self.visit_expr(&node.intro.collection_expr);
        let n = self.local.len();
        self.local.push(node.intro.value_var.as_str().to_string());
        if let Some(k) = &node.intro.key_var {
            self.local.push(k.as_str().to_string());
        }
        if let Some(k) = &node.key_expr {
            self.visit_expr(k);
        }
        self.visit_expr(&node.value_expr);
        if let Some(c) = &node.cond {
            self.visit_expr(&c.expr);
        }
        self.local.truncate(n);
    }

    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        let n = self.local.len();
        self.local.push(node.value_var.as_str().to_string());
        if let Some(k) = &node.key_var {
            self.local.push(k.as_str().to_string());
        }
        self.visit_template(&node.template);
        self.local.truncate(n);
    }
}

/// The text without layout: whitespace outside string literals dropped, except one space
/// between two word characters (`a - b` and `a-b` stay apart). `None` for text with a
/// comment or a heredoc, whose layout matters or is not worth reading.
fn minify(text: &str) -> Option<String> {
    enum Mode {
        /// Code, with the depth of `{` opened inside it (an interpolation ends at the
        /// `}` met at depth 0).
        Code(usize),
        Str,
    }
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let chars: Vec<char> = text.chars().collect();
    let mut stack = vec![Mode::Code(0)];
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        i += 1;
        match stack.last_mut() {
            Some(Mode::Str) => {
                out.push(c);
                match (c, next) {
                    // An escape, or `$${` / `%%{`: literal text.
                    ('\\', Some(n)) | ('$', Some(n @ '$')) | ('%', Some(n @ '%')) => {
                        out.push(n);
                        i += 1;
                    }
                    ('"', _) => {
                        stack.pop();
                    }
                    ('$' | '%', Some('{')) => {
                        out.push('{');
                        i += 1;
                        stack.push(Mode::Code(0));
                    }
                    _ => {}
                }
            }
            Some(Mode::Code(depth)) => {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if c == '#' || (c == '/' && matches!(next, Some('/' | '*'))) {
                    return None;
                }
                if c == '<' && next == Some('<') {
                    return None;
                }
                if space && out.chars().last().is_some_and(word) && word(c) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                match c {
                    '"' => stack.push(Mode::Str),
                    '{' => *depth += 1,
                    '}' if *depth > 0 => *depth -= 1,
                    // The end of an interpolation: back to its string.
                    '}' if stack.len() > 1 => {
                        stack.pop();
                    }
                    _ => {}
                }
            }
            None => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_layout_but_keeps_words_and_strings_apart() {
        assert_eq!(minify(" var.name ").unwrap(), "var.name");
        assert_eq!(minify("var.a - var.b").unwrap(), "var.a - var.b");
        assert_eq!(minify("var.a-var.b").unwrap(), "var.a-var.b");
        assert_eq!(
            minify(r#"format( "%s x" , var.a )"#).unwrap(),
            r#"format("%s x",var.a)"#
        );
        assert_eq!(
            minify(r#""${ var.p }-logs ${lower( "A B" )}""#).unwrap(),
            r#""${var.p}-logs ${lower("A B")}""#
        );
        assert_eq!(minify(r#"{ a = "b" }[ "a" ]"#).unwrap(), r#"{a="b"}["a"]"#);
        assert_eq!(minify(r#""$${ x }""#).unwrap(), r#""$${ x }""#);
        assert_eq!(minify("var.a # note"), None);
        assert_eq!(minify("<<EOT\nx\nEOT\n"), None);
    }
}
