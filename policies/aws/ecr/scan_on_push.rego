# METADATA
# title: ECR repositories scan images on push
# description: >-
#   An `aws_ecr_repository` must scan every pushed image for vulnerabilities:
#   `image_scanning_configuration { scan_on_push = true }`. When the block is absent, or
#   `scan_on_push` is unset, the provider's default, `false`, applies and the repository is
#   reported. Registry-level scanning, which AWS recommends over the repository setting,
#   counts too: a repository is exempt when an `aws_ecr_registry_scanning_configuration`
#   anywhere in the scan (it is usually declared once per account) has a rule with
#   `scan_frequency` `SCAN_ON_PUSH` or `CONTINUOUS_SCAN` whose `repository_filter` wildcard
#   matches the repository's name. Values that cannot be known statically (the setting,
#   the repository's name, or a registry rule) are not judged: the rule then stays silent.
#   Data sources are not judged.
# custom:
#   id: aws-ecr-scan-on-push
#   severity: medium
#   controls: [CC7.1]
#   resource_types: [aws_ecr_repository, aws_ecr_registry_scanning_configuration]
#   scan_resource_types: [aws_ecr_registry_scanning_configuration]
#   remediation: |
#     Scan images on push in the repository:
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
#
#     or once for the registry, with enhanced (Amazon Inspector) scanning:
#
#     ```hcl
#     resource "aws_ecr_registry_scanning_configuration" "this" {
#       scan_type = "ENHANCED"
#
#       rule {
#         scan_frequency = "CONTINUOUS_SCAN"
#         repository_filter {
#           filter      = "*"
#           filter_type = "WILDCARD"
#         }
#       }
#     }
#     ```
package soc2gate.aws.ecr.scan_on_push

import data.soc2gate.lib.core

_registry_type := "aws_ecr_registry_scanning_configuration"

deny contains v if {
	some r in _repositories
	core.unset(r, ["image_scanning_configuration"])
	not _registry_may_scan(r)
	v := core.violation(r, "", sprintf(
		"%s does not scan images on push: no image_scanning_configuration (scan_on_push defaults to false) and no registry scanning rule covers it; add image_scanning_configuration { scan_on_push = true }",
		[_describe(r)],
	))
}

deny contains v if {
	some r in _repositories
	some i, _ in object.get(r.values, "image_scanning_configuration", [])
	core.unset(r, ["image_scanning_configuration", i, "scan_on_push"])
	not _registry_may_scan(r)
	v := core.violation(r, sprintf("image_scanning_configuration[%d]", [i]), sprintf(
		"%s does not scan images on push: scan_on_push is unset and defaults to false; set scan_on_push = true",
		[_describe(r)],
	))
}

deny contains v if {
	some r in _repositories
	some i, _ in object.get(r.values, "image_scanning_configuration", [])
	core.value_is(r, ["image_scanning_configuration", i, "scan_on_push"], false)
	not _registry_may_scan(r)
	v := core.violation(r, sprintf("image_scanning_configuration[%d].scan_on_push", [i]), sprintf(
		"%s has scan_on_push = false: pushed images are not scanned for vulnerabilities; set scan_on_push = true",
		[_describe(r)],
	))
}

_repositories := [r |
	some r in core.resources("aws_ecr_repository")
	r.mode == "managed"
]

# Managed registry scanning configurations of the whole scan.
_registry_configurations := [c |
	some c in object.get(data.scan.resources, _registry_type, [])
	c.mode == "managed"
]

# A registry scanning rule scans the repository on push or continuously, or may do so as
# far as can be known.
_registry_may_scan(r) if {
	some c in _registry_configurations
	core.unknown(c, ["rule"])
}

_registry_may_scan(r) if {
	some c in _registry_configurations
	some i, rule in object.get(c.values, "rule", [])
	_frequency_may_scan(c, i, rule)
	_filters_may_match(c, i, rule, r)
}

_frequency_may_scan(c, i, _) if core.unknown(c, ["rule", i, "scan_frequency"])

_frequency_may_scan(_, _, rule) if rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}

_filters_may_match(c, i, _, _) if core.unknown(c, ["rule", i, "repository_filter"])

_filters_may_match(c, i, rule, r) if {
	some j, f in rule.repository_filter
	_filter_may_match(c, i, j, f, r)
}

_filter_may_match(c, i, j, _, _) if core.unknown(c, ["rule", i, "repository_filter", j, "filter"])

_filter_may_match(_, _, _, _, r) if core.unknown(r, ["name"])

# ECR filters are wildcards where `*` matches any characters, `/` included.
_filter_may_match(_, _, _, f, r) if glob.match(f.filter, [], r.values.name)

# How a message names a repository: its name when known, else its address.
_describe(r) := sprintf("ECR repository %q", [name]) if {
	name := object.get(r.values, "name", null)
	is_string(name)
}

_describe(r) := sprintf("ECR repository %s", [r.address]) if not is_string(object.get(r.values, "name", null))

# What the rule could not judge: a scan_on_push (or its block) that cannot be known, and a
# repository that does not scan on push itself while a registry scanning rule may cover it
# through values that cannot be known.
undetermined contains v if {
	some r in _repositories
	not _registry_scans(r)
	some v in core.unknown_at(r, [["image_scanning_configuration", 0, "scan_on_push"]])
}

undetermined contains v if {
	some r in _repositories
	not core.partly_unknown(r, ["image_scanning_configuration", 0, "scan_on_push"])
	not core.value_is(r, ["image_scanning_configuration", 0, "scan_on_push"], true)
	_registry_may_scan(r)
	not _registry_scans(r)
	v := core.violation(r, "", sprintf(
		"%s does not scan on push itself, and whether a registry scanning rule covers it cannot be known statically",
		[_describe(r)],
	))
}

# A registry scanning rule certainly scans the repository on push or continuously.
_registry_scans(r) if {
	some c in _registry_configurations
	some i, rule in object.get(c.values, "rule", [])
	core.known(c, ["rule", i])
	rule.scan_frequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some f in rule.repository_filter
	is_string(object.get(r.values, "name", null))
	glob.match(f.filter, [], r.values.name)
}
