//! The expression evaluator. It computes what can be known without a plan and answers
//! `Unknown` for everything else, never an error and never a guess.
//!
//! Names are resolved in this order: bindings (`count`, `each`, for-expression
//! variables), then `var.*`, `local.*` and `path.*` of the module; anything else (another
//! resource, a data source, `module.*`, `self`) is unknown. Expanding `count`/`for_each`
//! or module calls later means binding more names, not changing the evaluator.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, FuncCall, ObjectKey, Traversal, TraversalOperator,
    UnaryOperator,
};
use hcl_edit::template::{Element, Template};
use hcl_edit::visit::{self, Visit};
use soc2gate_model::{LoadError, SourceFile, Span};

use crate::functions;
use crate::value::{hole, partial_json, Val};

// Locals may refer to locals; a chain deeper than this is treated as unknown so that a
// pathological module cannot exhaust the stack.
const MAX_LOCAL_DEPTH: usize = 64;

/// A `locals` entry: its expression and where it is defined (for cycle errors).
pub(crate) struct Local<'a> {
    pub expr: &'a Expression,
    pub file: &'a SourceFile,
    pub span: Span,
}

/// Everything a module declares that expressions can refer to.
#[derive(Default)]
pub(crate) struct Decls<'a> {
    /// Variable name -> its `default` expression, if any.
    pub variables: HashMap<String, Option<&'a Expression>>,
    /// Values from tfvars files, already merged (later files win).
    pub tfvars: HashMap<String, Val>,
    /// Locals in declaration order.
    pub locals: Vec<(String, Local<'a>)>,
    /// Addresses of the module's resources and data sources (`aws_s3_bucket.b`,
    /// `data.aws_iam_policy_document.d`): a traversal is a reference only if it names one.
    pub resources: HashSet<String>,
}

/// Names bound by the context of an expression (`count`, `each`, for-expression
/// variables), innermost last.
#[derive(Clone, Default)]
pub(crate) struct Bindings(Vec<(String, Val)>);

impl Bindings {
    /// These bindings plus `name = value`.
    pub(crate) fn with(&self, name: &str, value: Val) -> Bindings {
        let mut b = self.clone();
        b.0.push((name.to_string(), value));
        b
    }

    fn get(&self, name: &str) -> Option<&Val> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

#[derive(Default)]
struct State {
    /// Evaluated locals; `None` while one is being evaluated (a cycle if met again).
    locals: HashMap<String, Option<Val>>,
    stack: Vec<String>,
    /// Resource references of locals; `None` while being collected.
    local_refs: HashMap<String, Option<Vec<String>>>,
    refs_depth: usize,
    defaults: HashMap<String, Val>,
    errors: Vec<LoadError>,
}

/// One module's evaluation context.
pub(crate) struct Scope<'a> {
    dir: String,
    variables: HashMap<String, Option<&'a Expression>>,
    tfvars: HashMap<String, Val>,
    locals: HashMap<String, Local<'a>>,
    local_order: Vec<String>,
    resources: HashSet<String>,
    state: RefCell<State>,
}

impl<'a> Scope<'a> {
    /// A scope for the module in `dir` (the value of `path.module`).
    pub(crate) fn new(dir: &str, decls: Decls<'a>) -> Self {
        let local_order = decls.locals.iter().map(|(n, _)| n.clone()).collect();
        Scope {
            dir: dir.to_string(),
            variables: decls.variables,
            tfvars: decls.tfvars,
            locals: decls.locals.into_iter().collect(),
            local_order,
            resources: decls.resources,
            state: RefCell::default(),
        }
    }

    /// Evaluates every local once, dependencies first, so that every cycle is reported
    /// whether or not a resource uses it, and so that no evaluation has to recurse
    /// through a long chain of locals (later lookups find them evaluated).
    pub(crate) fn check_locals(&self) {
        for name in self.dependency_order() {
            self.local(&name);
            self.local_refs(&name);
        }
        for name in &self.local_order {
            self.local(name);
        }
    }

    /// Locals in post order of their references to other locals (an iterative walk, so
    /// chain length does not matter); the edge that closes a cycle is skipped here and
    /// reported by the evaluation.
    fn dependency_order(&self) -> Vec<String> {
        let deps: HashMap<&str, Vec<String>> = self
            .locals
            .iter()
            .map(|(name, local)| {
                let mut names = LocalNames(Vec::new());
                names.visit_expr(local.expr);
                (name.as_str(), names.0)
            })
            .collect();
        let mut order = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for root in &self.local_order {
            if !seen.insert(root) {
                continue;
            }
            let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
            while let Some((name, next)) = stack.pop() {
                let children = deps.get(name).map_or(&[][..], |d| d.as_slice());
                if let Some(child) = children.get(next) {
                    stack.push((name, next + 1));
                    if let Some((key, _)) = self.locals.get_key_value(child.as_str()) {
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

    /// The problems met while evaluating (reference cycles).
    pub(crate) fn take_errors(&self) -> Vec<LoadError> {
        std::mem::take(&mut self.state.borrow_mut().errors)
    }

    /// Evaluates an expression.
    pub(crate) fn eval(&self, expr: &Expression, b: &Bindings) -> Val {
        match expr {
            Expression::Null(_) => Val::Null,
            Expression::Bool(v) => Val::Bool(*v.value()),
            Expression::Number(n) => n.value().as_f64().map_or(Val::Unknown, Val::Number),
            Expression::String(s) => Val::String(s.value().clone()),
            Expression::Array(items) => Val::List(items.iter().map(|e| self.eval(e, b)).collect()),
            Expression::Object(object) => {
                let mut fields = BTreeMap::new();
                for (key, value) in object.iter() {
                    let Some(key) = self.object_key(key, b) else {
                        return Val::Unknown;
                    };
                    fields.insert(key, self.eval(value.expr(), b));
                }
                Val::Object(fields)
            }
            Expression::StringTemplate(t) => self.template(t, b),
            Expression::HeredocTemplate(h) => self.template(&h.template, b),
            Expression::Parenthesis(p) => self.eval(p.inner(), b),
            Expression::Variable(name) => self.root(name.as_str(), &[], b).0,
            Expression::Conditional(c) => match self.eval(&c.cond_expr, b).to_bool() {
                Some(true) => self.eval(&c.true_expr, b),
                Some(false) => self.eval(&c.false_expr, b),
                None => {
                    // An unknown condition still has a known result when both branches agree.
                    let t = self.eval(&c.true_expr, b);
                    if t.is_wholly_known() && t == self.eval(&c.false_expr, b) {
                        t
                    } else {
                        Val::Unknown
                    }
                }
            },
            Expression::FuncCall(call) => self.func_call(call, b),
            Expression::Traversal(t) => self.traversal(t, b),
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr, b);
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

    fn object_key(&self, key: &ObjectKey, b: &Bindings) -> Option<String> {
        match key {
            ObjectKey::Ident(ident) => Some(ident.as_str().to_string()),
            ObjectKey::Expression(expr) => {
                // A bare identifier as key is a literal name (`{ Effect = "Allow" }`).
                if let Expression::Variable(name) = expr {
                    return Some(name.as_str().to_string());
                }
                self.eval(expr, b).to_str()
            }
        }
    }

    /// Resolves a root name and the attribute accesses it consumes; returns the value and
    /// how many operators were used.
    fn root(&self, name: &str, ops: &[&TraversalOperator], b: &Bindings) -> (Val, usize) {
        if let Some(v) = b.get(name) {
            return (v.clone(), 0);
        }
        let attr = match ops.first() {
            Some(TraversalOperator::GetAttr(a)) => a.as_str(),
            _ => return (Val::Unknown, ops.len()),
        };
        let v = match name {
            "var" => self.variable(attr),
            "local" => self.local(attr),
            "path" if attr == "module" || attr == "root" => Val::String(self.dir.clone()),
            // Other resources, data sources, module outputs, count/each outside an
            // expansion, self: not known before apply.
            _ => return (Val::Unknown, ops.len()),
        };
        (v, 1)
    }

    fn variable(&self, name: &str) -> Val {
        let Some(default) = self.variables.get(name) else {
            return Val::Unknown;
        };
        if let Some(v) = self.tfvars.get(name) {
            return v.clone();
        }
        let Some(default) = default else {
            // Set by the caller or on the command line, which a static scan cannot see.
            return Val::Unknown;
        };
        if let Some(v) = self.state.borrow().defaults.get(name) {
            return v.clone();
        }
        // A default cannot refer to anything, so it is evaluated without bindings.
        let v = self.eval(default, &Bindings::default());
        self.state
            .borrow_mut()
            .defaults
            .insert(name.to_string(), v.clone());
        v
    }

    fn local(&self, name: &str) -> Val {
        let Some(local) = self.locals.get(name) else {
            return Val::Unknown;
        };
        {
            let mut state = self.state.borrow_mut();
            match state.locals.get(name) {
                Some(Some(v)) => return v.clone(),
                Some(None) => {
                    let start = state.stack.iter().position(|n| n == name).unwrap_or(0);
                    let mut cycle: Vec<&String> = state.stack[start..].iter().collect();
                    // Named from its first declared member, whichever was evaluated first.
                    let first = (0..cycle.len())
                        .min_by_key(|&i| self.local_order.iter().position(|n| n == cycle[i]))
                        .unwrap_or(0);
                    cycle.rotate_left(first);
                    let mut cycle: Vec<String> =
                        cycle.iter().map(|n| format!("local.{n}")).collect();
                    cycle.push(cycle[0].clone());
                    let first_local = self.locals.get(&state.stack[start..][first]);
                    let (file, span) =
                        first_local.map_or((local.file, local.span), |l| (l.file, l.span));
                    // Every member of the cycle is unknown, whichever was asked first.
                    let State { stack, locals, .. } = &mut *state;
                    for member in &stack[start..] {
                        locals.insert(member.clone(), Some(Val::Unknown));
                    }
                    state.errors.push(LoadError {
                        location: file.locate(span),
                        message: format!("cycle between locals: {}", cycle.join(" -> ")),
                        help: Some(
                            "break the cycle; Terraform rejects it, and soc2gate treats these \
                             locals as unknown"
                                .to_string(),
                        ),
                    });
                    return Val::Unknown;
                }
                None if state.stack.len() >= MAX_LOCAL_DEPTH => return Val::Unknown,
                None => {}
            }
            state.locals.insert(name.to_string(), None);
            state.stack.push(name.to_string());
        }
        let v = self.eval(local.expr, &Bindings::default());
        let mut state = self.state.borrow_mut();
        state.stack.pop();
        let v = match state.locals.get(name) {
            Some(Some(existing)) => existing.clone(),
            _ => v,
        };
        state.locals.insert(name.to_string(), Some(v.clone()));
        v
    }

    fn traversal(&self, t: &Traversal, b: &Bindings) -> Val {
        let ops: Vec<&TraversalOperator> = t.operators.iter().map(|op| op.value()).collect();
        let (base, used) = match &t.expr {
            Expression::Variable(name) => self.root(name.as_str(), &ops, b),
            expr => (self.eval(expr, b), 0),
        };
        self.apply(base, &ops[used..], b)
    }

    fn apply(&self, mut v: Val, ops: &[&TraversalOperator], b: &Bindings) -> Val {
        for (i, op) in ops.iter().enumerate() {
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
        match v {
            Val::Null => Val::List(vec![]),
            Val::List(items) => Val::List(items.into_iter().map(each).collect()),
            v if v.is_known() => Val::List(vec![each(v)]),
            _ => Val::Unknown,
        }
    }

    fn func_call(&self, call: &FuncCall, b: &Bindings) -> Val {
        if call.name.is_namespaced() {
            return Val::Unknown;
        }
        let mut args: Vec<Val> = call.args.iter().map(|a| self.eval(a, b)).collect();
        if call.args.expand_final() {
            match args.pop() {
                Some(Val::List(rest)) => args.extend(rest),
                _ => return Val::Unknown,
            }
        }
        functions::call(call.name.name.as_str(), args)
    }

    fn binary(&self, op: BinaryOperator, lhs: &Expression, rhs: &Expression, b: &Bindings) -> Val {
        use BinaryOperator as Op;
        let l = self.eval(lhs, b);
        // `false && x` and `true || x` hold whatever x is.
        match (op, l.to_bool()) {
            (Op::And, Some(false)) => return Val::Bool(false),
            (Op::Or, Some(true)) => return Val::Bool(true),
            _ => {}
        }
        let r = self.eval(rhs, b);
        match op {
            Op::And | Op::Or => match (l.to_bool(), r.to_bool()) {
                (Some(x), Some(y)) => Val::Bool(if op == Op::And { x && y } else { x || y }),
                (_, Some(false)) if op == Op::And => Val::Bool(false),
                (_, Some(true)) if op == Op::Or => Val::Bool(true),
                _ => Val::Unknown,
            },
            Op::Eq | Op::NotEq => {
                if l.is_wholly_known() && r.is_wholly_known() {
                    Val::Bool((l == r) == (op == Op::Eq))
                } else {
                    Val::Unknown
                }
            }
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
                match self.eval(&cond.expr, &inner).to_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return Val::Unknown,
                }
            }
            let value = self.eval(&f.value_expr, &inner);
            let Some(key_expr) = &f.key_expr else {
                list.push(value);
                continue;
            };
            let Some(key) = self.eval(key_expr, &inner).to_str() else {
                return Val::Unknown;
            };
            if f.grouping {
                match object.entry(key).or_insert_with(|| Val::List(vec![])) {
                    Val::List(group) => group.push(value),
                    _ => return Val::Unknown,
                }
            } else if object.insert(key, value).is_some() {
                // Terraform rejects duplicate keys without `...`.
                return Val::Unknown;
            }
        }
        if f.key_expr.is_some() {
            Val::Object(object)
        } else {
            Val::List(list)
        }
    }

    /// A string template or heredoc: known when every part is; else, if the text with a
    /// placeholder for each unknown part is a JSON document, that document with unknown
    /// leaves; else unknown.
    fn template(&self, t: &Template, b: &Bindings) -> Val {
        let elements: Vec<&Element> = t.iter().collect();
        // `"${x}"` is x itself, not x converted to a string.
        if let [Element::Interpolation(i)] = elements.as_slice() {
            return self.eval(&i.expr, b);
        }
        let mut text = String::new();
        let mut holes = 0;
        for (i, element) in elements.iter().enumerate() {
            match element {
                Element::Literal(lit) => {
                    let mut s: &str = lit.value();
                    if i > 0 && strips_after(elements[i - 1]) {
                        s = s.trim_start();
                    }
                    if elements.get(i + 1).is_some_and(|e| strips_before(e)) {
                        s = s.trim_end();
                    }
                    text.push_str(s);
                }
                Element::Interpolation(interp) => {
                    let v = self.eval(&interp.expr, b);
                    match v.to_str() {
                        Some(s) => text.push_str(&s),
                        None if !v.is_known() => {
                            text.push_str(&hole(holes));
                            holes += 1;
                        }
                        // null, lists and objects cannot be interpolated.
                        None => return Val::Unknown,
                    }
                }
                // `%{ if }` and `%{ for }` directives are not evaluated yet.
                Element::Directive(_) => return Val::Unknown,
            }
        }
        if holes == 0 {
            Val::String(text)
        } else {
            partial_json(&text).map_or(Val::Unknown, |doc| Val::PartialJson(Box::new(doc)))
        }
    }

    /// Addresses of the resources and data sources an expression references, directly or
    /// through locals, deduplicated in first-seen order.
    pub(crate) fn refs(&self, visit: impl FnOnce(&mut RefCollector<'_, 'a>)) -> Vec<String> {
        let mut collector = RefCollector {
            scope: self,
            found: Vec::new(),
        };
        visit(&mut collector);
        collector.found
    }

    fn local_refs(&self, name: &str) -> Vec<String> {
        let Some(local) = self.locals.get(name) else {
            return vec![];
        };
        {
            let mut state = self.state.borrow_mut();
            match state.local_refs.get(name) {
                Some(Some(refs)) => return refs.clone(),
                // A cycle: the other members contribute their own references.
                Some(None) => return vec![],
                None => {}
            }
            if state.refs_depth >= MAX_LOCAL_DEPTH {
                return vec![];
            }
            state.refs_depth += 1;
            state.local_refs.insert(name.to_string(), None);
        }
        let refs = self.refs(|c| c.visit_expr(local.expr));
        let mut state = self.state.borrow_mut();
        state.refs_depth -= 1;
        state
            .local_refs
            .insert(name.to_string(), Some(refs.clone()));
        refs
    }
}

fn strips_before(e: &Element) -> bool {
    matches!(e, Element::Interpolation(i) if i.strip.strip_start())
}

fn strips_after(e: &Element) -> bool {
    matches!(e, Element::Interpolation(i) if i.strip.strip_end())
}

fn get_attr(v: Val, name: &str) -> Val {
    match v {
        Val::Object(mut fields) => fields.remove(name).unwrap_or(Val::Unknown),
        _ => Val::Unknown,
    }
}

fn index(v: Val, key: &Val) -> Val {
    match v {
        Val::List(mut items) => match key.to_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) < items.len() => {
                items.swap_remove(n as usize)
            }
            _ => Val::Unknown,
        },
        Val::Object(mut fields) => key
            .to_str()
            .and_then(|k| fields.remove(&k))
            .unwrap_or(Val::Unknown),
        _ => Val::Unknown,
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

/// Collects resource references while walking expressions (see [`Scope::refs`]).
pub(crate) struct RefCollector<'s, 'a> {
    scope: &'s Scope<'a>,
    found: Vec<String>,
}

impl RefCollector<'_, '_> {
    fn add(&mut self, address: String) {
        if !self.found.contains(&address) {
            self.found.push(address);
        }
    }
}

impl Visit for RefCollector<'_, '_> {
    fn visit_traversal(&mut self, node: &Traversal) {
        if let Expression::Variable(root) = &node.expr {
            let names: Vec<&str> = node
                .operators
                .iter()
                .map_while(|op| match op.value() {
                    TraversalOperator::GetAttr(a) => Some(a.as_str()),
                    _ => None,
                })
                .collect();
            match (root.as_str(), names.as_slice()) {
                ("local", [name, ..]) => {
                    for r in self.scope.local_refs(name) {
                        self.add(r);
                    }
                }
                ("data", [rtype, name, ..]) => {
                    let address = format!("data.{rtype}.{name}");
                    if self.scope.resources.contains(&address) {
                        self.add(address);
                    }
                }
                (rtype, [name, ..]) => {
                    // Only declared resources count, so that for-expression and dynamic
                    // block iterators (`rule.value.id`) are never taken for references.
                    let address = format!("{rtype}.{name}");
                    if self.scope.resources.contains(&address) {
                        self.add(address);
                    }
                }
                _ => {}
            }
        }
        visit::visit_traversal(self, node);
    }
}
