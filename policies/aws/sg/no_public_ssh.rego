# METADATA
# title: Security groups do not open SSH to the internet
# description: >-
#   No ingress rule may allow SSH (tcp port 22) from anywhere (`0.0.0.0/0` or `::/0`).
#   All three ways of writing ingress are checked: inline `ingress` blocks of
#   `aws_security_group`, `aws_security_group_rule` with `type = "ingress"`, and
#   `aws_vpc_security_group_ingress_rule`. A rule counts when its protocol is `tcp` (or
#   `6`) and its port range contains 22, or when it allows all protocols (`-1` or `all`),
#   which opens every port whatever `from_port` and `to_port` say. Egress rules, other
#   protocols and narrower CIDR ranges are not reported. A CIDR list that holds
#   `0.0.0.0/0` or `::/0` is open even when another of its elements cannot be known; a
#   protocol, port or CIDR argument that cannot be known statically is not judged. Each
#   offending rule is reported once, at its `cidr_blocks`/`cidr_ipv4` (or IPv6)
#   argument.
# custom:
#   id: aws-sg-no-public-ssh
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   remediation: |
#     Allow SSH only from networks you trust (a VPN or bastion range), or drop the rule
#     and reach instances through AWS Systems Manager Session Manager:
#
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "ssh" {
#       security_group_id = aws_security_group.bastion.id
#       ip_protocol       = "tcp"
#       from_port         = 22
#       to_port           = 22
#       cidr_ipv4         = "10.20.0.0/16" # the VPN's range
#     }
#     ```
package soc2gate.aws.sg.no_public_ssh

import data.soc2gate.lib.aws.sg
import data.soc2gate.lib.core

deny contains v if {
	some e in sg.public_ingress
	sg.opens_port(e, 22, {"tcp"})
	v := core.violation(e.resource, e.attribute, sprintf(
		"%s opens SSH (port 22) to the internet: it allows %s from %s; restrict %s to trusted networks or use Session Manager",
		[sg.describe(e), sg.traffic(e), sg.sources(e), e.cidr_attribute],
	))
}

# What the rule could not judge: ingress whose sources, protocol or ports cannot be known.
undetermined contains v if some v in sg.undetermined_ingress
