# A PostgreSQL instance that leaves storage_encrypted unset: the provider default is
# false, so its storage, backups and snapshots are not encrypted.
resource "aws_db_instance" "orders" { # expect: aws-rds-encryption
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  db_subnet_group_name        = "private-db"
  backup_retention_period     = 14
  deletion_protection         = true
}

# An Aurora cluster that turns encryption off explicitly.
resource "aws_rds_cluster" "reporting" {
  cluster_identifier          = "reporting"
  engine                      = "aurora-mysql"
  engine_version              = "8.0.mysql_aurora.3.05.2"
  master_username             = "reporting_admin"
  manage_master_user_password = true
  storage_encrypted           = false # expect: aws-rds-encryption
  backup_retention_period     = 14
  deletion_protection         = true
}

# Its instances hold no storage of their own: the cluster above is reported, not them.
resource "aws_rds_cluster_instance" "reporting" {
  count              = 2
  identifier         = "reporting-${count.index}"
  cluster_identifier = aws_rds_cluster.reporting.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.reporting.engine
  engine_version     = aws_rds_cluster.reporting.engine_version
}
