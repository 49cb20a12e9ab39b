#!/usr/bin/env bash
# Tests the Python wheel (pyproject.toml) as `pip install soc2gate` users get it: installs
# maturin from PyPI, builds the wheel of this checkout (a release build of the binary),
# installs it in a fresh virtualenv, and scans testdata/example with the `soc2gate` the
# wheel put on that virtualenv's PATH (exit 1 with findings). Then the pre-commit fast
# path of the README: its `language: python` hook, with the wheel in place of the release
# in additional_dependencies, run by pre-commit from PyPI.
#
#   scripts/test-wheel.sh
#
# The build shares cargo's target directory (CARGO_TARGET_DIR, default target/), so
# compiled release dependencies are reused. Needs python3 (with venv), cargo, git and
# network access to PyPI. Prints `N passed, N failed`.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
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
pip_quiet() { "$1/bin/pip" install --quiet --disable-pip-version-check "${@:2}"; }

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -n 1)

echo "installing maturin from PyPI"
python3 -m venv "$tmp/build" && pip_quiet "$tmp/build" 'maturin>=1.5,<2' || exit 2
"$tmp/build/bin/maturin" --version

echo "building the wheel (cargo build --release of soc2gate)"
start=$SECONDS
"$tmp/build/bin/maturin" build --release --locked --quiet --out "$tmp/dist" >"$tmp/build.log" 2>&1
code=$?
echo "  ($((SECONDS - start))s)"
if [ "$code" != 0 ]; then
  sed 's/^/        /' "$tmp/build.log"
  echo "maturin build failed"
  exit 2
fi
wheel=$(find "$tmp/dist" -name '*.whl' | head -n 1)
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f 1) KiB)"
matches_name() { [[ $1 =~ ^soc2gate-${version//./\\.}-py3-none-[a-z0-9_.]+\.whl$ ]]; }
check "one wheel, named for soc2gate $version, for any Python 3" matches_name "$(basename "$wheel")"

echo "installing it in a fresh virtualenv"
python3 -m venv "$tmp/user" && pip_quiet "$tmp/user" --no-index "$wheel" || exit 2
check "puts soc2gate on the virtualenv's PATH" test -x "$tmp/user/bin/soc2gate"
check "soc2gate --version" is "$("$tmp/user/bin/soc2gate" --version)" "soc2gate $version"

(PATH="$tmp/user/bin:$PATH" soc2gate scan testdata/example --color never) >"$tmp/scan.out" 2>"$tmp/scan.err"
code=$?
check "soc2gate scan testdata/example exits 1" is "$code" 1
check "with findings" contains "$tmp/scan.out" "aws-s3-encryption-at-rest"
check "and the summary" contains "$tmp/scan.out" " findings ("
if [ "$code" != 1 ]; then sed 's/^/        /' "$tmp/scan.out" "$tmp/scan.err"; fi

echo "the source distribution (pip's fallback where no wheel fits)"
"$tmp/build/bin/maturin" sdist --out "$tmp/sdist" >"$tmp/sdist.log" 2>&1 || {
  sed 's/^/        /' "$tmp/sdist.log"
  exit 2
}
mkdir -p "$tmp/unpacked" && tar -xzf "$tmp"/sdist/*.tar.gz -C "$tmp/unpacked"
unpacked=$(find "$tmp/unpacked" -mindepth 1 -maxdepth 1 -type d | head -n 1)
# Every crate the build needs is inside: the workspace and its [patch] resolve offline.
resolves() { cargo metadata --offline --locked --format-version 1 --manifest-path "$1/Cargo.toml" >/dev/null; }
check "holds the workspace with every path dependency" resolves "$unpacked"
check "holds the vendored crates of [patch]" test -f "$unpacked/vendor/hcl-edit/Cargo.toml"

echo "the pre-commit hook from the wheel (language: python)"
pip_quiet "$tmp/build" pre-commit || exit 2
repo=$tmp/repo
mkdir -p "$repo"
cp -R testdata/gate/violating/. "$repo/"
# The README's config, with the wheel just built in place of the release it pins.
python3 - README.md "$wheel" >"$repo/.pre-commit-config.yaml" <<'PY' || exit 2
import re, sys
readme = open(sys.argv[1]).read()
after = readme.split("The fast path installs the PyPI wheel", 1)[1]
block = re.search(r"```yaml\n(.*?)```", after, re.S).group(1)
pinned = re.sub(r"soc2gate==[0-9][^\]\s,]*", sys.argv[2], block)
assert pinned != block, "the README's fast path pins no soc2gate==X.Y.Z"
print(pinned, end="")
PY
git -C "$repo" init --quiet && git -C "$repo" add --all
start=$SECONDS
(cd "$repo" && PRE_COMMIT_HOME=$tmp/pre-commit "$tmp/build/bin/pre-commit" run --all-files --color never) >"$tmp/hook.log" 2>&1
code=$?
echo "  ($((SECONDS - start))s, installing the hook included)"
check "the hook fails on the violating fixture" is "$code" 1
check "with soc2gate's findings" contains "$tmp/hook.log" "aws-s3-encryption-at-rest"
if [ "$code" != 1 ]; then sed 's/^/        /' "$tmp/hook.log"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
