resource "aws_s3_bucket" "assets" { # expect: aws-s3-public-access-block
  bucket = "acme-assets"
}
