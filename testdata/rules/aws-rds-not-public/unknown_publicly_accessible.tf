# soc2gate-test: no findings
# Public access is decided by a variable without a default: the rule cannot know it and
# says nothing.
variable "public" {
  type = bool
}

resource "aws_db_instance" "sandbox" {
  identifier                  = "sandbox"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "sandbox_admin"
  manage_master_user_password = true
  publicly_accessible         = var.public # expect-undetermined: aws-rds-not-public
}
