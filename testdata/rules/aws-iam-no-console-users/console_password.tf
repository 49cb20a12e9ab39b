resource "aws_iam_user" "ana" {
  name = "ana"
}

resource "aws_iam_user_login_profile" "ana" {
  user                    = aws_iam_user.ana.name # expect: aws-iam-no-console-users
  password_reset_required = true
}
