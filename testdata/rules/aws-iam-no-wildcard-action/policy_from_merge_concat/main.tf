# A policy document assembled the way larger configurations do it: the statements are
# concatenated from locals and the document is merged from a base object. The wildcard is
# reported where it is written, in the local.
locals {
  base_document = {
    Version = "2012-10-17"
  }

  read_statements = [
    {
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
    },
  ]

  operator_statements = [
    {
      Effect   = "Allow"
      Action   = ["ec2:*"] # expect: aws-iam-no-wildcard-action
      Resource = ["*"]
    },
  ]
}

resource "aws_iam_policy" "operators" {
  name = "operators"
  policy = jsonencode(merge(local.base_document, {
    Statement = concat(local.read_statements, local.operator_statements)
  }))
}
