resource "aws_kms_key" "k" {
  enable_key_rotation = true
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.read.json
}
