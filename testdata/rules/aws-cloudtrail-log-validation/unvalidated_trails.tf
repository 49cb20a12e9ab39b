# soc2gate-doc: failing example
# Trails whose log files cannot be checked for tampering.
resource "aws_cloudtrail" "default_validation" { # expect: aws-cloudtrail-log-validation
  name                  = "audit"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "validation_off" {
  name                       = "security"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = false # expect: aws-cloudtrail-log-validation
}
