//! `soc2gate.toml`: found by walking up from the scan root, or named with `--config`.
//!
//! Parsing checks the file against itself (keys, types, severities, globs, dates);
//! [`Config::select`] then checks it against the rules that were loaded (rule ids,
//! criteria, parameters). Every problem is reported as `FILE:LINE:COL: what is wrong;
//! allowed: ...`. Paths and globs in the file are relative to its directory.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde_json::Value as Json;
use soc2gate_model::{is_criterion, RuleMeta, Severity, SourceFile};
use toml::Spanned;

use crate::date::Date;
use crate::paths::Rebase;

/// The name soc2gate looks for.
pub const FILE_NAME: &str = "soc2gate.toml";

const TOP_KEYS: &str = "fail_on, exclude, enable, disable, [rules.<rule-id>], [[exceptions]]";
const EXCEPTION_KEYS: &str = "rule, resource, path, reason, expires";
const SEVERITIES: &str = "critical, high, medium, low";

/// A problem with the config file, at a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The first `soc2gate.toml` in `start` or one of its ancestors. `start` may be a file
/// (its directory is where the search begins); relative paths are resolved against `cwd`.
pub fn find(start: &Path, cwd: &Path) -> Option<PathBuf> {
    let start = crate::paths::absolute(start, cwd);
    let mut dir = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start
    };
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Per-rule settings from `[rules.<rule-id>]`.
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub id: Spanned<String>,
    pub severity: Option<Severity>,
    /// Everything but `severity`: the rule's parameters.
    pub params: Vec<(Spanned<String>, Spanned<toml::Value>)>,
}

/// One `[[exceptions]]` entry.
#[derive(Debug, Clone)]
pub struct Exception {
    pub rule: Spanned<String>,
    /// A resource address glob (`*` and `?`).
    pub resource: Option<String>,
    /// A path glob, relative to the config file's directory.
    pub path: Option<PathGlob>,
    pub reason: String,
    pub expires: Option<Date>,
    /// Where the entry is, for messages and the unused warning.
    pub span: Range<usize>,
    pub line: usize,
}

impl Exception {
    /// True when this exception is about `f`: same rule, and the resource and path globs
    /// (when given) match. `rebase` turns display paths into paths relative to the config.
    pub fn matches(&self, f: &soc2gate_model::Finding, rebase: &crate::paths::Rebase) -> bool {
        f.rule_id == *self.rule.get_ref()
            && self
                .resource
                .as_ref()
                .is_none_or(|r| wildcard(r, &f.resource))
            && self
                .path
                .as_ref()
                .is_none_or(|p| p.matches(&rebase.rel(&f.location.file)))
    }
}

/// A compiled path glob. A pattern that matches a directory also matches what is under it.
#[derive(Debug, Clone)]
pub struct PathGlob(GlobSet);

impl PathGlob {
    /// True when `rel` (forward slashes) or one of its parent directories matches.
    pub fn matches(&self, rel: &str) -> bool {
        let mut p = rel;
        loop {
            if self.0.is_match(p) {
                return true;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return false,
            }
        }
    }
}

/// A parsed `soc2gate.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The path as reports show it.
    pub display: String,
    pub source: Arc<SourceFile>,
    /// The directory globs and paths are relative to.
    pub dir: PathBuf,
    pub fail_on: Option<Severity>,
    pub exclude: Option<PathGlob>,
    pub enable: Vec<Spanned<String>>,
    pub disable: Vec<Spanned<String>>,
    pub rules: Vec<RuleSettings>,
    pub exceptions: Vec<Exception>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    // Spanned as a whole, so that an empty list can be reported where it is written.
    enable: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    exceptions: Vec<Spanned<RawException>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    rule: Option<Spanned<String>>,
    resource: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    expires: Option<Spanned<toml::Value>>,
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into our wording.
fn reword(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((key, expected)) = rest.split_once(", expected ") {
            let allowed = expected.trim_start_matches("one of ").replace('`', "");
            let allowed = if allowed.contains("fail_on") {
                TOP_KEYS.to_string()
            } else {
                allowed
            };
            return format!("unknown key {key}; allowed: {allowed}");
        }
    }
    message.to_string()
}

struct Errors<'a> {
    file: &'a SourceFile,
    list: Vec<ConfigError>,
}

impl Errors<'_> {
    fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let p = self.file.position(span.start);
        self.list.push(ConfigError {
            file: self.file.path.clone(),
            line: p.line,
            column: p.column,
            message: message.into(),
        });
    }
}

fn glob(pattern: &str) -> Result<Glob, String> {
    let mut p = pattern.trim();
    p = p.strip_prefix("./").unwrap_or(p);
    p = p.strip_prefix('/').unwrap_or(p);
    p = p.strip_suffix('/').unwrap_or(p);
    if p.is_empty() {
        return Err("an empty glob matches nothing".into());
    }
    GlobBuilder::new(p)
        .literal_separator(true)
        .build()
        .map_err(|e| e.kind().to_string())
}

fn globs<'a>(
    patterns: impl IntoIterator<Item = &'a Spanned<String>>,
    what: &str,
    errors: &mut Errors,
) -> Option<PathGlob> {
    let mut set = GlobSetBuilder::new();
    let mut any = false;
    for p in patterns {
        match glob(p.get_ref()) {
            Ok(g) => {
                set.add(g);
                any = true;
            }
            Err(e) => errors.at(p.span(), format!("bad {what} glob `{}`: {e}; allowed: `*` (within a directory), `**` (across directories), `?`, `[abc]`, `{{a,b}}`", p.get_ref())),
        }
    }
    if !any {
        return None;
    }
    set.build().ok().map(PathGlob)
}

fn severity(value: &Spanned<String>, key: &str, errors: &mut Errors) -> Option<Severity> {
    match value.get_ref().parse() {
        Ok(s) => Some(s),
        Err(_) => {
            errors.at(
                value.span(),
                format!("bad {key} `{}`; allowed: {SEVERITIES}", value.get_ref()),
            );
            None
        }
    }
}

fn date(value: &Spanned<toml::Value>, errors: &mut Errors) -> Option<Date> {
    let text = match value.get_ref() {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        other => other.to_string(),
    };
    let parsed = Date::parse(text.trim());
    if parsed.is_none() {
        errors.at(
            value.span(),
            format!("bad expires `{text}`; allowed: a date YYYY-MM-DD, e.g. 2027-06-30"),
        );
    }
    parsed
}

/// Reads and parses a config file. `cwd` anchors its display path.
pub fn load(path: &Path, cwd: &Path) -> Result<Config, Vec<ConfigError>> {
    let display = crate::paths::relative(path, cwd);
    let abs = crate::paths::absolute(path, cwd);
    let text = std::fs::read_to_string(&abs).map_err(|e| {
        vec![ConfigError {
            file: display.clone(),
            line: 0,
            column: 0,
            message: format!("cannot read the config file: {e}"),
        }]
    })?;
    let dir = abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf());
    parse(SourceFile::new(display, text), dir)
}

/// Parses config text (`file.path` is its display path; `dir` its directory).
pub fn parse(file: SourceFile, dir: PathBuf) -> Result<Config, Vec<ConfigError>> {
    let mut errors = Errors {
        file: &file,
        list: Vec::new(),
    };
    let raw: Raw = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            errors.at(span, reword(e.message()));
            return Err(errors.list);
        }
    };
    let fail_on = raw
        .fail_on
        .as_ref()
        .and_then(|s| severity(s, "fail_on", &mut errors));
    let exclude = globs(&raw.exclude, "exclude", &mut errors);
    // An empty `enable` reads as "enable nothing", but leaving the key out means every
    // rule: rather than guess, say which of the two to write.
    let enable = match raw.enable {
        Some(list) if list.get_ref().is_empty() => {
            errors.at(list.span(), "enable = [] would enable nothing; to evaluate every rule remove the `enable` key, otherwise list rule ids or criteria, e.g. enable = [\"CC6.1\"]");
            Vec::new()
        }
        Some(list) => list.into_inner(),
        None => Vec::new(),
    };
    let mut rules = Vec::new();
    for (id, table) in raw.rules {
        let mut settings = RuleSettings {
            id,
            severity: None,
            params: Vec::new(),
        };
        for (key, value) in table {
            if key.get_ref() == "severity" {
                match value.get_ref() {
                    toml::Value::String(s) => {
                        settings.severity = severity(
                            &Spanned::new(value.span(), s.clone()),
                            "severity",
                            &mut errors,
                        );
                    }
                    other => errors.at(
                        value.span(),
                        format!("bad severity `{other}`; allowed: {SEVERITIES}"),
                    ),
                }
            } else {
                settings.params.push((key, value));
            }
        }
        rules.push(settings);
    }
    let mut exceptions = Vec::new();
    for entry in raw.exceptions {
        let span = entry.span();
        let line = file.position(span.start).line;
        let e = entry.into_inner();
        let Some(rule) = e.rule else {
            errors.at(
                span,
                "this exception names no `rule`; allowed keys: ".to_string() + EXCEPTION_KEYS,
            );
            continue;
        };
        let reason = e
            .reason
            .as_ref()
            .map(|r| r.get_ref().trim().to_string())
            .unwrap_or_default();
        if reason.is_empty() {
            let at = e.reason.as_ref().map_or(span.clone(), |r| r.span());
            errors.at(at, format!("the exception for {} needs a `reason`: why the finding is acceptable, for the auditor", rule.get_ref()));
        }
        if e.resource.is_none() && e.path.is_none() {
            errors.at(span.clone(), format!("the exception for {} needs a `resource` (address glob) or a `path` (file glob); to turn a rule off everywhere use `disable`", rule.get_ref()));
        }
        let path = e
            .path
            .as_ref()
            .and_then(|p| globs([p], "path", &mut errors));
        let expires = e.expires.as_ref().and_then(|v| date(v, &mut errors));
        exceptions.push(Exception {
            rule,
            resource: e.resource.map(|r| r.into_inner()),
            path,
            reason,
            expires,
            span,
            line,
        });
    }
    if !errors.list.is_empty() {
        return Err(errors.list);
    }
    Ok(Config {
        display: file.path.clone(),
        source: Arc::new(file.clone()),
        dir,
        fail_on,
        exclude,
        enable,
        disable: raw.disable,
        rules,
        exceptions,
    })
}

/// `*` matches any run of characters (dots and brackets included), `?` one character.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// What the config selects from the loaded rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Rule ids that are switched off (policies and soc2gate's own rules).
    pub disabled: BTreeSet<String>,
    /// Parameter overrides by rule id, for `PolicySet::load`.
    pub params: BTreeMap<String, Json>,
    /// Severity overrides by rule id.
    pub severities: BTreeMap<String, Severity>,
}

fn toml_to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Json::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "a table",
    }
}

impl Config {
    /// True when the config excludes the file at display path `display`.
    pub fn excludes(&self, display: &str, cwd: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.matches(&Rebase::new(cwd, &self.dir).rel(display)))
    }

    /// The error for a parameter value that rule `rule` rejected (its `invalid_params`),
    /// at the value in `[rules.<rule>]`, or at that table when the message names no
    /// parameter. `None` when this file does not set the rule's parameters.
    pub fn param_error(
        &self,
        rule: &str,
        name: Option<&str>,
        message: &str,
    ) -> Option<ConfigError> {
        let settings = self.rules.iter().find(|r| r.id.get_ref() == rule)?;
        let (span, message) = match name {
            Some(name) => {
                let (_, value) = settings.params.iter().find(|(k, _)| k.get_ref() == name)?;
                (
                    value.span(),
                    format!("bad value for `{name}` of rule `{rule}`: {message}"),
                )
            }
            None => (settings.id.span(), format!("[rules.{rule}]: {message}")),
        };
        let p = self.source.position(span.start);
        Some(ConfigError {
            file: self.source.path.clone(),
            line: p.line,
            column: p.column,
            message,
        })
    }

    /// Checks rule ids, criteria and parameters against `catalogue` (every loaded rule,
    /// soc2gate's own included) and says which rules run and with what settings.
    pub fn select(&self, catalogue: &[RuleMeta]) -> Result<Selection, Vec<ConfigError>> {
        let mut errors = Errors {
            file: &self.source,
            list: Vec::new(),
        };
        let by_id: BTreeMap<&str, &RuleMeta> =
            catalogue.iter().map(|r| (r.id.as_str(), r)).collect();
        let unknown_rule = |id: &str| {
            let head: String = id.split('-').take(2).collect::<Vec<_>>().join("-");
            let near: Vec<&str> = by_id
                .keys()
                .copied()
                .filter(|k| k.starts_with(&head) || k.contains(id))
                .take(5)
                .collect();
            if near.is_empty() {
                format!("no rule `{id}`; allowed: a rule id from `soc2gate rules`")
            } else {
                format!(
                    "no rule `{id}`; allowed: a rule id from `soc2gate rules`, e.g. {}",
                    near.join(", ")
                )
            }
        };
        let check_names = |list: &[Spanned<String>], key: &str, errors: &mut Errors| {
            for name in list {
                let n = name.get_ref();
                if !by_id.contains_key(n.as_str()) && !is_criterion(n) {
                    errors.at(
                        name.span(),
                        format!("{key}: `{n}` is neither a rule nor a SOC 2 criterion; allowed: a rule id from `soc2gate rules`, or a criterion such as CC6.1, CC8.1, A1.2, C1.1"),
                    );
                }
            }
        };
        check_names(&self.enable, "enable", &mut errors);
        check_names(&self.disable, "disable", &mut errors);
        let named = |list: &[Spanned<String>], r: &RuleMeta| {
            list.iter()
                .any(|n| n.get_ref() == &r.id || r.controls.contains(n.get_ref()))
        };
        let mut selection = Selection::default();
        for r in catalogue {
            // soc2gate's own rules have no criteria: `enable` lists never drop them.
            let enabled = self.enable.is_empty() || r.controls.is_empty() || named(&self.enable, r);
            if !enabled || named(&self.disable, r) {
                selection.disabled.insert(r.id.clone());
            }
        }
        for settings in &self.rules {
            let id = settings.id.get_ref();
            let Some(rule) = by_id.get(id.as_str()) else {
                errors.at(
                    settings.id.span(),
                    format!("[rules.{id}]: {}", unknown_rule(id)),
                );
                continue;
            };
            if let Some(s) = settings.severity {
                selection.severities.insert(id.clone(), s);
            }
            let defaults = rule.params.as_object().cloned().unwrap_or_default();
            let mut params = serde_json::Map::new();
            for (key, value) in &settings.params {
                let allowed = std::iter::once("severity".to_string())
                    .chain(defaults.keys().cloned())
                    .collect::<Vec<_>>()
                    .join(", ");
                let Some(default) = defaults.get(key.get_ref()) else {
                    errors.at(
                        key.span(),
                        format!(
                            "rule `{id}` has no parameter `{}`; allowed: {allowed}",
                            key.get_ref()
                        ),
                    );
                    continue;
                };
                let v = toml_to_json(value.get_ref());
                let kind = json_kind(default);
                if !default.is_null() && json_kind(&v) != kind {
                    errors.at(value.span(), format!("bad value for `{}` of rule `{id}`: it is {}; allowed: {kind}, like its default {default}", key.get_ref(), json_kind(&v)));
                    continue;
                }
                params.insert(key.get_ref().clone(), v);
            }
            if !params.is_empty() && !selection.disabled.contains(id) {
                selection.params.insert(id.clone(), Json::Object(params));
            }
        }
        for e in &self.exceptions {
            if !by_id.contains_key(e.rule.get_ref().as_str()) {
                errors.at(
                    e.rule.span(),
                    format!("exception: {}", unknown_rule(e.rule.get_ref())),
                );
            }
        }
        if errors.list.is_empty() {
            Ok(selection)
        } else {
            Err(errors.list)
        }
    }
}

/// What `soc2gate init` writes.
pub const STARTER: &str = r#"# soc2gate configuration.
#
# soc2gate finds this file by walking up from the first scanned path; `--config FILE`
# names another one. Paths and globs are relative to the directory of this file, and
# every key is optional. `soc2gate rules` lists the rule ids, `soc2gate explain <id>`
# says what a rule checks and which parameters it takes.

# Lowest severity that fails the scan (exit 1): critical, high, medium or low.
# `soc2gate scan --fail-on` overrides it.
fail_on = "low"

# Files not to scan. `*` stays within a directory, `**` crosses directories, and a
# pattern that matches a directory excludes everything under it.
exclude = [
  # "examples/**",
]

# Evaluate only these rules, or the rules of these SOC 2 criteria (all when the key is
# absent; an empty list is an error).
# enable = ["CC6.1", "github-branch-protection-reviews"]

# Never evaluate these rules or criteria; `disable` wins over `enable`.
# disable = ["CC8.1", "aws-s3-versioning"]

# Per rule: a severity override (critical, high, medium, low) and the rule's parameters.
# [rules.aws-s3-versioning]
# severity = "high"

# Exceptions, reviewed with this file. Each names a `rule` and a `reason`, and a
# `resource` (address glob: `*` matches anything) or a `path` (file glob), or both.
# An exception stops suppressing the day after it `expires`, and the report says so.
# [[exceptions]]
# rule = "aws-s3-versioning"
# resource = "aws_s3_bucket.site"
# reason = "static website assets, no customer data"
# expires = 2027-06-30
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, Vec<ConfigError>> {
        parse(
            SourceFile::new("soc2gate.toml", text),
            PathBuf::from("/repo"),
        )
    }

    fn first_error(text: &str) -> String {
        parse_text(text).unwrap_err()[0].to_string()
    }

    fn rule(id: &str, controls: &[&str], params: Json) -> RuleMeta {
        RuleMeta {
            id: id.into(),
            title: String::new(),
            description: String::new(),
            severity: Severity::Medium,
            controls: controls.iter().map(|c| c.to_string()).collect(),
            remediation: String::new(),
            resource_types: Vec::new(),
            scan_resource_types: Vec::new(),
            params,
            package: String::new(),
            source: String::new(),
            examples: Default::default(),
        }
    }

    fn catalogue() -> Vec<RuleMeta> {
        vec![
            rule("aws-s3-versioning", &["A1.2"], serde_json::json!({})),
            rule(
                "aws-lb-modern-tls",
                &["CC6.7"],
                serde_json::json!({"min_tls": "1.2", "allow": []}),
            ),
            rule(
                "github-branch-protection-reviews",
                &["CC8.1"],
                serde_json::json!({"count": 1}),
            ),
            rule("invalid-exception", &[], serde_json::json!({})),
        ]
    }

    #[test]
    fn a_full_config_parses() {
        let c = parse_text(
            r#"fail_on = "high"
exclude = ["examples/**", "legacy/"]
enable = ["CC6.7", "aws-s3-versioning"]
disable = ["github-branch-protection-reviews"]

[rules.aws-lb-modern-tls]
severity = "critical"
min_tls = "1.3"

[[exceptions]]
rule = "aws-s3-versioning"
resource = "aws_s3_bucket.site*"
reason = "static site"
expires = 2027-06-30

[[exceptions]]
rule = "aws-s3-versioning"
path = "infra/**"
reason = "legacy"
expires = "2026-01-01"
"#,
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(Severity::High));
        assert!(c.excludes("examples/a/main.tf", Path::new("/repo")));
        assert!(c.excludes("legacy/main.tf", Path::new("/repo")));
        assert!(!c.excludes("main.tf", Path::new("/repo")));
        assert_eq!(c.exceptions.len(), 2);
        assert_eq!(c.exceptions[0].expires.unwrap().to_string(), "2027-06-30");
        assert_eq!(c.exceptions[0].line, 10);
        assert!(c.exceptions[1]
            .path
            .as_ref()
            .unwrap()
            .matches("infra/x/main.tf"));
        let s = c.select(&catalogue()).unwrap();
        assert_eq!(
            s.disabled,
            BTreeSet::from(["github-branch-protection-reviews".to_string()])
        );
        assert_eq!(s.severities["aws-lb-modern-tls"], Severity::Critical);
        assert_eq!(
            s.params["aws-lb-modern-tls"],
            serde_json::json!({"min_tls": "1.3"})
        );
    }

    #[test]
    fn the_starter_file_parses_and_selects_everything() {
        let c = parse_text(STARTER).unwrap();
        assert_eq!(c.select(&catalogue()).unwrap(), Selection::default());
    }

    #[test]
    fn unknown_keys_name_the_allowed_ones() {
        assert_eq!(
            first_error("fail_on = \"low\"\nfail-on = \"high\"\n"),
            format!("soc2gate.toml:2:1: unknown key `fail-on`; allowed: {TOP_KEYS}")
        );
        let e = first_error(
            "[[exceptions]]\nrule = \"a\"\nreason = \"b\"\npath = \"x\"\nexpiry = 2027-01-01\n",
        );
        assert!(e.starts_with("soc2gate.toml:5:1: unknown key `expiry`; allowed: rule, resource, path, reason, expires"), "{e}");
    }

    #[test]
    fn bad_values_point_at_the_value() {
        assert_eq!(
            first_error("fail_on = \"hgih\"\n"),
            "soc2gate.toml:1:11: bad fail_on `hgih`; allowed: critical, high, medium, low"
        );
        assert_eq!(
            first_error("[rules.aws-s3-versioning]\nseverity = \"urgent\"\n"),
            "soc2gate.toml:2:12: bad severity `urgent`; allowed: critical, high, medium, low"
        );
        assert!(first_error("exclude = \"a\"\n").starts_with("soc2gate.toml:1:11: invalid type"));
        assert!(first_error("exclude = [\"a[\"]\n").contains("bad exclude glob `a[`"));
        assert!(first_error(
            "[[exceptions]]\nrule = \"a\"\npath = \"x\"\nreason = \"r\"\nexpires = \"soon\"\n"
        )
        .starts_with("soc2gate.toml:5:11: bad expires `soon`"));
        assert!(first_error("[[exceptions]]\nrule = \"a\"\npath = \"x\"\n")
            .contains("needs a `reason`"));
        assert!(
            first_error("[[exceptions]]\nrule = \"a\"\nreason = \"x\"\n")
                .contains("needs a `resource`")
        );
        assert!(first_error("fail_on = \n").starts_with("soc2gate.toml:1:"));
    }

    #[test]
    fn selection_checks_ids_criteria_and_parameters() {
        let errors = |text: &str| -> Vec<String> {
            parse_text(text)
                .unwrap()
                .select(&catalogue())
                .unwrap_err()
                .iter()
                .map(|e| e.to_string())
                .collect()
        };
        assert_eq!(
            errors("disable = [\"CC9.9\"]\n"),
            vec!["soc2gate.toml:1:12: disable: `CC9.9` is neither a rule nor a SOC 2 criterion; allowed: a rule id from `soc2gate rules`, or a criterion such as CC6.1, CC8.1, A1.2, C1.1"]
        );
        assert!(errors("[rules.aws-s3-versionin]\nseverity = \"low\"\n")[0]
            .starts_with("soc2gate.toml:1:8: [rules.aws-s3-versionin]: no rule `aws-s3-versionin`; allowed: a rule id from `soc2gate rules`, e.g. aws-s3-versioning"));
        assert_eq!(
            errors("[rules.aws-lb-modern-tls]\nmin = 1\n"),
            vec!["soc2gate.toml:2:1: rule `aws-lb-modern-tls` has no parameter `min`; allowed: severity, min_tls, allow"]
        );
        assert!(
            errors("[rules.github-branch-protection-reviews]\ncount = \"2\"\n")[0]
                .contains("it is a string; allowed: a number")
        );
        assert!(
            errors("[[exceptions]]\nrule = \"nope\"\npath = \"x\"\nreason = \"r\"\n")[0]
                .starts_with("soc2gate.toml:2:8: exception: no rule `nope`")
        );
    }

    #[test]
    fn enable_keeps_only_what_it_names_and_never_drops_own_rules() {
        let c = parse_text("enable = [\"CC8.1\"]\n").unwrap();
        let s = c.select(&catalogue()).unwrap();
        assert!(s.disabled.contains("aws-s3-versioning"));
        assert!(s.disabled.contains("aws-lb-modern-tls"));
        assert!(!s.disabled.contains("github-branch-protection-reviews"));
        assert!(!s.disabled.contains("invalid-exception"));
    }

    #[test]
    fn address_wildcards() {
        assert!(wildcard("aws_s3_bucket.site*", "aws_s3_bucket.site[0]"));
        assert!(wildcard(
            "module.*.aws_s3_bucket.this",
            "module.logs.aws_s3_bucket.this"
        ));
        assert!(wildcard("aws_s3_bucket.this[0]", "aws_s3_bucket.this[0]"));
        assert!(!wildcard("aws_s3_bucket.this", "aws_s3_bucket.this[0]"));
        assert!(wildcard("*", ""));
        assert!(wildcard("a?c", "abc"));
        assert!(!wildcard("a*d", "abc"));
    }

    #[test]
    fn finds_the_nearest_config_walking_up() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        std::fs::write(root.join("a/b/main.tf"), "").unwrap();
        assert_eq!(find(Path::new("a/b"), root), Some(root.join(FILE_NAME)));
        assert_eq!(
            find(Path::new("a/b/main.tf"), root),
            Some(root.join(FILE_NAME))
        );
        std::fs::write(root.join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(
            find(Path::new("a/b"), root),
            Some(root.join("a").join(FILE_NAME))
        );
    }
}
