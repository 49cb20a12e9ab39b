# METADATA
# title: Network security groups do not open RDP to the internet
# description: >-
#   No inbound Allow rule of a network security group may let RDP (tcp port 3389) in
#   from the internet. Both forms are checked: inline `security_rule` blocks of
#   `azurerm_network_security_group` and `azurerm_network_security_rule`. A rule counts
#   when its `direction` is `Inbound`, its `access` `Allow`, its `protocol` `Tcp` or
#   `*`, its `destination_port_range` or one of its `destination_port_ranges` is `3389`,
#   a range containing it (`"1-65535"`) or `*`, and its `source_address_prefix` (or one of
#   its `source_address_prefixes`) is `*`, `Internet`, `Any`, `0.0.0.0/0` or `::/0`.
#   Service tags other than `Internet` and narrower ranges are not reported. A direction,
#   access, protocol, port or source that cannot be known statically is not judged. Each
#   offending rule is reported once, at its source.
# custom:
#   id: azure-nsg-no-public-rdp
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   remediation: |
#     Allow RDP only from a trusted range, or reach machines through Azure Bastion or
#     just-in-time VM access instead:
#
#     ```hcl
#     resource "azurerm_network_security_rule" "rdp" {
#       name                        = "allow-rdp-from-vpn"
#       priority                    = 100
#       direction                   = "Inbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_port_range           = "*"
#       destination_port_range      = "3389"
#       source_address_prefix       = "10.20.0.0/16" # the VPN's range
#       destination_address_prefix  = "*"
#       resource_group_name         = azurerm_resource_group.main.name
#       network_security_group_name = azurerm_network_security_group.app.name
#     }
#     ```
package soc2gate.azure.nsg.no_public_rdp

import data.soc2gate.lib.azure.nsg
import data.soc2gate.lib.core

deny contains v if {
	some e in nsg.public_inbound
	nsg.opens_tcp_port(e, 3389)
	v := core.violation(e.resource, e.attribute, sprintf(
		"%s opens RDP (port 3389) to the internet: it allows inbound %s from %q; restrict the source to trusted ranges or use Azure Bastion",
		[nsg.describe(e), _traffic(e), e.source],
	))
}

_traffic(e) := "traffic of every protocol" if e.protocol == "all"

_traffic(e) := "tcp" if e.protocol != "all"

undetermined contains v if some v in nsg.unknown_rules
