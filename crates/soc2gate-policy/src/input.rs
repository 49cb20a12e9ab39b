//! The policy input of one unit, as regorus values: the resources by type and, built once
//! per unit, the indexes that turn a policy's join into a lookup instead of a scan of every
//! resource of a type (which made modules of thousands of resources quadratic).
//!
//! - `referrers`: address as written in `refs` -> resource type -> the resources of that
//!   type whose `refs` name it (in any attribute).
//! - `names`: join attribute -> literal string value -> resource type -> the resources of
//!   that type whose top-level attribute has that value ([`NAME_ATTRIBUTES`]).
//! - `addresses`: address -> the resources a reference to it names: the resource at that
//!   address and, for a resource expanded by `count`/`for_each`, each of its instances
//!   under the address without instance key.
//!
//! Every list is in address order. A resource value is shared by the input and every
//! index entry naming it (regorus values are reference counted), so the indexes cost
//! pointers, not copies.

use std::collections::{BTreeMap, BTreeSet};

use regorus::Value as RegoValue;
use soc2gate_model::{Module, Resource};

/// The top-level attributes by whose literal value rules join resources: an S3 bucket's
/// name and the `bucket` of its companion resources; a GitHub repository's `name` and the
/// `repository`/`repository_id` of its protections, rulesets and default branch.
pub const NAME_ATTRIBUTES: &[&str] = &["bucket", "name", "repository", "repository_id"];

type ByType<'a> = BTreeMap<&'a str, Vec<RegoValue>>;

/// `{"resources": ..., "referrers": ..., "names": ..., "addresses": ...}` for `unit`.
pub fn policy_input(unit: &Module) -> RegoValue {
    let mut sorted: Vec<&Resource> = unit.resources.iter().collect();
    sorted.sort_by(|a, b| (&a.rtype, &a.address).cmp(&(&b.rtype, &b.address)));
    let values: Vec<RegoValue> = sorted.iter().map(|r| resource_value(r)).collect();

    let mut resources: ByType = BTreeMap::new();
    let mut referrers: BTreeMap<&str, ByType> = BTreeMap::new();
    let mut names: BTreeMap<&str, BTreeMap<&str, ByType>> = NAME_ATTRIBUTES
        .iter()
        .map(|a| (*a, BTreeMap::new()))
        .collect();
    let mut addresses: BTreeMap<&str, Vec<RegoValue>> = BTreeMap::new();
    // Instances are recorded under their resource's address after the exact addresses, so
    // that each list stays in address order whatever the types.
    let mut instances: Vec<(String, &RegoValue)> = Vec::new();

    for (r, value) in sorted.iter().zip(&values) {
        let t = r.rtype.as_str();
        resources.entry(t).or_default().push(value.clone());
        // A resource naming one address in several attributes is listed once.
        let targets: BTreeSet<&str> = r.refs.values().flatten().map(String::as_str).collect();
        for target in targets {
            referrers
                .entry(target)
                .or_default()
                .entry(t)
                .or_default()
                .push(value.clone());
        }
        for (attribute, by_value) in names.iter_mut() {
            if let Some(serde_json::Value::String(name)) = r.values.get(*attribute) {
                by_value
                    .entry(name)
                    .or_default()
                    .entry(t)
                    .or_default()
                    .push(value.clone());
            }
        }
        addresses.entry(&r.address).or_default().push(value.clone());
        if let Some(base) = without_instance_key(&r.address) {
            instances.push((base.to_string(), value));
        }
    }
    // Instances in address order under their base, after the resource (if any) that has
    // the base address itself.
    instances.sort_by(|a, b| a.0.cmp(&b.0));
    let mut addresses: BTreeMap<String, Vec<RegoValue>> = addresses
        .into_iter()
        .map(|(a, v)| (a.to_string(), v))
        .collect();
    for (base, value) in instances {
        addresses.entry(base).or_default().push(value.clone());
    }

    let mut input = BTreeMap::new();
    input.insert(key("resources"), by_type(resources));
    input.insert(
        key("referrers"),
        object(referrers.into_iter().map(|(a, t)| (key(a), by_type(t)))),
    );
    input.insert(
        key("names"),
        object(names.into_iter().map(|(attribute, by_value)| {
            (
                key(attribute),
                object(by_value.into_iter().map(|(v, t)| (key(v), by_type(t)))),
            )
        })),
    );
    input.insert(
        key("addresses"),
        object(
            addresses
                .into_iter()
                .map(|(a, v)| (key(&a), RegoValue::from(v))),
        ),
    );
    RegoValue::from(input)
}

/// One resource as the policies see it (the serialized [`Resource`]).
fn resource_value(r: &Resource) -> RegoValue {
    RegoValue::from(serde_json::to_value(r).expect("resource serializes"))
}

fn key(s: &str) -> RegoValue {
    RegoValue::from(s)
}

fn object(entries: impl Iterator<Item = (RegoValue, RegoValue)>) -> RegoValue {
    RegoValue::from(entries.collect::<BTreeMap<_, _>>())
}

fn by_type(by_type: ByType) -> RegoValue {
    object(
        by_type
            .into_iter()
            .map(|(t, list)| (key(t), RegoValue::from(list))),
    )
}

/// The address without its last instance key (`aws_s3_bucket.b` for `aws_s3_bucket.b[0]`
/// and `aws_s3_bucket.b["logs"]`), `None` when it has none. Keys of module calls before
/// the resource's own are kept: references inside a module instance name its resources
/// with them.
pub fn without_instance_key(address: &str) -> Option<&str> {
    if !address.ends_with(']') {
        return None;
    }
    // The last top-level `[`, skipping brackets inside quoted keys.
    let mut open = None;
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in address.char_indices() {
        if quoted {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                quoted = false;
            }
        } else if c == '"' {
            quoted = true;
        } else if c == '[' {
            open = Some(i);
        }
    }
    open.filter(|&i| i > 0).map(|i| &address[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Map, Value};
    use soc2gate_model::{Mode, ModuleKind};

    fn resource(address: &str, values: Value, refs: &[(&str, &[&str])]) -> Resource {
        let (rtype, name) = {
            let base = without_instance_key(address).unwrap_or(address);
            let mut parts = base.rsplitn(2, '.');
            let name = parts.next().unwrap().to_string();
            let rtype = parts
                .next()
                .unwrap()
                .rsplit('.')
                .next()
                .unwrap()
                .to_string();
            (rtype, name)
        };
        Resource {
            address: address.into(),
            mode: Mode::Managed,
            provider: Resource::provider_of(&rtype),
            rtype,
            name,
            module: String::new(),
            file: "main.tf".into(),
            values: values.as_object().cloned().unwrap_or_else(Map::new),
            unknown: vec![],
            refs: refs
                .iter()
                .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
                .collect(),
            expressions: Default::default(),
        }
    }

    fn addresses_of(v: &RegoValue) -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["address"].as_string().unwrap().to_string())
            .collect()
    }

    #[test]
    fn instance_keys_are_stripped_once_and_quotes_respected() {
        assert_eq!(without_instance_key("aws_s3_bucket.b"), None);
        assert_eq!(
            without_instance_key("aws_s3_bucket.b[0]"),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(
            without_instance_key(r#"module.m["a"].aws_s3_bucket.b["x[1]"]"#),
            Some(r#"module.m["a"].aws_s3_bucket.b"#)
        );
        assert_eq!(
            without_instance_key(r#"module.m["a"].aws_s3_bucket.b"#),
            None
        );
    }

    #[test]
    fn indexes_referrers_names_and_addresses() {
        let mut unit = Module::new(".", ModuleKind::Terraform);
        unit.resources = vec![
            resource(
                "aws_s3_bucket_versioning.v",
                json!({"bucket": "acme"}),
                &[("bucket", &["aws_s3_bucket.b"])],
            ),
            resource("aws_s3_bucket.b[1]", json!({"bucket": "acme"}), &[]),
            resource("aws_s3_bucket.b[0]", json!({}), &[]),
            resource(
                "aws_s3_bucket_policy.p",
                json!({}),
                &[
                    ("bucket", &["aws_s3_bucket.b"]),
                    ("policy", &["aws_s3_bucket.b", "aws_s3_bucket.c"]),
                ],
            ),
        ];
        let input = policy_input(&unit);
        assert_eq!(
            addresses_of(&input["resources"]["aws_s3_bucket"]),
            ["aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"]
        );
        let referrers = &input["referrers"]["aws_s3_bucket.b"];
        assert_eq!(
            addresses_of(&referrers["aws_s3_bucket_policy"]),
            ["aws_s3_bucket_policy.p"],
            "listed once though it names the bucket twice"
        );
        assert_eq!(
            addresses_of(&referrers["aws_s3_bucket_versioning"]),
            ["aws_s3_bucket_versioning.v"]
        );
        assert_eq!(
            addresses_of(&input["referrers"]["aws_s3_bucket.c"]["aws_s3_bucket_policy"]),
            ["aws_s3_bucket_policy.p"]
        );
        let acme = &input["names"]["bucket"]["acme"];
        assert_eq!(addresses_of(&acme["aws_s3_bucket"]), ["aws_s3_bucket.b[1]"]);
        assert_eq!(
            addresses_of(&acme["aws_s3_bucket_versioning"]),
            ["aws_s3_bucket_versioning.v"]
        );
        assert_eq!(
            input["names"]["repository"],
            RegoValue::new_object(),
            "every join attribute is present, so policies can tell indexed from absent"
        );
        assert_eq!(
            addresses_of(&input["addresses"]["aws_s3_bucket.b"]),
            ["aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"]
        );
        assert_eq!(
            addresses_of(&input["addresses"]["aws_s3_bucket.b[1]"]),
            ["aws_s3_bucket.b[1]"]
        );
        // The index shares the input's values: same resource, same value.
        assert_eq!(
            input["referrers"]["aws_s3_bucket.b"]["aws_s3_bucket_versioning"][0],
            input["resources"]["aws_s3_bucket_versioning"][0]
        );
    }
}
