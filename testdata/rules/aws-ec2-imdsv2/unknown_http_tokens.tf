# soc2gate-test: no findings
# http_tokens comes from a variable without a default: the rule cannot know it.
variable "http_tokens" {
  type = string
}

resource "aws_launch_template" "configurable" {
  name          = "acme-configurable"
  image_id      = "ami-0c02fb55956c7d316"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.http_tokens # expect-undetermined: aws-ec2-imdsv2
  }
}

resource "aws_instance" "configurable" {
  ami           = "ami-0c02fb55956c7d316"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = var.http_tokens # expect-undetermined: aws-ec2-imdsv2
  }
}
