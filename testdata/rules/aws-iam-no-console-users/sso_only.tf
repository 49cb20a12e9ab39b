# soc2gate-test: no findings
# A machine user without a console password; people sign in through IAM Identity Center.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_ssoadmin_permission_set" "readonly" {
  name         = "ReadOnly"
  instance_arn = "arn:aws:sso:::instance/ssoins-0000000000000000"
}
