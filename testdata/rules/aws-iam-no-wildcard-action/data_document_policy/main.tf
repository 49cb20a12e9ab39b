# A wildcard in a data.aws_iam_policy_document used by a role policy: reported once, at
# the data source's actions. A trust policy document is not a permissions policy.
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions   = ["ecs:*"] # expect: aws-iam-no-wildcard-action
    resources = [aws_ecs_cluster.main.arn]
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:*"]

    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
  }
}

resource "aws_ecs_cluster" "main" {
  name = "main"
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
