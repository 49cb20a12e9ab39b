# A null mutability is an unset one: the provider's default MUTABLE applies.
resource "aws_ecr_repository" "null_mutability" { # expect: aws-ecr-immutable-tags
  name                 = "web"
  image_tag_mutability = null

  image_scanning_configuration {
    scan_on_push = true
  }
}
