# soc2gate-test: no findings
# The instance does not set http_tokens: it takes the metadata options of the launch
# template it is launched from, which requires IMDSv2 (and would be reported itself if it
# did not).
resource "aws_launch_template" "bastion" {
  name          = "acme-bastion"
  image_id      = "ami-0c02fb55956c7d316"
  instance_type = "t3.nano"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "bastion" { # expect-undetermined: aws-ec2-imdsv2
  launch_template {
    id      = aws_launch_template.bastion.id
    version = "$Latest"
  }

  tags = {
    Name = "acme-bastion"
  }
}
