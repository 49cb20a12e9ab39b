resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket" "media_logs" {
  bucket = "acme-media-logs"
}

# Neither logged nor a log target.
resource "aws_s3_bucket" "thumbnails" { # expect: aws-s3-access-logging
  bucket = "acme-thumbnails"
}
