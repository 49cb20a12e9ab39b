# A trust policy document shared by two roles: reported once, at its principals block.
data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }

    principals { # expect: aws-iam-no-wildcard-trust
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}

resource "aws_iam_role" "batch" {
  name               = "batch"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}
