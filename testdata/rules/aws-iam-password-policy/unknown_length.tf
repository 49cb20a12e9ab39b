# soc2gate-test: no findings
# The length comes from a variable without a default: the rule cannot judge it.
variable "minimum_password_length" {
  type = number
}

resource "aws_iam_account_password_policy" "configurable" {
  minimum_password_length   = var.minimum_password_length # expect-undetermined: aws-iam-password-policy
  password_reuse_prevention = 24
}
