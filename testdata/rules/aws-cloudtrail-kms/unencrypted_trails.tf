# Trails without a KMS key: only the bucket's default encryption.
resource "aws_cloudtrail" "main" { # expect: aws-cloudtrail-kms
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "empty_key" {
  name                       = "empty-key"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = "" # expect: aws-cloudtrail-kms
}
