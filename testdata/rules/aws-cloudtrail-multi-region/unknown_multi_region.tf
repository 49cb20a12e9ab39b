# soc2gate-test: no findings
# Whether the trail covers every region comes from a variable without a default.
variable "is_multi_region_trail" {
  type = bool
}

resource "aws_cloudtrail" "configurable" {
  name                  = "configurable"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = var.is_multi_region_trail # expect-undetermined: aws-cloudtrail-multi-region
}
