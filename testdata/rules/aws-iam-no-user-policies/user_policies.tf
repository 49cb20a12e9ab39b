# Policies attached to IAM users one by one.
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice_deploy" { # expect: aws-iam-no-user-policies
  name = "deploy"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = "arn:aws:ecs:eu-west-1:111122223333:service/prod/*"
      },
    ]
  })
}

resource "aws_iam_user_policy_attachment" "alice_read_only" { # expect: aws-iam-no-user-policies
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "billing" {
  name       = "billing"
  users      = [aws_iam_user.alice.name, "bob"] # expect: aws-iam-no-user-policies
  groups     = ["finance"]
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

resource "aws_iam_user_policy_attachments_exclusive" "alice" {
  user_name   = aws_iam_user.alice.name
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"] # expect: aws-iam-no-user-policies
}
