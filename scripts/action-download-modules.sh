#!/usr/bin/env bash
# The download-modules step of the GitHub Action (action.yml): runs `terraform get` in
# every root module under INPUT_PATH whose remote module calls are not installed, so that
# the scan reads those modules from `.terraform/modules` as Terraform does. The roots come
# from soc2gate itself: a first scan lists each remote call it could not expand, with the
# root module to run `terraform get` in.
#
#   INPUT_PATH    the action's path input
#   SOC2GATE_BIN  the soc2gate binary (default: soc2gate on PATH)
# Without terraform on the PATH it warns and changes nothing. A root where `terraform get`
# fails (a private module without credentials) is a warning; its calls stay not expanded
# and the scan says so. Works with the bash 3.2 of macOS runners.
set -euo pipefail

bin=${SOC2GATE_BIN:-soc2gate}
scan_path=${INPUT_PATH:-.}

if ! command -v terraform >/dev/null 2>&1; then
  echo "::warning title=soc2gate::download-modules is on but terraform is not on the PATH; add hashicorp/setup-terraform before this action. Remote modules are not checked."
  exit 0
fi

work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/soc2gate-modules.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$bin" scan "$scan_path" --format json >"$work/report.json" 2>/dev/null || true
# shellcheck disable=SC2016 # the backquotes are part of the message, not a command
prefix='run `terraform get` (or `terraform init -backend=false`) in '
suffix=', then scan again'
grep -o "${prefix}[^\"]*${suffix}" "$work/report.json" |
  sed -e "s/^${prefix}//" -e "s/${suffix}\$//" | sort -u >"$work/roots" || true

while IFS= read -r root; do
  echo "$ terraform -chdir=$root get"
  if ! terraform -chdir="$root" get -no-color; then
    echo "::warning title=soc2gate::terraform get failed in $root; the modules it calls are not checked"
  fi
done <"$work/roots"
