# Trust policies that let any AWS principal assume the role, with no condition.
resource "aws_iam_role" "public" {
  name = "public"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = "*" # expect: aws-iam-no-wildcard-trust
      },
    ]
  })
}

resource "aws_iam_role" "partner" {
  name = "partner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Partner"
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = { # expect: aws-iam-no-wildcard-trust
          AWS = ["arn:aws:iam::111122223333:root", "*"]
        }
      },
    ]
  })
}

# In a heredoc the finding points at the attribute.
resource "aws_iam_role" "legacy" {
  name = "legacy"
  # expect: aws-iam-no-wildcard-trust
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "sts:AssumeRole",
          "Principal": {"AWS": "*"}
        }
      ]
    }
  JSON
}
