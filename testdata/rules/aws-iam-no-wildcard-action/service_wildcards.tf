# Every action of a service, in the three ways a policy can be written.
resource "aws_iam_policy" "s3_full" {
  name = "s3-full"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:*"] # expect: aws-iam-no-wildcard-action
        Resource = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      },
    ]
  })
}

# A heredoc with an interpolation: still read, and reported at the attribute.
variable "queue_arn" {
  type = string
}

resource "aws_iam_role_policy" "queue_worker" {
  name = "queue-worker"
  role = "worker"
  # expect: aws-iam-no-wildcard-action
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["sqs:*", "sns:Publish"], "Resource": "${var.queue_arn}"}
      ]
    }
  JSON
}

# Every action on one table is still every action, including deleting it.
resource "aws_iam_group_policy" "tables" {
  name  = "tables"
  group = "reporting"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*" # expect: aws-iam-no-wildcard-action
        Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/reports"
      },
    ]
  })
}
