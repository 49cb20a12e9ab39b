# A null `encrypted` is an unset one: the provider's default, false, applies.
resource "aws_efs_file_system" "null_encrypted" { # expect: aws-efs-encryption
  creation_token = "shared"
  encrypted      = null
  kms_key_id     = null
}
