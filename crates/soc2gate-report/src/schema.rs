//! Validation against the official SARIF 2.1.0 schema.
//!
//! The schema in `schema/sarif-schema-2.1.0.json` is the OASIS one, with one change: its
//! two `language` patterns, `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, have a stray `]`
//! that ECMAScript reads as a literal but the `jsonschema` crate's regex engine rejects.
//! It is escaped (`\]?`), which keeps the ECMAScript meaning.

use std::sync::LazyLock;

use jsonschema::Validator;
use serde_json::Value;

const SARIF_SCHEMA: &str = include_str!("../schema/sarif-schema-2.1.0.json");

/// Compiled once: the schema is 110 KB.
static VALIDATOR: LazyLock<Result<Validator, String>> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(SARIF_SCHEMA).map_err(|e| e.to_string())?;
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| e.to_string())
});

/// Checks a SARIF log against the SARIF 2.1.0 schema; each error names its JSON path.
pub fn validate_sarif(json: &Value) -> Result<(), Vec<String>> {
    let validator = VALIDATOR
        .as_ref()
        .map_err(|e| vec![format!("the SARIF 2.1.0 schema does not compile: {e}")])?;
    let errors: Vec<String> = validator
        .iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_vendored_schema_compiles_and_rejects_bad_logs() {
        let minimal = json!({"version": "2.1.0", "runs": []});
        assert_eq!(validate_sarif(&minimal), Ok(()));
        let errors = validate_sarif(&json!({"version": "2.0.0", "runs": []})).unwrap_err();
        assert!(errors.iter().any(|e| e.contains("/version")), "{errors:?}");
    }

    #[test]
    fn language_patterns_keep_their_meaning() {
        let with_language = |lang: &str| {
            json!({"version": "2.1.0", "runs": [
                {"tool": {"driver": {"name": "t", "language": lang}}}
            ]})
        };
        assert_eq!(validate_sarif(&with_language("en-US")), Ok(()));
        assert_eq!(validate_sarif(&with_language("en")), Ok(()));
        assert!(validate_sarif(&with_language("1")).is_err());
    }
}
