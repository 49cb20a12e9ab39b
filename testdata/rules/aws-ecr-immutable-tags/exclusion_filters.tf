# Immutable except for an explicitly listed tag (AWS provider 6.x): every other tag
# always names the same image.
resource "aws_ecr_repository" "release" {
  name                 = "acme/release"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "latest"
    filter_type = "WILDCARD"
  }
}

# Mutable except for release tags: every other tag can still be moved.
resource "aws_ecr_repository" "nightly" {
  name                 = "acme/nightly"
  image_tag_mutability = "MUTABLE_WITH_EXCLUSION" # expect: aws-ecr-immutable-tags

  image_tag_mutability_exclusion_filter {
    filter      = "v*"
    filter_type = "WILDCARD"
  }
}
