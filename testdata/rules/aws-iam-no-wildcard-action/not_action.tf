# NotAction with Allow grants everything except the listed actions.
resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*"] # expect: aws-iam-no-wildcard-action
        Resource  = "*"
      },
      {
        Effect    = "Deny"
        NotAction = "s3:GetObject"
        Resource  = "arn:aws:s3:::acme-secrets/*"
      },
    ]
  })
}
