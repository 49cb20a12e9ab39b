# soc2gate-test: no findings
# The account-level block of another root module leaves public bucket policies working
# for everyone (restrict_public_buckets = false), so it exempts no bucket of the scan.
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}
