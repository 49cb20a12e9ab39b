#!/usr/bin/env bash
# Tests how the GitHub Action installs soc2gate (scripts/action-install.sh), locally:
# which install a `version` input and the action's ref choose, then the download path
# against release directories served on 127.0.0.1, laid out as
# .github/workflows/release.yml publishes them (vX.Y.Z/soc2gate-<target>.tar.gz or .zip,
# vX.Y.Z/SHA256SUMS): a good release installs a binary that scans, a checksum mismatch
# and a missing release fail the step with a clear message and install nothing. The
# installed binary then runs the action's scan step (scripts/action-scan.sh).
#
#   scripts/test-action-install.sh     packages target/debug/soc2gate (cargo builds it)
#   SOC2GATE_BIN=path/to/soc2gate scripts/test-action-install.sh
#
# Needs bash, curl, tar, zip, unzip and python3 (the HTTP server). Prints `N passed, N failed`.
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
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0
failed=0
current=""
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
      sed 's/^/        /' "$tmp/$current.stdout"
      echo "        --- stderr of $current"
      sed 's/^/        /' "$tmp/$current.stderr"
    fi
  fi
}
is() { [ "$1" = "$2" ]; }
contains() { grep -qF -- "$2" "$tmp/$current.$1"; }
lacks() { ! contains "$@"; }
absent() { [ ! -e "$1" ]; }
output() { sed -n "s/^$1=//p" "$tmp/$current.stdout" | tail -n 1; }

# install CASE COMMAND [VAR=value...]: runs action-install.sh COMMAND in a clean
# environment, as the runner would. Sets $code.
install() {
  current=$1
  local command=$2
  shift 2
  echo "$current"
  env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$tmp/runner" RUNNER_TOOL_CACHE="$tmp/tools" \
    "$@" bash "$root/scripts/action-install.sh" "$command" >"$tmp/$current.stdout" 2>"$tmp/$current.stderr"
  code=$?
}
mkdir -p "$tmp/runner"

version=v$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)

echo "== which install"
install tag-ref resolve ACTION_REF=v1 RUNNER_OS=Linux RUNNER_ARCH=X64
check "exits 0" is "$code" 0
check "a release tag downloads" is "$(output mode)" release
check "the release of the action's own code ($version)" is "$(output version)" "$version"
check "into the tool cache, by version and target" is "$(output dir)" "$tmp/tools/soc2gate/$version/x86_64-unknown-linux-musl"
check "the binary in it" is "$(output bin)" "$tmp/tools/soc2gate/$version/x86_64-unknown-linux-musl/soc2gate"
check "cached by version and target" is "$(output key)" "soc2gate-release-$version-x86_64-unknown-linux-musl"

install path-ref resolve GITHUB_ACTION_PATH=/runner/_actions/soc2gate/soc2gate/v0.1 RUNNER_OS=macOS RUNNER_ARCH=ARM64
check "without action_ref, the ref in the action's path" is "$(output mode)" release
check "macOS arm64 binary" is "$(output key)" "soc2gate-release-$version-aarch64-apple-darwin"

install branch-ref resolve ACTION_REF=main RUNNER_OS=Linux RUNNER_ARCH=X64
check "a branch builds from source" is "$(output mode)" source
check "and says why" contains stderr "runs from main, not a release tag"
check "cached by a hash of the sources" is "$(output key)" "$(RUNNER_OS=Linux RUNNER_ARCH=X64 bash scripts/action-cache-key.sh | sed 's/^key=//')"
check "cargo install puts the binary in dir" is "$(output bin)" "$(output dir)/soc2gate"

install local-action resolve GITHUB_ACTION_PATH="$root" RUNNER_OS=Linux RUNNER_ARCH=X64
check "uses: ./ builds from source" is "$(output mode)" source

install source-input resolve INPUT_VERSION=source ACTION_REF=v1 RUNNER_OS=Linux RUNNER_ARCH=X64
check "version: source builds from source on a tag too" is "$(output mode)" source

install version-input resolve INPUT_VERSION=0.3.1 ACTION_REF=main RUNNER_OS=Windows RUNNER_ARCH=X64
check "version: 0.3.1 downloads v0.3.1 from a branch too" is "$(output version)" v0.3.1
check "Windows: soc2gate.exe" is "$(output bin)" "$tmp/tools/soc2gate/v0.3.1/x86_64-pc-windows-msvc/soc2gate.exe"

install v-version-input resolve INPUT_VERSION=v0.3.1 RUNNER_OS=Linux RUNNER_ARCH=ARM64
check "version: v0.3.1 is the same release" is "$(output version)" v0.3.1
check "Linux arm64: the aarch64 musl binary" is "$(output key)" "soc2gate-release-v0.3.1-aarch64-unknown-linux-musl"

# shellcheck disable=SC2016 # the text an attacker would write
install bad-version resolve 'INPUT_VERSION=1.0; $(touch pwned)' RUNNER_OS=Linux RUNNER_ARCH=X64
check "a version that is not one: exit 2" is "$code" 2
check "says what is allowed" contains stdout "::error title=soc2gate::version must be a release such as 0.2.0"

install no-binary resolve INPUT_VERSION=0.3.1 RUNNER_OS=Windows RUNNER_ARCH=ARM64
check "no release binary for the runner: exit 2" is "$code" 2
check "says to build from source" contains stdout "no release binary for Windows on ARM64; set \`version: source\`"

echo "== download from a release directory on 127.0.0.1"
releases=$tmp/releases
# release VERSION: a release with the binary for Linux x86_64 (tarball) and Windows
# (zip), and a SHA256SUMS of both.
release() {
  local dir=$releases/$1 target
  mkdir -p "$dir"
  for target in x86_64-unknown-linux-musl x86_64-pc-windows-msvc; do
    local stage=$tmp/stage/$1/soc2gate-$target
    mkdir -p "$stage"
    case "$target" in
      *windows*)
        cp "$bin" "$stage/soc2gate.exe"
        (cd "$tmp/stage/$1" && zip -q -r "$dir/soc2gate-$target.zip" "soc2gate-$target")
        ;;
      *)
        cp "$bin" "$stage/soc2gate"
        tar -czf "$dir/soc2gate-$target.tar.gz" -C "$tmp/stage/$1" "soc2gate-$target"
        ;;
    esac
  done
  (cd "$dir" && sha256sum soc2gate-* >SHA256SUMS)
}
release v9.9.9
release v9.9.8
# v9.9.8's Linux tarball is not the one its SHA256SUMS describes.
printf 'tampered' | gzip >"$releases/v9.9.8/soc2gate-x86_64-unknown-linux-musl.tar.gz"

python3 - "$releases" "$tmp/port" <<'PY' &
# Serves the release directory on 127.0.0.1 (a free port, written to the port file) for
# at most five minutes.
import functools, http.server, sys, threading

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
with open(sys.argv[2] + ".part", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(sys.argv[2] + ".part", sys.argv[2])
threading.Timer(300, server.shutdown).start()
server.serve_forever()
PY
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$tmp/port" ] && break
  sleep 0.1
done
url=http://127.0.0.1:$(cat "$tmp/port" 2>/dev/null)
echo "serving $releases at $url"

plan() { install "$1" resolve SOC2GATE_RELEASE_URL="$url" "${@:2}"; }

# The action's three steps for a release: resolve, download, scan.
plan good-plan INPUT_VERSION=9.9.9 RUNNER_OS=Linux RUNNER_ARCH=X64
dir=$(output dir)
installed=$(output bin)
install good-download download SOC2GATE_RELEASE_URL="$url" RUNNER_OS=Linux RUNNER_ARCH=X64 \
  VERSION=v9.9.9 DIR="$dir"
check "exits 0" is "$code" 0
check "downloads the asset of the runner" contains stdout "Downloading $url/v9.9.9/soc2gate-x86_64-unknown-linux-musl.tar.gz"
check "verifies it" contains stdout "soc2gate-x86_64-unknown-linux-musl.tar.gz: checksum OK"
check "installs the binary where resolve said" test -x "$installed"
check "which runs" contains stdout "soc2gate ${version#v}"
current=scan-with-download
echo "$current"
(env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$tmp/runner" SOC2GATE_BIN="$installed" \
  INPUT_PATH=testdata/example INPUT_SARIF_FILE="$tmp/example.sarif" \
  bash scripts/action-scan.sh >"$tmp/$current.stdout" 2>"$tmp/$current.stderr")
code=$?
check "the downloaded binary fails the example (exit 1)" is "$code" 1
check "with annotations" contains stdout "::error file=testdata/example/"

install windows-download download SOC2GATE_RELEASE_URL="$url" RUNNER_OS=Windows RUNNER_ARCH=X64 \
  VERSION=v9.9.9 DIR="$tmp/tools/windows"
check "Windows: the zip, unpacked" is "$code" 0
check "Windows: soc2gate.exe installed" test -x "$tmp/tools/windows/soc2gate.exe"

install mismatch download SOC2GATE_RELEASE_URL="$url" RUNNER_OS=Linux RUNNER_ARCH=X64 \
  VERSION=v9.9.8 DIR="$tmp/tools/mismatch"
check "checksum mismatch: exit 2" is "$code" 2
check "checksum mismatch: a clear error" contains stdout "::error title=soc2gate::checksum mismatch for soc2gate-x86_64-unknown-linux-musl.tar.gz: SHA256SUMS of v9.9.8 says"
check "checksum mismatch: nothing installed" absent "$tmp/tools/mismatch"
check "checksum mismatch: no OK line" lacks stdout "checksum OK"

install missing download SOC2GATE_RELEASE_URL="$url" RUNNER_OS=Linux RUNNER_ARCH=X64 \
  VERSION=v0.0.1 DIR="$tmp/tools/missing"
check "no such release: exit 2" is "$code" 2
check "no such release: says which URL and what to do" contains stdout "::error title=soc2gate::cannot download $url/v0.0.1/soc2gate-x86_64-unknown-linux-musl.tar.gz: is v0.0.1 a soc2gate release?"
check "no such release: nothing installed" absent "$tmp/tools/missing"

mkdir -p "$releases/v9.9.7"
cp "$releases/v9.9.9/soc2gate-x86_64-unknown-linux-musl.tar.gz" "$releases/v9.9.7/"
grep windows "$releases/v9.9.9/SHA256SUMS" >"$releases/v9.9.7/SHA256SUMS"
install unlisted download SOC2GATE_RELEASE_URL="$url" RUNNER_OS=Linux RUNNER_ARCH=X64 \
  VERSION=v9.9.7 DIR="$tmp/tools/unlisted"
check "an asset SHA256SUMS does not list: exit 2" is "$code" 2
check "an asset SHA256SUMS does not list: says so" contains stdout "SHA256SUMS of v9.9.7 has no line for soc2gate-x86_64-unknown-linux-musl.tar.gz"

current=""
echo "== the SARIF upload failed"
: >"$tmp/upload-summary.md"
out=$(env -i PATH="$PATH" GITHUB_STEP_SUMMARY="$tmp/upload-summary.md" bash scripts/action-upload-failed.sh)
starts_with() { [ "${1#"$2"}" != "$1" ]; }
check "a warning, not an error" starts_with "$out" "::warning title=soc2gate::the SARIF upload to code scanning failed"
# shellcheck disable=SC2016 # backquotes of Markdown
check "the summary says how to enable code scanning or turn the upload off" \
  grep -q 'code scanning is probably not enabled.*Enable it.*set `upload-sarif: false`' "$tmp/upload-summary.md"

echo "== the README's workflow"
# The workflow of the README's GitHub Action section: no Rust step, and an action ref
# that installs a release.
readme_workflow() {
  # shellcheck disable=SC2016 # backquotes of Markdown
  sed -n '/^## GitHub Action/,/^## /p' README.md | sed -n '/^```yaml/,/^```/p'
}
check "has no Rust toolchain step" eval '! readme_workflow | grep -qiE "rust|cargo"'
ref=$(readme_workflow | sed -n 's/.*uses: soc2gate\/soc2gate@\([^ ]*\).*/\1/p')
install readme-ref resolve ACTION_REF="$ref" RUNNER_OS=Linux RUNNER_ARCH=X64
check "its action ref ($ref) downloads a release" is "$(output mode)" release
check "the release of the action's version" is "@$(output version)" "@$ref"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
