# soc2gate-test: no findings
# One login profile per user of a variable without a default: the set may be empty, and
# which users get a console password cannot be known, so the rule does not judge it.
variable "console_users" {
  type = set(string)
}

resource "aws_iam_user_login_profile" "people" {
  for_each = var.console_users
  user     = each.key # expect-undetermined: aws-iam-no-console-users
}
