#!/usr/bin/env bash
# The scan step of the GitHub Action (action.yml). scripts/test-action.sh runs this same
# script locally, so keep the action's logic here rather than in action.yml.
#
# ONE scan prints the findings as workflow commands (annotations), writes the SARIF file,
# and appends the Markdown report to the job summary. Then it sets the outputs
# `exit-code`, `findings` and `sarif-file`, and exits with the scan's code, or 0 for
# findings (exit code 1) when soft-fail is on. A scan that cannot be trusted (2) always
# fails the step.
#
# Inputs arrive as environment variables, never interpolated into the script:
#   INPUT_PATH, INPUT_CONFIG, INPUT_FAIL_ON, INPUT_SOFT_FAIL, INPUT_SARIF_FILE,
#   INPUT_BASELINE, INPUT_CHANGED_SINCE, INPUT_ARGS, INPUT_EVIDENCE,
#   INPUT_EVIDENCE_DIR  the action's inputs
#   PR_BASE_REF        the pull request's base branch (github.base_ref), if any
#   DEFAULT_BRANCH     the repository's default branch; with GITHUB_EVENT_NAME and
#                      GITHUB_REF (set by the runner), when to write evidence
#   SOC2GATE_BIN       the soc2gate binary (default: soc2gate on PATH)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP  set by the runner
# Works with the bash 3.2 of macOS runners.
set -euo pipefail

fail() {
  echo "::error title=soc2gate::$1"
  exit 2
}

bin=${SOC2GATE_BIN:-soc2gate}
scan_path=${INPUT_PATH:-.}
sarif=${INPUT_SARIF_FILE:-soc2gate.sarif}
changed_since=${INPUT_CHANGED_SINCE:-}

case "${INPUT_SOFT_FAIL:-false}" in
  true | True | TRUE) soft_fail=true ;;
  false | False | FALSE | "") soft_fail=false ;;
  *) fail "soft-fail must be true or false, not '${INPUT_SOFT_FAIL}'" ;;
esac
case "$sarif" in
  *$'\n'* | *$'\r'*) fail "sarif-file must be one line" ;;
esac

# On a pull request, judge what it changes: soc2gate compares with the merge base of the
# base branch and HEAD. actions/checkout fetches one commit, which has no merge base with
# anything, so fetch the base branch and HEAD's history, deeper until git finds it.
merge_base_known() { git merge-base "$1" HEAD >/dev/null 2>&1; }
if [ -z "$changed_since" ] && [ -n "${PR_BASE_REF:-}" ]; then
  changed_since="origin/$PR_BASE_REF"
  if ! merge_base_known "$changed_since"; then
    echo "Fetching $PR_BASE_REF to report only what the pull request changes"
    fetch_base() {
      git fetch --no-tags --quiet "$@" "+refs/heads/$PR_BASE_REF:refs/remotes/origin/$PR_BASE_REF"
    }
    if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
      head=$(git rev-parse HEAD)
      for deepen in --depth=50 --depth=500 --unshallow; do
        fetch_base "$deepen" origin "$head" || break
        if merge_base_known "$changed_since"; then break; fi
      done
    else
      fetch_base origin || true
    fi
    if ! merge_base_known "$changed_since"; then
      echo "::warning title=soc2gate::cannot find where the pull request branched from $PR_BASE_REF; reporting findings in every file"
      changed_since=""
    fi
  fi
fi
if [ "$changed_since" = none ]; then
  changed_since=""
fi

# Evidence: on a push to the default branch, the same scan also writes the evidence
# bundle (`soc2gate evidence --out DIR`), which the next step uploads as an artifact.
evidence_dir=""
case "${INPUT_EVIDENCE:-false}" in
  true | True | TRUE)
    if [ "${GITHUB_EVENT_NAME:-}" = push ] && [ -n "${DEFAULT_BRANCH:-}" ] &&
      [ "${GITHUB_REF:-}" = "refs/heads/${DEFAULT_BRANCH}" ]; then
      evidence_dir=${INPUT_EVIDENCE_DIR:-soc2gate-evidence}
    fi
    ;;
  false | False | FALSE | "") ;;
  *) fail "evidence must be true or false, not '${INPUT_EVIDENCE}'" ;;
esac
if [ -n "$evidence_dir" ] && [ -n "$changed_since" ]; then
  echo "::notice title=soc2gate::evidence covers the whole scan: changed-since is not applied"
  changed_since=""
fi

work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/soc2gate.XXXXXX")
trap 'rm -rf "$work"' EXIT
summary="$work/summary.md"
json="$work/report.json"

command=scan
if [ -n "$evidence_dir" ]; then command=evidence; fi
args=("$command" "$scan_path" --format github
  --output "sarif=$sarif" --output "markdown=$summary" --output "json=$json")
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ -n "$changed_since" ]; then args+=(--changed-since "$changed_since"); fi
if [ -n "$evidence_dir" ]; then args+=(--out "$evidence_dir"); fi
# Extra arguments split at whitespace, never glob-expanded or evaluated.
extra=()
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -d '' -a extra <<<"$INPUT_ARGS" || true
fi
args+=(${extra[@]+"${extra[@]}"})

echo "$ soc2gate ${args[*]}"
set +e
"$bin" "${args[@]}"
code=$?
set -e

if [ -s "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi

# Unsuppressed findings: `summary.findings`, the first "findings" key of the JSON report.
findings=""
if [ -s "$json" ]; then
  findings=$(grep -o -m1 '"findings": [0-9][0-9]*' "$json" | grep -o '[0-9][0-9]*$' || true)
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    echo "findings=$findings"
    if [ -f "$sarif" ]; then echo "sarif-file=$sarif"; fi
    if [ -n "$evidence_dir" ] && [ -f "$evidence_dir/manifest.json" ]; then
      echo "evidence-dir=$evidence_dir"
    fi
  } >>"$GITHUB_OUTPUT"
fi

if [ "$code" -eq 1 ] && [ "$soft_fail" = true ]; then
  echo "::notice title=soc2gate::${findings:-some} findings, not failing the step because soft-fail is on"
  exit 0
fi
exit "$code"
