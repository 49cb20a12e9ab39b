# soc2gate-test: no findings
# Encryption is decided by a variable without a default: the rule cannot know it and says
# nothing.
variable "encrypt" {
  type = bool
}

resource "aws_efs_file_system" "scratch" {
  creation_token = "scratch"
  encrypted      = var.encrypt # expect-undetermined: aws-efs-encryption
}
