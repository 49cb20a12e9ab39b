# soc2gate-test: no findings
# A key that was disabled while its user is phased out cannot be used.
resource "aws_iam_access_key" "legacy" {
  user   = "legacy-ci"
  status = "Inactive"
}
