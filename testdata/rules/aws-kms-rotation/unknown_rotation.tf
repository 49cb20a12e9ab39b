# soc2gate-test: no findings
# Rotation and key spec come from variables without defaults: the rule cannot judge them.
variable "enable_key_rotation" {
  type = bool
}

variable "key_spec" {
  type = string
}

resource "aws_kms_key" "configurable" {
  description         = "Encrypts the queue"
  enable_key_rotation = var.enable_key_rotation # expect-undetermined: aws-kms-rotation
}

resource "aws_kms_key" "any_spec" {
  description              = "Key of a spec chosen by the caller"
  customer_master_key_spec = var.key_spec # expect-undetermined: aws-kms-rotation
}
