# soc2gate-doc: failing example
# Served on the default *.cloudfront.net certificate (TLSv1 security policy), with plain
# HTTP allowed in the default behavior and in one ordered behavior.
resource "aws_cloudfront_distribution" "assets" {
  enabled = true

  origin {
    domain_name = "acme-assets.s3.eu-west-1.amazonaws.com"
    origin_id   = "s3-assets"
  }

  default_cache_behavior {
    target_origin_id       = "s3-assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "allow-all" # expect: aws-cloudfront-https
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  ordered_cache_behavior {
    path_pattern           = "/img/*"
    target_origin_id       = "s3-assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "https-only"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = "s3-assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "allow-all" # expect: aws-cloudfront-https
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true # expect: aws-cloudfront-https
  }
}

# A custom certificate, but minimum_protocol_version unset: the default is TLSv1.
resource "aws_cloudfront_distribution" "www" {
  enabled = true
  aliases = ["www.example.com"]

  origin {
    domain_name = "www-origin.example.com"
    origin_id   = "web"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "web"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate { # expect: aws-cloudfront-https
    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    ssl_support_method  = "sni-only"
  }
}

# An explicit security policy that still accepts TLS 1.1.
resource "aws_cloudfront_distribution" "shop" {
  enabled = true
  aliases = ["shop.example.com"]

  origin {
    domain_name = "shop-origin.example.com"
    origin_id   = "shop"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "shop"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "https-only"
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
    minimum_protocol_version = "TLSv1.1_2016" # expect: aws-cloudfront-https
  }
}
