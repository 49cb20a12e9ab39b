//! Scan throughput over a generated corpus of Terraform modules with typical AWS and GitHub
//! resources: the full scan (discover, read, parse, evaluate, locate) and parse only.
//!
//! `cargo bench --bench scan` (options after `--`: `--files N`, `--iterations N`,
//! `--keep DIR` to write the corpus to DIR and keep it, e.g. to time other tools on it,
//! `--per-rule` to time each rule alone, `--core-corpus` for the corpus of the scanning
//! core's first benchmark: S3, load balancers, IAM and GitHub resources only).
//! Prints the median of the iterations as files/s, MB/s and resources/s: parse only, the
//! full scan with the core's headline rules, the full scan with the whole catalogue, and
//! that scan with and without writing evidence (interleaved), with what evidence adds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use soc2gate_model::SourceFile;
use soc2gate_policy::{builtin_sources, PolicyKind, PolicySet};

// The same allocator as the binary, so the figures are the ones users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FILES_PER_MODULE: usize = 10;

/// One file's worth of resources; `i` varies names and which controls are violated.
fn file_text(module: usize, i: usize) -> String {
    let n = module * FILES_PER_MODULE + i;
    let sse = if n % 3 == 0 {
        String::new()
    } else {
        format!(
            r#"
resource "aws_s3_bucket_server_side_encryption_configuration" "data_{i}" {{
  bucket = aws_s3_bucket.data_{i}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }}
  }}
}}
"#
        )
    };
    let ssl_policy = match n % 4 {
        0 => "ELBSecurityPolicy-2016-08",
        1 => "ELBSecurityPolicy-TLS13-1-2-2021-06",
        _ => "ELBSecurityPolicy-TLS-1-2-2017-01",
    };
    let action = if n % 5 == 0 {
        "\"*\""
    } else {
        "[\"s3:GetObject\", \"s3:ListBucket\"]"
    };
    format!(
        r#"# Generated benchmark file {n}
resource "aws_s3_bucket" "data_{i}" {{
  bucket = "acme-{module}-data-{i}"
  tags = {{
    owner       = "platform"
    environment = local.environment
  }}
}}
{sse}
resource "aws_s3_bucket_policy" "data_{i}" {{
  bucket = aws_s3_bucket.data_{i}.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data_{i}.arn, "${{aws_s3_bucket.data_{i}.arn}}/*"]
      Condition = {{ Bool = {{ "aws:SecureTransport" = "false" }} }}
    }}]
  }})
}}

resource "aws_lb_listener" "https_{i}" {{
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "{ssl_policy}"
  certificate_arn   = var.certificate_arn
  default_action {{
    type             = "forward"
    target_group_arn = var.target_group_arn
  }}
}}

resource "aws_iam_policy" "reader_{i}" {{
  name = "reader-{n}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = {action}
      Resource = "arn:aws:s3:::acme-{module}-data-{i}/*"
    }}]
  }})
}}

resource "github_branch_protection" "main_{i}" {{
  repository_id  = "repo-{n}"
  pattern        = "main"
  enforce_admins = {enforce}
  required_status_checks {{
    strict   = true
    contexts = ["ci"]
  }}
  required_pull_request_reviews {{
    required_approving_review_count = {reviews}
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }}
}}
"#,
        enforce = n % 2 == 0,
        reviews = n % 3,
    )
}

/// Resources of the rest of the catalogue (databases, networks, keys, logs, queues...),
/// a different family mix per file so every rule finds work in some modules.
fn catalogue_text(module: usize, i: usize) -> String {
    let n = module * FILES_PER_MODULE + i;
    let on = n % 2 == 0;
    match n % 4 {
        0 => format!(
            r#"
resource "aws_db_instance" "app_{i}" {{
  identifier              = "app-{n}"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 20
  storage_encrypted       = {on}
  publicly_accessible     = false
  backup_retention_period = {retention}
  deletion_protection     = {on}
}}

resource "aws_security_group" "app_{i}" {{
  name   = "app-{n}"
  vpc_id = var.vpc_id
  ingress {{
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{ssh_cidr}"]
  }}
}}

resource "aws_kms_key" "app_{i}" {{
  description         = "app {n}"
  enable_key_rotation = {on}
}}
"#,
            retention = if on { 14 } else { 1 },
            ssh_cidr = if on { "10.0.0.0/8" } else { "0.0.0.0/0" },
        ),
        1 => format!(
            r#"
resource "aws_instance" "worker_{i}" {{
  ami           = var.ami_id
  instance_type = "t3.micro"
  root_block_device {{
    encrypted = {on}
  }}
  metadata_options {{
    http_tokens = "{tokens}"
  }}
}}

resource "aws_ebs_volume" "data_{i}" {{
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = {on}
}}

resource "aws_cloudwatch_log_group" "app_{i}" {{
  name              = "/app/{n}"
  retention_in_days = {days}
}}

resource "aws_sqs_queue" "jobs_{i}" {{
  name                    = "jobs-{n}"
  sqs_managed_sse_enabled = {on}
}}
"#,
            tokens = if on { "required" } else { "optional" },
            days = if on { 400 } else { 30 },
        ),
        2 => format!(
            r#"
resource "aws_dynamodb_table" "items_{i}" {{
  name         = "items-{n}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {{
    name = "id"
    type = "S"
  }}
  point_in_time_recovery {{
    enabled = {on}
  }}
}}

resource "aws_sns_topic" "events_{i}" {{
  name = "events-{n}"
}}

resource "aws_ecr_repository" "app_{i}" {{
  name                 = "app-{n}"
  image_tag_mutability = "{mutability}"
  image_scanning_configuration {{
    scan_on_push = {on}
  }}
}}
"#,
            mutability = if on { "IMMUTABLE" } else { "MUTABLE" },
        ),
        _ => format!(
            r#"
resource "aws_vpc" "main_{i}" {{
  cidr_block = "10.{octet}.0.0/16"
}}

resource "aws_flow_log" "main_{i}" {{
  count           = {flow}
  vpc_id          = aws_vpc.main_{i}.id
  traffic_type    = "ALL"
  log_destination = var.flow_log_bucket_arn
}}

resource "aws_cloudtrail" "audit_{i}" {{
  name                          = "audit-{n}"
  s3_bucket_name                = aws_s3_bucket.data_{i}.id
  is_multi_region_trail         = {on}
  enable_log_file_validation    = true
  include_global_service_events = true
}}
"#,
            octet = n % 250,
            flow = if on { 1 } else { 0 },
        ),
    }
}

fn variables() -> &'static str {
    r#"variable "kms_key_arn" {}
variable "lb_arn" {}
variable "certificate_arn" {}
variable "target_group_arn" {}
variable "vpc_id" {}
variable "ami_id" {}
variable "flow_log_bucket_arn" {}

locals {
  environment = "production"
}
"#
}

/// Writes `files` .tf files (in modules of FILES_PER_MODULE) under `root`; with
/// `catalogue`, each file also holds resources of the rest of the catalogue.
fn generate(root: &Path, files: usize, catalogue: bool) -> (u64, usize) {
    let mut bytes = 0;
    let mut written = 0;
    for m in 0..files.div_ceil(FILES_PER_MODULE) {
        let dir = root.join(format!("module_{m:04}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..FILES_PER_MODULE {
            if written == files {
                break;
            }
            let mut text = file_text(m, i);
            if catalogue {
                text += &catalogue_text(m, i);
            }
            if i == 0 {
                text = format!("{}{text}", variables());
            }
            bytes += text.len() as u64;
            std::fs::write(dir.join(format!("file_{i:02}.tf")), text).unwrap();
            written += 1;
        }
    }
    (bytes, written)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn rate(n: f64, d: Duration) -> f64 {
    n / d.as_secs_f64()
}

/// The headline rules the scanning core shipped with: the baseline the rest of the
/// catalogue is measured against.
const CORE_RULES: &[&str] = &[
    "aws-s3-encryption-at-rest",
    "aws-s3-tls-only",
    "aws-lb-https-only",
    "aws-lb-modern-tls",
    "aws-iam-no-wildcard-admin",
    "aws-iam-no-wildcard-action",
    "github-branch-protection-reviews",
    "github-branch-protection-dismiss-stale",
    "github-branch-protection-code-owners",
    "github-branch-protection-status-checks",
    "github-branch-protection-enforce-admins",
    "github-branch-protection-no-force-push",
    "github-default-branch-protected",
];

/// The built-in libraries and the rules `keep` accepts.
fn policies_where(keep: impl Fn(&str) -> bool) -> PolicySet {
    let all = builtin_sources();
    let ids: Vec<(String, String)> = PolicySet::load(&all, &BTreeMap::new())
        .expect("built-in policies compile")
        .rules()
        .iter()
        .map(|r| (r.source.clone(), r.id.clone()))
        .collect();
    let sources: Vec<_> = all
        .into_iter()
        .filter(|s| {
            s.kind() == PolicyKind::Library
                || ids.iter().any(|(source, id)| *source == s.path && keep(id))
        })
        .collect();
    PolicySet::load(&sources, &BTreeMap::new()).expect("built-in policies compile")
}

/// The median full-scan time of `policies` over `root`, with resources and findings.
fn time_scan(root: &Path, policies: &PolicySet, iterations: usize) -> (Duration, usize, usize) {
    let cwd = std::env::current_dir().unwrap();
    let mut times = Vec::new();
    let mut resources = 0;
    let mut findings = 0;
    for _ in 0..iterations {
        let outcome = soc2gate::scan::scan(&[root.to_path_buf()], &cwd, policies);
        assert!(
            outcome.load_errors.is_empty() && outcome.eval_errors.is_empty(),
            "the generated corpus must scan cleanly: {:?} {:?}",
            outcome.load_errors.first().map(|e| &e.message),
            outcome.eval_errors.first().map(|e| e.to_string())
        );
        resources = outcome.resources;
        findings = outcome.findings.len();
        times.push(outcome.elapsed);
    }
    (median(times), resources, findings)
}

/// Median times of the full scan and of the same scan writing evidence (the `undetermined`
/// sets evaluated too, the bundle built and its four files rendered), interleaved so that
/// both see the same machine load.
fn time_scan_and_evidence(
    root: &Path,
    policies: &PolicySet,
    iterations: usize,
) -> (Duration, Duration) {
    use soc2gate::scan::{scan_with, ScanOptions};
    let cwd = std::env::current_dir().unwrap();
    let paths = [root.to_path_buf()];
    let judging: std::collections::BTreeSet<String> = (0..policies.rules().len())
        .filter(|&i| policies.reports_undetermined(i))
        .map(|i| policies.rules()[i].id.clone())
        .collect();
    let (mut scans, mut evidences) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let start = Instant::now();
        let _ = scan_with(&paths, &cwd, policies, &ScanOptions::default());
        scans.push(start.elapsed());

        let start = Instant::now();
        let opts = ScanOptions {
            undetermined: true,
            ..Default::default()
        };
        let outcome = scan_with(&paths, &cwd, policies, &opts);
        let config = soc2gate_evidence::RunConfig {
            config_file: None,
            config_file_digest: None,
            fail_on: "low".into(),
            inline_exceptions: true,
            baseline: None,
            baseline_digest: None,
            allow_parse_errors: false,
            disabled_rules: vec![],
        };
        let run = soc2gate::evidence::run_record(
            &[root.display().to_string()],
            soc2gate_evidence::sha256(b""),
            config,
            None,
            [
                outcome.files,
                outcome.units,
                outcome.resources,
                policies.rules().len(),
            ],
            1,
        );
        let bundle = soc2gate::evidence::bundle(
            &outcome,
            &soc2gate::evidence::Inputs {
                generated_at: "2026-01-01T00:00:00Z".into(),
                run,
                today: soc2gate::date::Date::from_unix_days(20_454),
                config: None,
                inline_exceptions: true,
                judging: &judging,
                cwd: &cwd,
                blame: &|_, _| None,
            },
        );
        let bytes: usize = soc2gate_evidence::render(&bundle)
            .iter()
            .map(|(_, text)| text.len())
            .sum();
        assert!(bytes > 0);
        evidences.push(start.elapsed());
    }
    (median(scans), median(evidences))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let flag = |name: &str| args.iter().any(|a| a == name);
    let files: usize = opt("--files").and_then(|v| v.parse().ok()).unwrap_or(2000);
    let iterations: usize = opt("--iterations")
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let temp = tempfile::tempdir().unwrap();
    let root: PathBuf = opt("--keep")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());
    let catalogue = !flag("--core-corpus");

    let (bytes, files) = generate(&root, files, catalogue);
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {files} files, {mb:.1} MB in {} modules{}, {} threads",
        files.div_ceil(FILES_PER_MODULE),
        if catalogue {
            ""
        } else {
            " (core corpus: S3, load balancers, IAM, GitHub only)"
        },
        rayon::current_num_threads()
    );

    let policies = policies_where(|_| true);
    let core = policies_where(|id| CORE_RULES.contains(&id));
    let cwd = std::env::current_dir().unwrap();

    // Parse only: read and parse every file, in parallel like the scan does.
    let mut parse_times = Vec::new();
    for _ in 0..iterations {
        let start = Instant::now();
        let found = soc2gate::discover::discover(std::slice::from_ref(&root), &cwd).files;
        use rayon::prelude::*;
        let ok = found
            .par_iter()
            .filter(|f| {
                let text = std::fs::read_to_string(&f.path).unwrap();
                soc2gate_terraform::parse(&SourceFile::new(&f.display, text)).is_ok()
            })
            .count();
        assert_eq!(ok, files);
        parse_times.push(start.elapsed());
    }

    let (core_full, _, core_findings) = time_scan(&root, &core, iterations);
    let (full, resources, findings) = time_scan(&root, &policies, iterations);

    if flag("--per-rule") {
        // Each rule alone over the loaded corpus, slowest first: where evaluation time goes.
        let found = soc2gate::discover::discover(std::slice::from_ref(&root), &cwd).files;
        let loaded = soc2gate::scan::load(&found, &Default::default()).units;
        let units: Vec<_> = loaded.into_iter().map(|l| l.module).collect();
        let mut times = Vec::new();
        for rule in policies.rules() {
            let one = policies_where(|id| id == rule.id);
            let start = Instant::now();
            let _ = one.evaluate(&units);
            times.push((start.elapsed(), rule.id.clone()));
        }
        times.sort();
        println!("per rule (evaluation only):");
        for (t, id) in times.iter().rev() {
            println!("  {t:>10.1?}  {id}");
        }
    }

    let (scan_alone, with_evidence) = time_scan_and_evidence(&root, &policies, iterations);

    let parse = median(parse_times);
    println!("{resources} resources");
    let line = |what: &str, d: Duration| {
        println!(
            "{what:<34} {:>8.1?}  {:>9.0} files/s  {:>6.1} MB/s  {:>9.0} resources/s",
            d,
            rate(files as f64, d),
            rate(mb, d),
            rate(resources as f64, d)
        )
    };
    line("parse only:", parse);
    line(
        &format!("full scan, core ({} rules):", core.rules().len()),
        core_full,
    );
    line(
        &format!("full scan, catalogue ({} rules):", policies.rules().len()),
        full,
    );
    println!(
        "findings per scan: {core_findings} (core), {findings} (catalogue); catalogue / core time: {:.2}x",
        full.as_secs_f64() / core_full.as_secs_f64()
    );
    line("scan, catalogue (interleaved):", scan_alone);
    line("scan writing evidence:", with_evidence);
    println!(
        "evidence adds {:+.1}% to the scan time",
        (with_evidence.as_secs_f64() / scan_alone.as_secs_f64() - 1.0) * 100.0
    );
}
