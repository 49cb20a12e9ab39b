# soc2gate-doc: failing example
# image_tag_mutability unset: the default is MUTABLE.
resource "aws_ecr_repository" "worker" { # expect: aws-ecr-immutable-tags
  name = "acme/worker"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "api" {
  name                 = "acme/api"
  image_tag_mutability = "MUTABLE" # expect: aws-ecr-immutable-tags

  image_scanning_configuration {
    scan_on_push = true
  }
}
