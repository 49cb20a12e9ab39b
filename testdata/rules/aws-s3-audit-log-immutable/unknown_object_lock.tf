# soc2gate-test: no findings
# Object Lock is switched by a variable without a default: the rule cannot know it.
variable "object_lock" {
  type = bool
}

resource "aws_s3_bucket" "configurable_trail" {
  bucket              = "acme-configurable-trail"
  object_lock_enabled = var.object_lock # expect-undetermined: aws-s3-audit-log-immutable
}

resource "aws_cloudtrail" "configurable" {
  name           = "configurable"
  s3_bucket_name = aws_s3_bucket.configurable_trail.id
}
