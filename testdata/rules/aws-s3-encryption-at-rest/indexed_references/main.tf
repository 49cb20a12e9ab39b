# References with a known index name one instance, not every instance: the configurations
# below cover "raw" (by `each.key`), "curated" (by a literal key) and the first archive
# bucket (by `count.index`). "scratch" and the second archive bucket are not encrypted.
locals {
  buckets = {
    raw     = "acme-lake-raw"
    curated = "acme-lake-curated"
    scratch = "acme-lake-scratch"
  }
}

# expect: aws-s3-encryption-at-rest
resource "aws_s3_bucket" "lake" {
  for_each = local.buckets
  bucket   = each.value
}

resource "aws_s3_bucket_server_side_encryption_configuration" "lake" {
  for_each = toset(["raw"])
  bucket   = aws_s3_bucket.lake[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "curated" {
  bucket = aws_s3_bucket.lake["curated"].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# expect: aws-s3-encryption-at-rest
resource "aws_s3_bucket" "archive" {
  count  = 2
  bucket = "acme-archive-${count.index}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  count  = 1
  bucket = aws_s3_bucket.archive[count.index].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
