# Report fixture: the findings on these lines are built by hand in the report crate's tests.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "public-read"
  tags = {
    owner = "équipe-données"
  }
}

# soc2gate:ignore aws-s3-versioning -- static website assets, no customer data (expires 2027-06-30)
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
