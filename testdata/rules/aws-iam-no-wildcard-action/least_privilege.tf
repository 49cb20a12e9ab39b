# soc2gate-test: no findings
# soc2gate-doc: passing example
# Named actions and partial wildcards are fine; so is an action list the rule cannot know.
variable "extra_actions" {
  type = list(string)
}

resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:List*"]
        Resource = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      },
      {
        Effect   = "Deny"
        Action   = "s3:*"
        Resource = "arn:aws:s3:::acme-secrets/*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "extensible" {
  name = "extensible"
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { # expect-undetermined: aws-iam-no-wildcard-action
        Effect   = "Allow"
        Action   = var.extra_actions
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:*:*:log-group:/app/*"]
  }
}

resource "aws_iam_policy" "logs" {
  name   = "logs"
  policy = data.aws_iam_policy_document.logs.json
}
