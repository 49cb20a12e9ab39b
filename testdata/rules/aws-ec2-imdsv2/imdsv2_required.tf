# soc2gate-test: no findings
# IMDSv2 required on the instance and on the launch template.
resource "aws_instance" "api" {
  ami           = "ami-0c02fb55956c7d316"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  tags = {
    Name = "acme-api"
  }
}

resource "aws_launch_template" "api" {
  name          = "acme-api"
  image_id      = "ami-0c02fb55956c7d316"
  instance_type = "t3.small"

  metadata_options {
    http_tokens = "required"
  }
}
