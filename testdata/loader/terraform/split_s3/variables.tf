variable "environment" {
  type    = string
  default = "dev"
}

variable "owner" {
  type = string
}

variable "versioning" {
  type    = bool
  default = false
}

locals {
  prefix = "acme-${var.environment}"
}
