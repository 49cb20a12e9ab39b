# METADATA
# title: The IAM account password policy requires long passwords and prevents reuse
# description: >-
#   An `aws_iam_account_password_policy` must require passwords of at least `min_length`
#   characters (14 by default) with `minimum_password_length`, and prevent the reuse of at
#   least the last `min_reuse_prevention` passwords (24 by default, the most IAM allows)
#   with `password_reuse_prevention`. Unset, `minimum_password_length` takes the provider's
#   and IAM's default of 6 characters, and `password_reuse_prevention` takes none: users
#   may then reuse any earlier password. Both are reported. A value that cannot be known
#   statically is not judged. `min_length` may be set from 6 to 128 and
#   `min_reuse_prevention` from 1 to 24, the values IAM accepts.
# custom:
#   id: aws-iam-password-policy
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_iam_account_password_policy]
#   params:
#     min_length: 14
#     min_reuse_prevention: 24
#   remediation: |
#     Set both attributes to at least the required values:
#
#     ```hcl
#     resource "aws_iam_account_password_policy" "strict" {
#       minimum_password_length        = 14
#       password_reuse_prevention      = 24
#       require_lowercase_characters   = true
#       require_uppercase_characters   = true
#       require_numbers                = true
#       require_symbols                = true
#       allow_users_to_change_password = true
#     }
#     ```
package soc2gate.aws.iam.password_policy

import data.soc2gate.lib.core

_id := "aws-iam-password-policy"

# The parameters (`soc2gate.toml` can change them).
default min_length := 14

min_length := data.params[_id].min_length

default min_reuse_prevention := 24

min_reuse_prevention := data.params[_id].min_reuse_prevention

# IAM accepts minimum lengths from 6 to 128 and remembers 1 to 24 passwords: a threshold
# outside those ranges could never be met.
invalid_params contains message if {
	not _whole_in(min_length, 6, 128)
	message := sprintf("min_length must be a whole number from 6 to 128 (the lengths IAM accepts), got %v", [min_length])
}

invalid_params contains message if {
	not _whole_in(min_reuse_prevention, 1, 24)
	message := sprintf("min_reuse_prevention must be a whole number from 1 to 24 (the number of earlier passwords IAM can remember), got %v", [min_reuse_prevention])
}

_whole_in(x, low, high) if {
	is_number(x)
	round(x) == x
	x >= low
	x <= high
}

_policies := [r |
	some r in core.resources("aws_iam_account_password_policy")
	r.mode == "managed"
]

deny contains v if {
	some r in _policies
	length := _number(core.get(r, ["minimum_password_length"]))
	length < min_length
	v := core.violation(r, "minimum_password_length", sprintf(
		"the account password policy requires passwords of only %d characters; set minimum_password_length to at least %d",
		[length, min_length],
	))
}

deny contains v if {
	some r in _policies
	reuse := _number(core.get(r, ["password_reuse_prevention"]))
	reuse < min_reuse_prevention
	v := core.violation(r, "password_reuse_prevention", sprintf(
		"the account password policy prevents the reuse of only the last %d passwords; set password_reuse_prevention to at least %d",
		[reuse, min_reuse_prevention],
	))
}

# Unset attributes: one finding at the header, naming each one.
deny contains v if {
	some r in _policies
	missing := _missing(r)
	count(missing) > 0
	v := core.violation(r, "", sprintf(
		"the account password policy sets %s; set %s",
		[concat(" and ", [m.problem | some m in missing]), concat(" and ", [m.fix | some m in missing])],
	))
}

_missing(r) := [m |
	some m in [
		{
			"key": "minimum_password_length",
			"problem": "no minimum_password_length (IAM's default is 6 characters)",
			"fix": sprintf("minimum_password_length to at least %d", [min_length]),
		},
		{
			"key": "password_reuse_prevention",
			"problem": "no password_reuse_prevention (users may reuse any earlier password)",
			"fix": sprintf("password_reuse_prevention to at least %d", [min_reuse_prevention]),
		},
	]
	core.unset(r, [m.key])
]

# A known number, or a string holding one (a variable typed string).
_number(x) := x if is_number(x)

_number(x) := to_number(x) if {
	is_string(x)
	regex.match(`^[0-9]+$`, x)
}

# What the rule could not judge: a minimum_password_length or password_reuse_prevention
# that cannot be known.
undetermined contains v if {
	some r in _policies
	some v in core.unknown_at(r, [["minimum_password_length"], ["password_reuse_prevention"]])
}
