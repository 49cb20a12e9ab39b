# soc2gate-test: no findings
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "archive" {
  availability_zone = "eu-west-1b"
  size              = 1000
  type              = "sc1"
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_instance" "api" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.small"

  root_block_device {
    volume_size = 30
    encrypted   = true
    kms_key_id  = aws_kms_key.ebs.arn
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
  }
}

resource "aws_launch_template" "api" {
  name          = "api"
  image_id      = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.small"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "true"
      kms_key_id  = aws_kms_key.ebs.arn
    }
  }
}

# Launched from the template above, which maps the root device: no root_block_device
# needed here.
resource "aws_instance" "api_from_template" {
  launch_template {
    id      = aws_launch_template.api.id
    version = "$Latest"
  }
}

# A template without block device mappings maps no EBS volume of its own.
resource "aws_launch_template" "minimal" {
  name          = "minimal"
  image_id      = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.nano"
}
