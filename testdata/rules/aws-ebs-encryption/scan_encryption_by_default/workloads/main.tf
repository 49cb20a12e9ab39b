# soc2gate-test: no findings
# Volumes that declare no encryption: exempt, because the account baseline in ../account
# turns on EBS encryption by default.
variable "ami_id" {
  type = string
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 20
}

resource "aws_instance" "worker" {
  ami           = var.ami_id
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }
}
