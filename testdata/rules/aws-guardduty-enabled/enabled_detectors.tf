# soc2gate-test: no findings
# soc2gate-doc: passing example
resource "aws_guardduty_detector" "explicit" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

# `enable` unset: the provider's default is true.
resource "aws_guardduty_detector" "default" {
  finding_publishing_frequency = "SIX_HOURS"
}

# An existing detector read as a data source is not judged.
data "aws_guardduty_detector" "existing" {}
