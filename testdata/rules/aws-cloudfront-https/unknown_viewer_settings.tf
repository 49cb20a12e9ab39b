# soc2gate-test: no findings
# The viewer protocol policy and the security policy come from variables without a
# default: the rule cannot know them.
variable "viewer_protocol_policy" {
  type = string
}

variable "minimum_protocol_version" {
  type = string
}

resource "aws_cloudfront_distribution" "configurable" {
  enabled = true
  aliases = ["app.example.com"]

  origin {
    domain_name = "app-origin.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = var.viewer_protocol_policy # expect-undetermined: aws-cloudfront-https
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.minimum_protocol_version # expect-undetermined: aws-cloudfront-https
  }
}
