resource "azurerm_network_security_group" "web" {
  name                = "acme-web"
  location            = "westeurope"
  resource_group_name = "acme-rg"

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "ssh"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "Internet" # expect: azure-nsg-no-public-ssh
    destination_address_prefix = "*"
  }
}

# A range that contains 22, from one of several prefixes.
resource "azurerm_network_security_rule" "admin" {
  name                    = "admin-ports"
  priority                = 120
  direction               = "Inbound"
  access                  = "Allow"
  protocol                = "*"
  source_port_range       = "*"
  destination_port_ranges = ["20-24", "8443"]
  source_address_prefixes = [
    "10.0.0.0/8",
    "0.0.0.0/0", # expect: azure-nsg-no-public-ssh
  ]
  destination_address_prefix  = "*"
  resource_group_name         = "acme-rg"
  network_security_group_name = "acme-web"
}
