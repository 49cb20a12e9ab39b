# Public access blocks that leave a path to public access open.
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket = aws_s3_bucket.website.id

  block_public_acls       = true
  block_public_policy     = false # expect: aws-s3-public-access-block
  ignore_public_acls      = true
  restrict_public_buckets = false # expect: aws-s3-public-access-block
}

# Unset flags default to false: reported once, at the block.
resource "aws_s3_bucket" "partial" {
  bucket = "acme-partial"
}

resource "aws_s3_bucket_public_access_block" "partial" { # expect: aws-s3-public-access-block
  bucket = aws_s3_bucket.partial.id

  block_public_acls   = true
  block_public_policy = true
}

# Joined by the same literal name.
resource "aws_s3_bucket" "downloads" {
  bucket = "acme-downloads"
}

resource "aws_s3_bucket_public_access_block" "downloads" {
  bucket = "acme-downloads"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = false # expect: aws-s3-public-access-block
  restrict_public_buckets = true
}
