//! `load_modules`: which directories are roots, where a called directory's problems are
//! reported, what the options apply to.

mod common;

use std::collections::BTreeMap;

use common::*;
use soc2gate_terraform::{load_modules, LoadOptions};

fn scan(files: &[(&str, &str)], opts: &LoadOptions) -> Vec<Loaded> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile::new(*path, *text))
        .collect();
    let mut dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    for f in &sources {
        let dir = f.path.rsplit_once('/').map_or(".", |(d, _)| d);
        dirs.entry(dir.to_string()).or_default().push(f);
    }
    load_modules(&dirs, opts)
}

const CALLER: &str = r#"
variable "name" {
  default = "root-default"
}
module "shared" {
  source = "../shared"
  name   = "from-${var.name}"
}
"#;

const SHARED: &str = r#"
variable "name" {
  default = "module-default"
}
variable "other" {
  default = "module-default"
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
  acl    = var.other
}
"#;

#[test]
fn called_directories_load_only_through_their_callers() {
    let loaded = scan(
        &[
            ("a/main.tf", CALLER),
            ("b/main.tf", CALLER),
            ("shared/main.tf", SHARED),
            ("shared/broken.tf", "resource \"x\" {\n"),
        ],
        &LoadOptions::default(),
    );
    let paths: Vec<&str> = loaded.iter().map(|l| l.module.path.as_str()).collect();
    assert_eq!(paths, ["a", "b"]);
    for l in &loaded {
        let b = resource(l, "module.shared.aws_s3_bucket.b");
        assert_eq!(b.values["bucket"], "from-root-default");
        assert_eq!(b.file, "shared/main.tf");
        assert!(l.module.files.contains(&"shared/main.tf".to_string()));
    }
    // The broken file is reported once, by the first root that uses its directory.
    assert_eq!(loaded[0].errors.len(), 1, "{:#?}", loaded[0].errors);
    assert_eq!(loaded[0].errors[0].location.file, "shared/broken.tf");
    assert!(loaded[1].errors.is_empty(), "{:#?}", loaded[1].errors);
}

#[test]
fn command_line_values_apply_to_roots_only() {
    let opts = LoadOptions {
        vars: vec![
            ("name".into(), "cli".into()),
            ("other".into(), "cli".into()),
        ],
        ..LoadOptions::default()
    };
    let loaded = scan(&[("a/main.tf", CALLER), ("shared/main.tf", SHARED)], &opts);
    assert_eq!(loaded.len(), 1);
    let b = resource(&loaded[0], "module.shared.aws_s3_bucket.b");
    assert_eq!(b.values["bucket"], "from-cli");
    assert_eq!(b.values["acl"], "module-default");
}

#[test]
fn load_module_alone_lists_what_it_cannot_expand() {
    let (loaded, _) = load(&[("infra/main.tf", CALLER)]);
    no_errors(&loaded);
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.unexpanded.len(), 1);
    let u = &loaded.unexpanded[0];
    assert_eq!(
        (u.address.as_str(), u.source.as_str()),
        ("module.shared", "../shared")
    );
    assert_eq!(u.location.file, "infra/main.tf");
    assert_eq!(u.location.start.line, 5);
    assert_eq!(u.reason, "shared holds no Terraform files in this scan");
    assert_eq!(
        u.message(),
        "module.shared (../shared) was not expanded: shared holds no Terraform files in this scan"
    );
}

#[test]
fn a_module_block_inside_a_module_called_twice_is_listed_once() {
    let loaded = scan(
        &[
            (
                "root/main.tf",
                "module \"a\" {\n  source = \"../net\"\n}\nmodule \"b\" {\n  source = \"../net\"\n}\n",
            ),
            (
                "net/main.tf",
                "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n}\n",
            ),
        ],
        &LoadOptions::default(),
    );
    assert_eq!(loaded.len(), 1);
    let listed: Vec<(&str, &str, &str)> = loaded[0]
        .unexpanded
        .iter()
        .map(|u| (u.address.as_str(), u.source.as_str(), u.reason.as_str()))
        .collect();
    assert_eq!(
        listed,
        [(
            "module.a.module.vpc",
            "terraform-aws-modules/vpc/aws",
            "remote sources are not read when loading only the given directories"
        )]
    );
}

#[test]
fn directories_in_a_cycle_still_load_and_report_it() {
    let loaded = scan(
        &[
            (
                "x/main.tf",
                "module \"y\" {\n  source = \"../y\"\n}\nresource \"t_a\" \"x\" {}\n",
            ),
            (
                "y/main.tf",
                "module \"x\" {\n  source = \"../x\"\n}\nresource \"t_a\" \"y\" {}\n",
            ),
        ],
        &LoadOptions::default(),
    );
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].module.path, "x");
    assert_eq!(loaded[0].errors.len(), 1);
    assert!(loaded[0].errors[0].message.contains("cycle"));
    let addresses: Vec<&str> = loaded[0]
        .module
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(addresses, ["t_a.x", "module.y.t_a.y"]);
}

#[test]
fn file_functions_read_nothing_without_roots() {
    let loaded = load_one("resource \"t_x\" \"y\" {\n  v = file(\"Cargo.toml\")\n}\n");
    no_errors(&loaded);
    assert_eq!(resource(&loaded, "t_x.y").unknown, ["v"]);
}

#[test]
fn for_each_over_a_resource_refers_each_instance_to_its_own() {
    let loaded = scan(
        &[
        (
            "infra/main.tf",
            r#"
resource "aws_s3_bucket" "lake" {
  for_each = { raw = "acme-raw", curated = "acme-curated", scratch = "acme-scratch" }
  bucket   = each.value
}
module "encryption" {
  source   = "./encryption"
  for_each = { for key, b in aws_s3_bucket.lake : key => b if key != "scratch" }
  bucket   = each.value.id
}
resource "aws_s3_bucket_versioning" "lake" {
  for_each = aws_s3_bucket.lake
  bucket   = each.value.id
}
resource "aws_s3_bucket_logging" "renamed" {
  for_each = { for key, b in aws_s3_bucket.lake : "logs-${key}" => b }
  bucket   = each.value.id
}
"#,
        ),
        (
            "infra/encryption/main.tf",
            "variable \"bucket\" {}\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"this\" {\n  bucket = var.bucket\n}\n",
        ),
        ],
        &LoadOptions::default(),
    );
    assert_eq!(loaded.len(), 1);
    let loaded = &loaded[0];
    no_errors(loaded);
    let refs = |address: &str| resource(loaded, address).refs["bucket"].clone();
    assert_eq!(
        refs("module.encryption[\"raw\"].aws_s3_bucket_server_side_encryption_configuration.this"),
        ["aws_s3_bucket.lake[\"raw\"]"]
    );
    assert!(loaded
        .module
        .resources
        .iter()
        .all(|r| !r.address.starts_with("module.encryption[\"scratch\"]")));
    assert_eq!(
        refs("aws_s3_bucket_versioning.lake[\"curated\"]"),
        ["aws_s3_bucket.lake[\"curated\"]"]
    );
    // Keys that are not the resource's own: the whole resource, as before.
    assert_eq!(
        refs("aws_s3_bucket_logging.renamed[\"logs-raw\"]"),
        ["aws_s3_bucket.lake"]
    );
}
