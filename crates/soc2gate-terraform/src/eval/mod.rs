//! The expression evaluator. It computes what can be known without a plan and answers
//! `Unknown` for everything else, never a guess; `Error` marks what Terraform would
//! reject, which only `try` and `can` tell apart from `Unknown`.
//!
//! A [`Scope`] is one module instance: a root module, or one instance of a module call.
//! Names are resolved in this order: bindings (`count`, `each`, `for` variables, dynamic
//! block iterators), then `var.*`, `local.*`, `path.*`, `module.*` (the callee's outputs)
//! and `data.aws_iam_policy_document.*` (rendered statically); any other resource, data
//! source or `self` is unknown. Locals, variables, module calls and policy documents are
//! evaluated once per instance and memoized.

mod calls;
mod canonical;
mod module_calls;
mod refs;
mod template;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::{Rc, Weak};

use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, FuncCall, ObjectKey, Traversal, TraversalOperator,
    UnaryOperator,
};
use hcl_edit::visit::{self, Visit};
use soc2gate_model::{LoadError, ModuleCall, Resource, ResourceSpans, UnexpandedModule};

pub(crate) use calls::Instances;
use module_calls::{CallInstances, Caller};
pub(crate) use refs::RefCollector;

use crate::config::Config;
use crate::functions::{self, FileAccess};
use crate::modules::ModuleDirs;
use crate::types::convert;
use crate::value::Val;

// Locals may refer to locals; a chain deeper than this is treated as unknown so that a
// pathological module cannot exhaust the stack.
const MAX_LOCAL_DEPTH: usize = 64;

/// A normalized resource instance and its spans.
pub(crate) type Normalized = (Resource, ResourceSpans);

/// Names bound by the context of an expression, innermost last, each with the resource
/// references its value carries (those of the `for_each` it iterates, for instance).
/// A bound name, its value, and the references the value carries.
type Binding = (Rc<str>, Rc<Val>, Rc<[String]>);

#[derive(Clone, Default)]
pub(crate) struct Bindings {
    items: Vec<Binding>,
    /// Only the bindings are visible (a `templatefile` template sees its variables only).
    isolated: bool,
}

impl Bindings {
    /// These bindings plus `name = value`.
    pub(crate) fn with(&self, name: &str, value: Val) -> Bindings {
        self.with_refs(name, value, Rc::from(Vec::new()))
    }

    /// These bindings plus `name = value`, whose value derives from `refs`.
    pub(crate) fn with_refs(&self, name: &str, value: Val, refs: Rc<[String]>) -> Bindings {
        let mut b = self.clone();
        b.items.push((Rc::from(name), Rc::new(value), refs));
        b
    }

    fn find(&self, name: &str) -> Option<&Binding> {
        self.items.iter().rev().find(|(n, _, _)| &**n == name)
    }

    pub(crate) fn refs_of(&self, name: &str) -> Option<&[String]> {
        self.find(name).map(|(_, _, r)| &**r)
    }
}

/// Problems met while loading the modules of one root, deduplicated (a module called
/// twice must not report its problems twice).
#[derive(Default)]
pub(crate) struct Diags {
    pub errors: Vec<LoadError>,
    /// Module calls not expanded, once per `module` block (a block inside a module called
    /// twice is listed with the address of its first instance).
    pub unexpanded: Vec<UnexpandedModule>,
    /// Directories expanded as modules, in the order they were first used.
    pub used: Vec<String>,
    seen: HashSet<(String, usize, String)>,
}

impl Diags {
    fn first_time(&mut self, e: &LoadError) -> bool {
        self.seen.insert((
            e.location.file.clone(),
            e.location.span.start,
            e.message.clone(),
        ))
    }
}

/// What every module instance of one root shares.
pub(crate) struct Ctx<'a> {
    pub configs: &'a BTreeMap<String, Config<'a>>,
    /// Where module sources lead.
    pub modules: &'a ModuleDirs,
    pub files: &'a FileAccess,
    pub diags: RefCell<Diags>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        configs: &'a BTreeMap<String, Config<'a>>,
        modules: &'a ModuleDirs,
        files: &'a FileAccess,
    ) -> Self {
        Ctx {
            configs,
            modules,
            files,
            diags: RefCell::default(),
        }
    }

    pub(crate) fn error(&self, e: LoadError) {
        let mut d = self.diags.borrow_mut();
        if d.first_time(&e) {
            d.errors.push(e);
        }
    }

    pub(crate) fn not_expanded(&self, u: UnexpandedModule) {
        let mut d = self.diags.borrow_mut();
        let place = (u.location.file.as_str(), u.location.span.start);
        if !d
            .unexpanded
            .iter()
            .any(|o| (o.location.file.as_str(), o.location.span.start) == place)
        {
            d.unexpanded.push(u);
        }
    }
}

/// A value given to a variable: by the caller's argument, or for a root by tfvars and
/// the command line.
pub(crate) struct Input {
    pub value: Val,
    /// The resources the caller's argument references.
    pub refs: Vec<String>,
}

#[derive(Default)]
struct State<'a> {
    /// Evaluated locals; `None` while one is being evaluated (a cycle if met again).
    locals: HashMap<String, Option<Rc<Val>>>,
    stack: Vec<String>,
    /// Resource references of locals; `None` while being collected.
    local_refs: HashMap<String, Option<Rc<[String]>>>,
    refs_depth: usize,
    /// Variables, converted to their types.
    variables: HashMap<String, Rc<Val>>,
    /// Resource references of variables given by a caller; `None` while being collected.
    variable_refs: HashMap<String, Option<Rc<[String]>>>,
    /// Module calls by name, their instances made; `None` while their `count` or
    /// `for_each` is being evaluated.
    calls: HashMap<String, Option<Rc<CallInstances<'a>>>>,
    /// `module.<name>` as a whole value, once built.
    call_values: HashMap<String, Rc<Val>>,
    /// This instance's outputs as its caller asked for them; `None` while one is being
    /// evaluated (met again, it depends on itself).
    outputs: HashMap<String, Option<Rc<Val>>>,
    /// Resource references of outputs; `None` while being collected.
    output_refs: HashMap<String, Option<Rc<[String]>>>,
    /// Rendered `aws_iam_policy_document`s by name; `None` while being rendered.
    docs: HashMap<String, Option<Rc<Val>>>,
    /// Managed resources as values (their instances' shape) by `T.N`; `None` while their
    /// `count` or `for_each` is being evaluated.
    resource_shapes: HashMap<String, Option<Rc<Val>>>,
}

/// One module instance's evaluation context.
pub(crate) struct Scope<'a> {
    pub(crate) ctx: &'a Ctx<'a>,
    pub(crate) config: &'a Config<'a>,
    /// `path.root`.
    root_dir: Rc<str>,
    /// The instance's address (`module.a["x"].module.b`), `""` for a root.
    pub(crate) prefix: String,
    /// The calls from the root to this instance, outermost first.
    pub(crate) via: Vec<ModuleCall>,
    /// The directories from the root to this instance with their addresses, to detect
    /// a module that calls itself.
    chain: Vec<(String, String)>,
    /// The call names from the root to this instance joined with `.`, as `terraform init`
    /// keys module installs in `modules.json` (`""` for a root).
    module_key: String,
    /// A root's variable values (tfvars, the command line), converted to their types.
    inputs: HashMap<String, Input>,
    /// For a module instance: the `module` block and its instance's bindings. Its
    /// arguments are evaluated when the callee first reads the variable, so that an
    /// output depends only on the inputs it uses, as in Terraform's graph.
    caller: Option<Caller<'a>>,
    /// This scope as its module instances refer to it.
    me: Weak<Scope<'a>>,
    state: RefCell<State<'a>>,
}

impl<'a> Scope<'a> {
    /// A root module instance with the given variable values (converted here).
    pub(crate) fn new_root(
        ctx: &'a Ctx<'a>,
        config: &'a Config<'a>,
        inputs: HashMap<String, Input>,
    ) -> Rc<Self> {
        let inputs = typed_inputs(config, inputs);
        Rc::new_cyclic(|me| Scope {
            ctx,
            config,
            root_dir: Rc::from(config.dir.as_str()),
            prefix: String::new(),
            via: Vec::new(),
            chain: vec![(config.dir.clone(), String::new())],
            module_key: String::new(),
            inputs,
            caller: None,
            me: me.clone(),
            state: RefCell::default(),
        })
    }

    /// Evaluates the instance: its resources, then those of the modules it calls, in
    /// declaration order.
    pub(crate) fn run(&self) -> Vec<Normalized> {
        self.check_locals();
        let mut out = Vec::new();
        for rb in &self.config.resources {
            out.extend(crate::normalize::normalize(self, rb));
        }
        for call in &self.config.calls {
            if let Some(instances) = self.call_instances(&call.name) {
                for child in instances.scopes() {
                    out.extend(child.run());
                }
            }
        }
        // Terraform evaluates every input and output of a module instance, used or not:
        // so does this, so that a cycle through them is reported.
        if self.caller.is_some() {
            for (name, _) in &self.config.outputs {
                self.output(name);
            }
            for name in self.config.variables.keys() {
                self.variable(name);
            }
        }
        out
    }

    /// `module.x.y` for a module address: `prefix.address`.
    pub(crate) fn qualify(&self, address: &str) -> String {
        if self.prefix.is_empty() {
            address.to_string()
        } else {
            format!("{}.{address}", self.prefix)
        }
    }

    /// Evaluates every local once, dependencies first, so that every cycle is reported
    /// whether or not a resource uses it, and so that no evaluation has to recurse
    /// through a long chain of locals (later lookups find them evaluated).
    fn check_locals(&self) {
        for name in self.dependency_order() {
            self.local(&name);
            self.local_refs(&name);
        }
    }

    /// Locals in post order of their references to other locals (an iterative walk, so
    /// chain length does not matter); the edge that closes a cycle is skipped here and
    /// reported by the evaluation.
    fn dependency_order(&self) -> Vec<String> {
        let locals = &self.config.locals;
        let deps: HashMap<&str, Vec<String>> = locals
            .iter()
            .map(|(name, local)| {
                let mut names = LocalNames(Vec::new());
                names.visit_expr(local.expr);
                (name.as_str(), names.0)
            })
            .collect();
        let mut order = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for root in &self.config.local_order {
            if !seen.insert(root) {
                continue;
            }
            let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
            while let Some((name, next)) = stack.pop() {
                let children = deps.get(name).map_or(&[][..], |d| d.as_slice());
                if let Some(child) = children.get(next) {
                    stack.push((name, next + 1));
                    if let Some((key, _)) = locals.get_key_value(child.as_str()) {
                        if seen.insert(key) {
                            stack.push((key, 0));
                        }
                    }
                } else {
                    order.push(name.to_string());
                }
            }
        }
        order
    }

    /// Evaluates an expression.
    pub(crate) fn eval(&self, expr: &Expression, b: &Bindings) -> Val {
        match expr {
            Expression::Null(_) => Val::Null,
            Expression::Bool(v) => Val::Bool(*v.value()),
            Expression::Number(n) => n.value().as_f64().map_or(Val::Unknown, Val::Number),
            Expression::String(s) => Val::String(s.value().clone()),
            Expression::Array(items) => {
                let items: Vec<Val> = items.iter().map(|e| self.eval(e, b)).collect();
                if items.iter().any(Val::is_error) {
                    return Val::Error;
                }
                Val::List(items)
            }
            Expression::Object(object) => {
                let mut fields = BTreeMap::new();
                for (key, value) in object.iter() {
                    let key = match self.object_key(key, b) {
                        Ok(k) => k,
                        Err(v) => return v,
                    };
                    let v = self.eval(value.expr(), b);
                    if v.is_error() {
                        return Val::Error;
                    }
                    fields.insert(key, v);
                }
                Val::Object(fields)
            }
            Expression::StringTemplate(t) => self.template(t, b),
            Expression::HeredocTemplate(h) => self.template(&h.template, b),
            Expression::Parenthesis(p) => self.eval(p.inner(), b),
            Expression::Variable(name) => self.root(name.as_str(), &[], b).0.as_ref().clone(),
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr, b);
                match cond.to_bool() {
                    Some(true) => self.eval(&c.true_expr, b),
                    Some(false) => self.eval(&c.false_expr, b),
                    None if cond.is_error() => Val::Error,
                    None if cond.is_known() => Val::Error,
                    None => {
                        // An unknown condition still has a known result when both
                        // branches agree.
                        let t = self.eval(&c.true_expr, b);
                        if t.is_wholly_known() && t == self.eval(&c.false_expr, b) {
                            t
                        } else {
                            Val::Unknown
                        }
                    }
                }
            }
            Expression::FuncCall(call) => self.func_call(call, b),
            Expression::Traversal(t) => self.traversal(t, b),
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr, b);
                if v.is_error() {
                    return Val::Error;
                }
                match op.operator.value() {
                    UnaryOperator::Neg => v.to_number().map_or(Val::Unknown, |n| Val::Number(-n)),
                    UnaryOperator::Not => v.to_bool().map_or(Val::Unknown, |x| Val::Bool(!x)),
                }
            }
            Expression::BinaryOp(op) => {
                self.binary(*op.operator.value(), &op.lhs_expr, &op.rhs_expr, b)
            }
            Expression::ForExpr(f) => self.for_expr(f, b),
        }
    }

    fn object_key(&self, key: &ObjectKey, b: &Bindings) -> Result<String, Val> {
        match key {
            ObjectKey::Ident(ident) => Ok(ident.as_str().to_string()),
            ObjectKey::Expression(expr) => {
                // A bare identifier as key is a literal name (`{ Effect = "Allow" }`).
                if let Expression::Variable(name) = expr {
                    return Ok(name.as_str().to_string());
                }
                let v = self.eval(expr, b);
                match v.to_str() {
                    Some(k) => Ok(k),
                    None if v.is_error() => Err(Val::Error),
                    // An unknown key leaves the object's shape unknown.
                    None => Err(Val::Unknown),
                }
            }
        }
    }

    /// Resolves a root name and the attribute accesses it consumes; returns the value and
    /// how many operators were used.
    fn root(&self, name: &str, ops: &[&TraversalOperator], b: &Bindings) -> (Rc<Val>, usize) {
        if let Some((_, v, _)) = b.find(name) {
            return (v.clone(), 0);
        }
        let unknown = (Rc::new(Val::Unknown), ops.len());
        if b.isolated {
            return (Rc::new(Val::Error), ops.len());
        }
        let attr = match ops.first() {
            Some(TraversalOperator::GetAttr(a)) => a.as_str(),
            _ => return unknown,
        };
        let v = match name {
            "var" => self.variable(attr),
            "local" => self.local(attr),
            "path" if attr == "module" => Rc::new(Val::String(self.config.dir.clone())),
            "path" if attr == "root" => Rc::new(Val::String(self.root_dir.to_string())),
            "module" => {
                // `module.x.out` (or `module.x[key].out`) needs that output alone.
                if let Some((v, used)) = self.call_output(attr, &ops[1..], b) {
                    return (v, 1 + used);
                }
                self.call_value(attr)
            }
            "data" => {
                if let (true, Some(TraversalOperator::GetAttr(n))) =
                    (attr == "aws_iam_policy_document", ops.get(1))
                {
                    if let Some(v) = self.doc_value(n.as_str()) {
                        return (v, 2);
                    }
                }
                return unknown;
            }
            // A managed resource: the shape of its instances.
            rtype if self.config.declares(&format!("{rtype}.{attr}")) => {
                self.resource_value(rtype, attr)
            }
            // Other data sources, `count`/`each` outside an expansion, `self`,
            // `terraform.workspace`, `path.cwd` (absolute): not known statically.
            _ => return unknown,
        };
        (v, 1)
    }

    fn variable(&self, name: &str) -> Rc<Val> {
        if let Some(v) = self.state.borrow().variables.get(name) {
            return v.clone();
        }
        let Some(decl) = self.config.variables.get(name) else {
            return Rc::new(Val::Unknown);
        };
        let given = match (&self.caller, self.inputs.get(name)) {
            (_, Some(input)) => Some(input.value.clone()),
            (Some(caller), None) => caller.argument(name).and_then(|(parent, expr)| {
                let v = parent.eval(expr, &caller.bindings);
                // A null for a non-nullable variable means its default.
                (v != Val::Null || decl.nullable).then(|| convert(v, &decl.ty))
            }),
            (None, None) => None,
        };
        let v = match (given, decl.default) {
            (Some(v), _) => v,
            // A default cannot refer to anything, so it is evaluated without bindings.
            (None, Some(default)) => convert(self.eval(default, &Bindings::default()), &decl.ty),
            // Set by a caller or on a command line that this scan does not see.
            (None, None) => Val::Unknown,
        };
        let v = Rc::new(v);
        self.state
            .borrow_mut()
            .variables
            .insert(name.to_string(), v.clone());
        v
    }

    /// The resources a variable's given value references (the caller's argument).
    pub(crate) fn variable_refs(&self, name: &str) -> Rc<[String]> {
        if let Some(input) = self.inputs.get(name) {
            return Rc::from(input.refs.as_slice());
        }
        let Some((parent, expr)) = self.caller.as_ref().and_then(|c| c.argument(name)) else {
            return Rc::from(Vec::new());
        };
        {
            let mut state = self.state.borrow_mut();
            match state.variable_refs.get(name) {
                Some(Some(refs)) => return refs.clone(),
                // Met again while collecting: the other steps add their own.
                Some(None) => return Rc::from(Vec::new()),
                None => {}
            }
            state.variable_refs.insert(name.to_string(), None);
        }
        let bindings = self.caller.as_ref().map(|c| &c.bindings);
        let refs: Rc<[String]> =
            Rc::from(parent.refs(bindings.unwrap_or(&Bindings::default()), |c| {
                c.visit_expr(expr)
            }));
        self.state
            .borrow_mut()
            .variable_refs
            .insert(name.to_string(), Some(refs.clone()));
        refs
    }

    fn local(&self, name: &str) -> Rc<Val> {
        let Some(local) = self.config.locals.get(name) else {
            return Rc::new(Val::Unknown);
        };
        {
            let mut state = self.state.borrow_mut();
            match state.locals.get(name) {
                Some(Some(v)) => return v.clone(),
                Some(None) => {
                    self.report_local_cycle(&mut state, name);
                    return Rc::new(Val::Unknown);
                }
                None if state.stack.len() >= MAX_LOCAL_DEPTH => return Rc::new(Val::Unknown),
                None => {}
            }
            state.locals.insert(name.to_string(), None);
            state.stack.push(name.to_string());
        }
        let v = Rc::new(self.eval(local.expr, &Bindings::default()));
        let mut state = self.state.borrow_mut();
        state.stack.pop();
        let v = match state.locals.get(name) {
            Some(Some(existing)) => existing.clone(),
            _ => v,
        };
        state.locals.insert(name.to_string(), Some(v.clone()));
        v
    }

    fn report_local_cycle(&self, state: &mut State, name: &str) {
        let start = state.stack.iter().position(|n| n == name).unwrap_or(0);
        let mut cycle: Vec<&String> = state.stack[start..].iter().collect();
        // Named from its first declared member, whichever was evaluated first.
        let order = &self.config.local_order;
        let first = (0..cycle.len())
            .min_by_key(|&i| order.iter().position(|n| n == cycle[i]))
            .unwrap_or(0);
        cycle.rotate_left(first);
        let mut names: Vec<String> = cycle.iter().map(|n| format!("local.{n}")).collect();
        names.push(names[0].clone());
        let first_local = self
            .config
            .locals
            .get(cycle[0].as_str())
            .or_else(|| self.config.locals.get(name));
        // Every member of the cycle is unknown, whichever was asked first.
        for member in &state.stack[start..] {
            state
                .locals
                .insert(member.clone(), Some(Rc::new(Val::Unknown)));
        }
        if let Some(l) = first_local {
            self.ctx.error(LoadError {
                location: l.src.locate(l.span),
                message: format!("cycle between locals: {}", names.join(" -> ")),
                help: Some(
                    "break the cycle; Terraform rejects it, and soc2gate treats these locals as \
                     unknown"
                        .to_string(),
                ),
            });
        }
    }

    fn traversal(&self, t: &Traversal, b: &Bindings) -> Val {
        let ops: Vec<&TraversalOperator> = t.operators.iter().map(|op| op.value()).collect();
        let (base, used) = match &t.expr {
            Expression::Variable(name) => self.root(name.as_str(), &ops, b),
            expr => (Rc::new(self.eval(expr, b)), 0),
        };
        // Walk attribute and index accesses by reference, so that reading one field of a
        // large object does not copy the object.
        let mut cur: &Val = &base;
        let mut rest = &ops[used..];
        while let Some((op, tail)) = rest.split_first() {
            let next = match op {
                TraversalOperator::GetAttr(name) => match cur {
                    Val::Object(fields) => fields.get(name.as_str()),
                    _ => None,
                },
                TraversalOperator::Index(expr) => index_ref(cur, &self.eval(expr, b)),
                TraversalOperator::LegacyIndex(n) => {
                    index_ref(cur, &Val::Number(*n.value() as f64))
                }
                _ => None,
            };
            match next {
                Some(v) => {
                    cur = v;
                    rest = tail;
                }
                None => break,
            }
        }
        self.apply(cur.clone(), rest, b)
    }

    fn apply(&self, mut v: Val, ops: &[&TraversalOperator], b: &Bindings) -> Val {
        for (i, op) in ops.iter().enumerate() {
            if v.is_error() {
                return Val::Error;
            }
            if !v.is_known() {
                return Val::Unknown;
            }
            v = match op {
                TraversalOperator::GetAttr(name) => get_attr(v, name.as_str()),
                TraversalOperator::Index(expr) => index(v, &self.eval(expr, b)),
                TraversalOperator::LegacyIndex(n) => index(v, &Val::Number(*n.value() as f64)),
                TraversalOperator::FullSplat(_) => {
                    return self.splat(v, |e| self.apply(e, &ops[i + 1..], b));
                }
                TraversalOperator::AttrSplat(_) => {
                    // `a.*.b.c[0]`: the attribute accesses apply to each element, what
                    // follows them applies to the resulting list.
                    let rest = &ops[i + 1..];
                    let n = rest
                        .iter()
                        .take_while(|op| matches!(op, TraversalOperator::GetAttr(_)))
                        .count();
                    let list = self.splat(v, |e| self.apply(e, &rest[..n], b));
                    return self.apply(list, &rest[n..], b);
                }
            };
        }
        v
    }

    fn splat(&self, v: Val, each: impl Fn(Val) -> Val) -> Val {
        let out = match v {
            Val::Null => Val::List(vec![]),
            Val::List(items) => Val::List(items.into_iter().map(each).collect()),
            Val::Error => Val::Error,
            v if v.is_known() => Val::List(vec![each(v)]),
            _ => Val::Unknown,
        };
        match out {
            Val::List(items) if items.iter().any(Val::is_error) => Val::Error,
            out => out,
        }
    }

    fn func_call(&self, call: &FuncCall, b: &Bindings) -> Val {
        let name = call.name.name.as_str();
        let namespace: Vec<&str> = call.name.namespace.iter().map(|n| n.as_str()).collect();
        if !namespace.is_empty() && namespace != ["core"] {
            // Provider functions need the provider.
            if call.args.iter().all(|a| self.eval(a, b).is_wholly_known()) {
                functions::record_missing(&format!("{}::{name}", namespace.join("::")));
            }
            return Val::Unknown;
        }
        match name {
            "try" => return self.try_(call, b),
            "can" => {
                let Some(arg) = call.args.get(0).filter(|_| call.args.len() == 1) else {
                    return Val::Error;
                };
                let v = self.eval(arg, b);
                return if v.is_error() {
                    Val::Bool(false)
                } else if v.is_wholly_known() {
                    Val::Bool(true)
                } else {
                    Val::Unknown
                };
            }
            _ => {}
        }
        let mut args: Vec<Val> = call.args.iter().map(|a| self.eval(a, b)).collect();
        if call.args.expand_final() {
            match args.pop() {
                Some(Val::List(rest)) => args.extend(rest),
                Some(Val::Error) => return Val::Error,
                _ => return Val::Unknown,
            }
        }
        if name == "templatefile" {
            return self.templatefile(args);
        }
        functions::call(name, args, self.ctx.files)
    }

    /// Terraform's `try`: the first argument that evaluates without an error; an
    /// unknown argument makes the result unknown, since it might still fail.
    fn try_(&self, call: &FuncCall, b: &Bindings) -> Val {
        for arg in call.args.iter() {
            let v = self.eval(arg, b);
            if v.is_error() {
                continue;
            }
            return if v.is_wholly_known() { v } else { Val::Unknown };
        }
        Val::Error
    }

    fn binary(&self, op: BinaryOperator, lhs: &Expression, rhs: &Expression, b: &Bindings) -> Val {
        use BinaryOperator as Op;
        let l = self.eval(lhs, b);
        if l.is_error() {
            return Val::Error;
        }
        // `false && x` and `true || x` hold whatever x is.
        match (op, l.to_bool()) {
            (Op::And, Some(false)) => return Val::Bool(false),
            (Op::Or, Some(true)) => return Val::Bool(true),
            _ => {}
        }
        let r = self.eval(rhs, b);
        if r.is_error() {
            return Val::Error;
        }
        match op {
            Op::And | Op::Or => match (l.to_bool(), r.to_bool()) {
                (Some(x), Some(y)) => Val::Bool(if op == Op::And { x && y } else { x || y }),
                (_, Some(false)) if op == Op::And => Val::Bool(false),
                (_, Some(true)) if op == Op::Or => Val::Bool(true),
                _ => Val::Unknown,
            },
            Op::Eq | Op::NotEq => match equal(&l, &r) {
                Some(eq) => Val::Bool(eq == (op == Op::Eq)),
                None => Val::Unknown,
            },
            _ => {
                let (Some(x), Some(y)) = (l.to_number(), r.to_number()) else {
                    return Val::Unknown;
                };
                let n = match op {
                    Op::Less => return Val::Bool(x < y),
                    Op::LessEq => return Val::Bool(x <= y),
                    Op::Greater => return Val::Bool(x > y),
                    Op::GreaterEq => return Val::Bool(x >= y),
                    Op::Plus => x + y,
                    Op::Minus => x - y,
                    Op::Mul => x * y,
                    Op::Div if y != 0.0 => x / y,
                    Op::Mod if y != 0.0 => x % y,
                    _ => return Val::Unknown,
                };
                if n.is_finite() {
                    Val::Number(n)
                } else {
                    Val::Unknown
                }
            }
        }
    }

    fn for_expr(&self, f: &ForExpr, b: &Bindings) -> Val {
        let items: Vec<(Val, Val)> = match self.eval(&f.intro.collection_expr, b) {
            Val::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Val::Number(i as f64), v))
                .collect(),
            Val::Object(fields) => fields
                .into_iter()
                .map(|(k, v)| (Val::String(k), v))
                .collect(),
            Val::Error => return Val::Error,
            Val::Null => return Val::Error,
            _ => return Val::Unknown,
        };
        let mut list = Vec::new();
        let mut object: BTreeMap<String, Val> = BTreeMap::new();
        for (key, value) in items {
            let mut inner = b.with(f.intro.value_var.as_str(), value);
            if let Some(k) = &f.intro.key_var {
                inner = inner.with(k.as_str(), key);
            }
            if let Some(cond) = &f.cond {
                let c = self.eval(&cond.expr, &inner);
                match c.to_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None if c.is_error() => return Val::Error,
                    None => return Val::Unknown,
                }
            }
            let value = self.eval(&f.value_expr, &inner);
            if value.is_error() {
                return Val::Error;
            }
            let Some(key_expr) = &f.key_expr else {
                list.push(value);
                continue;
            };
            let k = self.eval(key_expr, &inner);
            let Some(key) = k.to_str() else {
                return if k.is_error() {
                    Val::Error
                } else {
                    Val::Unknown
                };
            };
            if f.grouping {
                match object.entry(key).or_insert_with(|| Val::List(vec![])) {
                    Val::List(group) => group.push(value),
                    _ => return Val::Unknown,
                }
            } else if object.insert(key, value).is_some() {
                // Terraform rejects duplicate keys without `...`.
                return Val::Error;
            }
        }
        if f.key_expr.is_some() {
            Val::Object(object)
        } else {
            Val::List(list)
        }
    }

    /// Addresses of the resources and data sources an expression references, directly or
    /// through locals, variables, module outputs and bindings, deduplicated in first-seen
    /// order and qualified with the instance's module address.
    pub(crate) fn refs(
        &self,
        b: &Bindings,
        visit: impl FnOnce(&mut RefCollector<'_, 'a>),
    ) -> Vec<String> {
        let mut collector = RefCollector::new(self, b);
        visit(&mut collector);
        collector.found
    }

    /// The memo of a policy document: `Some(None)` while it is being rendered.
    pub(crate) fn doc_memo(&self, name: &str) -> Option<Option<Rc<Val>>> {
        self.state.borrow().docs.get(name).cloned()
    }

    pub(crate) fn doc_start(&self, name: &str) {
        self.state.borrow_mut().docs.insert(name.to_string(), None);
    }

    pub(crate) fn doc_done(&self, name: &str, value: Rc<Val>) {
        self.state
            .borrow_mut()
            .docs
            .insert(name.to_string(), Some(value));
    }

    fn local_refs(&self, name: &str) -> Rc<[String]> {
        let Some(local) = self.config.locals.get(name) else {
            return Rc::from(Vec::new());
        };
        {
            let mut state = self.state.borrow_mut();
            match state.local_refs.get(name) {
                Some(Some(refs)) => return refs.clone(),
                // A cycle: the other members contribute their own references.
                Some(None) => return Rc::from(Vec::new()),
                None => {}
            }
            if state.refs_depth >= MAX_LOCAL_DEPTH {
                return Rc::from(Vec::new());
            }
            state.refs_depth += 1;
            state.local_refs.insert(name.to_string(), None);
        }
        let refs: Rc<[String]> =
            Rc::from(self.refs(&Bindings::default(), |c| c.visit_expr(local.expr)));
        let mut state = self.state.borrow_mut();
        state.refs_depth -= 1;
        state
            .local_refs
            .insert(name.to_string(), Some(refs.clone()));
        refs
    }
}

/// Root variable values converted to their variables' types; a null for a non-nullable
/// variable means its default. Values for undeclared variables are dropped, as Terraform
/// only warns about them in tfvars.
fn typed_inputs(config: &Config<'_>, inputs: HashMap<String, Input>) -> HashMap<String, Input> {
    inputs
        .into_iter()
        .filter_map(|(name, input)| {
            let decl = config.variables.get(&name)?;
            if input.value == Val::Null && !decl.nullable {
                return None;
            }
            let value = convert(input.value, &decl.ty);
            Some((
                name,
                Input {
                    value,
                    refs: input.refs,
                },
            ))
        })
        .collect()
}

/// Terraform's `==` (cty's `Equals`): `None` when unknown. A known value is never equal
/// to null, whatever unknown parts it holds; values of different kinds are never equal;
/// collections compare element by element, the first unknown or unequal pair deciding.
fn equal(a: &Val, b: &Val) -> Option<bool> {
    let known = |v: &Val| v.is_known();
    match (a, b) {
        (Val::Null, Val::Null) => Some(true),
        (Val::Null, v) | (v, Val::Null) => known(v).then_some(false),
        _ if !known(a) || !known(b) => None,
        (Val::Bool(x), Val::Bool(y)) => Some(x == y),
        (Val::Number(x), Val::Number(y)) => Some(x == y),
        (Val::String(x), Val::String(y)) => Some(x == y),
        (Val::List(x), Val::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y) {
                if !equal(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        (Val::Object(x), Val::Object(y)) => {
            if x.len() != y.len() || x.keys().zip(y.keys()).any(|(p, q)| p != q) {
                return Some(false);
            }
            for (p, q) in x.values().zip(y.values()) {
                if !equal(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        _ => Some(false),
    }
}

fn get_attr(v: Val, name: &str) -> Val {
    match v {
        Val::Object(mut fields) => fields.remove(name).unwrap_or(Val::Error),
        // Lists, strings, null: Terraform rejects an attribute access on them.
        _ => Val::Error,
    }
}

fn index_ref<'v>(v: &'v Val, key: &Val) -> Option<&'v Val> {
    match v {
        Val::List(items) => {
            let n = key.to_number()?;
            (n >= 0.0 && n.fract() == 0.0)
                .then(|| items.get(n as usize))
                .flatten()
        }
        Val::Object(fields) => fields.get(&key.to_str()?),
        _ => None,
    }
}

fn index(v: Val, key: &Val) -> Val {
    if key.is_error() {
        return Val::Error;
    }
    if !key.is_known() {
        return Val::Unknown;
    }
    match v {
        Val::List(mut items) => match key.to_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) < items.len() => {
                items.swap_remove(n as usize)
            }
            _ => Val::Error,
        },
        Val::Object(mut fields) => key
            .to_str()
            .and_then(|k| fields.remove(&k))
            .unwrap_or(Val::Error),
        _ => Val::Error,
    }
}

/// Collects the names of the locals an expression refers to.
struct LocalNames(Vec<String>);

impl Visit for LocalNames {
    fn visit_traversal(&mut self, node: &Traversal) {
        if let (Expression::Variable(root), Some(op)) = (&node.expr, node.operators.first()) {
            if let (TraversalOperator::GetAttr(name), "local") = (op.value(), root.as_str()) {
                if !self.0.iter().any(|n| n == name.as_str()) {
                    self.0.push(name.as_str().to_string());
                }
            }
        }
        visit::visit_traversal(self, node);
    }
}

/// Evaluates a constant expression (a type's `optional()` default, a tfvars value):
/// functions work, references are unknown.
pub(crate) fn constant(expr: &Expression) -> Val {
    with_constant_scope(|scope| scope.eval(expr, &Bindings::default()))
}

/// Runs `f` with a scope that declares nothing.
pub(crate) fn with_constant_scope<R>(f: impl FnOnce(&Scope<'_>) -> R) -> R {
    let configs = BTreeMap::new();
    let files = FileAccess::default();
    let modules = ModuleDirs::default();
    let config = Config::new(".", &[], Vec::new());
    let ctx = Ctx::new(&configs, &modules, &files);
    let scope = Scope::new_root(&ctx, &config, HashMap::new());
    f(&scope)
}
