# soc2gate-test: no findings
# The mutability comes from a variable without a default: the rule cannot know it.
variable "image_tag_mutability" {
  type = string
}

resource "aws_ecr_repository" "configurable" {
  name                 = "acme/configurable"
  image_tag_mutability = var.image_tag_mutability # expect-undetermined: aws-ecr-immutable-tags
}
