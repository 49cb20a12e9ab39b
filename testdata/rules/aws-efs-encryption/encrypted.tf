# soc2gate-test: no findings
resource "aws_kms_key" "efs" {
  description         = "EFS file systems"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "builds" {
  creation_token = "build-cache"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}

# The AWS managed key (aws/elasticfilesystem) when no key is named.
resource "aws_efs_file_system" "exports" {
  creation_token = "exports"
  encrypted      = true
}
