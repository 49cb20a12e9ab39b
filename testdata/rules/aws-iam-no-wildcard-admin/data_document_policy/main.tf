# Administrator access in a data.aws_iam_policy_document used by a policy: reported once,
# at the data source's actions.
data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Admin"
    actions   = ["*"] # expect: aws-iam-no-wildcard-admin
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_role_policy" "admin" {
  name   = "admin"
  role   = "deploy"
  policy = data.aws_iam_policy_document.admin.json
}
