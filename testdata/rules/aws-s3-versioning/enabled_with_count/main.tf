# soc2gate-test: no findings
# One bucket and one versioning resource per name, joined instance by instance.
variable "names" {
  type    = list(string)
  default = ["raw", "curated"]
}

resource "aws_s3_bucket" "lake" {
  count  = length(var.names)
  bucket = "acme-lake-${var.names[count.index]}"
}

resource "aws_s3_bucket_versioning" "lake" {
  count  = length(var.names)
  bucket = aws_s3_bucket.lake[count.index].id

  versioning_configuration {
    status = "Enabled"
  }
}
