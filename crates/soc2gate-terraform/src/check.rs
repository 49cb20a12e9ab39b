//! References to what a module does not declare: a resource, data source, variable,
//! local, module call or module output that does not exist, or a bare name that is no
//! reference at all (`encrypted = False`). Terraform rejects them; the evaluator treats
//! their value as unknown, so without a warning a typo would pass as "cannot be known".

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, ForExpr, ObjectKey, Traversal, TraversalOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::ForTemplateExpr;
use hcl_edit::visit::{self, Visit};
use soc2gate_model::LoadError;

use crate::config::{join_dir, Config, Parsed, Src};
use crate::modules::is_local;

/// Arguments whose expressions are not values (`provider = aws.east`) or that Terraform
/// reads in another context.
const SKIPPED_ARGUMENTS: &[&str] = &["depends_on", "provider", "providers", "source", "version"];
/// Blocks whose expressions may use `self` or bare names (`ignore_changes = [tags]`).
const SKIPPED_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];

/// Warnings for the undeclared references in the files of `config` (a directory);
/// `configs` are the other directories of the scan, for the outputs of local modules.
pub(crate) fn undeclared(
    config: &Config<'_>,
    files: &[Parsed<'_>],
    configs: &BTreeMap<String, Config<'_>>,
) -> Vec<LoadError> {
    let mut out = Vec::new();
    for parsed in files {
        let mut c = Checker {
            config,
            configs,
            src: &parsed.src,
            bound: Vec::new(),
            out: &mut out,
        };
        for block in parsed.body.blocks() {
            c.top_block(block);
        }
    }
    out
}

struct Checker<'c, 'a> {
    config: &'c Config<'a>,
    configs: &'c BTreeMap<String, Config<'a>>,
    src: &'c Src<'a>,
    /// Names bound where the walk is: `count`, `each`, iterators, `for` variables.
    bound: Vec<String>,
    out: &'c mut Vec<LoadError>,
}

impl Checker<'_, '_> {
    fn top_block(&mut self, block: &Block) {
        let body = &block.body;
        match block.ident.as_str() {
            "resource" | "data" | "module" => {
                let n = self.bound.len();
                if body.get_attribute("count").is_some() {
                    self.bound.push("count".into());
                }
                if body.get_attribute("for_each").is_some() {
                    self.bound.push("each".into());
                }
                self.body(body);
                self.bound.truncate(n);
            }
            "output" => {
                if let Some(v) = body.get_attribute("value") {
                    self.visit_expr(&v.value);
                }
            }
            "variable" => {
                if let Some(v) = body.get_attribute("default") {
                    self.visit_expr(&v.value);
                }
            }
            "locals" | "provider" => self.body(body),
            // `terraform`, `moved`, `import`, `removed`, `check`: no values a rule reads.
            _ => {}
        }
    }

    fn body(&mut self, body: &Body) {
        for attr in body.attributes() {
            if !SKIPPED_ARGUMENTS.contains(&attr.key.as_str()) {
                self.visit_expr(&attr.value);
            }
        }
        for block in body.blocks() {
            let ident = block.ident.as_str();
            if SKIPPED_BLOCKS.contains(&ident) {
                continue;
            }
            if ident != "dynamic" {
                self.body(&block.body);
                continue;
            }
            // `dynamic "x"`: its iterator (`x`, or `iterator = name`) is bound in `content`.
            if let Some(f) = block.body.get_attribute("for_each") {
                self.visit_expr(&f.value);
            }
            let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
                Some(Expression::Variable(v)) => Some(v.as_str().to_string()),
                _ => block.labels.first().map(|l| l.as_str().to_string()),
            };
            let n = self.bound.len();
            self.bound.extend(iterator);
            for content in block.body.get_blocks("content") {
                self.body(&content.body);
            }
            self.bound.truncate(n);
        }
    }

    fn is_bound(&self, name: &str) -> bool {
        self.bound.iter().any(|b| b == name)
    }

    fn warn(&mut self, node: &impl hcl_edit::Span, what: String, help: &str) {
        self.out.push(LoadError {
            location: self.src.locate(self.src.span_of(node)),
            message: format!("{what}: Terraform rejects this; the value was treated as unknown"),
            help: Some(help.to_string()),
        });
    }

    fn traversal(&mut self, node: &Traversal, root: &str) {
        if self.is_bound(root) {
            return;
        }
        let attr = |i: usize| match node.operators.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str()),
            _ => None,
        };
        let Some(first) = attr(0) else {
            return;
        };
        let config = self.config;
        let (declared, what) = match root {
            "var" => (
                config.variables.contains_key(first),
                format!("var.{first} is not declared in this module"),
            ),
            "local" => (
                config.locals.contains_key(first),
                format!("local.{first} is not defined in this module"),
            ),
            "module" => return self.module_output(node, first),
            "data" => {
                let Some(name) = attr(1) else { return };
                let address = format!("data.{first}.{name}");
                (
                    config.declares(&address),
                    format!("{address} is not declared in this module"),
                )
            }
            "path" | "terraform" | "count" | "each" | "self" => return,
            rtype => {
                let address = format!("{rtype}.{first}");
                (
                    config.declares(&address),
                    format!("{address} is not declared in this module"),
                )
            }
        };
        if !declared {
            self.warn(node, what, "declare it, or correct the name");
        }
    }

    /// `module.x`, `module.x.out` or `module.x[key].out`.
    fn module_output(&mut self, node: &Traversal, name: &str) {
        let Some(call) = self.config.calls.iter().find(|c| c.name == name) else {
            self.warn(
                node,
                format!("module.{name} is not declared in this module"),
                "declare the module block, or correct the name",
            );
            return;
        };
        // The callee's outputs are known here only for a local module read with the scan.
        let Some(callee) = call
            .source
            .as_deref()
            .filter(|s| is_local(s))
            .and_then(|s| self.configs.get(&join_dir(&self.config.dir, s)))
        else {
            return;
        };
        let ops: Vec<&TraversalOperator> = node.operators.iter().map(|o| o.value()).collect();
        let output = match ops.get(1) {
            Some(TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_)) => ops.get(2),
            other => other,
        };
        if let Some(TraversalOperator::GetAttr(out)) = output {
            let out = out.as_str();
            if !callee.outputs.iter().any(|(o, _)| o == out) {
                self.warn(
                    node,
                    format!("module.{name} has no output \"{out}\""),
                    "declare the output in the module, or correct the name",
                );
            }
        }
    }
}

impl Visit for Checker<'_, '_> {
    fn visit_expr(&mut self, node: &Expression) {
        match node {
            Expression::Variable(v) => {
                let name = v.as_str();
                if !self.is_bound(name) {
                    self.warn(
                        v,
                        format!("`{name}` is not a value or a reference"),
                        "write a literal (booleans are lowercase: true, false) or a reference such as var.NAME",
                    );
                }
            }
            Expression::Traversal(t) => {
                if let Expression::Variable(root) = &t.expr {
                    self.traversal(t, root.as_str());
                    // The root is handled; walk only the index expressions.
                    for op in t.operators.iter() {
                        self.visit_traversal_operator(op);
                    }
                } else {
                    visit::visit_traversal(self, t);
                }
            }
            other => visit::visit_expr(self, other),
        }
    }

    fn visit_object_key(&mut self, node: &ObjectKey) {
        // A bare name as a key is a literal (`{ Effect = "Allow" }`).
        if let ObjectKey::Expression(e) = node {
            if !matches!(e, Expression::Variable(_)) {
                self.visit_expr(e);
            }
        }
    }

    fn visit_for_expr(&mut self, node: &ForExpr) {
        self.visit_expr(&node.intro.collection_expr);
        let n = self.bound.len();
        self.bound.push(node.intro.value_var.as_str().to_string());
        if let Some(k) = &node.intro.key_var {
            self.bound.push(k.as_str().to_string());
        }
        if let Some(k) = &node.key_expr {
            self.visit_expr(k);
        }
        self.visit_expr(&node.value_expr);
        if let Some(c) = &node.cond {
            self.visit_expr(&c.expr);
        }
        self.bound.truncate(n);
    }

    fn visit_for_template_expr(&mut self, node: &ForTemplateExpr) {
        self.visit_expr(&node.collection_expr);
        let n = self.bound.len();
        self.bound.push(node.value_var.as_str().to_string());
        if let Some(k) = &node.key_var {
            self.bound.push(k.as_str().to_string());
        }
        self.visit_template(&node.template);
        self.bound.truncate(n);
    }
}
