# soc2gate-test: no findings
# A null `enable` is an unset one: the provider's default, true, applies.
resource "aws_guardduty_detector" "null_enable" {
  enable = null
}
