# soc2gate-test: no findings
# The versioning resource names the bucket with the same literal instead of a reference.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-versioned-by-name"
}

resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "acme-versioned-by-name"

  versioning_configuration {
    status = "Enabled"
  }
}

# The split resource decides over a leftover inline block.
resource "aws_s3_bucket" "migrated" {
  bucket = "acme-migrated"

  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket_versioning" "migrated" {
  bucket = aws_s3_bucket.migrated.bucket

  versioning_configuration {
    status = "Enabled"
  }
}
