# Versioning resources that exist but leave versioning off.
resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}

resource "aws_s3_bucket_versioning" "scratch" {
  bucket = aws_s3_bucket.scratch.id

  versioning_configuration {
    status = "Suspended" # expect: aws-s3-versioning
  }
}

resource "aws_s3_bucket" "tmp" {
  bucket = "acme-tmp"
}

# Joined by the same literal name.
resource "aws_s3_bucket_versioning" "tmp" {
  bucket = "acme-tmp"

  versioning_configuration {
    # expect: aws-s3-versioning
    status = "Disabled"
  }
}

# The bucket is managed elsewhere: its versioning is known to be suspended all the same.
resource "aws_s3_bucket_versioning" "shared" {
  bucket = "acme-shared-from-another-stack"

  versioning_configuration {
    status = "Suspended" # expect: aws-s3-versioning
  }
}
