# Null arguments are unset: IAM's 6-character minimum, and no reuse prevention.
resource "aws_iam_account_password_policy" "null_arguments" { # expect: aws-iam-password-policy
  minimum_password_length   = null
  password_reuse_prevention = null
}
