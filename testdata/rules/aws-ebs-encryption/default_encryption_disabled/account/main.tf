# soc2gate-test: no findings
# The account baseline, another root module: EBS encryption by default is managed here
# but turned off, so it exempts nothing.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}
