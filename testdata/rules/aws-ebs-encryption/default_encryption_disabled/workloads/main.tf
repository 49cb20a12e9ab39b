resource "aws_ebs_volume" "logs" { # expect: aws-ebs-encryption
  availability_zone = "eu-west-1a"
  size              = 20
}
