# soc2gate-doc: failing example
# Canned ACLs that open buckets to everyone.

# AWS provider v3 style: the ACL inside the bucket.
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
  acl    = "public-read" # expect: aws-s3-no-public-acl
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "uploads" {
  depends_on = [aws_s3_bucket_ownership_controls.uploads]

  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read-write" # expect: aws-s3-no-public-acl
}

# Joined by the same literal name: any AWS account may read.
resource "aws_s3_bucket" "partners" {
  bucket = "acme-partners"
}

resource "aws_s3_bucket_acl" "partners" {
  bucket = "acme-partners"
  # expect: aws-s3-no-public-acl
  acl = "authenticated-read"
}

# A bucket managed elsewhere: the ACL is public whichever bucket it is.
resource "aws_s3_bucket_acl" "legacy" {
  bucket = "acme-legacy-from-another-stack"
  acl    = "public-read" # expect: aws-s3-no-public-acl
}
