# soc2gate-test: no findings
# The trail lives in its own root module and names the log bucket of ../logs literally.
resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = "acme-central-cloudtrail"
  is_organization_trail = true
  is_multi_region_trail = true
}
