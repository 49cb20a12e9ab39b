# The variable's default turns the detector off.
variable "guardduty_enabled" {
  type    = bool
  default = false
}

resource "aws_guardduty_detector" "from_variable" {
  enable = var.guardduty_enabled # expect: aws-guardduty-enabled
}
