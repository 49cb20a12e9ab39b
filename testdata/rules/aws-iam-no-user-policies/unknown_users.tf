# soc2gate-test: no findings
# The users come from a variable without a default: the list may well be empty.
variable "billing_users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "configurable" {
  name       = "configurable"
  users      = var.billing_users # expect-undetermined: aws-iam-no-user-policies
  groups     = ["finance"]
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}
