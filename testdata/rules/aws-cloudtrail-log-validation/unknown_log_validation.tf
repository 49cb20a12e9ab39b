# soc2gate-test: no findings
# Validation comes from a variable without a default.
variable "enable_log_file_validation" {
  type = bool
}

resource "aws_cloudtrail" "configurable" {
  name                       = "configurable"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = var.enable_log_file_validation # expect-undetermined: aws-cloudtrail-log-validation
}
