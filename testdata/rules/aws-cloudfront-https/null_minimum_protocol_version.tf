# A null argument is an unset argument: the provider's default minimum, TLSv1, applies.
resource "aws_cloudfront_distribution" "null_version" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "origin"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "origin"
    viewer_protocol_policy = "https-only"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate { # expect: aws-cloudfront-https
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/web"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = null
  }
}
