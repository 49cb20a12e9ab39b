# soc2gate-test: no findings
# The metadata service is turned off: there is no IMDSv1 to reach, whatever http_tokens
# says.
resource "aws_instance" "isolated" {
  ami           = "ami-0c02fb55956c7d316"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_template" "isolated" {
  name     = "acme-isolated"
  image_id = "ami-0c02fb55956c7d316"

  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}
