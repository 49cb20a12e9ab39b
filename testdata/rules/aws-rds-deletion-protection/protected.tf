# soc2gate-test: no findings
resource "aws_db_instance" "billing" {
  identifier                  = "billing"
  engine                      = "mysql"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 100
  username                    = "billing_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier          = "analytics"
  engine                      = "aurora-postgresql"
  master_username             = "analytics_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
}

resource "aws_rds_cluster_instance" "analytics" {
  identifier         = "analytics-1"
  cluster_identifier = aws_rds_cluster.analytics.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.analytics.engine
}
