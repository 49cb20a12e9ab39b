# A null `http_tokens` is an unset one: EC2's default `optional` applies.
resource "aws_launch_template" "null_tokens" {
  name = "web"

  metadata_options {
    http_endpoint = null
    http_tokens   = null # expect: aws-ec2-imdsv2
  }
}
