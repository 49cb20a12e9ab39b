# No image_scanning_configuration: scan_on_push defaults to false.
resource "aws_ecr_repository" "worker" { # expect: aws-ecr-scan-on-push
  name                 = "acme/worker"
  image_tag_mutability = "IMMUTABLE"
}

# Scanning switched off explicitly.
resource "aws_ecr_repository" "api" {
  name                 = "acme/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = false # expect: aws-ecr-scan-on-push
  }
}
