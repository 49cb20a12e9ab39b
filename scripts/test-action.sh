#!/usr/bin/env bash
# Runs the GitHub Action's shell steps (scripts/action-scan.sh, scripts/action-cache-key.sh)
# locally, the way the runner does: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP
# point at temporary files, inputs arrive as environment variables. Checks the exit code,
# the outputs, the job summary, the annotations and the SARIF file on testdata/example
# (fails), testdata/gate/clean (passes) and with soft-fail; then, with a stub binary, how
# every input reaches the command line.
#
#   scripts/test-action.sh     builds target/debug/soc2gate with cargo first
#   SOC2GATE_BIN=path/to/soc2gate scripts/test-action.sh
#
# Needs bash, git and python3 (to read the SARIF file). Prints `N passed, N failed`.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2

if [ -n "${SOC2GATE_BIN:-}" ]; then
  bin=$SOC2GATE_BIN
else
  cargo build --locked --quiet --bin soc2gate || exit 2
  bin=${CARGO_TARGET_DIR:-$root/target}/debug/soc2gate
fi
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
current=""

# check DESCRIPTION COMMAND...: one assertion about the current case.
check() {
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok    $what"
  else
    failed=$((failed + 1))
    echo "  FAIL  $what"
    if [ -n "$current" ]; then
      echo "        --- stdout of $current"
      sed 's/^/        /' "$tmp/$current/stdout"
      echo "        --- stderr of $current"
      sed 's/^/        /' "$tmp/$current/stderr"
    fi
  fi
}

# run_action CASE [VAR=value...]: runs the scan step in a clean environment from $cwd (the
# repository root unless set), with a job summary that an earlier step already wrote to.
cwd=$root
run_action() {
  current=$1
  shift
  local dir=$tmp/$current
  mkdir -p "$dir/runner"
  printf 'Summary of an earlier step.\n' >"$dir/summary.md"
  : >"$dir/output"
  echo "$current"
  (cd "$cwd" && env -i PATH="$PATH" HOME="$HOME" \
    GITHUB_OUTPUT="$dir/output" GITHUB_STEP_SUMMARY="$dir/summary.md" \
    RUNNER_TEMP="$dir/runner" SOC2GATE_BIN="$bin" INPUT_SARIF_FILE="$dir/soc2gate.sarif" \
    "$@" bash "$root/scripts/action-scan.sh" >"$dir/stdout" 2>"$dir/stderr")
  code=$?
}

# The value of an output of the current case ("" when unset).
output() { sed -n "s/^$1=//p" "$tmp/$current/output" | tail -n 1; }
has_output() { grep -q "^$1=" "$tmp/$current/output"; }
lacks_output() { ! has_output "$1"; }
empty_output() { has_output "$1" && [ -z "$(output "$1")" ]; }
contains() { grep -qF -- "$2" "$tmp/$current/$1"; }
lacks() { ! contains "$@"; }
is() { [ "$1" = "$2" ]; }
matches() { [[ $1 =~ $2 ]]; }
absent() { [ ! -e "$1" ]; }
positive() { [ -n "$1" ] && [ "$1" -gt 0 ]; }
summary_appended() { [ "$(head -n 1 "$tmp/$current/summary.md")" = "Summary of an earlier step." ]; }
temp_cleaned() { [ -z "$(ls -A "$tmp/$current/runner")" ]; }

# The SARIF file parses, is 2.1.0 from soc2gate, and has at least $1 results.
sarif_has() {
  python3 - "$(output sarif-file)" "$1" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    log = json.load(f)
run = log["runs"][0]
assert log["version"] == "2.1.0", log["version"]
assert run["tool"]["driver"]["name"] == "soc2gate"
results = run["results"]
assert len(results) >= int(sys.argv[2]), (len(results), sys.argv[2])
assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)
PY
}

run_action example-fails INPUT_PATH=testdata/example
check "exits 1" is "$code" 1
check "exit-code output is 1" is "$(output exit-code)" 1
check "findings output counts them" positive "$(output findings)"
check "sarif-file output names the file" is "$(output sarif-file)" "$tmp/$current/soc2gate.sarif"
check "the SARIF file parses and has every finding" sarif_has "$(output findings)"
check "annotations on stdout" contains stdout "::error file=testdata/example/"
check "job summary appended, not overwritten" summary_appended
check "job summary has the verdict" contains summary.md "## ❌ soc2gate: $(output findings) findings"
check "job summary has the SOC 2 table" contains summary.md "| Criterion | Rules | Critical | High | Medium | Low |"
check "job summary has a CC6.1 row" contains summary.md "| CC6.1 |"
check "job summary lists the findings" contains summary.md "### Findings"
check "temporary files removed" temp_cleaned

run_action clean-passes INPUT_PATH=testdata/gate/clean
check "exits 0" is "$code" 0
check "exit-code output is 0" is "$(output exit-code)" 0
check "findings output is 0" is "$(output findings)" 0
check "the SARIF file parses" sarif_has 0
check "job summary says so" contains summary.md "## ✅ soc2gate: no findings"
check "no annotation" lacks stdout "::"

run_action soft-fail INPUT_PATH=testdata/example INPUT_SOFT_FAIL=true
check "exits 0 with findings" is "$code" 0
check "exit-code output is still 1" is "$(output exit-code)" 1
check "findings output counts them" positive "$(output findings)"
check "says why it passes" contains stdout "::notice title=soc2gate::"
check "annotations still on stdout" contains stdout "::error file=testdata/example/"

run_action evidence-on-default-branch INPUT_PATH=testdata/example INPUT_EVIDENCE=true \
  INPUT_EVIDENCE_DIR="$tmp/evidence-on-default-branch/ev" GITHUB_EVENT_NAME=push \
  GITHUB_REF=refs/heads/main DEFAULT_BRANCH=main
check "exits 1, like the scan" is "$code" 1
check "evidence-dir output names the bundle" is "$(output evidence-dir)" "$tmp/$current/ev"
check "the bundle has its four files" test -f "$tmp/$current/ev/evidence.json" -a -f "$tmp/$current/ev/evidence.md" -a -f "$tmp/$current/ev/evidence.html" -a -f "$tmp/$current/ev/manifest.json"
check "annotations still on stdout" contains stdout "::error file=testdata/example/"
check "the SARIF file parses" sarif_has 1

run_action evidence-not-on-pull-requests INPUT_PATH=testdata/example INPUT_EVIDENCE=true \
  INPUT_EVIDENCE_DIR="$tmp/evidence-not-on-pull-requests/ev" GITHUB_EVENT_NAME=pull_request \
  GITHUB_REF=refs/pull/7/merge DEFAULT_BRANCH=main PR_BASE_REF=main INPUT_CHANGED_SINCE=none
check "no bundle" absent "$tmp/$current/ev"
check "no evidence-dir output" lacks_output evidence-dir

run_action bad-evidence INPUT_PATH=testdata/gate/clean INPUT_EVIDENCE=yes
check "exits 2" is "$code" 2
check "says what is allowed" contains stdout "evidence must be true or false"

run_action bad-soft-fail INPUT_PATH=testdata/gate/clean INPUT_SOFT_FAIL=maybe
check "exits 2" is "$code" 2
check "says what is allowed" contains stdout "soft-fail must be true or false"

cwd=$tmp
# shellcheck disable=SC2016 # the quotes keep what an attacker would write
run_action hostile-path 'INPUT_PATH=$(touch pwned) `touch pwned` ; touch pwned'
check "an odd path is a path: exit 2, nothing to scan" is "$code" 2
check "nothing was executed" absent "$tmp/pwned"
cwd=$root

# A stub binary records the command line, to check how each input reaches it.
cat >"$tmp/stub" <<'STUB'
#!/usr/bin/env bash
printf '|%s' "$@" >"$STUB_LOG"
exit "${STUB_EXIT:-0}"
STUB
chmod +x "$tmp/stub"
stub_run() {
  local name=$1
  shift
  run_action "$name" SOC2GATE_BIN="$tmp/stub" STUB_LOG="$tmp/$name.args" "$@"
}
args_have() { grep -qF -- "$1" "$tmp/$current.args"; }
args_lack() { ! grep -qF -- "$1" "$tmp/$current.args"; }

stub_run inputs 'INPUT_PATH=infra dir' 'INPUT_CONFIG=my config.toml' INPUT_FAIL_ON=high \
  INPUT_BASELINE=.soc2gate-baseline.json INPUT_CHANGED_SINCE=v1.2 \
  "INPUT_ARGS=--policy-dir  rules/*
--allow-parse-errors" PR_BASE_REF=main
check "one scan: path, annotations, SARIF" args_have "|scan|infra dir|--format|github|--output|sarif=$tmp/inputs/soc2gate.sarif|--output|markdown="
check "--config" args_have "|--config|my config.toml|"
check "--fail-on" args_have "|--fail-on|high|"
check "--baseline" args_have "|--baseline|.soc2gate-baseline.json|"
check "--changed-since wins over the pull request's base" args_have "|--changed-since|v1.2|"
check "args split at whitespace, not globbed" args_have "|--policy-dir|rules/*|--allow-parse-errors"
check "no SARIF written, so no sarif-file output" lacks_output sarif-file
check "findings output empty when there is no report" empty_output findings

stub_run defaults
check "defaults: scan . and nothing optional" args_have "|scan|.|--format|github|"
for flag in --config --fail-on --baseline --changed-since; do
  check "defaults: no $flag" args_lack "|$flag|"
done

# Pull requests: compare with origin/<base> when the checkout has it; fetch it otherwise,
# and scan every file when it cannot be fetched.
repo=$tmp/pr-repo
git init -q "$repo" && git -C "$repo" -c user.name=t -c user.email=t@example.com \
  commit -q --allow-empty -m base && git -C "$repo" update-ref refs/remotes/origin/main HEAD
cwd=$repo
stub_run pull-request PR_BASE_REF=main
check "pull request: --changed-since origin/<base>" args_have "|--changed-since|origin/main"
stub_run pull-request-full-scan PR_BASE_REF=main INPUT_CHANGED_SINCE=none
check "changed-since: none scans every file" args_lack "|--changed-since|"
stub_run pull-request-no-base PR_BASE_REF=gone
check "unfetchable base: a warning" contains stdout "::warning title=soc2gate::cannot find where the pull request branched from gone"
check "unfetchable base: every file" args_lack "|--changed-since|"
cwd=$root

# The whole pull request path with the real binary, on a checkout made the way
# actions/checkout makes it: one commit (the pull request's merge ref) and no base branch.
# The pull request adds an unencrypted bucket to module a; module b already had findings.
origin=$tmp/origin
git init -q -b main "$origin"
mkdir -p "$origin/infra/a" "$origin/infra/b"
cp testdata/gate/clean/main.tf "$origin/infra/a/main.tf"
cp testdata/gate/violating/main.tf "$origin/infra/b/main.tf"
gitc() { git -C "$origin" -c user.name=t -c user.email=t@example.com "$@"; }
gitc add --all && gitc commit -q -m base
gitc checkout -q -b feature
printf 'resource "aws_s3_bucket" "new" {\n  bucket = "acme-new"\n}\n' >"$origin/infra/a/new.tf"
gitc add --all && gitc commit -q -m "the pull request"
gitc checkout -q main
echo "# later on main" >"$origin/README.md"
gitc add --all && gitc commit -q -m "main moves on"
gitc checkout -q --detach main && gitc merge -q --no-ff -m merge feature
gitc update-ref refs/pull/1/merge HEAD && gitc checkout -q main
gitc config uploadpack.allowReachableSHA1InWant true
checkout=$tmp/checkout
git init -q "$checkout" && git -C "$checkout" remote add origin "file://$origin" &&
  git -C "$checkout" fetch -q --no-tags --depth=1 origin +refs/pull/1/merge:refs/remotes/pull/1/merge &&
  git -C "$checkout" checkout -q --detach refs/remotes/pull/1/merge
cwd=$checkout
run_action pull-request-shallow-checkout INPUT_PATH=infra PR_BASE_REF=main
check "compares with the base branch" contains stdout "--changed-since origin/main"
check "exits 1 on the pull request's finding" is "$code" 1
check "annotates the file the pull request added" contains stdout "::error file=infra/a/new.tf,"
check "not the module it did not touch" lacks stdout "file=infra/b/"
cwd=$root

stub_run untrusted-soft-fail STUB_EXIT=2 INPUT_SOFT_FAIL=true
check "soft-fail does not hide an untrustworthy scan (2)" is "$code" 2
stub_run findings-soft-fail STUB_EXIT=1 INPUT_SOFT_FAIL=true
check "soft-fail passes findings (1)" is "$code" 0

current=""
echo "cache key"
key1=$(env -i PATH="$PATH" RUNNER_OS=Linux RUNNER_ARCH=X64 bash scripts/action-cache-key.sh)
key2=$(env -i PATH="$PATH" RUNNER_OS=Linux RUNNER_ARCH=X64 GITHUB_ACTION_PATH="$root" bash scripts/action-cache-key.sh)
check "key=soc2gate-<os>-<arch>-<sha256>" matches "$key1" '^key=soc2gate-Linux-X64-[0-9a-f]{64}$'
check "the same sources give the same key" is "$key1" "$key2"

echo "action.yml"
# Inputs must reach the shell only through env: no expression inside a run script.
yaml_check() {
  python3 - "$@" <<'PY'
import re, sys
try:
    import yaml
except ImportError:
    sys.exit(3)
action = yaml.safe_load(open("action.yml"))
script = open("scripts/action-scan.sh").read()
steps = action["runs"]["steps"]
if sys.argv[1] == "no-expressions":
    bad = [s["name"] for s in steps if "${{" in s.get("run", "")]
    assert not bad, bad
elif sys.argv[1] == "env":
    scan = next(s for s in steps if s.get("id") == "scan")
    used = set(re.findall(r"\b(INPUT_[A-Z_]+|PR_BASE_REF)\b", script))
    missing = used - set(scan["env"])
    assert not missing, missing
    inputs = {"INPUT_" + i.upper().replace("-", "_") for i in action["inputs"]}
    unused = {k for k in scan["env"] if k.startswith("INPUT_")} - inputs
    assert not unused, unused
PY
}
if python3 -c 'import yaml' 2>/dev/null; then
  check "no \${{ }} inside run scripts" yaml_check no-expressions
  check "the scan step passes every variable the script reads" yaml_check env
else
  echo "  skip  action.yml checks (python3 has no yaml module)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
