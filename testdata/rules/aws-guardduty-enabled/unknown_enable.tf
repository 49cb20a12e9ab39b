# soc2gate-test: no findings
# Whether the detector is enabled comes from a variable without a default: the rule
# cannot know it.
variable "guardduty_enabled" {
  type = bool
}

resource "aws_guardduty_detector" "configurable" {
  enable = var.guardduty_enabled # expect-undetermined: aws-guardduty-enabled
}
