# soc2gate-test: no findings
# soc2gate-doc: passing example
# Versioning enabled by an aws_s3_bucket_versioning that references the bucket.
resource "aws_s3_bucket" "documents" {
  bucket = "acme-documents"
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id

  versioning_configuration {
    status = "Enabled"
  }
}
