# soc2gate-test: no findings
# The users come from a registry module, which is not fetched: whether it gives anyone a
# console password cannot be known, so nothing is reported (the report lists the module
# as not expanded).
module "people" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-user"
  version = "5.48.0"

  name                          = "ana"
  create_iam_user_login_profile = var.console_access
}

variable "console_access" {
  type = bool
}
