# soc2gate-doc: failing example
# EBS mappings of a launch template: the provider takes encrypted as a string.
resource "aws_launch_template" "nodes" {
  name          = "eks-nodes"
  image_id      = "ami-0c1c30571d2dae5c9"
  instance_type = "m6i.xlarge"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs { # expect: aws-ebs-encryption
      volume_size = 80
      volume_type = "gp3"
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"

    ebs {
      volume_size = 200
      encrypted   = "false" # expect: aws-ebs-encryption
    }
  }

  # Instance store: not an EBS volume.
  block_device_mappings {
    device_name  = "/dev/sdc"
    virtual_name = "ephemeral0"
  }
}
