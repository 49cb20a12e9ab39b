# soc2gate-test: no findings
resource "aws_ecr_repository" "web" {
  name                 = "acme/web"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }
}

# An existing repository read as a data source is not judged.
data "aws_ecr_repository" "base" {
  name = "acme/base-images"
}
