//! Value checks of rule parameters. A rule may define
//! `invalid_params contains message if {...}`: a set of strings, each naming a parameter
//! and saying what is allowed. [`crate::PolicySet::load`] evaluates it with the effective
//! parameters (METADATA defaults merged with overrides), so that a value the rule cannot
//! use stops the scan with a clear error instead of making the rule judge wrongly.

use regorus::{Engine, Value as RegoValue};
use serde_json::{Map, Value};
use soc2gate_model::RuleMeta;

use crate::{InvalidParam, PolicyError};

/// The rule a policy defines to reject parameter values.
pub const INVALID_PARAMS: &str = "invalid_params";

/// The errors of `rule`'s `invalid_params` (none when it does not define it). `engine` has
/// the rule compiled and `data.params` set; `text` is the policy's source, for the line.
pub(crate) fn check(
    engine: &mut Engine,
    rule: &RuleMeta,
    text: &str,
    overrides: Option<&Map<String, Value>>,
    effective: &Map<String, Value>,
) -> Vec<PolicyError> {
    if !engine
        .has_declared_rule_rooted_at(&rule.source, INVALID_PARAMS)
        .unwrap_or(false)
    {
        return Vec::new();
    }
    let line = text
        .lines()
        .position(|l| l.starts_with(INVALID_PARAMS))
        .map_or(0, |i| i + 1);
    let fail = |message: String| PolicyError::new(&rule.source, line, message);
    let messages = match engine.eval_rule(format!("data.{}.{INVALID_PARAMS}", rule.package)) {
        Ok(RegoValue::Undefined) => return Vec::new(),
        Ok(RegoValue::Set(set)) => set.iter().cloned().collect::<Vec<_>>(),
        Ok(other) => {
            return vec![fail(format!(
                "rule `{}`: `{INVALID_PARAMS}` must be a set of strings, got {other}",
                rule.id
            ))]
        }
        Err(e) => {
            return vec![fail(format!(
                "rule `{}`: `{INVALID_PARAMS}` cannot be evaluated: {e}",
                rule.id
            ))]
        }
    };
    messages
        .iter()
        .map(|m| {
            let Ok(message) = m.as_string() else {
                return fail(format!(
                    "rule `{}`: `{INVALID_PARAMS}` must be a set of strings, got {m}",
                    rule.id
                ));
            };
            let name = named_param(message, effective);
            let overridden = match (&name, overrides) {
                (Some(n), Some(o)) => o.contains_key(n),
                (None, Some(o)) => !o.is_empty(),
                _ => false,
            };
            let origin = if overridden {
                "the value it was given"
            } else {
                "the default in its METADATA `custom.params`"
            };
            let mut error = fail(format!("rule `{}` rejects {origin}: {message}", rule.id));
            error.param = Some(Box::new(InvalidParam {
                rule: rule.id.clone(),
                name,
                overridden,
                message: message.to_string(),
            }));
            error
        })
        .collect()
}

/// The parameter a message is about: the longest parameter name it contains as a word.
fn named_param(message: &str, params: &Map<String, Value>) -> Option<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    params
        .keys()
        .filter(|name| {
            message.match_indices(name.as_str()).any(|(at, _)| {
                let before = message[..at].chars().next_back();
                let after = message[at + name.len()..].chars().next();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
        })
        .max_by_key(|name| name.len())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_parameter_is_the_longest_whole_word() {
        let params: Map<String, Value> =
            serde_json::from_str(r#"{"min_days": 1, "min_days_archive": 2, "days": 3}"#).unwrap();
        assert_eq!(
            named_param("min_days_archive must be at least 30", &params).as_deref(),
            Some("min_days_archive")
        );
        assert_eq!(
            named_param("`min_days` must be positive", &params).as_deref(),
            Some("min_days")
        );
        assert_eq!(named_param("nothing here", &params), None);
    }
}
