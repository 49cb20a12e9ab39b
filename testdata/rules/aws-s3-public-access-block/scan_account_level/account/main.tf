# soc2gate-test: no findings
# Public access is blocked once for the whole account, in its own root module.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
