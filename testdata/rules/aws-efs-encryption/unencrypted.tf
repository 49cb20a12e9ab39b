# soc2gate-doc: failing example
# encrypted left to the provider default, false.
resource "aws_efs_file_system" "shared" { # expect: aws-efs-encryption
  creation_token   = "shared-home"
  performance_mode = "generalPurpose"

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }

  tags = {
    Name = "shared-home"
  }
}

resource "aws_efs_file_system" "media" {
  creation_token = "media"
  encrypted      = false # expect: aws-efs-encryption
}
