# Conditionals, for expressions, splats, index and attribute access, template directives,
# try and can.
variable "env" {
  default = "prod"
}

variable "unset" {}

locals {
  settings = {
    prod    = { retention = 90, replicas = [{ az = "a" }, { az = "b" }] }
    staging = { retention = 7, replicas = [] }
  }
  current = local.settings[var.env]
  azs     = local.current.replicas[*].az
  legacy  = local.current.replicas.*.az
  upper   = { for k, v in local.settings : upper(k) => v.retention if v.retention > 10 }
  grouped = { for s in ["a1", "a2", "b1"] : substr(s, 0, 1) => s... }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app-${var.env}"
  retention_in_days = var.env == "prod" ? local.current.retention : 1
  kms_key_id        = var.unset != null ? var.unset : "default"
  tags = {
    azs        = join(",", local.azs)
    legacy     = join(",", local.legacy)
    first      = local.current.replicas[0].az
    upper      = jsonencode(local.upper)
    grouped    = jsonencode(local.grouped)
    directive  = "%{ for az in local.azs }[${az}]%{ endfor }%{ if var.env == "prod" } live%{ else } test%{ endif }"
    stripped   = <<-EOT
      %{~ for az in local.azs ~}
      ${az}
      %{~ endfor ~}
    EOT
    unknown_if = "%{ if var.unset == "x" }yes%{ endif }"
  }
}

resource "aws_s3_bucket" "tries" {
  bucket = try(local.settings.missing.name, "fallback")
  tags = {
    # Missing key on a known object: Terraform fails, try takes the next.
    found    = try(local.current.retention, 0)
    fallback = try(local.current.nope, "default")
    # An unknown first argument is not a failure: the result is unknown.
    unknown  = try(var.unset.name, "default")
    can_yes  = can(local.current.retention)
    can_no   = can(local.current.nope)
    can_unk  = can(var.unset.name)
  }
}
