//! The source map, parse errors and recovery, and robustness on bad input.

mod common;

use common::*;

#[test]
fn source_map_spans() {
    let text = r#"resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
  policy = jsonencode({
    Statement = [
      {
        Action = "*"
      },
    ]
  })
}
"#;
    let (loaded, files) = load(&[("infra/main.tf", text)]);
    no_errors(&loaded);
    let file = &files[0];
    let spans = &loaded.module.source_map.resources["aws_s3_bucket.logs"];
    assert_eq!(spans.file, "infra/main.tf");
    let at = |span| {
        let loc = file.locate(span);
        (
            loc.start.line,
            loc.start.column,
            loc.end.line,
            loc.end.column,
        )
    };
    assert_eq!(at(spans.header), (1, 1, 1, 32));
    assert_eq!(
        &text[spans.header.start..spans.header.end],
        "resource \"aws_s3_bucket\" \"logs\""
    );
    assert_eq!(at(spans.block), (1, 1, 17, 2));
    assert_eq!(at(spans.attributes["bucket"]), (2, 3, 2, 18));
    assert_eq!(
        at(spans.attributes["server_side_encryption_configuration[0]"]),
        (3, 3, 3, 39)
    );
    assert_eq!(
        at(spans.attributes["server_side_encryption_configuration[0].rule[0]"]),
        (4, 5, 4, 9)
    );
    let sse = "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm";
    assert_eq!(at(spans.attributes[sse]), (6, 9, 6, 34));
    assert_eq!(at(spans.attributes["policy"]), (10, 3, 16, 5));
    assert_eq!(at(spans.attributes["policy.Statement"]), (11, 5, 15, 6));
    assert_eq!(at(spans.attributes["policy.Statement[0]"]), (12, 7, 14, 8));
    assert_eq!(
        at(spans.attributes["policy.Statement[0].Action"]),
        (13, 9, 13, 21)
    );

    // Locating a finding on a path inside an unrecorded leaf falls back to its parent.
    let (_, span) = loaded
        .module
        .source_map
        .locate(
            "aws_s3_bucket.logs",
            &AttrPath::parse("policy.Statement[0].Action").to_string(),
        )
        .unwrap();
    assert_eq!(at(span), (13, 9, 13, 21));
}

/// The line where each recorded path of `address` starts, `None` where it is not recorded.
fn lines<'a>(
    loaded: &Loaded,
    files: &[SourceFile],
    address: &str,
    paths: &[&'a str],
) -> Vec<(&'a str, Option<usize>)> {
    let spans = &loaded.module.source_map.resources[address];
    let file = files.iter().find(|f| f.path == spans.file).unwrap();
    paths
        .iter()
        .map(|p| {
            (
                *p,
                spans.attributes.get(*p).map(|s| file.locate(*s).start.line),
            )
        })
        .collect()
}

#[test]
fn element_spans_follow_locals_merge_and_concat_to_where_elements_are_written() {
    let text = r#"locals {
  base = { Version = "2012-10-17", Statement = [{ Action = "stale" }] }
  read = [
    { Action = ["s3:GetObject"] },
  ]
  admin = [
    { Action = ["ec2:*"] },
  ]
}

resource "aws_iam_policy" "p" {
  policy = jsonencode(merge(local.base, {
    Statement = concat(local.read, local.admin, [{ Action = "iam:*" }])
  }))
}

resource "aws_iam_policy" "opaque" {
  policy = jsonencode(merge(local.base, var.overrides))
}

resource "aws_iam_policy" "after_unknown" {
  policy = jsonencode({ Statement = concat(var.statements, local.admin) })
}

resource "aws_iam_policy" "elsewhere" {
  policy = jsonencode({ Statement = local.shared })
}
"#;
    let (loaded, files) = load(&[
        ("infra/main.tf", text),
        (
            "infra/locals.tf",
            "locals {\n  shared = [{ Action = \"*\" }]\n}\n",
        ),
    ]);
    no_errors(&loaded);
    assert_eq!(
        lines(
            &loaded,
            &files,
            "aws_iam_policy.p",
            &[
                "policy.Version",
                "policy.Statement",
                "policy.Statement[0].Action",
                "policy.Statement[1].Action",
                "policy.Statement[2].Action",
            ]
        ),
        [
            // From the local the document is merged from.
            ("policy.Version", Some(2)),
            ("policy.Statement", Some(13)),
            // Concatenated from two locals and a literal, each where it is written.
            ("policy.Statement[0].Action", Some(4)),
            ("policy.Statement[1].Action", Some(7)),
            ("policy.Statement[2].Action", Some(13)),
        ]
    );
    // `var.overrides` may replace any key: nothing of `local.base` is kept.
    assert_eq!(
        lines(
            &loaded,
            &files,
            "aws_iam_policy.opaque",
            &["policy", "policy.Version", "policy.Statement[0].Action"]
        ),
        [
            ("policy", Some(18)),
            ("policy.Version", None),
            ("policy.Statement[0].Action", None)
        ]
    );
    // After a list of unknown length, the indices are unknown.
    assert_eq!(
        lines(
            &loaded,
            &files,
            "aws_iam_policy.after_unknown",
            &["policy.Statement", "policy.Statement[0].Action"]
        ),
        [
            ("policy.Statement", Some(22)),
            ("policy.Statement[0].Action", None)
        ]
    );
    // A local of another file: the source map points into the resource's file only.
    assert_eq!(
        lines(
            &loaded,
            &files,
            "aws_iam_policy.elsewhere",
            &["policy.Statement", "policy.Statement[0]"]
        ),
        [
            ("policy.Statement", Some(26)),
            ("policy.Statement[0]", None)
        ]
    );
}

#[test]
fn duplicate_attribute_is_an_error_and_the_first_is_kept() {
    let (loaded, files) = load(&[
        (
            "infra/main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n  acl = \"public-read\"\n  tags = {}\n}\n",
        ),
        ("infra/other.tf", "resource \"t_x\" \"y\" {\n  a = 1\n}\n"),
    ]);
    assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
    let err = &loaded.errors[0];
    assert_eq!(err.location.file, "infra/main.tf");
    assert_eq!(err.location.start, Position { line: 3, column: 3 });
    assert!(err.message.contains("\"acl\""), "{}", err.message);
    assert!(err.help.is_some());
    let b = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(values(b), json!({"acl": "private", "tags": {}}));
    // The spans of what follows the duplicate are still true.
    let span = loaded.module.source_map.resources["aws_s3_bucket.b"].attributes["tags"];
    assert_eq!(files[0].locate(span).start, Position { line: 4, column: 3 });
    assert_eq!(values(resource(&loaded, "t_x.y")), json!({"a": 1}));
    // The parse-only API rejects the file, as Terraform does.
    assert!(parse(&files[0]).is_err());
}

#[test]
fn duplicates_in_nested_blocks_and_several_in_a_file() {
    let loaded = load_one(
        "resource \"t_x\" \"y\" {\n  a = 1\n  n {\n    b = 1\n    b = 2\n    b = 3\n  }\n  a = 2\n}\n",
    );
    assert_eq!(loaded.errors.len(), 3, "{:#?}", loaded.errors);
    let lines: Vec<usize> = loaded
        .errors
        .iter()
        .map(|e| e.location.start.line)
        .collect();
    assert_eq!(lines, [5, 6, 8]);
    assert_eq!(
        values(resource(&loaded, "t_x.y")),
        json!({"a": 1, "n": [{"b": 1}]})
    );
}

#[test]
fn parse_error_is_located_and_other_files_still_load() {
    let (loaded, files) = load(&[
        (
            "infra/bad.tf",
            "resource \"t_x\" \"a\" {\n  a = 1\n  b = \n}\n",
        ),
        ("infra/good.tf", "resource \"t_x\" \"b\" {}\n"),
    ]);
    assert_eq!(loaded.errors.len(), 1);
    let err = &loaded.errors[0];
    assert_eq!(err.location.file, "infra/bad.tf");
    assert_eq!(err.location.start.line, 3);
    assert!(
        err.message.starts_with("HCL syntax error: "),
        "{}",
        err.message
    );
    assert!(!err.message.contains('\n'));
    assert!(err.help.as_deref().unwrap().contains("not scan"));
    assert_eq!(loaded.module.resources.len(), 1);
    assert_eq!(loaded.module.resources[0].address, "t_x.b");
    assert_eq!(loaded.module.files, ["infra/good.tf"]);

    let direct = parse(&files[0]).unwrap_err();
    assert_eq!(direct.location, err.location);
    assert!(parse(&files[1]).is_ok());
}

#[test]
fn unclosed_block_error_points_at_its_end() {
    let file = SourceFile::new("m.tf", "resource \"t_x\" \"a\" {\n  a = 1\n");
    let err = parse(&file).unwrap_err();
    // The parser reports the end of the input as just past the last line's end.
    assert_eq!(err.location.start, Position { line: 2, column: 9 });
    assert!(err.message.contains("expected"), "{}", err.message);
}

#[test]
fn byte_order_mark_is_accepted() {
    let loaded = load_one("\u{feff}resource \"t_x\" \"a\" {\n  a = 1\n}\n");
    no_errors(&loaded);
    assert_eq!(values(resource(&loaded, "t_x.a")), json!({"a": 1}));
}

/// A small deterministic generator: no dependency, and a failure reproduces.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn garbage_and_truncated_input_never_panics() {
    let fixture = include_str!("../../../testdata/loader/terraform/split_s3/main.tf");
    let mut inputs: Vec<String> = Vec::new();
    // Every prefix of a real file, cut at each character boundary.
    for (i, _) in fixture.char_indices() {
        inputs.push(fixture[..i].to_string());
    }
    let alphabet: Vec<char> = "{}[]()\"'$%~<>=!?:,.*/\\#-+\n \t0123456789abcdefxyz_é\u{0}\u{feff}"
        .chars()
        .collect();
    let mut seed = 7;
    for _ in 0..2000 {
        let len = (lcg(&mut seed) % 80) as usize;
        inputs.push(
            (0..len)
                .map(|_| alphabet[(lcg(&mut seed) as usize) % alphabet.len()])
                .collect(),
        );
    }
    // Mutations of the fixture: one character replaced.
    for _ in 0..500 {
        let mut chars: Vec<char> = fixture.chars().collect();
        let at = (lcg(&mut seed) as usize) % chars.len();
        chars[at] = alphabet[(lcg(&mut seed) as usize) % alphabet.len()];
        inputs.push(chars.into_iter().collect());
    }
    inputs.push("a = 1\na = 2\na = 3\n".into());
    inputs.push("x = \"é".into());
    inputs.push(
        "locals {\n a = [for x in local.a : x]\n}\nresource \"t\" \"n\" {\n v = local.a\n}\n"
            .into(),
    );
    for input in &inputs {
        let file = SourceFile::new("infra/main.tf", input.as_str());
        let _ = parse(&file);
        let loaded = load_module("infra", &[&file]);
        for err in &loaded.errors {
            assert_eq!(err.location.file, "infra/main.tf");
            assert!(err.location.span.end <= input.len());
        }
    }
}

#[test]
fn long_local_chains_do_not_exhaust_the_stack() {
    let mut text = String::from(
        "resource \"t_x\" \"y\" {\n  known = local.k0\n  ref = local.r0\n}\n\
         resource \"t_x\" \"z\" {}\nlocals {\n",
    );
    for i in 0..3000 {
        text.push_str(&format!("  k{i} = local.k{}\n", i + 1));
        text.push_str(&format!("  r{i} = local.r{}\n", i + 1));
    }
    text.push_str("  k3000 = \"end\"\n  r3000 = t_x.z.id\n}\n");
    let loaded = load_one(&text);
    no_errors(&loaded);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(values(r), json!({"known": "end"}));
    assert_eq!(r.unknown, ["ref"]);
    assert_eq!(r.refs["ref"], ["t_x.z"]);
}

#[test]
fn duplicate_object_keys_are_accepted_and_the_last_wins() {
    // Terraform accepts a repeated key in an object expression; the parser does not.
    let loaded = load_one(
        "resource \"t_x\" \"y\" {\n  groups = {\n    a = {\n      port = 80\n      name = \"x\"\n      port = 81\n    }\n    \"q.r\" = 1\n    \"q.r\" = 2\n  }\n}\n",
    );
    no_errors(&loaded);
    assert_eq!(
        values(resource(&loaded, "t_x.y")),
        json!({"groups": {"a": {"port": 81, "name": "x"}, "q.r": 2}})
    );
}

#[test]
fn garbage_json_configurations_and_plans_never_panic() {
    use std::collections::BTreeMap;
    let tf_json = include_str!("../../../testdata/loader/terraform/tf_json/main.tf.json");
    let plan = include_str!("../../../testdata/loader/terraform/plan_only/plan.json");
    let alphabet: Vec<char> = "{}[]\":,$%~\\ntruefalsenul0123456789-.eE é\u{0}"
        .chars()
        .collect();
    let mut seed = 11;
    for (i, base) in [tf_json, plan].iter().enumerate() {
        let mut inputs: Vec<String> = base
            .char_indices()
            .step_by(7)
            .map(|(at, _)| base[..at].to_string())
            .collect();
        for _ in 0..300 {
            let mut chars: Vec<char> = base.chars().collect();
            for _ in 0..3 {
                let at = (lcg(&mut seed) as usize) % chars.len();
                chars[at] = alphabet[(lcg(&mut seed) as usize) % alphabet.len()];
            }
            inputs.push(chars.into_iter().collect());
        }
        for input in &inputs {
            let name = if i == 0 {
                "infra/main.tf.json"
            } else {
                "infra/plan.json"
            };
            let file = SourceFile::new(name, input.as_str());
            let loaded = if i == 0 {
                load_module("infra", &[&file])
            } else {
                soc2gate_terraform::load_plan(&file, &BTreeMap::new(), &Default::default())
            };
            for err in &loaded.errors {
                assert_eq!(err.location.file, name);
                assert!(err.location.span.end <= input.len());
            }
        }
    }
}
