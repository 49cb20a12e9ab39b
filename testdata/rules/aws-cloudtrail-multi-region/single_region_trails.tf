# Trails that log their own region only.
resource "aws_cloudtrail" "default_region" { # expect: aws-cloudtrail-multi-region
  name                       = "audit"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "regional" {
  name                       = "eu-west-1-audit"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = false # expect: aws-cloudtrail-multi-region
  enable_log_file_validation = true
}
