# Administrator access in a JSON heredoc: the finding points at the attribute, since the
# text inside the heredoc has no spans of its own.
resource "aws_iam_group_policy" "admins" {
  name  = "admins"
  group = "admins"
  # expect: aws-iam-no-wildcard-admin
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}
      ]
    }
  JSON
}
