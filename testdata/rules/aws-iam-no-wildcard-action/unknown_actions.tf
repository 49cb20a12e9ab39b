# soc2gate-test: no findings
# The actions come from a variable without a default: they may be wildcards or not, so
# the rule stays silent.
variable "reader_actions" {
  type = list(string)
}

resource "aws_iam_role_policy" "reader" {
  name = "reader"
  role = "reporting"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-action
        Effect   = "Allow"
        Action   = var.reader_actions
        Resource = "arn:aws:s3:::acme-reports/*"
      },
    ]
  })
}
