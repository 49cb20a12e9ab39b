# Null arguments are unset: a symmetric key in no custom key store, without rotation.
resource "aws_kms_key" "null_arguments" { # expect: aws-kms-rotation
  description              = "data"
  enable_key_rotation      = null
  customer_master_key_spec = null
  custom_key_store_id      = null
}
