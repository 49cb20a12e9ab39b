//! What git says about the scanned code: the commit, branch, remote and whether the tree
//! has uncommitted changes, and who last changed a line (for inline exceptions). Every
//! question is a `git` command; when git or the repository is missing the answer is none.

use std::path::Path;
use std::process::Command;

use soc2gate_evidence::{Blame, Git};

use crate::date::Date;

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

/// The checkout `dir` is in, or `None` outside a git repository.
pub fn describe(dir: &Path) -> Option<Git> {
    let commit = git(dir, &["rev-parse", "HEAD"])?;
    let branch = git(dir, &["symbolic-ref", "--quiet", "--short", "HEAD"]);
    let remote = git(dir, &["remote", "get-url", "origin"]).map(|u| without_credentials(&u));
    let dirty =
        git(dir, &["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    Some(Git {
        commit,
        branch,
        remote,
        dirty,
    })
}

/// A remote URL without the user and password (a CI token) it may carry.
pub fn without_credentials(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        if path.is_empty() {
            return format!("{scheme}://{host}");
        }
        return format!("{scheme}://{host}/{path}");
    }
    url.to_string()
}

/// Who last changed `line` of `file` (relative to `dir`), from `git blame`; `None` when the
/// line is not committed yet or git cannot tell.
pub fn blame(dir: &Path, file: &str, line: usize) -> Option<Blame> {
    let range = format!("{line},{line}");
    let out = git(dir, &["blame", "--porcelain", "-L", &range, "--", file])?;
    let mut lines = out.lines();
    let commit = lines.next()?.split_whitespace().next()?.to_string();
    if commit.bytes().all(|b| b == b'0') {
        return None;
    }
    let mut author = None;
    let mut date = None;
    for l in lines {
        if let Some(a) = l.strip_prefix("author ") {
            author = Some(a.to_string());
        } else if let Some(t) = l.strip_prefix("author-time ") {
            date = t
                .parse::<i64>()
                .ok()
                .map(|secs| Date::from_unix_days(secs.div_euclid(86_400)).to_string());
        }
    }
    Some(Blame {
        commit,
        author: author?,
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_removed_from_remotes() {
        assert_eq!(
            without_credentials("https://x-access-token:ghs_abc@github.com/acme/infra.git"),
            "https://github.com/acme/infra.git"
        );
        assert_eq!(
            without_credentials("https://github.com/acme/infra"),
            "https://github.com/acme/infra"
        );
        assert_eq!(
            without_credentials("git@github.com:acme/infra.git"),
            "git@github.com:acme/infra.git"
        );
    }
}
