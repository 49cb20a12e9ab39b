//! Resource references: which resources an expression's value derives from. They follow
//! locals, variables (to the caller's argument), module outputs (to the callee's
//! expression) and bindings (to the `for_each` iterated), so that a split resource is
//! joined to its bucket across files and module boundaries.

use hcl_edit::expr::{Expression, Traversal, TraversalOperator};
use hcl_edit::visit::{self, Visit};

use super::{Bindings, Scope};
use crate::value::{encode_string, Val};

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
                            let index = node.operators.get(1).map(|o| o.value());
                            let instance =
                                scope.instance_address(rtype, name, index, self.bindings);
                            self.add(&scope.qualify(&instance));
                        }
                    }
                    _ => {}
                }
            }
        }
        visit::visit_traversal(self, node);
    }
}

impl Scope<'_> {
    /// The address a reference to managed resource `rtype.name` names: one instance when
    /// it is indexed with a known key that the resource's known instances have
    /// (`aws_s3_bucket.b["logs"].id`, `aws_s3_bucket.b[count.index].arn`), else the
    /// resource itself, which stands for all of its instances.
    pub(crate) fn instance_address(
        &self,
        rtype: &str,
        name: &str,
        index: Option<&TraversalOperator>,
        b: &Bindings,
    ) -> String {
        let plain = format!("{rtype}.{name}");
        let key = match index {
            Some(TraversalOperator::Index(e)) => self.eval(e, b),
            Some(TraversalOperator::LegacyIndex(n)) => Val::Number(*n.value() as f64),
            _ => return plain,
        };
        let suffix = match (&*self.resource_value(rtype, name), &key) {
            (Val::Object(instances), key) => match key.to_str() {
                Some(k) if instances.contains_key(&k) => {
                    let mut s = String::from("[");
                    encode_string(&k, &mut s);
                    s.push(']');
                    s
                }
                _ => return plain,
            },
            (Val::List(instances), key) => match key.to_number() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) < instances.len() => {
                    format!("[{}]", n as usize)
                }
                _ => return plain,
            },
            _ => return plain,
        };
        plain + &suffix
    }
}
