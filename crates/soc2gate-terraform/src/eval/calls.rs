//! `count` and `for_each` instances, and module calls: a local module is evaluated once
//! per instance of the call, with the caller's arguments, and its outputs become
//! `module.<name>` in the caller.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::Body;
use hcl_edit::visit::Visit;
use soc2gate_model::{LoadError, ModuleCall, UnexpandedModule};

use super::{Bindings, Input, Normalized, Scope};
use crate::config::{Call, Config};
use crate::limits::MAX_INSTANCES;
use crate::normalize::header_span;
use crate::value::{encode_string, Val};

// Deeper nesting than this is reported rather than followed.
const MAX_MODULE_DEPTH: usize = 32;

/// Arguments of a `module` block that are not inputs of the module.
const CALL_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

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

/// The result of a module call, as the caller sees it.
pub(super) struct CallResult {
    /// `module.x`: the outputs object, a list of them (`count`), a map of them
    /// (`for_each`), or unknown.
    value: Rc<Val>,
    /// Per instance (its key, `Null` for a single one): output name -> the resources
    /// its value derives from.
    instance_refs: Vec<(Val, HashMap<String, Vec<String>>)>,
}

impl<'a> Scope<'a> {
    /// The instances of a resource, data or module block.
    pub(crate) fn instances(&self, body: &Body, b: &Bindings) -> Instances {
        if let Some(count) = body.get_attribute("count") {
            let refs: Rc<[String]> = Rc::from(self.refs(b, |c| c.visit_expr(&count.value)));
            let n = self.eval(&count.value, b).to_number();
            let unknown = || {
                let unknown = object([("index", Val::Unknown)]);
                Instances::Unknown(b.with_refs("count", unknown, refs.clone()))
            };
            let Some(n) = n.filter(|n| *n >= 0.0 && n.fract() == 0.0) else {
                return unknown();
            };
            if n > MAX_INSTANCES as f64 {
                self.too_many_instances("count", n);
                return unknown();
            }
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
        let pairs = pairs.filter(|p| {
            let within = p.len() <= MAX_INSTANCES;
            if !within {
                self.too_many_instances("for_each", p.len() as f64);
            }
            within
        });
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

    fn too_many_instances(&self, meta: &str, n: f64) {
        self.limit_reached(format!(
            "{meta} gives {n} instances, more than {MAX_INSTANCES} (the limit per block); \
             soc2gate checks them as one instance whose {} unknown",
            if meta == "count" {
                "count.index is"
            } else {
                "each.key and each.value are"
            }
        ));
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
        let rb = &self.config.resources[index];
        let instances = self.at(rb.src, header_span(rb.block), || {
            self.instances(&rb.block.body, &Bindings::default())
        });
        let shape = Rc::new(match instances {
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

    /// `module.<name>` as a value.
    pub(super) fn call_value(&self, name: &str) -> Rc<Val> {
        match self.call_result(name) {
            Some(r) => r.value.clone(),
            None => Rc::new(Val::Unknown),
        }
    }

    /// The resources output `output` of `module.<name>` derives from: of the instance
    /// `key` when it is known, of every instance otherwise; of every output when `output`
    /// is `None`.
    pub(super) fn call_refs(
        &self,
        name: &str,
        key: Option<&Val>,
        output: Option<&str>,
    ) -> Vec<String> {
        let Some(r) = self.call_result(name) else {
            return Vec::new();
        };
        let chosen: Vec<&HashMap<String, Vec<String>>> = match key {
            Some(k) if r.instance_refs.iter().any(|(ik, _)| ik == k) => r
                .instance_refs
                .iter()
                .filter(|(ik, _)| ik == k)
                .map(|(_, refs)| refs)
                .collect(),
            _ => r.instance_refs.iter().map(|(_, refs)| refs).collect(),
        };
        let mut all: Vec<String> = Vec::new();
        for refs in chosen {
            let mut names: Vec<&String> = match output {
                Some(o) => refs.keys().filter(|n| n.as_str() == o).collect(),
                None => refs.keys().collect(),
            };
            names.sort();
            for n in names {
                for a in &refs[n] {
                    if !all.contains(a) {
                        all.push(a.clone());
                    }
                }
            }
        }
        all
    }

    /// Evaluates a module call once (memoized); `None` for an unknown name or while the
    /// call is being evaluated (an output that feeds the call's own inputs).
    pub(super) fn call_result(&self, name: &str) -> Option<Rc<CallResult>> {
        {
            let mut state = self.state.borrow_mut();
            if let Some(entry) = state.calls.get(name) {
                return entry.clone();
            }
            state.calls.insert(name.to_string(), None);
        }
        let call = self.config.calls.iter().find(|c| c.name == name)?;
        let (result, resources) = self.eval_call(call);
        let result = Rc::new(result);
        let mut state = self.state.borrow_mut();
        state.calls.insert(name.to_string(), Some(result.clone()));
        state.call_resources.insert(name.to_string(), resources);
        Some(result)
    }

    /// The result of a call that is not expanded: its outputs are unknown.
    fn unknown_call() -> (CallResult, Vec<Normalized>) {
        let result = CallResult {
            value: Rc::new(Val::Unknown),
            instance_refs: Vec::new(),
        };
        (result, Vec::new())
    }

    /// A call left out on purpose (a remote source, a directory outside the scan): the
    /// reports list it, so that nobody takes its resources for checked.
    fn not_expanded(
        &self,
        call: &Call<'_>,
        reason: String,
        help: &str,
    ) -> (CallResult, Vec<Normalized>) {
        self.ctx.not_expanded(UnexpandedModule {
            address: self.qualify(&format!("module.{}", call.name)),
            source: call.source.clone().unwrap_or_default(),
            location: call.src.locate(header_span(call.block)),
            reason,
            help: help.to_string(),
        });
        Self::unknown_call()
    }

    /// A call Terraform itself would reject (a cycle, absurd nesting): a load error.
    fn invalid_call(
        &self,
        call: &Call<'_>,
        message: String,
        help: &str,
    ) -> (CallResult, Vec<Normalized>) {
        self.ctx.error(LoadError {
            location: call.src.locate(header_span(call.block)),
            message,
            help: Some(help.to_string()),
        });
        Self::unknown_call()
    }

    fn eval_call(&self, call: &Call<'a>) -> (CallResult, Vec<Normalized>) {
        let name = &call.name;
        if call.source.is_none() {
            return self.not_expanded(
                call,
                "its source is not a literal string".to_string(),
                "Terraform requires a literal source; write the path or address as a string",
            );
        }
        let Some(dir) = call.local_dir(&self.config.dir) else {
            return self.not_expanded(
                call,
                "remote sources are not fetched".to_string(),
                "checks cannot see the resources this module creates; scan the module's own code to check them",
            );
        };
        let Some(config) = self.ctx.configs.get(&dir) else {
            return self.not_expanded(
                call,
                format!("{dir} holds no Terraform files in this scan"),
                "check the source path, or include the module's directory in the scan",
            );
        };
        let address = self.qualify(&format!("module.{name}"));
        if let Some(start) = self.chain.iter().position(|(d, _)| *d == dir) {
            let mut steps: Vec<String> = self.chain[start..]
                .iter()
                .map(|(d, a)| {
                    if a.is_empty() {
                        d.clone()
                    } else {
                        format!("{a} ({d})")
                    }
                })
                .collect();
            steps.push(format!("{address} ({dir})"));
            return self.invalid_call(
                call,
                format!("module call cycle: {}", steps.join(" -> ")),
                "a module cannot call itself, directly or through other modules; Terraform rejects this",
            );
        }
        if self.chain.len() > MAX_MODULE_DEPTH {
            return self.invalid_call(
                call,
                format!("module \"{name}\" was not expanded: modules are nested more than {MAX_MODULE_DEPTH} deep"),
                "soc2gate stops here; the resources below this call are not checked",
            );
        }
        {
            let mut d = self.ctx.diags.borrow_mut();
            if !d.used.contains(&dir) {
                d.used.push(dir.clone());
            }
        }

        self.at(call.src, header_span(call.block), || {
            self.expand_call(call, &address, &dir, config)
        })
    }

    /// Evaluates each instance of a local module call.
    fn expand_call(
        &self,
        call: &Call<'a>,
        address: &str,
        dir: &str,
        config: &'a Config<'a>,
    ) -> (CallResult, Vec<Normalized>) {
        let instances = self.instances(&call.block.body, &Bindings::default());
        let header = call.src.span(header_span(call.block));
        let mut resources = Vec::new();
        let mut instance_refs = Vec::new();
        let mut values: Vec<(Val, Val)> = Vec::new();
        let (keyed, by_count, list) = match instances {
            Instances::Single(b) => (None, false, vec![(Val::Null, String::new(), b)]),
            Instances::Unknown(b) => (Some(false), false, vec![(Val::Null, String::new(), b)]),
            Instances::Keyed {
                by_count,
                instances,
            } => (Some(true), by_count, instances),
        };
        for (key, suffix, b) in list {
            let mut inputs = HashMap::new();
            for attr in call.block.body.attributes() {
                let arg = attr.key.as_str();
                if CALL_META.contains(&arg) {
                    continue;
                }
                let value = self.eval(&attr.value, &b);
                let refs = self.refs(&b, |c| c.visit_expr(&attr.value));
                inputs.insert(arg.to_string(), Input { value, refs });
            }
            let prefix = format!("{address}{suffix}");
            let mut via = self.via.clone();
            via.push(ModuleCall {
                address: prefix.clone(),
                file: call.src.path().to_string(),
                span: header,
            });
            let mut chain = self.chain.clone();
            chain.push((dir.to_string(), prefix.clone()));
            let mut child = Scope {
                ctx: self.ctx,
                config,
                root_dir: self.root_dir.clone(),
                prefix,
                via,
                chain,
                inputs: HashMap::new(),
                state: RefCell::default(),
                steps: Cell::new(0),
                // Until the module's own blocks say otherwise, its limits are its call's.
                site: Cell::new(self.site.get()),
            };
            child.set_inputs(inputs);
            resources.extend(child.run());
            let mut outputs = BTreeMap::new();
            let mut output_refs = HashMap::new();
            for (out, expr) in &config.outputs {
                outputs.insert(out.clone(), child.eval(expr, &Bindings::default()));
                let refs = child.refs(&Bindings::default(), |c| c.visit_expr(expr));
                output_refs.insert(out.clone(), refs);
            }
            instance_refs.push((key.clone(), output_refs));
            values.push((key, Val::Object(outputs)));
        }
        let value = match keyed {
            None => values.pop().map_or(Val::Unknown, |(_, v)| v),
            Some(false) => Val::Unknown,
            Some(true) if by_count => Val::List(values.into_iter().map(|(_, v)| v).collect()),
            Some(true) => Val::Object(
                values
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_str()?, v)))
                    .collect(),
            ),
        };
        let result = CallResult {
            value: Rc::new(value),
            instance_refs,
        };
        (result, resources)
    }
}
