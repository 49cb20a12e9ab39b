# Retention left to the provider default of 1 day.
resource "aws_db_instance" "orders" { # expect: aws-rds-backup-retention
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
}

# Three days is less than a week.
resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events"
  engine                      = "aurora-postgresql"
  master_username             = "events_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 3 # expect: aws-rds-backup-retention
  preferred_backup_window     = "03:00-04:00"
}

# Zero turns automated backups off.
resource "aws_db_instance" "scratch" {
  identifier                  = "scratch"
  engine                      = "mysql"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "scratch_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 0 # expect: aws-rds-backup-retention
  skip_final_snapshot         = true
}
