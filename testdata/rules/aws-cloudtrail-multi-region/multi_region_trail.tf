# soc2gate-test: no findings
# A multi-region organization trail, and one made multi-region through a variable default.
variable "all_regions" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "organization" {
  name                          = "organization"
  s3_bucket_name                = "acme-org-cloudtrail-logs"
  is_multi_region_trail         = true
  is_organization_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/0c3d5e8a-1b2c-4d5e-8f90-123456789abc"
}

resource "aws_cloudtrail" "account" {
  name                       = "account"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = var.all_regions
  enable_log_file_validation = true
}
