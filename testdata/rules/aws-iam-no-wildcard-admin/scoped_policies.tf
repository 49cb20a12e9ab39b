# soc2gate-test: no findings
# Least privilege, a Deny on everything, and an unknown effect are not administrator access.
variable "statement_effect" {
  type = string
}

resource "aws_iam_policy" "read_reports" {
  name = "read-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
      },
      {
        Effect    = "Deny"
        Action    = "*"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

resource "aws_iam_role_policy" "configurable" {
  name = "configurable"
  role = "ci"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-admin
        Effect   = var.statement_effect
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
