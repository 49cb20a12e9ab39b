//! Resource references: which resources an expression's value derives from. They follow
//! locals, variables (to the caller's argument), module outputs (to the callee's
//! expression) and bindings (to the `for_each` iterated), so that a split resource is
//! joined to its bucket across files and module boundaries.

use hcl_edit::expr::{Expression, Traversal, TraversalOperator};
use hcl_edit::visit::{self, Visit};

use super::{Bindings, Scope};
use crate::value::Val;

/// Collects resource references while walking expressions (see [`Scope::refs`]).
pub(crate) struct RefCollector<'s, 'a> {
    scope: &'s Scope<'a>,
    bindings: &'s Bindings,
    pub(super) found: Vec<String>,
}

impl<'s, 'a> RefCollector<'s, 'a> {
    pub(super) fn new(scope: &'s Scope<'a>, bindings: &'s Bindings) -> Self {
        RefCollector {
            scope,
            bindings,
            found: Vec::new(),
        }
    }

    fn add(&mut self, address: &str) {
        if !self.found.iter().any(|f| f == address) {
            self.found.push(address.to_string());
        }
    }

    fn add_all<'r>(&mut self, refs: impl IntoIterator<Item = &'r String>) {
        for r in refs {
            self.add(r);
        }
    }
}

impl Visit for RefCollector<'_, '_> {
    fn visit_traversal(&mut self, node: &Traversal) {
        if let Expression::Variable(root) = &node.expr {
            let root = root.as_str();
            let names: Vec<&str> = node
                .operators
                .iter()
                .map_while(|op| match op.value() {
                    TraversalOperator::GetAttr(a) => Some(a.as_str()),
                    _ => None,
                })
                .collect();
            if let Some(refs) = self.bindings.refs_of(root) {
                let refs: Vec<String> = refs.to_vec();
                self.add_all(&refs);
            } else {
                let scope = self.scope;
                match (root, names.as_slice()) {
                    ("local", [name, ..]) => {
                        let refs = scope.local_refs(name);
                        self.add_all(refs.iter());
                    }
                    ("var", [name, ..]) => {
                        let refs = scope.variable_refs(name);
                        self.add_all(refs.iter());
                    }
                    ("module", [name, ..]) => {
                        // `module.x.out`, or `module.x[key].out` for one instance.
                        let ops: Vec<&TraversalOperator> =
                            node.operators.iter().map(|o| o.value()).collect();
                        let (key, output) = match ops.get(1) {
                            Some(TraversalOperator::Index(e)) => {
                                (Some(scope.eval(e, self.bindings)), ops.get(2))
                            }
                            Some(TraversalOperator::LegacyIndex(n)) => {
                                (Some(Val::Number(*n.value() as f64)), ops.get(2))
                            }
                            _ => (None, ops.get(1)),
                        };
                        let output = match output {
                            Some(TraversalOperator::GetAttr(o)) => Some(o.as_str()),
                            _ => None,
                        };
                        let refs = scope.call_refs(name, key.as_ref(), output);
                        self.add_all(&refs);
                    }
                    ("data", [rtype, name, ..]) => {
                        let address = format!("data.{rtype}.{name}");
                        if scope.config.declares(&address) {
                            self.add(&scope.qualify(&address));
                        }
                    }
                    (rtype, [name, ..]) => {
                        // Only declared resources count, so that `for` variables
                        // (`rule.id`) are never taken for references.
                        let address = format!("{rtype}.{name}");
                        if scope.config.declares(&address) {
                            self.add(&scope.qualify(&address));
                        }
                    }
                    _ => {}
                }
            }
        }
        visit::visit_traversal(self, node);
    }
}
