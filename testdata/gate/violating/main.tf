# A repository that fails the gate: the CI tests of the GitHub Action and the pre-commit
# hook expect findings here. A bucket with neither encryption at rest nor a TLS-only
# policy, and an IAM policy that grants everything.

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
