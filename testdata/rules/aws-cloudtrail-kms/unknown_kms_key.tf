# soc2gate-test: no findings
# The key comes from a variable without a default.
variable "trail_kms_key_arn" {
  type = string
}

resource "aws_cloudtrail" "configurable" {
  name                       = "configurable"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = var.trail_kms_key_arn # expect-undetermined: aws-cloudtrail-kms
}
