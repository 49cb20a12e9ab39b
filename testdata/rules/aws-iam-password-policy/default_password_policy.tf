# soc2gate-doc: failing example
# Neither attribute set: IAM's default minimum of 6 characters, and no reuse prevention.
resource "aws_iam_account_password_policy" "defaults" { # expect: aws-iam-password-policy
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
}
