# soc2gate-doc: failing example
# Symmetric encryption keys without automatic rotation.
resource "aws_kms_key" "logs" { # expect: aws-kms-rotation
  description             = "Encrypts the audit logs"
  deletion_window_in_days = 30
}

resource "aws_kms_key" "data" {
  description              = "Encrypts the customer data"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  key_usage                = "ENCRYPT_DECRYPT"
  multi_region             = true
  enable_key_rotation      = false # expect: aws-kms-rotation
}
