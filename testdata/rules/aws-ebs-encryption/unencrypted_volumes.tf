# Volumes created without encryption, and no aws_ebs_encryption_by_default enabled
# anywhere in the scan.
resource "aws_ebs_volume" "data" { # expect: aws-ebs-encryption
  availability_zone = "eu-west-1a"
  size              = 200
  type              = "gp3"

  tags = {
    Name = "build-data"
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 50
  encrypted         = false # expect: aws-ebs-encryption
}

# No root_block_device: the root volume is whatever the AMI maps, unencrypted unless the
# AMI's snapshot is.
resource "aws_instance" "bastion" { # expect: aws-ebs-encryption
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "t3.micro"

  tags = {
    Name = "bastion"
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-0c1c30571d2dae5c9"
  instance_type = "m6i.large"

  root_block_device { # expect: aws-ebs-encryption
    volume_size = 40
    volume_type = "gp3"
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
    encrypted   = false # expect: aws-ebs-encryption
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 100
    encrypted   = true
  }
}
