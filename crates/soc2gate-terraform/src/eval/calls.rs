//! `count` and `for_each` instances of resource, data and module blocks, and resources
//! as values.

use std::rc::Rc;

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::Body;
use hcl_edit::visit::Visit;

use super::{Bindings, Scope};
use crate::value::{encode_string, Val};

/// The instances a block with `count` or `for_each` declares.
pub(crate) enum Instances {
    /// Neither: one instance with the plain address.
    Single(Bindings),
    /// Known keys, each with its address suffix (`[0]`, `["a"]`) and bindings.
    Keyed {
        by_count: bool,
        instances: Vec<(Val, String, Bindings)>,
    },
    /// An unknown number of instances: one resource stands for all of them, with the
    /// plain address and `count.index` / `each.*` unknown.
    Unknown(Bindings),
}

impl Instances {
    /// Every instance with its address suffix (`""` for a single or unknown one).
    pub(crate) fn into_list(self) -> Vec<(String, Bindings)> {
        match self {
            Instances::Single(b) | Instances::Unknown(b) => vec![(String::new(), b)],
            Instances::Keyed { instances, .. } => {
                instances.into_iter().map(|(_, s, b)| (s, b)).collect()
            }
        }
    }
}

fn object<const N: usize>(fields: [(&str, Val); N]) -> Val {
    Val::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

impl<'a> Scope<'a> {
    /// The instances of a resource, data or module block.
    pub(crate) fn instances(&self, body: &Body, b: &Bindings) -> Instances {
        if let Some(count) = body.get_attribute("count") {
            let refs: Rc<[String]> = Rc::from(self.refs(b, |c| c.visit_expr(&count.value)));
            let n = self.eval(&count.value, b).to_number();
            let Some(n) = n.filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 1e6) else {
                let unknown = object([("index", Val::Unknown)]);
                return Instances::Unknown(b.with_refs("count", unknown, refs));
            };
            let instances = (0..n as usize)
                .map(|i| {
                    let v = object([("index", Val::Number(i as f64))]);
                    (
                        Val::Number(i as f64),
                        format!("[{i}]"),
                        b.with_refs("count", v, refs.clone()),
                    )
                })
                .collect();
            return Instances::Keyed {
                by_count: true,
                instances,
            };
        }
        let Some(for_each) = body.get_attribute("for_each") else {
            return Instances::Single(b.clone());
        };
        let refs: Rc<[String]> = Rc::from(self.refs(b, |c| c.visit_expr(&for_each.value)));
        let pairs: Option<Vec<(String, Val)>> = match self.eval(&for_each.value, b) {
            Val::Object(fields) => Some(fields.into_iter().collect()),
            // A set of strings: each key is its own value.
            Val::List(items) => items
                .into_iter()
                .map(|v| match v {
                    Val::String(s) => Some((s.clone(), Val::String(s))),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map(|mut pairs| {
                    pairs.sort_by(|a, b| a.0.cmp(&b.0));
                    pairs.dedup_by(|a, b| a.0 == b.0);
                    pairs
                }),
            _ => None,
        };
        let Some(pairs) = pairs else {
            let unknown = object([("key", Val::Unknown), ("value", Val::Unknown)]);
            return Instances::Unknown(b.with_refs("each", unknown, refs));
        };
        let iterated = self.iterated_resource(&for_each.value);
        let instances = pairs
            .into_iter()
            .map(|(k, v)| {
                let mut suffix = String::from("[");
                encode_string(&k, &mut suffix);
                suffix.push(']');
                let each_refs = match &iterated {
                    Some(r) => Rc::from(vec![format!("{r}{suffix}")]),
                    None => refs.clone(),
                };
                let each = object([("key", Val::String(k.clone())), ("value", v)]);
                (Val::String(k), suffix, b.with_refs("each", each, each_refs))
            })
            .collect();
        Instances::Keyed {
            by_count: false,
            instances,
        }
    }

    /// A managed resource as an expression sees it (`aws_s3_bucket.lake`). Terraform knows
    /// which instances it has at plan time but not their computed attributes, so the value
    /// is its shape: an object of unknown instances by `for_each` key, a list of them by
    /// `count` index, or one unknown instance. Enough for `for_each = aws_s3_bucket.lake`
    /// and `length(aws_s3_bucket.lake)`.
    pub(super) fn resource_value(&self, rtype: &str, name: &str) -> Rc<Val> {
        let address = format!("{rtype}.{name}");
        if let Some(memo) = self.state.borrow().resource_shapes.get(&address) {
            // `None`: its own `count` or `for_each` refers to it, which Terraform rejects.
            return memo.clone().unwrap_or_else(|| Rc::new(Val::Unknown));
        }
        let Some(&index) = self.config.resource_index.get(&address) else {
            return Rc::new(Val::Unknown);
        };
        self.state
            .borrow_mut()
            .resource_shapes
            .insert(address.clone(), None);
        let body = &self.config.resources[index].block.body;
        let shape = Rc::new(match self.instances(body, &Bindings::default()) {
            Instances::Single(_) | Instances::Unknown(_) => Val::Unknown,
            Instances::Keyed {
                by_count: true,
                instances,
            } => Val::List(instances.iter().map(|_| Val::Unknown).collect()),
            Instances::Keyed { instances, .. } => Val::Object(
                instances
                    .into_iter()
                    .filter_map(|(key, _, _)| Some((key.to_str()?, Val::Unknown)))
                    .collect(),
            ),
        });
        self.state
            .borrow_mut()
            .resource_shapes
            .insert(address, Some(shape.clone()));
        shape
    }

    /// The resource a `for_each` expression iterates by that resource's own keys: `R`
    /// itself, or `{ for k, v in R : k => v }` with or without an `if`. Each instance then
    /// derives from the instance of `R` with the same key, so its `each` refers to that
    /// instance alone: the encryption configuration made for one bucket joins that bucket,
    /// not every bucket of `R`.
    fn iterated_resource(&self, expr: &Expression) -> Option<String> {
        let is =
            |e: &Expression, var: &str| matches!(e, Expression::Variable(v) if v.as_str() == var);
        let collection = match expr {
            Expression::ForExpr(f) => {
                let key_var = f.intro.key_var.as_ref()?;
                let same_keys = f.key_expr.as_ref().is_some_and(|k| is(k, key_var.as_str()));
                let same_values = is(&f.value_expr, f.intro.value_var.as_str());
                if f.grouping || !same_keys || !same_values {
                    return None;
                }
                &f.intro.collection_expr
            }
            other => other,
        };
        let Expression::Traversal(t) = collection else {
            return None;
        };
        let (Expression::Variable(rtype), [op]) = (&t.expr, t.operators.as_slice()) else {
            return None;
        };
        let TraversalOperator::GetAttr(name) = op.value() else {
            return None;
        };
        let address = format!("{}.{}", rtype.as_str(), name.as_str());
        self.config
            .declares(&address)
            .then(|| self.qualify(&address))
    }
}
