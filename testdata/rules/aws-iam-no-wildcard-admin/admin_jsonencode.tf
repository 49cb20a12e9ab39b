# Administrator access written with jsonencode: the finding points at the action.
resource "aws_iam_policy" "break_glass" {
  name = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*" # expect: aws-iam-no-wildcard-admin
        Resource = "*"
      },
    ]
  })
}

# The same in an inline role policy, with the action in a list.
resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
      },
    ]
  })

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect = "Allow"
          Action = [ # expect: aws-iam-no-wildcard-admin
            "*",
          ]
          Resource = ["*"]
        },
      ]
    })
  }
}
