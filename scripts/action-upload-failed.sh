#!/usr/bin/env bash
# Runs when the action's SARIF upload step failed (action.yml): the upload is
# continue-on-error, because a repository without code scanning (a private one without
# GitHub Advanced Security, or one where it is turned off) rejects every upload, and the
# scan's own verdict should decide the job. Says so as a warning and in the job summary,
# with the two ways out. Reads GITHUB_STEP_SUMMARY.
set -euo pipefail

message="the SARIF upload to code scanning failed (see the step 'Upload SARIF to code scanning'): code scanning is probably not enabled for this repository. Enable it (Settings, Code security), or set \`upload-sarif: false\`. The findings are in the annotations and this summary."
echo "::warning title=soc2gate::$message"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  printf '\n> [!WARNING]\n> soc2gate: %s\n' "$message" >>"$GITHUB_STEP_SUMMARY"
fi
