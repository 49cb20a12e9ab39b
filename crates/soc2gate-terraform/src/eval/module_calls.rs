//! Module calls: each instance of a `module` block is a [`Scope`] of the called directory.
//! As in Terraform's graph, which has a node per input variable and per output, nothing
//! of a call is evaluated as a whole: an output is evaluated when the caller reads it,
//! and a variable of the callee when the callee reads it, from the caller's argument.
//! A local that reads one output of a call whose arguments read another local is then no
//! cycle; a real one (an output that needs itself) is reported once, at the `module`
//! block.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::visit::Visit;
use soc2gate_model::{LoadError, ModuleCall, UnexpandedModule};

use super::{Bindings, Instances, Scope};
use crate::config::Call;
use crate::modules::Target;
use crate::normalize::header_span;
use crate::value::Val;

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

/// Where a module instance's variables come from.
pub(crate) struct Caller<'a> {
    pub parent: Weak<Scope<'a>>,
    pub call: &'a Call<'a>,
    /// The instance's `count` or `each`.
    pub bindings: Bindings,
}

impl<'a> Caller<'a> {
    /// The caller's scope and its argument for variable `name`, if it gives one.
    pub(crate) fn argument(&self, name: &str) -> Option<(Rc<Scope<'a>>, &'a Expression)> {
        if CALL_META.contains(&name) {
            return None;
        }
        let attr = self.call.block.body.get_attribute(name)?;
        Some((self.parent.upgrade()?, &attr.value))
    }
}

/// The instances of one `module` block.
pub(crate) enum CallInstances<'a> {
    /// Not expanded (reported): its outputs are unknown.
    NotExpanded,
    /// Neither `count` nor `for_each`.
    Single(Rc<Scope<'a>>),
    /// Known instances, by index (`count`) or key (`for_each`).
    Keyed {
        by_count: bool,
        instances: Vec<(Val, Rc<Scope<'a>>)>,
    },
    /// An unknown number of instances: one stands for all, its resources are checked, and
    /// `module.x` is unknown.
    Unknown(Rc<Scope<'a>>),
}

impl<'a> CallInstances<'a> {
    pub(crate) fn scopes(&self) -> Vec<&Rc<Scope<'a>>> {
        match self {
            CallInstances::NotExpanded => Vec::new(),
            CallInstances::Single(s) | CallInstances::Unknown(s) => vec![s],
            CallInstances::Keyed { instances, .. } => instances.iter().map(|(_, s)| s).collect(),
        }
    }

    /// The instance with index or key `key`.
    fn instance(&self, key: &Val) -> Option<&Rc<Scope<'a>>> {
        match self {
            CallInstances::Keyed { instances, .. } => {
                instances.iter().find(|(k, _)| k == key).map(|(_, s)| s)
            }
            _ => None,
        }
    }
}

impl<'a> Scope<'a> {
    /// `module.<name>` as a whole value: the outputs object, a list of them (`count`), a
    /// map of them (`for_each`), or unknown.
    pub(super) fn call_value(&self, name: &str) -> Rc<Val> {
        if let Some(v) = self.state.borrow().call_values.get(name) {
            return v.clone();
        }
        let Some(instances) = self.call_instances(name) else {
            return Rc::new(Val::Unknown);
        };
        let outputs = |s: &Scope<'a>| {
            Val::Object(
                s.config
                    .outputs
                    .iter()
                    .map(|(n, _)| (n.clone(), s.output(n).as_ref().clone()))
                    .collect(),
            )
        };
        let value = Rc::new(match &*instances {
            CallInstances::NotExpanded | CallInstances::Unknown(_) => Val::Unknown,
            CallInstances::Single(s) => outputs(s),
            CallInstances::Keyed {
                by_count: true,
                instances,
            } => Val::List(instances.iter().map(|(_, s)| outputs(s)).collect()),
            CallInstances::Keyed { instances, .. } => Val::Object(
                instances
                    .iter()
                    .filter_map(|(k, s)| Some((k.to_str()?, outputs(s))))
                    .collect(),
            ),
        });
        self.state
            .borrow_mut()
            .call_values
            .insert(name.to_string(), value.clone());
        value
    }

    /// One output of `module.<name>` (`ops` follow the name: `.out`, or `[key].out`), and
    /// how many operators it used; `None` when the traversal needs the whole value.
    pub(super) fn call_output(
        &self,
        name: &str,
        ops: &[&TraversalOperator],
        b: &Bindings,
    ) -> Option<(Rc<Val>, usize)> {
        let instances = self.call_instances(name)?;
        let declared = |s: &Scope<'_>, o: &str| s.config.outputs.iter().any(|(n, _)| n == o);
        match (&*instances, ops) {
            (CallInstances::Single(s), [TraversalOperator::GetAttr(o), ..])
                if declared(s, o.as_str()) =>
            {
                Some((s.output(o.as_str()), 1))
            }
            (
                CallInstances::Keyed { .. },
                [TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_), TraversalOperator::GetAttr(o), ..],
            ) => {
                let key = match ops[0] {
                    TraversalOperator::Index(e) => self.eval(e, b),
                    TraversalOperator::LegacyIndex(n) => Val::Number(*n.value() as f64),
                    _ => return None,
                };
                if !key.is_known() && !key.is_error() {
                    return Some((Rc::new(Val::Unknown), ops.len()));
                }
                let s = instances.instance(&key)?;
                declared(s, o.as_str()).then(|| (s.output(o.as_str()), 2))
            }
            _ => None,
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
        let Some(instances) = self.call_instances(name) else {
            return Vec::new();
        };
        let chosen = match key.and_then(|k| instances.instance(k)) {
            Some(s) => vec![s],
            None => instances.scopes(),
        };
        let mut all: Vec<String> = Vec::new();
        for s in chosen {
            let mut names: Vec<&String> = s
                .config
                .outputs
                .iter()
                .map(|(n, _)| n)
                .filter(|n| output.is_none_or(|o| o == n.as_str()))
                .collect();
            names.sort();
            for n in names {
                for a in s.output_refs(n).iter() {
                    if !all.contains(a) {
                        all.push(a.clone());
                    }
                }
            }
        }
        all
    }

    /// Output `name` of this module instance, evaluated once.
    pub(super) fn output(&self, name: &str) -> Rc<Val> {
        {
            let mut state = self.state.borrow_mut();
            match state.outputs.get(name) {
                Some(Some(v)) => return v.clone(),
                Some(None) => {
                    drop(state);
                    self.report_output_cycle(name);
                    return Rc::new(Val::Unknown);
                }
                None => {}
            }
            state.outputs.insert(name.to_string(), None);
        }
        let v = match self.config.outputs.iter().find(|(n, _)| n == name) {
            Some((_, expr)) => self.eval(expr, &Bindings::default()),
            None => Val::Error,
        };
        let mut state = self.state.borrow_mut();
        // A cycle met on the way already settled it as unknown.
        let v = match state.outputs.get(name) {
            Some(Some(settled)) => settled.clone(),
            _ => Rc::new(v),
        };
        state.outputs.insert(name.to_string(), Some(v.clone()));
        v
    }

    /// An output that needs itself, through the caller's arguments: Terraform rejects the
    /// cycle; reported at the `module` block, the output is unknown.
    fn report_output_cycle(&self, name: &str) {
        self.state
            .borrow_mut()
            .outputs
            .insert(name.to_string(), Some(Rc::new(Val::Unknown)));
        let Some(caller) = &self.caller else {
            return;
        };
        self.ctx.error(LoadError {
            location: caller.call.src.locate(header_span(caller.call.block)),
            message: format!(
                "cycle: output \"{name}\" of {} depends on itself through the module's arguments",
                self.prefix
            ),
            help: Some(
                "break the cycle; Terraform rejects it, and soc2gate treats this output as unknown"
                    .to_string(),
            ),
        });
    }

    /// The resources output `name` derives from.
    fn output_refs(&self, name: &str) -> Rc<[String]> {
        {
            let mut state = self.state.borrow_mut();
            match state.output_refs.get(name) {
                Some(Some(refs)) => return refs.clone(),
                Some(None) => return Rc::from(Vec::new()),
                None => {}
            }
            state.output_refs.insert(name.to_string(), None);
        }
        let refs: Rc<[String]> = match self.config.outputs.iter().find(|(n, _)| n == name) {
            Some((_, expr)) => Rc::from(self.refs(&Bindings::default(), |c| c.visit_expr(expr))),
            None => Rc::from(Vec::new()),
        };
        self.state
            .borrow_mut()
            .output_refs
            .insert(name.to_string(), Some(refs.clone()));
        refs
    }

    /// The instances of `module.<name>`, made once (memoized); `None` for an unknown name
    /// or while its `count` or `for_each` is being evaluated (it needs its own outputs).
    pub(super) fn call_instances(&self, name: &str) -> Option<Rc<CallInstances<'a>>> {
        {
            let mut state = self.state.borrow_mut();
            if let Some(entry) = state.calls.get(name) {
                return entry.clone();
            }
            state.calls.insert(name.to_string(), None);
        }
        let call = self.config.calls.iter().find(|c| c.name == name)?;
        let instances = Rc::new(self.make_call(call));
        self.state
            .borrow_mut()
            .calls
            .insert(name.to_string(), Some(instances.clone()));
        Some(instances)
    }

    /// A call left out on purpose (a remote source not installed, a directory outside the
    /// repository): the reports list it, so that nobody takes its resources for checked.
    fn not_expanded(&self, call: &Call<'_>, reason: String, help: String) -> CallInstances<'a> {
        self.ctx.not_expanded(UnexpandedModule {
            address: self.qualify(&format!("module.{}", call.name)),
            source: call.source.clone().unwrap_or_default(),
            location: call.src.locate(header_span(call.block)),
            reason,
            help,
        });
        CallInstances::NotExpanded
    }

    /// A call Terraform itself would reject (a cycle, absurd nesting): a load error.
    fn invalid_call(&self, call: &Call<'_>, message: String, help: &str) -> CallInstances<'a> {
        self.ctx.error(LoadError {
            location: call.src.locate(header_span(call.block)),
            message,
            help: Some(help.to_string()),
        });
        CallInstances::NotExpanded
    }

    fn make_call(&self, call: &'a Call<'a>) -> CallInstances<'a> {
        let name = &call.name;
        let Some(source) = call.source.as_deref() else {
            return self.not_expanded(
                call,
                "its source is not a literal string".to_string(),
                "Terraform requires a literal source; write the path or address as a string"
                    .to_string(),
            );
        };
        let key = if self.module_key.is_empty() {
            name.clone()
        } else {
            format!("{}.{name}", self.module_key)
        };
        let dir = match self
            .ctx
            .modules
            .target(&self.root_dir, &key, &self.config.dir, source)
        {
            Target::Dir(dir) => dir,
            Target::NotExpanded { reason, help } => return self.not_expanded(call, reason, help),
        };
        let Some(config) = self.ctx.configs.get(&dir) else {
            let (reason, help) = self.ctx.modules.why_not_loaded(&dir);
            return self.not_expanded(call, reason, help);
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

        let header = call.src.span(header_span(call.block));
        let child = |suffix: &str, bindings: Bindings| {
            let prefix = format!("{address}{suffix}");
            let mut via = self.via.clone();
            via.push(ModuleCall {
                address: prefix.clone(),
                file: call.src.path().to_string(),
                span: header,
            });
            let mut chain = self.chain.clone();
            chain.push((dir.clone(), prefix.clone()));
            Rc::new_cyclic(|me| Scope {
                ctx: self.ctx,
                config,
                root_dir: self.root_dir.clone(),
                prefix,
                via,
                chain,
                module_key: key.clone(),
                inputs: Default::default(),
                caller: Some(Caller {
                    parent: self.me.clone(),
                    call,
                    bindings,
                }),
                me: me.clone(),
                state: RefCell::default(),
            })
        };
        match self.instances(&call.block.body, &Bindings::default()) {
            Instances::Single(b) => CallInstances::Single(child("", b)),
            Instances::Unknown(b) => CallInstances::Unknown(child("", b)),
            Instances::Keyed {
                by_count,
                instances,
            } => CallInstances::Keyed {
                by_count,
                instances: instances
                    .into_iter()
                    .map(|(k, suffix, b)| (k, child(&suffix, b)))
                    .collect(),
            },
        }
    }
}
