# soc2gate-test: no findings
# RDP only from the VPN's range; outbound and Deny rules let nothing in.
resource "azurerm_network_security_rule" "rdp_vpn" {
  name                        = "rdp-from-vpn"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "10.20.0.0/16"
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-app"
}

resource "azurerm_network_security_rule" "deny_rdp" {
  name                        = "deny-rdp"
  priority                    = 4000
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-app"
}

resource "azurerm_network_security_rule" "rdp_out" {
  name                        = "rdp-out"
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-app"
}

resource "azurerm_network_security_rule" "udp" {
  name                        = "udp-open"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-app"
}
