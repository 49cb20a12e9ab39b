# soc2gate-test: no findings
# The action and the resource come from variables without defaults: the statement may or
# may not grant administrator access, so the rule stays silent.
variable "granted_action" {
  type = string
}

variable "granted_resource" {
  type = string
}

resource "aws_iam_policy" "granted" {
  name = "granted"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-admin
        Effect   = "Allow"
        Action   = var.granted_action
        Resource = "*"
      },
      { # expect-undetermined: aws-iam-no-wildcard-admin
        Effect   = "Allow"
        Action   = "*"
        Resource = var.granted_resource
      },
    ]
  })
}
