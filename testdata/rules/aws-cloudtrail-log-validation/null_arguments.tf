# Null arguments are unset arguments: the trail does not validate its log files.
resource "aws_cloudtrail" "null_arguments" { # expect: aws-cloudtrail-log-validation
  name                       = "audit"
  s3_bucket_name             = "acme-audit-logs"
  enable_log_file_validation = null
  is_multi_region_trail      = null
  kms_key_id                 = null
}
