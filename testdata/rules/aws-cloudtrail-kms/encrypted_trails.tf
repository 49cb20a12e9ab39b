# soc2gate-test: no findings
# A trail encrypted with a key of the module, and one with a literal key ARN.
resource "aws_kms_key" "trail" {
  description         = "Encrypts the CloudTrail logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "encrypted" {
  name                       = "encrypted"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}

resource "aws_cloudtrail" "shared_key" {
  name                       = "shared-key"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/0c3d5e8a-1b2c-4d5e-8f90-123456789abc"
}
