#!/usr/bin/env bash
# How the GitHub Action (action.yml) gets soc2gate: a release binary, downloaded and
# checked against the release's SHA256SUMS, or a build from the action's own source.
# scripts/test-action-install.sh runs it locally against a release directory served on
# 127.0.0.1.
#
#   action-install.sh resolve    prints `mode=`, `version=`, `dir=`, `bin=` and `key=`
#                                lines for GITHUB_OUTPUT: what to install, where, and
#                                the cache key
#   action-install.sh download   downloads release VERSION into DIR (from `resolve`)
#
# Inputs arrive as environment variables, never interpolated into the script:
#   INPUT_VERSION   the action's `version` input: empty (the release of the action's own
#                   tag, or a source build when the action runs from a branch or a
#                   commit), `source`, or a release such as `v0.2.0` / `0.2.0`
#   ACTION_REF      the ref the workflow named the action by (github.action_ref; when
#                   empty, the last directory of GITHUB_ACTION_PATH)
#   SOC2GATE_RELEASE_URL  where releases are downloaded from: BASE/vX.Y.Z/ASSET
#                   (default: the GitHub releases of soc2gate/soc2gate)
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP  set by the runner
#   VERSION, DIR    for `download`: the `version` and `dir` that `resolve` printed
# Works with the bash 3.2 of macOS runners.
set -euo pipefail

fail() {
  echo "::error title=soc2gate::$1"
  exit 2
}

root=$(cd "$(dirname "$0")/.." && pwd)
release_url=${SOC2GATE_RELEASE_URL:-https://github.com/soc2gate/soc2gate/releases/download}

# The Rust target triple of the release binary for this runner.
target() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
    *) return 1 ;;
  esac
}

# The asset of a target: a zip on Windows, a gzipped tarball elsewhere, as
# .github/workflows/release.yml names them.
asset() {
  case "$1" in
    *windows*) echo "soc2gate-$1.zip" ;;
    *) echo "soc2gate-$1.tar.gz" ;;
  esac
}

exe() {
  case "$1" in
    *windows*) echo soc2gate.exe ;;
    *) echo soc2gate ;;
  esac
}

# The version of the action's own code, from Cargo.toml's [workspace.package].
own_version() {
  sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' "$root/Cargo.toml" | head -n 1
}

tool_cache() {
  echo "${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}"
}

resolve() {
  local version=${INPUT_VERSION:-} ref=${ACTION_REF:-} mode why=""
  # github.action_ref is not always set for composite actions; the runner checks an
  # action out into .../_actions/OWNER/NAME/REF, so the last directory is the ref.
  if [ -z "$ref" ] && [ -n "${GITHUB_ACTION_PATH:-}" ]; then
    ref=$(basename "$GITHUB_ACTION_PATH")
  fi
  version=$(printf '%s' "$version" | tr -d '[:space:]')
  case "$version" in
    source) mode=source ;;
    "")
      # A tag such as v1 or v1.2.3 is a release: the code at that tag is the release's,
      # so its Cargo.toml names the version. A branch or a commit may be ahead of any
      # release, so it is built from its own source.
      if [[ $ref =~ ^v[0-9]+(\.[0-9]+)*$ ]]; then
        mode=release
        version=v$(own_version)
      else
        mode=source
        why="the action runs from ${ref:-an unknown ref}, not a release tag; set \`version:\` to download a release instead"
      fi
      ;;
    *)
      mode=release
      version=v${version#v}
      if ! [[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]]; then
        fail "version must be a release such as 0.2.0 or v0.2.0, or \`source\`, not '${INPUT_VERSION}'"
      fi
      ;;
  esac

  if [ "$mode" = source ]; then
    echo "Building soc2gate from the action's source${why:+ ($why)}" >&2
    local key
    key=$(bash "$root/scripts/action-cache-key.sh" "$root")
    # `cargo install --root DIR/..` puts the binary in DIR, which holds nothing else.
    echo "mode=source"
    echo "version=source"
    echo "dir=$(tool_cache)/soc2gate/source/bin"
    echo "bin=$(tool_cache)/soc2gate/source/bin/soc2gate"
    echo "$key"
    return
  fi

  local triple
  triple=$(target) || fail "no release binary for ${RUNNER_OS:-this OS} on ${RUNNER_ARCH:-this architecture}; set \`version: source\` to build soc2gate with cargo"
  local dir
  dir=$(tool_cache)/soc2gate/$version/$triple
  echo "Using the soc2gate $version release binary for $triple" >&2
  echo "mode=release"
  echo "version=$version"
  echo "dir=$dir"
  echo "bin=$dir/$(exe "$triple")"
  echo "key=soc2gate-release-$version-$triple"
}

if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
else
  sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
fi

fetch() {
  curl --fail --silent --show-error --location --retry 3 --output "$2" "$1"
}

download() {
  local version=${VERSION:?VERSION is not set} dir=${DIR:?DIR is not set} triple name
  triple=$(target) || fail "no release binary for ${RUNNER_OS:-this OS} on ${RUNNER_ARCH:-this architecture}"
  name=$(asset "$triple")
  local work
  work=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/soc2gate-install.XXXXXX")
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" EXIT

  local url=$release_url/$version
  echo "Downloading $url/$name"
  fetch "$url/$name" "$work/$name" ||
    fail "cannot download $url/$name: is $version a soc2gate release? (set \`version: source\` to build from source)"
  fetch "$url/SHA256SUMS" "$work/SHA256SUMS" ||
    fail "cannot download $url/SHA256SUMS, so $name cannot be verified"

  local expected actual
  expected=$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1; exit }' "$work/SHA256SUMS")
  [ -n "$expected" ] || fail "SHA256SUMS of $version has no line for $name"
  actual=$(sha256 "$work/$name")
  if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for $name: SHA256SUMS of $version says $expected, the download is $actual; not installing it"
  fi
  echo "$name: checksum OK ($actual)"

  mkdir -p "$work/unpacked"
  case "$name" in
    *.zip) unzip -q "$work/$name" -d "$work/unpacked" || tar -xf "$work/$name" -C "$work/unpacked" ;;
    *) tar -xzf "$work/$name" -C "$work/unpacked" ;;
  esac || fail "cannot unpack $name"
  local exe_name found
  exe_name=$(exe "$triple")
  found=$(find "$work/unpacked" -type f -name "$exe_name" | head -n 1)
  [ -n "$found" ] || fail "$name has no $exe_name"
  mkdir -p "$dir"
  cp "$found" "$dir/$exe_name"
  chmod +x "$dir/$exe_name"
  "$dir/$exe_name" --version
}

case "${1:-}" in
  resolve) resolve ;;
  download) download ;;
  *)
    echo "usage: $0 resolve|download" >&2
    exit 2
    ;;
esac
