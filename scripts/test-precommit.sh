#!/usr/bin/env bash
# Tests the pre-commit hook (.pre-commit-hooks.yaml) as a user meets it: installs
# pre-commit from PyPI into a temporary virtualenv and runs
# `pre-commit try-repo <soc2gate> soc2gate --all-files` in temporary git repositories
# copied from testdata/gate/violating (must fail with findings) and testdata/gate/clean
# (must pass), and in one without Terraform or YAML (the hook is skipped).
#
#   scripts/test-precommit.sh            tests a clone of this repository's HEAD
#   scripts/test-precommit.sh REPO       tests REPO (a path or URL) as pre-commit sees it
#
# `language: rust` makes pre-commit `cargo install` the hook's repository, so the first
# run compiles soc2gate in release mode: minutes, not seconds (pre-commit installs without
# --locked, so dependencies resolve as they would for a user). Uncommitted changes are not
# tested by default: pre-commit would copy them into a new shadow commit for every run,
# and build twice. Needs python3 (with venv), git, cargo and network access to PyPI and
# crates.io. Prints `N passed, N failed`.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok    $what"
  else
    failed=$((failed + 1))
    echo "  FAIL  $what"
  fi
}
is() { [ "$1" = "$2" ]; }
contains() { grep -qF -- "$2" "$1"; }

echo "installing pre-commit from PyPI"
python3 -m venv "$tmp/venv" && "$tmp/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit ||
  exit 2
pre_commit=$tmp/venv/bin/pre-commit
"$pre_commit" --version

if [ $# -gt 0 ]; then
  repo=$1
else
  repo=$tmp/soc2gate
  git clone --quiet "$root" "$repo" || exit 2
  echo "testing commit $(git -C "$repo" log -1 --format='%h %s')"
  if [ -n "$(git -C "$root" status --porcelain -- .pre-commit-hooks.yaml)" ]; then
    echo "warning: .pre-commit-hooks.yaml has uncommitted changes, which this does not test"
  fi
fi
# A private cache, so the hook is built from the repository under test. try-repo installs
# the hook anew on every run, so the runs share cargo's target directory: the first
# compiles, the others only link. Set CARGO_TARGET_DIR to reuse an existing release build.
export PRE_COMMIT_HOME=$tmp/cache
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$tmp/target}

# try_repo NAME [FIXTURE]: a git repository with the fixture's files (added, as pre-commit
# looks only at tracked files), and the hook run on all of them. Sets $code and $log.
try_repo() {
  local dir=$tmp/$1
  mkdir -p "$dir"
  if [ -n "${2:-}" ]; then cp -R "$root/$2/." "$dir/"; fi
  printf '# A repository without infrastructure code.\n' >"$dir/README.md"
  git -C "$dir" init --quiet && git -C "$dir" add --all
  log=$tmp/$1.log
  echo "$1"
  local start=$SECONDS
  (cd "$dir" && "$pre_commit" try-repo "$repo" soc2gate --all-files --verbose --color never) >"$log" 2>&1
  code=$?
  echo "  ($((SECONDS - start))s)"
}

try_repo violating testdata/gate/violating
check "the hook fails" is "$code" 1
check "with the findings in its output" contains "$log" "aws-s3-encryption-at-rest"
check "and soc2gate's summary line" contains "$log" " findings ("
if [ "$code" != 1 ]; then sed 's/^/        /' "$log"; fi

try_repo clean testdata/gate/clean
check "the hook passes" is "$code" 0
check "having scanned the files" contains "$log" "No findings in 1 file"
if [ "$code" != 0 ]; then sed 's/^/        /' "$log"; fi

try_repo no-infrastructure
check "the hook is skipped without .tf or YAML files" is "$code" 0
check "and says so" contains "$log" "(no files to check)Skipped"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
