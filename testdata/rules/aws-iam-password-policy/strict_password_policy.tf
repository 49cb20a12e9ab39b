# soc2gate-test: no findings
# At least 14 characters and the last 24 passwords remembered, one of them through a
# variable with a default.
variable "password_reuse_prevention" {
  type    = number
  default = 24
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 16
  password_reuse_prevention      = var.password_reuse_prevention
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
}
