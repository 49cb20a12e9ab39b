# A null `encrypted` is an unset one: the provider's default, false, applies.
resource "aws_ebs_volume" "null_encrypted" { # expect: aws-ebs-encryption
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = null
}
