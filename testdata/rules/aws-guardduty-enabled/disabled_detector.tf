# Threat detection switched off for the account and region.
resource "aws_guardduty_detector" "paused" {
  enable = false # expect: aws-guardduty-enabled

  tags = {
    Team = "security"
  }
}
