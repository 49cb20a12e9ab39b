# METADATA
# title: Security groups do not open every port to the internet
# description: >-
#   No ingress rule may allow every port from anywhere (`0.0.0.0/0` or `::/0`): all
#   protocols (`-1` or `all`), or a `tcp`/`udp` (`6`/`17`) range from 0 or 1 to 65535.
#   All three ways of writing ingress are checked: inline `ingress` blocks of
#   `aws_security_group`, `aws_security_group_rule` with `type = "ingress"`, and
#   `aws_vpc_security_group_ingress_rule`. Egress rules, narrower port ranges and
#   narrower CIDR ranges are not reported. A CIDR list that holds `0.0.0.0/0` or `::/0`
#   is open even when another of its elements cannot be known; a protocol, port or CIDR
#   argument that cannot be known statically is not judged. Each offending rule is
#   reported once, at its `cidr_blocks`/`cidr_ipv4` (or IPv6) argument.
# custom:
#   id: aws-sg-no-public-all-ports
#   severity: high
#   controls: [CC6.6]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: |
#     Allow from the internet only the ports the service answers on, one rule each:
#
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "https" {
#       security_group_id = aws_security_group.web.id
#       ip_protocol       = "tcp"
#       from_port         = 443
#       to_port           = 443
#       cidr_ipv4         = "0.0.0.0/0"
#     }
#     ```
package soc2gate.aws.sg.no_public_all_ports

import data.soc2gate.lib.aws.sg
import data.soc2gate.lib.core

deny contains v if {
	some e in sg.public_ingress
	sg.opens_all_ports(e)
	v := core.violation(e.resource, e.attribute, sprintf(
		"%s opens every port to the internet: it allows %s from %s; allow only the ports the service needs",
		[sg.describe(e), sg.traffic(e), sg.sources(e)],
	))
}

# What the rule could not judge: ingress whose sources, protocol or ports cannot be known.
undetermined contains v if some v in sg.undetermined_ingress
