resource "t_x" "values" {
  from_default     = var.from_default
  from_env         = var.from_env
  env_loses        = var.env_loses
  from_tfvars      = var.from_tfvars
  from_tfvars_json = var.from_tfvars_json
  from_auto        = var.from_auto
  from_var_file    = var.from_var_file
  from_var         = var.from_var
  enabled          = var.enabled
  names            = var.names
  sizes            = var.sizes
  zones            = var.zones
  bucket           = var.bucket
  rules            = var.rules
  strict           = var.strict
  invalid          = var.invalid
}
