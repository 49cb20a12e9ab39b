# Passwords of 8 characters, and only the last 5 remembered.
resource "aws_iam_account_password_policy" "weak" {
  minimum_password_length        = 8 # expect: aws-iam-password-policy
  password_reuse_prevention      = 5 # expect: aws-iam-password-policy
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}
