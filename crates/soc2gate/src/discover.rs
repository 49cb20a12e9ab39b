//! Finds the files to scan and groups them into evaluation units.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

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

/// What a walk found besides the files to scan.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The files to scan, sorted and deduplicated.
    pub files: Vec<Discovered>,
    /// Command-line paths that cannot be scanned.
    pub errors: Vec<DiscoverError>,
    /// Directories or files inside a scan root that could not be read (display path and
    /// why): the scan is incomplete.
    pub unreadable: Vec<(String, String)>,
    /// Symbolic links not followed because they lead outside the scan root (or into a
    /// loop): display path and why.
    pub skipped_links: Vec<(String, String)>,
    /// Files soc2gate would read that ignore files (`.gitignore`, `.ignore`) left out.
    pub ignored: Vec<String>,
}

/// Walks `roots` and returns the scannable files, sorted and deduplicated. `.git/` and
/// `.terraform/` are skipped; files named explicitly are always scanned. Symbolic links
/// are followed while they stay inside their scan root.
///
/// Ignore files must not let a pull request hide a file from the gate: inside a git work
/// tree every tracked file is scanned whatever `.gitignore` or `.ignore` say, and
/// untracked files follow `.gitignore`; outside git, `.gitignore` and `.ignore` apply.
pub fn discover(roots: &[PathBuf], cwd: &Path) -> Discovery {
    let mut d = Discovery::default();
    for root in roots {
        let shown = display_path(root, cwd);
        if root.is_file() {
            let named_json = root.extension().is_some_and(|e| e == "json");
            match kind_of(root).or(named_json.then_some(FileKind::Plan)) {
                Some(kind) => d.files.push(Discovered {
                    display: shown,
                    path: root.clone(),
                    kind,
                }),
                None => d.errors.push(DiscoverError {
                    path: shown,
                    message: "not a file soc2gate reads: pass a directory, a .tf, .tf.json or .tfvars file, a plan JSON (terraform show -json), .github/settings.yml or a workflow in .github/workflows/".into(),
                }),
            }
            continue;
        }
        if !root.is_dir() {
            d.errors.push(DiscoverError {
                path: shown,
                message: "no such file or directory".into(),
            });
            continue;
        }
        walk_root(root, cwd, &mut d);
    }
    d.files.sort();
    d.files.dedup_by(|a, b| a.display == b.display);
    d.ignored.sort();
    d.ignored.dedup();
    d
}

/// Walks one directory root into `d`.
fn walk_root(root: &Path, cwd: &Path, d: &mut Discovery) {
    let tracked = git_tracked(root);
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let links: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let mut found: BTreeMap<String, Discovered> = BTreeMap::new();
    for ignore_files in [true, false] {
        let builder = walker(
            root,
            &real_root,
            ignore_files,
            tracked.is_some(),
            links.clone(),
        );
        for entry in builder.build() {
            let e = match entry {
                Ok(e) => e,
                // Met in both walks; reported from the second, which sees everything.
                Err(_) if ignore_files => continue,
                Err(e) if is_loop(&e) => {
                    let (path, _) = walk_error(&e, root, cwd);
                    let why = "a symbolic link that leads back into a directory it is in";
                    d.skipped_links.push((path, why.into()));
                    continue;
                }
                Err(e) => {
                    d.unreadable.push(walk_error(&e, root, cwd));
                    continue;
                }
            };
            if !e.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let Some(kind) = kind_of(e.path()) else {
                continue;
            };
            let display = display_path(e.path(), cwd);
            let file = Discovered {
                display: display.clone(),
                path: e.path().to_path_buf(),
                kind,
            };
            // The second walk adds what ignore files hid: tracked files, or else counts
            // them as ignored.
            let rel = e.path().strip_prefix(root).unwrap_or(e.path());
            let tracked_file = tracked.as_ref().is_some_and(|t| t.contains(rel));
            match found.entry(display) {
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) if ignore_files || tracked_file => {
                    slot.insert(file);
                }
                Entry::Vacant(slot) => d.ignored.push(slot.into_key()),
            }
        }
    }
    d.files.extend(found.into_values());
    let mut links = std::mem::take(&mut *links.lock().unwrap_or_else(|e| e.into_inner()));
    links.sort();
    links.dedup();
    d.skipped_links.extend(
        links
            .into_iter()
            .map(|(p, why)| (display_path(Path::new(&p), cwd), why)),
    );
}

/// A walker of `root` that follows links inside `real_root` only, recording the others
/// in `links`. With `ignore_files`, ignore files apply: in a git work tree (`in_git`)
/// only git's own (`.gitignore`, `.git/info/exclude`, the global excludes), elsewhere
/// `.ignore` and `.gitignore` too.
fn walker(
    root: &Path,
    real_root: &Path,
    ignore_files: bool,
    in_git: bool,
    links: Arc<Mutex<Vec<(String, String)>>>,
) -> WalkBuilder {
    let mut b = WalkBuilder::new(root);
    b.standard_filters(ignore_files)
        // Hidden entries must be walked: `.github/settings.yml` lives in one.
        .hidden(false)
        .require_git(in_git)
        .ignore(ignore_files && !in_git)
        .follow_links(true);
    let real_root = real_root.to_path_buf();
    b.filter_entry(move |e| {
        let name = e.file_name();
        if name == ".git" || name == ".terraform" {
            return false;
        }
        if !e.path_is_symlink() {
            return true;
        }
        let inside = std::fs::canonicalize(e.path()).is_ok_and(|t| t.starts_with(&real_root));
        if !inside {
            if let Ok(mut l) = links.lock() {
                l.push((
                    e.path().to_string_lossy().into_owned(),
                    "a symbolic link that leads outside the scan root".into(),
                ));
            }
        }
        inside
    });
    b
}

fn is_loop(e: &ignore::Error) -> bool {
    match e {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

/// A walk error as a display path and message.
fn walk_error(e: &ignore::Error, root: &Path, cwd: &Path) -> (String, String) {
    let path = error_path(e).unwrap_or(root);
    (display_path(path, cwd), e.to_string())
}

fn error_path(e: &ignore::Error) -> Option<&Path> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// The files git tracks under `root` (relative to it), or `None` outside a git work
/// tree or without git.
fn git_tracked(root: &Path) -> Option<HashSet<PathBuf>> {
    let out = Command::new("git")
        .args(["ls-files", "-z", "--cached"])
        .current_dir(root)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        out.stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
            .collect(),
    )
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
        let d = discover(&[root.to_path_buf()], root);
        assert!(d.errors.is_empty());
        let shown: Vec<&str> = d.files.iter().map(|f| f.display.as_str()).collect();
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
