package soc2gate.lib.github.repository_test

import data.soc2gate.lib.github.inputs_test as t
import data.soc2gate.lib.github.repository

terraform(name, values) := t.resource("github_repository", "managed", name, object.union({"name": name}, values))

settings(values) := object.union(
	t.resource("github_repository", "settings", "repository", values),
	{"file": ".github/settings.yml"},
)

test_archived_and_data_repositories_are_not_active if {
	live := terraform("api", {})
	unarchived := terraform("web", {"archived": false})
	archived := terraform("legacy", {"archived": true})
	archived_text := terraform("old", {"archived": "true"})
	maybe := t.with_unknown(terraform("maybe", {}), ["archived"])
	existing := t.resource("github_repository", "data", "existing", {"name": "existing"})
	active := repository.active with input as t.input_of([live, unarchived, archived, archived_text, maybe, existing])
	{r.name | some r in active} == {"api", "web"}
}

test_visibility_overrides_private if {
	r := terraform("api", {"visibility": "Internal", "private": false})
	v := repository.visibility(r)
	v == "internal"
}

test_visibility_from_private if {
	private := repository.visibility(terraform("api", {"private": true}))
	private == "private"
	public := repository.visibility(terraform("web", {"private": "false"}))
	public == "public"
}

test_terraform_repositories_are_public_by_default if {
	v := repository.visibility(terraform("api", {}))
	v == "public"
}

test_settings_without_visibility_have_none if {
	not repository.visibility(settings({}))
	v := repository.visibility(settings({"private": true}))
	v == "private"
}

test_unknown_visibility_is_undefined if {
	not repository.visibility(t.with_unknown(terraform("api", {}), ["visibility"]))
	not repository.visibility(t.with_unknown(terraform("web", {}), ["private"]))
}

test_switches if {
	r := terraform("api", {"a": true, "b": "false", "c": null})
	repository.on(r, ["a"])
	repository.off(r, ["b"])
	not repository.on(r, ["c"])
	not repository.off(r, ["c"])
}
