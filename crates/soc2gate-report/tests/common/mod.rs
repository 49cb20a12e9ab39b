//! Hand-built reports over the files in `testdata/report/`.

#![allow(dead_code)] // each test binary uses part of this module

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use soc2gate_model::{
    CallSite, Finding, LoadError, Occurrence, Position, RuleMeta, Severity, SourceFile, Span,
    Suppression, SuppressionKind, UnexpandedModule,
};
use soc2gate_report::{Report, Summary};

pub const MAIN_TF: &str = "testdata/report/main.tf";
pub const BROKEN_TF: &str = "testdata/report/broken.tf";
pub const SETTINGS_YML: &str = "testdata/report/settings.yml";
pub const EXPIRED_TF: &str = "testdata/gate/report/expired.tf";
pub const STACK_TF: &str = "testdata/report/stack/main.tf";
pub const BUCKET_TF: &str = "testdata/report/bucket/main.tf";

fn source(path: &str) -> SourceFile {
    let text = match path {
        MAIN_TF => include_str!("../../../../testdata/report/main.tf"),
        BROKEN_TF => include_str!("../../../../testdata/report/broken.tf"),
        SETTINGS_YML => include_str!("../../../../testdata/report/settings.yml"),
        EXPIRED_TF => include_str!("../../../../testdata/gate/report/expired.tf"),
        STACK_TF => include_str!("../../../../testdata/report/stack/main.tf"),
        BUCKET_TF => include_str!("../../../../testdata/report/bucket/main.tf"),
        _ => unreachable!("no fixture {path}"),
    };
    SourceFile::new(path, text)
}

/// The owned data behind a [`Report`].
pub struct Fixture {
    pub findings: Vec<Finding>,
    pub load_errors: Vec<LoadError>,
    pub unexpanded: Vec<UnexpandedModule>,
    pub rules: Vec<RuleMeta>,
    pub sources: BTreeMap<String, Arc<SourceFile>>,
    pub summary: Summary,
    pub idle_rules: Vec<String>,
    pub notes: Vec<String>,
}

impl Fixture {
    pub fn report(&self) -> Report<'_> {
        Report {
            findings: &self.findings,
            load_errors: &self.load_errors,
            unexpanded: &self.unexpanded,
            rules: &self.rules,
            sources: &self.sources,
            summary: self.summary,
            tool_version: "0.1.0",
            idle_rules: &self.idle_rules,
            notes: &self.notes,
        }
    }

    fn add_source(&mut self, path: &str) -> Arc<SourceFile> {
        self.sources
            .entry(path.to_string())
            .or_insert_with(|| Arc::new(source(path)))
            .clone()
    }

    /// A finding of `rule` on the first occurrence of `needle` in `path`.
    fn finding(
        &mut self,
        rule: &RuleMeta,
        path: &str,
        needle: &str,
        resource: &str,
        attribute: &str,
        message: &str,
    ) -> &mut Finding {
        let file = self.add_source(path);
        let start = file
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in {path}"));
        self.findings.push(Finding {
            rule_id: rule.id.clone(),
            severity: rule.severity,
            controls: rule.controls.clone(),
            message: message.to_string(),
            location: file.locate(Span::new(start, start + needle.len())),
            resource: resource.to_string(),
            attribute: attribute.to_string(),
            fingerprint: Finding::fingerprint_of(&rule.id, path, resource, attribute),
            suppression: None,
            via: Vec::new(),
            also: Vec::new(),
        });
        self.findings.last_mut().unwrap()
    }

    /// The `module "<name>"` block of `path` as a call site.
    fn call(&mut self, path: &str, name: &str, address: &str) -> CallSite {
        let file = self.add_source(path);
        let header = format!("module \"{name}\"");
        let start = file.text.find(&header).unwrap();
        CallSite {
            address: address.to_string(),
            location: file.locate(Span::new(start, start + header.len())),
        }
    }

    /// Sorts the findings into report order and counts those that fail the gate.
    fn sort(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let fail_on = self.summary.fail_on;
        self.summary.failing = self
            .findings
            .iter()
            .filter(|f| f.suppression.is_none() && f.severity >= fail_on)
            .count();
    }
}

fn rule(
    id: &str,
    severity: Severity,
    controls: &[&str],
    title: &str,
    remediation: &str,
) -> RuleMeta {
    RuleMeta {
        id: id.to_string(),
        title: title.to_string(),
        description: format!("{title}. A longer description of why SOC 2 auditors ask for it."),
        severity,
        controls: controls.iter().map(|c| c.to_string()).collect(),
        remediation: remediation.to_string(),
        resource_types: vec!["aws_s3_bucket".to_string()],
        scan_resource_types: Vec::new(),
        params: json!({}),
        package: format!("soc2gate.{}", id.replace('-', "_")),
        source: format!("policies/{}.rego", id.replace('-', "_")),
        examples: Default::default(),
    }
}

pub fn public_acl() -> RuleMeta {
    rule(
        "aws-s3-no-public-acl",
        Severity::Critical,
        &["CC6.1", "C1.1"],
        "S3 bucket ACL does not grant public access",
        "Remove the `acl` argument, or set it to `private`.\nObject ownership `BucketOwnerEnforced` disables ACLs altogether.\n\nSee [S3 ACLs](https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html).\n",
    )
}

pub fn encryption() -> RuleMeta {
    rule(
        "aws-s3-encryption-at-rest",
        Severity::High,
        &["CC6.1", "C1.1"],
        "S3 bucket encrypts data at rest",
        "Add an `aws_s3_bucket_server_side_encryption_configuration` resource that references\nthe bucket, with **`sse_algorithm = \"aws:kms\"`**.\n",
    )
}

pub fn versioning() -> RuleMeta {
    rule(
        "aws-s3-versioning",
        Severity::Medium,
        &["A1.2"],
        "S3 bucket versioning is enabled",
        "Add an `aws_s3_bucket_versioning` resource that references the bucket,\nwith `versioning_configuration { status = \"Enabled\" }`.\n",
    )
}

pub fn access_logging() -> RuleMeta {
    rule(
        "aws-s3-access-logging",
        Severity::Medium,
        &["CC7.2"],
        "S3 bucket server access logging is configured",
        "Add an `aws_s3_bucket_logging` resource.\n",
    )
}

pub fn code_owners() -> RuleMeta {
    rule(
        "github-branch-protection-code-owners",
        Severity::Low,
        &["CC8.1"],
        "Branch protection requires code owner review",
        "Set `require_code_owner_reviews: true`.\n",
    )
}

pub fn wildcard_admin() -> RuleMeta {
    rule(
        "aws-iam-no-wildcard-admin",
        Severity::Critical,
        &["CC6.1", "CC6.3"],
        "IAM policies do not grant full administrative access",
        "Grant the actions and resources the principal needs:\n- list the actions\n- scope the resources\n",
    )
}

fn summary() -> Summary {
    Summary {
        files: 3,
        modules: 2,
        resources: 5,
        rules: 0,
        elapsed: Duration::from_millis(120),
        fail_on: Severity::Low,
        fails: true,
        failing: 0,
    }
}

fn syntax_error(fixture: &mut Fixture) -> LoadError {
    let file = fixture.add_source(BROKEN_TF);
    let offset = file.text.find('}').unwrap();
    LoadError {
        location: file.locate(Span::new(offset, offset + 1)),
        message: "HCL syntax error: expected an expression after `=`".to_string(),
        help: Some("fix the syntax; the other files of the module were scanned".to_string()),
    }
}

/// The report the snapshots show: three findings (one suppressed) and a load error.
pub fn small() -> Fixture {
    let mut f = Fixture {
        findings: Vec::new(),
        load_errors: Vec::new(),
        unexpanded: Vec::new(),
        rules: vec![public_acl(), encryption(), versioning()],
        sources: BTreeMap::new(),
        summary: summary(),
        idle_rules: Vec::new(),
        notes: Vec::new(),
    };
    f.summary.rules = f.rules.len();
    let (public_acl, encryption, versioning) = (public_acl(), encryption(), versioning());
    f.finding(
        &public_acl,
        MAIN_TF,
        "\"public-read\"",
        "aws_s3_bucket.logs",
        "acl",
        "bucket `acme-logs` has the public ACL `public-read`",
    );
    // A whole block: the text output underlines its first line, SARIF keeps the range.
    let file = f.add_source(MAIN_TF);
    let start = file
        .text
        .find("resource \"aws_s3_bucket\" \"logs\"")
        .unwrap();
    let block = file.text[start..=start + file.text[start..].find("\n}").unwrap() + 1].to_string();
    f.finding(
        &encryption,
        MAIN_TF,
        &block,
        "aws_s3_bucket.logs",
        "",
        "no server-side encryption configuration references this bucket",
    );
    f.finding(
        &versioning,
        MAIN_TF,
        "resource \"aws_s3_bucket\" \"site\" {",
        "aws_s3_bucket.site",
        "",
        "no aws_s3_bucket_versioning references this bucket",
    )
    .suppression = Some(Suppression {
        kind: SuppressionKind::InSource,
        justification: "static website assets, no customer data".to_string(),
        expires: Some("2027-06-30".to_string()),
    });
    let error = syntax_error(&mut f);
    f.load_errors.push(error);
    f.sort();
    f
}

/// The report the CI formats' snapshots show (JUnit, GitHub, Markdown): `small` plus a
/// finding whose exception has expired, which therefore fails again, and a rule without
/// findings.
pub fn gate() -> Fixture {
    let mut f = small();
    f.rules.extend([access_logging(), wildcard_admin()]);
    f.summary.rules = f.rules.len();
    f.summary.files += 1;
    f.finding(
        &wildcard_admin(),
        EXPIRED_TF,
        "Action = \"*\"",
        "aws_iam_policy.break_glass",
        "policy.Statement[0]",
        "statement 0 allows every action on every resource; the exception for it expired on 2025-01-31 (break-glass role until the SSO migration)",
    );
    f.sort();
    f
}

/// Every case at once: all severities, both suppression kinds, a rule without findings, a
/// finding whose rule was not passed in, one whose file was not read, an empty span, a
/// syntax error and an unreadable file.
pub fn full() -> Fixture {
    let mut f = small();
    f.rules
        .extend([access_logging(), code_owners(), wildcard_admin()]);
    f.summary.rules = f.rules.len();
    let (code_owners, wildcard_admin) = (code_owners(), wildcard_admin());
    f.finding(
        &wildcard_admin,
        MAIN_TF,
        "Action = \"*\"",
        "aws_iam_policy.admin",
        "policy.Statement[0]",
        "statement 0 allows every action on every resource",
    )
    .suppression = Some(Suppression {
        kind: SuppressionKind::External,
        justification: "baseline".to_string(),
        expires: None,
    });
    f.finding(
        &code_owners,
        SETTINGS_YML,
        "false",
        "github_branch_protection.main",
        "require_code_owner_reviews",
        "branch `main` does not require code owner review",
    );
    // An empty span at the end of a line: still one character to point at.
    let empty = f.finding(
        &encryption(),
        MAIN_TF,
        "\"acme-site\"",
        "aws_s3_bucket.site",
        "",
        "no server-side encryption configuration references this bucket",
    );
    empty.location.span.start = empty.location.span.end;
    empty.location.start = empty.location.end;
    // A rule the report was not told about.
    let mut unknown = versioning();
    unknown.id = "custom-ascii-tags".to_string();
    unknown.severity = Severity::Low;
    unknown.controls = vec![];
    // After two-byte characters: columns count characters, not bytes.
    f.finding(
        &unknown,
        MAIN_TF,
        "données",
        "aws_s3_bucket.logs",
        "tags.owner",
        "tag values must be ASCII",
    );
    // A file whose text the report does not have.
    f.findings.push(Finding {
        rule_id: "aws-s3-versioning".to_string(),
        severity: Severity::Medium,
        controls: vec!["A1.2".to_string()],
        message: "no aws_s3_bucket_versioning references this bucket".to_string(),
        location: soc2gate_model::Location {
            file: "modules/gone/main.tf".to_string(),
            start: Position { line: 4, column: 3 },
            end: Position {
                line: 4,
                column: 20,
            },
            span: Span::new(40, 57),
        },
        resource: "module.gone.aws_s3_bucket.b".to_string(),
        attribute: String::new(),
        fingerprint: Finding::fingerprint_of(
            "aws-s3-versioning",
            "modules/gone/main.tf",
            "module.gone.aws_s3_bucket.b",
            "",
        ),
        suppression: None,
        via: Vec::new(),
        also: Vec::new(),
    });
    f.load_errors.push(LoadError {
        location: SourceFile::new("secrets/main.tf", "").locate(Span::default()),
        message: "cannot read file: permission denied (os error 13)".to_string(),
        help: Some("check the file's permissions; it was not scanned".to_string()),
    });
    f.sort();
    f
}

/// A clean scan.
pub fn clean() -> Fixture {
    Fixture {
        findings: Vec::new(),
        load_errors: Vec::new(),
        unexpanded: Vec::new(),
        rules: vec![public_acl()],
        sources: BTreeMap::new(),
        summary: Summary {
            files: 1,
            modules: 1,
            resources: 1,
            rules: 1,
            elapsed: Duration::from_millis(4),
            fail_on: Severity::Low,
            fails: false,
            failing: 0,
        },
        idle_rules: Vec::new(),
        notes: Vec::new(),
    }
}

/// Findings inside a module that a root calls twice: one per call where the message names
/// the instance, one merged finding where both calls fail the same way; and a registry
/// module that was not expanded.
pub fn modules() -> Fixture {
    let mut f = Fixture {
        findings: Vec::new(),
        load_errors: Vec::new(),
        unexpanded: Vec::new(),
        rules: vec![public_acl(), encryption()],
        sources: BTreeMap::new(),
        summary: Summary {
            files: 2,
            modules: 1,
            resources: 2,
            rules: 2,
            elapsed: Duration::from_millis(30),
            fail_on: Severity::Low,
            fails: true,
            failing: 0,
        },
        idle_rules: Vec::new(),
        notes: Vec::new(),
    };
    let (logs, archive) = (
        f.call(STACK_TF, "logs", "module.logs"),
        f.call(STACK_TF, "archive", "module.archive"),
    );
    let header = "resource \"aws_s3_bucket\" \"this\" {";
    for (call, name) in [(&archive, "acme-archive"), (&logs, "acme-logs")] {
        let resource = format!("{}.aws_s3_bucket.this", call.address);
        f.finding(
            &encryption(),
            BUCKET_TF,
            header,
            &resource,
            "",
            &format!("bucket \"{name}\" has no server-side encryption configuration"),
        )
        .via = vec![call.clone()];
    }
    // The logs instance is accepted: the suppressed list says which call that was.
    let logs_instance = f
        .findings
        .iter_mut()
        .find(|x| x.resource == "module.logs.aws_s3_bucket.this")
        .unwrap();
    logs_instance.suppression = Some(Suppression {
        kind: SuppressionKind::InSource,
        justification: "access logs only, encrypted by the S3 default".to_string(),
        expires: None,
    });
    let merged = f.finding(
        &public_acl(),
        BUCKET_TF,
        "\"public-read\"",
        "module.archive.aws_s3_bucket.this",
        "acl",
        "the bucket ACL `public-read` grants public access",
    );
    merged.via = vec![archive.clone()];
    merged.also = vec![Occurrence {
        resource: "module.logs.aws_s3_bucket.this".to_string(),
        attribute: "acl".to_string(),
        via: vec![logs.clone()],
    }];
    let vpc = f.call(STACK_TF, "vpc", "module.vpc");
    f.unexpanded.push(UnexpandedModule {
        address: vpc.address,
        source: "terraform-aws-modules/vpc/aws".to_string(),
        location: vpc.location,
        reason: "remote sources are not fetched".to_string(),
        help: "checks cannot see the resources this module creates; scan the module's own code to check them".to_string(),
    });
    f.sort();
    f
}
