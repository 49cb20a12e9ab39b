# Helpers for the rules about GitHub Actions workflows (`github_actions_workflow`, one
# per file of `.github/workflows/`; see crates/soc2gate-yaml). Values are the workflow as
# written, with `on` always a mapping of triggers; `${{ ... }}` expressions are strings,
# and the source map records the k-th expression of a string at `<path>[k]`.
package soc2gate.lib.github.workflow

import data.soc2gate.lib.core

# The workflows of the input.
workflows := core.resources("github_actions_workflow")

# The names of the events that trigger the workflow (empty when `on` is unknown).
triggers(w) := {event | some event, _ in object.get(w.values, "on", {})}

# The jobs as `[id, job]` pairs.
jobs(w) := [[id, job] | some id, job in object.get(w.values, "jobs", {}); is_object(job)]

# Every step of every job: {"job": id, "index": i, "step": the step, "path": its path}.
steps(w) := [s |
	some [id, job] in jobs(w)
	some i, step in object.get(job, "steps", [])
	is_object(step)
	s := {"job": id, "index": i, "step": step, "path": ["jobs", id, "steps", i]}
]

# Every `uses:` of the workflow, of a step or of a job that calls a reusable workflow:
# {"uses": "owner/repo@ref", "path": its path, "kind": "step" or "job"}.
uses(w) := array.concat(
	[u |
		some s in steps(w)
		ref := object.get(s.step, "uses", null)
		is_string(ref)
		u := {"uses": ref, "path": array.concat(s.path, ["uses"]), "kind": "step"}
	],
	[u |
		some [id, job] in jobs(w)
		ref := object.get(job, "uses", null)
		is_string(ref)
		u := {"uses": ref, "path": ["jobs", id, "uses"], "kind": "job"}
	],
)

# The `${{ ... }}` expressions of a string, in order (the k-th is recorded at
# `<path>[k]` in the source map).
expressions(text) := regex.find_n(`\$\{\{(?s:.*?)\}\}`, text, -1)

# The action a `uses:` names, in lower case without its ref: "actions/checkout".
action(ref) := lower(split(ref, "@")[0])

# How a message names a workflow: by its file.
describe(w) := sprintf("workflow %s", [w.file])
