# soc2gate-test: no findings
# scan_on_push comes from a variable without a default: the rule cannot know it.
variable "scan_on_push" {
  type = bool
}

resource "aws_ecr_repository" "configurable" {
  name = "acme/configurable"

  image_scanning_configuration {
    scan_on_push = var.scan_on_push # expect-undetermined: aws-ecr-scan-on-push
  }
}
