# soc2gate-test: no findings
# Deletion protection is decided per environment by a variable without a default: the
# rule cannot know it and says nothing.
variable "protect" {
  type = bool
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = var.protect # expect-undetermined: aws-rds-deletion-protection
}
