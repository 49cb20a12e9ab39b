# soc2gate-test: no findings
# The retention comes from a variable without a default: the rule cannot know it and
# says nothing.
variable "backup_days" {
  type = number
}

resource "aws_db_instance" "ledger" {
  identifier                  = "ledger"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "ledger_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = var.backup_days # expect-undetermined: aws-rds-backup-retention
}
