# soc2gate-test: no findings
# Symmetric keys that rotate, one through a variable with a default.
variable "rotate_keys" {
  type    = bool
  default = true
}

resource "aws_kms_key" "backups" {
  description             = "Encrypts the backups"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_key" "secrets" {
  description         = "Encrypts application secrets"
  enable_key_rotation = var.rotate_keys
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/secrets"
  target_key_id = aws_kms_key.secrets.key_id
}
