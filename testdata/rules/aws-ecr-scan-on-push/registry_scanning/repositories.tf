# Covered by the registry's continuous scanning rule: the repository setting is not
# needed.
resource "aws_ecr_repository" "billing" {
  name                 = "billing/ledger"
  image_tag_mutability = "IMMUTABLE"
}

# Only scanned manually by the registry, and not on push by itself.
resource "aws_ecr_repository" "sandbox" { # expect: aws-ecr-scan-on-push
  name = "sandbox-experiments"
}
