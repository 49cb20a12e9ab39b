//! Where a `module` block's source leads, and reading module directories that are not
//! part of the scan. Terraform reads a local source from disk wherever it is, and a
//! remote one from where `terraform init` / `terraform get` installed it, as recorded in
//! the root module's `.terraform/modules/modules.json`. soc2gate does the same, inside one
//! boundary (the repository that holds the scan): a directory outside it is never read.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use soc2gate_model::{LoadError, SourceFile, Span};

use crate::config::join_dir;

/// Where `terraform init` records the modules it installed, relative to the root module.
pub(crate) const MANIFEST: &str = ".terraform/modules/modules.json";

const GET_HELP: &str = "run `terraform get` (or `terraform init -backend=false`) in";

/// One installed module of a manifest.
#[derive(Debug, Clone)]
struct Installed {
    /// The source address as Terraform normalised it
    /// (`registry.terraform.io/terraform-aws-modules/vpc/aws`).
    source: String,
    /// Its directory in display form (joined with the root module's directory).
    dir: String,
}

/// A root module's `modules.json`: installed modules by key (the call names from the
/// root, joined with `.`: `vpc`, `vpc.subnets`).
#[derive(Debug, Clone, Default)]
struct Manifest {
    modules: HashMap<String, Installed>,
}

/// Where a call's source leads.
pub(crate) enum Target {
    /// A module directory (display form); loaded when the scan's configs hold it.
    Dir(String),
    /// Not expanded, with why and what to do.
    NotExpanded { reason: String, help: String },
}

/// The module directories a scan may expand beyond its own, and the manifests that lead
/// to remote ones.
#[derive(Debug, Default)]
pub(crate) struct ModuleDirs {
    /// Root module directory -> its manifest.
    manifests: BTreeMap<String, Manifest>,
    /// Directories a call names that were not loaded, with why and what to do.
    skipped: BTreeMap<String, (String, String)>,
    /// Nothing beyond the given directories is read (no boundary was set).
    closed: bool,
}

impl ModuleDirs {
    /// Where the call of `source`, with key `key` under the root module `root`, declared in
    /// directory `caller_dir`, leads.
    pub(crate) fn target(&self, root: &str, key: &str, caller_dir: &str, source: &str) -> Target {
        if is_local(source) {
            return Target::Dir(join_dir(caller_dir, source));
        }
        if self.closed {
            return Target::NotExpanded {
                reason: "remote sources are not read when loading only the given directories"
                    .to_string(),
                help: "scan the repository with soc2gate, which reads the modules `terraform init` installed".to_string(),
            };
        }
        let manifest_path = join_dir(root, MANIFEST);
        let not_installed = |reason: String| Target::NotExpanded {
            reason,
            help: format!("{GET_HELP} {root}, then scan again"),
        };
        let Some(manifest) = self.manifests.get(root) else {
            return not_installed(format!("not installed: no {manifest_path}"));
        };
        match manifest.modules.get(key) {
            None => not_installed(format!(
                "not installed: {manifest_path} does not list \"{key}\""
            )),
            Some(m) if !same_source(&m.source, source) => not_installed(format!(
                "installed from another source (\"{}\" in {manifest_path})",
                m.source
            )),
            Some(m) => Target::Dir(m.dir.clone()),
        }
    }

    /// Why a directory a call leads to holds no module of the scan.
    pub(crate) fn why_not_loaded(&self, dir: &str) -> (String, String) {
        self.skipped.get(dir).cloned().unwrap_or_else(|| {
            (
                format!("{dir} holds no Terraform files in this scan"),
                "check the source path, or include the module's directory in the scan".to_string(),
            )
        })
    }
}

/// A local source: a path from the calling module's directory.
pub(crate) fn is_local(source: &str) -> bool {
    ["./", "../", ".\\", "..\\"]
        .iter()
        .any(|p| source.starts_with(p))
        || source == "."
        || source == ".."
}

/// Whether an installed module's source (normalised by Terraform) is the source a block
/// names: `registry.terraform.io/` is the default registry host, `github.com/o/r` means
/// `git::https://github.com/o/r.git`, `git@host:o/r` means `git::ssh://git@host/o/r`.
fn same_source(installed: &str, written: &str) -> bool {
    installed == written || canonical(installed) == canonical(written)
}

/// (package, subdirectory, query) of a source address, spelled one way.
fn canonical(source: &str) -> (String, String, String) {
    let mut s = source.trim();
    s = s.strip_prefix("git::").unwrap_or(s);
    let (rest, query) = match s.split_once('?') {
        Some((r, q)) => (r, q),
        None => (s, ""),
    };
    // `//` after the scheme separates the package from a subdirectory.
    let scheme_end = rest.find("://").map_or(0, |i| i + 3);
    let (package, subdir) = match rest[scheme_end..].find("//") {
        Some(i) => (&rest[..scheme_end + i], &rest[scheme_end + i + 2..]),
        None => (rest, ""),
    };
    // A subdirectory may also follow the query (`...?ref=v1//modules/x`).
    let (query, subdir) = match query.split_once("//") {
        Some((q, sub)) if subdir.is_empty() => (q, sub),
        _ => (query, subdir),
    };
    let mut p = package.to_string();
    for prefix in ["https://", "ssh://", "registry.terraform.io/"] {
        if p.to_ascii_lowercase().starts_with(prefix) {
            p = p[prefix.len()..].to_string();
        }
    }
    // scp-like `git@github.com:o/r` is `git@github.com/o/r`.
    if let Some((host, path)) = p.split_once(':') {
        if host.contains('@') && !path.starts_with('/') {
            p = format!("{host}/{path}");
        }
    }
    let p = p.strip_suffix(".git").unwrap_or(&p).to_ascii_lowercase();
    let mut query: Vec<&str> = query.split('&').filter(|q| !q.is_empty()).collect();
    query.sort();
    (p, subdir.trim_matches('/').to_string(), query.join("&"))
}

/// Reads module directories that the scan did not include, inside the boundary.
pub(crate) struct Reader {
    /// Display paths are relative to it.
    base: PathBuf,
    /// Nothing outside it is read (`None`: nothing beyond the scan is read).
    boundary: Option<PathBuf>,
}

impl Reader {
    pub(crate) fn new(base: &Path, boundary: Option<&Path>) -> Self {
        Reader {
            base: base.to_path_buf(),
            boundary: boundary.and_then(|b| base.join(b).canonicalize().ok()),
        }
    }

    /// The `.tf` and `.tf.json` files of a module directory (display form), as Terraform
    /// reads them (no hidden, editor backup or emacs lock files); `Err` with why not and
    /// what to do.
    pub(crate) fn read_dir(
        &self,
        dir: &str,
    ) -> Result<(Vec<SourceFile>, Vec<LoadError>), (String, String)> {
        let Some(boundary) = &self.boundary else {
            return Err((
                format!("{dir} holds no Terraform files in this scan"),
                "check the source path, or include the module's directory in the scan".to_string(),
            ));
        };
        let path = self.base.join(dir);
        let real = path.canonicalize().map_err(|_| {
            (
                format!("{dir} does not exist"),
                "check the source path; Terraform fails on it too".to_string(),
            )
        })?;
        if !real.starts_with(boundary) {
            return Err((
                format!(
                    "{dir} is outside the repository that holds the scan ({}), so soc2gate does not read it",
                    boundary.display()
                ),
                "scan from the repository that holds the module, or scan the module on its own"
                    .to_string(),
            ));
        }
        let mut names: Vec<String> = std::fs::read_dir(&real)
            .map_err(|e| {
                (
                    format!("{dir} cannot be read: {e}"),
                    "check the directory's permissions".to_string(),
                )
            })?
            .filter_map(|e| {
                let e = e.ok()?;
                e.file_type().ok()?.is_file().then_some(())?;
                let name = e.file_name().into_string().ok()?;
                let ignored = name.starts_with('.') || name.starts_with('#') || name.ends_with('~');
                let terraform = name.ends_with(".tf") || name.ends_with(".tf.json");
                (terraform && !ignored).then_some(name)
            })
            .collect();
        names.sort();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for name in names {
            let display = join_dir(dir, &name);
            let problem = match std::fs::read(real.join(&name)) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        files.push(SourceFile::new(display, text));
                        continue;
                    }
                    Err(e) => format!(
                        "not valid UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                },
                Err(e) => format!("cannot read file: {e}"),
            };
            errors.push(LoadError {
                location: SourceFile::new(&display, "").locate(Span::default()),
                message: problem,
                help: Some("fix the file; the module was checked without it".to_string()),
            });
        }
        if files.is_empty() && errors.is_empty() {
            return Err((
                format!("{dir} holds no Terraform files"),
                "check the source path; Terraform fails on it too".to_string(),
            ));
        }
        Ok((files, errors))
    }

    /// The manifest of root module `root`, if `terraform init` wrote one; a manifest that
    /// cannot be read is an error at that file.
    fn manifest(&self, root: &str) -> Result<Option<Manifest>, LoadError> {
        if self.boundary.is_none() {
            return Ok(None);
        }
        let display = join_dir(root, MANIFEST);
        let Ok(text) = std::fs::read_to_string(self.base.join(&display)) else {
            return Ok(None);
        };
        let file = SourceFile::new(display.clone(), text);
        let at_error = |line: usize, column: usize, message: String| {
            let at = file.offset(soc2gate_model::Position {
                line: line.max(1),
                column: column.max(1),
            });
            LoadError {
                location: file.locate(Span::new(at, at)),
                message: format!("cannot read the installed-modules manifest: {message}"),
                help: Some(format!(
                    "{GET_HELP} {root} again to rewrite it; its remote modules were not checked"
                )),
            }
        };
        let json: serde_json::Value = serde_json::from_str(&file.text)
            .map_err(|e| at_error(e.line(), e.column(), e.to_string()))?;
        let entries = json.get("Modules").and_then(|m| m.as_array());
        let Some(entries) = entries else {
            return Err(at_error(1, 1, "no \"Modules\" list".to_string()));
        };
        let text =
            |e: &serde_json::Value, k: &str| e.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let mut modules = HashMap::new();
        for e in entries {
            let (Some(key), Some(dir)) = (text(e, "Key"), text(e, "Dir")) else {
                return Err(at_error(
                    1,
                    1,
                    "an entry without \"Key\" or \"Dir\"".to_string(),
                ));
            };
            if key.is_empty() {
                continue;
            }
            let installed = Installed {
                source: text(e, "Source").unwrap_or_default(),
                dir: join_dir(root, &dir),
            };
            modules.insert(key, installed);
        }
        Ok(Some(Manifest { modules }))
    }
}

/// What [`resolve`] found beyond the scan.
pub(crate) struct Resolved<T> {
    pub dirs: ModuleDirs,
    /// Module directories read from disk: each file with what `parse` made of it, and
    /// the problems reading them, in the order found.
    pub read: Vec<ReadDir<T>>,
    pub errors: Vec<LoadError>,
}

/// A module directory read from disk.
pub(crate) struct ReadDir<T> {
    pub dir: String,
    pub files: Vec<(SourceFile, T)>,
    pub errors: Vec<LoadError>,
}

/// Reads every module directory the scan's directories lead to that the scan does not
/// hold: local sources, and the modules listed in the manifests of `roots`, following
/// the local sources of what was read. `scanned` holds the module sources each scanned
/// directory names; `parse` parses a file read and gives the module sources it names.
pub(crate) fn resolve<T: Send>(
    reader: &Reader,
    scanned: &BTreeMap<String, Vec<String>>,
    roots: &[String],
    parse: impl Fn(&SourceFile) -> (T, Vec<String>) + Sync,
) -> Resolved<T> {
    let mut dirs = ModuleDirs {
        closed: reader.boundary.is_none(),
        ..ModuleDirs::default()
    };
    let mut errors = Vec::new();
    let mut queue: Vec<String> = Vec::new();
    for root in roots {
        match reader.manifest(root) {
            Ok(Some(m)) => {
                let mut listed: Vec<String> = m.modules.values().map(|i| i.dir.clone()).collect();
                listed.sort();
                queue.extend(listed);
                dirs.manifests.insert(root.clone(), m);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    let local_targets = |dir: &str, sources: &[String]| -> Vec<String> {
        sources
            .iter()
            .filter(|s| is_local(s))
            .map(|s| join_dir(dir, s))
            .collect()
    };
    for (dir, sources) in scanned {
        queue.extend(local_targets(dir, sources));
    }
    let mut read = Vec::new();
    let mut seen: HashSet<String> = scanned.keys().cloned().collect();
    // Level by level, each level's directories read and parsed in parallel.
    while !queue.is_empty() {
        let level: Vec<String> = std::mem::take(&mut queue)
            .into_iter()
            .filter(|d| seen.insert(d.clone()))
            .collect();
        let results: Vec<_> = level
            .into_par_iter()
            .map(|dir| {
                let result = reader.read_dir(&dir).map(|(files, problems)| {
                    let files: Vec<(SourceFile, T, Vec<String>)> = files
                        .into_iter()
                        .map(|f| {
                            let (tree, sources) = parse(&f);
                            (f, tree, sources)
                        })
                        .collect();
                    (files, problems)
                });
                (dir, result)
            })
            .collect();
        for (dir, result) in results {
            match result {
                Ok((files, problems)) => {
                    let mut kept = Vec::with_capacity(files.len());
                    for (f, tree, sources) in files {
                        queue.extend(local_targets(&dir, &sources));
                        kept.push((f, tree));
                    }
                    read.push(ReadDir {
                        dir,
                        files: kept,
                        errors: problems,
                    });
                }
                Err(why) => {
                    dirs.skipped.insert(dir, why);
                }
            }
        }
    }
    Resolved { dirs, read, errors }
}

#[cfg(test)]
mod tests {
    use super::same_source;

    #[test]
    fn installed_sources_match_what_blocks_write() {
        for (installed, written) in [
            (
                "registry.terraform.io/terraform-aws-modules/vpc/aws",
                "terraform-aws-modules/vpc/aws",
            ),
            (
                "registry.terraform.io/terraform-aws-modules/iam/aws//modules/iam-role",
                "terraform-aws-modules/iam/aws//modules/iam-role",
            ),
            (
                "git::https://github.com/acme/logs.git?ref=v1.2.0",
                "github.com/acme/logs?ref=v1.2.0",
            ),
            (
                "git::https://github.com/acme/mods.git//bucket?ref=v1",
                "git::https://github.com/acme/mods.git//bucket?ref=v1",
            ),
            (
                "git::https://github.com/acme/mods.git?ref=v1//bucket",
                "github.com/acme/mods//bucket?ref=v1",
            ),
            (
                "git::ssh://git@github.com/acme/logs.git",
                "git@github.com:acme/logs.git",
            ),
        ] {
            assert!(same_source(installed, written), "{installed} vs {written}");
        }
        for (installed, written) in [
            (
                "registry.terraform.io/terraform-aws-modules/vpc/aws",
                "terraform-aws-modules/s3-bucket/aws",
            ),
            (
                "git::https://github.com/acme/logs.git?ref=v1.2.0",
                "github.com/acme/logs?ref=v1.3.0",
            ),
            (
                "git::https://github.com/acme/mods.git//bucket",
                "git::https://github.com/acme/mods.git//queue",
            ),
        ] {
            assert!(!same_source(installed, written), "{installed} vs {written}");
        }
    }
}
