# soc2gate-test: no findings
# Whether the storage is encrypted is decided by a variable without a default: the rule
# cannot know it and says nothing.
variable "encrypt_storage" {
  type = bool
}

resource "aws_db_instance" "ledger" {
  identifier                  = "ledger"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "ledger_admin"
  manage_master_user_password = true
  storage_encrypted           = var.encrypt_storage # expect-undetermined: aws-rds-encryption
}
