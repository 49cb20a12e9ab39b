# Terraform's precedence: default < TF_VAR_ < terraform.tfvars < terraform.tfvars.json
# < *.auto.tfvars(.json) in lexical order < --var-file < --var.
variable "from_default" {
  default = "default"
}
variable "from_env" {
  default = "default"
}
variable "env_loses" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_tfvars_json" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_var_file" {
  default = "default"
}
variable "from_var" {
  default = "default"
}

# Typed values are converted as Terraform converts them.
variable "enabled" {
  type = bool
}
variable "names" {
  type    = list(string)
  default = [1, "two", true]
}
variable "sizes" {
  type = map(number)
}
variable "zones" {
  type = set(string)
}
variable "bucket" {
  type = object({
    name       = string
    versioning = optional(bool, true)
    tags       = optional(map(string), {})
    lifecycle  = optional(object({ days = optional(number, 30) }), {})
  })
}
variable "rules" {
  type = list(object({
    port     = number
    protocol = optional(string, "tcp")
  }))
  default = [{ port = "443" }, { port = 80, protocol = "udp" }]
}
variable "strict" {
  type     = string
  nullable = false
  default  = "kept"
}
variable "invalid" {
  type    = number
  default = "not a number"
}
