# soc2gate-test: no findings
# Encryption is decided by a variable without a default: the rule cannot know it and says
# nothing.
variable "encrypt_volumes" {
  type = bool
}

resource "aws_ebs_volume" "cache" {
  availability_zone = "eu-west-1c"
  size              = 100
  encrypted         = var.encrypt_volumes # expect-undetermined: aws-ebs-encryption
}

resource "aws_instance" "cache" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "r6i.large"

  root_block_device {
    encrypted = var.encrypt_volumes # expect-undetermined: aws-ebs-encryption
  }
}

resource "aws_launch_template" "cache" {
  name = "cache"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypt_volumes # expect-undetermined: aws-ebs-encryption
    }
  }
}
