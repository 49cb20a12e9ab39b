//! Compiles policies once into a template engine and evaluates every rule over every
//! unit. Units run in parallel, each worker with its own clone of the template (a clone
//! shares the compiled policies; it costs microseconds).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use regorus::{Engine, Value as RegoValue};
use serde_json::{Map, Value};
use soc2gate_model::{Module, RuleMeta};

use crate::examples::builtin_examples;
use crate::input::policy_input;
use crate::metadata::parse_rule;
use crate::source::is_builtin;
use crate::{params, PolicyError, PolicyKind, PolicySource};

/// Which set of a rule an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Judgement {
    /// `deny`: the rule judged the resource and it fails.
    Deny,
    /// `undetermined`: the rule could not judge the resource, because a value it needs
    /// cannot be known statically. Not a finding; evidence reports it so that silence on
    /// unknown values never counts as a pass.
    Undetermined,
}

/// What to evaluate besides `deny`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvalOptions {
    /// Also evaluate each rule's `undetermined` set (for evidence; a scan does not need it).
    pub undetermined: bool,
}

/// One `deny` (or `undetermined`) entry of one rule, not yet located in the source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// Index into [`PolicySet::rules`].
    pub rule: usize,
    pub kind: Judgement,
    /// Index into the units passed to [`PolicySet::evaluate`].
    pub unit: usize,
    pub resource: String,
    pub attribute: String,
    pub message: String,
}

/// A rule that failed at evaluation time (a builtin error, a `deny` entry of the wrong
/// shape). The scan cannot be trusted: exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub rule_id: String,
    pub policy: String,
    pub unit: String,
    pub message: String,
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "rule {} ({}) failed on {}: {}",
            self.rule_id, self.policy, self.unit, self.message
        )
    }
}

/// The compiled policies of a scan and their metadata.
#[derive(Clone)]
pub struct PolicySet {
    rules: Vec<RuleMeta>,
    /// `data.<package>.deny` for each rule, in `rules` order.
    queries: Vec<String>,
    /// `data.<package>.undetermined` for the rules that define it, in `rules` order.
    undetermined: Vec<Option<String>>,
    template: Engine,
}

fn rego_error(path: &str, e: impl std::fmt::Display) -> PolicyError {
    // regorus messages already carry `file:line:col` and the offending source line.
    let message = e.to_string();
    let line = message
        .split(':')
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    PolicyError::new(path, line, message)
}

impl std::fmt::Debug for PolicySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicySet")
            .field("rules", &self.rule_ids().collect::<Vec<_>>())
            .finish()
    }
}

impl PolicySet {
    /// Compiles rules and libraries (tests are skipped). `params` overrides rule parameter
    /// defaults by rule id. Returns every problem found, not just the first.
    pub fn load(
        sources: &[PolicySource],
        params: &BTreeMap<String, Value>,
    ) -> Result<PolicySet, Vec<PolicyError>> {
        let mut errors = Vec::new();
        let mut engine = Engine::new();
        let mut rules = Vec::new();
        // Each rule's policy text, in `rules` order, for the line of `invalid_params`.
        let mut texts = Vec::new();
        for src in sources {
            let kind = src.kind();
            if kind == PolicyKind::Test {
                continue;
            }
            if kind == PolicyKind::Rule {
                match parse_rule(&src.path, &src.text) {
                    Ok(mut meta) => {
                        if is_builtin(src) {
                            meta.examples = builtin_examples(&meta.id);
                        }
                        rules.push(meta);
                        texts.push(src.text.as_str());
                    }
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                }
            }
            if let Err(e) = engine.add_policy(src.path.clone(), src.text.clone()) {
                errors.push(rego_error(&src.path, e));
            }
        }

        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for r in &rules {
            if let Some(first) = seen.insert(&r.id, &r.source) {
                errors.push(PolicyError::new(
                    &r.source,
                    0,
                    format!(
                        "rule id `{}` is already used by {first}: ids must be unique",
                        r.id
                    ),
                ));
            }
        }
        if let Some(unknown) = params.keys().find(|id| !seen.contains_key(id.as_str())) {
            errors.push(PolicyError::new(
                "parameters",
                0,
                format!("parameters given for unknown rule `{unknown}`"),
            ));
        }

        // Parameters: each rule reads `data.params["<rule-id>"]`, defaults from METADATA
        // merged with overrides.
        let mut all_params: Map<String, Value> = Map::new();
        for r in &rules {
            let mut p = r.params.as_object().cloned().unwrap_or_default();
            if let Some(Value::Object(over)) = params.get(&r.id) {
                for (k, v) in over {
                    if !p.contains_key(k) {
                        errors.push(PolicyError::new(
                            &r.source,
                            0,
                            format!(
                                "rule `{}` has no parameter `{k}`; it has: {}",
                                r.id,
                                p.keys().cloned().collect::<Vec<_>>().join(", ")
                            ),
                        ));
                    }
                    p.insert(k.clone(), v.clone());
                }
            }
            all_params.insert(r.id.clone(), Value::Object(p));
        }
        // `data.scan.resources` is filled per scan by `evaluate`; empty until then so rules
        // and their tests can read it without guarding against undefined.
        let data = serde_json::json!({ "params": all_params, "scan": { "resources": {} } });
        if let Err(e) = engine.add_data(RegoValue::from(data)) {
            errors.push(PolicyError::new("parameters", 0, e.to_string()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }

        let queries: Vec<String> = rules
            .iter()
            .map(|r| format!("data.{}.deny", r.package))
            .collect();
        // Evaluate each rule once on an empty input: this prepares the engine (so clones
        // start ready) and proves every rule defines `deny`.
        engine.set_input(RegoValue::from_json_str(r#"{"resources":{}}"#).expect("valid json"));
        for (r, q) in rules.iter().zip(&queries) {
            if let Err(e) = engine.eval_rule(q.clone()) {
                errors.push(PolicyError::new(
                    &r.source,
                    0,
                    format!("rule `{}` cannot be evaluated: it must define a `deny` set of {{resource, attribute, message}} objects ({e})", r.id),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let undetermined = undetermined_queries(&mut engine, &rules, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        for (r, text) in rules.iter().zip(&texts) {
            let overrides = params.get(&r.id).and_then(Value::as_object);
            let effective = all_params[&r.id].as_object().expect("params are objects");
            errors.extend(params::check(&mut engine, r, text, overrides, effective));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PolicySet {
            rules,
            queries,
            undetermined,
            template: engine,
        })
    }

    /// The rule ids, for messages and `Debug`.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// A fresh clone of the compiled template, for the test runner to add tests to.
    pub(crate) fn template_engine(&self) -> Engine {
        self.template.clone()
    }

    /// The rules, in the order policies were given (sorted by path for built-ins).
    pub fn rules(&self) -> &[RuleMeta] {
        &self.rules
    }

    /// Whether rule `i` (an index into [`PolicySet::rules`]) defines `undetermined`, the
    /// resources it could not judge. Every built-in rule does; a user rule may not, and
    /// then its silence on an unknown value cannot be told from a pass.
    pub fn reports_undetermined(&self, i: usize) -> bool {
        self.undetermined.get(i).is_some_and(Option::is_some)
    }

    /// Evaluates every applicable rule's `deny` on every unit, in parallel. A rule applies
    /// to a unit that has at least one resource of its `resource_types`: most policy x
    /// unit pairs do not match, and skipping them is most of the speed.
    pub fn evaluate(&self, units: &[Module]) -> (Vec<Violation>, Vec<EvalError>) {
        self.evaluate_with(units, EvalOptions::default())
    }

    /// [`PolicySet::evaluate`], and with `opts.undetermined` each rule's `undetermined`
    /// set too, in the same pass over the units.
    pub fn evaluate_with(
        &self,
        units: &[Module],
        opts: EvalOptions,
    ) -> (Vec<Violation>, Vec<EvalError>) {
        let mut errors = Vec::new();
        let template = match self.with_scan_resources(units) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                return (Vec::new(), errors);
            }
        };
        let template = template.as_ref().unwrap_or(&self.template);
        let results: Vec<(Vec<Violation>, Vec<EvalError>)> = units
            .par_iter()
            .enumerate()
            .map_init(
                || template.clone(),
                |engine, (i, unit)| self.evaluate_unit(engine, i, unit, opts),
            )
            .collect();
        let mut violations = Vec::new();
        for (v, e) in results {
            violations.extend(v);
            errors.extend(e);
        }
        violations.sort();
        violations.dedup();
        (violations, errors)
    }

    /// The template with `data.scan.resources`: the resources of every type a rule lists in
    /// `scan_resource_types`, from all units, so that a setting made once for the account
    /// (in whichever root module) is seen by the rules of every module. `None` when no rule
    /// asks for any or the scan has none.
    fn with_scan_resources(&self, units: &[Module]) -> Result<Option<Engine>, EvalError> {
        let wanted: BTreeSet<&str> = self
            .rules
            .iter()
            .flat_map(|r| r.scan_resource_types.iter().map(String::as_str))
            .collect();
        if wanted.is_empty() {
            return Ok(None);
        }
        let mut by_type: BTreeMap<&str, Vec<(&str, &str, Value)>> = BTreeMap::new();
        for unit in units {
            for r in &unit.resources {
                if wanted.contains(r.rtype.as_str()) {
                    let value = serde_json::to_value(r).expect("resource serializes");
                    by_type
                        .entry(&r.rtype)
                        .or_default()
                        .push((&unit.path, &r.address, value));
                }
            }
        }
        if by_type.is_empty() {
            // `data.scan.resources` is already `{}` in the template, and it stays prepared.
            return Ok(None);
        }
        let resources: Map<String, Value> = by_type
            .into_iter()
            .map(|(t, mut rs)| {
                // Units and addresses in order: evaluation stays deterministic.
                rs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
                let list = rs.into_iter().map(|(_, _, v)| v).collect();
                (t.to_string(), Value::Array(list))
            })
            .collect();
        let data = serde_json::json!({ "scan": { "resources": resources } });
        let mut engine = self.template.clone();
        // Adding data unprepares the engine; a first query prepares it again here, once,
        // rather than in every worker's clone.
        engine
            .add_data(RegoValue::from(data))
            .and_then(|()| engine.eval_query("true".into(), false).map(|_| ()))
            .map_err(|e| EvalError {
                rule_id: String::new(),
                policy: String::new(),
                unit: "the scan".into(),
                message: format!("scan-wide resources could not be given to the rules: {e}"),
            })?;
        Ok(Some(engine))
    }

    fn evaluate_unit(
        &self,
        engine: &mut Engine,
        unit_index: usize,
        unit: &Module,
        opts: EvalOptions,
    ) -> (Vec<Violation>, Vec<EvalError>) {
        let mut violations = Vec::new();
        let mut errors = Vec::new();
        let types: BTreeSet<&str> = unit.resources.iter().map(|r| r.rtype.as_str()).collect();
        let addresses: BTreeMap<&str, &str> = unit
            .resources
            .iter()
            .map(|r| (r.address.as_str(), r.rtype.as_str()))
            .collect();
        let applicable: Vec<usize> = (0..self.rules.len())
            .filter(|&i| {
                self.rules[i]
                    .resource_types
                    .iter()
                    .any(|t| types.contains(t.as_str()))
            })
            .collect();
        if applicable.is_empty() {
            return (violations, errors);
        }
        engine.set_input(policy_input(unit));
        // Rule by rule: an error names its rule, and the others still report. (One combined
        // query for all of a unit's rules, meant to share library rules between them, was
        // measured no faster on the benchmark.)
        for i in applicable {
            let undetermined = self.undetermined[i].as_ref().filter(|_| opts.undetermined);
            let sets = std::iter::once((Judgement::Deny, &self.queries[i]))
                .chain(undetermined.map(|q| (Judgement::Undetermined, q)));
            for (kind, query) in sets {
                self.evaluate_set(engine, (i, kind, query), (unit_index, unit), &addresses)
                    .into_iter()
                    .for_each(|r| match r {
                        Ok(v) => violations.push(v),
                        Err(e) => errors.push(e),
                    });
            }
        }
        (violations, errors)
    }

    /// The entries of one set (`deny` or `undetermined`) of rule `i` on one unit, each
    /// checked against the contract: an object naming a resource of the unit, of a type
    /// the rule's metadata lists.
    fn evaluate_set(
        &self,
        engine: &mut Engine,
        (i, kind, query): (usize, Judgement, &String),
        (unit_index, unit): (usize, &Module),
        addresses: &BTreeMap<&str, &str>,
    ) -> Vec<Result<Violation, EvalError>> {
        let rule = &self.rules[i];
        let set = match kind {
            Judgement::Deny => "deny",
            Judgement::Undetermined => "undetermined",
        };
        let fail = |message: String| {
            Err(EvalError {
                rule_id: rule.id.clone(),
                policy: rule.source.clone(),
                unit: unit.path.clone(),
                message,
            })
        };
        let value = match engine.eval_rule(query.clone()) {
            Ok(v) => v,
            Err(e) => return vec![fail(e.to_string())],
        };
        let entries = match &value {
            RegoValue::Undefined => return Vec::new(),
            RegoValue::Set(s) => s.iter().cloned().collect::<Vec<_>>(),
            other => return vec![fail(format!("`{set}` must be a set, got {other}"))],
        };
        entries
            .iter()
            .map(|entry| {
                let (resource, attribute, message) = match to_violation(set, entry) {
                    Ok(parts) => parts,
                    Err(msg) => return fail(msg),
                };
                match addresses.get(resource.as_str()) {
                    Some(t) if rule.resource_types.iter().any(|rt| rt == t) => {}
                    Some(t) => {
                        return fail(format!("it blamed `{resource}`, of type `{t}`, which is not in its metadata's resource_types: add `{t}` there"));
                    }
                    None => {
                        return fail(format!("it blamed `{resource}`, which is not a resource of this unit: `resource` must be an address from the input"));
                    }
                }
                Ok(Violation {
                    rule: i,
                    kind,
                    unit: unit_index,
                    resource,
                    attribute,
                    message,
                })
            })
            .collect()
    }
}

/// `data.<package>.undetermined` for each rule that defines it. A rule that defines it as
/// something that cannot be evaluated is an error, like a broken `deny`.
fn undetermined_queries(
    engine: &mut Engine,
    rules: &[RuleMeta],
    errors: &mut Vec<PolicyError>,
) -> Vec<Option<String>> {
    rules
        .iter()
        .map(|r| {
            let query = format!("data.{}.undetermined", r.package);
            match engine.eval_rule(query.clone()) {
                Ok(_) => Some(query),
                // regorus's answer for a rule the package does not define.
                Err(e) if e.to_string().contains("not a valid rule path") => None,
                Err(e) => {
                    errors.push(PolicyError::new(
                        &r.source,
                        0,
                        format!("rule `{}` cannot be evaluated: `undetermined` must be a set of {{resource, attribute, message}} objects, like `deny` ({e})", r.id),
                    ));
                    None
                }
            }
        })
        .collect()
}

fn to_violation(set: &str, entry: &RegoValue) -> Result<(String, String, String), String> {
    let obj = entry.as_object().map_err(|_| {
        format!(
            "an entry of `{set}` must be an object {{resource, attribute, message}}, got {entry}"
        )
    })?;
    let field = |name: &str| -> Option<String> {
        obj.get(&RegoValue::from(name))
            .and_then(|v| v.as_string().ok())
            .map(|s| s.to_string())
    };
    let resource = field("resource").ok_or_else(|| {
        format!("an entry of `{set}` has no string `resource` (the resource address): {entry}")
    })?;
    let message = field("message")
        .ok_or_else(|| format!("an entry of `{set}` has no string `message`: {entry}"))?;
    let attribute = field("attribute").unwrap_or_default();
    Ok((resource, attribute, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Mode, ModuleKind, Resource};

    const RULE: &str = r#"# METADATA
# title: Buckets are named
# description: test rule
# custom:
#   id: test-named
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_s3_bucket]
#   params:
#     prefix: acme-
#   remediation: Name it.
package soc2gate.test.named

deny contains v if {
    some b in input.resources.aws_s3_bucket
    not startswith(object.get(b.values, "bucket", ""), data.params["test-named"].prefix)
    v := {"resource": b.address, "attribute": "bucket", "message": "bad name"}
}
"#;

    fn unit(names: &[&str]) -> Module {
        let mut m = Module::new(".", ModuleKind::Terraform);
        for n in names {
            let mut values = Map::new();
            values.insert("bucket".into(), Value::String(n.to_string()));
            m.resources.push(Resource {
                address: format!("aws_s3_bucket.{}", n.replace('-', "_")),
                mode: Mode::Managed,
                rtype: "aws_s3_bucket".into(),
                name: n.to_string(),
                provider: "aws".into(),
                module: String::new(),
                file: "main.tf".into(),
                values,
                unknown: vec![],
                refs: Default::default(),
                expressions: Default::default(),
            });
        }
        m
    }

    #[test]
    fn evaluates_units_in_parallel_with_params() {
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", RULE)], &BTreeMap::new()).unwrap();
        let units: Vec<Module> = (0..8).map(|_| unit(&["acme-a", "other"])).collect();
        let (v, e) = set.evaluate(&units);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(v.len(), 8);
        assert!(v
            .iter()
            .all(|v| v.resource == "aws_s3_bucket.other" && v.attribute == "bucket"));

        let mut params = BTreeMap::new();
        params.insert(
            "test-named".to_string(),
            serde_json::json!({"prefix": "oth"}),
        );
        let set = PolicySet::load(&[PolicySource::new("p/named.rego", RULE)], &params).unwrap();
        let (v, _) = set.evaluate(&units[..1]);
        assert_eq!(v[0].resource, "aws_s3_bucket.acme_a");
    }

    /// Reports buckets unless an account-level block is anywhere in the scan.
    const ACCOUNT_RULE: &str = r#"# METADATA
# title: Buckets are blocked
# description: test rule
# custom:
#   id: test-blocked
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_s3_bucket]
#   scan_resource_types: [aws_s3_account_public_access_block]
#   remediation: Block them.
package soc2gate.test.blocked

deny contains v if {
    count(data.scan.resources.aws_s3_account_public_access_block) == 0
    some b in input.resources.aws_s3_bucket
    v := {"resource": b.address, "attribute": "", "message": "not blocked"}
}

deny contains v if {
    not data.scan.resources.aws_s3_account_public_access_block
    some b in input.resources.aws_s3_bucket
    v := {"resource": b.address, "attribute": "", "message": "not blocked"}
}
"#;

    #[test]
    fn scan_resource_types_are_seen_from_every_unit() {
        let set = PolicySet::load(
            &[PolicySource::new("p/blocked.rego", ACCOUNT_RULE)],
            &BTreeMap::new(),
        )
        .unwrap();
        assert_eq!(
            set.rules()[0].scan_resource_types,
            vec!["aws_s3_account_public_access_block".to_string()]
        );
        let buckets = unit(&["acme-a"]);
        let (v, e) = set.evaluate(std::slice::from_ref(&buckets));
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(v.len(), 1, "no account block anywhere: reported");

        // The account-level block lives in another root module of the scan.
        let mut account = Module::new("account", ModuleKind::Terraform);
        let mut block = unit(&["x"]).resources.remove(0);
        block.rtype = "aws_s3_account_public_access_block".into();
        block.address = "aws_s3_account_public_access_block.this".into();
        account.resources.push(block);
        let (v, e) = set.evaluate(&[buckets, account]);
        assert!(e.is_empty(), "{e:?}");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn invalid_params_stops_loading_and_names_rule_and_parameter() {
        let rule = format!(
            "{RULE}\ninvalid_params contains msg if {{\n    p := data.params[\"test-named\"].prefix\n    not endswith(p, \"-\")\n    msg := sprintf(\"prefix must end with a dash, not %q\", [p])\n}}\n"
        );
        let sources = [PolicySource::new("p/named.rego", rule.as_str())];
        PolicySet::load(&sources, &BTreeMap::new()).expect("the default is valid");

        let mut params = BTreeMap::new();
        params.insert(
            "test-named".to_string(),
            serde_json::json!({"prefix": "acme"}),
        );
        let errs = PolicySet::load(&sources, &params).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(
            errs[0].to_string(),
            "p/named.rego:20: rule `test-named` rejects the value it was given: prefix must end with a dash, not \"acme\""
        );
        let param = errs[0].param.as_ref().unwrap();
        assert_eq!(param.rule, "test-named");
        assert_eq!(param.name.as_deref(), Some("prefix"));
        assert!(param.overridden);

        let bad_default = rule.replace("prefix: acme-", "prefix: acme");
        let errs = PolicySet::load(
            &[PolicySource::new("p/named.rego", bad_default)],
            &BTreeMap::new(),
        )
        .unwrap_err();
        assert!(
            errs[0]
                .message
                .contains("rejects the default in its METADATA"),
            "{errs:?}"
        );
        assert!(!errs[0].param.as_ref().unwrap().overridden);
    }

    #[test]
    fn built_in_rules_carry_examples_and_user_rules_none() {
        let set = PolicySet::load(&crate::builtin_sources(), &BTreeMap::new()).unwrap();
        let tls = set
            .rules()
            .iter()
            .find(|r| r.id == "aws-lb-modern-tls")
            .unwrap();
        assert!(tls.examples.failing.is_some() && tls.examples.passing.is_some());
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", RULE)], &BTreeMap::new()).unwrap();
        assert!(set.rules()[0].examples.is_empty());
    }

    #[test]
    fn rejects_unknown_parameters_and_duplicate_ids() {
        let mut params = BTreeMap::new();
        params.insert("test-named".to_string(), serde_json::json!({"nope": 1}));
        let errs =
            PolicySet::load(&[PolicySource::new("p/named.rego", RULE)], &params).unwrap_err();
        assert!(errs[0].message.contains("no parameter `nope`"), "{errs:?}");

        let errs = PolicySet::load(
            &[
                PolicySource::new("a/x.rego", RULE),
                PolicySource::new("b/x.rego", RULE.replace("test.named", "test.named2")),
            ],
            &BTreeMap::new(),
        )
        .unwrap_err();
        assert!(
            errs.iter().any(|e| e.message.contains("already used")),
            "{errs:?}"
        );
    }

    #[test]
    fn syntax_errors_name_the_file_and_line() {
        let broken = RULE.replace("deny contains v if {", "deny contains v if {{");
        let errs = PolicySet::load(
            &[PolicySource::new("p/named.rego", broken)],
            &BTreeMap::new(),
        )
        .unwrap_err();
        assert_eq!(errs[0].file, "p/named.rego");
        assert!(errs[0].line > 0, "{errs:?}");
    }

    #[test]
    fn a_rule_blaming_a_type_outside_its_metadata_is_an_error() {
        let rule = RULE
            .replace(
                "resource_types: [aws_s3_bucket]",
                "resource_types: [aws_s3_bucket, aws_x]",
            )
            .replace(
                "some b in input.resources.aws_s3_bucket",
                "some b in input.resources.aws_s3_bucket\n    some _ in [1]",
            );
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", rule)], &BTreeMap::new()).unwrap();
        let (v, e) = set.evaluate(&[unit(&["other"])]);
        assert_eq!(v.len(), 1);
        assert!(e.is_empty());

        let rule = RULE.replace(
            "\"resource\": b.address",
            "\"resource\": \"aws_iam_role.r\"",
        );
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", rule)], &BTreeMap::new()).unwrap();
        let (_, e) = set.evaluate(&[unit(&["other"])]);
        assert!(
            e[0].message.contains("not a resource of this unit"),
            "{e:?}"
        );
    }

    #[test]
    fn a_failing_rule_is_named_and_the_other_rules_still_report() {
        let failing = RULE
            .replace("id: test-named", "id: test-failing")
            .replace("soc2gate.test.named", "soc2gate.test.failing")
            .replace(
                "some b in input.resources.aws_s3_bucket",
                "some b in input.resources.aws_s3_bucket\n    to_number(b.values.bucket) > 0",
            );
        let set = PolicySet::load(
            &[
                PolicySource::new("p/failing.rego", failing),
                PolicySource::new("p/named.rego", RULE),
            ],
            &BTreeMap::new(),
        )
        .unwrap();
        let (v, e) = set.evaluate(&[unit(&["other"])]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].rule_id, "test-failing");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(set.rules()[v[0].rule].id, "test-named");
    }

    #[test]
    fn undetermined_is_evaluated_on_request_and_checked_like_deny() {
        let judging = format!(
            "{RULE}\nundetermined contains v if {{\n    some b in input.resources.aws_s3_bucket\n    b.name == \"other\"\n    v := {{\"resource\": b.address, \"attribute\": \"\", \"message\": \"unknown\"}}\n}}\n"
        );
        let set = PolicySet::load(
            &[PolicySource::new("p/named.rego", judging.as_str())],
            &BTreeMap::new(),
        )
        .unwrap();
        assert!(set.reports_undetermined(0));
        let units = [unit(&["acme-a", "other"])];
        let (v, e) = set.evaluate(&units);
        assert!(e.is_empty(), "{e:?}");
        assert!(v.iter().all(|v| v.kind == Judgement::Deny), "{v:?}");
        let (v, e) = set.evaluate_with(&units, EvalOptions { undetermined: true });
        assert!(e.is_empty(), "{e:?}");
        let undetermined: Vec<_> = v
            .iter()
            .filter(|v| v.kind == Judgement::Undetermined)
            .collect();
        assert_eq!(undetermined.len(), 1, "{v:?}");
        assert_eq!(undetermined[0].resource, "aws_s3_bucket.other");

        // A rule without `undetermined` still loads; it says so.
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", RULE)], &BTreeMap::new()).unwrap();
        assert!(!set.reports_undetermined(0));

        // Entries of the wrong shape are errors that name the set.
        let bad = format!("{RULE}\nundetermined contains \"oops\" if true\n");
        let set =
            PolicySet::load(&[PolicySource::new("p/named.rego", bad)], &BTreeMap::new()).unwrap();
        let (_, e) = set.evaluate_with(&units, EvalOptions { undetermined: true });
        assert!(
            e[0].message
                .contains("an entry of `undetermined` must be an object"),
            "{e:?}"
        );
    }

    #[test]
    fn every_built_in_rule_reports_what_it_could_not_judge() {
        let set = PolicySet::load(&crate::builtin_sources(), &BTreeMap::new()).unwrap();
        let missing: Vec<&str> = (0..set.rules().len())
            .filter(|&i| !set.reports_undetermined(i))
            .map(|i| set.rules()[i].id.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "built-in rules without an `undetermined` set (add one beside `deny`, with `core.unknown_at`): {missing:?}"
        );
    }
}
