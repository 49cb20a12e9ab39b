#!/usr/bin/env bash
# The cache key of the soc2gate binary that the GitHub Action builds: the runner's OS and
# architecture and a hash of everything the build reads (manifests, lock file, crate
# sources, built-in policies, vendored crates). A moving ref such as `v1` or `main` gets a
# new key whenever its code changes, which a key on the ref name alone would miss.
# Prints `key=...`; the action appends it to GITHUB_OUTPUT.
set -euo pipefail

root=${1:-${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}}
cd "$root"

if command -v sha256sum >/dev/null 2>&1; then
  sha() { sha256sum; }
else
  sha() { shasum -a 256; }
fi

inputs=(Cargo.toml Cargo.lock crates policies)
if [ -d vendor ]; then inputs+=(vendor); fi
hash=$(
  find "${inputs[@]}" -type f ! -path '*/target/*' |
    LC_ALL=C sort |
    while IFS= read -r file; do
      printf '%s\n' "$file"
      sha <"$file"
    done |
    sha | cut -d ' ' -f 1
)
echo "key=soc2gate-${RUNNER_OS:-local}-${RUNNER_ARCH:-local}-$hash"
