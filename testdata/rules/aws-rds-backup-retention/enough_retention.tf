# soc2gate-test: no findings
# A week or more of automated backups on the instance and the cluster. The Aurora
# cluster's instances and the instance's read replica keep no backups of their own.
resource "aws_db_instance" "billing" {
  identifier                  = "billing"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 100
  username                    = "billing_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  backup_window               = "02:00-03:00"
}

resource "aws_db_instance" "billing_replica" {
  identifier          = "billing-replica"
  replicate_source_db = aws_db_instance.billing.identifier
  instance_class      = "db.t4g.medium"
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier          = "analytics"
  engine                      = "aurora-mysql"
  master_username             = "analytics_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 35
}

resource "aws_rds_cluster_instance" "analytics" {
  count              = 2
  identifier         = "analytics-${count.index}"
  cluster_identifier = aws_rds_cluster.analytics.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.analytics.engine
}
