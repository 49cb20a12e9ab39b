# soc2gate-test: no findings
variable "admin_source" {
  type = string
}

resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = var.admin_source # expect-undetermined: azure-nsg-no-public-ssh
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-app"
}
