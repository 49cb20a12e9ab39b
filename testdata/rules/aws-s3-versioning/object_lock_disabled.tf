# Object Lock explicitly off (or null, which is unset) does not turn versioning on.
resource "aws_s3_bucket" "unlocked" { # expect: aws-s3-versioning
  bucket              = "acme-unlocked"
  object_lock_enabled = false
}

resource "aws_s3_bucket" "null_lock" { # expect: aws-s3-versioning
  bucket              = "acme-null-lock"
  object_lock_enabled = null
}
