//! Finds the files to scan and groups them into evaluation units.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// What a scannable file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `.tf`, `terraform.tfvars` or `*.auto.tfvars`: part of its directory's module.
    Terraform,
    /// `.github/settings.yml` or `.github/settings.yaml`.
    Settings,
    /// A GitHub Actions workflow, `.github/workflows/*.yml` or `*.yaml`: part of its
    /// directory's unit.
    Workflow,
    /// A JSON file named on the command line: a Terraform plan (`terraform show -json`).
    Plan,
}

/// A file to scan: its display path (relative to the working directory when it lies
/// inside it, forward slashes) and where to read it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Discovered {
    pub display: String,
    pub path: PathBuf,
    pub kind: FileKind,
}

/// Classifies a file by name; `None` for files soc2gate does not read.
pub fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let terraform = [".tf", ".tf.json", ".auto.tfvars", ".auto.tfvars.json"];
    if terraform.iter().any(|s| name.ends_with(s))
        || name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
    {
        return Some(FileKind::Terraform);
    }
    let parent = path.parent()?.file_name()?.to_str()?;
    if parent == ".github" && (name == "settings.yml" || name == "settings.yaml") {
        return Some(FileKind::Settings);
    }
    let grandparent = path.parent()?.parent()?.file_name()?.to_str()?;
    if parent == "workflows"
        && grandparent == ".github"
        && (name.ends_with(".yml") || name.ends_with(".yaml"))
    {
        return Some(FileKind::Workflow);
    }
    None
}

/// The path as reports show it: relative to `cwd` when inside it, forward slashes, no `./`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let shown = match abs.strip_prefix(cwd) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => path.to_path_buf(),
    };
    let mut s = shown.to_string_lossy().replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.to_string();
    }
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

/// A path given on the command line that cannot be scanned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoverError {
    pub path: String,
    pub message: String,
}

/// Walks `roots` (honouring `.gitignore`, skipping `.git/` and `.terraform/`) and returns
/// the scannable files, sorted and deduplicated. Files named explicitly are always scanned.
pub fn discover(roots: &[PathBuf], cwd: &Path) -> (Vec<Discovered>, Vec<DiscoverError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        let shown = display_path(root, cwd);
        if root.is_file() {
            let named_json = root.extension().is_some_and(|e| e == "json");
            match kind_of(root).or(named_json.then_some(FileKind::Plan)) {
                Some(kind) => files.push(Discovered {
                    display: shown,
                    path: root.clone(),
                    kind,
                }),
                None => errors.push(DiscoverError {
                    path: shown,
                    message: "not a file soc2gate reads: pass a directory, a .tf, .tf.json or .tfvars file, a plan JSON (terraform show -json), .github/settings.yml or a workflow in .github/workflows/".into(),
                }),
            }
            continue;
        }
        if !root.is_dir() {
            errors.push(DiscoverError {
                path: shown,
                message: "no such file or directory".into(),
            });
            continue;
        }
        // Hidden entries must be walked: `.github/settings.yml` lives in one.
        let walker = WalkBuilder::new(root)
            .hidden(false)
            .require_git(false)
            .filter_entry(|e| {
                let name = e.file_name();
                name != ".git" && name != ".terraform"
            })
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if let Some(kind) = kind_of(e.path()) {
                        files.push(Discovered {
                            display: display_path(e.path(), cwd),
                            path: e.path().to_path_buf(),
                            kind,
                        });
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(DiscoverError {
                    path: shown.clone(),
                    message: e.to_string(),
                }),
            }
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.display == b.display);
    (files, errors)
}

/// The directory part of a display path (`.` for a file in the working directory).
pub fn dir_of(display: &str) -> String {
    match display.rfind('/') {
        Some(i) => display[..i].to_string(),
        None => ".".into(),
    }
}

/// The files of a scan by role.
#[derive(Debug, Default)]
pub struct Groups<'a> {
    /// Terraform files by directory: each directory is one module.
    pub modules: BTreeMap<String, Vec<&'a Discovered>>,
    /// Settings files: each is its own unit.
    pub settings: Vec<&'a Discovered>,
    /// Workflow files by directory: each `.github/workflows` directory is one unit.
    pub workflows: BTreeMap<String, Vec<&'a Discovered>>,
    /// Plan JSON files: each is its own unit.
    pub plans: Vec<&'a Discovered>,
}

/// Groups Terraform files and workflows by directory (one unit each); settings and plan
/// files stay alone.
pub fn group(files: &[Discovered]) -> Groups<'_> {
    let mut groups = Groups::default();
    for f in files {
        match f.kind {
            FileKind::Terraform => groups
                .modules
                .entry(dir_of(&f.display))
                .or_default()
                .push(f),
            FileKind::Settings => groups.settings.push(f),
            FileKind::Workflow => groups
                .workflows
                .entry(dir_of(&f.display))
                .or_default()
                .push(f),
            FileKind::Plan => groups.plans.push(f),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_files() {
        assert_eq!(kind_of(Path::new("a/main.tf")), Some(FileKind::Terraform));
        assert_eq!(
            kind_of(Path::new("terraform.tfvars")),
            Some(FileKind::Terraform)
        );
        assert_eq!(
            kind_of(Path::new("x.auto.tfvars")),
            Some(FileKind::Terraform)
        );
        assert_eq!(kind_of(Path::new("prod.tfvars")), None);
        assert_eq!(
            kind_of(Path::new("main.tf.json")),
            Some(FileKind::Terraform)
        );
        assert_eq!(
            kind_of(Path::new("terraform.tfvars.json")),
            Some(FileKind::Terraform)
        );
        assert_eq!(
            kind_of(Path::new("a.auto.tfvars.json")),
            Some(FileKind::Terraform)
        );
        assert_eq!(kind_of(Path::new("package.json")), None);
        assert_eq!(
            kind_of(Path::new("r/.github/settings.yml")),
            Some(FileKind::Settings)
        );
        assert_eq!(
            kind_of(Path::new(".github/settings.yaml")),
            Some(FileKind::Settings)
        );
        assert_eq!(kind_of(Path::new("settings.yml")), None);
        assert_eq!(
            kind_of(Path::new(".github/workflows/ci.yml")),
            Some(FileKind::Workflow)
        );
        assert_eq!(
            kind_of(Path::new("r/.github/workflows/release.yaml")),
            Some(FileKind::Workflow)
        );
        assert_eq!(kind_of(Path::new(".github/workflows/README.md")), None);
        assert_eq!(kind_of(Path::new("workflows/ci.yml")), None);
        assert_eq!(kind_of(Path::new(".github/ci.yml")), None);
    }

    #[test]
    fn display_paths_are_relative_with_forward_slashes() {
        let cwd = Path::new("/repo");
        assert_eq!(
            display_path(Path::new("./infra/main.tf"), cwd),
            "infra/main.tf"
        );
        assert_eq!(
            display_path(Path::new("/repo/infra/main.tf"), cwd),
            "infra/main.tf"
        );
        assert_eq!(
            display_path(Path::new("/elsewhere/main.tf"), cwd),
            "/elsewhere/main.tf"
        );
        assert_eq!(display_path(Path::new("."), cwd), ".");
        assert_eq!(dir_of("infra/main.tf"), "infra");
        assert_eq!(dir_of("main.tf"), ".");
    }

    #[test]
    fn walks_hidden_settings_honours_gitignore_and_skips_terraform_dirs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "main.tf",
            ".github/settings.yml",
            ".github/workflows/ci.yml",
            ".terraform/modules/x/main.tf",
            "ignored/main.tf",
            "README.md",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        let (files, errors) = discover(&[root.to_path_buf()], root);
        assert!(errors.is_empty());
        let shown: Vec<&str> = files.iter().map(|f| f.display.as_str()).collect();
        assert_eq!(
            shown,
            vec![
                ".github/settings.yml",
                ".github/workflows/ci.yml",
                "main.tf"
            ]
        );
    }
}
