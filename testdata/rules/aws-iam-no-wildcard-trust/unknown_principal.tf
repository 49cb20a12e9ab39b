# soc2gate-test: no findings
# The trusted principal and the condition come from variables without defaults: the rule
# cannot know whether anyone may assume the roles, so it stays silent.
variable "trusted_principal" {
  type = string
}

variable "trust_conditions" {
  type = any
}

resource "aws_iam_role" "configurable" {
  name = "configurable"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-trust
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = var.trusted_principal }
      },
    ]
  })
}

resource "aws_iam_role" "conditional" {
  name = "conditional"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-trust
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = "*"
        Condition = var.trust_conditions
      },
    ]
  })
}
