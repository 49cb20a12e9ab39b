# soc2gate-test: no findings
# Permissions granted to a group the user belongs to and to a role: nothing on the user.
resource "aws_iam_user" "dave" {
  name = "dave"
}

resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy_attachment" "developers_read_only" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_group_membership" "dave" {
  user   = aws_iam_user.dave.name
  groups = [aws_iam_group.developers.name]
}

resource "aws_iam_policy_attachment" "support" {
  name       = "support"
  users      = []
  groups     = [aws_iam_group.developers.name]
  roles      = ["support-oncall"]
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}

# Exclusive management that keeps the user free of managed policies.
resource "aws_iam_user_policy_attachments_exclusive" "dave" {
  user_name   = aws_iam_user.dave.name
  policy_arns = []
}
