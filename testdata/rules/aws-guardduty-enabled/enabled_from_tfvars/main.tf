# soc2gate-test: no findings
# The variable has no default but terraform.tfvars sets it to true.
variable "guardduty_enabled" {
  type = bool
}

resource "aws_guardduty_detector" "from_tfvars" {
  enable = var.guardduty_enabled
}
