# soc2gate-test: no findings
# Log file validation on.
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/0c3d5e8a-1b2c-4d5e-8f90-123456789abc"
}
