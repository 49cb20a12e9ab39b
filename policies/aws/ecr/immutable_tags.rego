# METADATA
# title: ECR repositories have immutable image tags
# description: >-
#   An `aws_ecr_repository` must set `image_tag_mutability` to `IMMUTABLE` (or
#   `IMMUTABLE_WITH_EXCLUSION`, where every tag is immutable except those matching the
#   repository's explicit `image_tag_mutability_exclusion_filter`s), so that a tag, once
#   pushed, always names the same image and what was reviewed and tested is what gets
#   deployed. When `image_tag_mutability` is unset the provider's default, `MUTABLE`,
#   applies and the repository is reported; `MUTABLE` and `MUTABLE_WITH_EXCLUSION` are
#   reported too. A value that cannot be known statically is not judged, and data sources
#   are not judged.
# custom:
#   id: aws-ecr-immutable-tags
#   severity: low
#   controls: [CC8.1]
#   resource_types: [aws_ecr_repository]
#   remediation: |
#     Make the repository's tags immutable and push a new tag for every build:
#
#     ```hcl
#     resource "aws_ecr_repository" "app" {
#       name                 = "app"
#       image_tag_mutability = "IMMUTABLE"
#
#       image_scanning_configuration {
#         scan_on_push = true
#       }
#     }
#     ```
package soc2gate.aws.ecr.immutable_tags

import data.soc2gate.lib.core

_immutable := {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}

deny contains v if {
	some r in _repositories
	core.unset(r, ["image_tag_mutability"])
	v := core.violation(r, "", sprintf(
		`%s has mutable image tags: image_tag_mutability is unset and defaults to MUTABLE, so a pushed tag can be moved to another image; set image_tag_mutability = "IMMUTABLE"`,
		[_describe(r)],
	))
}

deny contains v if {
	some r in _repositories
	core.known(r, ["image_tag_mutability"])
	mutability := core.get(r, ["image_tag_mutability"])
	not mutability in _immutable
	v := core.violation(r, "image_tag_mutability", sprintf(
		`%s has image_tag_mutability = %q, so a pushed tag can be moved to another image; set image_tag_mutability = "IMMUTABLE"`,
		[_describe(r), mutability],
	))
}

_repositories := [r |
	some r in core.resources("aws_ecr_repository")
	r.mode == "managed"
]

# How a message names a repository: its name when known, else its address.
_describe(r) := sprintf("ECR repository %q", [name]) if {
	name := object.get(r.values, "name", null)
	is_string(name)
}

_describe(r) := sprintf("ECR repository %s", [r.address]) if not is_string(object.get(r.values, "name", null))

# What the rule could not judge: an image_tag_mutability that cannot be known.
undetermined contains v if {
	some r in _repositories
	some v in core.unknown_at(r, [["image_tag_mutability"]])
}
