# Null arguments are unset: no deletion protection, and no cluster that would protect
# the instance.
resource "aws_db_instance" "null_arguments" { # expect: aws-rds-deletion-protection
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  deletion_protection = null
  cluster_identifier  = null
}
