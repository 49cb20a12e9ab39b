//! Scan throughput over a generated corpus of Terraform modules with typical AWS and GitHub
//! resources: the full scan (discover, read, parse, evaluate, locate) and parse only.
//!
//! `cargo bench --bench scan` (options after `--`: `--files N`, `--iterations N`,
//! `--keep DIR` to write the corpus to DIR and keep it, e.g. to time other tools on it,
//! `--per-rule` to time each rule alone).
//! Prints the median of the iterations as files/s, MB/s and resources/s.

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

fn variables() -> &'static str {
    r#"variable "kms_key_arn" {}
variable "lb_arn" {}
variable "certificate_arn" {}
variable "target_group_arn" {}

locals {
  environment = "production"
}
"#
}

/// Writes `files` .tf files (in modules of FILES_PER_MODULE) under `root`.
fn generate(root: &Path, files: usize) -> (u64, usize) {
    let mut bytes = 0;
    let mut written = 0;
    for m in 0..files.div_ceil(FILES_PER_MODULE) {
        let dir = root.join(format!("module_{m:04}"));
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..FILES_PER_MODULE {
            if written == files {
                break;
            }
            let text = if i == 0 {
                format!("{}{}", variables(), file_text(m, i))
            } else {
                file_text(m, i)
            };
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let files: usize = opt("--files").and_then(|v| v.parse().ok()).unwrap_or(2000);
    let iterations: usize = opt("--iterations")
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let temp = tempfile::tempdir().unwrap();
    let root: PathBuf = opt("--keep")
        .map(PathBuf::from)
        .unwrap_or_else(|| temp.path().to_path_buf());

    let (bytes, files) = generate(&root, files);
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {files} files, {mb:.1} MB in {} modules, {} threads",
        files.div_ceil(FILES_PER_MODULE),
        rayon::current_num_threads()
    );

    let policies =
        PolicySet::load(&builtin_sources(), &BTreeMap::new()).expect("built-in policies compile");
    let cwd = std::env::current_dir().unwrap();

    // Parse only: read and parse every file, in parallel like the scan does.
    let mut parse_times = Vec::new();
    for _ in 0..iterations {
        let start = Instant::now();
        let (found, _) = soc2gate::discover::discover(std::slice::from_ref(&root), &cwd);
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

    let mut scan_times = Vec::new();
    let mut resources = 0;
    let mut findings = 0;
    for _ in 0..iterations {
        let outcome = soc2gate::scan::scan(std::slice::from_ref(&root), &cwd, &policies);
        assert!(outcome.load_errors.is_empty() && outcome.eval_errors.is_empty());
        resources = outcome.resources;
        findings = outcome.findings.len();
        scan_times.push(outcome.elapsed);
    }

    if args.iter().any(|a| a == "--per-rule") {
        // Each rule alone over the loaded corpus, slowest first: where evaluation time goes.
        let (found, _) = soc2gate::discover::discover(std::slice::from_ref(&root), &cwd);
        let (loaded, _, _) = soc2gate::scan::load(&found, &Default::default());
        let units: Vec<_> = loaded.into_iter().map(|l| l.module).collect();
        let all = builtin_sources();
        let mut times = Vec::new();
        for rule in policies.rules() {
            let sources: Vec<_> = all
                .iter()
                .filter(|s| s.kind() == PolicyKind::Library || s.path == rule.source)
                .cloned()
                .collect();
            let one = PolicySet::load(&sources, &BTreeMap::new()).unwrap();
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

    let parse = median(parse_times);
    let full = median(scan_times);
    println!(
        "{} rules, {resources} resources, {findings} findings per scan",
        policies.rules().len()
    );
    println!(
        "parse only: {:>8.1?}  {:>9.0} files/s  {:>6.1} MB/s  {:>9.0} resources/s",
        parse,
        rate(files as f64, parse),
        rate(mb, parse),
        rate(resources as f64, parse)
    );
    println!(
        "full scan:  {:>8.1?}  {:>9.0} files/s  {:>6.1} MB/s  {:>9.0} resources/s",
        full,
        rate(files as f64, full),
        rate(mb, full),
        rate(resources as f64, full)
    );
}
