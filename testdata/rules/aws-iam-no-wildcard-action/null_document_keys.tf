# soc2gate-test: no findings
# Keys set to null in a document are no keys: `NotAction = null` is no NotAction, and
# `Condition = null` no condition.
resource "aws_iam_policy" "null_keys" {
  name = "read-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["s3:GetObject"]
      NotAction = null
      Resource  = "arn:aws:s3:::acme-reports/*"
      Condition = null
    }]
  })
}
