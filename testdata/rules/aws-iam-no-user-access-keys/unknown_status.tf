# soc2gate-test: no findings
variable "key_status" {
  type = string
}

resource "aws_iam_access_key" "configurable" {
  user   = "ci"
  status = var.key_status # expect-undetermined: aws-iam-no-user-access-keys
}
